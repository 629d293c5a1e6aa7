#include "storage/merge_tree/merge_selector.h"

#include <algorithm>

namespace tally {

namespace {

double toUnit(double value, double low, double high) {
  if (high <= low) return value >= high ? 1 : 0;
  return std::clamp((value - low) / (high - low), 0.0, 1.0);
}

}  // namespace

std::pair<size_t, size_t> selectMergeRange(const std::vector<MergeSelectorPart>& parts,
                                           const MergeSelectorSettings& settings,
                                           const std::function<bool(size_t, size_t)>& can_merge) {
  const size_t n = parts.size();
  if (n < 2) return {0, 0};
  const double crowded = toUnit(double(n), double(settings.min_parts_to_lower_base), double(settings.max_parts_to_lower_base));
  const double fixed = double(settings.fixed_cost_bytes);
  std::pair<size_t, size_t> best{0, 0};
  double best_score = 0;
  for (size_t begin = 0; begin + 1 < n; ++begin) {
    uint64_t sum = parts[begin].bytes;
    uint64_t largest = parts[begin].bytes;
    int64_t youngest = parts[begin].age_seconds;
    for (size_t end = begin + 2; end <= n && end - begin <= settings.max_parts; ++end) {
      const MergeSelectorPart& p = parts[end - 1];
      sum += p.bytes;
      largest = std::max(largest, p.bytes);
      youngest = std::min(youngest, p.age_seconds);
      if (sum > settings.max_bytes) break;
      const size_t count = end - begin;
      const double aged = toUnit(double(youngest), 0, double(settings.lower_base_after_seconds));
      const double lowering = std::min(1.0, aged + crowded);
      const double base = settings.base + (settings.lowered_base - settings.base) * lowering;
      if ((double(sum) + double(count) * fixed) / (double(largest) + fixed) < base) continue;
      const double score = (double(sum) + double(count) * fixed) / (double(count) - 1.9);
      if (best.second != 0 && score >= best_score) continue;
      if (!can_merge(begin, end)) continue;
      best = {begin, end};
      best_score = score;
    }
  }
  return best;
}

}  // namespace tally
