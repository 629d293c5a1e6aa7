#include "storage/engines/storage_null.h"

#include "common/exception.h"
#include "storage/storage_factory.h"

namespace tally {

BlockStreams StorageNull::read(const ReadRequest& request, QueryContext&) {
  BlockStreams res;
  res.push_back(makeBlocksStream(header(request.columns), {}, "Null"));
  return res;
}

void StorageNull::insert(const Block& block, QueryContext& context) { context.addWritten(block.rows(), block.bytes()); }

REGISTER_STORAGE(Null) {
  factory.registerStorage("Null", [](const StorageCreateArguments& args) -> StoragePtr {
    if (!args.engine_args.empty())
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Engine Null doesn't support any arguments ({} given)", args.engine_args.size());
    return std::make_shared<StorageNull>(args.columns);
  });
}

}  // namespace tally
