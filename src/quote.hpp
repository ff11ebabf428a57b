// quote.hpp — a caller's value inside a message, bounded.
//
// Messages name the value that was wrong (a key, a kind, a code, a path...),
// but the value comes from the caller and may be megabytes long. quote()
// keeps at most kQuoteMaxBytes of it, cut at a UTF-8 character boundary, and
// then states the whole length, so a message stays short whatever it quotes:
//   'p1'                          (short values as they are)
//   'aaaa…' (10485760 bytes)      (long values cut)
//   '10\xFF90'                    (bytes that are not UTF-8 as \xNN)
// A message is UTF-8 (error.hpp), whatever the value was: the value is bounded
// in bytes of its own, then its bytes that are no part of a well-formed
// character are written as \xNN (so a cut value is at most 4 x 200 bytes).
//
// Dependency-free but for utf8.cpp (the standard library only): the command
// compiles both too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fazhi {

// The most bytes of a value that a message repeats.
inline constexpr std::size_t kQuoteMaxBytes = 200;

// `value` in single quotes, cut as described above.
std::string quote(std::string_view value);

// The same without the quotes: for a caller's name used as the field of an
// error ("colour: unknown option").
std::string bounded(std::string_view value);

}  // namespace fazhi
