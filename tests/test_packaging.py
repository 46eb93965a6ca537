"""A non-editable install ships every subpackage and the default rule pack.

`pip install .` (not `-e`) copies only what pyproject.toml declares: a subpackage left out
of the package list, or rule files left out of the data files, work in the source tree and
fail with ModuleNotFoundError or an empty rule pack once installed.
"""

from __future__ import annotations

import fnmatch
import sys
import tomllib
from pathlib import Path

from checker import rules

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_subpackage_is_installed() -> None:
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")
    }
    assert "checker.extract" in on_disk
    packages = CONFIG.get("packages", {})
    if isinstance(packages, list):  # an explicit list: each subpackage must be named
        missing = on_disk - set(packages)
    else:  # setuptools' find: include patterns over dotted names
        include = packages["find"]["include"]
        missing = {n for n in on_disk if not any(fnmatch.fnmatch(n, p) for p in include)}
    assert not missing


def test_every_default_rule_file_is_installed() -> None:
    patterns = CONFIG["data-files"]["share/checker/rules/default"]
    shipped = [p for p in (ROOT / "rules" / "default").iterdir() if p.suffix in (".yml", ".yaml")]
    assert shipped
    for path in shipped:
        relative = path.relative_to(ROOT).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative


def test_installed_copy_of_the_rules_is_found_outside_the_tree(tmp_path, monkeypatch) -> None:
    fake_module = tmp_path / "site-packages" / "checker" / "rules.py"
    monkeypatch.setattr(rules, "__file__", str(fake_module))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    found = rules._default_rules_dir()
    assert found == tmp_path / "venv" / "share" / "checker" / "rules" / "default"
    monkeypatch.undo()
    assert rules._default_rules_dir() == ROOT / "rules" / "default"
