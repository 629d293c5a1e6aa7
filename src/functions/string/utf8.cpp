#include "functions/string/utf8.h"

#include <locale.h>

#include <clocale>
#include <cwctype>

namespace tally::utf8 {

namespace case_tables {
/// glibc's C.UTF-8 locale carries the full Unicode simple case tables; created once.
locale_t unicodeLocale() {
  static locale_t loc = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(0));
    if (!l) l = newlocale(LC_CTYPE_MASK, "C.utf8", locale_t(0));
    return l;
  }();
  return loc;
}

/// Titlecase letters (Lt) have no single other case in ClickHouse's tables: kept as they are.
bool isTitlecase(uint32_t cp) {
  return cp == 0x01C5 || cp == 0x01C8 || cp == 0x01CB || cp == 0x01F2 || (cp >= 0x1F88 && cp <= 0x1F8F) ||
         (cp >= 0x1F98 && cp <= 0x1F9F) || (cp >= 0x1FA8 && cp <= 0x1FAF) || cp == 0x1FBC || cp == 0x1FCC ||
         cp == 0x1FFC;
}

}  // namespace case_tables

uint32_t toLowerCodePoint(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (case_tables::isTitlecase(cp)) return cp;
  locale_t loc = case_tables::unicodeLocale();
  return loc ? uint32_t(towlower_l(wint_t(cp), loc)) : cp;
}

uint32_t toUpperCodePoint(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  if (case_tables::isTitlecase(cp)) return cp;
  // ClickHouse maps a lower-case letter to the "other case" of its caseless set, which for
  // these Greek and Latin variants is another lower-case letter.
  switch (cp) {
    case 0x0345: return cp;
    case 0x03B9: return 0x0345;
    case 0x03BC: return 0x00B5;
    case 0x03C2: return 0x03C3;
    case 0x03D0: return 0x03B2;
    case 0x03D1: return 0x03B8;
    case 0x03D5: return 0x03C6;
    case 0x03D6: return 0x03C0;
    case 0x03F0: return 0x03BA;
    case 0x03F1: return 0x03C1;
    case 0x03F5: return 0x03B5;
    case 0x1E9B: return 0x1E61;
    default: break;
  }
  locale_t loc = case_tables::unicodeLocale();
  return loc ? uint32_t(towupper_l(wint_t(cp), loc)) : cp;
}

}  // namespace tally::utf8
