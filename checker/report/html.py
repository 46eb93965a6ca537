"""The HTML report: one self-contained page for people reading a story side by side.

Per story: the findings at the top, a timeline of every dated fact, and the sources
in columns with every fact's words highlighted by its character offsets into
``Source.text`` (the text is never re-parsed). A highlighted fact carries a title
(rule and normalized value) and links to its counterparts in the other sources: the
facts that share a finding's or an agreement's evidence. Disagreements, in-article
inconsistencies and typos get classes of their own and show the normalized value or
the suggestion beside the words.

Everything that comes from an article, a rule or a file name is escaped with
``html.escape(..., quote=True)``. The page loads nothing: inline CSS, one tiny inline
script (hover lights up a fact's counterparts) allowed by a Content-Security-Policy
hash, so even a bug in escaping could not run an article's script. Output is
deterministic: the same results give the same bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.errors import CheckerError
from checker.model import Evidence, Fact, Finding, Interval, Source, StoryResult
from checker.report.text import unread_summary
from checker.rules import RuleSet

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SOURCE_COLOURS = 8
"""Number of distinct source colours (``src-0`` ... ``src-7``) before they repeat."""
NEWS_WINDOW = dt.timedelta(days=30)
"""The zoomed timeline shows this much before the earliest and after the latest publication."""

KIND_CLASS = {"discrepancy": "disagree", "inconsistency": "inconsistent", "typo": "typo"}
"""Highlight class of the evidence of each kind of finding."""


def _e(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def _letter(index: int) -> str:
    """Column letter of the ``index``-th source: A, B, ... Z, then S27, S28..."""
    return chr(ord("A") + index) if index < 26 else f"S{index + 1}"


def _day(day: dt.date) -> str:
    """``Sat 28 Dec 2019``, independent of the locale."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _plural(count: int, word: str) -> str:
    plural = "stories" if word == "story" else f"{word}s"
    return f"{count} {word if count == 1 else plural}"


@dataclass
class _Mark:
    """One highlighted span of a source's text: a fact, or a finding's words that are no fact."""

    mark_id: str
    """Anchor id of the (first) element."""
    source_index: int
    """Index of the source in the story."""
    start: int
    """Offset of the words in ``Source.text``."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The words."""
    value: str = ""
    """Normalized value, for titles and pills."""
    fact: Fact | None = None
    """The fact, when the mark is one."""
    classes: list[str] = field(default_factory=list)
    """Classes besides ``hl``: ``fact``, ``agree``, ``disagree``, ``inconsistent``, ``typo``..."""
    notes: list[str] = field(default_factory=list)
    """Title lines after the rule and value."""
    groups: list[str] = field(default_factory=list)
    """Ids of the findings and agreements whose evidence it is."""
    pills: list[str] = field(default_factory=list)
    """HTML shown right after the words (value of a disagreement, suggestion of a typo)."""

    def add_class(self, name: str) -> None:
        if name not in self.classes:
            self.classes.append(name)


@dataclass
class _Story:
    """The marks of one story and how findings and agreements point at them."""

    result: StoryResult
    prefix: str
    """Id prefix of the story (``s1``)."""
    marks: list[_Mark]
    """Every mark, facts first in the order of ``result.facts``."""
    by_id: dict[str, _Mark]
    members: dict[str, list[str]]
    """Group id (finding or agreement) -> mark ids of its evidence, in evidence order."""
    evidence_marks: dict[tuple[str, int], str | None]
    """(group id, evidence index) -> mark id, None when the words could not be placed."""


def _offset_of(source: Source, evidence: Evidence) -> int | None:
    """Offset in ``source.text`` of evidence given by file line and column (inverse of
    ``Source.position``), or None when the words are not there."""
    line_in_text = evidence.line - source.line_offset - 1
    if line_in_text < 0:
        return None
    offset = 0
    for _ in range(line_in_text):
        offset = source.text.find("\n", offset)
        if offset < 0:
            return None
        offset += 1
    offset += evidence.column - 1 - (source.column_offset if line_in_text == 0 else 0)
    if offset < 0 or source.text[offset : offset + len(evidence.text)] != evidence.text:
        return None
    return offset


def _build_story(result: StoryResult, prefix: str, ruleset: RuleSet | None) -> _Story:
    index_of = {source.id: j for j, source in enumerate(result.sources)}
    marks: list[_Mark] = []
    by_key: dict[tuple[str, int, int, str], list[_Mark]] = defaultdict(list)
    for number, fact in enumerate(result.facts, 1):
        j = index_of.get(fact.source_id)
        if j is None:
            continue
        text = result.sources[j].text
        start, end = max(0, fact.start), min(len(text), fact.end)
        if start >= end:
            continue
        mark = _Mark(
            f"{prefix}-f{number}",
            j,
            start,
            end,
            fact.text,
            value=fact.value_label(),
            fact=fact,
            classes=["fact"],
        )
        if fact.note:
            mark.notes.append(fact.note)
        if fact.background:
            mark.add_class("background")
        marks.append(mark)
        by_key[(fact.source_id, fact.line, fact.column, fact.text)].append(mark)
    extra: dict[tuple[int, int, int], _Mark] = {}
    members: dict[str, list[str]] = {}
    evidence_marks: dict[tuple[str, int], str | None] = {}

    def mark_for(evidence: Evidence, rule: str) -> _Mark | None:
        found = by_key.get((evidence.source, evidence.line, evidence.column, evidence.text))
        if found:
            return next((m for m in found if m.fact and m.fact.kind == rule), found[0])
        j = index_of.get(evidence.source)
        if j is None:
            return None
        start = _offset_of(result.sources[j], evidence)
        if start is None:
            return None
        key = (j, start, start + len(evidence.text))
        if key not in extra:
            mark = _Mark(
                f"{prefix}-w{len(extra) + 1}",
                j,
                key[1],
                key[2],
                evidence.text,
                value=evidence.normalized or "",
            )
            extra[key] = mark
            marks.append(mark)
        return extra[key]

    def join(group: str, evidence_list: tuple[Evidence, ...], rule: str):
        """Put each piece of evidence's mark into ``group``; yield (index, evidence, mark)."""
        members[group] = []
        for k, evidence in enumerate(evidence_list):
            mark = mark_for(evidence, rule)
            evidence_marks[(group, k)] = mark.mark_id if mark else None
            if mark is None:
                continue
            if mark.mark_id not in members[group]:
                members[group].append(mark.mark_id)
            mark.groups.append(group)
            yield k, evidence, mark

    for number, finding in enumerate(result.findings, 1):
        group = f"{prefix}-finding{number}"
        link = f'href="#{_e(group)}"'
        for k, evidence, mark in join(group, finding.evidence, finding.rule):
            mark.notes.append(f"{finding.severity} {finding.rule}: {finding.message}")
            if finding.kind == "typo" and k > 0:
                mark.add_class("typo-support")
                continue
            mark.add_class(KIND_CLASS[finding.kind])
            if finding.kind == "typo":
                fix = f"→ {finding.suggestion}" if finding.suggestion else "?"
                mark.pills.append(
                    f'<a class="pill pill-typo" {link} title="{_e(finding.message)}">{_e(fix)}</a>'
                )
            elif evidence.normalized:
                mark.pills.append(
                    f'<a class="pill pill-{KIND_CLASS[finding.kind]}" {link} '
                    f'title="{_e(finding.message)}">{_e(evidence.normalized)}</a>'
                )
    for number, agreement in enumerate(result.agreements, 1):
        for _k, _evidence, mark in join(
            f"{prefix}-agreement{number}", agreement.evidence, agreement.rule
        ):
            mark.add_class("agree")
            mark.notes.append(f"agrees ({agreement.rule}): {agreement.summary}")
    for mark in marks:
        if mark.fact is None and not mark.classes:
            mark.add_class("evidence")
        if ruleset is not None and mark.fact is not None:
            rule = ruleset.rules.get(mark.fact.kind)
            description = rule.options.get("description") if rule else None
            if description:
                mark.notes.append(str(description))
    return _Story(result, prefix, marks, {m.mark_id: m for m in marks}, members, evidence_marks)


def _counterparts(story: _Story, mark: _Mark) -> list[_Mark]:
    """The other marks of every group ``mark`` belongs to, those in other sources first."""
    seen: list[_Mark] = []
    for group in mark.groups:
        for other_id in story.members[group]:
            other = story.by_id[other_id]
            if other is not mark and other not in seen:
                seen.append(other)
    return sorted(seen, key=lambda m: (m.source_index == mark.source_index, m.source_index))


def _mark_label(story: _Story, mark: _Mark) -> str:
    """``B · Reuters 1:50 “on Saturday” = 2019-12-21``: where a mark is, in words."""
    source = story.result.sources[mark.source_index]
    line, column = source.position(mark.start)
    value = f" = {mark.value}" if mark.value else ""
    return f"{_letter(mark.source_index)} · {source.outlet or source.id} {line}:{column} “{mark.text}”{value}"


def _mark_title(story: _Story, mark: _Mark) -> str:
    rule = mark.fact.kind if mark.fact else "evidence"
    head = f"{rule} = {mark.value}" if mark.value else rule
    lines = [head, *mark.notes]
    others = _counterparts(story, mark)
    if others:
        lines.append("counterparts: " + "; ".join(_mark_label(story, o) for o in others))
    return "\n".join(lines)


def _open_tag(story: _Story, mark: _Mark, first: bool) -> str:
    classes = " ".join(["hl", *mark.classes, f"src-{mark.source_index % SOURCE_COLOURS}"])
    attributes = [f'class="{_e(classes if first else classes + " cont")}"']
    if first:
        attributes.append(f'id="{_e(mark.mark_id)}"')
    if mark.groups:
        attributes.append(f'data-groups="{_e(" ".join(mark.groups))}"')
    attributes.append(f'title="{_e(_mark_title(story, mark))}"')
    return f"<mark {' '.join(attributes)}>"


def _after_tag(story: _Story, mark: _Mark) -> str:
    """Pills and counterpart links shown once, after the last fragment of a mark."""
    parts = list(mark.pills)
    others = _counterparts(story, mark)
    if others:
        links = "".join(
            f'<a href="#{_e(o.mark_id)}" class="src-{o.source_index % SOURCE_COLOURS}" '
            f'title="{_e(_mark_label(story, o))}">{_e(_letter(o.source_index))}</a>'
            for o in others
        )
        parts.append(f'<sup class="links">{links}</sup>')
    return "".join(parts)


def _highlight(story: _Story, source_index: int) -> str:
    """The text of one source, escaped, with its marks as properly nested ``<mark>`` elements.

    Overlapping marks that do not nest are split: a fragment that reopens after an
    inner mark closed has the class ``cont`` and no id.
    """
    text = story.result.sources[source_index].text
    marks = sorted(
        (m for m in story.marks if m.source_index == source_index),
        key=lambda m: (m.start, -m.end, m.mark_id),
    )
    order = {m.mark_id: i for i, m in enumerate(marks)}
    starting: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    boundaries = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[_Mark] = []
    opened: set[str] = set()
    position = 0
    for boundary in boundaries:
        if boundary > position:
            out.append(_e(text[position:boundary]))
            position = boundary
        ending = [i for i, m in enumerate(stack) if m.end <= boundary]
        reopen: list[_Mark] = []
        if ending:
            closed = stack[min(ending) :]
            del stack[min(ending) :]
            for mark in reversed(closed):
                out.append("</mark>")
                if mark.end <= boundary:
                    out.append(_after_tag(story, mark))
                else:
                    reopen.append(mark)
        for mark in sorted(
            reopen + starting.get(boundary, []), key=lambda m: (-m.end, order[m.mark_id])
        ):
            out.append(_open_tag(story, mark, mark.mark_id not in opened))
            opened.add(mark.mark_id)
            stack.append(mark)
    return "".join(out)


def _source_header(source: Source, index: int) -> str:
    published = _day(source.published) if source.published else "no publication date"
    why = f" (from {source.published_from}"
    why += f": {source.published_evidence})" if source.published_evidence else ")"
    title = f'<div class="headline">{_e(source.title)}</div>' if source.title else ""
    return (
        f'<header class="source-head src-{index % SOURCE_COLOURS}">'
        f'<div class="outlet"><span class="letter">{_e(_letter(index))}</span>'
        f"{_e(source.outlet or source.id)}</div>{title}"
        f'<div class="source-id">{_e(source.id)}</div>'
        f'<div class="published">published <strong>{_e(published)}</strong>{_e(why)}</div>'
        "</header>"
    )


def _evidence_item(story: _Story, group: str, k: int, evidence: Evidence, extra: str = "") -> str:
    mark_id = story.evidence_marks.get((group, k))
    index = next((j for j, s in enumerate(story.result.sources) if s.id == evidence.source), None)
    source = story.result.sources[index] if index is not None else None
    who = f"{_letter(index)} · {source.outlet or source.id}" if source and index is not None else ""
    where = f"{evidence.source}:{evidence.line}:{evidence.column}"
    words = f"“{_e(evidence.text)}”"
    if mark_id:
        words = f'<a href="#{_e(mark_id)}">{words}</a>'
    colour = f" src-{index % SOURCE_COLOURS}" if index is not None else ""
    value = (
        f' <span class="value">= {_e(evidence.normalized)}</span>' if evidence.normalized else ""
    )
    anchor = f' <span class="anchor">{_e(evidence.anchor)}</span>' if evidence.anchor else ""
    return (
        f'<li><span class="who{colour}">{_e(who)}</span> {words}{value}{extra}{anchor}'
        f' <span class="where">{_e(where)}</span></li>'
    )


def _evidence_chip(story: _Story, group: str, k: int, evidence: Evidence) -> str:
    """One agreeing statement as a compact link: ``A “year-end”``."""
    mark_id = story.evidence_marks.get((group, k))
    index = next((j for j, s in enumerate(story.result.sources) if s.id == evidence.source), None)
    letter = _letter(index) if index is not None else "?"
    colour = f" src-{index % SOURCE_COLOURS}" if index is not None else ""
    where = f"{evidence.source}:{evidence.line}:{evidence.column}"
    body = f'<span class="letter">{_e(letter)}</span>“{_e(evidence.text)}”'
    if mark_id:
        return f'<a class="chip{colour}" href="#{_e(mark_id)}" title="{_e(where)}">{body}</a>'
    return f'<span class="chip{colour}" title="{_e(where)}">{body}</span>'


def _finding_item(story: _Story, number: int, finding: Finding, ruleset: RuleSet | None) -> str:
    group = f"{story.prefix}-finding{number}"
    rule = ruleset.rules.get(finding.rule) if ruleset is not None else None
    description = rule.options.get("description") if rule else None
    rule_title = f' title="{_e(description)}"' if description else ""
    items = []
    for k, evidence in enumerate(finding.evidence):
        extra = ""
        if finding.kind == "typo" and k == 0 and finding.suggestion:
            extra = f' <span class="suggestion">→ {_e(finding.suggestion)}</span>'
        elif finding.kind == "typo" and k > 0:
            extra = ' <span class="support">(form used elsewhere)</span>'
        items.append(_evidence_item(story, group, k, evidence, extra))
    return (
        f'<li class="finding sev-{_e(finding.severity)} kind-{_e(finding.kind)}" id="{_e(group)}" '
        f'data-groups="{_e(group)}">'
        f'<div class="finding-head"><span class="severity">{_e(finding.severity)}</span>'
        f'<span class="kind">{_e(finding.kind)}</span>'
        f'<code class="rule"{rule_title}>{_e(finding.rule)}</code></div>'
        f'<p class="message">{_e(finding.message)}</p>'
        f'<ul class="evidence">{"".join(items)}</ul></li>'
    )


def _findings(story: _Story, ruleset: RuleSet | None) -> str:
    result = story.result
    if result.findings:
        items = "".join(
            _finding_item(story, n, f, ruleset) for n, f in enumerate(result.findings, 1)
        )
        body = f'<ol class="findings">{items}</ol>'
    else:
        body = '<p class="none">No findings: the sources agree on every fact that was aligned.</p>'
    agreements = ""
    if result.agreements:
        rows = []
        for number, agreement in enumerate(result.agreements, 1):
            group = f"{story.prefix}-agreement{number}"
            chips = "".join(
                _evidence_chip(story, group, k, e) for k, e in enumerate(agreement.evidence)
            )
            values = list(dict.fromkeys(e.normalized for e in agreement.evidence if e.normalized))
            value = f'<span class="value">{_e(" ≈ ".join(values))}</span>' if values else ""
            rows.append(
                f'<li class="agreement" id="{_e(group)}" data-groups="{_e(group)}" '
                f'title="{_e(agreement.summary)}">'
                f'<span class="severity ok">agrees</span><code class="rule">{_e(agreement.rule)}</code>'
                f'<span class="chips">{chips}</span><span class="arrow">→</span>{value}</li>'
            )
        agreements = (
            f'<details class="agreements" open><summary>{_e(_plural(len(rows), "agreement"))}'
            f'</summary><ol class="findings">{"".join(rows)}</ol></details>'
        )
    return f"<h3>Findings</h3>{body}{agreements}"


@dataclass(frozen=True)
class _Scale:
    """A linear date axis from ``first`` to ``last`` (inclusive), in percent of the track."""

    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def at(self, day: dt.date) -> float:
        return 100.0 * (day - self.first).days / self.days

    def span(self, first: dt.date, last: dt.date) -> tuple[float, float, bool, bool]:
        """Left and width (percent) of the days ``first``..``last``, clipped; and if clipped."""
        lo, hi = max(first, self.first), min(last, self.last)
        left = self.at(lo)
        width = 100.0 * ((hi - lo).days + 1) / self.days
        return left, width, first < self.first, last > self.last


def _pct(value: float) -> str:
    return f"{value:.3f}%"


def _ticks(scale: _Scale) -> list[tuple[dt.date, str, bool]]:
    """(day, label, major) grid lines suited to the span: days, weeks, months or years."""
    days = scale.days
    ticks: list[tuple[dt.date, str, bool]] = []
    if days <= 21:
        for n in range(days):
            day = scale.first + dt.timedelta(days=n)
            ticks.append(
                (day, f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}", True)
            )
        return ticks
    if days <= 150:
        day = scale.first + dt.timedelta(days=(7 - scale.first.weekday()) % 7)
        while day <= scale.last:
            ticks.append((day, f"Mon {day.day} {MONTHS[day.month - 1]}", True))
            day += dt.timedelta(days=7)
        return ticks
    if days <= 1200:
        step = 1 if days <= 400 else 3
        year, month = scale.first.year, scale.first.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            day = dt.date(year, month, 1)
            if day > scale.last:
                return ticks
            if (month - 1) % step == 0:
                label = (
                    f"{MONTHS[month - 1]} {year}" if month == 1 or not ticks else MONTHS[month - 1]
                )
                ticks.append((day, label, month == 1))
    step = max(1, (days // 365) // 10)
    for year in range(scale.first.year + 1, scale.last.year + 1):
        if year % step == 0:
            ticks.append((dt.date(year, 1, 1), str(year), True))
    return ticks


def _fit(first: dt.date, last: dt.date) -> _Scale:
    pad = dt.timedelta(days=max(1, ((last - first).days + 1) // 25))
    return _Scale(first - pad, last + pad)


def _timeline_panel(
    story: _Story,
    heading: str,
    scale: _Scale,
    placed: Sequence[tuple[_Mark, Interval]],
    publications: list[int],
) -> str:
    """One date axis: grid lines, weekends, publication dates, and a row per dated fact."""
    sources = story.result.sources
    grid: list[str] = []
    if scale.days <= 150:
        for n in range(scale.days):
            day = scale.first + dt.timedelta(days=n)
            if day.weekday() >= 5:
                left, width, _, _ = scale.span(day, day)
                grid.append(
                    f'<div class="tl-weekend" style="left:{_pct(left)};width:{_pct(width)}"></div>'
                )
    for day, label, major in _ticks(scale):
        kind = "tl-tick major" if major else "tl-tick"
        kind += " end" if scale.at(day) > 92 else ""
        grid.append(
            f'<div class="{kind}" style="left:{_pct(scale.at(day))}"><span>{_e(label)}</span></div>'
        )
    for row, j in enumerate(publications):
        source = sources[j]
        published = source.published or scale.first  # publications lists dated sources only
        left, width, _, _ = scale.span(published, published)
        label = f"{_letter(j)} · {source.outlet or source.id} published {_day(published)}"
        side = "right" if left > 60 else "left"
        grid.append(
            f'<div class="tl-pub src-{j % SOURCE_COLOURS} {side}" '
            f'style="left:{_pct(left + width / 2)};--row:{row}" title="{_e(label)}">'
            f"<span>{_e(label)}</span></div>"
        )
    rows: list[str] = []
    for mark, value in placed:
        source = sources[mark.source_index]
        left, width, cut_left, cut_right = scale.span(value.start, value.end)
        classes = ["tl-bar", f"src-{mark.source_index % SOURCE_COLOURS}"]
        classes += [c for c in ("disagree", "inconsistent", "agree") if c in mark.classes][:1]
        classes += ["cut-left"] * cut_left + ["cut-right"] * cut_right
        flag = ""
        if "disagree" in mark.classes:
            flag = '<span class="flag disagree">disagrees</span>'
        elif "inconsistent" in mark.classes:
            flag = '<span class="flag inconsistent">inconsistent</span>'
        title = f"{_mark_label(story, mark)} ({mark.fact.kind if mark.fact else 'date'})"
        weekday = ""
        if value.start == value.end:
            day_name = WEEKDAYS[value.start.weekday()]
            weekday = f' <span class="weekday">{day_name}</span>'
        rows.append(
            '<div class="tl-row">'
            f'<a class="tl-label" href="#{_e(mark.mark_id)}" title="{_e(title)}">'
            f'<span class="who src-{mark.source_index % SOURCE_COLOURS}">'
            f"{_e(_letter(mark.source_index))} · {_e(source.outlet or source.id)}</span> "
            f'<span class="words">“{_e(mark.text)}”</span></a>'
            f'<div class="tl-value">{_e(mark.value)}{weekday}{flag}</div>'
            f'<div class="tl-track"><a class="{" ".join(classes)}" href="#{_e(mark.mark_id)}" '
            f'style="left:{_pct(left)};width:{_pct(width)}" title="{_e(title)}"></a></div>'
            "</div>"
        )
    range_text = f"{_day(scale.first)} – {_day(scale.last)}"
    return (
        f'<div class="tl-panel" style="--pubs:{len(publications)}">'
        f'<div class="tl-caption">{_e(heading)} <span>{_e(range_text)}</span></div>'
        f'<div class="tl-body"><div class="tl-grid">{"".join(grid)}</div>'
        f'<div class="tl-axis"></div>{"".join(rows)}<div class="tl-foot"></div></div></div>'
    )


def _timeline(story: _Story) -> str:
    """Every dated fact of the story on a date axis: around publication, then the whole span."""
    dated: list[tuple[_Mark, Interval]] = []
    undated: list[_Mark] = []
    for mark in story.marks:
        value = mark.fact.value if mark.fact is not None else None
        if isinstance(value, Interval) and value.year_known:
            dated.append((mark, value))
        elif isinstance(value, Interval):
            undated.append(mark)
    sources = story.result.sources
    publications = [j for j, s in enumerate(sources) if s.published is not None]
    pub_days = [s.published for s in sources if s.published is not None]
    note = ""
    if undated:
        words = ", ".join(_mark_label(story, m) for m in undated)
        note = f'<p class="none">Not placed (no year known): {_e(words)}</p>'
    if not dated:
        return f'<h3>Timeline</h3><p class="none">No dated facts with a known year.</p>{note}'
    dated.sort(key=lambda item: (item[1].start, item[1].end, item[0].source_index, item[0].start))
    days = [day for _, value in dated for day in (value.start, value.end)] + pub_days
    everything = _fit(min(days), max(days))
    panels = []
    if pub_days:
        window_lo, window_hi = min(pub_days) - NEWS_WINDOW, max(pub_days) + NEWS_WINDOW
        near = [(m, v) for m, v in dated if v.end >= window_lo and v.start <= window_hi]
        if near and len(near) < len(dated):
            first = max(window_lo, min(v.start for _, v in near))
            last = min(window_hi, max(v.end for _, v in near))
            zoom = _fit(min([first, *pub_days]), max([last, *pub_days]))
            panels.append(_timeline_panel(story, "Around publication", zoom, near, publications))
            panels.append(_timeline_panel(story, "Whole span", everything, dated, publications))
    if not panels:
        panels.append(_timeline_panel(story, "All dated facts", everything, dated, publications))
    return f"<h3>Timeline</h3>{''.join(panels)}{note}"


def _legend() -> str:
    entries = [
        ("fact", "fact"),
        ("agree", "agrees with another source"),
        ("disagree", "disagrees"),
        ("inconsistent", "inconsistent in the article"),
        ("typo", "typo"),
    ]
    items = "".join(
        f'<span><mark class="hl {cls}">{_e(label)}</mark></span>' for cls, label in entries
    )
    return (
        f'<div class="legend">{items}<span class="hint">Hover a fact to light up its '
        "counterparts; the letters after it link to them.</span></div>"
    )


def _story_section(story: _Story, ruleset: RuleSet | None) -> str:
    result = story.result
    counts = {
        level: sum(f.severity == level for f in result.findings)
        for level in ("error", "warning", "info")
    }
    meta = (
        f"{_plural(len(result.sources), 'source')} · {_plural(result.fact_count, 'fact')} · "
        f"{_plural(counts['error'], 'error')} · {_plural(counts['warning'], 'warning')} · "
        f"{_plural(counts['info'], 'info')}"
    )
    columns = "".join(
        f'<article class="source" id="{_e(story.prefix)}-src{j + 1}">'
        f"{_source_header(source, j)}"
        f'<div class="text">{_highlight(story, j)}</div></article>'
        for j, source in enumerate(result.sources)
    )
    return (
        f'<section class="story" id="{_e(story.prefix)}">'
        f'<h2><span class="story-label">story</span> {_e(result.story)}'
        f' <span class="meta">{_e(meta)}</span></h2>'
        f"{_findings(story, ruleset)}{_timeline(story)}"
        f"<h3>Sources</h3>{_legend()}"
        f'<div class="sources" style="--columns:{max(1, len(result.sources))}">{columns}</div>'
        "</section>"
    )


SCRIPT = (
    "document.addEventListener('DOMContentLoaded',function(){"
    "function lit(event,on){var el=event.target.closest&&event.target.closest('[data-groups]');"
    "if(!el)return;el.getAttribute('data-groups').split(' ').forEach(function(g){"
    "document.querySelectorAll('[data-groups~=\"'+g+'\"]').forEach(function(m){"
    "m.classList.toggle('lit',on);});});}"
    "['mouseover','focusin'].forEach(function(t){document.addEventListener(t,function(e){lit(e,true);});});"
    "['mouseout','focusout'].forEach(function(t){document.addEventListener(t,function(e){lit(e,false);});});"
    "});"
)
"""The page's only script: hovering a fact or a finding lights up every member of its groups."""

CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--paper:#fff;--wash:#f6f8fa;
--fact:#dbeafe;--fact-line:#3b82f6;--agree:#dcfce7;--agree-line:#16a34a;
--disagree:#fee2e2;--disagree-line:#dc2626;--inconsistent:#f3e8ff;--inconsistent-line:#9333ea;
--typo:#ffedd5;--typo-line:#ea580c}
.src-0{--src:#2563eb}.src-1{--src:#d97706}.src-2{--src:#059669}.src-3{--src:#7c3aed}
.src-4{--src:#db2777}.src-5{--src:#0891b2}.src-6{--src:#65a30d}.src-7{--src:#b91c1c}
*{box-sizing:border-box}
body{margin:0;background:var(--wash);color:var(--ink);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
a{color:inherit}
.page-head{background:#24292f;color:#fff;padding:14px 28px;display:flex;align-items:baseline;gap:18px;flex-wrap:wrap}
.page-head h1{font-size:19px;margin:0;font-weight:650;letter-spacing:.2px}
.page-head .summary{color:#d0d7de}
main{padding:18px 28px 40px;max-width:1800px;margin:0 auto}
.errors{background:#fff8f0;border:1px solid #f0b37e;border-radius:8px;padding:10px 16px;margin-bottom:18px}
.errors h2{font-size:15px;margin:0 0 6px}
.errors li{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
.story{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:16px 22px 22px;margin-bottom:26px}
.story h2{font-size:20px;margin:0 0 4px;display:flex;align-items:baseline;gap:10px;flex-wrap:wrap}
.story-label{font-size:11px;text-transform:uppercase;letter-spacing:.8px;color:var(--muted);font-weight:600}
.story h2 .meta{font-size:13px;font-weight:400;color:var(--muted)}
.story h3{font-size:12px;text-transform:uppercase;letter-spacing:.8px;color:var(--muted);
margin:18px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
.none{color:var(--muted);margin:4px 0}
ol.findings{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.finding,.agreement{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:6px;padding:8px 12px;background:#fff}
.agreement{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center;padding:6px 12px}
.chips{display:flex;flex-wrap:wrap;gap:4px 6px}
.chip{text-decoration:none;border:1px solid var(--line);border-radius:12px;padding:0 8px 0 2px;font-family:Georgia,"DejaVu Serif","Liberation Serif",serif;background:#fff;white-space:nowrap}
.chip .letter{margin-right:5px;font-family:system-ui,sans-serif;min-width:18px;border-radius:10px}
.chip:hover{border-color:var(--src)}
.arrow{color:var(--muted)}
.finding.sev-error{border-left-color:var(--disagree-line)}
.finding.sev-warning{border-left-color:#d4a72c}
.finding.sev-info{border-left-color:var(--fact-line)}
.agreement{border-left-color:var(--agree-line)}
.finding.lit,.agreement.lit{background:#fffbe6}
.finding-head{display:flex;gap:8px;align-items:center}
.severity{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.5px;padding:1px 7px;border-radius:10px;background:#eaeef2}
.sev-error .severity{background:var(--disagree);color:#991b1b}
.sev-warning .severity{background:#fff4c2;color:#7a5b00}
.sev-info .severity{background:var(--fact);color:#1e40af}
.severity.ok{background:var(--agree);color:#166534}
.kind{color:var(--muted);font-size:12.5px}
code,.rule,.source-id,.where{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
.rule{font-size:12px;background:var(--wash);border:1px solid var(--line);border-radius:4px;padding:0 5px}
.message{margin:4px 0 4px;font-weight:500}
ul.evidence{margin:0;padding-left:18px;color:var(--ink)}
ul.evidence li{margin:1px 0}
.who{font-weight:600;color:var(--src,var(--ink))}
.value{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px;background:var(--wash);padding:0 4px;border-radius:3px}
.suggestion{color:#166534;font-weight:600}
.support,.anchor,.where{color:var(--muted);font-size:12px}
details.agreements{margin-top:10px}
details.agreements summary{cursor:pointer;color:var(--muted);font-weight:600;margin-bottom:6px}
.legend{display:flex;gap:12px;flex-wrap:wrap;align-items:center;font-size:12.5px;margin-bottom:10px}
.legend .hint{color:var(--muted)}
.sources{display:grid;grid-template-columns:repeat(var(--columns),minmax(340px,1fr));gap:16px;overflow-x:auto}
.source{border:1px solid var(--line);border-radius:8px;background:#fff;min-width:0}
.source-head{border-top:4px solid var(--src);border-bottom:1px solid var(--line);border-radius:8px 8px 0 0;padding:8px 14px;background:var(--wash)}
.outlet{font-weight:700;font-size:15px;display:flex;gap:8px;align-items:center}
.letter{display:inline-block;min-width:20px;text-align:center;border-radius:4px;background:var(--src);color:#fff;font-size:12px;padding:0 5px}
.headline{font-weight:600;margin-top:2px}
.source-id{font-size:11.5px;color:var(--muted);word-break:break-all}
.published{font-size:12.5px;color:var(--muted)}
.published strong{color:var(--ink)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;padding:12px 16px 16px;font:15px/1.65 Georgia,"DejaVu Serif","Liberation Serif","Times New Roman",serif}
mark.hl{background:var(--fact);color:inherit;border-bottom:2px solid var(--fact-line);border-radius:2px;padding:0 1px}
mark.hl.background{background:#eef2f7;border-bottom-color:#94a3b8}
mark.hl.agree{background:var(--agree);border-bottom-color:var(--agree-line)}
mark.hl.inconsistent{background:var(--inconsistent);border-bottom-color:var(--inconsistent-line)}
mark.hl.disagree{background:var(--disagree);border-bottom-color:var(--disagree-line);font-weight:600}
mark.hl.typo{background:var(--typo);border-bottom:none;text-decoration:underline wavy var(--typo-line);text-decoration-thickness:1.5px;text-underline-offset:3px}
mark.hl.typo-support{background:#f0fdf4;border-bottom:2px dotted var(--agree-line)}
mark.hl.evidence{background:#fef9c3;border-bottom-color:#ca8a04}
mark.hl.lit,mark.hl:target{outline:2px solid #f59e0b;outline-offset:1px;background:#fde68a}
.pill{font:600 11.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
padding:0 5px;margin-left:3px;border-radius:9px;text-decoration:none;white-space:nowrap;vertical-align:1px}
.pill-disagree{background:var(--disagree-line);color:#fff}
.pill-inconsistent{background:var(--inconsistent-line);color:#fff}
.pill-typo{background:var(--typo-line);color:#fff}
sup.links{font:600 10px/1 system-ui,sans-serif;margin-left:1px;white-space:nowrap}
sup.links a{display:inline-block;text-decoration:none;color:#fff;background:var(--src);border-radius:3px;padding:1px 3px;margin-left:1px}
.tl-panel{--label:300px;--value:130px;margin-bottom:12px}
.tl-caption{font-weight:600;font-size:13px;margin-bottom:4px}
.tl-caption span{font-weight:400;color:var(--muted);margin-left:6px}
.tl-body{position:relative;border:1px solid var(--line);border-radius:6px;background:#fff;overflow:hidden}
.tl-grid{position:absolute;top:0;bottom:0;left:calc(var(--label) + var(--value));right:12px}
.tl-weekend{position:absolute;top:0;bottom:0;background:#f3f4f6}
.tl-tick{position:absolute;top:0;bottom:0;border-left:1px solid #e5e7eb}
.tl-tick.major{border-left-color:#d0d7de}
.tl-tick span{position:absolute;top:4px;left:3px;font-size:11px;color:var(--muted);white-space:nowrap}
.tl-tick.end span{left:auto;right:3px}
.tl-value .weekday{color:var(--ink);font-weight:600}
.tl-pub{position:absolute;top:22px;bottom:0;border-left:2px dashed var(--src);opacity:.9}
.tl-pub span{position:absolute;bottom:calc(4px + var(--row) * 17px);left:4px;font-size:11px;font-weight:600;color:var(--src);white-space:nowrap;background:#fff;padding:0 3px;border-radius:3px}
.tl-pub.right span{left:auto;right:4px}
.tl-axis{height:24px}
.tl-foot{height:calc(8px + var(--pubs) * 17px)}
.tl-row{position:relative;display:grid;grid-template-columns:var(--label) var(--value) 1fr;align-items:center;min-height:24px;border-top:1px solid #f0f2f4}
.tl-row:hover{background:rgba(250,204,21,.12)}
.tl-label{padding:2px 10px;font-size:12.5px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;text-decoration:none;position:relative;background:#fff}
.tl-label .who{color:var(--src);display:inline-block;max-width:130px;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}
.tl-label .words{font-family:Georgia,"DejaVu Serif","Liberation Serif",serif}
.tl-value{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;color:var(--muted);background:#fff;position:relative;white-space:nowrap}
.flag{display:block;font:600 10px/1.2 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.4px}
.flag.disagree{color:var(--disagree-line)}.flag.inconsistent{color:var(--inconsistent-line)}
.tl-track{position:relative;height:24px;margin-right:12px}
.tl-bar{position:absolute;top:6px;height:12px;min-width:8px;border-radius:6px;background:var(--src);opacity:.85}
.tl-bar.disagree{box-shadow:0 0 0 2px #fff,0 0 0 4px var(--disagree-line);opacity:1}
.tl-bar.inconsistent{box-shadow:0 0 0 2px #fff,0 0 0 4px var(--inconsistent-line)}
.tl-bar.cut-left{border-top-left-radius:0;border-bottom-left-radius:0}
.tl-bar.cut-right{border-top-right-radius:0;border-bottom-right-radius:0}
.tl-bar:hover{opacity:1;outline:2px solid #f59e0b}
@media print{body{background:#fff}.story{border:none}}
"""


def render_html(
    results: list[StoryResult],
    input_errors: list[CheckerError],
    *,
    ruleset: RuleSet | None = None,
) -> str:
    """Render the whole report as one self-contained HTML page.

    Args:
        results (list[StoryResult]): every story's facts, findings and agreements.
        input_errors (list[CheckerError]): files that could not be read.
        ruleset (RuleSet | None): the loaded rules, for their descriptions in titles. Defaults to None.
    """
    stories = [_build_story(result, f"s{n}", ruleset) for n, result in enumerate(results, 1)]
    findings = [f for r in results for f in r.findings]
    counts = {
        level: sum(f.severity == level for f in findings) for level in ("error", "warning", "info")
    }
    sources = sum(len(r.sources) for r in results)
    summary = (
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')} and "
        f"{_plural(counts['info'], 'info')} in {_plural(sources, 'source')} "
        f"({_plural(len(results), 'story')})"
    )
    if input_errors:
        summary += f"; {unread_summary(input_errors)}"
    errors = ""
    if input_errors:
        items = "".join(f"<li>{_e(error)}</li>" for error in input_errors)
        errors = (
            f'<section class="errors"><h2>What could not be read</h2><ul>{items}</ul></section>'
        )
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    body = "".join(_story_section(story, ruleset) for story in stories)
    if not results:
        body = '<p class="none">No stories were checked.</p>'
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(policy)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="checker">',
            "<title>checker report</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            f'<header class="page-head"><h1>checker report</h1>'
            f'<span class="summary">{_e(summary)}</span></header>',
            f"<main>{errors}{body}</main>",
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
