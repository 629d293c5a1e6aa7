// Parquet input format (ClickHouse's `Parquet` input): one block per row group, only the
// requested top-level columns decoded (matched by name; a missing one is THERE_IS_NO_COLUMN),
// each converted to the requested type with CAST when it differs from the file's mapping
// (schema.h). The whole file must be addressable: a regular file opened by name is memory-mapped
// (only the pages of the requested columns are touched); any other input (stdin, a decompressed
// stream) is read into memory first. The schema reader gives the top-level columns and types.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <algorithm>

#include "columns/column_array.h"
#include "columns/column_nullable.h"
#include "columns/column_tuple.h"
#include "common/exception.h"
#include "formats/format.h"
#include "formats/parquet/assemble.h"
#include "formats/parquet/column_reader.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/schema.h"
#include "functions/conversion/cast.h"
#include "types/data_type_array.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace parquet {

/// The bytes of a whole Parquet input: a mapping of a regular file, or a copy of a stream.
class ParquetBytes {
 public:
  explicit ParquetBytes(ReadBuffer& in) {
    auto* file = dynamic_cast<ReadBufferFromFile*>(&in);
    struct stat st {};
    if (file && in.offset() == 0 && ::fstat(file->fd(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* map = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, file->fd(), 0);
      if (map != MAP_FAILED) {
        map_ = map;
        map_size_ = size_t(st.st_size);
        view_ = std::string_view(static_cast<const char*>(map), map_size_);
        in.setPosition(in.bufferEnd());
        return;
      }
    }
    in.readAll(owned_);
    view_ = owned_;
  }
  ~ParquetBytes() {
    if (map_) ::munmap(map_, map_size_);
  }
  ParquetBytes(const ParquetBytes&) = delete;
  ParquetBytes& operator=(const ParquetBytes&) = delete;

  std::string_view view() const { return view_; }

 private:
  std::string owned_;
  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::string_view view_;
};

/// input_format_null_as_default: where the target type is not Nullable, NULLs of the file become
/// the type's default. NULL slots already hold defaults (assemble.cpp), so the Nullable
/// wrapper is dropped, at any depth of Tuples and Arrays the target mirrors.
void dropNullsForTarget(ColumnPtr& column, DataTypePtr& type, const DataTypePtr& target) {
  if (type->typeId() == TypeIndex::Nullable && !target->isNullable() &&
      target->typeId() != TypeIndex::LowCardinality) {
    column = static_cast<const ColumnNullable&>(*column).getNestedColumnPtr();
    type = static_cast<const DataTypeNullable&>(*type).getNestedType();
  }
  if (type->typeId() == TypeIndex::Array && target->typeId() == TypeIndex::Array) {
    const auto& array = static_cast<const ColumnArray&>(*column);
    ColumnPtr data = array.getDataPtr();
    DataTypePtr element = static_cast<const DataTypeArray&>(*type).getNestedType();
    dropNullsForTarget(data, element, static_cast<const DataTypeArray&>(*target).getNestedType());
    if (data != array.getDataPtr()) {
      column = ColumnArray::create(data, array.getOffsets());
      type = std::make_shared<DataTypeArray>(element);
    }
  } else if (type->typeId() == TypeIndex::Tuple && target->typeId() == TypeIndex::Tuple) {
    const auto& tuple_type = static_cast<const DataTypeTuple&>(*type);
    const auto& target_type = static_cast<const DataTypeTuple&>(*target);
    if (tuple_type.getElements().size() != target_type.getElements().size()) return;
    const auto& tuple = static_cast<const ColumnTuple&>(*column);
    Columns elements;
    DataTypes types;
    bool changed = false;
    for (size_t i = 0; i < tuple.tupleSize(); ++i) {
      ColumnPtr element = tuple.getColumnPtr(i);
      DataTypePtr element_type = tuple_type.getElements()[i];
      dropNullsForTarget(element, element_type, target_type.getElements()[i]);
      changed |= element != tuple.getColumnPtr(i);
      elements.push_back(element);
      types.push_back(element_type);
    }
    if (changed) {
      column = ColumnTuple::create(elements, column->size());
      type = std::make_shared<DataTypeTuple>(types, tuple_type.getElementNames());
    }
  }
}

class ParquetInputFormat final : public IInputFormat {
 public:
  ParquetInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings)
      : IInputFormat(in, header, settings) {}

  Block read(size_t /*max_rows*/) override {
    if (!bytes_) open();
    while (next_row_group_ < metadata_.row_groups.size()) {
      const size_t index = next_row_group_++;
      const RowGroup& group = metadata_.row_groups[index];
      if (group.num_rows < 0)
        throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: row group {} has {} rows", index, group.num_rows);
      if (group.num_rows == 0) continue;
      if (group.columns.size() != schema_.num_leaves)
        throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: row group {} has {} columns, the schema {}", index,
                        group.columns.size(), schema_.num_leaves);
      const size_t rows = size_t(group.num_rows);
      Block block;
      for (size_t i = 0; i < header_.columns(); ++i) {
        const auto& target = header_.at(i);
        const ShapeNode& node = nodes_[i];
        std::vector<ChunkData> chunks(schema_.num_leaves);
        readLeaves(node, group, index, rows, keep_codes_, chunks);
        const std::string what = fmt::format("column '{}' (row group {})", node.name, index);
        DataTypePtr type;
        ColumnPtr column = assembleColumn(node, chunks, rows, what, type);
        if (settings_.null_as_default) dropNullsForTarget(column, type, target.type);
        if (type->name() != target.type->name()) {
          try {
            column = castColumn({column, type, target.name}, target.type, FunctionContext{});
          } catch (Exception& e) {
            e.addMessage(fmt::format(": (while converting Parquet column '{}' of type {} to {})", target.name,
                                     node.type->name(), target.type->name()));
            throw;
          }
        }
        block.insert({column, target.type, target.name});
      }
      if (header_.columns() == 0) block.setRows(rows);  // count(): no column decoded, the rows count
      rows_read_ += rows;
      return block;
    }
    return header_.cloneEmpty();
  }

 private:
  void open() {
    bytes_ = std::make_unique<ParquetBytes>(in_);
    metadata_ = readFileMetaData(bytes_->view());
    schema_ = buildSchema(metadata_);
    for (const auto& c : header_) {
      size_t found = schema_.columns.size();
      for (size_t j = 0; j < schema_.columns.size(); ++j)
        if (schema_.columns[j].name == c.name) found = j;
      if (found == schema_.columns.size())
        throw Exception(ErrorCodes::THERE_IS_NO_COLUMN, "Column \"{}\" is not presented in input data", c.name);
      positions_.push_back(found);
      nodes_.push_back(selectFields(schema_.columns[found], c.type));
      markLowCardinalityLeaves(nodes_.back(), c.type);
    }
  }

  /// The part of `node` the target type asks for: a Tuple with named elements that all name
  /// fields of a struct reads only those fields (in the target's order; at any depth), so
  /// unneeded fields are never decoded. Otherwise the whole node.
  static ShapeNode selectFields(const ShapeNode& node, const DataTypePtr& target) {
    if (node.kind == ShapeNode::Kind::Array && target->typeId() == TypeIndex::Array) {
      ShapeNode out = node;
      out.children[0] = selectFields(node.children[0], static_cast<const DataTypeArray&>(*target).getNestedType());
      out.type = std::make_shared<DataTypeArray>(out.children[0].type);
      return out;
    }
    if (node.kind != ShapeNode::Kind::Tuple || target->typeId() != TypeIndex::Tuple) return node;
    const auto& tuple = static_cast<const DataTypeTuple&>(*target);
    if (!tuple.hasExplicitNames()) return node;
    ShapeNode out = node;
    out.children.clear();
    DataTypes types;
    for (size_t i = 0; i < tuple.getElements().size(); ++i) {
      const std::string& name = tuple.getElementNames()[i];
      auto child = std::find_if(node.children.begin(), node.children.end(), [&](const ShapeNode& c) { return c.name == name; });
      if (child == node.children.end()) return node;  // not a subset: read it all (the cast reports what differs)
      out.children.push_back(selectFields(*child, tuple.getElements()[i]));
      types.push_back(out.children.back().type);
    }
    if (out.children.empty()) return node;
    out.type = std::make_shared<DataTypeTuple>(types, tuple.getElementNames());
    return out;
  }

  /// String leaves wanted as LowCardinality of their own type (inside Tuples and Arrays the
  /// target mirrors) are read as dictionary indices: no string is copied per row.
  void markLowCardinalityLeaves(const ShapeNode& node, const DataTypePtr& target) {
    keep_codes_.resize(schema_.num_leaves);
    switch (node.kind) {
      case ShapeNode::Kind::Leaf:
        if (node.value_kind == ValueKind::String && target->typeId() == TypeIndex::LowCardinality &&
            lowCardinalityLeafType(node)->name() == target->name())
          keep_codes_[node.leaf] = true;
        return;
      case ShapeNode::Kind::Tuple: {
        if (target->typeId() != TypeIndex::Tuple) return;
        const auto& elements = static_cast<const DataTypeTuple&>(*target).getElements();
        if (elements.size() != node.children.size()) return;
        for (size_t i = 0; i < elements.size(); ++i) markLowCardinalityLeaves(node.children[i], elements[i]);
        return;
      }
      case ShapeNode::Kind::Array:
        if (target->typeId() == TypeIndex::Array)
          markLowCardinalityLeaves(node.children.front(), static_cast<const DataTypeArray&>(*target).getNestedType());
        return;
    }
  }

  void readLeaves(const ShapeNode& node, const RowGroup& group, size_t index, size_t rows,
                  const std::vector<bool>& keep_codes, std::vector<ChunkData>& chunks) {
    if (node.kind == ShapeNode::Kind::Leaf) {
      chunks[node.leaf] = readColumnChunk(bytes_->view(), group.columns[node.leaf], node,
                                          schema_.leaf_paths[node.leaf], index, rows, keep_codes[node.leaf]);
      return;
    }
    for (const auto& c : node.children) readLeaves(c, group, index, rows, keep_codes, chunks);
  }

  std::unique_ptr<ParquetBytes> bytes_;
  FileMetaData metadata_;
  ParquetSchema schema_;
  std::vector<size_t> positions_;  // header column -> top-level schema column
  std::vector<ShapeNode> nodes_;   // header column -> the part of that column it reads
  std::vector<bool> keep_codes_;   // per leaf: read as dictionary indices (LowCardinality)
  size_t next_row_group_ = 0;
};

InferredSchema readParquetSchema(ReadBuffer& in, const FormatSettings&, size_t) {
  ParquetBytes bytes(in);
  FileMetaData metadata = readFileMetaData(bytes.view());
  ParquetSchema schema = buildSchema(metadata);
  InferredSchema result;
  for (const auto& c : schema.columns) result.emplace_back(c.name, c.type);
  return result;
}

}  // namespace parquet

REGISTER_FORMAT(Parquet) {
  factory.registerInputFormat("Parquet", [](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
    return std::make_unique<parquet::ParquetInputFormat>(in, header, settings);
  });
  factory.registerSchemaReader("Parquet", parquet::readParquetSchema);
  factory.markSupportsSubsetOfColumns("Parquet");
}

}  // namespace tally
