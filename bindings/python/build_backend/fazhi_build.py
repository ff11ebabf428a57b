"""The build backend of the fazhi Python package (PEP 517 and PEP 660).

The package is pure Python (ctypes) and its wheel is a zip of the ``fazhi``
directory with its metadata, so it is built here with the standard library
alone: ``pip install ./bindings/python`` then needs neither network nor
setuptools nor wheel — in a fresh ``python3 -m venv``, with any Python >= 3.9
— and writes nothing into the source tree (the wheel goes where pip says).

The metadata comes from ``pyproject.toml``'s ``[project]`` table, read with
``tomllib`` where there is one (Python >= 3.11) and otherwise with
:func:`_read_project_table`, which reads the subset of TOML that table uses.

A native library placed in ``fazhi/`` before building (``libfazhi.so*``,
``libfazhi*.dylib``, ``fazhi.dll``) is bundled, and the wheel is then tagged
for this platform instead of ``py3-none-any``.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import sys
import sysconfig
import tarfile
import zipfile
from typing import Any, Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "fazhi"
NATIVE_PATTERNS = (r"libfazhi\.so(\.\d+)*", r"libfazhi.*\.dylib", r"fazhi\.dll")
# Zip entries get one fixed time, so the same sources give the same wheel.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _read_project_table(text: str) -> Dict[str, Any]:
    """The ``[project]`` table and its sub-tables from pyproject.toml text:
    ``key = "string"`` and ``key = [strings]`` (on one line or several).
    Enough for this package's pyproject.toml on Pythons without tomllib."""
    project: Dict[str, Any] = {}
    table: Optional[Dict[str, Any]] = None
    pending: Optional[Tuple[Dict[str, Any], str, str]] = None
    for raw in text.splitlines():
        line = raw.strip()
        if pending is not None:
            target, key, collected = pending
            collected += " " + line
            if line.endswith("]"):
                target[key] = re.findall(r'"((?:[^"\\]|\\.)*)"', collected)
                pending = None
            else:
                pending = (target, key, collected)
            continue
        if not line or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[([A-Za-z0-9_.\-]+)\]", line)
        if header:
            name = header.group(1)
            if name == "project":
                table = project
            elif name.startswith("project."):
                table = project.setdefault(name[len("project."):], {})
            else:
                table = None
            continue
        if table is None:
            continue
        m = re.fullmatch(r'([A-Za-z0-9_\-]+)\s*=\s*(.*)', line)
        if not m:
            raise ValueError("pyproject.toml: cannot read the line %r" % raw)
        key, value = m.group(1), m.group(2).strip()
        if value.startswith('"'):
            s = re.match(r'"((?:[^"\\]|\\.)*)"', value)
            if not s:
                raise ValueError("pyproject.toml: %s: unterminated string" % key)
            table[key] = s.group(1)
        elif value.startswith("["):
            if value.endswith("]"):
                table[key] = re.findall(r'"((?:[^"\\]|\\.)*)"', value)
            else:
                pending = (table, key, value)
        else:
            raise ValueError("pyproject.toml: %s: only strings and lists of strings are read" % key)
    return project


def _project() -> Dict[str, Any]:
    path = os.path.join(ROOT, "pyproject.toml")
    with open(path, "rb") as f:
        data = f.read()
    try:
        import tomllib  # type: ignore[import-not-found]
    except ImportError:
        return _read_project_table(data.decode("utf-8"))
    return tomllib.loads(data.decode("utf-8"))["project"]


def _dist_info(project: Dict[str, Any]) -> str:
    return "%s-%s.dist-info" % (project["name"].replace("-", "_"), project["version"])


def _metadata(project: Dict[str, Any]) -> str:
    lines = [
        "Metadata-Version: 2.1",
        "Name: %s" % project["name"],
        "Version: %s" % project["version"],
    ]
    if project.get("description"):
        lines.append("Summary: %s" % project["description"])
    if project.get("requires-python"):
        lines.append("Requires-Python: %s" % project["requires-python"])
    if project.get("keywords"):
        lines.append("Keywords: %s" % ",".join(project["keywords"]))
    for c in project.get("classifiers", []):
        lines.append("Classifier: %s" % c)
    for dep in project.get("dependencies", []):
        lines.append("Requires-Dist: %s" % dep)
    for extra, deps in sorted(project.get("optional-dependencies", {}).items()):
        lines.append("Provides-Extra: %s" % extra)
        for dep in deps:
            lines.append('Requires-Dist: %s; extra == "%s"' % (dep, extra))
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str):
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = f.read()
        lines.append("Description-Content-Type: text/markdown")
    return "\n".join(lines) + "\n\n" + body


def _package_files() -> List[str]:
    """The files of the package, relative to ROOT, sorted; no bytecode."""
    files = []
    pkg = os.path.join(ROOT, PACKAGE)
    for name in sorted(os.listdir(pkg)):
        path = os.path.join(pkg, name)
        if not os.path.isfile(path):
            continue
        if name.endswith(".py") or name == "py.typed" or _is_native(name):
            files.append(PACKAGE + "/" + name)
    return files


def _is_native(name: str) -> bool:
    return any(re.fullmatch(p, name) for p in NATIVE_PATTERNS)


def _read(rel: str) -> bytes:
    with open(os.path.join(ROOT, rel), "rb") as f:
        return f.read()


def _tag(files: List[str]) -> Tuple[str, bool]:
    """The wheel's tag and whether it is pure Python."""
    if any(_is_native(f.split("/")[-1]) for f in files):
        platform = re.sub(r"[^A-Za-z0-9]", "_", sysconfig.get_platform())
        return "py3-none-" + platform, False
    return "py3-none-any", True


class _Wheel:
    """A wheel being written: entries in order, RECORD last."""

    def __init__(self, path: str) -> None:
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self._records: List[str] = []

    def add(self, name: str, data: bytes, executable: bool = False) -> None:
        info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (0o755 if executable else 0o644) << 16
        self._zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
        self._records.append("%s,sha256=%s,%d" % (name, digest, len(data)))

    def close(self, dist_info: str) -> None:
        record = dist_info + "/RECORD"
        text = "\n".join(self._records + [record + ",,"]) + "\n"
        info = zipfile.ZipInfo(record, date_time=FIXED_TIME)
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, text.encode("utf-8"))
        self._zip.close()


def _write_wheel(wheel_directory: str, editable: bool) -> str:
    project = _project()
    files = _package_files()
    tag, pure = _tag(files)
    dist_info = _dist_info(project)
    name = "%s-%s-%s.whl" % (project["name"].replace("-", "_"), project["version"], tag)
    wheel = _Wheel(os.path.join(wheel_directory, name))
    if editable:
        # PEP 660: a .pth file that puts the source directory on sys.path.
        wheel.add(PACKAGE + "_editable.pth", (ROOT + "\n").encode("utf-8"))
    else:
        for f in files:
            wheel.add(f, _read(f), executable=_is_native(f.split("/")[-1]))
    wheel.add(dist_info + "/METADATA", _metadata(project).encode("utf-8"))
    wheel.add(dist_info + "/WHEEL", (
        "Wheel-Version: 1.0\n"
        "Generator: fazhi_build\n"
        "Root-Is-Purelib: %s\n"
        "Tag: %s\n" % ("true" if pure else "false", tag)).encode("utf-8"))
    wheel.close(dist_info)
    return name


# --- PEP 517 / PEP 660 hooks ---------------------------------------------------

def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str,
                                     config_settings: Optional[Dict[str, Any]] = None) -> str:
    project = _project()
    dist_info = _dist_info(project)
    os.makedirs(os.path.join(metadata_directory, dist_info), exist_ok=True)
    with open(os.path.join(metadata_directory, dist_info, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata(project))
    return dist_info


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    return _write_wheel(wheel_directory, editable=False)


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    return _write_wheel(wheel_directory, editable=True)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    project = _project()
    base = "%s-%s" % (project["name"].replace("-", "_"), project["version"])
    name = base + ".tar.gz"
    members = ["pyproject.toml", "README.md", "build_backend/fazhi_build.py"] + [
        f for f in _package_files() if not _is_native(f.split("/")[-1])]
    pkg_info = _metadata(project).encode("utf-8")
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for rel, data in [("PKG-INFO", pkg_info)] + [(m, _read(m)) for m in members]:
            info = tarfile.TarInfo(base + "/" + rel)
            info.size = len(data)
            info.mtime = 315532800  # 1980-01-01, as in the wheel
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    return name


if __name__ == "__main__":  # pragma: no cover - a manual check: python3 fazhi_build.py DIR
    print(build_wheel(sys.argv[1] if len(sys.argv) > 1 else "."))
