#include "nearest.hpp"

#include "quote.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace fazhi {

std::vector<std::string_view> characters(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size() && out.size() < kMaxCompared;) {
    const std::size_t n = utf8_char_length(text, i);
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

std::size_t edit_distance(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

namespace {

// How near `known` is to `typed` (the given text's characters), or nothing
// when it is not near: within `limit` edits, or one containing the other.
std::optional<std::size_t> nearness(std::string_view given, const std::vector<std::string_view>& typed,
                                    const std::string& known_text, std::size_t limit) {
  if (known_text.empty() || known_text == given) return std::nullopt;
  const std::vector<std::string_view> known = characters(known_text);
  const std::size_t longer = std::max(known.size(), typed.size());
  const std::size_t shorter = std::min(known.size(), typed.size());
  // One inside the other ("mediation" for "mediation_case"): as near as a
  // typo of one character.
  if (shorter >= 3 && (known_text.find(given) != std::string::npos ||
                       given.find(known_text) != std::string_view::npos))
    return 1;
  if (longer - shorter > limit) return std::nullopt;
  const std::size_t d = edit_distance(typed, known);
  if (d > limit) return std::nullopt;
  return d;
}

}  // namespace

std::vector<std::string> nearest(std::string_view given, const std::vector<std::string>& candidates,
                                 std::size_t max, const std::vector<std::string>* aliases) {
  const std::vector<std::string_view> typed = characters(given);
  // One or two characters ("1", "v2") are near too much to suggest anything.
  if (typed.size() < 3) return {};
  // A third of the name may be mistyped; beyond that a suggestion is a guess.
  const std::size_t limit = std::max<std::size_t>(1, typed.size() / 3);
  std::vector<std::pair<std::size_t, std::size_t>> near;  // (distance, index)
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i] == given) continue;
    std::optional<std::size_t> d = nearness(given, typed, candidates[i], limit);
    if (aliases && i < aliases->size()) {
      const std::optional<std::size_t> by_alias = nearness(given, typed, (*aliases)[i], limit);
      if (by_alias && (!d || *by_alias < *d)) d = by_alias;
    }
    if (d) near.emplace_back(*d, i);
  }
  std::stable_sort(near.begin(), near.end());
  std::vector<std::string> out;
  for (const auto& [d, i] : near) {
    // The nearest only (several when equally near): not a list of
    // everything within reach.
    if (out.size() == max || d > near.front().first) break;
    if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) out.push_back(candidates[i]);
  }
  return out;
}

std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates,
                         const std::vector<std::string>* aliases) {
  const std::vector<std::string> near = nearest(given, candidates, 3, aliases);
  if (near.empty()) return {};
  std::string s = " (did you mean ";
  for (std::size_t i = 0; i < near.size(); ++i) {
    if (i) s += i + 1 == near.size() ? " or " : ", ";
    s += quote(near[i]);
  }
  return s + "?)";
}

}  // namespace fazhi
