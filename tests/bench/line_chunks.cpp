#include "line_chunks.hpp"

#include <sys/types.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace bench {

LineChunks::LineChunks(const std::string& path, std::size_t lines_per_chunk)
    : path_(path), lines_per_chunk_(lines_per_chunk), f_(std::fopen(path.c_str(), "rb")) {
  if (!f_) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
}

LineChunks::~LineChunks() {
  std::free(line_);
  std::fclose(f_);
}

bool LineChunks::next(std::string& text, std::size_t& lines) {
  text.clear();
  lines = 0;
  while (lines < lines_per_chunk_) {
    ssize_t n = ::getline(&line_, &capacity_, f_);
    if (n < 0) {
      if (std::ferror(f_)) throw std::runtime_error("cannot read " + path_ + ": " + std::strerror(errno));
      break;
    }
    text.append(line_, static_cast<std::size_t>(n));
    ++lines;
  }
  return lines > 0;
}

}  // namespace bench
