#include "common/profile_events.h"

namespace tally::ProfileEvents {

std::atomic<uint64_t> counters[kCount];

const char* name(Event e) {
  static const char* const names[] = {
#define M(NAME, DESCRIPTION) #NAME,
      TALLY_PROFILE_EVENTS(M)
#undef M
  };
  return names[e];
}

const char* description(Event e) {
  static const char* const descriptions[] = {
#define M(NAME, DESCRIPTION) DESCRIPTION,
      TALLY_PROFILE_EVENTS(M)
#undef M
  };
  return descriptions[e];
}

}  // namespace tally::ProfileEvents
