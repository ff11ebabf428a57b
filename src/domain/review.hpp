// review.hpp — the nested {"completed": date, "result": code} object that
// records a legality review (合法性审核) of a normative document or of a major
// enforcement decision. Stored as given, and flattened into the derived
// fields review_completed / review_result that the rules and indicators use.
#pragma once

#include "domain/kind.hpp"

namespace fazhi::domain {

// The review result codes and their labels.
const std::vector<Code>& review_result_codes();

// Checks `values[object_field]` (when present) and sets or clears the derived
// review_completed / review_result fields. Throws Error(argument) naming
// "<object_field>.completed" etc.
void flatten_review(json& values, const std::string& object_field);

// True when review_result is lawful or lawful_with_revisions and the review
// was completed on or before `day`.
bool review_passed_by(const json& values, const std::string& day);

// The review object's members: completed (审核完成日期) and result (审核结论).
std::vector<Field> review_members();

// The derived fields' declarations, for a kind's field list.
std::vector<Field> review_fields();

}  // namespace fazhi::domain
