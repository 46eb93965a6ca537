"""The sample reports in reports/ are what ``checker check seeds/`` writes today, end to end.

They are also the golden outputs of ``tests/test_report_formats.py``; both are rewritten by
``python scripts/regenerate_reports.py``.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import REPORTS, ROOT, regenerate_reports


@pytest.mark.parametrize("name", sorted(regenerate_reports.REPORTS))
def test_reports_sample_is_current(tmp_path, name):
    fresh = tmp_path / name
    subprocess.run(
        regenerate_reports.command(regenerate_reports.REPORTS[name], fresh), cwd=ROOT, check=True
    )
    stored = REPORTS / name
    assert stored.exists(), f"{stored} is missing: run python scripts/regenerate_reports.py"
    assert fresh.read_text(encoding="utf-8") == stored.read_text(encoding="utf-8"), (
        f"reports/{name} is stale: run python scripts/regenerate_reports.py"
    )


def test_reports_folder_holds_no_other_report():
    """One copy of each golden report: nothing under tests/ duplicates reports/."""
    written = set(regenerate_reports.REPORTS) | {"seeds.png"}
    assert {p.name for p in REPORTS.iterdir()} == written
    copies = [p for p in (ROOT / "tests").rglob("seeds.*") if p.name in written]
    assert copies == []
