#include "report/docx_chart.hpp"

#include "report/ooxml_part.hpp"
#include "report/zip_package.hpp"

#include <cstdio>

namespace fazhi::report {

namespace {

// The shortest text that reads back as the same double ("98.5", "132").
std::string number_text(double v) {
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    double back = 0;
    if (std::sscanf(buf, "%lf", &back) == 1 && back == v) break;
  }
  return buf;
}

const char* const kFont = "仿宋_GB2312";

// <a:rPr> or <a:defRPr> of the chart's text: 仿宋 as the body, size in
// hundredths of a point.
void text_properties(pugi::xml_node parent, const char* name, int size, bool bold = false) {
  pugi::xml_node r = element(parent, name, {{"lang", "zh-CN"}, {"sz", std::to_string(size)}, {"b", bold ? "1" : "0"}});
  element(r, "a:latin", {{"typeface", kFont}});
  element(r, "a:ea", {{"typeface", kFont}});
}

void value(pugi::xml_node parent, const char* name, const std::string& v) {
  element(parent, name, {{"val", v}});
}

// The sheet cell reference of row `row` (1-based) in column `column`.
std::string cell(char column, std::size_t row) { return std::string(1, column) + std::to_string(row); }

std::string workbook(const BarChart& chart) {
  ZipPackage zip;
  {
    XmlPart types("Types", {{"", ns::ct}});
    element(types.root(), "Default", {{"Extension", "rels"}, {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
    element(types.root(), "Default", {{"Extension", "xml"}, {"ContentType", "application/xml"}});
    element(types.root(), "Override", {{"PartName", "/xl/workbook.xml"},
                                       {"ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"}});
    element(types.root(), "Override", {{"PartName", "/xl/worksheets/sheet1.xml"},
                                       {"ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"}});
    zip.add("[Content_Types].xml", types.bytes());
  }
  zip.add("_rels/.rels", relationships_part({{"rId1", "officeDocument", "xl/workbook.xml"}}));
  {
    XmlPart book("workbook", {{"", ns::sml}, {"r", ns::r}});
    pugi::xml_node sheets = element(book.root(), "sheets");
    element(sheets, "sheet", {{"name", "Sheet1"}, {"sheetId", "1"}, {"r:id", "rId1"}});
    zip.add("xl/workbook.xml", book.bytes());
  }
  zip.add("xl/_rels/workbook.xml.rels", relationships_part({{"rId1", "worksheet", "worksheets/sheet1.xml"}}));
  {
    XmlPart sheet("worksheet", {{"", ns::sml}});
    pugi::xml_node data = element(sheet.root(), "sheetData");
    const auto text_cell = [](pugi::xml_node row, const std::string& ref, const std::string& text) {
      pugi::xml_node c = element(row, "c", {{"r", ref}, {"t", "inlineStr"}});
      element(element(c, "is"), "t").text().set(text.c_str());
    };
    pugi::xml_node head = element(data, "row", {{"r", "1"}});
    text_cell(head, "B1", chart.series);
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
      pugi::xml_node row = element(data, "row", {{"r", std::to_string(i + 2)}});
      text_cell(row, cell('A', i + 2), chart.labels[i]);
      element(element(row, "c", {{"r", cell('B', i + 2)}}), "v").text().set(number_text(chart.values[i]).c_str());
    }
    zip.add("xl/worksheets/sheet1.xml", sheet.bytes());
  }
  return zip.bytes();
}

}  // namespace

ChartParts bar_chart_parts(const BarChart& chart, const std::string& workbook_target) {
  const std::size_t n = chart.labels.size();
  const std::string last = std::to_string(n + 1);
  XmlPart part("c:chartSpace", {{"c", ns::c}, {"a", ns::a}, {"r", ns::r}});
  pugi::xml_node space = part.root();
  value(space, "c:date1904", "0");
  value(space, "c:lang", "zh-CN");
  value(space, "c:roundedCorners", "0");
  pugi::xml_node c = element(space, "c:chart");

  // The title, as rich text in the report's font.
  pugi::xml_node rich = element(element(element(c, "c:title"), "c:tx"), "c:rich");
  element(rich, "a:bodyPr");
  element(rich, "a:lstStyle");
  pugi::xml_node p = element(rich, "a:p");
  text_properties(element(p, "a:pPr"), "a:defRPr", 1400, true);
  pugi::xml_node run = element(p, "a:r");
  text_properties(run, "a:rPr", 1400, true);
  element(run, "a:t").text().set(chart.title.c_str());
  value(c.child("c:title"), "c:overlay", "0");
  value(c, "c:autoTitleDeleted", "0");

  pugi::xml_node plot = element(c, "c:plotArea");
  element(plot, "c:layout");
  pugi::xml_node bar = element(plot, "c:barChart");
  value(bar, "c:barDir", "bar");  // horizontal bars, long labels read on the left
  value(bar, "c:grouping", "clustered");
  value(bar, "c:varyColors", "0");
  pugi::xml_node ser = element(bar, "c:ser");
  value(ser, "c:idx", "0");
  value(ser, "c:order", "0");
  pugi::xml_node tx = element(element(ser, "c:tx"), "c:strRef");
  element(tx, "c:f").text().set("Sheet1!$B$1");
  pugi::xml_node tx_cache = element(tx, "c:strCache");
  value(tx_cache, "c:ptCount", "1");
  element(element(tx_cache, "c:pt", {{"idx", "0"}}), "c:v").text().set(chart.series.c_str());
  element(element(element(ser, "c:spPr"), "a:solidFill"), "a:srgbClr", {{"val", "2F5D8A"}});
  value(ser, "c:invertIfNegative", "0");
  pugi::xml_node labels = element(ser, "c:dLbls");
  element(labels, "c:numFmt", {{"formatCode", chart.number_format}, {"sourceLinked", "0"}});
  pugi::xml_node label_sp = element(labels, "c:spPr");
  element(label_sp, "a:noFill");
  element(element(label_sp, "a:ln"), "a:noFill");
  for (const char* flag : {"c:showLegendKey", "c:showVal", "c:showCatName", "c:showSerName", "c:showPercent",
                           "c:showBubbleSize"})
    value(labels, flag, std::string(flag) == "c:showVal" ? "1" : "0");

  pugi::xml_node cat = element(element(ser, "c:cat"), "c:strRef");
  element(cat, "c:f").text().set(("Sheet1!$A$2:$A$" + last).c_str());
  pugi::xml_node cat_cache = element(cat, "c:strCache");
  value(cat_cache, "c:ptCount", std::to_string(n));
  for (std::size_t i = 0; i < n; ++i)
    element(element(cat_cache, "c:pt", {{"idx", std::to_string(i)}}), "c:v").text().set(chart.labels[i].c_str());
  pugi::xml_node val = element(element(ser, "c:val"), "c:numRef");
  element(val, "c:f").text().set(("Sheet1!$B$2:$B$" + last).c_str());
  pugi::xml_node val_cache = element(val, "c:numCache");
  element(val_cache, "c:formatCode").text().set(chart.number_format.c_str());
  value(val_cache, "c:ptCount", std::to_string(n));
  for (std::size_t i = 0; i < n; ++i)
    element(element(val_cache, "c:pt", {{"idx", std::to_string(i)}}), "c:v")
        .text()
        .set(number_text(chart.values[i]).c_str());
  value(bar, "c:gapWidth", "60");
  value(bar, "c:axId", "1");
  value(bar, "c:axId", "2");

  // Categories from the top down, in the order given (as the HTML draws
  // them); the value axis then crosses at the last category, the bottom.
  pugi::xml_node cat_ax = element(plot, "c:catAx");
  value(cat_ax, "c:axId", "1");
  value(element(cat_ax, "c:scaling"), "c:orientation", "maxMin");
  value(cat_ax, "c:delete", "0");
  value(cat_ax, "c:axPos", "l");
  element(cat_ax, "c:numFmt", {{"formatCode", "General"}, {"sourceLinked", "0"}});
  value(cat_ax, "c:majorTickMark", "none");
  value(cat_ax, "c:minorTickMark", "none");
  value(cat_ax, "c:tickLblPos", "nextTo");
  value(cat_ax, "c:crossAx", "2");
  value(cat_ax, "c:crosses", "autoZero");
  value(cat_ax, "c:auto", "1");
  value(cat_ax, "c:lblAlgn", "ctr");
  value(cat_ax, "c:lblOffset", "100");
  value(cat_ax, "c:noMultiLvlLbl", "0");
  pugi::xml_node val_ax = element(plot, "c:valAx");
  value(val_ax, "c:axId", "2");
  pugi::xml_node scaling = element(val_ax, "c:scaling");
  value(scaling, "c:orientation", "minMax");
  if (chart.max > 0) value(scaling, "c:max", number_text(chart.max));
  value(scaling, "c:min", "0");
  value(val_ax, "c:delete", "0");
  value(val_ax, "c:axPos", "b");
  element(val_ax, "c:majorGridlines");
  element(val_ax, "c:numFmt", {{"formatCode", chart.number_format}, {"sourceLinked", "0"}});
  value(val_ax, "c:majorTickMark", "out");
  value(val_ax, "c:minorTickMark", "none");
  value(val_ax, "c:tickLblPos", "nextTo");
  value(val_ax, "c:crossAx", "1");
  value(val_ax, "c:crosses", "max");
  value(val_ax, "c:crossBetween", "between");

  value(c, "c:plotVisOnly", "1");
  value(c, "c:dispBlanksAs", "gap");

  // Every text of the chart (axis labels, data labels) in the report's font.
  pugi::xml_node tx_pr = element(space, "c:txPr");
  element(tx_pr, "a:bodyPr");
  element(tx_pr, "a:lstStyle");
  text_properties(element(element(tx_pr, "a:p"), "a:pPr"), "a:defRPr", 1200);
  element(tx_pr.child("a:p"), "a:endParaRPr", {{"lang", "zh-CN"}});
  value(element(space, "c:externalData", {{"r:id", "rId1"}}), "c:autoUpdate", "0");

  ChartParts out;
  out.chart = part.bytes();
  out.rels = relationships_part({{"rId1", "package", workbook_target}});
  out.workbook = workbook(chart);
  return out;
}

}  // namespace fazhi::report
