from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for tests/strategies.py

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite expected golden files from current output (review the diff!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def golden_compare(expected_path: Path, actual: str, update: bool) -> None:
    """Compare ``actual`` with the golden file (or rewrite it with --update-golden)."""
    if update or not expected_path.exists():
        if not update:
            pytest.fail(f"missing golden file {expected_path}; run with --update-golden and review it")
        expected_path.write_text(actual, encoding="utf-8")
        return
    expected = expected_path.read_text(encoding="utf-8")
    if expected_path.suffix == ".json":
        assert json.loads(actual) == json.loads(expected), f"golden mismatch: {expected_path.name}"
    else:
        assert actual == expected, f"golden mismatch: {expected_path.name}"
