// system.time_zones: the IANA time zone names available to the server (the TZif files under
// /usr/share/zoneinfo, without the posix/ and right/ copies), sorted.

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

namespace storage_system_time_zones {

std::vector<std::string> listTimeZones(const std::filesystem::path& root) {
  std::vector<std::string> names;
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(root, std::filesystem::directory_options::skip_permission_denied,
                                                   ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::string relative = it->path().lexically_relative(root).string();
    if (it->is_directory(ec)) {
      if (relative == "posix" || relative == "right") it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::ifstream file(it->path(), std::ios::binary);
    char magic[4] = {};
    if (!file.read(magic, 4) || std::string_view(magic, 4) != "TZif") continue;
    names.push_back(relative);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace storage_system_time_zones

class StorageSystemTimeZones final : public SystemTable {
 public:
  StorageSystemTimeZones() : SystemTable("SystemTimeZones", {{"time_zone", "String"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    static const std::vector<std::string> zones = storage_system_time_zones::listTimeZones("/usr/share/zoneinfo");
    for (const auto& zone : zones) columns[0]->insert(Field(zone));
  }
};

StoragePtr createSystemTimeZones() { return std::make_shared<StorageSystemTimeZones>(); }

}  // namespace tally
