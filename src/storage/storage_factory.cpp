#include "storage/storage_factory.h"

#include "common/exception.h"

namespace tally {

StorageFactory& StorageFactory::instance() {
  static StorageFactory factory;
  return factory;
}

void StorageFactory::registerStorage(const std::string& engine, Creator creator) { creators_[engine] = std::move(creator); }

StoragePtr StorageFactory::create(const std::string& engine, const StorageCreateArguments& args) const {
  auto it = creators_.find(engine);
  if (it == creators_.end()) throw Exception(ErrorCodes::UNKNOWN_STORAGE, "Unknown table engine {}", engine);
  return it->second(args);
}

std::vector<std::string> StorageFactory::engines() const {
  std::vector<std::string> res;
  for (const auto& [n, c] : creators_) res.push_back(n);
  return res;
}

}  // namespace tally
