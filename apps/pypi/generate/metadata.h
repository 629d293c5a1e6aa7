#pragma once
// The distribution_metadata export of the generated catalog (see metadata.cpp).

#include <cstdint>

#include "catalog.h"
#include "generator.h"

namespace tally::pypi_gen {

/// Writes DIR/distribution_metadata/000000000000.<ext>; returns its rows, adds its size to bytes.
uint64_t writeDistributionMetadata(const GenerateOptions& options, const Catalog& catalog, uint64_t& bytes);

}  // namespace tally::pypi_gen
