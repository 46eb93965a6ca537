"""Group the mentions of one person across a story's sources.

"Park Ji-hoon", "Park Ji Hoon", "Mr Park" and "Park" are one person; so are "Dr. Leila
Haddad" and "Dr Leila Hadad" (one letter apart). A run of capitalised words is taken
for a person when some mention of it stands after an honorific or title ("Ms Osei",
"Governor Amara Osei") or next to a reporting verb ("Lindqvist said"), and none of its
words names an organisation ("Nordic Maritime Organization said" is not a person).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS

from checker.extract import NameMention
from checker.folding import fold_accents
from checker.normalize import NormalizedSource
from checker.rules import RuleSet


@dataclass(frozen=True)
class Person:
    """One person as the story's sources name them."""

    name: str
    """The full name most sources use ("Park Ji Hoon")."""
    forms: tuple[tuple[str, tuple[str, ...]], ...]
    """Each way the name is written (honorifics left out) and the sources that write it."""
    mentions: int
    """How many times the sources mention the person."""


def _key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The name's words, lower case and without accents: "José Fernández" and "Jose
    Fernandez" are one person."""
    return tuple(fold_accents(t).lower() for t in tokens)


def _near(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same words, one of them one edit off ("Haddad"/"Hadad")."""
    if len(a) != len(b):
        return False
    edits = sum(OSA.distance(x, y) for x, y in zip(a, b, strict=True))
    return edits <= 1 and all(x[0] == y[0] for x, y in zip(a, b, strict=True))


def group_people(sources: list[NormalizedSource], ruleset: RuleSet) -> list[Person]:
    """The people of a story, each with the forms its sources use (see the module docstring)."""
    org_words = {w.lower() for w in ruleset.lexicons.get("organisation_words", [])}
    mentions: list[tuple[str, NameMention]] = [
        (n.source.id, m)
        for n in sources
        for m in n.names
        if not any(t.lower() in org_words for t in m.tokens)
    ]
    keyed = [(source_id, m, _key(m.tokens)) for source_id, m in mentions]  # each key made once
    personal_words = {
        word for _source, m, key in keyed if m.honorific or m.speaker for word in (key[0], key[-1])
    }
    # Full names (two words or more) of people start the groups.
    groups: dict[tuple[str, ...], list[tuple[str, NameMention]]] = defaultdict(list)
    for source_id, m, key in keyed:
        if len(key) >= 2 and (key[0] in personal_words or key[-1] in personal_words):
            groups[key].append((source_id, m))
    # One person written two ways: merge the rarer key into the commoner one.
    keys = sorted(groups, key=lambda k: (-len({s for s, _ in groups[k]}), -len(groups[k]), k))
    canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in keys:
        target = next(
            (c for c in canonical.values() if c != key and (_near(key, c) or _contains(c, key))),
            None,
        )
        canonical[key] = target or key
    merged: dict[tuple[str, ...], list[tuple[str, NameMention]]] = defaultdict(list)
    for key, members in groups.items():
        merged[canonical[key]].extend(members)
    # Short mentions ("Mr Park", "Haddad said") join the person whose first or last word they are.
    by_end_word: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for key in merged:
        by_end_word[key[0]].add(key)
        by_end_word[key[-1]].add(key)
    for source_id, m, key in keyed:
        if len(key) != 1 or key[0] in STOP_WORDS:
            continue
        owners = by_end_word.get(key[0])
        if owners:
            best = max(owners, key=lambda c: (len(merged[c]), c))
            merged[best].append((source_id, m))
        elif m.honorific:
            merged[key].append((source_id, m))  # "Mr Smith", never named in full
            by_end_word[key[0]].add(key)
    people = []
    for key, members in merged.items():
        forms: dict[str, set[str]] = defaultdict(set)
        for source_id, m in members:
            forms[m.where.text].add(source_id)
        full = [f for f in forms if len(f.split()) >= len(key) or _key(tuple(f.split())) == key]
        name = max(full or list(forms), key=lambda f: (len(forms[f]), len(f), f))
        people.append(
            Person(
                name=name,
                forms=tuple(sorted((f, tuple(sorted(s))) for f, s in forms.items())),
                mentions=len(members),
            )
        )
    return sorted(people, key=lambda p: (-p.mentions, p.name))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """ "Ana Lindqvist" within "Ana Lindqvist Moreno"."""
    if len(shorter) >= len(longer):
        return False
    return all(word in longer for word in shorter) and shorter[0] == longer[0]
