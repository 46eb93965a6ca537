"""Load and validate declarative rule packs (YAML under ``rules/``).

A rule file opens with ``extends:`` naming one kind from a closed set; each kind
has its own required and optional keys. Loading checks every key and value and
reports errors as ``file:line:col`` with the bad key and the allowed values.
Rules are data: YAML is loaded safely and nothing in it is evaluated.
"""

from __future__ import annotations

import hashlib
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from string import Formatter
from typing import Any

import yaml

from checker import errors
from checker.currencies import CATALOGUES, extend_lexicons
from checker.errors import RuleError
from checker.regexcheck import _regexes, regex_problem


def _default_rules_dir() -> Path:
    """The rule pack shipped with the project: ``rules/default`` of the source tree, or
    the copy a non-editable install puts under ``<prefix>/share/checker``."""
    in_tree = Path(__file__).resolve().parent.parent / "rules" / "default"
    if in_tree.is_dir():
        return in_tree
    return Path(sys.prefix) / "share" / "checker" / "rules" / "default"


DEFAULT_RULES_DIR = _default_rules_dir()
"""The rule pack shipped with the project."""

LEVELS = ("error", "warning", "info")
RELATIONS = ("start", "end", "held")
_COMMON_OPTIONAL = {"description": str, "link": str, "enabled": bool}
_RULE_KEYS = {"id": str, "message": str, "level": str}

# extends kind -> (required keys with types, optional keys with types)
KINDS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "lexicon": ({"lexicons": dict}, {}),
    "temporal": ({"id": str, "patterns": list}, {}),
    "event_classes": ({"classes": dict}, {}),
    "event_date": (
        {**_RULE_KEYS, "relation": str, "verbs": list},
        {
            "default": bool,
            "unforeseeable": list,
            "night_words": list,
            "early_words": list,
            "zone_words": list,
            "zone_suffixes": list,
            "universal_zone_words": list,
            "zone_offsets": list,
            "start_markers": list,
            "not_after": list,
            "until_words": list,
            "classes": list,
            "one_subject": bool,
            "one_subject_classes": list,
        },
    ),
    "deadline": (
        {**_RULE_KEYS, "triggers": list, "markers": list},
        {
            "same_words": dict,
            "lasting_markers": list,
            "marker_hedges": list,
            "obligation_words": list,
            "promise_words": list,
            "term_events": list,
            "directive_words": list,
            "closing_markers": list,
            "predicates": dict,
            "earlier_words": list,
            "linking_words": list,
            "scopes": dict,
            "stances": dict,
        },
    ),
    "event_count": (
        {**_RULE_KEYS, "nouns": dict},
        {"requires": dict, "streak_words": list, "streak_ends": list, "times_verbs": dict},
    ),
    "weekday_date": (dict(_RULE_KEYS), {}),
    "tense_date": (dict(_RULE_KEYS), {"tolerance_days": int}),
    "spelling": (
        dict(_RULE_KEYS),
        {
            "max_rare_zipf": float,
            "min_gain_zipf": float,
            "min_common_zipf": float,
            "never_suggest": list,
        },
    ),
    "closed_class": ({**_RULE_KEYS, "lexicons": list}, {"max_distance": int}),
    "name_spelling": (
        dict(_RULE_KEYS),
        {"min_length": int, "tie_message": str, "internal_message": str, "romanisations": list},
    ),
    "rejected_term": (dict(_RULE_KEYS), {}),
    "spelling_variant": (dict(_RULE_KEYS), {}),
    "quantity": (
        {**_RULE_KEYS, "measures": dict},
        {
            "dimensions": list,
            "one_subject": bool,
            "one_subject_measures": list,
            "named_measures": list,
            "kinds": dict,
            "counted_noun": bool,
            "noun_words": list,
            "running_totals": list,
            "update_words": list,
            "roles": list,
            "tally": list,
            "generic": bool,
            "copulas": list,
            "guard_words": list,
            "same_heads": dict,
            "hedged_dimensions": list,
            "compound_dimensions": list,
            "described_dimensions": list,
            "dimension_keys": dict,
            "change_nouns": list,
            "anchored": bool,
            "scorelines": bool,
            "score_words": list,
            "goal_words": list,
            "near_guards": list,
            "not_after": list,
            "to_after": list,
            "sides": dict,
            "measure": str,
            "remaining_words": list,
            "severity_words": dict,
            "severity_measures": list,
        },
    ),
    "paired_count": (
        dict(_RULE_KEYS),
        {
            "min_anchor": float,
            "ignore": list,
            "prepositions": list,
            "list_ignore": list,
            "whole_nouns": list,
            "increment_words": list,
        },
    ),
    "noun_count": (
        dict(_RULE_KEYS),
        {"ignore": list, "determiners": list, "same_nouns": dict, "compounds": list},
    ),
    "restated_date": (
        dict(_RULE_KEYS),
        {"min_shared": int, "min_overlap": float, "progress_words": list, "verb_forms": dict},
    ),
    "figure_slip": (
        {**_RULE_KEYS, "dimensions": list},
        {"amounts": list, "families": list, "other_time_words": list, "whole_words": list},
    ),
    "event_place": (
        dict(_RULE_KEYS),
        {
            "prepositions": list,
            "venues": list,
            "same_place_km": float,
            "core_ratio": float,
            "class_prepositions": dict,
            "frames": dict,
            "main": bool,
            "unknown_places": bool,
            "known_places": bool,
        },
    ),
    "ranked_place": (
        {**_RULE_KEYS, "ranks": list, "nouns": list, "links": list},
        {"same_place_km": float, "core_ratio": float, "unknown_places": bool},
    ),
    "home_place": (
        {**_RULE_KEYS, "suffixes": list},
        {
            "same_place_km": float,
            "core_ratio": float,
            "descriptors": int,
            "groups": list,
            "seats": list,
            "unknown_places": bool,
        },
    ),
    "route_place": (
        {**_RULE_KEYS, "words": list, "patterns": list},
        {"same_place_km": float, "core_ratio": float, "unknown_places": bool},
    ),
    "lead_date": (
        dict(_RULE_KEYS),
        {
            "sentences": int,
            "main": bool,
            "clause": bool,
            "repeat_words": list,
            "verb_forms": dict,
            "same_happenings": dict,
            "light_verbs": list,
            "restating_participles": list,
            "later_words": list,
            "year_verbs": dict,
            "max_days_apart": int,
            "not_events": list,
            "plan_words": list,
            "classes": dict,
            "not_after": list,
            "unless_before": list,
            "unless_after": list,
            "unforeseeable": list,
            "night_words": list,
            "early_words": list,
            "zone_words": list,
            "zone_suffixes": list,
            "universal_zone_words": list,
            "zone_offsets": list,
        },
    ),
}


def event_stage_words(lexicons: dict[str, Any]) -> dict[str, str]:
    """Each word of the lexicon ``event_stages`` (lower case) and the competition stage it
    names ("semi-final" -> "semifinal")."""
    return {
        word.lower(): stage
        for stage, words in lexicons.get("event_stages", {}).items()
        for word in words
    }


DIMENSIONS = (
    "count",
    "percent",
    "rate_change",
    "currency",
    "area",
    "length",
    "mass",
    "volume",
    "time",
    "speed",
    "power",
    "flow",
    "score",
    "scoreline",
    "temperature",
)
"""Dimensions a quantity rule may restrict its measures to."""
ROLES = ("level", "change", "from")
"""What a number is in its sentence: a level ("rose to 5%"), a change ("rose by 2%") or
the earlier value of a change ("from 3%"); a quantity rule's ``roles`` keep only some."""


@dataclass(frozen=True)
class Rule:
    """One validated rule: its id, kind, level, message template and kind-specific options."""

    id: str
    """Stable id such as ``event.start_date``."""
    extends: str
    """The rule kind, one of ``KINDS``."""
    level: str
    """Severity of its findings: error, warning or info."""
    message: str
    """Message template; ``{name}`` fields are filled from the finding."""
    path: str
    """File the rule was read from."""
    line: int
    """1-based line of the rule in that file."""
    options: dict[str, Any] = field(default_factory=dict)
    """The kind-specific keys (verbs, triggers, nouns...)."""


@dataclass
class RuleSet:
    """All rules and lexicons of the loaded packs."""

    rules: dict[str, Rule] = field(default_factory=dict)
    """Rules by id."""
    lexicons: dict[str, Any] = field(default_factory=dict)
    """Named word lists and maps (months, weekdays, tense markers...)."""
    lexicon_paths: dict[str, str] = field(default_factory=dict)
    """The file each lexicon was defined in."""
    temporal_patterns: list[dict[str, Any]] = field(default_factory=list)
    """spaCy token patterns for temporal expressions, lexicon references expanded."""
    event_classes: dict[str, str] = field(default_factory=dict)
    """Event word (lower case) -> event class (``gathering``, ``vote``...)."""
    class_listings: dict[str, tuple[str, str, int]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Word (lower case) -> (event class, file, line) of its first listing in any rule's
    ``classes`` (``event_classes`` and ``lead_date``): a word has one class."""
    files: list[str] = field(default_factory=list)
    """Rule files read, in order."""
    digest: str = ""
    """SHA-256 over the rule files' contents: changes when any rule changes."""

    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _kinds: dict[tuple[str, int], tuple[Rule, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """``of_kind``'s answers by (kind, number of rules): no key string made per call."""

    def derived(self, key: str, build: Callable[[], Any]) -> Any:
        """A structure built from the rules once (a word index, a lexicon object), then reused."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]

    def of_kind(self, kind: str) -> list[Rule]:
        """Enabled rules of one ``extends`` kind, in load order (a new list each call).

        Kept per kind with the derived structures (the extractors ask some fifteen times
        per source); the number of rules is part of the key, for calls while rules load."""
        key = (kind, len(self.rules))
        kept = self._kinds.get(key)
        if kept is None:
            kept = self._kinds[key] = self._find_kind(kind)
        return list(kept)

    def _find_kind(self, kind: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules.values() if r.extends == kind)

    def lexicon(self, name: str) -> Any:
        """A lexicon by name; raises KeyError naming the missing lexicon."""
        try:
            return self.lexicons[name]
        except KeyError:
            raise KeyError(f"rule packs define no lexicon {name!r}") from None


def _err(code: str, message: str, path: str, node: yaml.Node | None) -> RuleError:
    if node is None:
        return RuleError(code, message, path)
    return RuleError(code, message, path, node.start_mark.line + 1, node.start_mark.column + 1)


def _type_name(kind: Any) -> str:
    return {
        str: "a string",
        list: "a list",
        dict: "a mapping",
        bool: "true or false",
        int: "an integer",
        float: "a number",
    }[kind]


def _check_type(value: Any, kind: Any) -> bool:
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _parse_file(path: Path) -> tuple[yaml.MappingNode, dict[str, Any], str]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(errors.E201, f"cannot be read as UTF-8 text ({exc})", name) from None
    try:
        try:
            node, data = _load_yaml(text, _FAST_LOADER)
        except yaml.YAMLError:
            node, data = _load_yaml(text, yaml.SafeLoader)  # the pure-Python loader's message
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RuleError(
            errors.E201,
            f"invalid YAML: {exc.problem or exc.context}",
            name,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        raise RuleError(
            errors.E204, "a rule file must be a mapping that starts with 'extends:'", name, 1, 1
        )
    _check_duplicate_keys(node, name)
    return node, data, text


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it (several times quicker: every run reads the
rules); a file it rejects is read again by the pure-Python one, whose errors we report."""


def _load_yaml(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    """The single document of ``text``: its node tree (with line marks) and its data."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _key_nodes(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _expand(pattern: Any, lexicons: dict[str, Any], path: str, node: yaml.Node) -> Any:
    """Replace ``"@name"`` lexicon references inside a spaCy pattern by the lexicon's words."""
    if isinstance(pattern, str) and pattern.startswith("@"):
        name = pattern[1:]
        if name not in lexicons:
            raise _err(
                errors.E208,
                f"unknown lexicon reference {pattern!r} (known: {', '.join(sorted(lexicons))})",
                path,
                node,
            )
        words = lexicons[name]
        return sorted(words) if isinstance(words, dict) else list(words)
    if isinstance(pattern, list):
        out: list[Any] = []
        for item in pattern:
            expanded = _expand(item, lexicons, path, node)
            if isinstance(item, str) and item.startswith("@"):
                out.extend(expanded)
            else:
                out.append(expanded)
        return out
    if isinstance(pattern, dict):
        return {k: _expand(v, lexicons, path, node) for k, v in pattern.items()}
    return pattern


@lru_cache(maxsize=1)
def _probe_matcher() -> Any:
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    return Matcher(Vocab(), validate=True)


def _validate_pattern(pattern: Any, path: str, node: yaml.Node) -> None:
    if (
        not isinstance(pattern, list)
        or not pattern
        or not all(isinstance(t, dict) for t in pattern)
    ):
        raise _err(errors.E206, "a pattern must be a non-empty list of token mappings", path, node)
    try:
        matcher = _probe_matcher()
        matcher.add("probe", [pattern])
        matcher.remove("probe")
    except Exception as exc:  # spaCy raises ValueError/MatchPatternError with a long text
        first = str(exc).strip().splitlines()
        detail = next(
            (line.strip() for line in first if line.strip().startswith("-")),
            first[0] if first else "",
        )
        raise _err(
            errors.E206, f"invalid spaCy token pattern: {detail[:160]}", path, node
        ) from None


def load_rules(paths: list[Path] | None = None) -> RuleSet:
    """Load rule packs: each path is a folder of ``*.yml``/``*.yaml`` files or one file.

    Args:
        paths (list[Path] | None): packs to load. Defaults to the shipped ``rules/default``.

    Raises RuleError with ``file:line:col`` for the first invalid rule, and warns
    (W001) when a pack holds no rules.
    """
    paths = [resolve_pack(p) for p in paths] if paths else [DEFAULT_RULES_DIR]
    files: list[Path] = []
    for pack in paths:
        if pack.is_dir():
            found = sorted(p for p in pack.rglob("*") if p.suffix in (".yml", ".yaml"))
            if not found:
                warnings.warn(f"{pack}: {errors.W001} rule pack has no rule files", stacklevel=2)
            files.extend(found)
        elif pack.is_file():
            files.append(pack)
        else:
            raise RuleError(errors.E101, "rule pack not found", str(pack))
    # Lexicons first, so every rule can refer to them whatever the file order.
    parsed = [(f, *_parse_file(f)) for f in files]
    parsed.sort(key=lambda item: item[2].get("extends") != "lexicon")
    ruleset = RuleSet()
    digest = hashlib.sha256()
    for path, node, data, text in parsed:
        name = str(path)
        digest.update(name.encode() + b"\0" + text.encode())
        ruleset.files.append(name)
        _load_one(ruleset, name, node, data)
    ruleset.digest = digest.hexdigest()
    extend_lexicons(ruleset.lexicons)
    return ruleset


def require_complete(ruleset: RuleSet, paths: list[Path]) -> None:
    """Raise RuleError (E212) when ``paths`` leave out the shipped pack and ``ruleset`` lacks
    lexicons it defines: dates and numbers cannot be read without them (a user's pack of one
    rule is loaded beside the default one, not alone)."""
    paths = [resolve_pack(p) for p in paths]
    if not paths or DEFAULT_RULES_DIR.resolve() in {p.resolve() for p in paths}:
        return
    missing = sorted(set(load_rules().lexicons) - set(ruleset.lexicons))
    if missing:
        more = f" and {len(missing) - 4} more" if len(missing) > 4 else ""
        raise RuleError(
            errors.E212,
            f"the rule packs lack lexicons the checker needs ({', '.join(missing[:4])}{more}): "
            f"load the default pack too (--rules default --rules {paths[0]})",
            str(paths[0]),
        )


DEFAULT_PACK_NAME = "default"
"""What ``--rules`` (or the configuration's ``rules``) may say for the shipped pack, wherever
an install put it: ``--rules default --rules rules/sport``."""


def resolve_pack(path: Path) -> Path:
    """``path``, or the shipped pack's folder when ``path`` is ``default`` and no such
    folder or file is here."""
    if str(path) == DEFAULT_PACK_NAME and not path.exists():
        return DEFAULT_RULES_DIR
    return path


def _load_one(ruleset: RuleSet, name: str, node: yaml.MappingNode, data: dict[str, Any]) -> None:
    keys = _key_nodes(node)
    if "extends" not in data:
        raise _err(errors.E202, "missing the required 'extends' key", name, node)
    kind = data["extends"]
    if kind not in KINDS:
        raise _err(
            errors.E205,
            f"unknown extends {kind!r}, expected one of: {', '.join(sorted(KINDS))}",
            name,
            keys["extends"][1],
        )
    required, optional = KINDS[kind]
    allowed = {"extends", *required, *optional, *_COMMON_OPTIONAL}
    for key, (key_node, _value_node) in keys.items():
        if key not in allowed:
            raise _err(
                errors.E203,
                f"unknown key {key!r} for extends {kind!r}, expected: {', '.join(sorted(allowed - {'extends'}))}",
                name,
                key_node,
            )
    for key in required:
        if key not in data:
            raise _err(
                errors.E202, f"missing the required key {key!r} for extends {kind!r}", name, node
            )
    if kind == "event_place" and "prepositions" not in data and "frames" not in data:
        # a rule of place frames only needs no prepositions of its own
        raise _err(
            errors.E202,
            f"missing the required key 'prepositions' (or 'frames') for extends {kind!r}",
            name,
            node,
        )
    for key, expected in {**required, **optional, **_COMMON_OPTIONAL}.items():
        if key in data and not _check_type(data[key], expected):
            raise _err(
                errors.E204,
                f"{key!r} must be {_type_name(expected)} (not {data[key]!r:.60})",
                name,
                keys[key][1],
            )
    if data.get("enabled") is False:
        return
    if "level" in data and data["level"] not in LEVELS:
        raise _err(
            errors.E204,
            f"invalid level {data['level']!r}, expected one of: {', '.join(LEVELS)}",
            name,
            keys["level"][1],
        )
    if kind == "event_date" and data["relation"] not in RELATIONS:
        raise _err(
            errors.E204,
            f"invalid relation {data['relation']!r}, expected one of: {', '.join(RELATIONS)}",
            name,
            keys["relation"][1],
        )
    for list_key in ("verbs", "triggers", "markers", "lexicons", "prepositions", "venues"):
        if kind != "lexicon" and list_key in data and isinstance(data[list_key], list):
            bad = next(
                (i for i, v in enumerate(data[list_key]) if not (isinstance(v, str) and v.strip())),
                None,
            )
            if not data[list_key] or bad is not None:
                raise _err(
                    errors.E204,
                    f"{list_key!r} must be a non-empty list of words",
                    name,
                    _entry_node(keys[list_key][1], *([] if bad is None else [bad])),
                )

    if kind == "lexicon":
        for lex_name, words in data["lexicons"].items():
            if not isinstance(words, (list, dict)) or not words:
                raise _err(
                    errors.E204,
                    f"lexicon {lex_name!r} must be a non-empty list or mapping",
                    name,
                    _entry_node(keys["lexicons"][1], str(lex_name)),
                )
            if str(lex_name) in ruleset.lexicon_paths:
                raise _err(
                    errors.E210,
                    f"lexicon {lex_name!r} is already defined in {ruleset.lexicon_paths[str(lex_name)]}",
                    name,
                    _entry_node(keys["lexicons"][1], str(lex_name)),
                )
            unknown = [i for i, w in enumerate(words) if str(w) not in CATALOGUES]
            if lex_name == "currency_catalogues" and unknown:
                raise _err(
                    errors.E204,
                    f"unknown currency catalogue in {words!r}, expected: {', '.join(CATALOGUES)}",
                    name,
                    _entry_node(keys["lexicons"][1], str(lex_name), unknown[0]),
                )
            ruleset.lexicon_paths[str(lex_name)] = name
            ruleset.lexicons[str(lex_name)] = (
                {str(k).lower(): v for k, v in words.items()}
                if isinstance(words, dict)
                else [str(w).lower() for w in words]
            )
        return
    if "classes" in data and kind in ("event_classes", "lead_date"):
        _check_classes(ruleset, data["classes"], name, keys["classes"][1])
    if kind == "event_classes":
        for class_name, words in data["classes"].items():
            for word in words:
                ruleset.event_classes[word.lower()] = str(class_name)
        return
    if kind == "closed_class":
        for index, lex_name in enumerate(data["lexicons"]):
            if lex_name not in ruleset.lexicons:
                raise _err(
                    errors.E208,
                    f"unknown lexicon {lex_name!r} (known: {', '.join(sorted(ruleset.lexicons))})",
                    name,
                    _entry_node(keys["lexicons"][1], index),
                )
    if kind == "event_count":
        for noun, series in data["nouns"].items():
            if not isinstance(series, str):
                raise _err(
                    errors.E204,
                    f"noun {noun!r} must map to a series name",
                    name,
                    _entry_node(keys["nouns"][1], str(noun)),
                )
        for noun, words in data.get("requires", {}).items():
            if noun not in data["nouns"]:
                raise _err(
                    errors.E204,
                    f"'requires' names {noun!r}, which is not in 'nouns'",
                    name,
                    _entry_node(keys["requires"][1], str(noun)),
                )
            if (
                not isinstance(words, list)
                or not words
                or not all(isinstance(w, str) for w in words)
            ):
                raise _err(
                    errors.E204,
                    f"'requires' of {noun!r} must be a non-empty list of words",
                    name,
                    _entry_node(keys["requires"][1], str(noun)),
                )
    if kind == "quantity":
        _check_quantity(data, name, keys)
    if kind == "temporal":
        patterns_node = keys["patterns"][1]
        item_nodes = patterns_node.value if isinstance(patterns_node, yaml.SequenceNode) else []
        for index, entry in enumerate(data["patterns"]):
            entry_node = item_nodes[index] if index < len(item_nodes) else patterns_node
            if (
                not isinstance(entry, dict)
                or set(entry) - {"label", "pattern", "id"}
                or not {"label", "pattern"} <= set(entry)
            ):
                raise _err(
                    errors.E204,
                    "each temporal pattern needs 'label' and 'pattern' (and optional 'id')",
                    name,
                    entry_node,
                )
            pattern = _expand(entry["pattern"], ruleset.lexicons, name, entry_node)
            _validate_pattern(pattern, name, entry_node)
            for regex in _regexes(pattern):
                problem = regex_problem(regex)
                if problem:  # a REGEX that could hang the run, named where it is written
                    raise _err(
                        errors.E206,
                        f"pattern {data['id']}#{index}: REGEX {regex[:60]!r} refused: {problem}",
                        name,
                        entry_node,
                    )
            ruleset.temporal_patterns.append(
                {"label": str(entry["label"]), "pattern": pattern, "id": f"{data['id']}#{index}"}
            )
        if not data["patterns"]:
            warnings.warn(
                f"{name}: {errors.W001} temporal rule {data['id']} has no patterns", stacklevel=2
            )
        return
    rule_id = data["id"]
    if rule_id in ruleset.rules:
        raise _err(
            errors.E207,
            f"duplicate rule id {rule_id!r} (first in {ruleset.rules[rule_id].path})",
            name,
            keys["id"][1],
        )
    _check_templates(data, name, keys)
    options = {k: v for k, v in data.items() if k not in ("extends", "id", "message", "level")}
    ruleset.rules[rule_id] = Rule(
        id=rule_id,
        extends=kind,
        level=data["level"],
        message=data["message"],
        path=name,
        line=node.start_mark.line + 1,
        options=options,
    )


def _entry_node(node: yaml.Node, *steps: str | int) -> yaml.Node:
    """The node of an entry inside ``node``, one step at a time: a string steps to a mapping's
    value of that key (the last step to its key, which is where the entry is written), an
    integer to a list's item. Where the way ends early, the deepest node found: a rule error
    points at the item or key that is wrong, not at the list or mapping holding it."""
    for number, step in enumerate(steps, start=1):
        last = number == len(steps)
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next(
                (
                    (key, value)
                    for key, value in node.value
                    if isinstance(key, yaml.ScalarNode) and key.value == step
                ),
                None,
            )
            if found is None:
                return node
            node = found[0] if last else found[1]
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(step, int)
            and 0 <= step < len(node.value)
        ):
            node = node.value[step]
        else:
            return node
    return node


def _check_classes(
    ruleset: RuleSet, classes: dict[str, Any], name: str, classes_node: yaml.Node
) -> None:
    """Each event class is a list of words, and a word belongs to one class: listed again under
    another class, in this rule or any loaded before, it is an error (E211) at that listing."""
    for class_name, words in classes.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise _err(
                errors.E204,
                f"event class {class_name!r} must be a list of words",
                name,
                _entry_node(classes_node, str(class_name)),
            )
        for index, word in enumerate(words):
            node = _entry_node(classes_node, str(class_name), index)
            first = ruleset.class_listings.setdefault(
                word.lower(), (str(class_name), name, node.start_mark.line + 1)
            )
            if first[0] != str(class_name):
                raise _err(
                    errors.E211,
                    f"word {word!r} is in event class {class_name!r} and in {first[0]!r} "
                    f"({first[1]}:{first[2]}); a word names one class of event",
                    name,
                    node,
                )


MESSAGE_FIELDS = frozenset(
    {
        "about",
        "actual",
        "class",
        "date",
        "event",
        "found",
        "majority",
        "measure",
        "published",
        "relation",
        "series",
        "stated",
        "suggestion",
        "tense",
        "text",
        "values",
        "variant",
        "word",
    }
)
"""The fields ``compare`` fills a finding's message from (which of them a finding has
depends on its rule's kind; one it lacks is printed as written)."""


def _check_templates(data: dict[str, Any], name: str, keys: dict) -> None:
    """A message template (``message``, ``*_message``) must parse as a format string whose
    placeholders are fields of a finding (``MESSAGE_FIELDS``): a stray brace or a misspelt
    field ("{evnt}") is an error at load time, not a traceback or a literal "{evnt}" in
    every finding."""
    for key, value in data.items():
        if (key == "message" or key.endswith("_message")) and isinstance(value, str):
            try:
                parsed = list(Formatter().parse(value))
            except ValueError as exc:
                raise _err(
                    errors.E204, f"{key} is no valid template ({exc})", name, keys[key][1]
                ) from None
            for _literal, field_name, spec, conversion in parsed:
                if field_name is None:
                    continue
                shown = "{" + field_name + (f"!{conversion}" if conversion else "")
                shown += (f":{spec}" if spec else "") + "}"
                if field_name not in MESSAGE_FIELDS:
                    raise _err(
                        errors.E204,
                        f"{key} names {shown}, no field of a finding; the fields are "
                        + ", ".join(sorted(MESSAGE_FIELDS)),
                        name,
                        keys[key][1],
                    )
                if spec or conversion:
                    # "{values:>99999999999}" would build a string of that width
                    raise _err(
                        errors.E204,
                        f"{key} writes {shown}: a field takes no format or conversion, "
                        f"write {{{field_name}}}",
                        name,
                        keys[key][1],
                    )


def _check_duplicate_keys(node: yaml.Node, name: str) -> None:
    """A key written twice in one mapping is an error at the second (YAML keeps the last)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise _err(errors.E201, f"key {key.value!r} written twice", name, key)
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _check_quantity(data: dict[str, Any], name: str, keys: dict) -> None:
    """Measures map a name to a non-empty list of words; dimensions come from ``DIMENSIONS``."""
    for measure, words in data["measures"].items():
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            raise _err(
                errors.E204,
                f"measure {measure!r} must be a non-empty list of words",
                name,
                _entry_node(keys["measures"][1], str(measure)),
            )
    for index, total in enumerate(data.get("running_totals", [])):
        if total not in data["measures"]:
            raise _err(
                errors.E204,
                f"running total {total!r} is not one of this rule's measures",
                name,
                _entry_node(keys["running_totals"][1], index),
            )
    for key, label, allowed in (("roles", "role", ROLES), ("dimensions", "dimension", DIMENSIONS)):
        for index, value in enumerate(data.get(key, [])):
            if value not in allowed:
                raise _err(
                    errors.E204,
                    f"invalid {label} {value!r}, expected one of: {', '.join(allowed)}",
                    name,
                    _entry_node(keys[key][1], index),
                )


def configure_rules(
    ruleset: RuleSet,
    *,
    disable: tuple[str, ...] = (),
    severity: dict[str, str] | None = None,
    ignore: dict[str, tuple[str, ...]] | None = None,
    config: Path | None = None,
) -> RuleSet:
    """Turn rules off and change their levels (from configuration); unknown rule ids are errors.

    Args:
        ruleset (RuleSet): loaded rules; changed in place and returned.
        disable (tuple[str, ...]): rule ids to turn off. Defaults to ().
        severity (dict[str, str] | None): rule id -> level. Defaults to None.
        ignore (dict[str, tuple[str, ...]] | None): path glob -> rule ids, families or ``*``
            ignored there; each must name a rule. Defaults to None.
        config (Path | None): the configuration file these come from, named in errors.
    """
    import dataclasses

    where = str(config) if config else None
    known = ", ".join(sorted(ruleset.rules))
    severity = severity or {}
    for rule_id in (*disable, *severity):
        if rule_id not in ruleset.rules:
            raise RuleError(
                errors.E209, f"unknown rule id {rule_id!r} in configuration (known: {known})", where
            )
    parts = [rule_id.split(".") for rule_id in ruleset.rules]
    families = {".".join(words[:k]) for words in parts for k in range(1, len(words))}
    for glob, rule_ids in (ignore or {}).items():
        for rule_id in rule_ids:
            if rule_id != "*" and rule_id not in ruleset.rules and rule_id not in families:
                raise RuleError(
                    errors.E209,
                    f"unknown rule id or family {rule_id!r} in ignore for {glob!r} (known: {known})",
                    where,
                )
    for rule_id, level in severity.items():
        if level not in LEVELS:
            raise RuleError(
                errors.E204,
                f"invalid level {level!r} for {rule_id}, expected one of: {', '.join(LEVELS)}",
                where,
            )
        ruleset.rules[rule_id] = dataclasses.replace(ruleset.rules[rule_id], level=level)
    for rule_id in disable:
        del ruleset.rules[rule_id]
    ruleset._derived.clear()  # built from the rules as they were
    ruleset._kinds.clear()
    return ruleset
