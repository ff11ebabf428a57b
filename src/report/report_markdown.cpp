// The annual report as Markdown: the model laid out with headings, numbered
// items, lists and the indicator table.
#include "report/annual_report.hpp"

#include "report/chinese_format.hpp"

#include <cstring>
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

// Text from the records (narratives, names, headings) as Markdown that shows
// it and nothing else: the characters that would start markup anywhere
// (emphasis, code, links, HTML, entities, escapes) are backslash-escaped, and
// so are those that would at the start of a line (a heading, a quote, a list
// item, a numbered item). Everything else is left as typed, so the Markdown
// still reads as plain text.
std::string text(const std::string& s) {
  const auto marks_up = [](char c) { return c != '\0' && std::strchr("\\`*_[]<>&|", c) != nullptr; };
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t begin = 0;
  for (;;) {
    std::size_t end = s.find('\n', begin);
    if (end == std::string::npos) end = s.size();
    std::size_t i = begin;
    while (i < end && s[i] == ' ') ++i;  // leading spaces would make a code block
    if (i < end && s[i] != '\0' && std::strchr("#>-+=~", s[i]) != nullptr) {
      out += '\\';
    } else if (i < end && s[i] >= '0' && s[i] <= '9') {
      std::size_t k = i;
      while (k < end && s[k] >= '0' && s[k] <= '9') ++k;
      if (k < end && (s[k] == '.' || s[k] == ')')) {  // "1." or "1)": a numbered item
        out.append(s, i, k - i);
        out += '\\';
        i = k;
      }
    }
    for (; i < end; ++i) {
      if (marks_up(s[i])) out += '\\';
      out += s[i];
    }
    if (end == s.size()) return out;
    out += '\n';
    begin = end + 1;
  }
}

}  // namespace

std::string annual_report_markdown(const json& model) {
  std::string md = "# " + text(model.at("title").get<std::string>()) + "\n\n";
  for (const json& p : model.at("preamble")) md += text(p.get<std::string>()) + "\n\n";
  for (const json& section : model.at("sections")) {
    md += "## " + section.at("number").get<std::string>() + "、" +
          text(section.at("heading").get<std::string>()) + "\n\n";
    std::size_t numbered = 0;
    for (const json& item : section.at("items")) {
      if (item.at("heading").is_string())
        md += "### （" + chinese_numeral(static_cast<int>(++numbered)) + "）" +
              text(item.at("heading").get<std::string>()) + "\n\n";
      for (const json& p : item.at("paragraphs")) md += text(p.get<std::string>()) + "\n\n";
      for (const json& l : item.at("list")) md += "- " + text(l.get<std::string>()) + "\n";
      if (!item.at("list").empty()) md += "\n";
    }
  }
  // The sign-off closes the text, before the appendix, as in a 公文; Markdown
  // cannot align it, so each line stands alone.
  for (const std::string& line : sign_off_lines(model)) md += text(line) + "\n\n";
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
