// fuzz_lock.cpp — libFuzzer target: the lock reader on arbitrary bytes. It must accept or refuse each input without
// crashing (deep nesting included); a lock it accepts must write back to text that reads as the same lock.
#include "FuzzCommon.h"

#include "runtime/Lock.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  vdc::rt::Lock lock;
  std::string error;
  size_t offset = 0;
  if (!vdc::rt::parseLock(text, lock, error, offset)) {
    if (error.empty())
      vdc::fuzz::fail("a refused lock has no message");
    if (offset > size)
      vdc::fuzz::fail("a refused lock is located past its end");
    return 0;
  }
  std::string written = vdc::rt::serializeLock(lock, "fuzz");
  vdc::rt::Lock back;
  if (!vdc::rt::parseLock(written, back, error, offset))
    vdc::fuzz::fail("a written lock does not read back");
  if (vdc::rt::serializeLock(back, "fuzz") != written)
    vdc::fuzz::fail("a lock changes when written, read and written again");
  return 0;
}
