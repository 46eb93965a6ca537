"""Which stage loses each cross-source issue of an annotated story set.

    python scripts/stage_report.py STORIES_DIR [STORIES_DIR ...] [--show]

A story set is a folder of story folders, each with its articles and an ``expected.yaml``
(the format of ``../shared/eval``). For every cross-source issue of a fact kind (date,
deadline, count, number, place), each of its sources' annotated words is looked up in the
checker's stages, and the issue is counted under the first stage that loses it:

* ``found``: a finding quotes words of the annotation in two of its sources;
* ``not extracted``: some source has no fact on the annotated words;
* ``not aligned``: every source has one, but no alignment holds them together;
* ``judged equal``: they are aligned, and no finding says they differ.

Counts only by default, so a set kept unseen can be measured without reading it;
``--show`` adds one line per issue (story, id, stage, the facts' rules), still without
its text. This tells where the work should go (a reader, the alignment, a comparator)
before anyone looks at a phrasing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.align import align  # noqa: E402
from checker.check import extract_sources  # noqa: E402
from checker.compare import compare_story  # noqa: E402
from checker.corpus import iter_stories  # noqa: E402
from checker.model import Fact, Finding  # noqa: E402
from checker.nlp import build_pipeline  # noqa: E402
from checker.normalize import NormalizedSource, normalize_story  # noqa: E402
from checker.rules import load_rules  # noqa: E402

FACT_KINDS = ("date", "deadline", "count", "number", "place")
STAGES = ("found", "not extracted", "not aligned", "judged equal", "not located")


def _facts_on(normalized: NormalizedSource, start: int, end: int) -> list[Fact]:
    """The facts of a source (lead facts too) whose words overlap [start, end)."""
    return [f for f in normalized.facts + normalized.lead_facts if f.start < end and f.end > start]


def _quotes(finding: Finding, spans: dict[str, str], names: dict[str, str]) -> bool:
    """True when ``finding`` quotes, in two sources or more, words that one of the issue's
    annotations contains or is contained in."""
    quoted = set()
    for evidence in finding.evidence:
        name = names.get(evidence.source)
        span = spans.get(name or "")
        if span and (
            evidence.text.lower() in span.lower() or span.lower() in evidence.text.lower()
        ):
            quoted.add(name)
    return len(quoted) >= 2


def story_stages(story_dir: Path, ruleset, nlp) -> list[tuple[str, str, str, list[str]]]:
    """(issue id, kind, stage, rules of the facts found on its words) for each cross-source
    issue of a fact kind in ``story_dir``."""
    expected = yaml.safe_load((story_dir / "expected.yaml").read_text(encoding="utf-8")) or {}
    story = next(iter_stories([str(story_dir)]))
    normalized = normalize_story(extract_sources(story.sources, ruleset=ruleset, nlp=nlp), ruleset)
    alignments = align(normalized, ruleset)
    findings, _agreements = compare_story(normalized, alignments, ruleset, story.name)
    by_name = {Path(n.source.path).name: n for n in normalized}
    names = {n.source.id: Path(n.source.path).name for n in normalized}
    rows = []
    for issue in expected.get("issues") or []:
        if issue.get("kind") not in FACT_KINDS or issue.get("scope") != "cross":
            continue
        spans: dict[str, str] = issue.get("spans") or {}
        on_span: dict[str, list[Fact]] = {}
        for name, span in spans.items():
            source = by_name.get(name)
            at = source.source.text.find(span) if source is not None else -1
            if at < 0:
                break
            on_span[name] = _facts_on(source, at, at + len(span))
        rules = sorted({f.kind for facts in on_span.values() for f in facts})
        if len(on_span) < len(spans) or len(spans) < 2:
            stage = "not located"
        elif any(_quotes(f, spans, names) for f in findings):
            stage = "found"
        elif not all(on_span.values()):
            stage = "not extracted"
        else:
            wanted = [{id(f) for f in facts} for facts in on_span.values()]
            held = (
                {id(f) for unit in alignment.units for f in unit.facts} for alignment in alignments
            )
            together = any(all(ids & facts for ids in wanted) for facts in held)
            stage = "judged equal" if together else "not aligned"
        rows.append((str(issue.get("id")), issue["kind"], stage, rules))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="folders of story folders")
    parser.add_argument("--show", action="store_true", help="one line per issue (no text)")
    args = parser.parse_args(argv)
    ruleset = load_rules(None)
    nlp = build_pipeline(ruleset)
    table: Counter = Counter()
    for story_set in args.sets:
        for story_dir in sorted(p for p in story_set.iterdir() if (p / "expected.yaml").is_file()):
            for issue_id, kind, stage, rules in story_stages(story_dir, ruleset, nlp):
                table[(kind, stage)] += 1
                if args.show:
                    print(f"{story_dir.name} {issue_id} {kind}: {stage} [{', '.join(rules)}]")
    print(f"{'kind':10}" + "".join(f"{stage:>15}" for stage in STAGES))
    for kind in FACT_KINDS:
        print(f"{kind:10}" + "".join(f"{table[(kind, stage)]:>15}" for stage in STAGES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
