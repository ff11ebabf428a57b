#!/usr/bin/env python3
"""The equivalent importer in Python's standard library, for fazhi_bench.

Reads fazhi's NDJSON (mediation_case records, then their close actions) into
a fazhi database that already holds the units and committees, doing the same
work as the benchmark's C++ baseline (b), equivalent_import.hpp: per case
record an INSERT and a journal entry, per close action an UPDATE by key, a
finding when a labour case closed after its statutory deadline, and a journal
entry; the journal written and SHA-256 chained exactly as fazhi does it
(rule 2 of src/store/journal.hpp: names as codes of journal_name, the time in
ms, the key on the create only, amounts in fen only, the change stored as
MessagePack with its keys as codes, the hash as 32 bytes),
its head in meta before each commit; a transaction every --batch lines. Unlike (b) it
parses the JSON and computes the labour deadline itself (fifteen days, a last
day on a rest day moved to the next working day, from CALENDAR's
"YYYY-MM-DD 0|1" lines), as an importer has to.

usage: python_importer.py DB CASES.ndjson CALENDAR [--batch LINES]
"""

import argparse
import datetime
import hashlib
import json
import sqlite3
import sys
import time

ACTOR = "fazhi"
KIND = "mediation_case"
LABOUR_RULE = "mediation_case.labour_15_days"
LABOUR_SOURCE = "劳动争议调解仲裁法 第十四条"


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def fen(yuan):
    """'1234.56' -> 123456, without going through a float."""
    whole, _, cents = yuan.partition(".")
    if len(cents) > 2:
        raise ValueError("more than two decimals: " + yuan)
    return int(whole) * 100 + int((cents + "00")[:2])


def msgpack(value):
    """MessagePack of what a change holds: str, int >= 0, bool, None, dict."""
    if value is None:
        return b"\xc0"
    if value is True or value is False:
        return b"\xc3" if value else b"\xc2"
    if isinstance(value, int):
        if value < 0:
            raise ValueError("negative integer in a change")
        if value < 128:
            return bytes([value])
        for tag, size in ((0xcc, 1), (0xcd, 2), (0xce, 4), (0xcf, 8)):
            if value < 1 << (8 * size):
                return bytes([tag]) + value.to_bytes(size, "big")
    if isinstance(value, str):
        data = value.encode("utf-8")
        n = len(data)
        if n < 32:
            return bytes([0xa0 | n]) + data
        if n < 256:
            return bytes([0xd9, n]) + data
        return bytes([0xda]) + n.to_bytes(2, "big") + data
    if isinstance(value, dict) and len(value) < 16:
        return bytes([0x80 | len(value)]) + b"".join(msgpack(k) + msgpack(v) for k, v in value.items())
    raise ValueError("cannot write %r as MessagePack here" % (value,))


def utc_now_ms():
    return time.time_ns() // 1_000_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("cases")
    parser.add_argument("calendar")
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()

    working = {}
    with open(args.calendar, encoding="utf-8") as f:
        for line in f:
            day, flag = line.split()
            working[day] = flag == "1"

    def labour_deadline(received):
        day = datetime.date.fromisoformat(received) + datetime.timedelta(days=15)
        while not working[day.isoformat()]:
            day += datetime.timedelta(days=1)
        return day.isoformat()

    # As fazhi sets up its connection; the file is already in WAL mode.
    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA cache_size = -32768")

    committees = {
        key: (committee_id, unit_id, unit_key)
        for key, committee_id, unit_id, unit_key in db.execute(
            "SELECT c.key, c.id, c.unit_id, u.key"
            "  FROM mediation_committee c JOIN org_unit u ON u.id = c.unit_id")
    }
    head = db.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = head if head else (0, bytes(32))
    codes = {}

    def code(name):
        """The name's code in journal_name, added as fazhi adds it."""
        if name not in codes:
            row = db.execute("SELECT id FROM journal_name WHERE name = ?", (name,)).fetchone()
            if row is None:
                row = (db.execute("INSERT INTO journal_name (name) VALUES (?)", (name,)).lastrowid,)
            codes[name] = row[0]
        return codes[name]

    insert_case = (
        "INSERT INTO mediation_case (key, committee_id, unit_id, case_number, received, source,"
        " category, amount_fen, unnatural_death, mass_incident_risk, labour_deadline)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    close_case = (
        "UPDATE mediation_case SET closed = ?, outcome = ?, agreement = ?,"
        " agreement_amount_fen = ?, prevented_mass_incident = ?, prevented_criminal_case = ?"
        " WHERE key = ? RETURNING id, unit_id, labour_deadline")
    insert_finding = (
        "INSERT INTO finding (kind, record_id, key, unit_id, date, rule, severity, message,"
        " source, provisional) VALUES ('mediation_case', ?, ?, ?, ?, ?, 'warning', ?, ?, 0)")
    insert_entry = (
        "INSERT INTO journal (seq, at, actor, kind, op, record_id, key, change, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    write_head = (
        "INSERT INTO meta (name, value) VALUES ('journal_head', ?)"
        " ON CONFLICT (name) DO UPDATE SET value = excluded.value")

    def journal(key, record_id, op, change):
        """One entry; key is None but for the create, which holds the record's."""
        nonlocal seq, prev_hash
        seq += 1
        at = utc_now_ms()
        change_json = dumps(change)
        canonical = ('{"actor":' + dumps(ACTOR) + ',"at":' + str(at) + ',"change":' + change_json +
                     (',"key":' + dumps(key) if key is not None else "") +
                     ',"kind":' + dumps(KIND) + ',"op":' + dumps(op) +
                     ',"record_id":' + str(record_id) + ',"seq":' + str(seq) + "}")
        entry_hash = hashlib.sha256(prev_hash + canonical.encode("utf-8")).digest()
        stored = msgpack({str(code(name)): value for name, value in sorted(change.items())})
        db.execute(insert_entry, (seq, at, code(ACTOR), code(KIND), code(op), record_id, key,
                                  stored, entry_hash))
        prev_hash = entry_hash

    def apply(line):
        obj = json.loads(line)
        if obj.get("record") != KIND:
            raise ValueError("not a mediation_case line: " + line[:80])
        key = obj["key"]
        if obj.get("action") == "close":
            change = {k: v for k, v in obj.items() if k not in ("record", "key", "action")}
            amount = fen(obj["agreement_amount_yuan"]) if "agreement_amount_yuan" in obj else None
            if amount is not None:  # journaled in fen only
                del change["agreement_amount_yuan"]
                change["agreement_amount_fen"] = amount
            row = db.execute(close_case, (
                obj["date"], obj["outcome"], obj.get("agreement"), amount,
                1 if obj.get("prevented_mass_incident") else 0,
                1 if obj.get("prevented_criminal_case") else 0, key)).fetchone()
            if row is None:
                raise ValueError("no mediation_case " + key + " to close")
            record_id, unit_id, deadline = row
            closed = obj["date"]
            if deadline is not None and closed > deadline:
                message = ("劳动争议调解案件自受理之日起十五日内未结案（期限届满日 " + deadline +
                           "，结案日 " + closed + "），当事人可以依法申请仲裁")
                db.execute(insert_finding, (record_id, key, unit_id, closed, LABOUR_RULE, message,
                                            LABOUR_SOURCE))
            journal(None, record_id, "close", change)
            return "close"
        committee_id, unit_id, unit_key = committees[obj["committee"]]
        change = {k: v for k, v in obj.items() if k not in ("record", "key")}
        change.setdefault("unnatural_death", False)
        change.setdefault("mass_incident_risk", False)
        change["unit"] = unit_key
        amount = None
        if "amount_yuan" in obj:  # journaled in fen only
            amount = fen(obj["amount_yuan"])
            del change["amount_yuan"]
            change["amount_fen"] = amount
        deadline = None
        if obj["category"] == "labour":
            deadline = labour_deadline(obj["received"])
            change["labour_deadline"] = deadline
        cursor = db.execute(insert_case, (
            key, committee_id, unit_id, obj.get("case_number"), obj["received"], obj.get("source"),
            obj["category"], amount, 1 if obj.get("unnatural_death") else 0,
            1 if obj.get("mass_incident_risk") else 0, deadline))
        journal(key, cursor.lastrowid, "create", change)
        return "create"

    counts = {"create": 0, "close": 0}
    in_batch = 0
    with open(args.cases, encoding="utf-8") as f:
        for line in f:
            if in_batch == 0:
                db.execute("BEGIN")
            counts[apply(line)] += 1
            in_batch += 1
            if in_batch == args.batch:
                db.execute(write_head, (str(seq) + ":" + prev_hash.hex(),))
                db.execute("COMMIT")
                in_batch = 0
    if in_batch:
        db.execute(write_head, (str(seq) + ":" + prev_hash.hex(),))
        db.execute("COMMIT")
    db.close()
    print("python_importer: %d cases inserted, %d closed" % (counts["create"], counts["close"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
