"""Reliability: crash, concurrency, migration and hostile-input tests, and their figures.

`run_reliability.run(full, workdir)` runs every harness here and returns the figures; the
pytest modules (`test_*.py`) run the same harnesses at CI sizes.
"""

import sys
from pathlib import Path

# The harness reuses tests/helpers.py, which the test modules import as `helpers` (pytest puts
# tests/ on the path); make that work when the package is imported as `tests.reliability`.
_TESTS = str(Path(__file__).resolve().parent.parent)
if _TESTS not in sys.path:
    sys.path.append(_TESTS)
