#include <atomic>
#include <filesystem>

#include "analyzer/query_analyzer.h"
#include "common/exception.h"
#include "execution/operators/transform_streams.h"
#include "formats/format.h"
#include "io/compression.h"
#include "interpreters/access_checks.h"
#include "interpreters/interpreters.h"
#include "parser/parser.h"
#include "types/data_type_string.h"

namespace tally {

AnalyzerContext makeAnalyzerContext(StatementContext& sc) {
  AnalyzerContext a;
  a.catalog = &sc.session.catalog();
  a.current_database = sc.session.current_database;
  a.temporary_tables = &sc.session.temporary_tables;
  a.table_overrides = &sc.session.table_overrides;
  a.query_parameters = sc.parameters;
  a.query_context = &sc.context;
  a.storage_context = &sc.session.storageContext();
  Session* session = &sc.session;
  a.check_select = [session](const std::string& database, const std::string& table, const std::vector<std::string>& columns) {
    requireGrant(*session, AccessType::SELECT, database, table, columns);
  };
  return a;
}

StoragePtr resolveTable(StatementContext& sc, const std::string& database, const std::string& table) {
  if (database.empty()) {
    auto it = sc.session.temporary_tables.find(table);
    if (it != sc.session.temporary_tables.end()) return it->second;
  }
  return sc.session.catalog().getTable(database.empty() ? sc.session.current_database : database, table);
}

namespace {

std::string chooseFormat(StatementContext& sc, const std::string& format) {
  std::string f = format.empty() ? sc.io.default_format : format;
  if (f.empty()) f = "TabSeparated";
  return FormatFactory::instance().canonicalName(f);
}

OutputFormatPtr openOutput(StatementContext& sc, const Block& header, const std::string& format) {
  if (!sc.io.output) throw Exception(ErrorCodes::LOGICAL_ERROR, "No output for query results");
  FormatSettings fs = makeFormatSettings(sc.context.settings, sc.io.output_is_terminal);
  auto out = FormatFactory::instance().getOutput(format, *sc.io.output, header, fs);
  sc.info.format = format;
  sc.info.has_result = true;
  if (sc.io.on_format) sc.io.on_format(format, out->contentType());
  return out;
}

void finishOutput(StatementContext& sc, IOutputFormat& out, std::optional<uint64_t> rows_before_limit) {
  OutputStatistics stats;
  Progress p = sc.context.progress();
  stats.elapsed_seconds = sc.context.elapsedSeconds();
  stats.rows_read = p.read_rows;
  stats.bytes_read = p.read_bytes;
  stats.rows_before_limit = rows_before_limit;
  out.setStatistics(stats);
  out.finalize();
}

}  // namespace

void writeResult(StatementContext& sc, QueryPipeline& pipeline, const Block& header, const std::string& format_name) {
  std::atomic<uint64_t> result_rows{0}, result_bytes{0};
  BlockStreamPtr stream = makeResultLimitsStream(std::move(pipeline.stream), sc.context, &result_rows, &result_bytes);
  if (sc.io.on_block) {
    sc.info.has_result = true;
    if (sc.io.on_header) sc.io.on_header(header);
    Block block;
    while (stream->read(block)) {
      Block named;
      for (size_t i = 0; i < header.columns(); ++i) named.insert({block.at(i).column, header.at(i).type, header.at(i).name});
      named.setRows(block.rows());
      sc.io.on_block(named);
    }
    sc.info.result_rows = result_rows.load();
    sc.info.result_bytes = result_bytes.load();
    return;
  }
  std::string format = chooseFormat(sc, format_name);
  auto out = openOutput(sc, header, format);
  out->writePrefix();
  Block block;
  while (stream->read(block)) {
    // Output names are the header's (the plan may carry internal names).
    Block named;
    for (size_t i = 0; i < header.columns(); ++i) named.insert({block.at(i).column, header.at(i).type, header.at(i).name});
    named.setRows(block.rows());
    out->write(named);
    sc.context.checkAlive();
  }
  if (pipeline.totals && pipeline.totals->totals.rows() && pipeline.totals_projection) {
    Block projected = pipeline.totals_projection->execute(pipeline.totals->totals);
    Block totals;
    for (size_t i = 0; i < header.columns(); ++i) {
      int pos = projected.position(pipeline.totals_sources.at(i));
      totals.insert({projected.at(size_t(pos)).column, header.at(i).type, header.at(i).name});
    }
    totals.setRows(1);
    out->writeTotals(totals);
  }
  sc.info.result_rows = result_rows.load();
  sc.info.result_bytes = result_bytes.load();
  std::optional<uint64_t> before_limit;
  if (pipeline.has_limit) before_limit = result_rows.load();
  finishOutput(sc, *out, before_limit);
}

void writeBlocks(StatementContext& sc, const Block& header, std::vector<Block> blocks, const std::string& format_name) {
  if (sc.io.on_block) {
    sc.info.has_result = true;
    if (sc.io.on_header) sc.io.on_header(header);
    for (auto& b : blocks)
      if (b.rows()) sc.io.on_block(b);
    return;
  }
  std::string format = chooseFormat(sc, format_name);
  auto out = openOutput(sc, header, format);
  out->writePrefix();
  for (auto& b : blocks) {
    if (b.rows() == 0) continue;
    sc.info.result_rows += b.rows();
    sc.info.result_bytes += b.bytes();
    out->write(b);
  }
  finishOutput(sc, *out, std::nullopt);
}

void writeSelectText(StatementContext& sc, const std::string& select, const std::string& format) {
  ASTPtr ast = parseQuery(select);
  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);
  QueryPlan plan = analyzer.analyze(ast);
  Block header = plan.header().cloneEmpty();
  QueryPipeline pipeline = plan.build(sc.context);
  writeResult(sc, pipeline, header, format);
}

void interpretSelect(StatementContext& sc, const ASTPtr& ast) {
  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);
  QueryPlan plan = analyzer.analyze(ast);
  Block header = plan.header().cloneEmpty();
  QueryPipeline pipeline = plan.build(sc.context);
  std::string format, out_file;
  if (ast->kind == ASTKind::SelectWithUnionQuery) {
    format = ast->as<ASTSelectWithUnionQuery>().format;
    out_file = ast->as<ASTSelectWithUnionQuery>().out_file;
  }
  if (out_file.empty()) {
    writeResult(sc, pipeline, header, format);
    return;
  }
  // INTO OUTFILE 'path': the result goes to a new file (compressed by its extension), in the
  // FORMAT given or the one its extension names (TabSeparated otherwise), like clickhouse-local.
  if (std::filesystem::exists(out_file))
    throw Exception(ErrorCodes::FILE_ALREADY_EXISTS, "File {} exists, consider using APPEND or TRUNCATE if appropriate",
                    out_file);
  if (format.empty()) format = FormatFactory::instance().formatFromFileName(out_file);
  if (format.empty()) format = "TabSeparated";
  auto file = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromFile>(out_file),
                                             chooseCompressionMethod(out_file, "auto"));
  QueryIO saved = sc.io;
  sc.io.output = file.get();
  sc.io.output_is_terminal = false;
  sc.io.on_header = nullptr;
  sc.io.on_block = nullptr;
  sc.io.on_format = nullptr;
  try {
    writeResult(sc, pipeline, header, format);
    file->finalize();
  } catch (...) {
    sc.io = std::move(saved);
    throw;
  }
  sc.io = std::move(saved);
}

void interpretExplain(StatementContext& sc, const ASTPtr& ast) {
  const auto& e = ast->as<ASTExplainQuery>();
  std::string text;
  switch (e.explain_kind) {
    case ASTExplainQuery::Kind::AST: text = formatAST(*e.query) + "\n"; break;
    case ASTExplainQuery::Kind::Syntax: text = formatAST(*e.query) + "\n"; break;
    case ASTExplainQuery::Kind::Plan:
    case ASTExplainQuery::Kind::Pipeline:
    case ASTExplainQuery::Kind::Estimate: {
      if (e.query->kind != ASTKind::SelectWithUnionQuery && e.query->kind != ASTKind::SelectQuery)
        throw Exception(ErrorCodes::NOT_IMPLEMENTED, "EXPLAIN is supported for SELECT queries");
      AnalyzerContext actx = makeAnalyzerContext(sc);
      QueryAnalyzer analyzer(actx);
      QueryPlan plan = analyzer.analyze(e.query);
      text = plan.explain();
      break;
    }
  }
  auto type = typeString();
  auto column = type->createColumn();
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    column->insertData(text.data() + start, nl - start);
    start = nl + 1;
  }
  Block header;
  header.insert({nullptr, type, "explain"});
  Block block;
  block.insert({std::move(column), type, "explain"});
  std::vector<Block> blocks;
  blocks.push_back(std::move(block));
  writeBlocks(sc, header, std::move(blocks), e.format);
}

}  // namespace tally
