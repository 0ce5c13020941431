// CsvColumn.cpp — a kept CSV column as a dictionary, numbers or text in fixed-size blocks, and the one rule by which
// a cell reads as a number.
#include "runtime/CsvColumn.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace vdc::rt {

namespace {

constexpr double kNotNumber = std::numeric_limits<double>::quiet_NaN();

/// A double printed shortest (fmt's `{}`): the text that reads back as exactly this double.
struct Printed {
  char text[48];
  size_t size;
  explicit Printed(double value) {
    size = fmt::format_to_n(text, sizeof text, "{}", value).size;
  }
  std::string_view view() const { return std::string_view(text, std::min(size, sizeof text)); }
};

} // namespace

NumberStatus parseNumber(std::string_view text, double &out) {
  out = 0;
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos)
    return NumberStatus::NotNumber;
  size_t last = text.find_last_not_of(" \t");
  std::string trimmed(text.substr(first, last - first + 1));
  char *end = nullptr;
  errno = 0;
  out = std::strtod(trimmed.c_str(), &end);
  if (*end != '\0' || std::isnan(out))
    return NumberStatus::NotNumber;
  if (!std::isfinite(out))
    return NumberStatus::TooLarge;
  if (errno == ERANGE && out == 0)
    return NumberStatus::TooSmall;
  return NumberStatus::Ok;
}

bool TextCells::push_back(std::string_view text) {
  if (text.size() > std::numeric_limits<uint32_t>::max())
    return false;
  if (blocks_.empty() || used_ + text.size() > capacity_) {
    capacity_ = std::max(kBlock, text.size());
    blocks_.emplace_back(new char[capacity_]);
    firstRow_.push_back(ends_.size());
    used_ = 0;
  }
  if (!text.empty())
    std::memcpy(blocks_.back().get() + used_, text.data(), text.size());
  used_ += text.size();
  ends_.push_back(static_cast<uint32_t>(used_));
  return true;
}

std::string_view TextCells::operator[](size_t row) const {
  size_t block = static_cast<size_t>(std::upper_bound(firstRow_.begin(), firstRow_.end(), row) - firstRow_.begin()) - 1;
  uint32_t begin = row == firstRow_[block] ? 0 : ends_[row - 1];
  return std::string_view(blocks_[block].get() + begin, ends_[row] - begin);
}

void TextCells::clear() {
  blocks_.clear();
  blocks_.shrink_to_fit();
  firstRow_.clear();
  firstRow_.shrink_to_fit();
  capacity_ = used_ = 0;
  ends_.clear();
}

bool CsvColumn::printsAs(double value, std::string_view text) { return Printed(value).view() == text; }

bool CsvColumn::push_back(std::string_view text) {
  if (text.size() > std::numeric_limits<uint32_t>::max())
    return false;
  switch (storage_) {
  case Storage::Dictionary: {
    llvm::StringRef key(text.data(), text.size());
    auto found = index_.find(key);
    if (found != index_.end()) {
      codes_.push_back(found->second);
      ++rows_;
      return true;
    }
    if (entries_.size() == kMaxDictionary) {
      toNumbersOrText();
      return push_back(text);
    }
    auto code = static_cast<uint8_t>(entries_.size());
    index_.try_emplace(key, code);
    entries_.emplace_back(text);
    double value = 0;
    bool isNumber = parseNumber(text, value) == NumberStatus::Ok;
    entryNumber_.push_back(isNumber ? value : kNotNumber);
    entryPrints_.push_back(isNumber && printsAs(value, text));
    codes_.push_back(code);
    ++rows_;
    return true;
  }
  case Storage::Numbers: {
    double value = 0;
    bool isNumber = parseNumber(text, value) == NumberStatus::Ok;
    bool prints = isNumber && printsAs(value, text);
    if (!prints) {
      exceptionRows_.push_back(rows_);
      exceptionText_.push_back(text);
    }
    numbers_.push_back(isNumber ? value : kNotNumber);
    ++rows_;
    if (!prints && exceptionRows_.size() * 2 > rows_)
      numbersToText();
    return true;
  }
  case Storage::Text:
    text_.push_back(text);
    ++rows_;
    return true;
  }
  return false;
}

void CsvColumn::toNumbersOrText() {
  // How many rows would keep their text as numbers: those whose value does not print back as its double.
  std::vector<size_t> uses(entries_.size(), 0);
  for (size_t row = 0; row < rows_; ++row)
    ++uses[codes_[row]];
  size_t exceptions = 0;
  for (size_t code = 0; code < entries_.size(); ++code)
    if (!entryPrints_[code])
      exceptions += uses[code];
  storage_ = exceptions * 2 > rows_ ? Storage::Text : Storage::Numbers;
  for (size_t row = 0; row < rows_; ++row) {
    uint8_t code = codes_[row];
    if (storage_ == Storage::Text) {
      text_.push_back(entries_[code]);
      continue;
    }
    numbers_.push_back(entryNumber_[code]);
    if (!entryPrints_[code]) {
      exceptionRows_.push_back(row);
      exceptionText_.push_back(entries_[code]);
    }
  }
  codes_.clear();
  index_.clear();
  entries_.clear();
  entries_.shrink_to_fit();
  entryNumber_.clear();
  entryNumber_.shrink_to_fit();
  entryPrints_.clear();
  entryPrints_.shrink_to_fit();
}

void CsvColumn::numbersToText() {
  size_t next = 0;
  for (size_t row = 0; row < rows_; ++row) {
    if (next < exceptionRows_.size() && exceptionRows_[next] == row)
      text_.push_back(exceptionText_[next++]);
    else
      text_.push_back(Printed(numbers_[row]).view());
  }
  numbers_.clear();
  exceptionRows_.clear();
  exceptionText_.clear();
  storage_ = Storage::Text;
}

std::optional<size_t> CsvColumn::exception(size_t row) const {
  size_t low = 0, high = exceptionRows_.size();
  if (high == 0 || exceptionRows_[high - 1] < row)
    return std::nullopt;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (exceptionRows_[mid] < row)
      low = mid + 1;
    else
      high = mid;
  }
  if (low < exceptionRows_.size() && exceptionRows_[low] == row)
    return low;
  return std::nullopt;
}

std::string CsvColumn::text(size_t row) const {
  switch (storage_) {
  case Storage::Dictionary:
    return entries_[codes_[row]];
  case Storage::Numbers:
    if (auto at = exception(row))
      return std::string(exceptionText_[*at]);
    return std::string(Printed(numbers_[row]).view());
  case Storage::Text:
    return std::string(text_[row]);
  }
  return std::string();
}

bool CsvColumn::equals(size_t row, std::string_view value) const {
  switch (storage_) {
  case Storage::Dictionary:
    return entries_[codes_[row]] == value;
  case Storage::Numbers:
    if (auto at = exception(row))
      return exceptionText_[*at] == value;
    return printsAs(numbers_[row], value);
  case Storage::Text:
    return text_[row] == value;
  }
  return false;
}

std::optional<double> CsvColumn::number(size_t row) const {
  double value = 0;
  switch (storage_) {
  case Storage::Dictionary:
    value = entryNumber_[codes_[row]];
    break;
  case Storage::Numbers:
    value = numbers_[row];
    break;
  case Storage::Text:
    if (parseNumber(text_[row], value) != NumberStatus::Ok)
      return std::nullopt;
    break;
  }
  if (std::isnan(value))
    return std::nullopt;
  return value;
}

} // namespace vdc::rt
