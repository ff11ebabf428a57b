// record_store_test.cpp — the record store on its own (domain/record_store):
// put / patch / get / list / find for any declared kind, called the way
// Database calls them (a Context over a connection, inside a write
// transaction), without the Database around them. What is proved holds for
// every kind: the kinds used here are only vehicles (org_unit for a key
// alias, mediation_committee for a reference and a date).
#include "test_support.hpp"

#include "domain/kind.hpp"
#include "domain/record_store.hpp"
#include "store/journal.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"

#include <fazhi/calendar.hpp>

using fazhi::Error;
using fazhi::Status;
using fazhi::domain::kind_named;
using fazhi::domain::PutOutcome;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace fazhi::domain {
namespace {

class RecordStore : public ::testing::Test {
 protected:
  void SetUp() override {
    store::prepare_schema(conn_);
    conn_.exec("BEGIN IMMEDIATE");
    put("org_unit", {{"code", "zone"}, {"name", "开发区管委会"}, {"kind", "zone_committee"}});
    put("org_unit", {{"code", "v1"}, {"name", "一村"}, {"kind", "village"}, {"parent", "zone"}});
  }
  void TearDown() override { conn_.exec("ROLLBACK"); }

  Context context() {
    return Context{conn_, journal_, Calendar::builtin(), Mode::strict, "测试", make_resolver(conn_), {}, nullptr};
  }
  PutResult put(const std::string& kind, const json& record) {
    Context ctx = context();
    return put_record(ctx, kind_named(kind), record);
  }
  void patch(const std::string& kind, const std::string& key, const json& p) {
    Context ctx = context();
    patch_record(ctx, kind_named(kind), key, p);
  }
  json get(const std::string& kind, const std::string& key) {
    const Kind& k = kind_named(kind);
    return get_record(conn_, k, require_record(conn_, k, key));
  }
  std::int64_t entries() {
    auto q = conn_.statement("SELECT count(*) FROM journal");
    q->executeStep();
    return q->getColumn(0).getInt64();
  }
  std::int64_t rows(const std::string& table) {
    auto q = conn_.statement("SELECT count(*) FROM " + table);
    q->executeStep();
    return q->getColumn(0).getInt64();
  }

  store::Connection conn_{":memory:", {}};
  store::Journal journal_{conn_};
  const json committee_ = {{"key", "mc"}, {"unit", "v1"}, {"name", "一村人民调解委员会"},
                           {"established", "2015-01-01"}, {"members", 5}};
};

TEST_F(RecordStore, ANewKeyInsertsAndReturnsTheNewId) {
  PutResult r = put("mediation_committee", committee_);
  EXPECT_EQ(r.outcome, PutOutcome::inserted);
  EXPECT_EQ(find_record(conn_, kind_named("mediation_committee"), "mc"), r.id);
  EXPECT_EQ(entries(), 3);
}

TEST_F(RecordStore, TheSameRecordAgainIsUnchangedAndJournalsNothing) {
  const std::int64_t id = put("mediation_committee", committee_).id;
  PutResult again = put("mediation_committee", committee_);
  EXPECT_EQ(again.outcome, PutOutcome::unchanged);
  EXPECT_EQ(again.id, id);
  EXPECT_EQ(entries(), 3);
}

TEST_F(RecordStore, PutReplacesTheRecordAbsentFieldsBecomeEmpty) {
  put("mediation_committee", committee_);
  json fewer = committee_;
  fewer.erase("members");
  EXPECT_EQ(put("mediation_committee", fewer).outcome, PutOutcome::updated);
  EXPECT_FALSE(get("mediation_committee", "mc").contains("members"));
}

TEST_F(RecordStore, PatchKeepsAbsentFieldsAndNullClears) {
  put("mediation_committee", committee_);
  patch("mediation_committee", "mc", {{"members", 7}});
  EXPECT_EQ(get("mediation_committee", "mc")["members"], 7);
  EXPECT_EQ(get("mediation_committee", "mc")["established"], "2015-01-01");
  patch("mediation_committee", "mc", {{"established", nullptr}});
  EXPECT_FALSE(get("mediation_committee", "mc").contains("established"));
}

TEST_F(RecordStore, PatchOfARequiredFieldToNullIsRefusedNamingIt) {
  put("mediation_committee", committee_);
  try {
    patch("mediation_committee", "mc", {{"name", nullptr}});
    FAIL() << "a required field was cleared";
  } catch (const Error& caught) {
    EXPECT_EQ(caught.status(), Status::argument);
    EXPECT_EQ(caught.field(), "name");
  }
  EXPECT_EQ(get("mediation_committee", "mc")["name"], "一村人民调解委员会");
}

TEST_F(RecordStore, ARefusedPutWritesNoRowAndNoJournalEntry) {
  json bad = committee_;
  bad["unit"] = "nowhere";
  EXPECT_NE(status_of([&] { put("mediation_committee", bad); }), Status::ok);
  bad = committee_;
  bad["members"] = -1;
  EXPECT_EQ(status_of([&] { put("mediation_committee", bad); }), Status::argument);
  EXPECT_EQ(rows("mediation_committee"), 0);
  EXPECT_EQ(entries(), 2);
}

TEST_F(RecordStore, AKeyMadeOfDigitsIsAKeyNotAnId) {
  const std::int64_t mc = put("mediation_committee", committee_).id;
  json digits = committee_;
  digits["key"] = std::to_string(mc);
  digits["name"] = "另一个调委会";
  PutResult r = put("mediation_committee", digits);
  EXPECT_EQ(r.outcome, PutOutcome::inserted);
  EXPECT_NE(r.id, mc);
  EXPECT_EQ(get("mediation_committee", "mc")["name"], "一村人民调解委员会");
}

TEST_F(RecordStore, AnExplicitIdMustExistAndAgreeWithTheKey) {
  const std::int64_t mc = put("mediation_committee", committee_).id;
  json by_id = committee_;
  by_id.erase("key");
  by_id["id"] = mc;
  by_id["members"] = 9;
  EXPECT_EQ(put("mediation_committee", by_id).outcome, PutOutcome::updated);
  EXPECT_EQ(get("mediation_committee", "mc")["members"], 9);
  by_id["id"] = mc + 100;
  std::string message;
  EXPECT_EQ(status_of([&] { put("mediation_committee", by_id); }, &message), Status::argument);
  EXPECT_NE(message.find("no mediation_committee with id " + std::to_string(mc + 100)), std::string::npos)
      << message;
  json disagree = committee_;
  disagree["id"] = mc;
  disagree["key"] = "other";
  EXPECT_NE(status_of([&] { put("mediation_committee", disagree); }), Status::ok);
  EXPECT_EQ(rows("mediation_committee"), 1);
}

TEST_F(RecordStore, GetGivesTheInterchangeFormWithReferencesAsKeys) {
  put("mediation_committee", committee_);
  json r = get("mediation_committee", "mc");
  EXPECT_EQ(r["key"], "mc");
  EXPECT_EQ(r["unit"], "v1");
  EXPECT_TRUE(r["id"].is_number_integer());
  json unit = get("org_unit", "v1");
  EXPECT_EQ(unit["code"], "v1");  // the key alias
  EXPECT_EQ(unit["key"], "v1");
  EXPECT_EQ(unit["parent"], "zone");
}

TEST_F(RecordStore, ListPagesInTheKindsOrderAndCountsTheTotal) {
  for (int i = 1; i <= 5; ++i)
    put("org_unit", {{"code", "g" + std::to_string(i)}, {"name", "组" + std::to_string(i)},
                     {"kind", "other"}, {"parent", "v1"}});
  json page = list_records(conn_, kind_named("org_unit"), {{"limit", 2}, {"offset", 3}});
  EXPECT_EQ(page["total"], 7);
  ASSERT_EQ(page["items"].size(), 2u);
  EXPECT_EQ(page["items"][0]["code"], "g2");  // depth, id: zone, v1, g1, g2, ...
  EXPECT_EQ(page["items"][1]["code"], "g3");
}

TEST_F(RecordStore, AStoredDocumentNestedTooDeepIsDamageNotACrash) {
  // An ext edited behind fazhi's back to a hundred thousand levels: read
  // back unbounded, copying it would exhaust the stack.
  auto q = conn_.statement("UPDATE org_unit SET ext = ? WHERE key = 'v1'");
  q->bind(1, std::string(100000, '[') + std::string(100000, ']'));
  q->exec();
  EXPECT_EQ(status_of([&] { get("org_unit", "v1"); }), Status::corrupt);
  EXPECT_EQ(get("org_unit", "zone")["code"], "zone");
}

TEST_F(RecordStore, AMissingKeyIsNotFoundNamingKindAndKey) {
  std::string message;
  EXPECT_EQ(status_of([&] { require_record(conn_, kind_named("mediation_committee"), "nope"); }, &message),
            Status::not_found);
  EXPECT_NE(message.find("nope"), std::string::npos) << message;
  EXPECT_NE(message.find("mediation_committee"), std::string::npos) << message;
}

}  // namespace
}  // namespace fazhi::domain
