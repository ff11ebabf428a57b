#include "library.hpp"

#include <cstdlib>

namespace fazhi::cli {

namespace {

// Used only when the library failed without saying why, so that the user
// still sees which kind of failure it was.
const char* status_name(fz_status status) {
  switch (status) {
    case FZ_E_ARGUMENT: return "FZ_E_ARGUMENT";
    case FZ_E_NOT_FOUND: return "FZ_E_NOT_FOUND";
    case FZ_E_RULE: return "FZ_E_RULE";
    case FZ_E_CONFLICT: return "FZ_E_CONFLICT";
    case FZ_E_BUSY: return "FZ_E_BUSY";
    case FZ_E_IO: return "FZ_E_IO";
    case FZ_E_CORRUPT: return "FZ_E_CORRUPT";
    case FZ_E_VERSION: return "FZ_E_VERSION";
    case FZ_E_NOMEM: return "FZ_E_NOMEM";
    case FZ_E_INTERNAL: return "FZ_E_INTERNAL";
    default: return "unknown status";
  }
}

}  // namespace

void check(fz_status status, const std::string& doing, int exit_code) {
  if (status == FZ_OK) return;
  std::string message = fz_last_error();
  if (message.empty()) {
    message = std::string(status_name(status)) + " (" + std::to_string(status) + ")";
  }
  throw CliError(exit_code, doing + ": " + message);
}

void check_user_input(fz_status status, const std::string& doing) {
  check(status, doing, status == FZ_E_ARGUMENT ? kExitUsage : kExitData);
}

FzText::~FzText() { fz_free(text_); }

std::string_view FzText::view() const {
  return text_ == nullptr ? std::string_view() : std::string_view(text_);
}

nlohmann::json FzText::json(const std::string& doing) const {
  try {
    return nlohmann::json::parse(view());
  } catch (const nlohmann::json::exception& e) {
    throw CliError(kExitData, doing + ": 库返回的不是有效 JSON (library returned invalid JSON): " +
                                  e.what());
  }
}

Database::Database(const std::string& path, const nlohmann::json& given) : path_(path) {
  // The journal key comes from the environment, never the command line
  // (which other users of the machine can read in the process list).
  nlohmann::json options = given;
  if (!options.contains("journal_key")) {
    if (const char* key = std::getenv(kJournalKeyVariable); key != nullptr && *key != '\0')
      options["journal_key"] = key;
  }
  const std::string options_text = options.is_null() ? std::string() : options.dump();
  check(fz_open(path.c_str(), options.is_null() ? nullptr : options_text.c_str(), &db_),
        "打开数据库 " + path);
}

Database::~Database() { fz_close(db_); }

void Database::close() {
  fz_db* db = db_;
  db_ = nullptr;
  check(fz_close(db), "关闭数据库 " + path_);
}

}  // namespace fazhi::cli
