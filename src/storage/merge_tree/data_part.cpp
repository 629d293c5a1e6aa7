#include "storage/merge_tree/data_part.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <sstream>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "io/durable_file.h"
#include "storage/column_conditions.h"
#include "storage/merge_tree/column_serialization.h"
#include "types/data_type_factory.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_number.h"

namespace tally {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPartHeader = "tally part 2";
/// Granules of a column are compressed together until a frame holds this many bytes (as
/// ClickHouse's min_compress_block_size): small frames compress worse.
constexpr size_t kMinFrameBytes = 64 * 1024;

std::string escapeName(const std::string& s) {
  std::string r;
  for (char c : s) {
    if (c == '\\') r += "\\\\";
    else if (c == '\t') r += "\\t";
    else if (c == '\n') r += "\\n";
    else r += c;
  }
  return r;
}

std::string unescapeName(const std::string& s) {
  std::string r;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      r += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      r += s[i];
    }
  }
  return r;
}

[[noreturn]] void corrupted(const std::string& path, const std::string& what) {
  throw Exception(ErrorCodes::CORRUPTED_DATA, "Data part {} is corrupted: {}", path, what);
}

void appendPod(std::string& out, const auto& v) { out.append(reinterpret_cast<const char*>(&v), sizeof(v)); }

template <typename T>
T readPod(const char*& pos, const char* end, const std::string& path) {
  if (size_t(end - pos) < sizeof(T)) corrupted(path, "index file is truncated");
  T v;
  std::memcpy(&v, pos, sizeof(T));
  pos += sizeof(T);
  return v;
}

void writeField(std::string& out, const Field& f) {
  switch (f.which()) {
    case Field::Which::UInt64: out += char(1); appendPod(out, f.get<uint64_t>()); break;
    case Field::Which::Int64: out += char(2); appendPod(out, f.get<int64_t>()); break;
    case Field::Which::String: {
      const auto& s = f.get<std::string>();
      out += char(3);
      appendPod(out, uint32_t(s.size()));
      out += s;
      break;
    }
    default: out += char(0); break;
  }
}

Field readField(const char*& pos, const char* end, const std::string& path) {
  uint8_t tag = readPod<uint8_t>(pos, end, path);
  switch (tag) {
    case 0: return Field();
    case 1: return Field(readPod<uint64_t>(pos, end, path));
    case 2: return Field(readPod<int64_t>(pos, end, path));
    case 3: {
      uint32_t n = readPod<uint32_t>(pos, end, path);
      if (size_t(end - pos) < n) corrupted(path, "index file is truncated");
      Field f(std::string_view(pos, n));
      pos += n;
      return f;
    }
    default: corrupted(path, "bad min/max value");
  }
}

/// The column as stored: LowCardinality columns re-encoded into a compact part dictionary.
struct EncodedColumn {
  ColumnPtr data;        // what the granules hold (codes for LowCardinality)
  ColumnPtr dictionary;  // LowCardinality: dictionary values
  uint8_t code_width = 0;
  ColumnPtr values_for_minmax;  // full values (for min/max)
};

EncodedColumn encodeColumn(const DataType& type, const ColumnPtr& column) {
  EncodedColumn e;
  if (type.typeId() != TypeIndex::LowCardinality) {
    e.data = e.values_for_minmax = column;
    return e;
  }
  auto fresh = std::static_pointer_cast<ColumnLowCardinality>(type.createColumn());
  fresh->insertRangeFrom(*column, 0, column->size());
  e.data = fresh->getIndexesPtr();
  e.code_width = uint8_t(fresh->indexWidth());
  e.dictionary = fresh->getDictionary().valuesPtr();
  e.values_for_minmax = fresh->isNullableDictionary() ? nullptr : fresh->convertToFullColumn();
  return e;
}

DataTypePtr codeType(uint8_t width) {
  switch (width) {
    case 1: return std::make_shared<DataTypeUInt8>();
    case 2: return std::make_shared<DataTypeUInt16>();
    default: return std::make_shared<DataTypeUInt32>();
  }
}

}  // namespace

DataPart::~DataPart() {
  for (int fd : fds_)
    if (fd >= 0) ::close(fd);
  if (removed_.load() && !path.empty()) {
    // Renamed first, so a crash in the middle leaves a tmp_ directory (removed at start), never
    // a part with missing files.
    std::error_code ec;
    fs::path p(path);
    fs::path doomed = p.parent_path() / ("tmp_delete_" + p.filename().string());
    fs::rename(p, doomed, ec);
    fs::remove_all(ec ? p : doomed, ec);
  }
}

int DataPart::columnPosition(const std::string& n) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == n) return int(i);
  return -1;
}

int DataPart::fileDescriptor(size_t pos) const {
  std::lock_guard lock(fd_mutex_);
  if (fds_.size() < columns.size()) fds_.resize(columns.size(), -1);
  if (fds_[pos] < 0) {
    std::string file = path + "/" + columns[pos].file;
    fds_[pos] = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fds_[pos] < 0)
      throw Exception(ErrorCodes::NO_FILE_IN_DATA_PART, "Cannot open {} of data part {}: {}", columns[pos].file, name.str(),
                      std::strerror(errno));
  }
  return fds_[pos];
}

ColumnPtr DataPart::readColumn(size_t pos, size_t first, size_t last) const {
  const PartColumn& c = columns[pos];
  if (last > granules() || first > last) throw Exception(ErrorCodes::LOGICAL_ERROR, "Granule range out of part");
  // Bytes from the frame of `first` to the end of the frame of `last - 1`.
  uint64_t from = c.marks[first], to = from;
  if (last > first) {
    to = c.marks.back();
    for (size_t g = last; g < granules(); ++g)
      if (c.marks[g] != c.marks[last - 1]) {
        to = c.marks[g];
        break;
      }
  }
  thread_local std::string compressed, raw;
  readFileRange(fileDescriptor(pos), from, size_t(to - from), compressed);
  size_t rows_total = 0;
  for (size_t g = first; g < last; ++g) rows_total += granuleRows(g);

  DataTypePtr stored_type = c.code_width ? codeType(c.code_width) : c.type;
  MutableColumnPtr out = stored_type->createColumn();
  out->reserve(rows_total);
  size_t offset = 0;
  for (size_t g = first; g < last; ++g) {
    try {
      if (g == first || c.marks[g] != c.marks[g - 1]) {
        if (offset >= compressed.size()) corrupted(path, "column " + c.name + " ends before its granules");
        offset += CompressionCodec::decompress(compressed.data() + offset, compressed.size() - offset, raw);
      }
      const bool frame_goes_on = g + 1 < granules() && c.marks[g + 1] == c.marks[g];
      size_t begin = c.in_frame[g], end = frame_goes_on ? c.in_frame[g + 1] : raw.size();
      if (begin > end || end > raw.size()) corrupted(path, "granule of column " + c.name + " is outside its frame");
      const char* stop = deserializeColumnRange(*stored_type, *out, granuleRows(g), raw.data() + begin, raw.data() + end);
      if (stop != raw.data() + end) corrupted(path, "granule of column " + c.name + " has extra bytes");
    } catch (Exception& e) {
      e.addMessage("while reading column " + c.name + " of data part " + path);
      throw;
    }
  }
  if (!c.code_width) return out;
  // Part codes -> table dictionary codes.
  auto codes = ColumnUInt32::create(rows_total);
  auto& dst = codes->getData();
  const uint32_t* map = c.to_table_codes.data();
  size_t map_size = c.to_table_codes.size();
  auto remap = [&](const auto& src) {
    for (size_t i = 0; i < rows_total; ++i) {
      uint32_t code = uint32_t(src[i]);
      if (code >= map_size) corrupted(path, "LowCardinality code out of its dictionary in column " + c.name);
      dst[i] = map[code];
    }
  };
  switch (c.code_width) {
    case 1: remap(static_cast<const ColumnUInt8&>(*out).getData()); break;
    case 2: remap(static_cast<const ColumnUInt16&>(*out).getData()); break;
    default: remap(static_cast<const ColumnUInt32&>(*out).getData()); break;
  }
  return codes;
}

MutableDataPartPtr writePart(const std::string& dir, const PartName& name, const Block& block, const Block& key,
                             const std::vector<CompressionCodec>& codecs, size_t index_granularity,
                             const std::string& partition_value) {
  fs::create_directories(dir);
  auto part = std::make_shared<DataPart>();
  part->name = name;
  part->path = dir;
  part->rows = block.rows();
  part->index_granularity = index_granularity;
  part->partition_value = partition_value;
  size_t granules = part->granules();

  std::string part_txt = std::string(kPartHeader) + "\nrows " + std::to_string(part->rows) + "\ngranularity " +
                         std::to_string(index_granularity) + "\npartition " + escapeName(partition_value) + "\nkey " +
                         std::to_string(key.columns()) + "\n";
  for (const auto& k : key) part_txt += escapeName(k.name) + "\t" + k.type->name() + "\n";
  part_txt += "columns " + std::to_string(block.columns()) + "\n";

  std::string marks_frame, minmax_frame, primary_frame;
  std::vector<std::string> dictionary_frames;
  std::string granule, file;
  uint64_t bytes = 0;
  for (size_t i = 0; i < block.columns(); ++i) {
    const auto& src = block.at(i);
    PartColumn pc;
    pc.name = src.name;
    pc.type = src.type;
    pc.file = "c" + std::to_string(i) + ".bin";
    EncodedColumn enc = encodeColumn(*src.type, materialize(src.column));
    pc.code_width = enc.code_width;
    pc.dictionary_values = enc.dictionary;
    DataTypePtr stored_type = enc.code_width ? codeType(enc.code_width) : src.type;
    file.clear();
    pc.marks.reserve(granules + 1);
    bool usable = enc.values_for_minmax != nullptr;
    pc.in_frame.reserve(granules);
    uint64_t frame_start = 0;
    granule.clear();  // the frame being filled
    for (size_t g = 0; g < granules; ++g) {
      pc.marks.push_back(frame_start);
      pc.in_frame.push_back(uint32_t(granule.size()));
      size_t start = g * index_granularity, len = part->granuleRows(g);
      serializeColumnRange(*stored_type, *enc.data, start, len, granule);
      if (granule.size() >= kMinFrameBytes || g + 1 == granules) {
        codecs[i].compress(granule, file);
        granule.clear();
        frame_start = file.size();
      }
      if (usable) {
        Field lo, hi;
        usable = columnRangeMinMax(*enc.values_for_minmax, start, len, lo, hi);
        pc.mins.push_back(std::move(lo));
        pc.maxs.push_back(std::move(hi));
      }
    }
    pc.marks.push_back(file.size());
    if (!usable) pc.mins.clear(), pc.maxs.clear();
    writeFileUnsynced(dir + "/" + pc.file, file);
    bytes += file.size();

    for (uint64_t m : pc.marks) appendPod(marks_frame, m);
    for (uint32_t o : pc.in_frame) appendPod(marks_frame, o);
    minmax_frame += char(usable ? 1 : 0);
    if (usable)
      for (size_t g = 0; g < granules; ++g) writeField(minmax_frame, pc.mins[g]), writeField(minmax_frame, pc.maxs[g]);
    if (pc.dictionary_values) {
      std::string d;
      const auto& values_type = static_cast<const DataTypeLowCardinality&>(*src.type).getValuesType();
      serializeColumnRange(*values_type, *pc.dictionary_values, 0, pc.dictionary_values->size(), d);
      dictionary_frames.push_back(std::to_string(pc.dictionary_values->size()));
      dictionary_frames.back() += '\n';
      dictionary_frames.back() += d;
    }
    part_txt += escapeName(pc.name) + "\t" + pc.type->name() + "\t" + std::to_string(pc.code_width) + "\n";
    part->columns.push_back(std::move(pc));
  }

  // Sparse primary index: key values at each granule's first row and at the last row.
  for (const auto& k : key) {
    ColumnPtr col = materialize(k.column);
    MutableColumnPtr sparse = col->cloneEmpty();
    for (size_t g = 0; g < granules; ++g) sparse->insertFrom(*col, g * index_granularity);
    if (part->rows) sparse->insertFrom(*col, part->rows - 1);
    serializeColumnRange(*k.type, *sparse, 0, sparse->size(), primary_frame);
    part->key_names.push_back(k.name);
    part->primary_index.push_back(std::move(sparse));
  }

  CompressionCodec lz4;
  std::string index;
  lz4.compress(marks_frame, index);
  lz4.compress(primary_frame, index);
  lz4.compress(minmax_frame, index);
  for (const auto& d : dictionary_frames) lz4.compress(d, index);
  writeFileUnsynced(dir + "/index.bin", index);
  writeFileUnsynced(dir + "/part.txt", part_txt);
  part->bytes_on_disk = bytes + index.size() + part_txt.size();
  part->modification_time = int64_t(::time(nullptr));
  return part;
}

void writeDeduplicationTokens(DataPart& part, const std::string& dir, std::vector<std::string> tokens) {
  if (tokens.empty()) return;
  std::string text;
  for (const auto& t : tokens) text += escapeName(t) + "\n";
  writeFileUnsynced(dir + "/deduplication_tokens.txt", text);
  part.deduplication_tokens = std::move(tokens);
}

std::shared_ptr<DataPart> DataPart::load(const std::string& path, const PartName& name) {
  auto part = std::make_shared<DataPart>();
  part->name = name;
  part->path = path;
  std::string text;
  try {
    text = readWholeFile(path + "/part.txt");
  } catch (const Exception&) {
    throw Exception(ErrorCodes::NO_FILE_IN_DATA_PART, "No part.txt in data part {}", path);
  }
  std::istringstream in(text);
  std::string line, word;
  if (!std::getline(in, line) || line != kPartHeader) corrupted(path, "unknown part format");
  auto expect = [&](const char* key) -> std::string {
    if (!std::getline(in, line) || !line.starts_with(std::string(key) + " ")) corrupted(path, std::string("missing ") + key);
    return line.substr(std::strlen(key) + 1);
  };
  auto number = [&](const std::string& s) -> uint64_t {
    try {
      size_t used = 0;
      uint64_t v = std::stoull(s, &used);
      if (used != s.size()) throw std::invalid_argument(s);
      return v;
    } catch (const std::exception&) {
      corrupted(path, "bad number '" + s + "' in part.txt");
    }
  };
  part->rows = number(expect("rows"));
  part->index_granularity = number(expect("granularity"));
  if (part->index_granularity == 0) corrupted(path, "zero granularity");
  part->partition_value = unescapeName(expect("partition"));
  size_t key_count = number(expect("key"));
  DataTypes key_types;
  for (size_t i = 0; i < key_count; ++i) {
    if (!std::getline(in, line)) corrupted(path, "truncated key list");
    size_t tab = line.find('\t');
    if (tab == std::string::npos) corrupted(path, "bad key line");
    part->key_names.push_back(unescapeName(line.substr(0, tab)));
    key_types.push_back(dataTypeFromString(line.substr(tab + 1)));
  }
  size_t column_count = number(expect("columns"));
  for (size_t i = 0; i < column_count; ++i) {
    if (!std::getline(in, line)) corrupted(path, "truncated column list");
    size_t t1 = line.find('\t'), t2 = line.rfind('\t');
    if (t1 == std::string::npos || t2 == t1) corrupted(path, "bad column line");
    PartColumn pc;
    pc.name = unescapeName(line.substr(0, t1));
    pc.type = dataTypeFromString(line.substr(t1 + 1, t2 - t1 - 1));
    pc.code_width = uint8_t(number(line.substr(t2 + 1)));
    pc.file = "c" + std::to_string(i) + ".bin";
    part->columns.push_back(std::move(pc));
  }

  std::string index = readWholeFile(path + "/index.bin");
  size_t granules = part->granules();
  std::string frame;
  size_t offset = 0;
  auto next_frame = [&]() {
    if (offset >= index.size()) corrupted(path, "index.bin is truncated");
    offset += CompressionCodec::decompress(index.data() + offset, index.size() - offset, frame);
  };
  // Marks.
  next_frame();
  const size_t marks_per_column = (granules + 1) * sizeof(uint64_t) + granules * sizeof(uint32_t);
  if (frame.size() != column_count * marks_per_column) corrupted(path, "marks have a wrong size");
  const char* p = frame.data();
  const char* end = frame.data() + frame.size();
  for (auto& c : part->columns) {
    c.marks.resize(granules + 1);
    for (auto& m : c.marks) m = readPod<uint64_t>(p, end, path);
    c.in_frame.resize(granules);
    for (auto& o : c.in_frame) o = readPod<uint32_t>(p, end, path);
    for (size_t g = 0; g < granules; ++g) {
      if (c.marks[g] > c.marks[g + 1]) corrupted(path, "marks are not increasing");
      // A new frame starts a granule at its beginning; within a frame, granules follow each other.
      bool same_frame = g + 1 < granules && c.marks[g + 1] == c.marks[g];
      if (same_frame ? c.in_frame[g + 1] < c.in_frame[g] : (g + 1 < granules && c.in_frame[g + 1] != 0))
        corrupted(path, "granule offsets in frames are out of order");
    }
    if (granules && c.in_frame[0] != 0) corrupted(path, "granule offsets in frames are out of order");
    struct stat st;
    if (::stat((path + "/" + c.file).c_str(), &st) != 0)
      throw Exception(ErrorCodes::NO_FILE_IN_DATA_PART, "No file {} in data part {}", c.file, path);
    if (uint64_t(st.st_size) != c.marks.back())
      throw Exception(ErrorCodes::BAD_SIZE_OF_FILE_IN_DATA_PART, "File {} of data part {} has size {}, expected {}", c.file, path,
                      st.st_size, c.marks.back());
    part->bytes_on_disk += uint64_t(st.st_size);
  }
  // Primary index.
  next_frame();
  p = frame.data();
  end = frame.data() + frame.size();
  size_t index_rows = part->rows ? granules + 1 : 0;
  for (const auto& t : key_types) {
    MutableColumnPtr col = t->createColumn();
    p = deserializeColumnRange(*t, *col, index_rows, p, end);
    part->primary_index.push_back(std::move(col));
  }
  // Min/max.
  next_frame();
  p = frame.data();
  end = frame.data() + frame.size();
  for (auto& c : part->columns) {
    if (readPod<uint8_t>(p, end, path) == 0) continue;
    c.mins.resize(granules);
    c.maxs.resize(granules);
    for (size_t g = 0; g < granules; ++g) {
      c.mins[g] = readField(p, end, path);
      c.maxs[g] = readField(p, end, path);
    }
  }
  // LowCardinality dictionaries.
  for (auto& c : part->columns) {
    if (!c.code_width) continue;
    if (c.type->typeId() != TypeIndex::LowCardinality) corrupted(path, "codes stored for a column that is not LowCardinality");
    next_frame();
    size_t nl = frame.find('\n');
    if (nl == std::string::npos) corrupted(path, "bad dictionary frame");
    size_t n = number(frame.substr(0, nl));
    const auto& values_type = static_cast<const DataTypeLowCardinality&>(*c.type).getValuesType();
    MutableColumnPtr values = values_type->createColumn();
    const char* e = deserializeColumnRange(*values_type, *values, n, frame.data() + nl + 1, frame.data() + frame.size());
    if (e != frame.data() + frame.size()) corrupted(path, "dictionary frame has extra bytes");
    c.dictionary_values = std::move(values);
  }
  part->bytes_on_disk += index.size() + text.size();
  struct stat st;
  if (fs::exists(path + "/deduplication_tokens.txt")) {
    std::istringstream tokens(readWholeFile(path + "/deduplication_tokens.txt"));
    std::string token;
    while (std::getline(tokens, token)) part->deduplication_tokens.push_back(unescapeName(token));
  }
  if (::stat((path + "/part.txt").c_str(), &st) == 0) part->modification_time = int64_t(st.st_mtime);
  return part;
}

}  // namespace tally
