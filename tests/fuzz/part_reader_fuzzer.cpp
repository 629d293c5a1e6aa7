// libFuzzer target for the MergeTree part reader: the input is a part directory packed as
// records [u8 file][u32 length][bytes] (file 0: part.txt, 1: index.bin, 2..: c0.bin, c1.bin, ...).
// Loading the part and reading every column of every granule must either succeed or throw a
// tally::Exception — never crash, hang or read out of bounds.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/exception.h"
#include "storage/merge_tree/data_part.h"

namespace {

const std::string& partDirectory() {
  static const std::string dir = [] {
    std::string d = (std::filesystem::temp_directory_path() / ("tally-part-fuzz-" + std::to_string(::getpid()))).string();
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& dir = partDirectory();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  size_t pos = 0;
  while (pos + 5 <= size) {
    uint8_t file = data[pos];
    uint32_t len;
    std::memcpy(&len, data + pos + 1, 4);
    pos += 5;
    len = uint32_t(std::min<size_t>(len, size - pos));
    std::string name = file == 0 ? "part.txt" : file == 1 ? "index.bin" : "c" + std::to_string((file - 2) % 16) + ".bin";
    std::ofstream(dir + "/" + name, std::ios::binary).write(reinterpret_cast<const char*>(data + pos), len);
    pos += len;
  }
  try {
    tally::PartName name;
    name.partition_id = "all";
    auto part = tally::DataPart::load(dir, name);
    if (part->rows > 10'000'000) return 0;  // a claimed size the fuzzer would only spend time on
    for (size_t c = 0; c < part->columns.size(); ++c) {
      auto& pc = part->columns[c];
      if (pc.code_width && pc.dictionary_values) {
        pc.to_table_codes.resize(pc.dictionary_values->size());
        for (size_t i = 0; i < pc.to_table_codes.size(); ++i) pc.to_table_codes[i] = uint32_t(i);
      }
      for (size_t g = 0; g < part->granules(); ++g) part->readColumn(c, g, g + 1);
    }
  } catch (const tally::Exception&) {
  }
  return 0;
}
