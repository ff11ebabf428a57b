// log.hpp — the library's logger. Silent by default: fazhi never writes to
// stdout or stderr on its own. The host routes messages to a callback.
#pragma once

#include <spdlog/logger.h>

#include <cstdint>
#include <memory>

namespace fazhi {

// Receives (level 0 trace .. 5 critical, UTF-8 message, user pointer).
using LogCallback = void (*)(std::int32_t level, const char* message, void* user);

// The logger every part of the library writes to.
spdlog::logger& logger();

// Sends messages at min_level and above to fn; fn == nullptr silences the log.
void set_log_callback(LogCallback fn, void* user, std::int32_t min_level);

}  // namespace fazhi
