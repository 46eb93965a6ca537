"""Where a piece of evidence stands in its file, for the renderers that annotate files.

Evidence carries the source id, a 1-based line and a 1-based column counted in
characters (Unicode code points). Annotation formats want the file path (a JSONL
record's id is ``path#id``), an end position, and sometimes columns in UTF-8
bytes (reviewdog). The byte columns are computed from the source text the
results already hold; no file is re-read.
"""

from __future__ import annotations

from checker.model import Evidence, Source, StoryResult

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
"""Severities, most severe first: ``rank <= SEVERITY_RANK["warning"]`` is "at or above warning"."""


def evidence_line(evidence: Evidence) -> str:
    """``source:line:col: text = normalized``, the words on one line."""
    line = f"{evidence.source}:{evidence.line}:{evidence.column}: {' '.join(evidence.text.split())}"
    return line if evidence.normalized is None else f"{line} = {evidence.normalized}"


def in_text(evidence: Evidence) -> str:
    """Where a JSONL record's evidence is inside the record's text: ``line 2, column 8 of its text``."""
    return f"line {evidence.line}, column {evidence.column} of its text"


def split_source_id(source_id: str) -> str:
    """The file part of a source id: ``corpus.jsonl#a3`` -> ``corpus.jsonl``; a path stays as is."""
    cut = source_id.lower().find(".jsonl#")
    return source_id[: cut + len(".jsonl")] if cut >= 0 else source_id


class Locator:
    """Paths and positions of evidence, looked up in the sources of the results.

    Args:
        results (list[StoryResult]): the checked stories; their sources give each
            source id its path and text.
    """

    def __init__(self, results: list[StoryResult]) -> None:
        self.sources: dict[str, Source] = {s.id: s for r in results for s in r.sources}
        self._lines: dict[str, list[str]] = {}

    def path(self, evidence: Evidence) -> str:
        """The file the evidence is in (the JSONL file for a record)."""
        source = self.sources.get(evidence.source)
        return source.path if source is not None else split_source_id(evidence.source)

    def in_record(self, evidence: Evidence) -> bool:
        """True for a JSONL record: its lines and columns count inside the record's text, not the file.

        A replacement at those positions would edit the wrong bytes of the file, so
        renderers offer no fix there.
        """
        return self.path(evidence) != evidence.source

    def record_line(self, evidence: Evidence) -> int | None:
        """The file line of the JSONL record the evidence is in, or None for an article file.

        Annotation formats place a record's finding on that line, with no column: the
        evidence's own line and column count inside the record's text.
        """
        source = self.sources.get(evidence.source)
        return source.record_line if source is not None else None

    @staticmethod
    def end(evidence: Evidence) -> tuple[int, int]:
        """Line and column just after the evidence's last character (exclusive end)."""
        if "\n" not in evidence.text:
            return evidence.line, evidence.column + len(evidence.text)
        last = evidence.text.rsplit("\n", 1)[1]
        return evidence.line + evidence.text.count("\n"), len(last) + 1

    def byte_column(self, evidence: Evidence, line: int, column: int) -> int:
        """The 1-based column of (``line``, ``column``) counted in UTF-8 bytes.

        Falls back to the character column when the source text is not at hand or
        the evidence's words are not where the evidence says (a JSONL record, whose
        lines are counted inside the record's text).
        """
        source = self.sources.get(evidence.source)
        if source is None:
            return column
        lines = self._lines.get(source.id)
        if lines is None:
            lines = self._lines[source.id] = source.text.split("\n")
        first_index = evidence.line - source.line_offset - 1
        if not 0 <= first_index < len(lines):
            return column
        first_skip = source.column_offset if first_index == 0 else 0
        first_start = evidence.column - 1 - first_skip
        first_words = evidence.text.split("\n", 1)[0]
        if first_start < 0 or (
            lines[first_index][first_start : first_start + len(first_words)] != first_words
        ):
            return column
        index = line - source.line_offset - 1
        if not 0 <= index < len(lines):
            return column
        skip = source.column_offset if index == 0 else 0
        before = lines[index][: column - 1 - skip]
        return skip + len(before.encode("utf-8")) + 1
