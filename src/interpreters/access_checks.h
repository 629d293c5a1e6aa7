#pragma once
// The privilege checks of statements (interpret_access.cpp).

#include <string>
#include <vector>

#include "access/access_rights.h"
#include "interpreters/interpreters.h"

namespace tally {

/// Throws ACCESS_DENIED (497) "<user>: Not enough privileges. To execute this query, it's
/// necessary to have the grant X ON db.t" unless the session's user holds `flag` there.
/// Reading system tables needs no grant. `privilege_name` names the privilege in the message
/// when it is narrower than the flag (CREATE USER for ACCESS MANAGEMENT).
void requireGrant(Session& session, AccessFlags flag, const std::string& database, const std::string& table,
                  const std::vector<std::string>& columns = {}, bool with_grant_option = false,
                  const std::string& privilege_name = {});
/// The privileges a statement needs on the objects it names directly (SELECTs are checked per
/// table during analysis, through AnalyzerContext::check_select).
void checkStatementAccess(StatementContext& sc, const IAST& ast);
/// Runs an access statement (ast_access.h).
void interpretAccess(StatementContext& sc, const ASTPtr& ast);

}  // namespace tally
