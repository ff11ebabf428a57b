// Field conversions: money as exact integer fen, dates, codes, lists.
#include "domain/field.hpp"
#include "domain/kind.hpp"

#include <fazhi/error.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

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

// The message to_storage refuses `value` of `field` with ("(accepted)" when
// it does not), its status and field checked.
std::string refusal(const fazhi::domain::Field& field, const json& value) {
  fazhi::domain::RefResolver refs;
  try {
    fazhi::domain::to_storage(field, value, refs);
  } catch (const fazhi::Error& e) {
    EXPECT_EQ(e.status(), fazhi::Status::argument);
    EXPECT_EQ(e.field(), field.name);
    return e.what();
  }
  return "(accepted)";
}

// Every C0 control character but tab, line feed and carriage return is
// refused in a text, naming the field, the character and its offset.
TEST(TextField, C0ControlCharactersOtherThanTabAndLineEndsAreRefused) {
  const fazhi::domain::Field name = fazhi::domain::text("name", "名称");
  for (int c = 0; c < 0x20; ++c) {
    const std::string value = std::string("东风") + static_cast<char>(c) + "村";
    SCOPED_TRACE(c);
    if (c == '\t' || c == '\n' || c == '\r') {
      EXPECT_EQ(refusal(name, value), "(accepted)");
    } else {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      EXPECT_EQ(refusal(name, value),
                std::string("name: control character ") + code + " at offset 6");
    }
  }
  EXPECT_EQ(refusal(name, "DEL \x7f and U+FEFF \xEF\xBB\xBF are not C0"), "(accepted)");
}

// Lists of texts, and strings inside objects and object lists, are texts too;
// "ext" (the host's own) is kept verbatim.
TEST(TextField, ItemsAndMembersAreCheckedExceptInExt) {
  using fazhi::domain::object;
  using fazhi::domain::object_list;
  using fazhi::domain::text_list;
  EXPECT_EQ(refusal(text_list("petitioners", "信访人"), json::array({"张三", std::string("李\0四", 7)})),
            "petitioners: control character U+0000 at offset 3 of petitioners[1]");
  EXPECT_EQ(refusal(object_list("parties", "当事人"),
                    json::array({json::object(), {{"name", "王\x01"}, {"role", "applicant"}}})),
            "parties: control character U+0001 at offset 3 of parties[1].name");
  EXPECT_EQ(refusal(object("legal_review", "法制审核"), {{"result", "ok\x1b"}}),
            "legal_review: control character U+001B at offset 2 of legal_review.result");
  EXPECT_EQ(refusal(fazhi::domain::ext_field(), {{"note", std::string("a\0b", 3)}}), "(accepted)");
}

// Every text-bearing input field of every kind and of every action goes
// through the codec, so each refuses a NUL by its own name.
TEST(TextField, EveryTextFieldOfEveryKindRefusesNul) {
  using fazhi::domain::FieldType;
  const std::string nul("x\0y", 3);
  int checked = 0;
  auto check = [&](const fazhi::domain::Field& f) {
    if (f.kept_verbatim || f.origin == fazhi::domain::Origin::derived) return;
    json value;
    switch (f.type) {
      case FieldType::text: value = nul; break;
      case FieldType::text_list: value = json::array({nul}); break;
      case FieldType::object: value = {{"a", nul}}; break;
      case FieldType::object_list: value = json::array({{{"a", nul}}}); break;
      default: return;
    }
    SCOPED_TRACE(f.name);
    EXPECT_NE(refusal(f, value).find(f.name + ": control character U+0000 at offset 1"),
              std::string::npos);
    ++checked;
  };
  for (const fazhi::domain::Kind* kind : fazhi::domain::all_kinds()) {
    for (const fazhi::domain::Field& f : kind->fields) check(f);
    for (const fazhi::domain::Action& a : kind->actions)
      for (const fazhi::domain::Field& f : a.args) check(f);
  }
  EXPECT_GT(checked, 30);
}

}  // namespace
