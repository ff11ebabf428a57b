"""Shared helpers of the binding's tests.

The tests are unittest.TestCase classes with plain ``assert`` statements, so
that the same files run under pytest (preferred; it rewrites the asserts into
detailed messages) and under ``python3 -m unittest`` where pytest is missing.
The library comes from FAZHI_LIBRARY (ctest sets it to the build's libfazhi.so).
"""

from __future__ import annotations

import contextlib
import pathlib
import shutil
import tempfile
import unittest
from typing import Any, Iterator, Optional, Type

import fazhi

TESTS = pathlib.Path(__file__).resolve().parent
BINDING = TESTS.parent  # bindings/python
REPO = BINDING.parent.parent
SAMPLE = REPO / "examples" / "yangxin-2022"


class Raised:
    """What ``raises`` caught."""

    value: Any = None


@contextlib.contextmanager
def raises(cls: Type[BaseException]) -> Iterator[Raised]:
    """``with raises(fazhi.RuleError) as r: ...`` then ``r.value`` — like
    pytest.raises, but also under plain unittest. The exception must be of
    exactly ``cls`` or a subclass."""
    info = Raised()
    try:
        yield info
    except cls as e:  # noqa: B902
        info.value = e
    else:
        raise AssertionError("%s was not raised" % cls.__name__)


class FazhiTestCase(unittest.TestCase):
    """Gives each test ``self.tmp`` (a fresh directory) and ``self.db`` (a
    fresh ":memory:" database, closed afterwards)."""

    def setUp(self) -> None:
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="fazhi-py-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.db = fazhi.open(":memory:")
        self.addCleanup(self.db.close)

    def open_file_db(self, name: str = "test.db", **options: Any) -> fazhi.Database:
        db = fazhi.open(self.tmp / name, **options)
        self.addCleanup(db.close)
        return db

    def put_tree(self, db: Optional[fazhi.Database] = None) -> None:
        """A root unit with one village and a mediation committee."""
        db = db or self.db
        db.put("org_unit", code="yx-kfq", name="阳新经济开发区管委会", kind="zone_committee",
               active_from="2015-01-01")
        db.put("org_unit", code="yx-kfq-v01", name="青石村", kind="village", parent="yx-kfq",
               active_from="2015-01-01")
        db.put("mediation_committee", key="mcom", unit="yx-kfq", name="开发区人民调解委员会",
               established="2015-06-18", members=9)

    def put_case(self, key: str, received: str = "2022-03-01",
                 db: Optional[fazhi.Database] = None) -> None:
        (db or self.db).put("mediation_case", key=key, committee="mcom", received=received,
                            source="application", category="neighbourhood",
                            parties=[{"name": "张某甲", "role": "applicant", "type": "person"}])
