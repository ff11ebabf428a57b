#!/usr/bin/env python3
"""readme_examples_test — the top README's "From Python" and "From C#" sections,
run as a new user would: their code blocks written to rate.py and Rate.cs, their
commands run from the top of the source tree (pip install into a fresh venv,
mcs, mono), and each program must print the zone's success rate.

Usage: readme_examples_test.py SOURCE_DIR BUILD_DIR
The README's paths (build/capi, build/bindings/csharp) are replaced by BUILD_DIR's.
Without mcs/mono the C# part is skipped (said on stdout); everything runs in a
temporary directory, and the source tree is not written to.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

EXPECTED = "调解成功率 98.5% (132/134)"


def section(readme, heading):
    """The text of the README section under `heading`, up to the next '## '."""
    start = readme.index("\n" + heading + "\n")
    end = readme.find("\n## ", start + 1)
    return readme[start:end if end >= 0 else len(readme)]


def blocks(text, language):
    return re.findall(r"```" + language + r"\n(.*?)```", text, flags=re.S)


def run(command, cwd, env):
    print("$ " + command, flush=True)
    done = subprocess.run(["bash", "-c", "set -euo pipefail\n" + command], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=900)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        raise SystemExit("FAIL: the command exited with %d" % done.returncode)
    return done.stdout


def main():
    source, build = (os.path.abspath(a) for a in sys.argv[1:3])
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    work = tempfile.mkdtemp(prefix="fazhi-readme-")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LD_LIBRARY_PATH")}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_CACHE_DIR="1",
               PYTHONDONTWRITEBYTECODE="1")

    def adapt(command):
        # Paths of the README's build tree → this build; the venv and the
        # programs go to the temporary directory.
        command = re.sub(r"(\$PWD/|(?<![\w/.$]))build/", lambda m: build + "/", command)
        command = command.replace("python3 -m venv venv", "python3 -m venv " + work + "/venv")
        command = command.replace("venv/bin/", work + "/venv/bin/")
        command = command.replace(" rate.py", " " + work + "/rate.py")
        command = command.replace("rate.exe", work + "/rate.exe").replace(" Rate.cs", " " + work + "/Rate.cs")
        return re.sub(r"\s+#.*$", "", command, flags=re.M)

    try:
        python = section(readme, "## From Python")
        with open(os.path.join(work, "rate.py"), "w", encoding="utf-8") as f:
            f.write(blocks(python, "python")[0])
        out = run(adapt(blocks(python, "sh")[0]), source, env)
        if EXPECTED not in out:
            raise SystemExit("FAIL: the Python example did not print " + EXPECTED)

        csharp = section(readme, "## From C#")
        if not (shutil.which("mcs") and shutil.which("mono")):
            print("C# part skipped: mcs or mono is not installed")
        else:
            with open(os.path.join(work, "Rate.cs"), "w", encoding="utf-8") as f:
                f.write(blocks(csharp, "csharp")[0])
            out = run(adapt(blocks(csharp, "sh")[0]), source, env)
            if EXPECTED not in out:
                raise SystemExit("FAIL: the C# example did not print " + EXPECTED)
        print("readme_examples: ok")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
