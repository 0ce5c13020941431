// RepositoryPath.h — file paths as CI systems want them: relative to the file's own repository root, as URIs for SARIF.
#pragma once

#include <string>

namespace vdc {

/// The nearest directory enclosing `file` that holds `.git` (absolute, without `.` and `..`), or "" when the file
/// lies in no repository. The search starts at the file's own directory, not at the working directory.
std::string repositoryRootOf(const std::string &file);

/// The path of `file` relative to its repository root (repositoryRootOf), with forward slashes; the absolute path
/// when the file lies in no repository. `<stdin>` is returned unchanged.
std::string repositoryRelativePath(const std::string &file);

/// An RFC 3986 URI reference for `file` (SARIF `artifactLocation.uri`): the repository-relative path with every
/// byte but unreserved characters and `/` percent-encoded, or a `file:///` URI when the file lies in no repository.
std::string artifactUri(const std::string &file);

/// Percent-encodes every byte of `path` except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~) and `/`.
std::string percentEncodePath(const std::string &path);

} // namespace vdc
