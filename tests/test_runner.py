"""Corpus runs: --jobs, determinism, the extraction cache, interruption, large and broken input."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import cli, runner
from checker.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

STORIES = {
    "ferry-strike": [
        (
            "harbour-post",
            "2025-03-14",
            "Ferry crews in Calais ended their strike on Tuesday, the union said. "
            "The third round of talks with the operator is due by the end of March.",
        ),
        (
            "coast-wire",
            "2025-03-14",
            "Ferry crews in Calais ended their strike on Wednesday, the operator said. "
            "A third round of talks with the union is due by the end of March.",
        ),
    ],
    "council-budget": [
        (
            "city-desk",
            "2025-06-02",
            "The council in Leeds approved its budget on Friday after a goverment review.",
        ),
        (
            "north-news",
            "2025-06-02",
            "Leeds council approved the budget on Friday, May 30, after a government review.",
        ),
    ],
    "probe-launch": [
        (
            "space-daily",
            "2025-09-10",
            "The agency launched its weather probe on Monday from Kourou, officials said.",
        ),
        (
            "science-wire",
            "2025-09-10",
            "The agency's weather probe was launched from Kourou on Sunday, officials said.",
        ),
    ],
}


def _records() -> list[dict]:
    return [
        {"id": f"{outlet}-1", "story": story, "outlet": outlet, "published": date, "text": text}
        for story, articles in STORIES.items()
        for outlet, date, text in articles
    ]


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _check(*args: str) -> int:
    return cli.main(["check", *args, "--no-config"])


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_runner_jobs_and_record_order_give_identical_output(tmp_path, output_format):
    corpus = tmp_path / "corpus.jsonl"
    shuffled = _records()
    random.Random(7).shuffle(shuffled)
    assert shuffled != _records()
    outputs = []
    for records, jobs in ((_records(), "1"), (_records(), "2"), (shuffled, "2")):
        _write_jsonl(corpus, records)
        out = tmp_path / f"out-{len(outputs)}.{output_format}"
        args = [str(corpus), "--format", output_format, "--jobs", jobs, "--no-cache"]
        _check(*args, "--output", str(out), "--fail-on", "never")
        outputs.append(out.read_bytes())
    report = json.loads(outputs[0])
    found = report["findings"] if output_format == "json" else report["runs"][0]["results"]
    assert len(found) >= 2  # the strike's end date, the misspelt "goverment"
    assert outputs[0] == outputs[1]
    if output_format == "json":
        assert outputs[1] == outputs[2]
        return
    # SARIF points each record's locations at the record's file line, which moves with
    # it; apart from those lines, the shuffled file gives the same bytes
    line_of = {f"{corpus}#{r['id']}": n for n, r in enumerate(shuffled, start=1)}
    moved = json.loads(outputs[2])
    for result in moved["runs"][0]["results"]:
        for location in result["locations"]:
            record = location["logicalLocations"][0]["fullyQualifiedName"]
            region = location["physicalLocation"]["region"]
            assert region["startLine"] == line_of[record]
            region["startLine"] = [r["id"] for r in _records()].index(record.split("#")[1]) + 1
    assert moved == json.loads(outputs[0])


def test_runner_folder_corpus_same_output_whatever_jobs_and_argument_order(tmp_path):
    for story, articles in STORIES.items():
        for outlet, date, text in articles:
            folder = tmp_path / "corpus" / story
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{outlet}.txt").write_text(f"Date: {date}\n{text}\n", encoding="utf-8")
    extra = tmp_path / "extra.txt"
    extra.write_text("Date: 2025-01-08\nThe bridge reopened on Tuesday.\n", encoding="utf-8")
    outputs = []
    for paths, jobs in (([tmp_path / "corpus", extra], "1"), ([extra, tmp_path / "corpus"], "3")):
        out = tmp_path / f"out-{jobs}.json"
        _check(*map(str, paths), "--format", "json", "--jobs", jobs, "--no-cache", "-o", str(out))
        outputs.append(out.read_bytes())
    assert json.loads(outputs[0])["summary"]["stories"] == 4
    assert outputs[0] == outputs[1]


def _worker_state() -> tuple[bool, int]:
    """In a pool worker: whether its checker's pipeline is built, and how many gazetteers
    this process has built (``load_gazetteer``'s cache)."""
    from checker.gazetteer import load_gazetteer

    return runner._WORKER._nlp is not None, load_gazetteer.cache_info().currsize


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_runner_forked_workers_start_with_the_parents_pipeline_and_tables(ruleset):
    pool = runner._start_pool(2, Settings(), ruleset)
    try:
        # a worker that built its own checker would have no pipeline before its first story
        assert pool.apply(_worker_state) == (True, 1)
    finally:
        pool.terminate()


def test_runner_second_run_reads_cache_and_does_no_nlp_work(tmp_path, monkeypatch):
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _records())
    cache = tmp_path / "cache"
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    _check(str(corpus), "--format", "json", "--cache-dir", str(cache), "-o", str(first))
    assert len(list(cache.glob("*/*.pickle"))) == 6

    def no_nlp(*args, **kwargs):
        raise AssertionError("the pipeline was built although every source is cached")

    monkeypatch.setattr("checker.nlp.build_pipeline", no_nlp)
    _check(str(corpus), "--format", "json", "--cache-dir", str(cache), "-o", str(second))
    assert second.read_bytes() == first.read_bytes()


def test_runner_changed_source_misses_cache_and_others_hit(tmp_path):
    records = _records()
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", records)
    cache = tmp_path / "cache"
    _check(str(corpus), "--format", "json", "--cache-dir", str(cache), "-o", str(tmp_path / "a"))
    records[0]["text"] = records[0]["text"].replace("Tuesday", "Thursday")
    _write_jsonl(corpus, records)
    out = tmp_path / "b.json"
    _check(str(corpus), "--format", "json", "--cache-dir", str(cache), "-o", str(out))
    assert len(list(cache.glob("*/*.pickle"))) == 7
    fresh = tmp_path / "fresh.json"
    _check(str(corpus), "--format", "json", "--no-cache", "-o", str(fresh))
    assert out.read_bytes() == fresh.read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # a write cut short
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 0xFF]),  # a flipped bit
        lambda blob: b"",  # an empty file
        lambda blob: b"not a cache entry at all",
    ],
    ids=["truncated", "flipped", "empty", "foreign"],
)
def test_runner_corrupt_cache_entry_is_ignored_and_rebuilt(tmp_path, damage):
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _records())
    cache = tmp_path / "cache"
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    _check(str(corpus), "--format", "json", "--cache-dir", str(cache), "-o", str(first))
    entries = sorted(cache.glob("*/*.pickle"))
    for entry in entries:
        entry.write_bytes(damage(entry.read_bytes()))
    _check(str(corpus), "--format", "json", "--cache-dir", str(cache), "-o", str(second))
    assert second.read_bytes() == first.read_bytes()
    from checker.cache import _decode

    assert all(_decode(entry.read_bytes()) is not None for entry in entries)  # rebuilt


def test_runner_cache_key_covers_rules_and_model(tmp_path):
    from checker.cache import run_key
    from checker.rules import configure_rules, load_rules

    shipped = run_key(load_rules())
    fewer = configure_rules(load_rules(), disable=("typo.spelling",), severity={})
    assert run_key(fewer) != shipped
    assert run_key(load_rules(), model="en_core_web_sm") != shipped
    assert run_key(load_rules()) == shipped


def test_runner_no_cache_writes_nothing(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    corpus = _write_jsonl(tmp_path / "in" / "corpus.jsonl", _records())
    monkeypatch.chdir(tmp_path)
    _check(str(corpus), "--format", "json", "--no-cache", "-o", str(tmp_path / "out.json"))
    assert not (tmp_path / ".checker-cache").exists()
    _check(str(corpus), "--format", "json", "-o", str(tmp_path / "out.json"))
    assert (tmp_path / ".checker-cache" / ".gitignore").is_file()


def _unwritable_by_permission(folder: Path, monkeypatch) -> None:
    """``folder`` refuses new files, as a read-only folder does (chmod binds no root user)."""
    import tempfile

    folder.mkdir()
    real_mkstemp = tempfile.mkstemp

    def refuse(*args, dir=None, **kwargs):  # noqa: A002 - tempfile's own keyword
        if dir is not None and Path(dir).resolve().is_relative_to(folder.resolve()):
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


@pytest.mark.parametrize(
    ("make_unwritable", "reason"),
    [
        (lambda folder, _patch: folder.write_text("not a folder\n"), "a file stands in its place"),
        (_unwritable_by_permission, "Permission denied"),
    ],
    ids=["file-in-its-place", "read-only"],
)
def test_runner_unwritable_cache_warns_once_and_runs_on_without_it(
    tmp_path, monkeypatch, capsys, make_unwritable, reason
):
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _records())
    fresh = tmp_path / "fresh.json"
    assert _check(str(corpus), "--format", "json", "--no-cache", "-o", str(fresh)) == 1
    capsys.readouterr()
    cache = tmp_path / "cache"
    make_unwritable(cache, monkeypatch)
    out = tmp_path / "out.json"
    status = _check(str(corpus), "--format", "json", "--cache-dir", str(cache), "-o", str(out))
    assert status == 1  # the findings' status, as without a cache
    assert capsys.readouterr().err.splitlines() == [
        f"checker: {cache}: W301 cache folder cannot be written ({reason}); "
        "checking without the cache"
    ]
    assert out.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")


def test_runner_unwritable_cache_warns_once_with_several_processes(tmp_path):
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _records())
    cache = tmp_path / "cache"
    cache.write_text("not a folder\n", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(corpus), "--format", "json"]
        + ["--jobs", "2", "--cache-dir", str(cache), "--no-config", "--fail-on", "never"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0
    assert completed.stderr.count("W301") == 1
    assert json.loads(completed.stdout)["summary"]["stories"] == 3


def test_runner_default_cache_never_inside_an_input_folder(tmp_path, monkeypatch):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("Date: 2025-01-08\nThe bridge reopened on Tuesday.\n")
    monkeypatch.chdir(story)
    _check(".", "--format", "json", "-o", str(tmp_path / "out.json"))
    assert sorted(p.name for p in story.iterdir()) == ["a.txt"]


def _big_corpus(folder: Path, stories: int = 400) -> Path:
    """A corpus folder whose first story is an empty file (its error line says the run began)."""
    (folder / "000-broken").mkdir(parents=True)
    (folder / "000-broken" / "empty.txt").write_text("")
    paragraph = " ".join(text for articles in STORIES.values() for _, _, text in articles)
    for number in range(1, stories + 1):
        story = folder / f"{number:03d}-story"
        story.mkdir()
        for outlet in ("a", "b"):
            (story / f"{outlet}.txt").write_text(
                f"Date: 2025-03-14\n{paragraph}\n\n{paragraph}\n", encoding="utf-8"
            )
    return folder


def _interruptible() -> None:
    """In the child before it runs the checker: SIGINT back to its default, as at a terminal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("sent", "status", "jobs"),
    [(signal.SIGINT, 130, "2"), (signal.SIGTERM, 143, "1")],
    ids=["sigint-jobs2", "sigterm-jobs1"],
)
def test_runner_interrupted_run_keeps_old_output_and_exits_promptly(tmp_path, sent, status, jobs):
    corpus = _big_corpus(tmp_path / "corpus")
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    out.write_text('{"previous": "report"}\n', encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(corpus), "--format", "json"]
        + ["--output", str(out), "--jobs", jobs, "--no-cache", "--no-config"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        # a suite started in the background inherits an ignored SIGINT: give the run Ctrl-C
        preexec_fn=_interruptible,
    )
    try:
        first_line = process.stderr.readline()  # the empty file's error: checking has begun
        assert "E102" in first_line
        time.sleep(0.5)
        process.send_signal(sent)
        sent_at = time.monotonic()
        returncode = process.wait(timeout=20)
    finally:
        process.kill()
    assert returncode == status
    assert time.monotonic() - sent_at < 10
    content = out.read_text(encoding="utf-8")
    if content != '{"previous": "report"}\n':
        assert json.loads(content)["summary"]["stories"] == 400  # the run had just finished
    assert [p.name for p in out.parent.iterdir()] == ["report.json"]  # no temporary left


def test_runner_folder_of_10000_files_checks_all_and_reports_broken_ones(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    for number in range(9_997):
        (folder / f"brief-{number:05d}.txt").write_text(
            f"Date: 2025-04-{1 + number % 28:02d}\nThe ferry ran again on Tuesday.\n"
        )
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "blank.txt").write_text(" \n\t\n")
    (folder / "latin.txt").write_bytes(
        "Date: 2025-04-02\nLe caf\xe9 rouvrit mardi.\n".encode("latin-1")
    )
    out = tmp_path / "out.json"
    status = _check(str(folder), "--format", "json", "--no-cache", "-o", str(out), "-j", "2")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert status == 2
    assert report["summary"]["sources"] == 9_998
    assert sorted(Path(e["path"]).name for e in report["errors"]) == ["blank.txt", "photo.txt"]


def test_runner_truncated_jsonl_line_is_one_error_and_the_rest_is_checked(tmp_path, capsys):
    lines = [json.dumps(r) for r in _records()]
    lines[2] = lines[2][: len(lines[2]) // 2]  # a crawler cut off mid-record
    corpus = tmp_path / "cut.jsonl"
    corpus.write_text("\n".join(lines), encoding="utf-8")  # and the last line has no newline
    out = tmp_path / "out.json"
    status = _check(str(corpus), "--format", "json", "--no-cache", "-o", str(out))
    report = json.loads(out.read_text(encoding="utf-8"))
    errors = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert len(errors) == 1 and errors[0].startswith(f"checker: {corpus}:3: E105 ")
    assert report["summary"]["sources"] == 5
    assert [e["line"] for e in report["errors"]] == [3]


@pytest.mark.parametrize("value", ["-1", "two"])
def test_runner_jobs_refused_alike_on_the_command_line_and_in_the_configuration(
    tmp_path, capsys, value
):
    from checker.config import load_config
    from checker.errors import UsageError

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", "seeds", "--jobs", value])
    assert exit_info.value.code == 2
    expected = "expected a whole number of processes, 0 for one per CPU"
    assert f"--jobs/-j: {expected} (not {value!r})" in capsys.readouterr().err
    config = tmp_path / ".checker.toml"
    config.write_text(f"jobs = {-1 if value == '-1' else repr(value)}\n", encoding="utf-8")
    with pytest.raises(UsageError) as error:
        load_config(config)
    assert str(error.value).startswith(f"{config}: E401 [jobs] {expected} (not ")


def test_runner_jobs_zero_is_one_process_per_cpu_on_the_command_line_and_in_the_configuration(
    tmp_path, monkeypatch
):
    from checker.config import FileConfig, load_config

    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    config = tmp_path / ".checker.toml"
    config.write_text("jobs = 0\n", encoding="utf-8")
    assert load_config(config).jobs == 6
    args = cli._parser().parse_args(["check", "seeds", "--jobs", "0"])
    assert cli.build_settings(args, FileConfig()).jobs == 6
    args = cli._parser().parse_args(["check", "seeds"])
    assert cli.build_settings(args, load_config(config)).jobs == 6


def test_runner_progress_never_on_a_pipe(tmp_path):
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _records())
    completed = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(corpus), "--format", "json"]
        + ["--no-cache", "--no-config", "--fail-on", "never"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TERM": "xterm"},
        timeout=120,
    )
    assert completed.stderr == ""
    assert json.loads(completed.stdout)["summary"]["stories"] == 3


def test_runner_config_file_sets_jobs_and_cache(tmp_path):
    from checker.config import load_config

    config = tmp_path / ".checker.toml"
    config.write_text('jobs = 2\ncache = ".cache/checker"\n', encoding="utf-8")
    loaded = load_config(config)
    assert (loaded.jobs, loaded.cache) == (2, tmp_path / ".cache/checker")
    config.write_text("cache = false\n", encoding="utf-8")
    assert load_config(config).cache is False


@pytest.mark.parametrize("line", ["jobs = -2", "jobs = true", 'jobs = "2"', "cache = 3"])
def test_runner_config_file_bad_jobs_or_cache_is_e401(tmp_path, line):
    from checker.config import load_config
    from checker.errors import UsageError

    config = tmp_path / ".checker.toml"
    config.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match="E401"):
        load_config(config)


def test_runner_progress_shown_on_a_terminal_and_never_in_the_report(tmp_path):
    import pty

    corpus = _big_corpus(tmp_path / "corpus", stories=80)
    out = tmp_path / "report.json"
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(corpus), "--format", "json"]
        + ["--output", str(out), "--no-cache", "--no-config"],
        cwd=ROOT,
        stderr=terminal,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm"},
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the run is over
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert process.wait(timeout=120) == 2  # the empty file
    assert b"checking: " in shown and b"E102" in shown
    assert "checking" not in out.read_text(encoding="utf-8")
    assert (
        json.loads(out.read_text(encoding="utf-8"))["summary"]["stories"] == 80
    )  # the broken story has no source
