#include "client/text_result.h"

#include <cstdlib>

namespace tally::cli {

namespace {

// One TSV field with its escapes undone; `null` when it is exactly `\N`.
std::string unescape(std::string_view field, bool& null) {
  null = field == "\\N";
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    if (c != '\\' || i + 1 == field.size()) {
      out.push_back(c);
      continue;
    }
    char e = field[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case '0': out.push_back('\0'); break;
      default: out.push_back(e);
    }
  }
  return out;
}

class TextResult final : public api::Result {
 public:
  std::vector<std::string> names, types;
  std::vector<std::vector<std::string>> cells;  // [row][column]
  std::vector<std::vector<bool>> nulls;
  bool started = false;

  size_t columnCount() const override { return names.size(); }
  const std::string& columnName(size_t c) const override { return names.at(c); }
  std::string columnType(size_t c) const override { return types.at(c); }
  bool next() override {
    if (started) return false;
    started = true;
    return true;
  }
  size_t rows() const override { return started ? cells.size() : 0; }
  bool isNull(size_t c, size_t r) const override { return nulls.at(r).at(c); }
  int64_t getInt64(size_t c, size_t r) const override { return std::strtoll(cells.at(r).at(c).c_str(), nullptr, 10); }
  uint64_t getUInt64(size_t c, size_t r) const override { return std::strtoull(cells.at(r).at(c).c_str(), nullptr, 10); }
  double getDouble(size_t c, size_t r) const override { return std::strtod(cells.at(r).at(c).c_str(), nullptr); }
  std::string getString(size_t c, size_t r) const override { return cells.at(r).at(c); }
};

}  // namespace

std::unique_ptr<api::Result> parseTextResult(const std::string& body) {
  auto result = std::make_unique<TextResult>();
  size_t line_no = 0, start = 0;
  while (start < body.size()) {
    size_t nl = body.find('\n', start);
    if (nl == std::string::npos) nl = body.size();
    std::string_view line(body.data() + start, nl - start);
    start = nl + 1;
    std::vector<std::string> values;
    std::vector<bool> nulls;
    for (size_t pos = 0;;) {
      size_t tab = line.find('\t', pos);
      bool null;
      values.push_back(unescape(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos), null));
      nulls.push_back(null);
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (line_no == 0) result->names = std::move(values);
    else if (line_no == 1) result->types = std::move(values);
    else {
      if (values.size() != result->names.size())
        throw api::Error(117, "INCORRECT_DATA", "Malformed TSVWithNamesAndTypes result from the server at row " +
                                                    std::to_string(line_no - 1));
      result->cells.push_back(std::move(values));
      result->nulls.push_back(std::move(nulls));
    }
    ++line_no;
  }
  return result;
}

}  // namespace tally::cli
