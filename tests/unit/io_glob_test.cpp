// file() globs (GlobPattern, expandGlob) and confining paths to a root directory.

#include <gtest/gtest.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "common/exception.h"
#include "io/file_glob.h"
#include "io/glob_pattern.h"
#include "io/path_confinement.h"

namespace tally {
namespace {

using Paths = std::vector<std::string>;

template <typename F>
Exception catchException(F&& f) {
  try {
    f();
  } catch (const Exception& e) {
    return e;
  }
  ADD_FAILURE() << "expected an exception";
  return Exception(0, std::string("no exception"));
}

// --- GlobPattern ------------------------------------------------------------------------------

TEST(IoGlobPattern, Wildcards) {
  GlobPattern star("*.csv");
  EXPECT_TRUE(star.matches("a.csv"));
  EXPECT_TRUE(star.matches(".csv"));
  EXPECT_TRUE(star.matches(".hidden.csv"));
  EXPECT_FALSE(star.matches("a.csv.gz"));
  EXPECT_FALSE(star.matches("dir/a.csv"));  // `*` stops at '/'

  GlobPattern question("data?.csv");
  EXPECT_TRUE(question.matches("data1.csv"));
  EXPECT_FALSE(question.matches("data.csv"));
  EXPECT_FALSE(question.matches("data12.csv"));
  EXPECT_FALSE(GlobPattern("a?b").matches("a/b"));

  GlobPattern deep("logs/**.json");
  EXPECT_TRUE(deep.matches("logs/a.json"));
  EXPECT_TRUE(deep.matches("logs/x/y/a.json"));
  EXPECT_FALSE(deep.matches("other/a.json"));

  GlobPattern pathological("a*a*a*a*a*a*a*a*b");
  EXPECT_FALSE(pathological.matches(std::string(200, 'a')));
  EXPECT_TRUE(pathological.matches(std::string(200, 'a') + "b"));
}

TEST(IoGlobPattern, Globstar) {
  GlobPattern pattern("a/**/b.txt");
  EXPECT_TRUE(pattern.matches("a/b.txt"));  // zero directories
  EXPECT_TRUE(pattern.matches("a/x/b.txt"));
  EXPECT_TRUE(pattern.matches("a/x/y/z/b.txt"));
  EXPECT_FALSE(pattern.matches("ab.txt"));
  EXPECT_FALSE(pattern.matches("a/xb.txt"));
  EXPECT_TRUE(GlobPattern("**/*.csv").matches("x.csv"));
  EXPECT_TRUE(GlobPattern("**/*.csv").matches("d/e/x.csv"));
}

TEST(IoGlobPattern, Alternatives) {
  GlobPattern pattern("{a,b,cd}.csv");
  EXPECT_TRUE(pattern.matches("a.csv"));
  EXPECT_TRUE(pattern.matches("cd.csv"));
  EXPECT_FALSE(pattern.matches("c.csv"));
  EXPECT_FALSE(pattern.matches("{a,b,cd}.csv"));

  GlobPattern nested("x{a,b{1,2},*.tsv}");
  EXPECT_TRUE(nested.matches("xa"));
  EXPECT_TRUE(nested.matches("xb2"));
  EXPECT_TRUE(nested.matches("xanything.tsv"));
  EXPECT_FALSE(nested.matches("xb3"));

  EXPECT_TRUE(GlobPattern("{csv,csv.*}").matches("csv.gz"));
  EXPECT_TRUE(GlobPattern("a{}b").matches("a{}b"));  // malformed braces are literal
  EXPECT_TRUE(GlobPattern("a{b").matches("a{b"));
  EXPECT_TRUE(GlobPattern("a}b").matches("a}b"));
  EXPECT_TRUE(GlobPattern("{x}").matches("x"));
}

TEST(IoGlobPattern, Ranges) {
  GlobPattern plain("f{1..12}");
  EXPECT_TRUE(plain.matches("f1"));
  EXPECT_TRUE(plain.matches("f12"));
  EXPECT_FALSE(plain.matches("f0"));
  EXPECT_FALSE(plain.matches("f13"));
  EXPECT_FALSE(plain.matches("f01"));

  GlobPattern padded("f{01..10}");
  EXPECT_TRUE(padded.matches("f01"));
  EXPECT_TRUE(padded.matches("f10"));
  EXPECT_FALSE(padded.matches("f1"));
  EXPECT_FALSE(padded.matches("f001"));

  GlobPattern wide("{001..120}");
  EXPECT_TRUE(wide.matches("007"));
  EXPECT_TRUE(wide.matches("120"));
  EXPECT_FALSE(wide.matches("07"));

  GlobPattern zero_start("{0..10}");  // a lone 0 is no padding (as ClickHouse)
  EXPECT_TRUE(zero_start.matches("0"));
  EXPECT_TRUE(zero_start.matches("7"));
  EXPECT_FALSE(zero_start.matches("07"));

  GlobPattern descending("{5..3}");
  EXPECT_TRUE(descending.matches("4"));
  EXPECT_FALSE(descending.matches("6"));

  GlobPattern two("{1..3}_{1..3}");
  EXPECT_TRUE(two.matches("3_1"));
  EXPECT_FALSE(two.matches("31"));
}

TEST(IoGlobPattern, Enumerate) {
  auto names = GlobPattern("p{01..03}.{csv,tsv}").enumerate(100);
  ASSERT_TRUE(names.has_value());
  std::sort(names->begin(), names->end());
  EXPECT_EQ(*names, (Paths{"p01.csv", "p01.tsv", "p02.csv", "p02.tsv", "p03.csv", "p03.tsv"}));
  EXPECT_FALSE(GlobPattern("*.csv").enumerate(100).has_value());
  EXPECT_FALSE(GlobPattern("{1..1000}").enumerate(100).has_value());
  EXPECT_FALSE(GlobPattern("{1..99999999999}").enumerate(100).has_value());
  EXPECT_EQ(GlobPattern("plain").enumerate(1), Paths{"plain"});
}

TEST(IoGlobPattern, ExpandBracesWithSlashes) {
  EXPECT_EQ(expandBracesWithSlashes("d/{a/x,b}/*.csv", 100), (Paths{"d/a/x/*.csv", "d/b/*.csv"}));
  EXPECT_EQ(expandBracesWithSlashes("d/{a,b}/{1..3}.csv", 100), Paths{"d/{a,b}/{1..3}.csv"});
  EXPECT_EQ(expandBracesWithSlashes("{x,{y/z,w}}", 100), (Paths{"x", "y/z", "w"}));
  EXPECT_EQ(catchException([] { expandBracesWithSlashes("{a/,b/}{a/,b/}{a/,b/}", 4); }).code(),
            ErrorCodes::BAD_ARGUMENTS);
}

TEST(IoGlob, HasGlobs) {
  EXPECT_TRUE(hasGlobs("*.csv"));
  EXPECT_TRUE(hasGlobs("a?.csv"));
  EXPECT_TRUE(hasGlobs("f{1..2}"));
  EXPECT_FALSE(hasGlobs("/data/file.csv"));
  EXPECT_FALSE(hasGlobs("a[1].csv"));
}

// --- expandGlob on a real tree -----------------------------------------------------------------

class IoGlobTree : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/tally_io_glob_XXXXXX";
    ASSERT_NE(::mkdtemp(name), nullptr);
    root_ = name;
    for (const char* file : {"a.csv", "b.csv", "c.tsv", ".hidden.csv", "data1.csv", "data2.csv", "data3.csv",
                             "data4.csv", "data10.csv", "dir/x.json", "dir/sub/y.json", "dir/sub/deeper/z.json",
                             "dir/sub/deeper/w.txt", "dir2/x.json", "outside/secret.csv"})
      touch(file);
    for (int i = 1; i <= 12; ++i) touch(fmt::format("part{:02}.csv", i));
    std::filesystem::create_directories(root_ + "/emptydir");
    std::filesystem::create_directories(root_ + "/dir.csv");  // a directory matching *.csv
    std::filesystem::create_directory_symlink(root_ + "/dir", root_ + "/link_to_dir");
    std::filesystem::create_symlink(root_ + "/a.csv", root_ + "/link_to_file.csv");
    std::filesystem::create_symlink(root_ + "/missing", root_ + "/dangling.csv");
    std::filesystem::create_directory_symlink(root_ + "/dir", root_ + "/dir/sub/loop");  // a cycle
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void touch(const std::string& relative) {
    std::filesystem::path path = root_ + "/" + relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << relative << "\n";
  }
  // The matches of root-relative `pattern`, made root-relative again.
  Paths glob(const std::string& pattern) {
    Paths result;
    for (const std::string& path : expandGlob(root_ + "/" + pattern)) {
      EXPECT_EQ(path.rfind(root_ + "/", 0), 0u) << path;
      result.push_back(path.substr(root_.size() + 1));
    }
    return result;
  }

  std::string root_;
};

TEST_F(IoGlobTree, Star) {
  EXPECT_EQ(glob("*.csv"), (Paths{".hidden.csv", "a.csv",      "b.csv",      "data1.csv",        "data10.csv",
                                  "data2.csv",   "data3.csv",  "data4.csv",  "link_to_file.csv", "part01.csv",
                                  "part02.csv",  "part03.csv", "part04.csv", "part05.csv",       "part06.csv",
                                  "part07.csv",  "part08.csv", "part09.csv", "part10.csv",       "part11.csv",
                                  "part12.csv"}));
  EXPECT_EQ(glob("di*/x.json"), (Paths{"dir/x.json", "dir2/x.json"}));
  EXPECT_EQ(glob("*/x.json"), (Paths{"dir/x.json", "dir2/x.json", "link_to_dir/x.json"}));
}

TEST_F(IoGlobTree, Question) {
  EXPECT_EQ(glob("?.csv"), (Paths{"a.csv", "b.csv"}));
  EXPECT_EQ(glob("data?.csv"), (Paths{"data1.csv", "data2.csv", "data3.csv", "data4.csv"}));
}

TEST_F(IoGlobTree, Ranges) {
  EXPECT_EQ(glob("data{1..3}.csv"), (Paths{"data1.csv", "data2.csv", "data3.csv"}));
  EXPECT_EQ(glob("data{3..1}.csv"), (Paths{"data1.csv", "data2.csv", "data3.csv"}));
  EXPECT_EQ(glob("data{1..10}.csv"), (Paths{"data1.csv", "data10.csv", "data2.csv", "data3.csv", "data4.csv"}));
  EXPECT_EQ(glob("part{01..03}.csv"), (Paths{"part01.csv", "part02.csv", "part03.csv"}));
  EXPECT_EQ(glob("part{09..11}.csv"), (Paths{"part09.csv", "part10.csv", "part11.csv"}));
  EXPECT_EQ(glob("part{1..3}.csv"), Paths{});  // unpadded numbers do not name the padded files
  EXPECT_EQ(glob("part{0..1}{0..2}.csv"),
            (Paths{"part01.csv", "part02.csv", "part10.csv", "part11.csv", "part12.csv"}));
  // Large ranges are matched against the listing rather than looked up one by one.
  EXPECT_EQ(glob("data{1..100000}.csv"), (Paths{"data1.csv", "data10.csv", "data2.csv", "data3.csv", "data4.csv"}));
}

TEST_F(IoGlobTree, Alternatives) {
  EXPECT_EQ(glob("{a,b}.csv"), (Paths{"a.csv", "b.csv"}));
  EXPECT_EQ(glob("{a,c}.*"), (Paths{"a.csv", "c.tsv"}));
  EXPECT_EQ(glob("{a,a,b}.csv"), (Paths{"a.csv", "b.csv"}));  // no repeats
  EXPECT_EQ(glob("{dir,dir2}/x.json"), (Paths{"dir/x.json", "dir2/x.json"}));
  EXPECT_EQ(glob("{dir/sub,dir2}/*.json"), (Paths{"dir/sub/y.json", "dir2/x.json"}));  // '/' inside braces
  EXPECT_EQ(glob("{dir/sub/deeper/z,dir2/x}.json"), (Paths{"dir/sub/deeper/z.json", "dir2/x.json"}));
}

TEST_F(IoGlobTree, Globstar) {
  EXPECT_EQ(glob("dir/**/*.json"), (Paths{"dir/sub/deeper/z.json", "dir/sub/y.json", "dir/x.json"}));
  EXPECT_EQ(glob("dir/**"), (Paths{"dir/sub/deeper/w.txt", "dir/sub/deeper/z.json", "dir/sub/y.json", "dir/x.json"}));
  // Symbolic links to directories are not descended: no duplicates through link_to_dir, no loop.
  EXPECT_EQ(glob("**/z.json"), Paths{"dir/sub/deeper/z.json"});
  EXPECT_EQ(glob("**/deeper/*"), (Paths{"dir/sub/deeper/w.txt", "dir/sub/deeper/z.json"}));
  EXPECT_EQ(glob("dir/**/**/y.json"), Paths{"dir/sub/y.json"});
  // `**` inside a segment crosses '/'.
  EXPECT_EQ(glob("dir/sub/**.json"), (Paths{"dir/sub/deeper/z.json", "dir/sub/y.json"}));
  EXPECT_EQ(glob("dir/s**/*.txt"), Paths{"dir/sub/deeper/w.txt"});
}

TEST_F(IoGlobTree, NoMatches) {
  EXPECT_EQ(glob("*.parquet"), Paths{});
  EXPECT_EQ(glob("nonexistent/*.csv"), Paths{});
  EXPECT_EQ(glob("emptydir/*"), Paths{});
  EXPECT_EQ(glob("a.csv/*"), Paths{});  // a file is no directory
  EXPECT_EQ(glob("dangling.csv"), Paths{});
}

TEST_F(IoGlobTree, WithoutGlobs) {
  EXPECT_EQ(glob("a.csv"), Paths{"a.csv"});
  EXPECT_EQ(glob("link_to_file.csv"), Paths{"link_to_file.csv"});
  EXPECT_EQ(glob("missing.csv"), Paths{});
  EXPECT_EQ(glob("dir"), Paths{"dir/x.json"});  // a directory is its files
  EXPECT_EQ(glob("dir/"), Paths{"dir/x.json"});
  EXPECT_EQ(glob("emptydir"), Paths{});
  EXPECT_EQ(expandGlob(""), Paths{});
}

TEST_F(IoGlobTree, DirectoriesAreNotMatches) {
  Paths matches = glob("dir*");
  EXPECT_EQ(matches, Paths{});  // dir, dir2, dir.csv are directories
}

TEST_F(IoGlobTree, RelativePatternsStayRelative) {
  char saved[PATH_MAX];
  ASSERT_NE(::getcwd(saved, sizeof(saved)), nullptr);
  ASSERT_EQ(::chdir(root_.c_str()), 0);
  Paths plain = expandGlob("*.tsv");
  Paths nested = expandGlob("dir/**/*.json");
  Paths dotted = expandGlob("./dir2/*.json");
  Paths parent = expandGlob("dir/../dir2/*.json");
  Paths top = expandGlob("**/w.txt");
  ASSERT_EQ(::chdir(saved), 0);
  EXPECT_EQ(plain, Paths{"c.tsv"});
  EXPECT_EQ(nested, (Paths{"dir/sub/deeper/z.json", "dir/sub/y.json", "dir/x.json"}));
  EXPECT_EQ(dotted, Paths{"./dir2/x.json"});
  EXPECT_EQ(parent, Paths{"dir/../dir2/x.json"});
  EXPECT_EQ(top, Paths{"dir/sub/deeper/w.txt"});
}

TEST_F(IoGlobTree, RepeatedSlashesCollapse) {
  EXPECT_EQ(expandGlob(root_ + "//dir2///*.json"), Paths{root_ + "/dir2/x.json"});
}

TEST_F(IoGlobTree, ZeroByteIsRejected) {
  std::string pattern = root_ + "/a.csv";
  pattern.push_back('\0');
  pattern += "*";
  EXPECT_EQ(catchException([&] { expandGlob(pattern); }).code(), ErrorCodes::BAD_ARGUMENTS);
}

// --- confinement --------------------------------------------------------------------------------

class IoPathConfinement : public IoGlobTree {
 protected:
  void SetUp() override {
    IoGlobTree::SetUp();
    inside_ = root_ + "/inside";
    std::filesystem::create_directories(inside_ + "/sub");
    std::ofstream(inside_ + "/data.csv") << "1\n";
    std::ofstream(inside_ + "/sub/more.csv") << "2\n";
    std::filesystem::create_directories(root_ + "/inside2");
    std::ofstream(root_ + "/inside2/other.csv") << "3\n";
    std::filesystem::create_directory_symlink(root_ + "/outside", inside_ + "/escape");
    std::filesystem::create_directory_symlink("sub", inside_ + "/good_link");
    std::filesystem::create_directory_symlink(inside_, root_ + "/root_link");
  }

  void expectDenied(const std::string& path, const std::string& root) {
    Exception e = catchException([&] { resolvePathUnderRoot(path, root); });
    EXPECT_EQ(e.code(), ErrorCodes::DATABASE_ACCESS_DENIED) << path;
    EXPECT_NE(e.message().find("is not inside"), std::string::npos) << e.message();
  }

  std::string inside_;
};

TEST_F(IoPathConfinement, InsidePathsResolve) {
  EXPECT_EQ(resolvePathUnderRoot("data.csv", inside_), inside_ + "/data.csv");
  EXPECT_EQ(resolvePathUnderRoot(inside_ + "/data.csv", inside_), inside_ + "/data.csv");
  EXPECT_EQ(resolvePathUnderRoot("sub/../data.csv", inside_), inside_ + "/data.csv");
  EXPECT_EQ(resolvePathUnderRoot("./sub//more.csv", inside_), inside_ + "/sub/more.csv");
  EXPECT_EQ(resolvePathUnderRoot("good_link/more.csv", inside_), inside_ + "/sub/more.csv");
  EXPECT_EQ(resolvePathUnderRoot("not_yet.csv", inside_), inside_ + "/not_yet.csv");  // may not exist
  EXPECT_EQ(resolvePathUnderRoot("new/../data.csv", inside_), inside_ + "/data.csv");
  EXPECT_EQ(resolvePathUnderRoot("", inside_), inside_);
  // The root itself may be reached through a link; results are canonical.
  EXPECT_EQ(resolvePathUnderRoot("data.csv", root_ + "/root_link"), inside_ + "/data.csv");
  EXPECT_EQ(resolvePathUnderRoot("data.csv", inside_ + "/"), inside_ + "/data.csv");
}

TEST_F(IoPathConfinement, EscapesAreDenied) {
  expectDenied("../a.csv", inside_);
  expectDenied("sub/../../a.csv", inside_);
  expectDenied(root_ + "/a.csv", inside_);
  expectDenied("/etc/passwd", inside_);
  expectDenied("escape/secret.csv", inside_);  // a symbolic link leading out
  expectDenied("escape", inside_);
  expectDenied("missing/../../a.csv", inside_);           // `..` past a missing component
  expectDenied("missing/../escape/secret.csv", inside_);  // ... then through a link
  expectDenied(root_ + "/inside2/other.csv", inside_);    // a sibling sharing the prefix
  expectDenied(root_ + "/inside/../inside2/other.csv", inside_);
  expectDenied("../a.csv", root_ + "/root_link");
}

TEST_F(IoPathConfinement, EmptyRootIsAnError) {
  EXPECT_EQ(catchException([] { resolvePathUnderRoot("x", ""); }).code(), ErrorCodes::BAD_ARGUMENTS);
}

TEST_F(IoPathConfinement, SymlinkLoopIsAnError) {
  std::filesystem::create_symlink("loop_b", inside_ + "/loop_a");
  std::filesystem::create_symlink("loop_a", inside_ + "/loop_b");
  EXPECT_EQ(catchException([&] { resolvePathUnderRoot("loop_a/x", inside_); }).code(), ErrorCodes::CANNOT_STAT);
}

TEST_F(IoPathConfinement, CanonicalResolution) {
  EXPECT_EQ(resolvePathCanonically("/"), "/");
  EXPECT_EQ(resolvePathCanonically("/../.."), "/");
  EXPECT_EQ(resolvePathCanonically(inside_ + "/good_link/../data.csv"), inside_ + "/data.csv");
  EXPECT_EQ(resolvePathCanonically(inside_ + "/escape/../a.csv"), root_ + "/a.csv");  // `..` of the target
}

TEST_F(IoPathConfinement, GlobUnderRoot) {
  EXPECT_EQ(expandGlobUnderRoot("*.csv", inside_), Paths{inside_ + "/data.csv"});
  EXPECT_EQ(expandGlobUnderRoot("**/*.csv", inside_), (Paths{inside_ + "/data.csv", inside_ + "/sub/more.csv"}));
  EXPECT_EQ(expandGlobUnderRoot("good_link/*.csv", inside_), Paths{inside_ + "/sub/more.csv"});
  EXPECT_EQ(expandGlobUnderRoot(inside_ + "/sub", inside_), Paths{inside_ + "/sub/more.csv"});
  EXPECT_EQ(expandGlobUnderRoot("data.csv", root_ + "/root_link"), Paths{inside_ + "/data.csv"});

  for (const std::string& pattern :
       {std::string("../*.csv"), std::string("escape/*"), std::string("/etc/*"), std::string("sub/../../*.csv"),
        std::string("*/../../*.csv"), root_ + "/inside2/*.csv"}) {
    Exception e = catchException([&] { expandGlobUnderRoot(pattern, inside_); });
    EXPECT_EQ(e.code(), ErrorCodes::DATABASE_ACCESS_DENIED) << pattern << ": " << e.message();
  }

  // A file link leading out is caught among the matches.
  std::filesystem::create_symlink(root_ + "/outside/secret.csv", inside_ + "/leak.csv");
  EXPECT_EQ(catchException([&] { expandGlobUnderRoot("*.csv", inside_); }).code(), ErrorCodes::DATABASE_ACCESS_DENIED);
}

}  // namespace
}  // namespace tally
