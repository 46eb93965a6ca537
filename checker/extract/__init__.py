"""Read facts off an annotated Doc: dated events, deadlines, counts, places, words, names.

``extract`` (in ``pipeline``) runs every extractor over one Doc; each fact family has its
module (``events``, ``counts``, ``figures``, ``places``, ``words``), all reading the
per-document tables of ``context`` and handing on the mentions of ``mentions``.
"""

from checker.extract.context import LATER_INSTANCE, LIGHT_VERB, quantity_lexicon, stem
from checker.extract.events import FROM_MAIN_DAY, verb_family
from checker.extract.mentions import (
    Extraction,
    FactMention,
    Mention,
    NameMention,
    TimexMention,
    WordMention,
    Words,
    as_words,
)
from checker.extract.pipeline import extract
from checker.extract.places import MAIN_PLACE_CHAIN
from checker.extract.words import NAME_PARTICLES

__all__ = [
    "FROM_MAIN_DAY",
    "LATER_INSTANCE",
    "LIGHT_VERB",
    "MAIN_PLACE_CHAIN",
    "NAME_PARTICLES",
    "Extraction",
    "FactMention",
    "Mention",
    "NameMention",
    "TimexMention",
    "WordMention",
    "Words",
    "as_words",
    "extract",
    "quantity_lexicon",
    "stem",
    "verb_family",
]
