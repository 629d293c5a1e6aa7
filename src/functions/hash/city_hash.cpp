#include "functions/hash/city_hash.h"

#include <cstring>
#include <utility>

namespace tally::city_hash_v1_0_2 {

namespace {

constexpr uint64_t k0 = 0xc3a5c85c97cb3127ULL;
constexpr uint64_t k1 = 0xb492b66fbe98f273ULL;
constexpr uint64_t k2 = 0x9ae16a3b2f90404fULL;
constexpr uint64_t k3 = 0xc949d7c7509e6557ULL;

inline uint64_t fetch64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline uint32_t fetch32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

inline uint64_t rotate(uint64_t val, int shift) {
  return shift == 0 ? val : ((val >> shift) | (val << (64 - shift)));
}
inline uint64_t rotateByAtLeast1(uint64_t val, int shift) {
  return (val >> shift) | (val << (64 - shift));
}
inline uint64_t shiftMix(uint64_t val) {
  return val ^ (val >> 47);
}
inline uint64_t hashLen16(uint64_t u, uint64_t v) {
  return hash128to64(u, v);
}

uint64_t hashLen0to16(const char* s, size_t len) {
  if (len > 8) {
    uint64_t a = fetch64(s);
    uint64_t b = fetch64(s + len - 8);
    return hashLen16(a, rotateByAtLeast1(b + len, int(len))) ^ b;
  }
  if (len >= 4) {
    uint64_t a = fetch32(s);
    return hashLen16(len + (a << 3), fetch32(s + len - 4));
  }
  if (len > 0) {
    uint8_t a = uint8_t(s[0]);
    uint8_t b = uint8_t(s[len >> 1]);
    uint8_t c = uint8_t(s[len - 1]);
    uint32_t y = uint32_t(a) + (uint32_t(b) << 8);
    uint32_t z = uint32_t(len) + (uint32_t(c) << 2);
    return shiftMix(y * k2 ^ z * k3) * k2;
  }
  return k2;
}

uint64_t hashLen17to32(const char* s, size_t len) {
  uint64_t a = fetch64(s) * k1;
  uint64_t b = fetch64(s + 8);
  uint64_t c = fetch64(s + len - 8) * k2;
  uint64_t d = fetch64(s + len - 16) * k0;
  return hashLen16(rotate(a - b, 43) + rotate(c, 30) + d, a + rotate(b ^ k3, 20) - c + len);
}

std::pair<uint64_t, uint64_t> weakHashLen32WithSeeds(uint64_t w, uint64_t x, uint64_t y, uint64_t z, uint64_t a,
                                                     uint64_t b) {
  a += w;
  b = rotate(b + a + z, 21);
  uint64_t c = a;
  a += x;
  a += y;
  b += rotate(a, 44);
  return {a + z, b + c};
}

std::pair<uint64_t, uint64_t> weakHashLen32WithSeeds(const char* s, uint64_t a, uint64_t b) {
  return weakHashLen32WithSeeds(fetch64(s), fetch64(s + 8), fetch64(s + 16), fetch64(s + 24), a, b);
}

uint64_t hashLen33to64(const char* s, size_t len) {
  uint64_t z = fetch64(s + 24);
  uint64_t a = fetch64(s) + (len + fetch64(s + len - 16)) * k0;
  uint64_t b = rotate(a + z, 52);
  uint64_t c = rotate(a, 37);
  a += fetch64(s + 8);
  c += rotate(a, 7);
  a += fetch64(s + 16);
  uint64_t vf = a + z;
  uint64_t vs = b + rotate(a, 31) + c;
  a = fetch64(s + 16) + fetch64(s + len - 32);
  z = fetch64(s + len - 8);
  b = rotate(a + z, 52);
  c = rotate(a, 37);
  a += fetch64(s + len - 24);
  c += rotate(a, 7);
  a += fetch64(s + len - 16);
  uint64_t wf = a + z;
  uint64_t ws = b + rotate(a, 31) + c;
  uint64_t r = shiftMix((vf + ws) * k2 + (wf + vs) * k0);
  return shiftMix(r * k0 + vs) * k2;
}

/// CityMurmur of v1.0.2: the 128-bit hash of inputs shorter than 128 bytes.
std::pair<uint64_t, uint64_t> cityMurmur(const char* s, size_t len, uint64_t a, uint64_t b) {
  uint64_t c = 0;
  uint64_t d = 0;
  if (len <= 16) {
    a = shiftMix(a * k1) * k1;
    c = b * k1 + hashLen0to16(s, len);
    d = shiftMix(a + (len >= 8 ? fetch64(s) : c));
  } else {
    c = hashLen16(fetch64(s + len - 8) + k1, a);
    d = hashLen16(b + len, c + fetch64(s + len - 16));
    a += d;
    ptrdiff_t left = ptrdiff_t(len) - 16;
    do {
      a ^= shiftMix(fetch64(s) * k1) * k1;
      a *= k1;
      b ^= a;
      c ^= shiftMix(fetch64(s + 8) * k1) * k1;
      c *= k1;
      d ^= c;
      s += 16;
      left -= 16;
    } while (left > 0);
  }
  a = hashLen16(a, c);
  b = hashLen16(d, b);
  return {a ^ b, hashLen16(b, a)};
}

std::pair<uint64_t, uint64_t> cityHash128WithSeed(const char* s, size_t len, uint64_t seed_low, uint64_t seed_high) {
  if (len < 128) return cityMurmur(s, len, seed_low, seed_high);
  std::pair<uint64_t, uint64_t> v, w;
  uint64_t x = seed_low;
  uint64_t y = seed_high;
  uint64_t z = len * k1;
  v.first = rotate(y ^ k1, 49) * k1 + fetch64(s);
  v.second = rotate(v.first, 42) * k1 + fetch64(s + 8);
  w.first = rotate(y + z, 35) * k1 + x;
  w.second = rotate(x + fetch64(s + 88), 53) * k1;
  do {
    for (int half = 0; half < 2; ++half) {
      x = rotate(x + y + v.first + fetch64(s + 16), 37) * k1;
      y = rotate(y + v.second + fetch64(s + 48), 42) * k1;
      x ^= w.second;
      y ^= v.first;
      z = rotate(z ^ w.first, 33);
      v = weakHashLen32WithSeeds(s, v.second * k1, x + w.first);
      w = weakHashLen32WithSeeds(s + 32, z + w.second, y);
      std::swap(z, x);
      s += 64;
    }
    len -= 128;
  } while (len >= 128);
  y += rotate(w.first, 37) * k0 + z;
  x += rotate(v.first + z, 49) * k0;
  for (size_t tail_done = 0; tail_done < len;) {
    tail_done += 32;
    y = rotate(y - x, 42) * k0 + v.second;
    w.first += fetch64(s + len - tail_done + 16);
    x = rotate(x, 49) * k0 + w.first;
    w.first += v.first;
    v = weakHashLen32WithSeeds(s + len - tail_done, v.first, v.second);
  }
  x = hashLen16(x, v.first);
  y = hashLen16(y, w.first);
  return {hashLen16(x + v.second, w.second) + y, hashLen16(x + w.second, y + v.second)};
}

}  // namespace

std::pair<uint64_t, uint64_t> cityHash128(const char* s, size_t len) {
  if (len >= 16) return cityHash128WithSeed(s + 16, len - 16, fetch64(s) ^ k3, fetch64(s + 8));
  if (len >= 8) return cityHash128WithSeed(nullptr, 0, fetch64(s) ^ (len * k0), fetch64(s + len - 8) ^ k1);
  return cityHash128WithSeed(s, len, k0, k1);
}

uint64_t cityHash64(const char* s, size_t len) {
  if (len <= 32) {
    if (len <= 16) return hashLen0to16(s, len);
    return hashLen17to32(s, len);
  }
  if (len <= 64) return hashLen33to64(s, len);

  uint64_t x = fetch64(s);
  uint64_t y = fetch64(s + len - 16) ^ k1;
  uint64_t z = fetch64(s + len - 56) ^ k0;
  std::pair<uint64_t, uint64_t> v = weakHashLen32WithSeeds(s + len - 64, len, y);
  std::pair<uint64_t, uint64_t> w = weakHashLen32WithSeeds(s + len - 32, len * k1, k0);
  z += shiftMix(v.second) * k1;
  x = rotate(z + x, 39) * k1;
  y = rotate(y, 33) * k1;

  len = (len - 1) & ~size_t(63);
  do {
    x = rotate(x + y + v.first + fetch64(s + 16), 37) * k1;
    y = rotate(y + v.second + fetch64(s + 48), 42) * k1;
    x ^= w.second;
    y ^= v.first;
    z = rotate(z ^ w.first, 33);
    v = weakHashLen32WithSeeds(s, v.second * k1, x + w.first);
    w = weakHashLen32WithSeeds(s + 32, z + w.second, y);
    std::swap(z, x);
    s += 64;
    len -= 64;
  } while (len != 0);
  return hashLen16(hashLen16(v.first, w.first) + shiftMix(y) * k1 + z, hashLen16(v.second, w.second) + x);
}

}  // namespace tally::city_hash_v1_0_2
