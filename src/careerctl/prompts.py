"""The terminal Prompter: questionary menus drawn on the terminal, never on stdout.

The only module that imports questionary, and only when a question is asked: importing it
costs about 0.2 s, which `careerctl assess --answers ...` and every other command do not pay.
Prompts draw on stderr when it is a terminal, else on /dev/tty, so `assess --json > out.json`
leaves clean JSON in the file (questionary would otherwise draw on stdout).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from careerctl.assess import BACK, NOTE, ReviewRow
from careerctl.i18n import _, ngettext
from careerctl.model import DEFAULT_SCALE, Role, Skill

INDENT = "   "  # the width of questionary's pointer column: continuation lines line up under the text
MIN_WIDTH = 40
EVIDENCE_SHOWN = 3  # lines of a skill's evidence shown under its question
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
    stream: Any = None  # the text stream under `output`, for lines of information


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

    return Terminal(None, create_output(stdout=stream), stream)


def shown(text: str) -> str:
    """KB text as it may appear on screen: control characters made visible, never obeyed."""
    from careerctl.text import visible

    return visible(text)


class TerminalPrompter:
    """Asks with arrow-key menus; Ctrl-C raises KeyboardInterrupt (questionary's ask() would hide it)."""

    def __init__(
        self,
        terminal: Terminal,
        scale: Sequence[str] = DEFAULT_SCALE,
        subject: str | None = None,
        evidence: Mapping[str, Sequence[str]] | None = None,
        tracks: Mapping[str, str] | None = None,
    ) -> None:
        self.terminal = terminal
        self.scale = scale
        self.subject = subject  # whose skills are rated: None for the person's own
        self.evidence = evidence or {}  # per skill id, lines of evidence shown beside its question
        self.tracks = tracks or {}  # a track's word in the interface language (the KB's terms)

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

        choices = [questionary.Choice(shown(role_title(r, self.tracks)), value=r.id) for r in roles]
        question = questionary.select(
            shown(message),
            choices=choices,
            default=default,
            use_search_filter=True,
            use_jk_keys=False,
            instruction=_("(arrow keys and Enter; type to filter)"),
            **self._io(),
        )
        names = {r.id: shown(r.name) for r in roles}
        return str(_ask(_answer_with_the_name(_keep_pointer_on_filter(question), names)))

    def confirm(self, message: str, default: bool) -> bool:
        """Yes or no."""
        import questionary
        from questionary.prompts import confirm as confirm_prompt

        # the answer questionary prints once given ("Yes"), in the interface language; y and n still answer
        setattr(confirm_prompt, "YES", _("Yes"))  # noqa: B010 - a module constant, not exported
        setattr(confirm_prompt, "NO", _("No"))  # noqa: B010
        lines = "\n".join(shown(line) for line in message.split("\n"))  # the message's own lines
        return bool(_ask(questionary.confirm(lines, default=default, **self._io())))

    def rate_skill(self, skill: Skill, index: int, total: int, default: int) -> int:
        """The anchor that describes the person: 0 "Not yet", then levels 1..5, each with its number
        and the scale's name. Digits answer at once; j/k and the arrows move; Left or Backspace
        returns BACK; n returns NOTE."""
        import questionary

        width = self._width()
        zero = _("Not yet") if self.scale[0] == DEFAULT_SCALE[0] else shown(self.scale[0]).capitalize()
        choices = [questionary.Choice(f"0  {zero}", value=0)]
        for level, anchor in enumerate(skill.levels, start=1):
            head = f"{level}  {shown(level_name(self.scale, level)).capitalize()}: "
            lines = textwrap.wrap(head + shown(anchor), width, subsequent_indent="   ") or [head]
            choices.append(questionary.Choice(f"\n{INDENT}".join(lines), value=level))
        summary = textwrap.wrap(shown(skill.summary), width)
        for line in self.evidence.get(skill.id, ())[:EVIDENCE_SHOWN]:
            summary += textwrap.wrap(shown(line), width, initial_indent="+ ", subsequent_indent="  ")
        # the message ends on a new line, so the chosen anchor shows there in full once answered
        asked = (
            _("({index}/{total}) {skill}: which best describes you?")
            if self.subject is None
            else _("({index}/{total}) {skill}: which best describes {name}?")
        )
        question = questionary.select(
            asked.format(index=index, total=total, skill=shown(skill.name), name=shown(self.subject or ""))
            + f"\n{INDENT[:-1]}",
            choices=choices,
            default=choices[max(0, min(default, len(choices) - 1))],
            use_jk_keys=True,
            instruction=f"\n{INDENT}".join(summary),
            **self._io(),
        )
        keys = {str(n): n for n in range(len(choices))}
        keys["n"] = NOTE
        if index > 1:
            keys.update({"left": BACK, "backspace": BACK})
        return int(_ask(_with_keys(question, keys)))

    def note(self, skill: Skill, default: str) -> str:
        """A one-line note or piece of evidence; Enter keeps what is shown."""
        import questionary

        question = questionary.text(
            _("Note or evidence for {skill} (Enter to keep, empty to remove):").format(
                skill=shown(skill.name)
            ),
            default=shown(default),  # a saved note is data: shown literally, as it would be anywhere
            qmark=" ",
            **self._io(),
        )
        return str(_ask(question) or "")

    def review(self, rows: Sequence[ReviewRow]) -> str | None:
        """Every answer on one screen; Enter on the first line saves, on a skill changes it."""
        import questionary

        width = self._width()
        saying = ngettext("Save this {count} answer", "Save these {count} answers", len(rows))
        save = questionary.Choice(saying.format(count=len(rows)), value="")
        choices = [save]
        for row in rows:
            mark = "  " + _("(note)") if row.note else ""
            line = f"{row.level}  {shown(row.skill.name)}{mark}"
            choices.append(questionary.Choice(line[:width], value=row.skill.id))
        question = questionary.select(
            _("Review your answers:"),
            choices=choices,
            default=save,
            use_jk_keys=True,
            instruction=_("(Enter saves; pick a skill to change its answer)"),
            **self._io(),
        )
        chosen = str(_ask(question))
        return chosen or None

    def tell(self, message: str) -> None:
        """A line of information above the next question."""
        if self.terminal.stream is not None:
            self.terminal.stream.write(shown(message) + "\n")
            self.terminal.stream.flush()


def _with_keys(question: Any, answers: dict[str, int]) -> Any:
    """The question with extra keys that answer it at once: a level shows as answered, as Enter
    would show it; BACK and NOTE leave no trace on the screen."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    menu = _menu(question)
    extra = KeyBindings()
    for key, value in answers.items():

        def done(event: Any, value: int = value) -> None:
            values = [c.value for c in menu.choices] if menu is not None else []
            if value in values and menu is not None:
                menu.pointed_at, menu.is_answered = values.index(value), True
            else:
                event.app.erase_when_done = True
            event.app.exit(result=value)

        extra.add(key, eager=True)(done)
    application = question.application
    application.key_bindings = merge_key_bindings([application.key_bindings, extra])
    return question


def _menu(question: Any) -> Any:
    """The questionary menu control inside a question's layout, or None."""
    from questionary.prompts.common import InquirerControl

    for control in question.application.layout.find_all_controls():
        if isinstance(control, InquirerControl):
            return control
    return None


def _keep_pointer_on_filter(question: Any) -> Any:
    """The question with typing and Backspace filtering as before, but the pointer stays on the
    role it was on while that role is still listed (questionary moves it to the first line)."""
    import string

    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    menu = _menu(question)
    if menu is None:
        return question

    def refilter(event: Any) -> None:
        pointed = menu.get_pointed_at().value if menu.filtered_choices else None
        menu.add_search_character(event.key_sequence[0].key)
        values = [c.value for c in menu.filtered_choices]
        if pointed in values:
            menu.pointed_at = values.index(pointed)

    extra = KeyBindings()
    for character in string.printable:
        if character not in "\r\n":
            extra.add(character, eager=True)(refilter)
    extra.add(Keys.Backspace, eager=True)(refilter)
    application = question.application
    application.key_bindings = merge_key_bindings([application.key_bindings, extra])
    return question


def _answer_with_the_name(question: Any, names: dict[str, str]) -> Any:
    """The question where Enter echoes the chosen role by its name alone (its aliases filled several
    lines), and does nothing while what was typed matches no role: questionary then lists every
    role again with the pointer on one of them, which Enter would have chosen unseen."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    menu = _menu(question)
    if menu is None:
        return question

    def enter(event: Any) -> None:
        listed = menu.filtered_choices
        if menu.search_filter and not getattr(menu, "found_in_search", True):
            return  # no role matches the filter: Backspace and type again
        choice = listed[menu.pointed_at]
        choice.title = names.get(choice.value, choice.title)
        menu.is_answered = True
        event.app.exit(result=choice.value)

    extra = KeyBindings()
    extra.add(Keys.ControlM, eager=True)(enter)
    application = question.application
    application.key_bindings = merge_key_bindings([application.key_bindings, extra])
    return question


def role_title(role: Role, tracks: Mapping[str, str] | None = None) -> str:
    """A role as a menu shows it: name, track and rung, then the aliases (so typing `sre` finds it).

    The aliases come last: a narrow terminal cuts the line's end, and the track and rung should stay.
    """
    aliases = f"; {', '.join(role.aliases)}" if role.aliases else ""
    return _("{name}  ({track}, rung {rung}{aliases})").format(
        name=role.name, aliases=aliases, track=(tracks or {}).get(role.track, role.track), rung=role.seniority
    )


def level_name(scale: Sequence[str], level: int) -> str:
    """The scale's name for `level`: the KB's own (translated by its overlay), else careerctl's words."""
    if tuple(scale) != DEFAULT_SCALE:
        return scale[level]
    words = (_("none"), _("novice"), _("advanced beginner"), _("competent"), _("proficient"), _("expert"))
    return words[level]


def _ask(question: Any) -> Any:
    """The answer; KeyboardInterrupt on Ctrl-C, and on Ctrl-D, which means the same here."""
    try:
        answer = question.unsafe_ask()
    except EOFError:
        raise KeyboardInterrupt from None
    if answer is None:
        raise KeyboardInterrupt
    return answer
