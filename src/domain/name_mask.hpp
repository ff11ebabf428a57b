// name_mask.hpp — keeps personal names out of reports. The names fazhi holds
// (mediation parties, petitioners, 法律明白人) are replaced wherever they
// occur in report text by the surname and 某某: 胡开堂 -> 胡某某, 欧阳明 -> 欧阳某某.
//
// Masking touches people only. The names of organisations fazhi holds (units,
// mediation committees, law firms, courts, reviewing bodies, organisations
// that are parties) are never masked: 张三村村民委员会 stays as it is even
// when a person named 张三 is held, while 张三 on its own is still masked.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace fazhi::domain {

class NameMask {
 public:
  // `names`: every personal name the database holds; `organisations`: every
  // organisational name it holds (one that is also a personal name counts as
  // a personal name). Names shorter than two characters are ignored (a
  // one-character "name" would mask ordinary words).
  explicit NameMask(std::vector<std::string> names, std::vector<std::string> organisations = {});

  // `text` with every held personal name masked, except inside an
  // organisation's name (which is copied as it is, the longest first). A
  // personal name is masked only where no organisation's name starts inside
  // it either. The longest personal names are matched first, so 张三丰 is not
  // left as 张某某丰 because 张三 is also held.
  std::string apply(const std::string& text) const;

  // The masked form of one name: surname (one character, or a compound
  // surname such as 欧阳 or 司马) followed by 某某.
  static std::string masked(const std::string& name);

 private:
  // Names by their first character, longest first: a text is scanned once,
  // and at each character only the names starting with it are tried.
  using Index = std::unordered_map<std::string, std::vector<std::string>>;
  static Index index(std::vector<std::string> names);
  // The longest name of `index` that starts at text[i], or nullptr.
  static const std::string* match(const Index& index, const std::string& text, std::size_t i);

  Index people_;
  Index organisations_;
};

}  // namespace fazhi::domain
