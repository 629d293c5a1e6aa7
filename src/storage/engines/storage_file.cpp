#include "storage/engines/storage_file.h"

#include <sys/stat.h>

#include <filesystem>

#include "columns/column_const.h"
#include "common/exception.h"
#include "formats/format.h"
#include "io/compression.h"
#include "io/write_buffer.h"
#include "storage/engines/file_paths.h"
#include "storage/engines/file_schema_inference.h"
#include "storage/engines/file_source.h"
#include "storage/storage_factory.h"
#include "storage/table_functions/table_function_arguments.h"

namespace tally {

namespace storage_file {

namespace fs = std::filesystem;

std::unique_ptr<ReadBuffer> openDecompressed(const std::string& path, const std::string& compression) {
  return wrapReadBufferWithCompression(std::make_unique<ReadBufferFromFile>(path),
                                       chooseCompressionMethod(path, compression));
}

[[noreturn]] void throwFileDoesntExist(const std::string& path) {
  throw Exception(ErrorCodes::FILE_DOESNT_EXIST, "File {} doesn't exist", path);
}

/// The input format named by the first path with a known extension, or "".
std::string formatFromPaths(const std::vector<std::string>& paths) {
  const auto& factory = FormatFactory::instance();
  for (const auto& path : paths) {
    std::string format = factory.formatFromFileName(path);
    if (!format.empty() && factory.hasInputFormat(format)) return factory.canonicalName(format);
  }
  return {};
}

}  // namespace storage_file

StorageFile::StorageFile(ColumnsDescription columns, Options options, const Settings& settings)
    : options_(std::move(options)) {
  using namespace storage_file;
  const auto& factory = FormatFactory::instance();
  chooseCompressionMethod("", options_.compression);  // rejects unknown methods early
  if (options_.format != "auto") options_.format = factory.canonicalName(options_.format);
  if (options_.format == "auto") {
    std::string from_extension = formatFromPaths(options_.paths);
    if (!from_extension.empty()) options_.format = from_extension;
  }
  bool infer = columns.size() == 0;
  bool detect = options_.format == "auto" && !options_.paths.empty();
  if (infer || detect) {
    if (!options_.from_glob && options_.paths.size() == 1 && !fs::exists(options_.paths[0]))
      throwFileDoesntExist(options_.paths[0]);
    std::vector<SchemaInferenceInput> inputs;
    for (const auto& path : options_.paths) {
      std::string compression = options_.compression;
      inputs.push_back({path, [path, compression] { return openDecompressed(path, compression); }});
    }
    ColumnsDescription inferred = inferFileSchema(options_.format, inputs, settings);
    if (infer) columns = std::move(inferred);
  }
  setColumns(std::move(columns));
}

StorageFile::StorageFile(ColumnsDescription columns, std::string format, std::unique_ptr<ReadBuffer> source,
                         std::string compression, const Settings& settings) {
  const auto& factory = FormatFactory::instance();
  options_.format = format == "auto" ? format : factory.canonicalName(format);
  options_.compression = "none";  // decompressed here, once
  options_.engine_full = "File(" + format + ", stdin)";
  is_stream_ = true;
  auto decompressed = wrapReadBufferWithCompression(std::move(source), chooseCompressionMethod("", compression));
  stream_ = std::make_unique<RecordedStream>(std::move(decompressed));
  if (columns.size() == 0 || options_.format == "auto") {
    RecordedStream* stream = stream_.get();
    std::vector<SchemaInferenceInput> inputs = {{"", [stream] { return stream->replay(); }}};
    ColumnsDescription inferred = inferFileSchema(options_.format, inputs, settings);
    if (columns.size() == 0) columns = std::move(inferred);
  }
  setColumns(std::move(columns));
}

StorageFile::~StorageFile() = default;

std::vector<ColumnDescription> StorageFile::virtualColumns() const {
  std::vector<ColumnDescription> res;
  for (auto& [name, type] : fileVirtualColumns()) res.push_back({name, type, "", nullptr, "", ""});
  return res;
}

BlockStreams StorageFile::read(const ReadRequest& request, QueryContext& context) {
  using namespace storage_file;
  Block output = header(request.columns);
  if (options_.format == "auto")
    throw Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                    "The data format cannot be detected by the contents of the files, because there are no files with "
                    "provided path. You can specify the format manually");

  std::vector<FileInput> inputs;
  if (is_stream_) {
    std::lock_guard lock(stream_mutex_);
    if (stream_) {
      FileInput input;
      input.stream = stream_->release();
      inputs.push_back(std::move(input));
      stream_.reset();
    }
  } else {
    if (!options_.from_glob && options_.paths.size() == 1 && !fs::exists(options_.paths[0]))
      throwFileDoesntExist(options_.paths[0]);
    for (const auto& path : options_.paths) {
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) continue;  // removed since the glob was expanded
      FileInput input;
      input.path = path;
      input.size = uint64_t(st.st_size);
      input.modification_time = st.st_mtime;
      inputs.push_back(std::move(input));
    }
  }

  FileReadSettings settings;
  settings.format = options_.format;
  settings.compression = options_.compression;
  settings.format_header = columns_.physicalHeader();
  if (FormatFactory::instance().supportsSubsetOfColumns(options_.format)) {
    // A columnar format decodes only what the query reads.
    Block needed;
    for (const auto& c : settings.format_header)
      if (output.position(c.name) >= 0) needed.insert(c);
    settings.format_header = std::move(needed);
  }
  settings.format_settings = makeFormatSettings(context.settings);
  settings.allow_errors_num = context.settings.input_format_allow_errors_num;
  settings.allow_errors_ratio = context.settings.input_format_allow_errors_ratio;
  settings.chunk_bytes = chunk_bytes_;
  return readFileInputs(std::move(inputs), std::move(settings), output, request.max_streams, request.max_block_size,
                        context);
}

void StorageFile::insert(const Block& block, QueryContext& context) { insert(std::vector<Block>{block}, context); }

void StorageFile::insert(const std::vector<Block>& blocks, QueryContext& context) {
  namespace fs = std::filesystem;
  if (options_.write_path.empty()) {
    if (options_.from_glob)
      throw Exception(ErrorCodes::DATABASE_ACCESS_DENIED, "Table is in readonly mode because of globs in filepath");
    throw Exception(ErrorCodes::TABLE_IS_READ_ONLY, "Table is in readonly mode: it reads from a stream");
  }
  const std::string& path = options_.write_path;
  std::vector<Block> data_blocks;
  size_t rows = 0, bytes_total = 0;
  for (const Block& block : blocks) {
    if (block.rows() == 0) continue;
    Block data;
    for (const auto& column : columns_.physical()) {
      int position = block.position(column.name);
      if (position < 0)
        throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "Missing column {} in inserted block", column.name);
      data.insert({materialize(block.at(size_t(position)).column), column.type, column.name});
    }
    rows += data.rows();
    bytes_total += data.bytes();
    data_blocks.push_back(std::move(data));
  }
  if (data_blocks.empty()) return;

  std::lock_guard lock(write_mutex_);
  bool truncate = context.settings.engine_file_truncate_on_insert;
  std::error_code ec;
  uintmax_t existing = fs::file_size(path, ec);
  bool append_to_data = !ec && existing > 0 && !truncate;
  // Formats with a footer (Parquet) cannot be continued.
  std::string format_lower = options_.format;
  for (char& c : format_lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  const bool appendable = format_lower != "parquet";
  if (append_to_data && !appendable)
    throw Exception(ErrorCodes::CANNOT_APPEND_TO_FILE,
                    "Cannot append data in format {} to file, because this format doesn't support appends. "
                    "Use engine_file_truncate_on_insert = 1 to replace the file",
                    options_.format);
  if (options_.owns_file) fs::create_directories(fs::path(path).parent_path(), ec);

  // Format (and compress) in memory first: the file gets the whole insert or nothing.
  std::string bytes;
  {
    auto out = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromString>(bytes),
                                              chooseCompressionMethod(path, options_.compression));
    auto format = FormatFactory::instance().getOutput(options_.format, *out, data_blocks[0].cloneEmpty(),
                                                      makeFormatSettings(context.settings));
    if (!append_to_data) format->writePrefix();
    for (const Block& data : data_blocks) format->write(data);
    format->finalize();
    out->finalize();
  }
  WriteBufferFromFile file(path, /*append=*/!truncate);
  file.write(bytes);
  file.finalize();
  context.addWritten(rows, bytes_total);
}

void StorageFile::truncate() {
  namespace fs = std::filesystem;
  if (options_.write_path.empty()) IStorage::truncate();
  std::lock_guard lock(write_mutex_);
  std::error_code ec;
  if (fs::exists(options_.write_path, ec)) fs::resize_file(options_.write_path, 0);
}

void StorageFile::drop() {
  namespace fs = std::filesystem;
  if (!options_.owns_file) return;
  std::lock_guard lock(write_mutex_);
  std::error_code ec;
  fs::remove(options_.write_path, ec);
  fs::remove(fs::path(options_.write_path).parent_path(), ec);  // only if empty
}

REGISTER_STORAGE(File) {
  factory.registerStorage("File", [](const StorageCreateArguments& args) -> StoragePtr {
    const auto& engine_args = args.engine_args;
    if (engine_args.empty() || engine_args.size() > 3)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Storage File requires from 1 to 3 arguments: name of used format, source and compression.");
    Settings default_settings;
    const Settings& settings = args.context ? args.context->settings() : default_settings;
    std::string format = stringArgument(engine_args[0], "File", "format");
    std::string compression = engine_args.size() == 3 ? stringArgument(engine_args[2], "File", "compression") : "auto";

    if (engine_args.size() >= 2) {
      const auto& source = engine_args[1];
      bool is_stdin = (!source.type && source.text == "stdin") ||
                      (source.type && source.type->isInteger() && source.value.as<int64_t>() == 0);
      if (is_stdin) {
        auto storage = std::make_shared<StorageFile>(args.columns, format, std::make_unique<ReadBufferFromFD>(0),
                                                     compression, settings);
        return storage;
      }
      if (!args.context) throw Exception(ErrorCodes::LOGICAL_ERROR, "Storage File needs a context to resolve paths");
      std::string path = stringArgument(source, "File", "path");
      StorageFile::Options options;
      options.format = format;
      options.compression = compression;
      options.paths = resolveFilePaths(path, *args.context, options.from_glob);
      if (!options.from_glob) options.write_path = options.paths.front();
      options.engine_full = "File(" + format + ", '" + path + "'" +
                            (engine_args.size() == 3 ? ", '" + compression + "'" : std::string()) + ")";
      return std::make_shared<StorageFile>(args.columns, std::move(options), settings);
    }

    if (args.data_path.empty()) throw Exception(ErrorCodes::INCORRECT_FILE_NAME, "Storage File requires data path");
    StorageFile::Options options;
    options.format = format;
    options.compression = compression;
    std::string path = (std::filesystem::path(args.data_path) / ("data." + format)).string();
    options.paths = {path};
    options.write_path = path;
    options.owns_file = true;
    options.engine_full = "File(" + format + ")";
    if (args.columns.size() == 0)
      throw Exception(ErrorCodes::INCORRECT_QUERY, "A File table without a path needs its columns");
    return std::make_shared<StorageFile>(args.columns, std::move(options), settings);
  });
}

}  // namespace tally
