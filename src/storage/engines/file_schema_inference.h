#pragma once
// Schema inference for file() and ENGINE = File without a structure: the format's schema reader
// runs over the first non-empty input; with format "auto" the format is detected from the
// content. Errors are ClickHouse's CANNOT_EXTRACT_TABLE_STRUCTURE messages.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/settings.h"
#include "io/read_buffer.h"
#include "storage/storage.h"

namespace tally {

struct SchemaInferenceInput {
  std::string path;  // for messages ("" for a stream)
  /// Opens the input from its start, decompressed. May be called more than once.
  std::function<std::unique_ptr<ReadBuffer>()> open;
};

/// Columns of the data. `format` is a canonical input format name, or "auto": then the format
/// is detected from the content of the first non-empty input and stored in `format`.
ColumnsDescription inferFileSchema(std::string& format, const std::vector<SchemaInferenceInput>& inputs,
                                   const Settings& settings);

/// A ReadBuffer over a stream that can only be read once, keeping what it reads so that the
/// start can be read again (schema inference reads a prefix, then parsing reads everything).
class RecordedStream {
 public:
  explicit RecordedStream(std::unique_ptr<ReadBuffer> in) : in_(std::move(in)) {}
  /// A reader from the start: replays what was read so far, then reads on (recording).
  std::unique_ptr<ReadBuffer> replay();
  /// The final reader, owning the stream: replays what was recorded, then reads the rest
  /// without recording. Call once, after the last replay() reader is gone.
  std::unique_ptr<ReadBuffer> release();

 private:
  std::unique_ptr<ReadBuffer> in_;
  std::string recorded_;
};

}  // namespace tally
