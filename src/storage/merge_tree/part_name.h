#pragma once
// A data part's name: <partition_id>_<min_block>_<max_block>_<level>[_<mutation>], as ClickHouse names
// parts. Blocks are numbered per table in insert order; a merged part covers the block range of
// its sources and has a higher level.

#include <cstdint>
#include <optional>
#include <string>

namespace tally {

struct PartName {
  std::string partition_id;
  int64_t min_block = 0;
  int64_t max_block = 0;
  uint32_t level = 0;
  int64_t mutation = 0;  // data version: the mutation that rewrote the part (0: none)

  std::string str() const;
  /// nullopt for names that are not part names (tmp_*, detached, ...).
  static std::optional<PartName> parse(const std::string& name);
  /// Whether this part's block range covers `other`'s (same partition).
  bool contains(const PartName& other) const {
    return partition_id == other.partition_id && min_block <= other.min_block && other.max_block <= max_block &&
           level >= other.level && mutation >= other.mutation;
  }
  bool operator<(const PartName& o) const {
    if (partition_id != o.partition_id) return partition_id < o.partition_id;
    if (min_block != o.min_block) return min_block < o.min_block;
    if (max_block != o.max_block) return max_block < o.max_block;
    if (level != o.level) return level < o.level;
    return mutation < o.mutation;
  }
};

}  // namespace tally
