// Stream compression: method choice, round trips for every codec through tiny and large windows,
// interoperability with the command-line tools, concatenated streams, and clean errors on
// truncated or corrupt input.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <zlib.h>

#include "common/exception.h"
#include "io/bzip2_buffers.h"
#include "io/compression.h"
#include "io/lz4_buffers.h"
#include "io/lzma_buffers.h"
#include "io/zlib_buffers.h"
#include "io/zstd_buffers.h"

namespace tally {
namespace {

const CompressionMethod kAllMethods[] = {CompressionMethod::Gzip, CompressionMethod::Zlib, CompressionMethod::Xz,
                                         CompressionMethod::Zstd, CompressionMethod::Lz4,  CompressionMethod::Bzip2};

// Text that compresses well, interleaved with random bytes that do not, so compressed streams
// span many windows too.
std::string makeData(size_t size, unsigned seed = 1) {
  std::mt19937 rng(seed);
  std::string data;
  data.reserve(size + 64);
  size_t row = 0;
  while (data.size() < size) {
    if (row % 50 == 49) {
      for (int i = 0; i < 200; ++i) data.push_back(char(rng() & 0xff));
    } else {
      data += "row " + std::to_string(row) + "\t" + std::to_string(rng() % 100000) + "\tsome repeated text\n";
    }
    ++row;
  }
  data.resize(size);
  return data;
}

// Levels that keep the big round trips quick (xz at its default is slow).
int quickLevel(CompressionMethod method) { return method == CompressionMethod::Xz ? 1 : -1; }

std::string compress(const std::string& data, CompressionMethod method, int level = -1) {
  std::string out;
  auto buffer = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromString>(out), method, level);
  buffer->write(data);
  buffer->finalize();
  return out;
}

std::string decompress(const std::string& compressed, CompressionMethod method) {
  auto buffer = wrapReadBufferWithCompression(std::make_unique<ReadBufferFromMemory>(compressed), method);
  std::string out;
  buffer->readAll(out);
  return out;
}

// Serves its data `chunk` bytes at a time, to stress window edges.
class ChunkedReadBuffer : public ReadBuffer {
 public:
  ChunkedReadBuffer(std::string data, size_t chunk) : data_(std::move(data)), chunk_(chunk) { set(data_.data(), 0); }

 private:
  bool nextImpl() override {
    if (offset_ >= data_.size()) return false;
    size_t n = std::min(chunk_, data_.size() - offset_);
    set(data_.data() + offset_, n);
    offset_ += n;
    return true;
  }
  std::string data_;
  size_t chunk_;
  size_t offset_ = 0;
};

// Appends to a string through a window of `chunk` bytes.
class ChunkedWriteBuffer : public WriteBuffer {
 public:
  ChunkedWriteBuffer(std::string& out, size_t chunk) : out_(out), memory_(chunk) { set(memory_.data(), chunk); }

 private:
  void nextImpl() override {
    out_.append(begin_, pos_);
    set(memory_.data(), memory_.size());
  }
  std::string& out_;
  std::vector<char> memory_;
};

std::unique_ptr<ReadBuffer> makeDecompressor(std::unique_ptr<ReadBuffer> in, CompressionMethod method,
                                             size_t buffer_size) {
  switch (method) {
    case CompressionMethod::Gzip:
      return std::make_unique<ZlibInflatingReadBuffer>(std::move(in), true, buffer_size);
    case CompressionMethod::Zlib:
      return std::make_unique<ZlibInflatingReadBuffer>(std::move(in), false, buffer_size);
    case CompressionMethod::Xz:
      return std::make_unique<LzmaInflatingReadBuffer>(std::move(in), buffer_size);
    case CompressionMethod::Zstd:
      return std::make_unique<ZstdInflatingReadBuffer>(std::move(in), buffer_size);
    case CompressionMethod::Lz4:
      return std::make_unique<Lz4InflatingReadBuffer>(std::move(in), buffer_size);
    case CompressionMethod::Bzip2:
      return std::make_unique<Bzip2InflatingReadBuffer>(std::move(in), buffer_size);
    case CompressionMethod::None:
      break;
  }
  return in;
}

std::unique_ptr<WriteBuffer> makeCompressor(WriteBuffer& out, CompressionMethod method, size_t buffer_size) {
  switch (method) {
    case CompressionMethod::Gzip:
      return std::make_unique<ZlibDeflatingWriteBuffer>(out, true, -1, buffer_size);
    case CompressionMethod::Zlib:
      return std::make_unique<ZlibDeflatingWriteBuffer>(out, false, -1, buffer_size);
    case CompressionMethod::Xz:
      return std::make_unique<LzmaDeflatingWriteBuffer>(out, 1, buffer_size);
    case CompressionMethod::Zstd:
      return std::make_unique<ZstdDeflatingWriteBuffer>(out, -1, buffer_size);
    case CompressionMethod::Lz4:
      return std::make_unique<Lz4DeflatingWriteBuffer>(out, -1, buffer_size);
    case CompressionMethod::Bzip2:
      return std::make_unique<Bzip2DeflatingWriteBuffer>(out, -1, buffer_size);
    case CompressionMethod::None:
      break;
  }
  return nullptr;
}

// The exception `f` throws; a test failure when it throws none.
template <typename F>
Exception catchException(F&& f) {
  try {
    f();
  } catch (const Exception& e) {
    return e;
  }
  ADD_FAILURE() << "expected an exception";
  return Exception(0, std::string("no exception"));
}

class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/tally_io_compression_XXXXXX";
    if (!::mkdtemp(name)) throw std::runtime_error("mkdtemp failed");
    path_ = name;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void writeFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), std::streamsize(data.size()));
  ASSERT_TRUE(out.good()) << path;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

void run(const std::string& command) { ASSERT_EQ(std::system(command.c_str()), 0) << command; }

std::string methodLabel(CompressionMethod method) { return std::string(compressionMethodName(method)); }

// The codec's name in error messages.
std::string codecName(CompressionMethod method) {
  return method == CompressionMethod::Bzip2 ? "bzip2" : methodLabel(method);
}

// --- choosing the method ---------------------------------------------------------------------

TEST(IoCompression, ChooseByExtension) {
  EXPECT_EQ(chooseCompressionMethod("data.csv.gz", "auto"), CompressionMethod::Gzip);
  EXPECT_EQ(chooseCompressionMethod("data.csv.GZIP", ""), CompressionMethod::Gzip);
  EXPECT_EQ(chooseCompressionMethod("x.deflate", "auto"), CompressionMethod::Zlib);
  EXPECT_EQ(chooseCompressionMethod("x.xz", "auto"), CompressionMethod::Xz);
  EXPECT_EQ(chooseCompressionMethod("x.lzma", "auto"), CompressionMethod::Xz);
  EXPECT_EQ(chooseCompressionMethod("x.zst", "auto"), CompressionMethod::Zstd);
  EXPECT_EQ(chooseCompressionMethod("x.zstd", "auto"), CompressionMethod::Zstd);
  EXPECT_EQ(chooseCompressionMethod("dir/x.tsv.lz4", "auto"), CompressionMethod::Lz4);
  EXPECT_EQ(chooseCompressionMethod("x.bz2", "auto"), CompressionMethod::Bzip2);
  EXPECT_EQ(chooseCompressionMethod("x.csv", "auto"), CompressionMethod::None);
  EXPECT_EQ(chooseCompressionMethod("noextension", "auto"), CompressionMethod::None);
  EXPECT_EQ(chooseCompressionMethod("dir.gz/file", "auto"), CompressionMethod::None);
  EXPECT_EQ(chooseCompressionMethod("gz", "auto"), CompressionMethod::Gzip);
  EXPECT_EQ(chooseCompressionMethod(".zst", "auto"), CompressionMethod::Zstd);
}

TEST(IoCompression, ChooseByHint) {
  EXPECT_EQ(chooseCompressionMethod("x.gz", "none"), CompressionMethod::None);
  EXPECT_EQ(chooseCompressionMethod("x.csv", "zstd"), CompressionMethod::Zstd);
  EXPECT_EQ(chooseCompressionMethod("x.gz", "xz"), CompressionMethod::Xz);  // the hint wins
  EXPECT_EQ(chooseCompressionMethod("x", "GZIP"), CompressionMethod::Gzip);
  EXPECT_EQ(chooseCompressionMethod("x", "deflate"), CompressionMethod::Zlib);
  EXPECT_EQ(chooseCompressionMethod("x", "bz2"), CompressionMethod::Bzip2);

  Exception unknown = catchException([] { chooseCompressionMethod("x.csv", "rar"); });
  EXPECT_EQ(unknown.code(), ErrorCodes::NOT_IMPLEMENTED);
  EXPECT_NE(unknown.message().find("Unknown compression method 'rar'"), std::string::npos) << unknown.message();

  for (const char* name : {"x.br", "x.brotli", "x.snappy"}) {
    Exception e = catchException([&] { chooseCompressionMethod(name, "auto"); });
    EXPECT_EQ(e.code(), ErrorCodes::NOT_IMPLEMENTED);
    EXPECT_NE(e.message().find("not supported"), std::string::npos) << e.message();
  }
  EXPECT_EQ(catchException([] { chooseCompressionMethod("x.csv", "br"); }).code(), ErrorCodes::NOT_IMPLEMENTED);
}

TEST(IoCompression, StripExtension) {
  EXPECT_EQ(stripCompressionExtension("a/data.csv.gz"), "a/data.csv");
  EXPECT_EQ(stripCompressionExtension("data.tsv.ZST"), "data.tsv");
  EXPECT_EQ(stripCompressionExtension("data.json.br"), "data.json");
  EXPECT_EQ(stripCompressionExtension("data.csv"), "data.csv");
  EXPECT_EQ(stripCompressionExtension("dir.gz/data"), "dir.gz/data");
  EXPECT_EQ(stripCompressionExtension("plain"), "plain");
}

TEST(IoCompression, ContentEncoding) {
  EXPECT_EQ(compressionFromContentEncoding(""), CompressionMethod::None);
  EXPECT_EQ(compressionFromContentEncoding("identity"), CompressionMethod::None);
  EXPECT_EQ(compressionFromContentEncoding(" gzip "), CompressionMethod::Gzip);
  EXPECT_EQ(compressionFromContentEncoding("x-gzip"), CompressionMethod::Gzip);
  EXPECT_EQ(compressionFromContentEncoding("Deflate"), CompressionMethod::Zlib);
  EXPECT_EQ(compressionFromContentEncoding("xz"), CompressionMethod::Xz);
  EXPECT_EQ(compressionFromContentEncoding("zstd"), CompressionMethod::Zstd);
  EXPECT_EQ(compressionFromContentEncoding("lz4"), CompressionMethod::Lz4);
  EXPECT_EQ(compressionFromContentEncoding("bz2"), CompressionMethod::Bzip2);
  EXPECT_EQ(compressionFromContentEncoding("bzip2"), CompressionMethod::Bzip2);
  EXPECT_EQ(catchException([] { compressionFromContentEncoding("br"); }).code(), ErrorCodes::NOT_IMPLEMENTED);
  EXPECT_EQ(catchException([] { compressionFromContentEncoding("compress"); }).code(), ErrorCodes::NOT_IMPLEMENTED);
  for (CompressionMethod method : kAllMethods)
    EXPECT_EQ(compressionFromContentEncoding(compressionMethodName(method)), method);
}

TEST(IoCompression, NoneIsPassThrough) {
  auto in = std::make_unique<ReadBufferFromOwnString>("abc");
  ReadBuffer* raw = in.get();
  EXPECT_EQ(wrapReadBufferWithCompression(std::move(in), CompressionMethod::None).get(), raw);
  std::string out;
  auto writer = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromString>(out), CompressionMethod::None);
  writer->write("xyz");
  writer->finalize();
  EXPECT_EQ(out, "xyz");
}

TEST(IoCompression, InvalidLevel) {
  std::string out;
  for (auto [method, level] : std::vector<std::pair<CompressionMethod, int>>{{CompressionMethod::Gzip, 10},
                                                                             {CompressionMethod::Zstd, 0},
                                                                             {CompressionMethod::Zstd, 23},
                                                                             {CompressionMethod::Xz, 10},
                                                                             {CompressionMethod::Lz4, 13},
                                                                             {CompressionMethod::Bzip2, 0}}) {
    Exception e = catchException(
        [&] { wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromString>(out), method, level); });
    EXPECT_EQ(e.code(), ErrorCodes::BAD_ARGUMENTS) << methodLabel(method) << " " << level;
  }
}

// --- round trips ------------------------------------------------------------------------------

class IoCompressionMethod : public ::testing::TestWithParam<CompressionMethod> {};

INSTANTIATE_TEST_SUITE_P(AllMethods, IoCompressionMethod, ::testing::ValuesIn(kAllMethods),
                         [](const auto& info) { return methodLabel(info.param); });

TEST_P(IoCompressionMethod, LargeRoundTrip) {
  // Several 1 MiB windows on both sides.
  std::string data = makeData(6 << 20);
  std::string compressed = compress(data, GetParam(), quickLevel(GetParam()));
  EXPECT_LT(compressed.size(), data.size());
  EXPECT_EQ(decompress(compressed, GetParam()), data);
}

TEST_P(IoCompressionMethod, TinyWindows) {
  std::string data = makeData(300 << 10, 7);
  std::string compressed;
  {
    ChunkedWriteBuffer sink(compressed, 13);
    auto writer = makeCompressor(sink, GetParam(), 100);
    // Mixed write sizes: single bytes and runs across the window edge.
    size_t i = 0;
    while (i < data.size()) {
      size_t n = std::min<size_t>(i % 3 == 0 ? 1 : 777, data.size() - i);
      writer->write(data.data() + i, n);
      i += n;
    }
    writer->finalize();
  }
  EXPECT_EQ(decompress(compressed, GetParam()), data);

  auto reader = makeDecompressor(std::make_unique<ChunkedReadBuffer>(compressed, 7), GetParam(), 64);
  std::string out;
  reader->readAll(out);
  EXPECT_EQ(out, data);
}

TEST_P(IoCompressionMethod, EmptyStreams) {
  std::string compressed = compress("", GetParam());
  EXPECT_FALSE(compressed.empty());
  EXPECT_EQ(decompress(compressed, GetParam()), "");
  EXPECT_EQ(decompress("", GetParam()), "");  // no bytes at all: no data
}

TEST_P(IoCompressionMethod, ConcatenatedStreams) {
  std::string a = makeData(100000, 2);
  std::string b = makeData(200000, 3);
  std::string joined = compress(a, GetParam()) + compress("", GetParam()) + compress(b, GetParam());
  EXPECT_EQ(decompress(joined, GetParam()), a + b);
}

TEST_P(IoCompressionMethod, TruncatedStreamThrows) {
  std::string data = makeData(500000, 4);
  std::string compressed = compress(data, GetParam());
  for (size_t cut : {size_t(1), size_t(5), compressed.size() / 3, compressed.size() / 2, compressed.size() - 1}) {
    std::string truncated = compressed.substr(0, cut);
    Exception e = catchException([&] { decompress(truncated, GetParam()); });
    EXPECT_EQ(e.code(), ErrorCodes::CANNOT_DECOMPRESS)
        << methodLabel(GetParam()) << " cut at " << cut << ": " << e.message();
    EXPECT_NE(e.message().find(codecName(GetParam())), std::string::npos) << e.message();
  }
}

TEST_P(IoCompressionMethod, CorruptStreamThrows) {
  std::string data = makeData(500000, 5);
  std::string compressed = compress(data, GetParam());
  for (size_t at : {compressed.size() / 4, compressed.size() / 2, compressed.size() - 3}) {
    std::string corrupt = compressed;
    corrupt[at] = char(corrupt[at] ^ 0x5a);
    Exception e = catchException([&] { decompress(corrupt, GetParam()); });
    EXPECT_EQ(e.code(), ErrorCodes::CANNOT_DECOMPRESS)
        << methodLabel(GetParam()) << " at " << at << ": " << e.message();
  }
  Exception garbage = catchException([&] { decompress(std::string(1000, '\x07') + "not compressed", GetParam()); });
  EXPECT_EQ(garbage.code(), ErrorCodes::CANNOT_DECOMPRESS) << garbage.message();
}

TEST_P(IoCompressionMethod, RandomDamageFailsCleanly) {
  // Flipped bytes and cuts anywhere: the reader returns (a header field no check covers) or throws
  // CANNOT_DECOMPRESS; it never crashes, hangs or throws anything else.
  std::string data = makeData(60000, 17);
  std::string compressed = compress(data, GetParam());
  std::mt19937 rng(42);
  for (int iteration = 0; iteration < 150; ++iteration) {
    std::string damaged = compressed;
    if (iteration % 3 == 0) {
      damaged.resize(rng() % damaged.size());
    } else {
      for (unsigned flips = 1 + rng() % 4; flips > 0; --flips) damaged[rng() % damaged.size()] ^= char(1 + rng() % 255);
    }
    try {
      auto reader = makeDecompressor(std::make_unique<ChunkedReadBuffer>(damaged, 1 + rng() % 5000), GetParam(),
                                     100 + rng() % 5000);
      std::string out;
      reader->readAll(out);
    } catch (const Exception& e) {
      EXPECT_EQ(e.code(), ErrorCodes::CANNOT_DECOMPRESS) << e.message();
    }
  }
}

TEST_P(IoCompressionMethod, TrailingGarbageThrows) {
  std::string compressed = compress(makeData(10000, 6), GetParam()) + "garbage after the stream";
  EXPECT_EQ(catchException([&] { decompress(compressed, GetParam()); }).code(), ErrorCodes::CANNOT_DECOMPRESS);
}

TEST_P(IoCompressionMethod, UnfinalizedWriterLeavesDetectableTruncation) {
  std::string data = makeData(3 << 20, 8);
  std::string out;
  {
    auto writer = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromString>(out), GetParam(),
                                                 quickLevel(GetParam()));
    writer->write(data);
    // destroyed without finalize(): an aborted write
  }
  Exception e = catchException([&] { decompress(out, GetParam()); });
  EXPECT_EQ(e.code(), ErrorCodes::CANNOT_DECOMPRESS) << e.message();
}

TEST_P(IoCompressionMethod, CompressionLevels) {
  std::string data = makeData(200000, 9);
  for (int level : {1, 3, 9}) EXPECT_EQ(decompress(compress(data, GetParam(), level), GetParam()), data) << level;
}

TEST(IoCompression, BorrowedInnerBuffers) {
  std::string data = makeData(100000, 10);
  std::string compressed;
  {
    WriteBufferFromString sink(compressed);
    ZstdDeflatingWriteBuffer writer(sink);
    writer.write(data);
    writer.finalize();
  }
  ReadBufferFromMemory source(compressed);
  ZstdInflatingReadBuffer reader(source);
  std::string out;
  reader.readAll(out);
  EXPECT_EQ(out, data);
}

TEST(IoCompression, DeflateAcceptsRawAndGzip) {
  std::string data = makeData(200000, 11);
  // Raw deflate (no zlib header), as some HTTP clients send for "deflate".
  z_stream stream{};
  ASSERT_EQ(deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string raw(deflateBound(&stream, uLong(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(data.data());
  stream.avail_in = uInt(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(raw.data());
  stream.avail_out = uInt(raw.size());
  ASSERT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  raw.resize(stream.total_out);
  deflateEnd(&stream);
  EXPECT_EQ(decompress(raw, CompressionMethod::Zlib), data);
  // A gzip body labelled "deflate" still reads.
  EXPECT_EQ(decompress(compress(data, CompressionMethod::Gzip), CompressionMethod::Zlib), data);
}

// --- the command-line tools -------------------------------------------------------------------

struct ToolCase {
  CompressionMethod method;
  const char* compress_command;    // given a file name, writes to stdout
  const char* decompress_command;  // same
  const char* extension;
};

const ToolCase kTools[] = {
    {CompressionMethod::Gzip, "gzip -c", "gzip -dc", "gz"},
    {CompressionMethod::Zstd, "zstd -q -c", "zstd -q -dc", "zst"},
    {CompressionMethod::Xz, "xz -c -1", "xz -dc", "xz"},
    {CompressionMethod::Lz4, "lz4 -q -c", "lz4 -q -dc", "lz4"},
    {CompressionMethod::Bzip2, "bzip2 -c", "bzip2 -dc", "bz2"},
};

class IoCompressionTool : public ::testing::TestWithParam<ToolCase> {};

INSTANTIATE_TEST_SUITE_P(Tools, IoCompressionTool, ::testing::ValuesIn(kTools),
                         [](const auto& info) { return std::string(info.param.extension); });

TEST_P(IoCompressionTool, ReadsToolOutput) {
  TempDir dir;
  std::string data = makeData(3 << 20, 12);
  writeFile(dir.file("data"), data);
  std::string compressed_path = dir.file(std::string("data.") + GetParam().extension);
  run(std::string(GetParam().compress_command) + " " + dir.file("data") + " > " + compressed_path);

  CompressionMethod method = chooseCompressionMethod(compressed_path, "auto");
  ASSERT_EQ(method, GetParam().method);
  auto reader = wrapReadBufferWithCompression(std::make_unique<ReadBufferFromFile>(compressed_path), method);
  std::string out;
  reader->readAll(out);
  EXPECT_EQ(out, data);
}

TEST_P(IoCompressionTool, ReadsConcatenatedToolOutput) {
  TempDir dir;
  std::string a = makeData(300000, 13);
  std::string b = makeData(50000, 14);
  writeFile(dir.file("a"), a);
  writeFile(dir.file("b"), b);
  std::string joined = dir.file("joined");
  run(std::string(GetParam().compress_command) + " " + dir.file("a") + " > " + joined);
  run(std::string(GetParam().compress_command) + " " + dir.file("b") + " >> " + joined);
  auto reader = wrapReadBufferWithCompression(std::make_unique<ReadBufferFromFile>(joined), GetParam().method);
  std::string out;
  reader->readAll(out);
  EXPECT_EQ(out, a + b);
}

TEST_P(IoCompressionTool, ToolReadsOurOutput) {
  TempDir dir;
  std::string data = makeData(3 << 20, 15);
  std::string compressed_path = dir.file(std::string("ours.") + GetParam().extension);
  {
    auto writer = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromFile>(compressed_path),
                                                 GetParam().method, quickLevel(GetParam().method));
    writer->write(data);
    writer->finalize();
  }
  run(std::string(GetParam().decompress_command) + " " + compressed_path + " > " + dir.file("back"));
  EXPECT_EQ(readFile(dir.file("back")), data);

  // An empty stream is a valid empty file for the tool too.
  std::string empty_path = dir.file(std::string("empty.") + GetParam().extension);
  {
    auto writer = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromFile>(empty_path), GetParam().method);
    writer->finalize();
  }
  run(std::string(GetParam().decompress_command) + " " + empty_path + " > " + dir.file("empty_back"));
  EXPECT_EQ(readFile(dir.file("empty_back")), "");
}

TEST(IoCompression, ReadsLegacyLzmaFiles) {
  TempDir dir;
  std::string data = makeData(200000, 16);
  writeFile(dir.file("data"), data);
  run("xz --format=lzma -c " + dir.file("data") + " > " + dir.file("data.lzma"));
  ASSERT_EQ(chooseCompressionMethod(dir.file("data.lzma")), CompressionMethod::Xz);
  auto reader =
      wrapReadBufferWithCompression(std::make_unique<ReadBufferFromFile>(dir.file("data.lzma")), CompressionMethod::Xz);
  std::string out;
  reader->readAll(out);
  EXPECT_EQ(out, data);
}

}  // namespace
}  // namespace tally
