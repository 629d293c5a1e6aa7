#include "storage/engines/storage_generate_random.h"

#include <atomic>
#include <chrono>
#include <cstring>
#include <random>

#include "columns/column_array.h"
#include "columns/column_fixed_string.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "common/exception.h"
#include "storage/storage_factory.h"
#include "storage/table_functions/table_function_arguments.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_enum.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace storage_generate_random {

uint64_t splitMix(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// xoshiro256**, seeded through splitmix64.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& s : state_) s = splitMix(seed);
  }
  uint64_t next() {
    uint64_t result = rotl(state_[1] * 5, 7) * 9;
    uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  /// Fills n bytes with random bits.
  void fill(void* to, size_t n) {
    char* p = static_cast<char*>(to);
    for (; n >= 8; n -= 8, p += 8) {
      uint64_t r = next();
      std::memcpy(p, &r, 8);
    }
    if (n) {
      uint64_t r = next();
      std::memcpy(p, &r, n);
    }
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

struct Limits {
  uint64_t max_string_length, max_array_length;
};

template <typename T>
T* appendUninitialized(Column& column, size_t rows) {
  auto& data = typedAs<ColumnVector<T>>(column).getData();
  size_t old = data.size();
  data.resize(old + rows);
  return data.data() + old;
}

template <typename T>
void fillBits(Column& column, size_t rows, Rng& rng) {
  rng.fill(appendUninitialized<T>(column, rows), rows * sizeof(T));
}

/// Lengths uniform in [0, max] as cumulative offsets appended to `offsets`.
uint64_t appendLengths(Offsets& offsets, size_t rows, uint64_t max, Rng& rng) {
  uint64_t total = offsets.empty() ? 0 : offsets.back();
  uint64_t start = total;
  offsets.reserve(offsets.size() + rows);
  for (size_t i = 0; i < rows; ++i) {
    total += max == 0 ? 0 : rng.next() % (max + 1);
    offsets.push_back(total);
  }
  return total - start;
}

template <typename T>
void fillEnum(Column& column, const DataType& type, size_t rows, Rng& rng) {
  const auto& values = static_cast<const DataTypeEnum<T>&>(type).getValues();
  T* data = appendUninitialized<T>(column, rows);
  for (size_t i = 0; i < rows; ++i) data[i] = values[rng.next() % values.size()].second;
}

void fill(Column& column, const DataType& type, size_t rows, Rng& rng, const Limits& limits) {
  switch (type.typeId()) {
    case TypeIndex::UInt8:
      fillBits<UInt8>(column, rows, rng);
      break;
    case TypeIndex::UInt16:
      fillBits<UInt16>(column, rows, rng);
      break;
    case TypeIndex::UInt32:
      fillBits<UInt32>(column, rows, rng);
      break;
    case TypeIndex::UInt64:
      fillBits<UInt64>(column, rows, rng);
      break;
    case TypeIndex::Int8:
      fillBits<Int8>(column, rows, rng);
      break;
    case TypeIndex::Int16:
      fillBits<Int16>(column, rows, rng);
      break;
    case TypeIndex::Int32:
      fillBits<Int32>(column, rows, rng);
      break;
    case TypeIndex::Int64:
      fillBits<Int64>(column, rows, rng);
      break;
    case TypeIndex::Float32:
      fillBits<Float32>(column, rows, rng);
      break;
    case TypeIndex::Float64:
      fillBits<Float64>(column, rows, rng);
      break;
    case TypeIndex::Date:
      fillBits<UInt16>(column, rows, rng);
      break;
    case TypeIndex::DateTime:
      fillBits<UInt32>(column, rows, rng);
      break;
    case TypeIndex::UUID:
      fillBits<UInt128>(column, rows, rng);
      break;
    case TypeIndex::Bool: {
      UInt8* data = appendUninitialized<UInt8>(column, rows);
      rng.fill(data, rows);
      for (size_t i = 0; i < rows; ++i) data[i] &= 1;
      break;
    }
    case TypeIndex::Date32: {
      constexpr int64_t min_day = -25567, max_day = 120529;  // 1900-01-01 .. 2299-12-31
      Int32* data = appendUninitialized<Int32>(column, rows);
      for (size_t i = 0; i < rows; ++i)
        data[i] = Int32(min_day + int64_t(rng.next() % uint64_t(max_day - min_day + 1)));
      break;
    }
    case TypeIndex::DateTime64: {
      int64_t multiplier = static_cast<const DataTypeDateTime64&>(type).scaleMultiplier();
      Int64* data = appendUninitialized<Int64>(column, rows);
      for (size_t i = 0; i < rows; ++i) {
        uint64_t r = rng.next();
        data[i] = int64_t(uint32_t(r)) * multiplier + int64_t((r >> 32) % uint64_t(multiplier));
      }
      break;
    }
    case TypeIndex::Enum8:
      fillEnum<Int8>(column, type, rows, rng);
      break;
    case TypeIndex::Enum16:
      fillEnum<Int16>(column, type, rows, rng);
      break;
    case TypeIndex::String: {
      auto& string = typedAs<ColumnString>(column);
      size_t old_chars = string.getChars().size();
      uint64_t bytes = appendLengths(string.getOffsets(), rows, limits.max_string_length, rng);
      auto& chars = string.getChars();
      chars.resize(old_chars + bytes);
      char* p = chars.data() + old_chars;
      rng.fill(p, bytes);
      for (uint64_t i = 0; i < bytes; ++i) p[i] = char(32 + ((uint32_t(uint8_t(p[i])) * 95) >> 8));  // printable ASCII
      break;
    }
    case TypeIndex::FixedString: {
      auto& chars = typedAs<ColumnFixedString>(column).getChars();
      size_t bytes = rows * column.sizeOfValueIfFixed();
      size_t old = chars.size();
      chars.resize(old + bytes);
      rng.fill(chars.data() + old, bytes);
      break;
    }
    case TypeIndex::Nullable: {
      auto& nullable = typedAs<ColumnNullable>(column);
      fill(nullable.getNestedColumn(), *static_cast<const DataTypeNullable&>(type).getNestedType(), rows, rng, limits);
      auto& null_map = nullable.getNullMapData();
      size_t old = null_map.size();
      null_map.resize(old + rows);
      UInt8* map = null_map.data() + old;
      rng.fill(map, rows);
      for (size_t i = 0; i < rows; ++i) map[i] = (map[i] & 15) == 0;  // one in 16
      break;
    }
    case TypeIndex::Array: {
      auto& array = typedAs<ColumnArray>(column);
      uint64_t elements = appendLengths(array.getOffsets(), rows, limits.max_array_length, rng);
      fill(array.getData(), *static_cast<const DataTypeArray&>(type).getNestedType(), elements, rng, limits);
      break;
    }
    case TypeIndex::Tuple: {
      auto& tuple = typedAs<ColumnTuple>(column);
      const auto& elements = static_cast<const DataTypeTuple&>(type).getElements();
      for (size_t i = 0; i < elements.size(); ++i) fill(tuple.getColumn(i), *elements[i], rows, rng, limits);
      break;
    }
    case TypeIndex::LowCardinality: {
      const auto& dictionary_type = static_cast<const DataTypeLowCardinality&>(type).getDictionaryType();
      auto values = dictionary_type->createColumn();
      fill(*values, *dictionary_type, rows, rng, limits);
      auto& lc = typedAs<ColumnLowCardinality>(column);
      // Random values are mostly distinct: give the (empty) column 32-bit codes from the start
      // instead of widening them as the dictionary grows.
      if (lc.size() == 0) lc = ColumnLowCardinality(lc.getDictionaryPtr(), ColumnUInt32::create());
      for (size_t i = 0; i < rows; ++i) lc.insertFromFullColumn(*values, i);
      break;
    }
    default:
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Random generator is not implemented for type {}", type.name());
  }
}

class GenerateRandomSource final : public BlockStream {
 public:
  GenerateRandomSource(Block header, uint64_t seed, std::shared_ptr<std::atomic<uint64_t>> next_block,
                       size_t block_size, Limits limits, QueryContext& context)
      : header_(std::move(header)), seed_(seed), next_block_(std::move(next_block)), block_size_(block_size),
        limits_(limits), context_(context) {}

  const Block& header() const override { return header_; }
  std::string name() const override { return "GenerateRandom"; }

  bool read(Block& block) override {
    if (stopped_ || context_.shouldStopReading(stop_token_)) return false;
    context_.checkAlive();
    uint64_t index = next_block_->fetch_add(1, std::memory_order_relaxed);
    Block out;
    for (size_t c = 0; c < header_.columns(); ++c) {
      const auto& h = header_.at(c);
      uint64_t column_seed = seed_ ^ (index * 0x9e3779b97f4a7c15ULL) ^ ((c + 1) * 0xc2b2ae3d27d4eb4fULL);
      Rng rng(splitMix(column_seed));
      auto column = h.type->createColumn();
      fill(*column, *h.type, block_size_, rng, limits_);
      out.insert({std::move(column), h.type, h.name});
    }
    out.setRows(block_size_);
    if (!context_.addRead(block_size_, out.bytes())) stopped_ = true;
    block = std::move(out);
    return true;
  }

 private:
  Block header_;
  uint64_t seed_;
  std::shared_ptr<std::atomic<uint64_t>> next_block_;
  size_t block_size_;
  Limits limits_;
  QueryContext& context_;
  QueryContext::ReadStopToken stop_token_ = context_.readStopToken();
  bool stopped_ = false;
};

}  // namespace storage_generate_random

StorageGenerateRandom::StorageGenerateRandom(ColumnsDescription columns, std::optional<uint64_t> random_seed,
                                             uint64_t max_string_length, uint64_t max_array_length)
    : random_seed_(random_seed), max_string_length_(max_string_length), max_array_length_(max_array_length) {
  setColumns(std::move(columns));
}

BlockStreams StorageGenerateRandom::read(const ReadRequest& request, QueryContext& context) {
  using namespace storage_generate_random;
  Block header = this->header(request.columns);
  uint64_t seed = random_seed_
                      ? *random_seed_
                      : std::random_device()() ^ uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
  size_t streams = random_seed_ ? 1 : std::max<size_t>(request.max_streams, 1);
  auto next_block = std::make_shared<std::atomic<uint64_t>>(0);
  BlockStreams res;
  for (size_t i = 0; i < streams; ++i)
    res.push_back(std::make_unique<GenerateRandomSource>(header, seed, next_block,
                                                         std::max<size_t>(request.max_block_size, 1),
                                                         Limits{max_string_length_, max_array_length_}, context));
  return res;
}

REGISTER_STORAGE(GenerateRandom) {
  factory.registerStorage("GenerateRandom", [](const StorageCreateArguments& args) -> StoragePtr {
    const auto& a = args.engine_args;
    if (a.size() > 3)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Storage GenerateRandom requires at most three arguments: random_seed, max_string_length, "
                      "max_array_length.");
    std::optional<uint64_t> seed;
    if (!a.empty() && !isNullArgument(a[0])) seed = unsignedArgument(a[0], "GenerateRandom");
    uint64_t max_string_length = a.size() > 1 ? unsignedArgument(a[1], "GenerateRandom") : 10;
    uint64_t max_array_length = a.size() > 2 ? unsignedArgument(a[2], "GenerateRandom") : 10;
    return std::make_shared<StorageGenerateRandom>(args.columns, seed, max_string_length, max_array_length);
  });
}

}  // namespace tally
