#include "validators.hpp"

#include <filesystem>
#include <string>
#include <system_error>

namespace fazhi::cli {

namespace fs = std::filesystem;

CLI::Validator existing_database() {
  return CLI::Validator(
      [](std::string& path) -> std::string {
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) return {};
        if (fs::exists(path, ec)) return "不是数据库文件: " + path;
        return "数据库不存在: " + path + " (先运行 fazhi init " + path + ")";
      },
      "DB", "existing_database");
}

CLI::Validator input_file() {
  return CLI::Validator(
      [](std::string& path) -> std::string {
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) return {};
        if (fs::exists(path, ec)) return "不是普通文件: " + path;
        return "文件不存在: " + path;
      },
      "FILE", "input_file");
}

}  // namespace fazhi::cli
