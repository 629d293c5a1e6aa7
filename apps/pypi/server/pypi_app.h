#pragma once
// The PyPI downloads app served by `tally server` beside ClickHouse's HTTP interface
// (docs/pypi_app.md): pages and static files of the front end, the widget API, the
// pypistats.org-compatible API, badges and the data-freshness metric. It creates its schema
// (apps/pypi/schema.sql) and the read-only `play` user on start.

#include <functional>
#include <memory>
#include <string>

#include "server/http_app.h"
#include "tally/tally.h"

namespace tally::pypi {

struct PypiAppOptions {
  std::string database = "pypi";
  std::string raw_table = "pypi";
  std::string web_dir;  // the built front end (index.html, assets/); empty: pages answer 503
  /// Where the app's queries run. Unset: the embedded database given to makePypiApp. Set (e.g.
  /// connections to an existing ClickPy-style ClickHouse): every query goes through it, and the
  /// catalog the rollup chooser reads is that server's.
  std::function<std::unique_ptr<api::Connection>()> connect;
  /// What widgets' Play links open: this server's playground by default; empty: no Play links
  /// (the playground queries the embedded database, not a remote one).
  std::string play_url = "/play";
};

/// Creates the schema and the `play` user if missing (idempotent). Throws api::Error.
void createPypiSchema(api::Database& database);

/// The app; its queries run on `database` as the `default` user, or through options.connect.
std::shared_ptr<server::HttpApp> makePypiApp(std::shared_ptr<api::Database> database, PypiAppOptions options);

}  // namespace tally::pypi
