// put_fuzz.cpp — fz_put's record_json, on the harnesses' part of the
// Yangxin sample (abi_fixture.hpp), so that references resolve and rules are
// reached.
//
// The input is the record's JSON; the kind is its "record" member when it
// has one (the seeds are NDJSON lines of the sample), else one of fz_labels'
// kinds chosen by the input's length. Invariants:
//   * the status is FZ_OK or one an input may cause (ARGUMENT, NOT_FOUND,
//     RULE, CONFLICT), never IO, CORRUPT, INTERNAL...;
//   * a failure has a bounded UTF-8 message, leaves out_id untouched and
//     changes nothing: the record named by the input's key reads the same,
//     the kind has as many records and the journal as many entries;
//   * a success gives an id, under which fz_list finds the record, as UTF-8
//     JSON; the journal verifies;
//   * a put is idempotent (a re-import puts every line again): the same
//     input put again, when it names its record (by key, code or id), is
//     accepted for the same id and changes neither the record nor the
//     journal.
#include "abi_fixture.hpp"
#include "fuzz_check.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using json = nlohmann::json;
using namespace fazhi_fuzz;

namespace {

const std::vector<std::string>& kinds(fz_db* db) {
  static const std::vector<std::string> names = [db] {
    char* out = nullptr;
    check_call("fz_labels(kinds)", fz_labels(db, "kinds", &out), {FZ_OK});
    const json labels = json::parse(take(out));  // outlives the loop over it
    std::vector<std::string> v;
    for (const auto& [name, label] : labels.items()) v.push_back(name);
    return v;
  }();
  return names;
}

// What a reader of the kind sees: the record under `key` (or its absence) and
// how many records of the kind there are.
struct Seen {
  fz_status get_status;
  std::string record;
  std::int64_t total;
  bool operator==(const Seen& o) const {
    return get_status == o.get_status && record == o.record && total == o.total;
  }
};

Seen look(fz_db* db, const std::string& kind, const std::string& key) {
  Seen s{FZ_E_NOT_FOUND, "", -1};
  if (!key.empty()) {
    char* out = nullptr;
    s.get_status = fz_get(db, kind.c_str(), key.c_str(), &out);
    check_call("fz_get", s.get_status, {FZ_OK, FZ_E_NOT_FOUND, FZ_E_ARGUMENT});
    s.record = take(out);
  }
  char* list = nullptr;
  const fz_status st = fz_list(db, kind.c_str(), "{\"limit\": 1}", &list);
  check_call("fz_list", st, {FZ_OK, FZ_E_ARGUMENT});  // ARGUMENT: not a kind
  s.total = st == FZ_OK ? json::parse(take(list)).at("total").get<std::int64_t>() : -1;
  return s;
}

// The record with id `id`, as fazhi gives it.
std::string stored(fz_db* db, const std::string& kind, std::int64_t id) {
  char* list = nullptr;
  const std::string query = json{{"id", id}}.dump();
  check_call("fz_list by id", fz_list(db, kind.c_str(), query.c_str(), &list), {FZ_OK});
  const std::string text = take(list);
  FUZZ_CHECK(is_utf8(text), text);
  const json items = json::parse(text).at("items");
  FUZZ_CHECK(items.size() == 1, kind + " id " + std::to_string(id) + ": " + text);
  return items[0].dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz_db* db = sample_db();
  // Every input meets the database as the fixture left it (rolled back).
  static const std::int64_t entries_at_start = verified_journal_entries(db);
  const std::string input(as_text(data, size));
  const json parsed = json::parse(input, nullptr, false);
  std::string kind = kinds(db)[size % kinds(db).size()], key;
  bool names_its_record = false;
  if (parsed.is_object()) {
    if (auto r = parsed.find("record"); r != parsed.end() && r->is_string()) kind = *r;
    if (auto k = parsed.find("key"); k != parsed.end() && k->is_string()) key = *k;
    else if (auto c = parsed.find("code"); c != parsed.end() && c->is_string()) key = *c;
    names_its_record = !key.empty() || parsed.contains("id");
  }

  RolledBack transaction(db);
  const Seen before = look(db, kind, key);
  std::int64_t id = -7;  // a sentinel no id equals
  const fz_status st = fz_put(db, kind.c_str(), input.c_str(), &id);
  check_call("fz_put", st, {FZ_OK, FZ_E_ARGUMENT, FZ_E_NOT_FOUND, FZ_E_RULE, FZ_E_CONFLICT});
  if (st != FZ_OK) {
    FUZZ_CHECK(id == -7, "a failed fz_put wrote out_id");
    FUZZ_CHECK(look(db, kind, key) == before, "a failed fz_put changed " + kind + " " + key);
    FUZZ_CHECK(verified_journal_entries(db) == entries_at_start, "a failed fz_put wrote the journal");
    return 0;
  }

  FUZZ_CHECK(id > 0, std::to_string(id));
  const std::string record = stored(db, kind, id);
  const std::int64_t entries = verified_journal_entries(db);
  if (!names_its_record) return 0;  // a second put would make a second record
  std::int64_t again = -7;
  const fz_status st2 = fz_put(db, kind.c_str(), input.c_str(), &again);
  const std::string why = check_call("fz_put again", st2);
  FUZZ_CHECK(st2 == FZ_OK, "the same put, accepted once, is refused the second time: " + why);
  FUZZ_CHECK(again == id, std::to_string(id) + " then " + std::to_string(again));
  FUZZ_CHECK(stored(db, kind, id) == record, "the same put again changed the record");
  FUZZ_CHECK(verified_journal_entries(db) == entries, "the same put again wrote the journal");
  return 0;
}
