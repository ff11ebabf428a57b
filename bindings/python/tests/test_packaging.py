"""``pip install --no-build-isolation`` of bindings/python works offline into a
venv and the installed package works (with Debian's python3-setuptools)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unittest

from fztest import BINDING, FazhiTestCase


def missing_build_tools() -> str:
    """Why this interpreter cannot build the package offline, or ""."""
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError:
        return "python3-venv (ensurepip) is not installed"
    try:
        import setuptools
        import wheel  # noqa: F401
    except ImportError as e:
        return "no build backend without network (%s): install python3-setuptools " \
               "and python3-wheel" % e
    if int(setuptools.__version__.split(".")[0]) < 61:
        return "setuptools %s is older than 61 (pyproject.toml metadata)" % setuptools.__version__
    return ""


class PipInstallTest(FazhiTestCase):
    def test_pip_install_no_build_isolation_into_a_venv(self) -> None:
        reason = missing_build_tools()
        if reason:
            self.skipTest(reason)
        # Build from a copy: setuptools writes build/ and *.egg-info next to
        # pyproject.toml, and the source tree must stay clean.
        src = self.tmp / "src"
        shutil.copytree(BINDING, src, ignore=shutil.ignore_patterns(
            "__pycache__", "build", "*.egg-info", "tests", "libfazhi*", "CMakeLists.txt"))
        venv = self.tmp / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                       check=True, timeout=300)
        python = str(venv / "bin" / "python")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_CACHE_DIR="1",
                   PYTHONDONTWRITEBYTECODE="1")
        install = subprocess.run(
            [python, "-m", "pip", "install", "--no-build-isolation", "--no-index", str(src)],
            env=env, cwd=str(self.tmp), capture_output=True, text=True, timeout=600)
        assert install.returncode == 0, install.stdout + install.stderr
        assert "Successfully installed fazhi-0.1.0" in install.stdout

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
        assert location.startswith(str(venv))
        assert os.path.isfile(os.path.join(location, "py.typed"))
        assert name == "阳新经济开发区管委会"


if __name__ == "__main__":
    unittest.main()
