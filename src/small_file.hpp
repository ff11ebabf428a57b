// small_file.hpp — reading a file that is small by nature (a holiday
// schedule) whole, with a bound, so that a wrong path (a device, a huge log)
// ends in a clear error instead of exhausting memory.
#pragma once

#include <cstddef>
#include <string>

namespace fazhi {

// The bytes of `path`. Throws Error(io) naming the file and `what` ("holiday
// schedule") when it cannot be read, is a directory or not a regular file, or
// holds more than `limit` bytes.
std::string read_small_file(const std::string& path, std::size_t limit, const char* what);

}  // namespace fazhi
