// org_unit: the unit tree with one root, no cycles, subtree queries through
// the materialised path, requires_adviser defaults and active dates.
#include "test_support.hpp"

using fazhi::Database;
using fazhi::Error;
using fazhi::Status;
using json = nlohmann::json;

namespace {

using fazhi::testing_support::status_of;

std::vector<std::string> keys(const json& list) {
  std::vector<std::string> out;
  for (const json& item : list["items"]) out.push_back(item["key"]);
  return out;
}

class OrgUnit : public ::testing::Test {
 protected:
  void SetUp() override { fazhi::testing_support::put_sample_tree(*db_); }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(OrgUnit, GetReturnsTheStoredFieldsWithCodeAsKey) {
  json v1 = db_->get("org_unit", "v1");
  EXPECT_EQ(v1["key"], "v1");
  EXPECT_EQ(v1["code"], "v1");
  EXPECT_EQ(v1["name"], "一村");
  EXPECT_EQ(v1["kind"], "village");
  EXPECT_EQ(v1["parent"], "zone");
  EXPECT_EQ(v1["id"], 2);
  // A key is a key: "2" is not the unit whose id is 2.
  std::string message;
  EXPECT_EQ(status_of([&] { db_->get("org_unit", "2"); }, &message), Status::not_found);
  EXPECT_EQ(message, "no org_unit with key '2'");
  // The id is asked for explicitly.
  json by_id = db_->list("org_unit", {{"id", 2}});
  EXPECT_EQ(by_id["total"], 1);
  EXPECT_EQ(by_id["items"][0]["key"], "v1");
}

TEST_F(OrgUnit, RequiresAdviserDefaultsByKindAndCanBeOverridden) {
  EXPECT_TRUE(db_->get("org_unit", "zone")["requires_adviser"].get<bool>());
  EXPECT_TRUE(db_->get("org_unit", "v1")["requires_adviser"].get<bool>());
  EXPECT_TRUE(db_->get("org_unit", "c1")["requires_adviser"].get<bool>());
  EXPECT_FALSE(db_->get("org_unit", "team")["requires_adviser"].get<bool>());
  db_->put("org_unit", {{"code", "dept"}, {"name", "党政办"}, {"kind", "department"},
                        {"parent", "zone"}, {"requires_adviser", true}});
  EXPECT_TRUE(db_->get("org_unit", "dept")["requires_adviser"].get<bool>());
  db_->put("org_unit", {{"code", "v3"}, {"name", "三村"}, {"kind", "village"},
                        {"parent", "zone"}, {"requires_adviser", false}});
  EXPECT_FALSE(db_->get("org_unit", "v3")["requires_adviser"].get<bool>());
}

TEST_F(OrgUnit, SecondRootIsRefusedAsARule) {
  try {
    db_->put("org_unit", {{"code", "other"}, {"name", "另一个"}, {"kind", "government"}});
    FAIL() << "second root accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::rule);
    EXPECT_EQ(e.field(), "parent");
    EXPECT_NE(std::string(e.what()).find("zone"), std::string::npos);
  }
  EXPECT_EQ(db_->list("org_unit", nullptr)["total"], 5);
}

TEST_F(OrgUnit, RootMayBeUpdatedWithoutBecomingASecondRoot) {
  db_->put("org_unit", {{"code", "zone"}, {"name", "阳新经济开发区管委会"}, {"kind", "zone_committee"}});
  EXPECT_EQ(db_->get("org_unit", "zone")["name"], "阳新经济开发区管委会");
}

TEST_F(OrgUnit, CyclesAreRefused) {
  db_->put("org_unit", {{"code", "g1"}, {"name", "一组"}, {"kind", "other"}, {"parent", "v1"}});
  EXPECT_EQ(status_of([&] { db_->patch("org_unit", "v1", {{"parent", "g1"}}); }), Status::rule);
  EXPECT_EQ(status_of([&] { db_->patch("org_unit", "v1", {{"parent", "v1"}}); }), Status::rule);
  EXPECT_EQ(status_of([&] { db_->patch("org_unit", "zone", {{"parent", "g1"}}); }), Status::rule);
  EXPECT_EQ(db_->get("org_unit", "v1")["parent"], "zone");
}

TEST_F(OrgUnit, SubtreeListsTheUnitAndEverythingBelowIt) {
  db_->put("org_unit", {{"code", "g1"}, {"name", "一组"}, {"kind", "other"}, {"parent", "v1"}});
  db_->put("org_unit", {{"code", "g2"}, {"name", "二组"}, {"kind", "other"}, {"parent", "g1"}});
  EXPECT_EQ(keys(db_->list("org_unit", {{"unit", "v1"}, {"subtree", true}})),
            (std::vector<std::string>{"v1", "g1", "g2"}));
  EXPECT_EQ(keys(db_->list("org_unit", {{"unit", "v1"}})), (std::vector<std::string>{"v1"}));
  EXPECT_EQ(db_->list("org_unit", {{"unit", "zone"}, {"subtree", true}})["total"], 7);
  EXPECT_EQ(db_->list("org_unit", {{"unit", "v2"}, {"subtree", true}})["total"], 1);
}

TEST_F(OrgUnit, ReparentingMovesTheWholeSubtree) {
  db_->put("org_unit", {{"code", "g1"}, {"name", "一组"}, {"kind", "other"}, {"parent", "v1"}});
  db_->put("org_unit", {{"code", "g2"}, {"name", "二组"}, {"kind", "other"}, {"parent", "g1"}});
  db_->patch("org_unit", "g1", {{"parent", "v2"}});
  EXPECT_EQ(keys(db_->list("org_unit", {{"unit", "v1"}, {"subtree", true}})),
            (std::vector<std::string>{"v1"}));
  EXPECT_EQ(keys(db_->list("org_unit", {{"unit", "v2"}, {"subtree", true}})),
            (std::vector<std::string>{"v2", "g1", "g2"}));
}

TEST_F(OrgUnit, SubtreeRangeDoesNotLeakIntoSiblingsWithLongerIds) {
  // Unit ids 1 and 10..19 share a decimal prefix; paths must not confuse them.
  for (int i = 0; i < 12; ++i)
    db_->put("org_unit", {{"code", "x" + std::to_string(i)}, {"name", "x"}, {"kind", "other"},
                          {"parent", "zone"}});
  EXPECT_EQ(db_->list("org_unit", {{"unit", "v1"}, {"subtree", true}})["total"], 1);
}

TEST_F(OrgUnit, ListFiltersByFieldAndPages) {
  json villages = db_->list("org_unit", {{"where", {{"kind", "village"}}}});
  EXPECT_EQ(keys(villages), (std::vector<std::string>{"v1", "v2"}));
  json page = db_->list("org_unit", {{"limit", 2}, {"offset", 1}});
  EXPECT_EQ(page["total"], 5);
  EXPECT_EQ(keys(page), (std::vector<std::string>{"v1", "v2"}));
  json children = db_->list("org_unit", {{"where", {{"parent", "zone"}}}});
  EXPECT_EQ(children["total"], 4);
}

TEST_F(OrgUnit, ListRejectsUnknownQueryFieldsAndUnits) {
  EXPECT_EQ(status_of([&] { db_->list("org_unit", {{"bogus", 1}}); }), Status::argument);
  EXPECT_EQ(status_of([&] { db_->list("org_unit", {{"unit", "nowhere"}, {"subtree", true}}); }),
            Status::not_found);
  EXPECT_EQ(status_of([&] { db_->list("org_unit", {{"where", {{"nope", 1}}}}); }),
            Status::argument);
}

TEST_F(OrgUnit, ActiveToBeforeActiveFromIsRefusedNamingTheField) {
  try {
    db_->put("org_unit", {{"code", "v9"}, {"name", "九村"}, {"kind", "village"}, {"parent", "zone"},
                          {"active_from", "2020-01-01"}, {"active_to", "2019-12-31"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
    EXPECT_EQ(e.field(), "active_to");
  }
  db_->put("org_unit", {{"code", "v9"}, {"name", "九村"}, {"kind", "village"}, {"parent", "zone"},
                        {"active_from", "2020-01-01"}, {"active_to", "2022-06-30"}});
  EXPECT_EQ(db_->get("org_unit", "v9")["active_to"], "2022-06-30");
}

TEST_F(OrgUnit, BadFieldsAreArgumentErrorsNamingTheField) {
  auto field_of = [&](const json& rec) -> std::string {
    try {
      db_->put("org_unit", rec);
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), Status::argument) << e.what();
      return e.field();
    }
    return "(accepted)";
  };
  auto with = [](json rec, const std::pair<std::string, json>& kv) {
    rec[kv.first] = kv.second;
    return rec;
  };
  json base = {{"code", "n"}, {"name", "n"}, {"kind", "village"}, {"parent", "zone"}};
  EXPECT_EQ(field_of(with(base, {"kind", "city"})), "kind");
  EXPECT_EQ(field_of(with(base, {"name", 5})), "name");
  EXPECT_EQ(field_of(with(base, {"parent", "ghost"})), "parent");
  EXPECT_EQ(field_of(with(base, {"active_from", "2022-02-30"})), "active_from");
  EXPECT_EQ(field_of(with(base, {"requires_adviser", "yes"})), "requires_adviser");
  EXPECT_EQ(field_of(with(base, {"colour", "red"})), "colour");
  EXPECT_EQ(field_of(with(base, {"key", "other"})), "key");
  json no_name = base;
  no_name.erase("name");
  EXPECT_EQ(field_of(no_name), "name");
  EXPECT_EQ(db_->list("org_unit", nullptr)["total"], 5);
}

TEST_F(OrgUnit, KeyIsGeneratedWhenAbsent) {
  std::int64_t id = db_->put("org_unit", {{"name", "无编码"}, {"kind", "other"}, {"parent", "zone"}});
  EXPECT_EQ(db_->get("org_unit", "org_unit-" + std::to_string(id))["name"], "无编码");
}

TEST_F(OrgUnit, ExtIsKeptVerbatim) {
  json ext = {{"统一社会信用代码", "11420222MB1234567X"}, {"n", {1, 2}}};
  db_->patch("org_unit", "v1", {{"ext", ext}});
  EXPECT_EQ(db_->get("org_unit", "v1")["ext"], ext);
  db_->patch("org_unit", "v1", {{"ext", nullptr}});
  EXPECT_FALSE(db_->get("org_unit", "v1").contains("ext"));
}

TEST_F(OrgUnit, PatchCannotChangeTheKeyOrClearARequiredField) {
  EXPECT_EQ(status_of([&] { db_->patch("org_unit", "v1", {{"code", "v7"}}); }), Status::argument);
  EXPECT_EQ(status_of([&] { db_->patch("org_unit", "v1", {{"name", nullptr}}); }), Status::argument);
  EXPECT_EQ(status_of([&] { db_->patch("org_unit", "ghost", {{"name", "x"}}); }), Status::not_found);
}

TEST_F(OrgUnit, LabelsComeFromTheDeclaration) {
  EXPECT_EQ(db_->labels("org_unit.kind")["zone_committee"], "管委会");
  EXPECT_EQ(db_->labels("kinds")["org_unit"], "单位");
  EXPECT_EQ(db_->labels("codes")["org_unit.kind"]["village"], "村");
  EXPECT_EQ(db_->labels("org_unit")["parent"], "上级单位");
  EXPECT_EQ(status_of([&] { db_->labels("nothing"); }), Status::argument);
}

TEST_F(OrgUnit, UnknownKindAndActionAreArgumentErrors) {
  EXPECT_EQ(status_of([&] { db_->put("dragon", {{"name", "x"}}); }), Status::argument);
  EXPECT_EQ(status_of([&] { db_->act("org_unit", "v1", "close", json::object()); }),
            Status::argument);
}

}  // namespace
