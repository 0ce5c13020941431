// PrebuiltModules.cpp — choosing between a prebuilt stdlib tree and parsing a module's text.
#include "driver/PrebuiltModules.h"

#include "ast/Serialize.h"
#include "parse/Parser.h"

namespace vdc {

ast::Module parseOrPrebuilt(const SourceManager &sources, FileId file, DiagnosticSink &diags, bool usePrebuilt) {
  std::string_view text = sources.text(file);
  if (usePrebuilt)
    for (const PrebuiltModule &m : prebuiltModules()) {
      ast::Module module;
      if (m.text == text && ast::deserializeModule(m.tree, file, module))
        return module;
    }
  return parseModule(sources, file, diags);
}

} // namespace vdc
