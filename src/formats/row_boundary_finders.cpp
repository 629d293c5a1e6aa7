// Row boundary finders (registerRowBoundaryFinder) for parallel parsing: given a range of input
// that starts at a row start, the end of its last complete row, so that the range up to there
// can be parsed on its own.
//   TabSeparated family — the last line feed not escaped by a backslash;
//   CSV family          — the last line feed outside double quotes (counted from the range start);
//   JSONEachRow, JSONAsString, JSONCompactEachRow — the end of the last complete top-level value
//                         (braces balanced outside strings); a top-level [...] array is not cut;
//   LineAsString        — the last line feed.

#include <cstring>

#include "formats/char_scan.h"
#include "formats/format.h"
#include "formats/json_object_text.h"

namespace tally {

namespace row_boundary_finders {

const char* afterLastLineFeed(const char* begin, const char* end) {
  if (begin == end) return begin;
  const void* nl = memrchr(begin, '\n', size_t(end - begin));
  return nl ? static_cast<const char*>(nl) + 1 : begin;
}

const char* tabSeparated(const char* begin, const char* end) {
  const char* limit = end;
  while (limit > begin) {
    const void* found = memrchr(begin, '\n', size_t(limit - begin));
    if (!found) return begin;
    const char* nl = static_cast<const char*>(found);
    // A line feed preceded by an odd number of backslashes is an escaped one inside a value.
    size_t backslashes = 0;
    for (const char* p = nl; p > begin && p[-1] == '\\'; --p) ++backslashes;
    if (backslashes % 2 == 0) return nl + 1;
    limit = nl;
  }
  return begin;
}

const char* csv(const char* begin, const char* end) {
  const char* last = begin;
  bool quoted = false;
  const char* p = begin;
  while (p < end) {
    if (quoted) {
      p = findFirstOf<'"'>(p, end);
      if (p == end) break;
      quoted = false;  // a doubled quote re-enters the quoted state on the next byte
      ++p;
    } else {
      p = findFirstOf<'"', '\n'>(p, end);
      if (p == end) break;
      if (*p == '"')
        quoted = true;
      else
        last = p + 1;
      ++p;
    }
  }
  return last;
}

}  // namespace row_boundary_finders

REGISTER_FORMAT(RowBoundaryFinders) {
  using namespace row_boundary_finders;
  for (const char* name : {"TabSeparated", "TabSeparatedWithNames", "TabSeparatedWithNamesAndTypes", "TabSeparatedRaw",
                           "TabSeparatedRawWithNames", "TabSeparatedRawWithNamesAndTypes"})
    factory.registerRowBoundaryFinder(name, tabSeparated);
  for (const char* name : {"CSV", "CSVWithNames", "CSVWithNamesAndTypes"}) factory.registerRowBoundaryFinder(name, csv);
  auto objects = [](const char* begin, const char* end) { return findEndOfLastJSONValue(begin, end, false); };
  auto arrays = [](const char* begin, const char* end) { return findEndOfLastJSONValue(begin, end, true); };
  for (const char* name : {"JSONEachRow", "JSONAsString"}) factory.registerRowBoundaryFinder(name, objects);
  for (const char* name : {"JSONCompactEachRow", "JSONCompactEachRowWithNames", "JSONCompactEachRowWithNamesAndTypes",
                           "JSONCompactStringsEachRow", "JSONCompactStringsEachRowWithNames",
                           "JSONCompactStringsEachRowWithNamesAndTypes"})
    factory.registerRowBoundaryFinder(name, arrays);
  factory.registerRowBoundaryFinder("LineAsString", afterLastLineFeed);
}

}  // namespace tally
