// The annual report as one self-contained HTML page: inline CSS for screen and
// print, the text of the model, SVG charts, and the indicator table.
#include "report/annual_report.hpp"

#include "report/chinese_format.hpp"
#include "report/svg_chart.hpp"

#include <string>
#include <vector>

namespace fazhi::report {

using json = nlohmann::json;

namespace {

const char* const kStyle = R"css(
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
       max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.8; color: #111; }
h1 { text-align: center; font-size: 1.6em; }
h2 { font-size: 1.25em; margin-top: 1.6em; }
h3 { font-size: 1.05em; }
p { text-indent: 2em; margin: 0.4em 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #888; padding: 0.2em 0.4em; }
td.n { text-align: right; }
.chart { display: block; margin: 1em 0; max-width: 100%; height: auto; }
.chart text { font-size: 12px; fill: #111; }
.chart .chart-title { font-size: 14px; font-weight: bold; }
.chart .bar { fill: #2f5d8a; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               .chart, table { page-break-inside: avoid; } }
)css";

std::string charts(const json& c) {
  std::vector<Bar> categories;
  for (const json& b : c.at("mediation_by_category"))
    categories.push_back({b.at("label").get<std::string>(), b.at("value").get<double>(),
                          plain_number(b.at("value").get<double>(), 2) + "起"});
  std::vector<Bar> months;
  for (std::size_t m = 0; m < c.at("mediation_by_month").size(); ++m) {
    const double v = c.at("mediation_by_month")[m].get<double>();
    months.push_back({std::to_string(m + 1) + "月", v, plain_number(v, 2) + "起"});
  }
  std::vector<Bar> rates;
  for (const json& r : c.at("rates"))
    rates.push_back({r.at("label").get<std::string>(), r.at("value").get<double>(),
                     r.at("text").get<std::string>()});
  return svg_bar_chart("矛盾纠纷按类别（受理数）", categories) +
         svg_bar_chart("矛盾纠纷按月份（受理数）", months) + svg_bar_chart("主要指标", rates, 100);
}

}  // namespace

std::string annual_report_html(const json& model) {
  const std::string title = xml_escape(model.at("title").get<std::string>());
  std::string h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                  title + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" + title +
                  "</h1>\n";
  for (const json& p : model.at("preamble")) h += "<p>" + xml_escape(p.get<std::string>()) + "</p>\n";
  bool first_section = true;
  for (const json& section : model.at("sections")) {
    h += "<h2>" + xml_escape(section.at("number").get<std::string>() + "、" +
                             section.at("heading").get<std::string>()) + "</h2>\n";
    int numbered = 0;
    for (const json& item : section.at("items")) {
      if (item.at("heading").is_string())
        h += "<h3>（" + chinese_numeral(++numbered) + "）" +
             xml_escape(item.at("heading").get<std::string>()) + "</h3>\n";
      for (const json& p : item.at("paragraphs")) h += "<p>" + xml_escape(p.get<std::string>()) + "</p>\n";
      if (!item.at("list").empty()) {
        h += "<ul>\n";
        for (const json& l : item.at("list")) h += "<li>" + xml_escape(l.get<std::string>()) + "</li>\n";
        h += "</ul>\n";
      }
    }
    if (first_section) h += charts(model.at("charts"));
    first_section = false;
  }
  h += "<h2>附：主要指标</h2>\n<table>\n<thead><tr><th>指标</th><th>代码</th><th>分子</th><th>分母</th>"
       "<th>数值</th></tr></thead>\n<tbody>\n";
  for (const json& i : model.at("indicators"))
    h += "<tr><td>" + xml_escape(i.at("label").get<std::string>()) + "</td><td>" +
         xml_escape(i.at("code").get<std::string>()) + "</td><td class=\"n\">" + table_figure(i.at("numerator")) +
         "</td><td class=\"n\">" + table_figure(i.at("denominator")) + "</td><td class=\"n\">" +
         xml_escape(i.at("text").get<std::string>()) + "</td></tr>\n";
  h += "</tbody>\n</table>\n";
  for (const json& note : model.at("notes")) h += "<p>" + xml_escape(note.get<std::string>()) + "</p>\n";
  if (model.contains("journal_head"))
    h += "<p class=\"journal-head\">" + xml_escape(journal_head_text(model.at("journal_head"))) + "</p>\n";
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace fazhi::report
