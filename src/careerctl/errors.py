"""careerctl's one exception family; each error knows its exit code and its one-line message."""

from __future__ import annotations

from enum import IntEnum

from careerctl.i18n import _


class ExitCode(IntEnum):
    """Process exit codes (README: Exit codes)."""

    OK = 0
    NO_RESULT = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class CareerctlError(Exception):
    """Base of every error careerctl reports to a user."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(CareerctlError):
    """A file the user gave (KB, profile, answers) cannot be read or is malformed.

    Its parts are fields: `path`, `line` (or None), `key` (or "") and `detail`, what is wrong;
    `message` is made from them ("path:line: key: detail"), never the other way round.
    """

    def __init__(self, path: object, detail: str, line: int | None = None, key: str = "") -> None:
        self.path = str(path)
        self.line = line
        self.key = key
        self.detail = detail
        super().__init__(self.located(detail))

    def located(self, detail: str) -> str:
        """`detail` prefixed with this error's file, line and key."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {detail}" if self.key else f"{where}: {detail}"

    def problem(self) -> Problem:
        """This error as a validation finding, field for field."""
        return Problem("error", self.path, self.line, self.key, self.detail)


class InvalidKB(CareerctlError):
    """A KB loaded but breaks one or more validation rules; `problems` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.severity == "error"]
        head = _("invalid knowledge base: {count} error(s)").format(count=len(errors))
        super().__init__(head + "".join(f"\n{p}" for p in problems))
        self.problems = problems


class UnknownName(CareerctlError):
    """A role or skill name matches nothing in the KB."""

    def __init__(self, kind: str, name: str, suggestions: list[str]) -> None:
        said = unknown_text(kind).format(name=repr(name))
        if suggestions:
            said = _("{unknown}; did you mean {names}?").format(
                unknown=said, names=_(" or ").join(suggestions)
            )
        super().__init__(said)
        self.kind = kind
        self.name = name
        self.suggestions = suggestions


def unknown_text(kind: str) -> str:
    """The "unknown role NAME" sentence for each kind of name careerctl looks up ({name} to fill)."""
    texts = {
        "role": _("unknown role {name}"),
        "skill": _("unknown skill {name}"),
        "role or skill": _("unknown role or skill {name}"),
        "track": _("unknown track {name}"),
        "category": _("unknown category {name}"),
        "schema": _("unknown schema {name}"),
        "backup": _("unknown backup {name}"),
    }
    return texts.get(kind, f"unknown {kind} {{name}}")


def unknown_skill(shown: str, hints: list[str]) -> str:
    """The "SKILL: unknown skill" detail of a file or option, with the nearest ids as suggestions."""
    if hints:
        return _("{skill}: unknown skill; did you mean {names}?").format(
            skill=shown, names=_(" or ").join(hints)
        )
    return _("{skill}: unknown skill").format(skill=shown)


class NoLevels(CareerctlError):
    """A command needs the person's levels and none were given."""


class NoResult(CareerctlError):
    """The question has no answer (no route, nothing to plan); not a mistake."""

    exit_code = ExitCode.NO_RESULT


class StorageError(CareerctlError):
    """A file careerctl writes (profile, cache, report) could not be written."""


class Interrupted(CareerctlError):
    """The person pressed Ctrl-C; the message says what was kept."""

    exit_code = ExitCode.INTERRUPTED


class Problem:
    """One validation finding, located by file and line where known."""

    __slots__ = ("severity", "path", "line", "key", "message")

    def __init__(self, severity: str, path: str, line: int | None, key: str, message: str) -> None:
        self.severity = severity  # "error" or "warning"
        self.path = path
        self.line = line
        self.key = key
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        key = f" {self.key}:" if self.key else ""
        severity = _("error") if self.severity == "error" else _("warning")
        return f"{where}: {severity}:{key} {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The problem as a JSON-ready mapping."""
        return {
            "severity": self.severity,
            "file": self.path,
            "line": self.line,
            "key": self.key,
            "message": self.message,
        }
