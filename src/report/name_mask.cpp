#include "report/name_mask.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace fazhi::report {
namespace {

// Two-character surnames in common use (复姓).
constexpr std::array<std::string_view, 24> kCompoundSurnames = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
    "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木",
    "独孤", "南宫", "西门", "百里", "呼延", "闻人", "申屠", "澹台"};

}  // namespace

NameMask::NameMask(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (std::string& n : names) {
    if (utf8_length(n) < 2) continue;
    std::string first = n.substr(0, utf8_char_length(n, 0));
    by_first_[first].push_back(std::move(n));
  }
  for (auto& [first, list] : by_first_)
    std::stable_sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
}

std::string NameMask::masked(const std::string& name) {
  for (std::string_view s : kCompoundSurnames)
    if (name.size() > s.size() && name.compare(0, s.size(), s) == 0)
      return std::string(s) + "某某";
  return name.substr(0, name.empty() ? 0 : utf8_char_length(name, 0)) + "某某";
}

std::string NameMask::apply(const std::string& text) const {
  if (by_first_.empty()) return text;
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t len = utf8_char_length(text, i);
    const std::string* match = nullptr;
    if (auto it = by_first_.find(text.substr(i, len)); it != by_first_.end())
      for (const std::string& n : it->second)
        if (text.compare(i, n.size(), n) == 0) {
          match = &n;
          break;
        }
    if (match) {
      out += masked(*match);
      i += match->size();
    } else {
      out.append(text, i, len);
      i += len;
    }
  }
  return out;
}

}  // namespace fazhi::report
