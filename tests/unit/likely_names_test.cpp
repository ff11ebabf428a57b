// likely_personal_names: the names a report's text gives the way reports name
// people, and none of the ordinary words of a report.
#include "report/likely_names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using fazhi::report::likely_personal_names;

namespace {

std::vector<std::string> names_in(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& n : likely_personal_names(text)) out.push_back(n.name);
  return out;
}

}  // namespace

TEST(LikelyNames, FindsBothPetitionersOfTheSeedReportsParagraph) {
  // The 2022 report the project started from names two petitioners.
  const std::string seed =
      "特别是在党的二十大胜利召开期间，成功化解了胡开堂信访积案，多方联动积极帮助邢宏权推进涉法涉诉维权主张，"
      "帮其解决落实司法救助资金和追回执行款共100万元。";
  const auto found = likely_personal_names(seed);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].name, "胡开堂");
  EXPECT_EQ(found[1].name, "邢宏权");
  EXPECT_EQ(seed.substr(found[0].offset, found[0].name.size()), "胡开堂");
  EXPECT_EQ(found[1].context, "…多方联动积极帮助邢宏权推进涉法涉诉维权…");
}

TEST(LikelyNames, NamesAfterTheWordsThatIntroduceAPersonAndBeforeThoseThatFollowOne) {
  EXPECT_EQ(names_in("信访人张三反映宅基地问题。"), std::vector<std::string>({"张三"}));
  EXPECT_EQ(names_in("协助信访人邢宏权办理司法救助。"), std::vector<std::string>({"邢宏权"}));
  EXPECT_EQ(names_in("当事人欧阳明与对方达成调解协议。"), std::vector<std::string>({"欧阳明"}));
  EXPECT_EQ(names_in("感谢李建国同志的辛勤付出。"), std::vector<std::string>({"李建国"}));
  EXPECT_EQ(names_in("王小红等人多次上访。"), std::vector<std::string>({"王小红"}));
  EXPECT_EQ(names_in("办结赵某某一案和刘强一案。"), std::vector<std::string>({"刘强"}));
}

TEST(LikelyNames, MaskedNamesPlacesAndTheOrdinaryWordsOfAReportAreNotNames) {
  const char* clean[] = {
      "胡某某信访积案已化解，帮助邢某某推进维权。",
      "被告张家湾镇人民政府依法应诉，原告张家湾村村民委员会撤诉。",
      "群众安全感和满意度明显提升，群众代表参加了听证。",
      "当事人申请执行，申请人提出复议。",
      "全年受理信访事项120件，化解信访积案8件，重复信访下降。",
      "领导干部同志们高度重视，帮助解决群众诉求100余件。",
      "开展领导干部接访和下访，引导信访当事人进入诉讼。",
      "走访慰问困难群众，看望孤寡老人和留守儿童家属。",
      "居民委员会、村民小组和群众的合法权益得到保障。",
      "",
  };
  for (const char* text : clean) EXPECT_TRUE(names_in(text).empty()) << text;
}

TEST(LikelyNames, ReturnsAtMostTheLimitAndSkipsTextThatIsNotUtf8) {
  std::string many;
  for (int i = 0; i < 50; ++i) many += "信访人张三反映问题。";
  EXPECT_EQ(likely_personal_names(many, 7).size(), 7u);
  EXPECT_TRUE(likely_personal_names("信访人张三\xff").empty());
}
