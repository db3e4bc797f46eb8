"""Compile the hot modules with Cython (optional: `make compile`); see tracker/compiled.py."""

import sys

from tracker.compiled import main

if __name__ == "__main__":
    sys.exit(main())
