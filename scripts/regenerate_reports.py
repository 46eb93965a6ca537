"""Regenerate the sample reports in ``reports/`` from ``seeds/``.

    python scripts/regenerate_reports.py [--no-screenshot]

Runs the checker exactly as a user would (``checker check seeds/``) from the
project root, once per format, and writes ``reports/seeds.txt`` and
``reports/seeds.json``, ``reports/seeds.html`` and the other formats, then a screenshot of the
HTML report, ``reports/seeds.png``. These are the only golden reports: ``tests/test_reports.py``
(the command end to end) and ``tests/test_report_formats.py`` (each renderer in-process) fail
when they are stale, and this script is the one way to rewrite them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = {
    "seeds.txt": ["--format", "text"],
    "seeds.json": ["--format", "json"],
    "seeds.html": ["--format", "html"],
    "seeds.sarif": ["--format", "sarif"],
    "seeds.junit.xml": ["--format", "junit"],
    "seeds.github": ["--format", "github"],
    "seeds.rdjsonl": ["--format", "rdjsonl"],
    "seeds.md": ["--format", "markdown"],
}


def command(fmt_args: list[str], output: Path) -> list[str]:
    """The checker command line that produces one sample report."""
    return [
        sys.executable,
        "-m",
        "checker",
        "check",
        "seeds/",
        *fmt_args,
        "--output",
        str(output),
        "--fail-on",
        "never",
    ]


def main() -> int:
    for name, fmt_args in REPORTS.items():
        target = ROOT / "reports" / name
        subprocess.run(command(fmt_args, target), cwd=ROOT, check=True)
        print(f"wrote {target.relative_to(ROOT)}")
    if "--no-screenshot" not in sys.argv:  # the picture of the HTML report (needs chromium)
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "screenshot_report.py"), "--no-render"],
            cwd=ROOT,
            check=False,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
