#include "store/file_target.hpp"

#include "quote.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <system_error>

namespace fazhi::store {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxLinkHops = 40;             // as the kernel's ELOOP limit
constexpr std::size_t kBufferBytes = 1 << 20;  // written in pieces of about this
constexpr std::size_t kTempNameBytes = 100;    // of the target's name in the temporary's

[[noreturn]] void refuse(const std::string& message) {
  throw FileTargetError(FileTargetError::Reason::refused, message);
}

// `given` made absolute with every symbolic link resolved: the final
// component link by link (a dangling link leads to the file it names, to be
// created), then the directories above it.
fs::path resolve(const std::string& given) {
  std::error_code ec;
  fs::path p = fs::absolute(given, ec);
  if (ec) throw FileTargetError(FileTargetError::Reason::io, "cannot resolve " + quote(given) + ": " + ec.message());
  for (int hops = 0;; ++hops) {
    const fs::file_status st = fs::symlink_status(p, ec);
    if (ec || !fs::is_symlink(st)) break;  // absent, or not a link
    if (hops == kMaxLinkHops) refuse(quote(given) + " is a chain of more than 40 symbolic links");
    const fs::path next = fs::read_symlink(p, ec);
    if (ec) throw FileTargetError(FileTargetError::Reason::io, "cannot read the symbolic link " + quote(p.string()) + ": " + ec.message());
    p = next.is_absolute() ? next : p.parent_path() / next;
  }
  fs::path resolved = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : resolved;
}

std::string type_name(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory: return "a directory";
    case fs::file_type::block: return "a block device";
    case fs::file_type::character: return "a character device";
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

// "'out.ndjson'" or "'link.ndjson' (which leads to '/data/x.db')".
std::string named(const std::string& given, const fs::path& resolved) {
  std::error_code ec;
  const fs::path plain = fs::absolute(given, ec).lexically_normal();
  if (!ec && plain == resolved) return quote(given);
  return quote(given) + " (which leads to " + quote(resolved.string()) + ")";
}

// A name for the temporary file beside `target` that no other writer uses:
// the target's name, this process and a random number.
std::string temp_name(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  static thread_local std::mt19937_64 rng{std::random_device{}() ^
                                             (static_cast<std::uint64_t>(::getpid()) << 32)};
  std::string base = target.filename().string();
  if (base.size() > kTempNameBytes) base.resize(kTempNameBytes);
  char suffix[64];
  std::snprintf(suffix, sizeof suffix, ".%ld.%u.%016llx.tmp", static_cast<long>(::getpid()),
                counter.fetch_add(1), static_cast<unsigned long long>(rng()));
  return (target.parent_path() / ("." + base + suffix)).string();
}

}  // namespace

std::vector<ProtectedFile> database_files(const std::string& db_path) {
  if (db_path.empty()) return {};
  return {{db_path, "the open database"},
          {db_path + "-wal", "the open database's write-ahead log (-wal)"},
          {db_path + "-shm", "the open database's shared-memory index (-shm)"},
          {db_path + "-journal", "the open database's rollback journal (-journal)"}};
}

FileTarget::FileTarget(const std::string& path, const std::vector<ProtectedFile>& protect)
    : given_(path) {
  if (path.empty()) refuse("the path is empty");
  const fs::path resolved = resolve(path);
  target_ = resolved.string();

  std::error_code ec;
  const fs::file_status st = fs::status(resolved, ec);
  const bool exists = !ec && fs::exists(st);
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
    throw FileTargetError(FileTargetError::Reason::io, "cannot examine " + named(path, resolved) + ": " + ec.message());
  if (exists && !fs::is_regular_file(st))
    refuse(named(path, resolved) + " is " + type_name(st.type()) + ", not a regular file");

  for (const ProtectedFile& p : protect) {
    std::error_code pec;
    const fs::path other = fs::weakly_canonical(fs::absolute(p.path, pec), pec);
    bool same = !pec && other == resolved;
    if (!same && exists) {
      std::error_code eec;
      same = fs::equivalent(resolved, fs::absolute(p.path, eec), eec) && !eec;
    }
    if (same) refuse(named(path, resolved) + " is " + p.what + "; it is never overwritten");
  }

  for (int attempt = 0; fd_ < 0; ++attempt) {
    temp_ = temp_name(resolved);
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0 && (errno != EEXIST || attempt == 100)) {
      const int error = errno;
      temp_.clear();
      fail_io("cannot write " + named(path, resolved), error);
    }
  }
  // The replaced file keeps its permissions.
  struct stat old {};
  if (exists && ::stat(target_.c_str(), &old) == 0) (void)::fchmod(fd_, old.st_mode & 07777);
}

FileTarget::~FileTarget() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void FileTarget::fail_io(const std::string& doing, int error) const {
  throw FileTargetError(FileTargetError::Reason::io, doing + ": " + std::strerror(error));
}

void FileTarget::write(std::string_view bytes) {
  buffer_.append(bytes);
  if (buffer_.size() >= kBufferBytes) flush();
}

void FileTarget::flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_io("error writing " + quote(given_), errno);
    }
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void FileTarget::commit() {
  flush();
  if (::fsync(fd_) != 0) fail_io("error writing " + quote(given_), errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail_io("error writing " + quote(given_), errno);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail_io("cannot replace " + quote(given_), errno);
  committed_ = true;
}

}  // namespace fazhi::store
