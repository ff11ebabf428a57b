"""``pip install ./bindings/python`` works offline in a fresh venv without
system site packages (no setuptools, no wheel: the build backend is in the
tree, standard library only), the installed package works, and the source
tree is left as it was."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import unittest
import zipfile

from fztest import BINDING, FazhiTestCase

sys.path.insert(0, str(pathlib.Path(BINDING) / "build_backend"))
import fazhi_build  # noqa: E402


def tree(root: pathlib.Path) -> list:
    """Every file and directory under root, relative, sorted."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


class PipInstallTest(FazhiTestCase):
    def setUp(self) -> None:
        super().setUp()
        try:
            import ensurepip  # noqa: F401
            import venv  # noqa: F401
        except ImportError:
            self.skipTest("python3-venv (ensurepip) is not installed")

    def venv(self) -> str:
        venv = self.tmp / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
        return str(venv / "bin" / "python")

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_CACHE_DIR="1")
        return env

    def test_pip_install_into_a_plain_venv_offline_leaves_the_tree_clean(self) -> None:
        python = self.venv()
        env = self.env()
        # Build isolation is on (pip's default) and the index is off: pip can
        # install no build requirement, so the backend must need none.
        before = tree(pathlib.Path(BINDING))
        install = subprocess.run(
            [python, "-m", "pip", "install", "--no-index", str(BINDING)],
            env=env, cwd=str(self.tmp), capture_output=True, text=True, timeout=600)
        assert install.returncode == 0, install.stdout + install.stderr
        assert "Successfully installed fazhi-0.1.0" in install.stdout
        assert tree(pathlib.Path(BINDING)) == before, "the build wrote into the source tree"

        code = (
            "import fazhi, os\n"
            "print(os.path.dirname(fazhi.__file__))\n"
            "with fazhi.open(':memory:') as db:\n"
            "    db.put('org_unit', code='yx', name='阳新经济开发区管委会', kind='zone_committee')\n"
            "    print(db.get('org_unit', 'yx')['name'])\n"
        )
        run = subprocess.run([python, "-c", code], env=env, cwd=str(self.tmp),
                             capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert run.returncode == 0, run.stderr
        location, name = run.stdout.splitlines()
        assert location.startswith(str(self.tmp / "venv"))
        assert os.path.isfile(os.path.join(location, "py.typed"))
        assert name == "阳新经济开发区管委会"

    def test_the_wheel_holds_the_package_and_its_metadata_and_is_reproducible(self) -> None:
        first = self.tmp / "a"
        second = self.tmp / "b"
        first.mkdir()
        second.mkdir()
        name = fazhi_build.build_wheel(str(first))
        assert name == "fazhi-0.1.0-py3-none-any.whl"
        assert fazhi_build.build_wheel(str(second)) == name
        assert (first / name).read_bytes() == (second / name).read_bytes()
        with zipfile.ZipFile(str(first / name)) as z:
            names = z.namelist()
            assert "fazhi/__init__.py" in names and "fazhi/py.typed" in names
            assert not [n for n in names if "__pycache__" in n or n.startswith("build_backend")]
            metadata = z.read("fazhi-0.1.0.dist-info/METADATA").decode("utf-8")
            assert "Name: fazhi\nVersion: 0.1.0\n" in metadata
            assert "Requires-Python: >=3.9" in metadata
            assert 'Requires-Dist: pytest; extra == "test"' in metadata
            record = z.read("fazhi-0.1.0.dist-info/RECORD").decode("utf-8").splitlines()
            assert len(record) == len(names)

    def test_the_fallback_reader_agrees_with_tomllib_on_pyproject(self) -> None:
        try:
            import tomllib  # type: ignore[import-not-found]
        except ImportError:
            self.skipTest("no tomllib before Python 3.11")
        text = (pathlib.Path(BINDING) / "pyproject.toml").read_text(encoding="utf-8")
        assert fazhi_build._read_project_table(text) == tomllib.loads(text)["project"]


if __name__ == "__main__":
    unittest.main()
