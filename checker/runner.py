"""Run the checker over a corpus: one story at a time, in this process or in ``jobs`` processes.

Stories are read, checked and handed back one at a time, in input order, whatever the
number of processes, so the report is byte-identical for any ``--jobs``. At most a few
stories per process are in flight, and a checked story keeps only what the renderers
read (the articles' text is dropped unless the format shows it), so memory stays flat
as the corpus grows.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from checker.cache import ExtractionCache, run_key
from checker.corpus import StoryInput
from checker.model import StoryResult
from checker.rules import RuleSet
from checker.settings import Settings

_RANK = {"error": 0, "warning": 1, "info": 2}
FORMATS_SHOWING_TEXT = frozenset({"html", "rdjsonl"})
"""Formats whose renderer reads the articles' text (the others read facts and findings)."""
IN_FLIGHT_PER_JOB = 4
"""Stories submitted ahead per worker process: enough to keep it busy, few enough to stay flat."""


class StoryChecker:
    """Checks one story at a time: rules, vocabulary, cache and pipeline made once per process.

    Args:
        settings (Settings): the run's settings.
        ruleset (RuleSet): the configured rules.
    """

    def __init__(self, settings: Settings, ruleset: RuleSet) -> None:
        from checker.vocab import load_vocabulary

        self.settings = settings
        self.ruleset = ruleset
        self.vocabulary = load_vocabulary(settings.vocab_dir)
        self.cache = (
            ExtractionCache(settings.cache_dir, run_key(ruleset, model=settings.model))
            if settings.cache_dir is not None
            else None
        )
        self._nlp: Language | None = None

    def pipeline(self) -> Language:
        """The spaCy pipeline, built on first use (never, when every source is cached)."""
        if self._nlp is None:
            from checker.nlp import build_pipeline

            self._nlp = build_pipeline(self.ruleset, model=self.settings.model)
        return self._nlp

    def __call__(self, story: StoryInput) -> StoryResult:
        """Check ``story``; return its result with suppressions and ``min_level`` applied."""
        from checker.check import check_story
        from checker.suppress import apply_suppressions

        result = check_story(
            story,
            ruleset=self.ruleset,
            nlp=self.pipeline,
            vocabulary=self.vocabulary,
            spelling=self.settings.spelling,
            cache=self.cache,
        )
        result = apply_suppressions(result, self.settings.path_ignores)
        lowest = _RANK[self.settings.min_level]
        shown = [f for f in result.findings if _RANK[f.severity] <= lowest]
        hidden = [f for f in result.findings if _RANK[f.severity] > lowest]
        result = dataclasses.replace(result, findings=shown, hidden=hidden)
        if self.settings.output_format not in FORMATS_SHOWING_TEXT:
            # only the page shows the articles and their facts; the others count facts
            result = dataclasses.replace(
                result,
                sources=[
                    dataclasses.replace(s, text="", _line_starts=None) for s in result.sources
                ],
                facts=[],
                dropped_facts=result.fact_count,
            )
        return result


_WORKER: StoryChecker | None = None


def _start_worker(settings: Settings, ruleset: RuleSet, inherited: StoryChecker | None) -> None:
    """Initialise a worker process: Ctrl-C is the parent's to handle, SIGTERM ends it.

    ``inherited`` is the parent's checker, pipeline and tables already built, when the
    worker is a fork of it (its pages are shared until written); a spawned worker builds
    its own."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = inherited if inherited is not None else StoryChecker(settings, ruleset)


def _check_in_worker(story: StoryInput) -> StoryResult:
    assert _WORKER is not None, "worker process was not initialised"
    return _WORKER(story)


def check_stories(
    stories: Iterable[StoryInput], *, settings: Settings, ruleset: RuleSet, jobs: int = 1
) -> Iterator[tuple[StoryInput, StoryResult | None]]:
    """Check ``stories`` and yield ``(story, result)`` in input order.

    ``result`` is None for a story with no readable source. With ``jobs`` > 1 the
    stories are checked in that many processes; the results come back in the same
    order, so the output does not depend on ``jobs``.

    Args:
        stories (Iterable[StoryInput]): the stories, read lazily.
        settings (Settings): the run's settings.
        ruleset (RuleSet): the configured rules.
        jobs (int): worker processes; 1 checks in this process. Defaults to 1.
    """
    if jobs < 1:
        raise ValueError(f"invalid jobs, expected 1 or more (not {jobs!r})")
    if jobs == 1:
        checker = StoryChecker(settings, ruleset)
        for story in stories:
            yield story, checker(story) if story.sources else None
        return
    pool = _start_pool(jobs, settings, ruleset)
    try:
        pending: deque = deque()
        for story in stories:
            task = pool.apply_async(_check_in_worker, (story,)) if story.sources else None
            pending.append((story, task))
            while len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                yield _collect(pending.popleft())
        while pending:
            yield _collect(pending.popleft())
        pool.close()
        pool.join()
    finally:
        pool.terminate()  # an interrupted run stops its workers at once


def _start_pool(jobs: int, settings: Settings, ruleset: RuleSet) -> multiprocessing.pool.Pool:
    """``jobs`` worker processes. Where processes fork, the checker, its pipeline and the
    tables are built here first and the workers inherit them: the start-up work (some
    5 s of CPU) is done once, not once per worker. Elsewhere each spawned worker builds
    its own."""
    if "fork" not in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("spawn")
        return context.Pool(jobs, initializer=_start_worker, initargs=(settings, ruleset, None))
    from checker.check import load_tables

    checker = StoryChecker(settings, ruleset)
    checker.pipeline()
    load_tables(ruleset)
    gc.freeze()  # the collector leaves the shared objects alone: their pages stay shared
    try:
        context = multiprocessing.get_context("fork")
        return context.Pool(jobs, initializer=_start_worker, initargs=(settings, ruleset, checker))
    finally:
        gc.unfreeze()


def _collect(entry: tuple) -> tuple[StoryInput, StoryResult | None]:
    story, task = entry
    return story, task.get() if task is not None else None


class ProgressDisplay:
    """A rich progress line on standard error, shown only at a terminal and once a run is long.

    Args:
        enabled (bool): show anything at all (standard error is a terminal).
        delay (float): seconds before the line appears. Defaults to 1.0.
    """

    def __init__(self, enabled: bool, *, delay: float = 1.0) -> None:
        self.enabled = enabled
        self.delay = delay
        self.started = time.monotonic()
        self.stories = 0
        self.sources = 0
        self._progress = None
        self._task = None

    @classmethod
    def for_stderr(cls) -> ProgressDisplay:
        """A display enabled when standard error is a terminal (and ``TERM`` is not ``dumb``)."""
        interactive = sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
        return cls(interactive)

    def advance(self, sources: int) -> None:
        """Count one more story of ``sources`` articles checked."""
        self.stories += 1
        self.sources += sources
        if not self.enabled:
            return
        if self._progress is None and time.monotonic() - self.started >= self.delay:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn(
                    "checking: {task.fields[stories]} stories, {task.fields[sources]} sources"
                ),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("check", total=None, stories=0, sources=0)
        if self._progress is not None:
            self._progress.update(self._task, stories=self.stories, sources=self.sources)

    def print_error(self, line: str) -> None:
        """Print one error line on standard error without breaking the progress line."""
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=sys.stderr)

    def stop(self) -> None:
        """Remove the progress line (it never stays in the terminal's scrollback)."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def default_cache_dir(paths: list[str], *, base: Path | None = None) -> Path | None:
    """``.checker-cache`` in ``base`` (the working directory), or None when that lies inside an
    input folder: the checker never writes into the input folders."""
    folder = ((base or Path.cwd()) / ".checker-cache").resolve()
    for raw in paths:
        path = Path(raw).resolve()
        if path.is_dir() and folder.is_relative_to(path):
            return None
    return folder
