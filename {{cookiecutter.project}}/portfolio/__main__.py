"""`python -m portfolio <command>`: see portfolio.cli."""

import sys

from .cli import main

sys.exit(main())
