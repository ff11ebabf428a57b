// The annual report as Markdown: the model laid out with headings, numbered
// items, lists and the indicator table.
#include "report/annual_report.hpp"

#include "report/chinese_format.hpp"

#include <string>

namespace fazhi::report {

using json = nlohmann::json;

namespace {

// Table cells must not break the row.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string annual_report_markdown(const json& model) {
  std::string md = "# " + model.at("title").get<std::string>() + "\n\n";
  for (const json& p : model.at("preamble")) md += p.get<std::string>() + "\n\n";
  for (const json& section : model.at("sections")) {
    md += "## " + section.at("number").get<std::string>() + "、" +
          section.at("heading").get<std::string>() + "\n\n";
    std::size_t numbered = 0;
    for (const json& item : section.at("items")) {
      if (item.at("heading").is_string())
        md += "### （" + chinese_numeral(static_cast<int>(++numbered)) + "）" +
              item.at("heading").get<std::string>() + "\n\n";
      for (const json& p : item.at("paragraphs")) md += p.get<std::string>() + "\n\n";
      for (const json& l : item.at("list")) md += "- " + l.get<std::string>() + "\n";
      if (!item.at("list").empty()) md += "\n";
    }
  }
  md += "## 附：主要指标\n\n| 指标 | 代码 | 分子 | 分母 | 数值 |\n|---|---|---:|---:|---:|\n";
  for (const json& i : model.at("indicators"))
    md += "| " + cell(i.at("label").get<std::string>()) + " | " + i.at("code").get<std::string>() +
          " | " + table_figure(i.at("numerator")) + " | " + table_figure(i.at("denominator")) + " | " +
          cell(i.at("text").get<std::string>()) + " |\n";
  for (const json& note : model.at("notes")) md += "\n" + note.get<std::string>() + "\n";
  if (model.contains("journal_head")) md += "\n" + journal_head_text(model.at("journal_head")) + "\n";
  return md;
}

}  // namespace fazhi::report
