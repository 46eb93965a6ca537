"""Learn the typo error model from codespell's misspelling list into checker/data.

    python scripts/build_channel_model.py

Aligns every misspelling in codespell's dictionary with its correction, counts the edits in
their context and writes ``checker/data/channel_edits.tsv`` (see ``checker.channel``). Run it
again after upgrading codespell; ``tests/test_channel.py`` checks the file loads and
gives the right word for real misspellings.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.channel import MODEL_FILE, learn_edit_counts, write_model  # noqa: E402
from checker.spelling import codespell_misspellings  # noqa: E402


def main() -> int:
    """Write the model file; print what was counted."""
    counts = learn_edit_counts(codespell_misspellings())
    path = ROOT / "checker" / "data" / MODEL_FILE
    path.write_text(write_model(counts, version("codespell")), encoding="utf-8")
    edits = counts[0]
    print(f"{path}: {len(edits)} kinds of edit, {sum(edits.values())} edits counted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
