// The Parquet writer (see writer.h): schema from the tally types, record shredding into
// repetition/definition levels, per-leaf column chunk builders with dictionary/PLAIN pages,
// and the Thrift footer.

#include "formats/parquet/writer.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "columns/column_fixed_string.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "formats/parquet/decoding.h"
#include "formats/parquet/encoding.h"
#include "formats/parquet/thrift_compact_writer.h"
#include "functions/conversion/cast.h"
#include "functions/function.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"
#include "types/data_type_string.h"

namespace tally::parquet {

namespace writer_impl {

constexpr uint32_t kNone = UINT32_MAX;
constexpr size_t kBatchRows = 16384;  // rows shredded at a time; pages end between batches

/// One level slot of a leaf: the row (or element) index in the node's column, or kNone when an
/// ancestor is NULL or an empty array; its definition and repetition levels so far.
struct Entry {
  uint32_t idx;
  uint16_t def;
  uint16_t rep;
};

/// How a leaf's column values become physical values.
enum class Source : uint8_t {
  Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32, Float64, Bool,
  DateTime32,  // UInt32 seconds -> INT64 millis
  DateTime64,  // Int64 ticks * multiplier
  String, Fixed, LowCardinality,
};

struct LeafSpec {
  std::vector<std::string> path;
  PhysicalType physical = PhysicalType::INT32;
  int32_t type_length = 0;
  uint16_t max_def = 0, max_rep = 0;
  Source source = Source::Int32;
  int64_t multiplier = 1;
  bool unsigned_order = false;
  bool lc_nullable = false;  // LowCardinality(Nullable(T)): code 0 is NULL (one more def level)
  bool no_dictionary = false;
};

struct PlanNode {
  enum class Kind : uint8_t { Leaf, Nullable, Tuple, Array, Cast };
  Kind kind = Kind::Leaf;
  DataTypePtr type;  // Cast: the type converted to
  DataTypePtr from;  // Cast: the column's type
  std::vector<PlanNode> children;
  size_t leaf = 0;
  uint16_t rep_level = 0;  // Array
  bool has_cast = false;   // a Cast somewhere in this subtree
};

void writeLogical(ThriftCompactWriter& w, const SchemaElement& e) {
  if (e.logical.kind == LogicalType::NONE) return;
  w.beginStructField(10);
  w.beginStructField(int16_t(e.logical.kind));
  if (e.logical.kind == LogicalType::TIMESTAMP) {
    w.fieldBool(1, e.logical.adjusted_to_utc);
    w.beginStructField(2);
    w.beginStructField(int16_t(e.logical.time_unit));
    w.endStruct();
    w.endStruct();
  } else if (e.logical.kind == LogicalType::INTEGER) {
    w.fieldByte(1, int8_t(e.logical.bit_width));
    w.fieldBool(2, e.logical.is_signed);
  }
  w.endStruct();
  w.endStruct();
}

/// Open-addressing set of the distinct raw values of a chunk (their PLAIN bytes without the
/// BYTE_ARRAY length prefix), numbered in insertion order.
class Dictionary {
 public:
  void clear() {
    raw_.clear();
    offsets_.assign(1, 0);
    std::fill(slots_.begin(), slots_.end(), 0);
    count_ = hashed_ = 0;
  }
  size_t size() const { return count_; }
  size_t bytes() const { return raw_.size() + 4 * count_; }
  std::string_view at(size_t i) const { return std::string_view(raw_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]); }

  /// Appends a value known to be new (distinct codes of one LowCardinality dictionary) without
  /// hashing it; find() hashes such values first when it is called later.
  uint32_t appendUnique(std::string_view raw) {
    raw_.append(raw.data(), raw.size());
    offsets_.push_back(uint32_t(raw_.size()));
    return uint32_t(count_++);
  }

  /// Index of raw; `inserted` tells whether it is new.
  uint32_t find(std::string_view raw, bool& inserted) {
    if (hashed_ < count_) hashPending();
    if ((count_ + 1) * 2 > slots_.size()) grow();
    uint64_t h = hash(raw);
    size_t mask = slots_.size() - 1;
    size_t pos = size_t(h) & mask;
    while (true) {
      uint32_t s = slots_[pos];
      if (s == 0) break;
      if (hashes_[s - 1] == h && at(s - 1) == raw) {
        inserted = false;
        return s - 1;
      }
      pos = (pos + 1) & mask;
    }
    uint32_t index = uint32_t(count_++);
    slots_[pos] = index + 1;
    raw_.append(raw.data(), raw.size());
    offsets_.push_back(uint32_t(raw_.size()));
    if (hashes_.size() < count_) hashes_.resize(count_ * 2);
    hashes_[index] = h;
    hashed_ = count_;
    inserted = true;
    return index;
  }

 private:
  static uint64_t hash(std::string_view raw) {
    if (raw.size() == 8 || raw.size() == 4) {
      uint64_t v = 0;
      std::memcpy(&v, raw.data(), raw.size());
      v ^= v >> 33;
      v *= 0xff51afd7ed558ccdULL;
      v ^= v >> 33;
      v *= 0xc4ceb9fe1a85ec53ULL;
      return v ^ (v >> 33);
    }
    return XXH3_64bits(raw.data(), raw.size());
  }
  void hashPending() {
    if (hashes_.size() < count_) hashes_.resize(count_ * 2);
    for (size_t i = hashed_; i < count_; ++i) hashes_[i] = hash(at(i));
    hashed_ = count_;
    size_t capacity = slots_.empty() ? 1024 : slots_.size();
    while (capacity < (count_ + 1) * 2) capacity *= 2;
    rebuild(capacity);
  }
  void grow() { rebuild(slots_.empty() ? 1024 : slots_.size() * 2); }
  void rebuild(size_t capacity) {
    slots_.assign(capacity, 0);
    size_t mask = capacity - 1;
    for (size_t i = 0; i < hashed_; ++i) {
      size_t pos = size_t(hashes_[i]) & mask;
      while (slots_[pos]) pos = (pos + 1) & mask;
      slots_[pos] = uint32_t(i + 1);
    }
  }

  std::string raw_;
  std::vector<uint32_t> offsets_{0};
  std::vector<uint32_t> slots_;
  std::vector<uint64_t> hashes_;
  size_t count_ = 0;
  size_t hashed_ = 0;  // values [0, hashed_) are in slots_
};

/// Chunk statistics of one leaf (non-NULL values only).
struct Stats {
  int64_t null_count = 0;
  bool has = false;
  int64_t imin = 0, imax = 0;
  uint64_t umin = 0, umax = 0;
  double dmin = 0, dmax = 0;
  std::string smin, smax;
  bool strings_too_long = false;

  void reset() { *this = Stats(); }
};

constexpr size_t kMaxStatBytes = 64;

/// Builds the column chunk of one leaf for the current row group.
class LeafWriter {
 public:
  LeafWriter(LeafSpec spec, const WriterOptions& options, PageCompressor& compressor)
      : spec_(std::move(spec)), options_(options), compressor_(compressor) {
    resetChunk();
  }

  const LeafSpec& spec() const { return spec_; }

  void append(const Column& column, const Entry* e, size_t n) {
    switch (spec_.source) {
      case Source::Int8: appendNumbers<int8_t, int32_t>(column, e, n); break;
      case Source::UInt8: appendNumbers<uint8_t, int32_t>(column, e, n); break;
      case Source::Int16: appendNumbers<int16_t, int32_t>(column, e, n); break;
      case Source::UInt16: appendNumbers<uint16_t, int32_t>(column, e, n); break;
      case Source::Int32: appendNumbers<int32_t, int32_t>(column, e, n); break;
      case Source::UInt32: appendNumbers<uint32_t, int32_t>(column, e, n); break;
      case Source::Int64: appendNumbers<int64_t, int64_t>(column, e, n); break;
      case Source::UInt64: appendNumbers<uint64_t, int64_t>(column, e, n); break;
      case Source::Float32: appendNumbers<float, float>(column, e, n); break;
      case Source::Float64: appendNumbers<double, double>(column, e, n); break;
      case Source::Bool: appendNumbers<uint8_t, uint8_t>(column, e, n); break;
      case Source::DateTime32: appendNumbers<uint32_t, int64_t>(column, e, n); break;
      case Source::DateTime64: appendNumbers<int64_t, int64_t>(column, e, n); break;
      case Source::String: appendStrings(column, e, n); break;
      case Source::Fixed: appendFixed(column, e, n); break;
      case Source::LowCardinality: appendLowCardinality(column, e, n); break;
    }
  }

  /// After each batch: ends the page when it is big enough, leaves the dictionary when it is.
  void endBatch() {
    if (dict_mode_ && dict_.bytes() > options_.max_dictionary_bytes) {
      flushPage();
      dict_mode_ = false;
    }
    if (pageBytes() >= options_.page_bytes) flushPage();
  }

  size_t bufferedBytes() const { return chunk_.size() + pageBytes() + dict_.bytes(); }

  /// Writes the chunk (dictionary page, data pages) at `offset` through `emit` and fills the
  /// column metadata; then starts a new chunk.
  template <typename Emit>
  void writeChunk(int64_t offset, Emit&& emit, std::string& meta_out) {
    flushPage();
    int64_t dictionary_offset = -1;
    int64_t uncompressed = total_uncompressed_, compressed = total_compressed_;
    if (dict_.size() > 0) {
      dictionary_offset = offset;
      page_.clear();
      for (size_t i = 0; i < dict_.size(); ++i) appendPlainRaw(dict_.at(i), page_);
      compressor_.compress(page_, compressed_);
      header_.clear();
      ThriftCompactWriter w(header_);
      w.fieldI32(1, int32_t(PageType::DICTIONARY_PAGE));
      w.fieldI32(2, int32_t(page_.size()));
      w.fieldI32(3, int32_t(compressed_.size()));
      w.beginStructField(7);
      w.fieldI32(1, int32_t(dict_.size()));
      w.fieldI32(2, int32_t(Encoding::PLAIN));
      w.endStruct();
      w.endStruct();
      emit(header_);
      emit(compressed_);
      offset += int64_t(header_.size() + compressed_.size());
      uncompressed += int64_t(header_.size() + page_.size());
      compressed += int64_t(header_.size() + compressed_.size());
    }
    const int64_t data_offset = offset;
    emit(chunk_);

    ThriftCompactWriter w(meta_out);
    w.fieldI64(2, dictionary_offset >= 0 ? dictionary_offset : data_offset);  // file_offset
    w.beginStructField(3);
    w.fieldI32(1, int32_t(spec_.physical));
    std::vector<int32_t> encodings;
    if (used_plain_ || dict_.size() > 0) encodings.push_back(int32_t(Encoding::PLAIN));
    if (spec_.max_def > 0 || spec_.max_rep > 0) encodings.push_back(int32_t(Encoding::RLE));
    if (used_dict_pages_) encodings.push_back(int32_t(Encoding::RLE_DICTIONARY));
    w.beginListField(2, ThriftCompactWriter::I32, encodings.size());
    for (int32_t enc : encodings) w.elemI32(enc);
    w.beginListField(3, ThriftCompactWriter::BINARY, spec_.path.size());
    for (const auto& p : spec_.path) w.elemBinary(p);
    w.fieldI32(4, int32_t(compressor_.codec()));
    w.fieldI64(5, num_values_);
    w.fieldI64(6, uncompressed);
    w.fieldI64(7, compressed);
    w.fieldI64(9, data_offset);
    if (dictionary_offset >= 0) w.fieldI64(11, dictionary_offset);
    writeStatistics(w);
    w.endStruct();
    w.endStruct();

    last_chunk_bytes_ = compressed;
    last_chunk_uncompressed_ = uncompressed;
    resetChunk();
  }

  int64_t lastChunkBytes() const { return last_chunk_bytes_; }
  int64_t lastChunkUncompressed() const { return last_chunk_uncompressed_; }

 private:
  void resetChunk() {
    dict_.clear();
    lc_dictionary_ = nullptr;
    lc_single_ = false;
    lc_remap_.clear();
    dict_mode_ = options_.use_dictionary && !spec_.no_dictionary && spec_.physical != PhysicalType::BOOLEAN;
    used_plain_ = used_dict_pages_ = false;
    chunk_.clear();
    stats_.reset();
    num_values_ = 0;
    total_uncompressed_ = total_compressed_ = 0;
  }

  size_t pageBytes() const { return plain_.size() + indices_.size() * 4 + (defs_.size() + reps_.size()) / 4; }

  void pushLevels(const Entry& e, uint16_t def) {
    ++page_entries_;
    if (spec_.max_rep) reps_.push_back(e.rep);
    if (spec_.max_def) defs_.push_back(def);
  }

  static void appendPlainRawTo(PhysicalType physical, std::string_view raw, std::string& out) {
    if (physical == PhysicalType::BYTE_ARRAY) {
      uint32_t len = uint32_t(raw.size());
      out.append(reinterpret_cast<const char*>(&len), 4);
    }
    out.append(raw.data(), raw.size());
  }
  void appendPlainRaw(std::string_view raw, std::string& out) const { appendPlainRawTo(spec_.physical, raw, out); }

  /// Adds one non-NULL value given by its raw physical bytes.
  void addRaw(std::string_view raw) {
    if (dict_mode_) {
      bool inserted;
      uint32_t index = dict_.find(raw, inserted);
      if (inserted) updateStats(raw);
      indices_.push_back(index);
    } else {
      appendPlainRaw(raw, plain_);
      updateStats(raw);
    }
  }

  template <typename From, typename To>
  void appendNumbers(const Column& column, const Entry* e, size_t n) {
    const From* data = static_cast<const ColumnVector<From>&>(column).getData().data();
    for (size_t i = 0; i < n; ++i) {
      if (e[i].idx == kNone) {
        pushLevels(e[i], e[i].def);
        ++stats_.null_count;
        continue;
      }
      pushLevels(e[i], spec_.max_def);
      To v;
      if constexpr (std::is_same_v<To, int64_t>) {
        v = int64_t(data[e[i].idx]) * spec_.multiplier;
      } else {
        v = To(data[e[i].idx]);
      }
      addRaw(std::string_view(reinterpret_cast<const char*>(&v), sizeof(v)));
    }
  }

  void appendStrings(const Column& column, const Entry* e, size_t n) {
    const auto& c = static_cast<const ColumnString&>(column);
    const char* chars = reinterpret_cast<const char*>(c.getChars().data());
    const auto& offsets = c.getOffsets();
    for (size_t i = 0; i < n; ++i) {
      if (e[i].idx == kNone) {
        pushLevels(e[i], e[i].def);
        ++stats_.null_count;
        continue;
      }
      pushLevels(e[i], spec_.max_def);
      size_t idx = e[i].idx;
      size_t start = idx == 0 ? 0 : offsets[idx - 1];
      addRaw(std::string_view(chars + start, offsets[idx] - start));
    }
  }

  void appendFixed(const Column& column, const Entry* e, size_t n) {
    const auto& c = static_cast<const ColumnFixedString&>(column);
    const char* chars = reinterpret_cast<const char*>(c.getChars().data());
    const size_t width = c.getN();
    for (size_t i = 0; i < n; ++i) {
      if (e[i].idx == kNone) {
        pushLevels(e[i], e[i].def);
        ++stats_.null_count;
        continue;
      }
      pushLevels(e[i], spec_.max_def);
      addRaw(std::string_view(chars + size_t(e[i].idx) * width, width));
    }
  }

  void appendLowCardinality(const Column& column, const Entry* e, size_t n) {
    const auto& lc = static_cast<const ColumnLowCardinality&>(column);
    const LowCardinalityDictionary* dictionary = &lc.getDictionary();
    if (dictionary != lc_dictionary_) {
      // Values of one LowCardinality dictionary are distinct: while a chunk sees only one, new
      // codes are appended to the chunk dictionary without hashing.
      lc_single_ = lc_dictionary_ == nullptr && dict_.size() == 0;
      lc_dictionary_ = dictionary;
      lc_remap_.assign(dictionary->size(), kNone);
    } else if (lc_remap_.size() < dictionary->size()) {
      lc_remap_.resize(dictionary->size(), kNone);
    }
    const Column& values = dictionary->values();
    const bool nullable = spec_.lc_nullable;
    const uint16_t max_def = spec_.max_def;
    lc.visitIndexes([&](const auto& codes) {
      if (!dict_mode_) {
        for (size_t i = 0; i < n; ++i) {
          uint32_t code = e[i].idx == kNone ? 0 : uint32_t(codes[e[i].idx]);
          if (e[i].idx == kNone || (nullable && code == 0)) {
            pushLevels(e[i], e[i].def);
            ++stats_.null_count;
            continue;
          }
          pushLevels(e[i], max_def);
          std::string_view raw = values.getDataAt(code);
          appendPlainRaw(raw, plain_);
          updateStats(raw);
        }
        return;
      }
      const size_t d0 = defs_.size(), r0 = reps_.size(), i0 = indices_.size();
      if (spec_.max_def) defs_.resize(d0 + n);
      if (spec_.max_rep) reps_.resize(r0 + n);
      indices_.resize(i0 + n);
      uint16_t* defs = defs_.data() + d0;
      uint16_t* reps = reps_.data() + r0;
      uint32_t* out = indices_.data() + i0;
      uint32_t* remap = lc_remap_.data();
      size_t k = 0, nulls = 0;
      for (size_t i = 0; i < n; ++i) {
        const uint32_t idx = e[i].idx;
        uint16_t def = e[i].def;
        if (idx != kNone) {
          const uint32_t code = uint32_t(codes[idx]);
          if (!(nullable && code == 0)) {
            def = max_def;
            uint32_t mapped = remap[code];
            if (mapped == kNone) mapped = remap[code] = addLowCardinalityValue(values.getDataAt(code));
            out[k++] = mapped;
          } else {
            ++nulls;
          }
        } else {
          ++nulls;
        }
        if (spec_.max_def) defs[i] = def;
        if (spec_.max_rep) reps[i] = e[i].rep;
      }
      indices_.resize(i0 + k);
      stats_.null_count += int64_t(nulls);
      page_entries_ += n;
    });
  }

  uint32_t addLowCardinalityValue(std::string_view raw) {
    if (lc_single_) {
      updateStats(raw);
      return dict_.appendUnique(raw);
    }
    bool inserted;
    uint32_t index = dict_.find(raw, inserted);
    if (inserted) updateStats(raw);
    return index;
  }

  void updateStats(std::string_view raw) {
    Stats& s = stats_;
    switch (spec_.physical) {
      case PhysicalType::BOOLEAN:
      case PhysicalType::INT32:
      case PhysicalType::INT64: {
        int64_t v;
        if (spec_.physical == PhysicalType::INT64) {
          std::memcpy(&v, raw.data(), 8);
        } else if (spec_.physical == PhysicalType::INT32) {
          int32_t v32;
          std::memcpy(&v32, raw.data(), 4);
          v = spec_.unsigned_order ? int64_t(uint32_t(v32)) : v32;
        } else {
          v = uint8_t(raw[0]);
        }
        if (spec_.unsigned_order && spec_.physical == PhysicalType::INT64) {
          uint64_t u = uint64_t(v);
          if (!s.has || u < s.umin) s.umin = u;
          if (!s.has || u > s.umax) s.umax = u;
        } else {
          if (!s.has || v < s.imin) s.imin = v;
          if (!s.has || v > s.imax) s.imax = v;
        }
        s.has = true;
        return;
      }
      case PhysicalType::FLOAT:
      case PhysicalType::DOUBLE: {
        double v;
        if (spec_.physical == PhysicalType::FLOAT) {
          float f;
          std::memcpy(&f, raw.data(), 4);
          v = f;
        } else {
          std::memcpy(&v, raw.data(), 8);
        }
        if (std::isnan(v)) return;
        if (!s.has || v < s.dmin) s.dmin = v;
        if (!s.has || v > s.dmax) s.dmax = v;
        s.has = true;
        return;
      }
      default: {
        if (raw.size() > kMaxStatBytes) {
          s.strings_too_long = true;
          return;
        }
        if (!s.has || raw < std::string_view(s.smin)) s.smin.assign(raw.data(), raw.size());
        if (!s.has || raw > std::string_view(s.smax)) s.smax.assign(raw.data(), raw.size());
        s.has = true;
        return;
      }
    }
  }

  void writeStatistics(ThriftCompactWriter& w) const {
    const Stats& s = stats_;
    w.beginStructField(12);
    w.fieldI64(3, s.null_count);
    if (s.has && !s.strings_too_long) {
      std::string min, max;
      auto put = [](std::string& out, const void* p, size_t n) { out.assign(static_cast<const char*>(p), n); };
      switch (spec_.physical) {
        case PhysicalType::BOOLEAN: {
          uint8_t a = uint8_t(s.imin), b = uint8_t(s.imax);
          put(min, &a, 1);
          put(max, &b, 1);
          break;
        }
        case PhysicalType::INT32: {
          int32_t a = int32_t(s.imin), b = int32_t(s.imax);
          put(min, &a, 4);
          put(max, &b, 4);
          break;
        }
        case PhysicalType::INT64: {
          int64_t a = spec_.unsigned_order ? int64_t(s.umin) : s.imin;
          int64_t b = spec_.unsigned_order ? int64_t(s.umax) : s.imax;
          put(min, &a, 8);
          put(max, &b, 8);
          break;
        }
        case PhysicalType::FLOAT: {
          float a = float(s.dmin), b = float(s.dmax);
          put(min, &a, 4);
          put(max, &b, 4);
          break;
        }
        case PhysicalType::DOUBLE:
          put(min, &s.dmin, 8);
          put(max, &s.dmax, 8);
          break;
        default:
          min = s.smin;
          max = s.smax;
          break;
      }
      w.fieldBinary(5, max);
      w.fieldBinary(6, min);
    }
    w.endStruct();
  }

  void levelsBlock(const std::vector<uint16_t>& levels, uint16_t max_level) {
    size_t at = page_.size();
    page_.append(4, '\0');
    encodeRleBitPacked(levels.data(), levels.size(), bitWidthOf(max_level), page_);
    uint32_t len = uint32_t(page_.size() - at - 4);
    std::memcpy(page_.data() + at, &len, 4);
  }

  void flushPage() {
    size_t entries = page_entries_;
    if (entries == 0) return;
    page_.clear();
    if (spec_.max_rep) levelsBlock(reps_, spec_.max_rep);
    if (spec_.max_def) levelsBlock(defs_, spec_.max_def);
    Encoding encoding = Encoding::PLAIN;
    // A chunk whose values are all NULL or empty lists has an empty dictionary and writes no
    // dictionary page: its pages are PLAIN (of no values), which every reader accepts.
    if (dict_mode_ && dict_.size() > 0) {
      encoding = Encoding::RLE_DICTIONARY;
      int width = std::max(1, bitWidthOf(uint32_t(dict_.size() > 0 ? dict_.size() - 1 : 0)));
      page_.push_back(char(width));
      encodeRleBitPacked(indices_.data(), indices_.size(), width, page_);
      used_dict_pages_ = true;
    } else if (spec_.physical == PhysicalType::BOOLEAN) {
      size_t at = page_.size();
      page_.append((plain_.size() + 7) / 8, '\0');
      for (size_t i = 0; i < plain_.size(); ++i)
        if (plain_[i]) page_[at + i / 8] = char(uint8_t(page_[at + i / 8]) | (1u << (i % 8)));
      used_plain_ = true;
    } else {
      page_ += plain_;
      used_plain_ = true;
    }
    compressor_.compress(page_, compressed_);
    header_.clear();
    ThriftCompactWriter w(header_);
    w.fieldI32(1, int32_t(PageType::DATA_PAGE));
    w.fieldI32(2, int32_t(page_.size()));
    w.fieldI32(3, int32_t(compressed_.size()));
    w.beginStructField(5);
    w.fieldI32(1, int32_t(entries));
    w.fieldI32(2, int32_t(encoding));
    w.fieldI32(3, int32_t(Encoding::RLE));
    w.fieldI32(4, int32_t(Encoding::RLE));
    w.endStruct();
    w.endStruct();
    chunk_ += header_;
    chunk_ += compressed_;
    total_uncompressed_ += int64_t(header_.size() + page_.size());
    total_compressed_ += int64_t(header_.size() + compressed_.size());
    num_values_ += int64_t(entries);
    defs_.clear();
    reps_.clear();
    indices_.clear();
    plain_.clear();
    page_entries_ = 0;
  }

  LeafSpec spec_;
  const WriterOptions& options_;
  PageCompressor& compressor_;

  // current page
  std::vector<uint16_t> defs_, reps_;
  std::vector<uint32_t> indices_;
  std::string plain_;
  size_t page_entries_ = 0;
  // chunk
  Dictionary dict_;
  bool dict_mode_ = true;
  bool used_plain_ = false, used_dict_pages_ = false;
  const LowCardinalityDictionary* lc_dictionary_ = nullptr;
  bool lc_single_ = false;
  std::vector<uint32_t> lc_remap_;
  std::string chunk_;
  Stats stats_;
  int64_t num_values_ = 0;
  int64_t total_uncompressed_ = 0, total_compressed_ = 0;
  int64_t last_chunk_bytes_ = 0, last_chunk_uncompressed_ = 0;
  // scratch
  std::string page_, compressed_, header_;
};

}  // namespace writer_impl

using namespace writer_impl;

struct ParquetWriter::Impl {
  WriteBuffer& out;
  WriterOptions options;
  PageCompressor compressor;
  std::vector<SchemaElement> schema;  // root first
  std::vector<PlanNode> plans;        // per top-level column
  std::vector<std::string> names;
  std::vector<std::unique_ptr<LeafWriter>> leaves;
  std::vector<std::vector<Entry>> scratch;  // per nesting depth
  std::vector<Entry> top;
  std::string row_groups;  // encoded RowGroup structs
  size_t row_group_count = 0;
  uint64_t rows_in_group = 0;
  uint64_t rows_total = 0;
  int64_t position = 0;
  bool started = false, finished = false;

  Impl(WriteBuffer& out_, WriterOptions options_)
      : out(out_), options(std::move(options_)), compressor(options.codec, options.compression_level) {}

  void emit(std::string_view bytes) {
    out.write(bytes.data(), bytes.size());
    position += int64_t(bytes.size());
  }

  void start() {
    if (started) return;
    started = true;
    emit("PAR1");
  }

  // ---- schema ----

  PlanNode build(const std::string& name, const DataTypePtr& type, uint16_t def, uint16_t rep,
                 std::vector<std::string> path, bool optional, const std::string& column) {
    PlanNode node;
    node.type = type;
    switch (type->typeId()) {
      case TypeIndex::Nullable: {
        node.kind = PlanNode::Kind::Nullable;
        const DataTypePtr& nested = static_cast<const DataTypeNullable&>(*type).getNestedType();
        node.children.push_back(build(name, nested, uint16_t(def + 1), rep, path, true, column));
        node.has_cast = node.children[0].has_cast;
        return node;
      }
      case TypeIndex::Tuple: {
        const auto& tuple = static_cast<const DataTypeTuple&>(*type);
        node.kind = PlanNode::Kind::Tuple;
        SchemaElement group;
        group.name = name;
        group.repetition = optional ? Repetition::OPTIONAL : Repetition::REQUIRED;
        group.num_children = int32_t(tuple.getElements().size());
        schema.push_back(group);
        path.push_back(name);
        for (size_t i = 0; i < tuple.getElements().size(); ++i) {
          std::string child = i < tuple.getElementNames().size() && !tuple.getElementNames()[i].empty()
                                  ? tuple.getElementNames()[i]
                                  : std::to_string(i + 1);
          node.children.push_back(build(child, tuple.getElements()[i], def, rep, path, false, column));
          node.has_cast |= node.children.back().has_cast;
        }
        return node;
      }
      case TypeIndex::Array: {
        node.kind = PlanNode::Kind::Array;
        node.rep_level = uint16_t(rep + 1);
        SchemaElement list;
        list.name = name;
        list.repetition = optional ? Repetition::OPTIONAL : Repetition::REQUIRED;
        list.num_children = 1;
        list.converted_type = CT_LIST;
        list.logical.kind = LogicalType::LIST;
        schema.push_back(list);
        SchemaElement repeated;
        repeated.name = "list";
        repeated.repetition = Repetition::REPEATED;
        repeated.num_children = 1;
        schema.push_back(repeated);
        path.push_back(name);
        path.push_back("list");
        node.children.push_back(build("element", static_cast<const DataTypeArray&>(*type).getNestedType(),
                                      uint16_t(def + 1), uint16_t(rep + 1), path, false, column));
        node.has_cast = node.children[0].has_cast;
        return node;
      }
      default: break;
    }

    LeafSpec spec;
    spec.no_dictionary = std::find(options.plain_columns.begin(), options.plain_columns.end(), column) !=
                         options.plain_columns.end();
    spec.max_def = def;
    spec.max_rep = rep;
    SchemaElement e;
    e.name = name;
    e.repetition = optional ? Repetition::OPTIONAL : Repetition::REQUIRED;
    auto integer = [&](PhysicalType physical, int bits, bool is_signed, Source source) {
      spec.physical = physical;
      spec.source = source;
      spec.unsigned_order = !is_signed;
      if (bits < 32 || !is_signed) {
        e.logical.kind = LogicalType::INTEGER;
        e.logical.bit_width = bits;
        e.logical.is_signed = is_signed;
        static const int32_t signed_ct[] = {CT_INT_8, CT_INT_16, CT_INT_32, CT_INT_64};
        static const int32_t unsigned_ct[] = {CT_UINT_8, CT_UINT_16, CT_UINT_32, CT_UINT_64};
        int k = bits == 8 ? 0 : bits == 16 ? 1 : bits == 32 ? 2 : 3;
        e.converted_type = is_signed ? signed_ct[k] : unsigned_ct[k];
      }
    };
    auto timestamp = [&](int unit, Source source, int64_t multiplier) {
      spec.physical = PhysicalType::INT64;
      spec.source = source;
      spec.multiplier = multiplier;
      e.logical.kind = LogicalType::TIMESTAMP;
      e.logical.time_unit = unit;
      e.logical.adjusted_to_utc = true;
      if (unit == 1) e.converted_type = CT_TIMESTAMP_MILLIS;
      if (unit == 2) e.converted_type = CT_TIMESTAMP_MICROS;
    };
    DataTypePtr value_type = type;
    if (type->typeId() == TypeIndex::LowCardinality) {
      DataTypePtr dict_type = static_cast<const DataTypeLowCardinality&>(*type).getDictionaryType();
      bool nullable = dict_type->typeId() == TypeIndex::Nullable;
      DataTypePtr inner = nullable ? static_cast<const DataTypeNullable&>(*dict_type).getNestedType() : dict_type;
      if (inner->typeId() == TypeIndex::String || inner->typeId() == TypeIndex::FixedString) {
        spec.source = Source::LowCardinality;
        spec.lc_nullable = nullable;
        if (nullable) {
          spec.max_def = uint16_t(def + 1);
          e.repetition = Repetition::OPTIONAL;
        }
        value_type = inner;
      } else {
        // Other LowCardinality types: their full column.
        node.kind = PlanNode::Kind::Cast;
        node.has_cast = true;
        node.from = type;
        DataTypePtr full = removeLowCardinality(type);
        node.children.push_back(build(name, full, def, rep, path, optional, column));
        node.type = full;
        return node;
      }
    }
    switch (value_type->typeId()) {
      case TypeIndex::Int8: integer(PhysicalType::INT32, 8, true, Source::Int8); break;
      case TypeIndex::UInt8: integer(PhysicalType::INT32, 8, false, Source::UInt8); break;
      case TypeIndex::Int16: integer(PhysicalType::INT32, 16, true, Source::Int16); break;
      case TypeIndex::UInt16: integer(PhysicalType::INT32, 16, false, Source::UInt16); break;
      case TypeIndex::Int32: integer(PhysicalType::INT32, 32, true, Source::Int32); break;
      case TypeIndex::UInt32: integer(PhysicalType::INT32, 32, false, Source::UInt32); break;
      case TypeIndex::Int64: integer(PhysicalType::INT64, 64, true, Source::Int64); break;
      case TypeIndex::UInt64: integer(PhysicalType::INT64, 64, false, Source::UInt64); break;
      case TypeIndex::Float32: spec.physical = PhysicalType::FLOAT; spec.source = Source::Float32; break;
      case TypeIndex::Float64: spec.physical = PhysicalType::DOUBLE; spec.source = Source::Float64; break;
      case TypeIndex::Bool: spec.physical = PhysicalType::BOOLEAN; spec.source = Source::Bool; break;
      case TypeIndex::Date:
      case TypeIndex::Date32:
        spec.physical = PhysicalType::INT32;
        spec.source = value_type->typeId() == TypeIndex::Date ? Source::UInt16 : Source::Int32;
        e.logical.kind = LogicalType::DATE;
        e.converted_type = CT_DATE;
        break;
      case TypeIndex::DateTime: timestamp(1, Source::DateTime32, 1000); break;
      case TypeIndex::DateTime64: {
        uint32_t scale = static_cast<const DataTypeDateTime64&>(*value_type).getScale();
        int unit = scale <= 3 ? 1 : scale <= 6 ? 2 : 3;
        uint32_t target = unit == 1 ? 3 : unit == 2 ? 6 : 9;
        int64_t multiplier = 1;
        for (uint32_t s = scale; s < target; ++s) multiplier *= 10;
        timestamp(unit, Source::DateTime64, multiplier);
        break;
      }
      case TypeIndex::String:
        spec.physical = PhysicalType::BYTE_ARRAY;
        if (spec.source != Source::LowCardinality) spec.source = Source::String;
        e.logical.kind = LogicalType::STRING;
        e.converted_type = CT_UTF8;
        break;
      case TypeIndex::FixedString:
        spec.physical = PhysicalType::FIXED_LEN_BYTE_ARRAY;
        if (spec.source != Source::LowCardinality) spec.source = Source::Fixed;
        spec.type_length = int32_t(static_cast<const DataTypeFixedString&>(*value_type).getN());
        e.type_length = spec.type_length;
        break;
      case TypeIndex::Enum8:
      case TypeIndex::Enum16:
      case TypeIndex::UUID: {
        // Written as their text.
        node.kind = PlanNode::Kind::Cast;
        node.has_cast = true;
        node.from = type;
        node.type = std::make_shared<DataTypeString>();
        node.children.push_back(build(name, node.type, def, rep, path, optional, column));
        return node;
      }
      default:
        throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Type {} of column {} is not supported for Parquet output",
                        type->name(), column);
    }
    e.type = spec.physical;
    schema.push_back(e);
    path.push_back(name);
    spec.path = std::move(path);
    node.kind = PlanNode::Kind::Leaf;
    node.leaf = leaves.size();
    leaves.push_back(std::make_unique<LeafWriter>(std::move(spec), options, compressor));
    return node;
  }

  // ---- shredding ----

  /// Converts the subtrees that need a Cast (once per block).
  ColumnPtr prepare(const PlanNode& node, const ColumnPtr& column) {
    if (!node.has_cast) return column;
    switch (node.kind) {
      case PlanNode::Kind::Cast: {
        ColumnPtr converted;
        if (column->kind() == ColumnKind::LowCardinality)
          converted = static_cast<const ColumnLowCardinality&>(*column).convertToFullColumn();
        else
          converted = castColumn({column, node.from, ""}, node.type, FunctionContext{});
        return prepare(node.children[0], converted);
      }
      case PlanNode::Kind::Nullable: {
        const auto& nullable = static_cast<const ColumnNullable&>(*column);
        ColumnPtr nested = prepare(node.children[0], nullable.getNestedColumnPtr());
        return ColumnNullable::create(nested, nullable.getNullMapColumnPtr());
      }
      case PlanNode::Kind::Tuple: {
        const auto& tuple = static_cast<const ColumnTuple&>(*column);
        Columns elements;
        for (size_t i = 0; i < tuple.tupleSize(); ++i) elements.push_back(prepare(node.children[i], tuple.getColumnPtr(i)));
        return ColumnTuple::create(elements, column->size());
      }
      case PlanNode::Kind::Array: {
        const auto& array = static_cast<const ColumnArray&>(*column);
        ColumnPtr data = prepare(node.children[0], array.getDataPtr());
        return ColumnArray::create(std::const_pointer_cast<Column>(data), array.getOffsets());
      }
      default: return column;
    }
  }

  std::vector<Entry>& scratchAt(size_t depth) {
    if (scratch.size() <= depth) scratch.resize(depth + 1);
    return scratch[depth];
  }

  void shred(const PlanNode& node, const Column& column, const Entry* e, size_t n, size_t depth) {
    switch (node.kind) {
      case PlanNode::Kind::Leaf: leaves[node.leaf]->append(column, e, n); return;
      case PlanNode::Kind::Cast: shred(node.children[0], column, e, n, depth); return;
      case PlanNode::Kind::Tuple: {
        const auto& tuple = static_cast<const ColumnTuple&>(column);
        for (size_t i = 0; i < node.children.size(); ++i) shred(node.children[i], tuple.getColumn(i), e, n, depth);
        return;
      }
      case PlanNode::Kind::Nullable: {
        const auto& nullable = static_cast<const ColumnNullable&>(column);
        const uint8_t* nulls = nullable.getNullMapData().data();
        std::vector<Entry>& out = scratchAt(depth);
        out.resize(n);
        for (size_t i = 0; i < n; ++i) {
          Entry x = e[i];
          if (x.idx != kNone) {
            if (nulls[x.idx])
              x.idx = kNone;
            else
              ++x.def;
          }
          out[i] = x;
        }
        shred(node.children[0], nullable.getNestedColumn(), out.data(), n, depth + 1);
        return;
      }
      case PlanNode::Kind::Array: {
        const auto& array = static_cast<const ColumnArray&>(column);
        const auto& offsets = array.getOffsets();
        std::vector<Entry>& out = scratchAt(depth);
        out.clear();
        for (size_t i = 0; i < n; ++i) {
          const Entry& x = e[i];
          if (x.idx == kNone) {
            out.push_back(x);
            continue;
          }
          size_t begin = x.idx == 0 ? 0 : offsets[x.idx - 1];
          size_t end = offsets[x.idx];
          if (begin == end) {
            out.push_back({kNone, x.def, x.rep});
            continue;
          }
          for (size_t k = begin; k < end; ++k)
            out.push_back({uint32_t(k), uint16_t(x.def + 1), k == begin ? x.rep : node.rep_level});
        }
        // `out` may be reallocated by deeper levels only at other depths: pass a copy-free view.
        shred(node.children[0], array.getData(), out.data(), out.size(), depth + 1);
        return;
      }
    }
  }

  void writeRows(const Block& block) {
    start();
    const size_t rows = block.rows();
    if (rows == 0) return;
    if (block.columns() != plans.size())
      throw Exception(ErrorCodes::LOGICAL_ERROR, "Parquet writer: a block of {} columns for a header of {}",
                      block.columns(), plans.size());
    std::vector<ColumnPtr> columns;
    for (size_t i = 0; i < plans.size(); ++i)
      columns.push_back(prepare(plans[i], materialize(block.at(i).column)));
    size_t row = 0;
    while (row < rows) {
      size_t take = std::min<size_t>({kBatchRows, rows - row, size_t(options.row_group_rows - rows_in_group)});
      top.resize(take);
      for (size_t i = 0; i < take; ++i) top[i] = {uint32_t(row + i), 0, 0};
      for (size_t i = 0; i < plans.size(); ++i) shred(plans[i], *columns[i], top.data(), take, 0);
      size_t buffered = 0;
      for (auto& leaf : leaves) {
        leaf->endBatch();
        buffered += leaf->bufferedBytes();
      }
      row += take;
      rows_in_group += take;
      rows_total += take;
      if (rows_in_group >= options.row_group_rows || buffered >= options.row_group_bytes) flushRowGroup();
    }
  }

  void flushRowGroup() {
    if (rows_in_group == 0) return;
    int64_t group_start = position;
    int64_t total_uncompressed = 0, total_compressed = 0;
    std::vector<std::string> metas(leaves.size());
    for (size_t i = 0; i < leaves.size(); ++i) {
      leaves[i]->writeChunk(position, [&](std::string_view bytes) { emit(bytes); }, metas[i]);
      total_uncompressed += leaves[i]->lastChunkUncompressed();
      total_compressed += leaves[i]->lastChunkBytes();
    }
    // RowGroup struct (an element of FileMetaData.row_groups, encoded later as a list).
    std::string& g = row_groups;
    ThriftCompactWriter w(g);
    w.beginListField(1, ThriftCompactWriter::STRUCT, leaves.size());
    for (const auto& meta : metas) g += meta;  // each ColumnChunk struct, STOP included
    w.fieldI64(2, total_uncompressed);
    w.fieldI64(3, int64_t(rows_in_group));
    w.fieldI64(5, group_start);
    w.fieldI64(6, total_compressed);
    w.fieldI16(7, int16_t(row_group_count));  // ordinal
    w.endStruct();
    ++row_group_count;
    rows_in_group = 0;
  }

  void finish() {
    if (finished) return;
    start();
    flushRowGroup();
    finished = true;
    std::string footer;
    ThriftCompactWriter w(footer);
    w.fieldI32(1, 1);
    w.beginListField(2, ThriftCompactWriter::STRUCT, schema.size());
    for (const SchemaElement& e : schema) {
      w.beginStruct();
      if (e.type) w.fieldI32(1, int32_t(*e.type));
      if (e.type_length) w.fieldI32(2, e.type_length);
      if (&e != &schema[0]) w.fieldI32(3, int32_t(e.repetition));
      w.fieldBinary(4, e.name);
      if (!e.type) w.fieldI32(5, e.num_children);
      if (e.converted_type != CT_NONE) w.fieldI32(6, e.converted_type);
      writeLogical(w, e);
      w.endStruct();
    }
    w.fieldI64(3, int64_t(rows_total));
    w.beginListField(4, ThriftCompactWriter::STRUCT, row_group_count);
    footer += row_groups;
    w.fieldBinary(6, options.created_by);
    w.beginListField(7, ThriftCompactWriter::STRUCT, leaves.size());
    for (size_t i = 0; i < leaves.size(); ++i) {
      w.beginStruct();
      w.beginStructField(1);  // TYPE_ORDER
      w.endStruct();
      w.endStruct();
    }
    w.endStruct();
    emit(footer);
    uint32_t len = uint32_t(footer.size());
    emit(std::string_view(reinterpret_cast<const char*>(&len), 4));
    emit("PAR1");
  }
};

ParquetWriter::ParquetWriter(WriteBuffer& out, const Block& header, WriterOptions options)
    : impl_(std::make_unique<Impl>(out, std::move(options))) {
  SchemaElement root;
  root.name = "schema";
  root.num_children = int32_t(header.columns());
  impl_->schema.push_back(root);
  for (const auto& column : header) {
    impl_->names.push_back(column.name);
    impl_->plans.push_back(impl_->build(column.name, column.type, 0, 0, {}, false, column.name));
  }
}

ParquetWriter::~ParquetWriter() = default;

void ParquetWriter::write(const Block& block) { impl_->writeRows(block); }
void ParquetWriter::finish() { impl_->finish(); }
uint64_t ParquetWriter::rowsWritten() const { return impl_->rows_total; }

}  // namespace tally::parquet
