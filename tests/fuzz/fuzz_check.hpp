// fuzz_check.hpp — how a fuzz harness states an invariant. A harness that
// only waited for a crash would miss every wrong answer, so each one checks
// what fazhi promises about its answer; a broken promise prints what was
// expected and aborts, which libFuzzer reports like a crash, saving the input
// (crash-<sha1>) so that `harness crash-<sha1>` replays it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fazhi_fuzz {

// Prints "invariant broken: <what>" and <detail>, then aborts.
[[noreturn]] void broken(std::string_view what, std::string_view detail = {});

// Whether `text` is well-formed UTF-8 (nlohmann::json's encoder is the judge,
// the same one fazhi writes its JSON with).
bool is_utf8(std::string_view text);

// A message fazhi gave for a failure: not empty, UTF-8, and short whatever
// the input was (a caller's value in a message is cut after 200 bytes, so a
// message far longer than that repeats more of the input than it should).
// `where` names the call, for the report.
void check_message(std::string_view where, std::string_view message);

// The bytes of a fuzz input as text (may hold NULs and invalid UTF-8).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace fazhi_fuzz

// Checks `cond`; when false, breaks with the condition's text and `detail`.
#define FUZZ_CHECK(cond, detail)                                 \
  do {                                                           \
    if (!(cond)) ::fazhi_fuzz::broken(#cond, (detail));          \
  } while (0)
