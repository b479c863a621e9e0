#include "compiler/driver/writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace monc {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class WriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(std::getenv("TEST_TMPDIR")) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    fs::create_directories(root_);
    dir_ = (root_ / "out").string();
  }
  fs::path root_;
  std::string dir_;
};

TEST_F(WriterTest, ReplacesTheWholeFolder) {
  OutputSet first;
  first.Add("a/x.yml", "one\n");
  first.Add("stale.yml", "old\n");
  std::string error;
  ASSERT_TRUE(WriteOutputs(first, dir_, &error)) << error;
  OutputSet second;
  second.Add("a/x.yml", "two\n");
  ASSERT_TRUE(WriteOutputs(second, dir_, &error)) << error;
  EXPECT_EQ(Read(fs::path(dir_) / "a/x.yml"), "two\n");
  EXPECT_FALSE(fs::exists(fs::path(dir_) / "stale.yml"));
  // No staging folders are left behind.
  size_t entries = 0;
  for (auto it = fs::directory_iterator(root_); it != fs::directory_iterator(); ++it) ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST_F(WriterTest, FailedWriteLeavesThePreviousOutputUntouched) {
  OutputSet good;
  good.Add("rules.yml", "kept\n");
  std::string error;
  ASSERT_TRUE(WriteOutputs(good, dir_, &error));
  OutputSet bad;
  bad.Add("a", "a file\n");
  bad.Add("a/b", "cannot exist: 'a' is a file\n");
  EXPECT_FALSE(WriteOutputs(bad, dir_, &error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(Read(fs::path(dir_) / "rules.yml"), "kept\n");
  EXPECT_FALSE(fs::exists(fs::path(dir_) / "a"));
}

TEST_F(WriterTest, DiffListsChangedMissingAndExtraFiles) {
  OutputSet outputs;
  outputs.Add("same.yml", "x\n");
  outputs.Add("changed.yml", "new\n");
  outputs.Add("missing.yml", "m\n");
  EXPECT_EQ(DiffOutputs(outputs, dir_).size(), 3u);  // nothing on disk yet
  fs::create_directories(dir_);
  std::ofstream(fs::path(dir_) / "same.yml") << "x\n";
  std::ofstream(fs::path(dir_) / "changed.yml") << "old\n";
  std::ofstream(fs::path(dir_) / "extra.yml") << "e\n";
  EXPECT_EQ(DiffOutputs(outputs, dir_),
            (std::vector<std::string>{"changed: changed.yml", "extra: extra.yml",
                                      "missing: missing.yml"}));
  std::string error;
  ASSERT_TRUE(WriteOutputs(outputs, dir_, &error));
  EXPECT_TRUE(DiffOutputs(outputs, dir_).empty());
}

// Bazel's runfiles are trees of symlinks: paths must stay as listed.
TEST_F(WriterTest, DiffReadsSymlinkedTreesByTheirOwnPaths) {
  fs::create_directories(root_ / "real");
  std::ofstream(root_ / "real" / "x.yml") << "x\n";
  fs::create_directories(fs::path(dir_) / "sub");
  fs::create_symlink(root_ / "real" / "x.yml", fs::path(dir_) / "sub" / "x.yml");
  OutputSet outputs;
  outputs.Add("sub/x.yml", "x\n");
  EXPECT_TRUE(DiffOutputs(outputs, dir_).empty());
}

}  // namespace
}  // namespace monc
