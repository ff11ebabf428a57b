// Custom indicators: expressions over catalogue and measure codes, validated
// with the position of the problem, stored in the database, evaluated with
// no_data propagation and prev() comparisons.
#include "test_support.hpp"

#include "indicators/catalogue.hpp"
#include "indicators/expression.hpp"

#include <fazhi/period.hpp>

#include <cmath>
#include <fstream>

using fazhi::Database;
using fazhi::Error;
using fazhi::Status;
using fazhi::indicators::CodeRef;
using fazhi::indicators::Expression;
using json = nlohmann::json;

namespace {

std::string known(const std::string& code) {
  return code == "a.x" || code == "a.y" || code == "a.z[m]" ? "" : "unknown indicator code '" + code + "'";
}

std::string parse_error(const std::string& text) {
  try {
    Expression::parse(text, known);
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
    EXPECT_EQ(e.field(), "expression");
    return e.what();
  }
  return "(parsed)";
}

std::optional<double> eval(const std::string& text, double x, double y) {
  return Expression::parse(text, known).evaluate([&](const CodeRef& r) -> std::optional<double> {
    double v = r.code == "a.x" ? x : y;
    return r.previous ? v / 2 : v;
  });
}

TEST(Expression, ArithmeticFollowsPrecedenceAndParentheses) {
  EXPECT_EQ(*eval("a.x / a.y * 100", 3, 4), 75);
  EXPECT_EQ(*eval("a.x + a.y * 2", 3, 4), 11);
  EXPECT_EQ(*eval("(a.x + a.y) * 2", 3, 4), 14);
  EXPECT_EQ(*eval("-a.x + 10 - 2.5", 3, 4), 4.5);
  EXPECT_EQ(*eval("a.x / prev(a.x) - 1", 3, 4), 1);
}

TEST(Expression, DivisionByAZeroValueIsNoData) {
  EXPECT_FALSE(eval("a.x / a.y", 3, 0).has_value());
  EXPECT_FALSE(eval("a.x / (a.y - a.y)", 3, 4).has_value());
}

// A figure beyond a double's range is no data, as a division by zero is:
// never an infinity given as a figure (fz_indicator gave inf with status ok,
// fz_indicators null with status ok). A literal that large is refused where
// it is written. Found checking expression_fuzz's invariant (fz_indicator
// and fz_indicators agree) by hand with large numbers.
TEST(Expression, AResultBeyondADoublesRangeIsNoData) {
  std::string product = "99999999999999999999";
  for (int i = 0; i < 15; ++i) product += " * 99999999999999999999";  // 1e320
  EXPECT_FALSE(eval(product, 1, 1).has_value());
  EXPECT_FALSE(eval("a.x * a.y", 1e200, 1e200).has_value());
  EXPECT_FALSE(eval("a.x / a.y", 1e300, 1e-300).has_value());
  EXPECT_FALSE(eval("-a.x * a.y - a.x * a.y", 1e154, 1e154).has_value());
  EXPECT_EQ(*eval("a.x * a.y", 1e150, 1e150), 1e150 * 1e150);
  EXPECT_EQ(parse_error(std::string(400, '9') + " * 10").rfind(
                "expression: position 1: number beyond a double's range '9999", 0),
            0u);
}

TEST(Expression, ErrorsNameThePosition) {
  EXPECT_EQ(parse_error("a.x / 0"), "expression: position 7: division by zero");
  EXPECT_EQ(parse_error("a.x + a.z"), "expression: position 7: unknown indicator code 'a.z'");
  EXPECT_EQ(parse_error("(a.x + 1"), "expression: position 9: expected ')'");
  EXPECT_EQ(parse_error("a.x a.y"), "expression: position 5: unexpected 'a'");
  EXPECT_EQ(parse_error("a.x +"), "expression: position 6: unexpected end of expression");
  EXPECT_EQ(parse_error("prev(3)"), "expression: position 6: expected an indicator code");
  EXPECT_EQ(parse_error("1..2"), "expression: position 1: malformed number '1..2'");
}

// The README's table of examples of the expression language, row by row,
// against the parser and the real catalogue: a documented value is the
// value, "no data" is no data, a documented error is the error (up to a
// trailing "…"). So the documentation cannot drift from the parser.
TEST(Expression, TheReadmeExamplesHoldExactly) {
  std::ifstream in(std::string(FAZHI_SOURCE_DIR) + "/README.md");
  ASSERT_TRUE(in) << "README.md not found";
  std::string line;
  bool inside = false;
  int rows = 0;
  while (std::getline(in, line)) {
    if (line == "| expression | value, or the error |") {
      inside = true;
      continue;
    }
    if (!inside || line.rfind("|---", 0) == 0) continue;
    if (line.rfind("| `", 0) != 0) break;
    const std::size_t end = line.find("` | ", 3);
    ASSERT_NE(end, std::string::npos) << line;
    const std::string text = line.substr(3, end - 3);
    std::string result = line.substr(end + 4);
    ASSERT_EQ(result.substr(result.size() - 2), " |") << line;
    result.resize(result.size() - 2);
    ++rows;
    if (result.front() == '`') {
      std::string error = result.substr(1, result.size() - 2);
      std::string got;
      try {
        Expression::parse(text, fazhi::indicators::why_not_in_catalogue);
        got = "(parsed)";
      } catch (const Error& e) {
        got = e.what();
      }
      const std::string ellipsis = "…)";
      if (error.size() > ellipsis.size() && error.compare(error.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) {
        error.resize(error.size() - ellipsis.size());  // the members, left out of the table
        EXPECT_EQ(got.substr(0, error.size()), error) << text;
      } else {
        EXPECT_EQ(got, error) << text;
      }
      continue;
    }
    const std::optional<double> v =
        Expression::parse(text, fazhi::indicators::why_not_in_catalogue).evaluate([&](const CodeRef& r) {
          ADD_FAILURE() << text << " names " << r.code << ": a value row must be numbers only";
          return std::optional<double>();
        });
    if (result == "no data") EXPECT_FALSE(v.has_value()) << text;
    else EXPECT_EQ(v, std::optional<double>(std::stod(result))) << text;
  }
  EXPECT_GE(rows, 13) << "the README's table of expression examples is missing or cut short";
}

// A long chain of one precedence level is held flat; it evaluates left to
// right exactly as the left-deep tree it stands for.
TEST(Expression, ChainsEvaluateLeftToRight) {
  EXPECT_EQ(*eval("a.x - a.y - 1 + a.x", 10, 4), 15);        // ((10 - 4) - 1) + 10
  EXPECT_EQ(*eval("a.x / a.y / 2 * a.y", 16, 4), 8);         // ((16 / 4) / 2) * 4
  EXPECT_EQ(*eval("a.x - (a.y - 1)", 10, 4), 7);              // a parenthesised chain is one operand
  EXPECT_EQ(*eval("(a.x + a.y) * (a.x - a.y) / 2", 10, 4), 42);
  EXPECT_EQ(*eval("- - a.x", 10, 4), 10);
  EXPECT_FALSE(eval("a.x / a.y + a.x", 10, 0).has_value());  // no data anywhere is no data
  EXPECT_FALSE(eval("a.x + a.x / a.y", 10, 0).has_value());
  std::string sum = "a.x";
  for (int i = 1; i < 2000; ++i) sum += " + a.x";
  EXPECT_EQ(*eval(sum, 1, 0), 2000);
}

// 64 levels of parentheses or signs are accepted, the 65th is refused at its
// position, naming the nesting limit; so is a text longer than 64 KiB, naming
// the length limit, before it is parsed.
TEST(Expression, NestingAndLengthAreBounded) {
  EXPECT_EQ(fazhi::indicators::kMaxExpressionDepth, 64u);
  EXPECT_EQ(fazhi::indicators::kMaxExpressionBytes, 65536u);
  EXPECT_EQ(*eval(std::string(64, '(') + "a.x" + std::string(64, ')'), 3, 4), 3);
  EXPECT_EQ(*eval(std::string(64, '-') + "a.x", 3, 4), 3);
  EXPECT_EQ(*eval(std::string(32, '-') + std::string(32, '(') + "a.x" + std::string(32, ')'), 3, 4), 3);
  const std::string deep = "expression: position 65: nested deeper than the nesting limit of 64 "
                           "levels (parentheses and unary minus signs)";
  EXPECT_EQ(parse_error(std::string(65, '(') + "a.x" + std::string(65, ')')), deep);
  EXPECT_EQ(parse_error(std::string(65, '-') + "a.x"), deep);
  EXPECT_EQ(parse_error(std::string(20000, '(') + "1" + std::string(20000, ')')), deep);

  std::string longest = "a.x";
  while (longest.size() + 4 <= fazhi::indicators::kMaxExpressionBytes) longest += "+a.x";
  longest += std::string(fazhi::indicators::kMaxExpressionBytes - longest.size(), ' ');
  ASSERT_EQ(longest.size(), 65536u);
  EXPECT_EQ(*eval(longest, 1, 0), 16384);
  EXPECT_EQ(parse_error(longest + " "),
            "expression: 65537 bytes, over the length limit of 65536 bytes (64 KiB)");
}

// A breakdown member is an operand like any code: written code[member],
// checked by the same callback, inside prev() as well.
TEST(Expression, BreakdownMembersAreOperands) {
  Expression e = Expression::parse("a.z[m] / prev( a.z [ m ] ) + a.x", known);
  std::set<std::string> codes;
  for (const CodeRef& r : e.references()) codes.insert(r.code + (r.previous ? "@prev" : ""));
  EXPECT_EQ(codes, (std::set<std::string>{"a.x", "a.z[m]", "a.z[m]@prev"}));
  EXPECT_EQ(parse_error("a.z[q] + 1"), "expression: position 1: unknown indicator code 'a.z[q]'");
  EXPECT_EQ(parse_error("1 + a.z["), "expression: position 9: expected a breakdown member");
  EXPECT_EQ(parse_error("a.z[m"), "expression: position 6: expected ']'");
  EXPECT_EQ(parse_error("a.z[m.n]"), "expression: position 5: malformed breakdown member 'm.n'");
}

TEST(Expression, ReferencesAreCollected) {
  Expression e = Expression::parse("a.x / prev(a.x) + a.y", known);
  std::set<std::string> codes;
  for (const CodeRef& r : e.references()) codes.insert(r.code + (r.previous ? "@prev" : ""));
  EXPECT_EQ(codes, (std::set<std::string>{"a.x", "a.x@prev", "a.y"}));
}

TEST(PeriodPrevious, EveryFormStepsBackByItsOwnLength) {
  EXPECT_EQ(fazhi::Period::parse("2022").previous().text(), "2021");
  EXPECT_EQ(fazhi::Period::parse("2022H1").previous().text(), "2021H2");
  EXPECT_EQ(fazhi::Period::parse("2022H2").previous().text(), "2022H1");
  EXPECT_EQ(fazhi::Period::parse("2022Q1").previous().text(), "2021Q4");
  EXPECT_EQ(fazhi::Period::parse("2022Q3").previous().text(), "2022Q2");
  EXPECT_EQ(fazhi::Period::parse("2022-01").previous().text(), "2021-12");
  EXPECT_EQ(fazhi::Period::parse("2021W01").previous().text(), "2020W53");
  EXPECT_EQ(fazhi::Period::parse("2022W05").previous().text(), "2022W04");
  EXPECT_EQ(fazhi::Period::parse("2022-03-01/2022-03-10").previous().text(), "2022-02-19/2022-02-28");
}

class CustomIndicators : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Database::open(path_);
    db_->import_ndjson(
        "{\"record\":\"org_unit\",\"code\":\"zone\",\"name\":\"区\",\"kind\":\"zone_committee\"}\n"
        "{\"record\":\"mediation_case\",\"key\":\"a\",\"unit\":\"zone\",\"received\":\"2021-03-01\",\"category\":\"other\"}\n"
        "{\"record\":\"mediation_case\",\"key\":\"b\",\"unit\":\"zone\",\"received\":\"2022-03-01\",\"category\":\"other\"}\n"
        "{\"record\":\"mediation_case\",\"key\":\"c\",\"unit\":\"zone\",\"received\":\"2022-04-01\",\"category\":\"other\"}\n"
        "{\"record\":\"mediation_case\",\"key\":\"b\",\"action\":\"close\",\"date\":\"2022-03-05\",\"outcome\":\"succeeded\",\"agreement\":\"oral\"}\n"
        "{\"record\":\"mediation_case\",\"key\":\"c\",\"action\":\"close\",\"date\":\"2022-04-05\",\"outcome\":\"failed\"}\n",
        {});
  }
  fazhi::testing_support::TempDir dir_;
  std::string path_ = dir_.file("custom.db");
  std::unique_ptr<Database> db_;
};

TEST_F(CustomIndicators, DefinedExpressionIsEvaluatedAndStoredInTheDatabase) {
  db_->define_indicator({{"code", "custom.closure"},
                         {"label", "结案率"},
                         {"expression", "mediation.concluded / mediation.received * 100"}});
  db_.reset();
  auto db = Database::open(path_);
  fazhi::IndicatorValue v = db->indicator("custom.closure", "zone", "2022");
  EXPECT_EQ(v.value, 100);
  EXPECT_EQ(v.label, "结案率");
  EXPECT_EQ(v.measure, "value");
  EXPECT_TRUE(db->indicator("custom.closure", "zone", "2020").no_data);
  json all = db->indicators({{"unit", "zone"}, {"period", "2022"}});
  EXPECT_EQ(all["indicators"].back()["code"], "custom.closure");
  EXPECT_EQ(db->labels("indicators")["custom.closure"], "结案率");
  json h = db->verify_journal();
  EXPECT_TRUE(h["ok"].get<bool>());
}

TEST_F(CustomIndicators, PrevComparesWithThePreviousPeriod) {
  db_->define_indicator({{"code", "custom.growth"},
                         {"label", "受理量同比增长"},
                         {"expression", "(mediation.received / prev(mediation.received) - 1) * 100"}});
  EXPECT_EQ(db_->indicator("custom.growth", "zone", "2022").value, 100);  // 2 vs 1
  EXPECT_TRUE(db_->indicator("custom.growth", "zone", "2021").no_data);   // 2020 had none
}

TEST_F(CustomIndicators, RatioCodesEnterExpressionsAsPercentagesAndNoDataPropagates) {
  db_->define_indicator({{"code", "custom.failure"},
                         {"label", "调解不成率"},
                         {"expression", "100 - mediation.success_rate"},
                         {"measure", "ratio"}});
  EXPECT_EQ(db_->indicator("custom.failure", "zone", "2022").value, 50);
  EXPECT_TRUE(db_->indicator("custom.failure", "zone", "2021").no_data);
}

TEST_F(CustomIndicators, AFigureBeyondADoublesRangeIsNoData) {
  std::string product = "mediation.received";
  for (int i = 0; i < 16; ++i) product += " * 99999999999999999999";
  db_->define_indicator({{"code", "custom.big"}, {"label", "大"}, {"expression", product}});
  const fazhi::IndicatorValue v = db_->indicator("custom.big", "zone", "2022");
  EXPECT_TRUE(v.no_data);
  EXPECT_TRUE(std::isnan(v.value));
  EXPECT_EQ(v.to_json().at("status"), "no_data");
}

TEST_F(CustomIndicators, RedefiningReplacesTheExpression) {
  db_->define_indicator({{"code", "custom.x"}, {"label", "x"}, {"expression", "mediation.received"}});
  db_->define_indicator({{"code", "custom.x"}, {"label", "x"}, {"expression", "mediation.received * 2"}});
  EXPECT_EQ(db_->indicator("custom.x", "zone", "2022").value, 4);
}

TEST_F(CustomIndicators, BadDefinitionsAreRefusedAndStoreNothing) {
  auto field_of = [&](const json& def) -> std::string {
    try {
      db_->define_indicator(def);
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), Status::argument);
      return e.field();
    }
    return "(accepted)";
  };
  EXPECT_EQ(field_of({{"code", "mediation.x"}, {"label", "x"}, {"expression", "1"}}), "code");
  EXPECT_EQ(field_of({{"code", "custom.x"}, {"expression", "1"}}), "label");
  EXPECT_EQ(field_of({{"code", "custom.x"}, {"label", "x"}, {"expression", "mediation.nope"}}), "expression");
  EXPECT_EQ(field_of({{"code", "custom.x"}, {"label", "x"}, {"expression", "1 / 0"}}), "expression");
  EXPECT_EQ(field_of({{"code", "custom.x"}, {"label", "x"}, {"expression", "custom.y"}}), "expression");
  EXPECT_EQ(field_of({{"code", "custom.x"}, {"label", "x"}, {"expression", "1"}, {"unit", "%"}}), "unit");
  EXPECT_EQ(field_of({{"code", "custom.x"}, {"label", "x"}, {"expression", "1"}, {"measure", "kg"}}), "measure");
  try {
    db_->indicator("custom.x", "zone", "2022");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
  }
}

// Breakdown members (mediation.by_category[labour]) are codes of their own
// wherever a code is taken: fz_indicator, custom expressions with prev(),
// and explain. The zone has, in 2022, two cases of category other and one
// labour case, in 2021 one case of category other.
class BreakdownMembers : public CustomIndicators {
 protected:
  void SetUp() override {
    CustomIndicators::SetUp();
    db_->import_ndjson(
        "{\"record\":\"mediation_case\",\"key\":\"d\",\"unit\":\"zone\",\"received\":\"2022-05-01\","
        "\"category\":\"labour\"}\n",
        {});
  }
};

TEST_F(BreakdownMembers, AMemberIsTheFigureTheBreakdownListsForIt) {
  fazhi::IndicatorValue all = db_->indicator("mediation.by_category", "zone", "2022");
  ASSERT_EQ(all.breakdown.at("other"), 2);
  ASSERT_EQ(all.breakdown.at("labour"), 1);
  fazhi::IndicatorValue other = db_->indicator("mediation.by_category[other]", "zone", "2022");
  EXPECT_EQ(other.value, 2);
  EXPECT_EQ(other.measure, "count");
  EXPECT_FALSE(other.no_data);
  EXPECT_EQ(other.label, "矛盾纠纷分类：其他纠纷");
  EXPECT_EQ(db_->indicator("mediation.by_category[labour]", "zone", "2022").value, 1);
  // A member the breakdown does not list counts 0: the rows are there, none of that kind.
  fazhi::IndicatorValue none = db_->indicator("mediation.by_category[contract]", "zone", "2022");
  EXPECT_EQ(none.value, 0);
  EXPECT_FALSE(none.no_data);
}

TEST_F(BreakdownMembers, CustomExpressionsTakeMembersAndTheirPreviousPeriod) {
  db_->define_indicator({{"code", "custom.other_share"},
                         {"label", "其他纠纷占比"},
                         {"expression", "mediation.by_category[other] / mediation.received * 100"},
                         {"measure", "ratio"}});
  EXPECT_DOUBLE_EQ(db_->indicator("custom.other_share", "zone", "2022").value, 200.0 / 3.0);
  db_->define_indicator({{"code", "custom.other_growth"},
                         {"label", "其他纠纷增量"},
                         {"expression", "mediation.by_category[other] - prev(mediation.by_category[other])"}});
  EXPECT_EQ(db_->indicator("custom.other_growth", "zone", "2022").value, 1);  // 2 in 2022, 1 in 2021
  db_.reset();  // stored and parsed again by a new handle
  auto db = Database::open(path_);
  EXPECT_DOUBLE_EQ(db->indicator("custom.other_share", "zone", "2022").value, 200.0 / 3.0);
}

TEST_F(BreakdownMembers, ExplainListsTheMembersRecords) {
  json e = db_->explain("mediation.by_category[other]", "zone", "2022");
  EXPECT_EQ(e["numerator"]["keys"], json::array({"b", "c"}));
  EXPECT_EQ(e["denominator"], nullptr);
}

TEST_F(BreakdownMembers, AWrongMemberIsRefusedNamingTheMembersThatExist) {
  auto message_of = [&](const std::string& code) -> std::string {
    try {
      db_->indicator(code, "zone", "2022");
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), Status::argument);
      EXPECT_EQ(e.field(), "code");
      return e.what();
    }
    return "(accepted)";
  };
  const std::string wrong = message_of("mediation.by_category[nope]");
  EXPECT_EQ(wrong.rfind("code: 'nope' is not a member of the breakdown of mediation.by_category (members: ", 0), 0u)
      << wrong;
  EXPECT_NE(wrong.find("labour"), std::string::npos);
  EXPECT_EQ(message_of("mediation.success_rate[other]"),
            "code: mediation.success_rate has no breakdown, so no member 'other'");
  EXPECT_EQ(message_of("mediation.nope[other]"), "code: unknown indicator code 'mediation.nope'");
  try {
    db_->define_indicator({{"code", "custom.bad"}, {"label", "x"}, {"expression", "1 + mediation.by_category[x]"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("expression: position 5: 'x' is not a member of the breakdown of "
                                          "mediation.by_category (members: ",
                                          0),
              0u)
        << e.what();
  }
}

}  // namespace
