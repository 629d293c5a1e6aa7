// The Parquet writer's building blocks against the reader's: the Thrift compact writer read
// back by the reader, the RLE/bit-packed hybrid encoder decoded by the decoder (random and
// edge-case sequences, every bit width), the spec's byte example, and a whole file written by
// ParquetWriter decoded by readFileMetaData (schema, row groups, page headers).

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "formats/parquet/decoding.h"
#include "formats/parquet/encoding.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/thrift_compact.h"
#include "formats/parquet/thrift_compact_writer.h"
#include "formats/parquet/writer.h"
#include "io/write_buffer.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

using namespace tally;
using namespace tally::parquet;

TEST(ParquetThriftWriter, RoundTripThroughTheReader) {
  std::string out;
  ThriftCompactWriter w(out);
  w.fieldI32(1, -5);
  w.fieldI64(2, int64_t(1) << 40);
  w.fieldBool(3, true);
  w.fieldBinary(4, "hello");
  w.fieldI32(20, 7);  // a delta above 15: long field header
  w.beginListField(21, ThriftCompactWriter::I32, 20);
  for (int i = 0; i < 20; ++i) w.elemI32(i - 10);
  w.beginStructField(22);
  w.fieldI16(1, -3);
  w.fieldBool(2, false);
  w.endStruct();
  w.endStruct();

  ThriftCompactReader r(out.data(), out.size(), 0, "test");
  int16_t id = 0;
  uint8_t type = 0;
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 1);
  EXPECT_EQ(r.readI32(), -5);
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(r.readInt(), int64_t(1) << 40);
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 3);
  EXPECT_TRUE(ThriftCompactReader::fieldBool(type));
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(r.readBinary(), "hello");
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 20);
  EXPECT_EQ(r.readI32(), 7);
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 21);
  uint8_t elem;
  uint64_t count;
  r.readListHeader(elem, count);
  ASSERT_EQ(count, 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(r.readI32(), i - 10);
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 22);
  int16_t inner = 0;
  ASSERT_TRUE(r.readFieldHeader(inner, type));
  EXPECT_EQ(r.readI32(), -3);
  ASSERT_TRUE(r.readFieldHeader(inner, type));
  EXPECT_FALSE(ThriftCompactReader::fieldBool(type));
  EXPECT_FALSE(r.readFieldHeader(inner, type));
  EXPECT_FALSE(r.readFieldHeader(id, type));
  EXPECT_EQ(r.consumed(), out.size());
}

TEST(ParquetRleEncoder, SpecExampleBitPacked) {
  // Values 0..7, bit width 3: one bit-packed group (Encodings.md): 0x03 0x88 0xC6 0xFA.
  uint32_t values[8] = {0, 1, 2, 3, 4, 5, 6, 7};
  std::string out;
  encodeRleBitPacked(values, 8, 3, out);
  EXPECT_EQ(out, std::string("\x03\x88\xC6\xFA", 4));
}

TEST(ParquetRleEncoder, RunsBecomeRle) {
  std::vector<uint32_t> values(1000, 5);
  std::string out;
  encodeRleBitPacked(values.data(), values.size(), 3, out);
  EXPECT_EQ(out, std::string("\xD0\x0F\x05", 3));  // varint(1000 << 1), value in one byte
}

TEST(ParquetRleEncoder, RandomRoundTripsEveryWidth) {
  std::mt19937_64 rng(42);
  const std::string what = "test";
  for (int width = 1; width <= 32; ++width) {
    for (int pattern = 0; pattern < 4; ++pattern) {
      size_t n = 1 + rng() % 5000;
      std::vector<uint32_t> values(n);
      uint64_t mask = width == 32 ? 0xffffffffULL : ((1ULL << width) - 1);
      for (size_t i = 0; i < n; ++i) {
        if (pattern == 0) values[i] = uint32_t(rng() & mask);                      // random
        else if (pattern == 1) values[i] = uint32_t((i / 37) & mask);              // long runs
        else if (pattern == 2) values[i] = uint32_t((rng() % 3 == 0 ? rng() : 1) & mask);  // mixed
        else values[i] = uint32_t((i % 9 < 7 ? 0 : i) & mask);                    // short runs
      }
      std::string out;
      encodeRleBitPacked(values.data(), n, width, out);
      RleBitPackedDecoder decoder(reinterpret_cast<const uint8_t*>(out.data()), out.size(), width, &what);
      std::vector<uint32_t> back(n);
      decoder.decode(back.data(), n);
      ASSERT_EQ(back, values) << "width " << width << " pattern " << pattern << " n " << n;
    }
  }
}

TEST(ParquetWriter, FooterReadBackByTheReader) {
  Block header;
  header.insert({nullptr, std::make_shared<DataTypeUInt32>(), "id"});
  header.insert({nullptr, std::make_shared<DataTypeNullable>(std::make_shared<DataTypeString>()), "s"});
  std::string bytes;
  {
    WriteBufferFromString out(bytes);
    WriterOptions options;
    options.row_group_rows = 1000;
    options.codec = Codec::SNAPPY;
    ParquetWriter writer(out, header, options);
    auto id = ColumnUInt32::create();
    auto s = ColumnString::create();
    auto nulls = ColumnUInt8::create();
    for (uint32_t i = 0; i < 2500; ++i) {
      id->getData().push_back(i);
      std::string v = "v" + std::to_string(i % 10);
      s->insertData(v.data(), v.size());
      nulls->getData().push_back(i % 3 == 0);
    }
    Block block;
    block.insert({id, header.at(0).type, "id"});
    block.insert({ColumnNullable::create(ColumnPtr(s), ColumnPtr(nulls)), header.at(1).type, "s"});
    writer.write(block);
    writer.finish();
    out.finalize();
  }
  FileMetaData meta = readFileMetaData(bytes);
  EXPECT_EQ(meta.num_rows, 2500);
  ASSERT_EQ(meta.row_groups.size(), 3u);
  EXPECT_EQ(meta.row_groups[2].num_rows, 500);
  ASSERT_EQ(meta.schema.size(), 3u);
  EXPECT_EQ(meta.schema[1].name, "id");
  EXPECT_EQ(meta.schema[1].logical.kind, LogicalType::INTEGER);
  EXPECT_FALSE(meta.schema[1].logical.is_signed);
  EXPECT_EQ(meta.schema[2].repetition, Repetition::OPTIONAL);
  const ColumnMetaData& s = meta.row_groups[0].columns[1].meta_data;
  EXPECT_EQ(s.codec, Codec::SNAPPY);
  EXPECT_EQ(s.num_values, 1000);
  ASSERT_TRUE(s.dictionary_page_offset.has_value());
  size_t header_size = 0;
  PageHeader dict = readPageHeader(bytes.data() + *s.dictionary_page_offset, bytes.size() - *s.dictionary_page_offset,
                                   size_t(*s.dictionary_page_offset), header_size);
  EXPECT_EQ(dict.type, PageType::DICTIONARY_PAGE);
  EXPECT_EQ(dict.num_values, 10);
  PageHeader data = readPageHeader(bytes.data() + s.data_page_offset, bytes.size() - s.data_page_offset,
                                   size_t(s.data_page_offset), header_size);
  EXPECT_EQ(data.type, PageType::DATA_PAGE);
  EXPECT_EQ(data.num_values, 1000);
  EXPECT_EQ(data.encoding, Encoding::RLE_DICTIONARY);
}

TEST(ParquetWriter, CodecNames) {
  EXPECT_EQ(codecFromName("ZSTD"), Codec::ZSTD);
  EXPECT_EQ(codecFromName("none"), Codec::UNCOMPRESSED);
  EXPECT_THROW(codecFromName("lzma"), Exception);
}
