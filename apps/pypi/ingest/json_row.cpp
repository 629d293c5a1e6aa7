#include "json_row.h"

#include <simdjson.h>

#include <optional>

#include "project_name.h"

namespace tally::pypi::ingest {

namespace {

int digitsAt(std::string_view s, size_t at, size_t count) {
  if (at + count > s.size()) return -1;
  int v = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = s[at + i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

int32_t parseTimestampDate(std::string_view t) {
  int y = digitsAt(t, 0, 4), mo = digitsAt(t, 5, 2), d = digitsAt(t, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || t[4] != '-' || t[7] != '-') return -1;
  int32_t days = daysFromCivil(y, mo, d);
  if (days < 0) return -1;
  if (t.size() == 10) return days;
  if (t[10] != ' ' && t[10] != 'T') return -1;
  int hh = digitsAt(t, 11, 2), mm = digitsAt(t, 14, 2), ss = digitsAt(t, 17, 2);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60 || t[13] != ':' || t[16] != ':') return -1;
  size_t i = 19;
  if (i < t.size() && t[i] == '.') {
    ++i;
    size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == start) return -1;
  }
  if (i < t.size() && t[i] == ' ') ++i;
  std::string_view zone = t.substr(i);
  int offset_minutes = 0;
  if (zone.empty() || zone == "UTC" || zone == "Z" || zone == "GMT") {
  } else if ((zone[0] == '+' || zone[0] == '-') && (zone.size() == 6 || zone.size() == 5 || zone.size() == 3)) {
    int oh = digitsAt(zone, 1, 2), om = 0;
    if (zone.size() == 6) om = zone[3] == ':' ? digitsAt(zone, 4, 2) : -1;
    else if (zone.size() == 5) om = digitsAt(zone, 3, 2);
    if (oh < 0 || om < 0 || oh > 14 || om > 59) return -1;
    offset_minutes = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
  } else {
    return -1;
  }
  int minute_of_day = hh * 60 + mm - offset_minutes;
  if (minute_of_day < 0) --days;
  else if (minute_of_day >= 24 * 60) ++days;
  if (days < 0 || days > 65535) return -1;
  return days;
}

struct JsonRowParser::Impl {
  simdjson::dom::parser parser;
  std::string buffer, project;
  std::optional<std::string> country, project_top, file_project, version, type, installer, python, system, timestamp;
  CiFlag ci = CiFlag::Null;
  bool has_ci = false;
};

JsonRowParser::JsonRowParser() : impl_(std::make_unique<Impl>()) {}
JsonRowParser::~JsonRowParser() = default;

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

/// Reads a string (or null) value; a number is kept as its text (versions such as 1.0 may
/// arrive unquoted from hand-made exports). False on other types.
bool readText(element v, std::optional<std::string>& out) {
  switch (v.type()) {
    case element_type::NULL_VALUE: out.reset(); return true;
    case element_type::STRING: out = std::string(v.get_string().value_unsafe()); return true;
    case element_type::INT64: out = std::to_string(v.get_int64().value_unsafe()); return true;
    case element_type::UINT64: out = std::to_string(v.get_uint64().value_unsafe()); return true;
    default: return false;
  }
}

template <typename Field>
bool forEach(element v, Field&& field) {
  if (v.type() == element_type::NULL_VALUE) return true;
  simdjson::dom::object o;
  if (v.get_object().get(o)) return false;
  for (auto [key, inner] : o)
    if (!field(key, inner)) return false;
  return true;
}

bool nameOf(element v, std::optional<std::string>& out) {
  return forEach(v, [&](std::string_view k, element x) { return k == "name" ? readText(x, out) : true; });
}

}  // namespace

bool JsonRowParser::parse(std::string_view line, DownloadRow& row) {
  Impl& m = *impl_;
  for (auto* f : {&m.country, &m.project_top, &m.file_project, &m.version, &m.type, &m.installer, &m.python, &m.system,
                  &m.timestamp})
    f->reset();
  m.ci = CiFlag::Null;
  m.has_ci = false;
  auto fail = [&](const char* why) {
    reason_ = why;
    return false;
  };
  m.buffer.assign(line);
  m.buffer.resize(line.size() + simdjson::SIMDJSON_PADDING, '\0');
  element doc;
  if (m.parser.parse(m.buffer.data(), line.size(), false).get(doc)) return fail("malformed JSON");
  simdjson::dom::object root;
  if (doc.get_object().get(root)) return fail("not a JSON object");
  auto readCi = [&](element x) {
    m.has_ci = true;
    if (x.type() == element_type::NULL_VALUE) return true;
    if (x.type() != element_type::BOOL) return false;
    m.ci = x.get_bool().value_unsafe() ? CiFlag::True : CiFlag::False;
    return true;
  };
  for (auto [key, v] : root) {
    bool ok = true;
    if (key == "timestamp") ok = readText(v, m.timestamp);
    else if (key == "country_code") ok = readText(v, m.country);
    else if (key == "project") ok = readText(v, m.project_top);
    else if (key == "file")
      ok = forEach(v, [&](std::string_view k, element x) {
        if (k == "project") return readText(x, m.file_project);
        if (k == "version") return readText(x, m.version);
        if (k == "type") return readText(x, m.type);
        return true;
      });
    else if (key == "details") {
      // BigQuery's JSON export leaves NULL fields out: a missing details.ci is NULL.
      m.has_ci = true;
      ok = forEach(v, [&](std::string_view k, element x) {
        if (k == "installer") return nameOf(x, m.installer);
        if (k == "system") return nameOf(x, m.system);
        if (k == "python") return readText(x, m.python);
        if (k == "ci") return readCi(x);
        return true;
      });
    }
    else if (key == "installer") ok = nameOf(v, m.installer);  // flattened ClickPy export
    else if (key == "system") ok = nameOf(v, m.system);
    else if (key == "python") ok = readText(v, m.python);
    else if (key == "ci") ok = readCi(v);
    if (!ok) return fail("unexpected JSON type");
  }
  if (!m.timestamp) return fail("missing timestamp");
  int32_t days = parseTimestampDate(*m.timestamp);
  if (days < 0) return fail("bad timestamp");
  const std::optional<std::string>& project = m.file_project ? m.file_project : m.project_top;
  if (!project || project->empty()) return fail("missing project");
  if (!m.version) return fail("missing version");
  m.project = normalizeProjectName(*project);
  row.date = uint16_t(days);
  row.country_code = m.country ? std::string_view(*m.country) : std::string_view();
  row.project = m.project;
  row.type = m.type ? std::string_view(*m.type) : std::string_view();
  row.installer = m.installer ? std::string_view(*m.installer) : std::string_view();
  row.python_minor = m.python ? pythonMinor(*m.python) : std::string_view();
  row.system = m.system ? std::string_view(*m.system) : std::string_view();
  row.version = *m.version;
  row.ci = m.has_ci ? ciValue(m.ci, row.installer) : CiValue::Unknown;
  return true;
}

}  // namespace tally::pypi::ingest
