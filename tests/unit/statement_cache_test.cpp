// statement_cache_test.cpp — the connection's prepared statements: borrowed
// through a Cursor that resets them at the end of its scope, shared by one
// SQL text, never clobbered by a nested use of the same SQL, and bounded in
// number (least recently used first, never one that is borrowed).

#include "store/sqlite.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fazhi::store {
namespace {

class StatementCache : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);");
  }
  Connection conn_{":memory:", {}};
  const std::string sql_ = "SELECT n FROM t ORDER BY n";
};

TEST_F(StatementCache, ACursorResetsItsStatementWhenItEnds) {
  {
    auto q = conn_.statement(sql_);
    ASSERT_TRUE(q->executeStep());
    EXPECT_EQ(q->getColumn(0).getInt(), 1);
  }
  auto again = conn_.statement(sql_);
  ASSERT_TRUE(again->executeStep());
  EXPECT_EQ(again->getColumn(0).getInt(), 1) << "the statement was left where the first cursor stopped";
}

TEST_F(StatementCache, ANestedUseOfTheSameSqlDoesNotDisturbTheOuterOne) {
  auto outer = conn_.statement(sql_);
  ASSERT_TRUE(outer->executeStep());
  {
    auto inner = conn_.statement(sql_);
    ASSERT_TRUE(inner->executeStep());
    EXPECT_EQ(inner->getColumn(0).getInt(), 1);
    EXPECT_NE(&*inner, &*outer);
  }
  ASSERT_TRUE(outer->executeStep());
  EXPECT_EQ(outer->getColumn(0).getInt(), 2);
}

TEST_F(StatementCache, TheCacheIsBoundedAndKeepsWhatIsBorrowed) {
  auto held = conn_.statement(sql_);
  ASSERT_TRUE(held->executeStep());
  for (int i = 0; i < 3 * static_cast<int>(Connection::kCacheSize); ++i)
    conn_.statement("SELECT " + std::to_string(i))->executeStep();
  EXPECT_LE(conn_.cached_statements(), Connection::kCacheSize);
  // The borrowed statement survived every eviction and carries on.
  ASSERT_TRUE(held->executeStep());
  EXPECT_EQ(held->getColumn(0).getInt(), 2);
}

}  // namespace
}  // namespace fazhi::store
