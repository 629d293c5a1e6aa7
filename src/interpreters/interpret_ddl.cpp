#include "analyzer/query_analyzer.h"
#include "columns/column_const.h"
#include "common/exception.h"
#include "dictionaries/dictionary_ddl.h"
#include "interpreters/interpreters.h"
#include "parser/parser.h"
#include "interpreters/insert_with_views.h"
#include "storage/databases/database_on_disk.h"
#include "storage/engines/storage_materialized_view.h"
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

}  // namespace

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

namespace {

/// "CREATE [MATERIALIZED] VIEW db.v [TO t] (columns) [ENGINE ...] AS <select>" as SHOW CREATE prints it.
std::string formatViewCreateQuery(const std::string& database, const ASTCreateQuery& create, const ColumnsDescription& columns,
                                  const std::string& target_database, const std::string& target_table, bool inner) {
  std::string s = create.is_materialized_view ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ";
  s += database + "." + create.table;
  if (create.is_materialized_view && !inner) s += " TO " + target_database + "." + target_table;
  s += "\n(\n";
  for (size_t i = 0; i < columns.all().size(); ++i) {
    const auto& c = columns.all()[i];
    s += "    `" + c.name + "` " + c.type->name();
    s += i + 1 < columns.all().size() ? ",\n" : "\n";
  }
  s += ")";
  if (inner && create.storage) s += "\n" + formatAST(*create.storage);
  s += "\nAS " + (create.select_text.empty() ? formatAST(*create.select) : create.select_text);
  return s;
}

/// The first table a SELECT reads (a materialized view's source).
bool firstTableOf(const ASTPtr& query, std::string& database, std::string& table) {
  if (!query) return false;
  if (query->kind == ASTKind::SelectWithUnionQuery) {
    for (const auto& s : query->as<ASTSelectWithUnionQuery>().selects)
      if (firstTableOf(s, database, table)) return true;
    return false;
  }
  if (query->kind != ASTKind::SelectQuery) return false;
  const auto& select = query->as<ASTSelectQuery>();
  if (!select.tables) return false;
  for (const auto& e : select.tables->as<ASTTablesInSelectQuery>().elements) {
    const auto& element = e->as<ASTTablesInSelectQueryElement>();
    if (!element.table_expression) continue;
    const auto& te = element.table_expression->as<ASTTableExpression>();
    if (!te.table.empty() && !te.table_function) {
      database = te.database;
      table = te.table;
      return true;
    }
    if (te.subquery && firstTableOf(te.subquery->as<ASTSubquery>().query, database, table))
      return true;
  }
  return false;
}

/// ORDER BY / PRIMARY KEY / PARTITION BY expressions over the table's physical columns: a tuple
/// gives one expression per element, tuple() none.
Exprs resolveKey(QueryAnalyzer& analyzer, const Block& header, const ASTPtr& ast) {
  Exprs res;
  if (!ast) return res;
  ASTs elements;
  if (ast->kind == ASTKind::Function && ast->as<ASTFunction>().name == "tuple")
    elements = ast->as<ASTFunction>().args();
  else
    elements.push_back(ast);
  for (const auto& e : elements) res.push_back(analyzer.resolveExpressions(header, {e}).at(0));
  return res;
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

  bool temporary = create.temporary;
  std::string database = temporary ? "" : (create.database.empty() ? sc.session.current_database : create.database);
  DatabasePtr db = temporary ? nullptr : catalog.getDatabase(database);
  bool exists = temporary ? sc.session.temporary_tables.count(create.table) > 0 : db->hasTable(create.table);
  if (exists && create.if_not_exists) return;
  const bool loading = sc.session.loading_metadata;
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
    if (!create.storage && !as_storage->viewQuery()) {
      // CREATE TABLE t AS other: the other table's engine clause too.
      std::string other_db = create.as_database.empty() ? sc.session.current_database : create.as_database;
      if (auto other_db_ptr = catalog.tryGetDatabase(other_db); other_db_ptr && other_db_ptr->hasTable(create.as_table)) {
        std::string other_text = other_db_ptr->createQuery(create.as_table);
        if (!other_text.empty()) {
          ASTPtr other = parseQuery(other_text);
          const auto& other_create = other->as<ASTCreateQuery>();
          if (other_create.storage) const_cast<ASTCreateQuery&>(create).storage = other_create.storage->clone();
        }
      }
    }
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
  std::string view_create_text;
  std::shared_ptr<StorageMaterializedView> materialized_view;
  bool old_dropped = false;
  if (create.is_view) {
    if (!create.select) throw Exception(ErrorCodes::INCORRECT_QUERY, "CREATE VIEW requires AS SELECT");
    QueryPlan plan = analyzer.analyze(create.select);  // validates the query
    columns = ColumnsDescription::fromBlock(plan.header());
    storage = std::make_shared<StorageView>(columns, create.select);
    engine_text = "View";
    view_create_text = formatViewCreateQuery(database, create, columns, "", "", false);
  } else if (create.is_materialized_view) {
    if (temporary) throw Exception(ErrorCodes::INCORRECT_QUERY, "Temporary materialized views are not supported");
    if (!create.select) throw Exception(ErrorCodes::INCORRECT_QUERY, "CREATE MATERIALIZED VIEW requires AS SELECT");
    std::string source_db, source_table;
    if (!firstTableOf(create.select, source_db, source_table))
      throw Exception(ErrorCodes::INCORRECT_QUERY, "A materialized view must select from a table");
    if (source_db.empty()) source_db = database;
    if (create.populate && !create.to_table.empty())
      throw Exception(ErrorCodes::INCORRECT_QUERY, "When creating a materialized view you can't use POPULATE with TO [db.]name");
    AnalyzerContext view_actx = makeAnalyzerContext(sc);
    view_actx.current_database = database;
    QueryAnalyzer view_analyzer(view_actx);
    QueryPlan plan = view_analyzer.analyze(create.select);  // validates the query
    ColumnsDescription view_columns = create.columns.empty() ? ColumnsDescription::fromBlock(plan.header()) : columns;
    std::string target_db = create.to_database.empty() ? database : create.to_database;
    std::string target_table = create.to_table;
    bool inner = target_table.empty();
    if (inner) {
      target_table = ".inner." + create.table;
      if (!create.storage && !loading)
        throw Exception(ErrorCodes::INCORRECT_QUERY, "ENGINE is required for a materialized view without TO");
      if (!loading && !db->hasTable(target_table)) {
        // The inner table: the view's columns with the view's ENGINE clause.
        auto inner_create = std::make_shared<ASTCreateQuery>();
        inner_create->database = database;
        inner_create->table = target_table;
        inner_create->storage = create.storage;
        for (const auto& c : view_columns.all()) {
          auto decl = std::make_shared<ASTColumnDeclaration>();
          decl->name = c.name;
          decl->type = c.type->name();
          decl->null_modifier = false;
          inner_create->columns.push_back(decl);
        }
        interpretCreate(sc, inner_create);
      }
    } else if (!loading) {
      catalog.getTable(target_db, target_table);  // the target must exist
    }
    materialized_view = std::make_shared<StorageMaterializedView>(view_columns, create.select, database, source_db, source_table,
                                                                  target_db, target_table, inner, catalog);
    storage = materialized_view;
    columns = view_columns;
    engine_text = "MaterializedView";
    view_create_text = formatViewCreateQuery(database, create, columns, target_db, target_table, inner);
  } else {
    std::string engine = sc.context.settings.default_table_engine;
    StorageCreateArguments args;
    args.database = database;
    args.table = create.table;
    args.columns = columns;
    args.context = &sc.session.storageContext();
    if (db) args.data_path = db->tableDataPath(create.table);
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
    if (args.storage) {
      Block physical = args.columns.physicalHeader();
      args.sorting_key = resolveKey(analyzer, physical, args.storage->order_by ? args.storage->order_by : args.storage->primary_key);
      args.primary_key = resolveKey(analyzer, physical, args.storage->primary_key ? args.storage->primary_key : args.storage->order_by);
      Exprs partition = resolveKey(analyzer, physical, args.storage->partition_by);
      if (partition.size() > 1) {
        // PARTITION BY (a, b): one tuple-valued expression.
        partition = {analyzer.resolveExpressions(physical, {args.storage->partition_by}).at(0)};
      }
      if (!partition.empty()) args.partition_key = partition[0];
      if (args.primary_key.size() > args.sorting_key.size())
        throw Exception(ErrorCodes::BAD_ARGUMENTS, "Primary key must be a prefix of the sorting key");
      for (size_t i = 0; i < args.primary_key.size(); ++i)
        if (args.primary_key[i]->name != args.sorting_key[i]->name)
          throw Exception(ErrorCodes::BAD_ARGUMENTS, "Primary key must be a prefix of the sorting key, but the column in the position {} is {}, not {}",
                          i, args.sorting_key[i]->name, args.primary_key[i]->name);
    }
    if (exists && create.or_replace && !args.data_path.empty()) {
      // CREATE OR REPLACE: the old table's data goes first (the new table takes its directory).
      db->tryGetTable(create.table)->drop();
      old_dropped = true;
    }
    storage = StorageFactory::instance().create(engine, args);
    if (storage->columns().size() == 0)
      throw Exception(ErrorCodes::INCORRECT_QUERY, "Cannot create table {} without columns", create.table);
  }

  std::string create_text = !view_create_text.empty()
                                ? view_create_text
                                : formatCreateQuery(database, create.table, storage->columns(), engine_text, create, temporary);
  if (temporary) {
    sc.session.temporary_tables[create.table] = storage;
    sc.session.temporary_create_queries[create.table] = create_text;
  } else if (loading) {
    if (auto* on_disk = dynamic_cast<DatabaseOnDisk*>(db.get()))
      on_disk->attachTable(create.table, storage, create_text);
    else
      db->addTable(create.table, storage, create_text);
  } else if (exists) {
    StoragePtr old = db->tryGetTable(create.table);
    db->replaceTable(create.table, storage, create_text);
    if (old && old != storage && !old_dropped) old->drop();
  } else {
    db->addTable(create.table, storage, create_text);
  }

  // POPULATE: the view's query over the whole source fills the inner table.
  if (materialized_view && create.populate && !loading) {
    try {
      StoragePtr source = catalog.getTable(materialized_view->sourceDatabase(), materialized_view->sourceTable());
      AnalyzerContext pactx = makeAnalyzerContext(sc);
      pactx.current_database = database;
      QueryAnalyzer populate_analyzer(pactx);
      std::vector<std::string> names;
      for (const auto& c : source->columns().physical()) names.push_back(c.name);
      ReadRequest request;
      request.columns = names;
      request.max_streams = 1;
      std::vector<Block> source_blocks;
      for (auto& stream : source->read(request, sc.context)) {
        Block b;
        while (stream->read(b)) source_blocks.push_back(b);
      }
      std::vector<Block> rows = runViewQuery(sc, *materialized_view, source, source_blocks);
      insertWithViews(sc, materialized_view->target(), materialized_view->targetDatabase(), materialized_view->targetTable(), rows);
    } catch (...) {
      db->removeTable(create.table);
      materialized_view->drop();
      throw;
    }
  }

  // CREATE TABLE ... AS SELECT fills the new table.
  if (select_plan && !create.is_view && !create.is_materialized_view && !create.empty && !loading) {
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

namespace {

/// The CREATE text of a renamed object: its name after "CREATE <kind> " replaced.
std::string renamedCreateText(const std::string& text, const std::string& old_db, const std::string& old_name,
                              const std::string& new_db, const std::string& new_name) {
  for (const char* kind : {"CREATE TABLE ", "CREATE VIEW ", "CREATE MATERIALIZED VIEW ", "CREATE DICTIONARY "}) {
    std::string prefix = std::string(kind) + old_db + "." + old_name;
    if (text.starts_with(prefix)) return std::string(kind) + new_db + "." + new_name + text.substr(prefix.size());
  }
  return text;
}

}  // namespace

void interpretRename(StatementContext& sc, const ASTPtr& ast) {
  const auto& rename = ast->as<ASTRenameQuery>();
  Catalog& catalog = sc.session.catalog();
  for (const auto& e : rename.elements) {
    std::string from_db = e.from_database.empty() ? sc.session.current_database : e.from_database;
    std::string to_db = e.to_database.empty() ? sc.session.current_database : e.to_database;
    DatabasePtr from = catalog.getDatabase(from_db);
    DatabasePtr to = catalog.getDatabase(to_db);
    if (from_db == "system" || to_db == "system") throw Exception(ErrorCodes::TABLE_IS_READ_ONLY, "Cannot rename system tables");
    StoragePtr source = from->tryGetTable(e.from_table);
    if (rename.is_dictionary || (source && source->engineName() == "Dictionary")) {
      if (rename.exchange) throw Exception(ErrorCodes::NOT_IMPLEMENTED, "EXCHANGE DICTIONARIES is not supported");
      renameDictionary(dictionaryServices(sc), from_db, e.from_table, to_db, e.to_table);
      continue;
    }
    if (rename.exchange) {
      if (!from->hasTable(e.from_table))
        throw Exception(ErrorCodes::UNKNOWN_TABLE, "Table {}.{} does not exist", from_db, e.from_table);
      if (!to->hasTable(e.to_table)) throw Exception(ErrorCodes::UNKNOWN_TABLE, "Table {}.{} does not exist", to_db, e.to_table);
      // Both names stay resolvable throughout (each is switched by one replaceTable), so a
      // reader of either table never gets UNKNOWN_TABLE: it sees the old or the new table.
      TableEntry a{from->tryGetTable(e.from_table), from->createQuery(e.from_table)};
      TableEntry b{to->tryGetTable(e.to_table), to->createQuery(e.to_table)};
      std::string path_a = from->tableDataPath(e.from_table), path_b = to->tableDataPath(e.to_table);
      if (!path_a.empty() && !path_b.empty()) {
        a.storage->moveData(path_a + ".exchange");
        b.storage->moveData(path_a);
        a.storage->moveData(path_b);
      }
      to->replaceTable(e.to_table, a.storage, renamedCreateText(a.create_query, from_db, e.from_table, to_db, e.to_table));
      from->replaceTable(e.from_table, b.storage, renamedCreateText(b.create_query, to_db, e.to_table, from_db, e.from_table));
      continue;
    }
    if (to->hasTable(e.to_table))
      throw Exception(ErrorCodes::TABLE_ALREADY_EXISTS, "Table {}.{} already exists", to_db, e.to_table);
    if (!from->hasTable(e.from_table)) throw Exception(ErrorCodes::UNKNOWN_TABLE, "Table {}.{} does not exist", from_db, e.from_table);
    TableEntry entry = from->removeTable(e.from_table);
    std::string new_path = to->tableDataPath(e.to_table);
    if (!new_path.empty()) entry.storage->moveData(new_path);
    to->addTable(e.to_table, entry.storage, renamedCreateText(entry.create_query, from_db, e.from_table, to_db, e.to_table));
  }
}

}  // namespace tally
