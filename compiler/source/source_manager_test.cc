#include "compiler/source/source_manager.h"

#include <gtest/gtest.h>

namespace monc {
namespace {

TEST(SourceManagerTest, LocatesOffsetsAsOneBasedLineAndColumn) {
  SourceManager sm;
  FileId f = sm.Add("a.yaml", "ab\ncde\n\nf");
  EXPECT_EQ(sm.Locate(f, 0).line, 1u);
  EXPECT_EQ(sm.Locate(f, 0).column, 1u);
  EXPECT_EQ(sm.Locate(f, 4).line, 2u);
  EXPECT_EQ(sm.Locate(f, 4).column, 2u);
  EXPECT_EQ(sm.Locate(f, 7).line, 3u);
  EXPECT_EQ(sm.Locate(f, 7).column, 1u);
  EXPECT_EQ(sm.Locate(f, 8).line, 4u);
  EXPECT_EQ(sm.Locate(f, 99).line, 4u);  // clamped to the end
  EXPECT_EQ(sm.Line(f, 2), "cde");
  EXPECT_EQ(sm.Line(f, 3), "");
  EXPECT_EQ(sm.Line(f, 4), "f");
  EXPECT_EQ(sm.Line(f, 5), "");
}

TEST(SourceManagerTest, StripsCarriageReturns) {
  SourceManager sm;
  FileId f = sm.Add("crlf.yaml", "a: 1\r\nb: 2\r\n");
  EXPECT_EQ(sm.Line(f, 1), "a: 1");
  EXPECT_EQ(sm.Locate(f, 6).line, 2u);
}

}  // namespace
}  // namespace monc
