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
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np

UNIGRAM_FILE = "frequency_dictionary_en_82_765.txt"
BIGRAM_FILE = "frequency_bigramdictionary_en_243_342.txt"
BACKOFF = 0.4
"""Discount of a word's own frequency when the pair was never seen (stupid backoff)."""


ID_BITS = 20
"""Bits of a word id in a pair key (``first << ID_BITS | second``): room for a million words."""


@dataclass(frozen=True)
class BigramModel:
    """Counts of English words and word pairs (lower case). Pairs are kept as two sorted
    numpy arrays (key, count), a few MB where a dict of strings would take some 70 MB."""

    unigrams: dict[str, int]
    ids: dict[str, int]
    """A number for every word of either list."""
    pair_keys: np.ndarray
    """Sorted ``first id << ID_BITS | second id``."""
    pair_counts: np.ndarray
    total: int
    scale: float
    """How many times larger the pair counts run than the word counts: the two lists come
    from corpora of different sizes, so a pair's count is divided by its first word's count
    times this."""

    def pair(self, first: str, second: str) -> int:
        """How often ``first second`` occurs; 0 when the list does not have it."""
        a, b = self.ids.get(first), self.ids.get(second)
        if a is None or b is None:
            return 0
        key = a << ID_BITS | b
        index = int(self.pair_keys.searchsorted(key))
        if index < len(self.pair_keys) and self.pair_keys[index] == key:
            return int(self.pair_counts[index])
        return 0

    def pairs(self, pairs: list[tuple[str, str]]) -> list[int]:
        """``pair`` of each ``(first, second)``, looked up in the sorted keys together (one
        numpy call, not one per pair)."""
        counts = [0] * len(pairs)
        keys, where = [], []
        for n, (first, second) in enumerate(pairs):
            a, b = self.ids.get(first), self.ids.get(second)
            if a is not None and b is not None:
                keys.append(a << ID_BITS | b)
                where.append(n)
        if not keys or not len(self.pair_keys):
            return counts
        wanted = np.array(keys, dtype=np.int64)
        index = np.minimum(self.pair_keys.searchsorted(wanted), len(self.pair_keys) - 1)
        found = np.where(self.pair_keys[index] == wanted, self.pair_counts[index], 0)
        for n, count in zip(where, found.tolist(), strict=True):
            counts[n] = count
        return counts

    def unigram(self, word: str) -> float:
        """log10 P(word); an unknown word counts once."""
        return math.log10(self.unigrams.get(word, 1) / self.total)

    def conditional(self, previous: str | None, word: str) -> float:
        """log10 P(word | previous), backing off to the word's own frequency when ``previous``
        is no word (sentence start, punctuation) or the pair is unseen."""
        if previous is None or not previous.isalpha():
            return self.unigram(word)
        return self._conditional(previous, word, self.pair(previous, word))

    def _conditional(self, previous: str, word: str, pair: int) -> float:
        """``conditional`` of a word after a word ``previous``, the pair seen ``pair`` times."""
        if pair and previous in self.unigrams:
            return min(0.0, math.log10(pair / (self.scale * self.unigrams[previous])))
        return math.log10(BACKOFF) + self.unigram(word)

    def fit(self, previous: str | None, word: str, following: str | None) -> float:
        """How well ``word`` fits between its neighbours: log10 P(word | previous) plus how
        much more likely ``following`` becomes after ``word`` than on its own."""
        return self.fits(previous, [word], following)[0]

    def fits(self, previous: str | None, words: list[str], following: str | None) -> list[float]:
        """``fit`` of each of ``words`` between the same neighbours (the pairs looked up
        together)."""
        if previous is None or not previous.isalpha():
            scores = [self.unigram(word) for word in words]
        else:
            counts = self.pairs([(previous, word) for word in words])
            scores = [
                self._conditional(previous, word, count)
                for word, count in zip(words, counts, strict=True)
            ]
        if following is not None and following.isalpha():
            counts = self.pairs([(word, following) for word in words])
            scores = [
                score + (self._conditional(word, following, count) - self.unigram(following))
                for score, word, count in zip(scores, words, counts, strict=True)
            ]
        return scores


def _read_counts(name: str) -> Iterator[tuple[str, int]]:
    with files("symspellpy").joinpath(name).open(encoding="utf-8") as lines:
        for line in lines:
            key, _, count = line.rstrip("\n").rpartition(" ")
            if key and count.isdigit():
                yield key, int(count)


SCALE_WORDS = 100
"""The commonest words, whose pairs the bigram list keeps nearly all of, measure the scale."""


@lru_cache(maxsize=1)
def bigram_model() -> BigramModel:
    """The English model, loaded on first use (about 20 MB resident): read back from the
    tables folder, or built from the lists (under a second) and stored there."""
    from checker.tables import stored

    lists = [Path(str(files("symspellpy").joinpath(name))) for name in (UNIGRAM_FILE, BIGRAM_FILE)]
    return stored("bigram-model", lists, _build_bigram_model)


def _build_bigram_model() -> BigramModel:
    """The model, counted from symspellpy's lists."""
    unigrams = dict(_read_counts(UNIGRAM_FILE))
    ids = {word: n for n, word in enumerate(unigrams)}
    common = set(sorted(unigrams, key=unigrams.__getitem__, reverse=True)[:SCALE_WORDS])
    keys, counts, common_pairs = array("q"), array("q"), 0
    for key, count in _read_counts(BIGRAM_FILE):
        first, _, second = key.partition(" ")
        a = ids.setdefault(first, len(ids))
        b = ids.setdefault(second, len(ids))
        keys.append(a << ID_BITS | b)
        counts.append(count)
        if first in common:
            common_pairs += count
    key_array = np.frombuffer(keys, dtype=np.int64)
    order = np.argsort(key_array, kind="stable")
    return BigramModel(
        unigrams,
        ids,
        key_array[order],
        np.frombuffer(counts, dtype=np.int64)[order],
        sum(unigrams.values()),
        common_pairs / sum(unigrams[word] for word in common),
    )
