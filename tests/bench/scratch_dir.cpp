#include "scratch_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace bench {

namespace fs = std::filesystem;

namespace {
const char* const kCompanions[] = {"", "-wal", "-shm", "-journal", ".out"};
}  // namespace

ScratchDir::ScratchDir(const std::string& dir, bool keep) : keep_(keep) {
  if (dir.empty()) {
    fs::path base = fs::temp_directory_path() / "fazhi-bench-XXXXXX";
    std::string tmpl = base.string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp " + tmpl + " failed");
    path_ = tmpl;
    temporary_ = true;
  } else {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) throw std::runtime_error("--dir " + dir + ": not a directory");
    path_ = fs::absolute(dir).string();
  }
}

ScratchDir::~ScratchDir() {
  if (keep_) return;
  std::error_code ec;
  if (temporary_) {
    fs::remove_all(path_, ec);
    return;
  }
  for (const std::string& f : files_) remove(f);
}

void ScratchDir::remove(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : kCompanions) fs::remove(path + suffix, ec);
}

std::string ScratchDir::file(const std::string& name) {
  std::string f = (fs::path(path_) / name).string();
  for (const char* suffix : kCompanions)
    if (fs::exists(f + suffix))
      throw std::runtime_error(f + suffix + " already exists; remove it or choose another --dir");
  if (std::find(files_.begin(), files_.end(), f) == files_.end()) files_.push_back(f);
  return f;
}

}  // namespace bench
