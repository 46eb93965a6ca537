"""scripts/stage_report.py: the stage that loses each annotated cross-source issue."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "stage_report.py"

EXPECTED = """\
story: harbour council budget vote
issues:
  - id: d1
    kind: date
    scope: cross
    sources: [a.txt, b.txt]
    spans: {a.txt: "on Saturday", b.txt: "on Saturday"}
  - id: n1
    kind: number
    scope: cross
    sources: [a.txt, b.txt]
    spans: {a.txt: "£4 million", b.txt: "£4 million"}
  - id: c1
    kind: count
    scope: cross
    sources: [a.txt, b.txt]
    spans: {a.txt: "A crowd", b.txt: "A small crowd"}
  - id: p1
    kind: place
    scope: cross
    sources: [a.txt, b.txt]
    spans: {a.txt: "the Kessin quay", b.txt: "the old quay"}
  - id: ty1
    kind: typo
    scope: internal
    sources: [a.txt]
    spans: {a.txt: "chairman"}
"""


@pytest.fixture(scope="module")
def stage_report():
    spec = importlib.util.spec_from_file_location("stage_report", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stage_report_names_the_stage_of_each_cross_source_issue(
    tmp_path, ruleset, nlp, stage_report
):
    story = tmp_path / "set" / "harbour"
    story.mkdir(parents=True)
    # "Saturday" is March 8 for one, March 15 for the other: found; the budget agrees:
    # aligned and judged equal; the crowd is counted by no reader, the quay placed by none
    (story / "a.txt").write_text(
        "date 2025-03-10\n\nThe Kessin harbour council met on Saturday to approve the "
        "dredging budget, its chairman said.\n\nThe dredging budget of £4 million was "
        "approved.\n\nA crowd gathered on the Kessin quay.\n",
        encoding="utf-8",
    )
    (story / "b.txt").write_text(
        "date 2025-03-17\n\nThe Kessin harbour council met on Saturday to approve the "
        "dredging budget.\n\nThe dredging budget of £4 million was approved.\n\n"
        "A small crowd gathered on the old quay.\n",
        encoding="utf-8",
    )
    (story / "expected.yaml").write_text(EXPECTED, encoding="utf-8")
    rows = stage_report.story_stages(story, ruleset, nlp)
    assert [(issue, kind, stage) for issue, kind, stage, _rules in rows] == [
        ("d1", "date", "found"),
        ("n1", "number", "judged equal"),
        ("c1", "count", "not extracted"),
        ("p1", "place", "not extracted"),
    ]
    assert rows[1][3] == ["number.money"]
