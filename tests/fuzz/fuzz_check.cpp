// fuzz_check.cpp — see fuzz_check.hpp.
#include "fuzz_check.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>

namespace fazhi_fuzz {

namespace {

// Far above any message fazhi writes for a short input (the longest name a
// message repeats is cut at 200 bytes, and a message repeats at most a few),
// far below what an unbounded message repeating a fuzz input would reach.
constexpr std::size_t kLongestMessage = 2048;

}  // namespace

void broken(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty())
    std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
  std::fflush(stderr);
  std::abort();
}

bool is_utf8(std::string_view text) {
  try {
    (void)nlohmann::json(std::string(text)).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

void check_message(std::string_view where, std::string_view message) {
  const std::string context = std::string(where) + ": \"" + std::string(message) + "\"";
  if (message.empty()) broken("a failure has a message", context);
  if (!is_utf8(message)) broken("a failure message is UTF-8", context);
  if (message.size() > kLongestMessage) broken("a failure message is bounded", context);
}

}  // namespace fazhi_fuzz
