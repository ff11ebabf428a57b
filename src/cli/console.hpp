// Where the command's text goes: results to stdout, everything else to stderr.
//
// All text inside the command is UTF-8. A Chinese terminal is not always UTF-8
// (zh_CN.GB18030 and zh_CN.GBK locales are still common on older systems), and
// printing UTF-8 bytes there shows mojibake. So when a stream is a terminal
// and the locale's charset is not UTF-8, the text is converted to that charset
// with iconv. Output to files and pipes stays UTF-8: it is data, and fazhi's
// data is UTF-8 everywhere.
#ifndef FAZHI_CLI_CONSOLE_HPP
#define FAZHI_CLI_CONSOLE_HPP

#include <string_view>

namespace fazhi::cli::console {

// Reads the locale (LC_ALL / LC_CTYPE / LANG) once; call first in main().
void init();

// Writes a result to stdout.
void out(std::string_view utf8);
// Writes a message (error, progress, notice) to stderr.
void err(std::string_view utf8);

// True when stderr is a terminal (progress is then redrawn in place).
bool err_is_terminal();

// Flushes both streams; returns false if stdout could not be written (e.g. a
// full disk), which must not pass silently for a command whose output is data.
bool flush();

}  // namespace fazhi::cli::console

#endif  // FAZHI_CLI_CONSOLE_HPP
