// The full-process record (全过程记录) as a document reads as Chinese
// throughout: Beijing time said once, the records it refers to by name and
// key, every code by its label (a party's role and type, a review's result),
// and still no personal name.
#include "test_support.hpp"

#include "report/history_document.hpp"

#include <ctime>

using fazhi::Database;
using json = nlohmann::json;

namespace {

// "2026-11-27T21:12:33.123Z" + 8 hours as "2026-11-28 05:12:33", computed
// apart from the code under test (timegm and gmtime of the C library).
std::string beijing(const std::string& utc) {
  std::tm tm{};
  EXPECT_EQ(std::sscanf(utc.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                        &tm.tm_min, &tm.tm_sec),
            6)
      << utc;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t t = timegm(&tm) + 8 * 3600;
  std::tm out{};
  gmtime_r(&t, &out);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &out);
  return buf;
}

TEST(BeijingTime, IsUtcPlusEightAcrossDayAndYear) {
  EXPECT_EQ(fazhi::report::beijing_time("2026-11-27T21:12:33.123Z"), "2026-11-28 05:12:33");
  EXPECT_EQ(fazhi::report::beijing_time("2026-12-31T16:00:00.000Z"), "2027-01-01 00:00:00");
  EXPECT_EQ(fazhi::report::beijing_time("2024-02-28T20:30:00.000Z"), "2024-02-29 04:30:00");
  EXPECT_EQ(fazhi::report::beijing_time("2026-06-01T01:02:03.004Z"), "2026-06-01 09:02:03");
  EXPECT_EQ(fazhi::report::beijing_time("yesterday"), "yesterday");  // not the journal's form: as it is
}

class HistoryDocument : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    db_->put("mediation_committee", {{"key", "mc1"}, {"unit", "v1"}, {"name", "一村人民调解委员会"}});
    db_->put("mediation_case",
             {{"key", "m1"},
              {"committee", "mc1"},
              {"received", "2022-03-01"},
              {"category", "neighbourhood"},
              {"source", "application"},
              {"parties",
               {{{"name", "林开乙"}, {"role", "applicant"}, {"type", "person"}},
                {{"name", "兴旺建材有限公司"}, {"role", "respondent"}, {"type", "organisation"}},
                {{"name", "欧阳明"}}}}});
    db_->act("mediation_case", "m1", "close",
             {{"date", "2022-03-05"}, {"outcome", "failed"}, {"actor", "调解员"}});
    db_->put("decision", {{"key", "d1"}, {"unit", "zone"}, {"title", "开发区道路改造方案"}});
  }

  // The table row of journal entry `index` of the record, as far as its
  // time: "| seq | <Beijing time> | ".
  std::string row_start(const std::string& kind, const std::string& key, std::size_t index) {
    const json e = db_->history(kind, key)["entries"].at(index);
    return "| " + std::to_string(e["seq"].get<std::int64_t>()) + " | " + beijing(e["at"].get<std::string>()) +
           " | ";
  }

  static fazhi::OpenOptions as_office() {
    fazhi::OpenOptions o;
    o.actor = "司法局";
    return o;
  }

  fazhi::testing_support::TempDir dir_;
  std::unique_ptr<Database> db_ = Database::open(dir_.file("history.db"), as_office());
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The case's two entries, line by line: the committee and the unit by name
// and key, the parties' roles and types by their labels, the outcome by its
// label, the times in Beijing time, said once; the people's names masked,
// the company's kept.
TEST_F(HistoryDocument, MediationCaseReadsAsChineseInBeijingTime) {
  const std::string md = db_->history_text("mediation_case", "m1", "markdown");
  const std::string created =
      row_start("mediation_case", "m1", 0) +
      "司法局 | 登记 | 人民调解委员会：一村人民调解委员会（mc1）；所属单位：一村（v1）；受理日期：2022-03-01；"
      "案件来源：当事人申请；纠纷类型：邻里纠纷；当事人：林某某（申请人，自然人）、"
      "兴旺建材有限公司（被申请人，法人或其他组织）、欧阳某某；非正常死亡纠纷：否；可能引发群体性事件：否 |\n";
  const std::string closed = row_start("mediation_case", "m1", 1) +
                             "调解员 | 结案 | 结案日期：2022-03-05；调解结果：调解不成 |\n";
  EXPECT_NE(md.find("\n" + created), std::string::npos) << md;
  EXPECT_NE(md.find("\n" + closed), std::string::npos) << md;
  EXPECT_EQ(count(md, "时间为北京时间（UTC+8）。\n"), 1u) << md;
  EXPECT_EQ(md.find("UTC |"), std::string::npos) << md;
  for (const char* code : {"applicant", "respondent", "person", "organisation", "failed", "neighbourhood"})
    EXPECT_EQ(md.find(code), std::string::npos) << code << " left as a code:\n" << md;
  for (const char* name : {"林开乙", "欧阳明"}) EXPECT_EQ(md.find(name), std::string::npos) << name;
}

TEST_F(HistoryDocument, DecisionNamesItsUnitWithItsKey) {
  const std::string md = db_->history_text("decision", "d1", "markdown");
  EXPECT_NE(md.find("\n" + row_start("decision", "d1", 0) + "司法局 | 登记 | 决策机关：开发区管委会（zone）；决策事项：开发区道路改造方案；"),
            std::string::npos)
      << md;
}

// A unit's parent and kind: the parent by name and key, the kind by its label.
TEST_F(HistoryDocument, UnitNamesItsParentAndItsKindByLabel) {
  const std::string md = db_->history_text("org_unit", "v1", "markdown");
  EXPECT_NE(md.find(" | 登记 | 名称：一村；类型：村；上级单位：开发区管委会（zone）"), std::string::npos) << md;
}

// A review object (法制审核) shows its members by their labels.
TEST_F(HistoryDocument, ReviewObjectShowsItsMembersByLabel) {
  db_->put("enforcement_officer",
           {{"key", "o1"}, {"unit", "team"}, {"name", "执法员甲"}, {"certificate_issued", "2018-03-01"}});
  db_->put("enforcement_action", {{"key", "a1"},
                                  {"unit", "team"},
                                  {"kind", "penalty"},
                                  {"decided", "2022-03-10"},
                                  {"officers", {"o1"}},
                                  {"on_site", false},
                                  {"legal_review", {{"completed", "2022-03-01"}, {"result", "lawful_with_revisions"}}}});
  const std::string md = db_->history_text("enforcement_action", "a1", "markdown");
  EXPECT_NE(md.find("法制审核：审核完成日期：2022-03-01，审核结论：修改后合法；"), std::string::npos) << md;
  EXPECT_EQ(md.find("lawful"), std::string::npos) << md;
}

}  // namespace
