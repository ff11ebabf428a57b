"""put / get / patch / list / act / export, and the handle's life cycle."""

from __future__ import annotations

import datetime
import decimal
import threading
import unittest
from typing import Dict, List

import fazhi
from fztest import FazhiTestCase, raises


class RecordTest(FazhiTestCase):
    def test_record_with_chinese_fields_round_trips_unchanged(self) -> None:
        self.put_tree()
        record = {
            "key": "调解-2022-001",
            "committee": "mcom",
            "case_number": "阳开调字〔2022〕第1号",
            "received": "2022-03-01",
            "source": "application",
            "category": "housing_homestead",
            "parties": [
                {"name": "张某甲", "role": "applicant", "type": "person"},
                {"name": "某建材公司", "role": "respondent", "type": "organisation"},
            ],
            "ext": {"备注": "宅基地边界纠纷，双方系邻居 — “界桩”位置争议", "emoji": "⚖️"},
        }
        new_id = self.db.put("mediation_case", record)
        got = self.db.get("mediation_case", "调解-2022-001")
        assert got["id"] == new_id
        assert got["key"] == "调解-2022-001"
        for field in ("case_number", "received", "source", "category", "parties", "ext"):
            assert got[field] == record[field], field
        unit = self.db.get("org_unit", "yx-kfq")
        assert unit["name"] == "阳新经济开发区管委会"

    def test_put_returns_the_id_and_list_finds_the_record_by_it(self) -> None:
        new_id = self.db.put("org_unit", code="root", name="县人民政府", kind="government")
        assert isinstance(new_id, int) and new_id > 0
        assert [u["code"] for u in self.db.list("org_unit", id=new_id)["items"]] == ["root"]
        assert self.db.list("org_unit", id=new_id + 1)["total"] == 0

    def test_an_int_is_never_taken_for_a_key(self) -> None:
        new_id = self.db.put("org_unit", code="root", name="县人民政府", kind="government")
        for call in (lambda: self.db.get("org_unit", new_id),  # type: ignore[arg-type]
                     lambda: self.db.patch("org_unit", new_id, name="x"),  # type: ignore[arg-type]
                     lambda: self.db.act("org_unit", new_id, "close"),  # type: ignore[arg-type]
                     lambda: self.db.history("org_unit", new_id),  # type: ignore[arg-type]
                     lambda: self.db.history_text("org_unit", new_id)):  # type: ignore[arg-type]
            with raises(TypeError) as r:
                call()
            assert str(r.value) == ("key: expected the record's key (a str), got the int 1; a key "
                                    "is never an id (find a record by id with list(kind, id=1))")
        assert self.db.get("org_unit", "root")["name"] == "县人民政府"

    def test_put_with_an_existing_key_updates_instead_of_duplicating(self) -> None:
        first = self.db.put("org_unit", code="root", name="旧名称", kind="government")
        second = self.db.put("org_unit", code="root", name="新名称", kind="government")
        assert first == second
        listed = self.db.list("org_unit")
        assert listed["total"] == 1
        assert listed["items"][0]["name"] == "新名称"

    def test_put_merges_a_dict_and_keyword_fields(self) -> None:
        self.db.put("org_unit", {"code": "root", "kind": "government"}, name="合并")
        assert self.db.get("org_unit", "root")["name"] == "合并"

    def test_dates_and_decimals_are_sent_as_iso_dates_and_exact_yuan(self) -> None:
        self.put_tree()
        self.db.put("mediation_case", key="c1", committee="mcom",
                    received=datetime.date(2022, 3, 1), source="application",
                    category="contract", amount_yuan=decimal.Decimal("500000.50"))
        got = self.db.get("mediation_case", "c1")
        assert got["received"] == "2022-03-01"
        assert got["amount_yuan"] == "500000.50"
        assert got["amount_fen"] == 50000050

    def test_patch_changes_named_fields_and_none_clears_an_optional_one(self) -> None:
        self.put_tree()
        self.db.patch("org_unit", "yx-kfq-v01", name="青石村（更名）", active_to="2030-12-31")
        got = self.db.get("org_unit", "yx-kfq-v01")
        assert got["name"] == "青石村（更名）"
        assert got["active_to"] == "2030-12-31"
        assert got["kind"] == "village"
        self.db.patch("org_unit", "yx-kfq-v01", {"active_to": None})
        assert "active_to" not in self.db.get("org_unit", "yx-kfq-v01")

    def test_list_filters_by_unit_and_total_ignores_limit(self) -> None:
        self.put_tree()
        self.db.put("mediation_committee", key="mcom-v01", unit="yx-kfq-v01", name="青石村调委会",
                    established="2016-01-01", members=3)
        assert self.db.list("mediation_committee")["total"] == 2
        only_village = self.db.list("mediation_committee", unit="yx-kfq-v01")
        assert [i["key"] for i in only_village["items"]] == ["mcom-v01"]
        subtree = self.db.list("mediation_committee", {"unit": "yx-kfq", "subtree": True}, limit=1)
        assert subtree["total"] == 2
        assert len(subtree["items"]) == 1

    def test_act_returns_the_record_after_the_action(self) -> None:
        self.put_tree()
        self.put_case("c1")
        after = self.db.act("mediation_case", "c1", "close", date="2022-03-05",
                            outcome="succeeded", agreement="written")
        assert after["closed"] == "2022-03-05"
        assert after["outcome"] == "succeeded"
        assert self.db.get("mediation_case", "c1")["outcome"] == "succeeded"

    def test_labels_are_chinese(self) -> None:
        assert self.db.labels("org_unit.kind")["village"] == "村"
        assert self.db.labels("kinds")["mediation_case"] == "矛盾纠纷调解案件"

    def test_export_then_import_reproduces_the_records(self) -> None:
        self.put_tree()
        self.put_case("c1")
        self.db.act("mediation_case", "c1", "close", date="2022-03-05", outcome="succeeded",
                    agreement="oral")
        out = self.tmp / "export.ndjson"
        self.db.export(out)
        with fazhi.open(":memory:") as copy:
            summary = copy.import_records(out)
            assert summary["rejected"] == 0
            original = self.db.get("mediation_case", "c1")
            copied = copy.get("mediation_case", "c1")
            assert {k: v for k, v in copied.items() if k != "id"} == \
                {k: v for k, v in original.items() if k != "id"}

    def test_export_never_writes_over_the_open_database(self) -> None:
        db = self.open_file_db("zone.db")
        self.put_tree(db)
        target = self.tmp / "zone.db"
        before = sorted(p.name for p in self.tmp.iterdir())
        for path, what in ((target, "the open database"),
                           (self.tmp / "zone.db-wal", "the open database's write-ahead log (-wal)"),
                           (self.tmp, "a directory, not a regular file")):
            with raises(fazhi.ArgumentError) as r:
                db.export(path)
            assert r.value.message.startswith("path: '%s' is %s" % (path, what)), r.value.message
        assert sorted(p.name for p in self.tmp.iterdir()) == before
        assert db.get("org_unit", "yx-kfq-v01")["name"] == "青石村"

    def test_export_can_select_kinds(self) -> None:
        self.put_tree()
        out = self.tmp / "units.ndjson"
        self.db.export(out, kinds=["org_unit"])
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2
        assert all('"record":"org_unit"' in line.replace(" ", "") for line in lines)


class KeyTest(FazhiTestCase):
    """A key is a key: one written with digits never reaches the record with
    that id (issue 19)."""

    def setUp(self) -> None:
        super().setUp()
        self.put_tree()
        for key, subject in (("p1", "旧事项一"), ("p2", "旧事项二")):
            self.db.put("petition", key=key, unit="yx-kfq", received="2022-03-01",
                        subject=subject)
        assert self.db.get("petition", "p1")["id"] == 1

    def test_a_new_petition_with_key_1_leaves_the_petition_with_id_1_alone(self) -> None:
        new_id = self.db.put("petition", key="1", unit="yx-kfq", received="2022-03-01",
                             subject="新事项")
        assert new_id == 3
        assert self.db.get("petition", "p1")["subject"] == "旧事项一"
        assert self.db.get("petition", "1")["subject"] == "新事项"
        assert self.db.list("petition")["total"] == 3

    def test_importing_keys_3_2_1_stores_three_records(self) -> None:
        with fazhi.open(":memory:") as db:
            self.put_tree(db)
            summary = db.import_records(
                {"record": "petition", "key": k, "unit": "yx-kfq", "received": "2022-03-01",
                 "subject": "事项" + k} for k in ("3", "2", "1"))
            assert (summary["inserted"], summary["updated"]) == (3, 0)
            assert [db.get("petition", k)["subject"] for k in ("3", "2", "1")] == \
                ["事项3", "事项2", "事项1"]

    def test_keys_that_look_like_numbers_reach_only_their_own_record(self) -> None:
        before = [self.db.get("petition", k) for k in ("p1", "p2")]
        for key in ("1", "2", "007", "1e3", "-1", "99"):
            expected = "no petition with key '%s'" % key
            for call in (lambda: self.db.get("petition", key),
                         lambda: self.db.patch("petition", key, subject="改"),
                         lambda: self.db.act("petition", key, "accept", date="2022-03-02"),
                         lambda: self.db.history("petition", key),
                         lambda: self.db.history_text("petition", key)):
                with raises(fazhi.NotFoundError) as r:
                    call()
                assert r.value.message == expected
            new_id = self.db.put("petition", key=key, unit="yx-kfq", received="2022-03-01",
                                 subject="原")
            self.db.patch("petition", key, subject="改")
            after = self.db.act("petition", key, "accept", date="2022-03-02")
            assert (after["id"], after["key"], after["subject"], after["accepted"]) == \
                (new_id, key, "改", "2022-03-02")
            history = self.db.history("petition", key)
            assert (history["id"], [e["op"] for e in history["entries"]]) == \
                (new_id, ["create", "patch", "accept"])
            assert [self.db.get("petition", k) for k in ("p1", "p2")] == before

    def test_an_id_is_used_where_it_is_asked_for(self) -> None:
        assert self.db.put("petition", id=2, unit="yx-kfq", received="2022-03-01",
                           subject="经 id 修改") == 2
        assert self.db.get("petition", "p2")["subject"] == "经 id 修改"
        with raises(fazhi.ArgumentError) as r:
            self.db.put("petition", id=1, key="1", unit="yx-kfq", received="2022-03-01")
        assert r.value.message == ("id: petition 1 has the key 'p1', not '1' "
                                   "(a record's key cannot be changed)")
        with raises(fazhi.ArgumentError) as r:
            self.db.put("petition", id=99, unit="yx-kfq", received="2022-03-01")
        assert r.value.message == ("id: no petition with id 99 (ids are assigned by fazhi; "
                                   "give a key to create a record)")
        assert [p["key"] for p in self.db.list("petition", id=1)["items"]] == ["p1"]


class LifeCycleTest(FazhiTestCase):
    def test_with_block_closes_the_database(self) -> None:
        with fazhi.open(":memory:") as db:
            assert not db.closed
        assert db.closed

    def test_a_closed_database_raises_argument_error(self) -> None:
        db = fazhi.open(":memory:")
        db.close()
        db.close()  # idempotent
        with raises(fazhi.ArgumentError) as r:
            db.get("org_unit", "x")
        assert "closed" in r.value.message

    def test_a_file_database_keeps_records_across_handles(self) -> None:
        path = self.tmp / "县.db"
        with fazhi.open(path, actor="司法所") as db:
            self.put_tree(db)
        with fazhi.open(str(path), create=False, read_only=True) as db:
            assert db.get("org_unit", "yx-kfq-v01")["name"] == "青石村"
            with raises(fazhi.IOFailure):
                db.put("org_unit", code="v2", name="村", kind="village", parent="yx-kfq")
            actors = {e["actor"] for e in db.history("org_unit", "yx-kfq")["entries"]}
            assert actors == {"司法所"}

    def test_open_passes_further_keywords_to_the_library(self) -> None:
        with raises(fazhi.ArgumentError) as r:
            fazhi.open(":memory:", colour="red")
        assert r.value.message == "colour: unknown option"

    def test_open_mode_historical_stores_a_rule_violation_as_a_finding(self) -> None:
        db = fazhi.open(":memory:", mode="historical")
        self.addCleanup(db.close)
        self.put_tree(db)
        db.put("petition", key="p1", unit="yx-kfq", received="2022-03-01", channel="visit",
               petitioners=["王某乙"], subject="道路")
        db.act("petition", "p1", "accept", date="2022-03-02")
        db.act("petition", "p1", "extend", date="2022-04-20", days=45)  # > 30: an error rule
        rules = [f["rule"] for f in db.findings(unit="yx-kfq")["items"]]
        assert "petition.extension_30_days" in rules


class ThreadTest(FazhiTestCase):
    def test_threads_share_one_handle(self) -> None:
        self.put_tree()
        errors: List[BaseException] = []

        def work(t: int) -> None:
            try:
                for i in range(50):
                    self.db.put("mediation_case", key="t%d-%d" % (t, i), committee="mcom",
                                received="2022-03-01", source="application",
                                category="neighbourhood")
            except BaseException as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert errors == []
        assert self.db.list("mediation_case", limit=1)["total"] == 200

    def test_each_thread_gets_the_message_of_its_own_failure(self) -> None:
        messages: Dict[int, str] = {}
        barrier = threading.Barrier(4)

        def work(t: int) -> None:
            barrier.wait()
            for _ in range(25):
                try:
                    self.db.get("org_unit", "缺-%d" % t)
                except fazhi.NotFoundError as e:
                    if messages.get(t, e.message) != e.message:
                        messages[t] = "mixed up"
                        return
                    messages[t] = e.message

        threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert messages == {t: "no org_unit with key '缺-%d'" % t for t in range(4)}


if __name__ == "__main__":
    unittest.main()
