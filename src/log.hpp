// log.hpp — the library's logger. Silent by default: fazhi never writes to
// stdout or stderr on its own. The host routes messages to a callback
// (fz_set_log), process-wide.
//
// The callback never runs while a handle's lock is held. Messages raised
// during a C ABI call are queued on the calling thread and delivered on that
// thread when the call has finished its work (locks released, before it
// returns), so a callback may call fazhi again, on the same handle too. At
// most kMaxDeferredMessages are queued per call; the rest are counted and
// reported in one last message. Outside a C ABI call messages are delivered
// at once.
#pragma once

#include <spdlog/logger.h>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace fazhi {

// Receives (level 0 trace .. 5 critical, UTF-8 message, user pointer).
using LogCallback = void (*)(std::int32_t level, const char* message, void* user);

// The logger every part of the library writes to.
spdlog::logger& logger();

// Sends messages at min_level and above to fn; fn == nullptr silences the log.
void set_log_callback(LogCallback fn, void* user, std::int32_t min_level);

constexpr std::size_t kMaxDeferredMessages = 1000;

// Holds this thread's messages back while it lives; the outermost one
// delivers them when it ends. The C ABI puts one around every call's work.
class LogDeferral {
 public:
  LogDeferral() noexcept;
  ~LogDeferral();
  LogDeferral(const LogDeferral&) = delete;
  LogDeferral& operator=(const LogDeferral&) = delete;
};

}  // namespace fazhi
