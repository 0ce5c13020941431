// Csv.h — reading a CSV data file with a header row (RFC 4180, parsed by libcsv) for the executable checks: in
// chunks as the file is read, keeping only the columns a check reads.
#pragma once

#include "runtime/CsvColumn.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vdc::rt {

/// A problem in a data file: the message and the 1-based line it concerns (0 when none).
struct DataError {
  std::string message;
  size_t line = 0;
};

/// A parsed CSV table: every column name of the header, and the cells of the kept columns for each data row, with
/// the line where the row starts. Cells are stored column by column (CsvColumn): a column of few distinct values as
/// one byte a row, one of numbers as a double a row, other text as itself plus 4 bytes a cell, all in fixed-size
/// blocks, so a large file costs less memory than the text of the columns a check reads, or little more.
class CsvTable {
public:
  std::string path;                 ///< As shown in messages.
  std::vector<std::string> header;  ///< Every column name of the file, in order (for messages).
  std::vector<std::string> columns; ///< The names of the kept columns; a cell's column index is its place here.

  /// Number of data rows.
  size_t rowCount() const { return rows_; }
  /// The line where data row `row` (0-based) starts.
  size_t rowLine(size_t row) const;
  /// Every row's line, in order (for tests).
  std::vector<size_t> rowLines() const;
  /// The text of the cell of data row `row` (0-based) in kept column `col`, as it was in the file.
  std::string cell(size_t row, size_t col) const { return cells_[col].text(row); }
  /// Whether that cell is exactly `text` (without copying it).
  bool cellIs(size_t row, size_t col, std::string_view text) const { return cells_[col].equals(row, text); }
  /// That cell as a number by the rule of parseNumber, nullopt when it is not one (each cell is read once, when the
  /// file is read).
  std::optional<double> number(size_t row, size_t col) const { return cells_[col].number(row); }
  /// How kept column `col` is stored (for tests).
  CsvColumn::Storage storage(size_t col) const { return cells_[col].storage(); }
  /// The index of a kept column, or nullopt (also for a column of the file that was not kept).
  std::optional<size_t> column(const std::string &name) const;
  /// The name of kept column `col`.
  const std::string &name(size_t col) const { return columns[col]; }
  /// "a, b, c": every column of the file, for messages.
  std::string columnList() const;

  /// Appends one cell to kept column `col` (rows are filled in order). False when the cell exceeds 4 GiB.
  bool appendCell(size_t col, std::string_view text);
  /// Ends a data row that starts at `line`.
  void endRow(size_t line);
  /// Starts the storage of `names` as the kept columns (drops any cells).
  void keepColumns(std::vector<std::string> names);

private:
  std::vector<CsvColumn> cells_; ///< Per kept column: its cells.
  size_t rows_ = 0;
  /// (row, line) for each row that does not start on the line after the previous row's start (the first row, and
  /// rows after a multi-line quoted field or a blank line): most files store one pair, not one line per row.
  PagedArray<uint64_t> jumpRow_, jumpLine_;
};

/// A strict CSV parser fed in chunks: unbalanced quotes, a quote inside an unquoted field, ragged rows, an empty or
/// duplicate header are errors, reported with their line as soon as they are seen.
class CsvReader {
public:
  /// Reads a file shown as `path`, keeping the columns named in `columns` (every column when nullopt). Names the
  /// header lacks are not an error here: the check that needs them reports them with the columns there are.
  CsvReader(std::string path, std::optional<std::vector<std::string>> columns);
  ~CsvReader();
  CsvReader(const CsvReader &) = delete;
  CsvReader &operator=(const CsvReader &) = delete;

  /// Parses the next bytes of the file. Returns false and fills `error` on the first problem (later calls fail).
  bool feed(std::string_view bytes, DataError &error);
  /// Ends the file: returns false and fills `error` on a problem, else moves the table into `table`.
  bool finish(CsvTable &table, DataError &error);

  struct State; ///< The parser and what it has read so far (internal to Csv.cpp).

private:
  std::unique_ptr<State> s_;
};

/// Parses the whole of `text` (the contents of `path`) with every column kept; the same rules as CsvReader.
bool parseCsv(const std::string &path, const std::string &text, CsvTable &table, DataError &error);

} // namespace vdc::rt
