// line_file.hpp — reads a file line by line, with a bound on one line.
//
// NDJSON files can be large, and a path can name something that never ends
// (/dev/zero, a pipe). A LineFile reads in pieces and holds only the line
// being read (plus, after mark(), the lines since the mark), so memory stays
// flat; a line longer than the bound is an error as soon as the bound is
// passed, so an endless input without a newline ends with an error instead of
// filling memory.
//
// Dependency-free (the standard library and POSIX): the command compiles it
// too, so that fz_import_file and `fazhi import` split files the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fazhi::exchange {

// The most bytes one NDJSON line may hold, its end ("\n" or "\r\n") not
// counted (FZ_MAX_LINE_BYTES in fazhi.h): 16 MiB.
inline constexpr std::size_t kMaxLineBytes = 16u * 1024u * 1024u;

class LineFileError : public std::runtime_error {
 public:
  enum class Reason {
    open,      // the file cannot be opened (or is a directory)
    read,      // reading failed
    too_long,  // line() is longer than the bound
  };
  LineFileError(Reason reason, std::size_t line, int error_number, const std::string& message)
      : std::runtime_error(message), reason_(reason), line_(line), errno_(error_number) {}
  Reason reason() const noexcept { return reason_; }
  std::size_t line() const noexcept { return line_; }       // for too_long
  int error_number() const noexcept { return errno_; }     // for open and read

 private:
  Reason reason_;
  std::size_t line_;
  int errno_;
};

class LineFile {
 public:
  // Opens `path` for reading. Throws LineFileError(open).
  explicit LineFile(const std::string& path, std::size_t max_line = kMaxLineBytes);
  ~LineFile();
  LineFile(const LineFile&) = delete;
  LineFile& operator=(const LineFile&) = delete;

  // The next line without its '\n' ("\r" before it is kept; a UTF-8 byte
  // order mark at the start of the file is removed) and its number, counted
  // from 1 as an editor counts them; false at the end of the file. The view
  // stays valid until the next call of next() or rewind(). Throws
  // LineFileError(read | too_long).
  bool next(std::string_view& line, std::size_t& number);

  // Remembers the line next() returned last: rewind() goes back to it. The
  // bytes from that line on are kept in memory until the next mark().
  void mark();
  // Makes next() return the marked line again, then the lines after it.
  void rewind();

  // Bytes of the file up to the end of the line returned last.
  std::uint64_t bytes_read() const { return base_ + pos_; }
  // The size of a regular file; 0 for anything else.
  std::uint64_t size() const { return size_; }

 private:
  bool read_more();  // false at the end of the file
  void compact();

  std::size_t max_line_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::string buffer_;
  std::uint64_t base_ = 0;     // offset in the file of buffer_[0]
  std::size_t pos_ = 0;        // where the next line starts in buffer_
  std::size_t scanned_ = 0;    // buffer_[pos_, scanned_) holds no '\n'
  std::size_t number_ = 0;     // number of the line returned last
  std::size_t last_start_ = 0; // where the line returned last starts
  bool marked_ = false;
  std::size_t mark_start_ = 0;
  std::size_t mark_number_ = 0;
  bool at_end_ = false;
  bool bom_checked_ = false;
};

}  // namespace fazhi::exchange
