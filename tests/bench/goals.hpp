// goals.hpp — the goals of issue 14 beside what this run measured: PASS,
// MISS, or n/a where the goal is stated at 15 000 000 cases and this run is
// smaller (a figure already past the limit is a MISS at any size). Printed,
// never asserted: the exit status does not depend on it.
#pragma once

#include "corpus.hpp"
#include "import_bench.hpp"
#include "indicator_bench.hpp"

namespace bench {

void print_goals(const ImportResults& imports, const IndicatorResults& indicators, const Corpus& corpus);

}  // namespace bench
