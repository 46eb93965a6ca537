"""Letters without their accents, for comparing names written with and without them.

Wires and many house styles drop diacritics ("Fernandez" for "Fernández", "Poznan" for
"Poznań", "Lodz" for "Łódź"); the two spellings are one name, not a typo.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_NOT_DECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"}
    | {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)
"""Letters Unicode does not decompose into a base letter and a mark."""


@lru_cache(maxsize=50_000)
def fold_accents(text: str) -> str:
    """``text`` with its diacritics taken off ("Łódź" -> "Lodz", "Sørensen" -> "Sorensen"),
    case kept. Plain ASCII comes back unchanged."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_NOT_DECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
