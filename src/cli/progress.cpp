#include "progress.hpp"

#include <cstdio>
#include <utility>

#include "console.hpp"

namespace fazhi::cli {

namespace {

constexpr std::chrono::milliseconds kQuietStart{1000};
constexpr std::chrono::milliseconds kTerminalInterval{500};
constexpr std::chrono::milliseconds kLogInterval{5000};

}  // namespace

Progress::Progress(std::string label, std::uint64_t total_bytes, bool enabled)
    : label_(std::move(label)),
      total_bytes_(total_bytes),
      enabled_(enabled),
      terminal_(console::err_is_terminal()),
      start_(Clock::now()),
      last_(start_) {}

void Progress::update(std::int64_t lines, std::uint64_t bytes) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - start_ < kQuietStart) return;
  if (printed_ && now - last_ < (terminal_ ? kTerminalInterval : kLogInterval)) return;
  last_ = now;
  print(lines, bytes);
}

void Progress::finish(std::int64_t lines, std::uint64_t bytes) {
  // Only a run that has shown progress gets a final figure; on a terminal
  // the in-place line also needs its newline.
  if (!enabled_ || !printed_) return;
  print(lines, bytes);
  if (terminal_) console::err("\n");
}

void Progress::print(std::int64_t lines, std::uint64_t bytes) {
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(lines) / seconds : 0.0;
  char figures[128];
  if (total_bytes_ > 0) {
    std::snprintf(figures, sizeof figures, "%lld 行, %.0f 行/秒, %.0f%%",
                  static_cast<long long>(lines), rate,
                  100.0 * static_cast<double>(bytes) / static_cast<double>(total_bytes_));
  } else {
    std::snprintf(figures, sizeof figures, "%lld 行, %.0f 行/秒",
                  static_cast<long long>(lines), rate);
  }
  // "\r" + erase-to-end-of-line redraws the same line on a terminal.
  const std::string text = label_ + ": " + figures;
  console::err(terminal_ ? "\r" + text + "\x1b[K" : text + "\n");
  printed_ = true;
}

}  // namespace fazhi::cli
