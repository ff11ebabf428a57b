"""examples/python/print_success_rate.py runs and prints the zone's rate."""

from __future__ import annotations

import os
import subprocess
import sys
import unittest

from fztest import BINDING, REPO

EXAMPLE = REPO / "examples" / "python" / "print_success_rate.py"


class ExampleTest(unittest.TestCase):
    def test_example_prints_the_success_rate_of_98_5_percent(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(BINDING), PYTHONDONTWRITEBYTECODE="1")
        result = subprocess.run([sys.executable, str(EXAMPLE)], env=env, capture_output=True,
                                text=True, encoding="utf-8", timeout=300)
        assert result.returncode == 0, result.stderr
        assert result.stdout == "调解成功率 98.5% (132/134)\n"


if __name__ == "__main__":
    unittest.main()
