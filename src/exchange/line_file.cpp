#include "exchange/line_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace fazhi::exchange {
namespace {

constexpr std::size_t kPieceBytes = 256 * 1024;  // one read()
// Consumed bytes are dropped from the front of the buffer once they are at
// least this many, or half of it: each byte is moved a bounded number of times.
constexpr std::size_t kCompactBytes = 1 << 20;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

LineFile::LineFile(const std::string& path, std::size_t max_line) : max_line_(max_line) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    const int error = errno;
    throw LineFileError(LineFileError::Reason::open, 0, error, std::strerror(error));
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd_);
      fd_ = -1;
      throw LineFileError(LineFileError::Reason::open, 0, EISDIR, "it is a directory");
    }
    if (S_ISREG(st.st_mode)) size_ = static_cast<std::uint64_t>(st.st_size);
  }
}

LineFile::~LineFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool LineFile::read_more() {
  if (at_end_) return false;
  const std::size_t old = buffer_.size();
  buffer_.resize(old + kPieceBytes);
  ssize_t n = 0;
  do {
    n = ::read(fd_, &buffer_[old], kPieceBytes);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    const int error = errno;
    buffer_.resize(old);
    throw LineFileError(LineFileError::Reason::read, number_ + 1, error, std::strerror(error));
  }
  buffer_.resize(old + static_cast<std::size_t>(n));
  at_end_ = n == 0;
  return n > 0;
}

void LineFile::compact() {
  const std::size_t keep = marked_ ? std::min(mark_start_, pos_) : pos_;
  if (keep == 0 || (keep < kCompactBytes && keep * 2 < buffer_.size())) return;
  buffer_.erase(0, keep);
  base_ += keep;
  pos_ -= keep;
  scanned_ -= keep;
  last_start_ -= std::min(last_start_, keep);
  if (marked_) mark_start_ -= keep;
}

bool LineFile::next(std::string_view& line, std::size_t& number) {
  compact();
  if (!bom_checked_) {
    while (buffer_.size() < kUtf8Bom.size() && read_more()) {
    }
    if (std::string_view(buffer_).substr(0, kUtf8Bom.size()) == kUtf8Bom) pos_ = kUtf8Bom.size();
    scanned_ = pos_;
    bom_checked_ = true;
  }
  for (;;) {
    const std::size_t newline = buffer_.find('\n', std::max(scanned_, pos_));
    const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
    // The bound leaves out the line's end, "\r\n" as well as "\n"; while the
    // newline is still to come, the last byte may be that '\r'.
    std::size_t length = end - pos_;
    if (length > 0 && buffer_[end - 1] == '\r') --length;
    if (length > max_line_)
      throw LineFileError(LineFileError::Reason::too_long, number_ + 1, 0,
                          "line " + std::to_string(number_ + 1) + " is longer than " +
                              std::to_string(max_line_) + " bytes");
    if (newline != std::string::npos || (at_end_ && pos_ < buffer_.size())) {
      last_start_ = pos_;
      line = std::string_view(buffer_).substr(pos_, end - pos_);
      pos_ = newline == std::string::npos ? end : newline + 1;
      scanned_ = pos_;
      number = ++number_;
      return true;
    }
    if (at_end_) return false;
    scanned_ = buffer_.size();
    read_more();
  }
}

void LineFile::mark() {
  marked_ = true;
  mark_start_ = last_start_;
  mark_number_ = number_ == 0 ? 0 : number_ - 1;
}

void LineFile::rewind() {
  if (!marked_) return;
  pos_ = mark_start_;
  scanned_ = pos_;
  number_ = mark_number_;
}

}  // namespace fazhi::exchange
