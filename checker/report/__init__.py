"""Renderers: they read findings and agreements, never the articles' text (the HTML view
shows the articles with facts highlighted by their offsets)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from checker.report.json_report import render_json, report_dict
from checker.report.text import make_console, render_text

_MODULES = {
    "sarif": ("checker.report.sarif", "render_sarif"),
    "junit": ("checker.report.junit", "render_junit"),
    "github": ("checker.report.github", "render_github"),
    "rdjsonl": ("checker.report.rdjsonl", "render_rdjsonl"),
    "markdown": ("checker.report.markdown", "render_markdown"),
    "html": ("checker.report.html", "render_html"),
}


def _json(results, input_errors, *, ruleset=None) -> str:  # noqa: ARG001 - one signature for all renderers
    return render_json(results, input_errors)


class _Renderers(dict):
    """Format name -> ``render(results, input_errors, *, ruleset) -> str``, imported on first use."""

    def __missing__(self, name: str) -> Callable[..., str]:
        module, function = _MODULES[name]
        renderer = getattr(import_module(module), function)
        self[name] = renderer
        return renderer


RENDERERS: dict[str, Callable[..., str]] = _Renderers(json=_json)

_LAZY_EXPORTS = {function: module for module, function in _MODULES.values()}


def __getattr__(name: str) -> object:
    """``from checker.report import render_sarif`` imports the renderer's module on first use."""
    if name in _LAZY_EXPORTS:
        return getattr(import_module(_LAZY_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "RENDERERS",
    "make_console",
    "render_github",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_rdjsonl",
    "render_sarif",
    "render_text",
    "report_dict",
]
