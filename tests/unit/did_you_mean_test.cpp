// "Did you mean": a message about an unknown kind, field, option, indicator
// code, code value or key names the nearest known ones (issue 17), and the
// lookups it costs stay bounded on a long import of bad lines.
#include "nearest.hpp"
#include "test_support.hpp"

#include <fazhi/database.hpp>

#include <gtest/gtest.h>

#include <string>

namespace fazhi {
namespace {

using testing_support::TempDir;
using testing_support::put_sample_tree;
using json = nlohmann::json;

std::string message_of(const std::function<void()>& fn) {
  std::string message;
  EXPECT_NE(testing_support::status_of(fn, &message), Status::ok);
  return message;
}

TEST(Nearest, CountsCharactersNotBytesAndListsTheNearestFirst) {
  const std::vector<std::string> units = {"阳新经济开发区管委会", "阳新县司法局", "开发区一村"};
  EXPECT_EQ(nearest("阳新经济开发区管委", units), std::vector<std::string>{"阳新经济开发区管委会"});
  EXPECT_EQ(nearest("mediaton_case", {"petition", "mediation_case", "mediation_committee"}),
            std::vector<std::string>{"mediation_case"});
  EXPECT_EQ(nearest("v1x", {"v1", "v2", "zone"}), (std::vector<std::string>{"v1"}));
  EXPECT_EQ(nearest("v-3", {"v-1", "v-2", "zone"}), (std::vector<std::string>{"v-1", "v-2"}));
  EXPECT_TRUE(nearest("v3", {"v1", "v2"}).empty());  // too short to guess from
  EXPECT_TRUE(nearest("zzzzzz", {"v1", "v2", "zone"}).empty());
  EXPECT_TRUE(nearest("v1", {"v1"}).empty());  // never the name itself
}

TEST(Nearest, AnAliasFindsTheCandidateItStandsFor) {
  const std::vector<std::string> keys = {"yx-kfq", "yx-sfj"};
  const std::vector<std::string> names = {"阳新经济开发区管委会", "阳新县司法局"};
  EXPECT_EQ(did_you_mean("阳新县司法", keys, &names), " (did you mean 'yx-sfj'?)");
}

TEST(Nearest, ALongTextIsComparedOnItsFirstCharactersOnly) {
  EXPECT_EQ(characters(std::string(100000, 'a')).size(), kMaxCompared);
  EXPECT_TRUE(nearest(std::string(100000, 'a'), {"mediation_case"}).empty());
}

class DidYouMean : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Database::open(dir_.file("zone.db"), {});
    put_sample_tree(*db_);
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(DidYouMean, AnUnknownKindNamesTheNearestKind) {
  EXPECT_EQ(message_of([&] { db_->get("mediaton_case", "x"); }),
            "kind: unknown kind 'mediaton_case' (did you mean 'mediation_case'?)");
}

TEST_F(DidYouMean, AnUnknownFieldNamesTheNearestField) {
  EXPECT_EQ(message_of([&] {
              db_->put("petition", {{"key", "p1"}, {"unit", "v1"}, {"recieved", "2022-05-01"}});
            }),
            "recieved: unknown field of petition (did you mean 'received'?)");
}

TEST_F(DidYouMean, AnUnknownOptionNamesTheNearestOption) {
  EXPECT_EQ(message_of([&] { db_->verify_journal({{"thread", 2}}); }),
            "thread: unknown option (did you mean 'threads'?)");
}

TEST_F(DidYouMean, AnUnknownIndicatorCodeNamesTheNearestCode) {
  const std::string m = message_of([&] { db_->indicator("mediation.sucess_rate", "zone", "2022"); });
  EXPECT_NE(m.find("unknown indicator code 'mediation.sucess_rate' (did you mean 'mediation.success_rate'"),
            std::string::npos)
      << m;
}

TEST_F(DidYouMean, ACodeValueNamesTheNearestCodeOrLabel) {
  const std::string m = message_of([&] {
    db_->put("mediation_committee", {{"key", "mc"}, {"unit", "v1"}, {"name", "一村人民调解委员会"}});
    db_->put("mediation_case",
             {{"key", "m1"}, {"committee", "mc"}, {"received", "2022-03-01"}, {"category", "labor"}});
  });
  EXPECT_EQ(m.substr(0, 9), "category:") << m;
  EXPECT_NE(m.find("(did you mean 'labour'?)"), std::string::npos) << m;
}

TEST_F(DidYouMean, AnUnknownUnitKeyNamesTheNearestUnitsByKeyOrName) {
  EXPECT_EQ(message_of([&] { db_->get("org_unit", "tean"); }),
            "no org_unit with key 'tean' (did you mean 'team'?)");
  EXPECT_EQ(message_of([&] { db_->get("org_unit", "v3"); }), "no org_unit with key 'v3'");
  EXPECT_EQ(message_of([&] { db_->get("org_unit", "城管执法"); }),
            "no org_unit with key '城管执法' (did you mean 'team'?)");
  EXPECT_EQ(message_of([&] { db_->findings({{"unit", "zon"}}); }),
            "unit: no org_unit with key 'zon' (did you mean 'zone'?)");
}

TEST_F(DidYouMean, AnImportOfManyUnknownKeysSuggestsForTheFirstTwentyOnly) {
  std::string lines;
  for (int i = 0; i < 30; ++i)
    lines += "{\"record\":\"petition\",\"key\":\"p" + std::to_string(i) +
             "\",\"unit\":\"tean\",\"received\":\"2022-05-01\"}\n";
  const ImportSummary s = db_->import_ndjson(lines, {});
  ASSERT_EQ(s.rejected, 30);
  ASSERT_EQ(s.errors.size(), 30u);
  int hinted = 0;
  for (const auto& e : s.errors) hinted += e.message.find("did you mean 'team'") != std::string::npos;
  EXPECT_EQ(hinted, 20);
}

}  // namespace
}  // namespace fazhi
