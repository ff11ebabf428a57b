// name_mask.hpp — keeps personal names out of reports. The names fazhi holds
// (mediation parties, petitioners, 法律明白人) are replaced wherever they
// occur in report text by the surname and 某某: 胡开堂 -> 胡某某, 欧阳明 -> 欧阳某某.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace fazhi::report {

class NameMask {
 public:
  // `names`: every personal name the database holds. Names shorter than two
  // characters are ignored (a one-character "name" would mask ordinary words).
  explicit NameMask(std::vector<std::string> names);

  // `text` with every held name masked; the longest names are matched first,
  // so 张三丰 is not left as 张某某丰 because 张三 is also held.
  std::string apply(const std::string& text) const;

  // The masked form of one name: surname (one character, or a compound
  // surname such as 欧阳 or 司马) followed by 某某.
  static std::string masked(const std::string& name);

 private:
  // Held names by their first character, longest first: a text is scanned
  // once, and at each character only the names starting with it are tried.
  std::unordered_map<std::string, std::vector<std::string>> by_first_;
};

}  // namespace fazhi::report
