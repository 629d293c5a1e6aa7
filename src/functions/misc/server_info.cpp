// Constant facts about the server and the session: version, revision, currentDatabase,
// currentUser, timezone, serverTimezone, hostName, displayName, uptime, queryID,
// initialQueryID. Each returns a constant column; values come from the FunctionContext
// captured when the function object is created for the query.

#include <unistd.h>

#include <chrono>

#include "columns/column_const.h"
#include "common/exception.h"
#include "common/time_zone.h"
#include "common/version.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace server_info {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// A function without arguments whose value is fixed when the function object is created.
class FunctionConstantValue final : public IFunction {
 public:
  FunctionConstantValue(std::string name, DataTypePtr type, Field value, bool deterministic)
      : name_(std::move(name)), type_(std::move(type)), value_(std::move(value)), deterministic_(deterministic) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 0; }
  bool isDeterministic() const override { return deterministic_; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName&) const override { return type_; }
  ColumnPtr execute(const ColumnsWithTypeAndName&, const DataTypePtr&, size_t rows) const override {
    return type_->createColumnConst(rows, value_);
  }

 private:
  std::string name_;
  DataTypePtr type_;
  Field value_;
  bool deterministic_;
};

std::string hostName() {
  char buf[256] = {};
  if (gethostname(buf, sizeof(buf) - 1) != 0) return "localhost";
  return buf;
}

/// Process start, taken when the functions library is loaded.
const std::chrono::steady_clock::time_point kStartTime = std::chrono::steady_clock::now();

using ValueOf = Field (*)(const FunctionContext&);

void add(FunctionFactory& factory, const char* name, DataTypePtr (*type)(), ValueOf value, bool deterministic,
         const char* description, FunctionFactory::CaseSensitivity cs = FunctionFactory::CaseSensitive) {
  std::string n = name;
  factory.registerFunction(
      n,
      [n, type, value, deterministic](const FunctionContext& context) {
        return std::make_shared<FunctionConstantValue>(n, type(), value(context), deterministic);
      },
      makeDoc(description, (n + "()").c_str(), "Other"), cs);
}

const TimeZone& sessionZone(const FunctionContext& c) {
  return c.session_time_zone ? *c.session_time_zone : TimeZone::defaultZone();
}

}  // namespace server_info

REGISTER_FUNCTION(ServerInfo) {
  using namespace server_info;
  auto ci = FunctionFactory::CaseInsensitive;
  add(
      factory, "version", typeString, [](const FunctionContext&) { return Field(kClickHouseCompatibleVersion); }, true,
      "The server version in ClickHouse's four-part form.", ci);
  add(
      factory, "revision", typeUInt32, [](const FunctionContext&) { return Field(uint64_t(kProtocolRevision)); }, true,
      "The server revision.");
  add(
      factory, "currentDatabase", typeString, [](const FunctionContext& c) { return Field(c.current_database); }, false,
      "The current database.");
  factory.registerAlias("DATABASE", "currentDatabase", ci);
  factory.registerAlias("SCHEMA", "currentDatabase", ci);
  factory.registerAlias("current_database", "currentDatabase", ci);
  add(
      factory, "currentUser", typeString, [](const FunctionContext& c) { return Field(c.current_user); }, false,
      "The current user.");
  factory.registerAlias("user", "currentUser", ci);
  factory.registerAlias("current_user", "currentUser", ci);
  add(
      factory, "timezone", typeString, [](const FunctionContext& c) { return Field(sessionZone(c).name()); }, false,
      "The time zone of the session (or the server's).");
  factory.registerAlias("timeZone", "timezone");
  add(
      factory, "serverTimezone", typeString,
      [](const FunctionContext&) { return Field(TimeZone::defaultZone().name()); }, false,
      "The time zone of the server.");
  factory.registerAlias("serverTimeZone", "serverTimezone");
  add(
      factory, "hostName", typeString, [](const FunctionContext&) { return Field(hostName()); }, false,
      "The name of the host the server runs on.");
  factory.registerAlias("hostname", "hostName");
  add(
      factory, "displayName", typeString, [](const FunctionContext&) { return Field(hostName()); }, false,
      "The display name of the server (its host name).");
  add(
      factory, "uptime", typeUInt32,
      [](const FunctionContext&) {
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - kStartTime);
        return Field(uint64_t(seconds.count()));
      },
      false, "Seconds since the server started.");
  add(
      factory, "queryID", typeString, [](const FunctionContext& c) { return Field(c.query_id); }, false,
      "The id of the current query.");
  factory.registerAlias("query_id", "queryID");
  add(
      factory, "initialQueryID", typeString, [](const FunctionContext& c) { return Field(c.query_id); }, false,
      "The id of the initial query (the current one: queries are not distributed).");
  factory.registerAlias("initial_query_id", "initialQueryID");
}

}  // namespace tally
