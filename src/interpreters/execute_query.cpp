#include "interpreters/execute_query.h"

#include <chrono>
#include <random>

#include "access/access_store.h"
#include "analyzer/query_analyzer.h"
#include "common/exception.h"
#include "common/profile_events.h"
#include "common/time_zone.h"
#include "dictionaries/dictionary_registry.h"
#include "interpreters/access_checks.h"
#include "interpreters/interpreters.h"
#include "interpreters/query_log.h"
#include "interpreters/values_expressions.h"
#include "parser/parser.h"

namespace tally {

namespace {

std::string randomQueryId() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  uint64_t a = rng(), b = rng();
  return fmt::format("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", uint32_t(a >> 32), uint16_t(a >> 16), uint16_t(a) & 0xFFF,
                     uint16_t((b >> 48) & 0x3FFF) | 0x8000, b & 0xFFFFFFFFFFFFULL);
}

void applySettingsAST(Settings& settings, const ASTPtr& ast, const Session& session) {
  if (!ast) return;
  for (const auto& [name, value] : ast->as<ASTSetQuery>().changes) {
    session.checkSettingChange(name, value);
    settings.set(name, value);
  }
}

/// SETTINGS clauses anywhere on the statement's top level apply to the whole statement.
void applyStatementSettings(Settings& settings, const ASTPtr& ast, const Session& session) {
  switch (ast->kind) {
    case ASTKind::SelectWithUnionQuery: {
      const auto& u = ast->as<ASTSelectWithUnionQuery>();
      for (const auto& s : u.selects)
        if (s->kind == ASTKind::SelectQuery) applySettingsAST(settings, s->as<ASTSelectQuery>().settings, session);
      applySettingsAST(settings, u.settings, session);
      break;
    }
    case ASTKind::InsertQuery: {
      const auto& i = ast->as<ASTInsertQuery>();
      applySettingsAST(settings, i.settings, session);
      if (i.select) applyStatementSettings(settings, i.select, session);
      break;
    }
    case ASTKind::ExplainQuery: applyStatementSettings(settings, ast->as<ASTExplainQuery>().query, session); break;
    case ASTKind::CreateQuery:
    case ASTKind::ShowTablesQuery:
    case ASTKind::DescribeQuery:
    case ASTKind::ExistsQuery:
    case ASTKind::ShowAccessQuery:
    case ASTKind::ShowCreateQuery: applySettingsAST(settings, static_cast<const ASTQueryWithOutput&>(*ast).settings, session); break;
    default: break;
  }
}

bool isReadOnlyStatement(const IAST& ast) {
  switch (ast.kind) {
    case ASTKind::SelectWithUnionQuery:
    case ASTKind::SelectQuery:
    case ASTKind::ShowTablesQuery:
    case ASTKind::ShowCreateQuery:
    case ASTKind::DescribeQuery:
    case ASTKind::ExistsQuery:
    case ASTKind::ExplainQuery:
    case ASTKind::UseQuery:
    case ASTKind::ShowAccessQuery:
    case ASTKind::SetQuery: return true;
    default: return false;
  }
}

std::string kindName(const IAST& ast) {
  switch (ast.kind) {
    case ASTKind::SelectWithUnionQuery:
    case ASTKind::SelectQuery: return "Select";
    case ASTKind::InsertQuery: return "Insert";
    case ASTKind::CreateQuery: return "Create";
    case ASTKind::DropQuery: return "Drop";
    case ASTKind::AlterQuery: return "Alter";
    case ASTKind::RenameQuery: return "Rename";
    case ASTKind::ExplainQuery: return "Explain";
    case ASTKind::SetQuery: return "Set";
    case ASTKind::UseQuery: return "Use";
    case ASTKind::SystemQuery: return "System";
    case ASTKind::OptimizeQuery: return "Optimize";
    case ASTKind::CreateAccessEntityQuery: return "Create";
    case ASTKind::DropAccessEntityQuery: return "Drop";
    case ASTKind::GrantQuery: return "Grant";
    case ASTKind::KillQuery: return "Kill";
    default: return "Show";
  }
}

}  // namespace

namespace {
void dispatchStatement(StatementContext& sc, const ASTPtr& ast);
}  // namespace

QueryResultInfo executeQuery(Session& session, std::string_view query, QueryIO& io) {
  ParserLimits limits;
  limits.max_query_size = session.settings.max_query_size;
  limits.max_parser_depth = session.settings.max_parser_depth;
  ASTPtr ast = parseQuery(query, limits);
  return executeStatement(session, ast, query, io);
}

QueryResultInfo executeStatement(Session& session, const ASTPtr& ast_in, std::string_view query, QueryIO& io) {
  Settings settings = session.settings;
  for (const auto& [name, value] : io.settings) {
    session.checkSettingChange(name, Field(value));
    settings.setFromString(name, value);
  }
  applyStatementSettings(settings, ast_in, session);

  auto context = std::make_shared<QueryContext>(settings);
  context->query_id = io.query_id.empty() ? randomQueryId() : io.query_id;
  context->query_text = std::string(query);
  context->on_progress = io.on_progress;
  context->function_context.current_database = session.current_database;
  context->function_context.current_user = session.user;
  context->function_context.query_id = context->query_id;
  context->function_context.services = session.engine().dictionaries();  // dict* functions
  Session* session_ptr = &session;
  context->function_context.check_dict_get = [session_ptr](const std::string& database, const std::string& name) {
    requireGrant(*session_ptr, AccessType::DICT_GET, database, name);
  };
  if (!context->settings.session_timezone.empty())
    context->function_context.session_time_zone = &TimeZone::get(context->settings.session_timezone);

  MemoryTrackerGuard memory_guard(&context->memory_tracker);
  ValuesExpressionSessionScope values_scope(session);
  session.setQuerySettings(&context->settings);
  struct ResetSettings {
    Session& s;
    ~ResetSettings() { s.setQuerySettings(nullptr); }
  } reset{session};

  if (context->settings.readonly && !isReadOnlyStatement(*ast_in)) {
    bool temporary_create = ast_in->kind == ASTKind::CreateQuery && ast_in->as<ASTCreateQuery>().temporary;
    if (!(context->settings.readonly == 2 && temporary_create))
      throw Exception(ErrorCodes::READONLY, "Cannot execute query in readonly mode");
  }
  if (io.on_start) io.on_start(*context);
  ProcessList::Entry process_entry = session.engine().processes().insert(context);

  std::map<std::string, std::string> parameters = session.query_parameters;
  for (const auto& [k, v] : io.parameters) parameters[k] = v;
  ASTPtr ast = ast_in->clone();
  substituteQueryParameters(ast, parameters);

  QueryResultInfo info;
  info.query_id = context->query_id;
  info.query_kind = kindName(*ast);
  StatementContext sc{session, *context, io, info, parameters, query};
  checkStatementAccess(sc, *ast);
  // Statements run inside another on the same thread (expressions of INSERT ... VALUES) are
  // part of it: only the outermost one counts in quotas.
  static thread_local int statement_depth = 0;
  struct DepthGuard {
    int& depth;
    ~DepthGuard() { --depth; }
  } depth_guard{++statement_depth};
  const bool count_in_quotas = statement_depth == 1;
  AccessStore& access = session.engine().access();
  if (count_in_quotas) access.quotaBeginQuery(session.user);
  auto quota_usage = [&](bool failed) {
    QueryQuotaUsage u;
    Progress p = context->progress();
    u.result_rows = info.result_rows;
    u.result_bytes = info.result_bytes;
    u.read_rows = p.read_rows;
    u.read_bytes = p.read_bytes;
    u.written_bytes = p.written_bytes;
    u.execution_seconds = p.elapsed_seconds;
    u.is_insert = ast->kind == ASTKind::InsertQuery;
    u.failed = failed;
    return u;
  };
  const bool log = count_in_quotas && !session.loading_metadata && context->settings.log_queries;
  const int64_t start_us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  auto log_element = [&](QueryLogElement::Type type) {
    QueryLogElement e;
    e.type = type;
    e.start_time_us = start_us;
    e.progress = context->progress();
    e.duration_ms = uint64_t(e.progress.elapsed_seconds * 1000);
    e.result_rows = info.result_rows;
    e.result_bytes = info.result_bytes;
    e.memory_usage = uint64_t(std::max<int64_t>(0, context->memory_tracker.peak()));
    e.query = std::string(query);
    e.query_kind = info.query_kind;
    e.query_id = context->query_id;
    e.user = session.user;
    e.current_database = session.current_database;
    return e;
  };
  const bool is_select = ast->kind == ASTKind::SelectWithUnionQuery || ast->kind == ASTKind::SelectQuery;
  const bool is_insert = ast->kind == ASTKind::InsertQuery;
  if (count_in_quotas) {
    ProfileEvents::increment(ProfileEvents::Query);
    if (is_select) ProfileEvents::increment(ProfileEvents::SelectQuery);
    if (is_insert) ProfileEvents::increment(ProfileEvents::InsertQuery);
  }
  auto count_progress = [&] {
    if (!count_in_quotas) return;
    Progress p = context->progress();
    ProfileEvents::increment(ProfileEvents::SelectedRows, p.read_rows);
    ProfileEvents::increment(ProfileEvents::SelectedBytes, p.read_bytes);
    if (is_insert) {
      ProfileEvents::increment(ProfileEvents::InsertedRows, p.written_rows);
      ProfileEvents::increment(ProfileEvents::InsertedBytes, p.written_bytes);
    }
  };
  try {
    dispatchStatement(sc, ast);
  } catch (...) {
    if (count_in_quotas) {
      ProfileEvents::increment(ProfileEvents::FailedQuery);
      if (is_select) ProfileEvents::increment(ProfileEvents::FailedSelectQuery);
      if (is_insert) ProfileEvents::increment(ProfileEvents::FailedInsertQuery);
    }
    count_progress();
    if (count_in_quotas) access.quotaEndQuery(session.user, quota_usage(true));
    if (log) {
      QueryLogElement e = log_element(QueryLogElement::Type::ExceptionWhileProcessing);
      Exception ex = currentException();
      e.exception_code = ex.code();
      e.exception = ex.displayText();
      logQuery(session.engine(), e);
    }
    throw;
  }
  count_progress();
  if (count_in_quotas) access.quotaEndQuery(session.user, quota_usage(false));
  if (log) logQuery(session.engine(), log_element(QueryLogElement::Type::QueryFinish));
  info.progress = context->progress();
  info.inserted_rows = context->insertedRows();
  info.insert_deduplicated = context->insertDeduplicated();
  return info;
}

namespace {
void dispatchStatement(StatementContext& sc, const ASTPtr& ast) {
  switch (ast->kind) {
    case ASTKind::SelectWithUnionQuery:
    case ASTKind::SelectQuery: interpretSelect(sc, ast); break;
    case ASTKind::ExplainQuery: interpretExplain(sc, ast); break;
    case ASTKind::InsertQuery: interpretInsert(sc, ast); break;
    case ASTKind::CreateQuery: interpretCreate(sc, ast); break;
    case ASTKind::DropQuery: interpretDrop(sc, ast); break;
    case ASTKind::RenameQuery: interpretRename(sc, ast); break;
    case ASTKind::ShowTablesQuery:
    case ASTKind::ShowCreateQuery:
    case ASTKind::DescribeQuery:
    case ASTKind::ExistsQuery: interpretShow(sc, ast); break;
    case ASTKind::UseQuery: interpretUse(sc, ast); break;
    case ASTKind::SetQuery: interpretSet(sc, ast); break;
    case ASTKind::OptimizeQuery: interpretOptimize(sc, ast); break;
    case ASTKind::AlterQuery: interpretAlter(sc, ast); break;
    case ASTKind::DeleteQuery: interpretDelete(sc, ast); break;
    case ASTKind::CreateAccessEntityQuery:
    case ASTKind::DropAccessEntityQuery:
    case ASTKind::GrantQuery:
    case ASTKind::ShowAccessQuery: interpretAccess(sc, ast); break;
    case ASTKind::KillQuery: interpretKill(sc, ast); break;
    case ASTKind::SystemQuery: interpretSystem(sc, ast); break;
    default:
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Statement {} is not supported yet", formatAST(*ast));
  }
}
}  // namespace

}  // namespace tally

namespace tally {

namespace {
class CollectedResultStream final : public QueryResultStream {
 public:
  Block header_;
  std::vector<Block> blocks_;
  size_t next_ = 0;
  const Block& header() const override { return header_; }
  bool next(Block& block) override {
    if (next_ >= blocks_.size()) return false;
    block = std::move(blocks_[next_++]);
    return true;
  }
};
}  // namespace

std::unique_ptr<QueryResultStream> executeQueryForBlocks(Session& session, std::string_view query,
                                                         const std::map<std::string, std::string>& parameters) {
  auto result = std::make_unique<CollectedResultStream>();
  QueryIO io;
  io.parameters = parameters;
  io.on_header = [&](const Block& header) { result->header_ = header.cloneEmpty(); };
  io.on_block = [&](const Block& block) { result->blocks_.push_back(block); };
  executeQuery(session, query, io);
  return result;
}

}  // namespace tally
