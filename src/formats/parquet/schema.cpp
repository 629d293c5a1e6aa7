#include "formats/parquet/schema.h"

#include "common/exception.h"
#include "types/data_type_array.h"
#include "types/data_type_factory.h"

namespace tally::parquet {

namespace {

struct SchemaBuilder {
  const std::vector<SchemaElement>& elements;
  size_t next = 1;  // elements[0] is the root
  ParquetSchema& out;

  /// Leaf value type and conversion for a primitive element.
  void mapPrimitive(const SchemaElement& e, ShapeNode& leaf, const std::string& path) {
    const LogicalType& lt = e.logical;
    const int32_t ct = e.converted_type;
    leaf.physical = *e.type;
    leaf.type_length = e.type_length;
    const bool decimal = lt.kind == LogicalType::DECIMAL || ct == CT_DECIMAL;
    leaf.scale = lt.kind == LogicalType::DECIMAL ? lt.scale : e.scale;
    std::string type;
    auto unsupported = [&](const char* what) {
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet: column '{}' has {}, which is not supported", path, what);
    };
    switch (*e.type) {
      case PhysicalType::BOOLEAN:
        leaf.value_kind = ValueKind::Bool;
        type = "Bool";
        break;
      case PhysicalType::INT32: {
        leaf.value_kind = ValueKind::Int32;
        type = "Int32";
        int bits = 32;
        bool is_signed = true;
        if (lt.kind == LogicalType::INTEGER) {
          bits = lt.bit_width;
          is_signed = lt.is_signed;
        } else if (ct >= CT_UINT_8 && ct <= CT_UINT_32) {
          bits = 8 << (ct - CT_UINT_8);
          is_signed = false;
        } else if (ct >= CT_INT_8 && ct <= CT_INT_32) {
          bits = 8 << (ct - CT_INT_8);
        }
        if (decimal) {
          leaf.value_kind = ValueKind::DecimalInt32;
          type = "Float64";
        } else if (lt.kind == LogicalType::DATE || ct == CT_DATE) {
          type = "Date32";
        } else if (bits == 8) {
          leaf.value_kind = is_signed ? ValueKind::Int8 : ValueKind::UInt8;
          type = is_signed ? "Int8" : "UInt8";
        } else if (bits == 16) {
          leaf.value_kind = is_signed ? ValueKind::Int16 : ValueKind::UInt16;
          type = is_signed ? "Int16" : "UInt16";
        } else if (!is_signed) {
          leaf.value_kind = ValueKind::UInt32;
          type = "UInt32";
        }
        break;
      }
      case PhysicalType::INT64: {
        leaf.value_kind = ValueKind::Int64;
        type = "Int64";
        bool is_unsigned = (lt.kind == LogicalType::INTEGER && !lt.is_signed) || ct == CT_UINT_64;
        int unit = 0;  // 1 millis, 2 micros, 3 nanos
        if (lt.kind == LogicalType::TIMESTAMP) unit = lt.time_unit;
        else if (ct == CT_TIMESTAMP_MILLIS) unit = 1;
        else if (ct == CT_TIMESTAMP_MICROS) unit = 2;
        if (decimal) {
          leaf.value_kind = ValueKind::DecimalInt64;
          type = "Float64";
        } else if (unit >= 1 && unit <= 3) {
          type = fmt::format("DateTime64({}, 'UTC')", unit * 3);
        } else if (is_unsigned) {
          leaf.value_kind = ValueKind::UInt64;
          type = "UInt64";
        }
        break;
      }
      case PhysicalType::INT96:
        leaf.value_kind = ValueKind::Int96Nanos;
        type = "DateTime64(9, 'UTC')";
        break;
      case PhysicalType::FLOAT:
        leaf.value_kind = ValueKind::Float32;
        type = "Float32";
        break;
      case PhysicalType::DOUBLE:
        leaf.value_kind = ValueKind::Float64;
        type = "Float64";
        break;
      case PhysicalType::BYTE_ARRAY:
        leaf.value_kind = decimal ? ValueKind::DecimalBytes : ValueKind::String;
        type = decimal ? "Float64" : "String";
        break;
      case PhysicalType::FIXED_LEN_BYTE_ARRAY:
        if (e.type_length <= 0 || e.type_length > (1 << 20)) unsupported("a FIXED_LEN_BYTE_ARRAY length out of range");
        if (lt.kind == LogicalType::FLOAT16) unsupported("the FLOAT16 logical type");
        leaf.value_kind = decimal ? ValueKind::DecimalFixed : ValueKind::FixedString;
        type = decimal ? "Float64" : fmt::format("FixedString({})", e.type_length);
        break;
    }
    if (decimal && (leaf.scale < 0 || leaf.scale > 76)) unsupported("a DECIMAL scale out of range");
    leaf.base_type = dataTypeFromString(type);
  }

  /// Parses the element at `next` and its subtree. def/rep: levels of the parent.
  ShapeNode parse(int16_t def, int16_t rep, std::vector<int16_t> array_defs, const std::string& parent_path,
                  int depth) {
    if (next >= elements.size())
      throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: the schema declares more children than it has elements");
    if (depth > 64) throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: the schema is nested too deeply");
    const SchemaElement& e = elements[next++];
    const std::string path = parent_path.empty() ? e.name : parent_path + "." + e.name;
    if (e.repetition != Repetition::REQUIRED) ++def;
    const bool repeated = e.repetition == Repetition::REPEATED;
    if (repeated) {
      ++rep;
      array_defs.push_back(def);
    }

    ShapeNode node;
    node.name = e.name;
    if (e.num_children < 0 || size_t(e.num_children) > elements.size())
      throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: schema element '{}' has {} children", path, e.num_children);
    if (e.num_children == 0 && e.type) {
      node.kind = ShapeNode::Kind::Leaf;
      node.leaf = out.num_leaves++;
      out.leaf_paths.push_back(path);
      node.max_def = def;
      node.max_rep = rep;
      node.array_defs = array_defs;
      mapPrimitive(e, node, path);
      node.nullable = e.repetition == Repetition::OPTIONAL && node.base_type->canBeInsideNullable();
      node.type = node.nullable ? makeNullable(node.base_type) : node.base_type;
    } else {
      if (e.num_children == 0)
        throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: schema group '{}' has no children", path);
      const bool is_list = e.converted_type == CT_LIST || e.logical.kind == LogicalType::LIST;
      const bool is_map = e.converted_type == CT_MAP || e.converted_type == CT_MAP_KEY_VALUE ||
                          e.logical.kind == LogicalType::MAP;
      if (is_list && !repeated && e.num_children == 1 && next < elements.size() &&
          elements[next].repetition == Repetition::REPEATED) {
        // LIST: `repeated group list { element }` (3-level) or a repeated field (2-level).
        const SchemaElement& r = elements[next];
        bool three_level = r.num_children == 1 && r.name != "array" && r.name != e.name + "_tuple";
        if (three_level) {
          ++next;
          std::vector<int16_t> inner = array_defs;
          inner.push_back(int16_t(def + 1));
          ShapeNode element = parse(int16_t(def + 1), int16_t(rep + 1), inner, path + "." + r.name, depth + 1);
          node.kind = ShapeNode::Kind::Array;
          node.type = std::make_shared<DataTypeArray>(element.type);
          node.children.push_back(std::move(element));
        } else {
          ShapeNode element = parse(def, rep, array_defs, path, depth + 1);  // the repeated node is the array
          element.name = e.name;
          node = std::move(element);
        }
        return node;
      }
      node.kind = ShapeNode::Kind::Tuple;
      DataTypes types;
      std::vector<std::string> names;
      for (int32_t i = 0; i < e.num_children; ++i) {
        node.children.push_back(parse(def, rep, array_defs, path, depth + 1));
        types.push_back(node.children.back().type);
        names.push_back(node.children.back().name);
      }
      // MAP: the group holds one repeated key_value group, which is the column: Array(Tuple(key, value)).
      if (is_map && e.num_children == 1 && node.children[0].kind == ShapeNode::Kind::Array) {
        ShapeNode only = std::move(node.children[0]);
        only.name = e.name;
        node = std::move(only);
      } else {
        node.type = std::make_shared<DataTypeTuple>(types, names);
      }
    }
    if (repeated) {
      // A repeated field or group: Array of it. The element node keeps the levels.
      ShapeNode array;
      array.kind = ShapeNode::Kind::Array;
      array.name = node.name;
      array.type = std::make_shared<DataTypeArray>(node.type);
      array.children.push_back(std::move(node));
      return array;
    }
    return node;
  }
};

}  // namespace

ParquetSchema buildSchema(const FileMetaData& metadata) {
  ParquetSchema schema;
  const auto& elements = metadata.schema;
  SchemaBuilder builder{elements, 1, schema};
  int32_t top = elements[0].num_children;
  if (top < 0 || size_t(top) >= elements.size() + 1)
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: the schema root declares {} columns", top);
  for (int32_t i = 0; i < top; ++i) schema.columns.push_back(builder.parse(0, 0, {}, "", 0));
  if (builder.next != elements.size())
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: the schema has {} elements, its tree uses {}",
                    elements.size(), builder.next);
  return schema;
}

}  // namespace tally::parquet
