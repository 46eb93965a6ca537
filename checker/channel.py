"""The error model of typo suggestions: how likely a writer is to type one word for another.

A noisy channel (Kernighan, Church and Gale 1990) learned from real misspellings: codespell's
list of some 60,000 misspellings and their corrections is aligned letter by letter, and each
edit is counted in its context: which letter was typed for which ("a" for "e"), which letter
was left out after which ("n" before "g" in "-ing"), which was added, which two were swapped,
which was moved two or more places ("thire" for "their", "abanond" for "abandon").
An edit's cost is its negative log-probability, so common slips ("seperate", "recieve",
"occured") cost less than rare ones, and the ranking of corrections follows how people
actually misspell, not a hand-set table.

The counts are learned by ``scripts/build_channel_model.py`` (some 15 seconds) into
``checker/data/channel_edits.tsv``, which is read once per process, on the first suggestion.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise

from rapidfuzz.distance import OSA

START = "^"
"""The context of an edit at the start of a word."""
SMOOTHING = 0.5
"""Added to every edit's count, so an edit never seen still has a (high) cost."""
COST_BASE = 0.2
"""Cost of an edit whose probability is 1 in its context."""
COST_PER_DECADE = 0.3
"""Cost added for each factor of ten an edit is rarer than that."""
LEAST_EDIT_COST = 0.3
"""The lowest cost of one edit: the commonest slips are not free."""
MOST_EDIT_COST = 1.6
"""The highest cost of one edit: an unseen edit is unlikely, not impossible."""
FIRST_LETTER_COST = 0.5
"""Extra cost when the first letter differs: writers seldom get it wrong."""
MOST_EDITS_LEARNED = 2
"""Pairs further apart are left out of the counts: their alignment is a guess."""


MODEL_FILE = "channel_edits.tsv"
"""The learned counts, in ``checker/data``: a ``# codespell <version>`` line, then ``edit``,
``letter`` and ``pair`` rows of tab-separated fields ending in a count."""

EditCounts = tuple[Counter, Counter, Counter]
"""Counts of edits ``(kind, context, letter)``, of letters and of letter pairs."""


def learn_edit_counts(misspellings: Mapping[str, str]) -> EditCounts:
    """Count the edits of ``misspellings`` (misspelling -> corrections, likeliest first), and
    the letters and letter pairs of the corrections (the chances each edit had)."""
    edits: Counter = Counter()
    letters: Counter = Counter()
    pairs: Counter = Counter()
    meant_words = set()
    for typed, corrections in misspellings.items():
        meant = corrections.split(",")[0].strip()
        if not (typed.isalpha() and meant.isalpha() and meant.islower() and typed.islower()):
            continue
        distance = OSA.distance(typed, meant)
        if distance == 0 or distance > MOST_EDITS_LEARNED:
            continue  # further apart, the alignment is a guess
        edits.update(_edits(typed, meant))
        moved = moved_letter(typed, meant)
        if moved:
            edits[("move", moved, moved)] += 1  # counted beside its two edits, not for them
        meant_words.add(meant)
    for word in meant_words:
        marked = START + word
        letters.update(marked)
        pairs.update(pairwise(marked))
    return edits, letters, pairs


def write_model(counts: EditCounts, version: str) -> str:
    """The text of ``MODEL_FILE`` for ``counts`` learned from codespell ``version``."""
    edits, letters, pairs = counts
    lines = [f"# codespell {version}"]
    lines += [f"edit\t{k}\t{c}\t{x}\t{n}" for (k, c, x), n in sorted(edits.items())]
    lines += [f"letter\t{a}\t{n}" for a, n in sorted(letters.items())]
    lines += [f"pair\t{a}\t{b}\t{n}" for (a, b), n in sorted(pairs.items())]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _edit_counts() -> EditCounts:
    """The learned counts, read from ``MODEL_FILE`` once per process."""
    edits: Counter = Counter()
    letters: Counter = Counter()
    pairs: Counter = Counter()
    text = files("checker").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        fields = line.split("\t")
        if fields[0] == "edit":
            edits[tuple(fields[1:4])] = int(fields[4])
        elif fields[0] == "letter":
            letters[fields[1]] = int(fields[2])
        elif fields[0] == "pair":
            pairs[(fields[1], fields[2])] = int(fields[3])
    return edits, letters, pairs


def load_error_model() -> None:
    """Read the learned counts now rather than at the first suggestion (a process that
    forks workers reads them once for all of them)."""
    _edit_counts()


def _edits(typed: str, meant: str) -> list[tuple[str, str, str]]:
    """The edits that turn ``meant`` into ``typed``, each as ``(kind, context, letter)``:
    ``sub`` (context: the letter meant), ``del`` and ``ins`` (context: the letter before),
    ``swap`` (context: the first of the two letters), by an optimal string alignment traced
    back from the end (a doubled letter's edit falls on the first of the pair)."""
    rows, cols = len(typed), len(meant)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows + 1):
        table[i][0] = i
    for j in range(cols + 1):
        table[0][j] = j
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            table[i][j] = min(
                table[i - 1][j] + 1,
                table[i][j - 1] + 1,
                table[i - 1][j - 1] + (typed[i - 1] != meant[j - 1]),
            )
            if _swapped(typed, meant, i, j):
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    found = []
    i, j = rows, cols
    while i > 0 or j > 0:
        before = meant[j - 2] if j > 1 else START
        if _swapped(typed, meant, i, j) and table[i][j] == table[i - 2][j - 2] + 1:
            found.append(("swap", meant[j - 2], meant[j - 1]))
            i, j = i - 2, j - 2
        elif (
            i > 0 and j > 0 and table[i][j] == table[i - 1][j - 1] + (typed[i - 1] != meant[j - 1])
        ):
            if typed[i - 1] != meant[j - 1]:
                found.append(("sub", meant[j - 1], typed[i - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and table[i][j] == table[i - 1][j] + 1:
            found.append(("ins", meant[j - 1] if j > 0 else START, typed[i - 1]))
            i -= 1
        else:
            found.append(("del", before, meant[j - 1]))
            j -= 1
    return found


def moved_letter(typed: str, meant: str) -> str | None:
    """The letter of ``meant`` that ``typed`` writes two or more places away, every other
    letter in its order ("thier" is a swap; "thire" for "their" moves the "e" two places
    on: one slip, where an alignment counts a deletion and an insertion); else None. A letter
    that lands beside its own copy is a doubled letter, not a moved one ("addvance" for
    "advanced" is "advance" with a "d" doubled)."""
    if len(typed) != len(meant) or typed == meant or sorted(typed) != sorted(meant):
        return None
    for i, letter in enumerate(meant):
        rest = meant[:i] + meant[i + 1 :]
        for j in range(len(meant)):
            if abs(i - j) >= 2 and rest[:j] + letter + rest[j:] == typed:
                if letter in typed[max(0, j - 1) : j] + typed[j + 1 : j + 2]:
                    continue  # beside its own copy: a letter doubled ("addvance"), not moved
                return letter
    return None


def _swapped(typed: str, meant: str, i: int, j: int) -> bool:
    return (
        i > 1
        and j > 1
        and typed[i - 1] == meant[j - 2]
        and typed[i - 2] == meant[j - 1]
        and typed[i - 1] != typed[i - 2]
    )


@lru_cache(maxsize=100_000)
def edit_cost(kind: str, context: str, letter: str) -> float:
    """Cost of one edit: ``COST_BASE`` plus ``COST_PER_DECADE`` per factor of ten of its
    improbability in its context, within ``LEAST_EDIT_COST``..``MOST_EDIT_COST``."""
    edits, letters, pairs = _edit_counts()
    if kind in ("sub", "ins", "move"):  # "move": context and letter are the moved letter
        chances = letters[context]
    else:  # "del": the letter after its context; "swap": the pair itself
        chances = pairs[(context, letter)]
    probability = (edits[(kind, context, letter)] + SMOOTHING) / (chances + SMOOTHING * 26)
    cost = COST_BASE + COST_PER_DECADE * -math.log10(min(1.0, probability))
    return min(MOST_EDIT_COST, max(LEAST_EDIT_COST, cost))


@lru_cache(maxsize=500_000)
def channel_cost(typed: str, meant: str) -> float:
    """How unlikely it is to type ``typed`` when meaning ``meant``: the cheapest sequence of
    learned edits (substitutions, letters left out or added, neighbours swapped), or one
    learned move of a letter when that is all that differs (``moved_letter``), plus
    ``FIRST_LETTER_COST`` when the first letter differs."""
    rows, cols = len(typed), len(meant)
    table = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        table[i][0] = table[i - 1][0] + edit_cost("ins", START, typed[i - 1])
    for j in range(1, cols + 1):
        before = meant[j - 2] if j > 1 else START
        table[0][j] = table[0][j - 1] + edit_cost("del", before, meant[j - 1])
    for i in range(1, rows + 1):
        a = typed[i - 1]
        for j in range(1, cols + 1):
            b = meant[j - 1]
            before = meant[j - 2] if j > 1 else START
            best = table[i - 1][j - 1] + (0.0 if a == b else edit_cost("sub", b, a))
            best = min(
                best,
                table[i - 1][j] + edit_cost("ins", b, a),
                table[i][j - 1] + edit_cost("del", before, b),
            )
            if _swapped(typed, meant, i, j):
                best = min(best, table[i - 2][j - 2] + edit_cost("swap", before, b))
            table[i][j] = best
    cost = table[rows][cols]
    moved = moved_letter(typed, meant) if rows == cols else None
    if moved:
        cost = min(cost, edit_cost("move", moved, moved))
    return cost + (FIRST_LETTER_COST if typed[:1] != meant[:1] else 0.0)
