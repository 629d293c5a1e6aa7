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

uint64_t nextDataPartId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

ColumnPtr DataPart::readColumn(size_t pos, size_t first, size_t last, FrameCache* cache) const {
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
  bool have_compressed = false;  // read on the first frame the cache does not have
  size_t rows_total = 0;
  for (size_t g = first; g < last; ++g) rows_total += granuleRows(g);

  DataTypePtr stored_type = c.code_width ? codeType(c.code_width) : c.type;
  MutableColumnPtr out = stored_type->createColumn();
  out->reserve(rows_total);
  const std::string* frame = &raw;
  FrameCache::Frame held;
  for (size_t g = first; g < last; ++g) {
    try {
      if (g == first || c.marks[g] != c.marks[g - 1]) {
        const uint64_t at = c.marks[g];
        held = cache ? cache->get(id, uint32_t(pos), at) : nullptr;
        if (held) {
          frame = held.get();
        } else {
          if (!have_compressed) {
            readFileRange(fileDescriptor(pos), from, size_t(to - from), compressed);
            have_compressed = true;
          }
          const size_t offset = size_t(at - from);
          if (offset >= compressed.size()) corrupted(path, "column " + c.name + " ends before its granules");
          if (cache) {
            auto fresh = std::make_shared<std::string>();
            CompressionCodec::decompress(compressed.data() + offset, compressed.size() - offset, *fresh);
            held = std::move(fresh);
            cache->put(id, uint32_t(pos), at, held);
            frame = held.get();
          } else {
            CompressionCodec::decompress(compressed.data() + offset, compressed.size() - offset, raw);
            frame = &raw;
          }
        }
      }
      const bool frame_goes_on = g + 1 < granules() && c.marks[g + 1] == c.marks[g];
      size_t begin = c.in_frame[g], end = frame_goes_on ? c.in_frame[g + 1] : frame->size();
      if (begin > end || end > frame->size()) corrupted(path, "granule of column " + c.name + " is outside its frame");
      const char* stop = deserializeColumnRange(*stored_type, *out, granuleRows(g), frame->data() + begin, frame->data() + end);
      if (stop != frame->data() + end) corrupted(path, "granule of column " + c.name + " has extra bytes");
    } catch (Exception& e) {
      e.addMessage("while reading column " + c.name + " of data part " + path);
      throw;
    }
  }
  if (!c.code_width) return out;
  // Part codes -> table dictionary codes, as narrow as this part's largest table code allows.
  const uint32_t* map = c.to_table_codes.data();
  const size_t map_size = c.to_table_codes.size();
  auto remap_into = [&](auto* dst, const auto& src) {
    using Code = std::remove_pointer_t<decltype(dst)>;
    for (size_t i = 0; i < rows_total; ++i) {
      uint32_t code = uint32_t(src[i]);
      if (code >= map_size) corrupted(path, "LowCardinality code out of its dictionary in column " + c.name);
      dst[i] = Code(map[code]);
    }
  };
  auto remap = [&](auto* dst) {
    switch (c.code_width) {
      case 1: remap_into(dst, static_cast<const ColumnUInt8&>(*out).getData()); break;
      case 2: remap_into(dst, static_cast<const ColumnUInt16&>(*out).getData()); break;
      default: remap_into(dst, static_cast<const ColumnUInt32&>(*out).getData()); break;
    }
  };
  auto make = [&](auto code) -> ColumnPtr {
    auto codes = ColumnVector<decltype(code)>::create(rows_total);
    remap(codes->getData().data());
    return codes;
  };
  switch (c.table_code_width) {
    case 1: return make(UInt8());
    case 2: return make(UInt16());
    default: return make(UInt32());
  }
}

// ---------------------------------------------------------------------------------------------
// PartWriter

namespace {

/// Codes of `lc` as a column of `width` bytes each.
ColumnPtr codesOfWidth(const ColumnLowCardinality& lc, uint8_t width) {
  if (lc.indexWidth() == width) return lc.getIndexesPtr();
  auto convert = [&](auto column) -> ColumnPtr {
    auto& dst = column->getData();
    lc.visitIndexes([&](const auto& src) {
      dst.resize(src.size());
      for (size_t i = 0; i < src.size(); ++i) dst[i] = src[i];
    });
    return column;
  };
  switch (width) {
    case 1: return convert(ColumnUInt8::create());
    case 2: return convert(ColumnUInt16::create());
    default: return convert(ColumnUInt32::create());
  }
}

uint8_t widthFor(size_t dictionary_size) { return dictionary_size <= 256 ? 1 : dictionary_size <= 65536 ? 2 : 4; }

Block concatBlocks(const Block& a, const Block& b) {
  if (a.columns() == 0 || a.rows() == 0) return b;
  if (b.rows() == 0) return a;
  Block out;
  for (size_t i = 0; i < a.columns(); ++i) {
    const auto& c = a.at(i);
    ColumnPtr left = materialize(c.column), right = materialize(b.at(i).column);
    MutableColumnPtr m = left->cloneEmpty();
    m->reserve(left->size() + right->size());
    m->insertRangeFrom(*left, 0, left->size());
    m->insertRangeFrom(*right, 0, right->size());
    out.insert({std::move(m), c.type, c.name});
  }
  out.setRows(a.rows() + b.rows());
  return out;
}

Block cutBlock(const Block& block, size_t start, size_t length) {
  if (start == 0 && length == block.rows()) return block;
  Block out;
  for (const auto& c : block) out.insert({materialize(c.column)->cut(start, length), c.type, c.name});
  out.setRows(length);
  return out;
}

}  // namespace

struct PartWriter::ColumnState {
  PartColumn pc;
  CompressionCodec codec;
  ColumnLowCardinality::DictionaryPtr dictionary;  // LowCardinality: the part's dictionary (sole owner)
  ColumnLowCardinality::CodeRemap remap;             // ... codes in it of the incoming blocks' dictionary
  std::string frame;                                 // granules not yet compressed
  std::string file;                                  // compressed frames not yet written
  uint64_t file_size = 0;                            // bytes written to the file
  int fd = -1;
  bool seeded = false;  // streaming: code width from the seeded dictionary, else 4 bytes
  bool usable = true;  // per-granule min/max kept
};

PartWriter::PartWriter(std::string dir, const PartName& name, const Block& header, const Block& key_header,
                       const std::vector<CompressionCodec>& codecs, size_t index_granularity, std::string partition_value,
                       bool streaming)
    : dir_(std::move(dir)), header_(header.cloneEmpty()), key_header_(key_header.cloneEmpty()), streaming_(streaming) {
  fs::create_directories(dir_);
  part_ = std::make_shared<DataPart>();
  part_->name = name;
  part_->path = dir_;
  part_->index_granularity = index_granularity;
  part_->partition_value = std::move(partition_value);
  for (size_t i = 0; i < header_.columns(); ++i) {
    auto state = std::make_unique<ColumnState>();
    state->pc.name = header_.at(i).name;
    state->pc.type = header_.at(i).type;
    state->pc.file = "c" + std::to_string(i) + ".bin";
    state->codec = codecs[i];
    if (state->pc.type->typeId() == TypeIndex::LowCardinality)
      state->dictionary = std::static_pointer_cast<ColumnLowCardinality>(state->pc.type->createColumn())->getDictionaryPtr();
    columns_.push_back(std::move(state));
  }
  for (const auto& k : key_header_) {
    part_->key_names.push_back(k.name);
    sparse_index_.push_back(k.type->createColumn());
  }
}

PartWriter::~PartWriter() {
  for (auto& c : columns_)
    if (c->fd >= 0) ::close(c->fd);
}

void PartWriter::seedDictionary(size_t column, const Column& values) {
  auto& dict = columns_[column]->dictionary;
  if (!dict) return;
  columns_[column]->seeded = true;
  for (size_t i = 0; i < values.size(); ++i) dict->insertFrom(values, i);
}

void PartWriter::write(const Block& rows, const Block& key) {
  if (rows.rows() == 0) return;
  pending_ = concatBlocks(pending_, rows);
  pending_key_ = concatBlocks(pending_key_, key);
  if (!streaming_) return;
  size_t whole = pending_.rows() / part_->index_granularity * part_->index_granularity;
  if (whole < kStreamingFlushRows) return;
  flushRows(whole);
}

void PartWriter::flushRows(size_t count) {
  if (count == 0) return;
  Block rows = cutBlock(pending_, 0, count), key = cutBlock(pending_key_, 0, count);
  pending_ = cutBlock(pending_, count, pending_.rows() - count);
  pending_key_ = cutBlock(pending_key_, count, pending_key_.rows() - count);
  const size_t granularity = part_->index_granularity;
  const size_t granules = (count + granularity - 1) / granularity;
  for (size_t i = 0; i < columns_.size(); ++i) {
    ColumnState& c = *columns_[i];
    ColumnPtr values = materialize(rows.at(i).column);
    ColumnPtr data = values, for_minmax = values;
    if (c.dictionary) {
      // The chunk owns the dictionary while it grows (a shared one would be copied on write).
      auto chunk = std::make_shared<ColumnLowCardinality>(std::move(c.dictionary), ColumnUInt8::create());
      chunk->insertRangeFrom(*values, 0, values->size(), c.remap);
      c.dictionary = chunk->getDictionaryPtr();
      size_t dict_size = c.dictionary->size();
      if (!c.pc.code_width) c.pc.code_width = streaming_ && !c.seeded ? 4 : widthFor(dict_size);
      else if (widthFor(dict_size) > c.pc.code_width)
        throw Exception(ErrorCodes::LOGICAL_ERROR, "Dictionary of column {} outgrew its code width while writing part {}",
                        c.pc.name, dir_);
      data = codesOfWidth(*chunk, c.pc.code_width);
      if (chunk->isNullableDictionary()) for_minmax = nullptr;
      else if (chunk->getDictionary().values().kind() == ColumnKind::String) for_minmax = chunk;  // min/max on codes
      else for_minmax = chunk->convertToFullColumn();
      if (!for_minmax) c.usable = false;
    }
    DataTypePtr stored_type = c.pc.code_width ? codeType(c.pc.code_width) : c.pc.type;
    for (size_t g = 0; g < granules; ++g) {
      size_t start = g * granularity, len = std::min(granularity, count - start);
      c.pc.marks.push_back(c.file_size + c.file.size());
      c.pc.in_frame.push_back(uint32_t(c.frame.size()));
      serializeColumnRange(*stored_type, *data, start, len, c.frame);
      if (c.frame.size() >= kMinFrameBytes) {
        c.codec.compress(c.frame, c.file);
        c.frame.clear();
      }
      if (c.usable) {
        Field lo, hi;
        c.usable = columnRangeMinMax(*for_minmax, start, len, lo, hi);
        c.pc.mins.push_back(std::move(lo));
        c.pc.maxs.push_back(std::move(hi));
      }
    }
    if (c.file.size() >= kMinFrameBytes * 16) writeOut(c);
  }
  for (size_t k = 0; k < key.columns(); ++k) {
    ColumnPtr col = materialize(key.at(k).column);
    for (size_t start = 0; start < count; start += granularity) sparse_index_[k]->insertFrom(*col, start);
  }
  last_key_ = cutBlock(key, count - 1, 1);
  part_->rows += count;
}

void PartWriter::writeOut(ColumnState& c) {
  if (c.fd < 0) {
    std::string path = dir_ + "/" + c.pc.file;
    c.fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (c.fd < 0)
      throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open file {}: {}", path, std::strerror(errno));
  }
  const char* p = c.file.data();
  size_t left = c.file.size();
  while (left > 0) {
    ssize_t n = ::write(c.fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot write to file {}/{}: {}", dir_, c.pc.file,
                      std::strerror(errno));
    p += n;
    left -= size_t(n);
  }
  c.file_size += c.file.size();
  c.file.clear();
}

MutableDataPartPtr PartWriter::finish() {
  size_t rest = pending_.rows();
  if (rest) flushRows(rest);
  const size_t granules = part_->granules();

  std::string part_txt = std::string(kPartHeader) + "\nrows " + std::to_string(part_->rows) + "\ngranularity " +
                         std::to_string(part_->index_granularity) + "\npartition " + escapeName(part_->partition_value) +
                         "\nkey " + std::to_string(key_header_.columns()) + "\n";
  for (const auto& k : key_header_) part_txt += escapeName(k.name) + "\t" + k.type->name() + "\n";
  part_txt += "columns " + std::to_string(columns_.size()) + "\n";

  std::string marks_frame, minmax_frame, primary_frame;
  std::vector<std::string> dictionary_frames;
  uint64_t bytes = 0;
  for (auto& state : columns_) {
    ColumnState& c = *state;
    if (!c.frame.empty()) {
      c.codec.compress(c.frame, c.file);
      c.frame.clear();
    }
    writeOut(c);  // also creates the file of an empty part
    ::close(c.fd);
    c.fd = -1;
    PartColumn& pc = c.pc;
    pc.marks.push_back(c.file_size);
    if (!c.usable || granules == 0) pc.mins.clear(), pc.maxs.clear();
    bool usable = c.usable && granules > 0;
    bytes += c.file_size;
    for (uint64_t m : pc.marks) appendPod(marks_frame, m);
    for (uint32_t o : pc.in_frame) appendPod(marks_frame, o);
    minmax_frame += char(usable ? 1 : 0);
    if (usable)
      for (size_t g = 0; g < granules; ++g) writeField(minmax_frame, pc.mins[g]), writeField(minmax_frame, pc.maxs[g]);
    if (c.dictionary) {
      if (!pc.code_width) pc.code_width = widthFor(c.dictionary->size());
      pc.dictionary_values = c.dictionary->valuesPtr();
      std::string d;
      const auto& values_type = static_cast<const DataTypeLowCardinality&>(*pc.type).getValuesType();
      serializeColumnRange(*values_type, *pc.dictionary_values, 0, pc.dictionary_values->size(), d);
      dictionary_frames.push_back(std::to_string(pc.dictionary_values->size()));
      dictionary_frames.back() += '\n';
      dictionary_frames.back() += d;
    }
    part_txt += escapeName(pc.name) + "\t" + pc.type->name() + "\t" + std::to_string(pc.code_width) + "\n";
    part_->columns.push_back(std::move(pc));
  }

  // Sparse primary index: key values at each granule's first row and at the last row.
  for (size_t k = 0; k < key_header_.columns(); ++k) {
    if (part_->rows) sparse_index_[k]->insertFrom(*materialize(last_key_.at(k).column), 0);
    serializeColumnRange(*key_header_.at(k).type, *sparse_index_[k], 0, sparse_index_[k]->size(), primary_frame);
    part_->primary_index.push_back(std::move(sparse_index_[k]));
  }

  CompressionCodec lz4;
  std::string index;
  lz4.compress(marks_frame, index);
  lz4.compress(primary_frame, index);
  lz4.compress(minmax_frame, index);
  for (const auto& d : dictionary_frames) lz4.compress(d, index);
  writeFileUnsynced(dir_ + "/index.bin", index);
  writeFileUnsynced(dir_ + "/part.txt", part_txt);
  part_->bytes_on_disk = bytes + index.size() + part_txt.size();
  part_->modification_time = int64_t(::time(nullptr));
  return std::move(part_);
}

MutableDataPartPtr writePart(const std::string& dir, const PartName& name, const Block& block, const Block& key,
                             const std::vector<CompressionCodec>& codecs, size_t index_granularity,
                             const std::string& partition_value) {
  PartWriter writer(dir, name, block, key, codecs, index_granularity, partition_value, /*streaming=*/false);
  writer.write(block, key);
  return writer.finish();
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
