#include "log.hpp"

#include <spdlog/sinks/base_sink.h>

#include <mutex>
#include <string>

namespace fazhi {
namespace {

// Forwards formatted messages to the host's callback. base_sink<std::mutex>
// serialises calls, so the host's callback never runs on two threads at once.
class CallbackSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void set(LogCallback fn, void* user) {
    std::lock_guard<std::mutex> lock(mutex_);
    fn_ = fn;
    user_ = user;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    if (fn_ == nullptr) return;
    std::string text(msg.payload.data(), msg.payload.size());
    fn_(static_cast<std::int32_t>(msg.level), text.c_str(), user_);
  }
  void flush_() override {}

 private:
  LogCallback fn_ = nullptr;
  void* user_ = nullptr;
};

struct LogState {
  std::shared_ptr<CallbackSink> sink = std::make_shared<CallbackSink>();
  spdlog::logger logger{"fazhi", sink};
  LogState() { logger.set_level(spdlog::level::off); }
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

}  // namespace fazhi
