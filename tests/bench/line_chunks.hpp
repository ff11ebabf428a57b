// line_chunks.hpp — a file read in chunks of whole lines, as a host feeding
// fz_import reads its input: the chunk in memory, never the whole file.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace bench {

class LineChunks {
 public:
  LineChunks(const std::string& path, std::size_t lines_per_chunk);
  ~LineChunks();
  LineChunks(const LineChunks&) = delete;
  LineChunks& operator=(const LineChunks&) = delete;

  // The next chunk (its '\n's kept) into `text`; false at the end of the file.
  bool next(std::string& text, std::size_t& lines);

 private:
  std::string path_;
  std::size_t lines_per_chunk_;
  std::FILE* f_ = nullptr;
  char* line_ = nullptr;
  std::size_t capacity_ = 0;
};

}  // namespace bench
