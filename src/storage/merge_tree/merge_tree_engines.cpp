// Registers the MergeTree family (and Log: a MergeTree without a key, so rows keep insertion order).

#include "common/exception.h"
#include "storage/merge_tree/storage_merge_tree.h"
#include "storage/storage_factory.h"

namespace tally {

namespace {

/// Column names among the engine arguments: `a`, `(a, b)`, `tuple(a, b)`.
std::vector<std::string> columnArguments(const StorageCreateArguments& args) {
  std::vector<std::string> names;
  if (!args.storage || !args.storage->engine) return names;
  std::function<void(const ASTPtr&)> collect = [&](const ASTPtr& a) {
    if (a->kind == ASTKind::Identifier) {
      names.push_back(a->as<ASTIdentifier>().name());
    } else if (a->kind == ASTKind::Function && a->as<ASTFunction>().name == "tuple") {
      for (const auto& c : a->as<ASTFunction>().args()) collect(c);
    } else {
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Engine argument {} must be a column name", formatAST(*a));
    }
  };
  for (const auto& a : args.storage->engine->as<ASTFunction>().args()) collect(a);
  return names;
}

void requireKey(const StorageCreateArguments& args, const std::string& engine) {
  if (!args.storage || (!args.storage->order_by && !args.storage->primary_key))
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "ORDER BY or PRIMARY KEY clause is missing. Consider using extended storage definition syntax with ORDER "
                    "BY or PRIMARY KEY clause. With deprecated old syntax (highly not recommended) storage {} requires 3 to 4 "
                    "parameters",
                    engine);
}

StoragePtr make(const StorageCreateArguments& args, MergingMode mode, const std::string& engine) {
  requireKey(args, engine);
  return std::make_shared<StorageMergeTree>(args, std::move(mode), engine, true);
}

}  // namespace

REGISTER_STORAGE(MergeTreeFamily) {
  factory.registerStorage("MergeTree", [](const StorageCreateArguments& args) -> StoragePtr {
    if (!columnArguments(args).empty())
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Engine MergeTree doesn't take arguments with the ORDER BY syntax");
    return make(args, MergingMode{}, "MergeTree");
  });
  factory.registerStorage("SummingMergeTree", [](const StorageCreateArguments& args) -> StoragePtr {
    MergingMode mode;
    mode.kind = MergingMode::Kind::Summing;
    mode.columns_to_sum = columnArguments(args);
    return make(args, mode, "SummingMergeTree");
  });
  factory.registerStorage("AggregatingMergeTree", [](const StorageCreateArguments& args) -> StoragePtr {
    MergingMode mode;
    mode.kind = MergingMode::Kind::Aggregating;
    return make(args, mode, "AggregatingMergeTree");
  });
  factory.registerStorage("ReplacingMergeTree", [](const StorageCreateArguments& args) -> StoragePtr {
    MergingMode mode;
    mode.kind = MergingMode::Kind::Replacing;
    auto cols = columnArguments(args);
    if (cols.size() > 1) throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "ReplacingMergeTree takes at most one argument (version column)");
    if (!cols.empty()) mode.version_column = cols[0];
    return make(args, mode, "ReplacingMergeTree");
  });
  factory.registerStorage("CollapsingMergeTree", [](const StorageCreateArguments& args) -> StoragePtr {
    MergingMode mode;
    mode.kind = MergingMode::Kind::Collapsing;
    auto cols = columnArguments(args);
    if (cols.size() != 1) throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "CollapsingMergeTree requires one argument: the sign column");
    mode.sign_column = cols[0];
    return make(args, mode, "CollapsingMergeTree");
  });
  for (const char* log : {"Log", "TinyLog", "StripeLog"}) {
    std::string name = log;
    factory.registerStorage(name, [name](const StorageCreateArguments& args) -> StoragePtr {
      StorageCreateArguments plain = args;
      plain.sorting_key.clear();
      plain.partition_key = nullptr;
      return std::make_shared<StorageMergeTree>(plain, MergingMode{}, name, true);
    });
  }
}

}  // namespace tally
