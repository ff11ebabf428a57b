// utf8.hpp — UTF-8 validation: every string fazhi takes in must be valid UTF-8
// (no overlong forms, no surrogates, nothing beyond U+10FFFF).
#pragma once

#include <cstddef>
#include <string_view>

namespace fazhi {

bool is_valid_utf8(std::string_view text);

// Bytes of the character that starts at text[i] (1 to 4, never past the end).
std::size_t utf8_char_length(std::string_view text, std::size_t i);

// Characters of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace fazhi
