"""Typo detection tuned for news copy: few false alarms on names, agencies and British spelling.

Three checks, each driven by a rule in ``rules/``:

* ``closed_class``: a word one or two edits from a month or weekday name
  ("Febuary", "Satruday") that is not itself a known word;
* ``spelling``: a lower-case word that codespell lists as a misspelling, or that
  the wordfreq lexicon does not know (within two edits of a common word) or finds far
  rarer than a word one slip away, unless another source of the story uses it too;
* ``name_spelling``: a capitalised word one edit from a name the other sources
  use, and used by no other source itself.

Suggestions are ranked by a noisy-channel score (``channel_score``): wordfreq frequency
less an edit cost learned from real misspellings (``checker.channel``), with a bonus for
words of the same article; an unknown
word that is no clear slip is ranked with its neighbours too (``suggest_in_context``, a
word-bigram model from ``context_model``), up to three edits away.
Lexicons (wordfreq, codespell's dictionaries) are loaded once per process and per-word
decisions are cached.
"""

from __future__ import annotations

import math
import re
import string
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from itertools import chain, compress, pairwise
from operator import and_, not_, or_
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

from checker.channel import FIRST_LETTER_COST, LEAST_EDIT_COST, channel_cost, load_error_model
from checker.context_model import bigram_model
from checker.extract import NAME_PARTICLES, WordMention, Words, as_words
from checker.folding import fold_accents

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
    "giga",
    "mega",
    "micro",
    "ultra",
    "hyper",
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
    "ic",
    "ical",
    "iest",
    "est",
)


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
    again: tuple[WordMention, ...] = ()
    """The later places this source writes the same misspelled form (for names)."""


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Word frequency on the Zipf scale (0 = unknown, 7 = "the"), English.

    A plain lower-case ASCII word is one token to wordfreq, so its frequency is read
    straight from the frequency table and rounded as ``zipf_frequency`` rounds it (the
    same value, without tokenizing the word: most calls); any other word goes through
    ``zipf_frequency``.
    """
    return _zipf(word)


def _zipf(word: str) -> float:
    """``zipf`` without its cache (for tables that read each word once)."""
    if word.isascii() and word.isalpha() and word.islower():
        return _table_zipf(_english_frequencies().get(word))
    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def _english_frequencies() -> dict[str, float]:
    """wordfreq's English word -> frequency table (the one ``zipf_frequency`` reads)."""
    # the arguments as wordfreq passes them itself: its cache keeps one table, not two
    return get_frequency_dict("en", "best")


@lru_cache(maxsize=4096)  # the table holds a few hundred distinct frequencies
def _table_zipf(frequency: float | None) -> float:
    """``zipf_frequency``'s value for a one-token word of table ``frequency`` (None: unknown):
    the frequency rounded to three significant digits, then to 0.01 on the Zipf scale."""
    if frequency is None:
        return 0.0
    frequency = max(frequency, _ZIPF_FLOOR)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


_ZIPF_FLOOR = 1e-9
"""The frequency of Zipf 0, ``zipf_frequency``'s default minimum."""


@lru_cache(maxsize=1)
def _codespell_tables() -> tuple[dict[str, str], set[str]]:
    """codespell's misspelling -> its corrections (comma-separated), and its British/American
    variant words."""
    import codespell_lib

    data = Path(codespell_lib.__file__).parent / "data"
    misspellings: dict[str, str] = {}
    with (data / "dictionary.txt").open(encoding="utf-8") as handle:
        for line in handle:
            wrong, _, right = line.strip().partition("->")
            if wrong and right:
                misspellings[wrong] = right
    variants: set[str] = set()
    variant_file = data / "dictionary_en-GB_to_en-US.txt"
    if variant_file.exists():
        with variant_file.open(encoding="utf-8") as handle:
            for line in handle:
                british, _, american = line.strip().partition("->")
                variants.add(british)
                variants.update(a.strip() for a in american.split(","))
    return misspellings, variants


def codespell_misspellings() -> dict[str, str]:
    """codespell's misspelling -> its corrections (comma-separated, likeliest first)."""
    return _codespell_tables()[0]


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


def variant_typos(words: Sequence[WordMention], variant: str, *, rule: str) -> list[Typo]:
    """Words spelled the other side's way: British ones for ``en-US``, American for ``en-GB``."""
    british_to_american = variant_pairs()
    wrong = (
        british_to_american
        if variant == "en-US"
        else {a: b for b, a in british_to_american.items()}
    )
    found = "British" if variant == "en-US" else "American"
    typos = []
    words = as_words(words)
    for k, text in enumerate(words.texts):
        lower = text.lower()
        if lower in wrong:
            word = words[k]
            suggestion = _cased_like(word.where.text, wrong[lower])
            detail = {
                "word": word.where.text,
                "suggestion": suggestion,
                "found": found,
                "variant": variant,
            }
            typos.append(Typo(word, rule, suggestion, detail))
    return typos


@cache
def _vocabulary_by_length() -> dict[int, tuple[list[str], list[float]]]:
    """The alphabetic words of English's top 100,000 by length, each length's words
    commonest first beside their negated Zipf frequencies (ascending, for ``bisect``):
    the words at least ``min_zipf`` frequent are a prefix of each list, whatever the
    threshold, so one table serves every caller."""
    by_length: dict[int, list[tuple[float, str]]] = {}
    for word, frequency in _top_words():
        by_length.setdefault(len(word), []).append((-frequency, word))
    table = {}
    for length, pairs in by_length.items():
        pairs.sort(key=lambda pair: pair[0])  # stable: ties keep the list's order
        table[length] = ([word for _f, word in pairs], [f for f, _word in pairs])
    return table


def _frequent_of_length(length: int, min_zipf: float) -> list[str]:
    """The words of ``length`` letters at least ``min_zipf`` frequent, commonest first."""
    words, negated = _vocabulary_by_length().get(length, ((), ()))
    return words[: bisect_right(negated, -min_zipf)]


@lru_cache(maxsize=1)
def _top_words() -> list[tuple[str, float]]:
    """The alphabetic words of English's top 100,000, commonest first, with their Zipf
    frequency: read once for every ``min_zipf`` of ``_vocabulary_by_length`` (read back
    from the tables folder, or built from wordfreq's lists and stored there)."""
    import wordfreq

    from checker.tables import stored

    package = Path(wordfreq.__file__).parent
    inputs = [package / "__init__.py", *sorted((package / "data").glob("*_en.msgpack.gz"))]
    return stored(
        "top-words",
        inputs,
        lambda: [(word, _zipf(word)) for word in top_n_list("en", 100_000) if word.isalpha()],
    )


def load_tables() -> None:
    """Read the word tables the typo rules use now rather than at the first typo: a process
    that forks workers reads them once for all of them."""
    _codespell_tables()
    variant_pairs()
    _vocabulary_by_length()
    load_error_model()


EDIT_WEIGHT = 1.2
"""Zipf units (orders of magnitude of frequency) one full edit is worth in the ranking."""
CONTEXT_BONUS = 0.5
"""Zipf units added to a candidate the same article uses elsewhere (a cache language model)."""


def channel_score(typed: str, meant: str) -> float:
    """Noisy-channel log score of ``meant`` as the intended word: its frequency minus the edits."""
    return zipf(meant) - EDIT_WEIGHT * channel_cost(typed, meant)


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
        ("oes", "os"),
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
    # "our" inside a compound or a derived word: "harbourmaster", "colourful", "favourable"
    for a, b in ((word, other), (other, word)):
        at = a.find("our", 3)
        if at > 0 and a[:at] + "or" + a[at + 3 :] == b:
            return True
    return False


@lru_cache(maxsize=100_000)
def candidates(word: str, *, max_edits: int = 2, min_zipf: float = 2.0) -> tuple[str, ...]:
    """Words at least ``min_zipf`` frequent within ``max_edits`` edits of ``word`` (optimal
    string alignment), most frequent first."""
    # the words of each length in reach, joined at C speed (tens of thousands of words)
    pool = list(
        chain.from_iterable(
            _frequent_of_length(n, min_zipf)
            for n in range(len(word) - max_edits, len(word) + max_edits + 1)
        )
    )
    matches = process.extract(word, pool, scorer=OSA.distance, score_cutoff=max_edits, limit=None)
    found = [candidate for candidate, _distance, _index in matches if candidate != word]
    return tuple(sorted(found, key=lambda c: (-zipf(c), c)))


CHEAPEST_EDIT = LEAST_EDIT_COST
"""The lowest channel cost of one edit, for pruning the ranking."""


def best_candidate(
    word: str,
    options: Iterable[str],
    context: Collection[str] = (),
    *,
    excluded: Collection[str] = (),
) -> str | None:
    """The option with the best noisy-channel score, never a British/American variant of
    ``word`` nor a word of ``excluded``; words of ``context`` (the article's own vocabulary)
    get ``CONTEXT_BONUS``.

    Options are scored best bound first (frequency and bonus, less the cheapest cost of their
    edit count), and scoring stops when no remaining option can beat the best so far.
    """

    def bonus(candidate: str) -> float:
        return CONTEXT_BONUS if candidate in context else 0.0

    bounded = (
        (zipf(c) + bonus(c) - EDIT_WEIGHT * CHEAPEST_EDIT * OSA.distance(word, c), c)
        for c in options
    )
    return _best_bounded(
        word, bounded, lambda _bound, c: channel_score(word, c) + bonus(c), excluded
    )


def _best_bounded(
    word: str,
    bounded: Iterable[tuple[float, str]],
    score: Callable[[float, str], float],
    excluded: Collection[str] = (),
) -> str | None:
    """Of ``(upper bound, candidate)`` pairs, the candidate with the best ``score(bound,
    candidate)``, never a British/American variant of ``word`` nor a word of ``excluded``.
    Candidates are scored best bound first, and scoring stops when no bound left can beat
    the best score so far."""
    best: tuple[float, str] | None = None
    for bound, candidate in sorted(bounded, reverse=True):
        if best is not None and bound < best[0]:
            break
        if candidate in excluded or is_spelling_variant(word, candidate):
            continue
        scored = (score(bound, candidate), candidate)
        if best is None or scored > best:
            best = scored
    return best[1] if best else None


def suggest(
    word: str,
    *,
    min_zipf: float = 3.0,
    max_edits: int | None = None,
    context: Collection[str] = (),
    excluded: Collection[str] = (),
) -> str | None:
    """Best correction for a lower-case ``word`` by a noisy-channel score: frequency (wordfreq)
    against a weighted edit cost (transpositions, keyboard neighbours, doubled letters, vowels).

    Args:
        word (str): the misspelled word, lower case.
        min_zipf (float): least frequency of a candidate. Defaults to 3.0.
        max_edits (int | None): most edits; default one under six letters, two from six.
        context (Collection[str]): words of the same article, favoured. Defaults to ().
        excluded (Collection[str]): words never suggested. Defaults to ().
    """
    most = max_edits if max_edits is not None else (1 if len(word) < 6 else 2)
    options = candidates(word, max_edits=most, min_zipf=min_zipf)
    return best_candidate(word, options, context, excluded=excluded)


CONTEXT_EDITS = 3
"""Most edits between a misspelling and a suggestion its neighbours choose: "widd" for "was"
after "he" and before "killed" is three edits off, and only the context can recover it."""
NEIGHBOUR_WEIGHT = 1.2
"""Weight of each neighbour's bigram log-probability (log10) in the contextual ranking."""
FREQUENCY_WEIGHT = 0.5
"""Weight of the candidate's own Zipf frequency in the contextual ranking."""
OWN_FREQUENCY_DISCOUNT = 0.3
"""Share of the candidate's own log-frequency taken out of its neighbours' fit: P(word |
before) holds the word's frequency once more, and unseen pairs back off to it, so "and" and
"the" would fit every gap. Frequency is weighed once, by ``FREQUENCY_WEIGHT``."""
CONTEXT_EDIT_WEIGHT = 2.0
"""Weight of the channel cost (weighted edits) in the contextual ranking."""
CLEAR_SLIP_COST = 0.4
"""A correction this close (two letters swapped, a doubled letter, a neighbouring key) is
kept whatever the neighbours say: "gaurded" is "guarded" even where "had gained" is likelier."""
ARTICLE_BONUS = 0.5
"""Added to a candidate the same article uses elsewhere (a cache language model)."""
ARTICLE_PAIR_BONUS = 1.0
"""Added for each neighbour the candidate stands beside elsewhere in the same article: a
story that writes "the coast guard" twice means "guard" where it once writes "the coast gaurd"."""
_NEIGHBOUR = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")


def article_bonus(candidate: str, context: Collection[str], most: float = ARTICLE_BONUS) -> float:
    """The cache language model's bonus for ``candidate`` in an article of vocabulary
    ``context``: up to ``most``, by how many times more often the article writes the word
    than English does (log10 of its count over the count its wordfreq frequency predicts
    for the article's length). A word English uses everywhere ("the", "and") is in every
    article, and its being there says nothing of what a misspelling beside it meant; a
    rarer word the article writes ("repairs", "their" written often) is what the writer
    has in mind. ``context`` without counts (a set) gives every word it holds ``most``."""
    if not isinstance(context, Counter):
        return most if candidate in context else 0.0
    count = context[candidate]
    if not count:
        return 0.0
    expected = context.total() * 10 ** (zipf(candidate) - 9)  # Zipf 9 is once per word
    return min(most, max(0.0, math.log10(count / expected)))


def article_pairs(words: list[WordMention]) -> frozenset[tuple[str, str]]:
    """Every pair of neighbouring tokens (lower case, as ``neighbours`` reads them) in the
    sentences of ``words``: the article's own bigrams, a cache language model. The two
    halves of a hyphenated compound ("high-speed", "high - speed") are a pair too."""
    pairs: set[tuple[str, str]] = set()
    for sentence in as_words(words).sentence_texts():
        tokens = [token.lower() for token in _NEIGHBOUR.findall(sentence)]
        pairs.update(pairwise(tokens))
        pairs.update(
            (first, second)
            for first, hyphen, second in zip(tokens, tokens[1:], tokens[2:], strict=False)
            if hyphen == "-" and first.isalpha() and second.isalpha()
        )
    return frozenset(pairs)


def neighbours(word: WordMention) -> tuple[str | None, str | None]:
    """The token before and after ``word`` in its sentence, lower case: a word or a single
    punctuation mark; None at either end of the sentence.

    A hyphen between ``word`` and a word is read through: the neighbour of "speed" in
    "a high-speed chase" (or "a high - speed chase", as crawled copy spaces it) is "high".
    The halves of a compound are a pair of the language model ("high speed", "free trade",
    "fastest growing"), where a hyphen alone says nothing of the word beside it."""
    sentence, offset = word.where.sentence, word.where.sentence_offset
    before = _NEIGHBOUR.findall(sentence[:offset])
    after = _NEIGHBOUR.findall(sentence[offset + len(word.where.text) :])
    return (_through_hyphen(before[::-1]), _through_hyphen(after))


def _through_hyphen(tokens: Sequence[str]) -> str | None:
    """The first of ``tokens`` (nearest first), lower case, or the word after it when it is
    a single hyphen between words; None when there are none."""
    if not tokens:
        return None
    if tokens[0] == "-" and len(tokens) > 1 and tokens[1].isalpha():
        return tokens[1].lower()
    return tokens[0].lower()


def _least_cost(typed: str, meant: str) -> float:
    """A lower bound of ``channel_cost``: every edit at its cheapest, plus the first letter."""
    first = FIRST_LETTER_COST if typed[:1] != meant[:1] else 0.0
    return CHEAPEST_EDIT * OSA.distance(typed, meant) + first


def suggest_in_context(
    word: str,
    around: tuple[str | None, str | None],
    *,
    min_zipf: float = 3.0,
    context: Collection[str] = (),
    pairs: Collection[tuple[str, str]] = (),
    options: Sequence[str] | None = None,
    favoured: str | None = None,
    excluded: Collection[str] = (),
) -> str | None:
    """Best correction of an unknown lower-case ``word`` by its neighbours ``around``: a
    noisy channel whose language model is a word-bigram model (``context_model``), over
    words up to ``CONTEXT_EDITS`` edits away, or over the given ``options`` (a list's
    corrections). "widd" between "he" and "killed" is "was"; "sedn" before "that" is
    "said". Candidates the article's own ``context`` words (``article_bonus``: counted,
    the more the article writes them beyond their English rate) and neighbour ``pairs``
    (``article_pairs``) support are favoured, and so is ``favoured`` (a list's first); a
    word of ``excluded`` is never chosen."""
    previous, following = around
    if options is None:
        options = candidates(word, max_edits=CONTEXT_EDITS, min_zipf=min_zipf)
    options = list(options)
    model = bigram_model()
    fits = [
        fit - OWN_FREQUENCY_DISCOUNT * model.unigram(option)
        for option, fit in zip(options, model.fits(previous, options, following), strict=True)
    ]

    def in_article(candidate: str) -> float:
        bonus = ARTICLE_BONUS if candidate == favoured else article_bonus(candidate, context)
        beside = ((previous, candidate) in pairs) + ((candidate, following) in pairs)
        return bonus + ARTICLE_PAIR_BONUS * beside

    # best bound first: the language model and frequency less the cheapest cost of the edits;
    # the full channel cost is computed only while a candidate can still win
    bounded = (
        (
            NEIGHBOUR_WEIGHT * fit
            + FREQUENCY_WEIGHT * zipf(c)
            + in_article(c)
            - CONTEXT_EDIT_WEIGHT * _least_cost(word, c),
            c,
        )
        for c, fit in zip(options, fits, strict=True)
    )

    def score(bound: float, candidate: str) -> float:
        exact = channel_cost(word, candidate) - _least_cost(word, candidate)
        return bound - CONTEXT_EDIT_WEIGHT * exact

    return _best_bounded(word, bounded, score, excluded)


LISTED_WORD_ZIPF = 3.0
"""A word codespell lists as a misspelling is taken as a word at this frequency or above
("untill", 2.97, is still a slip; the rule's least suggested frequency, ``min_common_zipf``,
may be lower)."""
NEAR_COMMON_ZIPF = 3.5
"""An unknown word one edit from a word this frequent is a typo even if it looks derived."""
KNOWN_STEM_ZIPF = 2.0
"""A stem at least this frequent makes a rare derived word legitimate ("tussled" <- "tussle")."""
COMPOUND_PART_ZIPF = 3.5
"""Both halves of a closed compound must be this frequent ("holdups" = "hold" + "ups")."""


@lru_cache(maxsize=100_000)
def explained_by_morphology(word: str) -> bool:
    """True when ``word`` is a known word dressed up: prefixes and suffixes around a known stem
    ("decentralising" -> "central", "tussled" -> "tussle"), or two common words run together
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


_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers")
"""Endings of one word family: "sweltered" and "swelters" are forms of "swelter"."""


@lru_cache(maxsize=100_000)
def inflects_known_family(word: str) -> bool:
    """True when ``word`` is an inflected form of a stem whose family has a form at least
    ``KNOWN_STEM_ZIPF`` frequent: "sweltered" is rare, but "sweltering" is not, so it is a
    word of its own and no slip for "sheltered"."""
    for ending in _INFLECTIONS:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 4:
            continue
        for base in (stem, stem + "e"):
            forms = (base, *(base + other for other in _INFLECTIONS))
            if any(zipf(form) >= KNOWN_STEM_ZIPF for form in forms if form != word):
                return True
    return False


def _cased_like(word: str, suggestion: str) -> str:
    if word.isupper():
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


_NOT_CALENDAR: dict[int, tuple[dict[str, str], set[str]]] = {}
"""By the identity of a names table (kept with it): the texts ``calendar_typos`` found no
candidate for a slip of one of its names."""


def _calendar_plural(lower: str, names: Collection[str]) -> bool:
    """True for a month's or weekday's plural ("one of the wettest Octobers", "Mondays",
    "Februaries"): a name, not a slip."""
    return (lower.endswith("s") and lower[:-1] in names) or (
        lower.endswith("ies") and lower[:-3] + "y" in names
    )


def calendar_typos(
    words: Sequence[WordMention], names: dict[str, str], *, rule: str, max_distance: int
) -> list[Typo]:
    """Words within ``max_distance`` edits of a month or weekday name that are not words themselves.

    Args:
        words (Sequence[WordMention]): the source's words.
        names (dict[str, str]): closed-class word (lower case) -> its class (``month``, ``weekday``).
        rule (str): rule id to report under.
        max_distance (int): most edits allowed (one for names under six letters).
    """
    typos = []
    words = as_words(words)
    # most words are lower case, a name or a known word: decided once per distinct text, and
    # a text found no candidate is remembered as such for ``names`` (a set: told at C speed)
    kept = _NOT_CALENDAR.get(id(names))
    if kept is None or kept[0] is not names or len(kept[1]) >= 200_000:
        kept = _NOT_CALENDAR[id(names)] = (names, set())
    plain = kept[1]
    wanted = set()
    for text in set(words.texts).difference(plain):
        if (
            text[:1].isupper()
            and (lower := text.lower()) not in names
            and not _calendar_plural(lower, names)
            and len(lower) >= 5
            and lower.isascii()  # "Marché" is French, no misspelled "March"
            and zipf(lower) < 2.5
        ):
            wanted.add(text)
        else:
            plain.add(text)
    for k in _indices_of(words.texts, wanted) if wanted else ():
        if words.in_compound[k]:
            continue
        word = words[k]
        text = word.where.text
        lower = text.lower()
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


MIN_CODESPELL_GAIN = 1.0
"""A codespell entry is reported only when its correction is this much more frequent: entries
about as common as their correction are accepted variants ("rarified"/"rarefied")."""
ONE_SLIP_COST = 1.2
"""Most channel cost of one slip ("tarrifs" for "tariffs": a double letter moved): a known
rare word is only a typo one slip (one edit, or a double letter moved) and this close to a
far more frequent word ("grapnels" is no "grapes", "lahars" no "lakers")."""


@lru_cache(maxsize=200_000)
def _plainly_known(text: str, max_rare_zipf: float, min_common_zipf: float) -> bool:
    """True when ``_word_typo`` can only answer None for lower-case ``text``, whatever its
    neighbours: a word at least ``max_rare_zipf`` frequent that codespell does not list as a
    misspelling of a commoner word. Most words of an article are such words."""
    frequency = zipf(text)
    if frequency < max_rare_zipf or frequency <= 0:
        return False
    if frequency < SWAP_RARE_ZIPF and _swap_slips(text, frequency):
        return False  # "perscription": a known word, and a slip of a commoner one
    misspellings, _ = _codespell_tables()
    return text not in misspellings or frequency >= LISTED_WORD_ZIPF


_PLAIN_WORDS: dict[tuple[float, float], set[str]] = {}


def _plain_words(max_rare_zipf: float, min_common_zipf: float) -> set[str]:
    """The lower-case words found ``_plainly_known`` under these thresholds so far: a set,
    so an article's words are told from them at once (C speed), not asked one by one."""
    known = _PLAIN_WORDS.setdefault((max_rare_zipf, min_common_zipf), set())
    if len(known) >= 200_000:
        known.clear()  # a long run meets ever more words: keep memory flat
    return known


def _word_typo(
    text: str,
    *,
    around: Callable[[], tuple[str | None, str | None]],
    in_compound: bool,
    context: Collection[str],
    pairs: Callable[[], Collection[tuple[str, str]]],
    max_rare_zipf: float,
    min_gain_zipf: float,
    min_common_zipf: float,
    never: Collection[str] = (),
) -> str | None:
    """The correction of a lower-case word, or None when it is not judged a typo.

    ``around`` gives the word's neighbours; it is called only when the neighbours must
    choose between corrections (they are read off the sentence, which takes time). A word
    of ``never`` is never the correction."""
    misspellings, _ = _codespell_tables()
    frequency = zipf(text)
    if in_compound and frequency > 0:
        return None  # "wasn ’ t", "Poly-technic", "singin' and dancin'": parts, not words
    if len(text) == SHORT_WORD:
        if in_compound or not short_word_suspect(text):
            return None  # "e-mail", "co-op": a short part is no word of its own
        listed = [o.strip() for o in misspellings.get(text, "").split(",") if o.strip()]
        options = [
            o
            for o in dict.fromkeys(
                [*listed, *candidates(text, max_edits=1, min_zipf=min_common_zipf)]
            )
            if o.islower() and OSA.distance(text, o) == 1
        ]
        if not options:
            return None
        return suggest_in_context(
            text,
            around(),
            context=context,
            pairs=pairs(),
            options=options,
            favoured=listed[0] if listed else None,
            excluded=never,
        )
    if text in misspellings and frequency < LISTED_WORD_ZIPF:
        options = [o.strip() for o in misspellings[text].split(",") if o.strip()]
        # codespell lists the likeliest correction first: count that as context; between
        # several ("person, prison"), the neighbours choose
        if len(options) > 1:
            best = suggest_in_context(
                text,
                around(),
                context=context,
                pairs=pairs(),
                options=options,
                favoured=options[0],
                excluded=never,
            )
        else:
            best = best_candidate(text, options, {*context, *options}, excluded=never)
        if best and zipf(best) - frequency >= MIN_CODESPELL_GAIN:
            return best
        return None
    if not in_compound and 0 < frequency < SWAP_RARE_ZIPF:
        # "perscription": two neighbouring letters swapped in a commoner word (wordfreq
        # lists the commonest such slips as words of their own, rarely seen)
        swaps = _swap_slips(text, frequency)
        if swaps:
            return best_candidate(text, swaps, context, excluded=never)
    if frequency == 0:
        # "evining": one slip from a common word, whatever it decomposes into
        # or one letter short of a word of the lexicon ("embezzlment", "postponment"): a
        # letter left out is the commonest slip, and morphology would read the word as
        # a derivation ("embezzl" + "ment") that English does not make
        near = any(
            not is_spelling_variant(text, c)
            and (zipf(c) >= NEAR_COMMON_ZIPF or _letter_left_out_inside(text, c))
            for c in candidates(text, max_edits=1, min_zipf=min_common_zipf)
        )
        if not near and (in_compound or explained_by_morphology(text)):
            return None
        most = 1 if in_compound else 2
        found = suggest(
            text, min_zipf=min_common_zipf, max_edits=most, context=context, excluded=never
        )
        if found is None and not in_compound:
            # "geotechincal": two neighbouring letters swapped in a word rarer than a
            # suggestion must be
            found = best_candidate(text, _swap_slips(text, frequency), context, excluded=never)
        if found is None or in_compound or channel_cost(text, found) <= CLEAR_SLIP_COST:
            return found
        ranked = suggest_in_context(
            text, around(), min_zipf=min_common_zipf, context=context, pairs=pairs(), excluded=never
        )
        return ranked or found
    if in_compound or frequency >= max_rare_zipf or inflects_known_family(text):
        return None
    if explained_by_morphology(text) and not _plain_slip_of_common(text, frequency):
        return None
    slips = [
        c
        for c in candidates(text, min_zipf=min_common_zipf)
        if zipf(c) >= frequency + min_gain_zipf
        and (OSA.distance(text, c) == 1 or _moved_double(text, c))
        and channel_cost(text, c) <= ONE_SLIP_COST
    ]
    return best_candidate(text, slips, context, excluded=never)


SWAP_RARE_ZIPF = 2.0
"""A word rarer than this, two neighbouring letters swapped from a word ..."""
SWAP_GAIN_ZIPF = 2.4
"""... this much more frequent, is that word mistyped ("perscription": "prescription")."""


def _swap_slips(text: str, frequency: float) -> list[str]:
    """The words ``SWAP_GAIN_ZIPF`` more frequent than ``text`` that it is, two neighbouring
    letters swapped (never a British/American pair)."""
    return [
        c
        for c in candidates(text, max_edits=1, min_zipf=frequency + SWAP_GAIN_ZIPF)
        if _letters_swapped(text, c) and not is_spelling_variant(text, c)
    ]


def _letters_swapped(a: str, b: str) -> bool:
    """True when ``a`` is ``b`` with two neighbouring letters swapped ("geotechincal")."""
    if len(a) != len(b) or a == b:
        return False
    apart = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(apart) == 2
        and apart[1] == apart[0] + 1
        and a[apart[0]] == b[apart[1]]
        and a[apart[1]] == b[apart[0]]
    )


DERIVED_SLIP_ZIPF = 4.5
"""A rare word one plain slip from a word this frequent is a typo even if it looks derived
("tournement": "tourney" + "-ment", one letter from "tournament")."""
DERIVED_SLIP_GAIN = 3.0
"""How much more frequent than the rare word that word must be."""


def _plain_slip_of_common(text: str, frequency: float) -> bool:
    """True when a rare word is one edit (channel cost at most ``ONE_SLIP_COST``) from a
    word at least ``DERIVED_SLIP_ZIPF`` frequent and ``DERIVED_SLIP_GAIN`` more frequent
    than it, not a British or American spelling of it."""
    return any(
        zipf(c) >= max(DERIVED_SLIP_ZIPF, frequency + DERIVED_SLIP_GAIN)
        and OSA.distance(text, c) == 1
        and channel_cost(text, c) <= ONE_SLIP_COST
        and not is_spelling_variant(text, c)
        for c in candidates(text, max_edits=1, min_zipf=DERIVED_SLIP_ZIPF)
    )


_ADDRESS_AFTER = re.compile(r"\s?\.\s?(?:html?|php|aspx?|exe|com|org|net|jpg|pdf)\b|\s?[/@:]")
_ADDRESS_BEFORE = re.compile(r"[/@]\s?$|www\.$")


def _letter_left_out_inside(text: str, word: str) -> bool:
    """True when ``text`` is ``word`` with one inner letter left out that is not half of a
    double ("embezzlment" from "embezzlement"). A first or last letter left out reads as
    another word or a base form ("lockage" of "blockage", "motorize" of "motorized"), and
    a single for a double is a spelling variant ("kidnapers", "traveler")."""
    if len(word) != len(text) + 1:
        return False
    for k in range(1, len(word) - 1):
        if word[:k] + word[k + 1 :] == text:
            return word[k] not in (word[k - 1], word[k + 1])
    return False


def in_address(word: WordMention) -> bool:
    """True for a piece of a web address, file or e-mail name ("iexplore. exe", "/ ctfom. html"):
    not prose, so not spelled against the dictionary."""
    sentence, offset = word.where.sentence, word.where.sentence_offset
    before = sentence[max(0, offset - 3) : offset]
    after = sentence[offset + len(word.where.text) : offset + len(word.where.text) + 7]
    return bool(_ADDRESS_BEFORE.search(before) or _ADDRESS_AFTER.match(after))


FILE_EXTENSIONS = frozenset({"exe", "html", "htm", "php", "asp", "aspx", "jpg", "pdf", "dll"})
"""Lower-case words that, a dot after a word, make it a file name ("iexplore. exe")."""


def _before_file_extension(words: Words, k: int) -> bool:
    """True for word ``k`` of ``words`` followed, two characters on, by a file extension
    ("iexplore. exe"): the sentencizer may end a sentence at the dot, hiding the extension
    from ``in_address``, but the word columns still hold it."""
    if k + 1 >= len(words) or words.texts[k + 1] not in FILE_EXTENSIONS:
        return False
    return words.starts[k + 1] - (words.starts[k] + len(words.texts[k])) <= 2


_OPENING_QUOTE = re.compile(r"(?:``|[\"“‘'])\s?$")
_CLOSING_QUOTE = re.compile(r"\s?[.,;:!?]?\s?(?:''|[\"”’'])")


def quoted_alone(word: WordMention) -> bool:
    """True for a word that is a whole quotation (the ministry called them "returnees",
    crowds shouted "traidor"): a term the article mentions, often coined or foreign, not
    prose to spell against the dictionary."""
    sentence, offset = word.where.sentence, word.where.sentence_offset
    after = sentence[offset + len(word.where.text) :]
    return bool(_OPENING_QUOTE.search(sentence[:offset]) and _CLOSING_QUOTE.match(after))


_WORD_BEFORE = re.compile(r"([A-Za-z\u00c0-\u024f]+)\s*$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z\u00c0-\u024f]+)")
FOREIGN_NAME_ZIPF = 1.0
"""A capitalised word rarer than this in English is a foreign name ("Vlinder")."""


def beside_foreign_name(word: WordMention) -> bool:
    """True for a word right beside a capitalised word English does not know: part of a
    foreign name or address ("Vlinder straat"), where a rare English look-alike is no slip."""
    sentence, offset = word.where.sentence, word.where.sentence_offset
    before = _WORD_BEFORE.search(sentence[:offset])
    after = _WORD_AFTER.match(sentence[offset + len(word.where.text) :])
    return any(
        found is not None
        and found[1][:1].isupper()
        and found[1][1:].islower()
        and zipf(found[1].lower()) < FOREIGN_NAME_ZIPF
        for found in (before, after)
    )


_AFTER_SCALE = re.compile(
    r"\d\s?(?:million|billion|trillion|mln|bln|bn|mn)\s(?:[A-Z][a-z]+\s)?$", re.IGNORECASE
)
UNIT_SLIP_ZIPF = 4.0
"""A word after "N million" one slip from a word this common is its typo ("dolars")."""


def after_amount(word: WordMention) -> bool:
    """True for a word right after an amount in millions ("640 million tenge", "100 million
    Finnish markkaa") that is no slip of a common word: a currency or unit, often foreign."""
    sentence, offset = word.where.sentence, word.where.sentence_offset
    if not _AFTER_SCALE.search(sentence[max(0, offset - 40) : offset]):
        return False
    return not any(candidates(word.where.text, max_edits=1, min_zipf=UNIT_SLIP_ZIPF))


LONGEST_SPELLED_WORD = 40
"""Longer letter runs are not prose ("pneumonoultramicroscopic…" has 45 letters, a pasted
blob thousands) and are not spelled: the morphology and candidate searches grow with the
square of a word's length."""
SHORT_WORD = 3
"""Words this short are spelled only when ``short_word_suspect``: most three-letter strings
are some word, abbreviation or name, and a slip from one common word is often another."""
SHORT_COMMON_ZIPF = 5.5
"""A three-letter misspelling is one edit from a word at least this frequent ("the", "and")."""
SHORT_LISTED_MAX_ZIPF = 2.5
"""A three-letter word codespell lists is reported when rarer than this ("tje", "wih"); a
commoner one only when it swaps two letters of its correction ("teh", "adn"), since the
commoner ones are words elsewhere ("vas" in "vas deferens", "tre", "sie")."""


@lru_cache(maxsize=20_000)
def short_word_suspect(text: str) -> bool:
    """True when a three-letter lower-case word may be a slip: unknown to the lexicon
    ("wiy", "uay"), or a codespell misspelling one edit from a very common word that swaps
    two of its letters ("teh", "adn", "hte") or is rare itself ("tje", "wih"); never a word
    the lexicon knows that codespell does not list ("vat", "ion")."""
    if len(text) != SHORT_WORD:
        return False
    frequency = zipf(text)
    if frequency == 0:
        return True
    misspellings, _ = _codespell_tables()
    if text not in misspellings:
        return False
    for option in (o.strip() for o in misspellings[text].split(",")):
        if not option.islower() or zipf(option) < SHORT_COMMON_ZIPF:
            continue
        if OSA.distance(text, option) != 1:
            continue
        swapped = len(option) == len(text) and sorted(option) == sorted(text)
        if swapped or frequency < SHORT_LISTED_MAX_ZIPF:
            return True
    return False


def word_typos(
    words: Sequence[WordMention],
    other_sources_vocabulary: set[str],
    *,
    rule: str,
    max_rare_zipf: float,
    min_gain_zipf: float,
    min_common_zipf: float,
    skip: set[int] | None = None,
    story_capitalised: Collection[str] = frozenset(),
    declared: Collection[str] = frozenset(),
    never_suggest: Collection[str] = frozenset(),
) -> list[Typo]:
    """Misspelled lower-case words: codespell's list, unknown words, words far rarer than a neighbour.

    Every occurrence is reported. A word used by another source of the story is never a
    typo. A part of a hyphenated compound ("seven-yeer") is reported only when it is unknown
    and one slip from a common word. Suggestions favour the words the article itself uses.

    Args:
        words (Sequence[WordMention]): the source's words.
        other_sources_vocabulary (set[str]): lower-cased words of the story's other sources.
        rule (str): rule id to report under.
        max_rare_zipf (float): a known word rarer than this may be a typo of a common neighbour.
        min_gain_zipf (float): how much more frequent that neighbour must be.
        min_common_zipf (float): least frequency of a suggested word.
        skip (set[int] | None): start offsets already reported by another rule. Defaults to None.
        story_capitalised (Collection[str]): capitalised words of every source of the story:
            a listed misspelling capitalised inside a sentence is reported only when its
            correction is among them. Defaults to frozenset().
        declared (Collection[str]): lower-case words the rules declare (units and
            currencies: "hryvnias", "soums"): never typos. Defaults to frozenset().
        never_suggest (Collection[str]): lower-case words never offered as a correction
            (slurs and obscenities: "ficked" is not corrected to one). Defaults to frozenset().
    """
    skip = skip or set()
    words = as_words(words)
    texts = words.texts
    context = Counter(map(str.lower, texts))  # the article's words, counted (a cache model)
    pairs = cache(lambda: article_pairs(words))  # built only if a word needs its neighbours
    misspellings, _ = _codespell_tables()
    distinct = set(texts)
    # what a word's text alone decides, asked once per distinct text: a capitalised word is
    # looked at only when codespell lists it; most lower-case words are too short, plainly
    # known or used by another source
    listed = misspellings.keys() & set(map(str.lower, distinct))  # mostly none
    wanted = (
        {
            text
            for text in distinct
            if text[:1].isupper() and text[1:].islower() and text.lower() in listed
        }
        if listed
        else set()
    )
    mid_sentence = (
        {text for text, initial in zip(texts, words.sentence_initial, strict=True) if not initial}
        if wanted
        else set()
    )
    plain = _plain_words(max_rare_zipf, min_common_zipf)
    for text in set(filter(str.islower, distinct)).difference(plain):
        if short_word_suspect(text):
            if text not in other_sources_vocabulary:
                wanted.add(text)
        elif 4 <= len(text) <= LONGEST_SPELLED_WORD:
            if _plainly_known(text, max_rare_zipf, min_common_zipf):
                plain.add(text)
            elif text not in other_sources_vocabulary:
                wanted.add(text)
    typos = []
    for k in _indices_of(texts, wanted) if wanted else ():
        written = texts[k]
        text = written
        if written[:1].isupper():
            text = (
                _capitalised_misspelling(
                    written,
                    words.sentence_initial[k],
                    words.in_name[k],
                    mid_sentence,
                    story_capitalised,
                )
                or written
            )
        if (
            not _maybe_typo(text, max_rare_zipf, min_common_zipf, other_sources_vocabulary)
            or words.starts[k] in skip
            or text in declared
        ):
            continue
        word = words[k]
        if (
            in_address(word)
            or _before_file_extension(words, k)
            or written_in_two_forms(text, context)
            or ((quoted_alone(word) or after_amount(word)) and not is_listed_misspelling(text))
            or (0 < zipf(text) < max_rare_zipf and beside_foreign_name(word))
        ):
            continue
        suggestion = _word_typo(
            text,
            around=partial(neighbours, word),
            in_compound=word.in_compound,
            context=context,
            pairs=pairs,
            max_rare_zipf=max_rare_zipf,
            min_gain_zipf=min_gain_zipf,
            min_common_zipf=min_common_zipf,
            never=never_suggest,
        )
        if suggestion and suggestion != text and not is_spelling_variant(text, suggestion):
            written = word.where.text
            suggestion = _cased_like(written, suggestion)
            typos.append(Typo(word, rule, suggestion, {"word": written, "suggestion": suggestion}))
    return typos


def _maybe_typo(
    text: str, max_rare_zipf: float, min_common_zipf: float, other_sources: Collection[str]
) -> bool:
    """The tests of ``word_typos`` that read only the (lower-cased) text: a lower-case word
    of a spelled length, not plainly known and not used by another source."""
    return (
        text.islower()
        and (
            short_word_suspect(text)
            or (
                4 <= len(text) <= LONGEST_SPELLED_WORD
                and not _plainly_known(text, max_rare_zipf, min_common_zipf)
            )
        )
        and text not in other_sources
    )


TERM_FORM_MAX_ZIPF = 3.0
"""A term's other form must be rarer than this: "startes" beside "starts" is a slip for the
common word, "stokvels" beside "stokvel" is one term in two forms."""


def is_listed_misspelling(text: str) -> bool:
    """True when codespell lists lower-case ``text`` as a misspelling."""
    misspellings, _ = _codespell_tables()
    return text in misspellings


def written_in_two_forms(text: str, vocabulary: Collection[str]) -> bool:
    """True when an article writes lower-case ``text`` both with and without a plural or
    verb ending ("stokvel" and "stokvels"), codespell does not list it, and the other forms
    are rare words (``TERM_FORM_MAX_ZIPF``): a term the writer uses on purpose, as a slip is
    seldom made twice in two forms."""
    misspellings, _ = _codespell_tables()
    if text in misspellings:
        return False
    forms = {text, text + "s", text + "es", text + "ed", text + "ing"}
    for ending in ("s", "es", "ed", "ing"):
        if text.endswith(ending) and len(text) - len(ending) >= 3:
            stem = text[: -len(ending)]
            forms |= {stem, stem + "s", stem + "es", stem + "ed", stem + "ing"}
    others = forms & set(vocabulary) - {text}
    return bool(others) and all(zipf(form) < TERM_FORM_MAX_ZIPF for form in others)


CAPITALISED_MAX_ZIPF = 2.5
"""A capitalised word inside a sentence is spelled only when it is this rare as a word: names
that codespell lists ("Childs", "Presse") are commoner."""
CAPITALISED_MIN_GAIN = 2.0
"""... and when its correction is this much more frequent ("Parliment": "parliament")."""


def _capitalised_misspelling(
    text: str,
    sentence_initial: bool,
    in_name: bool,
    mid_sentence: set[str],
    story_capitalised: Collection[str],
) -> str | None:
    """The lower-case form of a capitalised word that codespell lists as a misspelling, else
    None. A capitalised word may be a name, so only a listed misspelling is spelled:
    - a sentence's first word, capitalised by its position ("Goverment officials said"),
      unless the article also capitalises it inside a sentence;
    - another capitalised word ("the Parliment Library") when it is rare, and a far more
      frequent correction is written capitalised in the story (``story_capitalised``):
      "the European Parliament" in another source.

    ``sentence_initial`` and ``in_name`` are the word's (``WordMention``)."""
    if not (text[:1].isupper() and text[1:].islower()):
        return None
    misspellings, _ = _codespell_tables()
    lower = text.lower()
    if lower not in misspellings:
        return None
    if sentence_initial and not in_name and text not in mid_sentence:
        return lower
    frequency = zipf(lower)
    if frequency >= CAPITALISED_MAX_ZIPF:
        return None
    options = (option.strip() for option in misspellings[lower].split(","))
    if any(
        zipf(option) - frequency >= CAPITALISED_MIN_GAIN
        and option[:1].upper() + option[1:] in story_capitalised
        for option in options
    ):
        return lower
    return None


COMMON_WORD_NAME_ZIPF = 4.0
"""A name this frequent as a lower-case word ("Navy", "Felt") may stand for that word or
a name; a form an article writes once beside it ("Nava 5", a ship) is only its typo when
the same first name stands beside both."""
KNOWN_NAME_ZIPF = 3.0
"""A name the lexicon knows this well ("Edinburgh") ..."""
UNKNOWN_NAME_ZIPF = 2.0
"""... is the right form of one letter off it that the lexicon hardly knows ("Edinborough"),
inside one article, however often each is written."""
KNOWN_SURNAME_ZIPF = 3.5
"""A name the lexicon knows this well ("Hanson", "Hansen") is only the slip of another one
letter off when both stand beside the same name word ("Erik Hanson" / "Erik Hansen")."""
LEXICON_NAME_GAP = 1.0
"""A form this much commoner in the lexicon than the other is never reported as its slip."""
FUNCTION_WORD_ZIPF = 5.0
"""Capitalised words this common ("The", "In") beside a name are no part of it."""


MIN_OTHER_OUTLETS = 2
"""Other outlets that must write a name's other form, and none this one, for an article
that writes both forms to have its form reported."""


def name_typos(
    words_by_source: dict[str, Sequence[WordMention]],
    *,
    rule: str,
    min_length: int,
    titles: Collection[str] = frozenset(),
    same_place: Callable[[str, str], bool] | None = None,
    romanisations: Sequence[Sequence[str]] = (),
) -> dict[str, list[Typo]]:
    """Capitalised words one edit from a name that more sources use, and used by no other source.

    Two names ``same_place`` finds to be one place ("Genève" and "Geneva": an exonym the
    gazetteer knows, with or without accents) are no slip; nor are two romanisations of
    one name ("Zelenskiy", "Zelenskyy": ``romanised``) when no source writes both.

    Forms that differ only in accents ("Müller"/"Muller") are one name: their sources count
    together. Two sources that each write one form of a full name ("Anna Kowalczyk" / "Anna
    Kowalczik") are reported once, with the other as the suggestion: no majority says which
    is right, but one is wrong. The form reported is the one the lexicon knows less well,
    else the one written fewer times, else the shorter, else the later source's
    (``_tie_reported_here``). A form an article writes once, where it writes the other form at least twice
    ("Pritchett" twice, "Pritchet" once), is reported too, with its own spelling as the
    suggestion (``detail["internal"]``).

    Plurals and derived forms ("Brazil"/"Brazilian", "Kenya"/"Kenyan", "Americas"/"American")
    are not typos: the two forms must differ inside the word, not by an ending, unless both
    stand beside the same name word ("Anna Kowalczyk"/"Anna Kowalczyki") and the ending is
    no plural s. A last letter written two ways ("Nowakowsky"/"Nowakowski") is a slip.

    Two forms whose full names differ ("Teodor Brek" / "Ilse Brak": each stands beside other
    name words, ``titles`` aside) are two people, not a slip. Inside one article, a form the
    lexicon does not know, one letter from a name it knows, is the slip whichever is written
    more often ("Edinborough" twice, "Edinburgh" once).
    """
    columns = {source_id: as_words(words) for source_id, words in words_by_source.items()}
    used_by: dict[str, set[str]] = {}
    first_index: dict[tuple[str, str], int] = {}
    mentions: Counter[str] = Counter()
    in_source: Counter[tuple[str, str]] = Counter()
    written: dict[str, Counter[str]] = {}  # each article's words, counted once (C speed)
    kept: dict[str, tuple[list[int], list[str]]] = {}  # each article's name words, in order
    for source_id, words in columns.items():
        texts = words.texts
        counts = written[source_id] = Counter(texts)
        capitalised = {t for t in counts if t[:1].isupper() and not t.isupper()}
        # a capitalised word inside a sentence, or a sentence's first word inside a name:
        # picked and counted at C speed, with no Python step per word of the article
        inside = map(or_, map(not_, words.sentence_initial), words.in_name)
        indices = list(
            compress(range(len(texts)), map(and_, map(capitalised.__contains__, texts), inside))
        )
        names = list(map(texts.__getitem__, indices))
        kept[source_id] = (indices, names)
        for text in dict.fromkeys(names):
            used_by.setdefault(text, set()).add(source_id)
        # the first index of each name (of a name written again, the smaller one is set last)
        for text, k in dict(zip(reversed(names), reversed(indices), strict=True)).items():
            first_index[(text, source_id)] = k
        mentions.update(names)
    uses: dict[str, list[tuple[str, int]]] = {}  # each name's (source, index of the word)

    def uses_of(name: str) -> list[tuple[str, int]]:
        """Where the story's articles write ``name``: (source, index of the word), in order;
        gathered at the first question (few names are asked about)."""
        if not uses:
            for source_id, (indices, names) in kept.items():
                for k, text in zip(indices, names, strict=True):
                    uses.setdefault(text, []).append((source_id, k))
        return uses[name]

    for source_id, counts in written.items():
        # how often each article writes each name, first words of sentences included
        for text in counts.keys() & used_by.keys():
            in_source[(text, source_id)] = counts[text]
    near = _NearNames(used_by)
    forms: dict[str, list[str]] = {}
    for name in used_by:
        forms.setdefault(fold_accents(name), []).append(name)

    @cache
    def users(name: str) -> frozenset[str]:
        """The sources that write ``name``, accents aside (asked again at every use)."""
        return frozenset().union(*(used_by[form] for form in forms[fold_accents(name)]))

    def first_use(name: str, source_id: str) -> WordMention:
        """The first place ``source_id`` writes ``name`` (in this form)."""
        return columns[source_id][first_index[(name, source_id)]]

    def use_in(name: str, source_id: str) -> WordMention:
        """The first place ``source_id`` writes ``name`` (in any of its accent forms)."""
        return next(
            first_use(form, source_id)
            for form in forms[fold_accents(name)]
            if (form, source_id) in first_index
        )

    titles = frozenset(titles)

    @cache
    def partners(name: str) -> frozenset[str]:
        """The name words every use of ``name`` stands beside, titles and accents aside
        ("José" and "Jose" are one first name)."""
        return frozenset(
            fold_accents(partner)
            for use_source, k in uses_of(name)
            for partner in _name_partners(columns[use_source][k])
            if partner.lower() not in titles and zipf(partner.lower()) < FUNCTION_WORD_ZIPF
        )

    @cache
    def name_words_beside(name: str) -> frozenset[str]:
        """The capitalised words every use of ``name`` stands beside, titles and function
        words aside but common words kept ("Long" of "Quang Long", "Bank" of "Bank
        Al-Varib"): what tells two names apart."""
        found = set()
        for use_source, k in uses_of(name):
            word = columns[use_source][k]
            opening = word.where.sentence.lstrip()
            for partner in _name_partners(word):
                lower = partner.lower()
                if lower in titles or lower in STOP_WORDS:
                    continue
                if zipf(lower) >= FUNCTION_WORD_ZIPF and opening.startswith(partner + " "):
                    continue  # "Despite Brandoville's loss": a sentence's common first word
                found.add(fold_accents(partner))
        return frozenset(found)

    beside: dict[str, set[str]] = {}  # each name word, folded: the names written beside it

    def beside_same_name(word: WordMention) -> set[str]:
        """The story's names written by two sources or more beside one of ``word``'s own
        name words, titles and common words aside: "Arrinde" and "Orrinde" of "Marit
        Arrinde" / "Marit Orrinde" (``_surname_slip`` suggests no name one source writes,
        so the uses of those are not read)."""
        if not beside:
            for name in used_by:
                if len(users(name)) < 2:
                    continue
                for partner in partners(name):
                    beside.setdefault(partner, set()).add(name)
        found: set[str] = set()
        for partner in _name_partners(word):
            folded = fold_accents(partner)
            if partner.lower() not in titles and zipf(partner.lower()) < FUNCTION_WORD_ZIPF:
                found |= beside.get(folded, set())
        return found

    def other_people(name: str, other: str) -> bool:
        """True when ``name`` and ``other`` stand beside different name words: two people
        ("Teodor Brek", "Ilse Brak"), or a person and a place ("Le Van Quanh", "Quang Long")."""
        mine, theirs = name_words_beside(name), name_words_beside(other)
        return bool(mine and theirs and not mine & theirs)

    found: dict[str, list[Typo]] = {}
    for source_id, words in columns.items():
        reported: set[str] = set()
        # what a word's text alone decides, once per distinct name word of the article: used
        # by this source alone, long enough, not a common word
        own = {source_id}
        alone = {
            text
            for text in written[source_id].keys() & used_by.keys()
            if users(text) == own
            and len(text) >= min_length
            and zipf(text.lower()) < COMMON_WORD_NAME_ZIPF
        }
        again: dict[str, list[WordMention]] = {}  # each reported form's later places
        for k in _indices_of(words.texts, alone) if alone else ():
            text = words.texts[k]
            if text in reported:
                again[text].append(words[k])
                continue
            known = zipf(text.lower())
            word = words[k]
            best: tuple[int, str] | None = None
            internal: str | None = None
            for other, ending in near.one_letter_off(text):
                others = users(other)
                if known >= KNOWN_SURNAME_ZIPF and not partners(text) & partners(other):
                    continue  # "Hanson" and "Hansen" are two names, unless one person's
                if ending and not _same_full_name(word, use_in(other, min(others))):
                    continue  # "Kenya"/"Kenyan": a derived form, unless one person's name
                if other_people(text, other):
                    continue  # "Teodor Brek" and "Ilse Brak"
                if same_place is not None and same_place(text, other):
                    continue  # "Genève" and "Geneva": one city's two names
                if source_id not in others and romanised(text, other, romanisations):
                    continue  # "Zelenskiy" and "Zelensky": two house styles, each kept
                if is_spelling_variant(text.lower(), other.lower()):
                    continue  # "Harbourmaster" and "Harbormaster": British and American
                support = len(others)
                if source_id in others:
                    other_known = zipf(other.lower())
                    if known >= other_known + LEXICON_NAME_GAP:
                        continue  # the lexicon's form: the other one is the slip
                    if (
                        in_source[(text, source_id)] == 1
                        and (
                            in_source[(other, source_id)] >= 2
                            or _introduced_before(word, first_use(other, source_id), titles)
                        )
                        and (
                            other_known < COMMON_WORD_NAME_ZIPF
                            or _same_full_name(word, first_use(other, source_id))
                        )
                    ) or (
                        known < UNKNOWN_NAME_ZIPF
                        and KNOWN_NAME_ZIPF <= other_known < COMMON_WORD_NAME_ZIPF
                    ):
                        internal = other
                    elif support - 1 >= MIN_OTHER_OUTLETS and (
                        best is None or support - 1 > best[0]
                    ):
                        # the article writes both, every other outlet only the other
                        # ("Vestergaard" in a headline, "Vestegaard" in its body)
                        best = (support - 1, other)
                elif support > 1 and (best is None or support > best[0]):
                    best = (support, other)
                elif (
                    best is None
                    and support == 1
                    and _tie_reported_here(text, other, source_id, used_by, mentions)
                    and _same_full_name(word, use_in(other, min(others)))
                ):
                    best = (support, other)
            if best is None and internal is None:
                best = _surname_slip(text, word, source_id, beside_same_name, users, known)
                if best is not None and (
                    (same_place is not None and same_place(text, best[1]))
                    or romanised(text, best[1], romanisations)
                ):
                    best = None
            if best is None and internal is not None:
                best = (len(users(internal)), internal)
            if best:
                reported.add(text)
                again[text] = []
                support = tuple(
                    (other_id, use_in(best[1], other_id)) for other_id in sorted(users(best[1]))
                )
                detail = {"word": text, "suggestion": best[1], "majority": best[0]}
                if best[1] == internal:
                    detail["internal"] = True
                elif best[0] == 1:
                    detail["tie"] = True
                found.setdefault(source_id, []).append(Typo(word, rule, best[1], detail, support))
        if source_id in found:
            found[source_id] = [
                replace(typo, again=tuple(again.get(typo.word.where.text, ())))
                for typo in found[source_id]
            ]
    return found


SURNAME_SLIP_MAX_ZIPF = KNOWN_NAME_ZIPF
"""Two names the lexicon hardly knows ("Arrinde", "Orrinde") ..."""
SURNAME_SLIP_LONG = 8
"""... beside the same first name are one person's, written two ways, when they are one
letter apart (the first letter too) or, this long, two edits apart ("Wroblewski" /
"Wrobelski")."""


def _surname_slip(
    text: str,
    word: WordMention,
    source_id: str,
    beside_same_name: Callable[[WordMention], set[str]],
    users: Callable[[str], frozenset[str]],
    known: float,
) -> tuple[int, str] | None:
    """The form other outlets give a rare name that ``word`` (``text``, written by this
    source alone) misspells, with their count, found among the names written beside the
    same first name ("Ruth Arrinde" / "Ruth Orrinde"): a slip the one-letter search does
    not reach, a first letter or two edits apart. At least two other sources must write the
    other form; else None."""
    if known >= SURNAME_SLIP_MAX_ZIPF:
        return None
    plain = fold_accents(text).lower()
    best: tuple[int, str] | None = None
    for other in sorted(beside_same_name(word)):
        others = users(other)
        if other == text or source_id in others:
            continue
        other_plain = fold_accents(other).lower()
        if other_plain == plain or zipf(other.lower()) >= SURNAME_SLIP_MAX_ZIPF:
            continue
        distance = OSA.distance(plain, other_plain)
        if distance > 2 or (
            distance == 2 and min(len(plain), len(other_plain)) < SURNAME_SLIP_LONG
        ):
            continue
        if is_spelling_variant(text.lower(), other.lower()):
            continue
        if len(others) > 1 and (best is None or len(others) > best[0]):
            best = (len(others), other)
    return best


def _indices_of(texts: list[str], wanted: Collection[str]) -> list[int]:
    """The indices of ``texts`` whose text is in ``wanted``, picked at C speed (``compress``
    over a membership map: no Python loop over the article's every word)."""
    return list(compress(range(len(texts)), map(wanted.__contains__, texts)))


class _NearNames:
    """A story's names, each filed under the forms it takes with one letter dropped, with
    itself, with its doubled letters written once, and with its vowels blanked and listed
    in order (accents folded): two names one edit apart, apart only in which letter is
    doubled, or in two vowels swapped, share one of these forms. A name's
    neighbours are looked up, not sought among all the story's names, so a long article
    with many names costs in proportion to its names, not their square."""

    def __init__(self, names: Iterable[str]) -> None:
        self.rank: dict[str, int] = {}
        self.filed: dict[str, list[str]] = {}
        for name in names:
            self.rank[name] = len(self.rank)
            for key in self._keys(name):
                self.filed.setdefault(key, []).append(name)
        self._found: dict[str, list[tuple[str, bool]]] = {}

    @staticmethod
    def _keys(name: str) -> set[str]:
        plain = fold_accents(name).lower()  # "McKenzie" is one letter off "Mackenzie"
        keys = {plain[:k] + plain[k + 1 :] for k in range(len(plain))}
        keys.add(plain)
        keys.add("\0" + _REPEATS.sub(r"\1", plain))  # apart from the one-letter-dropped forms
        keys.add(
            "\1" + _VOWELS.sub("*", plain.lower()) + "".join(sorted(_VOWELS.findall(plain.lower())))
        )
        return keys

    def one_letter_off(self, text: str) -> list[tuple[str, bool]]:
        """``_names_one_letter_off`` over these names, in the same order: one letter shorter
        first, then as long, then one letter longer, each in the order first written."""
        if text not in self._found:
            near = {other for key in self._keys(text) for other in self.filed.get(key, ())}
            by_length: dict[tuple[int, str], list[str]] = {}
            for other in sorted(near, key=self.rank.__getitem__):
                by_length.setdefault((len(other), other[0]), []).append(other)
            self._found[text] = list(_names_one_letter_off(text, by_length))
        return self._found[text]


def romanised(a: str, b: str, groups: Sequence[Sequence[str]]) -> bool:
    """True when two names differ by one alternation of ``groups`` (accents and case
    aside): one spelling of a group for another of it ("iy$" for "yy$": a "$" ties it to
    the end of the name), as "Zelenskiy" and "Zelenskyy", "Mohammed" and "Mohammad"."""
    x, y = fold_accents(a).lower(), fold_accents(b).lower()
    for group in groups:
        spellings = [(str(s).lower().rstrip("$"), str(s).endswith("$")) for s in group]
        for old, old_at_end in spellings:
            if not old:
                continue
            if old_at_end:
                starts = [len(x) - len(old)] if x.endswith(old) else []
            else:
                starts = [i for i in range(len(x)) if x.startswith(old, i)]
            for new, new_at_end in spellings:
                if new == old:
                    continue
                for i in starts:
                    if (old_at_end or new_at_end) and i + len(old) != len(x):
                        continue
                    if x[:i] + new + x[i + len(old) :] == y:
                        return True
    return False


def _names_one_letter_off(
    text: str, by_length: dict[tuple[int, str], list[str]]
) -> Iterator[tuple[str, bool]]:
    """The names of ``by_length`` (names by length and first letter, each list in the order
    met) one letter from ``text`` (accents aside), with another
    letter doubled, or with two vowels swapped ("Haldorsen"/"Halderson"), with the same
    first letter; each with True when the two differ by an
    ending ("Kenya"/"Kenyan", "Americas"/"American") rather than inside the word. Never a plural
    or a last s for another letter ("Petes"/"Peter"), though a doubled last letter
    ("Pritchet"/"Pritchett") or an s for a z ("Ruiz"/"Ruis") is a slip; not another case or
    accents ("Lionsgate"/"LionsGate", "Fernandez"/"Fernández"); not a British/American pair."""
    # compared in lower case: "McKenzie" is one letter off "Mackenzie", and "MacBooks" is
    # the plural of "Macbook"
    plain = fold_accents(text).lower()
    for length in (len(text) - 1, len(text), len(text) + 1):
        for other in by_length.get((length, text[0]), []):
            if other == text or other[0] != text[0]:
                continue
            other_plain = fold_accents(other).lower()
            if plain == other_plain:
                continue
            longer, shorter = (
                (other_plain, plain) if len(other_plain) > len(plain) else (plain, other_plain)
            )
            doubled = longer == shorter + shorter[-1]  # "Pritchet"/"Pritchett": a slip, no ending
            ending = longer.startswith(shorter) and not doubled
            last_letters = {plain[-1], other_plain[-1]}
            if (
                ending
                and longer[-1] == "s"
                or other_plain[:-1] == plain[:-1]
                and len(other) == len(text)
                and "s" in last_letters
                and not last_letters & set("zcx")
            ):
                continue
            near = (
                OSA.distance(plain, other_plain) == 1
                or _moved_double(plain, other_plain)
                or _swapped_vowels(plain, other_plain)
            )
            if near and not is_spelling_variant(text.lower(), other.lower()):
                yield other, ending


_REPEATS = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")


def _swapped_vowels(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in two vowels written in each other's place
    ("Haldorsen" / "Halderson"): a slip two letters apart, as common in names as one."""
    if len(a) != len(b):
        return False
    apart = [(x, y) for x, y in zip(a.lower(), b.lower(), strict=True) if x != y]
    return (
        len(apart) == 2
        and apart[0] == apart[1][::-1]
        and all(_VOWELS.fullmatch(x) for x, _ in apart)
    )


def _moved_double(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in which letter is doubled ("Marrcelo" /
    "Marcello"): two edits apart, but one slip."""
    return a != b and len(a) == len(b) and _REPEATS.sub(r"\1", a) == _REPEATS.sub(r"\1", b)


def _tie_reported_here(
    text: str, other: str, source_id: str, used_by: dict[str, set[str]], mentions: Counter[str]
) -> bool:
    """Of two forms one source each, the one to report: written fewer times; else the one
    the lexicon knows ``TIE_LEXICON_GAP`` less well as a word or name ("Ashwerth" against
    "Ashworth"); else the shorter (a dropped letter is the commonest slip: "Szymanka");
    else the one in the later source."""
    (other_source,) = used_by[other]
    known, other_known = zipf(text.lower()), zipf(other.lower())
    if abs(known - other_known) >= TIE_LEXICON_GAP:
        return known < other_known
    if mentions[text] != mentions[other]:
        return mentions[text] < mentions[other]
    if len(text) != len(other):
        return len(text) < len(other)
    return other_source < source_id


TIE_LEXICON_GAP = 0.5
"""Of two spellings of a name one source each, one the lexicon knows this much better is
taken as the right one."""


_PARTICLES = "|".join(sorted(NAME_PARTICLES))
_NAME_BEFORE = re.compile(rf"(?:^|\s)([A-Z][\w'’-]*)(?:\s+(?:(?:{_PARTICLES})\s+)*)?$")
_NAME_AFTER = re.compile(
    rf"^\s*(?:(?:{_PARTICLES})\s+)*([A-Z][\w'’-]*)(?:[,;:.)\"”]|’s\b|'s\b|\s|$)"
)


NAME_BEFORE_TAIL = 16
"""Characters at the end of the text before a word that ``_name_before`` searches first."""
_PARTICLE_WORDS = frozenset(w for particle in NAME_PARTICLES for w in particle.split())
_TAIL_FIRST = not any(w[:1] in string.ascii_uppercase for w in _PARTICLE_WORDS)
"""A name particle opening with a capital could start a match inside a longer one."""


def _name_before(text: str) -> re.Match[str] | None:
    """``_NAME_BEFORE.search(text)``, the last ``NAME_BEFORE_TAIL`` characters searched
    first: a match reaches the end of the text, and a long sentence's words before those
    are tried in vain at each space and capital letter. A match found there is the
    search's own (an earlier one would hold it, and then a particle with a capital); none
    found is final unless the words after the tail's first are all particles' (a match
    could then run from before it): then the whole text is searched."""
    start = len(text) - NAME_BEFORE_TAIL
    if start <= 0 or not _TAIL_FIRST:
        return _NAME_BEFORE.search(text)
    found = _NAME_BEFORE.search(text, start)  # "^" matches at no start but the text's own
    if found is not None or not _PARTICLE_WORDS.issuperset(text[start:].split()[1:]):
        return found
    return _NAME_BEFORE.search(text)


def _name_partners(word: WordMention) -> set[str]:
    """The capitalised words right before and after ``word`` in its sentence, in the same
    stretch of text: "Anna" and "Kowalczyk" in "chair Anna Kowalczyk said" and in "the
    chair, Anna Kowalczyk, said" alike (a comma after the name ends no name), and over
    name particles ("Pieter van der Hoeven"), but not across a comma or bracket that stands
    between them."""
    sentence, offset = word.where.sentence, word.where.sentence_offset
    before = _name_before(sentence[:offset])
    after = _NAME_AFTER.match(sentence[offset + len(word.where.text) :])
    return {m.group(1) for m in (before, after) if m}


def _introduced_before(word: WordMention, other: WordMention, titles: Collection[str]) -> bool:
    """True when ``other`` introduces a person by a full name earlier in the article ("Tom
    Harlow, 58, said") and ``word`` is written later alone, a title at most beside it
    ("Harlaw said", "Mr Harlaw"): the same person, one letter off."""
    if other.where.start >= word.where.start:
        return False
    own = {p for p in _name_partners(word) if p.lower().rstrip(".") not in titles}
    first = {p for p in _name_partners(other) if p.lower().rstrip(".") not in titles}
    return bool(first) and not own


def _same_full_name(word: WordMention, other: WordMention) -> bool:
    """True when both words stand beside the same other name word ("Anna" in "Anna
    Kowalczyk" and "Anna Kowalczik"): one person's name, written two ways."""
    return bool(_name_partners(word) & _name_partners(other))


def vocabulary_of(words: Sequence[WordMention]) -> Counter[str]:
    """Lower-cased words of a source, counted."""
    return Counter(map(str.lower, as_words(words).texts))
