#include "fazhi_api.hpp"

#include <stdexcept>

namespace bench {

void check(fz_status status, const std::string& what) {
  if (status != FZ_OK)
    throw std::runtime_error(what + " failed (status " + std::to_string(status) + "): " +
                             fz_last_error());
}

std::string take(char* owned) {
  std::string s = owned ? owned : "";
  fz_free(owned);
  return s;
}

FazhiDb::FazhiDb(const std::string& path, const char* options_json) {
  check(fz_open(path.c_str(), options_json, &db_), "fz_open " + path);
}

FazhiDb::~FazhiDb() { fz_close(db_); }

void FazhiDb::close() {
  fz_db* db = db_;
  db_ = nullptr;
  check(fz_close(db), "fz_close");
}

}  // namespace bench
