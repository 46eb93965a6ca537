"""Run one story through every stage: nlp -> extract -> normalize -> align -> compare."""

from __future__ import annotations

from spacy.language import Language

from checker.align import align
from checker.compare import compare_story
from checker.corpus import StoryInput
from checker.extract import extract
from checker.model import StoryResult
from checker.normalize import normalize_story
from checker.people import group_people
from checker.rules import RuleSet
from checker.vocab import Vocabulary


def check_story(
    story: StoryInput,
    *,
    ruleset: RuleSet,
    nlp: Language,
    vocabulary: Vocabulary | None = None,
    spelling: str = "both",
) -> StoryResult:
    """Check the sources of one story against each other and each against itself.

    Args:
        story (StoryInput): the loaded sources of the story.
        ruleset (RuleSet): loaded rules.
        nlp (Language): the pipeline built from ``ruleset`` (``nlp.build_pipeline``).
        vocabulary (Vocabulary | None): accepted and rejected terms. Defaults to None.
        spelling (str): spelling variant of the desk: both, en-GB or en-US. Defaults to "both".
    """
    docs = nlp.pipe(source.text for source in story.sources)
    extractions = [
        extract(doc, source, ruleset) for doc, source in zip(docs, story.sources, strict=True)
    ]
    normalized = normalize_story(extractions, ruleset)
    alignments = align(normalized, ruleset)
    findings, agreements = compare_story(
        normalized, alignments, ruleset, story.name, vocabulary=vocabulary, spelling=spelling
    )
    facts = [fact for n in normalized for fact in n.facts]
    findings.sort(
        key=lambda f: (
            _SEVERITY_ORDER[f.severity],
            f.kind,
            f.evidence[0].source,
            f.evidence[0].line,
            f.evidence[0].column,
        )
    )
    people = group_people(normalized, ruleset)
    return StoryResult(story.name, list(story.sources), facts, findings, agreements, people)


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
