"""Command-line interface.

    checker check PATH... [--format FORMAT] [--output FILE] [--fail-on LEVEL] [--min-level LEVEL]
                          [--config FILE | --no-config] [--rules DIR]... [--vocab DIR]
                          [--spelling both|en-GB|en-US] [--baseline FILE] [--changed-since REV]
                          [--model NAME] [--jobs N] [--no-cache | --cache-dir DIR]
    checker baseline PATH... [same options] > .checker-baseline.json
    checker timex FILE [--dct YYYY-MM-DD] [--format timeml|json]

Exit status: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 bad
usage, invalid rules or configuration, or unreadable input (the readable files are
still checked); 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import io
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from checker import __version__, errors
from checker.config import JOBS_EXPECTED, FileConfig, find_config, load_config, processes
from checker.errors import CheckerError, InputError, UsageError
from checker.model import StoryResult
from checker.settings import FAIL_LEVELS, FORMATS, LEVELS, VARIANTS, Settings

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checker", description="Fact-consistency checker for news copy."
    )
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check one or more stories")
    baseline = commands.add_parser(
        "baseline", help="record today's findings (JSON on standard output)"
    )
    for sub in (check, baseline):
        sub.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="article file, story folder, corpus folder or .jsonl file",
        )
        sub.add_argument(
            "--config",
            metavar="FILE",
            help="configuration file (default: .checker.toml or [tool.checker] in pyproject.toml, from here upward)",
        )
        sub.add_argument("--no-config", action="store_true", help="ignore configuration files")
        sub.add_argument(
            "--rules",
            action="append",
            default=None,
            metavar="DIR",
            help="rule pack to load instead of the shipped one (repeatable)",
        )
        sub.add_argument("--vocab", metavar="DIR", help="folder with accept.txt and reject.txt")
        sub.add_argument(
            "--spelling", choices=VARIANTS, help="spelling variant the desk uses (default: both)"
        )
        sub.add_argument(
            "--model",
            metavar="NAME",
            help="an installed trained spaCy pipeline to use (default: blank English)",
        )
        sub.add_argument(
            "--jobs",
            "-j",
            type=_jobs,
            metavar="N",
            help="check stories in N processes (default 1; 0 = one per CPU); same output",
        )
        sub.add_argument(
            "--no-cache",
            action="store_true",
            help="do not read or write the extraction cache",
        )
        sub.add_argument(
            "--cache-dir",
            metavar="DIR",
            help="where the extraction cache lives (default: .checker-cache here)",
        )
        sub.add_argument(
            "--changed-since",
            metavar="REV",
            help="check only stories with a file changed since this git revision",
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
        help="lowest severity giving exit status 1 (default: error)",
    )
    check.add_argument("--min-level", choices=LEVELS, help="lowest severity shown (default: info)")
    check.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in this baseline"
    )
    _add_timex_parser(commands)
    return parser


def _jobs(value: str) -> int:
    """``--jobs`` value: a whole number >= 0 (0 means one process per CPU), refused in the
    words the configuration's ``jobs`` key is refused in."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected {JOBS_EXPECTED} (not {value!r})")
    return processes(number)


def _add_timex_parser(commands) -> None:
    timex = commands.add_parser(
        "timex", help="tag the temporal expressions of one article (TimeML or JSON)"
    )
    timex.add_argument("file", metavar="FILE", help="article text file or TempEval-3 .tml file")
    timex.add_argument(
        "--dct",
        metavar="YYYY-MM-DD",
        help="document creation time (default: the .tml DCT, a header date, or inferred)",
    )
    timex.add_argument(
        "--format",
        dest="timex_format",
        choices=("timeml", "json"),
        default="timeml",
        help="output format (default: timeml)",
    )


def _timex(args: argparse.Namespace) -> int:
    """``checker timex FILE``: write the article with TIMEX3 tags, or a JSON list of spans."""
    import datetime as dt

    from checker.timeml import Tagger, read_tml, to_json, to_timeml

    path = Path(args.file)
    dct = None
    if args.dct:
        try:
            dct = dt.date.fromisoformat(args.dct)
        except ValueError:
            raise UsageError(errors.E301, f"--dct {args.dct!r}: expected YYYY-MM-DD") from None
    if path.is_dir():
        raise InputError(errors.E104, "is a folder, expected a file", str(path))
    if not path.is_file():
        raise InputError(errors.E101, "no such file", str(path))
    dct_block = docid = None
    try:
        if path.suffix.lower() == ".tml":
            document = read_tml(path)
            text, dct_block, docid = document.text, document.dct_block, document.docid
            dct = dct or document.dct
        else:
            from checker.corpus import decode_bytes  # as ``check`` reads articles

            text = decode_bytes(path.read_bytes(), str(path))
    except InputError:
        raise
    except (OSError, UnicodeDecodeError, ValueError, SyntaxError) as exc:
        raise InputError(errors.E101, f"could not be read ({exc})", str(path)) from None
    tagger = Tagger()
    spans = tagger.tag(text, dct, name=str(path))
    known = tagger.creation_time
    if known.source == "inferred":
        print(
            f"checker: {path}: creation time {known.date} inferred from the text "
            f"({known.evidence}; {known.confidence} confidence)",
            file=sys.stderr,
        )
    elif known.source == "none":
        print(
            f"checker: {path}: no creation time given or found; relative expressions "
            "are left unresolved (XXXX)",
            file=sys.stderr,
        )
    dct = dct or known.date  # the date the tagging used, given, from a header or inferred
    if args.timex_format == "json":
        sys.stdout.write(to_json(spans))
    else:
        sys.stdout.write(to_timeml(text, spans, dct=dct, dct_block=dct_block, docid=docid))
    return EXIT_OK


def _cache_dir(args: argparse.Namespace, config: FileConfig) -> Path | None:
    """The cache folder: ``--cache-dir``, else the file's ``cache``, else ``.checker-cache`` here
    (unless that is inside an input folder); None with ``--no-cache`` or ``cache = false``."""
    from checker.runner import default_cache_dir

    if getattr(args, "no_cache", False):
        return None
    if getattr(args, "cache_dir", None):
        return Path(args.cache_dir)
    if config.cache is False:
        return None
    if isinstance(config.cache, Path):
        return config.cache
    return default_cache_dir(args.paths)


def build_settings(args: argparse.Namespace, config: FileConfig) -> Settings:
    """Merge the configuration file and the command line (flags win) into Settings."""
    return Settings(
        jobs=getattr(args, "jobs", None) or config.jobs or 1,
        cache_dir=_cache_dir(args, config),
        rule_paths=tuple(Path(p) for p in args.rules) if args.rules else config.rules,
        model=args.model,
        output_format=getattr(args, "output_format", "json"),
        fail_on=getattr(args, "fail_on", None) or config.fail_on or "error",
        min_level=getattr(args, "min_level", None) or config.min_level or "info",
        disable=config.disable,
        severity=config.severity,
        vocab_dir=Path(args.vocab) if args.vocab else config.vocab,
        include=config.include,
        exclude=config.exclude,
        spelling=args.spelling or config.spelling or "both",
        path_ignores=config.ignore,
        baseline=Path(args.baseline) if getattr(args, "baseline", None) else None,
        changed_since=args.changed_since,
        config_path=config.path,
    )


def _check_writable(path: Path, inputs: Sequence[str] = ()) -> None:
    """Raise UsageError (E302) naming ``path`` when the report cannot be written there,
    before any article is read: a folder that does not exist or takes no new file, or a
    place among the ``inputs`` (an input file itself, or inside an input folder: the
    checker never writes into what it reads)."""
    folder = path.resolve().parent
    target = path.resolve()
    for given in inputs:
        source = Path(given).resolve()
        if target == source or (source.is_dir() and target.is_relative_to(source)):
            raise UsageError(
                errors.E302, f"output would be written into the input {given}", str(path)
            )
    if path.is_dir():
        raise UsageError(errors.E302, "output is a folder, expected a file name", str(path))
    if not folder.is_dir():
        raise UsageError(errors.E302, "output folder does not exist", str(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(errors.E302, "output folder cannot be written", str(path))


def write_atomically(path: Path, content: str | Callable[[TextIO], None]) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename: never half a file.

    ``content`` is the text, or a function that writes it to the file it is given.
    """
    path = path.resolve()
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise UsageError(
            errors.E302, f"output cannot be written ({exc.strerror or exc})", str(path)
        ) from None
    try:
        os.chmod(temporary, _report_mode(path))
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            if callable(content):
                content(out)
            else:
                out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _report_mode(path: Path) -> int:
    """The permissions a report written to ``path`` gets: those of the file it replaces, else
    what the user's umask gives a new file (the temporary file is made private, 0600)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def exit_status(results: list[StoryResult], input_errors: list[CheckerError], fail_on: str) -> int:
    """2 when input could not be read, 1 when findings reach ``fail_on`` (shown or kept out
    of the report by ``--min-level``), else 0."""
    if input_errors:
        return EXIT_ERROR
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[fail_on]
    return (
        EXIT_FINDINGS
        if any(f.severity in failing for r in results for f in (*r.findings, *r.hidden))
        else EXIT_OK
    )


def changed_files(revision: str, paths: list[str]) -> set[Path]:
    """Files changed since ``revision`` (committed, staged, unstaged or new), as resolved paths."""
    anchor = Path(paths[0]).resolve()
    folder = anchor if anchor.is_dir() else anchor.parent
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        diff = subprocess.run(
            ["git", "diff", "--name-only", revision, "--"],
            cwd=top,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        new = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard"],
            cwd=top,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        raise UsageError(
            errors.E301, f"--changed-since {revision}: git could not tell ({detail.strip()[:160]})"
        ) from None
    return {(Path(top) / name).resolve() for name in (diff + new).splitlines() if name}


def _render(
    results: list[StoryResult],
    input_errors: list[CheckerError],
    settings: Settings,
    ruleset,
    output: str | None,
) -> None:
    from checker.report import RENDERERS, make_console, render_text

    if settings.output_format == "text":
        if output:
            buffer = io.StringIO()
            render_text(results, input_errors, make_console(buffer, width=120, color=False))
            write_atomically(Path(output), buffer.getvalue())
        else:
            render_text(results, input_errors, make_console(sys.stdout))
        return
    if settings.output_format == "json":  # written item by item: no whole report in memory
        from checker.report.json_report import write_json

        if output:
            write_atomically(Path(output), lambda out: write_json(results, input_errors, out))
        else:
            write_json(results, input_errors, sys.stdout)
        return
    content = RENDERERS[settings.output_format](results, input_errors, ruleset=ruleset)
    if output:
        write_atomically(Path(output), content)
    else:
        sys.stdout.write(content)


def run(
    settings: Settings, paths: list[str]
) -> tuple[list[StoryResult], list[CheckerError], object]:
    """Check ``paths`` under ``settings``; return the results, the input errors and the rules.

    Stories are read and checked one at a time (in ``settings.jobs`` processes); each
    unreadable file is reported on standard error as it is met, and the rest is checked.
    """
    from checker.corpus import iter_stories
    from checker.regexcheck import check_token_patterns
    from checker.rules import configure_rules, load_rules, require_complete
    from checker.runner import ProgressDisplay, check_stories

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = load_rules(list(settings.rule_paths) or None)
    require_complete(loaded, list(settings.rule_paths))
    for warning in caught:  # W001: one line of the checker's, not Python's warning format
        print(f"checker: {warning.message}", file=sys.stderr)
    ruleset = configure_rules(
        loaded,
        disable=settings.disable,
        severity=settings.severity,
        ignore=settings.path_ignores,
        config=settings.config_path,
    )
    check_token_patterns(ruleset.temporal_patterns)  # no rule's regex may hang the run
    settings = _without_unwritable_cache(settings)
    changed = changed_files(settings.changed_since, paths) if settings.changed_since else None
    known: set[str] = set()
    if settings.baseline is not None:
        from checker.baseline import filter_new, load_baseline

        known = load_baseline(settings.baseline)
    results: list[StoryResult] = []
    input_errors: list[CheckerError] = []
    for path in paths:
        if not Path(path).exists():
            input_errors.append(InputError(errors.E101, "no such file or folder", path))
            print(f"checker: {input_errors[-1]}", file=sys.stderr)
    existing = [p for p in paths if Path(p).exists()]
    progress = ProgressDisplay.for_stderr()

    def stories():
        loaded = (
            iter_stories(existing, include=settings.include, exclude=settings.exclude)
            if existing
            else []
        )
        for story in loaded:
            for error in story.errors:
                progress.print_error(f"checker: {error}")
            for source in story.sources:
                for warning in source.warnings:
                    progress.print_error(f"checker: {warning}")
            input_errors.extend(story.errors)
            if changed is not None and not any(
                Path(s.path).resolve() in changed for s in story.sources
            ):
                story.sources = []
            yield story

    try:
        for story, result in check_stories(
            stories(), settings=settings, ruleset=ruleset, jobs=settings.jobs
        ):
            if _terminate_requested:
                raise Terminated  # the handler's own raise was lost in a finaliser
            if result is not None:
                results.append(result)
                progress.advance(len(story.sources))
    finally:
        progress.stop()
    if known:
        results = filter_new(results, known)
    return results, input_errors, ruleset


def _without_unwritable_cache(settings: Settings) -> Settings:
    """``settings`` without its cache folder when no entry can be written there, said once on
    standard error (W301); the run goes on, only slower, and its exit status is unchanged."""
    if settings.cache_dir is None:
        return settings
    from checker.cache import unwritable_reason

    reason = unwritable_reason(settings.cache_dir)
    if reason is None:
        return settings
    warning = UsageError(
        errors.W301,
        f"cache folder cannot be written ({reason}); checking without the cache",
        str(settings.cache_dir),
    )
    print(f"checker: {warning}", file=sys.stderr)
    return dataclasses.replace(settings, cache_dir=None)


GC_FIRST_GENERATION = 50_000
"""Allocations between two young-generation collections (Python's default: 700)."""


def _tune_garbage_collection() -> None:
    """Collect cycles less often: checking a story allocates hundreds of thousands of small
    objects that die with the story, and frequent collections re-scan the long-lived lexicons
    and pipeline (about 7% of a run). Worker processes inherit the setting."""
    _first, second, third = gc.get_threshold()
    gc.set_threshold(GC_FIRST_GENERATION, second, third)


class Terminated(BaseException):
    """SIGTERM arrived: stop like Ctrl-C, leaving any previous output file as it was."""


_terminate_requested = False
"""Set by the SIGTERM handler: an exception it raises inside a ``__del__`` (a library's
finaliser run by the garbage collector) is printed and dropped by Python, so the story loop
also looks at this flag after each story."""


def _terminate(signum: int, frame: object) -> None:  # noqa: ARG001 - a signal handler's signature
    global _terminate_requested
    _terminate_requested = True
    raise Terminated


def _quiet_about_stopping(unraisable: sys.UnraisableHookArgs) -> None:
    """Python's report of an exception a finaliser could not pass on, except the stop that
    SIGTERM asked for (the story loop acts on it): no traceback for it on standard error."""
    if not isinstance(unraisable.exc_value, Terminated):
        sys.__unraisablehook__(unraisable)


def _import_wordfreq() -> None:
    """Import wordfreq (the typo rules' word frequencies) while the call stack is short.

    At import, wordfreq finds its data folder with ``locate.this_dir``, which reads every
    frame of the stack and scans every loaded module for each (``inspect.stack``): imported
    where the checker's stages first need it, some forty frames and a thousand modules
    deep, that took 50-80 ms of every run, three times the rest of its import."""
    import wordfreq  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``checker`` command."""
    global _terminate_requested
    _terminate_requested = False
    previous_hook, sys.unraisablehook = sys.unraisablehook, _quiet_about_stopping
    args = _parser().parse_args(argv)
    if args.command == "check":
        _import_wordfreq()
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous_term = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        if args.command == "timex":
            return _timex(args)
        if args.no_config:
            config = FileConfig()
        else:
            config_path = Path(args.config) if args.config else find_config(Path.cwd())
            if args.config and not config_path.is_file():
                raise UsageError(errors.E401, "configuration file not found", args.config)
            config = load_config(config_path) if config_path else FileConfig()
        settings = build_settings(args, config)
        if getattr(args, "output", None):  # ``baseline`` writes to standard output only
            _check_writable(Path(args.output), args.paths)
        _tune_garbage_collection()
        results, input_errors, ruleset = run(settings, args.paths)
        if args.command == "baseline":
            from checker.baseline import write_baseline

            sys.stdout.write(write_baseline(results))
            return EXIT_ERROR if input_errors else EXIT_OK
        _render(results, input_errors, settings, ruleset, args.output)
        return exit_status(results, input_errors, settings.fail_on)
    except CheckerError as error:
        for each in (error, *error.more):
            print(f"checker: {each}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("checker: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:
        return EXIT_OK
    finally:
        sys.unraisablehook = previous_hook
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous_term)
