"""Numbers with their units, read from words and turned into ranges in base units.

Finding: ``find_numbers`` walks a sentence's words and returns every number phrase
("more than 12,000", "$2.5bn", "US $ 160 million", "a quarter of a percentage point",
"dozens", "about 24,700 acres") with its hedge, scale, currency and unit. The word
lists come from the rules' lexicons (``QuantityLexicon``), never from this module.

Normalizing: ``to_amount`` turns a phrase into an ``Amount``, a range in the base
unit of its dimension. Hedges and rounding widen the range ("about 120" is 108-132,
"12,000" is 11,500-12,500); pint converts units ("10,000 hectares" and "24,700 acres").
"""

from __future__ import annotations

import math
import re
import shutil
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from checker.model import Amount

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_SCALED = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")
_GLUED_SIGN = re.compile(r"^([a-z]{0,3}[^\w\s])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]*)$")
"""A currency sign glued to its figure in one token ("\u20a6400", "r$40", "\u20b512.5m")."""
_GLUED_LETTERS = re.compile(r"^([a-z]{1,3})(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]*)$")
"""A currency sign of one to three letters glued to its figure ("jd1.2", "usd40m",
"r63.4"): read only when the lexicon lists the letters as a sign and the figure has
decimals, thousands or a scale ("RON95" is a petrol grade, "R5" a road)."""
_SIGN_UNIT = "sign:"
"""Prefix of the unit of a currency no table names, read from its sign ("sign:\u20a3"):
any sign of Unicode's currency symbols, with up to three letters before it."""
_DURATION = re.compile(r"^(\d{1,2}):([0-5]\d):([0-5]\d)$")
"""A time taken, hours:minutes:seconds ("2:07:15"); a clock time ("10:30") has no seconds."""
_HEDGE_LABELS = {
    "gt": "more than",
    "ge": "at least",
    "lt": "less than",
    "le": "up to",
    "approx": "about",
    "near": "nearly",
    "over": "just over",
}
_APPROX = 0.1
"""How far an estimate ("about", "nearly") may be from the true value, as a share."""
_ROUNDED = 0.05
"""How far a round number ("12,000", "70 million") may be from the true value, as a share."""
_SCALE_NAMES = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
_DISPLAY_UNITS = {
    "area": "km ** 2",
    "length": "km",
    "mass": "kilogram",
    "rate_change": "percentage_point",
    "speed": "km / hour",
    "power": "megawatt",
    "flow": "m ** 3 / second",
}
_SCALE_SIGNS = {"celsius_scale": "\u00b0C", "fahrenheit_scale": "\u00b0F"}
"""How a temperature's unit is shown ("44\u00b0C")."""
_UNIT_SYMBOLS = {
    "metric_ton": "tonne",
    "kilogram": "kg",
    "gram": "g",
    "milligram": "mg",
    "microgram": "\u00b5g",
    "nanogram": "ng",
    "pound": "lb",
    "ounce": "oz",
}
"""How a unit of mass is shown ("145 kg", "50 mg")."""
_METRIC_MASSES = frozenset({"metric_ton", "kilogram", "gram", "milligram", "microgram", "nanogram"})
"""Masses shown as written, never converted: a reader sees "50 mg" against "0.05 g"."""
_MAX_PHRASE = 4
"""Longest hedge, unit or number-word phrase, in words."""


@dataclass(frozen=True)
class QuantityLexicon:
    """The word lists of the ``quantities`` lexicon (see ``rules/default/quantities.yml``)."""

    number_words: dict[str, float]
    scales: dict[str, float]
    fractions: dict[str, float]
    vague: dict[str, tuple[float, float]]
    hedges: dict[str, str]
    units: dict[str, str]
    currency_signs: dict[str, str]
    definitions: tuple[str, ...]
    change_words: frozenset[str]
    from_words: frozenset[str]
    counted_people: frozenset[str]
    part_words: frozenset[str] = frozenset()
    invariable_plurals: frozenset[str] = frozenset()
    """Nouns whose plural is the singular ("142 aircraft", "300 sheep")."""
    not_part_after: frozenset[str] = frozenset()
    scaled_units: dict[str, str] = field(default_factory=dict)
    """Units a word names only after a scale word ("2.4 million pounds" is sterling)."""
    weight_words: frozenset[str] = frozenset()
    """Words of a sentence that weighs something ("weighed"): no ``scaled_units`` in it."""
    age_before: frozenset[str] = frozenset()
    """Words after which a number is an age ("aged five", "under the age of 12")."""
    age_nouns: frozenset[str] = frozenset()
    """Nouns after which a hedged number is an age ("children under five")."""
    falls: frozenset[str] = frozenset()
    """Change words that tell a fall ("fell", "lost", "down"): a move down is never the
    same move as one up."""
    staff_nouns: frozenset[str] = frozenset()
    """People counted as a body ("crew", "workers", "members"): a part of them ("1,900 of
    the carrier's 2,600 cabin crew") are those who did something, not a count of the body."""
    rough_words: frozenset[str] = frozenset()
    """Number and scale words that make a number round ("a dozen", "two dozen": about 12,
    about 24, not exactly)."""
    object_verbs: frozenset[str] = frozenset()
    """Verbs after a count whose object is its measure word ("three were treated for
    minor injuries", "two suffered serious injuries")."""
    lower_case_units: frozenset[str] = frozenset()
    """Units read only as written in lower case ("250g" is grams, "5G" a mobile network)."""
    currency_labels: dict[str, str] = field(default_factory=dict)
    """Currency (lower case) -> how its figures are shown, for one with no code ("$")."""

    @classmethod
    def from_lexicons(cls, lexicons: dict[str, Any]) -> QuantityLexicon:
        """Build from the rule packs' lexicons; missing lists are empty."""

        def parts(name: str) -> list[Any]:
            # a pack extends a list with a lexicon of its own: "measure_units_sport"
            return [lexicons[k] for k in sorted(lexicons) if k == name or k.startswith(name + "_")]

        def mapping(name: str) -> dict[str, Any]:
            merged: dict[str, Any] = {}
            for value in parts(name):
                if isinstance(value, dict):
                    merged.update(value)
            return merged

        def words(name: str) -> frozenset[str]:
            return frozenset(w for value in parts(name) for w in value)

        number_words = {k: float(v) for k, v in mapping("cardinals").items() if k != "both"}
        number_words.update({k: float(v) for k, v in mapping("number_words").items()})
        return cls(
            number_words=number_words,
            scales={k: float(v) for k, v in mapping("number_scales").items()},
            fractions={k: float(v) for k, v in mapping("fractions").items()},
            vague={k: (float(v[0]), float(v[1])) for k, v in mapping("vague_numbers").items()},
            hedges={k: str(v) for k, v in mapping("hedges").items()},
            units={
                k: str(v)
                for k, v in {**mapping("currency_names"), **mapping("measure_units")}.items()
            },
            currency_signs={k: str(v) for k, v in mapping("currency_signs").items()},
            definitions=tuple(str(d) for value in parts("unit_definitions") for d in value),
            change_words=words("change_words"),
            falls=words("fall_words"),
            from_words=words("from_words"),
            counted_people=words("counted_people"),
            invariable_plurals=words("invariable_plurals"),
            part_words=words("part_words"),
            not_part_after=words("not_part_after"),
            scaled_units={k: str(v) for k, v in mapping("scaled_units").items()},
            weight_words=words("weight_words"),
            age_before=words("age_before"),
            age_nouns=words("age_nouns"),
            rough_words=words("rough_words"),
            staff_nouns=words("staff_nouns"),
            object_verbs=words("object_verbs"),
            lower_case_units=words("lower_case_units"),
            currency_labels={k.lower(): str(v) for k, v in mapping("currency_labels").items()},
        )


@dataclass(frozen=True)
class NumberPhrase:
    """A number as written, with everything around it that changes its meaning."""

    start: int
    """Index of its first word (hedge or currency sign included)."""
    end: int
    """Index after its last word (unit included)."""
    number_end: int
    """Index after the number and its scale word, before the unit."""
    value: float | None
    """The number times its scale, or None for a vague number ("dozens")."""
    vague: tuple[float, float] | None = None
    """Range of a vague number."""
    hedge: str | None = None
    """``gt``, ``ge``, ``lt``, ``le``, ``approx``, ``near`` or ``over``."""
    unit: str | None = None
    """pint unit expression, or None for a plain count."""
    decimals: int = 0
    """Digits after the decimal point as written."""
    rounding: float = 0.0
    """Half the step the number is rounded to ("12,000": 500), 0 when exact."""
    truncated: float = 0.0
    """How much a number cut short may leave out ("$13 billion" for 13.9 billion)."""
    scale: float = 1.0
    """Scale word's factor ("billion": 1e9)."""
    hyphenated: bool = False
    """Joined by a hyphen to the next word ("a 15-run win", "a 6.1-magnitude quake")."""
    vague_words: str = ""
    """The words of a vague number ("dozens")."""
    listed: bool = False
    """One of a list of numbers ("magnitude 2.9 and 2.2"): each counts a different thing."""
    written: str = ""
    """A time told in two units, as one reads it ("7 years 4 months"); empty otherwise."""
    ends: tuple[tuple[float, float], ...] = ()
    """A range's two figures as written ("between 48 and 52": 48 and 52), each as the range
    its rounding allows; empty for anything else."""


_FIRST_WORDS: dict[int, tuple[dict[str, Any], frozenset[str]]] = {}
"""id of a phrase table -> (the table, the first words of its keys)."""


def _first_words(table: dict[str, Any]) -> frozenset[str]:
    """The words the keys of ``table`` start with, computed once per table."""
    entry = _FIRST_WORDS.get(id(table))
    if entry is None or entry[0] is not table:
        if len(_FIRST_WORDS) >= 64:
            _FIRST_WORDS.clear()  # tables of rule sets no longer in use
        entry = _FIRST_WORDS[id(table)] = (table, frozenset(k.split(" ")[0] for k in table))
    return entry[1]


_STARTERS: dict[int, tuple[QuantityLexicon, frozenset[str]]] = {}
"""id of a lexicon -> (the lexicon, the words its number phrases without digits start with)."""


def _number_starters(lexicon: QuantityLexicon) -> frozenset[str]:
    """The words a number phrase without digits can start with (a number word, a fraction,
    a vague number): ``_number_at`` finds nothing at any other word that has no digit."""
    entry = _STARTERS.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        if len(_STARTERS) >= 64:
            _STARTERS.clear()  # lexicons of rule sets no longer in use
        words = (
            _first_words(lexicon.number_words)
            | _first_words(lexicon.fractions)
            | _first_words(lexicon.vague)
        )
        entry = _STARTERS[id(lexicon)] = (lexicon, words)
    return entry[1]


def _phrase_at(words: list[str], i: int, table: dict[str, Any]) -> tuple[str, int] | None:
    """Longest key of ``table`` starting at word ``i``: (key, number of words)."""
    if i >= len(words) or words[i] not in _first_words(table):
        return None  # most words start no key: no phrase to join
    for size in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
        key = " ".join(words[i : i + size])
        if key in table:
            return key, size
    return None


_LAST_WORDS: dict[int, tuple[dict[str, Any], frozenset[str]]] = {}
"""id of a phrase table -> (the table, the last words of its keys)."""


def _last_words(table: dict[str, Any]) -> frozenset[str]:
    """The words the keys of ``table`` end with, computed once per table."""
    entry = _LAST_WORDS.get(id(table))
    if entry is None or entry[0] is not table:
        if len(_LAST_WORDS) >= 64:
            _LAST_WORDS.clear()  # tables of rule sets no longer in use
        entry = _LAST_WORDS[id(table)] = (table, frozenset(k.split(" ")[-1] for k in table))
    return entry[1]


def _phrase_before(words: list[str], i: int, table: dict[str, Any]) -> tuple[str, int] | None:
    """Longest key of ``table`` ending just before word ``i``."""
    if not i or words[i - 1] not in _last_words(table):
        return None  # most words end no key: no phrase to join
    for size in range(min(_MAX_PHRASE, i), 0, -1):
        key = " ".join(words[i - size : i])
        if key in table:
            return key, size
    return None


@lru_cache(maxsize=50_000)
def _digits(word: str) -> tuple[float, int, int] | None:
    """(value, decimals, trailing zeros of the integer part) of "12,457" or "4.75" (kept
    per word: a number phrase reads its words' digits several times, and the same figures
    come back in article after article)."""
    match = _DIGITS.match(word)
    if not match:
        return None
    whole = match[1].replace(",", "")
    decimals = len(match[2] or "")
    zeros = 0 if decimals or whole == "0" else len(whole) - len(whole.rstrip("0"))
    return float(whole + ("." + match[2] if match[2] else "")), decimals, zeros


def number_starters(lexicon: QuantityLexicon) -> frozenset[str]:
    """The words other than a digit a number phrase may start at: ``may_start_number`` of
    many words at once is ``words & number_starters(lexicon)`` and those starting with a digit."""
    return _number_starters(lexicon)


def may_start_number(word: str, lexicon: QuantityLexicon) -> bool:
    """True when a number phrase may start at ``word`` (lower case): a digit, the first
    word of a number word, fraction or vague number of ``lexicon``, or a figure with its
    currency sign glued on ("\u20b5400"). ``find_numbers`` tries no other word."""
    return (
        word[:1].isdigit()
        or word in _number_starters(lexicon)
        or (not word.isalpha() and _glued_sign(word, lexicon) is not None)
    )


def currency_sign_unit(sign: str, lexicon: QuantityLexicon) -> str | None:
    """The unit of a currency sign (lower case): the lexicon's, or for a sign it does not
    list, one of its own when the sign is a currency symbol (Unicode's category Sc), alone
    or after up to three letters ("\u20a3", "nt\u20b5"); else None."""
    if sign in lexicon.currency_signs:
        return lexicon.currency_signs[sign]
    letters, symbol = sign[:-1], sign[-1:]
    if (
        symbol
        and unicodedata.category(symbol) == "Sc"
        and len(letters) <= 3
        and (not letters or letters.isalpha())
    ):
        return _SIGN_UNIT + sign
    return None


def _glued_sign(
    word: str, lexicon: QuantityLexicon, scaled: bool = True
) -> tuple[str, re.Match[str]] | None:
    """(unit, match) of a figure with its currency sign glued on ("\u20b5400"; a sign of
    letters the lexicon lists: "jd1.2", "usd40m", or with ``scaled`` (a scale word follows:
    "ksh400 million") a plain number), else None."""
    match = _GLUED_SIGN.match(word)
    if match is None:
        match = _GLUED_LETTERS.match(word)
        if (
            match is None
            or match[1] not in lexicon.currency_signs
            or not (match[3] or match[4] or "," in match[2] or scaled)
            or (len(match[1]) == 1 and not (match[4] or "," in match[2] or scaled))
        ):
            # "RON95" petrol, "A380": letters and a plain number are a name; one letter
            # and a decimal too ("the R2.2 diesel engine"), not so with a scale or
            # thousands ("R63.4 million", "R1,500")
            return None
    unit = currency_sign_unit(match[1], lexicon)
    if unit is None or (match[4] and match[4] not in lexicon.scales):
        return None
    return unit, match


def cased_words(texts: list[str], lower: list[str], lexicon: QuantityLexicon) -> list[str]:
    """``lower`` with each token that ends in one of ``lower_case_units`` written in
    capitals kept as written ("5G", "4 G"), so that it names no unit."""
    if not lexicon.lower_case_units:
        return lower
    words = list(lower)
    for i, (text, word) in enumerate(zip(texts, lower, strict=True)):
        if text != word:
            unit = word.rstrip(".").lstrip("0123456789.,")
            if unit in lexicon.lower_case_units and not text.rstrip(".").endswith(unit):
                words[i] = text
    return words


def find_numbers(
    words: list[str],
    lexicon: QuantityLexicon,
    *,
    glued: list[bool] | None = None,
    starts: list[int] | None = None,
) -> list[NumberPhrase]:
    """Every number phrase in ``words`` (lower-cased tokens of one sentence).

    Args:
        words (list[str]): the tokens, lower case.
        lexicon (QuantityLexicon): number words, hedges and units.
        glued (list[bool] | None): per token, True when no space follows it. Defaults to None.
        starts (list[int] | None): the indexes of ``words`` a number may start at
            (``may_start_number``), ascending, when the caller has them. Defaults to None.
    """
    glued = glued or [False] * len(words)
    if starts is None:
        starters = _number_starters(lexicon)
        starts = [
            i
            for i, word in enumerate(words)
            if word[:1].isdigit() or word in starters or may_start_number(word, lexicon)
        ]
    phrases: list[NumberPhrase] = []
    end = 0  # a phrase's words start no other
    for i in starts:
        if i < end:
            continue
        phrase = _number_at(words, glued, i, lexicon)
        if phrase is not None:
            end = phrase.end
            if not _is_age(words, phrase, lexicon):
                phrases.append(phrase)
    return _ranges_and_lists(words, phrases)


def _is_age(words: list[str], phrase: NumberPhrase, lexicon: QuantityLexicon) -> bool:
    """True for a number that tells an age, not a count: after one of ``age_before``
    ("children aged five", "under the age of 12"), or a hedged number right after one of
    ``age_nouns`` ("children under five", "people over 65"). Never one with a unit."""
    if phrase.unit is not None or phrase.start == 0:
        return False
    before = words[phrase.start - 1]
    if before in lexicon.age_before or (
        before == "of" and phrase.start >= 2 and words[phrase.start - 2] in lexicon.age_before
    ):
        return True
    return phrase.hedge in _AGE_HEDGES and before in lexicon.age_nouns


_AGE_HEDGES = frozenset({"lt", "gt", "le", "ge", "over"})
"""Hedges that bound an age ("under five", "over 65"); "about" and "nearly" estimate a count."""


_LIST_ENDS = frozenset({"in", "on", "at", "for", "of", "respectively", "and", "or", "to", "from"})
"""Words after the last number of a list that say nothing of what it counts."""


def _counts_other(words: list[str], first: NumberPhrase, second: NumberPhrase) -> bool:
    """True when ``second`` counts something else than ``first`` measures: a figure with a
    unit, then a bare number with a word after it ("22.1% and 24 seats", "fell 6.4% to 812
    pence"): no list, no range."""
    return (
        first.unit is not None
        and second.unit is None
        and second.end < len(words)
        and words[second.end].isalpha()
        and words[second.end] not in _LIST_ENDS
    )


def _ranges_and_lists(words: list[str], phrases: list[NumberPhrase]) -> list[NumberPhrase]:
    """Join "between $140 and $150 million" and "60 to 70 people" into one range; mark the
    numbers of a list ("magnitude 2.9 and 2.2", "10 or 12") as ``listed``."""
    out: list[NumberPhrase] = []
    k = 0
    while k < len(phrases):
        first = phrases[k]
        second = phrases[k + 1] if k + 1 < len(phrases) else None
        joiner = words[first.end] if first.end < len(words) else ""
        if second is None or second.start != first.end + 1 or first.value is None:
            out.append(first)
            k += 1
            continue
        opener = words[first.start - 1] if first.start > 0 else ""
        # "by 1.5 percentage points to 8.5%": a change and the level it led to, no range
        other_units = first.unit is not None and second.unit not in (None, first.unit)
        if (
            second.value is not None
            and not other_units
            and (
                (joiner == "and" and opener == "between")
                or (joiner == "to" and opener not in ("from", "by") and first.hedge is None)
            )
            and not _counts_other(words, first, second)
        ):
            scale = second.scale if first.scale == 1 else 1
            low, high = first.value * scale, second.value
            if low <= high:
                low_step, high_step = first.rounding * scale, second.rounding
                out.append(
                    replace(
                        second,
                        start=first.start - (1 if opener == "between" else 0),
                        value=None,
                        vague=(low - low_step, high + high_step),
                        vague_words=f"{_number_text(low)} to {_number_text(high)}",
                        unit=second.unit or first.unit,
                        hedge=None,
                        ends=(
                            (low - low_step, low + low_step),
                            (high - high_step, high + high_step),
                        ),
                    )
                )
                k += 2
                continue
        joined = _one_time(words, first, second)
        if joined is not None:
            out.append(joined)
            k += 2
            continue
        # "22.1% and 24 seats": a share and a count of something else, no list
        counts_other = _counts_other(words, first, second)
        # "NZ$21.4 million, roughly $12 million": one sum in two currencies, no list
        converted = (
            joiner == ","
            and first.unit is not None
            and second.unit is not None
            and first.unit != second.unit
        )
        if joiner in ("and", "or", ",") and not counts_other and not converted:
            out.append(replace(first, listed=True))
            out.append(replace(second, listed=True))
            k += 2
            continue
        out.append(first)
        k += 1
    return out


_CALENDAR_UNITS = frozenset({"day", "week", "month", "year"})
"""Units of time shown in the plural for any count but one ("12 years")."""
_TIME_STEPS = {"year": 12.0, "month": 1.0}
"""The calendar units a time may be told in two of, in months ("seven years and four months")."""
_WEEK_STEPS = {"week": 7.0, "day": 1.0}
"""The same for weeks and days ("two weeks and three days")."""


def _one_time(words: list[str], first: NumberPhrase, second: NumberPhrase) -> NumberPhrase | None:
    """ "seven years and four months" (or "...years, four months"), "two weeks and three days":
    one time told in a larger and a smaller unit, joined as one phrase in the smaller unit
    (88 months), read "7 years 4 months". None for anything else ("three years and five
    years" is a list)."""
    joiner = words[first.end] if first.end < len(words) else ""
    if joiner not in ("and", ",") or first.value is None or second.value is None:
        return None
    for steps in (_TIME_STEPS, _WEEK_STEPS):
        if first.unit in steps and second.unit in steps and first.unit != second.unit:
            big, small = steps[first.unit], steps[second.unit]
            if big <= small or first.hedge or second.hedge:
                return None
            value = first.value * big / small + second.value
            return replace(
                second,
                start=first.start,
                value=value,
                rounding=second.rounding,
                written=f"{_plural(first.value, first.unit)} {_plural(second.value, second.unit)}",
            )
    return None


def _plural(value: float, unit: str) -> str:
    """ "7 years", "1 month": a count of a calendar unit as one reads it."""
    return f"{_number_text(value)} {unit}{'' if value == 1 else 's'}"


def _number_at(
    words: list[str], glued: list[bool], i: int, lex: QuantityLexicon
) -> NumberPhrase | None:
    value: float | None = None
    vague = None
    decimals = zeros = 0
    scale = 1.0
    unit: str | None = None
    exact_word = False
    rough_word = False
    vague_words = ""
    j = i
    if (hit := _phrase_at(words, i, lex.vague)) is not None:
        vague, j = lex.vague[hit[0]], i + hit[1]
        vague_words = hit[0]
    elif (hit := _phrase_at(words, i, lex.fractions)) is not None and words[
        i + hit[1] : i + hit[1] + 1
    ] == ["of"]:
        # "a quarter of a percentage point": a fraction of one unit
        k = i + hit[1] + 1
        if k < len(words) and words[k] in ("a", "an", "one"):
            k += 1
        if (unit_hit := _phrase_at(words, k, lex.units)) is None:
            return None
        value, unit, j = lex.fractions[hit[0]], lex.units[unit_hit[0]], k + unit_hit[1]
        return _finish(words, glued, i, j, j, lex, value, None, unit, 0, 0, 1.0)
    elif (duration := _DURATION.match(words[i])) is not None:
        hours, minutes, seconds = (int(part) for part in duration.groups())
        value, unit, j = float(hours * 3600 + minutes * 60 + seconds), "second", i + 1
    elif (parsed := _digits(words[i])) is not None:
        value, decimals, zeros = parsed
        j = i + 1
        # "22, 000" and "1, 400": thousands split by a crawler's stray space
        while (
            not decimals
            and j + 1 < len(words)
            and words[j] == ","
            and glued[j - 1]
            and re.fullmatch(r"\d{3}", words[j + 1])
        ):
            value, zeros = value * 1000 + float(words[j + 1]), 0
            zeros = len(words[j + 1]) - len(words[j + 1].rstrip("0")) if value else 0
            j += 2
        if j + 1 < len(words) and words[j] in (":", ".") and re.fullmatch(r"\d{2}", words[j + 1]):
            return None  # "1 : 30 a.m.": a time
        if (
            i > 1
            and (words[i - 1] == ":" or (words[i - 1] in ("-", "\u2013", "/") and glued[i - 1]))
            and _digits(words[i - 2])
        ):
            return None  # "186-5", "10/12", "10:30": a score, a date or a time
        if (
            j + 1 < len(words)
            and words[j] in ("-", "/", ":")
            and glued[i]
            and _digits(words[j + 1])
        ):
            return None
        if 1900 <= value <= 2100 and not decimals and "," not in words[i]:
            before = words[i - 1] if i else ""
            if before not in lex.currency_signs and not (
                j < len(words)
                and (
                    _phrase_at(words, j, lex.units)
                    or words[j] in lex.scales
                    or words[j] in lex.counted_people
                )
            ):
                return None  # a year
    elif (scaled := _SCALED.match(words[i].rstrip("."))) is not None and (
        scaled[2] in lex.scales or scaled[2] in lex.units
    ):
        parsed = _digits(scaled[1])
        assert parsed is not None
        value, decimals, zeros = parsed
        if scaled[2] in lex.scales:
            scale = lex.scales[scaled[2]]
        else:
            unit = lex.units[scaled[2]]  # "25bps", "45km"
        j = i + 1
    elif (
        glued_sign := _glued_sign(
            words[i], lex, scaled=i + 1 < len(words) and words[i + 1] in lex.scales
        )
    ) is not None:
        unit, match = glued_sign  # "\u20b5400 million", "r$40m"
        parsed = _digits(match[2] + ("." + match[3] if match[3] else ""))
        assert parsed is not None
        value, decimals, zeros = parsed
        if match[4]:
            scale = lex.scales[match[4]]
        j = i + 1
    elif (hit := _phrase_at(words, i, lex.number_words)) is not None:
        value, j = lex.number_words[hit[0]], i + hit[1]
        exact_word = True
        rough_word = hit[0] in lex.rough_words  # "a dozen"
        # "twenty-five", "twenty five"
        k = j + 1 if j < len(words) and words[j] == "-" else j
        if value in (20, 30, 40, 50, 60, 70, 80, 90) and k < len(words):
            unit_word = lex.number_words.get(words[k])
            if unit_word is not None and 0 < unit_word < 10:
                value, j = value + unit_word, k + 1
    else:
        return None
    rough = rough_word
    if value is not None:
        if (
            j + 1 < len(words)
            and words[j] == "-"
            and glued[j - 1]
            and glued[j]
            and words[j + 1] in ("million", "billion", "trillion")
        ):
            j += 1  # "$46.8-million", as some papers write it
        while j < len(words) and words[j] in lex.scales and words[j] not in ("m", "b", "k"):
            scale *= lex.scales[words[j]]
            rough = rough or words[j] in lex.rough_words
            j += 1
        if j < len(words) and words[j].rstrip(".") in ("m", "bn", "b", "k") and glued[j - 1]:
            scale *= lex.scales[words[j].rstrip(".")]  # "$160m." ends a sentence
            j += 1
    number_end = j
    if unit is None:  # "25bps" brought its unit already
        hyphen = j < len(words) and words[j] == "-" and glued[j - 1]  # "a 10,000-hectare fire"
        start = j + 1 if hyphen else j
        if (unit_hit := _phrase_at(words, start, lex.units)) is not None:
            unit, j = lex.units[unit_hit[0]], start + unit_hit[1]
        elif (
            scale >= 1e6
            and not hyphen
            and (unit_hit := _phrase_at(words, start, lex.scaled_units)) is not None
            and words[start + unit_hit[1] : start + unit_hit[1] + 1] != ["of"]
            and lex.weight_words.isdisjoint(words)
        ):
            # "2.4 million pounds" is a sum; "3 million pounds of beef" a weight
            unit, j = lex.scaled_units[unit_hit[0]], start + unit_hit[1]
    rounding = 0.0
    truncated = 0.0
    if value is not None and not exact_word:
        if unit is not None and not decimals and zeros < 2 and scale == 1:
            rounding = 0.5  # "22 miles", "5%": a measurement, rounded to its last digit
        elif decimals:
            rounding = 0.5 * 10**-decimals * scale
        elif zeros >= 2 or scale > 1:
            # "12,000" may be 11,500-12,500, but "10,000" is not 5,000-15,000
            rounding = min(0.5 * 10**zeros, _ROUNDED * value) * scale
            if scale > 1 and not zeros:
                truncated = scale  # "$13 billion" is often 13.9 billion cut short
    if value is not None and rough:
        rounding, truncated = _APPROX * value * scale, 0.0  # "two dozen": about 24
    if value is not None:
        value *= scale
    return _finish(
        words,
        glued,
        i,
        j,
        number_end,
        lex,
        value,
        vague,
        unit,
        decimals,
        rounding,
        scale,
        vague_words=vague_words,
        truncated=truncated,
    )


def _finish(
    words: list[str],
    glued: list[bool],
    i: int,
    j: int,
    number_end: int,
    lex: QuantityLexicon,
    value: float | None,
    vague: tuple[float, float] | None,
    unit: str | None,
    decimals: int,
    rounding: float,
    scale: float,
    **more: Any,
) -> NumberPhrase:
    """Look left for a currency sign and a hedge, and right for a hyphen. ``more``: other
    fields of the phrase (one NumberPhrase made, not one then a replaced copy)."""
    start = i
    if (
        (sign := _phrase_before(words, start, lex.currency_signs)) is not None
        and unit is None
        and (len(sign[0]) > 1 or not sign[0].isalpha() or (glued is not None and glued[start - 1]))
    ):
        # a one-letter sign only glued to its figure ("R12 million", not "grade R 12"); a
        # symbol spaced off ("$ 13.9 billion", as crawled copy writes it) is still one
        unit, start = lex.currency_signs[sign[0]], start - sign[1]
    elif (
        unit is None
        and start > 0
        and glued[start - 1]
        and (unit := currency_sign_unit(words[start - 1], lex)) is not None
    ):
        start -= 1  # a currency sign no table lists, right before its figure
    hedge = None
    if (hit := _phrase_before(words, start, lex.hedges)) is not None:
        hedge, start = lex.hedges[hit[0]], start - hit[1]
    hyphenated = j < len(words) and words[j] == "-" and glued[j - 1]
    return NumberPhrase(
        start=start,
        end=j,
        number_end=number_end,
        value=value,
        vague=vague,
        hedge=hedge,
        unit=unit,
        decimals=decimals,
        rounding=rounding,
        scale=scale,
        hyphenated=hyphenated,
        **more,
    )


@cache
def unit_registry(definitions: tuple[str, ...]) -> Any:
    """A pint registry with the rules' extra definitions (built once per set of definitions).
    pint keeps its parsed definition files in the tables folder (``checker.tables``), when
    there is one: reading them back is several times quicker than parsing them."""
    import pint

    from checker.tables import tables_dir

    folder = tables_dir()
    try:
        registry = pint.UnitRegistry(cache_folder=folder / "pint" if folder is not None else None)
    except Exception:  # noqa: BLE001 - pint writes its cache in place: a file may be cut short
        if folder is not None:
            shutil.rmtree(folder / "pint", ignore_errors=True)  # rebuilt by the next run
        registry = pint.UnitRegistry(cache_folder=None)
    for definition in definitions:
        registry.define(definition)
    return registry


def lexicon_unit_factor(unit: str, lexicon: QuantityLexicon) -> tuple[float, str]:
    """``unit_factor`` of a unit of ``lexicon``, read from its table of unit factors
    (``unit_factors``): pint is imported and its registry built only for a unit not in it."""
    if unit.startswith(_SIGN_UNIT):
        return 1.0, "currency:" + unit[len(_SIGN_UNIT) :].upper()  # never converted
    found = _factor_table(lexicon).get(unit)
    return found if found is not None else unit_factor(unit, lexicon.definitions)


_FACTOR_TABLES: dict[int, tuple[QuantityLexicon, dict[str, tuple[float, str]]]] = {}
"""``unit_factors`` of each lexicon met, by its id (the lexicon is kept, so the id stays its)."""


def _factor_table(lexicon: QuantityLexicon) -> dict[str, tuple[float, str]]:
    """``unit_factors`` of ``lexicon``'s units, found once per lexicon: a run has one
    lexicon, and every amount asks for its unit's factor (the table's key, a sorted tuple
    of some 400 units, was built and hashed again at each ask: 2% of a run)."""
    kept = _FACTOR_TABLES.get(id(lexicon))
    if kept is None or kept[0] is not lexicon:
        if len(_FACTOR_TABLES) >= 16:
            _FACTOR_TABLES.clear()  # tests build many rule sets: keep a few
        kept = _FACTOR_TABLES[id(lexicon)] = (
            lexicon,
            unit_factors(lexicon_units(lexicon), lexicon.definitions),
        )
    return kept[1]


def lexicon_units(lexicon: QuantityLexicon) -> tuple[str, ...]:
    """Every unit a number phrase read with ``lexicon`` can carry, and the display units."""
    units = {*lexicon.units.values(), *lexicon.currency_signs.values(), *_DISPLAY_UNITS.values()}
    return tuple(sorted(units | {"second"}))


@cache
def unit_factors(
    units: tuple[str, ...], definitions: tuple[str, ...]
) -> dict[str, tuple[float, str]]:
    """``unit_factor`` of each of ``units`` under ``definitions``, kept in the tables folder
    (``checker.tables``): importing pint and building its registry is most of a second of
    every run, for a few dozen answers that change only with the rules or pint. A unit pint
    cannot read is left out (``unit_factor`` raises for it when a phrase carries it)."""
    from importlib.util import find_spec
    from pathlib import Path

    from checker.tables import stored

    spec = find_spec("pint")
    version = Path(spec.origin) if spec is not None and spec.origin else "no pint"
    return stored(
        "unit-factors",
        [version, *definitions, "\x1e", *units],
        lambda: _factors(units, definitions),
    )


def _factors(units: tuple[str, ...], definitions: tuple[str, ...]) -> dict[str, tuple[float, str]]:
    """``unit_factor`` of each of ``units`` that pint can read."""
    factors = {}
    for unit in units:
        try:
            factors[unit] = unit_factor(unit, definitions)
        except Exception:  # noqa: BLE001, S112 - an unreadable unit raises again where it is used
            continue
    return factors


@cache
def unit_factor(unit: str, definitions: tuple[str, ...]) -> tuple[float, str]:
    """Factor from ``unit`` to its dimension's base unit, and the dimension's name."""
    registry = unit_registry(definitions)
    quantity = registry.Quantity(1, unit)
    base = quantity.to_base_units()
    dimensionality = dict(base.dimensionality)
    if not dimensionality:
        return float(base.magnitude), "percent" if unit == "percent" else "ratio"
    if len(dimensionality) == 1:
        (name, power), *_ = dimensionality.items()
        name = name.strip("[]")
        if name.startswith("currency_"):
            return float(base.magnitude), "currency:" + name.split("_", 1)[1].upper()
        if name.startswith("temperature_"):  # a scale of its own: "temperature:celsius"
            return float(base.magnitude), "temperature:" + name.split("_", 1)[1]
        if name == "length":
            return float(base.magnitude), {1: "length", 2: "area", 3: "volume"}.get(
                int(power), f"length^{power}"
            )
        if name in ("rate_change", "time", "score") or (name == "mass" and power == 1):
            return float(base.magnitude), name
    if dimensionality == {"[length]": 1, "[time]": -1}:
        return float(base.magnitude), "speed"
    if dimensionality == {"[length]": 2, "[mass]": 1, "[time]": -3}:
        return float(base.magnitude), "power"
    if dimensionality == {"[length]": 3, "[time]": -1}:
        return float(base.magnitude), "flow"
    return float(base.magnitude), str(base.dimensionality)


def _number_text(value: float, decimals: int = 0) -> str:
    if value >= 1e6:
        for factor in (1e12, 1e9, 1e6):
            if value >= factor:
                return f"{value / factor:,.6g} {_SCALE_NAMES[factor]}"
    if decimals:
        return f"{value:,.{decimals}f}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _unit_text(unit: str | None) -> str:
    if unit is None:
        return ""
    if unit == "percent":
        return "%"
    if unit == "score_point":
        return " points"
    if unit in _SCALE_SIGNS:
        return _SCALE_SIGNS[unit]
    if unit in _UNIT_SYMBOLS:
        return " " + _UNIT_SYMBOLS[unit]
    return " " + unit.replace("_", " ").replace(" ** 2", "\u00b2").replace(" ** 3", "\u00b3")


SCORELINE_UNIT = "scoreline"
"""The unit of a match's result ("4-2"): its value is the higher score times 1,000 plus the
lower, one exact value of a dimension of its own."""


def to_amount(phrase: NumberPhrase, lexicon: QuantityLexicon) -> Amount:
    """The range in base units a number phrase allows (see the module docstring)."""
    if phrase.unit == SCORELINE_UNIT and phrase.value is not None:
        high, low = divmod(int(phrase.value), 1000)
        return Amount(phrase.value, phrase.value, SCORELINE_UNIT, f"{high}-{low}")
    if phrase.vague is not None:
        low, high = phrase.vague
        stated = (
            phrase.vague_words
            if " to " in phrase.vague_words
            else f"{phrase.vague_words} ({_number_text(low)}-{_number_text(high)})"
        )
        center = low
    else:
        assert phrase.value is not None
        center = phrase.value
        low, high = center - phrase.rounding, center + max(phrase.rounding, phrase.truncated)
        stated = _number_text(center, 0 if phrase.scale > 1 else phrase.decimals)
        if phrase.hedge in ("gt", "ge"):
            low, high = center, math.inf
        elif phrase.hedge in ("lt", "le"):
            low, high = 0.0, center
        elif phrase.hedge == "approx":
            low, high = min(low, center * (1 - _APPROX)), max(high, center * (1 + _APPROX))
        elif phrase.hedge == "near":
            low, high = min(low, center * (1 - _APPROX)), center
        elif phrase.hedge == "over":
            high = max(high, center * (1 + _APPROX))
    if phrase.hedge:
        stated = f"{_HEDGE_LABELS[phrase.hedge]} {stated}"
    estimate = (
        (center, phrase.unit or "") if phrase.hedge == "approx" and phrase.vague is None else None
    )
    ends: tuple[tuple[float, float], ...] = ()
    if phrase.hedge == "le" and phrase.vague is None:
        ends = ((center - phrase.rounding, center + max(phrase.rounding, phrase.truncated)),)
    elif phrase.vague is not None and phrase.ends:
        ends = phrase.ends
    if phrase.unit is None:
        return Amount(low, high, "count", stated, estimate, ends)
    factor, dimension = lexicon_unit_factor(phrase.unit, lexicon)
    if dimension.startswith("currency:"):
        code = dimension.split(":")[1]
        stated = f"{lexicon.currency_labels.get(code.lower(), code)} {stated}"
    elif phrase.unit == "second" and phrase.vague is None and center == int(center):
        minutes, seconds = divmod(int(center), 60)  # shown as written: "2:07:15"
        clock = f"{minutes // 60}:{minutes % 60:02d}:{seconds:02d}"
        stated = f"{_HEDGE_LABELS[phrase.hedge]} {clock}" if phrase.hedge else clock
    else:
        if phrase.written:
            stated = phrase.written
        else:
            stated += _unit_text(phrase.unit)
            stated += "s" if phrase.unit in _CALENDAR_UNITS and center != 1 else ""
        display = _DISPLAY_UNITS.get(dimension)
        if display and display != phrase.unit and phrase.unit not in _METRIC_MASSES:
            display_factor, _ = lexicon_unit_factor(display, lexicon)
            converted = float(format(center * factor / display_factor, ".4g"))
            if converted >= 0.01 or dimension != "area":  # "80 m²", not "8e-05 km²"
                stated += f" (= {_number_text(converted)}"
                stated += f"{_unit_text(display)})"
    scaled = tuple((low_end * factor, high_end * factor) for low_end, high_end in ends)
    return Amount(low * factor, high * factor, dimension, stated, estimate, scaled)
