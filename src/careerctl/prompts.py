"""The terminal Prompter: questionary menus drawn on the terminal, never on stdout.

The only module that imports questionary, and only when a question is asked: importing it
costs about 0.2 s, which `careerctl assess --answers ...` and every other command do not pay.
Prompts draw on stderr when it is a terminal, else on /dev/tty, so `assess --json > out.json`
leaves clean JSON in the file (questionary would otherwise draw on stdout).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from careerctl.model import Role, Skill

INDENT = "   "  # the width of questionary's pointer column: continuation lines line up under the text
MIN_WIDTH = 40
STYLE = [
    ("highlighted", "fg:ansicyan bold"),  # the choice under the pointer
    ("pointer", "fg:ansicyan bold"),
    ("selected", "noreverse"),  # questionary marks the default choice; the pointer already starts on it
    ("instruction", "italic"),  # the skill's summary, under the question
]


@dataclass
class Terminal:
    """Where prompts read keys (None: stdin) and draw (a prompt_toolkit Output)."""

    input: Any
    output: Any


def open_terminal(stdin: Any, stderr: Any) -> Terminal | None:
    """The terminal to ask on (the Env's streams); None when stdin is not a terminal (a script, a pipe)."""
    if not stdin.isatty():
        return None
    stream: Any = stderr
    if not stream.isatty():
        try:
            stream = open("/dev/tty", "w")  # noqa: SIM115 - lives as long as the process
        except OSError:
            return None
    from prompt_toolkit.output import create_output

    return Terminal(None, create_output(stdout=stream))


def shown(text: str) -> str:
    """KB text as it may appear on screen: control characters made visible, never obeyed."""
    from careerctl.text import visible

    return visible(text)


class TerminalPrompter:
    """Asks with arrow-key menus; Ctrl-C raises KeyboardInterrupt (questionary's ask() would hide it)."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal

    def _io(self) -> dict[str, Any]:
        """Where to draw and read, and the look: the pointed-at choice stands out, the default does not."""
        import questionary

        io = {"output": self.terminal.output, "style": questionary.Style(STYLE)}
        if self.terminal.input is not None:
            io["input"] = self.terminal.input
        return io

    def _width(self) -> int:
        try:
            columns = int(self.terminal.output.get_size().columns)
        except Exception:  # noqa: BLE001 - a terminal that cannot say its size gets 80 columns
            columns = 80
        return max(MIN_WIDTH, columns - len(INDENT) - 1)

    def choose_role(self, message: str, roles: Sequence[Role], default: str) -> str:
        """A role from a menu that filters as you type."""
        import questionary

        choices = [questionary.Choice(shown(role_title(r)), value=r.id) for r in roles]
        question = questionary.select(
            shown(message),
            choices=choices,
            default=default,
            use_search_filter=True,
            use_jk_keys=False,
            instruction="(arrow keys and Enter; type to filter)",
            **self._io(),
        )
        return str(_ask(question))

    def confirm(self, message: str, default: bool) -> bool:
        """Yes or no."""
        import questionary

        lines = "\n".join(shown(line) for line in message.split("\n"))  # the message's own lines
        return bool(_ask(questionary.confirm(lines, default=default, **self._io())))

    def rate_skill(self, skill: Skill, index: int, total: int, default: int) -> int:
        """The anchor that describes the person, from a menu: "Not yet", then levels 1..5."""
        import questionary

        width = self._width()
        choices = [questionary.Choice("Not yet", value=0)]
        for level, anchor in enumerate(skill.levels, start=1):
            lines = textwrap.wrap(shown(anchor), width) or [""]
            choices.append(questionary.Choice(f"\n{INDENT}".join(lines), value=level))
        summary = textwrap.wrap(shown(skill.summary), width)
        # the message ends on a new line, so the chosen anchor shows there in full once answered
        question = questionary.select(
            f"({index}/{total}) {shown(skill.name)}: which best describes you?\n{INDENT[:-1]}",
            choices=choices,
            default=choices[max(0, min(default, len(choices) - 1))],
            use_jk_keys=False,
            instruction=f"\n{INDENT}".join(summary),
            **self._io(),
        )
        return int(_ask(question))

    def note(self, skill: Skill, default: str) -> str:
        """A one-line note or piece of evidence; Enter skips."""
        import questionary

        question = questionary.text(
            f"Note or evidence for {shown(skill.name)} (optional, Enter to skip):",
            default=shown(default),  # a saved note is data: shown literally, as it would be anywhere
            qmark=" ",
            **self._io(),
        )
        return str(_ask(question) or "")


def role_title(role: Role) -> str:
    """A role as a menu shows it: name, aliases (so typing `sre` finds it), track and rung."""
    aliases = f"{', '.join(role.aliases)}; " if role.aliases else ""
    return f"{role.name}  ({aliases}{role.track}, rung {role.seniority})"


def _ask(question: Any) -> Any:
    """The answer; KeyboardInterrupt on Ctrl-C, and on Ctrl-D, which means the same here."""
    try:
        answer = question.unsafe_ask()
    except EOFError:
        raise KeyboardInterrupt from None
    if answer is None:
        raise KeyboardInterrupt
    return answer
