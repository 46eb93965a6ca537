"""Command-line interface: ``checker check PATH... [--format text|json] [--output FILE] [--fail-on LEVEL]``.

Exit status: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 bad
usage, invalid rules or unreadable input (the readable files are still checked).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

from checker import __version__
from checker.errors import CheckerError, InputError
from checker.model import StoryResult
from checker.settings import FAIL_LEVELS, FORMATS, Settings

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checker", description="Fact-consistency checker for news copy."
    )
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check", help="check one or more stories", description=__doc__.splitlines()[0]
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article file, story folder, corpus folder or .jsonl file",
    )
    check.add_argument(
        "--format",
        dest="output_format",
        choices=FORMATS,
        default="text",
        help="report format (default: text)",
    )
    check.add_argument(
        "--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output"
    )
    check.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default="error",
        help="lowest severity giving exit status 1 (default: error)",
    )
    check.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="rule pack to load instead of the shipped one (repeatable)",
    )
    check.add_argument(
        "--model",
        metavar="NAME",
        help="an installed trained spaCy pipeline to use (default: blank English)",
    )
    return parser


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename: never half a file."""
    path = path.resolve()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def exit_status(results: list[StoryResult], input_errors: list[CheckerError], fail_on: str) -> int:
    """2 when input could not be read, 1 when findings reach ``fail_on``, else 0."""
    if input_errors:
        return EXIT_ERROR
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[fail_on]
    return (
        EXIT_FINDINGS
        if any(f.severity in failing for r in results for f in r.findings)
        else EXIT_OK
    )


def run_check(settings: Settings, paths: list[str], output: str | None) -> int:
    """Check ``paths`` and write the report; return the exit status."""
    from checker.check import check_story
    from checker.corpus import iter_stories
    from checker.nlp import build_pipeline
    from checker.report import make_console, render_json, render_text
    from checker.rules import load_rules

    ruleset = load_rules(list(settings.rule_paths) or None)
    nlp = build_pipeline(ruleset, model=settings.model)
    results: list[StoryResult] = []
    input_errors: list[CheckerError] = []
    for path in paths:
        if not Path(path).exists():
            input_errors.append(InputError("E101", "no such file or folder", path))
    existing = [p for p in paths if Path(p).exists()]
    for story in iter_stories(existing) if existing else []:
        input_errors.extend(story.errors)
        for error in story.errors:
            print(f"checker: {error}", file=sys.stderr)
        if story.sources:
            results.append(check_story(story, ruleset=ruleset, nlp=nlp))
    for error in input_errors:
        if error.code == "E101":
            print(f"checker: {error}", file=sys.stderr)
    if settings.output_format == "json":
        content = render_json(results, input_errors)
        if output:
            write_atomically(Path(output), content)
        else:
            sys.stdout.write(content)
    elif output:
        buffer = io.StringIO()
        render_text(results, input_errors, make_console(buffer, width=120, color=False))
        write_atomically(Path(output), buffer.getvalue())
    else:
        render_text(results, input_errors, make_console(sys.stdout))
    return exit_status(results, input_errors, settings.fail_on)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``checker`` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings(
            rule_paths=tuple(Path(p) for p in args.rules),
            model=args.model,
            output_format=args.output_format,
            fail_on=args.fail_on,
        )
        return run_check(settings, args.paths, args.output)
    except CheckerError as error:
        print(f"checker: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
