#pragma once
// The TabSeparated family: one reader and one writer serve every variant; this table names
// them (aliases such as TSV are registered once, with the input side).

namespace tally {

struct TabSeparatedVariant {
  const char* name;
  bool with_names, with_types, raw;
};

inline constexpr TabSeparatedVariant kTabSeparatedVariants[] = {
    {"TabSeparated", false, false, false},
    {"TabSeparatedRaw", false, false, true},
    {"TabSeparatedWithNames", true, false, false},
    {"TabSeparatedWithNamesAndTypes", true, true, false},
    {"TabSeparatedRawWithNames", true, false, true},
    {"TabSeparatedRawWithNamesAndTypes", true, true, true},
};

}  // namespace tally
