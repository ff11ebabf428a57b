// sha256.hpp — SHA-256 as lower-case hex (OpenSSL's libcrypto does the work).
#pragma once

#include <string>
#include <string_view>

namespace fazhi::store {

// Hex digest of the concatenation of the parts, without building it.
std::string sha256_hex(std::string_view a, std::string_view b = {});

}  // namespace fazhi::store
