#include "log.hpp"

#include <spdlog/sinks/base_sink.h>

#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace fazhi {
namespace {

struct Message {
  std::int32_t level;
  std::string text;
};

// This thread's held-back messages (see LogDeferral).
struct Deferred {
  int depth = 0;
  std::vector<Message> queue;
  std::size_t dropped = 0;
};

Deferred& deferred() {
  thread_local Deferred d;
  return d;
}

// Forwards formatted messages to the host's callback, or queues them while a
// LogDeferral is active on the calling thread.
class CallbackSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void set(LogCallback fn, void* user) {
    std::lock_guard<std::mutex> lock(mutex_);
    fn_ = fn;
    user_ = user;
  }

  // The callback, read under the sink's lock and called without it.
  std::pair<LogCallback, void*> target() {
    std::lock_guard<std::mutex> lock(mutex_);
    return {fn_, user_};
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    if (fn_ == nullptr) return;
    Message m{static_cast<std::int32_t>(msg.level), std::string(msg.payload.data(), msg.payload.size())};
    Deferred& d = deferred();
    if (d.depth > 0) {
      if (d.queue.size() < kMaxDeferredMessages) d.queue.push_back(std::move(m));
      else ++d.dropped;
      return;
    }
    // Not inside a call: deliver now. base_sink holds its own mutex here,
    // which serialises the callback; no fazhi handle lock is held.
    call(fn_, user_, m);
  }
  void flush_() override {}

 public:
  static void call(LogCallback fn, void* user, const Message& m) noexcept {
    try {
      fn(m.level, m.text.c_str(), user);
    } catch (...) {
      // A host callback that throws must not take the library down.
    }
  }

 private:
  LogCallback fn_ = nullptr;
  void* user_ = nullptr;
};

struct LogState {
  std::shared_ptr<CallbackSink> sink = std::make_shared<CallbackSink>();
  spdlog::logger logger{"fazhi", sink};
  LogState() {
    logger.set_level(spdlog::level::off);
    // spdlog reports its own failures on stderr by default; an embedded
    // library must stay silent.
    logger.set_error_handler([](const std::string&) {});
  }
};

LogState& state() {
  static LogState s;
  return s;
}

}  // namespace

spdlog::logger& logger() { return state().logger; }

void set_log_callback(LogCallback fn, void* user, std::int32_t min_level) {
  LogState& s = state();
  s.sink->set(fn, user);
  if (fn == nullptr) {
    s.logger.set_level(spdlog::level::off);
    return;
  }
  if (min_level < 0) min_level = 0;
  if (min_level > 5) min_level = 5;
  s.logger.set_level(static_cast<spdlog::level::level_enum>(min_level));
}

LogDeferral::LogDeferral() noexcept { ++deferred().depth; }

LogDeferral::~LogDeferral() {
  Deferred& d = deferred();
  if (--d.depth > 0) return;
  if (d.queue.empty() && d.dropped == 0) return;
  // Taken out first: a callback that calls fazhi queues and delivers its own.
  std::vector<Message> queue;
  queue.swap(d.queue);
  const std::size_t dropped = std::exchange(d.dropped, 0);
  try {
    if (dropped > 0)
      queue.push_back({static_cast<std::int32_t>(spdlog::level::warn),
                       std::to_string(dropped) + " more log messages of this call were dropped"});
  } catch (...) {
  }
  const auto [fn, user] = state().sink->target();
  if (fn == nullptr) return;
  for (const Message& m : queue) CallbackSink::call(fn, user, m);
}

}  // namespace fazhi
