// The annual report as a Word document: the model laid out as a 公文 per
// GB/T 9704-2012 (gbt9704_layout.hpp), in an Office Open XML package of
// XML parts written with pugixml and zipped with libzip (zip_package.hpp).
//
// Order, as a 公文 with an attachment is printed: the title; the text, each
// chart after the paragraph it illustrates (as the HTML places it); a blank
// line and the attachment note (附件：主要指标); a blank line and the
// sign-off; then, on a page of its own, the attachment: "附件" at the top
// left, its title, the rates chart, the indicator table (a Word table whose
// header row repeats on every page) and the notes.
//
// Styles carry the layout, so that an office editing the document keeps it:
// Normal (3号 仿宋_GB2312 condensed to 28 a line, fixed 28.95 pt lines,
// indented two characters),
// Title, Heading 1 (黑体), Heading 2 (楷体_GB2312), Table Text, Chart, Footer.
#include "report/annual_report.hpp"

#include "report/chinese_format.hpp"
#include "report/docx_chart.hpp"
#include "report/gbt9704_layout.hpp"
#include "report/ooxml_part.hpp"
#include "report/zip_package.hpp"

#include <cstdlib>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace fazhi::report {

using json = nlohmann::json;
namespace layout = gbt9704;

namespace {

constexpr int kWuhao = 21;  // 五号 10.5 pt: the indicator table's text

// The indicator table's columns (widths in twips, together the 156 mm line).
struct Column {
  const char* heading;
  int width;
};
constexpr Column kColumns[] = {{"指标", 2400}, {"代码", 3600}, {"分子", 800}, {"分母", 800}, {"数值", 1245}};
static_assert(2400 + 3600 + 800 + 800 + 1245 == layout::kTextWidth, "the table fills the line");

std::string twips(int v) { return std::to_string(v); }

// w:rFonts naming one font for every script.
void fonts(pugi::xml_node rpr, const char* font) {
  element(rpr, "w:rFonts", {{"w:ascii", font}, {"w:hAnsi", font}, {"w:eastAsia", font}, {"w:cs", font}});
}

void size(pugi::xml_node rpr, int half_points) {
  element(rpr, "w:sz", {{"w:val", std::to_string(half_points)}});
  element(rpr, "w:szCs", {{"w:val", std::to_string(half_points)}});
}

// Text into a run: line breaks as w:br, tabs as w:tab, other control
// characters (which XML 1.0 cannot carry) left out.
void run_text(pugi::xml_node run, const std::string& text) {
  std::string piece;
  const auto flush = [&] {
    if (piece.empty()) return;
    pugi::xml_node t = element(run, "w:t", {{"xml:space", "preserve"}});
    t.text().set(piece.c_str());
    piece.clear();
  };
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      flush();
      element(run, "w:br");
    } else if (c == '\t') {
      flush();
      element(run, "w:tab");
    } else if (c >= 0x20 && c != 0x7f) {
      piece += ch;
    }
  }
  flush();
}

// The width of a line of text in half characters: ASCII is half-width,
// everything else (Chinese characters, full-width punctuation) full-width.
int half_chars(const std::string& text) {
  int n = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) n += 1;
    else if ((c & 0xC0) != 0x80) n += 2;  // the first byte of a multibyte character
  }
  return n;
}

class DocxWriter {
 public:
  explicit DocxWriter(const json& model)
      : model_(model),
        document_("w:document", {{"w", ns::w}, {"r", ns::r}, {"wp", ns::wp}, {"a", ns::a}, {"c", ns::c}}),
        body_(element(document_.root(), "w:body")) {}

  std::string write();

 private:
  pugi::xml_node paragraph(const char* style);
  void text_paragraph(const char* style, const std::string& text);
  void blank_line() { paragraph("Normal"); }
  void right_aligned(const std::string& text, int right_half_chars);
  void sign_off();
  // Keeps paragraph `p` on the page of the next one.
  static void keep_with_next(pugi::xml_node p);
  void chart(const std::string& name);
  void indicator_table();

  std::string styles() const;
  std::string footer(bool odd) const;
  std::string core_properties() const;

  const json& model_;
  XmlPart document_;
  pugi::xml_node body_;
  std::vector<std::pair<std::string, std::string>> chart_parts_;  // name, bytes
  std::vector<Relationship> relationships_;
  int charts_ = 0;
};

pugi::xml_node DocxWriter::paragraph(const char* style) {
  pugi::xml_node p = element(body_, "w:p");
  element(element(p, "w:pPr"), "w:pStyle", {{"w:val", style}});
  return p;
}

void DocxWriter::text_paragraph(const char* style, const std::string& text) {
  run_text(element(paragraph(style), "w:r"), text);
}

void DocxWriter::right_aligned(const std::string& text, int right_half_chars) {
  pugi::xml_node p = paragraph("SignOff");
  // Character units (hundredths of a character) for Word and WPS, twips
  // for readers that take those only.
  element(p.child("w:pPr"), "w:ind",
          {{"w:right", twips(static_cast<int>(right_half_chars * layout::kCharPitch / 2 + 0.5))},
           {"w:rightChars", std::to_string(right_half_chars * 50)}});
  run_text(element(p, "w:r"), text);
}

// GB/T 9704 7.3.5.2: a line left blank, the issuer two characters from the
// right, the date under it starting two characters right of the issuer's
// first character; a date longer than that keeps two characters from the
// right and moves the issuer left instead. The sign-off is never alone on a
// page: the last paragraph of the text, the attachment note and the lines
// between are kept with it.
void DocxWriter::sign_off() {
  const std::vector<std::string> lines = sign_off_lines(model_);
  for (pugi::xml_node p = body_.last_child(); p; p = p.previous_sibling()) {
    keep_with_next(p);
    if (p.select_node(".//w:t") && !p.select_node(".//w:t[.='附件：主要指标']")) break;  // the text's last
  }
  blank_line();
  keep_with_next(body_.last_child());
  const int issuer = half_chars(lines[0]);
  int issuer_right = 4;
  if (lines.size() == 1) {
    right_aligned(lines[0], issuer_right);
    return;
  }
  const int date = half_chars(lines[1]);
  int date_right = issuer_right + issuer - 4 - date;
  if (date_right < 4) {
    date_right = 4;
    issuer_right = date_right + date + 4 - issuer;
  }
  right_aligned(lines[0], issuer_right);
  keep_with_next(body_.last_child());
  right_aligned(lines[1], date_right);
}

void DocxWriter::keep_with_next(pugi::xml_node p) {
  pugi::xml_node ppr = p.child("w:pPr");
  if (!ppr.child("w:keepNext")) ppr.insert_child_after("w:keepNext", ppr.child("w:pStyle"));
}

// One chart of the model's "charts" as a native chart in its own paragraph,
// or a line saying 无数据 where it has no figures (a chart of nothing would
// be an empty frame).
void DocxWriter::chart(const std::string& name) {
  const json& charts = model_.at("charts");
  BarChart bc;
  if (name == "mediation_by_category") {
    bc.title = "矛盾纠纷按类别（受理数）";
    bc.series = "受理数（起）";
    for (const json& b : charts.at("mediation_by_category")) {
      bc.labels.push_back(b.at("label").get<std::string>());
      bc.values.push_back(b.at("value").get<double>());
    }
  } else if (name == "mediation_by_month") {
    bc.title = "矛盾纠纷按月份（受理数）";
    bc.series = "受理数（起）";
    const json& months = charts.at("mediation_by_month");
    double total = 0;
    for (std::size_t m = 0; m < months.size(); ++m) {
      bc.labels.push_back(std::to_string(m + 1) + "月");
      bc.values.push_back(months[m].get<double>());
      total += months[m].get<double>();
    }
    if (total == 0) bc.labels.clear();
  } else {
    bc.title = "主要指标";
    bc.series = "比率（%）";
    bc.number_format = "General\"%\"";
    bc.max = 100;
    for (const json& r : charts.at("rates")) {
      bc.labels.push_back(r.at("label").get<std::string>());
      // The rate as the text prints it ("98.5%"), so that chart and text agree.
      const std::string text = r.at("text").get<std::string>();
      char* end = nullptr;
      const double printed = std::strtod(text.c_str(), &end);
      bc.values.push_back(end != text.c_str() && *end == '%' ? printed : r.at("value").get<double>());
    }
  }
  if (bc.labels.empty()) {
    text_paragraph("Normal", bc.title + "：无数据。");
    return;
  }
  const int n = ++charts_;
  const std::string id = "rIdChart" + std::to_string(n);
  const std::string workbook = "embeddings/Microsoft_Excel_Worksheet" + std::to_string(n) + ".xlsx";
  ChartParts parts = bar_chart_parts(bc, "../" + workbook);
  chart_parts_.emplace_back("word/charts/chart" + std::to_string(n) + ".xml", std::move(parts.chart));
  chart_parts_.emplace_back("word/charts/_rels/chart" + std::to_string(n) + ".xml.rels", std::move(parts.rels));
  chart_parts_.emplace_back("word/" + workbook, std::move(parts.workbook));
  relationships_.push_back({id, "chart", "charts/chart" + std::to_string(n) + ".xml"});

  // The full line's width; a height giving each bar about 6 mm, so that the
  // two mediation charts share a page.
  double height_mm = 20 + 6.0 * static_cast<double>(bc.labels.size());
  if (height_mm > 180) height_mm = 180;
  pugi::xml_node inline_ = element(element(element(paragraph("Chart"), "w:r"), "w:drawing"), "wp:inline",
                                   {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
  element(inline_, "wp:extent",
          {{"cx", std::to_string(layout::mm_to_emu(layout::kTextWidthMm))},
           {"cy", std::to_string(layout::mm_to_emu(height_mm))}});
  element(inline_, "wp:effectExtent", {{"l", "0"}, {"t", "0"}, {"r", "0"}, {"b", "0"}});
  element(inline_, "wp:docPr", {{"id", std::to_string(n)}, {"name", "图表 " + std::to_string(n)}, {"descr", bc.title}});
  element(inline_, "wp:cNvGraphicFramePr");
  pugi::xml_node data = element(element(inline_, "a:graphic"), "a:graphicData", {{"uri", ns::c}});
  element(data, "c:chart", {{"r:id", id}});
}

void DocxWriter::indicator_table() {
  pugi::xml_node table = element(body_, "w:tbl");
  pugi::xml_node pr = element(table, "w:tblPr");
  element(pr, "w:tblStyle", {{"w:val", "TableGrid"}});
  element(pr, "w:tblW", {{"w:w", twips(layout::kTextWidth)}, {"w:type", "dxa"}});
  element(pr, "w:jc", {{"w:val", "center"}});
  element(pr, "w:tblLayout", {{"w:type", "fixed"}});
  element(pr, "w:tblLook", {{"w:val", "04A0"}, {"w:firstRow", "1"}, {"w:lastRow", "0"}, {"w:firstColumn", "0"},
                            {"w:lastColumn", "0"}, {"w:noHBand", "1"}, {"w:noVBand", "1"}});
  pugi::xml_node grid = element(table, "w:tblGrid");
  for (const Column& c : kColumns) element(grid, "w:gridCol", {{"w:w", twips(c.width)}});

  const auto row = [&](const std::vector<std::string>& cells, bool header) {
    pugi::xml_node tr = element(table, "w:tr");
    pugi::xml_node trpr = element(tr, "w:trPr");
    element(trpr, "w:cantSplit");
    if (header) element(trpr, "w:tblHeader");  // repeated at the top of every page
    for (std::size_t i = 0; i < cells.size(); ++i) {
      pugi::xml_node tc = element(tr, "w:tc");
      pugi::xml_node tcpr = element(tc, "w:tcPr");
      element(tcpr, "w:tcW", {{"w:w", twips(kColumns[i].width)}, {"w:type", "dxa"}});
      element(tcpr, "w:vAlign", {{"w:val", "center"}});
      pugi::xml_node p = element(tc, "w:p");
      pugi::xml_node ppr = element(p, "w:pPr");
      element(ppr, "w:pStyle", {{"w:val", "TableText"}});
      // Figures to the right, as in the HTML; headings centred.
      if (header) element(ppr, "w:jc", {{"w:val", "center"}});
      else if (i >= 2) element(ppr, "w:jc", {{"w:val", "right"}});
      pugi::xml_node r = element(p, "w:r");
      if (header) fonts(element(r, "w:rPr"), layout::kHeading1Font);
      run_text(r, cells[i]);
    }
  };
  std::vector<std::string> headings;
  for (const Column& c : kColumns) headings.push_back(c.heading);
  row(headings, true);
  for (const json& i : model_.at("indicators"))
    row({i.at("label").get<std::string>(), i.at("code").get<std::string>(), table_figure(i.at("numerator")),
         table_figure(i.at("denominator")), i.at("text").get<std::string>()},
        false);
}

std::string DocxWriter::styles() const {
  XmlPart part("w:styles", {{"w", ns::w}});
  pugi::xml_node root = part.root();
  pugi::xml_node defaults = element(root, "w:docDefaults");
  pugi::xml_node rpr = element(element(defaults, "w:rPrDefault"), "w:rPr");
  fonts(rpr, layout::kBodyFont);
  element(rpr, "w:kern", {{"w:val", "2"}});
  size(rpr, layout::k3hao);
  element(rpr, "w:lang", {{"w:val", "en-US"}, {"w:eastAsia", "zh-CN"}, {"w:bidi", "ar-SA"}});
  pugi::xml_node ppr = element(element(defaults, "w:pPrDefault"), "w:pPr");
  element(ppr, "w:spacing", {{"w:before", "0"}, {"w:after", "0"}, {"w:line", twips(layout::kLinePitch)}, {"w:lineRule", "exact"}});
  element(ppr, "w:jc", {{"w:val", "both"}});

  // A paragraph style; `indent`: the first line two characters in.
  const auto style = [&](const char* id, const char* name, bool indent, const char* font, int sz) {
    pugi::xml_node s = element(root, "w:style", {{"w:type", "paragraph"}, {"w:styleId", id}});
    if (std::string(id) == "Normal") s.append_attribute("w:default") = "1";
    element(s, "w:name", {{"w:val", name}});
    if (std::string(id) != "Normal") element(s, "w:basedOn", {{"w:val", "Normal"}});
    element(s, "w:qFormat");
    pugi::xml_node p = element(s, "w:pPr");
    pugi::xml_node r = element(s, "w:rPr");
    if (indent) element(p, "w:ind", {{"w:firstLineChars", "200"}, {"w:firstLine", twips(2 * 320)}});
    else element(p, "w:ind", {{"w:firstLineChars", "0"}, {"w:firstLine", "0"}});
    if (font) fonts(r, font);
    if (sz) size(r, sz);
    return s;
  };
  {
    // The defaults again, in the style itself: readers that look at the
    // style alone (python-docx, some converters) see the layout too.
    pugi::xml_node s = style("Normal", "Normal", true, layout::kBodyFont, layout::k3hao);
    // 28 characters a line (gbt9704_layout.hpp); styles based on Normal
    // inherit it.
    s.child("w:rPr").insert_child_before("w:spacing", s.child("w:rPr").child("w:sz"))
        .append_attribute("w:val") = std::to_string(layout::kCharSpacing).c_str();
    pugi::xml_node p = s.child("w:pPr");
    pugi::xml_node sp = p.insert_child_before("w:spacing", p.child("w:ind"));
    sp.append_attribute("w:line") = twips(layout::kLinePitch).c_str();
    sp.append_attribute("w:lineRule") = "exact";
  }
  {
    pugi::xml_node s = style("Title", "Title", false, layout::kTitleFont, layout::k2hao);
    pugi::xml_node p = s.child("w:pPr");
    // GB/T 9704 7.3.1: a line left blank under the title.
    p.insert_child_before("w:spacing", p.child("w:ind"))
        .append_attribute("w:after") = twips(layout::kLinePitch).c_str();
    // Off the line grid: LibreOffice gives a line of text larger than the
    // grid's (22 pt) two grid lines; the fixed spacing keeps it at one.
    p.prepend_child("w:snapToGrid").append_attribute("w:val") = "0";
    element(p, "w:jc", {{"w:val", "center"}});
  }
  for (const auto& [id, name, font, level] :
       {std::tuple<const char*, const char*, const char*, const char*>{"Heading1", "heading 1", layout::kHeading1Font, "0"},
        {"Heading2", "heading 2", layout::kHeading2Font, "1"}}) {
    pugi::xml_node s = style(id, name, true, font, layout::k3hao);
    pugi::xml_node p = s.child("w:pPr");
    p.prepend_child("w:keepNext");
    element(p, "w:outlineLvl", {{"w:val", level}});
  }
  style("AppendixLabel", "Appendix Label", false, layout::kHeading1Font, layout::k3hao);
  {
    pugi::xml_node s = style("SignOff", "Sign-off", false, nullptr, 0);
    element(s.child("w:pPr"), "w:jc", {{"w:val", "right"}});
  }
  {
    // Drawings need the line to grow with them: no fixed spacing, no grid.
    pugi::xml_node s = style("Chart", "Chart", false, nullptr, 0);
    pugi::xml_node p = s.child("w:pPr");
    p.prepend_child("w:snapToGrid").append_attribute("w:val") = "0";
    p.insert_child_after("w:spacing", p.child("w:snapToGrid"));
    p.child("w:spacing").append_attribute("w:line") = "240";
    p.child("w:spacing").append_attribute("w:lineRule") = "auto";
    element(p, "w:jc", {{"w:val", "center"}});
  }
  {
    pugi::xml_node s = style("TableText", "Table Text", false, nullptr, kWuhao);
    pugi::xml_node p = s.child("w:pPr");
    p.prepend_child("w:snapToGrid").append_attribute("w:val") = "0";
    pugi::xml_node sp = p.insert_child_after("w:spacing", p.child("w:snapToGrid"));
    sp.append_attribute("w:line") = "240";
    sp.append_attribute("w:lineRule") = "auto";
    element(p, "w:jc", {{"w:val", "left"}});
  }
  {
    pugi::xml_node s = style("Footer", "footer", false, layout::kPageNumberFont, layout::k4hao);
    pugi::xml_node p = s.child("w:pPr");
    p.prepend_child("w:snapToGrid").append_attribute("w:val") = "0";
    pugi::xml_node sp = p.insert_child_after("w:spacing", p.child("w:snapToGrid"));
    sp.append_attribute("w:line") = twips(layout::kFooterLine).c_str();
    sp.append_attribute("w:lineRule") = "exact";
  }
  {
    pugi::xml_node s = element(root, "w:style", {{"w:type", "table"}, {"w:styleId", "TableGrid"}});
    element(s, "w:name", {{"w:val", "Table Grid"}});
    pugi::xml_node tpr = element(s, "w:tblPr");
    pugi::xml_node borders = element(tpr, "w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
      element(borders, side, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "000000"}});
    pugi::xml_node margins = element(tpr, "w:tblCellMar");
    element(margins, "w:left", {{"w:w", "85"}, {"w:type", "dxa"}});
    element(margins, "w:right", {{"w:w", "85"}, {"w:type", "dxa"}});
  }
  return part.bytes();
}

// The page number "— 1 —" (GB/T 9704 7.5): odd pages one character from the
// right, even pages one from the left.
std::string DocxWriter::footer(bool odd) const {
  XmlPart part("w:ftr", {{"w", ns::w}, {"r", ns::r}});
  pugi::xml_node p = element(part.root(), "w:p");
  pugi::xml_node ppr = element(p, "w:pPr");
  element(ppr, "w:pStyle", {{"w:val", "Footer"}});
  element(ppr, "w:ind", {{odd ? "w:right" : "w:left", twips(layout::kFooterLine)}});
  element(ppr, "w:jc", {{"w:val", odd ? "right" : "left"}});
  run_text(element(p, "w:r"), "— ");
  element(element(p, "w:r"), "w:fldChar", {{"w:fldCharType", "begin"}});
  element(element(p, "w:r"), "w:instrText", {{"xml:space", "preserve"}}).text().set(" PAGE ");
  element(element(p, "w:r"), "w:fldChar", {{"w:fldCharType", "separate"}});
  run_text(element(p, "w:r"), "1");
  element(element(p, "w:r"), "w:fldChar", {{"w:fldCharType", "end"}});
  run_text(element(p, "w:r"), " —");
  return part.bytes();
}

// Fixed dates, so that the same records give the same bytes: the sign-off's
// date when there is one, else the last day of the report's year.
std::string DocxWriter::core_properties() const {
  XmlPart part("cp:coreProperties",
               {{"cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
                {"dc", "http://purl.org/dc/elements/1.1/"},
                {"dcterms", "http://purl.org/dc/terms/"},
                {"xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
  const json& s = model_.at("sign_off");
  const std::string date = s.at("date").is_string() ? s.at("date").get<std::string>()
                                                      : std::to_string(model_.at("year").get<int>()) + "-12-31";
  element(part.root(), "dc:title").text().set(model_.at("title").get<std::string>().c_str());
  element(part.root(), "dc:creator").text().set(s.at("issuer").get<std::string>().c_str());
  element(part.root(), "dc:language").text().set("zh-CN");
  for (const char* name : {"dcterms:created", "dcterms:modified"})
    element(part.root(), name, {{"xsi:type", "dcterms:W3CDTF"}}).text().set((date + "T00:00:00Z").c_str());
  return part.bytes();
}

std::string DocxWriter::write() {
  text_paragraph("Title", model_.at("title").get<std::string>());
  for (const json& p : model_.at("preamble")) text_paragraph("Normal", p.get<std::string>());
  for (const json& section : model_.at("sections")) {
    text_paragraph("Heading1", section.at("number").get<std::string>() + "、" + section.at("heading").get<std::string>());
    int numbered = 0;
    for (const json& item : section.at("items")) {
      if (item.at("heading").is_string())
        text_paragraph("Heading2", "（" + chinese_numeral(++numbered) + "）" + item.at("heading").get<std::string>());
      const json& paragraphs = item.at("paragraphs");
      for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        text_paragraph("Normal", paragraphs[i].get<std::string>());
        for (const json& c : item.at("charts"))
          if (c.at("after_paragraph").get<std::size_t>() == i) chart(c.at("chart").get<std::string>());
      }
      for (const json& l : item.at("list")) text_paragraph("Normal", l.get<std::string>());
    }
  }
  // GB/T 9704 7.3.4: the attachment note a line under the text.
  blank_line();
  text_paragraph("Normal", "附件：主要指标");
  sign_off();

  // 附件 (GB/T 9704 8): on a page of its own, "附件" at the top left, the
  // title on the third line.
  {
    pugi::xml_node p = paragraph("AppendixLabel");
    element(p.child("w:pPr"), "w:pageBreakBefore");
    run_text(element(p, "w:r"), "附件");
  }
  blank_line();
  text_paragraph("Title", "主要指标");
  chart("rates");
  indicator_table();
  for (const json& note : model_.at("notes")) text_paragraph("Normal", note.get<std::string>());
  if (model_.contains("journal_head")) text_paragraph("Normal", journal_head_text(model_.at("journal_head")));

  relationships_.push_back({"rIdStyles", "styles", "styles.xml"});
  relationships_.push_back({"rIdSettings", "settings", "settings.xml"});
  relationships_.push_back({"rIdFontTable", "fontTable", "fontTable.xml"});
  relationships_.push_back({"rIdFooterOdd", "footer", "footer1.xml"});
  relationships_.push_back({"rIdFooterEven", "footer", "footer2.xml"});

  pugi::xml_node sect = element(body_, "w:sectPr");
  element(sect, "w:footerReference", {{"w:type", "default"}, {"r:id", "rIdFooterOdd"}});
  element(sect, "w:footerReference", {{"w:type", "even"}, {"r:id", "rIdFooterEven"}});
  element(sect, "w:pgSz", {{"w:w", twips(layout::kPageWidth)}, {"w:h", twips(layout::kPageHeight)}});
  element(sect, "w:pgMar",
          {{"w:top", twips(layout::kMarginTop)}, {"w:right", twips(layout::kMarginRight)},
           {"w:bottom", twips(layout::kMarginBottom)}, {"w:left", twips(layout::kMarginLeft)},
           {"w:header", "851"}, {"w:footer", twips(layout::kFooterDistance)}, {"w:gutter", "0"}});
  element(sect, "w:pgNumType", {{"w:fmt", "decimal"}, {"w:start", "1"}});
  element(sect, "w:cols", {{"w:space", "425"}});
  element(sect, "w:docGrid", {{"w:type", "lines"}, {"w:linePitch", twips(layout::kLinePitch)}});

  // [Content_Types].xml first, as Office writes it.
  ZipPackage package;
  {
    XmlPart types("Types", {{"", ns::ct}});
    const auto add_default = [&](const char* ext, const char* type) {
      element(types.root(), "Default", {{"Extension", ext}, {"ContentType", type}});
    };
    const auto add_override = [&](const std::string& part, const char* type) {
      element(types.root(), "Override", {{"PartName", part}, {"ContentType", type}});
    };
    add_default("rels", "application/vnd.openxmlformats-package.relationships+xml");
    add_default("xml", "application/xml");
    add_default("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    add_override("/word/document.xml", (wml + "document.main+xml").c_str());
    add_override("/word/styles.xml", (wml + "styles+xml").c_str());
    add_override("/word/settings.xml", (wml + "settings+xml").c_str());
    add_override("/word/fontTable.xml", (wml + "fontTable+xml").c_str());
    add_override("/word/footer1.xml", (wml + "footer+xml").c_str());
    add_override("/word/footer2.xml", (wml + "footer+xml").c_str());
    for (int n = 1; n <= charts_; ++n)
      add_override("/word/charts/chart" + std::to_string(n) + ".xml",
                   "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    add_override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    add_override("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    package.add("[Content_Types].xml", types.bytes());
  }
  package.add("_rels/.rels",
              relationships_part({{"rId1", "officeDocument", "word/document.xml"},
                                  {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                                   "docProps/core.xml"},
                                  {"rId3", "extended-properties", "docProps/app.xml"}}));
  package.add("docProps/core.xml", core_properties());
  {
    XmlPart app("Properties", {{"", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}});
    element(app.root(), "Application").text().set("fazhi");
    package.add("docProps/app.xml", app.bytes());
  }
  package.add("word/document.xml", document_.bytes());
  package.add("word/_rels/document.xml.rels", relationships_part(relationships_));
  package.add("word/styles.xml", styles());
  {
    XmlPart settings("w:settings", {{"w", ns::w}});
    element(settings.root(), "w:zoom", {{"w:percent", "100"}});
    element(settings.root(), "w:defaultTabStop", {{"w:val", "420"}});
    element(settings.root(), "w:evenAndOddHeaders");  // the two footers of 7.5
    element(settings.root(), "w:characterSpacingControl", {{"w:val", "compressPunctuation"}});
    pugi::xml_node compat = element(settings.root(), "w:compat");
    element(compat, "w:compatSetting",
            {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"}, {"w:val", "15"}});
    package.add("word/settings.xml", settings.bytes());
  }
  {
    // The fonts with the near ones of common systems as their alternatives.
    XmlPart table("w:fonts", {{"w", ns::w}});
    // The family (serif "roman", sans "swiss") guides the choice of a
    // substitute where the font is missing.
    for (const auto& [font, alternative, family] :
         {std::tuple<const char*, const char*, const char*>{layout::kBodyFont, "仿宋", "roman"},
          {layout::kTitleFont, "宋体", "roman"},
          {layout::kHeading1Font, "SimHei", "swiss"},
          {layout::kHeading2Font, "楷体", "roman"},
          {layout::kPageNumberFont, "SimSun", "roman"}}) {
      pugi::xml_node f = element(table.root(), "w:font", {{"w:name", font}});
      element(f, "w:altName", {{"w:val", alternative}});
      element(f, "w:charset", {{"w:val", "86"}});  // GB2312
      element(f, "w:family", {{"w:val", family}});
      element(f, "w:pitch", {{"w:val", "variable"}});
    }
    package.add("word/fontTable.xml", table.bytes());
  }
  package.add("word/footer1.xml", footer(true));
  package.add("word/footer2.xml", footer(false));
  for (auto& [name, bytes] : chart_parts_) package.add(name, std::move(bytes));
  return package.bytes();
}

}  // namespace

std::string annual_report_docx(const json& model) {
  DocxWriter writer(model);
  return writer.write();
}

}  // namespace fazhi::report
