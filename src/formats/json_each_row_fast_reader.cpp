// simdjson picks its compiled-in ("builtin") On-Demand implementation from the target macros;
// x86-64-v3 lacks __PCLMUL__, which would leave the scalar fallback. Every x86-64-v3 CPU has
// PCLMULQDQ, and the only code needing it (stage 1) runs inside libsimdjson's runtime-dispatched
// implementation, so the macro is set for the include and the Haswell (AVX2) code is used.
#if defined(__x86_64__) && defined(__AVX2__) && !defined(__PCLMUL__)
#define __PCLMUL__ 1
#define TALLY_DEFINED_PCLMUL_FOR_SIMDJSON
#endif
#include <simdjson.h>
#ifdef TALLY_DEFINED_PCLMUL_FOR_SIMDJSON
#undef __PCLMUL__
#undef TALLY_DEFINED_PCLMUL_FOR_SIMDJSON
#endif

#include "formats/json_each_row_fast_reader.h"

#include <algorithm>
#include <cstring>

#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/civil_date.h"
#include "common/exception.h"
#include "io/read_helpers.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"

namespace tally {

namespace json_each_row_fast {

using simdjson::ondemand::json_type;

constexpr size_t kMinBatch = 1 << 20;

std::string_view trimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool allWhitespace(const char* p, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (p[i] != ' ' && p[i] != '\n' && p[i] != '\r' && p[i] != '\t') return false;
  return true;
}

/// "YYYY-MM-DD" (with the quotes) as a day number.
bool parseSimpleDate(std::string_view token, int64_t& day) {
  if (token.size() != 12 || token[5] != '-' || token[8] != '-') return false;
  const char* p = token.data() + 1;
  auto digit = [&](size_t i) { return unsigned(p[i] - '0'); };
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (digit(i) > 9) return false;
  unsigned year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  unsigned month = digit(5) * 10 + digit(6);
  unsigned dom = digit(8) * 10 + digit(9);
  if (month < 1 || month > 12 || dom < 1 || dom > 31) return false;
  day = daysFromCivil(int(year), month, dom);
  return true;
}

template <typename T>
void pushNumber(Column& column, T value) {
  static_cast<ColumnVector<T>&>(column).getData().push_back(value);
}

}  // namespace json_each_row_fast

struct JSONEachRowFastReader::Stream {
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream docs;
  simdjson::ondemand::document_stream::iterator it;
  bool active = false;

  // Defined out of line, inside this file's target region (simdjson's members are always_inline).
  Stream();
  ~Stream();

  bool readDocument(JSONEachRowFastReader& reader, simdjson::ondemand::document_reference doc, MutableColumns& columns);
  bool readValue(JSONEachRowFastReader& reader, const Target& target, simdjson::ondemand::value& value, Column& column);
  bool readInteger(Kind kind, simdjson::ondemand::value& value, json_each_row_fast::json_type type, Column& column);
  bool readGeneric(JSONEachRowFastReader& reader, const Target& target, simdjson::ondemand::value& value,
                   json_each_row_fast::json_type type, Column& column);
};

JSONEachRowFastReader::Stream::Stream() = default;
JSONEachRowFastReader::Stream::~Stream() = default;

JSONEachRowFastReader::JSONEachRowFastReader(ReadBuffer& in, const Block& header, const FormatSettings& settings)
    : in_(in), settings_(settings), stream_(std::make_unique<Stream>()) {
  for (size_t i = 0; i < header.columns(); ++i) {
    Target t;
    t.name = header[i].name;
    t.type = header[i].type;
    t.simple_name = t.name.find('"') == std::string::npos && t.name.find('\\') == std::string::npos;
    DataTypePtr type = t.type;
    if (type->typeId() == TypeIndex::Nullable) {
      t.nullable = true;
      type = removeNullable(type);
    }
    switch (type->typeId()) {
      case TypeIndex::String: t.kind = Kind::String; break;
      case TypeIndex::UInt8: t.kind = Kind::UInt8; break;
      case TypeIndex::UInt16: t.kind = Kind::UInt16; break;
      case TypeIndex::UInt32: t.kind = Kind::UInt32; break;
      case TypeIndex::UInt64: t.kind = Kind::UInt64; break;
      case TypeIndex::Int8: t.kind = Kind::Int8; break;
      case TypeIndex::Int16: t.kind = Kind::Int16; break;
      case TypeIndex::Int32: t.kind = Kind::Int32; break;
      case TypeIndex::Int64: t.kind = Kind::Int64; break;
      case TypeIndex::Float32: t.kind = Kind::Float32; break;
      case TypeIndex::Float64: t.kind = Kind::Float64; break;
      case TypeIndex::Bool: t.kind = Kind::Bool; break;
      case TypeIndex::Date:
        if (!settings.date_time_best_effort) t.kind = Kind::Date;
        break;
      case TypeIndex::DateTime:
        if (!settings.date_time_best_effort) {
          t.kind = Kind::DateTime;
          t.zone = &timeZoneOf(*type);
        }
        break;
      case TypeIndex::LowCardinality: {
        const auto& lc = static_cast<const DataTypeLowCardinality&>(*type);
        if (lc.getDictionaryType()->typeId() == TypeIndex::String) {
          t.kind = Kind::LowCardinalityString;
          t.lc_cache = std::make_unique<LowCardinalityInsertCache>();
        }
        break;
      }
      default: break;
    }
    if (t.kind == Kind::Generic) t.nullable = false;
    positions_.emplace(t.name, i);
    targets_.push_back(std::move(t));
  }
  seen_.resize(targets_.size());
}

JSONEachRowFastReader::~JSONEachRowFastReader() = default;

bool JSONEachRowFastReader::fill() {
  // Append input until the buffer holds target_chunk_ bytes or the input ends, then cut at the
  // last line feed (a raw line feed is never inside a JSON string).
  while (!eof_ && size_ < target_chunk_) {
    if (in_.eof()) {
      eof_ = true;
      break;
    }
    size_t n = std::min(in_.available(), target_chunk_ - size_);
    if (buffer_.size() < size_ + n + simdjson::SIMDJSON_PADDING) buffer_.resize(std::max<size_t>((size_ + n) * 2, 4096) + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer_.data() + size_, in_.position(), n);
    in_.setPosition(in_.position() + n);
    size_ += n;
  }
  if (buffer_.size() < size_ + simdjson::SIMDJSON_PADDING) buffer_.resize(size_ + simdjson::SIMDJSON_PADDING);
  std::memset(buffer_.data() + size_, 0, simdjson::SIMDJSON_PADDING);
  if (eof_) {
    cut_ = size_;
  } else {
    const void* nl = size_ ? memrchr(buffer_.data(), '\n', size_) : nullptr;
    cut_ = nl ? size_t(static_cast<const char*>(nl) - buffer_.data()) + 1 : 0;
  }
  return size_ > 0;
}

bool JSONEachRowFastReader::startStream() {
  while (!finished_ && !fallback_) {
    fill();
    if (cut_ == 0) {
      if (eof_) {
        finished_ = true;
        return false;
      }
      target_chunk_ *= 2;  // a line longer than the chunk
      continue;
    }
    if (eof_ && json_each_row_fast::allWhitespace(buffer_.data(), size_)) {
      finished_ = true;
      return false;
    }
    auto error = stream_->parser
                     .iterate_many(buffer_.data(), cut_, std::max(cut_ + simdjson::SIMDJSON_PADDING, json_each_row_fast::kMinBatch))
                     .get(stream_->docs);
    if (error) {
      fallbackAt(0);
      return false;
    }
    stream_->it = stream_->docs.begin();
    stream_->active = true;
    return true;
  }
  return false;
}

void JSONEachRowFastReader::finishStream() {
  stream_->active = false;
  size_t truncated = std::min(stream_->docs.truncated_bytes(), cut_);
  size_t consumed = cut_ - truncated;
  if (consumed == 0) {
    if (eof_ && cut_ == size_) {
      if (json_each_row_fast::allWhitespace(buffer_.data(), size_))
        finished_ = true;
      else
        fallbackAt(0);  // an incomplete document at the end: the generic reader reports it
      return;
    }
    target_chunk_ *= 2;  // a document longer than the chunk
  }
  std::memmove(buffer_.data(), buffer_.data() + consumed, size_ - consumed);
  size_ -= consumed;
  cut_ = 0;
}

void JSONEachRowFastReader::fallbackAt(size_t offset) {
  fallback_ = true;
  fallback_offset_ = offset;
  stream_->active = false;
}

std::string JSONEachRowFastReader::takeUnparsed() {
  if (fallback_offset_ >= size_) return {};
  return std::string(buffer_.data() + fallback_offset_, size_ - fallback_offset_);
}

size_t JSONEachRowFastReader::read(MutableColumns& columns, size_t max_rows) {
  for (auto& target : targets_)
    if (target.lc_cache) target.lc_cache->reset();
  size_t base = columns.empty() ? 0 : columns[0]->size();
  size_t rows = 0;
  while (rows < max_rows && !fallback_ && !finished_) {
    if (!stream_->active && !startStream()) break;
    if (!(stream_->it != stream_->docs.end())) {
      finishStream();
      continue;
    }
    size_t offset = stream_->it.current_index();
    auto doc = *stream_->it;
    bool ok = !doc.error() && stream_->readDocument(*this, doc.value_unsafe(), columns);
    if (!ok) {
      for (auto& column : columns)
        if (column->size() > base + rows) column->popBack(column->size() - base - rows);
      fallbackAt(offset);
      break;
    }
    ++rows;
    ++stream_->it;
  }
  return rows;
}

bool JSONEachRowFastReader::Stream::readDocument(JSONEachRowFastReader& reader,
                                                 simdjson::ondemand::document_reference doc, MutableColumns& columns) {
  simdjson::ondemand::object object;
  if (doc.get_object().get(object)) return false;
  std::fill(reader.seen_.begin(), reader.seen_.end(), 0);
  constexpr size_t npos = size_t(-1);
  size_t ordinal = 0;
  for (auto field_result : object) {
    simdjson::ondemand::field field;
    if (std::move(field_result).get(field)) return false;
    size_t index = npos;
    if (ordinal < reader.order_.size()) {
      size_t guess = reader.order_[ordinal];
      if (guess != npos && reader.targets_[guess].simple_name &&
          field.key().unsafe_is_equal(reader.targets_[guess].name))
        index = guess;
    }
    if (index == npos) {
      std::string_view key;
      if (field.unescaped_key().get(key)) return false;
      reader.scratch_.assign(key);
      auto it = reader.positions_.find(reader.scratch_);
      if (it != reader.positions_.end()) index = it->second;
      if (ordinal >= reader.order_.size()) reader.order_.resize(ordinal + 1, npos);
      reader.order_[ordinal] = index;
    }
    ++ordinal;
    if (index == npos) {
      if (!reader.settings_.skip_unknown_fields) return false;
      continue;  // the value is skipped when the iteration moves on
    }
    if (reader.seen_[index]) return false;
    reader.seen_[index] = 1;
    if (!readValue(reader, reader.targets_[index], field.value(), *columns[index])) return false;
  }
  for (size_t i = 0; i < reader.seen_.size(); ++i)
    if (!reader.seen_[i]) columns[i]->insertDefault();
  return true;
}

bool JSONEachRowFastReader::Stream::readInteger(Kind kind, simdjson::ondemand::value& value,
                                                json_each_row_fast::json_type type, Column& column) {
  using json_each_row_fast::pushNumber;
  int64_t v = 0;
  if (type == simdjson::ondemand::json_type::number) {
    if (value.get_int64().get(v)) {
      uint64_t u;
      if (value.get_uint64().get(u)) return false;
      v = int64_t(u);
    }
  } else if (type == simdjson::ondemand::json_type::string) {
    if (value.get_int64_in_string().get(v)) {
      uint64_t u;
      if (value.get_uint64_in_string().get(u)) return false;
      v = int64_t(u);
    }
  } else if (type == simdjson::ondemand::json_type::boolean) {
    bool b;
    if (value.get_bool().get(b)) return false;
    v = b;
  } else {
    return false;
  }
  switch (kind) {
    case Kind::UInt8: pushNumber(column, UInt8(v)); break;
    case Kind::UInt16: pushNumber(column, UInt16(v)); break;
    case Kind::UInt32: pushNumber(column, UInt32(v)); break;
    case Kind::UInt64: pushNumber(column, UInt64(v)); break;
    case Kind::Int8: pushNumber(column, Int8(v)); break;
    case Kind::Int16: pushNumber(column, Int16(v)); break;
    case Kind::Int32: pushNumber(column, Int32(v)); break;
    default: pushNumber(column, Int64(v)); break;
  }
  return true;
}

bool JSONEachRowFastReader::Stream::readGeneric(JSONEachRowFastReader& reader, const Target& target,
                                                simdjson::ondemand::value& value, json_each_row_fast::json_type type,
                                                Column& column) {
  std::string_view raw;
  if (type == simdjson::ondemand::json_type::object) {
    simdjson::ondemand::object o;
    if (value.get_object().get(o) || o.raw_json().get(raw)) return false;
  } else if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array a;
    if (value.get_array().get(a) || a.raw_json().get(raw)) return false;
  } else {
    raw = json_each_row_fast::trimRight(value.raw_json_token());
  }
  ReadBufferFromMemory buf(raw);
  try {
    target.type->deserializeTextJSON(column, buf, reader.settings_);
  } catch (const Exception&) {
    return false;
  }
  skipWhitespaceIfAny(buf);
  if (!buf.eof()) {
    column.popBack(1);
    return false;
  }
  return true;
}

bool JSONEachRowFastReader::Stream::readValue(JSONEachRowFastReader& reader, const Target& target,
                                              simdjson::ondemand::value& value, Column& column) {
  json_each_row_fast::json_type type;
  if (value.type().get(type)) return false;
  if (type == simdjson::ondemand::json_type::null) {
    if (target.kind == Kind::Generic && target.type->isNullable()) return readGeneric(reader, target, value, type, column);
    bool nullable = target.nullable || removeLowCardinality(target.type)->isNullable();
    if (!nullable && !reader.settings_.null_as_default) return false;
    column.insertDefault();
    return true;
  }
  Column& values = target.nullable ? static_cast<ColumnNullable&>(column).getNestedColumn() : column;
  bool ok = false;
  switch (target.kind) {
    case Kind::String:
    case Kind::LowCardinalityString: {
      std::string_view s;
      if (type == simdjson::ondemand::json_type::string) {
        // Without escapes the string's bytes are taken straight from the input.
        std::string_view token = json_each_row_fast::trimRight(value.raw_json_token());
        if (token.size() >= 2 && std::memchr(token.data(), '\\', token.size()) == nullptr) {
          s = token.substr(1, token.size() - 2);
          ok = true;
        } else {
          ok = !value.get_string().get(s);
        }
      } else if (type == simdjson::ondemand::json_type::number || type == simdjson::ondemand::json_type::boolean) {
        s = json_each_row_fast::trimRight(value.raw_json_token());
        ok = true;
      } else if (type == simdjson::ondemand::json_type::object) {
        simdjson::ondemand::object o;
        ok = !value.get_object().get(o) && !o.raw_json().get(s);
      } else if (type == simdjson::ondemand::json_type::array) {
        simdjson::ondemand::array a;
        ok = !value.get_array().get(a) && !a.raw_json().get(s);
      }
      if (ok) {
        if (target.kind == Kind::String)
          static_cast<ColumnString&>(values).insertData(s.data(), s.size());
        else
          target.lc_cache->insert(static_cast<ColumnLowCardinality&>(values), s);
      }
      break;
    }
    case Kind::UInt8:
    case Kind::UInt16:
    case Kind::UInt32:
    case Kind::UInt64:
    case Kind::Int8:
    case Kind::Int16:
    case Kind::Int32:
    case Kind::Int64: ok = readInteger(target.kind, value, type, values); break;
    case Kind::Float32:
    case Kind::Float64: {
      double d = 0;
      if (type == simdjson::ondemand::json_type::number)
        ok = !value.get_double().get(d);
      else if (type == simdjson::ondemand::json_type::string)
        ok = !value.get_double_in_string().get(d);
      else if (type == simdjson::ondemand::json_type::boolean) {
        bool b = false;
        ok = !value.get_bool().get(b);
        d = b;
      }
      if (ok) {
        if (target.kind == Kind::Float32)
          json_each_row_fast::pushNumber(values, Float32(d));
        else
          json_each_row_fast::pushNumber(values, d);
      }
      break;
    }
    case Kind::Bool: {
      bool b = false;
      if (type == simdjson::ondemand::json_type::boolean && !value.get_bool().get(b)) {
        json_each_row_fast::pushNumber(values, UInt8(b));
        ok = true;
      }
      break;
    }
    case Kind::Date:
    case Kind::DateTime: {
      std::string_view s;
      if (target.kind == Kind::Date && type == simdjson::ondemand::json_type::string) {
        std::string_view token = json_each_row_fast::trimRight(value.raw_json_token());
        int64_t day;
        if (json_each_row_fast::parseSimpleDate(token, day)) {
          json_each_row_fast::pushNumber(values, UInt16(std::clamp<int64_t>(day, 0, kDateMaxDay)));
          ok = true;
          break;
        }
      }
      if (type == simdjson::ondemand::json_type::string && !value.get_string().get(s)) {
        ReadBufferFromMemory buf(s);
        if (target.kind == Kind::Date) {
          int64_t day = 0;
          if (tryReadDateText(day, buf) && buf.eof()) {
            json_each_row_fast::pushNumber(values, UInt16(std::clamp<int64_t>(day, 0, kDateMaxDay)));
            ok = true;
          }
        } else {
          int64_t t = 0;
          if (tryReadDateTimeText(t, buf, *target.zone) && buf.eof()) {
            json_each_row_fast::pushNumber(values, UInt32(std::clamp<int64_t>(t, 0, int64_t(UINT32_MAX))));
            ok = true;
          }
        }
      }
      break;
    }
    case Kind::Generic: return readGeneric(reader, target, value, type, column);
  }
  if (!ok) {
    // Another JSON kind than the fast path takes: the column type's own reader decides.
    if (target.kind == Kind::Bool || target.kind == Kind::Date || target.kind == Kind::DateTime ||
        target.kind == Kind::Float32 || target.kind == Kind::Float64) {
      if (!readGeneric(reader, target, value, type, column)) return false;
      return true;
    }
    return false;
  }
  if (target.nullable) static_cast<ColumnNullable&>(column).getNullMapData().push_back(0);
  return true;
}

}  // namespace tally
