#pragma once
// system.dictionaries: one row per dictionary of the engine, with ClickHouse's columns
// (status, key and attribute names/types, bytes_allocated, query_count, found_rate,
// element_count, load_factor, source, lifetime, load times, last_exception, ...).

#include <memory>

#include "dictionaries/dictionary_registry.h"
#include "storage/storage.h"

namespace tally {

StoragePtr createSystemDictionaries(std::shared_ptr<DictionaryRegistry> registry);

}  // namespace tally
