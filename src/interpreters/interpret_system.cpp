// SYSTEM statements: RELOAD DICTIONARY [db.]name, RELOAD DICTIONARIES.

#include "common/exception.h"
#include "dictionaries/dictionary_registry.h"
#include "interpreters/interpreters.h"

namespace tally {

void interpretSystem(StatementContext& sc, const ASTPtr& ast) {
  const auto& q = ast->as<ASTSystemQuery>();
  DictionaryRegistry& dictionaries = *sc.session.engine().dictionaries();
  if (q.command == "RELOAD DICTIONARY") {
    if (q.target.empty()) throw Exception(ErrorCodes::SYNTAX_ERROR, "SYSTEM RELOAD DICTIONARY requires a dictionary name");
    std::string name = q.database.empty() ? q.target : q.database + "." + q.target;
    dictionaries.reload(name, sc.session.current_database);
    return;
  }
  if (q.command == "RELOAD DICTIONARIES") {
    dictionaries.reloadAll();
    return;
  }
  throw Exception(ErrorCodes::NOT_IMPLEMENTED, "SYSTEM {} is not supported", q.command);
}

}  // namespace tally
