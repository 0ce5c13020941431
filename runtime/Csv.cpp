// Csv.cpp — strict RFC 4180 parsing through libcsv, fed in chunks, with line numbers for every row and error.
#include "runtime/Csv.h"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace vdc::rt {

size_t CsvTable::rowLine(size_t row) const {
  // The last jump at or before `row`.
  size_t low = 0, high = jumpRow_.size();
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (jumpRow_[mid] <= row)
      low = mid + 1;
    else
      high = mid;
  }
  if (low == 0)
    return 0;
  return jumpLine_[low - 1] + (row - jumpRow_[low - 1]);
}

std::vector<size_t> CsvTable::rowLines() const {
  std::vector<size_t> out;
  for (size_t r = 0; r < rows_; ++r)
    out.push_back(rowLine(r));
  return out;
}

void CsvTable::endRow(size_t line) {
  size_t jumps = jumpRow_.size();
  if (jumps == 0 || jumpLine_[jumps - 1] + (rows_ - jumpRow_[jumps - 1]) != line) {
    jumpRow_.push_back(rows_);
    jumpLine_.push_back(line);
  }
  ++rows_;
}

std::optional<size_t> CsvTable::column(const std::string &name) const {
  auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end())
    return std::nullopt;
  return static_cast<size_t>(it - columns.begin());
}

std::string CsvTable::columnList() const {
  std::string out;
  for (const std::string &h : header) {
    if (!out.empty())
      out += ", ";
    out += h;
  }
  return out;
}

bool CsvTable::appendCell(size_t col, std::string_view cellText) { return cells_[col].push_back(cellText); }

void CsvTable::keepColumns(std::vector<std::string> names) {
  columns = std::move(names);
  cells_.clear();
  cells_.resize(columns.size());
}

struct CsvReader::State {
  csv_parser parser{};
  bool started = false; ///< csv_init succeeded.
  bool failed = false;
  DataError error;
  CsvTable table;
  std::optional<std::vector<std::string>> wanted;
  std::vector<int64_t> slot; ///< Per column of the header: its kept index, or -1.
  size_t records = 0;        ///< Records completed (the header is the first).
  size_t fields = 0;         ///< Fields of the current record so far.
  size_t line = 1;           ///< The line being fed to the parser.
  size_t recordLine = 0;     ///< The line where the current record started (0: none yet).
  bool endsWithNewline = false;
  bool anyBytes = false;
  bool bomChecked = false;
  std::string start; ///< The first bytes, until it is known whether they are a UTF-8 byte-order mark.

  void fail(std::string message, size_t at) {
    if (!failed)
      error = {std::move(message), at};
    failed = true;
  }
  void endHeader();
  bool parse(std::string_view bytes);
};

namespace {

void onField(void *data, size_t len, void *raw) {
  auto *s = static_cast<CsvReader::State *>(raw);
  if (s->failed)
    return;
  std::string_view field(data ? static_cast<const char *>(data) : "", data ? len : 0);
  // The record starts where its first field does: a quoted field may span lines.
  if (s->fields == 0 && s->recordLine == 0)
    s->recordLine = s->line - static_cast<size_t>(std::count(field.begin(), field.end(), '\n'));
  size_t index = s->fields++;
  if (s->records == 0) {
    s->table.header.emplace_back(field);
  } else if (index < s->slot.size() && s->slot[index] >= 0) {
    if (!s->table.appendCell(static_cast<size_t>(s->slot[index]), field))
      s->fail(fmt::format("a cell of column `{}` holds more than 4 GiB of text", s->table.header[index]), s->line);
  }
}

void onRecord(int, void *raw) {
  auto *s = static_cast<CsvReader::State *>(raw);
  if (s->failed)
    return;
  size_t at = s->recordLine ? s->recordLine : s->line;
  if (s->records == 0) {
    s->recordLine = at;
    s->endHeader();
  } else if (s->fields != s->table.header.size()) {
    s->fail(fmt::format("ragged row: {} fields, but the header has {} columns ({})", s->fields,
                        s->table.header.size(), s->table.columnList()),
            at);
  } else {
    s->table.endRow(at);
  }
  ++s->records;
  s->fields = 0;
  s->recordLine = 0;
}

/// libcsv trims spaces and tabs around unquoted fields by default; RFC 4180 keeps them, and so do we
/// except that a value like ` 3.5` still parses as a number later.
int noSpace(unsigned char) { return 0; }

} // namespace

void CsvReader::State::endHeader() {
  const std::vector<std::string> &header = table.header;
  std::unordered_map<std::string_view, size_t> index; // one pass: a wide header costs linear time
  index.reserve(header.size());
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty())
      return fail(fmt::format("column {} of the header has no name", i + 1), recordLine);
    if (!index.emplace(header[i], i).second)
      return fail(fmt::format("the header names column `{}` twice", header[i]), recordLine);
  }
  slot.assign(header.size(), -1);
  std::vector<std::string> kept;
  if (!wanted) {
    for (size_t i = 0; i < header.size(); ++i)
      slot[i] = static_cast<int64_t>(i);
    kept = header;
  } else {
    for (const std::string &name : *wanted) {
      auto it = index.find(name);
      if (it == index.end() || slot[it->second] >= 0)
        continue;
      slot[it->second] = static_cast<int64_t>(kept.size());
      kept.push_back(name);
    }
  }
  table.keepColumns(std::move(kept));
}

bool CsvReader::State::parse(std::string_view bytes) {
  // Feed one line at a time so that every record and error knows its line.
  size_t pos = 0;
  while (pos < bytes.size() && !failed) {
    size_t end = bytes.find('\n', pos);
    bool newline = end != std::string_view::npos;
    end = newline ? end + 1 : bytes.size();
    size_t fed = csv_parse(&parser, bytes.data() + pos, end - pos, onField, onRecord, this);
    if (fed != end - pos)
      fail(fmt::format("malformed CSV: {} (a quote must open and close a whole field, and a quote "
                       "inside a quoted field is written twice)",
                       csv_strerror(csv_error(&parser))),
           line);
    if (newline)
      ++line;
    pos = end;
  }
  if (!bytes.empty()) {
    anyBytes = true;
    endsWithNewline = bytes.back() == '\n';
  }
  return !failed;
}

CsvReader::CsvReader(std::string path, std::optional<std::vector<std::string>> columns) : s_(new State) {
  s_->table.path = std::move(path);
  s_->wanted = std::move(columns);
  if (csv_init(&s_->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    s_->fail("cannot start the CSV parser", 0);
  else
    s_->started = true;
  csv_set_space_func(&s_->parser, noSpace);
}

CsvReader::~CsvReader() {
  if (s_->started)
    csv_free(&s_->parser);
}

bool CsvReader::feed(std::string_view bytes, DataError &error) {
  State &s = *s_;
  if (!s.failed && !s.bomChecked) {
    // A UTF-8 byte-order mark at the start is not part of the first column's name.
    size_t take = std::min(bytes.size(), 3 - s.start.size());
    s.start.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (s.start.size() < 3)
      return true;
    s.bomChecked = true;
    if (s.start != "\xEF\xBB\xBF")
      s.parse(s.start);
    s.start.clear();
  }
  if (!s.failed)
    s.parse(bytes);
  if (s.failed)
    error = s.error;
  return !s.failed;
}

bool CsvReader::finish(CsvTable &table, DataError &error) {
  State &s = *s_;
  if (!s.failed && !s.bomChecked) {
    s.bomChecked = true;
    s.parse(s.start);
  }
  if (!s.failed) {
    size_t lastLine = s.line > 1 && s.anyBytes && s.endsWithNewline ? s.line - 1 : s.line;
    s.line = lastLine;
    if (csv_fini(&s.parser, onField, onRecord, &s) != 0)
      s.fail("malformed CSV: a quoted field is not closed before the end of the file",
             s.recordLine ? s.recordLine : lastLine);
  }
  if (!s.failed && s.records == 0)
    s.fail("the file is empty; a header row naming the columns is expected", 1);
  if (s.failed) {
    error = s.error;
    return false;
  }
  table = std::move(s.table);
  s.table = CsvTable{};
  s.failed = true; // the table is gone: any later call is an error
  s.error = {"the CSV file was already read to its end", 0};
  return true;
}

bool parseCsv(const std::string &path, const std::string &text, CsvTable &table, DataError &error) {
  table = CsvTable{};
  table.path = path;
  CsvReader reader(path, std::nullopt);
  return reader.feed(text, error) && reader.finish(table, error);
}

} // namespace vdc::rt
