#include "rejects.h"

#include <cerrno>
#include <cstring>

#include "linehaul_line.h"
#include "tally/tally.h"

namespace tally::pypi::ingest {

void appendJsonString(std::string_view s, std::string& out) {
  static const char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out.push_back(hex[u >> 4]);
          out.push_back(hex[u & 15]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

RejectsWriter::~RejectsWriter() {
  if (file_) std::fclose(file_);
}

void RejectsWriter::write(const std::string& record) {
  if (!file_) {
    file_ = std::fopen(path_.c_str(), "a");
    if (!file_)
      throw api::Error(76, "CANNOT_OPEN_FILE", "Cannot open rejects file " + path_ + ": " + std::strerror(errno));
  }
  if (std::fwrite(record.data(), 1, record.size(), file_) != record.size())
    throw api::Error(75, "CANNOT_WRITE_TO_FILE_DESCRIPTOR", "Cannot write rejects file " + path_);
  ++count_;
}

void RejectsWriter::flush() {
  if (file_) std::fflush(file_);
}

void RejectsWriter::addLine(std::string_view file, uint64_t line, std::string_view reason, std::string_view raw) {
  std::string r = "{\"file\":";
  appendJsonString(file, r);
  r += ",\"line\":" + std::to_string(line) + ",\"reason\":";
  appendJsonString(reason, r);
  if (isValidUtf8(raw)) {
    r += ",\"raw\":";
    appendJsonString(raw, r);
  } else {
    static const char hex[] = "0123456789abcdef";
    r += ",\"raw_hex\":\"";
    for (unsigned char c : raw) {
      r.push_back(hex[c >> 4]);
      r.push_back(hex[c & 15]);
    }
    r += "\"";
  }
  r += "}\n";
  write(r);
}

void RejectsWriter::addRow(std::string_view file, std::string_view reason, std::string_view row_json) {
  std::string r = "{\"file\":";
  appendJsonString(file, r);
  r += ",\"row\":null,\"reason\":";
  appendJsonString(reason, r);
  r += ",\"raw_row\":";
  r.append(row_json);
  r += "}\n";
  write(r);
}

void RejectsWriter::addFile(std::string_view file, std::string_view reason) {
  std::string r = "{\"file\":";
  appendJsonString(file, r);
  r += ",\"reason\":";
  appendJsonString(reason, r);
  r += "}\n";
  write(r);
}

}  // namespace tally::pypi::ingest
