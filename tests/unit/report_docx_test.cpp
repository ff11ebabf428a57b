// The annual report as a Word document: a well-formed Office Open XML
// package (every part present, typed and related, the XML parsing), the
// GB/T 9704 page and styles, native charts with their figures cached and an
// embedded workbook, the sign-off, fixed timestamps (the same records give
// the same bytes), no personal name, and the errors of report_file.
#include "report/annual_report.hpp"
#include "test_support.hpp"

#include <pugixml.hpp>
#include <zip.h>

#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

using fazhi::Database;
using fazhi::ImportOptions;
using fazhi::Mode;
using fazhi::Status;
using fazhi::testing_support::status_of;
using fazhi::testing_support::TempDir;
using json = nlohmann::json;

namespace {

struct Entry {
  std::string bytes;
  std::time_t mtime = 0;
};

// Every entry of a zip archive held in `bytes`, in archive order.
std::vector<std::pair<std::string, Entry>> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (!archive) {
    if (source) zip_source_free(source);
    throw std::runtime_error(std::string("not a zip archive: ") + zip_error_strerror(&error));
  }
  std::vector<std::pair<std::string, Entry>> out;
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    Entry e;
    e.mtime = st.mtime;
    e.bytes.resize(st.size);
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (!f || zip_fread(f, e.bytes.data(), st.size) != static_cast<zip_int64_t>(st.size))
      throw std::runtime_error(std::string("cannot read ") + st.name);
    zip_fclose(f);
    out.emplace_back(st.name, std::move(e));
  }
  zip_close(archive);
  return out;
}

std::map<std::string, std::string> parts_of(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  for (auto& [name, e] : unzip(bytes)) parts[name] = std::move(e.bytes);
  return parts;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void parse(pugi::xml_document& doc, const std::string& xml, const std::string& name) {
  const pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size());
  ASSERT_TRUE(r) << name << ": " << r.description();
}

// The text of every paragraph of word/document.xml, in order.
std::vector<std::string> paragraphs(const pugi::xml_document& doc) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& p : doc.select_nodes("//w:p")) {
    std::string text;
    for (const pugi::xpath_node& t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
    out.push_back(text);
  }
  return out;
}

// The same records as report_test's fixture, in brief: named parties and
// petitioners, a named 法律明白人, a narrative naming them, mediation data
// for the charts.
class DocxReport : public ::testing::Test {
 protected:
  void SetUp() override {
    fazhi::testing_support::put_sample_tree(*db_);
    ImportOptions historical;
    historical.mode = Mode::historical;
    auto s = db_->import_ndjson(R"(
{"record":"adviser","key":"a1","name":"甲律师","type":"lawyer"}
{"record":"adviser_engagement","key":"e1","adviser":"a1","unit":"zone","start":"2022-01-01"}
{"record":"mediation_committee","key":"mc1","unit":"v1","name":"一村人民调解委员会","established":"2015-01-01"}
{"record":"mediation_case","key":"k1","committee":"mc1","received":"2022-03-01","category":"neighbourhood","parties":[{"name":"胡开堂","role":"applicant","type":"person"},{"name":"某建筑公司","role":"respondent","type":"organisation"}]}
{"record":"mediation_case","key":"k1","action":"close","date":"2022-03-05","outcome":"succeeded","agreement":"written"}
{"record":"mediation_case","key":"k2","committee":"mc1","received":"2022-07-09","category":"marriage_family","parties":[{"name":"李四海","role":"applicant","type":"person"}]}
{"record":"legal_literate","key":"l1","unit":"v1","name":"丙明白","trained":"2022-03-01"}
{"record":"narrative","key":"n2","unit":"zone","year":2022,"section":"measures","heading":"化解信访积案","body":"胡开堂、李四海反映的问题已妥善化解，丙明白参与了调解。","order":1}
)",
                                historical);
    ASSERT_EQ(s.rejected, 0u) << s.to_json().dump();
  }

  std::string docx(const json& options = nullptr) {
    const std::string path = dir_.file("report.docx");
    db_->report_file(path, "zone", 2022, "docx", options);
    return read_file(path);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_ = Database::open(":memory:");
};

TEST_F(DocxReport, IsAPackageWhosePartsAreAllTypedRelatedAndWellFormed) {
  const auto entries = unzip(docx());
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().first, "[Content_Types].xml");
  std::map<std::string, std::string> parts;
  for (const auto& [name, e] : entries) parts[name] = e.bytes;
  for (const char* name : {"_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                           "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                           "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml"})
    EXPECT_EQ(parts.count(name), 1u) << name;

  // Every XML part parses; every part but the types has a content type.
  pugi::xml_document types;
  parse(types, parts.at("[Content_Types].xml"), "[Content_Types].xml");
  for (const auto& [name, bytes] : parts) {
    if (name == "[Content_Types].xml") continue;
    const std::string ext = name.substr(name.rfind('.') + 1);
    const bool typed =
        types.select_node(("/Types/Override[@PartName='/" + name + "']").c_str()) ||
        types.select_node(("/Types/Default[@Extension='" + ext + "']").c_str());
    EXPECT_TRUE(typed) << name << " has no content type";
    if (ext == "xml" || ext == "rels") {
      pugi::xml_document doc;
      parse(doc, bytes, name);
    }
  }
  // Every relationship of the document and of its charts leads to a part.
  for (const auto& [name, bytes] : parts) {
    if (name.size() < 5 || name.compare(name.size() - 5, 5, ".rels") != 0 || name == "_rels/.rels") continue;
    const std::string source_dir = name.substr(0, name.find("_rels/"));  // "word/", "word/charts/"
    pugi::xml_document rels;
    parse(rels, bytes, name);
    for (const pugi::xml_node r : rels.child("Relationships").children("Relationship")) {
      std::string target = source_dir + r.attribute("Target").value();
      // "word/charts/../embeddings/x.xlsx" -> "word/embeddings/x.xlsx"
      for (std::size_t up; (up = target.find("/../")) != std::string::npos;)
        target.erase(target.rfind('/', up - 1) + 1, up + 4 - target.rfind('/', up - 1) - 1);
      EXPECT_EQ(parts.count(target), 1u) << name << " points at the missing " << target;
    }
  }
}

TEST_F(DocxReport, EveryTimestampIsFixedAndTheSameRecordsGiveTheSameBytes) {
  const std::string first = docx();
  std::tm epoch{};
  epoch.tm_year = 80;
  epoch.tm_mday = 1;
  epoch.tm_isdst = -1;
  const std::time_t dos_epoch = std::mktime(&epoch);
  for (const auto& [name, e] : unzip(first)) EXPECT_EQ(e.mtime, dos_epoch) << name;
  const auto parts = parts_of(first);
  pugi::xml_document core;
  parse(core, parts.at("docProps/core.xml"), "core");
  // Without a sign-off date the document is dated the last day of its year.
  EXPECT_STREQ(core.select_node("//dcterms:created").node().text().get(), "2022-12-31T00:00:00Z");
  EXPECT_STREQ(core.select_node("//dcterms:modified").node().text().get(), "2022-12-31T00:00:00Z");
  EXPECT_STREQ(core.select_node("//dc:creator").node().text().get(), "开发区管委会");

  // The same records in another database (imported later, other journal
  // times): the same bytes.
  const std::string file = dir_.file("records.ndjson");
  db_->export_file(file, nullptr);
  auto copy = Database::open(":memory:");
  ImportOptions historical;
  historical.mode = Mode::historical;
  ASSERT_EQ(copy->import_file(file, historical).rejected, 0u);
  const std::string other = dir_.file("copy.docx");
  copy->report_file(other, "zone", 2022, "docx");
  EXPECT_TRUE(read_file(other) == first) << "the copy's document differs";

  pugi::xml_document dated;
  parse(dated, parts_of(docx({{"date", "2023-01-15"}})).at("docProps/core.xml"), "core");
  EXPECT_STREQ(dated.select_node("//dcterms:created").node().text().get(), "2023-01-15T00:00:00Z");
}

TEST_F(DocxReport, PageAndStylesAreThoseOfGbT9704) {
  const auto parts = parts_of(docx());
  pugi::xml_document doc, styles, settings;
  parse(doc, parts.at("word/document.xml"), "document");
  parse(styles, parts.at("word/styles.xml"), "styles");
  parse(settings, parts.at("word/settings.xml"), "settings");
  const pugi::xml_node sect = doc.select_node("/w:document/w:body/w:sectPr").node();
  // A4 in twips; margins 37, 35, 28, 26 mm.
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:w").as_int(), 11906);
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:h").as_int(), 16838);
  EXPECT_EQ(sect.child("w:pgMar").attribute("w:top").as_int(), 2098);
  EXPECT_EQ(sect.child("w:pgMar").attribute("w:bottom").as_int(), 1984);
  EXPECT_EQ(sect.child("w:pgMar").attribute("w:left").as_int(), 1587);
  EXPECT_EQ(sect.child("w:pgMar").attribute("w:right").as_int(), 1474);
  // 22 lines of 579 twips fit the 225 mm text block; 28 characters the line.
  EXPECT_EQ(sect.child("w:docGrid").attribute("w:linePitch").as_int(), 579);
  EXPECT_LE(22 * 579, 16838 - 2098 - 1984);
  EXPECT_GT(23 * 579, 16838 - 2098 - 1984);
  // 28 characters of 16 pt condensed by 0.25 pt fit the 156 mm line, 29 not.
  const int condensed = 320 + styles.select_node("//w:style[@w:styleId='Normal']/w:rPr/w:spacing").node().attribute("w:val").as_int();
  EXPECT_EQ(condensed, 315);
  EXPECT_LE(28 * condensed, 11906 - 1587 - 1474);
  EXPECT_GT(29 * condensed, 11906 - 1587 - 1474);
  EXPECT_TRUE(settings.select_node("/w:settings/w:evenAndOddHeaders"));

  const auto style = [&](const char* id) {
    return styles.select_node(("/w:styles/w:style[@w:styleId='" + std::string(id) + "']").c_str()).node();
  };
  const pugi::xml_node defaults = styles.select_node("//w:docDefaults").node();
  EXPECT_STREQ(defaults.select_node(".//w:rFonts").node().attribute("w:eastAsia").value(), "仿宋_GB2312");
  EXPECT_EQ(defaults.select_node(".//w:sz").node().attribute("w:val").as_int(), 32);  // 3号
  EXPECT_EQ(defaults.select_node(".//w:spacing").node().attribute("w:line").as_int(), 579);
  EXPECT_STREQ(defaults.select_node(".//w:spacing").node().attribute("w:lineRule").value(), "exact");
  EXPECT_EQ(style("Normal").select_node(".//w:ind").node().attribute("w:firstLineChars").as_int(), 200);
  EXPECT_STREQ(style("Title").select_node(".//w:rFonts").node().attribute("w:eastAsia").value(), "方正小标宋简体");
  EXPECT_EQ(style("Title").select_node(".//w:sz").node().attribute("w:val").as_int(), 44);  // 2号
  EXPECT_STREQ(style("Title").select_node(".//w:jc").node().attribute("w:val").value(), "center");
  EXPECT_STREQ(style("Heading1").select_node(".//w:rFonts").node().attribute("w:eastAsia").value(), "黑体");
  EXPECT_STREQ(style("Heading2").select_node(".//w:rFonts").node().attribute("w:eastAsia").value(), "楷体_GB2312");
  EXPECT_STREQ(style("Footer").select_node(".//w:rFonts").node().attribute("w:eastAsia").value(), "宋体");
  EXPECT_EQ(style("Footer").select_node(".//w:sz").node().attribute("w:val").as_int(), 28);  // 4号

  // "— PAGE —": odd pages on the right, even pages on the left.
  for (const auto& [name, side] : {std::pair<const char*, const char*>{"word/footer1.xml", "right"},
                                   {"word/footer2.xml", "left"}}) {
    pugi::xml_document footer;
    parse(footer, parts.at(name), name);
    std::string text;
    for (const pugi::xpath_node& r : footer.select_nodes("//w:r"))
      for (const pugi::xml_node child : r.node().children())
        if (std::string(child.name()) == "w:t" || std::string(child.name()) == "w:instrText") text += child.text().get();
    EXPECT_EQ(text, "—  PAGE 1 —") << name;
    EXPECT_STREQ(footer.select_node("//w:jc").node().attribute("w:val").value(), side) << name;
  }

  // Title first, then the headings in their styles.
  const pugi::xml_node first = doc.select_node("/w:document/w:body/w:p").node();
  EXPECT_STREQ(first.select_node(".//w:pStyle").node().attribute("w:val").value(), "Title");
  EXPECT_EQ(paragraphs(doc).front(), "开发区管委会2022年法治政府建设年度报告");
  EXPECT_TRUE(doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='Heading1'][w:r/w:t='一、推进法治政府建设的主要举措和成效']"));
  EXPECT_TRUE(doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='Heading2'][w:r/w:t='（一）依法决策']"));
}

TEST_F(DocxReport, TheIndicatorTableIsAWordTableWithARepeatedHeader) {
  const auto parts = parts_of(docx());
  pugi::xml_document doc;
  parse(doc, parts.at("word/document.xml"), "document");
  const json model = json::parse(db_->report("zone", 2022, "json"));
  const pugi::xpath_node_set tables = doc.select_nodes("//w:tbl");
  ASSERT_EQ(tables.size(), 1u);
  const pugi::xpath_node_set rows = tables.first().node().select_nodes("w:tr");
  ASSERT_EQ(rows.size(), model.at("indicators").size() + 1);
  EXPECT_TRUE(rows.first().node().select_node("w:trPr/w:tblHeader"));
  std::vector<std::string> header;
  for (const pugi::xpath_node& tc : rows.first().node().select_nodes("w:tc")) header.push_back(tc.node().select_node(".//w:t").node().text().get());
  EXPECT_EQ(header, (std::vector<std::string>{"指标", "代码", "分子", "分母", "数值"}));
  // A row as the Markdown table has it: mediation.success_rate 1/1, 100%.
  bool found = false;
  for (const pugi::xpath_node& tr : rows) {
    std::vector<std::string> cells;
    for (const pugi::xpath_node& tc : tr.node().select_nodes("w:tc")) {
      std::string text;
      for (const pugi::xpath_node& t : tc.node().select_nodes(".//w:t")) text += t.node().text().get();
      cells.push_back(text);
    }
    if (cells.size() == 5 && cells[1] == "mediation.success_rate") {
      found = true;
      EXPECT_EQ(cells, (std::vector<std::string>{"调解成功率", "mediation.success_rate", "1", "1", "100%"}));
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(DocxReport, ChartsAreNativeWithTheirFiguresCachedAndInAnEmbeddedWorkbook) {
  const auto parts = parts_of(docx());
  pugi::xml_document doc;
  parse(doc, parts.at("word/document.xml"), "document");
  // Three charts: mediation by category and by month in the text, the rates
  // in the attachment.
  EXPECT_EQ(doc.select_nodes("//w:drawing//c:chart").size(), 3u);
  pugi::xml_document chart;
  parse(chart, parts.at("word/charts/chart1.xml"), "chart1");
  EXPECT_STREQ(chart.select_node("//c:barChart/c:barDir").node().attribute("val").value(), "bar");
  std::vector<std::string> labels, values;
  for (const pugi::xpath_node& v : chart.select_nodes("//c:cat//c:pt/c:v")) labels.push_back(v.node().text().get());
  for (const pugi::xpath_node& v : chart.select_nodes("//c:val//c:pt/c:v")) values.push_back(v.node().text().get());
  EXPECT_EQ(labels.size(), 2u);
  EXPECT_EQ(values, (std::vector<std::string>{"1", "1"}));
  EXPECT_STREQ(chart.select_node("//c:cat//c:f").node().text().get(), "Sheet1!$A$2:$A$3");
  EXPECT_STREQ(chart.select_node("//c:val//c:f").node().text().get(), "Sheet1!$B$2:$B$3");
  EXPECT_TRUE(chart.select_node("/c:chartSpace/c:externalData[@r:id='rId1']"));

  // The embedded workbook holds the same figures where the formulas say.
  const auto book = parts_of(parts.at("word/embeddings/Microsoft_Excel_Worksheet1.xlsx"));
  pugi::xml_document sheet;
  parse(sheet, book.at("xl/worksheets/sheet1.xml"), "sheet1");
  EXPECT_EQ(labels[0], sheet.select_node("//c[@r='A2']/is/t").node().text().get());
  EXPECT_EQ(labels[1], sheet.select_node("//c[@r='A3']/is/t").node().text().get());
  EXPECT_STREQ(sheet.select_node("//c[@r='B2']/v").node().text().get(), "1");
  EXPECT_STREQ(sheet.select_node("//c[@r='B3']/v").node().text().get(), "1");

  // The months: twelve points, March and July one each.
  pugi::xml_document months;
  parse(months, parts.at("word/charts/chart2.xml"), "chart2");
  std::vector<std::string> by_month;
  for (const pugi::xpath_node& v : months.select_nodes("//c:val//c:pt/c:v")) by_month.push_back(v.node().text().get());
  EXPECT_EQ(by_month, (std::vector<std::string>{"0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"}));
}

TEST_F(DocxReport, TheSignOffClosesTheTextRightAlignedBeforeTheAttachment) {
  {
    pugi::xml_document doc;
    parse(doc, parts_of(docx()).at("word/document.xml"), "document");
    const std::vector<std::string> p = paragraphs(doc);
    const auto at = std::find(p.begin(), p.end(), "附件：主要指标");
    ASSERT_NE(at, p.end());
    // A blank line, the unit's name, and no date line: the attachment next.
    ASSERT_GE(p.end() - at, 4);
    EXPECT_EQ(at[1], "");
    EXPECT_EQ(at[2], "开发区管委会");
    EXPECT_EQ(at[3], "附件");
  }
  pugi::xml_document doc;
  parse(doc, parts_of(docx({{"issuer", "开发区管委会党政办"}, {"date", "2023-01-15"}})).at("word/document.xml"),
        "document");
  const pugi::xpath_node_set signed_off = doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='SignOff']");
  ASSERT_EQ(signed_off.size(), 2u);
  std::vector<std::string> lines;
  std::vector<int> right;
  for (const pugi::xpath_node& p : signed_off) {
    lines.push_back(p.node().select_node(".//w:t").node().text().get());
    right.push_back(p.node().select_node("w:pPr/w:ind").node().attribute("w:rightChars").as_int());
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"开发区管委会党政办", "2023年1月15日"}));
  // The issuer (9 characters) two from the right; the date (6.5 wide) starts
  // two characters right of the issuer's first: 2 + 9 - 2 - 6.5 = 2.5.
  EXPECT_EQ(right, (std::vector<int>{200, 250}));
}

TEST_F(DocxReport, NoPersonalNameIsInAnyPart) {
  const auto parts = parts_of(docx());
  for (const auto& [name, bytes] : parts)
    for (const char* person : {"胡开堂", "李四海", "丙明白"})
      EXPECT_EQ(bytes.find(person), std::string::npos) << name << " holds " << person;
  EXPECT_NE(parts.at("word/document.xml").find("胡某某、李某某反映的问题已妥善化解，丙某某参与了调解。"), std::string::npos);
}

TEST_F(DocxReport, BadRequestsAreRefusedByNameAndLeaveNoFile) {
  std::string message;
  EXPECT_EQ(status_of([&] { db_->report("zone", 2022, "docx"); }, &message), Status::argument);
  EXPECT_NE(message.find("report_file"), std::string::npos) << message;
  const std::string path = dir_.file("r.docx");
  for (const json& options : {json{{"issuer", ""}}, json{{"issuer", "一\n二"}}, json{{"issuer", std::string(61 * 3, 'a')}},
                              json{{"date", "2023-02-30"}}, json{{"date", 20230115}}, json{{"signer", "x"}}}) {
    EXPECT_EQ(status_of([&] { db_->report_file(path, "zone", 2022, "docx", options); }, &message), Status::argument)
        << options.dump();
    EXPECT_FALSE(std::filesystem::exists(path)) << options.dump();
  }
  EXPECT_EQ(status_of([&] { db_->report_file(path, "zone", 2022, "pdf"); }, &message), Status::argument);
  EXPECT_NE(message.find("format"), std::string::npos);
  EXPECT_EQ(status_of([&] { db_->report_file(path, "nowhere", 2022, "docx"); }), Status::not_found);
  EXPECT_EQ(status_of([&] { db_->report_file(dir_.file(""), "zone", 2022, "docx"); }), Status::argument);
  EXPECT_FALSE(std::filesystem::exists(path));
  // The text formats go to a file too, the same bytes as report() gives.
  db_->report_file(path, "zone", 2022, "markdown");
  EXPECT_EQ(read_file(path), db_->report("zone", 2022, "markdown"));
}

}  // namespace
