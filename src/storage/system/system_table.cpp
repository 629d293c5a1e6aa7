#include "storage/system/system_table.h"

#include "types/data_type_factory.h"

namespace tally {

SystemTable::SystemTable(std::string engine_name, const std::vector<std::pair<std::string, std::string>>& columns)
    : engine_name_(std::move(engine_name)) {
  ColumnsDescription description;
  for (const auto& [name, type] : columns) description.add({name, dataTypeFromString(type), "", nullptr, "", ""});
  setColumns(std::move(description));
}

BlockStreams SystemTable::read(const ReadRequest& request, QueryContext& context) {
  Block header = this->header(request.columns);
  MutableColumns columns;
  for (const auto& c : columns_.all()) columns.push_back(c.type->createColumn());
  fillData(columns, context);
  size_t rows = columns.empty() ? 0 : columns[0]->size();

  Block full;
  for (size_t i = 0; i < columns.size(); ++i)
    full.insert({std::move(columns[i]), columns_.all()[i].type, columns_.all()[i].name});
  context.addTotalRowsToRead(rows);

  std::vector<Block> blocks;
  size_t block_size = std::max<size_t>(request.max_block_size, 1);
  for (size_t start = 0; start < rows; start += block_size) {
    size_t length = std::min(block_size, rows - start);
    Block block;
    for (const auto& h : header) {
      const auto& source = full.at(size_t(full.position(h.name))).column;
      block.insert({start == 0 && length == rows ? source : source->cut(start, length), h.type, h.name});
    }
    block.setRows(length);
    context.addRead(length, block.bytes());
    blocks.push_back(std::move(block));
  }
  BlockStreams res;
  res.push_back(makeBlocksStream(header, std::move(blocks), engine_name_));
  return res;
}

}  // namespace tally
