// Parquet output format (ClickHouse's `Parquet` output): every block goes to the one
// ParquetWriter (writer.h) of the output; finalize() writes the last row group and the footer.
// Settings: output_format_parquet_compression_method (zstd, snappy, gzip, none),
// output_format_parquet_row_group_size (rows), output_format_parquet_row_group_size_bytes,
// output_format_parquet_max_dictionary_size, output_format_parquet_use_dictionary.

#include "formats/format.h"
#include "formats/parquet/encoding.h"
#include "formats/parquet/writer.h"

namespace tally {

namespace parquet {

WriterOptions writerOptionsFrom(const FormatSettings& settings) {
  WriterOptions options;
  options.codec = codecFromName(settings.parquet.compression_method);
  options.row_group_rows = std::max<uint64_t>(1, settings.parquet.row_group_rows);
  options.row_group_bytes = std::max<uint64_t>(1, settings.parquet.row_group_bytes);
  options.max_dictionary_bytes = settings.parquet.max_dictionary_bytes;
  options.use_dictionary = settings.parquet.use_dictionary;
  return options;
}

class ParquetOutputFormat final : public IOutputFormat {
 public:
  ParquetOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings)
      : IOutputFormat(out, header, settings), writer_(out, header, writerOptionsFrom(settings)) {}

  void write(const Block& block) override { writer_.write(block); }

  void finalize() override {
    writer_.finish();
    out_.next();
  }

  /// A Parquet file is complete only with its footer: nothing to flush in between.
  void flush() override {}

  std::string contentType() const override { return "application/octet-stream"; }

 private:
  ParquetWriter writer_;
};

}  // namespace parquet

REGISTER_FORMAT(ParquetOutput) {
  factory.registerOutputFormat("Parquet", [](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
    return std::make_unique<parquet::ParquetOutputFormat>(out, header, settings);
  });
}

}  // namespace tally
