// People's mediation and petitions: the kinds' rules (each fires on the bad
// case and stays silent on the valid one), state conflicts, findings, and
// historical mode.
#include "test_support.hpp"

#include <cmath>

using fazhi::Database;
using fazhi::Error;
using fazhi::Status;
using json = nlohmann::json;

namespace {

using fazhi::testing_support::status_of;

class Disputes : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    db_->put("mediation_committee", {{"key", "mc_v1"}, {"unit", "v1"}, {"name", "一村人民调解委员会"},
                                     {"established", "2015-01-01"}, {"members", 5}});
  }
  void labour_case(const std::string& key, const std::string& received) {
    db_->put("mediation_case", {{"key", key}, {"committee", "mc_v1"}, {"received", received},
                                {"category", "labour"}});
  }
  json rules_of(const std::string& kind, const std::string& key) {
    json out = json::array();
    json all = db_->findings({{"kind", kind}});
    for (const json& f : all["items"])
      if (f["key"] == key) out.push_back(f["rule"]);
    return out;
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(Disputes, CaseTakesItsUnitFromTheCommittee) {
  labour_case("k1", "2022-02-15");
  EXPECT_EQ(db_->get("mediation_case", "k1")["unit"], "v1");
  EXPECT_EQ(status_of([&] {
              db_->put("mediation_case", {{"key", "k2"}, {"committee", "mc_v1"}, {"unit", "v2"},
                                          {"received", "2022-01-01"}, {"category", "other"}});
            }),
            Status::argument);
  EXPECT_EQ(status_of([&] {
              db_->put("mediation_case", {{"key", "k3"}, {"received", "2022-01-01"}, {"category", "other"}});
            }),
            Status::argument);
}

TEST_F(Disputes, LabourCaseClosedOnDayFifteenRaisesNothing) {
  labour_case("k1", "2022-02-15");  // day 15 = 2022-03-02, a Wednesday
  EXPECT_EQ(db_->get("mediation_case", "k1")["labour_deadline"], "2022-03-02");
  db_->act("mediation_case", "k1", "close",
           {{"date", "2022-03-02"}, {"outcome", "succeeded"}, {"agreement", "oral"}});
  EXPECT_EQ(rules_of("mediation_case", "k1"), json::array());
}

TEST_F(Disputes, LabourCaseClosedOnDaySixteenRaisesAWarningCitingTheLaw) {
  labour_case("k1", "2022-02-15");
  json after = db_->act("mediation_case", "k1", "close", {{"date", "2022-03-03"}, {"outcome", "failed"}});
  EXPECT_EQ(after["closed"], "2022-03-03");
  ASSERT_EQ(after["findings"].size(), 1u);  // the action's result carries what it raised
  EXPECT_EQ(after["findings"][0]["rule"], "mediation_case.labour_15_days");
  json f = db_->findings({{"rule", "mediation_case.labour_15_days"}});
  ASSERT_EQ(f["total"], 1);
  EXPECT_EQ(f["items"][0]["severity"], "warning");
  EXPECT_EQ(f["items"][0]["source"], "劳动争议调解仲裁法 第十四条");
  EXPECT_EQ(f["items"][0]["date"], "2022-03-03");
  EXPECT_EQ(f["items"][0]["unit"], "v1");
}

TEST_F(Disputes, LabourDeadlineOnAHolidayMovesToTheNextWorkingDay) {
  labour_case("k1", "2022-09-16");  // +15 = 2022-10-01, National Day
  EXPECT_EQ(db_->get("mediation_case", "k1")["labour_deadline"], "2022-10-08");
  db_->act("mediation_case", "k1", "close", {{"date", "2022-10-08"}, {"outcome", "failed"}});
  EXPECT_EQ(rules_of("mediation_case", "k1"), json::array());
}

TEST_F(Disputes, CloseBeforeReceivedIsRefusedAndChangesNothing) {
  labour_case("k1", "2022-02-15");
  auto before = fazhi::testing_support::journal_entries(*db_);
  try {
    db_->act("mediation_case", "k1", "close", {{"date", "2022-02-14"}, {"outcome", "failed"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
    EXPECT_EQ(e.field(), "date");
  }
  EXPECT_FALSE(db_->get("mediation_case", "k1").contains("closed"));
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db_), before);
}

TEST_F(Disputes, SucceededNeedsAnAgreementAndOnlySucceededHasOne) {
  labour_case("k1", "2022-02-15");
  EXPECT_EQ(status_of([&] {
              db_->act("mediation_case", "k1", "close", {{"date", "2022-02-20"}, {"outcome", "succeeded"}});
            }),
            Status::argument);
  EXPECT_EQ(status_of([&] {
              db_->act("mediation_case", "k1", "close",
                       {{"date", "2022-02-20"}, {"outcome", "failed"}, {"agreement", "written"}});
            }),
            Status::argument);
}

TEST_F(Disputes, ClosingAClosedCaseIsAConflictButTheSameCloseIsAReplay) {
  labour_case("k1", "2022-02-15");
  json close = {{"date", "2022-02-20"}, {"outcome", "succeeded"}, {"agreement", "written"},
                {"agreement_amount_yuan", "8000"}};
  db_->act("mediation_case", "k1", "close", close);
  auto entries = fazhi::testing_support::journal_entries(*db_);
  db_->act("mediation_case", "k1", "close", close);  // identical: nothing happens
  EXPECT_EQ(fazhi::testing_support::journal_entries(*db_), entries);
  json other = close;
  other["outcome"] = "failed";
  other.erase("agreement");
  other.erase("agreement_amount_yuan");
  EXPECT_EQ(status_of([&] { db_->act("mediation_case", "k1", "close", other); }), Status::conflict);
  json c = db_->get("mediation_case", "k1");
  EXPECT_EQ(c["agreement_amount_yuan"], "8000.00");
  EXPECT_EQ(c["agreement_amount_fen"], 800000);
}

TEST_F(Disputes, ActionFieldsCannotBeSetByPutAndSurviveAPut) {
  labour_case("k1", "2022-02-15");
  db_->act("mediation_case", "k1", "close", {{"date", "2022-02-20"}, {"outcome", "failed"}});
  EXPECT_EQ(status_of([&] {
              db_->put("mediation_case", {{"key", "k9"}, {"committee", "mc_v1"}, {"received", "2022-01-01"},
                                          {"category", "other"}, {"closed", "2022-01-02"}});
            }),
            Status::argument);
  db_->put("mediation_case", {{"key", "k1"}, {"committee", "mc_v1"}, {"received", "2022-02-15"},
                              {"category", "labour"}, {"case_number", "（2022）一调字第1号"}});
  json c = db_->get("mediation_case", "k1");
  EXPECT_EQ(c["closed"], "2022-02-20");
  EXPECT_EQ(c["case_number"], "（2022）一调字第1号");
}

TEST_F(Disputes, JudicialConfirmationAfterThirtyDaysWarns) {
  db_->put("mediation_case", {{"key", "k1"}, {"committee", "mc_v1"}, {"received", "2022-03-01"},
                              {"category", "damages"}});
  db_->put("mediation_case", {{"key", "k2"}, {"committee", "mc_v1"}, {"received", "2022-03-01"},
                              {"category", "damages"}});
  for (const char* k : {"k1", "k2"})
    db_->act("mediation_case", k, "close",
             {{"date", "2022-03-10"}, {"outcome", "succeeded"}, {"agreement", "written"}});
  // +30 = 2022-04-09, a Saturday -> 2022-04-11 (Monday).
  db_->act("mediation_case", "k1", "judicial_confirmation", {{"date", "2022-04-11"}, {"court", "阳新县人民法院"}});
  db_->act("mediation_case", "k2", "judicial_confirmation", {{"date", "2022-04-12"}});
  EXPECT_EQ(rules_of("mediation_case", "k1"), json::array());
  EXPECT_EQ(rules_of("mediation_case", "k2"), json::array({"mediation_case.confirmation_30_days"}));
}

TEST_F(Disputes, OnlyASucceededCaseCanBeConfirmedAndOnlyAClosedOneFollowedUp) {
  labour_case("k1", "2022-02-15");
  EXPECT_EQ(status_of([&] { db_->act("mediation_case", "k1", "follow_up", {{"date", "2022-03-01"}}); }),
            Status::conflict);
  db_->act("mediation_case", "k1", "close", {{"date", "2022-02-20"}, {"outcome", "failed"}});
  EXPECT_EQ(status_of([&] {
              db_->act("mediation_case", "k1", "judicial_confirmation", {{"date", "2022-03-01"}});
            }),
            Status::conflict);
  db_->act("mediation_case", "k1", "follow_up", {{"date", "2022-03-01"}, {"performed", false}});
  db_->act("mediation_case", "k1", "follow_up", {{"date", "2022-04-01"}, {"performed", true}});
  EXPECT_EQ(db_->get("mediation_case", "k1")["follow_up_date"], "2022-04-01");
  EXPECT_EQ(status_of([&] { db_->act("mediation_case", "k1", "follow_up", {{"date", "2022-03-15"}}); }),
            Status::conflict);
}

TEST_F(Disputes, PartiesAreCheckedField_by_field) {
  auto put_parties = [&](json parties) {
    return status_of([&] {
      db_->put("mediation_case", {{"key", "k1"}, {"committee", "mc_v1"}, {"received", "2022-03-01"},
                                  {"category", "damages"}, {"parties", parties}});
    });
  };
  EXPECT_EQ(put_parties({{{"name", "甲某"}, {"role", "applicant"}, {"type", "person"}}}), Status::ok);
  EXPECT_EQ(put_parties({{{"name", "甲某"}, {"role", "judge"}}}), Status::argument);
  EXPECT_EQ(put_parties({{{"role", "applicant"}}}), Status::argument);
  EXPECT_EQ(put_parties({{{"name", "甲某"}, {"phone", "123"}}}), Status::argument);
}

TEST_F(Disputes, PetitionAcceptedOnTheShiftedDeadlineIsTimely) {
  // Received 2022-09-20: day 15 is 2022-10-05 (National Day holiday), so the
  // deadline moves to 2022-10-08, a make-up working Saturday.
  db_->put("petition", {{"key", "p1"}, {"unit", "v1"}, {"received", "2022-09-20"}});
  EXPECT_EQ(db_->get("petition", "p1")["accept_deadline"], "2022-10-08");
  db_->act("petition", "p1", "accept", {{"date", "2022-10-08"}});
  EXPECT_EQ(rules_of("petition", "p1"), json::array());
}

TEST_F(Disputes, PetitionAcceptedAfterTheDeadlineWarns) {
  db_->put("petition", {{"key", "p1"}, {"unit", "v1"}, {"received", "2022-09-21"}});
  db_->act("petition", "p1", "accept", {{"date", "2022-10-09"}});
  json f = db_->findings({{"kind", "petition"}});
  ASSERT_EQ(f["total"], 1);
  EXPECT_EQ(f["items"][0]["rule"], "petition.acceptance_15_days");
  EXPECT_EQ(f["items"][0]["source"], "信访工作条例 第二十二条、第二十三条");
}

TEST_F(Disputes, PetitionConclusionDeadlineIncludesTheExtension) {
  db_->put("petition", {{"key", "p1"}, {"unit", "v2"}, {"received", "2022-03-01"}});
  db_->act("petition", "p1", "accept", {{"date", "2022-03-05"}});
  // 60 days end on 2022-05-04, still in the Labour Day holiday -> 2022-05-05.
  EXPECT_EQ(db_->get("petition", "p1")["conclude_deadline"], "2022-05-05");
  db_->act("petition", "p1", "extend", {{"date", "2022-04-20"}, {"days", 30}});
  // 90 days: 2022-06-03 is the Dragon Boat Festival -> 2022-06-06.
  EXPECT_EQ(db_->get("petition", "p1")["conclude_deadline"], "2022-06-06");
  db_->act("petition", "p1", "conclude", {{"date", "2022-06-06"}, {"result", "resolved"}});
  EXPECT_EQ(rules_of("petition", "p1"), json::array());

  db_->put("petition", {{"key", "p2"}, {"unit", "v2"}, {"received", "2022-06-01"}});
  db_->act("petition", "p2", "accept", {{"date", "2022-06-02"}});
  db_->act("petition", "p2", "conclude", {{"date", "2022-08-15"}, {"result", "not_supported"}});
  EXPECT_EQ(rules_of("petition", "p2"), json::array({"petition.conclusion_60_days"}));
}

TEST_F(Disputes, ReimportingAConcludedPetitionWithItsExtensionChangesNothing) {
  const char* lines =
      "{\"record\":\"petition\",\"key\":\"p1\",\"unit\":\"v2\",\"received\":\"2022-03-01\"}\n"
      "{\"record\":\"petition\",\"key\":\"p1\",\"action\":\"accept\",\"date\":\"2022-03-05\"}\n"
      "{\"record\":\"petition\",\"key\":\"p1\",\"action\":\"extend\",\"date\":\"2022-04-20\",\"days\":20}\n"
      "{\"record\":\"petition\",\"key\":\"p1\",\"action\":\"conclude\",\"date\":\"2022-05-20\",\"result\":\"resolved\"}\n";
  EXPECT_EQ(db_->import_ndjson(lines, {}).actions, 3u);
  auto again = db_->import_ndjson(lines, {});
  EXPECT_EQ(again.rejected, 0u);
  EXPECT_EQ(again.unchanged, 4u);
  // A different extension after conclusion is still a conflict.
  EXPECT_EQ(status_of([&] { db_->act("petition", "p1", "extend", {{"date", "2022-04-21"}, {"days", 20}}); }),
            Status::conflict);
}

TEST_F(Disputes, ExtensionBeyondThirtyDaysIsRefusedInStrictModeWithTheStatute) {
  db_->put("petition", {{"key", "p1"}, {"unit", "v2"}, {"received", "2022-03-01"}});
  db_->act("petition", "p1", "accept", {{"date", "2022-03-05"}});
  try {
    db_->act("petition", "p1", "extend", {{"date", "2022-04-20"}, {"days", 45}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::rule);
    EXPECT_NE(std::string(e.what()).find("信访工作条例 第三十二条"), std::string::npos);
  }
  EXPECT_FALSE(db_->get("petition", "p1").contains("extended"));
}

TEST_F(Disputes, HistoricalModeStoresTheViolationAsAnErrorFinding) {
  fazhi::ImportOptions historical;
  historical.mode = fazhi::Mode::historical;
  auto s = db_->import_ndjson(
      "{\"record\":\"petition\",\"key\":\"p1\",\"unit\":\"v2\",\"received\":\"2019-03-01\"}\n"
      "{\"record\":\"petition\",\"key\":\"p1\",\"action\":\"accept\",\"date\":\"2019-03-05\"}\n"
      "{\"record\":\"petition\",\"key\":\"p1\",\"action\":\"extend\",\"date\":\"2019-04-20\",\"days\":45}\n",
      historical);
  EXPECT_EQ(s.rejected, 0u);
  EXPECT_EQ(s.actions, 2u);
  json f = db_->findings({{"severity", "error"}});
  ASSERT_EQ(f["total"], 1);
  EXPECT_EQ(f["items"][0]["rule"], "petition.extension_30_days");
  // State conflicts stay conflicts in historical mode.
  auto s2 = db_->import_ndjson(
      "{\"record\":\"petition\",\"key\":\"p1\",\"action\":\"decline\",\"date\":\"2019-03-06\"}\n", historical);
  ASSERT_EQ(s2.rejected, 1u);
  EXPECT_EQ(s2.errors[0].status, Status::conflict);
}

TEST_F(Disputes, PetitionStateConflicts) {
  db_->put("petition", {{"key", "p1"}, {"unit", "v2"}, {"received", "2022-03-01"}});
  EXPECT_EQ(status_of([&] {
              db_->act("petition", "p1", "conclude", {{"date", "2022-03-05"}, {"result", "resolved"}});
            }),
            Status::conflict);
  db_->act("petition", "p1", "decline", {{"date", "2022-03-02"}, {"reason", "不属于本机关职责范围"}});
  EXPECT_EQ(status_of([&] { db_->act("petition", "p1", "accept", {{"date", "2022-03-05"}}); }),
            Status::conflict);
  EXPECT_EQ(status_of([&] { db_->act("petition", "p1", "accept", {{"date", "2022-02-05"}}); }),
            Status::conflict);
}

TEST_F(Disputes, FindingsFilterByUnitPeriodKindRuleAndSeverity) {
  labour_case("k1", "2022-02-15");
  db_->act("mediation_case", "k1", "close", {{"date", "2022-03-03"}, {"outcome", "failed"}});
  db_->put("petition", {{"key", "p1"}, {"unit", "v2"}, {"received", "2022-09-21"}});
  db_->act("petition", "p1", "accept", {{"date", "2022-10-09"}});
  EXPECT_EQ(db_->findings(nullptr)["total"], 2);
  EXPECT_EQ(db_->findings({{"unit", "v1"}})["total"], 1);
  // "unit" alone is the unit's own findings, as in list(); "subtree" adds
  // those of the units below it.
  EXPECT_EQ(db_->findings({{"unit", "zone"}})["total"], 0);
  EXPECT_EQ(db_->findings({{"unit", "zone"}, {"subtree", true}})["total"], 2);
  EXPECT_EQ(db_->list("petition", {{"unit", "zone"}})["total"], 0);
  EXPECT_EQ(db_->list("petition", {{"unit", "zone"}, {"subtree", true}})["total"], 1);
  EXPECT_EQ(db_->findings({{"period", "2022Q1"}})["total"], 1);
  EXPECT_EQ(db_->findings({{"period", "2022Q4"}})["items"][0]["key"], "p1");
  EXPECT_EQ(db_->findings({{"kind", "petition"}})["total"], 1);
  EXPECT_EQ(db_->findings({{"severity", "error"}})["total"], 0);
  EXPECT_EQ(db_->findings({{"rule", "mediation_case.labour_15_days"}})["total"], 1);
  EXPECT_EQ(status_of([&] { db_->findings({{"severity", "fatal"}}); }), Status::argument);
  std::string message;
  EXPECT_EQ(status_of([&] { db_->findings({{"severty", "error"}}); }, &message), Status::argument);
  EXPECT_EQ(message.rfind("severty: unknown option", 0), 0u) << message;
}

TEST_F(Disputes, FindingsFollowTheRecordWhenItIsCorrected) {
  labour_case("k1", "2022-02-15");
  db_->act("mediation_case", "k1", "close", {{"date", "2022-03-03"}, {"outcome", "failed"}});
  EXPECT_EQ(db_->findings(nullptr)["total"], 1);
  // The case was in fact received a day later: the warning no longer applies.
  db_->patch("mediation_case", "k1", {{"received", "2022-02-16"}});
  EXPECT_EQ(db_->findings(nullptr)["total"], 0);
}

TEST_F(Disputes, ExportReplaysActionsSoImportReproducesTheState) {
  fazhi::testing_support::TempDir dir;
  labour_case("k1", "2022-02-15");
  db_->act("mediation_case", "k1", "close",
           {{"date", "2022-02-20"}, {"outcome", "succeeded"}, {"agreement", "written"},
            {"agreement_amount_yuan", 1234.5}, {"actor", "调解员"}});
  db_->put("petition", {{"key", "p1"}, {"unit", "v2"}, {"received", "2022-09-21"}});
  db_->act("petition", "p1", "accept", {{"date", "2022-10-09"}});
  std::string file = dir.file("all.ndjson");
  db_->export_file(file, nullptr);
  auto copy = Database::open(":memory:");
  auto s = copy->import_file(file, {});
  EXPECT_EQ(s.rejected, 0u);
  EXPECT_EQ(s.actions, 2u);
  json a = db_->get("mediation_case", "k1"), b = copy->get("mediation_case", "k1");
  a.erase("id");
  b.erase("id");
  EXPECT_EQ(a, b);
  EXPECT_EQ(copy->history("mediation_case", "k1")["entries"][1]["actor"], "调解员");
  EXPECT_EQ(copy->findings(nullptr)["total"], 1);
  // Importing the export again changes nothing.
  auto again = copy->import_file(file, {});
  EXPECT_EQ(again.inserted + again.updated + again.actions, 0u);
}

}  // namespace
