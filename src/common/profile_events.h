#pragma once
// Process-wide event counters (system.events, /metrics): each is a relaxed atomic incremented
// where the event happens. Add one to the list; system.events picks it up.

#include <atomic>
#include <cstdint>

namespace tally::ProfileEvents {

// M(name, description)
#define TALLY_PROFILE_EVENTS(M)                                                \
  M(Query, "Queries started (outermost statements).")                         \
  M(SelectQuery, "SELECT queries started.")                                   \
  M(InsertQuery, "INSERT queries started.")                                   \
  M(FailedQuery, "Queries that ended with an exception.")                     \
  M(FailedSelectQuery, "SELECT queries that ended with an exception.")       \
  M(FailedInsertQuery, "INSERT queries that ended with an exception.")       \
  M(InsertedRows, "Rows inserted into tables by INSERT queries.")             \
  M(InsertedBytes, "Bytes (uncompressed) inserted by INSERT queries.")        \
  M(SelectedRows, "Rows read by queries from tables and files.")              \
  M(SelectedBytes, "Bytes read by queries from tables and files.")            \
  M(MergedParts, "Merges of data parts done by the background merger.")       \
  M(AsyncInsertFlushes, "Buffers of asynchronous inserts written.")         \
  M(ViewsCollapsedSourceRows, "Inserted rows collapsed once for the materialized views that count them.") \
  M(ViewsCollapsedRows, "Distinct rows those views read instead.")                             \
  M(UncompressedCacheHits, "Column frames of parts found decompressed in the uncompressed cache.") \
  M(UncompressedCacheMisses, "Column frames of parts looked up in the uncompressed cache and read.")

enum Event : uint32_t {
#define M(NAME, DESCRIPTION) NAME,
  TALLY_PROFILE_EVENTS(M)
#undef M
      kCount
};

extern std::atomic<uint64_t> counters[kCount];
const char* name(Event e);
const char* description(Event e);

inline void increment(Event e, uint64_t amount = 1) { counters[e].fetch_add(amount, std::memory_order_relaxed); }
inline uint64_t value(Event e) { return counters[e].load(std::memory_order_relaxed); }

}  // namespace tally::ProfileEvents
