#include "small_file.hpp"

#include <fazhi/error.hpp>

#include <filesystem>
#include <fstream>

namespace fazhi {

std::string read_small_file(const std::string& path, std::size_t limit, const char* what) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw Error(Status::io, std::string("cannot read ") + what + " " + path + ": no such file");
  if (!fs::is_regular_file(st))
    throw Error(Status::io, std::string("cannot read ") + what + " " + path + ": not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Status::io, std::string("cannot read ") + what + " " + path);
  std::string bytes;
  char buf[8192];
  // Read at most limit + 1 bytes: one more than allowed proves the file too big.
  while (in && bytes.size() <= limit) {
    in.read(buf, sizeof buf);
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw Error(Status::io, std::string("error reading ") + what + " " + path);
  if (bytes.size() > limit)
    throw Error(Status::io, std::string(what) + " " + path + " is larger than " + std::to_string(limit) +
                                " bytes; is it the right file?");
  return bytes;
}

}  // namespace fazhi
