#include "pypi_app.h"

#include <chrono>
#include <ctime>

#include "app_context.h"
#include "json_text.h"
#include "pypi/ingest/pypi_database.h"
#include "response_cache.h"
#include "static_files.h"
#include "url_query.h"

namespace tally::pypi {

namespace {

/// ClickPy's public `play` role: read-only, its limits (scripts/create_user.sh of ClickPy).
constexpr const char* kPlayUserSql[] = {
    "CREATE SETTINGS PROFILE IF NOT EXISTS pypi_play SETTINGS readonly = 1, max_execution_time = 60, "
    "max_rows_to_read = 10000000000, max_bytes_to_read = 1000000000000, max_memory_usage = 20000000000, "
    "max_result_rows = 1000, max_result_bytes = 10000000, result_overflow_mode = 'break'",
    "CREATE USER IF NOT EXISTS play IDENTIFIED WITH no_password SETTINGS PROFILE pypi_play",
    "GRANT SELECT, dictGet ON pypi.* TO play",
};

class PypiApp final : public server::HttpApp {
 public:
  PypiApp(std::shared_ptr<api::Database> database, PypiAppOptions options)
      : options_(std::move(options)),
        runner_(options_.connect ? options_.connect : [database] { return database->connect(); }),
        chooser_(runner_, options_.database, options_.raw_table),
        files_(options_.web_dir),
        context_{runner_, chooser_, options_.database, options_.play_url},
        cache_(runner_, options_.database, options_.raw_table) {}

  bool handles(const server::AppRequest& r) const override {
    const std::string& p = r.path;
    if (p == "/") return r.query_string.empty() && r.accept.find("text/html") != std::string::npos;
    return p.starts_with("/dashboard/") || p == "/compare" || p.starts_with("/assets/") || p == "/favicon.svg" ||
           p.starts_with("/api/app/") || p.starts_with("/api/packages/") || p.starts_with("/badge/");
  }

  server::AppResponse handle(const server::AppRequest& r) override {
    try {
      const std::string& p = r.path;
      if (p.starts_with("/api/app/widgets/")) return handleWidget(context_, p.substr(17), r.query_string);
      if (p.starts_with("/api/packages/") || p.starts_with("/badge/")) {
        // Polled by tools and READMEs: answered from the cache while the data is unchanged.
        const std::string key = p + "?" + r.query_string;
        std::string version;
        if (auto hit = cache_.get(key, version)) return std::move(*hit);
        server::AppResponse out = p.starts_with("/badge/") ? handleBadge(context_, p, r.query_string)
                                                           : handlePypistats(context_, p, r.query_string);
        cache_.put(key, out, version);
        return out;
      }
      if (p.starts_with("/api/app/")) return jsonError(404, "Unknown API path " + p);
      if (p.starts_with("/assets/") || p == "/favicon.svg") return asset(p.substr(1), r);
      return page(r);
    } catch (const api::Error& e) {
      return jsonError(500, e.displayText(), e.code());
    } catch (const std::exception& e) {
      return jsonError(500, e.what());
    }
  }

  std::string metricsText() override {
    // Freshness: seconds since the end of the newest loaded day.
    std::string newest;
    try {
      newest = runner_.scalar("SELECT toString(max(date)) FROM " + chooser_.choose({"date"}).table, {}, "");
    } catch (const api::Error&) {
      return {};
    }
    int y = 0, m = 0, d = 0;
    if (std::sscanf(newest.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return {};
    auto day = std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(unsigned(m)),
                                                                 std::chrono::day(unsigned(d))));
    auto end = std::chrono::system_clock::time_point(day) + std::chrono::hours(24);
    auto age = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() - end).count();
    if (age < 0) age = 0;
    return "# HELP tally_pypi_newest_day_age_seconds Seconds since the end of the newest day with loaded downloads.\n"
           "# TYPE tally_pypi_newest_day_age_seconds gauge\n"
           "tally_pypi_newest_day_age_seconds " + std::to_string(age) + "\n"
           "# HELP tally_pypi_stale 1 when the newest loaded day is more than two days old.\n"
           "# TYPE tally_pypi_stale gauge\n"
           "tally_pypi_stale " + std::string(age > 2 * 86400 ? "1" : "0") + "\n";
  }

 private:
  server::AppResponse asset(const std::string& relative, const server::AppRequest& r) {
    auto f = files_.get(relative);
    if (!f) return jsonError(404, "No file /" + relative);
    server::AppResponse out;
    out.content_type = f->content_type;
    out.headers.emplace_back("ETag", f->etag);
    // Vite names assets by content hash: they never change under one name.
    out.headers.emplace_back("Cache-Control", relative.starts_with("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    if (r.if_none_match == f->etag) {
      out.status = 304;
      return out;
    }
    out.body = std::move(f->content);
    out.compressible = out.content_type.find("image/png") == std::string::npos;
    return out;
  }

  server::AppResponse page(const server::AppRequest& r) {
    server::AppResponse out;
    if (r.path.starts_with("/dashboard/")) {
      const std::string raw = percentDecode(r.path.substr(11));
      const std::string name = normalizeProjectName(raw);
      if (name != raw && isNormalizedProjectName(name)) {  // one URL per package
        out.status = 301;
        out.headers.emplace_back("Location", "/dashboard/" + name + (r.query_string.empty() ? "" : "?" + r.query_string));
        return out;
      }
      if (!isNormalizedProjectName(name) || !packageExists(context_, name)) out.status = 404;
    }
    auto index = files_.get("index.html");
    if (!index) {
      out.status = 503;
      out.content_type = "text/plain; charset=UTF-8";
      out.body = "The PyPI app's front end is not built (no index.html in '" + files_.directory() +
                 "'): run `make web`, or start the server with --pypi_web_dir.\n";
      return out;
    }
    out.content_type = index->content_type;
    out.body = index->content;
    out.headers.emplace_back("Cache-Control", "no-cache");
    return out;
  }

  PypiAppOptions options_;
  QueryRunner runner_;
  RollupChooser chooser_;
  StaticFiles files_;
  AppContext context_;
  ResponseCache cache_;
};

}  // namespace

void createPypiSchema(api::Database& database) {
  auto connection = database.connect();
  ingest::ensureSchema(*connection, "pypi");
  api::ExecuteOptions options;
  for (const char* sql : kPlayUserSql) connection->execute(sql, options);
}

std::shared_ptr<server::HttpApp> makePypiApp(std::shared_ptr<api::Database> database, PypiAppOptions options) {
  return std::make_shared<PypiApp>(std::move(database), std::move(options));
}

}  // namespace tally::pypi
