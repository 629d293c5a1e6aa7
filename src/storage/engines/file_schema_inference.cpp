#include "storage/engines/file_schema_inference.h"

#include "common/exception.h"
#include "formats/format.h"
#include "types/data_type_string.h"

namespace tally {

namespace file_schema_inference {

/// Replays a recorded prefix, then reads on from the stream, recording.
class RecordingReadBuffer final : public ReadBuffer {
 public:
  RecordingReadBuffer(std::string& recorded, ReadBuffer& in) : recorded_(recorded), in_(in) {
    set(recorded_.data(), recorded_.size());
  }

 private:
  bool nextImpl() override {
    if (in_.available() == 0 && !in_.next()) return false;
    char* begin = in_.position();
    size_t n = in_.available();
    recorded_.append(begin, n);
    in_.setPosition(in_.bufferEnd());
    set(begin, n);
    return true;
  }

  std::string& recorded_;
  ReadBuffer& in_;
};

/// Reads an owned prefix, then an owned stream.
class PrefixThenStreamReadBuffer final : public ReadBuffer {
 public:
  PrefixThenStreamReadBuffer(std::string prefix, std::unique_ptr<ReadBuffer> in)
      : prefix_(std::move(prefix)), in_(std::move(in)) {
    set(prefix_.data(), prefix_.size());
  }

 private:
  bool nextImpl() override {
    if (in_->available() == 0 && !in_->next()) return false;
    set(in_->position(), in_->available());
    in_->setPosition(in_->bufferEnd());
    return true;
  }

  std::string prefix_;
  std::unique_ptr<ReadBuffer> in_;
};

/// Formats tried, in order, when the format is not known; the first whose schema reader
/// succeeds wins. Then the similar text formats compete: most columns wins.
const std::vector<std::string>& detectionOrder() {
  static const std::vector<std::string> order = {"JSONEachRow", "JSONCompactEachRow", "Values", "TSKV"};
  return order;
}
const std::vector<std::string>& similarFormats() {
  static const std::vector<std::string> formats = {"TabSeparated", "CSV"};
  return formats;
}

InferredSchema runSchemaReader(const std::string& format, ReadBuffer& in, const FormatSettings& format_settings,
                               size_t max_rows) {
  const auto* reader = FormatFactory::instance().schemaReader(format);
  InferredSchema schema = (*reader)(in, format_settings, max_rows);
  std::erase_if(schema, [](const auto& column) { return column.first.empty(); });
  return schema;
}

bool hasSchemaReader(const std::string& format) {
  try {
    return FormatFactory::instance().hasInputFormat(format) &&
           FormatFactory::instance().schemaReader(format) != nullptr;
  } catch (const Exception&) {
    return false;
  }
}

/// Detects the format of one input; empty schema when no format fits.
InferredSchema detect(std::string& format, const SchemaInferenceInput& input, const FormatSettings& format_settings,
                      size_t max_rows) {
  for (const auto& candidate : detectionOrder()) {
    if (!hasSchemaReader(candidate)) continue;
    try {
      auto in = input.open();
      InferredSchema schema = runSchemaReader(candidate, *in, format_settings, max_rows);
      if (!schema.empty()) {
        format = FormatFactory::instance().canonicalName(candidate);
        return schema;
      }
    } catch (const Exception&) {
      // Not this format.
    }
  }
  InferredSchema best;
  for (const auto& candidate : similarFormats()) {
    if (!hasSchemaReader(candidate)) continue;
    try {
      auto in = input.open();
      InferredSchema schema = runSchemaReader(candidate, *in, format_settings, max_rows);
      if (schema.size() > best.size()) {
        best = std::move(schema);
        format = FormatFactory::instance().canonicalName(candidate);
      }
    } catch (const Exception&) {
      // Not this format.
    }
  }
  return best;
}

ColumnsDescription toColumns(const InferredSchema& schema) {
  ColumnsDescription columns;
  for (const auto& [name, type] : schema) columns.add({name, type, "", nullptr, "", ""});
  return columns;
}

[[noreturn]] void throwWithPath(Exception e, const std::string& path) {
  if (!path.empty()) e.addMessage(": (in file/uri " + path + ")");
  throw e;
}

}  // namespace file_schema_inference

ColumnsDescription inferFileSchema(std::string& format, const std::vector<SchemaInferenceInput>& inputs,
                                   const Settings& settings) {
  using namespace file_schema_inference;
  // Formats whose schema is fixed (ClickHouse's external schema readers): no data needs reading.
  static const std::pair<const char*, const char*> fixed_schemas[] = {
      {"JSONAsString", "json"}, {"LineAsString", "line"}, {"RawBLOB", "raw_blob"}};
  for (const auto& [fixed_format, column] : fixed_schemas) {
    if (format != "auto" && FormatFactory::instance().canonicalName(format) == fixed_format) {
      ColumnsDescription columns;
      columns.add({column, typeString(), "", nullptr, "", ""});
      return columns;
    }
  }
  bool detecting = format == "auto";
  if (inputs.empty()) {
    if (detecting)
      throw Exception(
          ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
          "The data format cannot be detected by the contents of the files, because there are no files with "
          "provided path. You can specify the format manually");
    throw Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                    "The table structure cannot be extracted from a {} format file, because there are no files with "
                    "provided path. You can specify table structure manually",
                    format);
  }
  if (!detecting && !hasSchemaReader(format))
    throw Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                    "{} file format doesn't support schema inference. You must specify the structure manually", format);

  FormatSettings format_settings = makeFormatSettings(settings);
  size_t max_rows = settings.input_format_max_rows_to_read_for_schema_inference;
  std::string messages;
  size_t attempts = 0;
  std::string last_path;
  for (const auto& input : inputs) {
    ++attempts;
    last_path = input.path;
    bool empty;
    {
      auto in = input.open();
      empty = in->eof();
    }
    if (empty) {
      if (!messages.empty()) messages += "\n";
      messages +=
          detecting ? std::string("The data format cannot be detected by the contents of the files: the file is empty")
                    : "The table structure cannot be extracted from a " + format + " format file: the file is empty";
      continue;
    }
    if (detecting) {
      InferredSchema schema = detect(format, input, format_settings, max_rows);
      if (schema.empty())
        throwWithPath(Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                                "The data format cannot be detected by the contents of the files. You can specify the "
                                "format manually"),
                      input.path);
      return toColumns(schema);
    }
    InferredSchema schema;
    try {
      auto in = input.open();
      schema = runSchemaReader(format, *in, format_settings, max_rows);
    } catch (const Exception& e) {
      throwWithPath(Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                              "The table structure cannot be extracted from a {} format file. Error:\n{}.\nYou can "
                              "specify the structure manually",
                              format, e.displayText()),
                    input.path);
    }
    if (schema.empty())
      throwWithPath(Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                              "The table structure cannot be extracted from a {} format file. Error:\n{}.\nYou can "
                              "specify the structure manually",
                              format, messages),
                    input.path);
    return toColumns(schema);
  }
  if (detecting)
    throwWithPath(
        Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                  "The data format cannot be detected by the contents of the files. You can specify the format "
                  "manually"),
        last_path);
  if (attempts <= 1)
    throwWithPath(
        Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                  "The table structure cannot be extracted from a {} format file. Error:\n{}.\nYou can specify "
                  "the structure manually",
                  format, messages),
        last_path);
  throwWithPath(Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                          "All attempts to extract table structure from files failed. Errors:\n{}\nYou can specify the "
                          "structure manually",
                          messages),
                last_path);
}

std::unique_ptr<ReadBuffer> RecordedStream::replay() {
  return std::make_unique<file_schema_inference::RecordingReadBuffer>(recorded_, *in_);
}

std::unique_ptr<ReadBuffer> RecordedStream::release() {
  return std::make_unique<file_schema_inference::PrefixThenStreamReadBuffer>(std::move(recorded_), std::move(in_));
}

}  // namespace tally
