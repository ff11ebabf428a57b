// The annual report as one self-contained HTML page: inline CSS for screen and
// print, the text of the model, SVG charts each under the item it
// illustrates, and the indicator table.
#include "report/annual_report.hpp"

#include "report/chinese_format.hpp"
#include "report/svg_chart.hpp"

#include <string>
#include <utility>
#include <vector>

namespace fazhi::report {

using json = nlohmann::json;

namespace {

// Screen: a readable column. Print: A4 with the margins of GB/T 9704 (党政机关
// 公文格式: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), 三号 (16 pt) body
// text in 仿宋 and a 22 pt title in 小标宋 where those fonts are installed, a
// CJK serif otherwise.
//
// Page numbers ("— 1 —", as 公文 print them) come from the paged-media
// margin box @bottom-center, the one way a page can number itself in CSS.
// Chromium draws it since version 131 (Debian 12's chromium is newer), and so
// do the HTML-to-PDF tools (WeasyPrint, paged.js). Firefox does not draw
// margin boxes; its print dialog's own footer ("Headers and footers", on by
// default) numbers the pages instead, inside the same bottom margin. A
// position: fixed footer was not chosen: it repeats on every page but cannot
// count them (counter(page) means nothing outside a margin box), and it
// covers text wherever a page break falls. LibreOffice's HTML import ignores
// margin boxes: print the page from a browser, or add the page field in
// Writer.
//
// No heading alone at a page's foot: every heading is kept with what follows
// it twice over, by break-after: avoid on the heading (Chromium honours it)
// and by the .keep-together group holding the headings and the first block
// after them with break-inside: avoid (Firefox honours that, not
// break-after), each with its page-break-* form for older engines. Table rows
// and charts are not split across pages; the indicator table as a whole is
// (it is longer than a page), its header repeated on each.
const char* const kStyle = R"css(
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
        @bottom-center { content: "— " counter(page) " —"; font-family: "SimSun", "Noto Serif CJK SC", serif;
                         font-size: 14pt; } }
body { font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC",
                    "Source Han Serif SC", "SimSun", serif;
       max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.8; color: #111; }
h1 { text-align: center; font-size: 1.6em;
     font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
h2 { font-size: 1.25em; margin-top: 1.6em; }
h3 { font-size: 1.05em; }
p { text-indent: 2em; margin: 0.4em 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
thead { display: table-header-group; }
th, td { border: 1px solid #888; padding: 0.2em 0.4em; }
td.n { text-align: right; }
figure.chart-figure { margin: 1em 0; }
.chart { display: block; max-width: 100%; height: auto; }
.chart text { font-size: 12px; fill: #111; }
.chart .chart-title { font-size: 14px; font-weight: bold; }
.chart .bar { fill: #2f5d8a; }
.sign-off { display: table; margin: 1.8em 2em 1em auto; }
.sign-off p { text-indent: 0; margin: 0; }
.sign-off p.date { padding-left: 2em; }
.keep-with-next { break-after: avoid; page-break-after: avoid; }
.keep-together, figure.chart-figure, tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 16pt; }
  h1 { font-size: 22pt; }
  h2, h3 { font-size: 16pt; }
  table { font-size: 12pt; }
}
)css";

// One chart of the model's "charts", by name, as a figure of its own.
std::string chart(const json& c, const std::string& name) {
  std::string svg;
  if (name == "mediation_by_category") {
    std::vector<Bar> categories;
    for (const json& b : c.at("mediation_by_category"))
      categories.push_back({b.at("label").get<std::string>(), b.at("value").get<double>(),
                            plain_number(b.at("value").get<double>(), 2) + "起"});
    svg = svg_bar_chart("矛盾纠纷按类别（受理数）", categories);
  } else if (name == "mediation_by_month") {
    std::vector<Bar> months;
    for (std::size_t m = 0; m < c.at("mediation_by_month").size(); ++m) {
      const double v = c.at("mediation_by_month")[m].get<double>();
      months.push_back({std::to_string(m + 1) + "月", v, plain_number(v, 2) + "起"});
    }
    svg = svg_bar_chart("矛盾纠纷按月份（受理数）", months);
  } else {
    std::vector<Bar> rates;
    for (const json& r : c.at("rates"))
      rates.push_back({r.at("label").get<std::string>(), r.at("value").get<double>(),
                       r.at("text").get<std::string>()});
    svg = svg_bar_chart("主要指标", rates, 100);
  }
  return "<figure class=\"chart-figure\">\n" + svg + "</figure>\n";
}

// The page's blocks in order. Headings are held back until the block after
// them arrives, then written together with it in one .keep-together group,
// so that no page can end between them.
class Blocks {
 public:
  void heading(const std::string& tag, const std::string& text) {
    held_ += "<" + tag + " class=\"keep-with-next\">" + xml_escape(text) + "</" + tag + ">\n";
  }
  void block(const std::string& html) {
    if (held_.empty()) {
      out_ += html;
      return;
    }
    out_ += "<div class=\"keep-together\">\n" + held_ + html + "</div>\n";
    held_.clear();
  }
  std::string take() {
    out_ += held_;  // a heading with nothing after it (the model has none)
    held_.clear();
    return std::move(out_);
  }

 private:
  std::string out_, held_;
};

}  // namespace

std::string annual_report_html(const json& model) {
  const std::string title = xml_escape(model.at("title").get<std::string>());
  std::string h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                  title + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  Blocks b;
  b.heading("h1", model.at("title").get<std::string>());
  for (const json& p : model.at("preamble")) b.block("<p>" + xml_escape(p.get<std::string>()) + "</p>\n");
  const json& charts = model.at("charts");
  for (const json& section : model.at("sections")) {
    b.heading("h2", section.at("number").get<std::string>() + "、" + section.at("heading").get<std::string>());
    int numbered = 0;
    for (const json& item : section.at("items")) {
      if (item.at("heading").is_string())
        b.heading("h3", "（" + chinese_numeral(++numbered) + "）" + item.at("heading").get<std::string>());
      // Each chart right after the paragraph it illustrates.
      const json& paragraphs = item.at("paragraphs");
      for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        b.block("<p>" + xml_escape(paragraphs[i].get<std::string>()) + "</p>\n");
        for (const json& c : item.at("charts"))
          if (c.at("after_paragraph").get<std::size_t>() == i) b.block(chart(charts, c.at("chart")));
      }
      if (!item.at("list").empty()) {
        std::string list = "<ul>\n";
        for (const json& l : item.at("list")) list += "<li>" + xml_escape(l.get<std::string>()) + "</li>\n";
        b.block(list + "</ul>\n");
      }
    }
  }
  // The sign-off as GB/T 9704 places it: after the text, a line left blank,
  // the issuer two characters from the right edge and the date under it, its
  // first character two to the right of the issuer's (a date longer than that
  // moves the issuer left instead). One block as wide as its longer line, two
  // characters from the right, does exactly that.
  {
    const std::vector<std::string> lines = sign_off_lines(model);
    std::string s = "<div class=\"sign-off\">\n<p class=\"issuer\">" + xml_escape(lines[0]) + "</p>\n";
    if (lines.size() > 1) s += "<p class=\"date\">" + xml_escape(lines[1]) + "</p>\n";
    b.block(s + "</div>\n");
  }
  // The rates chart shows the main rates of the table it heads.
  b.heading("h2", "附：主要指标");
  b.block(chart(charts, "rates"));
  std::string table = "<table>\n<thead><tr><th>指标</th><th>代码</th><th>分子</th><th>分母</th>"
                      "<th>数值</th></tr></thead>\n<tbody>\n";
  for (const json& i : model.at("indicators"))
    table += "<tr><td>" + xml_escape(i.at("label").get<std::string>()) + "</td><td>" +
             xml_escape(i.at("code").get<std::string>()) + "</td><td class=\"n\">" +
             table_figure(i.at("numerator")) + "</td><td class=\"n\">" + table_figure(i.at("denominator")) +
             "</td><td class=\"n\">" + xml_escape(i.at("text").get<std::string>()) + "</td></tr>\n";
  b.block(table + "</tbody>\n</table>\n");
  for (const json& note : model.at("notes")) b.block("<p>" + xml_escape(note.get<std::string>()) + "</p>\n");
  if (model.contains("journal_head"))
    b.block("<p class=\"journal-head\">" + xml_escape(journal_head_text(model.at("journal_head"))) + "</p>\n");
  return h + b.take() + "</body>\n</html>\n";
}

}  // namespace fazhi::report
