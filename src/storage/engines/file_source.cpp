#include "storage/engines/file_source.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <mutex>

#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "common/exception.h"
#include "formats/format.h"
#include "formats/prefixed_read_buffer.h"
#include "io/compression.h"
#include "types/data_type_factory.h"

namespace tally {

std::vector<std::pair<std::string, DataTypePtr>> fileVirtualColumns() {
  return {{"_path", dataTypeFromString("LowCardinality(String)")},
          {"_file", dataTypeFromString("LowCardinality(String)")},
          {"_size", dataTypeFromString("Nullable(UInt64)")},
          {"_time", dataTypeFromString("Nullable(DateTime)")}};
}

namespace file_source {

constexpr size_t kWholeInput = size_t(-1);

/// Header lines of a format that always has them (names, types).
size_t headerLinesOf(const std::string& format) {
  auto ends = [&](std::string_view s) {
    return format.size() >= s.size() && format.compare(format.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("WithNamesAndTypes")) return 2;
  if (ends("WithNames")) return 1;
  return 0;
}

/// Length of the first `lines` lines (with their '\n'), or npos if there are fewer.
size_t endOfLines(std::string_view data, size_t lines) {
  size_t pos = 0;
  for (size_t i = 0; i < lines; ++i) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) return std::string_view::npos;
    pos = nl + 1;
  }
  return pos;
}

/// JSON formats also accept one array of rows, which cannot be cut into chunks.
bool startsJsonArray(const std::string& format, std::string_view data) {
  if (format.rfind("JSON", 0) != 0) return false;
  if (data.size() >= 3 && std::memcmp(data.data(), "\xEF\xBB\xBF", 3) == 0) data.remove_prefix(3);
  for (char c : data) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '[';
  }
  return false;
}

uint64_t countLineFeeds(const char* begin, const char* end) {
  uint64_t count = 0;
  while (const void* found = std::memchr(begin, '\n', size_t(end - begin))) {
    ++count;
    begin = static_cast<const char*>(found) + 1;
  }
  return count;
}

std::string fileNameOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// A piece of parsing work: a chunk of a file, or a whole input.
struct Work {
  size_t input = 0;
  size_t chunk = kWholeInput;
  std::string data;                    // the chunk's bytes
  std::unique_ptr<ReadBuffer> file;    // the opened input (whole-input work)
  std::unique_ptr<ReadBuffer> reader;  // what the format reads, when not `file` itself
  InputFormatPtr format;               // declared last: destroyed first
};

/// Cutting state of the file currently read in chunks.
struct Cutter {
  size_t input = 0;
  std::unique_ptr<ReadBuffer> in;
  std::string carry;  // bytes after the last cut
  bool eof = false;
  bool done = false;
  size_t next_chunk = 0;
  uint64_t newlines_before = 0;
  std::string first_lines;  // candidate header, saved from the first chunk
  bool header_decided = false;
  std::string header_prefix;  // prepended to later chunks
  uint64_t header_lines = 0;  // lines of the header (not rows)
  bool disable_detect_header = false;
};

class FileReadJob {
 public:
  FileReadJob(std::vector<FileInput> inputs, FileReadSettings settings, QueryContext& context)
      : inputs_(std::move(inputs)), settings_(std::move(settings)), context_(context) {
    const auto& factory = FormatFactory::instance();
    if (settings_.allow_errors_num == 0 && settings_.allow_errors_ratio == 0 && settings_.chunk_bytes > 0)
      finder_ = factory.rowBoundaryFinder(settings_.format);
    header_lines_by_name_ = headerLinesOf(settings_.format);
    rereadable_.resize(inputs_.size(), false);
    for (size_t i = 0; i < inputs_.size(); ++i) {
      struct stat st {};
      rereadable_[i] = !inputs_[i].stream && ::stat(inputs_[i].path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
    }
  }

  bool chunked() const { return finder_ != nullptr; }
  bool failed() const { return failed_.load(std::memory_order_relaxed); }
  const FileInput& input(size_t i) const { return inputs_[i]; }
  size_t inputs() const { return inputs_.size(); }

  /// The next piece of work, or nullptr when everything is handed out.
  std::unique_ptr<Work> next() {
    std::lock_guard lock(mutex_);
    try {
      while (!failed()) {
        if (active_) {
          auto work = cut(*active_);
          if (active_->done) active_.reset();
          if (work) return work;
          continue;
        }
        if (next_input_ >= inputs_.size()) return nullptr;
        size_t i = next_input_++;
        auto in = open(i);
        if (finder_) {
          active_ = std::make_unique<Cutter>();
          active_->input = i;
          active_->in = std::move(in);
          continue;
        }
        return wholeInputWork(i, std::move(in), {});
      }
    } catch (...) {
      failed_ = true;
      throw;
    }
    return nullptr;
  }

  /// Rethrows the error of `work`; for a later chunk of a file that can be read again, the error
  /// sequential parsing of the whole file gives.
  [[noreturn]] void fail(const Work& work, std::exception_ptr error) {
    failed_ = true;
    bool exact = work.chunk != kWholeInput && work.chunk > 0 && rereadable_[work.input];
    if (exact) {
      try {
        std::rethrow_exception(error);
      } catch (const Exception& e) {
        exact = e.code() != ErrorCodes::MEMORY_LIMIT_EXCEEDED && e.code() != ErrorCodes::QUERY_WAS_CANCELLED &&
                e.code() != ErrorCodes::TIMEOUT_EXCEEDED;
      } catch (...) {
        exact = false;
      }
    }
    if (!exact) std::rethrow_exception(error);
    std::rethrow_exception(sequentialError(work.input, error));
  }

 private:
  std::unique_ptr<ReadBuffer> open(size_t i) {
    FileInput& input = inputs_[i];
    std::unique_ptr<ReadBuffer> raw;
    if (input.stream)
      raw = std::move(input.stream);
    else
      raw = std::make_unique<ReadBufferFromFile>(input.path);
    return wrapReadBufferWithCompression(std::move(raw), chooseCompressionMethod(input.path, settings_.compression));
  }

  InputFormatPtr makeFormat(ReadBuffer& in, const FormatSettings& format_settings, size_t first_row) const {
    auto format = FormatFactory::instance().getInput(settings_.format, in, settings_.format_header, format_settings);
    format->setAllowErrors(settings_.allow_errors_num, settings_.allow_errors_ratio);
    if (first_row > 1) format->setFirstRowNumber(first_row);
    return format;
  }

  std::unique_ptr<Work> wholeInputWork(size_t i, std::unique_ptr<ReadBuffer> in, std::string prefix) {
    auto work = std::make_unique<Work>();
    work->input = i;
    work->file = std::move(in);
    if (!prefix.empty()) work->reader = std::make_unique<PrefixedReadBuffer>(std::move(prefix), *work->file);
    work->format = makeFormat(work->reader ? *work->reader : *work->file, settings_.format_settings, 1);
    return work;
  }

  /// Reads the next chunk of the active file up to a row boundary.
  std::unique_ptr<Work> cut(Cutter& c) {
    std::string data = std::move(c.carry);
    c.carry.clear();
    size_t target = settings_.chunk_bytes;
    while (true) {
      if (data.capacity() < target) data.reserve(target + target / 8);
      while (data.size() < target) {
        if (c.in->available() == 0 && !c.in->next()) {
          c.eof = true;
          break;
        }
        size_t n = c.in->available();
        data.append(c.in->position(), n);
        c.in->setPosition(c.in->position() + n);
      }
      if (c.eof) break;
      const char* end = (*finder_)(data.data(), data.data() + data.size());
      if (end > data.data()) {
        c.carry.assign(end, size_t(data.data() + data.size() - end));
        data.resize(size_t(end - data.data()));
        break;
      }
      target *= 2;  // a row longer than the chunk: read on
    }
    c.done = c.eof;
    if (data.empty()) {
      c.done = true;
      return nullptr;
    }

    size_t index = c.next_chunk++;
    if (index == 0) {
      if (startsJsonArray(settings_.format, data)) {
        // Parse the whole file sequentially: what was read so far, then the rest.
        c.done = true;
        data += c.carry;
        return wholeInputWork(c.input, std::move(c.in), std::move(data));
      }
      size_t end = endOfLines(data, header_lines_by_name_ ? header_lines_by_name_ : 1);
      if (end != std::string::npos && end <= (size_t(1) << 20)) c.first_lines = data.substr(0, end);
    } else if (!c.header_decided) {
      decideHeader(c);
    }

    uint64_t newlines = countLineFeeds(data.data(), data.data() + data.size());
    uint64_t rows_before = c.newlines_before > c.header_lines ? c.newlines_before - c.header_lines : 0;
    c.newlines_before += newlines;

    auto work = std::make_unique<Work>();
    work->input = c.input;
    work->chunk = index;
    if (index > 0 && !c.header_prefix.empty()) {
      work->data.reserve(c.header_prefix.size() + data.size());
      work->data = c.header_prefix;
      work->data += data;
    } else {
      work->data = std::move(data);
    }
    work->reader = std::make_unique<ReadBufferFromMemory>(work->data.data(), work->data.size());
    FormatSettings format_settings = settings_.format_settings;
    if (index > 0 && c.disable_detect_header) {
      format_settings.csv.detect_header = false;
      format_settings.tsv.detect_header = false;
    }
    work->format = makeFormat(*work->reader, format_settings, index == 0 ? 1 : rows_before + 1);
    return work;
  }

  /// Decides, when a file turns out to have a second chunk, what later chunks need from the
  /// start of the file: the header lines of WithNames formats, or the first line when header
  /// detection takes it for a header (probed by parsing that line alone).
  void decideHeader(Cutter& c) {
    c.header_decided = true;
    if (header_lines_by_name_ > 0) {
      if (!c.first_lines.empty()) {
        c.header_prefix = c.first_lines;
        c.header_lines = header_lines_by_name_;
      }
      return;
    }
    const FormatSettings& fs = settings_.format_settings;
    if (!fs.csv.detect_header && !fs.tsv.detect_header) return;
    c.disable_detect_header = true;
    if (c.first_lines.empty()) return;
    try {
      ReadBufferFromMemory probe(c.first_lines.data(), c.first_lines.size());
      auto format = makeFormat(probe, fs, 1);
      if (format->read(2).rows() == 0) {
        c.header_prefix = c.first_lines;
        c.header_lines = 1;
        c.disable_detect_header = false;
      }
    } catch (...) {
      // Not a row of this format on its own: no header.
    }
  }

  /// The error of parsing input `i` from its start on one stream (cached per input).
  std::exception_ptr sequentialError(size_t i, std::exception_ptr original) {
    std::lock_guard lock(error_mutex_);
    auto& cached = exact_errors_[i];
    if (cached) return cached;
    cached = original;
    try {
      auto in = wrapReadBufferWithCompression(std::make_unique<ReadBufferFromFile>(inputs_[i].path),
                                              chooseCompressionMethod(inputs_[i].path, settings_.compression));
      auto format = makeFormat(*in, settings_.format_settings, 1);
      while (true) {
        context_.checkAlive();
        if (format->read(65536).rows() == 0) break;
      }
    } catch (...) {
      cached = std::current_exception();
    }
    return cached;
  }

  std::vector<FileInput> inputs_;
  FileReadSettings settings_;
  QueryContext& context_;
  const RowBoundaryFinder* finder_ = nullptr;
  size_t header_lines_by_name_ = 0;
  std::vector<bool> rereadable_;

  std::mutex mutex_;
  size_t next_input_ = 0;
  std::unique_ptr<Cutter> active_;
  std::atomic<bool> failed_{false};

  std::mutex error_mutex_;
  std::map<size_t, std::exception_ptr> exact_errors_;
};

enum class ColumnOrigin { Format, Path, File, Size, Time };

struct OutputColumn {
  ColumnOrigin origin = ColumnOrigin::Format;
  size_t format_position = 0;
};

class FileSourceStream final : public BlockStream {
 public:
  FileSourceStream(std::shared_ptr<FileReadJob> job, Block header, std::vector<OutputColumn> columns,
                   size_t max_block_size, QueryContext& context)
      : job_(std::move(job)), header_(std::move(header)), columns_(std::move(columns)),
        max_block_size_(std::max<size_t>(max_block_size, 1)), context_(context) {}

  const Block& header() const override { return header_; }
  std::string name() const override { return "File"; }

  bool read(Block& block) override {
    while (true) {
      if (stopped_ || context_.shouldStopReading(stop_token_) || job_->failed()) return false;
      context_.checkAlive();
      if (!work_) {
        work_ = job_->next();
        if (!work_) return false;
      }
      Block parsed;
      try {
        parsed = work_->format->read(max_block_size_);
      } catch (...) {
        job_->fail(*work_, std::current_exception());
      }
      if (parsed.rows() == 0) {
        work_.reset();
        continue;
      }
      block = project(parsed);
      if (!context_.addRead(parsed.rows(), parsed.bytes())) stopped_ = true;
      return true;
    }
  }

 private:
  Block project(const Block& parsed) {
    size_t rows = parsed.rows();
    const FileInput& input = job_->input(work_->input);
    if (work_->input != virtuals_input_) {
      virtuals_input_ = work_->input;
      path_dictionary_ = file_dictionary_ = nullptr;
    }
    Block out;
    for (size_t i = 0; i < columns_.size(); ++i) {
      const auto& h = header_.at(i);
      ColumnPtr column;
      switch (columns_[i].origin) {
        case ColumnOrigin::Format:
          column = parsed.at(columns_[i].format_position).column;
          break;
        case ColumnOrigin::Path:
          column = constantString(path_dictionary_, path_code_, input.path, rows);
          break;
        case ColumnOrigin::File:
          column = constantString(file_dictionary_, file_code_, fileNameOf(input.path), rows);
          break;
        case ColumnOrigin::Size:
          column = constantNullable(std::make_shared<ColumnUInt64>(rows, input.size.value_or(0)),
                                    input.size.has_value(), rows);
          break;
        case ColumnOrigin::Time:
          column = constantNullable(std::make_shared<ColumnUInt32>(rows, UInt32(input.modification_time.value_or(0))),
                                    input.modification_time.has_value(), rows);
          break;
      }
      out.insert({std::move(column), h.type, h.name});
    }
    out.setRows(rows);
    return out;
  }

  /// A LowCardinality(String) column of `rows` copies of `value`; the dictionary is kept for
  /// the next blocks of the same input.
  static ColumnPtr constantString(ColumnLowCardinality::DictionaryPtr& dictionary, uint32_t& code,
                                  const std::string& value, size_t rows) {
    if (!dictionary) {
      dictionary = std::make_shared<LowCardinalityDictionary>(ColumnString::create(), false);
      code = dictionary->insertRaw(value);
    }
    return std::make_shared<ColumnLowCardinality>(dictionary, std::make_shared<ColumnUInt8>(rows, UInt8(code)));
  }

  static ColumnPtr constantNullable(MutableColumnPtr nested, bool present, size_t rows) {
    return ColumnNullable::create(std::move(nested), std::make_shared<ColumnUInt8>(rows, UInt8(present ? 0 : 1)));
  }

  std::shared_ptr<FileReadJob> job_;
  Block header_;
  std::vector<OutputColumn> columns_;
  size_t max_block_size_;
  QueryContext& context_;
  QueryContext::ReadStopToken stop_token_ = context_.readStopToken();
  std::unique_ptr<Work> work_;
  bool stopped_ = false;

  size_t virtuals_input_ = kWholeInput;
  ColumnLowCardinality::DictionaryPtr path_dictionary_, file_dictionary_;
  uint32_t path_code_ = 0, file_code_ = 0;
};

}  // namespace file_source

BlockStreams readFileInputs(std::vector<FileInput> inputs, FileReadSettings settings, const Block& output,
                            size_t max_streams, size_t max_block_size, QueryContext& context) {
  using namespace file_source;
  std::vector<OutputColumn> columns;
  for (const auto& c : output) {
    OutputColumn column;
    int position = settings.format_header.position(c.name);
    if (position >= 0) {
      column.format_position = size_t(position);
    } else if (c.name == "_path") {
      column.origin = ColumnOrigin::Path;
    } else if (c.name == "_file") {
      column.origin = ColumnOrigin::File;
    } else if (c.name == "_size") {
      column.origin = ColumnOrigin::Size;
    } else if (c.name == "_time") {
      column.origin = ColumnOrigin::Time;
    } else {
      throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "There is no column {} in table", c.name);
    }
    columns.push_back(column);
  }
  Block header = output.cloneEmpty();
  BlockStreams res;
  if (inputs.empty()) {
    res.push_back(makeBlocksStream(header, {}, "File"));
    return res;
  }

  // Enough streams for the work there is: one per file, or one per chunk of big files.
  size_t chunk_bytes = std::max<size_t>(settings.chunk_bytes, 1);
  uint64_t estimated_chunks = 0;
  for (const auto& input : inputs) {
    uint64_t bytes = input.size.value_or(uint64_t(-1) / 8);
    if (chooseCompressionMethod(input.path, settings.compression) != CompressionMethod::None) bytes *= 4;
    estimated_chunks += std::max<uint64_t>(1, (bytes + chunk_bytes - 1) / chunk_bytes);
  }
  size_t input_count = inputs.size();
  auto job = std::make_shared<FileReadJob>(std::move(inputs), std::move(settings), context);
  uint64_t useful = job->chunked() ? estimated_chunks : input_count;
  size_t streams = size_t(std::max<uint64_t>(1, std::min<uint64_t>(std::max<size_t>(max_streams, 1), useful)));
  for (size_t i = 0; i < streams; ++i)
    res.push_back(std::make_unique<FileSourceStream>(job, header, columns, max_block_size, context));
  return res;
}

}  // namespace tally
