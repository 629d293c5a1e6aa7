#pragma once
// PrefixedReadBuffer: reads an owned block of bytes first, then continues with another
// ReadBuffer. Used to hand the unparsed rest of a format's private buffer plus the remaining
// input to a different reader (the JSONEachRow fast path falling back to the generic one).

#include <string>

#include "io/read_buffer.h"

namespace tally {

class PrefixedReadBuffer final : public ReadBuffer {
 public:
  PrefixedReadBuffer(std::string prefix, ReadBuffer& rest) : prefix_(std::move(prefix)), rest_(rest) {
    set(prefix_.data(), prefix_.size());
  }

 private:
  bool nextImpl() override {
    if (rest_.available() == 0 && !rest_.next()) return false;
    set(rest_.position(), rest_.available());
    rest_.setPosition(rest_.bufferEnd());
    return true;
  }

  std::string prefix_;
  ReadBuffer& rest_;
};

}  // namespace tally
