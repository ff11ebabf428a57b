// utf8.hpp — UTF-8 validation: every string fazhi takes in must be valid UTF-8
// (no overlong forms, no surrogates, nothing beyond U+10FFFF).
#pragma once

#include <string_view>

namespace fazhi {

bool is_valid_utf8(std::string_view text);

}  // namespace fazhi
