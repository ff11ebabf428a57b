// The subcommands of `fazhi`. Each add_*_command registers one subcommand on
// the application, with its arguments and a callback that runs it; failures
// leave the callback as CliError (see cli_error.hpp).
#ifndef FAZHI_CLI_COMMANDS_HPP
#define FAZHI_CLI_COMMANDS_HPP

#include <CLI/CLI.hpp>

namespace fazhi::cli {

void add_init_command(CLI::App& app);      // fazhi init DB
void add_import_command(CLI::App& app);    // fazhi import DB FILE... [--mode] [--batch] [--actor]
void add_export_command(CLI::App& app);    // fazhi export DB FILE
void add_verify_command(CLI::App& app);    // fazhi verify DB
void add_units_command(CLI::App& app);     // fazhi units DB [--unit KEY]
void add_calendar_command(CLI::App& app);  // fazhi calendar add-working-days | working-days | is-working-day | load | years
void add_indicators_command(CLI::App& app);  // fazhi indicators DB --unit U --period P; fazhi explain
void add_findings_command(CLI::App& app);    // fazhi findings DB [--unit] [--period] [--severity]
void add_alerts_command(CLI::App& app);      // fazhi alerts DB --unit U --as-of D [--horizon N] [--format]
void add_history_command(CLI::App& app);     // fazhi history DB KIND KEY [--format]
void add_report_command(CLI::App& app);      // fazhi report DB --unit U --year Y [--format]
void add_kinds_command(CLI::App& app);       // fazhi kinds [KIND]; fazhi codes [--db DB]
void add_form_command(CLI::App& app);        // fazhi form DB FORM --unit U --period P; forms; define-form

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_COMMANDS_HPP
