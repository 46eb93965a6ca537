"""The sample reports in reports/ are what the checker produces on seeds/ today."""

from __future__ import annotations

import importlib.util
import subprocess

import pytest

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location(
    "regenerate_reports", ROOT / "scripts" / "regenerate_reports.py"
)
regenerate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(regenerate)


@pytest.mark.parametrize("name", sorted(regenerate.REPORTS))
def test_reports_sample_is_current(tmp_path, name):
    fresh = tmp_path / name
    subprocess.run(regenerate.command(regenerate.REPORTS[name], fresh), cwd=ROOT, check=True)
    stored = ROOT / "reports" / name
    assert stored.exists(), f"{stored} is missing: run python scripts/regenerate_reports.py"
    assert fresh.read_text(encoding="utf-8") == stored.read_text(encoding="utf-8"), (
        f"reports/{name} is stale: run python scripts/regenerate_reports.py"
    )
