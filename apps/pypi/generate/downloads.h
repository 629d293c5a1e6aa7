#pragma once
// Download rows of one day, generated column by column into tally blocks shaped like
// BigQuery's file_downloads export, and the writing of a day's files.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "catalog.h"
#include "details.h"
#include "generator.h"
#include "types/block.h"

namespace tally::pypi_gen {

/// Rows per day: exactly `total` over the days, shaped by growth (~+7 %/month), the weekly
/// cycle {Mon .92, Tue-Thu 1, Fri .91, Sat/Sun .60} and holiday dips.
std::vector<uint64_t> dailyCounts(uint64_t total, int32_t first_day, uint32_t days, uint64_t seed);

/// The block header of file_downloads (names and types; `json`: timestamp as BigQuery's JSON
/// text `YYYY-MM-DD HH:MM:SS UTC`).
Block downloadsHeader(bool json);

struct DayWriter {
  const GenerateOptions& options;
  const Catalog& catalog;
  const Details& details;
  std::atomic<uint64_t>& rows_done;
  std::atomic<uint64_t>& files_done;
  std::atomic<uint64_t>& bytes_done;

  /// Writes the files of one day holding `rows` downloads.
  void writeDay(int32_t day, uint64_t rows) const;
};

}  // namespace tally::pypi_gen
