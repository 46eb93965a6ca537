"""Refuse user regular expressions that can backtrack catastrophically.

Rule packs may hold regular expressions (``{"TEXT": {"REGEX": ...}}`` in temporal
patterns); spaCy runs them on every token, and a token can be a megabyte long (a
crawled page with no spaces). A pattern whose unbounded repetition contains another
unbounded repetition (``(a+)+``, ``(\\w*,?)*``) takes exponential time on a near-miss, so
such patterns are refused when the rules are loaded: the run can never hang on them.
The check reads the pattern's parse tree, so ``(a+)+`` is caught however it is spelled.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # the standard library's own regex parser
from re import _parser as sre_parse
from typing import Any

from checker import errors
from checker.errors import RuleError

MAX_PATTERN = 500
"""Longest regular expression accepted, in characters."""
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT}
_UNBOUNDED = sre_constants.MAXREPEAT


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` is refused (not valid, too long, nested repetition), or None if it is safe."""
    if len(pattern) > MAX_PATTERN:
        return f"longer than {MAX_PATTERN} characters"
    try:
        tree = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"not a valid regular expression ({exc})"
    if _nested_repeat(tree, inside_unbounded=False):
        return "an unbounded repetition inside another one (catastrophic backtracking)"
    return None


def _nested_repeat(items: Any, *, inside_unbounded: bool) -> bool:
    for op, value in items:
        if op in _REPEATS:
            low, high, body = value
            unbounded = high == _UNBOUNDED
            if unbounded and inside_unbounded:
                return True
            if _nested_repeat(body, inside_unbounded=inside_unbounded or unbounded):
                return True
        elif op == sre_constants.SUBPATTERN:
            if _nested_repeat(value[-1], inside_unbounded=inside_unbounded):
                return True
        elif op == sre_constants.BRANCH:
            if any(_nested_repeat(b, inside_unbounded=inside_unbounded) for b in value[1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _nested_repeat(value[1], inside_unbounded=inside_unbounded):
                return True
        elif op == sre_constants.ATOMIC_GROUP:
            if _nested_repeat(value, inside_unbounded=inside_unbounded):
                return True
    return False


def _regexes(node: Any) -> list[str]:
    """Every ``REGEX`` value in a token pattern (a list of token dicts), however nested."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "REGEX" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_regexes(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_regexes(item))
    return found


def check_token_patterns(patterns: list[dict[str, Any]]) -> None:
    """Raise RuleError (E206) naming the rule of the first unsafe ``REGEX`` in ``patterns``.

    Args:
        patterns (list[dict]): entries with ``pattern`` (spaCy token pattern) and ``id``.
    """
    for entry in patterns:
        for regex in _regexes(entry.get("pattern")):
            problem = regex_problem(regex)
            if problem:
                raise RuleError(
                    errors.E206,
                    f"pattern {entry.get('id', '?')}: REGEX {regex[:60]!r} refused: {problem}",
                )
