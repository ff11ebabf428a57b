// sha256.hpp — SHA-256 and HMAC-SHA-256 (OpenSSL's libcrypto does the work),
// as raw bytes or lower-case hex, and the hex codec the journal uses for its
// hashes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fazhi::store {

// The 32-byte digest of the concatenation of the parts, without building it.
std::string sha256_raw(std::string_view a, std::string_view b = {});

// HMAC-SHA-256 of `message` under `key` (32 bytes): the journal's keyed
// checkpoints.
std::string hmac_sha256(std::string_view key, std::string_view message);

// The same digest as 64 lower-case hex digits.
std::string sha256_hex(std::string_view a, std::string_view b = {});

// Bytes as lower-case hex.
std::string to_hex(std::string_view bytes);

// Lower-case hex back to bytes; nothing for anything else (an odd length,
// another character, upper case: to_hex would not give it back).
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace fazhi::store
