// abi_expression_limits — the bounds of custom-indicator expressions
// (FZ_MAX_EXPRESSION_DEPTH, FZ_MAX_EXPRESSION_BYTES): expressions that would
// have recursed the host's stack away are refused by the limit's name and
// value, change nothing, and leave the process running; expressions just
// inside the limits are defined and evaluated.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace abi_test;

static_assert(FZ_MAX_EXPRESSION_DEPTH == 64, "the nesting limit fazhi.h documents");
static_assert(FZ_MAX_EXPRESSION_BYTES == 65536, "the length limit fazhi.h documents");

const char* const kNestingLimit =
    "expression: position 65: nested deeper than the nesting limit of 64 levels "
    "(parentheses and unary minus signs)";

// definition_json of custom.x with `expression` (plain ASCII: no escaping needed).
std::string definition(const std::string& code, const std::string& expression) {
  return "{\"code\": \"" + code + "\", \"label\": \"测试\", \"expression\": \"" + expression +
         "\"}";
}

// The length limit's message for a text of `bytes` bytes.
std::string length_limit(std::size_t bytes) {
  return "expression: " + std::to_string(bytes) +
         " bytes, over the length limit of 65536 bytes (64 KiB)";
}

class ExpressionLimits : public Abi {
 protected:
  // The refused definition defined nothing, and the library still answers.
  void expect_nothing_defined(const std::string& code) {
    char* out = nullptr;
    ASSERT_FZ_OK(fz_labels(db_, "indicators", &out));
    EXPECT_FALSE(json::parse(take(out)).contains(code));
    fz_value v{};
    EXPECT_FZ_ERR(fz_indicator(db_, code.c_str(), "root", "2022", nullptr, &v), FZ_E_ARGUMENT,
                  code);
    ASSERT_FZ_OK(fz_indicator(db_, "mediation.received", "root", "2022", nullptr, &v));
    EXPECT_EQ(v.value, 0);
    expect_unchanged();
  }

  // Defines `expression` as `code` and evaluates it for root in 2022.
  double define_and_evaluate(const std::string& code, const std::string& expression) {
    EXPECT_EQ(fz_define_indicator(db_, definition(code, expression).c_str()), FZ_OK)
        << fz_last_error();
    fz_value v{};
    EXPECT_EQ(fz_indicator(db_, code.c_str(), "root", "2022", nullptr, &v), FZ_OK)
        << fz_last_error();
    EXPECT_EQ(v.status, FZ_VALUE_OK);
    return v.value;
  }
};

// Reproducer: 20 000 opening parentheses recursed the parser (and the tree's
// destruction) until SIGSEGV. Refused at the 65th, naming the nesting limit.
TEST_F(ExpressionLimits, TwentyThousandParenthesesAreRefusedByTheNestingLimit) {
  const std::string text = std::string(20000, '(') + "1" + std::string(20000, ')');
  ASSERT_LT(text.size(), 65536u);  // within the length limit: the nesting limit must catch it
  const fz_status st = fz_define_indicator(db_, definition("custom.deep", text).c_str());
  EXPECT_EQ(st, FZ_E_ARGUMENT);
  EXPECT_EQ(std::string(fz_last_error()), kNestingLimit);
  expect_nothing_defined("custom.deep");
}

// Reproducer: 100 000 unary minus signs. Longer than 64 KiB: refused by the
// length limit before anything is parsed.
TEST_F(ExpressionLimits, HundredThousandMinusSignsAreRefusedByTheLengthLimit) {
  const std::string text = std::string(100000, '-') + "1";
  const fz_status st = fz_define_indicator(db_, definition("custom.signs", text).c_str());
  EXPECT_EQ(st, FZ_E_ARGUMENT);
  EXPECT_EQ(std::string(fz_last_error()), length_limit(100001));
  expect_nothing_defined("custom.signs");
}

// Reproducer: a chain of 500 000 additions (10.5 MB) built a left-deep tree
// of 500 000 levels. Refused by the length limit.
TEST_F(ExpressionLimits, HalfAMillionAdditionsAreRefusedByTheLengthLimit) {
  std::string text;
  for (int i = 0; i < 500000; ++i) text += "mediation.received + ";
  text += "1";
  const fz_status st = fz_define_indicator(db_, definition("custom.chain", text).c_str());
  EXPECT_EQ(st, FZ_E_ARGUMENT);
  EXPECT_EQ(std::string(fz_last_error()), length_limit(text.size()));
  expect_nothing_defined("custom.chain");
}

// Unary minus signs count as levels too: 65 within the length limit are refused.
TEST_F(ExpressionLimits, SixtyFiveMinusSignsAreRefusedByTheNestingLimit) {
  const fz_status st =
      fz_define_indicator(db_, definition("custom.signs", std::string(65, '-') + "1").c_str());
  EXPECT_EQ(st, FZ_E_ARGUMENT);
  EXPECT_EQ(std::string(fz_last_error()), kNestingLimit);
  expect_nothing_defined("custom.signs");
}

// Just under the nesting limit: 64 parentheses, 64 signs, or both mixed.
TEST_F(ExpressionLimits, SixtyFourLevelsAreAccepted) {
  EXPECT_EQ(define_and_evaluate("custom.parens",
                                std::string(64, '(') + "7" + std::string(64, ')')),
            7);
  EXPECT_EQ(define_and_evaluate("custom.signs", std::string(64, '-') + "7"), 7);
  EXPECT_EQ(define_and_evaluate("custom.mixed", std::string(32, '(') + std::string(32, '-') +
                                                    "7" + std::string(32, ')')),
            7);
}

// Just under the length limit: a flat chain of 16 384 operands in exactly
// 65 536 bytes is accepted and adds up; one byte more is refused.
TEST_F(ExpressionLimits, SixtyFourKibibytesAreAccepted) {
  std::string text = "1";
  while (text.size() + 2 <= 65536) text += "+1";
  text += std::string(65536 - text.size(), ' ');
  ASSERT_EQ(text.size(), 65536u);
  EXPECT_EQ(define_and_evaluate("custom.long", text), 32768);
  const fz_status st = fz_define_indicator(db_, definition("custom.longer", text + " ").c_str());
  EXPECT_EQ(st, FZ_E_ARGUMENT);
  EXPECT_EQ(std::string(fz_last_error()), length_limit(65537));
}

// An expression is parsed again wherever it is read: one edited into the file
// behind fazhi's back is refused when evaluated, by the same limit.
TEST(ExpressionLimitsStored, AnExpressionEditedIntoTheFileIsRefusedWhenEvaluated) {
  TempDir dir;
  const std::string path = dir.file("edited.db");
  fz_db* db = nullptr;
  ASSERT_FZ_OK(fz_open(path.c_str(), nullptr, &db));
  ASSERT_FZ_OK(fz_put(db, "org_unit", kRoot, nullptr));
  ASSERT_FZ_OK(fz_define_indicator(db, definition("custom.x", "1 + 1").c_str()));
  ASSERT_FZ_OK(fz_close(db));
  sqlite_exec(path, "UPDATE custom_indicator SET expression = '" + std::string(20000, '(') + "1" +
                        std::string(20000, ')') + "' WHERE code = 'custom.x'");
  ASSERT_FZ_OK(fz_open(path.c_str(), nullptr, &db));
  fz_value v{1.5, 2.5, 3.5, 7, 0};
  EXPECT_EQ(fz_indicator(db, "custom.x", "root", "2022", nullptr, &v), FZ_E_ARGUMENT);
  EXPECT_EQ(std::string(fz_last_error()), kNestingLimit);
  EXPECT_EQ(v.value, 1.5);
  EXPECT_EQ(v.status, 7);
  ASSERT_FZ_OK(fz_indicator(db, "mediation.received", "root", "2022", nullptr, &v));
  ASSERT_FZ_OK(fz_close(db));
}

}  // namespace
