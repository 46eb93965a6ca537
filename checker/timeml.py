"""TimeML import and export of the checker's temporal expressions, and a TempEval-3 scorer.

* ``read_tml`` reads a TempEval-3 ``.tml`` file: the text inside ``<TEXT>``, the
  document creation time (DCT) and the gold ``TIMEX3`` spans.
* ``Tagger`` runs the checker's own pipeline (``checker_timex`` + extract +
  normalize) over a text anchored on a DCT and returns ``TimexSpan`` objects.
* ``to_timeml`` / ``to_json`` write them out; ``score`` compares system spans
  with gold spans the TempEval-3 way (strict and relaxed extraction, value and
  type F1 on relaxed matches).

Types DATE, TIME, DURATION and SET are produced, with ``mod`` where the words state one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

LEAD_PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "by",
        "until",
        "till",
        "since",
        "at",
        "from",
        "during",
        "before",
        "after",
        "for",
        "within",
        "throughout",
    }
)
"""Words TimeML leaves outside a TIMEX3 ("on <TIMEX3>Sunday</TIMEX3>")."""
UNKNOWN_VALUE = "XXXX-XX-XX"
"""Value written for an expression the tagger found but could not anchor."""
_OVER_PERIOD = frozenset({"the", "recent", "past", "last", "next", "coming", "years", "months"})
"""After "over", words that make it a preposition ("over the past year"), not "more than"."""
_DCT_BLOCK = re.compile(r"<DCT>.*?</DCT>", re.S)
_DOCID = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)


@dataclass(frozen=True)
class TimexSpan:
    """One temporal expression: character offsets into the text, type and normalized value."""

    start: int
    end: int
    text: str
    type: str = "DATE"
    value: str = UNKNOWN_VALUE
    mod: str | None = None
    anchored: str | None = None
    """For a duration counted from a date ("a week after March 5"): the date it reaches."""
    anchor_at: int | None = None
    """Start offset of that date's own span (TimeML ``beginPoint``/``endPoint``)."""
    anchor_role: str | None = None
    """``beginPoint`` ("a week after X": the duration begins at X) or ``endPoint`` ("before")."""

    def to_dict(self) -> dict:
        """The span as a plain dict (optional fields left out when empty)."""
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class TmlDocument:
    """A TimeML document: its text, creation time and gold expressions."""

    text: str
    dct: dt.date | None = None
    dct_block: str | None = None
    """The ``<DCT>...</DCT>`` block exactly as in the file."""
    docid: str | None = None
    gold: list[TimexSpan] = field(default_factory=list)


def _parse_dct(value: str | None) -> dt.date | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _walk(element: ET.Element, pieces: list[str], gold: list[TimexSpan], offset: int) -> int:
    """Append the text under ``element`` to ``pieces``, recording TIMEX3 offsets; return the new offset."""
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _walk(child, pieces, gold, offset)
        if child.tag == "TIMEX3":
            text = "".join(pieces)[start:offset]
            gold.append(
                TimexSpan(
                    start,
                    offset,
                    text,
                    child.get("type", "DATE"),
                    child.get("value", ""),
                    child.get("mod"),
                )
            )
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    return offset


def read_tml(path: str | Path) -> TmlDocument:
    """Read a ``.tml`` file: the text inside ``<TEXT>``, the DCT and the gold TIMEX3 spans."""
    raw = Path(path).read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise ValueError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    gold: list[TimexSpan] = []
    _walk(text_element, pieces, gold, 0)
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(timex.get("value"))
            break
    block = _DCT_BLOCK.search(raw)
    docid = _DOCID.search(raw)
    return TmlDocument(
        text="".join(pieces),
        dct=dct,
        dct_block=block[0] if block else None,
        docid=docid[1].strip() if docid else None,
        gold=gold,
    )


def strip_preposition(start: int, end: int, text: str) -> tuple[int, int]:
    """Move ``start`` past a leading preposition ("on Sunday" -> "Sunday")."""
    match = re.match(r"(\w+)(\s+)(\w+)?", text[start:end])
    if not match or start + match.end(2) >= end:
        return start, end
    word, following = match[1].lower(), (match[3] or "").lower()
    if word in LEAD_PREPOSITIONS or (word == "over" and following in _OVER_PERIOD):
        return start + match.end(2), end
    return start, end


@dataclass(frozen=True)
class CreationTime:
    """The document creation time a tagging rested on, and how it was known."""

    date: dt.date | None
    """The DCT, or None when neither given nor inferable."""
    source: str
    """``given`` (argument, .tml DCT), ``header`` (a date line or front matter),
    ``inferred`` (from the text) or ``none``."""
    evidence: str = ""
    """What the inference rests on ("dateline 'Oct 21', year 2019 from the text")."""
    confidence: str = "high"
    """How sure: ``high`` (given, a header, a dateline with its year, or a weekday
    stated with its date), ``medium`` (a dateline whose year came from elsewhere in
    the text), ``low`` (only the latest full date found in the text), ``none``."""


def inference_confidence(evidence: str) -> str:
    """How sure an inferred creation time is, from the evidence ``infer_publication_date``
    gives: a dateline or a weekday stated with its date pins the day (``high``; a dateline
    whose year was taken from elsewhere, ``medium``); the latest full date in the text only
    bounds it (``low``)."""
    if evidence.startswith("dateline"):
        return "high" if "," not in evidence.split("'", 2)[-1] else "medium"
    if evidence.startswith("weekday with date"):
        return "high"
    return "low"


class Tagger:
    """The checker's temporal tagger: pipeline, extraction and normalization against a DCT."""

    def __init__(self, ruleset=None, nlp=None) -> None:
        from checker.nlp import build_pipeline
        from checker.rules import load_rules

        self.ruleset = ruleset if ruleset is not None else load_rules()
        self.nlp = nlp if nlp is not None else build_pipeline(self.ruleset)
        self.creation_time = CreationTime(None, "none", confidence="none")
        """The creation time the last ``tag`` call rested on."""

    def clear_caches(self) -> None:
        """Forget what earlier documents taught the caches (for fair timing)."""
        from checker.temporal import resolve

        resolve.cache_clear()
        self.nlp.get_pipe("checker_timex").clear_cache()

    def tag(
        self, text: str, dct: dt.date | None = None, *, name: str = "article"
    ) -> list[TimexSpan]:
        """Find and normalize the temporal expressions of ``text``; offsets index ``text``.

        Without ``dct`` the date comes from header lines or is inferred from the text.
        """
        from checker.corpus import make_source
        from checker.extract import extract
        from checker.normalize import infer_publication_date, normalize
        from checker.temporal import timex3

        source = make_source(source_id=name, story=name, path=name, raw_text=text)
        base = len(text) - len(source.text)  # header lines or front matter taken off the top
        if dct is not None:
            source.published, source.published_from = dct, "metadata"
            self.creation_time = CreationTime(dct, "given")
        elif source.published is not None:
            self.creation_time = CreationTime(source.published, "header")
        extraction = extract(self.nlp(source.text), source, self.ruleset, facts=False)
        if source.published is None:
            inferred = infer_publication_date(extraction, self.ruleset)
            if inferred is not None:
                source.published, source.published_evidence = inferred
                source.published_from = "text"
                self.creation_time = CreationTime(
                    inferred[0], "inferred", inferred[1], inference_confidence(inferred[1])
                )
            else:
                self.creation_time = CreationTime(None, "none", confidence="none")
        spans = []
        parts_at: dict[int, object] = {}
        for resolved in normalize(extraction, self.ruleset).timexes:
            where = resolved.mention.where
            start, end = strip_preposition(base + where.start, base + where.end, text)
            tagged = timex3(resolved.parts, resolved.anchor, resolved.mention.tense)
            parts_at[start] = resolved.parts
            spans.append(
                TimexSpan(start, end, text[start:end], tagged.type, tagged.value, tagged.mod)
            )
        spans.sort(key=lambda s: (s.start, s.end))
        return _anchor_durations(spans, parts_at, text)


_AFTER_BEFORE = re.compile(r"\s+(after|before)\s+(?:the\s+)?$", re.I)


def _anchor_durations(spans: list[TimexSpan], parts_at: dict, text: str) -> list[TimexSpan]:
    """Anchor "a week after X" on X: a duration followed by "after"/"before" and a
    resolved date gets the date it reaches (``anchored``) and a pointer to X."""
    from dataclasses import replace

    from checker.temporal import shift_value

    out = list(spans)
    for i, span in enumerate(spans[:-1]):
        target = spans[i + 1]
        link = _AFTER_BEFORE.match(text[span.end : target.start])
        parts = parts_at.get(span.start)
        if span.type != "DURATION" or target.type != "DATE" or not link or parts is None:
            continue
        direction = 1 if link[1].lower() == "after" else -1
        reached = shift_value(target.value, parts.amount, parts.span_unit or "", direction)
        if reached is not None:
            role = "beginPoint" if direction == 1 else "endPoint"
            out[i] = replace(span, anchored=reached, anchor_at=target.start, anchor_role=role)
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _escape(value).replace('"', "&quot;")


def tag_text(text: str, spans: Iterable[TimexSpan]) -> str:
    """``text`` (escaped) with a ``<TIMEX3>`` element around each span; overlapping spans are skipped."""
    out: list[str] = []
    position = 0
    kept = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.start >= position and span.end > span.start:
            kept.append(span)
            position = span.end
    tids = {span.start: f"t{number}" for number, span in enumerate(kept, 1)}
    position = 0
    for number, span in enumerate(kept, 1):
        out.append(_escape(text[position : span.start]))
        extra = f' mod="{_attr(span.mod)}"' if span.mod else ""
        if span.anchor_role and span.anchor_at in tids:
            extra += f' {span.anchor_role}="{tids[span.anchor_at]}"'
        out.append(
            f'<TIMEX3 tid="t{number}" type="{_attr(span.type)}" value="{_attr(span.value)}"{extra}>'
            f"{_escape(text[span.start : span.end])}</TIMEX3>"
        )
        position = span.end
    out.append(_escape(text[position:]))
    return "".join(out)


def to_timeml(
    text: str,
    spans: Iterable[TimexSpan],
    *,
    dct: dt.date | None = None,
    dct_block: str | None = None,
    docid: str | None = None,
) -> str:
    """A TimeML document: DOCID, DCT (``dct_block`` as given, else built from ``dct``) and TEXT."""
    lines = ['<?xml version="1.0" ?>', "<TimeML>"]
    if docid:
        lines.append(f"<DOCID>{_escape(docid)}</DOCID>")
    if dct_block:
        lines.append(dct_block)
    elif dct is not None:
        day = dct.isoformat()
        lines.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>'
        )
    lines.append(f"<TEXT>{tag_text(text, spans)}</TEXT>")
    lines.append("</TimeML>")
    return "\n".join(lines) + "\n"


def to_json(spans: Iterable[TimexSpan]) -> str:
    """A JSON list of ``{start, end, text, type, value}``."""
    return json.dumps([s.to_dict() for s in spans], indent=2, ensure_ascii=False) + "\n"


@dataclass
class Scores:
    """TempEval-3 Task A counts, summed over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def prf(self, correct: int) -> tuple[float, float, float]:
        """Precision, recall and F1 (as percentages) of ``correct`` matches."""
        p = correct / self.system if self.system else 0.0
        r = correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f

    def add(self, other: Scores) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(gold: list[TimexSpan], system: list[TimexSpan]) -> Scores:
    """Score one document: strict (same span) and relaxed (overlap) one-to-one matches,
    and how many relaxed matches also have the right value and type."""
    scores = Scores(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used or s.start >= g.end or g.start >= s.end:
                continue
            exact = (s.start, s.end) == (g.start, g.end)
            if best is None or exact:
                best = (i, exact)
                if exact:
                    break
        if best is None:
            continue
        i, exact = best
        used.add(i)
        s = system[i]
        scores.relaxed += 1
        scores.strict += exact
        scores.value += s.value == g.value
        scores.type += s.type == g.type
    return scores
