#include "formats/valid_utf8_write_buffer.h"

#include <cstring>

namespace tally {

namespace valid_utf8 {

/// Length of the UTF-8 sequence starting with byte c (5 = invalid start byte).
inline size_t sequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if (c < 0xC2) return 5;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  if (c < 0xF5) return 4;
  return 5;
}

/// Checks continuation bytes, overlong forms and surrogates of a complete sequence.
inline bool isLegal(const unsigned char* p, size_t len) {
  for (size_t i = 1; i < len; ++i)
    if ((p[i] & 0xC0) != 0x80) return false;
  if (len == 3) {
    if (p[0] == 0xE0 && p[1] < 0xA0) return false;
    if (p[0] == 0xED && p[1] > 0x9F) return false;
  } else if (len == 4) {
    if (p[0] == 0xF0 && p[1] < 0x90) return false;
    if (p[0] == 0xF4 && p[1] > 0x8F) return false;
  }
  return true;
}

}  // namespace valid_utf8

ValidUTF8WriteBuffer::ValidUTF8WriteBuffer(WriteBuffer& out, size_t buffer_size)
    : out_(out), memory_(std::max<size_t>(buffer_size, 16)) {
  set(memory_.data(), memory_.size());
}

void ValidUTF8WriteBuffer::putValid(const char* data, size_t size) {
  if (size == 0) return;
  just_put_replacement_ = false;
  out_.write(data, size);
}

void ValidUTF8WriteBuffer::putReplacement() {
  if (just_put_replacement_) return;
  just_put_replacement_ = true;
  out_.write("\xEF\xBF\xBD", 3);
}

void ValidUTF8WriteBuffer::process(bool final) {
  const char* data = memory_.data();
  const char* end = pos_;
  const char* p = data;
  const char* valid_start = p;
  while (p < end) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t len = valid_utf8::sequenceLength(c);
    if (len > 4) {
      putValid(valid_start, size_t(p - valid_start));
      putReplacement();
      ++p;
      valid_start = p;
    } else if (p + len > end) {
      if (!final) break;  // incomplete sequence at the end: keep it for the next round
      putValid(valid_start, size_t(p - valid_start));
      putReplacement();
      ++p;
      valid_start = p;
    } else if (valid_utf8::isLegal(reinterpret_cast<const unsigned char*>(p), len)) {
      p += len;
    } else {
      putValid(valid_start, size_t(p - valid_start));
      putReplacement();
      ++p;
      valid_start = p;
    }
  }
  putValid(valid_start, size_t(p - valid_start));
  size_t tail = size_t(end - p);
  if (tail) std::memmove(memory_.data(), p, tail);
  set(memory_.data(), memory_.size());
  pos_ = memory_.data() + tail;
}

void ValidUTF8WriteBuffer::nextImpl() { process(false); }

void ValidUTF8WriteBuffer::flush() {
  process(false);
  out_.next();
}

void ValidUTF8WriteBuffer::finalize() {
  if (finalized_) return;
  process(true);
  finalized_ = true;
}

}  // namespace tally
