// RepositoryPath.h — file paths as CI systems want them: relative to the repository root, with forward slashes.
#pragma once

#include <string>

namespace vdc {

/// The path of `file` relative to the nearest enclosing directory holding `.git` (else the working directory).
std::string repositoryRelativePath(const std::string &file);

} // namespace vdc
