// DataFile.cpp — reading one data file for `vdc verify`: chunked parsing and hashing, UTF-8 validation of cells.
#include "driver/DataFile.h"

#include "source/Utf8.h"

#include <fmt/format.h>
#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/SHA256.h>

#include <unistd.h>

#include <optional>

namespace vdc {

namespace {

constexpr size_t kChunk = 1 << 20;

/// The first byte of `text` that does not start a valid UTF-8 sequence, or nullopt.
std::optional<unsigned char> invalidUtf8Byte(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    if (decodeUtf8(text, i) == kReplacementCharacter && i - at == 1)
      return static_cast<unsigned char>(text[at]);
  }
  return std::nullopt;
}

/// Column names and kept cells must be valid UTF-8: they appear in messages and in the lock's JSON figures.
bool checkUtf8(const rt::CsvTable &table, rt::DataError &error) {
  for (size_t i = 0; i < table.header.size(); ++i)
    if (auto byte = invalidUtf8Byte(table.header[i])) {
      error = {fmt::format("column {} of the header: the name is not valid UTF-8 (byte 0x{:02X})", i + 1, *byte), 1};
      return false;
    }
  for (size_t row = 0; row < table.rowCount(); ++row)
    for (size_t col = 0; col < table.columns.size(); ++col)
      if (auto byte = invalidUtf8Byte(table.cell(row, col))) {
        error = {fmt::format("data row {}, column `{}`: the cell is not valid UTF-8 (byte 0x{:02X})", row + 1,
                             table.name(col), *byte),
                 table.rowLine(row)};
        return false;
      }
  return true;
}

/// A line of the file as quoted in a message: without a final `\r`, an invalid UTF-8 byte shown as U+FFFD.
std::string shownLine(std::string_view text) {
  if (!text.empty() && text.back() == '\r')
    text.remove_suffix(1);
  std::string out;
  for (size_t i = 0; i < text.size();)
    appendUtf8(out, decodeUtf8(text, i));
  return out;
}

} // namespace

bool readAndParse(OpenedFile &file, const std::string &shown, const std::vector<std::string> &columns,
                  rt::CsvTable &table, std::string &sha256, rt::DataError &error) {
  rt::CsvReader reader(shown, columns);
  llvm::SHA256 hash;
  std::vector<char> chunk(kChunk);
  std::string why;
  for (;;) {
    long long n = file.read(chunk.data(), chunk.size(), why);
    if (n < 0) {
      error = {"cannot read the file: " + why, 0};
      return false;
    }
    if (n == 0)
      break;
    hash.update(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(chunk.data()), static_cast<size_t>(n)));
    if (!reader.feed(std::string_view(chunk.data(), static_cast<size_t>(n)), error))
      return false;
  }
  if (!reader.finish(table, error) || !checkUtf8(table, error))
    return false;
  llvm::StringRef raw = hash.final();
  sha256 = llvm::toHex(llvm::arrayRefFromStringRef(raw), /*LowerCase=*/true);
  return true;
}

std::string lineOfFile(const OpenedFile &file, size_t line) {
  constexpr size_t kMaxLine = 64 * 1024;
  if (!file.isRegular() || line == 0)
    return "";
  std::vector<char> chunk(kChunk);
  std::string text;
  size_t current = 1;
  for (off_t offset = 0;;) {
    ssize_t n = ::pread(file.descriptor(), chunk.data(), chunk.size(), offset);
    if (n <= 0)
      return shownLine(text);
    offset += n;
    for (ssize_t i = 0; i < n; ++i) {
      char c = chunk[static_cast<size_t>(i)];
      if (c == '\n') {
        if (current == line)
          return shownLine(text);
        ++current;
      } else if (current == line && text.size() < kMaxLine) {
        text += c;
      }
    }
  }
}

} // namespace vdc
