#pragma once
// An api::Result over a TabSeparatedWithNamesAndTypes body (what RemoteConnection::query reads
// from the server): all rows in one chunk, values kept as text and converted on access; `\N`
// is NULL.

#include <memory>
#include <string>
#include <vector>

#include "tally/tally.h"

namespace tally::cli {

/// Parses `body` (TSVWithNamesAndTypes). Throws Error(INCORRECT_DATA) when it is malformed.
std::unique_ptr<api::Result> parseTextResult(const std::string& body);

}  // namespace tally::cli
