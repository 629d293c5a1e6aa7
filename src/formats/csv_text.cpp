#include "formats/csv_text.h"

#include "common/exception.h"
#include "formats/char_scan.h"

namespace tally {

namespace csv_text {

template <typename Out>
void append(Out& out, const char* from, const char* to) {
  if constexpr (std::is_same_v<Out, std::string>)
    out.append(from, to);
  else
    out.insert(from, to);
}

template <typename Out>
void readField(Out& out, ReadBuffer& in, const FormatSettings::Csv& csv) {
  if (in.eof()) return;
  char first = *in.position();
  if ((first == '"' && csv.allow_double_quotes) || (first == '\'' && csv.allow_single_quotes)) {
    char quote = first;
    in.setPosition(in.position() + 1);
    while (!in.eof()) {
      char* p = in.position();
      char* end = in.bufferEnd();
      char* stop = static_cast<char*>(std::memchr(p, quote, size_t(end - p)));
      if (!stop) {
        append(out, p, end);
        in.setPosition(end);
        continue;
      }
      append(out, p, stop);
      in.setPosition(stop + 1);
      if (!in.eof() && *in.position() == quote) {
        out.push_back(quote);
        in.setPosition(in.position() + 1);
        continue;
      }
      return;
    }
    throw Exception(ErrorCodes::CANNOT_PARSE_QUOTED_STRING,
                    "Cannot parse CSV: expected closing quote ({}) of a quoted field at end of data", quote);
  }
  size_t start = out.size();
  char delimiter = csv.delimiter;
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    const char* stop = findFirstOf4(p, end, delimiter, '\n', '\r', delimiter);
    append(out, p, stop);
    in.setPosition(const_cast<char*>(stop));
    if (stop != end) break;
  }
  if (csv.trim_whitespaces) {
    size_t size = out.size();
    while (size > start && (out[size - 1] == ' ' || out[size - 1] == '\t') && out[size - 1] != delimiter) --size;
    out.resize(size);
  }
}

}  // namespace csv_text

void readCSVField(ColumnString& column, ReadBuffer& in, const FormatSettings::Csv& csv) {
  auto& chars = column.getChars();
  size_t old = chars.size();
  try {
    csv_text::readField(chars, in, csv);
  } catch (...) {
    chars.resize(old);
    throw;
  }
  column.getOffsets().push_back(chars.size());
}

void readCSVField(std::string& out, ReadBuffer& in, const FormatSettings::Csv& csv) { csv_text::readField(out, in, csv); }

void skipCSVWhitespace(ReadBuffer& in, char delimiter) {
  while (!in.eof()) {
    char c = *in.position();
    if ((c != ' ' && c != '\t') || c == delimiter) return;
    in.setPosition(in.position() + 1);
  }
}

}  // namespace tally
