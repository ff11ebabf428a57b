// The annual report: Chinese number formats, name masking, the statutory
// structure, sections without data, gaps the data shows, no personal names in
// any format, identical output for identical records, and errors.
#include "report/annual_report.hpp"
#include "report/chinese_format.hpp"
#include "domain/name_mask.hpp"
#include "test_support.hpp"

#include <cmath>
#include <limits>

using fazhi::Database;
using fazhi::ImportOptions;
using fazhi::Mode;
using fazhi::Status;
using fazhi::domain::NameMask;
using fazhi::testing_support::status_of;
using json = nlohmann::json;

namespace {

TEST(ChineseFormat, RatesHaveOneDecimalRoundedHalfUpAndNoTrailingZero) {
  EXPECT_EQ(fazhi::report::percent(98.50746), "98.5%");
  EXPECT_EQ(fazhi::report::percent(98.45), "98.5%");
  EXPECT_EQ(fazhi::report::percent(98.44), "98.4%");
  EXPECT_EQ(fazhi::report::percent(100), "100%");
  EXPECT_EQ(fazhi::report::percent(0), "0%");
  EXPECT_EQ(fazhi::report::percent(std::numeric_limits<double>::quiet_NaN()), "无数据");
}

TEST(ChineseFormat, ARateIsHundredOrZeroPercentOnlyWhenItIsExactlyThat) {
  EXPECT_EQ(fazhi::report::percent(250132, 250134), "99.9992%");
  EXPECT_EQ(fazhi::report::percent(1, 250134), "0.0004%");
  EXPECT_EQ(fazhi::report::percent(132, 134), "98.5%");
  EXPECT_EQ(fazhi::report::percent(1, 1), "100%");
  EXPECT_EQ(fazhi::report::percent(0, 5), "0%");
  EXPECT_EQ(fazhi::report::percent(0, 0), "无数据");
  // A value alone (a custom ratio indicator) follows the same rule.
  EXPECT_EQ(fazhi::report::percent(99.9992), "99.9992%");
  EXPECT_EQ(fazhi::report::percent(0.0004), "0.0004%");
  fazhi::IndicatorValue iv;
  iv.measure = "ratio";
  iv.numerator = 250132;
  iv.denominator = 250134;
  iv.value = iv.numerator / iv.denominator * 100;
  EXPECT_EQ(fazhi::report::indicator_value(iv), "99.9992%");
  iv.no_data = true;
  EXPECT_EQ(fazhi::report::indicator_value(iv), "无数据");
}

TEST(ChineseFormat, YuanIsWrittenInWanWhenThatIsExact) {
  EXPECT_EQ(fazhi::report::yuan(1000000), "100万元");
  EXPECT_EQ(fazhi::report::yuan(8387000), "838.7万元");
  EXPECT_EQ(fazhi::report::yuan(500000), "50万元");
  EXPECT_EQ(fazhi::report::yuan(12345.67), "12345.67元");
  EXPECT_EQ(fazhi::report::yuan(3500), "3500元");
  EXPECT_EQ(fazhi::report::yuan(0), "0元");
}

TEST(ChineseFormat, DatesAndNumeralsAsOfficialsWriteThem) {
  EXPECT_EQ(fazhi::report::chinese_date("2023-03-02"), "2023年3月2日");
  EXPECT_EQ(fazhi::report::chinese_date("2022-12-31"), "2022年12月31日");
  EXPECT_EQ(fazhi::report::chinese_date("not a date"), "not a date");
  EXPECT_EQ(fazhi::report::chinese_numeral(1), "一");
  EXPECT_EQ(fazhi::report::chinese_numeral(10), "十");
  EXPECT_EQ(fazhi::report::chinese_numeral(12), "十二");
  EXPECT_EQ(fazhi::report::chinese_numeral(20), "二十");
  EXPECT_EQ(fazhi::report::chinese_numeral(23), "二十三");
}

TEST(NameMasking, NamesBecomeSurnameAndMouMou) {
  NameMask mask({"胡开堂", "欧阳明", "张三", "张三丰", "王"});
  EXPECT_EQ(mask.apply("胡开堂反映的问题已由欧阳明协调解决。"), "胡某某反映的问题已由欧阳某某协调解决。");
  // The longest held name wins; a one-character "name" masks nothing.
  EXPECT_EQ(mask.apply("张三丰和张三来访，王书记接待。"), "张某某和张某某来访，王书记接待。");
  EXPECT_EQ(mask.apply("胡开堂胡开堂"), "胡某某胡某某");
  EXPECT_EQ(mask.apply("没有人名的句子。"), "没有人名的句子。");
  EXPECT_EQ(NameMask::masked("司马光"), "司马某某");
  EXPECT_EQ(NameMask::masked("李四"), "李某某");
}

// Masking touches people only: a person's name inside an organisation's name
// is part of that name (issue 19).
TEST(NameMasking, OrganisationNamesAreKeptAndNamesOnTheirOwnAreMasked) {
  NameMask mask({"张三", "王五"}, {"张三村村民委员会", "三村"});
  EXPECT_EQ(mask.apply("张三村村民委员会接待了张三。"), "张三村村民委员会接待了张某某。");
  // An organisation's name starting inside a person's name keeps it too.
  EXPECT_EQ(mask.apply("张三村民小组"), "张三村民小组");
  EXPECT_EQ(mask.apply("王五、张三和张三村村民委员会"), "王某某、张某某和张三村村民委员会");
  // A name held both as a person's and as an organisation's is masked.
  NameMask both({"李四"}, {"李四"});
  EXPECT_EQ(both.apply("李四来访。"), "李某某来访。");
}

// A zone with villages v1, v2, c1: an adviser for the zone and v1 only, one
// mediation case with a named party, a petition with a named petitioner, a
// 法律明白人, narratives that mention the two, and a decision discussed
// without a legality review (stored in historical mode as an error finding).
class AnnualReport : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    ImportOptions historical;
    historical.mode = Mode::historical;
    auto s = db_->import_ndjson(R"(
{"record":"adviser","key":"a1","name":"甲律师","type":"lawyer"}
{"record":"adviser_engagement","key":"e1","adviser":"a1","unit":"zone","start":"2022-01-01"}
{"record":"adviser_engagement","key":"e2","adviser":"a1","unit":"v1","start":"2022-01-01"}
{"record":"mediation_committee","key":"mc1","unit":"v1","name":"一村人民调解委员会","established":"2015-01-01"}
{"record":"mediation_case","key":"k1","committee":"mc1","received":"2022-03-01","category":"neighbourhood","parties":[{"name":"胡开堂","role":"applicant","type":"person"},{"name":"某建筑公司","role":"respondent","type":"organisation"}]}
{"record":"mediation_case","key":"k1","action":"close","date":"2022-03-05","outcome":"succeeded","agreement":"written"}
{"record":"petition","key":"p1","unit":"v2","received":"2022-04-01","channel":"visit","petitioners":["李四海"],"subject":"宅基地纠纷"}
{"record":"legal_literate","key":"l1","unit":"v1","name":"丙明白","trained":"2022-03-01"}
{"record":"narrative","key":"n1","unit":"zone","year":2022,"section":"preamble","body":"2022年开发区依法行政工作报告如下。","order":1}
{"record":"narrative","key":"n2","unit":"zone","year":2022,"section":"measures","heading":"化解信访积案","body":"胡开堂、李四海反映的问题已妥善化解，丙明白参与了调解。<b>","order":1}
{"record":"narrative","key":"n3","unit":"zone","year":2022,"section":"plans","heading":"明年安排","body":"继续推进。","order":1}
{"record":"narrative","key":"n4","unit":"zone","year":2021,"section":"plans","heading":"前年安排","body":"不属于本年度。","order":1}
{"record":"decision","key":"d1","unit":"zone","title":"园区道路改造方案"}
{"record":"decision","key":"d1","action":"collective_discussion","date":"2022-05-01","meeting":"director_office_meeting","outcome":"adopted"}
)",
                                historical);
    ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  }

  std::string report(const std::string& format, const std::string& unit = "zone", int year = 2022) {
    return db_->report(unit, year, format);
  }

  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(AnnualReport, MarkdownFollowsTheStatutoryStructure) {
  const std::string md = report("markdown");
  const char* in_order[] = {"# 开发区管委会2022年法治政府建设年度报告",
                            "2022年开发区依法行政工作报告如下。",
                            "## 一、推进法治政府建设的主要举措和成效",
                            "### （一）依法决策",
                            "### （二）法律顾问",
                            "### （三）行政执法",
                            "### （四）矛盾纠纷化解",
                            "### （五）学法用法与普法",
                            "### （六）行政复议与诉讼",
                            "### （七）化解信访积案",
                            "## 二、推进法治政府建设中存在的不足和原因",
                            "## 三、党政主要负责人履行推进法治建设第一责任人职责情况",
                            "## 四、下一年度推进法治政府建设的主要安排",
                            "### （一）明年安排",
                            "## 附：主要指标"};
  std::size_t at = 0;
  for (const char* part : in_order) {
    std::size_t found = md.find(part, at);
    ASSERT_NE(found, std::string::npos) << "missing or out of order: " << part << "\n" << md;
    at = found;
  }
  // No "other" narratives: no 五; another year's narrative is not used.
  EXPECT_EQ(md.find("五、其他需要报告的情况"), std::string::npos);
  EXPECT_EQ(md.find("不属于本年度"), std::string::npos);
}

TEST_F(AnnualReport, SentencesStateTheCountsBesideTheRates) {
  const std::string md = report("markdown");
  EXPECT_NE(md.find("全年受理矛盾纠纷1起，调结1起，其中调解成功1起，调解成功率100%"), std::string::npos) << md;
  EXPECT_NE(md.find("需配备法律顾问的4个单位中，2个已聘请法律顾问，覆盖率50%；尚未聘请法律顾问的单位：一社区、二村。"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("全年经集体讨论决定重大行政决策1项；经合法性审查后提交讨论0项，合法性审查率0%"),
            std::string::npos)
      << md;
}

TEST_F(AnnualReport, SectionsWithoutDataSaySoInOneLineAndNoDataIsNeverZeroPercent) {
  const std::string md = report("markdown");
  EXPECT_NE(md.find("全年未制定规范性文件。"), std::string::npos);
  EXPECT_NE(md.find("本年度无行政执法工作的记录。"), std::string::npos);
  EXPECT_NE(md.find("全年未发生行政诉讼和行政复议案件。"), std::string::npos);
  EXPECT_NE(md.find("本年度无第一责任人履职活动的记录。"), std::string::npos);
  EXPECT_NE(md.find("| 规范性文件合法性审核率 | normative.review_rate | 0 | 0 | 无数据 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 执法全过程记录率 | enforcement.recording_rate | 0 | 0 | 无数据 |"), std::string::npos);
}

TEST_F(AnnualReport, ShortcomingsListTheGapsTheDataShows) {
  const std::string md = report("markdown");
  const std::size_t section = md.find("## 二、");
  const std::size_t next = md.find("## 三、");
  ASSERT_NE(section, std::string::npos);
  const std::string gaps = md.substr(section, next - section);
  EXPECT_NE(gaps.find("- 法律顾问覆盖率为50%（2/4），未达到100%，尚未聘请法律顾问的单位：一社区、二村。"),
            std::string::npos)
      << gaps;
  EXPECT_NE(gaps.find("- 重大行政决策合法性审查率为0%（0/1），未达到100%。"), std::string::npos) << gaps;
  EXPECT_NE(gaps.find("违反法定程序的问题1个："), std::string::npos) << gaps;
  EXPECT_NE(gaps.find("重大行政决策程序暂行条例"), std::string::npos) << gaps;
}

TEST_F(AnnualReport, NoPersonalNameReachesAnyFormat) {
  for (const char* format : {"markdown", "html", "json"}) {
    const std::string text = report(format);
    for (const char* name : {"胡开堂", "李四海", "丙明白"})
      EXPECT_EQ(text.find(name), std::string::npos) << format << " prints " << name;
    EXPECT_NE(text.find("胡某某、李某某反映的问题已妥善化解，丙某某参与了调解。"), std::string::npos)
        << format;
  }
}

// The same records, exported and imported into another database (other
// journal times, rows written in another order), give the same bytes.
TEST_F(AnnualReport, TheSameRecordsGiveTheSameBytes) {
  fazhi::testing_support::TempDir dir;
  const std::string file = dir.file("records.ndjson");
  db_->export_file(file, nullptr);
  auto copy = Database::open(":memory:");
  ImportOptions historical;
  historical.mode = Mode::historical;
  ASSERT_EQ(copy->import_file(file, historical).rejected, 0u);
  for (const char* format : {"markdown", "html", "json"})
    EXPECT_EQ(copy->report("zone", 2022, format), report(format)) << format;
}

TEST_F(AnnualReport, HtmlIsSelfContainedEscapedAndHasTheThreeCharts) {
  const std::string html = report("html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("参与了调解。&lt;b&gt;"), std::string::npos);  // narrative text is escaped
  EXPECT_NE(html.find("<title>矛盾纠纷按类别（受理数）</title>"), std::string::npos);
  EXPECT_NE(html.find("<title>矛盾纠纷按月份（受理数）</title>"), std::string::npos);
  EXPECT_NE(html.find("<title>主要指标</title>"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

// The HTML with each chart's SVG replaced by "[chart: <title>]", so that its
// layout can be compared whole.
std::string charts_as_titles(std::string html) {
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at)) {
    const std::size_t end = html.find("</svg>\n", at);
    const std::size_t title = html.find("<title>", at);
    const std::string name = html.substr(title + 7, html.find("</title>", title) - title - 7);
    html.replace(at, end + 7 - at, "[chart: " + name + "]\n");
  }
  return html;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Printed on A4 with the margins of GB/T 9704 and page numbers, no heading
// can end a page (each is marked to keep with what follows, and is grouped
// with it), and the mediation charts stand right under the mediation
// paragraphs of item （四）, before its petition paragraph and before item
// （五）; the rates chart heads the indicator table.
TEST_F(AnnualReport, HtmlPrintsOnA4WithEachChartUnderItsItem) {
  const std::string html = charts_as_titles(report("html"));
  EXPECT_NE(html.find("@page { size: A4; margin: 37mm 26mm 35mm 28mm;\n"
                      "        @bottom-center { content: \"— \" counter(page) \" —\";"),
            std::string::npos);
  EXPECT_NE(html.find("\n.keep-with-next { break-after: avoid; page-break-after: avoid; }\n"), std::string::npos);
  EXPECT_NE(html.find("\n.keep-together, figure.chart-figure, tr { break-inside: avoid; page-break-inside: avoid; }\n"),
            std::string::npos);

  // Every heading carries the class, and every group holds headings and then
  // exactly one block.
  EXPECT_EQ(occurrences(html, "<h1") + occurrences(html, "<h2") + occurrences(html, "<h3"),
            occurrences(html, " class=\"keep-with-next\">"));
  EXPECT_EQ(occurrences(html, "<h2 class=\"keep-with-next\">"), 5u);  // 一 to 四, 附
  const std::string group = "<div class=\"keep-together\">\n";
  std::size_t groups = 0;
  for (std::size_t at = html.find(group); at != std::string::npos; at = html.find(group, at + 1)) {
    ++groups;
    std::size_t i = at + group.size();
    ASSERT_EQ(html.compare(i, 3, "<h1") == 0 || html.compare(i, 3, "<h2") == 0 || html.compare(i, 3, "<h3") == 0,
              true)
        << html.substr(at, 200);
    while (html.compare(i, 2, "<h") == 0) i = html.find("\n", i) + 1;
    const std::size_t close = html.find("</div>\n", i);
    ASSERT_NE(close, std::string::npos);
    const std::string block = html.substr(i, close - i);
    EXPECT_EQ(block.find("<h"), std::string::npos) << block;
    EXPECT_TRUE(block.rfind("<p>", 0) == 0 || block.rfind("<figure", 0) == 0 || block.rfind("<ul>", 0) == 0 ||
                block.rfind("<table>", 0) == 0)
        << block;
  }
  // ...and every heading followed by a block ends a group: none is outside one.
  std::size_t last_headings = 0;
  for (const char* close : {"</h1>\n", "</h2>\n", "</h3>\n"})
    for (std::size_t at = html.find(close); at != std::string::npos; at = html.find(close, at + 1))
      if (html.compare(at + 6, 2, "<h") != 0) ++last_headings;
  EXPECT_EQ(groups, last_headings);

  const json model = json::parse(report("json"));
  const json& disputes = model["sections"][0]["items"][3];
  ASSERT_EQ(disputes["heading"], "矛盾纠纷化解");
  ASSERT_EQ(disputes["paragraphs"].size(), 3u);
  EXPECT_EQ(disputes["charts"], json::parse(R"([{"chart": "mediation_by_category", "after_paragraph": 1},
                                                {"chart": "mediation_by_month", "after_paragraph": 1}])"));
  const std::string p0 = disputes["paragraphs"][0], p1 = disputes["paragraphs"][1], p2 = disputes["paragraphs"][2];
  ASSERT_EQ(p2.rfind("受理信访事项", 0), 0u) << p2;
  const std::string item4 = group + "<h3 class=\"keep-with-next\">（四）矛盾纠纷化解</h3>\n";
  const std::string item5 = group + "<h3 class=\"keep-with-next\">（五）";
  const std::size_t from = html.find(item4), to = html.find(item5);
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  EXPECT_EQ(html.substr(from, to - from),
            item4 + "<p>" + p0 + "</p>\n</div>\n<p>" + p1 +
                "</p>\n<figure class=\"chart-figure\">\n[chart: 矛盾纠纷按类别（受理数）]\n</figure>\n"
                "<figure class=\"chart-figure\">\n[chart: 矛盾纠纷按月份（受理数）]\n</figure>\n<p>" +
                p2 + "</p>\n");
  EXPECT_EQ(occurrences(html, "[chart: "), 3u);
  EXPECT_NE(html.find(group + "<h2 class=\"keep-with-next\">附：主要指标</h2>\n<figure class=\"chart-figure\">\n"
                              "[chart: 主要指标]\n</figure>\n</div>\n<table>\n"),
            std::string::npos);
}

TEST_F(AnnualReport, JsonCarriesEveryFigure) {
  const json r = json::parse(report("json"));
  EXPECT_EQ(r["title"], "开发区管委会2022年法治政府建设年度报告");
  EXPECT_EQ(r["year"], 2022);
  ASSERT_EQ(r["sections"].size(), 4u);
  EXPECT_EQ(r["sections"][3]["number"], "四");
  std::map<std::string, json> by_code;
  for (const json& i : r["indicators"]) by_code[i["code"]] = i;
  EXPECT_EQ(by_code.at("mediation.success_rate")["value"], 100.0);
  EXPECT_EQ(by_code.at("adviser.coverage")["numerator"], 2.0);
  EXPECT_EQ(by_code.at("adviser.coverage")["denominator"], 4.0);
  EXPECT_TRUE(by_code.at("normative.review_rate")["value"].is_null());
  EXPECT_EQ(by_code.at("normative.review_rate")["status"], "no_data");
  const json months = r["charts"]["mediation_by_month"];
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months[2], 1.0);  // March
  EXPECT_EQ(months[3], 0.0);
  ASSERT_EQ(r["charts"]["mediation_by_category"].size(), 1u);
  EXPECT_EQ(r["charts"]["mediation_by_category"][0]["label"], "邻里纠纷");
}

// 250132 of 250134 officials studied: 99.9992%, which must not read as 100%;
// 1 of 250134 passed the exam: 0.0004%, not 0%.
TEST_F(AnnualReport, ANearlyFullOrNearlyEmptyRateIsNeverWrittenAsHundredOrZero) {
  auto s = db_->import_ndjson(R"(
{"record":"training_campaign","key":"t1","unit":"zone","title":"无纸化学法","kind":"online_learning","audience":"officials","start":"2022-01-04","end":"2022-12-30","expected":250134,"attended":250132}
{"record":"training_campaign","key":"t2","unit":"zone","title":"学法考试","kind":"exam","audience":"officials","start":"2022-11-20","end":"2022-11-20","expected":250134,"exam_taken":250134,"exam_passed":1,"exam_excellent":0}
)",
                              ImportOptions{});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  const std::string md = report("markdown");
  EXPECT_NE(md.find("干部学法用法：应参学250134人次，参学250132人次，参学率99.9992%，参考率100%，"
                    "考试合格率0.0004%，优秀率0%。"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| 参学率 | training.participation_rate | 250132 | 250134 | 99.9992% |"), std::string::npos);
  EXPECT_NE(md.find("| 考试合格率 | training.exam_pass_rate | 1 | 250134 | 0.0004% |"), std::string::npos);
  EXPECT_EQ(md.find("参学率100%"), std::string::npos);
  EXPECT_EQ(md.find("考试合格率0%"), std::string::npos);

  const std::string html = report("html");
  EXPECT_NE(html.find("<td class=\"n\">99.9992%</td>"), std::string::npos);  // the table
  EXPECT_NE(html.find(">99.9992%</text>"), std::string::npos) << html;    // the chart's label

  const json r = json::parse(report("json"));
  bool charted = false;
  for (const json& rate : r["charts"]["rates"]) {
    if (rate["code"] != "training.participation_rate") continue;
    charted = true;
    EXPECT_EQ(rate["text"], "99.9992%");
    EXPECT_EQ(rate["numerator"], 250132.0);
    EXPECT_EQ(rate["denominator"], 250134.0);
  }
  EXPECT_TRUE(charted);
}

TEST_F(AnnualReport, AUnitBelowTheRootReportsItsOwnSubtree) {
  const std::string md = report("markdown", "v2");
  EXPECT_NE(md.find("# 二村2022年法治政府建设年度报告"), std::string::npos);
  EXPECT_NE(md.find("受理信访事项1件"), std::string::npos) << md;
  EXPECT_EQ(md.find("全年受理矛盾纠纷"), std::string::npos);  // the case is in v1
  // v2 has no narratives: the preamble is one factual line.
  EXPECT_NE(md.find("现将二村2022年法治政府建设情况报告如下。"), std::string::npos);
}

// A unit named after a person (张三村村民委员会) keeps its name in every part of
// the report; the person 张三 is still masked where the name stands alone.
TEST(AnnualReportMasking, UnitAndOrganisationNamesAreNeverMasked) {
  auto db = Database::open(":memory:");
  auto s = db->import_ndjson(R"(
{"record":"org_unit","code":"zone","name":"开发区管委会","kind":"zone_committee"}
{"record":"org_unit","code":"zs","name":"张三村村民委员会","kind":"village","parent":"zone"}
{"record":"mediation_committee","key":"mc","unit":"zs","name":"张三村人民调解委员会","established":"2015-01-01"}
{"record":"mediation_case","key":"k1","committee":"mc","received":"2022-03-01","category":"neighbourhood","parties":[{"name":"张三","role":"applicant","type":"person"},{"name":"张三建材公司","role":"respondent","type":"organisation"}]}
{"record":"petition","key":"p1","unit":"zs","received":"2022-04-01","channel":"visit","petitioners":["张三"],"subject":"宅基地纠纷"}
{"record":"narrative","key":"n1","unit":"zone","year":2022,"section":"measures","heading":"张三村村民委员会","body":"张三村村民委员会、张三村人民调解委员会接待了张三，张三建材公司与张三达成协议。","order":1}
)",
                             {});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  for (const char* format : {"markdown", "json"}) {
    const std::string text = db->report("zone", 2022, format);
    EXPECT_NE(text.find("张三村村民委员会、张三村人民调解委员会接待了张某某，张三建材公司与张某某达成协议。"),
              std::string::npos)
        << format << "\n" << text;
    // The unit without an adviser is named as it is.
    EXPECT_NE(text.find("尚未聘请法律顾问的单位：开发区管委会、张三村村民委员会"), std::string::npos)
        << format << "\n" << text;
    EXPECT_EQ(text.find("张某某村"), std::string::npos) << format << "\n" << text;
  }
}

TEST_F(AnnualReport, BadRequestsAreRefusedByName) {
  std::string message;
  EXPECT_EQ(status_of([&] { report("markdown", "nowhere"); }, &message), Status::not_found);
  EXPECT_NE(message.find("nowhere"), std::string::npos);
  EXPECT_EQ(status_of([&] { report("pdf"); }, &message), Status::argument);
  EXPECT_NE(message.find("format"), std::string::npos);
  EXPECT_EQ(status_of([&] { db_->report("zone", 2022, "markdown", {{"colour", 1}}); }, &message),
            Status::argument);
  EXPECT_NE(message.find("colour"), std::string::npos);
  EXPECT_EQ(status_of([&] { report("markdown", "zone", 12); }, &message), Status::argument);
  EXPECT_NE(message.find("year"), std::string::npos);
}

}  // namespace

// The filing review, clean-ups and dispute coordination in the report's
// words, each count beside its rate: 2 documents published and filed, one
// found nonconforming and repealed; a clean-up of 6 (3 kept, 2 declared
// invalid, 1 undecided); 3 disputes of which 2 concluded (1 resolved, 1
// lost: 50%), 1 meeting with 2 agencies.
TEST(AnnualReportFilingAndCoordination, StatesTheVerdictsTheCleanUpAndTheDisputesWithTheirCounts) {
  auto db = Database::open(":memory:");
  fazhi::testing_support::put_sample_tree(*db);
  const auto s = db->import_ndjson(R"(
{"record":"normative_document","key":"n1","unit":"zone","title":"文件一","published":"2022-03-10","filed":"2022-03-25","legality_review":{"completed":"2022-03-01","result":"lawful"}}
{"record":"normative_document","key":"n2","unit":"zone","title":"文件二","published":"2022-06-10","filed":"2022-06-24","legality_review":{"completed":"2022-06-01","result":"lawful"}}
{"record":"normative_document","key":"n1","action":"filing_review","date":"2022-04-15","verdict":"conforming"}
{"record":"normative_document","key":"n2","action":"filing_review","date":"2022-07-15","verdict":"nonconforming"}
{"record":"normative_document","key":"n2","action":"correct","date":"2022-08-01","how":"repealed"}
{"record":"normative_cleanup","key":"c1","unit":"zone","date":"2022-11-01","scope":"comprehensive","title":"全面清理","reviewed":6,"kept":3,"declared_invalid":2}
{"record":"coordination_case","key":"d1","unit":"zone","received":"2022-02-01","source":"petition","agencies":["team"]}
{"record":"coordination_case","key":"d2","unit":"v1","received":"2022-03-01","source":"other","agencies":["team","c1"]}
{"record":"coordination_case","key":"d3","unit":"zone","received":"2022-12-01","source":"petition"}
{"record":"coordination_case","key":"d1","action":"conclude","date":"2022-04-01","outcome":"resolved"}
{"record":"coordination_case","key":"d2","action":"conclude","date":"2022-05-01","outcome":"lost"}
{"record":"coordination_meeting","key":"m1","unit":"zone","date":"2022-03-15","cases":["d2"],"agencies":["team"]}
)",
                                   {});
  ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  const std::string md = db->report("zone", 2022, "markdown");
  for (const char* line :
       {"制定发布规范性文件2件；经合法性审核2件，审核率100%；报送备案2件，报备率100%，其中按时报送备案2件，按时备案率100%。",
        "规范性文件经备案审查2件，符合规定1件，合格率50%，经备案审查后纠正1件。",
        "开展规范性文件清理1次，清理文件6件，其中保留3件、宣布失效2件。",
        "受理行政争议协调化解案件3件，办结2件，实质化解或补救后胜诉1件，化解率50%；召开行政争议协调化解会议1次；"
        "2个单位参与协调化解。"})
    EXPECT_NE(md.find(line), std::string::npos) << line << "\n" << md;
}

// Without coordination records the item says nothing of coordination, and
// a case received but not concluded gives counts without a rate (the
// indicator table of the appendix lists every indicator, so only the body
// before it is read).
TEST(AnnualReportFilingAndCoordination, NoRateIsWrittenForDisputesNotYetConcluded) {
  auto db = Database::open(":memory:");
  fazhi::testing_support::put_sample_tree(*db);
  const auto body = [&] {
    const std::string md = db->report("zone", 2022, "markdown");
    return md.substr(0, md.find("## 附：主要指标"));
  };
  EXPECT_EQ(body().find("协调化解"), std::string::npos) << body();
  db->import_ndjson(
      R"({"record":"coordination_case","key":"d1","unit":"zone","received":"2022-02-01","source":"petition"})", {});
  const std::string md = body();
  EXPECT_NE(md.find("受理行政争议协调化解案件1件，办结0件。"), std::string::npos) << md;
  EXPECT_EQ(md.find("化解率"), std::string::npos) << md;
}

namespace {

// A year after the current one (Beijing time) is refused by name unless
// asked for: its report would state empty figures as the year's.
TEST(AnnualReportYear, AYearNotYetBegunNeedsTheFutureYearOption) {
  auto db = Database::open(":memory:");
  fazhi::testing_support::put_sample_tree(*db);
  const int next = fazhi::report::current_year_in_beijing() + 1;
  std::string message;
  EXPECT_EQ(status_of([&] { db->report("zone", next, "markdown"); }, &message), Status::argument);
  EXPECT_NE(message.find("year"), std::string::npos) << message;
  EXPECT_NE(message.find("future_year"), std::string::npos) << message;
  EXPECT_NE(db->report("zone", next, "markdown", {{"future_year", true}}).find(std::to_string(next) + "年"),
            std::string::npos);
  // The current year needs no option.
  EXPECT_NO_THROW(db->report("zone", next - 1, "markdown"));
}

// Narrative text reaches the Markdown as text: no HTML, no heading, no list
// item, no emphasis of its own.
TEST(AnnualReportMarkdown, NarrativeTextIsEscapedAsInHtml) {
  auto db = Database::open(":memory:");
  fazhi::testing_support::put_sample_tree(*db);
  json n = {{"record", "narrative"}, {"key", "n1"}, {"unit", "zone"}, {"year", 2022}, {"section", "plans"},
            {"heading", "安排*一*"}, {"order", 1},
            {"body", "<script>alert(1)</script>\n# 不是标题\n1. 不是编号\n- 不是列表\n[链接](x) 与 a_b_c"}};
  db->import_ndjson(n.dump() + "\n", {});
  const std::string md = db->report("zone", 2022, "markdown");
  EXPECT_EQ(md.find("<script>"), std::string::npos) << md;
  for (const char* escaped : {"\\<script\\>alert(1)\\</script\\>\n\\# 不是标题\n1\\. 不是编号\n\\- 不是列表\n"
                              "\\[链接\\](x) 与 a\\_b\\_c",
                              "安排\\*一\\*"})
    EXPECT_NE(md.find(escaped), std::string::npos) << escaped << "\n" << md;
}

}  // namespace
