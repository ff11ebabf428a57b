// scratch_dir.hpp — where the benchmark's databases live, and their cleanup.
#pragma once

#include <string>
#include <vector>

namespace bench {

// Either a fresh mkdtemp directory (removed whole at the end) or the host's
// --dir (only the files named through file() are removed, with their -wal,
// -shm, -journal and .out companions). --keep removes nothing at the end.
// The named files must not exist yet: every run starts from fresh databases.
class ScratchDir {
 public:
  ScratchDir(const std::string& dir, bool keep);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  bool temporary() const { return temporary_; }
  // dir/name, refusing an existing file (or companion).
  std::string file(const std::string& name);
  // Deletes a file and its companions now (whatever --keep says).
  void remove(const std::string& path);

 private:
  std::string path_;
  bool temporary_ = false;
  bool keep_ = false;
  std::vector<std::string> files_;
};

}  // namespace bench
