// Formatter.h — `vdc fmt`: the canonical layout of a vdesign file, keeping every comment and blank-line group.
#pragma once

#include <ostream>
#include <string>

namespace vdc {

/// The canonical layout of `text` (a whole file named `name`). Returns false, after printing the
/// diagnostics to `err`, when the file has errors that stop it being formatted (syntax errors,
/// invalid UTF-8): such a file is never changed.
bool formatSource(const std::string &name, const std::string &text, std::string &formatted, std::ostream &err,
                  bool color);

} // namespace vdc
