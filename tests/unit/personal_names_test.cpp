// personal_names_test.cpp — no personal name reaches a document for readers
// outside the office. The test walks every kind the registry holds, makes a
// record of it with a distinctive name in every field declared personal(),
// mentions each name in a narrative too, and checks the annual report (every
// format), the full-process record document of every record and a masked
// export: none holds a name, while the database (an unmasked export) holds
// them all. A new kind with a personal field is covered without a new test.

#include "test_support.hpp"

#include "domain/kind.hpp"

#include <fazhi/database.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace fazhi {
namespace {

using domain::Field;
using domain::FieldType;
using domain::Kind;
using json = nlohmann::json;
using testing_support::TempDir;

// Names no ordinary text contains, with compound surnames so that the masked
// forms (上官某某) are told from the names.
const std::vector<std::string> kNames = {"上官测甲", "司马测乙", "欧阳测丙", "诸葛测丁", "东方测戊",
                                         "皇甫测己", "尉迟测庚", "公孙测辛", "慕容测壬", "令狐测癸"};

class PersonalNames : public ::testing::Test {
 protected:
  void SetUp() override {
    OpenOptions o;
    o.mode = Mode::historical;  // the generic records need not meet every rule
    db_ = Database::open(dir_.file("names.db"), o);
    for (const Kind* k : domain::kinds_in_dependency_order()) make(*k);
    for (const std::string& name : used_)
      db_->put("narrative", {{"unit", made_.at("org_unit")},
                             {"year", 2022},
                             {"section", "measures"},
                             {"body", "本年度" + name + "同志参与了调解和普法工作。"}});
  }

  // A value for a field that is not a name: the plainest one of its type.
  json plain(const Field& f) {
    switch (f.type) {
      case FieldType::date: return "2022-03-01";
      case FieldType::integer: return f.name.find("year") != std::string::npos ? 2022 : 1;
      case FieldType::number: return 1.0;
      case FieldType::boolean: return false;
      case FieldType::money: return "1";
      case FieldType::code: return f.codes.front().code;
      case FieldType::object: return json::object();
      case FieldType::text_list:
      case FieldType::ref_list:
      case FieldType::object_list: return json::array();
      default: return "文本";
    }
  }

  json name_value(const Field& f) {
    const std::string& name = kNames.at(used_.size());
    used_.push_back(name);
    if (f.type == FieldType::text_list) return json::array({name});
    if (f.type == FieldType::object_list)
      return json::array({{{"name", name}, {"role", "applicant"}, {"type", "person"}}});
    return name;
  }

  void make(const Kind& kind) {
    json r = {{"key", kind.name + "-x"}};
    for (const Field& f : kind.fields) {
      if (f.origin != domain::Origin::input) continue;
      if (f.holds_names == Field::Names::persons) {
        r[f.name] = name_value(f);
      } else if (f.type == FieldType::ref) {
        // Every reference that can be made is (a case names its committee).
        if (made_.count(f.ref_kind) && f.ref_kind != kind.name) r[f.name] = made_.at(f.ref_kind);
      } else if (f.required) {
        r[f.name] = plain(f);
      }
    }
    if (kind.name == "org_unit") r["kind"] = "village";
    // A coordination case names the lawsuit or the reconsideration it stems
    // from, not both: its source (litigation, the first code) keeps the lawsuit.
    if (kind.name == "coordination_case") r.erase("reconsideration");
    db_->put(kind.name, r);
    made_[kind.name] = kind.name + "-x";
  }

  std::string read(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  void expect_no_name(const std::string& text, const std::string& where) {
    for (const std::string& name : used_)
      EXPECT_EQ(text.find(name), std::string::npos) << where << " holds " << name;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::map<std::string, std::string> made_;  // kind -> key of its record
  std::vector<std::string> used_;            // the names put in, one per personal field
};

TEST_F(PersonalNames, EveryPersonalFieldOfEveryKindHoldsAName) {
  std::size_t personal_fields = 0;
  for (const Kind* k : domain::all_kinds())
    for (const Field& f : k->fields) personal_fields += f.holds_names == Field::Names::persons;
  EXPECT_GE(personal_fields, 5u);
  EXPECT_EQ(used_.size(), personal_fields);
  // The names are in the database: an unmasked export holds every one.
  db_->export_file(dir_.file("plain.ndjson"), nullptr);
  const std::string plain = read(dir_.file("plain.ndjson"));
  for (const std::string& name : used_) EXPECT_NE(plain.find(name), std::string::npos) << name;
}

TEST_F(PersonalNames, NoReportFormatHoldsAName) {
  for (const char* format : {"markdown", "html", "json"}) {
    const std::string report = db_->report(made_.at("org_unit"), 2022, format);
    expect_no_name(report, std::string("the ") + format + " report");
    EXPECT_NE(report.find("上官某某"), std::string::npos) << format << ": the narrative's name is masked";
  }
}

TEST_F(PersonalNames, NoFullProcessRecordDocumentHoldsAName) {
  for (const auto& [kind, key] : made_)
    expect_no_name(db_->history_text(kind, key, "markdown"), "the full-process record of " + kind);
}

TEST_F(PersonalNames, AMaskedExportHoldsNoNameAndStillImports) {
  db_->export_file(dir_.file("masked.ndjson"), {{"mask", true}});
  const std::string masked = read(dir_.file("masked.ndjson"));
  expect_no_name(masked, "the masked export");
  EXPECT_NE(masked.find("上官某某"), std::string::npos);
  OpenOptions o;
  o.mode = Mode::historical;
  auto copy = Database::open(dir_.file("copy.db"), o);
  const ImportSummary s = copy->import_ndjson(masked, {});
  EXPECT_EQ(s.rejected, 0u) << s.to_json().dump();
}

}  // namespace
}  // namespace fazhi
