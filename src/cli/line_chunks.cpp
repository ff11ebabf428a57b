#include "line_chunks.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "cli_error.hpp"

namespace fazhi::cli {

namespace {

// Files saved by Windows Notepad and many Chinese office tools start with a
// UTF-8 byte order mark; it is not part of the first record.
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

LineChunkReader::LineChunkReader(const std::string& path, std::int64_t lines_per_chunk)
    : path_(path), in_(path, std::ios::binary), lines_per_chunk_(lines_per_chunk) {
  if (!in_) {
    throw CliError(kExitData, "打开 " + path + ": " + std::strerror(errno));
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  size_ = ec ? 0 : static_cast<std::uint64_t>(size);
}

bool LineChunkReader::next(LineChunk& chunk) {
  chunk.text.clear();
  chunk.first_line = next_line_;
  chunk.lines = 0;
  std::string line;
  while (chunk.lines < lines_per_chunk_ && std::getline(in_, line)) {
    bytes_read_ += line.size();
    if (!in_.eof()) {
      // getline stopped at a '\n' (the last line may lack one).
      line += '\n';
      ++bytes_read_;
    }
    if (next_line_ == 1 && line.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0) {
      line.erase(0, kUtf8Bom.size());
    }
    chunk.text += line;
    ++chunk.lines;
    ++next_line_;
  }
  if (in_.bad()) {
    throw CliError(kExitData, "读取 " + path_ + " 第 " + std::to_string(next_line_) +
                                  " 行: " + std::strerror(errno));
  }
  chunk.bytes_read = bytes_read_;
  return chunk.lines > 0;
}

}  // namespace fazhi::cli
