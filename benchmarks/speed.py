"""Speed and memory benchmark over the ECB+ corpus.

    python benchmarks/speed.py [--words 1000000] [--scales 1 2 4]

Builds a JSONL corpus of ECB+ articles repeated up to ``--words`` words (each copy a
story of its own), then measures in one run:

(a) ``spacy.blank("en")`` tokenizer plus sentencizer alone, words/second;
(b) the checker end to end (``checker check corpus.jsonl --format json``), words/second;
(d) dateparser's ``search_dates`` over a sample of the same text, the naive alternative;

and prints (b)/(a), the peak resident memory of (b), and the time of (b) at each scale
(1x, 2x, 4x the corpus) to show whether cost grows linearly and memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus.jsonl"


def load_records() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return [r for r in records if isinstance(r.get("text"), str) and r["text"].strip()]


def build_corpus(records: list[dict], words: int, path: Path) -> int:
    """Write records repeated until ``words`` words; each repetition is a new set of stories."""
    total, copy = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while total < words:
            for record in records:
                story = f"{record['story']}-copy{copy}"
                out.write(
                    json.dumps({**record, "id": f"{record['id']}-{copy}", "story": story}) + "\n"
                )
                total += len(record["text"].split())
                if total >= words:
                    break
            copy += 1
    return total


def tokenizer_speed(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=64):
        pass
    return words / (time.perf_counter() - start)


def checker_run(path: Path, words: int) -> tuple[float, float, int]:
    """Run the checker on ``path``; return (seconds, words/second, peak RSS in MB of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(path),
            "--format",
            "json",
            "--output",
            str(path.with_suffix(".out.json")),
            "--no-config",
        ],
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, words / seconds, max(peak, before) // 1024


def dateparser_speed(texts: list[str], sample_words: int) -> float:
    from dateparser.search import search_dates

    sample, words = [], 0
    for text in texts:
        if words >= sample_words:
            break
        sample.append(text)
        words += len(text.split())
    start = time.perf_counter()
    for text in sample:
        search_dates(text, languages=["en"])
    return words / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--words", type=int, default=1_000_000, help="corpus size at scale 1 (default 1,000,000)"
    )
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument(
        "--dateparser-words", type=int, default=20_000, help="sample for search_dates (it is slow)"
    )
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(
            f"benchmarks/speed.py: {CORPUS} is not here (it sits beside the project in CI and development)"
        )
    records = load_records()
    texts = [r["text"] for r in records]
    with tempfile.TemporaryDirectory() as folder:
        runs = []
        for scale in args.scales:
            path = Path(folder) / f"corpus-{scale}x.jsonl"
            words = build_corpus(records, args.words * scale, path)
            seconds, speed, peak = checker_run(path, words)
            runs.append((scale, words, seconds, speed, peak))
    base = tokenizer_speed(texts * max(1, args.words // max(1, sum(len(t.split()) for t in texts))))
    naive = dateparser_speed(texts, args.dateparser_words)
    print(f"(a) spacy.blank('en') tokenizer + sentencizer: {base:12,.0f} words/s")
    for scale, words, seconds, speed, peak in runs:
        print(
            f"(b) checker end to end, {scale}x ({words:,} words): {seconds:8.1f} s  {speed:10,.0f} words/s  peak RSS {peak} MB"
        )
    print("(c) --jobs 2: not implemented yet")
    print(
        f"(d) dateparser search_dates (sample of {args.dateparser_words:,} words): {naive:10,.0f} words/s"
    )
    first = runs[0]
    print(f"(b)/(a) = {first[3] / base:.1%}")
    for scale, _words, seconds, _speed, _peak in runs[1:]:
        print(f"time {scale}x / 1x = {seconds / first[2]:.2f} (linear: {scale})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
