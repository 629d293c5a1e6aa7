#pragma once
// What the PyPI app's request handlers share: the query runner, the rollup chooser, options.

#include <string>

#include "query_runner.h"
#include "rollup_chooser.h"
#include "server/http_app.h"

namespace tally::pypi {

struct AppContext {
  QueryRunner& runner;
  RollupChooser& chooser;
  std::string database;
  /// The playground widgets link to ("/play" on this server); empty: no Play links.
  std::string play_url = "/play";
};

/// JSON error response: {"error": message, "code": code}.
server::AppResponse jsonError(unsigned status, const std::string& message, int code = 0);

/// The pypistats.org-compatible API (/api/packages/<package>/<endpoint>).
server::AppResponse handlePypistats(AppContext& context, const std::string& path, const std::string& query_string);
/// Badges (/badge/<package>[/month|/week]).
server::AppResponse handleBadge(AppContext& context, const std::string& path, const std::string& query_string);
/// The widget API (/api/app/widgets/<name>).
server::AppResponse handleWidget(AppContext& context, const std::string& name, const std::string& query_string);

/// Whether `package` has downloads; and up to 5 known names close to it.
bool packageExists(AppContext& context, const std::string& package);
std::vector<std::string> suggestPackages(AppContext& context, const std::string& package);

}  // namespace tally::pypi
