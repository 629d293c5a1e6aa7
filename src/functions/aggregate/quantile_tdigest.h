#pragma once
// t-digest (Dunning) as ClickHouse runs it for quantileTDigest: Float32 centroids (mean, count),
// compressed after every 2048 added centroids and before reading, by merging neighbours while
// their joint count stays within 4 * q * (1 - q) * epsilon * N (epsilon = 0.01); quantiles
// interpolate linearly between centroid midpoints. Following the same steps gives
// ClickHouse's results. Centroids sort by the IEEE total order of their means (NaNs last).
// State: varint centroid count + (mean, count) Float32 pairs.

#include <algorithm>
#include <cmath>
#include <cstring>

#include "common/exception.h"
#include "common/pod_array.h"
#include "functions/aggregate/state_io.h"

namespace tally {

class TDigest {
 public:
  struct Centroid {
    float mean;
    float count;
  };

  void add(float x, float count = 1) { addCentroid(Centroid{x, count}); }

  void merge(const TDigest& other) {
    for (const auto& c : other.centroids_) addCentroid(c);
  }

  bool empty() const { return centroids_.empty(); }

  /// Quantile `level` (0..1) of the digest; nan when empty. Compresses first.
  float quantile(double level) {
    compress();
    if (centroids_.size() == 1) return centroids_[0].mean;
    double x = level * double(count_);
    double prev_x = 0;
    float sum = 0;
    float prev_mean = centroids_[0].mean;
    for (const auto& c : centroids_) {
      double current_x = sum + c.count * 0.5;
      if (current_x >= x) return interpolate(float(x), float(prev_x), prev_mean, float(current_x), c.mean);
      sum += c.count;
      prev_mean = c.mean;
      prev_x = current_x;
    }
    return centroids_.back().mean;
  }

  void write(WriteBuffer& out) const {
    TDigest copy;
    copy.centroids_ = centroids_;
    copy.count_ = count_;
    copy.unmerged_ = unmerged_;
    copy.compress();
    writeVarUInt(copy.centroids_.size(), out);
    for (const auto& c : copy.centroids_) {
      writePodBinary(c.mean, out);
      writePodBinary(c.count, out);
    }
  }

  void read(ReadBuffer& in) {
    size_t n = readSizeBinary(in);
    if (n > kMaxUnmerged) throw Exception(ErrorCodes::TOO_LARGE_ARRAY_SIZE, "Too large t-digest summary size");
    centroids_.resize(n);
    count_ = 0;
    for (size_t i = 0; i < n; ++i) {
      centroids_[i].mean = readPodBinary<float>(in);
      centroids_[i].count = readPodBinary<float>(in);
      count_ += centroids_[i].count;
    }
    unmerged_ = 0;
  }

 private:
  static constexpr float kEpsilon = 0.01f;
  static constexpr uint32_t kMaxUnmerged = 2048;

  static float interpolate(float x, float x1, float y1, float x2, float y2) {
    double k = (x - x1) / (x2 - x1);
    return float(y1 + k * (y2 - y1));
  }

  /// Sort key of a float in IEEE total order.
  static uint32_t orderKey(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
  }

  void addCentroid(const Centroid& c) {
    centroids_.push_back(c);
    count_ += c.count;
    if (++unmerged_ >= kMaxUnmerged) compress();
  }

  void compress() {
    if (unmerged_ == 0) return;
    std::stable_sort(centroids_.begin(), centroids_.end(),
                     [](const Centroid& a, const Centroid& b) { return orderKey(a.mean) < orderKey(b.mean); });
    if (centroids_.size() > 3) {
      size_t l = 0;
      float sum = 0;
      for (size_t r = 1; r < centroids_.size(); ++r) {
        Centroid& left = centroids_[l];
        const Centroid& right = centroids_[r];
        float ql = float((sum + left.count * 0.5) / count_);  // in double, as ClickHouse
        float err = ql * (1 - ql);
        float qr = float((sum + left.count + right.count * 0.5) / count_);
        float err2 = qr * (1 - qr);
        if (err > err2) err = err2;
        float k = 4 * count_ * err * kEpsilon;
        if (left.count + right.count <= k) {
          left.count += right.count;
          left.mean += right.count * (right.mean - left.mean) / left.count;
        } else {
          sum += left.count;
          ++l;
          if (l != r) centroids_[l] = right;
        }
      }
      centroids_.resize(l + 1);
    }
    unmerged_ = 0;
  }

  PODArray<Centroid> centroids_;
  float count_ = 0;
  uint32_t unmerged_ = 0;
};

}  // namespace tally
