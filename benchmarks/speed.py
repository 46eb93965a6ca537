"""Speed and memory benchmark over the ECB+ corpus.

    python benchmarks/speed.py [--words 1000000] [--scales 1 2 4] [--jobs 2] [--quick]

Builds a JSONL corpus of ECB+ articles repeated up to ``--words`` words (each copy a
story of its own), then measures in one run:

(a) ``spacy.blank("en")`` tokenizer plus sentencizer alone, words/second;
(b) the checker end to end (``checker check corpus.jsonl --format json --jobs 1``);
(c) the same with ``--jobs 2`` (``--jobs``), and its speed-up over (b);
(d) dateparser's ``search_dates`` over a sample of the same text, the naive alternative;

and prints (b)/(a), the peak resident memory of each checker process, and the time of
(b) at each scale (1x, 2x, 4x the corpus) to show whether cost grows linearly and
memory stays flat. The checker runs with ``--no-cache`` (the copies would otherwise be
read back from the cache between scales), after one untimed run on a few articles that
fills the tables store (``checker.tables``) if this version of the code has not yet: the
store is built once per installed version, as a user's first run builds it. ``--quick``
measures 200,000 words at 1x and 2x.
"""

from __future__ import annotations

import argparse
import json
import os
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


def checker_run(path: Path, words: int, jobs: int = 1) -> tuple[float, float, int]:
    """Run the checker on ``path``; return (seconds, words/second, peak RSS in MB).

    The peak is the largest resident set of the checker's processes: the main one and,
    with ``jobs`` > 1, each worker (they share the parent's pages until they write them).
    """
    command = [sys.executable, "-m", "checker", "check", str(path), "--format", "json"]
    command += ["--output", str(path.with_suffix(".out.json")), "--no-config", "--no-cache"]
    command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    seconds = time.perf_counter() - start
    return seconds, words / seconds, usage.ru_maxrss // 1024


def warm_tables(records: list[dict], folder: Path) -> float:
    """Run the checker once, untimed, on a few records with ``--jobs 2`` (whose parent builds
    every table before it forks): the tables store (gazetteer, bigram model, word lists)
    is keyed by the checker's code, so the first run after any change builds them, some
    3 s of CPU that belong to installing a version, not to checking a corpus. Returns the
    seconds the run took."""
    path = folder / "warm.jsonl"
    build_corpus(records[:20], 1_000, path)
    seconds, _speed, _peak = checker_run(path, 1_000, jobs=2)
    return seconds


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
    parser.add_argument("--jobs", type=int, default=2, help="processes for (c) (default 2)")
    parser.add_argument(
        "--dateparser-words", type=int, default=20_000, help="sample for search_dates (it is slow)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="200,000 words at 1x and 2x: a check, not a measure"
    )
    args = parser.parse_args()
    if args.quick:
        args.words, args.scales = 200_000, [1, 2]
    if not CORPUS.exists():
        sys.exit(
            f"benchmarks/speed.py: {CORPUS} is not here (it sits beside the project in CI and development)"
        )
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    records = load_records()
    with tempfile.TemporaryDirectory() as folder:
        base_path = Path(folder) / "tokenizer.jsonl"
        build_corpus(records, args.words, base_path)
        with base_path.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle]
        base = tokenizer_speed(texts)
        del texts
        warm = warm_tables(records, Path(folder))
        print(f"tables store warmed (untimed run of 1,000 words): {warm:.1f} s", flush=True)
        runs = []
        parallel = None
        for scale in args.scales:
            path = Path(folder) / f"corpus-{scale}x.jsonl"
            words = build_corpus(records, args.words * scale, path)
            runs.append((scale, words, *checker_run(path, words)))
            if parallel is None:  # right after (b) at the first scale: both see the same load
                parallel = checker_run(path, words, jobs=args.jobs)
    naive = dateparser_speed([r["text"] for r in records], args.dateparser_words)
    print(f"(a) spacy.blank('en') tokenizer + sentencizer: {base:12,.0f} words/s")
    for scale, words, seconds, speed, peak in runs:
        print(
            f"(b) checker --jobs 1, {scale}x ({words:,} words): {seconds:8.1f} s"
            f"  {speed:10,.0f} words/s  peak RSS {peak} MB"
        )
    first = next(run for run in runs if run[0] == args.scales[0])
    print(
        f"(c) checker --jobs {args.jobs}, {first[0]}x ({first[1]:,} words): "
        f"{parallel[0]:8.1f} s  {parallel[1]:10,.0f} words/s  peak RSS {parallel[2]} MB"
        f"  = {parallel[1] / first[3]:.2f}x (b)"
    )
    print(
        f"(d) dateparser search_dates (sample of {args.dateparser_words:,} words): {naive:10,.0f} words/s"
    )
    print(f"(b)/(a) = {first[3] / base:.1%}")
    for scale, _words, seconds, _speed, peak in runs[1:]:
        print(
            f"time {scale}x / {first[0]}x = {seconds / first[2]:.2f} (linear: {scale / first[0]:g})"
            f"  peak RSS {peak} MB vs {first[4]} MB"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
