"""Shared fixtures: the shipped rules and the blank-English pipeline, built once per session."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from checker.corpus import make_source
from checker.extract import Extraction, extract
from checker.nlp import build_pipeline
from checker.normalize import NormalizedSource, normalize
from checker.rules import RuleSet, load_rules
from checker.tables import ENVIRONMENT

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
REPORTS = ROOT / "reports"
"""The sample reports of ``checker check seeds/``: the golden outputs of every format."""


def _load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regenerate_reports = _load_script("regenerate_reports")
"""``scripts/regenerate_reports.py``: the one command that rewrites ``REPORTS``."""


@pytest.fixture(scope="session", autouse=True)
def tables_folder(tmp_path_factory) -> Path:
    """The run's own tables folder (``checker.tables``): the tests never write to the user's."""
    folder = tmp_path_factory.mktemp("tables")
    os.environ[ENVIRONMENT] = str(folder)
    return folder


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def nlp(ruleset: RuleSet):
    return build_pipeline(ruleset)


@pytest.fixture(scope="session")
def extract_text(nlp, ruleset):
    """Extract from a text: ``extract_text(text, published=date(...))``."""

    def run(
        text: str, *, published: dt.date | None = None, source_id: str = "article.txt"
    ) -> Extraction:
        source = make_source(source_id=source_id, story="story", path=source_id, raw_text=text)
        if published is not None:
            source.published, source.published_from = published, "metadata"
        return extract(nlp(source.text), source, ruleset)

    return run


@pytest.fixture(scope="session")
def normalize_text(extract_text, ruleset):
    """Extract and normalize a text against a publication date."""

    def run(
        text: str, *, published: dt.date | None = None, source_id: str = "article.txt"
    ) -> NormalizedSource:
        return normalize(extract_text(text, published=published, source_id=source_id), ruleset)

    return run


def check_articles(
    ruleset: RuleSet, nlp, *articles: tuple[str, str | None, str], name: str = "story"
):
    """Check ``(source_id, published or None, text)`` articles as one story; return the StoryResult."""
    from checker.check import check_story
    from checker.corpus import StoryInput

    sources = [
        make_source(
            source_id=source_id,
            story=name,
            path=source_id,
            raw_text=text,
            meta={"date": published} if published else None,
        )
        for source_id, published, text in articles
    ]
    return check_story(StoryInput(name, sources), ruleset=ruleset, nlp=nlp)


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or skip the test where the clone has no ../shared (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is not here: ../shared is only beside the project in CI and development"
        )
    return path
