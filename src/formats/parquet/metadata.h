#pragma once
// Parquet file metadata: the footer (FileMetaData) and page headers, decoded from the Thrift
// compact protocol by a small reader of our own (thrift_compact.h). Only the fields tally uses
// are kept; unknown fields are skipped. Every read is bounds-checked: malformed metadata throws
// INCORRECT_DATA naming what was being read and the byte position in the file.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally::parquet {

enum class PhysicalType : int32_t {
  BOOLEAN = 0,
  INT32 = 1,
  INT64 = 2,
  INT96 = 3,
  FLOAT = 4,
  DOUBLE = 5,
  BYTE_ARRAY = 6,
  FIXED_LEN_BYTE_ARRAY = 7,
};

enum class Repetition : int32_t { REQUIRED = 0, OPTIONAL = 1, REPEATED = 2 };

/// parquet.thrift ConvertedType (the legacy annotation); -1 when absent.
enum ConvertedType : int32_t {
  CT_NONE = -1,
  CT_UTF8 = 0,
  CT_MAP = 1,
  CT_MAP_KEY_VALUE = 2,
  CT_LIST = 3,
  CT_ENUM = 4,
  CT_DECIMAL = 5,
  CT_DATE = 6,
  CT_TIME_MILLIS = 7,
  CT_TIME_MICROS = 8,
  CT_TIMESTAMP_MILLIS = 9,
  CT_TIMESTAMP_MICROS = 10,
  CT_UINT_8 = 11,
  CT_UINT_16 = 12,
  CT_UINT_32 = 13,
  CT_UINT_64 = 14,
  CT_INT_8 = 15,
  CT_INT_16 = 16,
  CT_INT_32 = 17,
  CT_INT_64 = 18,
  CT_JSON = 19,
  CT_BSON = 20,
  CT_INTERVAL = 21,
};

/// The LogicalType union, flattened: `kind` is the union's field id (0 when absent).
struct LogicalType {
  enum Kind : int16_t {
    NONE = 0, STRING = 1, MAP = 2, LIST = 3, ENUM = 4, DECIMAL = 5, DATE = 6, TIME = 7, TIMESTAMP = 8,
    INTEGER = 10, UNKNOWN = 11, JSON = 12, BSON = 13, UUID = 14, FLOAT16 = 15,
  };
  Kind kind = NONE;
  int32_t scale = 0, precision = 0;  // DECIMAL
  int32_t time_unit = 0;             // TIME/TIMESTAMP: 1 millis, 2 micros, 3 nanos
  bool adjusted_to_utc = false;      // TIME/TIMESTAMP
  int32_t bit_width = 0;             // INTEGER
  bool is_signed = true;             // INTEGER
};

struct SchemaElement {
  std::optional<PhysicalType> type;  // absent for groups
  int32_t type_length = 0;
  Repetition repetition = Repetition::REQUIRED;
  std::string name;
  int32_t num_children = 0;
  int32_t converted_type = CT_NONE;
  int32_t scale = 0, precision = 0;
  LogicalType logical;
};

enum class Codec : int32_t { UNCOMPRESSED = 0, SNAPPY = 1, GZIP = 2, LZO = 3, BROTLI = 4, LZ4 = 5, ZSTD = 6, LZ4_RAW = 7 };

enum class Encoding : int32_t {
  PLAIN = 0,
  PLAIN_DICTIONARY = 2,
  RLE = 3,
  BIT_PACKED = 4,
  DELTA_BINARY_PACKED = 5,
  DELTA_LENGTH_BYTE_ARRAY = 6,
  DELTA_BYTE_ARRAY = 7,
  RLE_DICTIONARY = 8,
  BYTE_STREAM_SPLIT = 9,
};

struct ColumnMetaData {
  PhysicalType type = PhysicalType::INT32;
  std::vector<std::string> path_in_schema;
  Codec codec = Codec::UNCOMPRESSED;
  int64_t num_values = 0;
  int64_t total_compressed_size = 0;
  int64_t data_page_offset = 0;
  std::optional<int64_t> dictionary_page_offset;
};

struct ColumnChunk {
  std::string file_path;  // non-empty: the data lives in another file (not supported)
  bool has_meta_data = false;
  ColumnMetaData meta_data;
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  int64_t num_rows = 0;
};

struct FileMetaData {
  int32_t version = 0;
  std::vector<SchemaElement> schema;  // depth-first, the root first
  int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
  std::string created_by;
};

enum class PageType : int32_t { DATA_PAGE = 0, INDEX_PAGE = 1, DICTIONARY_PAGE = 2, DATA_PAGE_V2 = 3 };

struct PageHeader {
  PageType type = PageType::DATA_PAGE;
  int32_t uncompressed_page_size = 0;
  int32_t compressed_page_size = 0;
  // DATA_PAGE / DATA_PAGE_V2 / DICTIONARY_PAGE
  int32_t num_values = 0;
  Encoding encoding = Encoding::PLAIN;
  // DATA_PAGE only: how the levels are encoded (RLE; BIT_PACKED is deprecated)
  Encoding definition_level_encoding = Encoding::RLE;
  Encoding repetition_level_encoding = Encoding::RLE;
  // DATA_PAGE_V2 only
  int32_t num_nulls = 0;
  int32_t num_rows = 0;
  int32_t definition_levels_byte_length = 0;
  int32_t repetition_levels_byte_length = 0;
  bool is_compressed = true;
};

/// Decodes the FileMetaData of a whole Parquet file held in memory: checks the PAR1 magic at
/// both ends and the footer length. `file_size` positions in messages are from the file start.
FileMetaData readFileMetaData(std::string_view file);

/// Decodes the page header at `data` (at most `size` bytes); returns its encoded length in
/// `header_size`. `file_offset` is the position of `data` in the file, for messages.
PageHeader readPageHeader(const char* data, size_t size, size_t file_offset, size_t& header_size);

}  // namespace tally::parquet
