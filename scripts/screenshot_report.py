"""Render ``reports/seeds.html`` and take its screenshot ``reports/seeds.png`` in headless Chromium.

    python scripts/screenshot_report.py [--no-render] [--width 1400] [--height 1000]

Renders the HTML report of ``seeds/`` in-process from the project root (source ids
relative, ``seeds/...``, exactly as ``checker check seeds/ --format html`` writes
them), unless ``--no-render`` keeps the ``reports/seeds.html`` already there. Then
runs Debian's ``chromium`` headless, with no network, a fresh profile and a fixed
window, and writes the PNG. Exits 2 with a message when no Chromium is installed
(``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "reports" / "seeds.html"
PNG = ROOT / "reports" / "seeds.png"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
"""Flags for a headless Chromium that talks to no network (see README, In CI)."""


def find_chromium() -> str | None:
    """Path of the Chromium binary (``chromium`` or ``chromium-browser``), or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_command(binary: str, profile: Path, *args: str) -> list[str]:
    """A headless Chromium command line with a fresh profile folder ``profile``."""
    return [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]


def render_seeds(target: Path) -> None:
    """Check ``seeds/`` in-process from the project root and write the HTML report to ``target``."""
    sys.path.insert(0, str(ROOT))
    from checker.check import check_story
    from checker.corpus import iter_stories
    from checker.nlp import build_pipeline
    from checker.report.html import render_html
    from checker.rules import load_rules

    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        ruleset = load_rules()
        nlp = build_pipeline(ruleset)
        results, errors = [], []
        for story in iter_stories(["seeds/"]):
            errors.extend(story.errors)
            if story.sources:
                results.append(check_story(story, ruleset=ruleset, nlp=nlp))
        page = render_html(results, errors, ruleset=ruleset)
    finally:
        os.chdir(previous)
    target.write_text(page, encoding="utf-8")


def screenshot(html: Path, png: Path, *, width: int = 1400, height: int = 1000) -> None:
    """Take a ``width`` x ``height`` screenshot of the page ``html`` into ``png``."""
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("no chromium binary on PATH: apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="checker-chromium-") as profile:
        command = chromium_command(
            binary,
            Path(profile),
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            html.resolve().as_uri(),
        )
        subprocess.run(command, check=True, capture_output=True, timeout=60)
    if not png.exists():
        raise RuntimeError(f"chromium wrote no screenshot to {png}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-render", action="store_true", help="keep reports/seeds.html")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args(argv)
    if not args.no_render:
        render_seeds(HTML)
        print(f"wrote {HTML.relative_to(ROOT)}")
    try:
        screenshot(HTML, PNG, width=args.width, height=args.height)
    except FileNotFoundError as exc:
        print(f"screenshot_report: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {PNG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
