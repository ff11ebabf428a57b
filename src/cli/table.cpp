#include "table.hpp"

#include <algorithm>

namespace fazhi::cli {

std::string column_letters(std::int64_t column) {
  std::string letters;
  for (std::int64_t n = column + 1; n > 0; n = (n - 1) / 26)
    letters.push_back(static_cast<char>('A' + (n - 1) % 26));
  std::reverse(letters.begin(), letters.end());
  return letters;
}

}  // namespace fazhi::cli
