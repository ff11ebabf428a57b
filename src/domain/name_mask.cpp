#include "domain/name_mask.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace fazhi::domain {
namespace {

// Two-character surnames in common use (复姓).
constexpr std::array<std::string_view, 24> kCompoundSurnames = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
    "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木",
    "独孤", "南宫", "西门", "百里", "呼延", "闻人", "申屠", "澹台"};

}  // namespace

NameMask::Index NameMask::index(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  Index by_first;
  for (std::string& n : names) {
    if (utf8_length(n) < 2) continue;
    std::string first = n.substr(0, utf8_char_length(n, 0));
    by_first[first].push_back(std::move(n));
  }
  for (auto& [first, list] : by_first)
    std::stable_sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
  return by_first;
}

NameMask::NameMask(std::vector<std::string> names, std::vector<std::string> organisations) {
  // A name held both as a person's and as an organisation's is a person's:
  // when in doubt, mask.
  std::sort(names.begin(), names.end());
  organisations.erase(std::remove_if(organisations.begin(), organisations.end(),
                                     [&](const std::string& o) {
                                       return std::binary_search(names.begin(), names.end(), o);
                                     }),
                      organisations.end());
  people_ = index(std::move(names));
  organisations_ = index(std::move(organisations));
}

const std::string* NameMask::match(const Index& index, const std::string& text, std::size_t i) {
  auto it = index.find(text.substr(i, utf8_char_length(text, i)));
  if (it == index.end()) return nullptr;
  for (const std::string& n : it->second)
    if (text.compare(i, n.size(), n) == 0) return &n;
  return nullptr;
}

std::string NameMask::masked(const std::string& name) {
  for (std::string_view s : kCompoundSurnames)
    if (name.size() > s.size() && name.compare(0, s.size(), s) == 0)
      return std::string(s) + "某某";
  return name.substr(0, name.empty() ? 0 : utf8_char_length(name, 0)) + "某某";
}

std::string NameMask::apply(const std::string& text) const {
  if (people_.empty()) return text;
  std::string out;
  out.reserve(text.size());
  // Whether an organisation's name starts inside text[from, to).
  const auto organisation_within = [&](std::size_t from, std::size_t to) {
    for (std::size_t j = from; j < to; j += utf8_char_length(text, j))
      if (match(organisations_, text, j)) return true;
    return false;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::string* organisation = match(organisations_, text, i)) {
      out += *organisation;
      i += organisation->size();
      continue;
    }
    const std::size_t len = utf8_char_length(text, i);
    const std::string* person = match(people_, text, i);
    if (person && !organisation_within(i + len, i + person->size())) {
      out += masked(*person);
      i += person->size();
    } else {
      out.append(text, i, len);
      i += len;
    }
  }
  return out;
}

}  // namespace fazhi::domain
