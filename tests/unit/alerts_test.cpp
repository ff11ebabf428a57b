// Alerts: the open statutory deadlines, stored as due dates when a record
// changes, listed as of a day. Every date below is computed by hand against
// the State Council's 2023 schedule: 中秋节、国庆节 2023-09-29 to 10-06 off,
// Saturday 10-07 and Sunday 10-08 make-up working days.
#include "test_support.hpp"

#include <SQLiteCpp/Database.h>

#include <fstream>

using fazhi::Database;
using fazhi::Status;
using fazhi::testing_support::status_of;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

// The built-in 2023 schedule with one change: `day` becomes a rest day — a
// corrected notice.
std::string schedule_2023_with_extra_day_off(const std::string& day) {
  std::ifstream in(std::string(FAZHI_SOURCE_DIR) + "/src/calendar/cn_public_holidays.csv");
  std::string line, csv = "date,kind,holiday,schedule_year\n";
  bool changed = false;
  while (std::getline(in, line)) {
    if (line.size() < 5 || line.compare(line.size() - 5, 5, ",2023") != 0) continue;
    if (line.compare(0, day.size(), day) == 0) {
      line = day + ",off" + line.substr(line.find(',', day.size() + 1));
      changed = true;
    }
    csv += line + "\n";
  }
  if (!changed) throw std::runtime_error("the built-in 2023 schedule does not list " + day);
  return csv;
}

class Alerts : public ::testing::Test {
 protected:
  void SetUp() override { fazhi::testing_support::put_sample_tree(*db_); }

  json alerts(const std::string& as_of, json extra = json::object()) {
    json q = {{"unit", "zone"}, {"as_of", as_of}};
    q.update(extra);
    return db_->alerts(q);
  }
  // The (kind key rule due status working_days) of each item, in order.
  std::vector<std::string> lines(const json& a) {
    std::vector<std::string> out;
    for (const json& i : a["items"])
      out.push_back(i["kind"].get<std::string>() + " " + i["key"].get<std::string>() + " " +
                    i["rule"].get<std::string>() + " " + i["due"].get<std::string>() + " " +
                    i["status"].get<std::string>() + " " + std::to_string(i["working_days"].get<int>()));
    return out;
  }
  void petition(const std::string& key, const std::string& received, const std::string& unit = "v1") {
    db_->put("petition", {{"key", key}, {"unit", unit}, {"received", received}, {"petitioners", {"张三"}}});
  }

  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(Alerts, PetitionAcceptanceAcrossNationalDayIsDueOnTheMakeUpSaturday) {
  // Received 09-14: day 15 is 09-29, a holiday; the holiday ends 10-06, so
  // the last day is Saturday 10-07 (a make-up working day).
  petition("〔2023〕15号", "2023-09-14");
  json a = alerts("2023-09-27");
  ASSERT_EQ(a["total"], 1);
  const json& item = a["items"][0];
  EXPECT_EQ(item["due"], "2023-10-07");
  EXPECT_EQ(item["status"], "upcoming");
  // (09-27, 10-07]: 09-28 and 10-07.
  EXPECT_EQ(item["working_days"], 2);
  EXPECT_EQ(item["unit"], "v1");
  EXPECT_EQ(item["counting"], "calendar_days");
  EXPECT_EQ(item["source"], "信访工作条例 第二十二条、第二十三条");
  EXPECT_EQ(item["message"], "信访事项〔2023〕15号应于2023年10月7日前告知是否受理，剩余2个工作日");
  EXPECT_EQ(item["message"].get<std::string>().find("张三"), std::string::npos);
  // The alert and the stored field agree: one computation.
  EXPECT_EQ(db_->get("petition", "〔2023〕15号")["accept_deadline"], "2023-10-07");
}

TEST_F(Alerts, TheDefaultHorizonIsThreeWorkingDaysAndReachesOverTheHoliday) {
  petition("p", "2023-09-14");
  // From 09-26 three working days reach 10-07 (09-27, 09-28, 10-07): listed.
  EXPECT_EQ(alerts("2023-09-26")["total"], 1);
  // From 09-25 they reach 09-28 only.
  EXPECT_EQ(alerts("2023-09-25")["total"], 0);
  // A wider horizon for every rule, or for this rule alone, lists it.
  EXPECT_EQ(alerts("2023-09-25", {{"horizon", 4}})["total"], 1);
  EXPECT_EQ(alerts("2023-09-25", {{"horizons", {{"petition.acceptance_15_days", 4}}}})["total"], 1);
  EXPECT_EQ(alerts("2023-09-25", {{"horizons", {{"petition.conclusion_60_days", 4}}}})["total"], 0);
}

TEST_F(Alerts, OnTheDueDayItIsDueAndTheDayAfterOverdue) {
  petition("p", "2023-09-14");
  json due = alerts("2023-10-07");
  EXPECT_EQ(lines(due), std::vector<std::string>{"petition p petition.acceptance_15_days 2023-10-07 due 0"});
  EXPECT_EQ(due["items"][0]["message"], "信访事项p应于2023年10月7日前告知是否受理，今日到期");
  EXPECT_EQ(due["counts"], (json{{"overdue", 0}, {"due", 1}, {"upcoming", 0}}));
  // Sunday 10-08 is a make-up working day: one working day late.
  json late = alerts("2023-10-08");
  EXPECT_EQ(lines(late), std::vector<std::string>{"petition p petition.acceptance_15_days 2023-10-07 overdue -1"});
  EXPECT_EQ(late["items"][0]["message"], "信访事项p应于2023年10月7日前告知是否受理，已超期1个工作日");
  EXPECT_EQ(late["counts"]["overdue"], 1);
}

TEST_F(Alerts, AcceptingOnTheLastDayRemovesItAndStartsTheConclusionDeadlineWhichAnExtensionMoves) {
  petition("p", "2023-09-14");
  db_->act("petition", "p", "accept", {{"date", "2023-10-07"}});
  EXPECT_EQ(db_->findings(nullptr)["total"], 0);  // met on its last day
  // 60 days from 10-07: 12-06, a Wednesday.
  EXPECT_EQ(lines(alerts("2023-12-01")),
            std::vector<std::string>{"petition p petition.conclusion_60_days 2023-12-06 upcoming 3"});
  EXPECT_EQ(alerts("2023-12-07")["items"][0]["status"], "overdue");
  // Extended by 30 days: 90 days from 10-07 is 2024-01-05, a Friday.
  db_->act("petition", "p", "extend", {{"date", "2023-12-01"}, {"days", 30}});
  EXPECT_EQ(alerts("2023-12-07")["total"], 0);
  EXPECT_EQ(lines(alerts("2024-01-05")),
            std::vector<std::string>{"petition p petition.conclusion_60_days 2024-01-05 due 0"});
  db_->act("petition", "p", "conclude", {{"date", "2024-01-05"}, {"result", "resolved"}});
  EXPECT_EQ(alerts("2024-01-08")["total"], 0);
}

TEST_F(Alerts, EachKindsDeadlinesAcrossTheHolidayInOrderOfDueDateThenKey) {
  // Labour mediation received 09-20: day 15 is 10-05 (holiday), so 10-07.
  db_->put("mediation_committee", {{"key", "mc"}, {"unit", "v2"}, {"name", "二村人民调解委员会"}});
  db_->put("mediation_case", {{"key", "m-labour"}, {"committee", "mc"}, {"received", "2023-09-20"},
                              {"category", "labour"}});
  db_->put("mediation_case", {{"key", "m-neighbour"}, {"committee", "mc"}, {"received", "2023-09-20"},
                              {"category", "neighbourhood"}});
  // A document published 09-06: day 30 is 10-06 (holiday), so 10-07.
  db_->put("normative_document", {{"key", "nd"}, {"unit", "zone"}, {"title", "管理办法"}, {"doc_number", "开管发〔2023〕3号"},
                                  {"legality_review", {{"completed", "2023-09-01"}, {"result", "lawful"}}},
                                  {"published", "2023-09-06"}});
  // A penalty decided 09-27: 7 working days are 09-28, 10-07, 10-08, 10-09,
  // 10-10, 10-11, 10-12. An inspection's 20 end on 10-31 (09-28, 10-07..10-31's
  // working days: 10-07, 08, 09, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24,
  // 25, 26, 27, 30, 31).
  db_->put("enforcement_action", {{"key", "ea-penalty"}, {"unit", "team"}, {"kind", "penalty"}, {"decided", "2023-09-27"}});
  db_->put("enforcement_action", {{"key", "ea-inspection"}, {"unit", "team"}, {"kind", "inspection"}, {"decided", "2023-09-27"}});
  json a = alerts("2023-10-09", {{"horizon", 20}});
  EXPECT_EQ(lines(a), (std::vector<std::string>{
                          "mediation_case m-labour mediation_case.labour_15_days 2023-10-07 overdue -2",
                          "normative_document nd normative_document.filing_30_days 2023-10-07 overdue -2",
                          "enforcement_action ea-penalty enforcement_action.publicity_deadline 2023-10-12 upcoming 3",
                          "enforcement_action ea-inspection enforcement_action.publicity_deadline 2023-10-31 upcoming 16",
                      }));
  EXPECT_EQ(a["items"][2]["counting"], "working_days");
  // Publicised, filed, closed: each leaves the list.
  db_->patch("enforcement_action", "ea-penalty", {{"publicized", "2023-10-12"}});
  db_->patch("normative_document", "nd", {{"filed", "2023-10-09"}, {"filed_with", "县人民政府"}});
  db_->act("mediation_case", "m-labour", "close", {{"date", "2023-10-09"}, {"outcome", "failed"}});
  EXPECT_EQ(lines(alerts("2023-10-09", {{"horizon", 20}})),
            std::vector<std::string>{
                "enforcement_action ea-inspection enforcement_action.publicity_deadline 2023-10-31 upcoming 16"});
}

TEST_F(Alerts, OnlyTheUnitsSubtreeIsListed) {
  petition("p1", "2023-09-14", "v1");
  petition("p2", "2023-09-14", "v2");
  EXPECT_EQ(alerts("2023-10-07")["total"], 2);
  json v2 = db_->alerts({{"unit", "v2"}, {"as_of", "2023-10-07"}});
  EXPECT_EQ(lines(v2), std::vector<std::string>{"petition p2 petition.acceptance_15_days 2023-10-07 due 0"});
}

TEST_F(Alerts, AWindowLeavesTheListAfterItsLastDayInsteadOfTurningRed) {
  db_->put("adviser", {{"key", "a1"}, {"name", "李律师"}, {"type", "lawyer"}});
  db_->put("adviser_engagement", {{"key", "e1"}, {"adviser", "a1"}, {"unit", "v1"}, {"start", "2023-01-01"},
                                  {"end", "2023-10-31"}});
  // An engagement's end is listed 22 working days ahead by default.
  EXPECT_EQ(alerts("2023-10-09")["total"], 1);
  json before = alerts("2023-10-30");
  EXPECT_EQ(lines(before),
            std::vector<std::string>{"adviser_engagement e1 adviser_engagement.end 2023-10-31 upcoming 1"});
  EXPECT_EQ(before["items"][0]["message"], "法律顾问聘任e1聘期至2023年10月31日届满，剩余1个工作日");
  EXPECT_EQ(alerts("2023-10-31")["total"], 1);
  EXPECT_EQ(alerts("2023-11-01")["total"], 0);
}

TEST_F(Alerts, BadQueriesAreRefusedByField) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->alerts({{"as_of", "2023-10-07"}}); }, &message), Status::argument);
  EXPECT_NE(message.find("unit"), std::string::npos);
  EXPECT_EQ(status_of([&] { db_->alerts({{"unit", "zone"}}); }, &message), Status::argument);
  EXPECT_NE(message.find("as_of"), std::string::npos);
  EXPECT_EQ(status_of([&] { alerts("2023-10-07", {{"horizon", 251}}); }, &message), Status::argument);
  EXPECT_NE(message.find("horizon"), std::string::npos);
  EXPECT_EQ(status_of([&] { alerts("2023-10-07", {{"horizons", {{"petition.nothing", 3}}}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("horizons.petition.nothing"), std::string::npos);
  EXPECT_EQ(status_of([&] { alerts("2023-10-07", {{"colour", "red"}}); }), Status::argument);
  EXPECT_EQ(status_of([&] { db_->alerts({{"unit", "nowhere"}, {"as_of", "2023-10-07"}}); }), Status::not_found);
}

TEST_F(Alerts, ACorrectedScheduleMovesTheDeadlinesCountedThroughItsYearAndNoOthers) {
  petition("p", "2023-09-14");
  db_->put("enforcement_action", {{"key", "ea"}, {"unit", "team"}, {"kind", "penalty"}, {"decided", "2023-09-27"}});
  petition("old", "2022-05-05", "v2");  // open, but counted through 2022 only (due 2022-05-20)
  const auto entries = fazhi::testing_support::journal_entries(*db_);
  // A corrected notice makes Saturday 10-07 a rest day: the petition's last
  // day moves to Sunday 10-08, the penalty's 7th working day to 10-13.
  json loaded = db_->load_calendar(schedule_2023_with_extra_day_off("2023-10-07"));
  EXPECT_EQ(loaded["recomputed"], 2);
  EXPECT_EQ(db_->get("petition", "p")["accept_deadline"], "2023-10-08");
  // The 2022 petition is listed (still open, long overdue) with its date unchanged.
  EXPECT_EQ(lines(alerts("2023-10-09", {{"horizon", 5}})).size(), 3u);
  EXPECT_EQ(alerts("2023-10-09")["items"][0]["due"], "2022-05-20");
  EXPECT_EQ(lines(db_->alerts({{"unit", "team"}, {"as_of", "2023-10-09"}, {"horizon", 5}})),
            std::vector<std::string>{"enforcement_action ea enforcement_action.publicity_deadline 2023-10-13 upcoming 4"});
  EXPECT_EQ(lines(db_->alerts({{"unit", "v1"}, {"as_of", "2023-10-09"}})),
            std::vector<std::string>{"petition p petition.acceptance_15_days 2023-10-08 overdue -1"});
  // One load entry and one recompute entry per moved record; the 2022
  // petition was not touched.
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db_), entries + 3);
  EXPECT_EQ(db_->history("petition", "old")["entries"].size(), 1u);
  EXPECT_TRUE(db_->verify_journal()["ok"].get<bool>());
}

TEST(AlertsUpgrade, AFileWithoutDueDatesGetsThemWhenOpened) {
  TempDir dir;
  const std::string path = dir.file("v13.db");
  {
    auto db = Database::open(path);
    fazhi::testing_support::put_sample_tree(*db);
    db->put("petition", {{"key", "p"}, {"unit", "v1"}, {"received", "2023-09-14"}});
  }
  {
    // The file as schema 13 left it: no due_date table (nor the masked_name
    // and form tables of schemas 16 and 17).
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TABLE form; DROP TABLE masked_name; DROP TABLE due_date; PRAGMA user_version = 13;");
  }
  auto db = Database::open(path);
  json a = db->alerts({{"unit", "zone"}, {"as_of", "2023-10-07"}});
  ASSERT_EQ(a["total"], 1);
  EXPECT_EQ(a["items"][0]["due"], "2023-10-07");
  EXPECT_TRUE(db->verify_journal()["ok"].get<bool>());
}

}  // namespace
