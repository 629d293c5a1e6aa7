#pragma once
// Reservoir sampling of up to 8192 values with ClickHouse's exact procedure (pcg32_fast random
// numbers seeded with 123456, the same replacement and merge rules), so that quantile() gives
// ClickHouse's results: exact (linear interpolation between neighbours) for up to 8192 values,
// and the same sample as ClickHouse for a single state fed in the same order.
// NaNs are skipped. State: sample_count (8 bytes), total (8 bytes), the generator as text
// ("multiplier increment state", varint-prefixed), then the samples — ClickHouse's layout.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <type_traits>

#include "common/exception.h"
#include "common/pod_array.h"
#include "functions/aggregate/state_io.h"

namespace tally {

/// pcg32_fast: 64-bit MCG state, XSH-RS output of the previous state.
struct Pcg32Fast {
  static constexpr uint64_t kMultiplier = 6364136223846793005ULL;
  uint64_t state = 123456 | 3;

  void seed(uint64_t s) { state = s | 3; }
  uint32_t operator()() {
    uint64_t old = state;
    state = old * kMultiplier;
    unsigned rshift = unsigned(old >> 61);
    old ^= old >> 22;
    return uint32_t(old >> (22 + rshift));
  }
};

template <typename T>
class ReservoirSampler {
 public:
  static constexpr size_t kSampleCount = 8192;

  void insert(T v) {
    if constexpr (std::is_floating_point_v<T>)
      if (std::isnan(v)) return;
    sorted_ = false;
    ++total_;
    if (samples_.size() < kSampleCount) {
      samples_.push_back(v);
    } else {
      uint64_t r = random(total_);
      if (r < kSampleCount) samples_[r] = v;
    }
  }

  size_t total() const { return total_; }

  void merge(const ReservoirSampler& b) {
    sorted_ = false;
    if (b.total_ <= kSampleCount) {
      for (size_t i = 0; i < b.samples_.size(); ++i) insert(b.samples_[i]);
    } else if (total_ <= kSampleCount) {
      PODArray<T> from;
      from.swap(samples_);
      samples_.assign(b.samples_.begin(), b.samples_.end());
      total_ = b.total_;
      for (size_t i = 0; i < from.size(); ++i) insert(from[i]);
    } else {
      for (size_t i = 1; i < samples_.size(); ++i) std::swap(samples_[i], samples_[random(i + 1)]);
      total_ += b.total_;
      for (size_t i = 0; i < kSampleCount; ++i) {
        uint64_t r = random(total_);
        if (r < b.total_) samples_[i] = b.samples_[i];
      }
    }
  }

  /// Linear interpolation between the neighbours of position level * (n - 1); nan when empty.
  double quantileInterpolated(double level) {
    if (samples_.empty()) return std::nan("");
    sortIfNeeded();
    double index = std::max(0., std::min(double(samples_.size()) - 1., level * double(samples_.size() - 1)));
    size_t left = size_t(index);
    size_t right = left + 1;
    if (right == samples_.size()) return double(samples_[left]);
    double left_coef = double(right) - index;
    double right_coef = index - double(left);
    return double(samples_[left]) * left_coef + double(samples_[right]) * right_coef;
  }

  void write(WriteBuffer& out) const {
    writePodBinary(uint64_t(kSampleCount), out);
    writePodBinary(uint64_t(total_), out);
    writeStringBinary(std::to_string(Pcg32Fast::kMultiplier) + " 0 " + std::to_string(rng_.state), out);
    size_t n = std::min<size_t>(kSampleCount, total_);
    for (size_t i = 0; i < n; ++i) writePodBinary(samples_[i], out);
  }

  void read(ReadBuffer& in) {
    uint64_t sample_count = readPodBinary<uint64_t>(in);
    if (sample_count != kSampleCount)
      throw Exception(ErrorCodes::INCORRECT_DATA, "Cannot read a reservoir sample of {} values", sample_count);
    total_ = readPodBinary<uint64_t>(in);
    size_t len = readSizeBinary(in, 1024);
    std::string rng_text(len, '\0');
    in.readStrict(rng_text.data(), len);
    size_t last_space = rng_text.rfind(' ');
    uint64_t state = 0;
    std::string_view digits = std::string_view(rng_text).substr(last_space == std::string::npos ? 0 : last_space + 1);
    std::from_chars(digits.data(), digits.data() + digits.size(), state);
    rng_.state = state;
    size_t n = std::min<size_t>(kSampleCount, total_);
    samples_.resize(n);
    for (size_t i = 0; i < n; ++i) samples_[i] = readPodBinary<T>(in);
    sorted_ = false;
  }

 private:
  uint64_t random(uint64_t limit) {
    if (limit <= 0xFFFFFFFFULL) return uint32_t(rng_()) % uint32_t(limit);
    uint64_t high = rng_();
    uint64_t low = rng_();
    return (high * 0x100000000ULL + low) % limit;
  }
  void sortIfNeeded() {
    if (sorted_) return;
    sorted_ = true;
    std::sort(samples_.begin(), samples_.end());
  }

  PODArray<T> samples_;
  uint64_t total_ = 0;
  Pcg32Fast rng_;
  bool sorted_ = false;
};

}  // namespace tally
