// The command's exit codes and the exception that carries a failure to main().
//
// Commands report a failure by throwing CliError; main() prints its message on
// stderr and exits with its code. Keeping the decision "data error or usage
// error" at the throw site means every message is written once, where the
// context (what was being done) is known.
#ifndef FAZHI_CLI_CLI_ERROR_HPP
#define FAZHI_CLI_CLI_ERROR_HPP

#include <stdexcept>
#include <string>

namespace fazhi::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitData = 1,   // data or rule errors: rejected lines, broken journal, unknown unit
  kExitUsage = 2,  // the command line itself is wrong (parse errors, bad arguments)
};

class CliError : public std::runtime_error {
 public:
  CliError(int exit_code, const std::string& message)
      : std::runtime_error(message), exit_code_(exit_code) {}

  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

// A failure whose message has already been printed (e.g. the list of
// rejected import lines): main() only sets the exit code.
class SilentFailure : public std::exception {
 public:
  explicit SilentFailure(int exit_code) : exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }
  const char* what() const noexcept override { return "failure already reported"; }

 private:
  int exit_code_;
};

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_CLI_ERROR_HPP
