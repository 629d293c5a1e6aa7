#pragma once
// Sequences of UInt64 values generated block by block, never materialised: system.numbers and
// system.numbers_mt (unbounded), and the tables behind numbers(...) / numbers_mt(...).
//
// Row i holds offset + i * step (wrapping modulo 2^64). Streams claim consecutive ranges of
// rows from a shared atomic counter, so with one stream the rows come in order and with several
// they are split without overlap. Unbounded sequences end only when the query stops reading
// (LIMIT reached, cancellation).

#include <optional>

#include "storage/storage.h"

namespace tally {

class StorageNumbers final : public IStorage {
 public:
  /// `rows`: number of rows, nullopt for an unbounded sequence. `multithreaded`: whether
  /// reads may use several streams (numbers_mt) or always one (numbers, ordered).
  StorageNumbers(bool multithreaded, std::optional<uint64_t> rows, uint64_t offset = 0, uint64_t step = 1,
                 std::string column_name = "number");

  std::string engineName() const override { return "SystemNumbers"; }
  bool isSystemTable() const override { return true; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  std::optional<uint64_t> totalRows() const override { return rows_; }

 private:
  bool multithreaded_;
  std::optional<uint64_t> rows_;
  uint64_t offset_, step_;
};

/// system.zeros / zeros(N) / zeros_mt(N): a column `zero` UInt8 of zeros, generated the same
/// way (rows claimed from a shared counter, unbounded when `rows` is nullopt).
class StorageZeros final : public IStorage {
 public:
  StorageZeros(bool multithreaded, std::optional<uint64_t> rows);

  std::string engineName() const override { return "SystemZeros"; }
  bool isSystemTable() const override { return true; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  std::optional<uint64_t> totalRows() const override { return rows_; }

 private:
  bool multithreaded_;
  std::optional<uint64_t> rows_;
};

}  // namespace tally
