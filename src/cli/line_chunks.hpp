// Reads an NDJSON file as chunks of whole lines.
//
// fz_import takes a buffer; feeding a large file in chunks of whole lines keeps
// memory flat and lets the command report progress between chunks. A chunk
// never splits a line, so every record reaches the library intact, and the
// chunk's first line number turns the library's chunk-relative line numbers
// back into line numbers of the file.
//
// The lines come from exchange::LineFile, the reader fz_import_file uses too:
// a line longer than FZ_MAX_LINE_BYTES stops the file with an error naming
// the line, so an input without newlines never fills memory.
#ifndef FAZHI_CLI_LINE_CHUNKS_HPP
#define FAZHI_CLI_LINE_CHUNKS_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cli_error.hpp"
#include "exchange/line_file.hpp"

namespace fazhi::cli {

struct LineChunk {
  std::string text;          // whole lines, as in the file (its UTF-8 BOM removed; a
                             // line's own mark kept behind one more, see next())
  std::int64_t first_line = 0;  // 1-based line number in the file of text's first line
  std::int64_t lines = 0;       // number of lines in text
  std::uint64_t bytes_read = 0; // bytes of the file consumed so far
};

class LineChunkReader {
 public:
  // Throws CliError (exit 1) when the file cannot be opened.
  LineChunkReader(const std::string& path, std::int64_t lines_per_chunk);

  // Fills chunk with the next lines; false at the end of the file.
  // Throws CliError when the file cannot be read or a line is too long (after
  // returning the lines before it as a chunk of their own).
  bool next(LineChunk& chunk);

  // Size of the file in bytes (0 if unknown), for a percentage.
  std::uint64_t size() const { return file_->size(); }

 private:
  std::string path_;
  std::unique_ptr<exchange::LineFile> file_;
  std::int64_t lines_per_chunk_;
  std::int64_t next_line_ = 1;
  std::optional<CliError> pending_;  // the error that ended the last chunk
};

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_LINE_CHUNKS_HPP
