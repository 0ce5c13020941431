// Hover.h — the Markdown shown when the cursor rests on a name: what it is, what it relates to, what it obliges.
#pragma once

#include "lsp/Occurrences.h"

#include <string>

namespace vdc::lsp {

/// Markdown describing an occurrence ("" when there is nothing to say): a design declaration with its description,
/// doc comment, proxy relations and obligations; an assumption with its formula and explanation (and, in a
/// discharge, the status of the obligations it settles); a strategy with its parameters; a proxy kind, an
/// aggregation (also where `over:` names it) or a strategy parameter with its type; an import's path with the file
/// it resolved to and what that module declares.
std::string hoverMarkdown(const Compilation &c, const Occurrence &occurrence);

} // namespace vdc::lsp
