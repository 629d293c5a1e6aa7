#include <map>

#include "widget.h"

namespace tally::pypi {

const Widget* findWidget(const std::string& name) {
  static const std::map<std::string, Widget> registry = [] {
    std::map<std::string, Widget> r;
    for (auto& w : landingWidgets()) r.emplace(w.name, w);
    for (auto& w : packageWidgets()) r.emplace(w.name, w);
    return r;
  }();
  auto it = registry.find(name);
  return it == registry.end() ? nullptr : &it->second;
}

}  // namespace tally::pypi
