// DataFile.h — reading one data file for `vdc verify`: in chunks, parsed and hashed as it is read, keeping only the
// columns a check uses, with every kept cell checked to be valid UTF-8.
#pragma once

#include "runtime/Csv.h"
#include "source/FileRead.h"

#include <string>
#include <vector>

namespace vdc {

/// Reads the opened data file to its end in chunks of 1 MiB: parses it keeping `columns` (shown as `shown` in
/// messages) and computes the lowercase hex SHA-256 of all its bytes (what the lock records). Memory grows with the
/// kept columns, not with the file. A cell or column name that is not valid UTF-8 is an error with its row and
/// column. Returns false and fills `error` (with the line it concerns) on a problem.
bool readAndParse(OpenedFile &file, const std::string &shown, const std::vector<std::string> &columns,
                  rt::CsvTable &table, std::string &sha256, rt::DataError &error);

/// The text of 1-based `line` of the opened regular file (read again from its start, at most 64 KiB of the line,
/// without its line break), to quote in a message; "" when it cannot be read.
std::string lineOfFile(const OpenedFile &file, size_t line);

} // namespace vdc
