"""``python -m benchmarks --records N [--json FILE]``: see :mod:`benchmarks.run`."""

from __future__ import annotations

import sys

from .run import main

if __name__ == "__main__":
    sys.exit(main())
