#pragma once
// Helpers for unit tests of the data formats: build blocks from value texts, write a block in
// a format to a string, read a string in a format back into one block, and print blocks as
// TabSeparated text for comparisons.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "columns/column_const.h"
#include "common/exception.h"
#include "formats/format.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "types/data_type_factory.h"

namespace tally::test {

struct ColumnSpec {
  std::string name;
  std::string type;
  /// Values in the text form CAST from String accepts; "\\N" is NULL.
  std::vector<std::string> values;
};

inline ColumnWithTypeAndName makeColumn(const ColumnSpec& spec) {
  DataTypePtr type = dataTypeFromString(spec.type);
  auto column = type->createColumn();
  FormatSettings settings;
  for (const auto& v : spec.values) {
    ReadBufferFromMemory in(v);
    type->deserializeWholeText(*column, in, settings);
  }
  return {std::move(column), type, spec.name};
}

inline Block makeBlock(const std::vector<ColumnSpec>& specs) {
  Block block;
  for (const auto& s : specs) block.insert(makeColumn(s));
  return block;
}

/// Header (names and types, no data).
inline Block makeHeader(const std::vector<std::pair<std::string, std::string>>& columns) {
  Block block;
  for (const auto& [name, type] : columns) {
    DataTypePtr t = dataTypeFromString(type);
    block.insert({t->createColumn(), t, name});
  }
  return block;
}

struct WriteOptions {
  std::vector<Block> blocks;
  std::optional<Block> totals;
  std::optional<std::pair<Block, Block>> extremes;
  OutputStatistics statistics;
  bool set_statistics = false;
};

inline std::string writeFormat(const std::string& format, const WriteOptions& options, const FormatSettings& settings) {
  std::string result;
  WriteBufferFromString out(result);
  const Block& header = options.blocks.empty() ? *options.totals : options.blocks.front();
  auto output = FormatFactory::instance().getOutput(format, out, header.cloneEmpty(), settings);
  output->writePrefix();
  for (const auto& b : options.blocks) output->write(b);
  if (options.totals) output->writeTotals(*options.totals);
  if (options.extremes) output->writeExtremes(options.extremes->first, options.extremes->second);
  if (options.set_statistics) output->setStatistics(options.statistics);
  output->finalize();
  out.finalize();
  return result;
}

inline std::string writeFormat(const std::string& format, const Block& block, const FormatSettings& settings = {}) {
  WriteOptions options;
  options.blocks.push_back(block);
  return writeFormat(format, options, settings);
}

/// Reads all of `data` in `format` into one block with the columns of `header`.
inline Block readFormat(const std::string& format, const std::string& data, const Block& header,
                        const FormatSettings& settings = {}, size_t block_size = 65536, uint64_t allow_errors_num = 0,
                        double allow_errors_ratio = 0, size_t* skipped = nullptr) {
  ReadBufferFromMemory in(data);
  auto input = FormatFactory::instance().getInput(format, in, header.cloneEmpty(), settings);
  input->setAllowErrors(allow_errors_num, allow_errors_ratio);
  Block result = header.cloneEmpty();
  std::vector<MutableColumnPtr> columns;
  for (auto& c : result) columns.push_back(c.type->createColumn());
  while (true) {
    Block b = input->read(block_size);
    if (b.rows() == 0) break;
    for (size_t i = 0; i < columns.size(); ++i) columns[i]->insertRangeFrom(*b[i].column, 0, b.rows());
  }
  for (size_t i = 0; i < columns.size(); ++i) result[i].column = std::move(columns[i]);
  if (skipped) *skipped = input->skippedRows();
  return result;
}

/// The block as TabSeparated rows (no header), for comparisons.
inline std::string toTSV(const Block& block) { return writeFormat("TabSeparated", block); }

/// Message of the exception thrown by f (and its code).
template <typename F>
std::pair<int, std::string> errorOf(F&& f) {
  try {
    f();
  } catch (const Exception& e) {
    return {e.code(), e.message()};
  }
  return {0, ""};
}

}  // namespace tally::test
