"""Click's and Typer's own words in the interface language: help headings, usage and usage errors.

typer 0.28 bundles its own copy of Click (typer._click), whose strings ("Usage:", "Show this
message and exit.", "No such option", "Error:") are plain literals that no catalogue reaches, and
typer.core's own ones ("Options", "Commands", "[default: ...]") call the C library's gettext
domain, not careerctl's. `translate_click()` routes all of them through careerctl.i18n once,
when cli.py imports Typer, by pointing typer.core's `_` at careerctl's and overriding the few
Click methods that write the rest. Each override writes exactly Click's English when the
language is English (tests/test_cli_click.py), so English output stays byte for byte the same.

The messages are listed here with N_ so that `pybabel extract` finds them in careerctl's sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import IO, Any

import typer.core
import typer.main
from typer import _click
from typer._click import decorators, exceptions, formatting
from typer._click._compat import get_text_stderr

from careerctl.i18n import N_, _

TYPER_STRINGS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("(dynamic)"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted!"),
)
"""typer.core's own msgids: it translates them with `_`, which translate_click points at ours."""

HELP_OPTION = N_("Show this message and exit.")
USAGE_METAVARS = (
    ("[OPTIONS]", N_("[OPTIONS]")),
    ("COMMAND [ARGS]...", N_("COMMAND [ARGS]...")),
)
"""The usage line's placeholders that Click and Typer write."""

# Messages Click builds deep inside its parser and types, as (English pattern, msgid); the msgid
# takes the pattern's named groups. Only whole messages that match are translated.
MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"No such option: (?P<name>.+)"), N_("No such option: {name}")),
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)"),
        N_("Got unexpected extra argument(s) ({args})"),
    ),
    (
        re.compile(r"Option (?P<name>'[^']*') requires an argument\."),
        N_("Option {name} requires an argument."),
    ),
    (
        re.compile(r"Option (?P<name>'[^']*') requires (?P<count>\d+) arguments\."),
        N_("Option {name} requires {count} arguments."),
    ),
    (
        re.compile(r"Option (?P<name>'[^']*') does not take a value\."),
        N_("Option {name} does not take a value."),
    ),
    (re.compile(r"(?P<value>.+) is not a valid integer\."), N_("{value} is not a valid integer.")),
    (re.compile(r"(?P<value>.+) is not a valid float\."), N_("{value} is not a valid float.")),
    (
        re.compile(r"(?P<value>.+) is not a valid integer range\."),
        N_("{value} is not a valid integer range."),
    ),
    (re.compile(r"(?P<value>.+) is not a valid float range\."), N_("{value} is not a valid float range.")),
    (
        re.compile(r"(?P<value>.+) is not a valid boolean\. Recognized values: (?P<states>.+)"),
        N_("{value} is not a valid boolean. Recognized values: {states}"),
    ),
    (re.compile(r"(?P<value>.+) is not one of (?P<choices>.+)\."), N_("{value} is not one of {choices}.")),
    (
        re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\."),
        N_("{value} is not in the range {range}."),
    ),
)


def message(text: str) -> str:
    """One of Click's messages in the interface language (itself when it is not one Click builds)."""
    for pattern, msgid in MESSAGES:
        found = pattern.fullmatch(text)
        if found:
            return _(msgid).format(**found.groupdict())
    return text


class Formatter(formatting.HelpFormatter):
    """Click's help formatter with the usage line's words translated."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, msgid in USAGE_METAVARS:
            args = args.replace(english, _(msgid))
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)


def _join_hints(hint: Sequence[str] | str | None) -> str | None:
    return exceptions._join_param_hints(hint)


def _error_show(self: exceptions.ClickException, file: IO[Any] | None = None) -> None:
    _click.echo(
        _("Error: {message}").format(message=self.format_message()),
        file=file or get_text_stderr(),
        color=self.show_color,
    )


def _usage_error_show(self: exceptions.UsageError, file: IO[Any] | None = None) -> None:
    file = file or get_text_stderr()
    color = None
    hint = ""
    if self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None:
        hint = _("Try '{command} {option}' for help.").format(
            command=self.ctx.command_path, option=self.ctx.help_option_names[0]
        )
        hint += "\n"
    if self.ctx is not None:
        color = self.ctx.color
        _click.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
    _click.echo(_("Error: {message}").format(message=self.format_message()), file=file, color=color)


def _bad_parameter_message(self: exceptions.BadParameter) -> str:
    if self.param_hint is not None:
        param_hint: Sequence[str] | str | None = self.param_hint
    elif self.param is not None:
        param_hint = self.param.get_error_hint(self.ctx)  # type: ignore[arg-type]
    else:
        return _("Invalid value: {message}").format(message=message(self.message))
    return _("Invalid value for {name}: {message}").format(
        name=_join_hints(param_hint), message=message(self.message)
    )


MISSING = {
    "argument": N_("Missing argument{name}.{message}"),
    "option": N_("Missing option{name}.{message}"),
    "parameter": N_("Missing parameter{name}.{message}"),
}


def _missing_parameter_message(self: exceptions.MissingParameter) -> str:
    if self.param_hint is not None:
        param_hint: Sequence[str] | str | None = self.param_hint
    elif self.param is not None:
        param_hint = self.param.get_error_hint(self.ctx)  # type: ignore[arg-type]
    else:
        param_hint = None
    joined = _join_hints(param_hint)
    name = f" {joined}" if joined else ""
    param_type = self.param_type
    if param_type is None and self.param is not None:
        param_type = self.param.param_type_name
    text = self.message
    if self.param is not None:
        extra = self.param.type.get_missing_message(param=self.param, ctx=self.ctx)
        if extra:
            text = f"{text}. {extra}" if text else extra
    text = f" {text}" if text else ""
    if param_type in MISSING:
        return _(MISSING[param_type]).format(name=name, message=text)
    return f"Missing {param_type}{name}.{text}"


def _no_such_option_message(self: exceptions.NoSuchOption) -> str:
    text = message(self.message)
    if not self.possibilities:
        return text
    listed = ", ".join(sorted(self.possibilities))
    return _("{message} (Possible options: {options})").format(message=text, options=listed)


def _usage_error_message(self: exceptions.UsageError) -> str:
    return message(self.message)


def _translated_help_option(original: Callable[[list[str]], Any]) -> Callable[[list[str]], Any]:
    def help_option(param_decls: list[str]) -> Callable[[Any], Any]:
        decorate = original(param_decls)

        def apply(command: Any) -> Any:
            done = decorate(command)
            command.params[-1].help = _(HELP_OPTION)
            return done

        return apply

    return help_option


def _translated_resolve(original: Callable[..., Any]) -> Callable[..., Any]:
    def resolve_command(self: typer.core.TyperGroup, ctx: _click.Context, args: list[str]) -> Any:
        try:
            return self._click_resolve_command(ctx, args)
        except exceptions.UsageError as exc:
            if self.suggest_commands and self.commands and args:
                from difflib import get_close_matches

                matches = get_close_matches(args[0], list(self.commands))
                if matches:
                    exc.message = _("{message}. Did you mean {names}?").format(
                        message=exc.message.rstrip("."), names=", ".join(f"{m!r}" for m in matches)
                    )
            raise

    resolve_command.__doc__ = original.__doc__
    return resolve_command


COMPLETION_HELP = (
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Install completion for the specified shell."),
    N_("Show completion for the specified shell, to copy it or customize the installation."),
)
"""The help of Typer's --install-completion and --show-completion, as Typer writes it."""


def _translated_completion(original: Callable[[], Any]) -> Callable[[], Any]:
    def completion_arguments() -> Any:
        params = original()
        for param in params:
            if param.help in COMPLETION_HELP:
                param.help = _(param.help)
        return params

    return completion_arguments


_done = False


def translate_click() -> None:
    """Route Click's and Typer's own interface strings through careerctl's catalogue (once)."""
    global _done
    if _done:
        return
    _done = True
    typer.core._ = _  # type: ignore[attr-defined]
    typer.main.get_install_completion_arguments = _translated_completion(
        typer.main.get_install_completion_arguments
    )
    _click.core.Context.formatter_class = Formatter
    decorators.help_option = _translated_help_option(decorators.help_option)  # type: ignore[assignment]
    exceptions.ClickException.show = _error_show  # type: ignore[method-assign]
    exceptions.UsageError.show = _usage_error_show  # type: ignore[method-assign]
    exceptions.UsageError.format_message = _usage_error_message  # type: ignore[method-assign,assignment]
    exceptions.BadParameter.format_message = _bad_parameter_message  # type: ignore[method-assign]
    exceptions.MissingParameter.format_message = _missing_parameter_message  # type: ignore[method-assign]
    exceptions.NoSuchOption.format_message = _no_such_option_message  # type: ignore[method-assign]
    typer.core.TyperGroup.resolve_command = _translated_resolve(typer.core.TyperGroup.resolve_command)  # type: ignore[method-assign]
