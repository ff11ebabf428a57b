// journal_verification.hpp — the work of fz_journal_verify_with: the hash
// chain, the proof of the records, a recorded head and the keyed
// checkpoints, as of one snapshot.
//
// The work is a list of independent parts: the chain in segments (each
// entry is checked against its predecessor's stored hash, so a segment
// needs nothing from the one before it) and the proof one kind at a time.
// On one reader they run in turn; on several (store::SnapshotReaders, one
// thread each) side by side, taking parts from a shared list. The parts are
// joined in order, so the result is the same either way, to the byte.
#pragma once

#include "domain/record_proof.hpp"
#include "store/journal.hpp"
#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fazhi {

struct VerifyRequest {
  bool records = true;        // prove the records as well as the chain
  domain::ProofScope scope;   // which records
  // A head recorded earlier: (seq, 64 hex digits).
  std::optional<std::pair<std::int64_t, std::string>> anchor;
  // The chain is cut into segments of at least this many entries (tests cut
  // a small journal into many).
  std::int64_t min_segment = 4096;
};

// A connection inside a read transaction and a journal on it; all readers
// given to one call read the same snapshot.
struct VerifyReader {
  store::Connection* conn;
  store::Journal* journal;
};

// fz_journal_verify_with's result (fazhi.h) for `request`, computed on
// `readers` (at least one; the first one's journal remembers the verified
// prefix). Throws what the proof's scope throws, and SQLite's errors.
nlohmann::json verify_journal_on(const std::vector<VerifyReader>& readers,
                                 const VerifyRequest& request);

}  // namespace fazhi
