// The low-level Parquet decoders on the byte sequences of the Parquet and Thrift specifications
// (the DuckDB-written files of tests/parquet cover them end to end; these pin the edge cases).

#include <gtest/gtest.h>
#include <zstd.h>

#include <string>
#include <vector>

#include "common/exception.h"
#include "formats/parquet/decoding.h"
#include "formats/parquet/thrift_compact.h"

using namespace tally;
using namespace tally::parquet;

namespace {
const std::string kWhat = "test column";
}

TEST(ParquetRle, BitPackedRunFromTheSpec) {
  // Spec (Encodings.md): values 0..7 with bit width 3, one group of 8: header 3, then 10001000
  // 11000110 11111010.
  const uint8_t data[] = {0x03, 0x88, 0xC6, 0xFA};
  RleBitPackedDecoder decoder(data, sizeof(data), 3, &kWhat);
  uint32_t out[8];
  decoder.decode(out, 8);
  for (uint32_t i = 0; i < 8; ++i) EXPECT_EQ(out[i], i);
}

TEST(ParquetRle, RleRunThenBitPacked) {
  // A run of 5 times 3 (header 5 << 1, value in one byte), then the bit-packed 0..7.
  const uint8_t data[] = {0x0A, 0x03, 0x03, 0x88, 0xC6, 0xFA};
  RleBitPackedDecoder decoder(data, sizeof(data), 3, &kWhat);
  std::vector<uint16_t> out(13);
  decoder.decode(out.data(), out.size());
  const std::vector<uint16_t> expected = {3, 3, 3, 3, 3, 0, 1, 2, 3, 4, 5, 6, 7};
  EXPECT_EQ(out, expected);
}

TEST(ParquetRle, DataEndingEarlyThrows) {
  const uint8_t data[] = {0x0A, 0x03};  // 5 values only
  RleBitPackedDecoder decoder(data, sizeof(data), 3, &kWhat);
  uint32_t out[6];
  EXPECT_THROW(decoder.decode(out, 6), Exception);
  const uint8_t cut[] = {0x03, 0x88};  // a bit-packed group of 8 with 1 of its 3 bytes
  RleBitPackedDecoder short_run(cut, sizeof(cut), 3, &kWhat);
  EXPECT_THROW(short_run.decode(out, 6), Exception);
}

TEST(ParquetThrift, FieldsListsAndSkipping) {
  // struct { 1: i32 = -2 (zigzag 3), 2: string "ab", 4 (delta 2): list<i32> [1, 2], 5: bool true,
  //          6: struct { 1: i64 = 300 } } stop
  const uint8_t data[] = {0x15, 0x03, 0x18, 0x02, 'a', 'b', 0x29, 0x25, 0x02, 0x04, 0x11, 0x1C, 0x16, 0xD8, 0x04, 0x00,
                          0x00};
  ThriftCompactReader r(reinterpret_cast<const char*>(data), sizeof(data), 100, "test struct");
  int16_t id = 0;
  uint8_t type = 0;
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 1);
  EXPECT_EQ(r.readI32(), -2);
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 2);
  EXPECT_EQ(r.readBinary(), "ab");
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 4);
  uint8_t elem;
  uint64_t count;
  r.readListHeader(elem, count);
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(r.readI32(), 1);
  EXPECT_EQ(r.readI32(), 2);
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 5);
  EXPECT_TRUE(ThriftCompactReader::fieldBool(type));
  ASSERT_TRUE(r.readFieldHeader(id, type));
  EXPECT_EQ(id, 6);
  r.skip(type);
  EXPECT_FALSE(r.readFieldHeader(id, type));
  EXPECT_EQ(r.consumed(), sizeof(data));
}

TEST(ParquetThrift, OverrunsThrowWithThePosition) {
  const uint8_t data[] = {0x18, 0x10, 'a'};  // a string of 16 bytes with 1 present
  ThriftCompactReader r(reinterpret_cast<const char*>(data), sizeof(data), 1000, "test struct");
  int16_t id = 0;
  uint8_t type = 0;
  ASSERT_TRUE(r.readFieldHeader(id, type));
  try {
    r.readBinary();
    FAIL() << "no exception";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCodes::INCORRECT_DATA);
    EXPECT_NE(std::string(e.what()).find("file position 1002"), std::string::npos) << e.what();
  }
}

TEST(ParquetDelta, SpecExample) {
  // Spec example 1: 1 2 3 4 5 -> block size 128, 4 miniblocks, 5 values, first 1 (zigzag 2),
  // then min delta 1 (zigzag 2) and bit widths 0 0 0 0.
  const uint8_t data[] = {0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00};
  int64_t out[5];
  size_t used = decodeDeltaBinaryPacked<int64_t>(data, sizeof(data), out, 5, kWhat);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(out[i], i + 1);
  EXPECT_EQ(used, sizeof(data));
}

TEST(ParquetPages, ZstdPageOfOneValueExpandsBeyondDeflatesRatio) {
  // A boolean column of one value (tally pypi generate's has_signature) compresses ~2,750:1.
  std::string plain(55023, '\0');
  std::vector<char> frame(ZSTD_compressBound(plain.size()));
  size_t n = ZSTD_compress(frame.data(), frame.size(), plain.data(), plain.size(), 3);
  ASSERT_FALSE(ZSTD_isError(n));
  ASSERT_LT(n * 1100 + 1024, plain.size());
  std::vector<char> out;
  decompressPage(Codec::ZSTD, frame.data(), n, plain.size(), out, kWhat);
  EXPECT_EQ(std::string(out.begin(), out.end()), plain);
  // A claim beyond any codec's ratio is still refused before allocating.
  EXPECT_THROW(decompressPage(Codec::ZSTD, frame.data(), n, n * 40000, out, kWhat), Exception);
}
