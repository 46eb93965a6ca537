"""Every currency in use, from the Unicode CLDR data that Babel ships.

A rule pack names the currencies it knows by hand: the words written after a figure
("50 million lei"), the signs written before it ("HK$", "KSh") and one pint definition
each. A story in a currency no pack lists ("102 million tala", "JOD 4 million") then
loses its figures. When a lexicon asks for it (``currency_catalogues: [cldr]``), this
module adds, under what the packs say, each currency still legal tender somewhere:

- its ISO 4217 code, after or before a figure ("2 billion WST", "JOD 4 million");
- its English names, singular and plural ("Samoan tala", "Jordanian dinars");
- the last word of those names alone ("tala"): one currency's when only one currency
  ends in it, else a currency of its own that the packs' ``shared_currency_names``
  resolution may settle by the story's other figures ("dinars" beside "JOD 2 million");
- its English symbol when that is not the code ("CA$", "MX$", "NT$").

A code or a bare name that is also a common English word ("ALL", "TOP", "CUP", "gold",
"real", "won") is left out: "5 gold medals" is no amount of money.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CATALOGUES = ("cldr",)
"""The catalogues a ``currency_catalogues`` lexicon may name."""
COMMON_WORD_ZIPF = 3.0
"""A code or bare currency name this frequent as an English word is left out."""
_RULE_CURRENCY = re.compile(r"^\s*([\w ]+?)\s*=\s*\[currency_(\w+)\]\s*$")


@dataclass(frozen=True)
class CurrencyWords:
    """Currency words and signs of a catalogue, as the quantity lexicons hold them."""

    units: dict[str, str]
    """Word or words after a figure -> unit id ("tala" -> "wst_currency")."""
    signs: dict[str, str]
    """Sign or code before a figure, lower case -> unit id."""
    definitions: tuple[str, ...]
    """pint definitions of the unit ids the packs do not define."""
    shared: dict[str, list[str]]
    """A bare name several currencies end in -> their codes (``shared_currency_names``)."""


def extend_lexicons(lexicons: dict[str, Any]) -> None:
    """Add the catalogue's currencies to ``lexicons`` in place, under the packs' own
    ``measure_units``, ``currency_signs``, ``unit_definitions`` and
    ``shared_currency_names``, and its names of several words as ``currency_names``, when
    a lexicon ``currency_catalogues`` lists ``cldr``."""
    if "cldr" not in (lexicons.get("currency_catalogues") or ()):
        return
    definitions = [str(d) for d in lexicons.get("unit_definitions") or ()]
    # the currencies the packs define, their own lexicons ("unit_definitions_sport") too
    defined = {}
    every = [d for k in sorted(lexicons) if k.startswith("unit_definitions") for d in lexicons[k]]
    for definition in map(str, every):
        if match := _RULE_CURRENCY.match(definition):
            defined[match[2].lower()] = match[1].strip()
    found = cldr_currency_words(tuple(sorted(defined.items())))
    words = {k: v for k, v in found.units.items() if " " not in k}
    lexicons["measure_units"] = {**words, **(lexicons.get("measure_units") or {})}
    # a full name ("Jordanian dinars") is read as a unit too, but its first words are
    # names that tell figures apart ("an Indian firm's 2 million rupees"), not unit words
    lexicons["currency_names"] = {
        **{k: v for k, v in found.units.items() if " " in k},
        **(lexicons.get("currency_names") or {}),
    }
    lexicons["currency_signs"] = {**found.signs, **(lexicons.get("currency_signs") or {})}
    lexicons["unit_definitions"] = [*definitions, *found.definitions]
    lexicons["shared_currency_names"] = {
        **found.shared,
        **(lexicons.get("shared_currency_names") or {}),
    }


def cldr_currency_words(defined: tuple[tuple[str, str], ...]) -> CurrencyWords:
    """The catalogue's currency words, ``defined`` giving the unit id a pack already
    defines for a currency (code -> id); kept in the tables folder per Babel version."""
    from importlib.metadata import version

    from checker.tables import stored

    def build() -> CurrencyWords:
        from checker.spelling import zipf

        return _build(dict(defined), zipf)

    inputs = [f"babel {version('babel')}", *(f"{code}={unit}" for code, unit in defined)]
    return stored("currencies", inputs, build)


def current_currencies() -> list[str]:
    """ISO codes of the currencies legal tender in some territory, with no end date in
    CLDR's record of that territory's currencies."""
    from babel.core import get_global

    codes = set()
    for spans in get_global("territory_currencies").values():
        codes.update(code for code, _start, end, tender in spans if end is None and tender)
    return sorted(codes)


def _build(defined: dict[str, str], zipf: Callable[[str], float]) -> CurrencyWords:
    """``CurrencyWords`` of the current currencies; ``zipf`` tells common English words."""
    from babel.numbers import get_currency_name, get_currency_symbol

    def common(word: str) -> bool:
        return zipf(word) >= COMMON_WORD_ZIPF

    units: dict[str, str] = {}
    signs: dict[str, str] = {}
    new: dict[str, str] = {}  # unit id -> dimension, for the currencies no pack defines

    def unit_of(dimension: str) -> str:
        if dimension in defined:
            return defined[dimension]
        new[f"{dimension}_currency"] = dimension
        return f"{dimension}_currency"

    enders: dict[str, set[str]] = defaultdict(set)
    singular_of: dict[str, str] = {}
    for code in (c.lower() for c in current_currencies()):
        unit = unit_of(code)
        singular = get_currency_name(code.upper(), count=1, locale="en").lower()
        for name in {singular, get_currency_name(code.upper(), count=2, locale="en").lower()}:
            for written in _forms(name):
                units.setdefault(written, unit)
                last = written.split()[-1]
                enders[last].add(code)
                singular_of[last] = _forms(singular.split()[-1])[-1]
        if not common(code):
            units.setdefault(code, unit)
            signs.setdefault(code, unit)
        symbol = get_currency_symbol(code.upper(), locale="en").lower()
        if symbol != code and " " not in symbol:
            signs.setdefault(symbol, unit)
    shared: dict[str, list[str]] = {}
    for word, codes in sorted(enders.items()):
        if common(word):
            continue
        if len(codes) == 1:
            units.setdefault(word, unit_of(next(iter(codes))))
        else:
            units.setdefault(word, unit_of(singular_of[word]))
            shared.setdefault(singular_of[word], sorted(codes))
    definitions = tuple(f"{unit} = [currency_{dim}]" for unit, dim in sorted(new.items()))
    return CurrencyWords(units=units, signs=signs, definitions=definitions, shared=shared)


def _forms(name: str) -> list[str]:
    """``name`` as written and without its accents ("bolívares", "bolivares"), and with a
    plain apostrophe for the ʻokina ("paʻanga", "pa'anga")."""
    plain = name.replace("\u02bb", "'").replace("\u2019", "'")
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c)
    )
    return list(dict.fromkeys([name, plain, folded]))
