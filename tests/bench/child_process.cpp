#include "child_process.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "timing.hpp"

namespace bench {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void write_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

std::string read_all(int fd) {
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

// Waits for the child to exit, reads its /proc/<pid>/io while it is a zombie,
// then reaps it. Fills everything but `timed`.
void reap(pid_t pid, Clock::time_point started, ChildOutcome& out, int& wait_status) {
  siginfo_t info{};
  while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) != 0)
    if (errno != EINTR) throw std::runtime_error(std::string("waitid: ") + std::strerror(errno));
  out.process.wall = since(started);
  std::ifstream io("/proc/" + std::to_string(pid) + "/io");
  std::string name;
  std::uint64_t value = 0;
  while (io >> name >> value) {
    if (name == "write_bytes:") out.write_bytes = value;
    if (name == "cancelled_write_bytes:") out.cancelled_write_bytes = value;
  }
  rusage ru{};
  while (::wait4(pid, &wait_status, 0, &ru) < 0)
    if (errno != EINTR) throw std::runtime_error(std::string("wait4: ") + std::strerror(errno));
  out.process.user = seconds_of(ru.ru_utime);
  out.process.sys = seconds_of(ru.ru_stime);
  out.max_rss_kb = ru.ru_maxrss;
}

std::string describe(int wait_status) {
  if (WIFEXITED(wait_status)) return "exit status " + std::to_string(WEXITSTATUS(wait_status));
  if (WIFSIGNALED(wait_status)) return "killed by signal " + std::to_string(WTERMSIG(wait_status));
  return "ended abnormally";
}

}  // namespace

ChildOutcome run_forked(const std::function<RunFigures()>& run) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  std::fflush(nullptr);
  Clock::time_point started = Clock::now();
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    ::close(fds[0]);
    int code = 0;
    try {
      RunFigures f = run();
      char tag = 'O';
      write_all(fds[1], &tag, 1);
      write_all(fds[1], &f, sizeof f);
    } catch (const std::exception& e) {
      char tag = 'E';
      write_all(fds[1], &tag, 1);
      write_all(fds[1], e.what(), std::strlen(e.what()));
      code = 1;
    }
    ::close(fds[1]);
    std::fflush(nullptr);
    ::_exit(code);  // no destructors, no atexit: the parent owns those
  }
  ::close(fds[1]);
  std::string message = read_all(fds[0]);
  ::close(fds[0]);
  ChildOutcome out;
  int wait_status = 0;
  reap(pid, started, out, wait_status);
  if (!message.empty() && message[0] == 'O' && message.size() == 1 + sizeof(RunFigures)) {
    std::memcpy(&out.timed, message.data() + 1, sizeof(RunFigures));
    out.ok = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
    if (!out.ok) out.error = describe(wait_status);
  } else if (!message.empty() && message[0] == 'E') {
    out.error = message.substr(1);
  } else {
    out.error = "the child process " + describe(wait_status) + " without a result";
  }
  return out;
}

ChildOutcome run_command(const std::vector<std::string>& argv, const std::string& output_path) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::fflush(nullptr);
  Clock::time_point started = Clock::now();
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    int fd = ::open(output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd >= 0) ::dup2(null_fd, 0);
    ::execv(args[0], args.data());
    std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
    ::_exit(127);
  }
  ChildOutcome out;
  int wait_status = 0;
  reap(pid, started, out, wait_status);
  out.timed = out.process;
  out.ok = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
  if (!out.ok) {
    std::ifstream log(output_path);
    std::stringstream text;
    text << log.rdbuf();
    std::string tail = text.str();
    if (tail.size() > 2000) tail = "..." + tail.substr(tail.size() - 2000);
    out.error = argv[0] + " " + describe(wait_status) + (tail.empty() ? "" : ":\n" + tail);
  }
  return out;
}

long current_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return 0;
}

}  // namespace bench
