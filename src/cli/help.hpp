// The help text in Chinese, laid out by display width.
//
// CLI11 pads its help columns with std::setw, which counts bytes: a Han
// character is three bytes but two columns, so every Chinese word in the left
// column would shift the descriptions. The formatter here pads by columns.
#ifndef FAZHI_CLI_HELP_HPP
#define FAZHI_CLI_HELP_HPP

#include <CLI/CLI.hpp>

namespace fazhi::cli {

// Installs the formatter and the Chinese labels; call before adding
// subcommands, which inherit both.
void localise_help(CLI::App& app);

// Puts every subcommand, at any depth, and its help flag under Chinese
// headings; call after all subcommands are added.
void localise_subcommands(CLI::App& app);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_HELP_HPP
