"""The Markdown report, for a pull-request comment.

A heading, the files (and JSONL records) that could not be read, then per story a table
with a row per finding (severity | rule | where | words | value | message; a finding with
several pieces of evidence lists them in one cell, separated by ``<br>``), and
the text report's summary line. Cells are escaped: a ``|`` or a line break in an
article's words cannot break the table, and Markdown or HTML in them is shown as
written.
"""

from __future__ import annotations

import io
import re

from checker.errors import CheckerError
from checker.model import Finding, StoryResult
from checker.report.text import Summary, make_console
from checker.rules import RuleSet

HEADING = "## checker report"
COLUMNS = ("severity", "rule", "where", "words", "value", "message")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def cell_text(text: str) -> str:
    """Plain text for a table cell: one line, Markdown and HTML characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


def cell_code(text: str) -> str:
    """Text as a code span in a table cell: one line, pipes escaped, fence longer than any backtick run."""
    content = _one_line(text).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    if content.startswith("`") or content.endswith("`"):
        content = f" {content} "
    return f"{fence}{content}{fence}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _row(finding: Finding) -> str:
    where = "<br>".join(cell_code(f"{e.source}:{e.line}:{e.column}") for e in finding.evidence)
    words = "<br>".join(cell_code(e.text) for e in finding.evidence)
    values = "<br>".join(cell_text(e.normalized or "-") for e in finding.evidence)
    cells = (
        finding.severity,
        cell_code(finding.rule),
        where,
        words,
        values,
        cell_text(finding.message),
    )
    return "| " + " | ".join(cells) + " |"


def _story(result: StoryResult) -> list[str]:
    lines = [
        f"### {cell_text(result.story)}",
        "",
        f"{_plural(len(result.sources), 'source')}, {_plural(result.fact_count, 'fact')}",
        "",
    ]
    if not result.findings:
        return [*lines, "No findings.", ""]
    lines.append("| " + " | ".join(COLUMNS) + " |")
    lines.append("|" + " --- |" * len(COLUMNS))
    lines += [_row(finding) for finding in result.findings]
    return [*lines, ""]


def summary_line(results: list[StoryResult], input_errors: list[CheckerError]) -> str:
    """The text report's summary line (``1 error, 1 warning and 0 infos in 2 sources (1 story)``)."""
    buffer = io.StringIO()
    make_console(buffer, width=10_000, color=False).print(Summary(results, input_errors))
    return buffer.getvalue().strip()


def render_markdown(
    results: list[StoryResult], input_errors: list[CheckerError], *, ruleset: RuleSet | None = None
) -> str:
    """The report as GitHub-flavoured Markdown.

    Args:
        results (list[StoryResult]): the checked stories.
        input_errors (list[CheckerError]): files that could not be read.
        ruleset (RuleSet | None): unused; every renderer takes it. Defaults to None.
    """
    del ruleset
    lines = [HEADING, ""]
    if input_errors:
        lines += ["What could not be read:", ""]
        lines += [f"- {cell_text(str(error))}" for error in input_errors]
        lines.append("")
    for result in results:
        lines += _story(result)
    lines.append(f"**{summary_line(results, input_errors)}**")
    return "\n".join(lines) + "\n"
