#pragma once
// Parallel reading of data files (file() and ENGINE = File).
//
// The files are work items pulled from a shared queue by up to max_streams streams. A file of a
// format with a RowBoundaryFinder is cut into chunks of about `chunk_bytes` at row boundaries:
// whichever stream needs work reads and decompresses the next chunk under the job's lock, then
// parses it on its own (so chunks of one big file are parsed in parallel). Other files are
// parsed whole by the stream that takes them.
//
// Chunks after the first of a file get the file's header lines again when the format has one
// (WithNames formats, a header that header detection found), and their first row number, so
// that parse errors name the row counted over the whole file. A parse error in a later chunk of
// a file that can be read again is reported by re-parsing the file sequentially: the message is
// exactly the one sequential parsing gives (the first bad row of the file).
//
// With input_format_allow_errors_num / _ratio set, files are parsed whole (each file counts its
// own errors, as ClickHouse does).

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "execution/block_stream.h"
#include "io/read_buffer.h"
#include "types/format_settings.h"

namespace tally {

/// One input of a read: a file by path, or a stream read once (stdin).
struct FileInput {
  std::string path;                         // as _path shows it ("" for a stream)
  std::unique_ptr<ReadBuffer> stream;       // set for a one-shot stream
  std::optional<uint64_t> size;             // for _size
  std::optional<time_t> modification_time;  // for _time
};

struct FileReadSettings {
  std::string format;                // canonical input format name
  std::string compression = "auto";  // "auto", "none" or a method name (chooseCompressionMethod)
  Block format_header;               // the columns the format fills
  FormatSettings format_settings;
  uint64_t allow_errors_num = 0;
  double allow_errors_ratio = 0;
  size_t chunk_bytes = size_t(8) << 20;
};

/// Virtual columns of file reads, in the order virtualColumns() lists them.
std::vector<std::pair<std::string, DataTypePtr>> fileVirtualColumns();

/// Streams producing the `output` columns (format columns by name, or virtual columns) of all
/// inputs. Throws nothing for missing files until a stream opens them.
BlockStreams readFileInputs(std::vector<FileInput> inputs, FileReadSettings settings, const Block& output,
                            size_t max_streams, size_t max_block_size, QueryContext& context);

}  // namespace tally
