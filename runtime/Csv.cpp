// Csv.cpp — strict RFC 4180 parsing through libcsv, with line numbers for every row and error.
#include "runtime/Csv.h"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>

namespace vdc::rt {

std::optional<size_t> CsvTable::column(const std::string &name) const {
  auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end())
    return std::nullopt;
  return static_cast<size_t>(it - header.begin());
}

std::string CsvTable::columnList() const {
  std::string out;
  for (const std::string &h : header)
    out += (out.empty() ? "" : ", ") + h;
  return out;
}

namespace {

struct ParseState {
  std::vector<std::vector<std::string>> records;
  std::vector<size_t> lines;
  std::vector<std::string> current;
  size_t line = 1;        ///< The line being fed to the parser.
  size_t recordLine = 0;  ///< The line where the current record started (0: none yet).
};

void onField(void *data, size_t len, void *raw) {
  auto *s = static_cast<ParseState *>(raw);
  std::string field(data ? static_cast<const char *>(data) : "", data ? len : 0);
  // The record starts where its first field does: a quoted field may span lines.
  if (s->current.empty() && s->recordLine == 0)
    s->recordLine = s->line - static_cast<size_t>(std::count(field.begin(), field.end(), '\n'));
  s->current.push_back(std::move(field));
}

void onRecord(int, void *raw) {
  auto *s = static_cast<ParseState *>(raw);
  s->records.push_back(std::move(s->current));
  s->lines.push_back(s->recordLine ? s->recordLine : s->line);
  s->current.clear();
  s->recordLine = 0;
}

/// libcsv trims spaces and tabs around unquoted fields by default; RFC 4180 keeps them, and so do we
/// except that a value like ` 3.5` still parses as a number later.
int noSpace(unsigned char) { return 0; }

} // namespace

bool parseCsv(const std::string &path, const std::string &input, CsvTable &table, DataError &error) {
  table = CsvTable{};
  table.path = path;
  std::string text = input;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) // a UTF-8 byte-order mark
    text.erase(0, 3);
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    error = {"cannot start the CSV parser", 0};
    return false;
  }
  csv_set_space_func(&parser, noSpace);
  ParseState state;
  size_t pos = 0;
  bool ok = true;
  // Feed one line at a time so that every record and error knows its line.
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end + 1;
    size_t fed = csv_parse(&parser, text.data() + pos, end - pos, onField, onRecord, &state);
    if (fed != end - pos) {
      error = {fmt::format("malformed CSV: {} (a quote must open and close a whole field, and a quote "
                           "inside a quoted field is written twice)",
                           csv_strerror(csv_error(&parser))),
               state.line};
      ok = false;
      break;
    }
    pos = end;
    ++state.line;
  }
  if (ok) {
    size_t lastLine = state.line > 1 && !text.empty() && text.back() == '\n' ? state.line - 1 : state.line;
    state.line = lastLine;
    if (csv_fini(&parser, onField, onRecord, &state) != 0) {
      error = {"malformed CSV: a quoted field is not closed before the end of the file",
               state.recordLine ? state.recordLine : lastLine};
      ok = false;
    }
  }
  csv_free(&parser);
  if (!ok)
    return false;
  if (state.records.empty()) {
    error = {"the file is empty; a header row naming the columns is expected", 1};
    return false;
  }
  table.header = std::move(state.records.front());
  for (size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i].empty()) {
      error = {fmt::format("column {} of the header has no name", i + 1), state.lines.front()};
      return false;
    }
    for (size_t j = 0; j < i; ++j)
      if (table.header[j] == table.header[i]) {
        error = {fmt::format("the header names column `{}` twice", table.header[i]), state.lines.front()};
        return false;
      }
  }
  for (size_t r = 1; r < state.records.size(); ++r) {
    if (state.records[r].size() != table.header.size()) {
      error = {fmt::format("ragged row: {} fields, but the header has {} columns ({})", state.records[r].size(),
                           table.header.size(), table.columnList()),
               state.lines[r]};
      return false;
    }
    table.rows.push_back(std::move(state.records[r]));
    table.rowLines.push_back(state.lines[r]);
  }
  return true;
}

} // namespace vdc::rt
