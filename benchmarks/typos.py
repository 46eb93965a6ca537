"""Typo benchmark: plant real misspellings into real news text and measure detectors.

    python benchmarks/typos.py [--limit N] [--seed 13] [--rate 200] [--show 30]

Takes the text of ``../shared/data/ecbplus/ecbplus.jsonl``, plants misspellings from
``../shared/data/spelling/nlaug_spell_errors.json`` (seeded; about one per ``--rate``
words; only into lower-case words, never into capitalised names; only misspellings
that are not themselves English words, since no spell-checker can see a real-word
error), then runs on the same text:

* the checker's detector (each article checked on its own, as one story),
* codespell and pyspellchecker when installed (``pip install -e '.[bench]'``),

and prints for each:

* ``recall``: the share of planted typos flagged at their position;
* ``right sugg.``: of those, the share whose suggestion is exactly the word that was
  replaced (case aside). ``(near)`` is the same share counted only over planted typos
  within ``RECOVERABLE_EDITS`` (2) edits of their word: the list also pairs words with
  "misspellings" three or more edits away ("cift" for "of", "widd" for "was") that no
  spelling model can undo without reading the writer's mind. Both are printed; the first
  is the strict number;
* ``FA/10k``: alarms per 10,000 words on the unplanted text, all of them (raw);
* ``adj. FA/10k``: the same, not counting an alarm on a word that a maintained list
  records as a misspelling (codespell's dictionary or the nlaug list). The "unplanted"
  text is real crawled copy with real typos of its own ("committment", "recieve"), and
  flagging those is right. Only that rule adjusts the count; every alarm, counted or not,
  is listed (known misspellings marked ``*``, the others first) so they can be read.
  The adjustment is circular for codespell, whose every alarm is in its own dictionary:
  compare detectors on the raw count;
* ``read FA/10k``: the same, not counting an alarm on a word listed in
  ``benchmarks/ecbplus_crawl_typos.txt``: words the crawl misspells, each read in its
  sentence. The list was made by reading every alarm the checker raises on the unplanted
  text, so for the checker it is exact; for the other detectors, whose alarms were not all
  read, it is an upper bound;
* recall per false alarm, raw and adjusted (higher is better; ``-`` where no alarm is
  left to divide by), and words/second.

``--detectors checker`` runs the checker alone (pyspellchecker takes minutes).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

from rapidfuzz.distance import OSA

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

WORD = re.compile(r"[A-Za-z]+")
RECOVERABLE_EDITS = 2
"""A planted misspelling this many edits or fewer from its word is a spelling slip; farther
ones ("cift" planted for "of") are word substitutions no spelling model can undo."""


def load_articles(limit: int | None) -> list[str]:
    texts = []
    with (SHARED / "ecbplus" / "ecbplus.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if isinstance(record.get("text"), str) and record["text"].strip():
                texts.append(record["text"])
    return texts[:limit] if limit else texts


def plant(
    texts: list[str], rate: int, seed: int
) -> tuple[list[str], list[list[tuple[int, str, str]]]]:
    """Plant misspellings; return the new texts and, per text, (offset, misspelling, correct word)."""
    from wordfreq import zipf_frequency

    table = json.loads(
        (SHARED / "spelling" / "nlaug_spell_errors.json").read_text(encoding="utf-8")
    )
    usable = {}
    for correct, wrongs in table.items():
        if not correct.isalpha() or not correct.islower():
            continue
        non_words = [
            w
            for w in wrongs
            if w.isalpha() and w.islower() and w != correct and zipf_frequency(w, "en") == 0
        ]
        if non_words:
            usable[correct] = non_words
    rng = random.Random(seed)
    planted_texts, planted = [], []
    for text in texts:
        candidates = [m for m in WORD.finditer(text) if m[0] in usable]
        words = len(WORD.findall(text))
        wanted = min(len(candidates), max(0, round(words / rate)))
        chosen = sorted(rng.sample(candidates, wanted), key=lambda m: m.start())
        out, marks, shift, last = [], [], 0, 0
        for match in chosen:
            wrong = rng.choice(usable[match[0]])
            out.append(text[last : match.start()])
            marks.append((match.start() + shift, wrong, match[0]))
            out.append(wrong)
            shift += len(wrong) - len(match[0])
            last = match.end()
        out.append(text[last:])
        planted_texts.append("".join(out))
        planted.append(marks)
    return planted_texts, planted


def checker_detector():
    from checker.check import check_story
    from checker.corpus import StoryInput, make_source
    from checker.nlp import build_pipeline
    from checker.rules import load_rules

    ruleset = load_rules()
    nlp = build_pipeline(ruleset)

    def detect(text: str) -> list[tuple[int, str, str | None]]:
        source = make_source(source_id="a.txt", story="s", path="a.txt", raw_text=text)
        result = check_story(StoryInput("s", [source]), ruleset=ruleset, nlp=nlp)
        hits = []
        for finding in result.findings:
            if finding.kind == "typo":
                evidence = finding.evidence[0]
                offset = _offset(source, evidence.line, evidence.column)
                hits.append((offset, evidence.text, finding.suggestion))
        return hits

    return detect


def _offset(source, line: int, column: int) -> int:
    lines = source.text.split("\n")
    index = line - source.line_offset - 1
    base = sum(len(x) + 1 for x in lines[:index])
    return base + column - 1 - (source.column_offset if index == 0 else 0)


def codespell_detector():
    try:
        from codespell_lib._codespell import build_dict
    except ImportError:
        return None
    import codespell_lib

    misspellings: dict = {}
    build_dict(
        str(Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"), misspellings, set()
    )

    def detect(text: str) -> list[tuple[int, str, str | None]]:
        hits = []
        for match in WORD.finditer(text):
            entry = misspellings.get(match[0].lower())
            if entry is not None:
                hits.append((match.start(), match[0], entry.data.split(",")[0].strip()))
        return hits

    return detect


def pyspellchecker_detector():
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    from functools import lru_cache

    speller = SpellChecker()
    correction = lru_cache(maxsize=None)(speller.correction)

    def detect(text: str) -> list[tuple[int, str, str | None]]:
        matches = list(WORD.finditer(text))
        unknown = speller.unknown([m[0].lower() for m in matches])
        return [
            (m.start(), m[0], correction(m[0].lower())) for m in matches if m[0].lower() in unknown
        ]

    return detect


def known_misspellings() -> set[str]:
    """Words that a maintained list records as misspellings: codespell's dictionary and the
    nlaug list the planted typos come from (lower case)."""
    import codespell_lib

    known = set()
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        if wrong and right:
            known.add(wrong.strip().lower())
    table = json.loads(
        (SHARED / "spelling" / "nlaug_spell_errors.json").read_text(encoding="utf-8")
    )
    known.update(w.lower() for wrongs in table.values() for w in wrongs if w.lower() not in table)
    return known


def crawl_typos() -> set[str]:
    """Words the unplanted crawl misspells, each read in context (lower case)."""
    path = ROOT / "benchmarks" / "ecbplus_crawl_typos.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0].lower() for line in lines if line and not line.startswith("#")}


def score(name, detect, clean, planted_texts, planted, words, show, known, read):
    """Run ``detect`` on the clean and on the planted texts; return the row of the table."""
    start = time.perf_counter()
    false_alarms = []
    for text in clean:
        false_alarms.extend((text, hit) for hit in detect(text))
    found = right = total = found_near = right_near = 0
    missed, wrong_suggestions = [], []
    for text, marks in zip(planted_texts, planted, strict=True):
        hits = {offset: suggestion for offset, _word, suggestion in detect(text)}
        for offset, wrong, correct in marks:
            total += 1
            near = OSA.distance(wrong, correct) <= RECOVERABLE_EDITS
            if offset in hits:
                found += 1
                found_near += near
                if (hits[offset] or "").lower() == correct:
                    right += 1
                    right_near += near
                else:
                    wrong_suggestions.append((text, offset, wrong, correct, hits[offset]))
            else:
                missed.append((text, offset, wrong, correct))
    seconds = time.perf_counter() - start
    recall = found / total if total else 0.0
    real_typos = [(text, hit) for text, hit in false_alarms if hit[1].lower() in known]
    per_10k = 10_000 * len(false_alarms) / words
    row = {
        "detector": name,
        "recall": recall,
        "suggestions": right / found if found else 0.0,
        "suggestions_near": right_near / found_near if found_near else 0.0,
        "false_alarms_per_10k": per_10k,
        "adjusted_per_10k": 10_000 * (len(false_alarms) - len(real_typos)) / words,
        "read_per_10k": 10_000 * sum(hit[1].lower() not in read for _, hit in false_alarms) / words,
        "words_per_second": 2 * words / seconds,
        "planted": total,
        "found": found,
        "right": right,
    }
    if show:
        print(
            f"\n{name}: {len(false_alarms)} alarms on the unplanted text, "
            f"{len(real_typos)} of them on known misspellings (marked *), "
            f"{sum(hit[1].lower() in read for _, hit in false_alarms)} on words read as "
            "misspelled in context (marked +):"
        )
        ordered = sorted(false_alarms, key=lambda item: item[1][1].lower() in known)
        for text, (offset, word, suggestion) in ordered[:show]:
            mark = "*" if word.lower() in known else " "
            mark += "+" if word.lower() in read else " "
            print(f" {mark}{word!r} -> {suggestion!r}  …{_context(text, offset)!r}")
        print(f"\n{name}: {len(missed)} planted typos missed:")
        for text, offset, wrong, correct in missed[:show]:
            print(f"  {wrong!r} (for {correct!r})  …{_context(text, offset)!r}")
        print(f"\n{name}: {len(wrong_suggestions)} found with another suggestion:")
        for text, offset, wrong, correct, suggestion in wrong_suggestions[:show]:
            print(
                f"  {wrong!r} -> {suggestion!r}, planted for {correct!r}  …{_context(text, offset)!r}"
            )
    return row


def _ratio(recall: float, per_10k: float) -> str:
    return f"{recall / per_10k:.3f}" if per_10k else "-"


def _context(text: str, offset: int) -> str:
    return text[max(0, offset - 40) : offset + 40]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles to use (default: all)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--rate", type=int, default=200, help="one planted typo per this many words"
    )
    parser.add_argument(
        "--show", type=int, default=40, help="checker alarms, misses and wrong suggestions listed"
    )
    parser.add_argument(
        "--detectors",
        default="checker,codespell,pyspellchecker",
        help="comma-separated detectors to run (default: all three)",
    )
    args = parser.parse_args()
    if not (SHARED / "ecbplus" / "ecbplus.jsonl").exists():
        sys.exit(
            f"benchmarks/typos.py: {SHARED} is not here (it sits beside the project in CI and development)"
        )
    clean = load_articles(args.limit)
    words = sum(len(WORD.findall(t)) for t in clean)
    planted_texts, planted = plant(clean, args.rate, args.seed)
    known = known_misspellings()
    read = crawl_typos()
    rows = []
    chosen = args.detectors.split(",")
    for name, factory in (
        ("checker", checker_detector),
        ("codespell", codespell_detector),
        ("pyspellchecker", pyspellchecker_detector),
    ):
        if name not in chosen:
            continue
        detect = factory()
        if detect is None:
            print(f"({name} is not installed: pip install -e '.[bench]')")
            continue
        rows.append(
            score(
                name,
                detect,
                clean,
                planted_texts,
                planted,
                words,
                args.show if name == "checker" else 0,
                known,
                read,
            )
        )
    print(
        f"\n{len(clean)} articles, {words:,} words, {rows[0]['planted'] if rows else 0} planted typos (seed {args.seed})"
    )
    print(
        f"{'detector':16} {'recall':>7} {'right sugg.':>12} {'(near)':>7} {'FA/10k':>8} {'adj. FA/10k':>12} {'read FA/10k':>12} "
        f"{'recall/FA':>10} {'adj. r/FA':>10} {'words/s':>10}"
    )
    for row in rows:
        print(
            f"{row['detector']:16} {row['recall']:7.3f} {row['suggestions']:12.3f} "
            f"{row['suggestions_near']:7.3f} "
            f"{row['false_alarms_per_10k']:8.2f} {row['adjusted_per_10k']:12.2f} {row['read_per_10k']:12.2f} "
            f"{_ratio(row['recall'], row['false_alarms_per_10k']):>10} "
            f"{_ratio(row['recall'], row['adjusted_per_10k']):>10} "
            f"{row['words_per_second']:10,.0f}"
        )
    for row in rows:
        print(
            f"{row['detector']}: {row['found']} of {row['planted']} planted typos found, "
            f"{row['right']} with the planted word as suggestion"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
