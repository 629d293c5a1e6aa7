// Access control in statements: the privilege check every statement passes before it runs,
// quotas around it, and the access statements themselves (CREATE/ALTER/DROP USER|ROLE|
// SETTINGS PROFILE|QUOTA, GRANT, REVOKE, SHOW GRANTS|USERS|CREATE USER|...).

#include "access/access_store.h"
#include "common/exception.h"
#include "interpreters/access_checks.h"
#include "interpreters/interpreters.h"
#include "parser/ast_access.h"
#include "parser/format_helpers.h"
#include "types/data_type_string.h"

namespace tally {

namespace {

bool isSystemDatabase(const std::string& db) {
  return db == "system" || db == "INFORMATION_SCHEMA" || db == "information_schema";
}

std::string grantText(AccessFlags flag, const std::string& database, const std::string& table,
                      const std::vector<std::string>& columns, const std::string& privilege_name) {
  auto names = accessFlagsNames(flag);
  std::string s = !privilege_name.empty() ? privilege_name : names.empty() ? "NONE" : names.front();
  if (!columns.empty()) {
    s += "(";
    for (size_t i = 0; i < columns.size(); ++i) s += (i ? ", " : "") + backQuoteIfNeed(columns[i]);
    s += ")";
  }
  return s + " ON " + accessTargetText(database, table);
}

/// USER, ROLE, SETTINGS PROFILE, QUOTA (as in the privilege CREATE USER).
std::string entityPrivilegeWord(AccessEntityKind kind) {
  switch (kind) {
    case AccessEntityKind::User: return "USER";
    case AccessEntityKind::Role: return "ROLE";
    case AccessEntityKind::SettingsProfile: return "SETTINGS PROFILE";
    case AccessEntityKind::Quota: return "QUOTA";
  }
  return {};
}

}  // namespace

void requireGrant(Session& session, AccessFlags flag, const std::string& database, const std::string& table,
                  const std::vector<std::string>& columns, bool with_grant_option, const std::string& privilege_name) {
  if (isSystemDatabase(database) && (flag & ~(AccessType::SELECT | AccessType::SHOW)) == 0) return;
  if (session.engine().access().isGranted(session.user, flag, database, table, columns, with_grant_option)) return;
  throw Exception(ErrorCodes::ACCESS_DENIED, "{}: Not enough privileges. To execute this query, it's necessary to have the grant {}{}",
                  session.user, grantText(flag, database, table, columns, privilege_name), with_grant_option ? " WITH GRANT OPTION" : "");
}

void checkStatementAccess(StatementContext& sc, const IAST& ast) {
  Session& s = sc.session;
  auto db_or_current = [&](const std::string& db) { return db.empty() ? s.current_database : db; };
  auto is_temporary = [&](const std::string& db, const std::string& table) {
    return db.empty() && s.temporary_tables.count(table) > 0;
  };
  switch (ast.kind) {
    case ASTKind::InsertQuery: {
      const auto& q = ast.as<ASTInsertQuery>();
      if (q.table_function || is_temporary(q.database, q.table)) return;
      std::vector<std::string> columns;
      if (q.columns)
        for (const auto& c : q.columns->as<ASTExpressionList>().children)
          if (c->kind == ASTKind::Identifier) columns.push_back(c->as<ASTIdentifier>().name());
      requireGrant(s, AccessType::INSERT, db_or_current(q.database), q.table, columns);
      return;
    }
    case ASTKind::CreateQuery: {
      const auto& q = ast.as<ASTCreateQuery>();
      if (q.is_database) return requireGrant(s, AccessType::CREATE_DATABASE, q.database, "");
      if (q.temporary) return requireGrant(s, AccessType::CREATE_TEMPORARY_TABLE, "", "");
      AccessFlags f = q.is_dictionary ? AccessType::CREATE_DICTIONARY
                      : (q.is_view || q.is_materialized_view) ? AccessType::CREATE_VIEW
                                                              : AccessType::CREATE_TABLE;
      requireGrant(s, f, db_or_current(q.database), q.table);
      if (q.or_replace) requireGrant(s, q.is_dictionary ? AccessType::DROP_DICTIONARY : q.is_view ? AccessType::DROP_VIEW : AccessType::DROP_TABLE,
                                     db_or_current(q.database), q.table);
      return;
    }
    case ASTKind::DropQuery: {
      const auto& q = ast.as<ASTDropQuery>();
      if (q.temporary || (!q.is_database && is_temporary(q.database, q.table))) return;
      if (q.is_database) return requireGrant(s, AccessType::DROP_DATABASE, q.database, "");
      if (q.drop_kind == ASTDropQuery::Kind::Truncate) return requireGrant(s, AccessType::TRUNCATE, db_or_current(q.database), q.table);
      AccessFlags f = q.is_dictionary ? AccessType::DROP_DICTIONARY : q.is_view ? AccessType::DROP_VIEW : AccessType::DROP_TABLE;
      return requireGrant(s, f, db_or_current(q.database), q.table);
    }
    case ASTKind::AlterQuery: {
      const auto& q = ast.as<ASTAlterQuery>();
      return requireGrant(s, AccessType::ALTER, db_or_current(q.database), q.table);
    }
    case ASTKind::DeleteQuery: {
      const auto& q = ast.as<ASTDeleteQuery>();
      return requireGrant(s, AccessType::ALTER, db_or_current(q.database), q.table);
    }
    case ASTKind::OptimizeQuery: {
      const auto& q = ast.as<ASTOptimizeQuery>();
      return requireGrant(s, AccessType::OPTIMIZE, db_or_current(q.database), q.table);
    }
    case ASTKind::RenameQuery: {
      for (const auto& e : ast.as<ASTRenameQuery>().elements) {
        if (ast.as<ASTRenameQuery>().is_database) {
          requireGrant(s, AccessType::DROP_DATABASE, e.from_database.empty() ? e.from_table : e.from_database, "");
          continue;
        }
        requireGrant(s, AccessType::DROP_TABLE, db_or_current(e.from_database), e.from_table);
        requireGrant(s, AccessType::CREATE_TABLE | AccessType::INSERT, db_or_current(e.to_database), e.to_table);
      }
      return;
    }
    case ASTKind::SystemQuery: return requireGrant(s, AccessType::SYSTEM, "", "");
    case ASTKind::KillQuery: return requireGrant(s, AccessType::KILL_QUERY, "", "");
    case ASTKind::DescribeQuery: {
      const auto& q = ast.as<ASTDescribeQuery>();
      if (q.table_expression && q.table_expression->kind == ASTKind::TableExpression) {
        const auto& te = q.table_expression->as<ASTTableExpression>();
        if (!te.table.empty() && !is_temporary(te.database, te.table))
          requireGrant(s, AccessType::SHOW_COLUMNS, db_or_current(te.database), te.table);
      }
      return;
    }
    case ASTKind::ShowCreateQuery: {
      const auto& q = ast.as<ASTShowCreateQuery>();
      if (!q.table.empty() && !is_temporary(q.database, q.table))
        requireGrant(s, AccessType::SHOW_COLUMNS, db_or_current(q.database), q.table);
      return;
    }
    case ASTKind::CreateAccessEntityQuery: {
      const auto& q = ast.as<ASTCreateAccessEntityQuery>();
      return requireGrant(s, AccessType::ACCESS_MANAGEMENT, "", "", {}, false,
                          std::string(q.alter ? "ALTER " : "CREATE ") + entityPrivilegeWord(q.entity));
    }
    case ASTKind::DropAccessEntityQuery:
      return requireGrant(s, AccessType::ACCESS_MANAGEMENT, "", "", {}, false,
                          "DROP " + entityPrivilegeWord(ast.as<ASTDropAccessEntityQuery>().entity));
    case ASTKind::ShowAccessQuery: {
      const auto& q = ast.as<ASTShowAccessQuery>();
      bool own = q.what == ASTShowAccessQuery::What::QuotaUsage ||
                 (q.what == ASTShowAccessQuery::What::Grants && (q.names.empty() || (q.names.size() == 1 && q.names[0] == s.user))) ||
                 (q.what == ASTShowAccessQuery::What::CreateEntity && q.entity == AccessEntityKind::User &&
                  (q.names.empty() || (q.names.size() == 1 && q.names[0] == s.user)));
      if (!own) requireGrant(s, AccessType::ACCESS_MANAGEMENT, "", "", {}, false, "SHOW " + entityPrivilegeWord(q.entity) + "S");
      return;
    }
    case ASTKind::GrantQuery: {
      const auto& q = ast.as<ASTGrantQuery>();
      std::string database = q.database.empty() ? s.current_database : q.database == "*" ? "" : q.database;
      for (const auto& p : q.privileges)
        requireGrant(s, parseAccessFlags(p.name), database, q.table == "*" ? "" : q.table, p.columns,
                     /*with_grant_option=*/true);
      for (const auto& r : q.roles)
        if (!s.engine().access().canAdminRole(s.user, r))
          throw Exception(ErrorCodes::ACCESS_DENIED,
                          "{}: Not enough privileges. To execute this query, it's necessary to have the role {} granted with ADMIN OPTION",
                          s.user, backQuote(r));
      return;
    }
    default: return;  // SELECT and friends are checked table by table during analysis
  }
}

namespace {

void writeStrings(StatementContext& sc, const std::string& column, const std::vector<std::string>& rows,
                  const std::string& format) {
  Block header;
  header.insert({typeString()->createColumn(), typeString(), column});
  auto col = typeString()->createColumn();
  for (const auto& r : rows) col->insertData(r.data(), r.size());
  Block block;
  block.insert({std::move(col), typeString(), column});
  block.setRows(rows.size());
  std::vector<Block> blocks;
  blocks.push_back(std::move(block));
  writeBlocks(sc, header, std::move(blocks), format);
}

void interpretShowAccess(StatementContext& sc, const ASTShowAccessQuery& q) {
  AccessStore& access = sc.session.engine().access();
  switch (q.what) {
    case ASTShowAccessQuery::What::Grants: {
      std::vector<std::string> rows;
      for (const auto& n : q.names.empty() ? std::vector<std::string>{sc.session.user} : q.names) {
        std::string name = n == "\x01current_user" ? sc.session.user : n;
        for (auto& g : access.showGrants(name)) rows.push_back(std::move(g));
      }
      return writeStrings(sc, "GRANTS", rows, q.format);
    }
    case ASTShowAccessQuery::What::CreateEntity: {
      std::vector<std::string> names = q.names;
      if (names.empty()) {
        if (q.entity != AccessEntityKind::User)
          throw Exception(ErrorCodes::BAD_ARGUMENTS, "SHOW CREATE {} needs a name", accessEntityKindName(q.entity));
        names.push_back(sc.session.user);
      }
      std::string name_column = "CREATE " + std::string(q.entity == AccessEntityKind::User ? "USER"
                                                        : q.entity == AccessEntityKind::Role ? "ROLE"
                                                        : q.entity == AccessEntityKind::Quota ? "QUOTA"
                                                                                              : "SETTINGS PROFILE") +
                                " " + names.front();
      return writeStrings(sc, name_column, access.showCreate(q.entity, names), q.format);
    }
    case ASTShowAccessQuery::What::Entities: {
      const char* table = q.entity == AccessEntityKind::User ? "users" : q.entity == AccessEntityKind::Role ? "roles"
                          : q.entity == AccessEntityKind::Quota ? "quotas" : "settings_profiles";
      return writeSelectText(sc, fmt::format("SELECT name FROM system.{} ORDER BY name", table), q.format);
    }
    case ASTShowAccessQuery::What::QuotaUsage:
      return writeSelectText(sc, "SELECT * FROM system.quota_usage", q.format);
  }
}

}  // namespace

void interpretAccess(StatementContext& sc, const ASTPtr& ast) {
  AccessStore& access = sc.session.engine().access();
  switch (ast->kind) {
    case ASTKind::CreateAccessEntityQuery: access.execute(ast->as<ASTCreateAccessEntityQuery>()); break;
    case ASTKind::DropAccessEntityQuery: access.execute(ast->as<ASTDropAccessEntityQuery>()); break;
    case ASTKind::GrantQuery: {
      ASTGrantQuery q = ast->as<ASTGrantQuery>();
      if (!q.privileges.empty() && q.database.empty()) q.database = sc.session.current_database;
      access.execute(q, sc.session.user);
      break;
    }
    case ASTKind::ShowAccessQuery: interpretShowAccess(sc, ast->as<ASTShowAccessQuery>()); break;
    default: throw Exception(ErrorCodes::LOGICAL_ERROR, "Not an access statement");
  }
}

}  // namespace tally
