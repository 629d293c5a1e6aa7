#pragma once
// generateRandom('structure'[, random_seed[, max_string_length[, max_array_length]]]) and ENGINE =
// GenerateRandom(...): an endless stream of random rows, generated block by block (stop it with
// LIMIT). Block k is generated from a seed derived from the table's seed and k, so a given seed
// always gives the same rows; with a seed the rows come on one stream, in order, and without one
// on several streams.
//
// Values as ClickHouse makes them: integers, dates, DateTime, UUID and floats from random bits,
// strings of 0..max_string_length printable ASCII characters, FixedString of random bytes,
// arrays of 0..max_array_length elements, one NULL in 16 for Nullable, enums among their values.

#include <optional>

#include "storage/storage.h"

namespace tally {

class StorageGenerateRandom final : public IStorage {
 public:
  /// `random_seed`: nullopt for a different stream each time.
  StorageGenerateRandom(ColumnsDescription columns, std::optional<uint64_t> random_seed,
                        uint64_t max_string_length = 10, uint64_t max_array_length = 10);

  std::string engineName() const override { return "GenerateRandom"; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;

 private:
  std::optional<uint64_t> random_seed_;
  uint64_t max_string_length_, max_array_length_;
};

}  // namespace tally
