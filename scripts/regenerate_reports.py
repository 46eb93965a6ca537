"""Regenerate the sample reports in ``reports/`` from ``seeds/``.

    python scripts/regenerate_reports.py

Runs the checker exactly as a user would (``checker check seeds/``) from the
project root, once per format, and writes ``reports/seeds.txt`` and
``reports/seeds.json``. ``tests/test_reports.py`` fails when they are stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = {"seeds.txt": ["--format", "text"], "seeds.json": ["--format", "json"]}


def command(fmt_args: list[str], output: Path) -> list[str]:
    """The checker command line that produces one sample report."""
    return [sys.executable, "-m", "checker", "check", "seeds/", *fmt_args, "--output", str(output), "--fail-on", "never"]


def main() -> int:
    for name, fmt_args in REPORTS.items():
        target = ROOT / "reports" / name
        subprocess.run(command(fmt_args, target), cwd=ROOT, check=True)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
