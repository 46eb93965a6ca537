"""User-facing errors, each with a stable code, in one place.

Every message says what was expected and what was found, and names the file
(and line and column where there is one), so a one-line report is enough.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CheckerError(Exception):
    """An error the user can act on; printed as one line, never as a traceback."""

    code: str
    """Stable error code such as ``E101``."""
    message: str
    """What went wrong and what was expected."""
    path: str | None = None
    """The file the error is about, if any."""
    line: int | None = None
    """1-based line in that file, if known."""
    column: int | None = None
    """1-based column in that file, if known."""
    more: tuple[CheckerError, ...] = ()
    """Further errors found in the same pass (each bad line of a file), each told on its line."""

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.code} {self.message}"


class InputError(CheckerError):
    """An article file or corpus that cannot be read."""


class RuleError(CheckerError):
    """A rule file that is not valid."""


class UsageError(CheckerError):
    """Bad command-line usage."""


# Input errors (E1xx)
E101 = "E101"  # path does not exist
E102 = "E102"  # file is empty
E103 = "E103"  # file is binary / not text in a supported encoding
E104 = "E104"  # file cannot be read (permissions, I/O)
E105 = "E105"  # JSONL line is not a JSON object / truncated
E106 = "E106"  # JSONL record lacks text, has a field of the wrong type or a duplicate id
E107 = "E107"  # bad front matter
E108 = "E108"  # no article files found
E109 = "E109"  # bad vocabulary line
E110 = "E110"  # bad baseline file
E111 = "E111"  # article too long
# Rule errors (E2xx)
E201 = "E201"  # YAML syntax
E202 = "E202"  # missing required key
E203 = "E203"  # unknown key
E204 = "E204"  # bad value / type
E205 = "E205"  # unknown extends kind
E206 = "E206"  # bad spaCy pattern
E207 = "E207"  # duplicate rule id
E208 = "E208"  # unknown lexicon reference
E209 = "E209"  # unknown rule id in configuration
E210 = "E210"  # a lexicon defined twice
E211 = "E211"  # a word listed in two event classes
E212 = "E212"  # the rule packs lack lexicons the checker needs (no default pack)
# Usage errors (E3xx)
E301 = "E301"  # bad command-line usage
E302 = "E302"  # the output file cannot be written
# Configuration errors (E4xx)
E401 = "E401"  # bad configuration file or key
# Warnings (W)
W001 = "W001"  # rule pack has no rules / patterns
W101 = "W101"  # front matter is not valid YAML; read line by line instead
W102 = "W102"  # a metadata date that is no date; the article is read as undated
W103 = "W103"  # a link to an article the story already reads; read once
W301 = "W301"  # the cache folder cannot be written; the run goes on without it
