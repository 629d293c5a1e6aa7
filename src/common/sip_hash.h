#pragma once
// SipHash-2-4 with 128-bit key (default zero key), as used by ClickHouse's sipHash64 and for
// hashing composite values (tuples, arrays) when grouping.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tally {

class SipHash {
 public:
  explicit SipHash(uint64_t k0 = 0, uint64_t k1 = 0) {
    v0_ = 0x736f6d6570736575ULL ^ k0;
    v1_ = 0x646f72616e646f6dULL ^ k1;
    v2_ = 0x6c7967656e657261ULL ^ k0;
    v3_ = 0x7465646279746573ULL ^ k1;
  }

  void update(const char* data, size_t size) {
    const char* end = data + size;
    // Fill the pending word first.
    if (pending_ > 0) {
      while (pending_ < 8 && data < end) {
        word_ |= uint64_t(uint8_t(*data++)) << (8 * pending_);
        ++pending_;
        ++total_;
      }
      if (pending_ < 8) return;
      compress(word_);
      word_ = 0;
      pending_ = 0;
    }
    while (data + 8 <= end) {
      uint64_t m;
      std::memcpy(&m, data, 8);
      compress(m);
      data += 8;
      total_ += 8;
    }
    while (data < end) {
      word_ |= uint64_t(uint8_t(*data++)) << (8 * pending_);
      ++pending_;
      ++total_;
    }
  }
  void update(std::string_view s) { update(s.data(), s.size()); }
  template <typename T>
  void update(const T& value) {
    update(reinterpret_cast<const char*>(&value), sizeof(T));
  }

  uint64_t get64() {
    uint64_t b = word_ | (uint64_t(total_ & 0xFF) << 56);
    compress(b);
    v2_ ^= 0xff;
    round();
    round();
    round();
    round();
    return v0_ ^ v1_ ^ v2_ ^ v3_;
  }

  /// 128-bit result (low, high) as ClickHouse's sipHash128: two halves of the final state.
  void get128(uint64_t& low, uint64_t& high) {
    uint64_t b = word_ | (uint64_t(total_ & 0xFF) << 56);
    compress(b);
    v2_ ^= 0xff;
    round();
    round();
    round();
    round();
    low = v0_ ^ v1_;
    high = v2_ ^ v3_;
  }

 private:
  static uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }
  void round() {
    v0_ += v1_;
    v1_ = rotl(v1_, 13);
    v1_ ^= v0_;
    v0_ = rotl(v0_, 32);
    v2_ += v3_;
    v3_ = rotl(v3_, 16);
    v3_ ^= v2_;
    v0_ += v3_;
    v3_ = rotl(v3_, 21);
    v3_ ^= v0_;
    v2_ += v1_;
    v1_ = rotl(v1_, 17);
    v1_ ^= v2_;
    v2_ = rotl(v2_, 32);
  }
  void compress(uint64_t m) {
    v3_ ^= m;
    round();
    round();
    v0_ ^= m;
  }

  uint64_t v0_, v1_, v2_, v3_;
  uint64_t word_ = 0;
  size_t pending_ = 0;
  uint64_t total_ = 0;
};

}  // namespace tally
