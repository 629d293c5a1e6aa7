#pragma once
// `/play`: a self-contained SQL playground page (no external assets).

#include <string_view>

namespace tally::server {

/// The page: a query editor, one input per {name:Type} parameter found in the query, Run
/// (Ctrl+Enter) posting to the server with default_format=JSONCompact, the result as a table,
/// and elapsed time and rows read from the X-ClickHouse-Summary response header.
std::string_view playPageHtml();

}  // namespace tally::server
