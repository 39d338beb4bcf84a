"""`python -m portfolio <command>`: see portfolio.cli."""

import os
import sys

from .cli import main

code = main()
# Every output is written and closed by now; skip tearing the interpreter down (freeing every module and the
# Typst compiler's caches takes a tenth of a one-shot build), after flushing what is still buffered.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code or 0)
