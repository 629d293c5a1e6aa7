#pragma once
// Shared machinery of the JSON functions (JSONHas, JSONExtract*, ...): the key/index path given
// by the arguments after the document, following it through a parsed document, the raw text
// form of a JSON value, and the per-block driver that parses each row once with one reused
// simdjson DOM parser (no allocation per row) and inserts the default value whenever the
// document is malformed or the path or the value does not fit.

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "columns/column.h"
#include "types/block.h"

namespace tally {
class ColumnString;
}

namespace tally::json {

using Element = simdjson::dom::element;

/// One step of a path: a key (object member) or a 1-based index (negative from the end) into
/// an array or an object; constant or read per row from argument `argument`.
struct PathStep {
  enum class Kind : uint8_t { ConstKey, ConstIndex, Key, Index };
  Kind kind = Kind::ConstKey;
  std::string key;
  int64_t index = 0;
  size_t argument = 0;
};

/// Checks the document argument (String) and the `count` path arguments from position `first`
/// (String keys or integer indexes); throws ILLEGAL_TYPE_OF_ARGUMENT like ClickHouse.
void checkJSONArguments(const std::string& function, const ColumnsWithTypeAndName& arguments, size_t first, size_t count);
std::vector<PathStep> preparePath(const ColumnsWithTypeAndName& arguments, size_t first, size_t count);

/// Follows the path for `row` from `element`; false if some step is missing. `last_key` is the
/// key of the element reached (empty after an array index).
bool followPath(const std::vector<PathStep>& path, const ColumnsWithTypeAndName& arguments, size_t row, Element& element,
                std::string_view& last_key);

/// Appends the compact JSON text of a value, as ClickHouse prints it (numbers re-formatted,
/// strings re-escaped without escaping '/').
void appendRawJSON(const Element& element, std::string& out);

/// Per-block driver: parses row by row and calls insert(to, element, last_key) -> bool for the
/// element the path reaches; inserts a default into `to` when parsing, the path or insert fails.
class JSONRowParser {
 public:
  /// `json` is the document argument's column (String, possibly constant).
  explicit JSONRowParser(const ColumnPtr& json);

  template <typename Insert>
  void run(const std::vector<PathStep>& path, const ColumnsWithTypeAndName& arguments, size_t rows, Column& to,
           Insert&& insert) {
    Element document;
    bool document_ok = false;
    if (is_const_) document_ok = parse(0, document);
    for (size_t i = 0; i < rows; ++i) {
      if (!is_const_) document_ok = parse(i, document);
      bool added = false;
      if (document_ok) {
        Element element = document;
        std::string_view last_key;
        if (followPath(path, arguments, i, element, last_key)) added = insert(to, element, last_key);
      }
      if (!added) to.insertDefault();
    }
  }

 private:
  bool parse(size_t row, Element& document);

  ColumnPtr holder_;
  const ColumnString* strings_ = nullptr;
  bool is_const_ = false;
  simdjson::dom::parser parser_;
};

}  // namespace tally::json
