#pragma once
// The ClickHouse-dialect SQL parser: text -> AST (ast.h).
//
// Errors: SYNTAX_ERROR (62) with ClickHouse's message shape, e.g.
//   Syntax error: failed at position 8 ('FRM') (line 1, col 8): FRM t. Expected one of: ...
// Positions are 1-based byte offsets into the query text.
//
// Limits: max_query_size (bytes; QUERY_IS_TOO_LARGE), max_parser_depth (TOO_DEEP_RECURSION).

#include <string>
#include <exception>
#include <string_view>
#include <vector>

#include "parser/ast.h"

namespace tally {

struct ParserLimits {
  size_t max_query_size = 0;      // 0 = unlimited
  size_t max_parser_depth = 1000;
};

/// Parses exactly one statement (an optional trailing ';' is allowed).
ASTPtr parseQuery(std::string_view query, const ParserLimits& limits = {});

/// One statement of a multi-statement text.
struct ParsedStatement {
  ASTPtr ast;
  size_t begin = 0, end = 0;  // byte range of the statement text (without the ';')
  std::exception_ptr error;   // set (and ast null) when the statement did not parse (keep_going)
};

/// Splits and parses `;`-separated statements (as clickhouse-local / clickhouse-client -n do).
/// INSERT ... FORMAT data runs to the end of its line; VALUES data ends at the ';'.
/// Empty statements are skipped. A statement that does not parse throws SYNTAX_ERROR, unless
/// `keep_going`: then it is returned with `error` set, spanning up to the next ';' token, and
/// splitting resumes after it (as clickhouse-client --ignore-error does).
std::vector<ParsedStatement> parseMultipleQueries(std::string_view text, const ParserLimits& limits = {},
                                                  bool keep_going = false);

/// Parses a standalone expression (e.g. a column DEFAULT, a dictionary expression).
ASTPtr parseExpression(std::string_view text, const ParserLimits& limits = {});

/// The column name ClickHouse gives an expression: plus(a, 1), count(), 'abc', [1, 2],
/// CAST(x, 'UInt8'), quantile(0.5)(x), tupleElement(t, 1) ... (aliases are not included).
std::string formatColumnName(const IAST& ast);

/// SQL text of an AST (one line), used for SHOW CREATE and stored view definitions.
std::string formatAST(const IAST& ast);

}  // namespace tally
