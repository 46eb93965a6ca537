"""The command line end to end: ``python -m checker check ...`` in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import errors

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
AFP_SEED = "seeds/000_d016bcae14bdc05d.txt"
DW_SEED = "seeds/001_1b465cf676d0d05f.txt"
TYPO_ONLY_ARTICLE = (
    "Date: 2024-03-07\nPark Ji-hoon and Amara Osei met in Nairobi in Feruary, officials said.\n"
)


def run_checker(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m checker check ARGS`` from the project root; never raises on exit status."""
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder``, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def seeds_digests() -> dict[str, dict[str, str]]:
    """The seeds' file hashes before and after the JSON run on them."""
    return {"before": tree_digest(SEEDS)}


@pytest.fixture(scope="module")
def seeds_run(seeds_digests) -> subprocess.CompletedProcess:
    completed = run_checker("seeds/", "--format", "json")
    seeds_digests["after"] = tree_digest(SEEDS)
    return completed


@pytest.fixture(scope="module")
def seeds_report(seeds_run) -> dict:
    return json.loads(seeds_run.stdout)


def test_cli_seeds_json_exits_1_on_error_finding(seeds_run):
    assert seeds_run.returncode == 1, seeds_run.stderr
    assert seeds_run.stderr == ""


def test_cli_seeds_unchanged_after_run(seeds_run, seeds_digests):
    assert seeds_digests["after"] == seeds_digests["before"]


def test_cli_seeds_json_schema(seeds_report):
    assert seeds_report["schema"] == "checker-report/1"
    assert seeds_report["errors"] == []
    assert seeds_report["summary"]["sources"] == 2
    assert seeds_report["summary"]["stories"] == 1


def test_cli_seeds_json_one_start_date_discrepancy(seeds_report):
    errors_found = [f for f in seeds_report["findings"] if f["severity"] == "error"]
    assert len(errors_found) == 1
    [finding] = errors_found
    assert finding["rule"] == "event.start_date"
    assert finding["kind"] == "discrepancy"
    assert [e["text"] for e in finding["evidence"]] == ["on Saturday", "on Saturday"]
    assert sorted(e["normalized"] for e in finding["evidence"]) == ["2019-12-21", "2019-12-28"]
    by_value = {e["normalized"]: e for e in finding["evidence"]}
    assert by_value["2019-12-28"]["source"] == AFP_SEED
    assert by_value["2019-12-21"]["source"] == DW_SEED
    assert "2019-12-28" in finding["message"]
    assert "2019-12-21" in finding["message"]


def test_cli_seeds_json_evidence_points_at_the_words(seeds_report):
    for finding in seeds_report["findings"]:
        for evidence in finding["evidence"]:
            lines = (ROOT / evidence["source"]).read_text(encoding="utf-8").split("\n")
            line = lines[evidence["line"] - 1]
            start = evidence["column"] - 1
            assert line[start : start + len(evidence["text"])] == evidence["text"], evidence


def test_cli_seeds_json_feruary_typo(seeds_report):
    typos = [f for f in seeds_report["findings"] if f["kind"] == "typo"]
    assert len(typos) == 1
    [typo] = typos
    assert typo["severity"] == "warning"
    assert typo["suggestion"] == "February"
    [evidence] = typo["evidence"]
    assert evidence["text"] == "Feruary"
    assert evidence["source"] == DW_SEED
    lines = (ROOT / DW_SEED).read_text(encoding="utf-8").split("\n")
    expected_line = next(n for n, line in enumerate(lines, start=1) if "Feruary" in line)
    assert evidence["line"] == expected_line
    assert evidence["column"] == lines[expected_line - 1].index("Feruary") + 1


def test_cli_seeds_json_no_other_errors_or_warnings(seeds_report):
    flagged = sorted(
        (f["severity"], f["rule"])
        for f in seeds_report["findings"]
        if f["severity"] in ("error", "warning")
    )
    assert flagged == [("error", "event.start_date"), ("warning", "typo.calendar")]
    assert seeds_report["summary"]["errors"] == 1
    assert seeds_report["summary"]["warnings"] == 1


def test_cli_seeds_json_deadline_agreement(seeds_report):
    [agreement] = [a for a in seeds_report["agreements"] if a["rule"] == "deadline"]
    texts = [e["text"] for e in agreement["evidence"]]
    assert "year-end" in texts
    assert "December 31" in texts
    assert {e["normalized"] for e in agreement["evidence"]} == {"2019-12-31"}
    assert {e["source"] for e in agreement["evidence"]} == {AFP_SEED, DW_SEED}


def test_cli_seeds_json_event_count_agreement(seeds_report):
    [agreement] = [a for a in seeds_report["agreements"] if a["rule"] == "event.count"]
    assert {e["normalized"] for e in agreement["evidence"]} == {"3"}
    assert {e["source"] for e in agreement["evidence"]} == {AFP_SEED, DW_SEED}


def test_cli_seeds_json_sources_publication_dates(seeds_report):
    sources = {s["id"]: s for s in seeds_report["sources"]}
    assert set(sources) == {AFP_SEED, DW_SEED}
    assert sources[AFP_SEED]["published_from"] == "text"
    assert sources[AFP_SEED]["published"] == "2019-12-29"
    assert sources[AFP_SEED]["outlet"] == "AFP"
    assert sources[DW_SEED]["published_from"] == "metadata"
    assert sources[DW_SEED]["published"] == "2019-12-26"


def test_cli_fail_on_never_exits_0():
    completed = run_checker("seeds/", "--format", "json", "--fail-on", "never")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["summary"]["errors"] == 1


@pytest.mark.parametrize(("fail_on", "status"), [("error", 0), ("warning", 1)])
def test_cli_fail_on_with_only_a_warning(tmp_path, fail_on, status):
    article = tmp_path / "dw.txt"
    article.write_text(TYPO_ONLY_ARTICLE, encoding="utf-8")
    completed = run_checker(str(article), "--format", "json", "--fail-on", fail_on)
    report = json.loads(completed.stdout)
    assert (report["summary"]["errors"], report["summary"]["warnings"]) == (0, 1)
    assert completed.returncode == status, completed.stderr


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_cli_output_writes_file_and_no_temporary(tmp_path, output_format):
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    target = out_dir / f"seeds.{output_format}"
    completed = run_checker("seeds/", "--format", output_format, "--output", str(target))
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout == ""
    assert [p.name for p in out_dir.iterdir()] == [target.name]
    content = target.read_text(encoding="utf-8")
    if output_format == "json":
        assert json.loads(content)["schema"] == "checker-report/1"
    else:
        assert "1 error, 1 warning" in content
        assert "\x1b[" not in content


@pytest.mark.parametrize("before", [0o644, 0o640, None], ids=["0644", "0640", "new-file"])
def test_cli_output_keeps_the_mode_of_the_file_it_replaces(tmp_path, before):
    # the report goes through a private (0600) temporary file: a report for a web server or
    # a shared drive must stay as readable as it was, a new one as the umask makes files
    target = tmp_path / "report.json"
    if before is not None:
        target.write_text("{}", encoding="utf-8")
        target.chmod(before)
    mask = os.umask(0o022)
    try:
        completed = run_checker("seeds/", "--format", "json", "--output", str(target))
    finally:
        os.umask(mask)
    assert completed.returncode == 1, completed.stderr
    assert target.stat().st_mode & 0o777 == (0o644 if before is None else before)


@pytest.mark.parametrize(("min_level", "status"), [("info", 1), ("error", 1)])
def test_cli_fail_on_counts_findings_min_level_does_not_show(tmp_path, min_level, status):
    # a CI job that fails on warnings but keeps them out of its log still fails
    article = tmp_path / "dw.txt"
    article.write_text(TYPO_ONLY_ARTICLE, encoding="utf-8")
    completed = run_checker(
        str(article), "--format", "json", "--fail-on", "warning", "--min-level", min_level
    )
    report = json.loads(completed.stdout)
    assert report["summary"]["warnings"] == (1 if min_level == "info" else 0)
    assert completed.returncode == status, completed.stderr


def test_cli_fail_on_with_a_hidden_warning_the_baseline_accepted(tmp_path):
    article = tmp_path / "dw.txt"
    article.write_text(TYPO_ONLY_ARTICLE, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    made = subprocess.run(
        [sys.executable, "-m", "checker", "baseline", str(article)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    baseline.write_text(made.stdout, encoding="utf-8")
    assert run_checker(str(article), "--fail-on", "warning").returncode == 1
    completed = run_checker(
        str(article), "--fail-on", "warning", "--min-level", "error", "--baseline", str(baseline)
    )
    assert completed.returncode == 0, completed.stderr


def test_cli_missing_path_exits_2(tmp_path):
    missing = tmp_path / "no-such-article.txt"
    completed = run_checker(str(missing), AFP_SEED, "--format", "json")
    assert completed.returncode == 2
    stderr_lines = completed.stderr.splitlines()
    assert len(stderr_lines) == 1, completed.stderr
    assert str(missing) in stderr_lines[0]
    assert "E101" in stderr_lines[0]
    report = json.loads(completed.stdout)
    assert [s["id"] for s in report["sources"]] == [AFP_SEED]
    assert [e["path"] for e in report["errors"]] == [str(missing)]


def test_cli_binary_file_in_folder_exits_2_and_reports_the_rest(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    bad = story / "photo.txt"
    bad.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
    shutil.copy(SEEDS / Path(AFP_SEED).name, story / "afp.txt")
    completed = run_checker(str(story), "--format", "json")
    assert completed.returncode == 2
    stderr_lines = completed.stderr.splitlines()
    assert len(stderr_lines) == 1, completed.stderr
    assert str(bad) in stderr_lines[0]
    assert "E103" in stderr_lines[0]
    report = json.loads(completed.stdout)
    assert [s["id"] for s in report["sources"]] == [str(story / "afp.txt")]
    assert [(e["code"], e["path"]) for e in report["errors"]] == [("E103", str(bad))]


@pytest.mark.parametrize("where", ["missing/report.json", "."], ids=["no-folder", "a-folder"])
def test_cli_output_that_cannot_be_written_is_one_error_line(tmp_path, where):
    target = tmp_path / where
    completed = run_checker(str(SEEDS), "--format", "json", "-o", str(target))
    assert completed.returncode == 2
    assert completed.stderr.startswith(f"checker: {target}: E302 ")
    assert len(completed.stderr.splitlines()) == 1, completed.stderr
    assert completed.stdout == ""


@pytest.mark.parametrize("where", ["article", "folder"])
def test_cli_output_into_an_input_is_refused_and_the_input_kept(tmp_path, where):
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    before = {path.name: path.read_bytes() for path in story.iterdir()}
    article = sorted(story.iterdir())[0]
    target = article if where == "article" else story / "report.md"
    completed = run_checker(str(story), "--format", "markdown", "-o", str(target))
    assert completed.returncode == 2
    assert completed.stderr.startswith(f"checker: {target}: E302 output would be written into")
    assert {path.name: path.read_bytes() for path in story.iterdir()} == before


def test_cli_over_long_article_is_an_error_and_the_rest_is_checked(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    dump = story / "dump.txt"
    dump.write_text("Talks resumed on Tuesday. " * 40_000, encoding="utf-8")  # 1,040,000
    shutil.copy(SEEDS / Path(AFP_SEED).name, story / "afp.txt")
    completed = run_checker(str(story), "--format", "json", "--no-cache")
    assert completed.returncode == 2
    stderr_lines = completed.stderr.splitlines()
    assert len(stderr_lines) == 1, completed.stderr
    assert stderr_lines[0].startswith(f"checker: {dump}: E111 article is 1,040,000 characters")
    report = json.loads(completed.stdout)
    assert [s["id"] for s in report["sources"]] == [str(story / "afp.txt")]


def test_cli_front_matter_date_that_is_no_date_is_a_warning(tmp_path):
    story = tmp_path / "ferry"
    story.mkdir()
    article = story / "gazette.md"
    article.write_text(
        "---\noutlet: Harbour Gazette\ndate: 2024-13-07\n---\n"
        "Ferry crews walked out on Thursday, the union said.\n",
        encoding="utf-8",
    )
    completed = run_checker(str(story), "--format", "json", "--no-cache")
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr.splitlines() == [
        f"checker: {article}:3: W102 metadata date '2024-13-07' is not a date; read as undated"
    ]
    report = json.loads(completed.stdout)
    assert [(s["outlet"], s["published"]) for s in report["sources"]] == [("Harbour Gazette", None)]


def test_cli_front_matter_yaml_rejects_is_checked_with_a_warning(tmp_path):
    story = tmp_path / "ferry"
    story.mkdir()
    broken = story / "gazette.md"
    broken.write_text(
        "---\noutlet: Harbour Gazette\ndate: 2024-03-07\n"
        'title: "Not again": ferry crews walk out\n---\n'
        "Ferry crews walked out on Thursday, the union said.\n",
        encoding="utf-8",
    )
    completed = run_checker(str(story), "--format", "json", "--no-cache")
    assert completed.returncode == 0, completed.stderr
    stderr_lines = completed.stderr.splitlines()
    assert len(stderr_lines) == 1, completed.stderr
    assert stderr_lines[0].startswith(f"checker: {broken}:4: W101 ")
    report = json.loads(completed.stdout)
    assert [(s["id"], s["outlet"], s["published"]) for s in report["sources"]] == [
        (str(broken), "Harbour Gazette", "2024-03-07")
    ]
    assert report["errors"] == []


def test_cli_text_report_without_colour():
    completed = run_checker("seeds/", "--format", "text")
    assert completed.returncode == 1, completed.stderr
    lines = completed.stdout.splitlines()
    assert "\x1b[" not in completed.stdout
    assert any(line.lstrip().startswith(f"--- {AFP_SEED}:7:") for line in lines)
    assert any(line.lstrip().startswith(f"+++ {DW_SEED}:1:") for line in lines)
    assert lines[-1].startswith("1 error, 1 warning")
    assert "[on Saturday]" in completed.stdout
    assert '"Feruary" -> "February"' in completed.stdout


def test_cli_inputs_unchanged_after_run(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    (story / "crlf-latin1.txt").write_bytes(
        b"date 2019-12-26\r\nPeace talks in Bogot\xe1 opened on Saturday.\r\n"
    )
    (story / "utf16.txt").write_bytes(
        b"\xff\xfe" + "Park Ji-hoon convened a meeting on Saturday.\n".encode("utf-16-le")
    )
    (story / "empty.txt").write_bytes(b"")
    before = tree_digest(tmp_path)
    completed = run_checker(str(story), "--format", "json")
    assert completed.returncode == 2  # the empty file
    assert len(json.loads(completed.stdout)["sources"]) == 4
    assert tree_digest(tmp_path) == before


@pytest.mark.parametrize("meta", [None, "{}"], ids=["not-installed", "no-name-in-meta"])
def test_cli_model_that_cannot_be_loaded_is_one_error_line(tmp_path, meta):
    model = tmp_path / "pipeline"
    if meta is not None:
        model.mkdir()
        (model / "meta.json").write_text(meta, encoding="utf-8")
        (model / "config.cfg").write_text('[nlp]\nlang = "en"\npipeline = []\n', encoding="utf-8")
    completed = run_checker(str(SEEDS), "--model", str(model), "--no-cache")
    assert completed.returncode == 2
    assert completed.stderr.startswith("checker: E301 spaCy pipeline "), completed.stderr
    assert len(completed.stderr.splitlines()) == 1, completed.stderr


def test_readme_table_of_codes_lists_every_code_of_errors_py():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([EW]\d{3}) \|", readme, flags=re.MULTILINE))
    defined = {name for name in vars(errors) if re.fullmatch(r"[EW]\d{3}", name)}
    assert listed == defined


# --- rule packs of one's own -------------------------------------------------------------------

GOALS_RULE = """extends: quantity
id: desk.goals
level: error
message: "Sources disagree on {measure}: {values}"
dimensions: [count]
measures:
  the goals scored: [goals, scored, netted]
"""


def _goals_story(tmp_path: Path) -> Path:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(
        "date 2025-05-01\nStriker Ana Ruiz scored 28 goals in the league this season.\n",
        encoding="utf-8",
    )
    (story / "b.txt").write_text(
        "date 2025-05-01\nAna Ruiz, who has netted 26 goals in the league this season, was "
        "named player of the year.\n",
        encoding="utf-8",
    )
    return story


def test_cli_a_pack_of_ones_own_alone_is_one_error_line(tmp_path):
    pack = tmp_path / "sport"
    pack.mkdir()
    (pack / "goals.yml").write_text(GOALS_RULE, encoding="utf-8")
    completed = run_checker("--rules", str(pack), str(_goals_story(tmp_path)))
    assert completed.returncode == 2
    (line,) = completed.stderr.splitlines()
    assert line.startswith(f"checker: {pack}: E212 ") and "--rules default" in line


def test_cli_default_names_the_shipped_pack_beside_ones_own(tmp_path):
    pack = tmp_path / "sport"
    pack.mkdir()
    (pack / "goals.yml").write_text(GOALS_RULE, encoding="utf-8")
    completed = run_checker(
        "--rules", "default", "--rules", str(pack), str(_goals_story(tmp_path)), "--format", "json"
    )
    assert completed.returncode == 1, completed.stderr
    rules = [f["rule"] for f in json.loads(completed.stdout)["findings"]]
    assert "desk.goals" in rules


def test_cli_empty_pack_warning_is_one_checker_line(tmp_path):
    pack = tmp_path / "empty"
    pack.mkdir()
    completed = run_checker("--rules", "default", "--rules", str(pack), AFP_SEED)
    warnings = [line for line in completed.stderr.splitlines() if "W001" in line]
    assert warnings == [f"checker: {pack}: W001 rule pack has no rule files"]
    assert "UserWarning" not in completed.stderr


def test_cli_sigterm_that_lands_in_a_finaliser_still_stops_the_run(tmp_path, monkeypatch, capsys):
    # SIGTERM's handler raises; when the signal arrives while the garbage collector runs a
    # library's __del__, Python prints and drops that exception: the run must stop anyway
    import signal

    from checker import cli, runner

    class Finaliser:
        def __del__(self):
            cli._terminate(signal.SIGTERM, None)

    def checked(stories, **_options):
        for story in stories:
            Finaliser()  # collected at once: its __del__ gets the "signal"
            yield story, None

    monkeypatch.setattr(runner, "check_stories", checked)
    article = tmp_path / "a.txt"
    article.write_text("date 2025-03-14\nThe bridge reopened on Tuesday.\n", encoding="utf-8")
    status = cli.main(["check", str(article), "--no-config", "--no-cache"])
    assert status == 143
    assert capsys.readouterr().err.splitlines() == ["checker: terminated"]


def test_cli_check_imports_wordfreq_from_a_short_stack(tmp_path):
    """wordfreq reads the whole call stack when it is imported (``locate.this_dir``): the
    check command imports it first thing, a few frames deep, not under the stages' imports."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("date: 2024-05-02\n\nThe port reopened on Tuesday after the storm.\n")
    probe = (
        "import sys\n"
        "class Probe:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'wordfreq':\n"
        "            depth, frame = 0, sys._getframe()\n"
        "            while frame is not None:\n"
        "                depth, frame = depth + 1, frame.f_back\n"
        "            print('DEPTH', depth, 'LOADED', len(sys.modules), file=sys.stderr)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Probe())\n"
        "from checker.cli import main\n"
        f"main(['check', {str(article)!r}, '--no-cache', '--fail-on', 'never'])\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    (line,) = [ln for ln in run.stderr.splitlines() if ln.startswith("DEPTH")]
    depth, loaded = int(line.split()[1]), int(line.split()[3])
    # imported under the stages' own imports: 18 frames deep, 1,100 modules loaded
    assert depth < 12 and loaded < 500, line
