"""import_records: every input form, batching, global line numbers, and the
number of FFI calls a large import makes."""

from __future__ import annotations

import collections
import json
import unittest
from typing import Any, Callable, Counter, Dict, Iterator, List

import fazhi
from fztest import SAMPLE, FazhiTestCase, raises

ROOT = {"record": "org_unit", "code": "root", "name": "县人民政府", "kind": "government"}


def unit(i: int) -> Dict[str, Any]:
    return {"record": "org_unit", "code": "u%06d" % i, "name": "第%d村" % i,
            "kind": "village", "parent": "root"}


def ndjson(records: List[Dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


class CallCounter:
    """Substitutes a counting wrapper for every function of the native table."""

    def __init__(self, case: unittest.TestCase) -> None:
        self.calls: Counter[str] = collections.Counter()
        lib = fazhi.native()
        for name in lib.FUNCTIONS:
            real = getattr(lib, name)
            case.addCleanup(setattr, lib, name, real)
            setattr(lib, name, self._wrap(name, real))

    def _wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any) -> Any:
            self.calls[name] += 1
            return real(*args)
        return counted

    @property
    def total(self) -> int:
        return sum(self.calls.values())


class ImportFormsTest(FazhiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.records = [ROOT] + [unit(i) for i in range(1, 6)]
        self.file = self.tmp / "单位.ndjson"
        self.file.write_text(ndjson(self.records), encoding="utf-8")

    def check_imported(self, summary: Dict[str, Any]) -> None:
        assert summary["read"] == 6
        assert summary["inserted"] == 6
        assert summary["rejected"] == 0
        assert summary["errors"] == []
        assert self.db.get("org_unit", "u000005")["name"] == "第5村"

    def test_ndjson_str_with_newlines(self) -> None:
        self.check_imported(self.db.import_records(ndjson(self.records)))

    def test_single_line_str_starting_with_a_brace_is_ndjson(self) -> None:
        summary = self.db.import_records(json.dumps(ROOT, ensure_ascii=False))
        assert summary["inserted"] == 1
        assert self.db.get("org_unit", "root")["name"] == "县人民政府"

    def test_ndjson_bytes(self) -> None:
        self.check_imported(self.db.import_records(ndjson(self.records).encode("utf-8")))

    def test_pathlib_path_is_read_as_a_file(self) -> None:
        self.check_imported(self.db.import_records(self.file))

    def test_str_naming_an_existing_file_is_read_as_a_file(self) -> None:
        self.check_imported(self.db.import_records(str(self.file)))

    def test_path_keyword_is_read_as_a_file(self) -> None:
        self.check_imported(self.db.import_records(path=str(self.file)))

    def test_str_that_is_neither_ndjson_nor_an_existing_file_raises_io_failure(self) -> None:
        with raises(fazhi.IOFailure):
            self.db.import_records(str(self.tmp / "missing.ndjson"))

    def test_list_of_dicts(self) -> None:
        self.check_imported(self.db.import_records(self.records))

    def test_generator_of_dicts(self) -> None:
        self.check_imported(self.db.import_records(r for r in self.records))

    def test_one_dict(self) -> None:
        assert self.db.import_records(ROOT)["inserted"] == 1

    def test_a_non_dict_item_raises_type_error(self) -> None:
        with raises(TypeError):
            self.db.import_records([ROOT, "not a record"])

    def test_bad_batch_raises_argument_error(self) -> None:
        with raises(fazhi.ArgumentError):
            self.db.import_records(self.records, batch=0)

    def test_reimport_reports_every_line_unchanged(self) -> None:
        self.db.import_records(self.records, batch=4)
        again = self.db.import_records(self.records, batch=4)
        assert again["unchanged"] == 6
        assert again["inserted"] == again["updated"] == 0

    def test_actor_and_mode_options_reach_the_library(self) -> None:
        self.db.import_records(self.records, actor="导入员")
        entries = self.db.history("org_unit", "u000001")["entries"]
        assert [e["actor"] for e in entries] == ["导入员"]
        with raises(fazhi.ArgumentError):
            self.db.import_records(self.records, mode="lenient")

    def test_sample_files_import_without_rejections(self) -> None:
        for name in ("org_units.ndjson", "mediation.ndjson", "petitions.ndjson"):
            summary = self.db.import_records(SAMPLE / name, batch=100)
            assert summary["rejected"] == 0, summary["errors"]


class LineNumberTest(FazhiTestCase):
    def test_error_lines_count_over_the_whole_text_across_batches(self) -> None:
        text = (
            json.dumps(ROOT) + "\r\n"           # 1
            + json.dumps(unit(1)) + "\r\n"      # 2
            + "\n"                              # 3 blank
            + json.dumps(unit(2)) + "\n"        # 4
            + "   \t\n"                         # 5 blank
            + json.dumps(unit(3)) + "\n"        # 6
            + '{"record": "org_unit", "code": "bad", "colour": 1}\n'  # 7 rejected
            + json.dumps(unit(4)) + "\n"        # 8
            + "not json\n"                      # 9 rejected
        )
        for batch in (1, 2, 3, 1000):
            with fazhi.open(":memory:") as db:
                summary = db.import_records(text.encode("utf-8"), batch=batch)
                assert [e["line"] for e in summary["errors"]] == [7, 9], batch
                assert summary["read"] == 7
                assert summary["inserted"] == 5
                assert summary["rejected"] == 2
                assert summary["errors"][0]["field"] == "colour"

    def test_utf8_bom_before_the_first_line_is_ignored(self) -> None:
        text = "\ufeff" + ndjson([ROOT, unit(1), unit(2)])
        summary = self.db.import_records(text.encode("utf-8"), batch=2)
        assert summary["inserted"] == 3 and summary["errors"] == []

    def test_error_lines_of_dicts_are_their_positions(self) -> None:
        records: List[Dict[str, Any]] = [ROOT] + [unit(i) for i in range(1, 10)]
        records[6] = {"record": "org_unit", "code": "bad", "name": "x", "kind": "planet",
                      "parent": "root"}
        summary = self.db.import_records(records, batch=3)
        assert summary["read"] == 10
        assert summary["inserted"] == 9
        assert [e["line"] for e in summary["errors"]] == [7]
        assert summary["errors"][0]["field"] == "kind"

    def test_a_batch_failing_as_a_whole_raises_with_the_summary_so_far(self) -> None:
        self.small_calls()
        lib = fazhi.native()
        real = lib.fz_import
        self.addCleanup(setattr, lib, "fz_import", real)
        calls = []

        def second_call_busy(*args: Any) -> int:
            calls.append(1)
            return real(*args) if len(calls) == 1 else int(fazhi.Status.BUSY)

        lib.fz_import = second_call_busy
        records = [ROOT] + [unit(i) for i in range(1, 9)]
        with raises(fazhi.BusyError) as r:
            self.db.import_records(records, batch=2)
        # The first call carried two batches (records 1-4); the second failed.
        assert "began at line 5 of the input" in r.value.message
        assert r.value.summary["inserted"] == 4
        assert self.db.list("org_unit")["total"] == 4

    def test_error_lines_of_dicts_count_across_calls(self) -> None:
        self.small_calls()
        records: List[Dict[str, Any]] = [ROOT] + [unit(i) for i in range(1, 95)]
        records[46] = {"record": "org_unit", "code": "bad", "kind": "village"}
        counter = CallCounter(self)
        summary = self.db.import_records(records, batch=10)
        assert counter.calls["fz_import"] == 5  # 20 + 20 + 20 + 20 + 15 records
        assert summary["read"] == 95
        assert summary["inserted"] == 94
        assert [e["line"] for e in summary["errors"]] == [47]

    def small_calls(self) -> None:
        """Every fz_import call carries the minimum: two batches."""
        self.addCleanup(setattr, fazhi.database, "CALL_BYTES", fazhi.database.CALL_BYTES)
        fazhi.database.CALL_BYTES = 1


class CallCountTest(FazhiTestCase):
    def test_100000_records_cross_the_abi_in_fewer_calls_than_batches(self) -> None:
        n, batch = 100_000, 1000
        self.db.put("org_unit", code="root", name="县人民政府", kind="government")
        counter = CallCounter(self)

        def records() -> Iterator[Dict[str, Any]]:
            for i in range(n):
                yield unit(i)

        summary = self.db.import_records(records(), batch=batch)
        assert summary["read"] == n
        assert summary["inserted"] == n
        assert summary["rejected"] == 0
        # The bound: no more than records / batch + a few calls.
        assert counter.total <= n // batch + 3, counter.calls
        # Whole batches of about 4 MiB per call, each summary freed; nothing
        # else crosses the boundary (no fz_last_error: no call failed).
        calls = counter.calls["fz_import"]
        assert 1 <= calls <= n // (2 * batch)
        assert counter.calls["fz_free"] == calls
        assert counter.total == 2 * calls
        assert self.db.list("org_unit", limit=1)["total"] == n + 1

    def test_ndjson_text_is_one_fz_import_call(self) -> None:
        n, batch = 20_000, 1000
        text = ndjson([ROOT] + [unit(i) for i in range(1, n)]).encode("utf-8")
        counter = CallCounter(self)
        summary = self.db.import_records(text, batch=batch)
        assert summary["inserted"] == n
        assert counter.calls["fz_import"] == 1
        assert counter.total == 2  # fz_import + fz_free of its summary

    def test_a_file_is_one_fz_import_file_call(self) -> None:
        path = self.tmp / "units.ndjson"
        path.write_text(ndjson([ROOT] + [unit(i) for i in range(1, 3000)]), encoding="utf-8")
        counter = CallCounter(self)
        summary = self.db.import_records(path, batch=500)
        assert summary["inserted"] == 3000
        assert counter.calls["fz_import_file"] == 1
        assert counter.calls["fz_import"] == 0
        assert counter.total == 2  # fz_import_file + fz_free of its summary


if __name__ == "__main__":
    unittest.main()


class BulkLoadTest(FazhiTestCase):
    """bulk_begin / bulk_end and the bulk() block (fz_bulk_begin)."""

    def test_a_bulk_load_builds_the_deferred_indexes_of_the_tables_written(self) -> None:
        db = self.open_file_db()
        self.put_tree(db)
        with db.bulk():
            self.put_case("c1", db=db)
            self.put_case("c2", received="2022-04-01", db=db)
            # read right meanwhile
            assert db.indicator("mediation.received", "yx-kfq", 2022).value == 2
        # the block's end built them: nothing is left to build
        assert db.bulk_end() == 0
        db.bulk_begin()
        self.put_case("c3", db=db)
        # mediation_case's (unit, received), (unit, closed) and committee
        # indexes, and due_date's (unit, due) index
        assert db.bulk_end() == 4
        assert db.indicator("mediation.received", "yx-kfq", 2022).value == 3

    def test_a_second_begin_is_a_conflict(self) -> None:
        self.db.bulk_begin()
        with raises(fazhi.ConflictError) as r:
            self.db.bulk_begin()
        assert "bulk load" in str(r.value)
        assert self.db.bulk_end() == 0


class ImportChangesTest(FazhiTestCase):
    """dry_run, insert_only and the warnings of a replacing update."""

    def setUp(self) -> None:
        super().setUp()
        self.db = fazhi.open(":memory:")
        self.addCleanup(self.db.close)
        self.db.import_records([
            {"record": "org_unit", "code": "z", "name": "开发区", "kind": "zone_committee"},
            {"record": "org_unit", "code": "v1", "name": "一村", "kind": "village", "parent": "z"},
            {"record": "mediation_committee", "key": "mc", "unit": "v1", "name": "一村调委会",
             "established": "2015-01-01"},
            {"record": "mediation_case", "key": "k1", "committee": "mc", "received": "2022-03-01",
             "category": "other", "case_number": "调〔2022〕1号"},
            {"record": "mediation_case", "key": "k1", "action": "close", "date": "2022-03-05",
             "outcome": "succeeded", "agreement": "written"},
        ])

    def test_a_dry_run_of_dicts_lists_each_line_and_writes_nothing(self) -> None:
        before = self.db.verify_journal()["entries"]
        s = self.db.import_records([
            {"record": "mediation_case", "key": "k2", "committee": "mc", "received": "2022-04-01",
             "category": "other"},
            {"record": "mediation_case", "key": "k2", "action": "close", "date": "2022-04-05",
             "outcome": "succeeded", "agreement": "oral"},
            {"record": "mediation_case", "key": "k1", "committee": "mc", "received": "2022-03-01",
             "category": "other"},
        ], dry_run=True, batch=1)
        assert [c["change"] for c in s["changes"]] == ["inserted", "action", "updated"]
        assert [c["line"] for c in s["changes"]] == [1, 2, 3]
        assert s["warnings"][0]["line"] == 3 and s["warnings"][0]["fields"] == ["case_number"]
        assert self.db.verify_journal()["entries"] == before
        with self.assertRaises(fazhi.NotFoundError):
            self.db.get("mediation_case", "k2")

    def test_insert_only_rejects_an_existing_key(self) -> None:
        s = self.db.import_records(
            '{"record": "mediation_case", "key": "k1", "committee": "mc", "received": "2022-03-01", '
            '"category": "other"}\n', insert_only=True)
        assert s["rejected"] == 1
        assert s["errors"][0]["field"] == "key" and s["errors"][0]["status"] == "conflict"
        assert self.db.get("mediation_case", "k1")["case_number"] == "调〔2022〕1号"
