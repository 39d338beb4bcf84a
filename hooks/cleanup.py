"""Remove the empty parent folders cookiecutter leaves behind for a project name such as 'a/b'.

Cookiecutter deletes the project folder itself after a failed pre-gen hook, but only that folder;
the parents it created for a name with a slash stay. A small detached process waits for the
project folder to go, then removes the parents that are still empty, never above the output folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WAIT_SECONDS = 10

_WAITER = """
import sys, time
from pathlib import Path
project, output = Path(sys.argv[1]), Path(sys.argv[2]).resolve()
deadline = time.monotonic() + float(sys.argv[3])
while project.exists() and time.monotonic() < deadline:
    time.sleep(0.02)
folder = project.parent
while folder.resolve() != output and output in folder.resolve().parents:
    try:
        folder.rmdir()
    except OSError:
        break
    folder = folder.parent
"""


def remove_empty_parents_after_exit(project_dir: Path, output_dir: Path) -> None:
    subprocess.Popen(
        [sys.executable, "-c", _WAITER, str(project_dir), str(output_dir), str(WAIT_SECONDS)],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
