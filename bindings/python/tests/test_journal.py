"""history / history_text / verify_journal."""

from __future__ import annotations

import json
import sqlite3
import unittest

import fazhi
from fztest import FazhiTestCase, raises


class JournalTest(FazhiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.put_tree()
        self.put_case("调解-001")
        self.db.act("mediation_case", "调解-001", "close", date="2022-03-05",
                    outcome="succeeded", agreement="written")

    def test_history_lists_the_record_entries_in_order_and_verifies(self) -> None:
        h = self.db.history("mediation_case", "调解-001")
        assert h["kind"] == "mediation_case" and h["key"] == "调解-001"
        assert [e["op"] for e in h["entries"]] == ["create", "close"]
        seqs = [e["seq"] for e in h["entries"]]
        assert seqs == sorted(seqs)
        assert h["record"]["outcome"] == "succeeded"
        assert h["verification"]["ok"] is True

    def test_history_takes_the_key_never_the_id(self) -> None:
        record_id = self.db.get("mediation_case", "调解-001")["id"]
        with raises(fazhi.NotFoundError) as r:
            self.db.history("mediation_case", str(record_id))
        assert r.value.message == "no mediation_case with key '%d'" % record_id
        with raises(TypeError):
            self.db.history("mediation_case", record_id)  # type: ignore[arg-type]

    def test_history_of_a_missing_record_raises_not_found(self) -> None:
        with raises(fazhi.NotFoundError):
            self.db.history("mediation_case", "调解-999")

    def test_verify_journal_counts_every_change(self) -> None:
        v = self.db.verify_journal()
        assert v["ok"] is True
        assert v["entries"] == 5  # 2 units, 1 committee, 1 case, 1 close
        assert v["first_bad"] is None

    def test_verify_journal_threads_read_side_by_side_to_the_same_verdict(self) -> None:
        path = self.tmp / "threads.db"
        with fazhi.open(path) as db:
            self.put_tree(db)
            one = db.verify_journal(threads=1)
            two = db.verify_journal(threads=2)
        assert (one["readers"], two["readers"]) == (1, 2)
        del one["readers"], two["readers"]
        assert one == two

    def test_verify_journal_finds_a_tampered_entry(self) -> None:
        path = self.tmp / "journal.db"
        with fazhi.open(path) as db:
            self.put_tree(db)
        con = sqlite3.connect(str(path))
        # Actors are stored as codes of journal_name.
        con.execute("INSERT INTO journal_name (name) VALUES ('someone else')")
        con.execute("UPDATE journal SET actor = (SELECT id FROM journal_name"
                    " WHERE name = 'someone else') WHERE seq = 2")
        con.commit()
        con.close()
        with fazhi.open(path) as db:
            v = db.verify_journal()
        assert v["ok"] is False
        assert v["first_bad"] == 2

    def test_verify_journal_names_a_record_edited_behind_its_back(self) -> None:
        path = self.tmp / "records.db"
        with fazhi.open(path) as db:
            self.put_tree(db)
            self.put_case("调解-002", db=db)
        con = sqlite3.connect(str(path))
        con.execute("UPDATE mediation_case SET category = 'marriage' WHERE key = '调解-002'")
        con.commit()
        con.close()
        with fazhi.open(path) as db:
            v = db.verify_journal()
            assert v["ok"] is False
            assert v["first_bad"] is None  # the chain is intact; the row is not
            assert v["records"]["changed"] == 1
            [p] = v["records"]["problems"]
            assert (p["problem"], p["kind"], p["key"]) == ("changed", "mediation_case", "调解-002")
            scoped = db.verify_journal(kind="org_unit")
            assert scoped["ok"] is True and scoped["records"]["checked"] == 2

    def test_journal_head_is_proven_on_the_chain_later(self) -> None:
        head = self.db.journal_head()
        assert head["seq"] == 5 and len(head["hash"]) == 64
        self.put_case("调解-003")
        v = self.db.verify_journal(head=head)
        assert v["ok"] is True and v["anchor"]["ok"] is True
        forged = dict(head, hash="0" * 64)
        v = self.db.verify_journal(head=forged)
        assert v["ok"] is False and v["anchor"]["ok"] is False
        assert v["message"].startswith("entry 5 is no longer the recorded head")

    def test_a_keyed_handle_checkpoints_every_commit(self) -> None:
        path = self.tmp / "keyed.db"
        key = "a key of sixteen bytes or more"
        with fazhi.open(path, journal_key=key) as db:
            self.put_tree(db)
            assert db.verify_journal()["checkpoints"] == {
                "count": 3, "checked": True, "ok": True, "last": 3, "first_bad": None,
                "message": "3 keyed checkpoints authentic"}
        with fazhi.open(path) as db:
            c = db.verify_journal()["checkpoints"]
            assert c["checked"] is False and c["count"] == 3
        with raises(fazhi.ArgumentError) as r:
            fazhi.open(path, journal_key="k3y-x")
        assert r.value.message.startswith("journal_key: ")
        assert "k3y-x" not in r.value.message  # the key is never repeated

    def test_history_text_markdown_is_the_full_process_record(self) -> None:
        text = self.db.history_text("mediation_case", "调解-001")
        assert text.startswith("# 全过程记录")
        assert "调解-001" in text
        assert "2022-03-05" in text

    def test_history_text_json_is_the_history(self) -> None:
        text = self.db.history_text("mediation_case", "调解-001", format="json")
        assert json.loads(text)["entries"] == \
            self.db.history("mediation_case", "调解-001")["entries"]

    def test_history_text_with_an_unknown_format_raises_argument_error(self) -> None:
        with raises(fazhi.ArgumentError):
            self.db.history_text("mediation_case", "调解-001", format="pdf")


if __name__ == "__main__":
    unittest.main()
