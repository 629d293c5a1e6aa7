// SYSTEM statements: RELOAD DICTIONARY [db.]name, RELOAD DICTIONARIES, FLUSH LOGS,
// FLUSH ASYNC INSERT QUEUE, STOP MERGES / START MERGES [[db.]table].

#include "common/exception.h"
#include "dictionaries/dictionary_registry.h"
#include "interpreters/interpreters.h"
#include "storage/merge_tree/storage_merge_tree.h"

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
  if (q.command == "FLUSH LOGS" || q.command == "FLUSH ASYNC INSERT QUEUE") {
    // system.query_log rows and asynchronous inserts wait in the same queue.
    sc.session.engine().asyncInserts().flushAll();
    return;
  }
  if (q.command == "STOP MERGES" || q.command == "START MERGES") {
    bool enable = q.command == "START MERGES";
    if (!q.target.empty()) {
      StoragePtr storage = resolveTable(sc, q.database, q.target);
      auto* mt = dynamic_cast<StorageMergeTree*>(storage.get());
      if (!mt) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Table {} is not a MergeTree table", q.target);
      mt->setMergesEnabled(enable);
      return;
    }
    for (const auto& db : sc.session.catalog().databases())
      for (const auto& [name, entry] : db->tables())
        if (auto* mt = dynamic_cast<StorageMergeTree*>(entry.storage.get())) mt->setMergesEnabled(enable);
    return;
  }
  throw Exception(ErrorCodes::NOT_IMPLEMENTED, "SYSTEM {} is not supported", q.command);
}

}  // namespace tally
