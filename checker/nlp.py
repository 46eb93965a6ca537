"""The spaCy pipeline: blank English (or an installed trained pipeline) plus rule components.

Two components, both fed from ``rules/``:

* ``checker_timex`` finds temporal expressions (Matcher patterns from
  ``extends: temporal`` rules), joins adjacent pieces that refine each other and
  writes them to ``doc.spans["timex"]``; its label lists the roles found.
* spaCy's own ``span_ruler`` finds cue words (event nouns, relation verbs,
  deadline words, tense markers, counted nouns) and writes ``doc.spans["cues"]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from checker import errors
from checker.rules import RuleSet

TIMEX_KEY = "timex"
CUES_KEY = "cues"
_JOINERS = {",", "(", ")", "of", "the", "-", "on"}
_LEAD_PREPOSITIONS = {"on", "in", "by", "until", "since", "at", "from"}


class TimexRuler:
    """Find temporal expressions with token patterns and join adjacent pieces.

    Matching (``match``) and writing (``set_annotations``) are separate steps, so
    matching can be tested without changing a Doc.
    """

    def __init__(
        self, nlp: Language, name: str = "checker_timex", *, spans_key: str = TIMEX_KEY
    ) -> None:
        """Create the component.

        Args:
            nlp (Language): the pipeline it belongs to.
            name (str): component name. Defaults to "checker_timex".
            spans_key (str): key of ``doc.spans`` written. Defaults to "timex".
        """
        self.name = name
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.patterns: list[dict] = []

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add patterns, each a dict with ``label`` (roles joined by ``+``), ``pattern`` and ``id``."""
        for entry in patterns:
            self.patterns.append(entry)
            self.matcher.add(entry["label"], [entry["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        if not self.patterns:
            import warnings

            warnings.warn(
                f"{errors.W001} {self.name} has no patterns: no temporal expression is found",
                stacklevel=2,
            )
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        """Return the joined temporal expressions of ``doc``, labelled with their roles."""
        if not self.patterns:
            return []
        raw = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        pieces = sorted(filter_spans(raw), key=lambda s: s.start)
        joined: list[tuple[int, int, set[str]]] = []
        for piece in pieces:
            roles = set(piece.label_.split("+"))
            if joined:
                start, end, prev_roles = joined[-1]
                gap = doc[end : piece.start]
                year_ok = roles != {"year"} or "month" in prev_roles
                bare_year_before = prev_roles == {"year"}
                if (
                    not (roles & prev_roles)
                    and year_ok
                    and not bare_year_before
                    and len(gap) <= 2
                    and all(t.lower_ in _JOINERS for t in gap)
                    and doc[start].sent == piece[0].sent
                ):
                    joined[-1] = (start, piece.end, prev_roles | roles)
                    continue
            joined.append((piece.start, piece.end, roles))
        spans = []
        for start, end, roles in joined:
            if roles <= {"mod"}:
                continue  # "the end of", "late" with no period after them
            if (
                roles == {"deictic"}
                and end < len(doc)
                and doc[end].lower_ in ("'s", "\u2019s")
                and start > 0
                and doc[start - 1].lower_ in ("in", "of")
            ):
                continue  # "in today's markets": no particular day
            while end > start and doc[end - 1].text in {",", "-", "(", "of", "the"}:
                end -= 1
            text = doc[start:end].text
            if text.count("(") > text.count(")") and end < len(doc) and doc[end].text == ")":
                end += 1
            if (
                start > 0
                and doc[start - 1].lower_ in _LEAD_PREPOSITIONS
                and doc[start].lower_ not in _LEAD_PREPOSITIONS
            ):
                start -= 1
            spans.append(Span(doc, start, end, label="+".join(sorted(roles))))
        return spans

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Write ``spans`` to ``doc.spans[spans_key]``."""
        doc.spans[self.spans_key] = spans

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the patterns as JSONL (one pattern a line), like spaCy's SpanRuler."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TimexRuler:
        """Load patterns saved by ``to_disk``."""
        self.matcher = Matcher(self.matcher.vocab, validate=True)
        self.patterns = []
        self.add_patterns(srsly.read_jsonl(Path(path) / "patterns.jsonl"))
        return self


MAX_SENTENCE_TOKENS = 200
"""Longest sentence the rule components see; news sentences stay far below it (ECB+: 145)."""


@Language.component("checker_sentence_cap", assigns=["token.is_sent_start"])
def cap_sentences(doc: Doc) -> Doc:
    """Split "sentences" longer than ``MAX_SENTENCE_TOKENS`` tokens (a crawled page with no
    full stops, a 1 MB single line) so per-sentence work stays bounded, never quadratic."""
    for sent in list(doc.sents):
        for i in range(sent.start + MAX_SENTENCE_TOKENS, sent.end, MAX_SENTENCE_TOKENS):
            doc[i].is_sent_start = True
    return doc


@Language.factory(
    "checker_timex",
    assigns=["doc.spans"],
    default_config={"spans_key": TIMEX_KEY},
)
def make_timex_ruler(nlp: Language, name: str, spans_key: str) -> TimexRuler:
    """Factory of the temporal-expression ruler (``checker_timex``)."""
    return TimexRuler(nlp, name, spans_key=spans_key)


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def cue_patterns(ruleset: RuleSet) -> list[dict]:
    """Phrase patterns for every cue word the rules declare, labelled by role.

    Labels: ``event:<class>``, ``relation:<rule id>``, ``deadline:<rule id>``,
    ``marker:<rule id>``, ``count:<series>``, ``tense:future``, ``tense:past``,
    ``reporting``.
    """
    patterns: list[dict] = []

    def add(label: str, phrase: str) -> None:
        patterns.append({"label": label, "pattern": phrase})

    for word, event_class in ruleset.event_classes.items():
        add(f"event:{event_class}", word)
    for rule in ruleset.of_kind("event_date"):
        for verb in rule.options["verbs"]:
            add(f"relation:{rule.id}", verb)
    for rule in ruleset.of_kind("deadline"):
        for trigger in rule.options["triggers"]:
            add(f"deadline:{rule.id}", trigger)
        for marker in rule.options["markers"]:
            add(f"marker:{rule.id}", marker)
    for rule in ruleset.of_kind("event_count"):
        for noun, series in rule.options["nouns"].items():
            add(f"count:{series}", noun)
            add(f"count:{series}", _plural(noun))
    for marker in ruleset.lexicons.get("future_markers", []):
        add("tense:future", marker)
    for marker in ruleset.lexicons.get("past_markers", []):
        add("tense:past", marker)
    for verb in ruleset.lexicons.get("reporting_verbs", []):
        add("reporting", verb)
    return patterns


def build_pipeline(ruleset: RuleSet, *, model: str | None = None) -> Language:
    """Build the pipeline: ``spacy.blank("en")`` (or ``model``), a sentencizer, and the rule components.

    Args:
        ruleset (RuleSet): loaded rules the components take their patterns from.
        model (str | None): an installed trained pipeline to start from. Defaults to None.
    """
    if model:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except OSError as exc:
            from checker.errors import UsageError

            raise UsageError(
                errors.E301, f"spaCy pipeline {model!r} is not installed ({exc})"
            ) from None
    else:
        nlp = spacy.blank("en")
    if (
        not nlp.has_pipe("parser")
        and not nlp.has_pipe("senter")
        and not nlp.has_pipe("sentencizer")
    ):
        nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "\n"]})
        nlp.add_pipe("checker_sentence_cap")
    timex = nlp.add_pipe("checker_timex")
    timex.add_patterns(ruleset.temporal_patterns)
    cues = nlp.add_pipe(
        "span_ruler",
        name="checker_cues",
        config={
            "spans_key": CUES_KEY,
            "phrase_matcher_attr": "LOWER",
            "validate": False,
            "overwrite": False,
        },
    )
    cues.add_patterns(cue_patterns(ruleset))
    return nlp
