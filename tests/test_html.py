"""The HTML report: escaping, highlights by offset, links between counterparts, the timeline,
and the page as headless Chromium renders it.

Every article below is invented for these tests, except the seeds.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import shutil
import subprocess
import time
from html.parser import HTMLParser

import pytest

from checker.check import check_story
from checker.corpus import iter_stories
from checker.errors import InputError
from checker.model import Evidence, Fact, Finding, Interval, Source, StoryResult
from checker.report import RENDERERS
from checker.report.html import render_html
from tests.conftest import ROOT
from tests.conftest import check_articles as _story

_spec = importlib.util.spec_from_file_location(
    "screenshot_report", ROOT / "scripts" / "screenshot_report.py"
)
SCREENSHOT = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(SCREENSHOT)

HOSTILE_SCRIPT = "<script>document.title='pwned'</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.title='pwned'\">"


class Element:
    """One parsed element: tag, attributes, children's text, and its own text outside skipped parts."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.text = ""

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


VOID = {"meta", "br", "img", "input", "link", "hr", "wbr"}


class Page(HTMLParser):
    """A strict little DOM: every element that opens must close in order (no implied closes)."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.stack = [self.root]
        self.elements: list[Element] = []
        self.feed(page)
        self.close()
        assert self.stack == [self.root], f"unclosed: {[e.tag for e in self.stack[1:]]}"

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(element)
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element.text += data

    def by_id(self, element_id: str) -> Element:
        (found,) = [e for e in self.elements if e.attrs.get("id") == element_id]
        return found

    def with_class(self, name: str) -> list[Element]:
        return [e for e in self.elements if name in e.classes]

    def marks(self, name: str) -> list[Element]:
        """The ``<mark>`` elements of class ``name`` in articles (not the legend's samples)."""
        return [e for e in self.with_class(name) if e.tag == "mark" and not _in_legend(e)]


def _in_legend(element: Element) -> bool:
    while element.parent is not None:
        element = element.parent
        if "legend" in element.classes:
            return True
    return False


def descendants(element: Element) -> list[Element]:
    found = []
    for child in element.children:
        found += [child, *descendants(child)]
    return found


def bars(panel: Element) -> list[Element]:
    return [e for e in descendants(panel) if "tl-bar" in e.classes]


def plain_text(element: Element) -> str:
    """The text of ``element`` without the pills and counterpart links the report inserts."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        # the report inserts only <a class="pill"> and <sup class="links"> into article text
        if node is not element and (node.tag == "sup" or "pill" in node.classes):
            return
        own = node.text
        for child in node.children:
            own = own.replace(child.text, "\0", 1)
        pieces = own.split("\0")
        for index, piece in enumerate(pieces):
            parts.append(piece)
            if index < len(node.children):
                walk(node.children[index])

    walk(element)
    return "".join(parts)


CONGRESS_EARLY = (
    "harbour-times.txt",
    "2024-03-11",
    "The ruling National Harmony Party opened its party congress on Saturday in Ulaanbaatar,\n"
    "ahead of a year-end deadline to pass the city budget.\n",
)
CONGRESS_LATE = (
    "nomad-wire.txt",
    "2024-03-18",
    "The National Harmony Party congress opened on Saturday in Ulaanbaatar.\n\n"
    "The council must pass its budget by December 31, delegates said in Feruary.\n",
)
HOSTILE = (
    "hostile.txt",
    "2024-03-18",
    f"The National Harmony Party congress opened on Saturday in Ulaanbaatar. {HOSTILE_SCRIPT}\n\n"
    f"A caption read {HOSTILE_IMG} and \"quotes\" & 'apostrophes'.\n",
)


@pytest.fixture(scope="module")
def congress(ruleset, nlp):
    return _story(ruleset, nlp, CONGRESS_EARLY, CONGRESS_LATE, name="congress")


@pytest.fixture(scope="module")
def congress_page(congress, ruleset):
    page = render_html([congress], [], ruleset=ruleset)
    return page, Page(page)


@pytest.fixture(scope="module")
def hostile(ruleset, nlp):
    return _story(ruleset, nlp, CONGRESS_EARLY, HOSTILE, name="hostile <b>story</b>")


# --- escaping ----------------------------------------------------------------------------------


def test_html_article_markup_renders_as_text(hostile, ruleset):
    page = render_html([hostile], [], ruleset=ruleset)
    assert HOSTILE_SCRIPT not in page
    assert "<img" not in page
    assert html.escape(HOSTILE_SCRIPT, quote=True) in page
    assert html.escape(HOSTILE_IMG, quote=True) in page
    assert page.count("<script") == 1  # the page's own
    assert "hostile &lt;b&gt;story&lt;/b&gt;" in page
    column = Page(page).by_id("s1-src2").children[1]
    assert plain_text(column) == hostile.sources[1].text


def test_html_metadata_messages_and_ids_are_escaped():
    text = "It opened on Friday <b>here</b>.\n"
    source = Source(
        id='x/"><script>alert(1)</script>.txt',
        story="<i>s</i>",
        path="x",
        text=text,
        outlet="<img src=x onerror=alert(2)>",
        title="<svg onload=alert(3)>",
        published=dt.date(2024, 3, 9),
        published_from="metadata",
        published_evidence="<u>evidence</u>",
    )
    fact = Fact(
        kind="event.start_date",
        source_id=source.id,
        start=10,
        end=19,
        line=1,
        column=11,
        text="on Friday",
        sentence=text.strip(),
        sentence_offset=10,
        value=Interval(dt.date(2024, 3, 8), dt.date(2024, 3, 8), "day"),
        note='"><script>alert(4)</script>',
    )
    finding = Finding(
        kind="typo",
        rule="typo.spelling",
        severity="warning",
        story=source.story,
        message="Misspelled <script>alert(5)</script>",
        evidence=(Evidence(source.id, 1, 24, "here", "<em>", text, "<anchor>"),),
        suggestion="<script>alert(6)</script>",
    )
    result = StoryResult(source.story, [source], [fact], [finding], [])
    error = InputError("E103", "binary <file>", "<bad>.txt")
    page = render_html([result], [error])
    for n in range(1, 7):
        assert f"alert({n})" in page
        assert f"<script>alert({n})" not in page
    assert "<img" not in page and "<svg" not in page and "<b>" not in page and "<u>" not in page
    parsed = Page(page)
    (typo,) = parsed.marks("typo")
    assert typo.text == "here"
    assert parsed.by_id("s1-f1").attrs["title"].startswith("event.start_date = 2024-03-08")


# --- highlights --------------------------------------------------------------------------------


def test_html_every_fact_is_highlighted_by_its_offsets(congress, congress_page):
    page, parsed = congress_page
    assert congress.facts
    for number, fact in enumerate(congress.facts, 1):
        mark = parsed.by_id(f"s1-f{number}")
        assert mark.tag == "mark" and "hl" in mark.classes
        assert plain_text(mark) == fact.text
        title = mark.attrs["title"]
        assert title.startswith(f"{fact.kind} = {fact.value_label()}")


def test_html_article_text_is_kept_whole(congress, congress_page):
    _, parsed = congress_page
    for j, source in enumerate(congress.sources, 1):
        (text,) = [c for c in parsed.by_id(f"s1-src{j}").children if "text" in c.classes]
        assert plain_text(text) == source.text


def test_html_disagreement_marked_with_values_and_linked(congress, congress_page):
    _, parsed = congress_page
    marks = parsed.marks("disagree")
    assert sorted(plain_text(m) for m in marks) == ["on Saturday", "on Saturday"]
    pills = sorted(p.text for p in parsed.with_class("pill-disagree"))
    assert pills == ["2024-03-09", "2024-03-16"]
    first, second = marks
    assert first.attrs["data-groups"] == second.attrs["data-groups"] == "s1-finding1"
    links = [a.attrs["href"] for a in parsed.elements if a.tag == "a" and a.parent.tag == "sup"]
    assert f"#{first.attrs['id']}" in links and f"#{second.attrs['id']}" in links


def test_html_agreement_links_counterparts_in_other_sources(congress, congress_page):
    _, parsed = congress_page
    assert sorted(a.rule for a in congress.agreements) == ["deadline", "event.place"]
    marks = parsed.marks("agree")
    assert sorted(plain_text(m) for m in marks) == [
        "by December 31",
        "in Ulaanbaatar",
        "in Ulaanbaatar",
        "year-end",
    ]
    deadline = [m for m in marks if plain_text(m) in ("by December 31", "year-end")]
    for mark in deadline:
        (other,) = [m for m in deadline if m is not mark]
        sup = mark.parent.children[mark.parent.children.index(mark) + 1]
        assert sup.tag == "sup"
        assert [a.attrs["href"] for a in sup.children] == [f"#{other.attrs['id']}"]
        assert "counterparts: " in mark.attrs["title"]


def test_html_typo_marked_with_suggestion(congress, congress_page):
    _, parsed = congress_page
    (finding,) = [f for f in congress.findings if f.kind == "typo"]
    (typo,) = parsed.marks("typo")
    assert plain_text(typo) == "Feruary"
    (pill,) = parsed.with_class("pill-typo")
    assert pill.text == "→ February" == f"→ {finding.suggestion}"
    assert finding.message in typo.attrs["title"]


def test_html_findings_listed_at_the_top_with_messages(congress, congress_page):
    page, parsed = congress_page
    findings = parsed.with_class("finding")
    assert [f.attrs["id"] for f in findings] == ["s1-finding1", "s1-finding2"]
    for finding, item in zip(congress.findings, findings, strict=True):
        (message,) = [c for c in item.children if "message" in c.classes]
        assert message.text == finding.message
    assert page.index('id="s1-finding1"') < page.index('class="tl-panel"')
    assert page.index('class="tl-panel"') < page.index('id="s1-src1"')


def test_html_overlapping_facts_nest_and_keep_the_text():
    text = "Talks ended on Friday, March 8 in Oslo.\n"
    source = Source(id="a.txt", story="s", path="a.txt", text=text)
    day = Interval(dt.date(2024, 3, 8), dt.date(2024, 3, 8), "day")

    def fact(start: int, end: int, kind: str) -> Fact:
        return Fact(kind, "a.txt", start, end, 1, start + 1, text[start:end], text, start, day)

    facts = [fact(12, 21, "event.end_date"), fact(15, 30, "event.date"), fact(12, 30, "deadline")]
    page = render_html([StoryResult("s", [source], facts, [], [])], [])
    parsed = Page(page)  # fails on crossing tags
    for number, one in enumerate(facts, 1):
        assert plain_text(parsed.by_id(f"s1-f{number}")) in one.text
    (column,) = [c for c in parsed.by_id("s1-src1").children if "text" in c.classes]
    assert plain_text(column) == text
    fragments = parsed.marks("cont")
    assert [plain_text(m) for m in fragments] == [", March 8"]


def test_html_is_deterministic(congress, ruleset):
    assert render_html([congress], [], ruleset=ruleset) == render_html(
        [congress], [], ruleset=ruleset
    )


def test_html_is_the_html_format_of_the_renderer_registry():
    assert RENDERERS["html"] is render_html


def test_html_loads_nothing_from_the_network(congress_page):
    page, parsed = congress_page
    assert "http://" not in page and "https://" not in page and "@import" not in page
    (policy,) = [e for e in parsed.elements if e.attrs.get("http-equiv")]
    assert "default-src 'none'" in policy.attrs["content"]
    assert not [e for e in parsed.elements if e.tag in ("link", "img", "iframe")]
    assert not [e for e in parsed.elements if e.tag == "script" and e.attrs.get("src")]


# --- timeline ----------------------------------------------------------------------------------


def test_html_timeline_places_every_dated_fact(congress, congress_page):
    _, parsed = congress_page
    dated = [
        (number, fact)
        for number, fact in enumerate(congress.facts, 1)
        if isinstance(fact.value, Interval)
    ]
    assert len(dated) == 4
    whole = parsed.with_class("tl-panel")[-1]
    assert plain_text(whole).startswith("Whole span")
    assert sorted(b.attrs["href"] for b in bars(whole)) == sorted(f"#s1-f{n}" for n, _ in dated)
    labels = {a.attrs["href"]: plain_text(a) for a in descendants(whole) if "tl-label" in a.classes}
    for number, fact in dated:
        source = next(s for s in congress.sources if s.id == fact.source_id)
        assert source.outlet in labels[f"#s1-f{number}"]
        assert f"“{fact.text}”" in labels[f"#s1-f{number}"]


def test_html_timeline_zooms_on_publication_when_dates_are_far(congress_page):
    _, parsed = congress_page
    zoom, whole = parsed.with_class("tl-panel")
    assert plain_text(zoom).startswith("Around publication")
    assert len(bars(zoom)) == 2  # the two Saturdays; the year-end deadlines are months away
    assert len(bars(whole)) == 4


def _left_and_width(bar: Element) -> tuple[float, float]:
    """A timeline bar's ``left`` and ``width`` in percent of the track."""
    left, width = bar.attrs["style"].split(";")
    return float(left.removeprefix("left:")[:-1]), float(width.removeprefix("width:")[:-1])


def test_html_timeline_puts_one_saturday_a_week_before_the_other(congress, congress_page):
    _, parsed = congress_page
    zoom = parsed.with_class("tl-panel")[0]
    early, late = sorted(bars(zoom), key=_left_and_width)
    assert "disagree" in early.classes and "disagree" in late.classes
    harbour = congress.facts.index(
        next(f for f in congress.facts if f.source_id == "harbour-times.txt")
    )
    assert early.attrs["href"] == f"#s1-f{harbour + 1}"  # published Mar 11: its Saturday is Mar 9
    (left_early, one_day), (left_late, _) = _left_and_width(early), _left_and_width(late)
    assert left_late - left_early == pytest.approx(7 * one_day, abs=0.01)
    values = [plain_text(v) for v in descendants(zoom) if "tl-value" in v.classes]
    assert values == ["2024-03-09 Satdisagrees", "2024-03-16 Satdisagrees"]


def test_html_timeline_one_panel_when_everything_is_near(ruleset, nlp):
    result = _story(ruleset, nlp, CONGRESS_EARLY[:2] + ("The congress opened on Saturday.\n",))
    parsed = Page(render_html([result], []))
    (panel,) = parsed.with_class("tl-panel")
    assert plain_text(panel).startswith("All dated facts")
    assert len(bars(panel)) == 1


# --- in a real browser -------------------------------------------------------------------------


def _chromium() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.skip("no chromium binary on PATH (apt-get install chromium; .ci/run installs it)")
    return binary


def _dump_dom(binary: str, page_path, profile) -> str:
    command = [
        binary,
        *SCREENSHOT.CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        "--dump-dom",
        page_path.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def test_html_in_chromium_renders_marks_and_runs_no_injected_script(
    ruleset, nlp, hostile, tmp_path, monkeypatch
):
    binary = _chromium()
    monkeypatch.chdir(ROOT)
    seeds = [check_story(story, ruleset=ruleset, nlp=nlp) for story in iter_stories(["seeds/"])]
    pages = {
        "seeds": render_html(seeds, [], ruleset=ruleset),
        "hostile": render_html([hostile], [], ruleset=ruleset),
    }
    started = time.monotonic()
    for name, page in pages.items():
        page_path = tmp_path / f"{name}.html"
        page_path.write_text(page, encoding="utf-8")
        dom = _dump_dom(binary, page_path, tmp_path / f"profile-{name}")
        assert "<title>checker report</title>" in dom, dom[:500]
        assert "pwned</title>" not in dom
        assert dom.count("<script") == 1
        assert '<img src="x"' not in dom and "<img" not in dom
        assert dom.count('<mark class="hl') >= 4
        assert 'class="tl-bar' in dom
        if name == "seeds":
            assert 'class="hl fact disagree' in dom
            assert "hl typo" in dom and "→ February" in dom
        else:
            assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
            assert "&lt;img src=x onerror=\"document.title='pwned'\"&gt;" in dom
    assert time.monotonic() - started < 60
