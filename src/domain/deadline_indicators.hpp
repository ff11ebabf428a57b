// deadline_indicators.hpp — indicators over the statutory deadlines of every
// kind, read from the derived table due_date (due_dates.hpp), which holds
// each deadline that applies to a record, open or met.
//
//   alerts.overdue         the deadlines overdue on the period's last day D:
//                          due before D (the due date as it stood on D — an
//                          extension recorded after D had not moved it yet)
//                          and not met by D (no action, or one dated after
//                          D: an item concluded after the period was still
//                          open on its last day). By kind.
//   alerts.concluded_late  the deadlines met in the period after their due
//                          date (the due date as it stood when they were
//                          met). By kind.
//
// Both judge by the records' own dates, not by when the records were
// entered: a petition received in December and entered in January counts as
// overdue at the end of December if it was. A deadline that lapses (an
// option, the end of a window) is never overdue and never late. An officer's
// certificate is judged as the officer stands now (active or not), since the
// record keeps no date of a change of status.
#pragma once

#include "domain/indicator_decl.hpp"

#include <vector>

namespace fazhi::domain {

// The measures and the indicators, in catalogue order (after the kinds').
const std::vector<MeasureDecl>& deadline_measures();
const std::vector<IndicatorDecl>& deadline_indicators();

}  // namespace fazhi::domain
