// fazhi_api.hpp — the few conveniences the benchmark needs around fazhi.h:
// failures become exceptions carrying fz_last_error(), returned strings are
// copied and released with fz_free, and a handle closes itself.
#pragma once

#include <fazhi/fazhi.h>

#include <string>

namespace bench {

// Throws std::runtime_error("<what>: <fz_last_error()>") unless status is FZ_OK.
void check(fz_status status, const std::string& what);

// Copies a string fazhi returned and frees it.
std::string take(char* owned);

class FazhiDb {
 public:
  FazhiDb(const std::string& path, const char* options_json);
  ~FazhiDb();
  FazhiDb(const FazhiDb&) = delete;
  FazhiDb& operator=(const FazhiDb&) = delete;

  fz_db* get() const { return db_; }
  void close();

 private:
  fz_db* db_ = nullptr;
};

}  // namespace bench
