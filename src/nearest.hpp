// nearest.hpp — "did you mean": the known names nearest a name that is not
// known, for messages about unknown kinds, fields, options, codes and keys.
//
// Nearness is the edit distance over characters (code points), so a typo in
// a Chinese name counts one per character, not per byte; a candidate is near
// when it is at most a third of the given name's length away (at least 1),
// or when one contains the other; only the nearest are offered (several when
// equally near), and nothing for a name of fewer than 3 characters. Bounded: names are compared on their first
// kMaxCompared characters, and callers pass at most a few thousand
// candidates.
//
// Dependency-free (the standard library and utf8): the command compiles it too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

inline constexpr std::size_t kMaxCompared = 64;

// The text as characters (code points), at most kMaxCompared of them.
std::vector<std::string_view> characters(std::string_view text);

// Levenshtein distance between two texts split by characters().
std::size_t edit_distance(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

// Up to `max` candidates near `given`, nearest first (ties in the order
// given); never `given` itself. `aliases`, when given, holds one more name
// per candidate (a unit's name beside its key): a candidate is as near as
// the nearer of the two.
std::vector<std::string> nearest(std::string_view given, const std::vector<std::string>& candidates,
                                 std::size_t max = 3, const std::vector<std::string>* aliases = nullptr);

// " (did you mean 'a' or 'b'?)" for the nearest candidates, quoted as
// messages quote values; empty when none is near.
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates,
                         const std::vector<std::string>* aliases = nullptr);

}  // namespace fazhi
