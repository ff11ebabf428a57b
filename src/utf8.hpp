// utf8.hpp — UTF-8 validation: every string fazhi takes in must be valid UTF-8
// (no overlong forms, no surrogates, nothing beyond U+10FFFF).
//
// Dependency-free (the standard library only): the command compiles it too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fazhi {

bool is_valid_utf8(std::string_view text);

// Bytes of the character that starts at text[i] (1 to 4, never past the end).
std::size_t utf8_char_length(std::string_view text, std::size_t i);

// Characters of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// `text` made fit for a message, which must be UTF-8: its well-formed
// characters kept, every other byte written as \xNN. A caller's text that
// is not UTF-8 (the C ABI refuses it, but a C++ host's strings reach some
// messages unchecked) and text cut inside a character (a parser's "last
// read" token) are shown, not dropped, and the message stays UTF-8.
std::string escape_invalid_utf8(std::string_view text);

}  // namespace fazhi
