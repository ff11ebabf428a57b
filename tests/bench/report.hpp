// report.hpp — what fazhi_bench prints: the import table, the checks that
// the variants wrote the same thing, where the fazhi database's bytes go, and
// the indicator timings. (The goals are goals.hpp.)
#pragma once

#include <string>

#include "corpus.hpp"
#include "import_bench.hpp"
#include "indicator_bench.hpp"
#include "storage.hpp"

namespace bench {

void print_imports(const ImportResults& results, const Corpus& corpus, std::size_t chunk, int repeat,
                   long parent_rss_kb);

// Prints the checks; returns false (after printing MISMATCH lines) when the
// variants did not write the same rows, or a journal chain does not verify.
bool print_checks(const ImportResults& results, const Corpus& corpus);

void print_storage(const Storage& s, const Corpus& corpus, const std::string& variant_label);

// Prints the timings and any MISMATCH; returns false when there was one.
bool print_indicators(const IndicatorResults& r);

}  // namespace bench
