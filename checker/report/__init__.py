"""Renderers: they read findings and agreements, never the articles."""

from checker.report.json_report import render_json, report_dict
from checker.report.text import make_console, render_text

__all__ = ["make_console", "render_json", "render_text", "report_dict"]
