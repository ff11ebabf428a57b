// code_labels_test.cpp — a closed set's value may be given by its Chinese
// label as well as its code: the code is what is stored and shown back, and
// a value that is neither is refused with every code and its label.
#include "test_support.hpp"

using fazhi::Database;
using fazhi::Status;
using fazhi::testing_support::put_sample_tree;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace {

class CodeLabels : public ::testing::Test {
 protected:
  void SetUp() override {
    put_sample_tree(*db_);
    db_->import_ndjson(
        "{\"record\":\"mediation_committee\",\"key\":\"mc1\",\"unit\":\"v1\",\"name\":\"一村调委会\","
        "\"established\":\"2015-01-01\"}\n",
        {});
  }
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(CodeLabels, ALabelStandsForItsCodeOnImportAndInActions) {
  const auto s = db_->import_ndjson(
      "{\"record\":\"mediation_case\",\"key\":\"k1\",\"committee\":\"mc1\",\"received\":\"2022-03-01\","
      "\"category\":\"劳动争议纠纷\"}\n"
      "{\"record\":\"mediation_case\",\"key\":\"k1\",\"action\":\"close\",\"date\":\"2022-03-05\","
      "\"outcome\":\"succeeded\",\"agreement\":\"书面协议\"}\n",
      {});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  const json k1 = db_->get("mediation_case", "k1");
  EXPECT_EQ(k1["category"], "labour");
  EXPECT_EQ(k1["agreement"], "written");
  // The same record given by code is unchanged: labels and codes are one value.
  const auto again = db_->import_ndjson(
      "{\"record\":\"mediation_case\",\"key\":\"k1\",\"committee\":\"mc1\",\"received\":\"2022-03-01\","
      "\"category\":\"labour\"}\n",
      {});
  EXPECT_EQ(again.unchanged, 1u) << again.to_json().dump();
}

TEST_F(CodeLabels, AValueThatIsNeitherIsRefusedWithTheCodesAndLabels) {
  std::string message;
  EXPECT_EQ(status_of([&] {
              db_->put("mediation_case", {{"key", "k2"}, {"committee", "mc1"}, {"received", "2022-03-01"},
                                          {"category", "劳动纠纷"}});
            },
                      &message),
            Status::argument);
  EXPECT_NE(message.find("category: '劳动纠纷' is neither a code nor a label of "), std::string::npos) << message;
  EXPECT_NE(message.find("labour (劳动争议纠纷)"), std::string::npos) << message;
  EXPECT_EQ(status_of([&] { db_->get("mediation_case", "k2"); }), Status::not_found);
}

// The "types" set tells a host holding text (a spreadsheet) which JSON type
// each field a put takes wants; fields set by actions or derived are not
// among them, as a put refuses them.
TEST_F(CodeLabels, TheTypesSetGivesEachInputFieldItsJsonType) {
  const json types = db_->labels("types");
  const json& mediation = types.at("mediation_case");
  EXPECT_EQ(mediation.at("received"), "date");
  EXPECT_EQ(mediation.at("category"), "code");
  EXPECT_EQ(mediation.at("committee"), "ref");
  EXPECT_EQ(mediation.at("amount_yuan"), "money");
  EXPECT_EQ(mediation.at("unnatural_death"), "boolean");
  EXPECT_EQ(mediation.at("parties"), "object_list");
  EXPECT_EQ(types.at("mediation_committee").at("members"), "integer");
  EXPECT_FALSE(mediation.contains("closed")) << "set by the close action";
  EXPECT_FALSE(mediation.contains("labour_deadline")) << "derived";
  EXPECT_EQ(types.size(), db_->labels("kinds").size());
}

}  // namespace
