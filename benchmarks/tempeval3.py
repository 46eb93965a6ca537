"""TempEval-3 Task A benchmark of the checker's temporal tagger, with the project's own scorer.

    python benchmarks/tempeval3.py [--train] [--repeat N]

Tags every ``.tml`` file of ``../shared/data/tempeval3/te3-platinum`` (``--train``:
``TBAQ-cleaned``, TimeBank + AQUAINT) anchored on its DCT, scores it against the gold
TIMEX3 spans (strict and relaxed extraction P/R/F1; value F1 and type F1 on relaxed
matches, as in UzZaman et al. 2013), measures documents/second of the tagger alone
(pipeline + temporal extraction + normalization, files already read; CPU time of this
one process, best of ``--repeat`` runs, each started with empty caches), and prints a
table with HeidelTime's and SUTime's published platinum figures beside ours.

``--errors`` lists, one line each, the gold expressions missed (FN), the spurious ones
(FP), span differences (SPAN), and wrong values (VALUE) or types (TYPE), for tuning on
TBAQ-cleaned.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.timeml import Scores, Tagger, read_tml, score  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "tempeval3"
PUBLISHED = {
    # name: (value F1, relaxed F1, strict F1, type F1) on te3-platinum, UzZaman et al. 2013
    "HeidelTime": (77.61, 90.30, 81.34, None),
    "SUTime": (67.38, 90.32, 79.57, None),
}


def error_lines(gold: list, system: list) -> list[str]:
    """One tab-separated line per error: FN, FP, SPAN (overlap, other span), VALUE, TYPE."""
    lines = []
    matched: set[int] = set()
    for g in gold:
        hits = [i for i, s in enumerate(system) if s.start < g.end and g.start < s.end]
        if not hits:
            lines.append(f"FN\t{g.type}\t{g.value}\t{g.text!r}")
            continue
        s = system[hits[0]]
        matched.update(hits)
        if (s.start, s.end) != (g.start, g.end):
            lines.append(f"SPAN\t{g.type}\t{g.text!r}\t{s.text!r}")
        if s.value != g.value:
            lines.append(f"VALUE\t{g.type}\t{g.text!r}\t{g.value}\t{s.value}")
        if s.type != g.type:
            lines.append(f"TYPE\t{g.text!r}\t{g.type}\t{s.type}")
    for i, s in enumerate(system):
        if i not in matched:
            lines.append(f"FP\t{s.type}\t{s.value}\t{s.text!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="score TBAQ-cleaned instead")
    parser.add_argument("--repeat", type=int, default=5, help="timing repetitions (best kept)")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list missed (FN), spurious (FP), wrong-span and wrong-value/type expressions",
    )
    args = parser.parse_args(argv)
    folder = DATA / ("TBAQ-cleaned" if args.train else "te3-platinum")
    files = sorted(folder.rglob("*.tml"))
    if not files:
        print(f"no .tml files under {folder}", file=sys.stderr)
        return 2
    documents = [read_tml(path) for path in files]
    tagger = Tagger()
    tagger.tag("Warm-up on Monday, March 4, 2013.", documents[0].dct)
    runs = []
    outputs = []
    for _ in range(max(1, args.repeat)):
        tagger.clear_caches()  # each run starts cold: no answer carried over from the last
        started = time.process_time()
        outputs = [
            tagger.tag(doc.text, doc.dct, name=str(path))
            for doc, path in zip(documents, files, strict=True)
        ]
        runs.append(time.process_time() - started)
    best, first = min(runs), runs[0]
    total = Scores()
    by_type: dict[str, list[int]] = {}
    for doc, system in zip(documents, outputs, strict=True):
        total.add(score(doc.gold, system))
        for g in doc.gold:
            found = any(s.start < g.end and g.start < s.end for s in system)
            counts = by_type.setdefault(g.type, [0, 0])
            counts[0] += 1
            counts[1] += found
    if args.errors:
        for doc, system, path in zip(documents, outputs, files, strict=True):
            for line in error_lines(doc.gold, system):
                print(f"{path.stem}\t{line}")
    rate = len(documents) / best
    print(
        f"{folder.name}: {len(documents)} documents, {total.gold} gold TIMEX3, {total.system} ours"
    )
    print(
        f"tagger alone: {rate:.0f} documents/second (best of {len(runs)} runs, one core; "
        f"first run, words never seen before: {len(documents) / first:.0f})"
    )
    print()
    strict, relaxed = total.prf(total.strict), total.prf(total.relaxed)
    value, typ = total.prf(total.value), total.prf(total.type)
    print(f"{'':12} {'strict P':>8} {'R':>6} {'F1':>6}   {'relaxed P':>9} {'R':>6} {'F1':>6}")
    print(
        f"{'checker':12} {strict[0]:8.2f} {strict[1]:6.2f} {strict[2]:6.2f}   "
        f"{relaxed[0]:9.2f} {relaxed[1]:6.2f} {relaxed[2]:6.2f}"
    )
    print()
    note = "" if not args.train else "  (published figures are on platinum)"
    print(f"{'system':12} {'value F1':>8} {'relaxed F1':>10} {'strict F1':>9} {'type F1':>7}{note}")
    print(f"{'checker':12} {value[2]:8.2f} {relaxed[2]:10.2f} {strict[2]:9.2f} {typ[2]:7.2f}")
    for name, (v, r, s, t) in PUBLISHED.items():
        t_text = f"{t:7.2f}" if t is not None else f"{'-':>7}"
        print(f"{name:12} {v:8.2f} {r:10.2f} {s:9.2f} {t_text}")
    print()
    print(
        "gold recall (relaxed) by type: "
        + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(by_type.items()))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
