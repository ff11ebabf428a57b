// unit_argument.hpp — what the user typed after --unit, as a unit key.
//
// People type the unit's name (阳新经济开发区管委会) as often as its key
// (yx-kfq). A key is taken as it is; otherwise a unit whose name is exactly
// the text is taken when it is the only one; otherwise the error names the
// nearest keys and names, so that a typo needs no second look-up.
#ifndef FAZHI_CLI_UNIT_ARGUMENT_HPP
#define FAZHI_CLI_UNIT_ARGUMENT_HPP

#include <fazhi/fazhi.h>

#include <string>

namespace fazhi::cli {

// The key of the org unit `given` names (its key, or its unique name).
// Throws CliError(kExitData) naming `given` and suggesting near keys and
// names when there is none, or listing the keys when the name is not unique.
std::string unit_key(fz_db* db, const std::string& given);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_UNIT_ARGUMENT_HPP
