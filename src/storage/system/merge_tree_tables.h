#pragma once
// The MergeTree-family tables of a catalog, for the system tables that describe them
// (system.parts, system.mutations, system.merges, the metrics).

#include <string>

#include "storage/catalog.h"
#include "storage/merge_tree/storage_merge_tree.h"

namespace tally {

/// Calls fn(database, table, storage) for every MergeTree-family table, by database and name.
template <typename F>
void forEachMergeTree(const Catalog& catalog, F&& fn) {
  for (const auto& db : catalog.databases())
    for (const auto& [name, entry] : db->tables())
      if (const auto* mt = dynamic_cast<const StorageMergeTree*>(entry.storage.get())) fn(db->name(), name, *mt);
}

}  // namespace tally
