// Checks of command-line arguments that CLI11 runs while parsing, so that a
// wrong path is a usage error (exit 2) with a message that says what to do,
// before any database is touched.
#ifndef FAZHI_CLI_VALIDATORS_HPP
#define FAZHI_CLI_VALIDATORS_HPP

#include <CLI/CLI.hpp>

namespace fazhi::cli {

// The database file must exist. Only `fazhi init` creates databases: a typo in
// the path of any other command must not leave an empty database behind.
CLI::Validator existing_database();

// An input file that must exist and be a regular file.
CLI::Validator input_file();

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_VALIDATORS_HPP
