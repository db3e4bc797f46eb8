"""Helpers shared by the tests (imported as `tests.support.<module>`; pyproject's pytest
`pythonpath` puts the repository on sys.path). Test modules import these, never each other;
benchmarks import neither (what they share with the tests lives in the package:
tracker.dashboard.local_server, tracker.geoparse_eval)."""
