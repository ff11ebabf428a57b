// Thin C++ ownership over the C ABI, for this command only: a database handle
// that closes itself, a returned string that frees itself, and the one place
// that turns a failed fz_* call into a CliError with fz_last_error()'s text.
//
// The command deliberately goes through <fazhi/fazhi.h> and nothing else, so
// that it behaves exactly like any other host of the shared library.
#ifndef FAZHI_CLI_LIBRARY_HPP
#define FAZHI_CLI_LIBRARY_HPP

#include <fazhi/fazhi.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "cli_error.hpp"

namespace fazhi::cli {

// Throws CliError(exit_code, "<doing>: <fz_last_error()>") unless status is
// FZ_OK. `doing` says what the command was doing, e.g. "打开数据库 a.db", so
// that the library's message (which names the field or rule) reads in context.
void check(fz_status status, const std::string& doing, int exit_code = kExitData);

// For calls whose arguments came straight from the command line (dates,
// numbers): FZ_E_ARGUMENT then means the user typed something wrong, which is
// a usage error (exit 2); anything else is a data error (exit 1).
void check_user_input(fz_status status, const std::string& doing);

// A string returned by fazhi through an out-parameter; freed with fz_free.
class FzText {
 public:
  FzText() = default;
  ~FzText();
  FzText(const FzText&) = delete;
  FzText& operator=(const FzText&) = delete;

  // The out-parameter to hand to an fz_* call. Left NULL on failure.
  char** out() { return &text_; }

  std::string_view view() const;
  // The text parsed as JSON; throws CliError if the library sent something
  // that is not JSON (which would be a library bug, reported as such).
  nlohmann::json json(const std::string& doing) const;

 private:
  char* text_ = nullptr;
};

// The environment variable that holds the journal key (fz_open's
// "journal_key") for every command that opens a database.
inline constexpr const char* kJournalKeyVariable = "FAZHI_JOURNAL_KEY";

// An open fz_db, closed on destruction.
class Database {
 public:
  // Opens path with the given fz_open options (null: the library's
  // defaults), adding "journal_key" from FAZHI_JOURNAL_KEY when the options
  // give none; throws CliError on failure.
  Database(const std::string& path, const nlohmann::json& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  fz_db* get() const { return db_; }

  // Closes now and reports a failure (the destructor has to swallow it).
  void close();

 private:
  std::string path_;
  fz_db* db_ = nullptr;
};

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_LIBRARY_HPP
