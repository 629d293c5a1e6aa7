#pragma once
// The PyPI downloads app served by `tally server` beside ClickHouse's HTTP interface
// (docs/pypi_app.md): pages and static files of the front end, the widget API, the
// pypistats.org-compatible API, badges and the data-freshness metric. It creates its schema
// (apps/pypi/schema.sql) and the read-only `play` user on start.

#include <memory>
#include <string>

#include "server/http_app.h"
#include "tally/tally.h"

namespace tally::pypi {

struct PypiAppOptions {
  std::string database = "pypi";
  std::string raw_table = "pypi";
  std::string web_dir;  // the built front end (index.html, assets/); empty: pages answer 503
};

/// Creates the schema and the `play` user if missing (idempotent). Throws api::Error.
void createPypiSchema(api::Database& database);

/// The app; its queries run on `database` as the `default` user.
std::shared_ptr<server::HttpApp> makePypiApp(std::shared_ptr<api::Database> database, PypiAppOptions options);

}  // namespace tally::pypi
