#include "core/csv_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace hallway::core {
namespace {

std::vector<std::vector<std::string>> ReadAll(const std::string& text) {
  std::istringstream in(text);
  CsvReader r(in);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> f;
  for (;;) {
    auto more = r.Next(f);
    EXPECT_TRUE(more.has_value());
    if (!more || !*more) break;
    out.push_back(f);
  }
  return out;
}

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndNewlines) {
  auto rows = ReadAll("\xEF\xBB\xBFtitle,summary\r\n\"A, B\",\"say \"\"hi\"\"\r\nnext line\"\r\nplain,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"title", "summary"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"A, B", "say \"hi\"\r\nnext line"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"plain", ""}));
}

TEST(CsvReader, LastRecordWithoutNewlineAndLineNumbers) {
  std::istringstream in("a\n\"multi\nline\"\nlast");
  CsvReader r(in);
  std::vector<std::string> f;
  ASSERT_TRUE(*r.Next(f));
  EXPECT_EQ(r.record_line(), 1u);
  ASSERT_TRUE(*r.Next(f));
  EXPECT_EQ(f[0], "multi\nline");
  ASSERT_TRUE(*r.Next(f));
  EXPECT_EQ(r.record_line(), 4u);
  EXPECT_EQ(f[0], "last");
  EXPECT_FALSE(*r.Next(f));
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorNamingItsLine) {
  std::istringstream in("ok\n\"never closed,\nmore");
  CsvReader r(in);
  std::vector<std::string> f;
  ASSERT_TRUE(*r.Next(f));
  auto bad = r.Next(f);
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message().find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace hallway::core
