// provisional_deadline_test.cpp — records whose deadlines fall in a year
// without a holiday schedule: stored with provisional deadlines, never
// refused; computed again, and journaled, when that year's schedule arrives.
//
// The petition of the tests is received on 2026-12-20: its 15-day acceptance
// deadline is 2027-01-04 (a Monday; the built-in schedules end with 2026).

#include "test_support.hpp"

#include <fazhi/database.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace fazhi {
namespace {

using json = nlohmann::json;
using testing_support::journal_entries;
using testing_support::put_sample_tree;
using testing_support::status_of;
using testing_support::TempDir;

// A 2027 notice that keeps 1-4 January off (a New Year break running into
// Monday) and makes Saturday 9 January a working day.
constexpr const char* k2027 =
    "date,kind,holiday,schedule_year\n"
    "2027-01-01,off,元旦,2027\n"
    "2027-01-02,off,元旦,2027\n"
    "2027-01-03,off,元旦,2027\n"
    "2027-01-04,off,元旦,2027\n"
    "2027-01-09,work,元旦,2027\n";

class ProvisionalDeadlines : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Database::open(dir_.file("p.db"));
    put_sample_tree(*db_);
    db_->put("petition", {{"key", "late-dec"}, {"unit", "v1"}, {"received", "2026-12-20"}});
    db_->put("petition", {{"key", "june"}, {"unit", "v1"}, {"received", "2026-06-01"}});
  }

  json findings_of(const std::string& key) {
    json out = json::array();
    const json all = db_->findings({{"kind", "petition"}});
    for (const json& f : all["items"])
      if (f["key"] == key) out.push_back(f);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(ProvisionalDeadlines, APetitionReceivedInLateDecemberIsStoredWithAProvisionalDeadline) {
  json p = db_->get("petition", "late-dec");
  EXPECT_EQ(p["accept_deadline"], "2027-01-04");
  EXPECT_EQ(p["provisional_deadlines"], json({{"accept_deadline", {2027}}}));
  // A petition whose deadlines stay inside 2026 is not marked.
  EXPECT_FALSE(db_->get("petition", "june").contains("provisional_deadlines"));
  EXPECT_EQ(db_->calendar_years()["pending"], json::parse(R"([{"year": 2027, "records": 1}])"));
}

TEST_F(ProvisionalDeadlines, TheMarkCannotBeGivenByTheHost) {
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->put("petition", {{"key", "x"}, {"unit", "v1"}, {"received", "2026-01-05"},
                                    {"provisional_deadlines", json::object()}});
            }, &message),
            Status::argument);
  EXPECT_NE(message.find("provisional_deadlines"), std::string::npos) << message;
}

TEST_F(ProvisionalDeadlines, AFindingJudgedByAProvisionalDeadlineIsProvisional) {
  db_->act("petition", "late-dec", "accept", {{"date", "2027-01-05"}});
  json f = findings_of("late-dec");
  ASSERT_EQ(f.size(), 1u) << f.dump();
  EXPECT_EQ(f[0]["rule"], "petition.acceptance_15_days");
  EXPECT_EQ(f[0]["provisional"], true);
  // The conclusion deadline (60 days from 5 January) is provisional too.
  json p = db_->get("petition", "late-dec");
  EXPECT_EQ(p["provisional_deadlines"],
            json({{"accept_deadline", {2027}}, {"conclude_deadline", {2027}}}));
}

TEST_F(ProvisionalDeadlines, LoadingTheScheduleRecomputesTheRecordAndItsFindings) {
  db_->act("petition", "late-dec", "accept", {{"date", "2027-01-05"}});
  const std::int64_t entries = journal_entries(*db_);

  json summary = db_->load_calendar(k2027);
  EXPECT_EQ(summary, json::parse(R"({"years": [2027], "days": 5, "recomputed": 1})"));

  // 4 January is off in the notice: the deadline moves to the 5th, and the
  // acceptance on the 5th is timely after all.
  json p = db_->get("petition", "late-dec");
  EXPECT_EQ(p["accept_deadline"], "2027-01-05");
  EXPECT_FALSE(p.contains("provisional_deadlines"));
  EXPECT_TRUE(findings_of("late-dec").empty());
  EXPECT_TRUE(db_->calendar_years()["pending"].empty());

  // Journaled: the load, then one recompute entry with the changes.
  EXPECT_EQ(journal_entries(*db_), entries + 2);
  json history = db_->history("petition", "late-dec")["entries"];
  const json& last = history.back();
  EXPECT_EQ(last["op"], "recompute");
  EXPECT_EQ(last["change"]["accept_deadline"], "2027-01-05");
  EXPECT_TRUE(last["change"]["provisional_deadlines"].is_null());
  EXPECT_EQ(last["change"]["findings"], json::array());
  EXPECT_TRUE(db_->verify_journal()["ok"].get<bool>());

  // The June petition was not touched.
  const json june = db_->history("petition", "june");
  for (const json& e : june["entries"]) EXPECT_NE(e["op"], "recompute");
}

TEST_F(ProvisionalDeadlines, ARecomputeCanRaiseAFindingAsWell) {
  // Received 2026-12-17: the 15th day is 1 January 2027, a holiday, and the
  // provisional rule moves it past the weekend to Monday the 4th, so an
  // acceptance on the 4th is timely. A notice that makes Saturday 2 January
  // a working day ends the period on the 2nd: the same acceptance is late.
  db_->put("petition", {{"key", "dec-17"}, {"unit", "v1"}, {"received", "2026-12-17"}});
  EXPECT_EQ(db_->get("petition", "dec-17")["accept_deadline"], "2027-01-04");
  db_->act("petition", "dec-17", "accept", {{"date", "2027-01-04"}});
  EXPECT_TRUE(findings_of("dec-17").empty());

  db_->load_calendar("2027-01-01,off,元旦,2027\n2027-01-02,work,元旦,2027\n");
  EXPECT_EQ(db_->get("petition", "dec-17")["accept_deadline"], "2027-01-02");
  json f = findings_of("dec-17");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]["rule"], "petition.acceptance_15_days");
  EXPECT_EQ(f[0]["provisional"], false);
  json last = db_->history("petition", "dec-17")["entries"].back();
  EXPECT_EQ(last["op"], "recompute");
  ASSERT_EQ(last["change"]["findings"].size(), 1u);
  EXPECT_EQ(last["change"]["findings"][0]["rule"], "petition.acceptance_15_days");
}

TEST_F(ProvisionalDeadlines, AScheduleWithABadLineIsRefusedByLineAndChangesNothing) {
  const std::int64_t entries = journal_entries(*db_);
  const json before = db_->get("petition", "late-dec");
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->load_calendar("date,kind,holiday,schedule_year\n2027-01-01,off,元旦,2027\n"
                                 "2027-02-30,off,春节,2027\n");
            }, &message),
            Status::argument);
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
  EXPECT_EQ(journal_entries(*db_), entries);
  EXPECT_EQ(db_->get("petition", "late-dec"), before);
  EXPECT_FALSE(db_->calendar()->has_schedule(2027));
  const json years = db_->calendar_years();
  for (const json& y : years["official"]) EXPECT_NE(y["year"], 2027);
}

TEST_F(ProvisionalDeadlines, TheFullProcessRecordAndTheReportSayProvisional) {
  const std::string md = db_->history_text("petition", "late-dec", "markdown");
  EXPECT_NE(md.find("暂定期限：受理期限（2027年节假日安排未公布，暂定）"), std::string::npos) << md;
  const std::string report = db_->report("zone", 2026, "markdown");
  EXPECT_NE(report.find("说明：1条记录的办理期限涉及2027年"), std::string::npos) << report;
  db_->load_calendar(k2027);
  EXPECT_EQ(db_->report("zone", 2026, "markdown").find("说明："), std::string::npos);
}

TEST_F(ProvisionalDeadlines, TheScheduleSurvivesReopeningAndExportSkipsTheRecompute) {
  db_->act("petition", "late-dec", "accept", {{"date", "2027-01-05"}});
  db_->load_calendar(k2027);
  db_.reset();
  db_ = Database::open(dir_.file("p.db"));
  EXPECT_TRUE(db_->calendar()->has_schedule(2027));
  db_->export_file(dir_.file("all.ndjson"), nullptr);
  auto copy = Database::open(dir_.file("copy.db"));
  copy->load_calendar(k2027);
  auto s = copy->import_ndjson(
      [&] {
        std::ifstream in(dir_.file("all.ndjson"));
        return std::string(std::istreambuf_iterator<char>(in), {});
      }(),
      {});
  EXPECT_EQ(s.rejected, 0u) << s.to_json().dump();
  EXPECT_EQ(copy->get("petition", "late-dec")["accept_deadline"], "2027-01-05");
}

}  // namespace
}  // namespace fazhi
