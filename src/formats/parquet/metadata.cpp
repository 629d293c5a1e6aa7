#include "formats/parquet/metadata.h"

#include "formats/parquet/thrift_compact.h"

namespace tally::parquet {

namespace {

using R = ThriftCompactReader;

/// Iterates the fields of a struct: fn(id, type) must read or skip the value.
template <typename Fn>
void readStruct(R& r, Fn&& fn) {
  int16_t id = 0;
  uint8_t type;
  while (r.readFieldHeader(id, type)) fn(id, type);
}

/// Reads a list of `T` with `read_elem(r)`.
template <typename Fn>
void readList(R& r, uint8_t type, Fn&& read_elem) {
  if (type != R::LIST && type != R::SET) r.fail("a list expected, got type {}", type);
  uint8_t elem;
  uint64_t count;
  r.readListHeader(elem, count);
  for (uint64_t i = 0; i < count; ++i) read_elem(elem);
}

void expect(R& r, uint8_t type, uint8_t wanted) {
  bool ok = type == wanted || (wanted == R::I32 && (type == R::I16 || type == R::BYTE)) ||
            (wanted == R::I64 && (type == R::I32 || type == R::I16));
  if (!ok) r.fail("field of type {} where type {} was expected", type, wanted);
}

int32_t i32(R& r, uint8_t type) {
  expect(r, type, R::I32);
  if (type == R::BYTE) return r.readI8();  // i8 fields (IntType.bitWidth) are one raw byte
  return r.readI32();
}
int64_t i64(R& r, uint8_t type) {
  expect(r, type, R::I64);
  return r.readInt();
}
std::string str(R& r, uint8_t type) {
  expect(r, type, R::BINARY);
  return r.readBinary();
}
bool boolean(R& r, uint8_t type) {
  if (type != R::BOOL_TRUE && type != R::BOOL_FALSE) r.fail("a bool expected, got type {}", type);
  return R::fieldBool(type);
}

/// TimeUnit union: the field id is the unit.
int32_t timeUnit(R& r, uint8_t type) {
  expect(r, type, R::STRUCT);
  int32_t unit = 0;
  readStruct(r, [&](int16_t id, uint8_t t) {
    unit = id;
    r.skip(t);
  });
  return unit;
}

LogicalType logicalType(R& r, uint8_t type) {
  expect(r, type, R::STRUCT);
  LogicalType lt;
  readStruct(r, [&](int16_t id, uint8_t t) {
    if (t != R::STRUCT) {
      r.skip(t);
      return;
    }
    lt.kind = LogicalType::Kind(id);
    switch (id) {
      case LogicalType::DECIMAL:
        readStruct(r, [&](int16_t f, uint8_t ft) {
          if (f == 1) lt.scale = i32(r, ft);
          else if (f == 2) lt.precision = i32(r, ft);
          else r.skip(ft);
        });
        return;
      case LogicalType::TIME:
      case LogicalType::TIMESTAMP:
        readStruct(r, [&](int16_t f, uint8_t ft) {
          if (f == 1) lt.adjusted_to_utc = boolean(r, ft);
          else if (f == 2) lt.time_unit = timeUnit(r, ft);
          else r.skip(ft);
        });
        return;
      case LogicalType::INTEGER:
        readStruct(r, [&](int16_t f, uint8_t ft) {
          if (f == 1) lt.bit_width = i32(r, ft);
          else if (f == 2) lt.is_signed = boolean(r, ft);
          else r.skip(ft);
        });
        return;
      default: r.skip(t); return;
    }
  });
  return lt;
}

SchemaElement schemaElement(R& r) {
  SchemaElement e;
  readStruct(r, [&](int16_t id, uint8_t t) {
    switch (id) {
      case 1: {
        int32_t v = i32(r, t);
        if (v < 0 || v > 7) r.fail("unknown physical type {}", v);
        e.type = PhysicalType(v);
        return;
      }
      case 2: e.type_length = i32(r, t); return;
      case 3: {
        int32_t v = i32(r, t);
        if (v < 0 || v > 2) r.fail("unknown repetition type {}", v);
        e.repetition = Repetition(v);
        return;
      }
      case 4: e.name = str(r, t); return;
      case 5: e.num_children = i32(r, t); return;
      case 6: e.converted_type = i32(r, t); return;
      case 7: e.scale = i32(r, t); return;
      case 8: e.precision = i32(r, t); return;
      case 10: e.logical = logicalType(r, t); return;
      default: r.skip(t); return;
    }
  });
  return e;
}

ColumnMetaData columnMetaData(R& r, uint8_t type) {
  expect(r, type, R::STRUCT);
  ColumnMetaData m;
  readStruct(r, [&](int16_t id, uint8_t t) {
    switch (id) {
      case 1: {
        int32_t v = i32(r, t);
        if (v < 0 || v > 7) r.fail("unknown physical type {}", v);
        m.type = PhysicalType(v);
        return;
      }
      case 3: readList(r, t, [&](uint8_t et) { m.path_in_schema.push_back(str(r, et)); }); return;
      case 4: m.codec = Codec(i32(r, t)); return;
      case 5: m.num_values = i64(r, t); return;
      case 7: m.total_compressed_size = i64(r, t); return;
      case 9: m.data_page_offset = i64(r, t); return;
      case 11: m.dictionary_page_offset = i64(r, t); return;
      default: r.skip(t); return;
    }
  });
  return m;
}

ColumnChunk columnChunk(R& r) {
  ColumnChunk c;
  readStruct(r, [&](int16_t id, uint8_t t) {
    switch (id) {
      case 1: c.file_path = str(r, t); return;
      case 3:
        c.meta_data = columnMetaData(r, t);
        c.has_meta_data = true;
        return;
      default: r.skip(t); return;
    }
  });
  return c;
}

RowGroup rowGroup(R& r) {
  RowGroup g;
  readStruct(r, [&](int16_t id, uint8_t t) {
    switch (id) {
      case 1:
        readList(r, t, [&](uint8_t et) {
          expect(r, et, R::STRUCT);
          g.columns.push_back(columnChunk(r));
        });
        return;
      case 3: g.num_rows = i64(r, t); return;
      default: r.skip(t); return;
    }
  });
  return g;
}

}  // namespace

FileMetaData readFileMetaData(std::string_view file) {
  constexpr size_t kTail = 8;  // footer length + "PAR1"
  if (file.size() < 4 + kTail || file.substr(0, 4) != "PAR1")
    throw Exception(ErrorCodes::INCORRECT_DATA,
                    "Parquet: the input is not a Parquet file ({} bytes, no PAR1 magic at the start)", file.size());
  if (file.substr(file.size() - 4) != "PAR1")
    throw Exception(ErrorCodes::INCORRECT_DATA,
                    "Parquet: no PAR1 magic at the end of the file ({} bytes): the file is truncated or not Parquet",
                    file.size());
  uint32_t footer_len;
  std::memcpy(&footer_len, file.data() + file.size() - kTail, 4);
  if (footer_len > file.size() - 4 - kTail)
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: the footer length {} exceeds the file size {}", footer_len,
                    file.size());
  size_t footer_pos = file.size() - kTail - footer_len;
  R r(file.data() + footer_pos, footer_len, footer_pos, "file metadata");
  FileMetaData md;
  readStruct(r, [&](int16_t id, uint8_t t) {
    switch (id) {
      case 1: md.version = i32(r, t); return;
      case 2:
        readList(r, t, [&](uint8_t et) {
          expect(r, et, R::STRUCT);
          md.schema.push_back(schemaElement(r));
        });
        return;
      case 3: md.num_rows = i64(r, t); return;
      case 4:
        readList(r, t, [&](uint8_t et) {
          expect(r, et, R::STRUCT);
          md.row_groups.push_back(rowGroup(r));
        });
        return;
      case 6: md.created_by = str(r, t); return;
      default: r.skip(t); return;
    }
  });
  if (md.schema.empty()) r.fail("no schema");
  return md;
}

PageHeader readPageHeader(const char* data, size_t size, size_t file_offset, size_t& header_size) {
  R r(data, size, file_offset, "page header");
  PageHeader h;
  auto data_header = [&](uint8_t t, bool v2) {
    expect(r, t, R::STRUCT);
    readStruct(r, [&](int16_t id, uint8_t ft) {
      if (id == 1) h.num_values = i32(r, ft);
      else if (!v2 && id == 2) h.encoding = Encoding(i32(r, ft));
      else if (!v2 && id == 3) h.definition_level_encoding = Encoding(i32(r, ft));
      else if (!v2 && id == 4) h.repetition_level_encoding = Encoding(i32(r, ft));
      else if (v2 && id == 2) h.num_nulls = i32(r, ft);
      else if (v2 && id == 3) h.num_rows = i32(r, ft);
      else if (v2 && id == 4) h.encoding = Encoding(i32(r, ft));
      else if (v2 && id == 5) h.definition_levels_byte_length = i32(r, ft);
      else if (v2 && id == 6) h.repetition_levels_byte_length = i32(r, ft);
      else if (v2 && id == 7) h.is_compressed = boolean(r, ft);
      else r.skip(ft);
    });
  };
  readStruct(r, [&](int16_t id, uint8_t t) {
    switch (id) {
      case 1: h.type = PageType(i32(r, t)); return;
      case 2: h.uncompressed_page_size = i32(r, t); return;
      case 3: h.compressed_page_size = i32(r, t); return;
      case 5: data_header(t, false); return;
      case 7:
        expect(r, t, R::STRUCT);
        readStruct(r, [&](int16_t fid, uint8_t ft) {
          if (fid == 1) h.num_values = i32(r, ft);
          else if (fid == 2) h.encoding = Encoding(i32(r, ft));
          else r.skip(ft);
        });
        return;
      case 8: data_header(t, true); return;
      default: r.skip(t); return;
    }
  });
  if (h.compressed_page_size < 0 || h.uncompressed_page_size < 0 || h.num_values < 0 ||
      h.definition_levels_byte_length < 0 || h.repetition_levels_byte_length < 0)
    r.fail("negative sizes in the page header");
  header_size = r.consumed();
  return h;
}

}  // namespace tally::parquet
