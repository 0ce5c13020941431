// CsvColumn.h — one kept column of a CSV data file in memory: a dictionary of its few distinct values with one small
// code per row, or its numbers as doubles, or its text, each held in blocks of a fixed size that are never copied.
#pragma once

#include <llvm/ADT/StringMap.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vdc::rt {

/// How a cell reads as a number under the one rule of every check that needs numbers: spaces and tabs around the
/// number are ignored; a cell that is empty, not a number or NaN, one that is infinite or too large for a double,
/// and one too close to 0 for a double (it would read as 0) are refused. Subnormal numbers are kept.
enum class NumberStatus { Ok, NotNumber, TooLarge, TooSmall };
NumberStatus parseNumber(std::string_view text, double &out);

/// A growing array held in pages of a fixed size: appending never copies what is already stored, so the array
/// never holds an old and a new copy of itself at once.
template <class T> class PagedArray {
public:
  static constexpr size_t kPage = (size_t(256) << 10) / sizeof(T); ///< Elements per page (256 KiB).

  size_t size() const { return size_; }
  T operator[](size_t i) const { return pages_[i / kPage][i % kPage]; }
  void push_back(T value) {
    if (size_ % kPage == 0)
      pages_.emplace_back(new T[kPage]); // left uninitialised: only the pages written to use memory
    pages_.back()[size_ % kPage] = value;
    ++size_;
  }
  void clear() {
    pages_.clear();
    pages_.shrink_to_fit();
    size_ = 0;
  }

private:
  std::vector<std::unique_ptr<T[]>> pages_;
  size_t size_ = 0;
};

/// Cells of text one after another in blocks of 1 MiB (a longer cell gets a block of its own), with the end of each
/// cell within its block: the text of the cells plus 4 bytes a cell.
class TextCells {
public:
  size_t size() const { return ends_.size(); }
  /// Appends a cell; false when it is longer than 4 GiB.
  bool push_back(std::string_view text);
  std::string_view operator[](size_t row) const;
  void clear();

private:
  static constexpr size_t kBlock = size_t(1) << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<size_t> firstRow_; ///< Per block: the first cell stored in it.
  size_t capacity_ = 0;          ///< Of the last block.
  size_t used_ = 0;              ///< Bytes used in the last block.
  PagedArray<uint32_t> ends_;    ///< Per cell: where it ends in its block.
};

/// The cells of one column. A column starts as a dictionary: each distinct value is stored once and each row holds a
/// one-byte code. At its 257th distinct value it becomes a column of numbers (a double per row) when most of its
/// values read as numbers written the way a double prints shortest, else a column of text. A column of numbers keeps
/// the text of every cell that does not print back as its double ("3.50", " 7", "n/a"), so every cell reads back as
/// it was written; when such cells are more than half of the rows it becomes a column of text.
class CsvColumn {
public:
  enum class Storage { Dictionary, Numbers, Text };

  CsvColumn() = default;
  CsvColumn(CsvColumn &&) = default;
  CsvColumn &operator=(CsvColumn &&) = default;
  CsvColumn(const CsvColumn &) = delete; // a column may hold gigabytes: moved, never copied
  CsvColumn &operator=(const CsvColumn &) = delete;

  Storage storage() const { return storage_; }
  size_t size() const { return rows_; }
  /// Appends the next row's cell; false when it is longer than 4 GiB.
  bool push_back(std::string_view text);
  /// The text of row `row`'s cell, as it was in the file.
  std::string text(size_t row) const;
  /// Whether row `row`'s cell is exactly `value` (no copy of the cell).
  bool equals(size_t row, std::string_view value) const;
  /// Row `row`'s cell as a number (parseNumber), nullopt when it is not one; read once when the cell was stored.
  std::optional<double> number(size_t row) const;

private:
  static constexpr size_t kMaxDictionary = 256;

  void toNumbersOrText();
  void numbersToText();
  /// Whether `value` prints shortest (fmt's `{}`) as exactly `text`, so that the text need not be kept.
  static bool printsAs(double value, std::string_view text);
  /// The index of `row` among the exception rows, or nullopt.
  std::optional<size_t> exception(size_t row) const;

  Storage storage_ = Storage::Dictionary;
  size_t rows_ = 0;
  // Dictionary: the distinct values in order of appearance, each read as a number once, and one code per row.
  std::vector<std::string> entries_;
  std::vector<double> entryNumber_; ///< NaN when the entry is not a number.
  std::vector<bool> entryPrints_;   ///< The entry prints back from its number exactly.
  llvm::StringMap<uint8_t> index_;
  PagedArray<uint8_t> codes_;
  // Numbers: a double per row (NaN when the cell is not a number), and the rows whose text must be kept.
  PagedArray<double> numbers_;
  PagedArray<uint64_t> exceptionRows_; ///< In increasing order.
  TextCells exceptionText_;
  // Text.
  TextCells text_;
};

} // namespace vdc::rt
