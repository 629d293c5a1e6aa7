#include "formats/parquet/assemble.h"

#include <algorithm>
#include <cstring>

#include "columns/column_array.h"
#include "columns/column_fixed_string.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "columns/column_low_cardinality.h"
#include "common/exception.h"
#include "types/data_type_array.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"

namespace tally::parquet {

namespace {

struct LeafColumn {
  std::vector<Offsets> offsets;  // per Array level, outer first
  MutableColumnPtr inner;        // the leaf's own column (Nullable or not)
};

template <typename T>
MutableColumnPtr scatterVector(const Column& values, const uint16_t* def, size_t n, uint16_t max_def) {
  const auto& src = static_cast<const ColumnVector<T>&>(values).getData();
  auto result = ColumnVector<T>::create();
  auto& out = result->getData();
  out.resize(n);
  size_t j = 0;
  for (size_t i = 0; i < n; ++i) {
    bool present = def[i] == max_def;
    out[i] = present ? src[j] : T();
    j += present;
  }
  return result;
}

/// Values at the slots whose level is max_def, defaults elsewhere.
/// `values` is consumed (its characters are moved for strings).
MutableColumnPtr scatter(const ShapeNode& leaf, Column& values, const uint16_t* def, size_t n) {
  const uint16_t max_def = uint16_t(leaf.max_def);
  switch (leaf.value_kind) {
    case ValueKind::Bool:
    case ValueKind::UInt8: return scatterVector<UInt8>(values, def, n, max_def);
    case ValueKind::Int8: return scatterVector<Int8>(values, def, n, max_def);
    case ValueKind::Int16: return scatterVector<Int16>(values, def, n, max_def);
    case ValueKind::UInt16: return scatterVector<UInt16>(values, def, n, max_def);
    case ValueKind::Int32: return scatterVector<Int32>(values, def, n, max_def);
    case ValueKind::UInt32: return scatterVector<UInt32>(values, def, n, max_def);
    case ValueKind::Int64:
    case ValueKind::Int96Nanos: return scatterVector<Int64>(values, def, n, max_def);
    case ValueKind::UInt64: return scatterVector<UInt64>(values, def, n, max_def);
    case ValueKind::Float32: return scatterVector<Float32>(values, def, n, max_def);
    case ValueKind::Float64:
    case ValueKind::DecimalInt32:
    case ValueKind::DecimalInt64:
    case ValueKind::DecimalBytes:
    case ValueKind::DecimalFixed: return scatterVector<Float64>(values, def, n, max_def);
    case ValueKind::FixedString: {
      const auto& src = static_cast<const ColumnFixedString&>(values).getChars();
      const size_t len = size_t(leaf.type_length);
      auto result = ColumnFixedString::create(len);
      auto& out = result->getChars();
      out.resizeFill(n * len, 0);
      size_t j = 0;
      for (size_t i = 0; i < n; ++i)
        if (def[i] == max_def) std::memcpy(out.data() + i * len, src.data() + (j++) * len, len);
      return result;
    }
    case ValueKind::String: {
      auto& src = static_cast<ColumnString&>(values);
      auto result = ColumnString::create();
      result->getChars().swap(src.getChars());
      auto& offsets = result->getOffsets();
      offsets.resize(n);
      const auto& src_offsets = src.getOffsets();
      size_t j = 0;
      uint64_t end = 0;
      for (size_t i = 0; i < n; ++i) {
        if (def[i] == max_def) end = src_offsets[j++];
        offsets[i] = end;  // a NULL slot is an empty string
      }
      return result;
    }
  }
  return nullptr;
}

/// A string leaf kept as dictionary indices: LowCardinality(leaf's type), each dictionary value
/// entered once; NULL (or default) slots get code 0.
MutableColumnPtr lowCardinalityLeaf(const ShapeNode& leaf, ChunkData& chunk, const uint16_t* def, size_t n) {
  auto column = lowCardinalityLeafType(leaf)->createColumn();
  auto& lc = static_cast<ColumnLowCardinality&>(*column);
  const Column& values = *chunk.dictionary;
  std::vector<uint32_t> remap(values.size());
  for (size_t d = 0; d < values.size(); ++d) remap[d] = lc.codeOf(values.getDataAt(d));
  std::vector<uint32_t> codes(n);
  const uint32_t* src = chunk.codes.data();
  if (!def) {
    for (size_t i = 0; i < n; ++i) codes[i] = remap[src[i]];
  } else {
    const uint16_t max_def = uint16_t(leaf.max_def);
    size_t j = 0;
    for (size_t i = 0; i < n; ++i) codes[i] = def[i] == max_def ? remap[src[j++]] : 0;
  }
  lc.insertIndexes(codes.data(), n);
  return column;
}

/// The leaf's column over `n` slots with definition levels `def` (nullptr: all present).
MutableColumnPtr leafColumn(const ShapeNode& leaf, ChunkData& chunk, const uint16_t* def, size_t n,
                            const std::string& what) {
  size_t present = n;
  if (def) {
    present = 0;
    for (size_t i = 0; i < n; ++i) present += def[i] == uint16_t(leaf.max_def);
  }
  const size_t have = chunk.coded ? chunk.codes.size() : chunk.values->size();
  if (have != present)
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: {} values for {} non-NULL slots", what, have, present);
  if (chunk.coded) return lowCardinalityLeaf(leaf, chunk, def, n);
  MutableColumnPtr values = std::move(chunk.values);
  MutableColumnPtr nested = present == n ? std::move(values) : scatter(leaf, *values, def, n);
  if (!leaf.nullable) return nested;
  auto null_map = ColumnUInt8::create();
  auto& map = null_map->getData();
  map.resize(n);
  if (def) {
    for (size_t i = 0; i < n; ++i) map[i] = def[i] != uint16_t(leaf.max_def);
  } else {
    std::memset(map.data(), 0, n);
  }
  return ColumnNullable::create(std::move(nested), std::move(null_map));
}

LeafColumn buildLeaf(const ShapeNode& leaf, ChunkData& chunk, const std::string& what) {
  LeafColumn result;
  const size_t k = leaf.array_defs.size();
  const size_t n = chunk.num_slots;
  const uint16_t* def = chunk.def.empty() ? nullptr : chunk.def.data();
  if (k == 0) {
    result.inner = leafColumn(leaf, chunk, def, n, what);
    return result;
  }
  if (!def || chunk.rep.size() != n)
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: a repeated column without levels", what);
  result.offsets.resize(k);
  std::vector<uint16_t> slot_defs;
  slot_defs.reserve(n);
  const uint16_t* rep = chunk.rep.data();
  const auto& ad = leaf.array_defs;
  for (size_t i = 0; i < n; ++i) {
    const size_t r = rep[i];
    const uint16_t d = def[i];
    bool slot = true;
    for (size_t j = r == 0 ? 0 : r - 1; j < k; ++j) {
      Offsets& off = result.offsets[j];
      if (r >= 1 && j == r - 1) {
        if (off.empty() || d < uint16_t(ad[j]))
          throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: repetition level {} without a list to repeat",
                          what, r);
        ++off.back();
        continue;
      }
      off.push_back(off.empty() ? 0 : off.back());
      if (d >= uint16_t(ad[j])) {
        ++off.back();
      } else {
        slot = false;
        break;
      }
    }
    if (slot) slot_defs.push_back(d);
  }
  result.inner = leafColumn(leaf, chunk, slot_defs.data(), slot_defs.size(), what);
  return result;
}

size_t firstLeaf(const ShapeNode& node) {
  const ShapeNode* n = &node;
  while (n->kind != ShapeNode::Kind::Leaf) n = &n->children.front();
  return n->leaf;
}

void collectLeafNodes(const ShapeNode& node, std::vector<const ShapeNode*>& out) {
  if (node.kind == ShapeNode::Kind::Leaf) out.push_back(&node);
  for (const auto& c : node.children) collectLeafNodes(c, out);
}

void collectLeaves(const ShapeNode& node, std::vector<size_t>& out) {
  if (node.kind == ShapeNode::Kind::Leaf) out.push_back(node.leaf);
  for (const auto& c : node.children) collectLeaves(c, out);
}

MutableColumnPtr construct(const ShapeNode& node, std::vector<LeafColumn>& leaves, size_t depth,
                           const std::string& what) {
  switch (node.kind) {
    case ShapeNode::Kind::Leaf: return std::move(leaves[node.leaf].inner);
    case ShapeNode::Kind::Tuple: {
      MutableColumns elements;
      size_t rows = 0;
      for (size_t i = 0; i < node.children.size(); ++i) {
        elements.push_back(construct(node.children[i], leaves, depth, what));
        if (i == 0) rows = elements.back()->size();
        else if (elements.back()->size() != rows)
          throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: the fields of '{}' have {} and {} values", what,
                          node.name, rows, elements.back()->size());
      }
      return ColumnTuple::create(std::move(elements), rows);
    }
    case ShapeNode::Kind::Array: {
      std::vector<size_t> ids;
      collectLeaves(node, ids);
      const Offsets& offsets = leaves[firstLeaf(node)].offsets.at(depth);
      for (size_t id : ids)
        if (!(leaves[id].offsets.at(depth) == offsets))
          throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: the fields of list '{}' disagree on its sizes", what,
                          node.name);
      Offsets own = offsets;
      MutableColumnPtr inner = construct(node.children.front(), leaves, depth + 1, what);
      if (inner->size() != (own.empty() ? 0 : own.back()))
        throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: list '{}' has {} elements, its offsets say {}", what,
                        node.name, inner->size(), own.empty() ? 0 : own.back());
      return ColumnArray::create(std::move(inner), std::move(own));
    }
  }
  return nullptr;
}

DataTypePtr assembledType(const ShapeNode& node, const std::vector<bool>& coded) {
  switch (node.kind) {
    case ShapeNode::Kind::Leaf: return coded[node.leaf] ? lowCardinalityLeafType(node) : node.type;
    case ShapeNode::Kind::Tuple: {
      DataTypes types;
      std::vector<std::string> names;
      for (const auto& c : node.children) {
        types.push_back(assembledType(c, coded));
        names.push_back(c.name);
      }
      return std::make_shared<DataTypeTuple>(types, names);
    }
    case ShapeNode::Kind::Array: return std::make_shared<DataTypeArray>(assembledType(node.children.front(), coded));
  }
  return node.type;
}

}  // namespace

DataTypePtr lowCardinalityLeafType(const ShapeNode& leaf) {
  return std::make_shared<DataTypeLowCardinality>(leaf.nullable ? makeNullable(leaf.base_type) : leaf.base_type);
}

ColumnPtr assembleColumn(const ShapeNode& column, std::vector<ChunkData>& chunks, size_t num_rows,
                         const std::string& what, DataTypePtr& type) {
  std::vector<const ShapeNode*> leaf_nodes;
  collectLeafNodes(column, leaf_nodes);
  std::vector<LeafColumn> leaves(chunks.size());
  std::vector<bool> coded(chunks.size());
  for (const ShapeNode* leaf : leaf_nodes) {
    coded[leaf->leaf] = chunks[leaf->leaf].coded;
    leaves[leaf->leaf] = buildLeaf(*leaf, chunks[leaf->leaf], what);
  }
  type = std::count(coded.begin(), coded.end(), true) ? assembledType(column, coded) : column.type;
  MutableColumnPtr result = construct(column, leaves, 0, what);
  if (result->size() != num_rows)
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: {} rows where the row group has {}", what, result->size(),
                    num_rows);
  return result;
}

}  // namespace tally::parquet
