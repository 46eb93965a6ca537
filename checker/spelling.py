"""Typo detection tuned for news copy: few false alarms on names, agencies and British spelling.

Three checks, each driven by a rule in ``rules/``:

* ``closed_class``: a word one or two edits from a month or weekday name
  ("Febuary", "Thrusday") that is not itself a known word;
* ``spelling``: a lower-case word that codespell lists as a misspelling, or that
  the wordfreq lexicon does not know (or finds far rarer than a word one edit
  away), unless another source of the story uses it too;
* ``name_spelling``: a capitalised word one edit from a name the other sources
  use, and used by no other source itself.

Lexicons (wordfreq, codespell's dictionaries) are loaded once per process.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import top_n_list, zipf_frequency

from checker.extract import WordMention

_PREFIXES = (
    "de",
    "re",
    "un",
    "non",
    "anti",
    "pre",
    "post",
    "co",
    "over",
    "under",
    "counter",
    "mis",
    "sub",
    "inter",
    "semi",
    "multi",
    "mid",
    "out",
    "cross",
    "self",
    "ex",
    "pro",
    "dis",
    "in",
    "im",
    "super",
)
_SUFFIXES = (
    "isation",
    "ization",
    "ising",
    "izing",
    "ised",
    "ized",
    "ise",
    "ize",
    "isations",
    "izations",
    "ily",
    "ier",
    "ness",
    "ment",
    "ments",
    "ers",
    "er",
    "ings",
    "ing",
    "ed",
    "es",
    "s",
    "ly",
    "ally",
    "ist",
    "ists",
    "ism",
    "able",
    "ible",
    "ful",
    "less",
    "ship",
    "hood",
    "ity",
    "ities",
    "ian",
    "ians",
)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POS = {
    ch: (row, col) for row, keys in enumerate(_KEYBOARD_ROWS) for col, ch in enumerate(keys)
}


@dataclass(frozen=True)
class Typo:
    """A word judged misspelled, with the suggested correction."""

    word: WordMention
    """Where the word stands."""
    rule: str
    """Rule id that found it."""
    suggestion: str | None
    """The correction, cased like the word."""
    detail: dict
    """Values for the rule's message template."""
    support: tuple[tuple[str, WordMention], ...] = ()
    """Where other sources write the suggested form (for names)."""


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Word frequency on the Zipf scale (0 = unknown, 7 = "the"), English."""
    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def _codespell_tables() -> tuple[dict[str, str], set[str]]:
    """codespell's misspelling -> correction map, and its British/American variant words."""
    import codespell_lib

    data = Path(codespell_lib.__file__).parent / "data"
    misspellings: dict[str, str] = {}
    with (data / "dictionary.txt").open(encoding="utf-8") as handle:
        for line in handle:
            wrong, _, right = line.strip().partition("->")
            if wrong and right:
                misspellings[wrong] = right.split(",")[0].strip()
    variants: set[str] = set()
    variant_file = data / "dictionary_en-GB_to_en-US.txt"
    if variant_file.exists():
        with variant_file.open(encoding="utf-8") as handle:
            for line in handle:
                british, _, american = line.strip().partition("->")
                variants.add(british)
                variants.update(a.strip() for a in american.split(","))
    return misspellings, variants


@lru_cache(maxsize=1)
def variant_pairs() -> dict[str, str]:
    """British spelling -> American spelling, from codespell's en-GB to en-US list."""
    import codespell_lib

    pairs: dict[str, str] = {}
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary_en-GB_to_en-US.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            british, _, american = line.strip().partition("->")
            if british and american:
                pairs[british] = american.split(",")[0].strip()
    return pairs


def variant_typos(words: list[WordMention], variant: str, *, rule: str) -> list[Typo]:
    """Words spelled the other side's way: British ones for ``en-US``, American for ``en-GB``."""
    british_to_american = variant_pairs()
    wrong = (
        british_to_american
        if variant == "en-US"
        else {a: b for b, a in british_to_american.items()}
    )
    found = "British" if variant == "en-US" else "American"
    typos = []
    for word in words:
        lower = word.where.text.lower()
        if lower in wrong:
            suggestion = _cased_like(word.where.text, wrong[lower])
            detail = {
                "word": word.where.text,
                "suggestion": suggestion,
                "found": found,
                "variant": variant,
            }
            typos.append(Typo(word, rule, suggestion, detail))
    return typos


@lru_cache(maxsize=1)
def _vocabulary_by_length() -> dict[int, list[str]]:
    """The 100,000 most frequent English words, candidates for suggestions, by length."""
    by_length: dict[int, list[str]] = {}
    for word in top_n_list("en", 100_000):
        if word.isalpha():
            by_length.setdefault(len(word), []).append(word)
    return by_length


def _keyboard_distance(word: str, candidate: str) -> float:
    """Small when the one differing letter is a neighbouring key (a slip of the finger)."""
    if len(word) != len(candidate):
        return 1.0
    diffs = [(a, b) for a, b in zip(word, candidate, strict=True) if a != b]
    if len(diffs) != 1:
        return 1.0
    a, b = diffs[0]
    if a not in _KEY_POS or b not in _KEY_POS:
        return 1.0
    (ra, ca), (rb, cb) = _KEY_POS[a], _KEY_POS[b]
    return 0.0 if abs(ra - rb) <= 1 and abs(ca - cb) <= 1 else 1.0


def _rank(word: str, candidate: str) -> tuple:
    """Order candidates: fewest edits first; then a noisy-channel style score, the candidate's
    frequency plus bonuses for the signs of a slip (same first letter, the same letters
    swapped or doubled, a neighbouring key)."""
    letters = Counter(word)
    letters.subtract(Counter(candidate))
    same_letters = sum(abs(n) for n in letters.values()) == 0
    plausibility = (
        zipf(candidate)
        + (1.0 if word[:1] == candidate[:1] else 0.0)
        + (0.7 if same_letters else 0.0)
        + (0.5 if _keyboard_distance(word, candidate) == 0.0 else 0.0)
    )
    return (OSA.distance(word, candidate), -plausibility, candidate)


def is_spelling_variant(word: str, other: str) -> bool:
    """True for British/American pairs: organisation/organization, defence/defense, programme/program."""
    _, variants = _codespell_tables()
    if word in variants and other in variants:
        return True
    # (British, American) at the end of a word; the vowel pairs anywhere
    endings = (
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("isation", "ization"),
        ("isations", "izations"),
        ("iser", "izer"),
        ("isers", "izers"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
        ("our", "or"),
        ("ours", "ors"),
        ("oured", "ored"),
        ("ouring", "oring"),
        ("ourite", "orite"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("ence", "ense"),
        ("ences", "enses"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ller", "ler"),
        ("llers", "lers"),
        ("ogue", "og"),
        ("ogues", "ogs"),
        ("mme", "m"),
        ("mmes", "ms"),
    )
    for british, american in endings:
        for a, b in ((word, other), (other, word)):
            stem = a[: -len(british)]
            shortest = 4 if british[0] in "iy" else 3  # "realise"/"realize", never "raise"/"raize"
            if a.endswith(british) and len(stem) >= shortest and stem + american == b:
                return True
    for british, american in (("ae", "e"), ("oe", "e")):
        for a, b in ((word, other), (other, word)):
            if british in a and a.replace(british, american, 1) == b:
                return True
    return False


def suggest(word: str, *, min_zipf: float = 3.0) -> str | None:
    """Best correction for a lower-case ``word``: fewest edits, then most frequent, then nearest key.

    Candidates are the frequent words within one edit (two for words of six letters or more).
    """
    by_length = _vocabulary_by_length()
    most = 1 if len(word) < 6 else 2
    pool = [w for n in range(len(word) - most, len(word) + most + 1) for w in by_length.get(n, [])]
    matches = process.extract(word, pool, scorer=OSA.distance, score_cutoff=most, limit=None)
    known = [
        candidate
        for candidate, _distance, _index in matches
        if candidate != word
        and zipf(candidate) >= min_zipf
        and not is_spelling_variant(word, candidate)
    ]
    return min(known, key=lambda c: _rank(word, c)) if known else None


NEAR_COMMON_ZIPF = 3.5
"""An unknown word one edit from a word this frequent is a typo even if it looks derived."""
KNOWN_STEM_ZIPF = 2.0
"""A stem at least this frequent makes a rare derived word legitimate ("tussled" <- "tussle")."""
COMPOUND_PART_ZIPF = 3.5
"""Both halves of a closed compound must be this frequent ("holdups" = "hold" + "ups")."""


def explained_by_morphology(word: str) -> bool:
    """True when ``word`` is a known word dressed up: prefixes and suffixes around a known stem
    ("denuclearising" -> "nuclear", "tussled" -> "tussle"), or two common words run together
    ("gameball", "holdups")."""
    for cut in range(3, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if len(tail) == 2 and tail not in ("up", "in", "on"):
            continue  # two-letter halves only as particles: "beatup", "breakin"
        if zipf(head) >= COMPOUND_PART_ZIPF and zipf(tail) >= COMPOUND_PART_ZIPF:
            return True
    stems = {word}
    for _ in range(2):
        for stem in list(stems):
            for suffix in _SUFFIXES:
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                    base = stem[: -len(suffix)]
                    stems.update({base, base + "e", base + "y"})
            for prefix in _PREFIXES:
                if stem.startswith(prefix) and len(stem) - len(prefix) >= 4:
                    stems.add(stem[len(prefix) :].lstrip("-"))
    return any(zipf(s) >= KNOWN_STEM_ZIPF for s in stems if s != word and len(s) >= 3)


def _cased_like(word: str, suggestion: str) -> str:
    if word.isupper():
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def calendar_typos(
    words: list[WordMention], names: dict[str, str], *, rule: str, max_distance: int
) -> list[Typo]:
    """Words within ``max_distance`` edits of a month or weekday name that are not words themselves.

    Args:
        words (list[WordMention]): the source's words.
        names (dict[str, str]): closed-class word (lower case) -> its class (``month``, ``weekday``).
        rule (str): rule id to report under.
        max_distance (int): most edits allowed (one for names under six letters).
    """
    typos = []
    for word in words:
        text = word.where.text
        lower = text.lower()
        if lower in names or len(lower) < 5 or not text[:1].isupper() or zipf(lower) >= 2.5:
            continue
        if word.in_compound:
            continue
        for name, name_class in names.items():
            limit = max_distance if len(name) >= 7 else 1
            if (
                name[0] == lower[0]
                and abs(len(name) - len(lower)) <= limit
                and OSA.distance(lower, name) <= limit
            ):
                suggestion = _cased_like(text, name)
                typos.append(
                    Typo(
                        word,
                        rule,
                        suggestion,
                        {"word": text, "suggestion": suggestion, "class": f"{name_class} name"},
                    )
                )
                break
    return typos


def word_typos(
    words: list[WordMention],
    other_sources_vocabulary: set[str],
    *,
    rule: str,
    max_rare_zipf: float,
    min_gain_zipf: float,
    min_common_zipf: float,
    skip: set[int] | None = None,
) -> list[Typo]:
    """Misspelled lower-case words: codespell's list, unknown words, words far rarer than a neighbour.

    A word used by another source of the story is never a typo.
    """
    misspellings, _ = _codespell_tables()
    skip = skip or set()
    typos = []
    seen_in_source: set[str] = set()
    for word in words:
        text = word.where.text
        if (
            word.where.start in skip
            or word.in_compound
            or not text.islower()
            or len(text) < 4
            or text in other_sources_vocabulary
        ):
            continue
        if text in seen_in_source and text not in misspellings:
            continue
        seen_in_source.add(text)
        frequency = zipf(text)
        suggestion = None
        if text in misspellings and frequency < min_common_zipf:
            suggestion = misspellings[text]
        elif (
            frequency == 0
            and (near := suggest(text, min_zipf=NEAR_COMMON_ZIPF))
            and OSA.distance(text, near) == 1
        ):
            suggestion = near  # "evining": one slip from a common word, whatever it decomposes into
        elif frequency < max_rare_zipf and not explained_by_morphology(text):
            candidate = suggest(text, min_zipf=min_common_zipf)
            if candidate and (frequency == 0 or zipf(candidate) - frequency >= min_gain_zipf):
                suggestion = candidate
        if suggestion and suggestion != text and not is_spelling_variant(text, suggestion):
            typos.append(Typo(word, rule, suggestion, {"word": text, "suggestion": suggestion}))
    return typos


def name_typos(
    words_by_source: dict[str, list[WordMention]], *, rule: str, min_length: int
) -> dict[str, list[Typo]]:
    """Capitalised words one edit from a name that more sources use, and used by no other source.

    Plurals and derived forms ("Brazil"/"Brazilian", "Sultan"/"Sultans") are not typos:
    the two forms must differ inside the word, not by an ending.
    """
    used_by: dict[str, set[str]] = {}
    first_use: dict[tuple[str, str], WordMention] = {}
    for source_id, words in words_by_source.items():
        for word in words:
            text = word.where.text
            if (
                text[:1].isupper()
                and not text.isupper()
                and (not word.sentence_initial or word.in_name)
            ):
                used_by.setdefault(text, set()).add(source_id)
                first_use.setdefault((text, source_id), word)
    by_length: dict[int, list[str]] = {}
    for name in used_by:
        by_length.setdefault(len(name), []).append(name)
    found: dict[str, list[Typo]] = {}
    for source_id, words in words_by_source.items():
        reported: set[str] = set()
        for word in words:
            text = word.where.text
            if text in reported or used_by.get(text) != {source_id} or len(text) < min_length:
                continue
            if zipf(text.lower()) >= 3.5:
                continue
            best: tuple[int, str] | None = None
            for length in (len(text) - 1, len(text), len(text) + 1):
                for other in by_length.get(length, []):
                    if other == text or other[0] != text[0] or source_id in used_by[other]:
                        continue
                    if (
                        other.startswith(text)
                        or text.startswith(other)
                        or other[:-1] == text[:-1]
                        and len(other) == len(text)
                        and text[-1] in "sn"
                    ):
                        continue
                    if text.lower() == other.lower():
                        continue  # "LionsGate"/"Lionsgate": house style, not a misspelling
                    if OSA.distance(text, other) != 1 or is_spelling_variant(
                        text.lower(), other.lower()
                    ):
                        continue
                    support = len(used_by[other])
                    if support > len(used_by[text]) and (best is None or support > best[0]):
                        best = (support, other)
            if best:
                reported.add(text)
                support = tuple(
                    (other_id, first_use[(best[1], other_id)])
                    for other_id in sorted(used_by[best[1]])
                )
                found.setdefault(source_id, []).append(
                    Typo(
                        word,
                        rule,
                        best[1],
                        {"word": text, "suggestion": best[1], "majority": best[0]},
                        support,
                    )
                )
    return found


def vocabulary_of(words: list[WordMention]) -> Counter[str]:
    """Lower-cased words of a source, counted."""
    return Counter(w.where.text.lower() for w in words)
