#include "analyzer/query_analyzer.h"
#include "common/exception.h"
#include "interpreters/interpreters.h"
#include "io/write_helpers.h"
#include "parser/parser.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace {

std::string sqlQuoted(const std::string& s) {
  std::string out;
  WriteBufferFromString buf(out);
  writeQuotedString(s, buf);
  buf.finalize();
  return out;
}

void describe(StatementContext& sc, const ASTDescribeQuery& d) {
  std::vector<std::vector<std::string>> rows;
  const auto& te = d.table_expression->as<ASTTableExpression>();
  auto add = [&](const std::string& name, const DataTypePtr& type, const std::string& kind, const ASTPtr& expr,
                 const std::string& comment, const std::string& codec) {
    rows.push_back({name, type->name(), kind, expr ? formatAST(*expr) : "", comment, codec, ""});
  };
  if (te.subquery || te.table_function) {
    AnalyzerContext actx = makeAnalyzerContext(sc);
    QueryAnalyzer analyzer(actx);
    ASTPtr query;
    if (te.subquery)
      query = te.subquery->as<ASTSubquery>().query;
    else
      query = parseQuery("SELECT * FROM " + formatAST(*te.table_function));
    QueryPlan plan = analyzer.analyze(query);
    for (const auto& c : plan.header()) add(c.name, c.type, "", nullptr, "", "");
  } else {
    StoragePtr storage = resolveTable(sc, te.database, te.table);
    for (const auto& c : storage->columns().all()) add(c.name, c.type, c.default_kind, c.default_expression, c.comment, c.codec);
  }
  Block header = stringBlock({"name", "type", "default_type", "default_expression", "comment", "codec_expression",
                              "ttl_expression"},
                             {});
  std::vector<Block> blocks;
  blocks.push_back(stringBlock({"name", "type", "default_type", "default_expression", "comment", "codec_expression",
                                "ttl_expression"},
                               rows));
  writeBlocks(sc, header.cloneEmpty(), std::move(blocks), d.format);
}

}  // namespace

Block stringBlock(const std::vector<std::string>& names, const std::vector<std::vector<std::string>>& rows) {
  Block block;
  for (size_t c = 0; c < names.size(); ++c) {
    auto col = typeString()->createColumn();
    for (const auto& r : rows) col->insertData(r[c].data(), r[c].size());
    block.insert({std::move(col), typeString(), names[c]});
  }
  block.setRows(rows.size());
  return block;
}

void interpretShow(StatementContext& sc, const ASTPtr& ast) {
  switch (ast->kind) {
    case ASTKind::ShowTablesQuery: {
      const auto& s = ast->as<ASTShowTablesQuery>();
      std::string query;
      if (s.what == ASTShowTablesQuery::What::Databases) {
        query = "SELECT name FROM system.databases";
        if (s.has_like) query += std::string(" WHERE name ") + (s.not_like ? "NOT " : "") + (s.case_insensitive_like ? "ILIKE " : "LIKE ") + sqlQuoted(s.like);
        query += " ORDER BY name";
      } else if (s.what == ASTShowTablesQuery::What::Tables || s.what == ASTShowTablesQuery::What::Dictionaries) {
        if (s.temporary) {
          std::vector<std::vector<std::string>> rows;
          for (const auto& [name, storage] : sc.session.temporary_tables) rows.push_back({name});
          std::vector<Block> blocks;
          blocks.push_back(stringBlock({"name"}, rows));
          writeBlocks(sc, stringBlock({"name"}, {}), std::move(blocks), s.format);
          return;
        }
        std::string db = s.from.empty() ? sc.session.current_database : s.from;
        sc.session.catalog().getDatabase(db);
        query = "SELECT name FROM system.tables WHERE database = " + sqlQuoted(db);
        if (s.what == ASTShowTablesQuery::What::Dictionaries) query += " AND engine = 'Dictionary'";
        if (s.has_like) query += std::string(" AND name ") + (s.not_like ? "NOT " : "") + (s.case_insensitive_like ? "ILIKE " : "LIKE ") + sqlQuoted(s.like);
        query += " ORDER BY name";
      } else if (s.what == ASTShowTablesQuery::What::Settings) {
        query = "SELECT name, type, value FROM system.settings";
        if (s.has_like) query += " WHERE name " + std::string(s.case_insensitive_like ? "ILIKE " : "LIKE ") + sqlQuoted(s.like);
      } else if (s.what == ASTShowTablesQuery::What::Functions) {
        query = "SELECT name FROM system.functions";
        if (s.has_like) query += " WHERE name " + std::string(s.case_insensitive_like ? "ILIKE " : "LIKE ") + sqlQuoted(s.like);
        query += " ORDER BY name";
      } else {
        throw Exception(ErrorCodes::NOT_IMPLEMENTED, "This SHOW query is not supported");
      }
      if (s.limit) query += " LIMIT " + formatAST(*s.limit);
      writeSelectText(sc, query, s.format);
      return;
    }
    case ASTKind::ShowCreateQuery: {
      const auto& s = ast->as<ASTShowCreateQuery>();
      std::string text;
      if (s.what == ASTShowCreateQuery::What::Database) {
        auto db = sc.session.catalog().getDatabase(s.table.empty() ? s.database : s.table);
        text = "CREATE DATABASE " + db->name() + "\nENGINE = " + db->engine();
      } else if (s.database.empty() && sc.session.temporary_create_queries.count(s.table)) {
        text = sc.session.temporary_create_queries.at(s.table);
      } else {
        std::string db = s.database.empty() ? sc.session.current_database : s.database;
        text = sc.session.catalog().getDatabase(db)->createQuery(s.table);
      }
      std::vector<Block> blocks;
      blocks.push_back(stringBlock({"statement"}, {{text}}));
      writeBlocks(sc, stringBlock({"statement"}, {}), std::move(blocks), s.format);
      return;
    }
    case ASTKind::DescribeQuery: describe(sc, ast->as<ASTDescribeQuery>()); return;
    case ASTKind::ExistsQuery: {
      const auto& e = ast->as<ASTExistsQuery>();
      bool exists = false;
      Catalog& catalog = sc.session.catalog();
      if (e.what == ASTExistsQuery::What::Database) {
        exists = catalog.tryGetDatabase(e.table.empty() ? e.database : e.table) != nullptr;
      } else if (e.database.empty() && sc.session.temporary_tables.count(e.table)) {
        exists = true;
      } else if (!e.temporary) {
        std::string db = e.database.empty() ? sc.session.current_database : e.database;
        StoragePtr t = catalog.tryGetTable(db, e.table);
        exists = t != nullptr;
        if (exists && e.what == ASTExistsQuery::What::View) exists = t->viewQuery() != nullptr;
        if (exists && e.what == ASTExistsQuery::What::Dictionary) exists = t->engineName() == "Dictionary";
      }
      auto col = ColumnUInt8::create();
      col->insertValue(exists ? 1 : 0);
      Block block;
      block.insert({col, typeUInt8(), "result"});
      Block header;
      header.insert({nullptr, typeUInt8(), "result"});
      std::vector<Block> blocks;
      blocks.push_back(std::move(block));
      writeBlocks(sc, header, std::move(blocks), e.format);
      return;
    }
    default: throw Exception(ErrorCodes::LOGICAL_ERROR, "Not a SHOW statement");
  }
}

void interpretUse(StatementContext& sc, const ASTPtr& ast) {
  const auto& use = ast->as<ASTUseQuery>();
  sc.session.catalog().getDatabase(use.database);
  sc.session.current_database = use.database;
}

void interpretSet(StatementContext& sc, const ASTPtr& ast) {
  const auto& set = ast->as<ASTSetQuery>();
  // Validate all before changing any.
  Settings copy = sc.session.settings;
  for (const auto& [name, value] : set.changes) {
    if (sc.session.settings.readonly == 1)
      throw Exception(ErrorCodes::READONLY, "Cannot modify '{}' setting in readonly mode", name);
    sc.session.checkSettingChange(name, value);
    copy.set(name, value);
  }
  sc.session.settings = copy;
  for (const auto& [name, value] : set.changes) {
    if (name.rfind("param_", 0) == 0) sc.session.query_parameters[name.substr(6)] = copy.custom[name];
  }
}

}  // namespace tally
