"""A word-bigram language model for ranking typo suggestions by their neighbours.

"he widd killed" is far from "was" in letters, but "he was" and "was killed" are among the
commonest pairs of English: the neighbours pick the word the writer meant where spelling
alone cannot. The counts are the English unigram and bigram frequency lists that ship with
``symspellpy`` (derived from Google Books n-grams), read once per process, offline.

The model is stupid-backoff (Brants et al. 2007): an unseen pair falls back to the word's
own frequency, discounted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

UNIGRAM_FILE = "frequency_dictionary_en_82_765.txt"
BIGRAM_FILE = "frequency_bigramdictionary_en_243_342.txt"
BACKOFF = 0.4
"""Discount of a word's own frequency when the pair was never seen (stupid backoff)."""


@dataclass(frozen=True)
class BigramModel:
    """Counts of English words and word pairs (lower case)."""

    unigrams: dict[str, int]
    bigrams: dict[str, int]
    """Keyed ``"first second"``."""
    total: int
    scale: float
    """How many times larger the pair counts run than the word counts: the two lists come
    from corpora of different sizes, so a pair's count is divided by its first word's count
    times this."""

    def unigram(self, word: str) -> float:
        """log10 P(word); an unknown word counts once."""
        return math.log10(self.unigrams.get(word, 1) / self.total)

    def conditional(self, previous: str | None, word: str) -> float:
        """log10 P(word | previous), backing off to the word's own frequency when ``previous``
        is no word (sentence start, punctuation) or the pair is unseen."""
        if previous is None or not previous.isalpha():
            return self.unigram(word)
        pair = self.bigrams.get(f"{previous} {word}")
        if pair and previous in self.unigrams:
            return min(0.0, math.log10(pair / (self.scale * self.unigrams[previous])))
        return math.log10(BACKOFF) + self.unigram(word)

    def fit(self, previous: str | None, word: str, following: str | None) -> float:
        """How well ``word`` fits between its neighbours: log10 P(word | previous) plus how
        much more likely ``following`` becomes after ``word`` than on its own."""
        score = self.conditional(previous, word)
        if following is not None and following.isalpha():
            score += self.conditional(word, following) - self.unigram(following)
        return score


def _read_counts(name: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    text = files("symspellpy").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, count = line.rpartition(" ")
        if key and count.isdigit():
            counts[key] = int(count)
    return counts


SCALE_WORDS = 100
"""The commonest words, whose pairs the bigram list keeps nearly all of, measure the scale."""


def _scale(unigrams: dict[str, int], bigrams: dict[str, int]) -> float:
    """Pair counts per word count, over the commonest words (rarer words lose most of their
    pairs to the list's cut-off)."""
    common = set(sorted(unigrams, key=unigrams.__getitem__, reverse=True)[:SCALE_WORDS])
    pairs = sum(count for key, count in bigrams.items() if key.partition(" ")[0] in common)
    return pairs / sum(unigrams[word] for word in common)


@lru_cache(maxsize=1)
def bigram_model() -> BigramModel:
    """The English model, loaded on first use (about 0.5 s, 40 MB)."""
    unigrams = _read_counts(UNIGRAM_FILE)
    bigrams = _read_counts(BIGRAM_FILE)
    return BigramModel(unigrams, bigrams, sum(unigrams.values()), _scale(unigrams, bigrams))
