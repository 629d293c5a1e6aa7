#pragma once
// ValidUTF8WriteBuffer: forwards everything written to another WriteBuffer, replacing each
// run of invalid UTF-8 bytes with U+FFFD, as ClickHouse does for the JSON and JSONCompact
// documents. flush() passes the data on (keeping an incomplete trailing sequence back);
// finalize() flushes everything, the tail included.

#include "common/pod_array.h"
#include "io/write_buffer.h"

namespace tally {

class ValidUTF8WriteBuffer final : public WriteBuffer {
 public:
  explicit ValidUTF8WriteBuffer(WriteBuffer& out, size_t buffer_size = 65536);
  /// Validates and passes on what is buffered (not finalizing `out`).
  void flush();
  void finalize() override;

 private:
  void nextImpl() override;
  void process(bool final);
  void putValid(const char* data, size_t size);
  void putReplacement();

  WriteBuffer& out_;
  PODArray<char> memory_;
  bool just_put_replacement_ = false;
};

}  // namespace tally
