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

    def test_put_returns_the_id_and_get_accepts_the_id_as_key(self) -> None:
        new_id = self.db.put("org_unit", code="root", name="县人民政府", kind="government")
        assert isinstance(new_id, int) and new_id > 0
        assert self.db.get("org_unit", new_id)["code"] == "root"

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

    def test_export_can_select_kinds(self) -> None:
        self.put_tree()
        out = self.tmp / "units.ndjson"
        self.db.export(out, kinds=["org_unit"])
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2
        assert all('"record":"org_unit"' in line.replace(" ", "") for line in lines)


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
