#pragma once
// One line of a BigQuery newline-delimited JSON export of `file_downloads` (the shape linehaul
// loads: `timestamp`, `country_code`, `project`, `file{...}`, `details{installer, python,
// system, ci, ...}`), or of the flattened ClickPy export (`installer`, `python`, `system` at the
// top level; no `ci`, so ci is 'unknown'), mapped to a `pypi.pypi` row.

#include <memory>
#include <string>
#include <string_view>

#include "download_row.h"

namespace tally::pypi::ingest {

class JsonRowParser {
 public:
  JsonRowParser();
  ~JsonRowParser();
  /// True and `row` filled (strings valid until the next call), or false with reason().
  bool parse(std::string_view line, DownloadRow& row);
  const std::string& reason() const { return reason_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string reason_;
};

/// UTC date (days since 1970-01-01) of a BigQuery timestamp text: "2021-01-07 20:54:54 UTC",
/// "2021-01-07 20:54:54.123 +00:00", "2021-01-07T20:54:54Z", "... +05:30"; -1 when malformed.
int32_t parseTimestampDate(std::string_view text);

}  // namespace tally::pypi::ingest
