#include "help.hpp"

#include <memory>
#include <string>

#include "utf8_text.hpp"

namespace fazhi::cli {

namespace {

constexpr const char* kOptionsGroup = "选项";
constexpr const char* kSubcommandsGroup = "子命令";

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string name =
        "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    const std::size_t column = get_column_width();
    std::string out = pad_right(name, column);
    if (!description.empty()) {
      // A name that fills the column puts its description on the next line,
      // as CLI11 does.
      if (display_width(name) >= column) out += "\n" + std::string(column, ' ');
      for (const char c : description) {
        out += c;
        if (c == '\n') out += std::string(column, ' ');
      }
    }
    return out + "\n";
  }
};

}  // namespace

void localise_help(CLI::App& app) {
  auto formatter = std::make_shared<HelpFormatter>();
  formatter->label("Usage", "用法");
  formatter->label("OPTIONS", "选项");
  formatter->label("SUBCOMMAND", "子命令");
  formatter->label("SUBCOMMANDS", "子命令");
  formatter->label("REQUIRED", "必填");
  formatter->label("Positionals", "参数");
  app.formatter(formatter);
  app.option_defaults()->group(kOptionsGroup);
  app.set_help_flag("-h,--help", "显示帮助");
}

void localise_subcommands(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->group(kSubcommandsGroup);
    if (CLI::Option* help = sub->get_help_ptr()) help->group(kOptionsGroup);
    localise_subcommands(*sub);
  }
}

}  // namespace fazhi::cli
