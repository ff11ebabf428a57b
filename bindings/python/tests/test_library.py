"""Loading the library, the function table, versions and the log hookup."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unittest
from typing import Any, Dict, List, Tuple

import fazhi
from fazhi import _native
from fztest import BINDING, REPO, FazhiTestCase, raises

HEADER = REPO / "capi" / "fazhi" / "fazhi.h"


def run_python(code: str, env: Dict[str, str], cwd: str) -> "subprocess.CompletedProcess[str]":
    # cwd matters: "python -c" puts the working directory first on sys.path.
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def clean_env(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FAZHI_LIBRARY", "PYTHONPATH")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


class FunctionTableTest(unittest.TestCase):
    def test_every_function_of_fazhi_h_is_bound(self) -> None:
        declared = set(re.findall(r"FZ_API\s+[\w\s\*]*?\b(fz_\w+)\s*\(",
                                  HEADER.read_text(encoding="utf-8")))
        assert len(declared) >= 32
        assert declared == set(_native.NativeLibrary.FUNCTIONS)
        lib = fazhi.native()
        for name in declared:
            assert callable(getattr(lib, name)), name

    def test_the_package_version_is_the_library_version(self) -> None:
        # The version is written once, in fazhi.h; the package's copies must
        # follow it (pyproject.toml and __version__ cannot read the header).
        assert fazhi.__version__ == fazhi.version()
        pyproject = (BINDING / "pyproject.toml").read_text(encoding="utf-8")
        assert 'version = "%s"' % fazhi.version() in pyproject

    def test_version_matches_version_number(self) -> None:
        text = fazhi.version()
        major, minor, patch = (int(x) for x in text.split("."))
        assert fazhi.version_number() == major * 1_000_000 + minor * 1000 + patch
        assert major == _native.WRITTEN_FOR_MAJOR


class StarImportTest(unittest.TestCase):
    def test_star_import_leaves_the_builtin_open_alone(self) -> None:
        names: Dict[str, Any] = {}
        exec("from fazhi import *", names)
        self.assertNotIn("open", names)
        self.assertIn("Database", names)
        # fazhi.open stays available under its qualified name.
        self.assertTrue(callable(fazhi.open))


class FakeLibrary:
    def __init__(self, number: int, text: bytes) -> None:
        self.path = "/fake/libfazhi.so"
        self._number, self._text = number, text

    def fz_version_number(self) -> int:
        return self._number

    def fz_version(self) -> bytes:
        return self._text


class VersionCheckTest(unittest.TestCase):
    def test_another_major_version_is_refused_with_a_clear_error(self) -> None:
        with raises(fazhi.LibraryError) as r:
            _native._check_version(FakeLibrary(1_002_000, b"1.2.0"))  # type: ignore[arg-type]
        message = str(r.value)
        assert "fazhi 1.2.0" in message and "major version 1" in message
        assert "written for major version 0" in message

    def test_an_older_minor_version_is_refused(self) -> None:
        with raises(fazhi.LibraryError):
            _native._check_version(FakeLibrary(0, b"0.0.0"))  # type: ignore[arg-type]

    def test_the_version_it_was_written_for_is_accepted(self) -> None:
        _native._check_version(FakeLibrary(1000, b"0.1.0"))  # type: ignore[arg-type]
        _native._check_version(FakeLibrary(7042, b"0.7.42"))  # type: ignore[arg-type]


class LocatingTest(FazhiTestCase):
    def test_fazhi_library_pointing_nowhere_raises_library_error(self) -> None:
        env = clean_env(PYTHONPATH=str(BINDING),
                        FAZHI_LIBRARY=str(self.tmp / "libfazhi.so"))
        code = ("import fazhi\n"
                "try:\n    fazhi.open(':memory:')\n"
                "except fazhi.LibraryError as e:\n    print('LibraryError:', e)\n")
        result = run_python(code, env, str(self.tmp))
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("LibraryError: FAZHI_LIBRARY=")

    def test_a_library_inside_the_package_is_found_without_fazhi_library(self) -> None:
        library = os.environ.get("FAZHI_LIBRARY")
        if not library:
            self.skipTest("FAZHI_LIBRARY is not set: no built library to bundle")
        site = self.tmp / "site"
        shutil.copytree(BINDING / "fazhi", site / "fazhi",
                        ignore=shutil.ignore_patterns("__pycache__", "libfazhi*"))
        shutil.copy2(os.path.realpath(library), site / "fazhi" / "libfazhi.so.0")
        result = run_python("import fazhi\nprint(fazhi.native().path)\n"
                            "with fazhi.open(':memory:') as db:\n"
                            "    print(db.labels('org_unit.kind')['village'])\n",
                            clean_env(PYTHONPATH=str(site)), str(self.tmp))
        assert result.returncode == 0, result.stderr
        path, label = result.stdout.splitlines()
        assert path == str(site / "fazhi" / "libfazhi.so.0")
        assert label == "村"

    def test_importing_fazhi_does_not_load_the_library(self) -> None:
        env = clean_env(PYTHONPATH=str(BINDING), FAZHI_LIBRARY=str(self.tmp / "none.so"))
        result = run_python("import fazhi; print(fazhi.__version__)", env, str(self.tmp))
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == fazhi.__version__


class LogTest(FazhiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.messages: List[Tuple[int, str]] = []
        self.addCleanup(fazhi.set_log, None)

    def record(self, level: int, message: str) -> None:
        self.messages.append((level, message))

    def import_one(self, code: str) -> None:
        self.db.import_records([{"record": "org_unit", "code": code, "name": "单位",
                                 "kind": "government" if code == "root" else "village",
                                 **({} if code == "root" else {"parent": "root"})}])

    def test_callback_receives_messages_at_and_above_the_level(self) -> None:
        fazhi.set_log(self.record, "info")
        self.import_one("root")
        imports = [(lvl, m) for lvl, m in self.messages if m.startswith("import:")]
        assert imports == [(2, "import: 1 lines, 1 inserted, 0 updated, 0 rejected")]

    def test_a_higher_level_filters_lower_messages(self) -> None:
        fazhi.set_log(self.record, 4)
        self.import_one("root")
        assert all(level >= 4 for level, _ in self.messages)
        assert not any(m.startswith("import:") for _, m in self.messages)

    def test_none_silences_the_log(self) -> None:
        fazhi.set_log(self.record, 0)
        self.import_one("root")
        seen = len(self.messages)
        assert seen > 0
        fazhi.set_log(None)
        self.import_one("v1")
        assert len(self.messages) == seen

    def test_replacing_the_callback_routes_to_the_new_one(self) -> None:
        other: List[Any] = []
        fazhi.set_log(self.record, "info")
        fazhi.set_log(lambda lvl, msg: other.append(msg), "info")
        self.import_one("root")
        assert self.messages == []
        assert any(m.startswith("import:") for m in other)

    def test_unknown_level_name_raises_value_error(self) -> None:
        with raises(ValueError):
            fazhi.set_log(self.record, "loud")


if __name__ == "__main__":
    unittest.main()
