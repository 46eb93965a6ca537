"""Run one story through every stage: nlp -> extract -> normalize -> align -> compare."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from checker.align import align
from checker.cache import ExtractionCache
from checker.compare import compare_story
from checker.corpus import StoryInput
from checker.extract import Extraction, extract
from checker.model import Source, StoryResult
from checker.normalize import normalize_story
from checker.people import group_people
from checker.rules import RuleSet
from checker.vocab import Vocabulary


def check_story(
    story: StoryInput,
    *,
    ruleset: RuleSet,
    nlp: Language | Callable[[], Language],
    vocabulary: Vocabulary | None = None,
    spelling: str = "both",
    cache: ExtractionCache | None = None,
) -> StoryResult:
    """Check the sources of one story against each other and each against itself.

    Args:
        story (StoryInput): the loaded sources of the story.
        ruleset (RuleSet): loaded rules.
        nlp (Language | Callable[[], Language]): the pipeline built from ``ruleset``
            (``nlp.build_pipeline``), or a function returning it, called only when a
            source is not in ``cache``.
        vocabulary (Vocabulary | None): accepted and rejected terms. Defaults to None.
        spelling (str): spelling variant of the desk: both, en-GB or en-US. Defaults to "both".
        cache (ExtractionCache | None): per-source extractions kept from earlier runs.
            Defaults to None.
    """
    extractions = extract_sources(story.sources, ruleset=ruleset, nlp=nlp, cache=cache)
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


def extract_sources(
    sources: list[Source],
    *,
    ruleset: RuleSet,
    nlp: Language | Callable[[], Language],
    cache: ExtractionCache | None = None,
) -> list[Extraction]:
    """Extract every source, reading unchanged ones from ``cache`` (no NLP work for them)."""
    extractions: list[Extraction | None] = [
        cache.get(source) if cache is not None else None for source in sources
    ]
    missing = [j for j, found in enumerate(extractions) if found is None]
    if missing:
        pipeline = nlp if isinstance(nlp, Language) else nlp()
        docs = pipeline.pipe(sources[j].text for j in missing)
        for j, doc in zip(missing, docs, strict=True):
            extractions[j] = extract(doc, sources[j], ruleset)
            if cache is not None:
                cache.put(sources[j], extractions[j])
    return [e for e in extractions if e is not None]


def load_tables(ruleset: RuleSet) -> None:
    """Build now the process-wide tables the stages otherwise build at first use: the
    gazetteer, the unit factors, the bigram model and the typo rules' word lists. A
    process about to fork workers calls this, so they share its copy instead of each
    building its own (some 3 s of CPU per worker)."""
    from checker.context_model import bigram_model
    from checker.extract import quantity_lexicon
    from checker.normalize import gazetteer_of
    from checker.quantities import lexicon_units, unit_factors
    from checker.spelling import load_tables as load_word_tables

    gazetteer_of(ruleset)
    lexicon = quantity_lexicon(ruleset)
    unit_factors(lexicon_units(lexicon), lexicon.definitions)
    bigram_model()
    load_word_tables()


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
