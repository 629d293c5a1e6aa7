#include "analyzer/query_analyzer.h"
#include "columns/column_const.h"
#include "common/exception.h"
#include "execution/expression_evaluator.h"
#include "execution/operators/transform_streams.h"
#include "formats/format.h"
#include "functions/conversion/cast.h"
#include "interpreters/defaults_filler.h"
#include "interpreters/insert_with_views.h"
#include "interpreters/interpreters.h"
#include "parser/parser.h"
#include "storage/engines/storage_materialized_view.h"
#include "storage/table_function.h"

namespace tally {

namespace {

/// `SELECT * FROM table_function(...)`, one SELECT, no joins: the only shape whose columns are
/// the table function's own, so the INSERT target's structure can stand in for inference.
bool isSelectStarFromTableFunction(const ASTPtr& query) {
  if (!query || query->kind != ASTKind::SelectWithUnionQuery) return false;
  const auto& u = query->as<ASTSelectWithUnionQuery>();
  if (u.selects.size() != 1 || u.selects[0]->kind != ASTKind::SelectQuery) return false;
  const auto& select = u.selects[0]->as<ASTSelectQuery>();
  if (!select.select || !select.tables) return false;
  for (const ASTPtr* clause : {&select.with, &select.prewhere, &select.where, &select.group_by, &select.having,
                               &select.window, &select.qualify, &select.order_by, &select.limit_by, &select.limit_length})
    if (*clause) return false;  // other table functions (in subqueries) must not take the structure
  const auto& list = select.select->as<ASTExpressionList>().children;
  if (list.size() != 1 || list[0]->kind != ASTKind::Asterisk) return false;
  const auto& tables = select.tables->as<ASTTablesInSelectQuery>().elements;
  if (tables.size() != 1) return false;
  const auto& element = tables[0]->as<ASTTablesInSelectQueryElement>();
  if (!element.table_expression || element.table_join || element.array_join) return false;
  return element.table_expression->as<ASTTableExpression>().table_function != nullptr;
}

/// "`a` UInt32, `b` String" for the columns of `header`.
std::string structureOf(const Block& header) {
  std::string s;
  for (const auto& c : header) {
    if (!s.empty()) s += ", ";
    s += '`';
    for (char ch : c.name) {
      if (ch == '`' || ch == '\\') s += '\\';
      s += ch;
    }
    s += "` " + c.type->name();
  }
  return s;
}


}  // namespace

void interpretInsert(StatementContext& sc, const ASTPtr& ast) {
  const auto& insert = ast->as<ASTInsertQuery>();
  StoragePtr storage;
  if (insert.table_function) {
    const auto& tf = insert.table_function->as<ASTFunction>();
    std::vector<TableFunctionArgument> args;
    AnalyzerContext actx = makeAnalyzerContext(sc);
    QueryAnalyzer analyzer(actx);
    for (const auto& a : tf.args()) {
      TableFunctionArgument arg;
      arg.text = a->kind == ASTKind::Identifier ? a->as<ASTIdentifier>().name() : formatAST(*a);
      try {
        ExprPtr e = analyzer.resolveExpressions(Block(), {a}).at(0);
        if (e->isConstant()) {
          arg.value = static_cast<const ColumnConst&>(*e->constant).getField();
          arg.type = e->type;
        }
      } catch (const Exception&) {
      }
      args.push_back(std::move(arg));
    }
    storage = TableFunctionFactory::instance().create(tf.name, args, sc.session.storageContext());
  } else {
    storage = resolveTable(sc, insert.database, insert.table);
  }
  // An INSERT into a materialized view goes to its target (and the target's views).
  std::string target_db = insert.database.empty() ? sc.session.current_database : insert.database;
  std::string target_table = insert.table;
  if (auto* mv = dynamic_cast<StorageMaterializedView*>(storage.get())) {
    target_db = mv->targetDatabase();
    target_table = mv->targetTable();
    storage = mv->target();
  }
  if (!storage->supportsInsert())
    throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Table engine {} doesn't support INSERT", storage->engineName());

  // Inserted columns: the list given, else every ordinary (non-MATERIALIZED) column.
  const ColumnsDescription& columns = storage->columns();
  Block insert_header;
  if (insert.columns) {
    for (const auto& c : insert.columns->as<ASTExpressionList>().children) {
      std::string name = c->kind == ASTKind::Identifier ? c->as<ASTIdentifier>().name() : formatAST(*c);
      const ColumnDescription* d = columns.find(name);
      if (!d) throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "No such column {} in table {}", name, insert.table);
      if (d->default_kind == "ALIAS" || d->default_kind == "MATERIALIZED")
        throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Cannot insert column {}, because it is {} column", name, d->default_kind);
      if (insert_header.position(name) >= 0)
        throw Exception(ErrorCodes::DUPLICATE_COLUMN, "Column {} in table {} specified more than once", name, insert.table);
      insert_header.insert({nullptr, d->type, name});
    }
  } else {
    for (const auto& d : columns.ordinary()) insert_header.insert({nullptr, d.type, d.name});
  }

  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);
  DefaultsFiller filler(analyzer, columns, insert_header);

  // The rows come from the SELECT or the input format, a block at a time. A bad row aborts the
  // INSERT before anything is visible: blocks stream into prepared parts that commit together.
  std::function<bool(Block&)> next_block;
  struct StructureScope {
    Session& session;
    ~StructureScope() { session.insertion_table_structure.clear(); }
  } structure_scope{sc.session};
  QueryPipeline pipeline;
  BlockStreamPtr select_stream;
  std::unique_ptr<ReadBuffer> inline_data;
  InputFormatPtr input;
  if (insert.select) {
    // INSERT INTO t SELECT * FROM file(...): the file is read with t's columns, not inferred ones.
    if (isSelectStarFromTableFunction(insert.select)) sc.session.insertion_table_structure = structureOf(insert_header);
    QueryPlan plan = analyzer.analyze(insert.select);
    sc.session.insertion_table_structure.clear();
    if (plan.header().columns() != insert_header.columns())
      throw Exception(ErrorCodes::NUMBER_OF_COLUMNS_DOESNT_MATCH,
                      "Number of columns doesn't match (source: {} and result: {})", plan.header().columns(),
                      insert_header.columns());
    pipeline = plan.build(sc.context);
    select_stream = makeConvertingStream(std::move(pipeline.stream), insert_header, sc.context);
    next_block = [&](Block& out) {
      Block b;
      if (!select_stream->read(b)) return false;
      out = filler.fill(b);
      return true;
    };
  } else {
    ReadBuffer* in = sc.io.input;
    if (insert.has_inline_data) {
      inline_data = std::make_unique<ReadBufferFromMemory>(sc.query.data() + insert.data_begin,
                                                           insert.data_end - insert.data_begin);
      in = inline_data.get();
    }
    if (!in) throw Exception(ErrorCodes::NO_DATA_TO_INSERT, "No data to insert");
    std::string format = insert.format;
    if (format.empty()) format = sc.io.input_format.empty() ? "Values" : sc.io.input_format;
    FormatSettings fs = makeFormatSettings(sc.context.settings);
    input = FormatFactory::instance().getInput(format, *in, insert_header, fs);
    input->setAllowErrors(sc.context.settings.input_format_allow_errors_num,
                          sc.context.settings.input_format_allow_errors_ratio);
    const size_t block_size = std::max<uint64_t>(sc.context.settings.max_insert_block_size, 1);
    next_block = [&, block_size](Block& out) {
      sc.context.checkAlive();
      Block b = input->read(block_size);
      if (b.rows() == 0) return false;
      sc.context.addRead(b.rows(), b.bytes());
      out = filler.fill(b);
      return true;
    };
  }
  const bool async = sc.context.settings.async_insert && !insert.select;
  if (!insert.table_function && !async) {
    insertWithViews(sc, storage, target_db, target_table, next_block);
    return;
  }
  std::vector<Block> blocks;
  for (Block b; next_block(b);) blocks.push_back(std::move(b));
  if (insert.table_function) {
    storage->insert(blocks, sc.context);
  } else {
    uint64_t rows = 0, bytes = 0;
    for (const auto& b : blocks) rows += b.rows(), bytes += b.bytes();
    auto done = sc.session.engine().asyncInserts().push(target_db, target_table, std::move(blocks), sc.context.settings);
    if (sc.context.settings.wait_for_async_insert) done.get();
    sc.context.addWritten(rows, bytes);
  }
}

}  // namespace tally
