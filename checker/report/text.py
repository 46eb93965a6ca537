"""The terminal report: per story, a diff-style block per finding, agreements, a summary.

Built from small rich renderables. Readable without colour: the fact's words are
always bracketed, and ``---``/``+++`` lines carry the source and value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from rich.theme import Theme

from checker.errors import CheckerError
from checker.model import Agreement, Evidence, Finding, StoryResult

THEME = Theme(
    {
        "finding.error": "bold red",
        "finding.warning": "bold yellow",
        "finding.info": "bold blue",
        "finding.rule": "cyan",
        "evidence.quote": "bold underline",
        "evidence.old": "red",
        "evidence.new": "green",
        "evidence.value": "magenta",
        "evidence.anchor": "dim",
        "agreement": "green",
        "story": "bold",
        "summary": "bold",
    }
)
EXCERPT = 110
"""Characters of the sentence shown around the fact's words."""


def _excerpt(evidence: Evidence) -> Text:
    """The sentence around the evidence words, the words bracketed and highlighted."""
    sentence = " ".join(evidence.sentence.split("\n"))
    offset = evidence.sentence_offset
    if offset is None or sentence[offset : offset + len(evidence.text)] != evidence.text:
        offset = sentence.find(evidence.text)
    if offset < 0:
        return Text(sentence[:EXCERPT])
    end = offset + len(evidence.text)
    room = max(0, EXCERPT - len(evidence.text)) // 2
    left, right = max(0, offset - room), min(len(sentence), end + room)
    text = Text()
    text.append(("…" if left > 0 else "") + sentence[left:offset])
    text.append(f"[{evidence.text}]", style="evidence.quote")
    text.append(sentence[end:right] + ("…" if right < len(sentence) else ""))
    return text


def _location(evidence: Evidence) -> str:
    return f"{evidence.source}:{evidence.line}:{evidence.column}"


class FindingBlock:
    """One finding: a header line, the message, and the evidence as a diff."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        finding = self.finding
        header = Text()
        header.append(f"{finding.severity:<7} ", style=f"finding.{finding.severity}")
        header.append(f"{finding.kind:<13} ")
        header.append(finding.rule, style="finding.rule")
        yield header
        yield Text("  " + finding.message)
        if finding.kind == "typo":
            for evidence in finding.evidence:
                line = Text(f"  {_location(evidence)}  ")
                line.append(f'"{evidence.text}"', style="evidence.old")
                if evidence.anchor:  # the right form, where a source writes it
                    line.append(f"  ({evidence.anchor})", style="evidence.anchor")
                elif finding.suggestion:
                    line.append(" -> ")
                    line.append(
                        f'"{evidence.normalized or finding.suggestion}"', style="evidence.new"
                    )
                yield line
                yield Text("    ").append_text(_excerpt(evidence))
            yield Text("")
            return
        groups: dict[str | None, list[Evidence]] = {}
        for evidence in finding.evidence:
            groups.setdefault(evidence.normalized, []).append(evidence)
        ordered = sorted(groups.items(), key=lambda item: -len(item[1]))
        for index, (value, items) in enumerate(ordered):
            marker, style = ("-", "evidence.old") if index == 0 else ("+", "evidence.new")
            for evidence in items:
                head = Text(f"  {marker * 3} {_location(evidence)}  ", style=style)
                head.append(f"= {value}", style="evidence.value")
                if evidence.anchor:
                    head.append(f"  ({evidence.anchor})", style="evidence.anchor")
                yield head
                yield Text(f"  {marker}   ", style=style).append_text(_excerpt(evidence))
        yield Text("")


class AgreementLine:
    """One agreement, summarised on one line."""

    def __init__(self, agreement: Agreement) -> None:
        self.agreement = agreement

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        where = ", ".join(
            f"{e.source.rsplit('/', 1)[-1]}:{e.line}" for e in self.agreement.evidence
        )
        yield (
            Text("  = ", style="agreement")
            .append(self.agreement.summary)
            .append(f"  [{where}]", style="evidence.anchor")
        )


class StoryHeader:
    """The story's name and each source with the date its relative expressions rest on."""

    def __init__(self, result: StoryResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        result = self.result
        yield Text(
            f"== story {result.story}: {len(result.sources)} sources, {result.fact_count} facts",
            style="story",
        )
        for source in result.sources:
            published = source.published.isoformat() if source.published else "no date"
            why = f" from {source.published_from}" + (
                f": {source.published_evidence}" if source.published_evidence else ""
            )
            yield Text(
                f"  {source.id}  outlet {source.outlet or '-'}, published {published}{why}",
                style="evidence.anchor",
            )
        yield Text("")


class Summary:
    """Counts of findings by severity, sources and stories."""

    def __init__(self, results: list[StoryResult], input_errors: list[CheckerError]) -> None:
        self.results = results
        self.input_errors = input_errors

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        findings = [f for r in self.results for f in r.findings]
        counts = {
            level: sum(f.severity == level for f in findings)
            for level in ("error", "warning", "info")
        }

        def plural(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        sources = sum(len(r.sources) for r in self.results)
        line = (
            f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')} and "
            f"{plural(counts['info'], 'info')} in {plural(sources, 'source')} "
            f"({plural(len(self.results), 'story')})".replace("storys", "stories")
        )
        if self.input_errors:
            line += f"; {unread_summary(self.input_errors)}"
        yield Text(line, style="summary")


NAMED_UNREAD = 3
"""Files named in the summary of what could not be read; more are counted ("and 2 more")."""


def _is_record_error(error: CheckerError) -> bool:
    """True for one JSONL record skipped (its line named) in a file whose other records were
    read; False for a whole file (or folder) that could not be read."""
    return error.line is not None and (error.path or "").lower().endswith(".jsonl")


def _named(paths: list[str]) -> str:
    shown = ", ".join(paths[:NAMED_UNREAD])
    return shown + (f" and {len(paths) - NAMED_UNREAD} more" if len(paths) > NAMED_UNREAD else "")


def unread_summary(input_errors: list[CheckerError]) -> str:
    """What could not be read, for a summary line: whole files counted once each however many
    errors they gave, and JSONL records skipped counted apart, each with the files named
    ("2 files could not be read (wire/a.txt, wire/b.txt); 1 record of feed.jsonl was
    skipped")."""

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    files = list(dict.fromkeys(e.path or "?" for e in input_errors if not _is_record_error(e)))
    records = [e for e in input_errors if _is_record_error(e)]
    record_files = list(dict.fromkeys(e.path or "?" for e in records))
    parts = []
    if files:
        parts.append(f"{plural(len(files), 'file')} could not be read ({_named(files)})")
    if records:
        verb = "was" if len(records) == 1 else "were"
        parts.append(f"{plural(len(records), 'record')} of {_named(record_files)} {verb} skipped")
    return "; ".join(parts)


def story_renderables(result: StoryResult) -> Iterable[object]:
    """Everything printed for one story."""
    yield StoryHeader(result)
    for finding in result.findings:
        yield FindingBlock(finding)
    if result.agreements:
        yield Text("  agreements", style="agreement")
        for agreement in result.agreements:
            yield AgreementLine(agreement)
        yield Text("")


def make_console(file: IO[str], *, width: int | None = None, color: bool | None = None) -> Console:
    """A console for reports; ``color=False`` (or NO_COLOR, or a pipe) prints plain text."""
    return Console(
        file=file,
        theme=THEME,
        width=width,
        no_color=None if color is None else not color,
        color_system=None if color is False else "auto",
        highlight=False,
        emoji=False,
        soft_wrap=True,
    )


def render_text(
    results: list[StoryResult], input_errors: list[CheckerError], console: Console
) -> None:
    """Print the whole report to ``console``."""
    for error in input_errors:
        console.print(Text(f"error   {error}", style="finding.error"))
    for result in results:
        for renderable in story_renderables(result):
            console.print(renderable)
    console.print(Summary(results, input_errors))
