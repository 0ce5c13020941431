// fuzz_lock.cpp — libFuzzer target: the lock reader on arbitrary bytes. It must accept or refuse each input without
// crashing (deep nesting included). A lock it accepts must write to text that reads back, and writing is a fixed
// point after one round (the first write may normalise: sorted entries, figures JSON cannot hold made null).
#include "FuzzCommon.h"

#include "runtime/Lock.h"

#include <string>

namespace {
/// Writes `lock` and reads it back into `back`; fails the run when the written text does not read.
std::string writeAndRead(const vdc::rt::Lock &lock, vdc::rt::Lock &back) {
  std::string written = vdc::rt::serializeLock(lock, "fuzz");
  llvm::Expected<vdc::rt::Lock> read = vdc::rt::parseLock(written);
  if (!read) {
    llvm::consumeError(read.takeError());
    vdc::fuzz::fail("a lock vdc wrote does not read back");
  }
  back = std::move(*read);
  return written;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  llvm::Expected<vdc::rt::Lock> parsed = vdc::rt::parseLock(text);
  if (!parsed) {
    llvm::handleAllErrors(parsed.takeError(), [&](const vdc::rt::LockError &refused) {
      if (refused.message().empty())
        vdc::fuzz::fail("a refused lock has no message");
      if (refused.offset() > size)
        vdc::fuzz::fail("a refused lock is located past its end");
    });
    return 0;
  }
  const vdc::rt::Lock &lock = *parsed;
  vdc::rt::Lock once, twice, thrice;
  writeAndRead(lock, once);
  std::string second = writeAndRead(once, twice);
  if (writeAndRead(twice, thrice) != second)
    vdc::fuzz::fail("a lock keeps changing when written and read again");
  return 0;
}
