#include "analyzer/query_analyzer.h"
#include "columns/column_const.h"
#include "common/exception.h"
#include "dictionaries/dictionary_ddl.h"
#include "interpreters/interpreters.h"
#include "parser/parser.h"
#include "storage/engines/storage_view.h"
#include "storage/storage_factory.h"
#include "types/data_type_factory.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace {

DictionaryServices dictionaryServices(StatementContext& sc) {
  Engine& engine = sc.session.engine();
  return DictionaryServices{engine.catalog(), engine.dictionaries(), engine.dictionaryStore()};
}

/// SHOW CREATE TABLE text in ClickHouse's layout.
std::string formatCreateQuery(const std::string& database, const std::string& table, const ColumnsDescription& columns,
                              const std::string& engine, const ASTCreateQuery& create, bool temporary) {
  std::string s = temporary ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ";
  if (!temporary) s += database + ".";
  s += table + "\n(\n";
  for (size_t i = 0; i < columns.all().size(); ++i) {
    const auto& c = columns.all()[i];
    s += "    `" + c.name + "` " + c.type->name();
    if (!c.default_kind.empty() && c.default_expression) s += " " + c.default_kind + " " + formatAST(*c.default_expression);
    if (!c.codec.empty()) s += " " + c.codec;
    if (!c.comment.empty()) s += " COMMENT '" + c.comment + "'";
    s += i + 1 < columns.all().size() ? ",\n" : "\n";
  }
  s += ")\nENGINE = " + engine;
  if (create.storage) {
    const auto& st = create.storage->as<ASTStorage>();
    if (st.partition_by) s += "\nPARTITION BY " + formatAST(*st.partition_by);
    if (st.primary_key) s += "\nPRIMARY KEY " + formatAST(*st.primary_key);
    if (st.order_by) s += "\nORDER BY " + formatAST(*st.order_by);
    if (st.sample_by) s += "\nSAMPLE BY " + formatAST(*st.sample_by);
    if (st.settings) {
      s += "\nSETTINGS ";
      const auto& changes = st.settings->as<ASTSetQuery>().changes;
      for (size_t i = 0; i < changes.size(); ++i) {
        if (i) s += ", ";
        s += changes[i].first + " = " + formatAST(ASTLiteral(changes[i].second));
      }
    }
  }
  if (!create.comment.empty()) s += "\nCOMMENT '" + create.comment + "'";
  return s;
}

ColumnsDescription columnsFromDeclarations(StatementContext& sc, const ASTCreateQuery& create) {
  ColumnsDescription result;
  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);
  Block known;
  for (const auto& ast : create.columns) {
    const auto& decl = ast->as<ASTColumnDeclaration>();
    ColumnDescription c;
    c.name = decl.name;
    c.default_kind = decl.default_kind;
    c.default_expression = decl.default_expression;
    c.comment = decl.comment;
    if (decl.codec) c.codec = formatAST(*decl.codec);
    if (!decl.type.empty()) {
      c.type = dataTypeFromString(decl.type);
      bool nullable = decl.null_modifier.value_or(sc.context.settings.data_type_default_nullable && c.type->canBeInsideNullable());
      if (nullable) c.type = makeNullable(c.type);
    } else if (decl.default_expression) {
      c.type = analyzer.resolveExpressions(known, {decl.default_expression}).at(0)->type;
    } else {
      throw Exception(ErrorCodes::SYNTAX_ERROR, "Column {} has neither a type nor a default expression", decl.name);
    }
    if (result.has(c.name)) throw Exception(ErrorCodes::DUPLICATE_COLUMN, "Column {} already exists", c.name);
    known.insert({nullptr, c.type, c.name});
    result.add(std::move(c));
  }
  // Default expressions must resolve over the table's columns.
  for (const auto& c : result.all())
    if (c.default_expression) analyzer.resolveExpressions(known, {c.default_expression});
  return result;
}

}  // namespace

void interpretCreate(StatementContext& sc, const ASTPtr& ast) {
  const auto& create = ast->as<ASTCreateQuery>();
  Catalog& catalog = sc.session.catalog();
  if (!sc.context.settings.allow_ddl) throw Exception(ErrorCodes::QUERY_IS_PROHIBITED, "DDL queries are prohibited for the user");

  if (create.is_database) {
    catalog.createDatabase(create.database, create.database_engine, create.if_not_exists);
    return;
  }
  if (create.is_dictionary) {
    if (create.temporary) throw Exception(ErrorCodes::SYNTAX_ERROR, "Temporary dictionaries are not supported");
    std::string database = create.database.empty() ? sc.session.current_database : create.database;
    createDictionary(dictionaryServices(sc), create, database, /*persist=*/true);
    return;
  }
  if (create.is_materialized_view)
    throw Exception(ErrorCodes::NOT_IMPLEMENTED, "CREATE MATERIALIZED VIEW is not supported yet");

  bool temporary = create.temporary;
  std::string database = temporary ? "" : (create.database.empty() ? sc.session.current_database : create.database);
  DatabasePtr db = temporary ? nullptr : catalog.getDatabase(database);
  bool exists = temporary ? sc.session.temporary_tables.count(create.table) > 0 : db->hasTable(create.table);
  if (exists && create.if_not_exists) return;
  if (exists && !create.or_replace)
    throw Exception(ErrorCodes::TABLE_ALREADY_EXISTS, "Table {}.{} already exists", temporary ? "_temporary_and_external_tables" : database,
                    create.table);

  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);

  // Columns.
  ColumnsDescription columns;
  StoragePtr as_storage;
  std::unique_ptr<QueryPlan> select_plan;
  if (!create.columns.empty()) {
    columns = columnsFromDeclarations(sc, create);
  } else if (!create.as_table.empty()) {
    as_storage = resolveTable(sc, create.as_database, create.as_table);
    columns = as_storage->columns();
  } else if (create.as_table_function) {
    auto query = parseQuery("SELECT * FROM " + formatAST(*create.as_table_function));
    QueryPlan plan = analyzer.analyze(query);
    columns = ColumnsDescription::fromBlock(plan.header());
  } else if (create.select) {
    select_plan = std::make_unique<QueryPlan>(analyzer.analyze(create.select));
    columns = ColumnsDescription::fromBlock(select_plan->header());
  }
  // Otherwise the engine may infer the columns from its data (File).

  // Storage.
  StoragePtr storage;
  std::string engine_text;
  if (create.is_view) {
    if (!create.select) throw Exception(ErrorCodes::INCORRECT_QUERY, "CREATE VIEW requires AS SELECT");
    QueryPlan plan = analyzer.analyze(create.select);  // validates the query
    columns = ColumnsDescription::fromBlock(plan.header());
    storage = std::make_shared<StorageView>(columns, create.select);
    engine_text = "View";
  } else {
    std::string engine = sc.context.settings.default_table_engine;
    StorageCreateArguments args;
    args.database = database;
    args.table = create.table;
    args.columns = columns;
    args.context = &sc.session.storageContext();
    if (create.storage) {
      const auto& st = create.storage->as<ASTStorage>();
      args.storage = &st;
      if (st.engine) {
        const auto& e = st.engine->as<ASTFunction>();
        engine = e.name;
        for (const auto& a : e.args()) {
          TableFunctionArgument arg;
          arg.text = a->kind == ASTKind::Identifier ? a->as<ASTIdentifier>().name() : formatAST(*a);
          try {
            ExprPtr x = analyzer.resolveExpressions(Block(), {a}).at(0);
            if (x->isConstant()) {
              arg.value = static_cast<const ColumnConst&>(*x->constant).getField();
              arg.type = x->type;
            }
          } catch (const Exception&) {
          }
          args.engine_args.push_back(std::move(arg));
        }
        engine_text = formatAST(*st.engine);
        // ClickHouse prints an engine without arguments without parentheses: ENGINE = Memory.
        if (engine_text.size() > 2 && engine_text.ends_with("()")) engine_text.resize(engine_text.size() - 2);
      }
    } else if (as_storage && !as_storage->viewQuery()) {
      engine = as_storage->engineName();
    }
    if (engine_text.empty()) engine_text = engine;
    storage = StorageFactory::instance().create(engine, args);
    if (storage->columns().size() == 0)
      throw Exception(ErrorCodes::INCORRECT_QUERY, "Cannot create table {} without columns", create.table);
  }

  std::string create_text = formatCreateQuery(database, create.table, storage->columns(), engine_text, create, temporary);
  if (temporary) {
    sc.session.temporary_tables[create.table] = storage;
    sc.session.temporary_create_queries[create.table] = create_text;
  } else if (exists) {
    db->replaceTable(create.table, storage, create_text);
  } else {
    db->addTable(create.table, storage, create_text);
  }

  // CREATE TABLE ... AS SELECT fills the new table.
  if (select_plan && !create.is_view && !create.empty) {
    try {
      QueryPipeline pipeline = select_plan->build(sc.context);
      std::vector<Block> blocks;
      Block b;
      while (pipeline.stream->read(b)) blocks.push_back(b);
      storage->insert(blocks, sc.context);
    } catch (...) {
      if (temporary)
        sc.session.temporary_tables.erase(create.table);
      else
        db->removeTable(create.table);
      throw;
    }
  }
}

void interpretDrop(StatementContext& sc, const ASTPtr& ast) {
  const auto& drop = ast->as<ASTDropQuery>();
  Catalog& catalog = sc.session.catalog();
  if (drop.is_dictionary) {
    if (drop.drop_kind != ASTDropQuery::Kind::Drop)
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Only DROP DICTIONARY is supported for dictionaries");
    dropDictionary(dictionaryServices(sc), drop.database.empty() ? sc.session.current_database : drop.database, drop.table,
                   drop.if_exists);
    return;
  }
  if (drop.is_database) {
    if (drop.drop_kind == ASTDropQuery::Kind::Truncate)
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "TRUNCATE DATABASE is not supported");
    catalog.dropDatabase(drop.database, drop.if_exists);
    if (sc.session.current_database == drop.database) sc.session.current_database = "default";
    return;
  }
  // Temporary tables first for unqualified names.
  if (drop.database.empty()) {
    auto it = sc.session.temporary_tables.find(drop.table);
    if (it != sc.session.temporary_tables.end()) {
      if (drop.drop_kind == ASTDropQuery::Kind::Truncate) {
        it->second->truncate();
      } else {
        it->second->drop();
        sc.session.temporary_tables.erase(it);
        sc.session.temporary_create_queries.erase(drop.table);
      }
      return;
    }
    if (drop.temporary) {
      if (drop.if_exists) return;
      throw Exception(ErrorCodes::UNKNOWN_TABLE, "Temporary table {} does not exist", drop.table);
    }
  }
  std::string database = drop.database.empty() ? sc.session.current_database : drop.database;
  DatabasePtr db = catalog.tryGetDatabase(database);
  if (!db) {
    if (drop.if_exists) return;
    throw Exception(ErrorCodes::UNKNOWN_DATABASE, "Database {} does not exist", database);
  }
  StoragePtr storage = db->tryGetTable(drop.table);
  if (!storage) {
    if (drop.if_exists) return;
    throw Exception(ErrorCodes::UNKNOWN_TABLE, "Table {}.{} does not exist", database, drop.table);
  }
  if (database == "system") throw Exception(ErrorCodes::TABLE_IS_READ_ONLY, "Cannot drop or truncate a system table");
  if (drop.drop_kind == ASTDropQuery::Kind::Truncate) {
    storage->truncate();
    return;
  }
  if (drop.drop_kind == ASTDropQuery::Kind::Detach && storage->engineName() == "Dictionary")
    throw Exception(ErrorCodes::NOT_IMPLEMENTED, "DETACH DICTIONARY is not supported");
  db->removeTable(drop.table);
  storage->drop();
}

void interpretRename(StatementContext& sc, const ASTPtr& ast) {
  const auto& rename = ast->as<ASTRenameQuery>();
  Catalog& catalog = sc.session.catalog();
  for (const auto& e : rename.elements) {
    std::string from_db = e.from_database.empty() ? sc.session.current_database : e.from_database;
    std::string to_db = e.to_database.empty() ? sc.session.current_database : e.to_database;
    DatabasePtr from = catalog.getDatabase(from_db);
    DatabasePtr to = catalog.getDatabase(to_db);
    StoragePtr source = from->tryGetTable(e.from_table);
    if (rename.is_dictionary || (source && source->engineName() == "Dictionary")) {
      if (rename.exchange) throw Exception(ErrorCodes::NOT_IMPLEMENTED, "EXCHANGE DICTIONARIES is not supported");
      renameDictionary(dictionaryServices(sc), from_db, e.from_table, to_db, e.to_table);
      continue;
    }
    if (rename.exchange) {
      TableEntry a = from->removeTable(e.from_table);
      TableEntry b;
      try {
        b = to->removeTable(e.to_table);
      } catch (...) {
        from->addTable(e.from_table, a.storage, a.create_query);
        throw;
      }
      from->addTable(e.from_table, b.storage, b.create_query);
      to->addTable(e.to_table, a.storage, a.create_query);
      continue;
    }
    if (to->hasTable(e.to_table))
      throw Exception(ErrorCodes::TABLE_ALREADY_EXISTS, "Table {}.{} already exists", to_db, e.to_table);
    TableEntry entry = from->removeTable(e.from_table);
    to->addTable(e.to_table, entry.storage, entry.create_query);
  }
}

}  // namespace tally
