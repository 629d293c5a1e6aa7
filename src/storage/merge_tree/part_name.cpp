#include "storage/merge_tree/part_name.h"

#include <charconv>
#include <vector>

namespace tally {

std::string PartName::str() const {
  std::string s = partition_id + "_" + std::to_string(min_block) + "_" + std::to_string(max_block) + "_" + std::to_string(level);
  if (mutation) s += "_" + std::to_string(mutation);
  return s;
}

std::optional<PartName> PartName::parse(const std::string& name) {
  // The partition id may itself contain '_' (tuples); the last three fields are numbers.
  std::vector<size_t> underscores;
  for (size_t i = 0; i < name.size(); ++i)
    if (name[i] == '_') underscores.push_back(i);
  if (underscores.size() < 3) return std::nullopt;
  size_t n = underscores.size();
  // A fifth field is the mutation version when the part name has one more number.
  PartName p;
  if (n >= 4) {
    std::string head = name.substr(0, underscores[n - 1]);
    int64_t mutation = 0;
    auto r = std::from_chars(name.data() + underscores[n - 1] + 1, name.data() + name.size(), mutation);
    if (r.ec == std::errc() && r.ptr == name.data() + name.size()) {
      auto inner = parse(head);
      if (inner && inner->mutation == 0 && inner->partition_id.find('_') == std::string::npos) {
        inner->mutation = mutation;
        return inner;
      }
    }
  }
  auto number = [&](size_t from, size_t to, auto& out) {
    auto r = std::from_chars(name.data() + from, name.data() + to, out);
    return r.ec == std::errc() && r.ptr == name.data() + to && from < to;
  };
  p.partition_id = name.substr(0, underscores[n - 3]);
  if (p.partition_id.empty() || p.partition_id.starts_with("tmp")) return std::nullopt;
  if (!number(underscores[n - 3] + 1, underscores[n - 2], p.min_block) || !number(underscores[n - 2] + 1, underscores[n - 1], p.max_block) ||
      !number(underscores[n - 1] + 1, name.size(), p.level))
    return std::nullopt;
  if (p.min_block > p.max_block) return std::nullopt;
  return p;
}

}  // namespace tally
