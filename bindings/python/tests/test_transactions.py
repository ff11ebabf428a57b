"""begin / commit / rollback and the transaction() context manager."""

from __future__ import annotations

import unittest

import fazhi
from fztest import FazhiTestCase, raises


def village(db: fazhi.Database, code: str) -> None:
    db.put("org_unit", code=code, name="村" + code, kind="village", parent="yx-kfq")


def units(db: fazhi.Database) -> int:
    return int(db.list("org_unit")["total"])


class TransactionTest(FazhiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.put_tree()  # 2 units

    def test_commit_keeps_the_changes_made_since_begin(self) -> None:
        self.db.begin()
        village(self.db, "v2")
        village(self.db, "v3")
        self.db.commit()
        assert units(self.db) == 4

    def test_rollback_discards_the_changes_made_since_begin(self) -> None:
        self.db.begin()
        village(self.db, "v2")
        assert units(self.db) == 3  # visible inside the transaction
        self.db.rollback()
        assert units(self.db) == 2
        with raises(fazhi.NotFoundError):
            self.db.get("org_unit", "v2")

    def test_transaction_block_commits_when_it_succeeds(self) -> None:
        with self.db.transaction() as db:
            assert db is self.db
            village(db, "v2")
        assert units(self.db) == 3
        self.db.begin()  # and no transaction is left open
        self.db.rollback()

    def test_transaction_block_rolls_back_and_reraises_on_exception(self) -> None:
        with raises(KeyError):
            with self.db.transaction():
                village(self.db, "v2")
                raise KeyError("host failure")
        assert units(self.db) == 2
        self.db.begin()  # the transaction was closed
        self.db.rollback()

    def test_transaction_block_rolls_back_on_a_fazhi_error(self) -> None:
        with raises(fazhi.RuleError):
            with self.db.transaction():
                village(self.db, "v2")
                self.db.put("org_unit", code="root2", name="第二个根", kind="government")
        assert units(self.db) == 2

    def test_a_failed_call_inside_a_transaction_leaves_the_rest_to_commit(self) -> None:
        with self.db.transaction():
            village(self.db, "v2")
            with raises(fazhi.RuleError):
                self.db.put("org_unit", code="root2", name="第二个根", kind="government")
            village(self.db, "v3")
        assert units(self.db) == 4

    def test_begin_twice_raises_conflict_error(self) -> None:
        self.db.begin()
        self.addCleanup(self.db.rollback)
        with raises(fazhi.ConflictError):
            self.db.begin()

    def test_commit_without_begin_raises_conflict_error(self) -> None:
        with raises(fazhi.ConflictError) as r:
            self.db.commit()
        assert r.value.message == "no transaction is open on this handle"

    def test_closing_with_an_open_transaction_rolls_it_back(self) -> None:
        path = self.tmp / "tx.db"
        with fazhi.open(path) as db:
            self.put_tree(db)
            db.begin()
            village(db, "v2")
        with fazhi.open(path) as db:
            assert units(db) == 2

    def test_import_inside_a_transaction_is_undone_by_rollback(self) -> None:
        with raises(RuntimeError):
            with self.db.transaction():
                self.db.import_records(
                    [{"record": "org_unit", "code": "v%d" % i, "name": "村", "kind": "village",
                      "parent": "yx-kfq"} for i in range(10)], batch=3)
                assert units(self.db) == 12
                raise RuntimeError("abort")
        assert units(self.db) == 2


if __name__ == "__main__":
    unittest.main()
