// fazhi: the command-line tool over libfazhi's C ABI.
//
// Exit codes: 0 success, 1 data or rule errors (rejected import lines, a broken
// journal, an unknown unit, a failed library call), 2 usage errors (the
// command line cannot be parsed, or an argument is wrong). Results go to
// stdout and nothing else does; messages go to stderr.
#include <fazhi/fazhi.h>

#include <CLI/CLI.hpp>

#include <exception>
#include <sstream>
#include <string>

#include "cli_error.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "help.hpp"

namespace {

using fazhi::cli::CliError;
using fazhi::cli::SilentFailure;
namespace console = fazhi::cli::console;

// "fazhi calendar working-days": the deepest subcommand reached before a parse
// error, so the hint points at the help that explains the mistake.
std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  const CLI::App* current = &app;
  for (;;) {
    const auto chosen = current->get_subcommands();
    if (chosen.empty()) return path;
    current = chosen.front();
    path += " " + current->get_name();
  }
}

int report_parse_error(CLI::App& app, const CLI::ParseError& error) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = app.exit(error, out, err);
  if (code == 0) {  // --help, --version
    std::string text = out.str();
    if (!text.empty() && text.back() != '\n') text += '\n';
    console::out(text);
    return console::flush() ? fazhi::cli::kExitOk : fazhi::cli::kExitData;
  }
  console::err("fazhi: 用法错误: " + std::string(error.what()) + "\n" + "运行 '" +
               command_path(app) + " --help' 查看用法\n");
  return fazhi::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  console::init();

  CLI::App app("fazhi: 法治政府建设的记录, 规则与指标 (fazhi " + std::string(fz_version()) + ")",
               "fazhi");
  fazhi::cli::localise_help(app);
  app.set_version_flag("--version", std::string("fazhi ") + fz_version(), "显示版本");
  app.require_subcommand(1);
  fazhi::cli::add_init_command(app);
  fazhi::cli::add_import_command(app);
  fazhi::cli::add_export_command(app);
  fazhi::cli::add_verify_command(app);
  fazhi::cli::add_units_command(app);
  fazhi::cli::add_calendar_command(app);
  fazhi::cli::add_indicators_command(app);
  fazhi::cli::add_findings_command(app);
  fazhi::cli::add_alerts_command(app);
  fazhi::cli::add_history_command(app);
  fazhi::cli::add_report_command(app);
  fazhi::cli::add_kinds_command(app);
  fazhi::cli::add_form_command(app);
  fazhi::cli::localise_subcommands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return report_parse_error(app, error);
  } catch (const CliError& error) {
    console::err(std::string("fazhi: ") + error.what() + "\n");
    console::flush();
    return error.exit_code();
  } catch (const SilentFailure& failure) {
    console::flush();
    return failure.exit_code();
  } catch (const std::exception& error) {
    // Only the command's own code can get here (the library throws nothing
    // across its ABI); report it rather than abort.
    console::err(std::string("fazhi: 内部错误: ") + error.what() + "\n");
    console::flush();
    return fazhi::cli::kExitData;
  }
  if (!console::flush()) {
    console::err("fazhi: 写标准输出失败\n");
    return fazhi::cli::kExitData;
  }
  return fazhi::cli::kExitOk;
}
