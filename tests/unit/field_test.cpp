// Field conversions: money as exact integer fen, dates, codes, lists.
#include "domain/field.hpp"

#include <fazhi/error.hpp>

#include <gtest/gtest.h>

using fazhi::domain::format_yuan;
using fazhi::domain::parse_yuan;
using json = nlohmann::json;

namespace {

TEST(Money, YuanInEveryAcceptedFormBecomesExactFen) {
  EXPECT_EQ(parse_yuan(500000, "a"), 50000000);
  EXPECT_EQ(parse_yuan("500000", "a"), 50000000);
  EXPECT_EQ(parse_yuan("500000.00", "a"), 50000000);
  EXPECT_EQ(parse_yuan("1234.5", "a"), 123450);
  EXPECT_EQ(parse_yuan("0.07", "a"), 7);
  EXPECT_EQ(parse_yuan(0.07, "a"), 7);
  EXPECT_EQ(parse_yuan(1234.56, "a"), 123456);
  EXPECT_EQ(parse_yuan("-12.30", "a"), -1230);
}

TEST(Money, MoreThanTwoDecimalsOrTextIsRefusedNamingTheField) {
  for (json bad : {json("1.234"), json(1.234), json("12a"), json(""), json("."), json(true),
                   json("1e5")}) {
    try {
      parse_yuan(bad, "amount_yuan");
      FAIL() << bad.dump();
    } catch (const fazhi::Error& e) {
      EXPECT_EQ(e.status(), fazhi::Status::argument);
      EXPECT_EQ(e.field(), "amount_yuan");
    }
  }
}

TEST(Money, FenFormatsWithTwoDecimals) {
  EXPECT_EQ(format_yuan(50000000), "500000.00");
  EXPECT_EQ(format_yuan(7), "0.07");
  EXPECT_EQ(format_yuan(-1230), "-12.30");
  EXPECT_EQ(format_yuan(0), "0.00");
}

TEST(Field, ColumnNamesFollowTheType) {
  fazhi::domain::Field parent = fazhi::domain::ref("parent", "", "org_unit");
  fazhi::domain::Field amount = fazhi::domain::money("amount_yuan", "");
  EXPECT_EQ(parent.column(), "parent_id");
  EXPECT_EQ(amount.column(), "amount_fen");
  EXPECT_EQ(amount.fen_name(), "amount_fen");
}

}  // namespace
