"""Words to spell-check, and runs of capitalised words that may name people."""

from __future__ import annotations

import operator
import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from checker.extract.context import _Context, _mention_at, _Tokens, _where
from checker.extract.mentions import NameMention, Words
from checker.model import Source

_JOINERS = {"-", "'", "\u2019", "_", "/", "@", ".", "#"}
_OPENERS = frozenset(
    {'"', "'", "\u201c", "\u2018", "(", "[", "-", "--", "\u2013", "\u2014", "\u2026"}
)
"""Marks that may stand before a sentence's first word ('"Parliment has ...')."""


NAME_PARTICLES = frozenset(
    {"de", "da", "del", "van", "von", "der", "bin", "ibn", "al", "le", "la", "di"}
)
"""Lower-case words inside a person's name ("Pieter van der Hoeven")."""

_ELIDED_NAME = re.compile(r"[A-Z]['\u2019][A-Z][a-z]{2,}")
"""A name with an elided prefix, one token ("O'Driscoll", "D'Souza", "N'Diaye")."""


def _words(doc: Doc, source: Source, table: _Tokens) -> Words:
    """Every alphabetic word of three letters or more, and every name with an elided prefix
    ("O'Driscoll"), read column-wise from the token table (``Words``: no Mention is made
    here)."""
    texts, alpha, title, spaced = table.text, table.alpha, table.title, table.spaced
    wordlike, sent_start, sent_end = table.wordlike, table.sent_start, table.sent_end
    size = len(texts)

    def joined(i: int) -> bool:
        """A hyphen, slash, dot or apostrophe glues word ``i`` to its neighbour."""
        if i + 1 < size:
            if texts[i + 1] in ("'", "\u2019"):
                return True  # "couldn ’ t", even with the stray spaces of crawled text
            if (
                texts[i + 1] in _JOINERS
                and not spaced[i]
                and not spaced[i + 1]
                and i + 2 < size
                and wordlike[i + 2]
            ):
                return True
        return (
            i >= 2
            and texts[i - 1] in _JOINERS
            and not spaced[i - 1]
            and not spaced[i - 2]
            and wordlike[i - 2]
        )

    def in_name(i: int) -> bool:
        """A capitalised word next to another in its sentence."""
        return (i > sent_start[i] and title[i - 1] and alpha[i - 1]) or (
            i + 1 < sent_end[i] and title[i + 1] and alpha[i + 1]
        )

    index = _word_tokens(texts, alpha, title)
    firsts = list(map(sent_start.__getitem__, index))

    def lead(first: int) -> int:
        """A sentence's first word: past its opening quotes, brackets and dashes."""
        i, end = first, sent_end[first] - 1
        while i < end and (texts[i] in _OPENERS or texts[i].isspace()):
            i += 1
        return i

    leads = {first: lead(first) for first in dict.fromkeys(firsts)}
    bounds = {
        first: (table.idx[first], table.idx[sent_end[first] - 1] + len(texts[sent_end[first] - 1]))
        for first in dict.fromkeys(firsts)
    }
    # a joiner next to the word: a quick test before ``joined``, the joiners found at C speed
    joiners = _where(map(_JOINERS.__contains__, texts))
    in_compound = [False] * len(index)
    if joiners:
        near = {j - 1 for j in joiners}.union(j + 1 for j in joiners)
        for k in _where(map(near.__contains__, index)):
            in_compound[k] = joined(index[k])
    return Words(
        texts=list(map(texts.__getitem__, index)),
        starts=list(map(table.idx.__getitem__, index)),
        sentence_initial=list(map(operator.eq, index, map(leads.__getitem__, firsts))),
        in_name=[title[i] and in_name(i) for i in index],
        in_compound=in_compound,
        sentences=firsts,
        bounds=bounds,
        source=source,
    )


def _word_tokens(texts: list[str], alpha: list[bool], title: list[bool]) -> list[int]:
    """The tokens ``_words`` keeps, ascending: alphabetic ones of three letters or more
    (found at C speed, no Python step per token) and capitalised names with an elided
    prefix ("O'Driscoll": never alphabetic, so the two never overlap), the pattern tried
    once per distinct word."""
    long_words = _where(map(operator.and_, alpha, map((2).__lt__, map(len, texts))))
    elided = {
        text
        for text in set(texts)
        if ("'" in text or "\u2019" in text) and _ELIDED_NAME.fullmatch(text)
    }
    if not elided:
        return long_words
    names = [i for i in _where(map(elided.__contains__, texts)) if title[i]]
    return sorted(long_words + names)


_MAX_NAME = 4
"""Most words in a person's name."""


def _names(ctx: _Context, source: Source) -> list[NameMention]:
    """Runs of one to four capitalised words, with the honorific before them and whether a
    reporting verb stands next to them. Which runs are people is decided across the story
    (``people.group_people``)."""
    reporting = {
        i for cue in ctx.cue_spans if cue.label_ == "reporting" for i in range(cue.start, cue.end)
    }
    names = []
    t = ctx.tokens
    honorifics = ctx.honorific_stems
    size = len(t.text)
    position = 0  # where the next name may start: after the last run read
    capitalised = _where(map(operator.and_, t.title, t.alpha))
    for i in capitalised:
        if (
            i < position
            or t.lower[i] in ctx.calendar_words
            or (i == t.sent_start[i] and t.lower[i] in STOP_WORDS)  # "But Mr Osei"
        ):
            continue
        sent_start, sent_end = t.sent_start[i], t.sent_end[i]
        start = i
        honorific = None
        while start < size and t.lower[start].rstrip(".") in honorifics:
            honorific = t.lower[start].rstrip(".")
            start += 1
            if start < size and t.text[start] == ".":
                start += 1
        if honorific is None and i > 0 and t.lower[i - 1].rstrip(".") in honorifics:
            honorific = t.lower[i - 1].rstrip(".")
        end = start
        parts: list[str] = []
        while end < sent_end and len(parts) < _MAX_NAME + 2:
            if t.lower[end].rstrip(".") in honorifics and end > start:
                break  # "Mr Osei and Mr Park": two names
            if t.title[end] and t.alpha[end] and t.lower[end] not in ctx.calendar_words:
                parts.append(t.text[end])
                end += 1
            elif (
                t.text[end] == "-"
                and not t.spaced[end - 1]
                and not t.spaced[end]
                and end > start
                and end + 1 < size
                and t.alpha[end + 1]
                and (t.lowercase[end + 1] or len(parts) >= 2)  # "Ji-hoon", not "Osei-Park"
            ):
                parts.append(t.text[end + 1])  # "Ji-hoon"
                end += 2
            elif (
                t.lower[end] in NAME_PARTICLES
                and end > start
                and end + 1 < size
                and t.title[end + 1]
            ):
                parts.append(t.text[end])
                end += 1
            else:
                break
        if not parts or len(parts) > _MAX_NAME or end == start:
            position = max(end, i + 1)
            continue
        speaker = (
            (end < size and end in reporting)
            or (start > 0 and start - 1 in reporting)
            or (end + 1 < size and t.text[end] == "," and end + 1 in reporting)
        )
        if len(parts) == 1 and start == sent_start and honorific is None and not speaker:
            position = end
            continue  # a lone capitalised word opening a sentence
        names.append(
            NameMention(
                _mention_at(source, ctx.tokens, start, end), tuple(parts), honorific, speaker
            )
        )
        position = end
    return names
