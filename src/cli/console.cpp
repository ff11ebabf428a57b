#include "console.hpp"

#include <iconv.h>
#include <langinfo.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstring>
#include <string>

namespace fazhi::cli::console {

namespace {

struct Stream {
  std::FILE* file;
  int fd;
  bool terminal = false;
  iconv_t convert = reinterpret_cast<iconv_t>(-1);  // none: write UTF-8 as is
};

Stream g_out{stdout, STDOUT_FILENO};
Stream g_err{stderr, STDERR_FILENO};

bool is_utf8_or_ascii(const std::string& charset) {
  // ASCII ("ANSI_X3.4-1968") is what the C/POSIX locale reports, as in most
  // containers and CI runners; those terminals are UTF-8 in practice, and
  // transliterating Chinese to '?' would help nobody.
  return charset.empty() || charset == "UTF-8" || charset == "utf8" ||
         charset == "ANSI_X3.4-1968" || charset == "ASCII";
}

void setup(Stream& stream, const std::string& charset) {
  stream.terminal = isatty(stream.fd) == 1;
  if (stream.terminal && !is_utf8_or_ascii(charset)) {
    // GB18030 covers all of Unicode; //TRANSLIT keeps other charsets (Big5)
    // from failing on the odd character they lack.
    stream.convert = iconv_open((charset + "//TRANSLIT").c_str(), "UTF-8");
  }
}

void write(Stream& stream, std::string_view text) {
  if (stream.convert == reinterpret_cast<iconv_t>(-1)) {
    std::fwrite(text.data(), 1, text.size(), stream.file);
    return;
  }
  std::string in(text);
  char* in_ptr = in.data();
  size_t in_left = in.size();
  char buffer[4096];
  while (in_left > 0) {
    char* out_ptr = buffer;
    size_t out_left = sizeof buffer;
    size_t rc = iconv(stream.convert, &in_ptr, &in_left, &out_ptr, &out_left);
    std::fwrite(buffer, 1, sizeof buffer - out_left, stream.file);
    if (rc == static_cast<size_t>(-1) && errno != E2BIG) {
      // An unconvertible or invalid byte: show it as '?' and go on rather
      // than lose the rest of a message.
      std::fputc('?', stream.file);
      ++in_ptr;
      --in_left;
    }
  }
  iconv(stream.convert, nullptr, nullptr, nullptr, nullptr);
}

}  // namespace

void init() {
  std::setlocale(LC_CTYPE, "");
  const std::string charset = nl_langinfo(CODESET);
  setup(g_out, charset);
  setup(g_err, charset);
}

void out(std::string_view utf8) { write(g_out, utf8); }

void err(std::string_view utf8) {
  write(g_err, utf8);
  std::fflush(stderr);
}

bool err_is_terminal() { return g_err.terminal; }

bool flush() {
  std::fflush(stderr);
  return std::fflush(stdout) == 0 && std::ferror(stdout) == 0;
}

}  // namespace fazhi::cli::console
