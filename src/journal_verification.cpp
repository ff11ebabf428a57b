#include "journal_verification.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace fazhi {
namespace {

using json = nlohmann::json;

// On several readers the chain is cut into about kSegmentsPerReader
// segments per reader: small enough that readers finishing the proof's
// kinds at different times share the rest of the chain evenly.
constexpr std::int64_t kSegmentsPerReader = 8;

// Runs every task once, each on one reader: in turn on a single reader, or
// one thread per reader taking the next task from the list. The first
// exception a task throws is rethrown once all threads have stopped; the
// tasks not yet started are then skipped.
void run_tasks(const std::vector<VerifyReader>& readers,
               const std::vector<std::function<void(const VerifyReader&)>>& tasks) {
  if (readers.size() == 1) {
    for (const auto& task : tasks) task(readers.front());
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mu;
  auto work = [&](const VerifyReader& reader) {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= tasks.size() || failed.load()) return;
      try {
        tasks[i](reader);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mu);
        if (!error) error = std::current_exception();
        failed.store(true);
        return;
      }
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(readers.size() - 1);
  for (std::size_t r = 1; r < readers.size(); ++r) threads.emplace_back(work, std::cref(readers[r]));
  work(readers.front());
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

// (after, last] pairs covering (0, last_seq].
std::vector<std::pair<std::int64_t, std::int64_t>> segments(std::int64_t last_seq, std::size_t readers,
                                                            std::int64_t min_segment) {
  std::int64_t count = readers == 1 ? 1 : static_cast<std::int64_t>(readers) * kSegmentsPerReader;
  count = std::max<std::int64_t>(1, std::min(count, last_seq / std::max<std::int64_t>(1, min_segment)));
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (std::int64_t i = 0; i < count; ++i)
    out.emplace_back(last_seq * i / count, last_seq * (i + 1) / count);
  return out;
}

}  // namespace

json verify_journal_on(const std::vector<VerifyReader>& readers, const VerifyRequest& request) {
  const VerifyReader& first = readers.front();
  std::optional<domain::ProofPlan> plan;
  if (request.records) plan = domain::plan_proof(*first.conn, request.scope);

  const auto cuts = segments(first.journal->last_seq(), readers.size(), request.min_segment);
  std::vector<store::JournalCheck> chain(cuts.size());
  std::vector<domain::KindProof> kinds(plan ? plan->sources.size() : 0);
  std::vector<std::function<void(const VerifyReader&)>> tasks;
  // The kinds first: most of the records are usually of one kind, and the
  // chain's many small segments then fill the time it takes.
  for (std::size_t k = 0; k < kinds.size(); ++k)
    tasks.emplace_back([&, k](const VerifyReader& r) { kinds[k] = domain::prove_kind(*r.conn, *plan, k); });
  for (std::size_t s = 0; s < cuts.size(); ++s)
    tasks.emplace_back([&, s](const VerifyReader& r) {
      chain[s] = r.journal->check_segment(cuts[s].first, cuts[s].second);
    });
  run_tasks(readers, tasks);

  store::JournalCheck check = first.journal->join_segments(std::move(chain));
  json out = check.to_json();
  out["head"] = first.journal->current_head().to_json();
  bool ok = check.ok;
  std::string message = check.message;
  auto problem = [&](const std::string& what) {
    if (ok) message = what;
    ok = false;
  };
  if (plan) {
    for (domain::KindProof& part : kinds) domain::settle_missing(*first.conn, part, check.moved_from);
    const domain::RecordProof proof = domain::join_proofs(std::move(kinds));
    out["records"] = proof.to_json();
    if (!proof.ok()) problem(proof.message());
  }
  if (request.anchor) {
    const store::AnchorCheck a = first.journal->check_anchor(request.anchor->first, request.anchor->second);
    out["anchor"] = {{"seq", request.anchor->first},
                     {"hash", request.anchor->second},
                     {"ok", a.ok},
                     {"message", a.message}};
    if (!a.ok) problem(a.message);
  }
  const store::CheckpointCheck c = first.journal->check_checkpoints();
  out["checkpoints"] = c.to_json();
  if (c.checked && !c.ok) problem(c.message);
  out["ok"] = ok;
  out["message"] = message;
  return out;
}

}  // namespace fazhi
