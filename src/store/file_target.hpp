// file_target.hpp — writing a whole file without destroying anything.
//
// Every file fazhi writes (an NDJSON export, a report written by the command)
// goes through a FileTarget, which
//   * resolves symbolic links first, so a link keeps pointing at the file it
//     named and the file behind it is what gets replaced;
//   * refuses a target that is a protected file (the open database, its -wal,
//     -shm or -journal file), compared by resolved path and by device and
//     inode, so another name or a hard link is caught as well;
//   * refuses a target that exists and is not a regular file (a directory, a
//     device, a FIFO, a socket);
//   * writes a temporary file beside the target, created with O_EXCL under a
//     name nobody else uses, renames it over the target only once everything
//     was written and synced, and removes it on every failure.
//
// Dependency-free (the standard library and POSIX): the command compiles it
// too, so that both write files by the same rules.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::store {

// Why a file could not be written.
class FileTargetError : public std::runtime_error {
 public:
  enum class Reason {
    refused,  // the target must not be replaced (the caller's mistake)
    io,       // the file system failed: missing directory, no permission, disk full
  };
  FileTargetError(Reason reason, const std::string& message)
      : std::runtime_error(message), reason_(reason) {}
  Reason reason() const noexcept { return reason_; }

 private:
  Reason reason_;
};

// A file that no write may replace, and what it is in a message
// ("the open database").
struct ProtectedFile {
  std::string path;
  std::string what;
};

// The database file `db_path` and its -wal, -shm and -journal files. Empty
// for an in-memory database (an empty path).
std::vector<ProtectedFile> database_files(const std::string& db_path);

class FileTarget {
 public:
  // Checks `path` as described above and creates the temporary file. Throws
  // FileTargetError: `refused` for a protected or non-regular target, `io`
  // when the temporary file cannot be created.
  FileTarget(const std::string& path, const std::vector<ProtectedFile>& protect);
  // Removes the temporary file unless commit() succeeded.
  ~FileTarget();
  FileTarget(const FileTarget&) = delete;
  FileTarget& operator=(const FileTarget&) = delete;

  // Appends to the temporary file. Throws FileTargetError(io).
  void write(std::string_view bytes);
  // Writes what is buffered, syncs, closes and renames the temporary file
  // over the target. Throws FileTargetError(io); the temporary file is then
  // removed by the destructor and the target is as it was.
  void commit();

  // The path that is replaced: `path` with its symbolic links resolved.
  const std::string& target() const { return target_; }

 private:
  void flush();
  [[noreturn]] void fail_io(const std::string& doing, int error) const;

  std::string given_;   // as the caller wrote it, for messages
  std::string target_;  // resolved
  std::string temp_;    // beside target_
  int fd_ = -1;
  std::string buffer_;
  bool committed_ = false;
};

}  // namespace fazhi::store
