"""The tables folder: tables read back instead of rebuilt, rebuilt when their data changes
or their entry is damaged, never stored when the folder is turned off."""

from __future__ import annotations

import os

import pytest

from checker import tables
from checker.gazetteer import _build_gazetteer, load_gazetteer


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(tables.ENVIRONMENT, str(tmp_path / "tables"))
    return tmp_path / "tables"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_tables_second_read_is_the_stored_table_without_building(folder, tmp_path):
    data = tmp_path / "words.txt"
    data.write_text("alpha beta", encoding="utf-8")
    build, calls = _counting({"alpha": 1, "beta": 2})
    assert tables.stored("words", [data], build) == {"alpha": 1, "beta": 2}
    assert tables.stored("words", [data], build) == {"alpha": 1, "beta": 2}
    assert len(calls) == 1
    assert len(list(folder.glob("words-*.pickle"))) == 1


def test_tables_changed_data_file_rebuilds_and_keeps_the_latest_entries(folder, tmp_path):
    versions = [f"version {n}" for n in range(tables.KEPT_ENTRIES + 2)]
    seen: set = set()
    for n, version in enumerate(versions):
        assert tables.stored("words", [version], lambda n=n: [n]) == [n]
        (new,) = set(folder.glob("words-*.pickle")) - seen
        os.utime(new, (1_000_000 + n, 1_000_000 + n))  # one write a second, oldest first
        seen = set(folder.glob("words-*.pickle"))
    assert len(list(folder.glob("words-*.pickle"))) == tables.KEPT_ENTRIES
    # the newest entries are read back; the oldest were dropped and are built again
    assert tables.stored("words", [versions[-1]], lambda: pytest.fail("rebuilt")) == [
        len(versions) - 1
    ]
    assert tables.stored("words", [versions[0]], lambda: ["built again"]) == ["built again"]


@pytest.mark.parametrize("damage", [b"", b"checker-tables/1\n" + b"0" * 40, b"not a table"])
def test_tables_damaged_entry_is_rebuilt_not_trusted(folder, damage):
    tables.stored("words", ["v1"], lambda: ["alpha"])
    (entry,) = folder.glob("words-*.pickle")
    entry.write_bytes(damage)
    build, calls = _counting(["alpha"])
    assert tables.stored("words", ["v1"], build) == ["alpha"]
    assert calls == [1]
    assert tables.stored("words", ["v1"], build) == ["alpha"]  # the rebuilt entry is read
    assert calls == [1]


@pytest.mark.parametrize("setting", ["", "off"])
def test_tables_folder_off_builds_every_time_and_writes_nothing(tmp_path, monkeypatch, setting):
    monkeypatch.setenv(tables.ENVIRONMENT, setting)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build, calls = _counting(["alpha"])
    tables.stored("words", ["v1"], build)
    tables.stored("words", ["v1"], build)
    assert calls == [1, 1]
    assert not list(tmp_path.rglob("*"))


def test_tables_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv(tables.ENVIRONMENT, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tables.tables_dir() == tmp_path / "checker" / "tables"


def test_tables_stored_gazetteer_is_the_built_one(folder, ruleset):
    aliases = tuple(sorted(ruleset.lexicons["country_aliases"].items()))
    load_gazetteer.cache_clear()
    try:
        load_gazetteer(aliases)  # built and stored
        load_gazetteer.cache_clear()
        read_back = load_gazetteer(aliases)
        assert list(folder.glob("gazetteer-*.pickle"))
        assert read_back == _build_gazetteer(aliases)
        assert read_back.resolve("Lyon").kind == "city"
    finally:
        load_gazetteer.cache_clear()


def test_tables_stored_gazetteer_makes_a_names_cities_only_when_asked(folder, ruleset):
    """Read back, the gazetteer keeps each name's cities packed: only the names looked up
    (and the accent-free form tried for them) are made into city objects."""
    aliases = tuple(sorted(ruleset.lexicons["country_aliases"].items()))
    load_gazetteer.cache_clear()
    try:
        load_gazetteer(aliases)  # built and stored
        load_gazetteer.cache_clear()
        read_back = load_gazetteer(aliases)
        made = read_back.cities._made
        assert not made
        assert read_back.resolve("the port of Lyon").kind == "unknown"
        assert read_back.resolve("Lyon").kind == "city"
        assert set(made) == {"lyon"}
        assert made["lyon"] == _build_gazetteer(aliases).cities["lyon"]
    finally:
        load_gazetteer.cache_clear()


def test_tables_damaged_pint_cache_is_parsed_again_and_dropped(folder):
    from checker.quantities import unit_registry

    unit_registry.cache_clear()
    try:
        unit_registry(())  # pint writes its parsed files under the tables folder
        cached = [p for p in (folder / "pint").iterdir() if p.suffix == ".pickle"]
        assert cached
        for path in cached:
            path.write_bytes(path.read_bytes()[:20])  # a write cut short
        unit_registry.cache_clear()
        registry = unit_registry(())
        assert registry.Quantity(1, "mile").to("km").magnitude == pytest.approx(1.609344)
        assert not (folder / "pint").exists()
    finally:
        unit_registry.cache_clear()


def test_tables_unit_factors_are_pints_answers_read_back_without_pint(folder, monkeypatch):
    from checker import quantities

    units = ("acre", "km ** 2", "metric_ton", "mile", "no_such_unit")
    quantities.unit_factors.cache_clear()
    try:
        built = quantities.unit_factors(units, ())
        assert built == {u: quantities.unit_factor(u, ()) for u in units if u != "no_such_unit"}
        assert built["mile"] == (pytest.approx(1609.344), "length")
        quantities.unit_factors.cache_clear()

        def no_pint(*_args):
            raise AssertionError("the stored table was not read")

        monkeypatch.setattr(quantities, "_factors", no_pint)
        assert quantities.unit_factors(units, ()) == built
    finally:
        quantities.unit_factors.cache_clear()
