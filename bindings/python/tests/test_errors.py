"""Every non-OK status raises the fazhi.Error subclass named after it, with the
library's message (UTF-8, Chinese intact) and the status code."""

from __future__ import annotations

import pickle
import sqlite3
import unittest

import fazhi
from fazhi.errors import error_for_status
from fztest import FazhiTestCase, raises


class ErrorClassTest(FazhiTestCase):
    def test_unknown_field_raises_argument_error_naming_the_field(self) -> None:
        with raises(fazhi.ArgumentError) as r:
            self.db.put("org_unit", code="root", name="县", kind="government", colour="红")
        assert r.value.status == fazhi.Status.ARGUMENT == 1
        assert r.value.message == "colour: unknown field of org_unit"

    def test_missing_key_raises_not_found_error(self) -> None:
        with raises(fazhi.NotFoundError) as r:
            self.db.get("org_unit", "nobody")
        assert r.value.status == 2
        assert r.value.message == "no org_unit with key 'nobody'"

    def test_second_root_unit_raises_rule_error(self) -> None:
        self.put_tree()
        with raises(fazhi.RuleError) as r:
            self.db.put("org_unit", code="other-root", name="另一个根", kind="government")
        assert r.value.status == 3
        assert "second root" in r.value.message
        assert self.db.list("org_unit")["total"] == 2  # a failed call changes nothing

    def test_closing_a_closed_case_differently_raises_conflict_error(self) -> None:
        self.put_tree()
        self.put_case("c1")
        self.db.act("mediation_case", "c1", "close", date="2022-03-05", outcome="succeeded",
                    agreement="written")
        # The same close again changes nothing; a different one is a conflict.
        self.db.act("mediation_case", "c1", "close", date="2022-03-05", outcome="succeeded",
                    agreement="written")
        with raises(fazhi.ConflictError) as r:
            self.db.act("mediation_case", "c1", "close", date="2022-03-06", outcome="failed")
        assert r.value.status == 4
        assert r.value.message == "the case was already closed on 2022-03-05"

    def test_locked_database_raises_busy_error(self) -> None:
        holder = self.open_file_db("busy.db")
        self.put_tree(holder)
        waiter = self.open_file_db("busy.db", busy_timeout_ms=0)
        holder.begin()
        try:
            with raises(fazhi.BusyError) as r:
                waiter.put("org_unit", code="v2", name="村二", kind="village", parent="yx-kfq")
            assert r.value.status == 5
            assert "locked" in r.value.message
        finally:
            holder.rollback()

    def test_path_in_a_missing_directory_raises_io_failure(self) -> None:
        with raises(fazhi.IOFailure) as r:
            fazhi.open(self.tmp / "no-such-dir" / "x.db")
        assert r.value.status == 6
        assert "no-such-dir" in r.value.message

    def test_garbage_file_raises_corrupt_error(self) -> None:
        path = self.tmp / "garbage.db"
        path.write_bytes(b"this is not a database, just text\n" * 200)
        with raises(fazhi.CorruptError) as r:
            fazhi.open(path)
        assert r.value.status == 7
        assert "not a fazhi database" in r.value.message

    def test_database_from_a_newer_fazhi_raises_version_error(self) -> None:
        path = self.tmp / "future.db"
        fazhi.open(path).close()
        con = sqlite3.connect(str(path))
        con.execute("PRAGMA user_version = 999")
        con.commit()
        con.close()
        with raises(fazhi.VersionError) as r:
            fazhi.open(path)
        assert r.value.status == 8
        assert "999" in r.value.message

    def test_nomem_and_internal_statuses_raise_their_classes_with_the_message(self) -> None:
        # The library cannot be made to run out of memory or fail internally on
        # purpose; substitute the native functions to return those statuses.
        lib = fazhi.native()
        real_get, real_last_error = lib.fz_get, lib.fz_last_error
        self.addCleanup(setattr, lib, "fz_get", real_get)
        self.addCleanup(setattr, lib, "fz_last_error", real_last_error)
        lib.fz_last_error = lambda: "内部错误：模拟".encode("utf-8")
        for status, cls in ((9, fazhi.NoMemoryError), (10, fazhi.InternalError)):
            lib.fz_get = lambda *args, _s=status: _s
            with raises(cls) as r:
                self.db.get("org_unit", "x")
            assert r.value.status == status
            assert r.value.message == "内部错误：模拟"


class ErrorMessageTest(FazhiTestCase):
    def test_chinese_rule_message_arrives_intact(self) -> None:
        self.put_tree()
        self.db.put("petition", key="p1", unit="yx-kfq", received="2022-03-01",
                    channel="visit", petitioners=["王某乙"], subject="征地补偿")
        self.db.act("petition", "p1", "accept", date="2022-03-02")
        with raises(fazhi.RuleError) as r:
            self.db.act("petition", "p1", "extend", date="2022-04-20", days=45)
        assert r.value.message == (
            "petition.extension_30_days: 延长办理期限超过三十日（延长 45 日）"
            "（信访工作条例 第三十二条）")
        assert str(r.value) == r.value.message

    def test_chinese_key_in_a_not_found_message_arrives_intact(self) -> None:
        with raises(fazhi.NotFoundError) as r:
            self.db.get("mediation_case", "调解-不存在")
        assert r.value.message == "no mediation_case with key '调解-不存在'"

    def test_invalid_unicode_is_refused_by_the_library_as_argument_error(self) -> None:
        with raises(fazhi.ArgumentError) as r:
            self.db.get("org_unit", "bad\udc80key")
        assert r.value.message == "key: is not valid UTF-8"

    def test_every_class_is_a_fazhi_error_and_none_is_a_builtin_lookalike(self) -> None:
        classes = [fazhi.ArgumentError, fazhi.NotFoundError, fazhi.RuleError,
                   fazhi.ConflictError, fazhi.BusyError, fazhi.IOFailure, fazhi.CorruptError,
                   fazhi.VersionError, fazhi.NoMemoryError, fazhi.InternalError]
        for code, cls in enumerate(classes, start=1):
            err = error_for_status(code, "m")
            assert type(err) is cls
            assert isinstance(err, fazhi.Error)
            assert err.status == code
        assert not issubclass(fazhi.IOFailure, OSError)
        assert not issubclass(fazhi.NoMemoryError, MemoryError)

    def test_an_unknown_status_code_raises_the_base_error_with_that_code(self) -> None:
        err = error_for_status(42, "newer library")
        assert type(err) is fazhi.Error
        assert err.status == 42
        assert err.status_name == "status_42"

    def test_errors_survive_pickling(self) -> None:
        err = pickle.loads(pickle.dumps(fazhi.RuleError("规则", 3)))
        assert type(err) is fazhi.RuleError
        assert err.message == "规则" and err.status == 3


if __name__ == "__main__":
    unittest.main()
