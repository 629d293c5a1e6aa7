#include "formats/parquet/column_reader.h"

#include <cmath>
#include <cstring>

#include "columns/column_fixed_string.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/copy_small.h"
#include "common/exception.h"
#include "formats/parquet/decoding.h"

namespace tally::parquet {

namespace {

constexpr int64_t kJulianUnixEpoch = 2440588;
constexpr int64_t kNanosPerDay = 86400LL * 1000000000LL;
/// Writers put at most a few hundred thousand values in a page; a claim beyond this is corrupt
/// (NULL runs are RLE-encoded in a few bytes, so the page size cannot bound the count).
constexpr size_t kMaxPageValues = size_t(1) << 24;
/// Bytes one dictionary-encoded page of strings may expand to (RLE indices repeat a long value
/// at almost no cost, so this bounds what a small corrupt page can make us allocate).
constexpr size_t kMaxPageBytes = size_t(1) << 30;

/// The decoding state of one chunk: names for messages, scratch buffers reused across pages.
struct ChunkReader {
  std::string_view file;
  const ShapeNode& leaf;
  std::string what;  // "column 'x' (row group 3)"
  size_t num_rows;   // of the row group
  std::vector<char> page;
  std::vector<uint32_t> indices;
  std::vector<int64_t> ints;
  std::vector<uint8_t> split;
  MutableColumnPtr dictionary;
  bool keep_codes = false;

  [[noreturn]] void corrupt(size_t position, const std::string& message) const {
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {} at file position {}: {}", what, position, message);
  }

  double decimalScale() const { return std::pow(10.0, leaf.scale); }

  // --- values -------------------------------------------------------------------------------

  template <typename Out, typename In>
  static void appendFixed(Column& column, const uint8_t* src, size_t n) {
    auto& data = static_cast<ColumnVector<Out>&>(column).getData();
    size_t old = data.size();
    data.resize(old + n);
    Out* out = data.data() + old;
    if constexpr (std::is_same_v<Out, In>) {
      std::memcpy(out, src, n * sizeof(In));
    } else {
      for (size_t i = 0; i < n; ++i) {
        In v;
        std::memcpy(&v, src + i * sizeof(In), sizeof(In));
        out[i] = static_cast<Out>(v);
      }
    }
  }

  template <typename Out>
  static void appendInts(Column& column, const int64_t* src, size_t n) {
    auto& data = static_cast<ColumnVector<Out>&>(column).getData();
    size_t old = data.size();
    data.resize(old + n);
    for (size_t i = 0; i < n; ++i) data[old + i] = static_cast<Out>(src[i]);
  }

  /// Big-endian two's complement unscaled decimal of `len` bytes.
  static double decimalFromBytes(const uint8_t* p, size_t len) {
    if (len == 0) return 0;
    if (len <= 16) {
      __int128 v = (p[0] & 0x80) ? -1 : 0;
      for (size_t i = 0; i < len; ++i) v = (v << 8) | p[i];
      return double(v);
    }
    double v = (p[0] & 0x80) ? -1 : 0;
    for (size_t i = 0; i < len; ++i) v = v * 256 + p[i];
    return v;
  }

  /// PLAIN: n values at [p, p + size) appended to `column`.
  void decodePlain(const uint8_t* p, size_t size, size_t n, Column& column, size_t position) {
    auto need = [&](size_t bytes) {
      if (bytes > size) corrupt(position, fmt::format("{} PLAIN values need {} bytes, the page has {}", n, bytes, size));
    };
    switch (leaf.value_kind) {
      case ValueKind::Bool: {
        need((n + 7) / 8);
        auto& data = static_cast<ColumnUInt8&>(column).getData();
        size_t old = data.size();
        data.resize(old + n);
        for (size_t i = 0; i < n; ++i) data[old + i] = (p[i >> 3] >> (i & 7)) & 1;
        return;
      }
      case ValueKind::Int8: need(4 * n); return appendFixed<Int8, int32_t>(column, p, n);
      case ValueKind::UInt8: need(4 * n); return appendFixed<UInt8, int32_t>(column, p, n);
      case ValueKind::Int16: need(4 * n); return appendFixed<Int16, int32_t>(column, p, n);
      case ValueKind::UInt16: need(4 * n); return appendFixed<UInt16, int32_t>(column, p, n);
      case ValueKind::Int32: need(4 * n); return appendFixed<Int32, int32_t>(column, p, n);
      case ValueKind::UInt32: need(4 * n); return appendFixed<UInt32, uint32_t>(column, p, n);
      case ValueKind::Int64: need(8 * n); return appendFixed<Int64, int64_t>(column, p, n);
      case ValueKind::UInt64: need(8 * n); return appendFixed<UInt64, uint64_t>(column, p, n);
      case ValueKind::Float32: need(4 * n); return appendFixed<Float32, float>(column, p, n);
      case ValueKind::Float64: need(8 * n); return appendFixed<Float64, double>(column, p, n);
      case ValueKind::Int96Nanos: {
        need(12 * n);
        auto& data = static_cast<ColumnInt64&>(column).getData();
        size_t old = data.size();
        data.resize(old + n);
        for (size_t i = 0; i < n; ++i) {
          int64_t nanos;
          uint32_t day;
          std::memcpy(&nanos, p + 12 * i, 8);
          std::memcpy(&day, p + 12 * i + 8, 4);
          data[old + i] = int64_t(uint64_t(int64_t(day) - kJulianUnixEpoch) * uint64_t(kNanosPerDay) + uint64_t(nanos));
        }
        return;
      }
      case ValueKind::DecimalInt32:
      case ValueKind::DecimalInt64: {
        const size_t width = leaf.value_kind == ValueKind::DecimalInt32 ? 4 : 8;
        need(width * n);
        auto& data = static_cast<ColumnFloat64&>(column).getData();
        size_t old = data.size();
        data.resize(old + n);
        const double scale = decimalScale();
        for (size_t i = 0; i < n; ++i) {
          int64_t v;
          if (width == 4) {
            int32_t v32;
            std::memcpy(&v32, p + 4 * i, 4);
            v = v32;
          } else {
            std::memcpy(&v, p + 8 * i, 8);
          }
          data[old + i] = double(v) / scale;
        }
        return;
      }
      case ValueKind::FixedString:
      case ValueKind::DecimalFixed: {
        const size_t len = size_t(leaf.type_length);
        if (n > size / len) need(len * n);
        if (leaf.value_kind == ValueKind::FixedString) {
          auto& chars = static_cast<ColumnFixedString&>(column).getChars();
          size_t old = chars.size();
          chars.resize(old + len * n);
          std::memcpy(chars.data() + old, p, len * n);
        } else {
          auto& data = static_cast<ColumnFloat64&>(column).getData();
          const double scale = decimalScale();
          for (size_t i = 0; i < n; ++i) data.push_back(decimalFromBytes(p + i * len, len) / scale);
        }
        return;
      }
      case ValueKind::String:
      case ValueKind::DecimalBytes: {
        const uint8_t* end = p + size;
        const uint8_t* q = p;
        if (leaf.value_kind == ValueKind::String) {
          auto& str = static_cast<ColumnString&>(column);
          auto& chars = str.getChars();
          auto& offsets = str.getOffsets();
          offsets.reserve(offsets.size() + n);
          // Characters: at most the page's bytes.
          chars.reserve(chars.size() + size);
          for (size_t i = 0; i < n; ++i) {
            if (end - q < 4) corrupt(position, fmt::format("BYTE_ARRAY value {} of {} past the end of the page", i, n));
            uint32_t len;
            std::memcpy(&len, q, 4);
            q += 4;
            if (len > size_t(end - q))
              corrupt(position, fmt::format("BYTE_ARRAY value {} of {} bytes past the end of the page", i, len));
            size_t old = chars.size();
            chars.resize(old + len);
            copySmall(chars.data() + old, reinterpret_cast<const char*>(q), len);
            q += len;
            offsets.push_back(chars.size());
          }
        } else {
          auto& data = static_cast<ColumnFloat64&>(column).getData();
          const double scale = decimalScale();
          for (size_t i = 0; i < n; ++i) {
            if (end - q < 4) corrupt(position, fmt::format("BYTE_ARRAY value {} of {} past the end of the page", i, n));
            uint32_t len;
            std::memcpy(&len, q, 4);
            q += 4;
            if (len > size_t(end - q))
              corrupt(position, fmt::format("BYTE_ARRAY value {} of {} bytes past the end of the page", i, len));
            data.push_back(decimalFromBytes(q, len) / scale);
            q += len;
          }
        }
        return;
      }
    }
  }

  template <typename T>
  static void gatherVector(const Column& dict, const uint32_t* idx, size_t n, Column& column) {
    const auto& d = static_cast<const ColumnVector<T>&>(dict).getData();
    auto& data = static_cast<ColumnVector<T>&>(column).getData();
    size_t old = data.size();
    data.resize(old + n);
    T* out = data.data() + old;
    const T* src = d.data();
    for (size_t i = 0; i < n; ++i) out[i] = src[idx[i]];
  }

  /// Dictionary-encoded values: `column` gets dict[idx[i]]; indices are checked first.
  void gather(const uint32_t* idx, size_t n, Column& column, size_t position) {
    const Column& dict = *dictionary;
    uint32_t max_index = 0;
    for (size_t i = 0; i < n; ++i) max_index = std::max(max_index, idx[i]);
    if (n > 0 && max_index >= dict.size())
      corrupt(position, fmt::format("dictionary index {} out of range (the dictionary has {} values)", max_index,
                                    dict.size()));
    switch (leaf.value_kind) {
      case ValueKind::Bool:
      case ValueKind::UInt8: return gatherVector<UInt8>(dict, idx, n, column);
      case ValueKind::Int8: return gatherVector<Int8>(dict, idx, n, column);
      case ValueKind::Int16: return gatherVector<Int16>(dict, idx, n, column);
      case ValueKind::UInt16: return gatherVector<UInt16>(dict, idx, n, column);
      case ValueKind::Int32: return gatherVector<Int32>(dict, idx, n, column);
      case ValueKind::UInt32: return gatherVector<UInt32>(dict, idx, n, column);
      case ValueKind::Int64:
      case ValueKind::Int96Nanos: return gatherVector<Int64>(dict, idx, n, column);
      case ValueKind::UInt64: return gatherVector<UInt64>(dict, idx, n, column);
      case ValueKind::Float32: return gatherVector<Float32>(dict, idx, n, column);
      case ValueKind::Float64:
      case ValueKind::DecimalInt32:
      case ValueKind::DecimalInt64:
      case ValueKind::DecimalBytes:
      case ValueKind::DecimalFixed: return gatherVector<Float64>(dict, idx, n, column);
      case ValueKind::FixedString: {
        const auto& d = static_cast<const ColumnFixedString&>(dict).getChars();
        auto& chars = static_cast<ColumnFixedString&>(column).getChars();
        const size_t len = size_t(leaf.type_length);
        size_t old = chars.size();
        chars.resize(old + n * len);
        for (size_t i = 0; i < n; ++i) std::memcpy(chars.data() + old + i * len, d.data() + idx[i] * len, len);
        return;
      }
      case ValueKind::String: {
        const auto& ds = static_cast<const ColumnString&>(dict);
        auto& str = static_cast<ColumnString&>(column);
        auto& chars = str.getChars();
        auto& offsets = str.getOffsets();
        size_t total = 0;
        for (size_t i = 0; i < n; ++i) total += ds.sizeAt(idx[i]);
        if (total > kMaxPageBytes)
          corrupt(position, fmt::format("a page of {} dictionary values expands to {} bytes", n, total));
        size_t pos = chars.size();
        chars.resize(pos + total);
        size_t old_rows = offsets.size();
        offsets.resize(old_rows + n);
        const char* dchars = ds.getChars().data();
        const auto& doff = ds.getOffsets();
        char* out = chars.data();
        for (size_t i = 0; i < n; ++i) {
          uint32_t k = idx[i];
          size_t start = k == 0 ? 0 : doff[k - 1];
          size_t len = doff[k] - start;
          copySmall(out + pos, dchars + start, len);
          pos += len;
          offsets[old_rows + i] = pos;
        }
        return;
      }
    }
  }

  void appendFromInts(const int64_t* src, size_t n, Column& column, size_t position) {
    switch (leaf.value_kind) {
      case ValueKind::Int8: return appendInts<Int8>(column, src, n);
      case ValueKind::UInt8: return appendInts<UInt8>(column, src, n);
      case ValueKind::Int16: return appendInts<Int16>(column, src, n);
      case ValueKind::UInt16: return appendInts<UInt16>(column, src, n);
      case ValueKind::Int32: return appendInts<Int32>(column, src, n);
      case ValueKind::UInt32: return appendInts<UInt32>(column, src, n);
      case ValueKind::Int64: return appendInts<Int64>(column, src, n);
      case ValueKind::UInt64: return appendInts<UInt64>(column, src, n);
      case ValueKind::DecimalInt32:
      case ValueKind::DecimalInt64: {
        auto& data = static_cast<ColumnFloat64&>(column).getData();
        const double scale = decimalScale();
        for (size_t i = 0; i < n; ++i) data.push_back(double(src[i]) / scale);
        return;
      }
      default: corrupt(position, "DELTA_BINARY_PACKED values in a column that is not an integer");
    }
  }

  /// DELTA_LENGTH_BYTE_ARRAY (lengths, then the bytes) and DELTA_BYTE_ARRAY (prefix lengths
  /// shared with the previous value, suffix lengths, then the suffix bytes) into a String column.
  void decodeDeltaStrings(Encoding encoding, const uint8_t* p, size_t size, size_t n, Column& column,
                          size_t position) {
    if (leaf.value_kind != ValueKind::String)
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet: {}: encoding {} is only supported for strings", what,
                      int(encoding));
    if (n == 0) return;
    const bool prefixed = encoding == Encoding::DELTA_BYTE_ARRAY;
    std::vector<int64_t> prefixes;
    size_t used = 0;
    if (prefixed) {
      prefixes.resize(n);
      used = decodeDeltaBinaryPacked<int64_t>(p, size, prefixes.data(), n, what);
    }
    ints.resize(n);
    used += decodeDeltaBinaryPacked<int64_t>(p + used, size - used, ints.data(), n, what);
    const uint8_t* data = p + used;
    size_t left = size - used;
    auto& str = static_cast<ColumnString&>(column);
    auto& chars = str.getChars();
    auto& offsets = str.getOffsets();
    size_t previous_start = offsets.empty() ? 0 : offsets.back();
    size_t previous_len = 0;
    bool have_previous = false;
    for (size_t i = 0; i < n; ++i) {
      int64_t len = ints[i];
      int64_t prefix = prefixed ? prefixes[i] : 0;
      if (len < 0 || uint64_t(len) > left || prefix < 0 || (prefix > 0 && (!have_previous || size_t(prefix) > previous_len)))
        corrupt(position, fmt::format("string {} of {}: bad lengths in {}-encoded data", i, n, int(encoding)));
      size_t start = chars.size();
      chars.resize(start + size_t(prefix) + size_t(len));
      if (prefix > 0) std::memmove(chars.data() + start, chars.data() + previous_start, size_t(prefix));
      std::memcpy(chars.data() + start + size_t(prefix), data, size_t(len));
      data += len;
      left -= size_t(len);
      offsets.push_back(chars.size());
      previous_start = start;
      previous_len = size_t(prefix) + size_t(len);
      have_previous = true;
    }
  }

  /// The values of a data page: n non-NULL values, `encoding`, at [p, p + size).
  void decodeValues(Encoding encoding, const uint8_t* p, size_t size, size_t n, Column& column, size_t position) {
    switch (encoding) {
      case Encoding::PLAIN: return decodePlain(p, size, n, column, position);
      case Encoding::PLAIN_DICTIONARY:
      case Encoding::RLE_DICTIONARY: {
        if (n == 0) return;  // only NULLs or empty lists: no dictionary needed (writers may omit it)
        if (!dictionary) corrupt(position, "a dictionary-encoded page without a dictionary page");
        if (size < 1) corrupt(position, "a dictionary-encoded page without its bit width");
        indices.resize(n);
        RleBitPackedDecoder decoder(p + 1, size - 1, p[0], &what);
        decoder.decode(indices.data(), n);
        return gather(indices.data(), n, column, position);
      }
      case Encoding::RLE: {
        if (leaf.value_kind != ValueKind::Bool) corrupt(position, "RLE-encoded values in a column that is not BOOLEAN");
        if (size < 4) corrupt(position, "RLE booleans without their length");
        uint32_t len;
        std::memcpy(&len, p, 4);
        if (len > size - 4) corrupt(position, "RLE booleans longer than the page");
        auto& data = static_cast<ColumnUInt8&>(column).getData();
        size_t old = data.size();
        data.resize(old + n);
        RleBitPackedDecoder decoder(p + 4, len, 1, &what);
        decoder.decode(data.data() + old, n);
        return;
      }
      case Encoding::DELTA_LENGTH_BYTE_ARRAY:
      case Encoding::DELTA_BYTE_ARRAY: return decodeDeltaStrings(encoding, p, size, n, column, position);
      case Encoding::BYTE_STREAM_SPLIT: {
        // Byte k of value i is at k * n + i: regroup into a scratch page, then decode as PLAIN.
        size_t width = 0;
        switch (leaf.physical) {
          case PhysicalType::FLOAT:
          case PhysicalType::INT32: width = 4; break;
          case PhysicalType::DOUBLE:
          case PhysicalType::INT64: width = 8; break;
          case PhysicalType::FIXED_LEN_BYTE_ARRAY: width = size_t(leaf.type_length); break;
          default: corrupt(position, "BYTE_STREAM_SPLIT values in a column of variable width");
        }
        if (n > size / width) corrupt(position, fmt::format("{} BYTE_STREAM_SPLIT values in {} bytes", n, size));
        split.resize(n * width);
        for (size_t k = 0; k < width; ++k) {
          const uint8_t* stream = p + k * n;
          for (size_t i = 0; i < n; ++i) split[i * width + k] = stream[i];
        }
        return decodePlain(split.data(), split.size(), n, column, position);
      }
      case Encoding::DELTA_BINARY_PACKED: {
        ints.resize(n);
        if (leaf.physical == PhysicalType::INT32 || leaf.physical == PhysicalType::INT64)
          decodeDeltaBinaryPacked<int64_t>(p, size, ints.data(), n, what);
        else
          corrupt(position, "DELTA_BINARY_PACKED values in a column that is not INT32/INT64");
        if (leaf.physical == PhysicalType::INT32)
          for (auto& v : ints) v = int32_t(uint32_t(uint64_t(v)));  // wraps like INT32 arithmetic
        return appendFromInts(ints.data(), n, column, position);
      }
      default:
        throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet: {}: encoding {} is not supported", what, int(encoding));
    }
  }

  // --- levels -------------------------------------------------------------------------------

  /// V1 levels: a 4-byte length then the RLE/bit-packed hybrid. Advances p/size.
  void levelsV1(const uint8_t*& p, size_t& size, int16_t max_level, size_t n, std::vector<uint16_t>& out,
                size_t position) {
    if (size < 4) corrupt(position, "the page ends before its levels");
    uint32_t len;
    std::memcpy(&len, p, 4);
    if (len > size - 4) corrupt(position, fmt::format("levels of {} bytes past the end of the page", len));
    size_t old = out.size();
    out.resize(old + n);
    RleBitPackedDecoder decoder(p + 4, len, bitWidthOf(uint32_t(max_level)), &what);
    decoder.decode(out.data() + old, n);
    p += 4 + len;
    size -= 4 + len;
  }

  void levelsV2(const uint8_t* p, size_t len, int16_t max_level, size_t n, std::vector<uint16_t>& out) {
    size_t old = out.size();
    out.resize(old + n);
    RleBitPackedDecoder decoder(p, len, bitWidthOf(uint32_t(max_level)), &what);
    decoder.decode(out.data() + old, n);
  }

  /// Checks the levels of the page just read and counts its non-NULL values.
  size_t checkLevels(ChunkData& result, size_t first, size_t n, size_t position) {
    size_t non_null = n;
    if (leaf.max_def > 0) {
      non_null = 0;
      const uint16_t* d = result.def.data() + first;
      const uint16_t max_def = uint16_t(leaf.max_def);
      uint16_t max_seen = 0;
      for (size_t i = 0; i < n; ++i) {
        non_null += d[i] == max_def;
        max_seen = std::max(max_seen, d[i]);
      }
      if (max_seen > max_def)
        corrupt(position, fmt::format("definition level {} above the maximum {}", max_seen, max_def));
    }
    if (leaf.max_rep > 0) {
      const uint16_t* r = result.rep.data() + first;
      uint16_t max_seen = 0;
      for (size_t i = 0; i < n; ++i) max_seen = std::max(max_seen, r[i]);
      if (max_seen > uint16_t(leaf.max_rep))
        corrupt(position, fmt::format("repetition level {} above the maximum {}", max_seen, leaf.max_rep));
      if (first == 0 && n > 0 && r[0] != 0) corrupt(position, "the column chunk does not start a row");
    }
    return non_null;
  }

  ChunkData read(const ColumnChunk& chunk) {
    const ColumnMetaData& md = chunk.meta_data;
    if (!chunk.file_path.empty())
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet: {}: column data in another file ('{}') is not supported",
                      what, chunk.file_path);
    if (!chunk.has_meta_data) corrupt(0, "a column chunk without metadata");
    if (md.type != leaf.physical)
      corrupt(0, fmt::format("the chunk's physical type {} differs from the schema's {}", int(md.type),
                             int(leaf.physical)));
    int64_t start = md.data_page_offset;
    if (md.dictionary_page_offset && *md.dictionary_page_offset > 0 && *md.dictionary_page_offset < start)
      start = *md.dictionary_page_offset;
    if (start < 4 || md.total_compressed_size < 0 || uint64_t(start) > file.size() ||
        uint64_t(md.total_compressed_size) > file.size() - uint64_t(start))
      corrupt(size_t(std::max<int64_t>(start, 0)),
              fmt::format("the chunk (offset {}, {} bytes) lies outside the file of {} bytes", start,
                          md.total_compressed_size, file.size()));
    if (md.num_values < 0) corrupt(size_t(start), "a negative number of values");

    ChunkData result;
    result.values = leaf.base_type->createColumn();
    size_t pos = size_t(start);
    const size_t end = pos + size_t(md.total_compressed_size);
    uint64_t values_left = uint64_t(md.num_values);
    while (values_left > 0) {
      if (pos >= end) corrupt(pos, fmt::format("the chunk ends with {} values still to read", values_left));
      size_t header_size = 0;
      PageHeader h;
      try {
        h = readPageHeader(file.data() + pos, end - pos, pos, header_size);
      } catch (Exception& e) {
        e.addMessage(fmt::format(": (in {})", what));
        throw;
      }
      const size_t page_pos = pos;
      pos += header_size;
      if (size_t(h.compressed_page_size) > end - pos)
        corrupt(page_pos, fmt::format("a page of {} bytes past the end of the chunk", h.compressed_page_size));
      const char* raw = file.data() + pos;
      const size_t raw_size = size_t(h.compressed_page_size);
      pos += raw_size;
      switch (h.type) {
        case PageType::INDEX_PAGE: continue;
        case PageType::DICTIONARY_PAGE: {
          if (dictionary) corrupt(page_pos, "a second dictionary page");
          decompressPage(md.codec, raw, raw_size, size_t(h.uncompressed_page_size), page, what);
          if (h.encoding != Encoding::PLAIN && h.encoding != Encoding::PLAIN_DICTIONARY)
            throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet: {}: dictionary encoding {} is not supported", what,
                            int(h.encoding));
          dictionary = leaf.base_type->createColumn();
          // Each value takes at least a bit: a count beyond that is corrupt.
          if (uint64_t(h.num_values) > uint64_t(page.size()) * 8)
            corrupt(page_pos, fmt::format("a dictionary of {} values in {} bytes", h.num_values, page.size()));
          decodePlain(reinterpret_cast<const uint8_t*>(page.data()), page.size(), size_t(h.num_values), *dictionary,
                      page_pos);
          continue;
        }
        case PageType::DATA_PAGE:
        case PageType::DATA_PAGE_V2: break;
        default: corrupt(page_pos, fmt::format("unknown page type {}", int(h.type)));
      }
      const size_t n = size_t(h.num_values);
      if (n > kMaxPageValues) corrupt(page_pos, fmt::format("a page of {} values is not plausible", n));
      if (leaf.max_rep == 0 && result.num_slots + n > num_rows)
        corrupt(page_pos, fmt::format("more values than the {} rows of the row group", num_rows));
      if (n > values_left) corrupt(page_pos, fmt::format("a page of {} values, only {} left in the chunk", n, values_left));
      const size_t first = result.num_slots;
      const uint8_t* p;
      size_t size;
      if (h.type == PageType::DATA_PAGE) {
        if ((leaf.max_rep > 0 && h.repetition_level_encoding != Encoding::RLE) ||
            (leaf.max_def > 0 && h.definition_level_encoding != Encoding::RLE))
          throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet: {}: levels encoded as {} are not supported (only RLE)",
                          what, int(leaf.max_def > 0 && h.definition_level_encoding != Encoding::RLE
                                        ? h.definition_level_encoding
                                        : h.repetition_level_encoding));
        decompressPage(md.codec, raw, raw_size, size_t(h.uncompressed_page_size), page, what);
        p = reinterpret_cast<const uint8_t*>(page.data());
        size = page.size();
        if (leaf.max_rep > 0) levelsV1(p, size, leaf.max_rep, n, result.rep, page_pos);
        if (leaf.max_def > 0) levelsV1(p, size, leaf.max_def, n, result.def, page_pos);
      } else {
        const size_t rep_len = size_t(h.repetition_levels_byte_length);
        const size_t def_len = size_t(h.definition_levels_byte_length);
        if (rep_len + def_len > raw_size || rep_len + def_len > size_t(h.uncompressed_page_size))
          corrupt(page_pos, "levels longer than the page");
        const uint8_t* levels = reinterpret_cast<const uint8_t*>(raw);
        if (leaf.max_rep > 0) levelsV2(levels, rep_len, leaf.max_rep, n, result.rep);
        if (leaf.max_def > 0) levelsV2(levels + rep_len, def_len, leaf.max_def, n, result.def);
        const char* values_raw = raw + rep_len + def_len;
        const size_t values_size = raw_size - rep_len - def_len;
        const size_t values_uncompressed = size_t(h.uncompressed_page_size) - rep_len - def_len;
        decompressPage(h.is_compressed ? md.codec : Codec::UNCOMPRESSED, values_raw, values_size, values_uncompressed,
                       page, what);
        p = reinterpret_cast<const uint8_t*>(page.data());
        size = page.size();
      }
      result.num_slots += n;
      size_t non_null = checkLevels(result, first, n, page_pos);
      const bool dictionary_page = h.encoding == Encoding::PLAIN_DICTIONARY || h.encoding == Encoding::RLE_DICTIONARY;
      if (keep_codes && dictionary_page && result.values->empty()) {
        appendCodes(p, size, non_null, result, page_pos);
      } else {
        if (result.coded) decodeCodes(result, page_pos);  // a page of another encoding: strings after all
        keep_codes = false;
        decodeValues(h.encoding, p, size, non_null, *result.values, page_pos);
      }
      values_left -= n;
    }
    if (result.coded) result.dictionary = std::move(dictionary);
    return result;
  }

  /// A dictionary-encoded page kept as indices (checked against the dictionary).
  void appendCodes(const uint8_t* p, size_t size, size_t n, ChunkData& result, size_t position) {
    if (n == 0) return;
    if (!dictionary) corrupt(position, "a dictionary-encoded page without a dictionary page");
    if (size < 1) corrupt(position, "a dictionary-encoded page without its bit width");
    const size_t old = result.codes.size();
    result.codes.resize(old + n);
    RleBitPackedDecoder decoder(p + 1, size - 1, p[0], &what);
    decoder.decode(result.codes.data() + old, n);
    uint32_t max_index = 0;
    for (size_t i = old; i < old + n; ++i) max_index = std::max(max_index, result.codes[i]);
    if (max_index >= dictionary->size())
      corrupt(position, fmt::format("dictionary index {} out of range (the dictionary has {} values)", max_index,
                                    dictionary->size()));
    result.coded = true;
  }

  /// Turns the indices kept so far into values.
  void decodeCodes(ChunkData& result, size_t position) {
    gather(result.codes.data(), result.codes.size(), *result.values, position);
    result.codes.clear();
    result.coded = false;
  }
};

}  // namespace

ChunkData readColumnChunk(std::string_view file, const ColumnChunk& chunk, const ShapeNode& leaf,
                          const std::string& path, size_t row_group, size_t num_rows, bool keep_codes) {
  ChunkReader reader{file, leaf, fmt::format("column '{}' (row group {})", path, row_group), num_rows, {}, {}, {},
                     {}, nullptr, keep_codes && leaf.value_kind == ValueKind::String};
  return reader.read(chunk);
}

}  // namespace tally::parquet
