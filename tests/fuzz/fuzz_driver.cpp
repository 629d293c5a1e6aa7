// A small mutation fuzzer that drives any LLVMFuzzerTestOneInput target when the project is
// built with g++ (no libFuzzer): it replays the seed corpus, then mutates seeds (byte flips,
// insertions, deletions, duplications, dictionary tokens, splices) for a fixed time. A crash
// (signal), or an input running longer than 10 s, writes the input that caused it to
// fuzz-crash-<target>.bin and exits non-zero.
//
//   target [--seconds N] [--seed S] CORPUS_DIR_OR_FILE...
//
// With clang, build the same sources with -fsanitize=fuzzer -DTALLY_LIBFUZZER for real
// coverage-guided fuzzing; this driver is for the short runs in `make test`.

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::string g_current;
std::string g_target;

void onCrash(int sig) {
  std::string path = "fuzz-crash-" + g_target + ".bin";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f) {
    std::fwrite(g_current.data(), 1, g_current.size(), f);
    std::fclose(f);
  }
  const char msg[] = "fuzz driver: crash; input saved\n";
  (void)!write(2, msg, sizeof(msg) - 1);
  std::_Exit(128 + sig);
}

const char* const kTokens[] = {"\"", "'", ",", "\n", "\r\n", "\t", "\\", "\\N", "[", "]", "{", "}", "(", ")", ":", ";",
                               "NULL", "null", "true", "0", "-1", "1e308", "nan", "18446744073709551616", "2024-02-30",
                               "SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "JOIN", "ARRAY JOIN", "OVER (", "->",
                               "::", "INTERVAL 1 DAY", "{x:UInt8}", "/*", "--", "\xff", "\xc3\xa9", "\x00"};

/// One input may take at most this long: a hang (or runaway allocation) counts as a crash.
constexpr unsigned kInputTimeoutSeconds = 10;

void run(const std::string& input) {
  g_current = input;
  alarm(kInputTimeoutSeconds);
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  alarm(0);
}

std::string mutate(std::string s, const std::vector<std::string>& corpus, std::mt19937_64& rng) {
  auto pick = [&](size_t n) { return n ? size_t(rng() % n) : 0; };
  int rounds = 1 + int(rng() % 4);
  for (int r = 0; r < rounds; ++r) {
    switch (rng() % 7) {
      case 0:
        if (!s.empty()) s[pick(s.size())] ^= char(1 << (rng() % 8));
        break;
      case 1:
        s.insert(s.begin() + pick(s.size() + 1), char(rng()));
        break;
      case 2:
        if (!s.empty()) {
          size_t a = pick(s.size());
          s.erase(a, 1 + pick(std::min<size_t>(16, s.size() - a)));
        }
        break;
      case 3:
        if (!s.empty()) {
          size_t a = pick(s.size());
          size_t n = 1 + pick(std::min<size_t>(32, s.size() - a));
          s.insert(pick(s.size() + 1), s.substr(a, n));
        }
        break;
      case 4: {
        const char* t = kTokens[pick(std::size(kTokens))];
        s.insert(pick(s.size() + 1), std::string(t, std::strlen(t) ? std::strlen(t) : 1));
        break;
      }
      case 5:
        if (!corpus.empty()) {
          const std::string& other = corpus[pick(corpus.size())];
          if (!other.empty()) s.insert(pick(s.size() + 1), other.substr(pick(other.size())));
        }
        break;
      default:
        if (s.size() > 1) s.resize(pick(s.size()));
    }
  }
  if (s.size() > (1 << 16)) s.resize(1 << 16);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  g_target = std::filesystem::path(argv[0]).filename().string();
  double seconds = 0;
  uint64_t seed = 12345;
  std::vector<std::string> corpus;
  auto add_file = [&](const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    corpus.emplace_back((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::filesystem::is_directory(a)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(a))
        if (e.is_regular_file()) add_file(e.path());
    } else if (std::filesystem::exists(a)) {
      add_file(a);
    }
  }
  std::sort(corpus.begin(), corpus.end());
  for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGALRM}) std::signal(sig, onCrash);

  size_t runs = 0;
  for (const auto& c : corpus) {
    run(c);
    ++runs;
  }
  std::mt19937_64 rng(seed);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> pool = corpus;
  if (pool.empty()) pool.push_back("");
  while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) {
    std::string input = mutate(pool[rng() % pool.size()], corpus, rng);
    run(input);
    ++runs;
    if (pool.size() < 4096 && rng() % 16 == 0) pool.push_back(std::move(input));
  }
  std::printf("%s: %zu inputs, no crash\n", g_target.c_str(), runs);
  return 0;
}
