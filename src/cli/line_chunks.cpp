#include "line_chunks.hpp"

#include <cstring>
#include <string_view>

#include "cli_error.hpp"

namespace fazhi::cli {

LineChunkReader::LineChunkReader(const std::string& path, std::int64_t lines_per_chunk)
    : path_(path), lines_per_chunk_(lines_per_chunk) {
  try {
    file_ = std::make_unique<exchange::LineFile>(path);
  } catch (const exchange::LineFileError& e) {
    throw CliError(kExitData, "打开 " + path + ": " + std::strerror(e.error_number()));
  }
}

bool LineChunkReader::next(LineChunk& chunk) {
  if (pending_) throw *pending_;
  chunk.text.clear();
  chunk.first_line = next_line_;
  chunk.lines = 0;
  std::string_view line;
  std::size_t number = 0;
  try {
    while (chunk.lines < lines_per_chunk_ && file_->next(line, number)) {
      chunk.text.append(line);
      chunk.text += '\n';
      ++chunk.lines;
      ++next_line_;
    }
  } catch (const exchange::LineFileError& e) {
    CliError error(kExitData, "读取 " + path_ + " 第 " + std::to_string(e.line()) + " 行: " +
                                  (e.reason() == exchange::LineFileError::Reason::too_long
                                       ? "超过 " + std::to_string(exchange::kMaxLineBytes) +
                                             " 字节 (一行 NDJSON 的上限), 停止导入"
                                       : std::string(std::strerror(e.error_number()))));
    // The lines before it are imported first; the next call reports it.
    if (chunk.lines == 0) throw error;
    pending_ = error;
  }
  // fz_import skips a byte-order mark at the start of its input, and the
  // file's own mark was skipped already (LineFile): a chunk that starts with
  // one holds a line of the file that does. One more in front, for fz_import
  // to skip, lets that line be refused as it would be anywhere else.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (std::string_view(chunk.text).substr(0, kBom.size()) == kBom) chunk.text.insert(0, kBom);
  chunk.bytes_read = file_->bytes_read();
  return chunk.lines > 0;
}

}  // namespace fazhi::cli
