// Csv.h — reading a CSV data file with a header row (RFC 4180, parsed by libcsv) for the executable checks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace vdc::rt {

/// A problem in a data file: the message and the 1-based line it concerns (0 when none).
struct DataError {
  std::string message;
  size_t line = 0;
};

/// A parsed CSV table: the header and the data rows, each with the line where it starts.
struct CsvTable {
  std::string path; ///< As shown in messages.
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> rowLines;

  /// The index of a column, or nullopt.
  std::optional<size_t> column(const std::string &name) const;
  /// "a, b, c": the columns that exist, for messages.
  std::string columnList() const;
};

/// Parses `text` (the contents of `path`) strictly: unbalanced quotes, a quote inside an unquoted field,
/// ragged rows, an empty or duplicate header are errors. Returns false and fills `error` on failure.
bool parseCsv(const std::string &path, const std::string &text, CsvTable &table, DataError &error);

} // namespace vdc::rt
