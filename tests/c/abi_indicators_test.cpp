// abi_indicators — fz_indicator, fz_indicators, fz_explain,
// fz_define_indicator, fz_findings, fz_report and fz_labels refuse bad
// arguments and leave their outputs and the database alone.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace {

using namespace abi_test;

// ---------------------------------------------------------------------------
// Indicators, findings, reports: arguments checked, out-parameters untouched.

TEST_F(Abi, IndicatorFunctionsRefuseAndLeaveOutputsAlone) {
  fz_value v{1.25, 2.5, 3.75, 7, 11};
  char* out = kSentinel;
  const char* const query = "{\"unit\": \"root\", \"period\": \"2022\"}";

  EXPECT_FZ_ERR(fz_indicator(db_, nullptr, "root", "2022", nullptr, &v), FZ_E_ARGUMENT, "code");
  EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", nullptr, "2022", nullptr, &v),
                FZ_E_ARGUMENT, "unit");
  EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", "root", nullptr, nullptr, &v),
                FZ_E_ARGUMENT, "period");
  EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", "root", "2022", "{", &v), FZ_E_ARGUMENT,
                "params_json");
  EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", "root", "2022", "[1]", &v),
                FZ_E_ARGUMENT, "params_json");
  EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", "root", "2022", nullptr, nullptr),
                FZ_E_ARGUMENT, "out");
  EXPECT_FZ_ERR(fz_indicator(db_, "no.such.code", "root", "2022", nullptr, &v), FZ_E_ARGUMENT,
                "no.such.code");
  EXPECT_FZ_ERR(fz_explain(db_, nullptr, "root", "2022", nullptr, &out), FZ_E_ARGUMENT, "code");
  EXPECT_FZ_ERR(fz_explain(db_, "mediation.received", nullptr, "2022", nullptr, &out),
                FZ_E_ARGUMENT, "unit");
  EXPECT_FZ_ERR(fz_explain(db_, "mediation.received", "root", nullptr, nullptr, &out),
                FZ_E_ARGUMENT, "period");
  EXPECT_FZ_ERR(fz_explain(db_, "mediation.received", "root", "2022", "{", &out),
                FZ_E_ARGUMENT, "params_json");
  EXPECT_FZ_ERR(fz_explain(db_, "mediation.received", "root", "2022", nullptr, nullptr),
                FZ_E_ARGUMENT, "out_json");
  EXPECT_FZ_ERR(fz_explain(db_, "no.such.code", "root", "2022", nullptr, &out), FZ_E_ARGUMENT,
                "no.such.code");
  for (const char* period : {"", "2022Q5", "2022H3", "2022-13", "2022W99", "22", "2022-02-30",
                             "2022-06-30/2022-01-01", "99999", "-2022", "明年"}) {
    SCOPED_TRACE(period);
    EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", "root", period, nullptr, &v),
                  FZ_E_ARGUMENT, "period");
    EXPECT_FZ_ERR(fz_explain(db_, "mediation.received", "root", period, nullptr, &out),
                  FZ_E_ARGUMENT, "period");
  }
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    EXPECT_FZ_ERR(fz_indicator(db_, bad.c_str(), "root", "2022", nullptr, &v), FZ_E_ARGUMENT,
                  "code");
    EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", bad.c_str(), "2022", nullptr, &v),
                  FZ_E_ARGUMENT, "unit");
    EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", "root", bad.c_str(), nullptr, &v),
                  FZ_E_ARGUMENT, "period");
    EXPECT_FZ_ERR(fz_explain(db_, bad.c_str(), "root", "2022", nullptr, &out), FZ_E_ARGUMENT,
                  "code");
    const std::string params = "{\"x\": \"" + bad + "\"}";
    EXPECT_FZ_ERR(fz_indicator(db_, "mediation.received", "root", "2022", params.c_str(), &v),
                  FZ_E_ARGUMENT, "params_json");
    EXPECT_FZ_ERR(fz_indicators(db_, params.c_str(), &out), FZ_E_ARGUMENT, "query_json");
    EXPECT_FZ_ERR(fz_findings(db_, params.c_str(), &out), FZ_E_ARGUMENT, "query_json");
    EXPECT_FZ_ERR(fz_define_indicator(db_, params.c_str()), FZ_E_ARGUMENT, "definition_json");
    EXPECT_FZ_ERR(fz_report(db_, bad.c_str(), 2022, "markdown", nullptr, &out), FZ_E_ARGUMENT,
                  "unit");
    EXPECT_FZ_ERR(fz_report(db_, "root", 2022, bad.c_str(), nullptr, &out), FZ_E_ARGUMENT,
                  "format");
  }

  EXPECT_FZ_ERR(fz_indicator(db_, "mediation.by_category[nope]", "root", "2022", nullptr, &v),
                FZ_E_ARGUMENT, "not a member of the breakdown of mediation.by_category");
  EXPECT_FZ_ERR(fz_indicator(db_, "mediation.success_rate[other]", "root", "2022", nullptr, &v),
                FZ_E_ARGUMENT, "has no breakdown");
  EXPECT_FZ_ERR(fz_indicators(db_, "{", &out), FZ_E_ARGUMENT, "query_json");
  EXPECT_FZ_ERR(fz_indicators(db_, "[]", &out), FZ_E_ARGUMENT, "query_json");
  EXPECT_FZ_ERR(fz_indicators(db_, query, nullptr), FZ_E_ARGUMENT, "out_json");
  EXPECT_FZ_ERR(fz_indicators(db_,
                              "{\"unit\": \"root\", \"period\": \"2022\", "
                              "\"codes\": [\"no.such.code\"]}",
                              &out),
                FZ_E_ARGUMENT, "no.such.code");
  EXPECT_FZ_ERR(fz_indicators(db_,
                              "{\"unit\": \"root\", \"period\": \"2022\", "
                              "\"codes\": \"mediation.received\"}",
                              &out),
                FZ_E_ARGUMENT, "codes");
  EXPECT_FZ_ERR(fz_indicators(db_, "{\"unit\": \"root\", \"period\": \"2022Q5\"}", &out),
                FZ_E_ARGUMENT, "period");
  EXPECT_FZ_ERR(fz_indicators(db_, "{\"unit\": \"root\", \"period\": 2022}", &out),
                FZ_E_ARGUMENT, "period");

  EXPECT_FZ_ERR(fz_define_indicator(db_, nullptr), FZ_E_ARGUMENT, "definition_json");
  EXPECT_FZ_ERR(fz_define_indicator(db_, ""), FZ_E_ARGUMENT, "definition_json");
  EXPECT_FZ_ERR(fz_define_indicator(db_, "{"), FZ_E_ARGUMENT, "definition_json");
  EXPECT_FZ_ERR(fz_define_indicator(db_, "[]"), FZ_E_ARGUMENT, "definition_json");
  EXPECT_FZ_ERR(fz_define_indicator(db_,
                                    "{\"code\": \"custom.x\", \"label\": \"自定义\", "
                                    "\"expression\": \"(((\"}"),
                FZ_E_ARGUMENT, "expression");
  EXPECT_FZ_ERR(fz_define_indicator(db_, "{\"code\": \"custom.x\", \"label\": \"自定义\"}"),
                FZ_E_ARGUMENT, "expression");
  EXPECT_FZ_ERR(fz_define_indicator(db_,
                                    "{\"code\": \"custom.x\", \"label\": \"自定义\", "
                                    "\"expression\": \"no_such_measure * 2\"}"),
                FZ_E_ARGUMENT, "no_such_measure");

  EXPECT_FZ_ERR(fz_findings(db_, "{", &out), FZ_E_ARGUMENT, "query_json");
  EXPECT_FZ_ERR(fz_findings(db_, "7", &out), FZ_E_ARGUMENT, "query_json");
  EXPECT_FZ_ERR(fz_findings(db_, nullptr, nullptr), FZ_E_ARGUMENT, "out_json");

  EXPECT_FZ_ERR(fz_report(db_, nullptr, 2022, "markdown", nullptr, &out), FZ_E_ARGUMENT,
                "unit");
  EXPECT_FZ_ERR(fz_report(db_, "root", 2022, nullptr, nullptr, &out), FZ_E_ARGUMENT, "format");
  EXPECT_FZ_ERR(fz_report(db_, "root", 2022, "pdf", nullptr, &out), FZ_E_ARGUMENT, "pdf");
  EXPECT_FZ_ERR(fz_report(db_, "root", 2022, "markdown", "{", &out), FZ_E_ARGUMENT,
                "options_json");
  EXPECT_FZ_ERR(fz_report(db_, "root", 2022, "markdown", nullptr, nullptr), FZ_E_ARGUMENT,
                "out_text");
  for (std::int32_t year : {-1, 0, std::numeric_limits<std::int32_t>::min(),
                            std::numeric_limits<std::int32_t>::max()}) {
    SCOPED_TRACE(year);
    const fz_status st = fz_report(db_, "root", year, "markdown", nullptr, &out);
    EXPECT_EQ(st, FZ_E_ARGUMENT) << fz_last_error();
    EXPECT_STRNE(fz_last_error(), "");
    EXPECT_EQ(fz_report_review(db_, "root", year, nullptr, &out), FZ_E_ARGUMENT) << fz_last_error();
  }
  EXPECT_FZ_ERR(fz_report_review(db_, nullptr, 2022, nullptr, &out), FZ_E_ARGUMENT, "unit");
  EXPECT_FZ_ERR(fz_report_review(db_, "root", 2022, "[]", &out), FZ_E_ARGUMENT, "options_json");
  EXPECT_FZ_ERR(fz_report_review(db_, "root", 2022, "{\"mask_names\": [\"张三\", 7]}", &out),
                FZ_E_ARGUMENT, "mask_names[1]");
  EXPECT_FZ_ERR(fz_report_review(db_, "root", 2022, "{\"format\": \"html\"}", &out), FZ_E_ARGUMENT,
                "format");
  EXPECT_FZ_ERR(fz_report_review(db_, "root", 2022, nullptr, nullptr), FZ_E_ARGUMENT, "out_json");
  EXPECT_FZ_ERR(fz_report_review(db_, "nowhere", 2022, nullptr, &out), FZ_E_NOT_FOUND, "nowhere");

  EXPECT_EQ(out, kSentinel);
  EXPECT_EQ(v.value, 1.25);
  EXPECT_EQ(v.numerator, 2.5);
  EXPECT_EQ(v.denominator, 3.75);
  EXPECT_EQ(v.status, 7);
  EXPECT_EQ(v.reserved, 11);
  expect_unchanged();
}

// ---------------------------------------------------------------------------
// Labels

TEST_F(Abi, LabelsRefuseUnknownSets) {
  char* out = kSentinel;
  EXPECT_FZ_ERR(fz_labels(db_, nullptr, &out), FZ_E_ARGUMENT, "set");
  EXPECT_FZ_ERR(fz_labels(db_, "kinds", nullptr), FZ_E_ARGUMENT, "out_json");
  for (const char* set : {"", "nope", "Kinds", "org_unit.", "org_unit.name", "org_unit.colour",
                          ".kind", "no_such_kind.kind"}) {
    SCOPED_TRACE(set);
    EXPECT_FZ_ERR(fz_labels(db_, set, &out), FZ_E_ARGUMENT, "set");
  }
  for (const std::string& bad : bad_utf8()) {
    SCOPED_TRACE(printable(bad));
    EXPECT_FZ_ERR(fz_labels(db_, bad.c_str(), &out), FZ_E_ARGUMENT, "set");
  }
  EXPECT_EQ(out, kSentinel);
  out = nullptr;
  ASSERT_FZ_OK(fz_labels(db_, "codes", &out));
  json codes = json::parse(take(out));
  EXPECT_EQ(codes.at("org_unit.kind").at("street"), "街道");
}

// ---------------------------------------------------------------------------
// Statistics forms: fz_define_form, fz_forms, fz_form, fz_form_file.

TEST_F(Abi, FormFunctionsRefuseBadArgumentsAndStoreNothing) {
  char* out = kSentinel;
  const char* const query = "{\"unit\": \"root\", \"period\": \"2022\"}";
  const std::int64_t entries = journal_entries(db_);
  EXPECT_FZ_ERR(fz_define_form(db_, nullptr), FZ_E_ARGUMENT, "definition_json");
  EXPECT_FZ_ERR(fz_define_form(db_, "{"), FZ_E_ARGUMENT, "definition_json");
  EXPECT_FZ_ERR(fz_define_form(db_, "{\"code\": \"custom.x\", \"title\": \"表\", \"parts\": [{\"rows\": "
                                    "{\"units\": \"children\"}, \"columns\": [{\"code\": \"no.such\"}]}]}"),
                FZ_E_ARGUMENT, "parts[0].columns[0].code");
  EXPECT_EQ(journal_entries(db_), entries);
  EXPECT_FZ_ERR(fz_forms(db_, nullptr), FZ_E_ARGUMENT, "out_json");
  EXPECT_FZ_ERR(fz_form(db_, nullptr, query, "json", &out), FZ_E_ARGUMENT, "form");
  EXPECT_FZ_ERR(fz_form(db_, "mediation", nullptr, "json", &out), FZ_E_ARGUMENT, "query");
  EXPECT_FZ_ERR(fz_form(db_, "mediation", query, nullptr, &out), FZ_E_ARGUMENT, "format");
  EXPECT_FZ_ERR(fz_form(db_, "mediation", query, "xlsx", &out), FZ_E_ARGUMENT, "format");
  EXPECT_FZ_ERR(fz_form(db_, "mediation", query, "json", nullptr), FZ_E_ARGUMENT, "out_text");
  EXPECT_FZ_ERR(fz_form(db_, "nothing", query, "json", &out), FZ_E_NOT_FOUND, "nothing");
  EXPECT_FZ_ERR(fz_form(db_, "mediation", "{\"unit\": \"nowhere\", \"period\": \"2022\"}", "json", &out),
                FZ_E_NOT_FOUND, "nowhere");
  EXPECT_EQ(out, kSentinel);
  EXPECT_FZ_ERR(fz_form_file(db_, "mediation", query, "json", "x.json"), FZ_E_ARGUMENT, "format");
  EXPECT_FZ_ERR(fz_form_file(db_, "mediation", query, "xlsx", nullptr), FZ_E_ARGUMENT, "path");

  out = nullptr;
  ASSERT_FZ_OK(fz_form(db_, "mediation", query, "json", &out));
  json form = json::parse(take(out));
  EXPECT_EQ(form.at("title"), "矛盾纠纷排查化解情况统计表");
  EXPECT_EQ(form.at("parts").size(), 2u);
  ASSERT_FZ_OK(fz_forms(db_, &out));
  EXPECT_EQ(json::parse(take(out)).size(), 3u);
}

}  // namespace
