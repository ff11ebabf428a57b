// Statistics forms: definitions checked field by field, host forms stored and
// journaled, and the figures of a filled form — per-unit rows, the remainder
// row, the totals — equal to the indicator values, hand-computed on a small
// fixture.
#include "test_support.hpp"

#include "forms/form_definition.hpp"
#include "forms/form_store.hpp"
#include "forms/form_table.hpp"
#include "indicators/catalogue.hpp"

#include <cmath>
#include <fstream>
#include <iterator>

using fazhi::Database;
using fazhi::Status;
using fazhi::testing_support::journal_entries;
using fazhi::testing_support::status_of;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

// Hand-counted, 2022 (every case below is received and closed in 2022 but k9):
//   v1:   k1 labour succeeded 1000.50 yuan, k2 neighbourhood succeeded 200,
//         k3 neighbourhood failed                      -> 3 received, 3 concluded, 2 succeeded
//   v2:   k4 marriage_family failed                    -> 1, 1, 0
//   zone itself: k5 contract succeeded 300, k6 labour open -> 2, 1, 1
//   c1, team: nothing.
//   k9 (v1) received and closed in 2021: in no 2022 figure.
class Forms : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    committee("mc_zone", "zone");
    committee("mc_v1", "v1");
    committee("mc_v2", "v2");
    dispute("k1", "mc_v1", "2022-02-10", "labour", "succeeded", "1000.50");
    dispute("k2", "mc_v1", "2022-03-01", "neighbourhood", "succeeded", "200");
    dispute("k3", "mc_v1", "2022-04-01", "neighbourhood", "failed", "");
    dispute("k4", "mc_v2", "2022-05-01", "marriage_family", "failed", "");
    dispute("k5", "mc_zone", "2022-06-01", "contract", "succeeded", "300");
    dispute("k6", "mc_zone", "2022-07-01", "labour", "", "");
    dispute("k9", "mc_v1", "2021-03-01", "labour", "succeeded", "5000");
  }
  void committee(const std::string& key, const std::string& unit) {
    db_->put("mediation_committee",
             {{"key", key}, {"unit", unit}, {"name", key + "调委会"}, {"established", "2015-01-01"}, {"members", 3}});
  }
  void dispute(const std::string& key, const std::string& committee, const std::string& received,
               const std::string& category, const std::string& outcome, const std::string& amount) {
    db_->put("mediation_case",
             {{"key", key}, {"committee", committee}, {"received", received}, {"category", category}});
    if (outcome.empty()) return;
    json close = {{"date", received.substr(0, 8) + "20"}, {"outcome", outcome}};
    if (outcome == "succeeded") close["agreement"] = "written";
    if (!amount.empty()) close["agreement_amount_yuan"] = amount;
    db_->act("mediation_case", key, "close", close);
  }
  json filled(const std::string& form, const std::string& unit = "zone", const std::string& period = "2022") {
    return json::parse(db_->form(form, {{"unit", unit}, {"period", period}}, "json"));
  }
  static std::vector<std::string> labels(const json& part) {
    std::vector<std::string> out;
    for (const json& r : part["rows"]) out.push_back(r["label"]);
    return out;
  }
  // Column `code`'s cell values down the rows, then the totals.
  static std::vector<json> column(const json& part, const std::string& code) {
    std::size_t i = 0;
    while (part["columns"][i]["code"] != code) ++i;
    std::vector<json> out;
    for (const json& r : part["rows"]) out.push_back(r["cells"][i]["value"]);
    out.push_back(part["totals"]["cells"][i]["value"]);
    return out;
  }
  std::string error_field(const json& definition, std::string* message = nullptr) {
    try {
      db_->define_form(definition);
    } catch (const fazhi::Error& e) {
      EXPECT_EQ(e.status(), Status::argument) << e.what();
      if (message) *message = e.what();
      return e.field();
    }
    return "(stored)";
  }
  static json one_part(json columns, json rows = {{"units", "children"}}) {
    return {{"code", "custom.test"},
            {"title", "测试表"},
            {"parts", json::array({{{"rows", rows}, {"columns", columns}}})}};
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(Forms, MediationRowsAreEachChildsIndicatorsAndTheUnitsOwnRecordsFormTheRemainderRow) {
  const json f = filled("mediation");
  EXPECT_EQ(f["title"], "矛盾纠纷排查化解情况统计表");
  EXPECT_EQ(f["unit"]["name"], "开发区管委会");
  EXPECT_EQ(f["period"], json({{"text", "2022"}, {"first", "2022-01-01"}, {"last", "2022-12-31"}}));
  const json& p = f["parts"][0];
  EXPECT_EQ(labels(p), (std::vector<std::string>{"一村", "二村", "一社区", "城管执法大队", "开发区管委会本级"}));
  EXPECT_EQ(p["rows"][4]["role"], "remainder");
  EXPECT_EQ(column(p, "mediation.received"), (std::vector<json>{3, 1, 0, 0, 2, 6}));
  EXPECT_EQ(column(p, "mediation.concluded"), (std::vector<json>{3, 1, 0, 0, 1, 5}));
  EXPECT_EQ(column(p, "mediation.succeeded"), (std::vector<json>{2, 0, 0, 0, 1, 3}));
  EXPECT_EQ(column(p, "mediation.amount_yuan"), (std::vector<json>{1200.5, 0, 0, 0, 300, 1500.5}));
  EXPECT_EQ(p["totals"]["cells"][4]["fen"], 150050);
  // Each unit row is that unit's own indicator value.
  for (std::size_t r = 0; r < 4; ++r) {
    const std::string unit = p["rows"][r]["key"];
    EXPECT_EQ(p["rows"][r]["cells"][0]["value"], db_->indicator("mediation.received", unit, "2022", nullptr).value);
    EXPECT_EQ(p["rows"][r]["cells"][2]["value"], db_->indicator("mediation.succeeded", unit, "2022", nullptr).value);
  }
}

TEST_F(Forms, TheTotalRateIsRecomputedFromSummedCountsNotAveragedAndEqualsTheUnitsRate) {
  const json p = filled("mediation")["parts"][0];
  const std::vector<json> rate = column(p, "mediation.success_rate");
  EXPECT_DOUBLE_EQ(rate[0].get<double>(), 200.0 / 3);
  EXPECT_EQ(rate[1], 0.0);
  EXPECT_TRUE(rate[2].is_null());  // no case concluded: no data, never 0% or 100%
  EXPECT_EQ(p["rows"][2]["cells"][3]["text"], "无数据");
  EXPECT_EQ(rate[4], 100.0);
  // 3 of 5 = 60%; the mean of the rows' rates (66.7, 0, 100) would be 55.6%.
  EXPECT_EQ(rate[5], 60.0);
  const json& total = p["totals"]["cells"][3];
  EXPECT_EQ(total["numerator"], 3);
  EXPECT_EQ(total["denominator"], 5);
  EXPECT_EQ(total["text"], "60.0%");
  EXPECT_EQ(p["rows"][0]["cells"][3]["text"], "66.7%");
  EXPECT_EQ(total["value"], db_->indicator("mediation.success_rate", "zone", "2022", nullptr).value);
}

TEST_F(Forms, TheCategoryPartListsEveryMemberInDeclaredOrderAndAddsUpToTheReceivedCases) {
  const json p = filled("mediation")["parts"][1];
  EXPECT_EQ(p["row_label"], "纠纷类别");
  EXPECT_EQ(p["rows"].size(), 15u);  // every category, those at 0 too
  EXPECT_EQ(p["rows"][0]["label"], "婚姻家庭纠纷");
  std::map<std::string, double> by_key;
  for (const json& r : p["rows"]) by_key[r["key"]] = r["cells"][0]["value"];
  EXPECT_EQ(by_key["marriage_family"], 1);
  EXPECT_EQ(by_key["neighbourhood"], 2);
  EXPECT_EQ(by_key["labour"], 2);
  EXPECT_EQ(by_key["contract"], 1);
  EXPECT_EQ(by_key["medical"], 0);
  EXPECT_EQ(p["totals"]["cells"][0]["value"], 6);
}

TEST_F(Forms, ALevelPartLimitedToVillagesLeavesTheRestToOtherUnits) {
  json def = one_part(json::array({{{"code", "mediation.received"}}, {{"code", "mediation.success_rate"}}}),
                      {{"units", "level"}, {"depth", 1}, {"kinds", {"village"}}});
  db_->define_form(def);
  const json p = filled("custom.test")["parts"][0];
  EXPECT_EQ(labels(p), (std::vector<std::string>{"一村", "二村", "其他单位"}));
  EXPECT_EQ(column(p, "mediation.received"), (std::vector<json>{3, 1, 2, 6}));
  // The remainder's rate is its own: 1 of 1.
  EXPECT_EQ(column(p, "mediation.success_rate"), (std::vector<json>{2.0 / 3 * 100, 0.0, 100.0, 60.0}));
  // Default labels are the indicators' own.
  EXPECT_EQ(p["columns"][0]["label"], "受理矛盾纠纷数");
}

TEST_F(Forms, NoRemainderRowWhenTheRowsAddUp) {
  db_->define_form(one_part(json::array({{{"code", "mediation.received"}}})));
  // c1 has no children and no records: nothing is left over.
  EXPECT_EQ(filled("custom.test", "c1")["parts"][0]["rows"].size(), 0u);
  EXPECT_EQ(filled("custom.test", "c1")["parts"][0]["totals"]["cells"][0]["value"], 0);
  // v1 has no children but records of its own: all of them are 一村本级.
  const json v1 = filled("custom.test", "v1")["parts"][0];
  ASSERT_EQ(v1["rows"].size(), 1u);
  EXPECT_EQ(v1["rows"][0]["label"], "一村本级");
  EXPECT_EQ(v1["totals"]["cells"][0]["value"], 3);
  db_->define_form(one_part(json::array({{{"code", "mediation.received"}}}), {{"units", "level"}, {"depth", 2}}));
  const json p = filled("custom.test")["parts"][0];
  ASSERT_EQ(p["rows"].size(), 1u);  // no unit two levels down: everything is 其他单位
  EXPECT_EQ(p["rows"][0]["label"], "其他单位");
}

TEST_F(Forms, ACustomIndicatorColumnIsNotSummedItsTotalIsTheUnitsOwnValue) {
  db_->define_indicator({{"code", "custom.open"}, {"label", "未结纠纷"},
                         {"expression", "mediation.received - mediation.concluded"}, {"measure", "count"}});
  db_->define_form(one_part(json::array({{{"code", "mediation.received"}}, {{"code", "custom.open"}}})));
  const json p = filled("custom.test")["parts"][0];
  EXPECT_EQ(p["columns"][1]["kind"], "whole");
  // The zone's own open case k6 is in no child's figure and in the zone's.
  EXPECT_EQ(column(p, "custom.open"), (std::vector<json>{0, 0, 0, 0, nullptr, 1}));
  EXPECT_EQ(p["rows"][4]["cells"][1]["text"], "");
}

TEST_F(Forms, CsvIsUtf8WithBomGroupedHeadersAndTheTotalsRow) {
  const std::string csv = db_->form("mediation", {{"unit", "zone"}, {"period", "2022"}}, "csv");
  ASSERT_EQ(csv.compare(0, 3, "\xEF\xBB\xBF"), 0);
  EXPECT_EQ(csv.substr(3, csv.find("\r\n\r\n") - 3),
            "矛盾纠纷排查化解情况统计表\r\n填报单位：开发区管委会,统计期间：2022（2022-01-01至2022-12-31）");
  EXPECT_NE(csv.find("单位,矛盾纠纷化解（件）：受理,矛盾纠纷化解（件）：调结,矛盾纠纷化解（件）：调解成功,调解成功率,"
                     "调解协议涉及金额（元）,预防效果（件）：防止群体性事件,预防效果（件）：防止民转刑案件\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("一村,3,3,2,66.7%,1200.50,0,0\r\n"), std::string::npos);
  EXPECT_NE(csv.find("一社区,0,0,0,无数据,0.00,0,0\r\n"), std::string::npos);
  EXPECT_NE(csv.find("合计,6,5,3,60.0%,1500.50,0,0\r\n"), std::string::npos);
  EXPECT_NE(csv.find("1. 受理数按受理日期统计"), std::string::npos);
}

TEST_F(Forms, TheXlsxFileIsTheSameBytesEachTimeAndNeverReplacesTheDatabase) {
  TempDir dir;
  const std::string a = dir.file("a.xlsx"), b = dir.file("b.xlsx");
  db_->form_file("mediation", {{"unit", "zone"}, {"period", "2022"}}, "xlsx", a);
  db_->form_file("mediation", {{"unit", "zone"}, {"period", "2022"}}, "xlsx", b);
  auto bytes = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string first = bytes(a);
  ASSERT_GT(first.size(), 1000u);
  EXPECT_EQ(first.compare(0, 2, "PK"), 0);
  EXPECT_EQ(first, bytes(b));
  EXPECT_EQ(status_of([&] { db_->form_file("mediation", {{"unit", "zone"}, {"period", "2022"}}, "pdf", a); }),
            Status::argument);
  EXPECT_EQ(status_of([&] { db_->form("mediation", {{"unit", "zone"}, {"period", "2022"}}, "xlsx"); }),
            Status::argument);
  EXPECT_EQ(status_of([&] { db_->form_file("mediation", {{"unit", "zone"}, {"period", "2022"}}, "xlsx", dir.file("none/x.xlsx")); }),
            Status::io);
}

TEST_F(Forms, UnknownFormsUnitsAndQueryKeysAreRefusedByName) {
  std::string message;
  EXPECT_EQ(status_of([&] { filled("mediaton"); }, &message), Status::not_found);
  EXPECT_NE(message.find("did you mean 'mediation'"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { filled("mediation", "nowhere"); }), Status::not_found);
  EXPECT_EQ(status_of([&] { db_->form("mediation", {{"unit", "zone"}}, "json"); }, &message), Status::argument);
  EXPECT_EQ(message, "period: is required");
  EXPECT_EQ(status_of([&] { db_->form("mediation", {{"unit", "zone"}, {"period", "2022"}, {"perod", 1}}, "json"); }),
            Status::argument);
}

TEST_F(Forms, AHostFormIsStoredJournaledListedAndReplacedBySameCode) {
  const std::int64_t before = journal_entries(*db_);
  json def = one_part(json::array({{{"group", "纠纷"}, {"columns", {{{"code", "mediation.received"}, {"label", "受理"}}}}}}));
  def["notes"] = {"说明一"};
  db_->define_form(def);
  EXPECT_EQ(journal_entries(*db_), before + 1);
  json list = db_->forms();
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0]["code"], "mediation");
  EXPECT_EQ(list[1]["code"], "enforcement");
  EXPECT_EQ(list[2]["code"], "adviser");
  EXPECT_EQ(list[3]["code"], "custom.test");
  EXPECT_EQ(list[3]["builtin"], false);
  EXPECT_EQ(list[3]["definition"], def);  // canonical form of what was given
  def["title"] = "测试表二";
  db_->define_form(def);
  EXPECT_EQ(db_->forms().size(), 4u);
  EXPECT_EQ(db_->forms()[3]["title"], "测试表二");
  const json verified = db_->verify_journal();
  EXPECT_EQ(verified["ok"], true) << verified.dump();
  EXPECT_EQ(journal_entries(*db_), before + 2);
}

TEST_F(Forms, ADefinitionIsRefusedNamingTheFieldAndNothingIsStored) {
  const std::int64_t before = journal_entries(*db_);
  const json good_columns = json::array({{{"code", "mediation.received"}}});
  std::string m;
  json def = one_part(good_columns);
  def["titl"] = "x";
  EXPECT_EQ(error_field(def, &m), "titl");
  EXPECT_NE(m.find("did you mean 'title'"), std::string::npos) << m;

  EXPECT_EQ(error_field(one_part(json::array({{{"code", "mediation.recieved"}}})), &m), "parts[0].columns[0].code");
  EXPECT_NE(m.find("did you mean 'mediation.received'"), std::string::npos) << m;
  EXPECT_EQ(error_field(one_part(json::array({{{"group", "g"}, {"columns", {{{"code", "x.y"}}}}}}))),
            "parts[0].columns[0].columns[0].code");
  EXPECT_EQ(error_field(one_part(json::array({{{"code", "custom.nothing"}}})), &m), "parts[0].columns[0].code");
  EXPECT_EQ(error_field(one_part(json::array({{{"code", "mediation.received"}, {"labels", "x"}}})), &m),
            "parts[0].columns[0].labels");
  EXPECT_NE(m.find("did you mean 'label'"), std::string::npos) << m;

  EXPECT_EQ(error_field(one_part(good_columns, {{"units", "child"}}), &m), "parts[0].rows.units");
  EXPECT_NE(m.find("did you mean 'children'"), std::string::npos) << m;
  EXPECT_EQ(error_field(one_part(good_columns, {{"units", "level"}})), "parts[0].rows.depth");
  EXPECT_EQ(error_field(one_part(good_columns, {{"units", "level"}, {"depth", 9}})), "parts[0].rows.depth");
  EXPECT_EQ(error_field(one_part(good_columns, {{"units", "children"}, {"kinds", {"vilage"}}}), &m),
            "parts[0].rows.kinds[0]");
  EXPECT_NE(m.find("did you mean 'village'"), std::string::npos) << m;
  EXPECT_EQ(error_field(one_part(good_columns, {{"breakdown", "mediation.received"}}), &m), "parts[0].rows.breakdown");
  EXPECT_EQ(m, "parts[0].rows.breakdown: mediation.received has no breakdown");
  EXPECT_EQ(error_field(one_part(json::array({{{"code", "mediation.received"}}}), {{"breakdown", "mediation.by_category"}})),
            "parts[0].columns[0].code");
  EXPECT_EQ(error_field(one_part(json::array({{{"code", "enforcement.timely_publicity_rate"}}}),
                                 {{"breakdown", "enforcement.actions"}}), &m),
            "parts[0].columns[0].code");
  EXPECT_NE(m.find("is a rate"), std::string::npos) << m;

  json many = json::array();
  for (int i = 0; i < 65; ++i) many.push_back({{"code", "mediation.received"}});
  EXPECT_EQ(error_field(one_part(many), &m), "parts[0].columns");
  EXPECT_NE(m.find("65 items; expected 1 to 64"), std::string::npos) << m;
  json parts = one_part(good_columns);
  parts["parts"] = json::array();
  EXPECT_EQ(error_field(parts), "parts");
  json long_title = one_part(good_columns);
  long_title["title"] = std::string(301, 'x');
  EXPECT_EQ(error_field(long_title), "title");
  json plain_code = one_part(good_columns);
  plain_code["code"] = "mediation";  // only built-in forms have plain codes
  EXPECT_EQ(error_field(plain_code), "code");
  EXPECT_EQ(error_field(json::array()), "definition");

  EXPECT_EQ(journal_entries(*db_), before);
  EXPECT_EQ(db_->forms().size(), 3u);
}

TEST_F(Forms, APartPastTheRowBoundIsRefusedNamingIt) {
  std::string lines;
  for (std::size_t i = 0; i <= fazhi::forms::kMaxRows; ++i)
    lines += "{\"record\":\"org_unit\",\"code\":\"d" + std::to_string(i) +
             "\",\"name\":\"部门\",\"kind\":\"department\",\"parent\":\"team\"}\n";
  ASSERT_EQ(db_->import_ndjson(lines, {}).rejected, 0);
  std::string m;
  EXPECT_EQ(status_of([&] { filled("mediation", "team"); }, &m), Status::argument);
  EXPECT_EQ(m.rfind("parts[0].rows: lists more than 1000 units below 'team'", 0), 0u) << m;
}

// The built-in forms read through the host's checks too, and name only
// catalogue codes (the columns the report writes about).
TEST(BuiltinForms, EachShippedFormReadsAndNamesOnlyCatalogueCodes) {
  const auto& forms = fazhi::forms::builtin_forms();
  ASSERT_EQ(forms.size(), 3u);
  EXPECT_EQ(forms[0].title, "矛盾纠纷排查化解情况统计表");
  EXPECT_EQ(forms[1].title, "行政执法情况统计表");
  EXPECT_EQ(forms[2].title, "法律顾问工作情况表");
  for (const auto& f : forms)
    for (const auto& p : f.parts)
      for (const auto& c : p.columns) EXPECT_EQ(fazhi::indicators::why_not_in_catalogue(c.code), "") << c.code;
}

}  // namespace
