#include "formats/json_object_text.h"

#include "common/exception.h"

namespace tally {

void readJSONObjectText(ReadBuffer& in, std::string& out) {
  size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    char* q = p;
    while (q < end) {
      char c = *q++;
      if (in_string) {
        if (escaped)
          escaped = false;
        else if (c == '\\')
          escaped = true;
        else if (c == '"')
          in_string = false;
        continue;
      }
      if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        out.append(p, q);
        in.setPosition(q);
        return;
      }
    }
    out.append(p, end);
    in.setPosition(end);
  }
  throw Exception(ErrorCodes::INCORRECT_DATA, "Unexpected end of stream while reading a JSON object");
}

const char* findEndOfLastJSONValue(const char* begin, const char* end, bool rows_are_arrays) {
  const char* p = begin;
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
  if (!rows_are_arrays && p < end && *p == '[') return begin;  // one top-level array: cannot be cut into rows
  const char* last = begin;
  size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (; p < end; ++p) {
    char c = *p;
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth > 0 && --depth == 0) {
      last = p + 1;
    }
  }
  if (last == begin) return begin;
  const char* q = last;
  while (q < end && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')) ++q;
  if (q < end && *q == ',') {
    ++q;
    while (q < end && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')) ++q;
  }
  return q;
}

}  // namespace tally
