"""Turn parsed YAML documents into model objects, collecting every problem with its file and line."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

from careerctl.errors import Problem
from careerctl.kb.yamlio import clip, short_number, shorten
from careerctl.model import (
    DEFAULT_EFFORT,
    DEFAULT_LANGUAGE,
    DEFAULT_SCALE,
    DEFAULT_WEIGHT,
    LEVEL_MAX,
    LEVEL_MIN,
    RESOURCE_COSTS,
    RESOURCE_KINDS,
    RESOURCE_LANGUAGES,
    WEIGHT_MAX,
    WEIGHT_MIN,
    About,
    Requirement,
    Resource,
    Role,
    Skill,
    Transition,
)

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ANCHOR_LEVELS = range(1, LEVEL_MAX + 1)
SKILL_KEYS = (
    "id", "name", "category", "summary", "levels", "requires", "effort", "resources", "tags",
    "technologies", "replaces", "evidence", "mappings",
)  # fmt: skip
ROLE_KEYS = (
    "id", "name", "aliases", "track", "seniority", "summary", "responsibilities", "skills", "next",
)  # fmt: skip
RESOURCE_KEYS = ("title", "kind", "level", "url", "author", "cost", "language", "stack")
ALIAS_PATTERN = re.compile(r"[a-z0-9]+(?:[-. ][a-z0-9]+)*")
"""A role alias: kebab-case, dots allowed (SOC and ISCO codes), and single inner spaces."""
CODE_PATTERN = re.compile(r"[A-Za-z0-9]+(?:[./_-][A-Za-z0-9]+)*")
"""A unit code of a standard (J.620100.021.02)."""
REQUIREMENT_KEYS = ("level", "weight", "exact", "needed")
ABOUT_KEYS = ("name", "source", "version", "licence", "url")
KEY_SHOWN = 120  # longest key path a message shows
T = TypeVar("T")


class Sheet:
    """One file's problems and the lines of what it defines, for messages about it later."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.lines: dict[tuple[str, ...], int] = {}

    def error(self, line: int | None, key: str, message: str) -> None:
        """Record an error at `line` about `key` (a key built from a long id is cut short)."""
        key = clip(key, KEY_SHOWN)
        self.problems.append(Problem("error", self.path, line or None, key, message))


def line_of(container: Any, key: Any = None) -> int:
    """The line of `key` in a LineDict, or of the container itself; 0 when unknown."""
    lines = getattr(container, "lines", None)
    if key is not None and lines and key in lines:
        return int(lines[key])
    return int(getattr(container, "line", 0))


def line_at(items: Any, index: int) -> int:
    """The line of item `index` of a list read from YAML, else of the list itself; 0 when unknown."""
    lines = getattr(items, "lines", None)
    if isinstance(lines, list) and 0 <= index < len(lines):
        return int(lines[index])
    return int(getattr(items, "line", 0))


def describe(value: Any) -> str:
    """A short name for the YAML type of `value`, for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        if not math.isfinite(value):
            return f"{value}"
        return "a decimal number" if value.is_integer() else "a number with a fraction"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def check_document(doc: Any, sheet: Sheet, list_key: str) -> list[Any]:
    """Check a file's top level (`version: 1` and the list under `list_key`); return that list."""
    if not isinstance(doc, dict):
        what = "empty" if doc is None else describe(doc)
        sheet.error(1, "", f"must be a mapping with 'version: 1' and '{list_key}:', not {what}")
        return []
    if doc.get("version") != 1 or isinstance(doc.get("version"), bool):
        found = "missing" if "version" not in doc else shorten(doc.get("version"))
        sheet.error(line_of(doc, "version") or 1, "version", f"must be 1 (found {found})")
    items = doc.get(list_key)
    if not isinstance(items, list):
        sheet.error(line_of(doc, list_key) or 1, list_key, f"must be a list, not {describe(items)}")
        return []
    return items


def reject_unknown_keys(entry: dict[Any, Any], allowed: tuple[str, ...], sheet: Sheet, key: str) -> None:
    """Report keys that the format does not define (a typo would otherwise be ignored)."""
    for name in entry:
        if name not in allowed:
            sheet.error(
                line_of(entry, name), f"{key}.{name}", f"unknown key (expected one of: {', '.join(allowed)})"
            )


def get_text(entry: dict[Any, Any], name: str, sheet: Sheet, key: str, required: bool = True) -> str:
    """A non-empty string field; reports and returns '' when wrong."""
    if name not in entry:
        if required:
            sheet.error(line_of(entry), f"{key}.{name}", "is missing")
        return ""
    value = entry[name]
    if not isinstance(value, str) or not value.strip():
        sheet.error(line_of(entry, name), f"{key}.{name}", f"must be non-empty text, not {describe(value)}")
        return ""
    return value.strip()


def as_int(value: Any, low: int, high: int) -> int | None:
    """`value` as an int in [low, high], or None; booleans and fractions are not ints."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value <= high else None


def bad_int(value: Any, low: int, high: int, what: str) -> str:
    """The message for a value that is not a whole number in [low, high]."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{what} {short_number(value)} is outside {low}..{high}"
    return f"{what} must be a whole number from {low} to {high}, not {describe(value)}"


def get_int(entry: dict[Any, Any], name: str, sheet: Sheet, key: str, low: int, high: int) -> int | None:
    """A required whole-number field in [low, high]; reports and returns None when wrong."""
    if name not in entry:
        sheet.error(line_of(entry), f"{key}.{name}", "is missing")
        return None
    value = as_int(entry[name], low, high)
    if value is None:
        sheet.error(line_of(entry, name), f"{key}.{name}", bad_int(entry[name], low, high, name))
    return value


def get_texts(entry: dict[Any, Any], name: str, sheet: Sheet, key: str) -> tuple[str, ...]:
    """An optional list of non-empty strings."""
    value = entry.get(name, [])
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        sheet.error(line_of(entry, name), f"{key}.{name}", "must be a list of non-empty texts")
        return ()
    return tuple(v.strip() for v in value)


def check_id(value: Any, sheet: Sheet, line: int, key: str) -> str:
    """A kebab-case id; reports and returns '' when it is not one."""
    if not isinstance(value, str):
        sheet.error(line, key, f"id must be kebab-case text, not {describe(value)}")
        return ""
    if not ID_PATTERN.fullmatch(value):
        sheet.error(
            line, key, f"id {shorten(value)} must be kebab-case: lowercase a-z, 0-9 and single hyphens"
        )
        return ""
    return value


# Invisible characters that Unicode counts as letters or marks: fillers and variation selectors.
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f")
TOKEN_RULE = "letters, digits, '-', '_' and '.', starting with a letter or digit"


def is_token(text: str, spaces: bool = False) -> bool:
    """Whether `text` is safe as a command-line token (README: Safety).

    Letters in any script (with their combining marks), digits, `-`, `_` and `.`; it starts with
    a letter or a digit (so it is never taken for an option); with `spaces`, single spaces between
    words too. Nothing a shell expands, quotes or globs, and nothing invisible.
    """
    if not text or not _starts_a_token(text[0]) or text[-1] == " " or (spaces and "  " in text):
        return False
    return all(_token_char(char, spaces) for char in text)


def _starts_a_token(char: str) -> bool:
    category = unicodedata.category(char)
    return (category[0] == "L" or category == "Nd") and char not in _INVISIBLE


def _token_char(char: str, spaces: bool) -> bool:
    if char in "-_." or (spaces and char == " "):
        return True
    category = unicodedata.category(char)
    if char in _INVISIBLE or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef":
        return False
    return category[0] in "LM" or category == "Nd"


def check_token(value: Any, sheet: Sheet, line: int, key: str, what: str, spaces: bool = False) -> str:
    """A command-line token (a track, a category, a technology); reports and returns '' when not one."""
    if not isinstance(value, str):
        sheet.error(line, key, f"{what} must be text, not {describe(value)}")
        return ""
    if not is_token(value.strip(), spaces):
        rule = TOKEN_RULE + (", single spaces between words" if spaces else "")
        sheet.error(line, key, f"{what} {shorten(value)} may only hold {rule}")
        return ""
    return value.strip()


def get_token(entry: dict[Any, Any], name: str, sheet: Sheet, key: str) -> str:
    """A required token field (track, category); reports and returns '' when wrong."""
    text = get_text(entry, name, sheet, key)
    if not text:
        return ""
    return check_token(text, sheet, line_of(entry, name), f"{key}.{name}", name)


def each_mapping(
    items: list[Any], sheet: Sheet, list_key: str, build: Callable[[dict[Any, Any], str], T | None]
) -> list[T]:
    """Build every mapping in `items`, reporting items that are not mappings."""
    built: list[T] = []
    for index, entry in enumerate(items):
        if not isinstance(entry, dict):
            sheet.error(
                line_at(items, index), f"{list_key}[{index}]", f"must be a mapping, not {describe(entry)}"
            )
            continue
        ident = entry.get("id")
        label = ident if isinstance(ident, str) and ident else f"{list_key}[{index}]"
        result = build(entry, label)
        if result is not None:
            built.append(result)
    return built


# ---- skills.yaml --------------------------------------------------------------------------------


def parse_skills(doc: Any, sheet: Sheet) -> tuple[list[Skill], tuple[str, ...]]:
    """The skills of a skills.yaml document, and its scale names."""
    items = check_document(doc, sheet, "skills")
    scale = parse_scale(doc, sheet) if isinstance(doc, dict) else DEFAULT_SCALE
    if isinstance(doc, dict):
        reject_unknown_keys(doc, ("version", "scale", "skills"), sheet, "")
    return each_mapping(items, sheet, "skills", lambda e, k: parse_skill(e, k, sheet)), scale


def parse_scale(doc: dict[Any, Any], sheet: Sheet) -> tuple[str, ...]:
    """Renamed level names, if the file gives them; exactly one per level 0..5."""
    if "scale" not in doc:
        return DEFAULT_SCALE
    names = doc["scale"]
    size = LEVEL_MAX - LEVEL_MIN + 1
    if not isinstance(names, list) or len(names) != size or not all(isinstance(n, str) and n for n in names):
        sheet.error(
            line_of(doc, "scale"), "scale", f"must list exactly {size} level names, for 0..{LEVEL_MAX}"
        )
        return DEFAULT_SCALE
    return tuple(names)


def parse_skill(entry: dict[Any, Any], key: str, sheet: Sheet) -> Skill | None:
    """One skill entry, or None when it is too broken to use."""
    ident = check_id(entry.get("id"), sheet, line_of(entry, "id") or line_of(entry), f"{key}.id")
    reject_unknown_keys(entry, SKILL_KEYS, sheet, key)
    skill = Skill(
        id=ident,
        name=get_text(entry, "name", sheet, key),
        category=get_token(entry, "category", sheet, key),
        summary=get_text(entry, "summary", sheet, key),
        levels=parse_anchors(entry, sheet, key),
        requires=parse_requires(entry, sheet, key),
        effort=parse_effort(entry, sheet, key),
        resources=parse_resources(entry, sheet, key),
        tags=get_texts(entry, "tags", sheet, key),
        technologies=get_tokens(entry, "technologies", sheet, key),
        replaces=parse_replaces(entry, sheet, key),
        evidence=parse_evidence_globs(entry, sheet, key),
        mappings=parse_mappings(entry, sheet, key),
        default_effort="effort" not in entry,
    )
    if not ident:
        return None
    sheet.lines[("skill", ident)] = line_of(entry)
    for field in ("requires", "levels", "resources", "replaces"):
        sheet.lines[("skill", ident, field)] = line_of(entry, field)
    return skill


def parse_mappings(entry: dict[Any, Any], sheet: Sheet, key: str) -> dict[str, tuple[str, ...]]:
    """The optional `mappings:`: a standard's id (skkni-282-2016) -> the codes of its units the skill matches."""
    raw = entry.get("mappings", {})
    if not isinstance(raw, dict):
        sheet.error(
            line_of(entry, "mappings"),
            f"{key}.mappings",
            f"must map a standard's id to codes, not {describe(raw)}",
        )
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for standard, codes in raw.items():
        where = f"{key}.mappings.{standard}"
        if not isinstance(standard, str) or not ID_PATTERN.fullmatch(standard):
            sheet.error(
                line_of(raw, standard), where, "must be a standard's id in kebab-case, like skkni-282-2016"
            )
        elif (
            not isinstance(codes, list)
            or not codes
            or not all(isinstance(c, str) and is_code(c) for c in codes)
        ):
            sheet.error(
                line_of(raw, standard), where, "must list the standard's unit codes, like J.620100.021.02"
            )
        else:
            found[standard] = tuple(codes)
    return found


def is_code(text: str) -> bool:
    """A unit code: one word of letters, digits, . - _ and /."""
    return bool(CODE_PATTERN.fullmatch(text))


def parse_evidence_globs(entry: dict[Any, Any], sheet: Sheet, key: str) -> tuple[str, ...]:
    """The optional `evidence:` path globs, relative to a repository's root (no `/...`, no `..`)."""
    globs = get_texts(entry, "evidence", sheet, key)
    for glob in globs:
        parts = glob.split("/")
        if glob.startswith("/") or ".." in parts or "\\" in glob or "" in parts:
            sheet.error(
                line_of(entry, "evidence"),
                f"{key}.evidence",
                f"glob {shorten(glob)} must be a relative path like **/Dockerfile (no leading /, no .., no \\)",
            )
    return globs


def get_tokens(entry: dict[Any, Any], name: str, sheet: Sheet, key: str) -> tuple[str, ...]:
    """An optional list of lowercase tokens (technologies, stacks), each as people type it (is_token)."""
    tokens = get_texts(entry, name, sheet, key)
    for token in tokens:
        if not is_token(token) or token != token.lower():
            sheet.error(
                line_of(entry, name),
                f"{key}.{name}",
                f"{shorten(token)} must be one lowercase word: letters, digits, '-', '_' and '.', starting with a letter or digit",
            )
    return tuple(t for t in tokens if is_token(t) and t == t.lower())


def parse_replaces(entry: dict[Any, Any], sheet: Sheet, key: str) -> tuple[str, ...]:
    """Earlier skill ids whose ratings carry over to this skill (`replaces: [old-id]`)."""
    raw = entry.get("replaces", [])
    if raw is None:
        return ()
    if not isinstance(raw, list):
        sheet.error(line_of(entry, "replaces"), f"{key}.replaces", "must be a list of skill ids")
        return ()
    where = line_of(entry, "replaces")
    found = [check_id(old, sheet, where, f"{key}.replaces") for old in raw]
    return tuple(dict.fromkeys(old for old in found if old))


def parse_anchors(entry: dict[Any, Any], sheet: Sheet, key: str) -> tuple[str, ...]:
    """The five behavioural anchors, keyed 1..5."""
    levels = entry.get("levels")
    if not isinstance(levels, dict):
        where = line_of(entry, "levels") or line_of(entry)
        found = "missing" if "levels" not in entry else describe(levels)
        sheet.error(where, f"{key}.levels", f"must map each level 1..5 to a behaviour ({found})")
        return ("",) * LEVEL_MAX
    for name in levels:
        if as_int(name, 1, LEVEL_MAX) is None:
            sheet.error(line_of(levels, name), f"{key}.levels.{name}", "anchor levels must be 1..5")
    anchors = []
    for level in ANCHOR_LEVELS:
        text = levels.get(level)
        sheet.lines[("anchor", key, str(level))] = line_of(levels, level) or line_of(entry, "levels")
        if not isinstance(text, str) or not text.strip():
            problem = "is missing" if text is None else f"must be text, not {describe(text)}"
            sheet.error(
                line_of(levels, level), f"{key}.levels.{level}", f"anchor for level {level} {problem}"
            )
            text = ""
        anchors.append(text.strip())
    return tuple(anchors)


def parse_requires(entry: dict[Any, Any], sheet: Sheet, key: str) -> dict[int, dict[str, int]]:
    """Prerequisites, normalised to {level of this skill: {skill: level needed}}."""
    raw = entry.get("requires") or {}
    if not isinstance(raw, dict):
        sheet.error(line_of(entry, "requires"), f"{key}.requires", f"must be a mapping, not {describe(raw)}")
        return {}
    if all(isinstance(name, str) for name in raw):
        return {2: parse_prereqs(raw, sheet, f"{key}.requires")} if raw else {}
    by_level: dict[int, dict[str, int]] = {}
    for at, prereqs in raw.items():
        level = as_int(at, 1, LEVEL_MAX)
        where = f"{key}.requires.{at}"
        if level is None or not isinstance(prereqs, dict):
            sheet.error(
                line_of(raw, at), where, "use either {skill: level} or {level 1..5: {skill: level}}, not both"
            )
            continue
        by_level[level] = parse_prereqs(prereqs, sheet, where)
    return by_level


def parse_prereqs(raw: dict[Any, Any], sheet: Sheet, key: str) -> dict[str, int]:
    """A {skill: level} mapping of prerequisites."""
    prereqs: dict[str, int] = {}
    for name, level in raw.items():
        value = as_int(level, LEVEL_MIN, LEVEL_MAX)
        if not isinstance(name, str):
            sheet.error(line_of(raw, name), f"{key}.{name}", "a prerequisite must name a skill id")
        elif value is None:
            sheet.error(line_of(raw, name), f"{key}.{name}", bad_int(level, LEVEL_MIN, LEVEL_MAX, "level"))
        else:
            prereqs[name] = value
            sheet.lines.setdefault(("prereq", key.split(".requires")[0], name), line_of(raw, name))
    return prereqs


def parse_effort(entry: dict[Any, Any], sheet: Sheet, key: str) -> tuple[int, ...]:
    """Hours per level 1..5; missing levels come from the default table."""
    raw = entry.get("effort")
    if raw is None:
        return DEFAULT_EFFORT
    if not isinstance(raw, dict):
        sheet.error(
            line_of(entry, "effort"), f"{key}.effort", f"must map levels 1..5 to hours, not {describe(raw)}"
        )
        return DEFAULT_EFFORT
    hours = list(DEFAULT_EFFORT)
    for level, value in raw.items():
        at = as_int(level, 1, LEVEL_MAX)
        amount = as_int(value, 0, 100_000)
        if at is None or amount is None:
            sheet.error(
                line_of(raw, level), f"{key}.effort.{level}", "must map a level 1..5 to whole hours 0..100000"
            )
            continue
        hours[at - 1] = amount
    return tuple(hours)


def parse_resources(
    entry: dict[Any, Any], sheet: Sheet, key: str, listed: str | None = None
) -> tuple[Resource, ...]:
    """The resources list; each needs a title, a kind and a level (`listed`: the list's key path)."""
    listed = listed or f"{key}.resources"
    raw = entry.get("resources", [])
    if not isinstance(raw, list):
        sheet.error(line_of(entry, "resources"), listed, f"must be a list, not {describe(raw)}")
        return ()
    found = []
    for index, item in enumerate(raw):
        where = f"{listed}[{index}]"
        if not isinstance(item, dict):
            sheet.error(line_at(raw, index), where, f"must be a mapping, not {describe(item)}")
            continue
        reject_unknown_keys(item, RESOURCE_KEYS, sheet, where)
        kind = get_text(item, "kind", sheet, where)
        if kind and kind not in RESOURCE_KINDS:
            sheet.error(line_of(item, "kind"), f"{where}.kind", f"must be one of {', '.join(RESOURCE_KINDS)}")
        level = get_int(item, "level", sheet, where, 1, LEVEL_MAX)
        title = get_text(item, "title", sheet, where)
        url = get_text(item, "url", sheet, where, required=False) or None
        found.append(
            Resource(
                title=title,
                kind=kind,
                level=level or 1,
                url=url,
                author=get_text(item, "author", sheet, where, required=False) or None,
                cost=get_choice(item, "cost", RESOURCE_COSTS, sheet, where) or None,
                language=get_choice(item, "language", RESOURCE_LANGUAGES, sheet, where) or DEFAULT_LANGUAGE,
                stack=get_tokens(item, "stack", sheet, where),
            )
        )
    return tuple(found)


def get_choice(entry: dict[Any, Any], name: str, choices: tuple[str, ...], sheet: Sheet, key: str) -> str:
    """An optional field that must be one of `choices`; '' when absent or wrong (and reported)."""
    value = get_text(entry, name, sheet, key, required=False)
    if value and value not in choices:
        sheet.error(line_of(entry, name), f"{key}.{name}", f"must be one of {', '.join(choices)}")
        return ""
    return value


# ---- roles.yaml ---------------------------------------------------------------------------------


def parse_roles(doc: Any, sheet: Sheet) -> tuple[list[Role], About]:
    """The roles of a roles.yaml document, and where the KB comes from."""
    items = check_document(doc, sheet, "roles")
    about = About()
    if isinstance(doc, dict):
        reject_unknown_keys(doc, ("version", "about", "checks", "roles"), sheet, "")
        about = parse_about(doc, sheet)
    return each_mapping(items, sheet, "roles", lambda e, k: parse_role(e, k, sheet)), about


def parse_about(doc: dict[Any, Any], sheet: Sheet) -> About:
    """The optional `about:` block."""
    raw = doc.get("about")
    if raw is None:
        return About()
    if not isinstance(raw, dict):
        sheet.error(line_of(doc, "about"), "about", f"must be a mapping, not {describe(raw)}")
        return About()
    reject_unknown_keys(raw, ABOUT_KEYS, sheet, "about")
    fields = {name: get_text(raw, name, sheet, "about", required=False) for name in ABOUT_KEYS}
    return About(**fields)


def parse_role(entry: dict[Any, Any], key: str, sheet: Sheet) -> Role | None:
    """One role entry, or None when it is too broken to use."""
    ident = check_id(entry.get("id"), sheet, line_of(entry, "id") or line_of(entry), f"{key}.id")
    reject_unknown_keys(entry, ROLE_KEYS, sheet, key)
    role = Role(
        id=ident,
        name=get_text(entry, "name", sheet, key),
        aliases=parse_aliases(entry, sheet, key),
        track=get_token(entry, "track", sheet, key),
        seniority=get_int(entry, "seniority", sheet, key, 0, 1000) or 0,
        summary=get_text(entry, "summary", sheet, key),
        responsibilities=get_texts(entry, "responsibilities", sheet, key),
        requirements=parse_requirements(entry, sheet, key),
        next=parse_transitions(entry, sheet, key),
    )
    if not ident:
        return None
    sheet.lines[("role", ident)] = line_of(entry)
    sheet.lines[("role", ident, "aliases")] = line_of(entry, "aliases")
    return role


def parse_aliases(entry: dict[Any, Any], sheet: Sheet, key: str) -> tuple[str, ...]:
    """Short names for a role: the id rules, dots allowed (SOC and ISCO codes), single inner spaces."""
    aliases = get_texts(entry, "aliases", sheet, key)
    for alias in aliases:
        if not ALIAS_PATTERN.fullmatch(alias):
            sheet.error(
                line_of(entry, "aliases"),
                f"{key}.aliases",
                f"alias {shorten(alias)} must be kebab-case (single inner spaces allowed)",
            )
    return aliases


def parse_requirements(entry: dict[Any, Any], sheet: Sheet, key: str) -> tuple[Requirement, ...]:
    """`skills:` as Requirements: {skill: level} or {skill: {level: L, weight: W}}."""
    raw = entry.get("skills")
    if not isinstance(raw, dict) or not raw:
        found = "missing" if "skills" not in entry else describe(raw)
        sheet.error(
            line_of(entry, "skills") or line_of(entry),
            f"{key}.skills",
            f"must map skill ids to levels ({found})",
        )
        return ()
    found_requirements = []
    for name, spec in raw.items():
        where = f"{key}.skills.{name}"
        requirement = parse_requirement(name, spec, sheet, where, line_of(raw, name))
        if requirement is not None:
            found_requirements.append(requirement)
            sheet.lines[("requirement", key, str(name))] = line_of(raw, name)
    return tuple(found_requirements)


def parse_requirement(name: Any, spec: Any, sheet: Sheet, where: str, line: int) -> Requirement | None:
    """One requirement; `spec` is a level or {level, weight}."""
    if not isinstance(name, str):
        sheet.error(line, where, "must name a skill id")
        return None
    weight: Any = DEFAULT_WEIGHT
    level: Any = spec
    exact: Any = None
    needed: Any = True
    if isinstance(spec, dict):
        reject_unknown_keys(spec, REQUIREMENT_KEYS, sheet, where)
        level, weight = spec.get("level"), spec.get("weight", DEFAULT_WEIGHT)
        exact, needed = spec.get("exact"), spec.get("needed", True)
    good_level = as_int(level, LEVEL_MIN, LEVEL_MAX)
    good_weight = as_int(weight, WEIGHT_MIN, WEIGHT_MAX)
    if good_level is None:
        sheet.error(line, where, bad_int(level, LEVEL_MIN, LEVEL_MAX, "level"))
    if good_weight is None:
        sheet.error(line, where, bad_int(weight, WEIGHT_MIN, WEIGHT_MAX, "weight"))
    good_exact = _exact_level(exact, good_level, sheet, where, line)
    if not isinstance(needed, bool):
        sheet.error(line, where, f"needed must be true or false, not {describe(needed)}")
    if good_level is None or good_weight is None or not isinstance(needed, bool):
        return None
    return Requirement(skill=name, level=good_level, weight=good_weight, exact=good_exact, needed=needed)


def _exact_level(exact: Any, level: int | None, sheet: Sheet, where: str, line: int) -> float | None:
    """The optional `exact` level: a number within half a level of `level` (it rounds to it)."""
    if exact is None:
        return None
    number = exact if isinstance(exact, (int, float)) and not isinstance(exact, bool) else None
    if number is None or not math.isfinite(number) or not LEVEL_MIN <= number <= LEVEL_MAX:
        sheet.error(
            line, where, f"exact must be a number from {LEVEL_MIN} to {LEVEL_MAX}, not {shorten(exact)}"
        )
        return None
    if level is not None and abs(number - level) > 0.5:
        sheet.error(line, where, f"exact {number:g} does not round to level {level}")
        return None
    return float(number)


def parse_transitions(entry: dict[Any, Any], sheet: Sheet, key: str) -> tuple[Transition, ...]:
    """`next:` as Transitions, each with a role and typical years."""
    raw = entry.get("next", [])
    if raw is None:
        return ()
    if not isinstance(raw, list):
        sheet.error(line_of(entry, "next"), f"{key}.next", f"must be a list, not {describe(raw)}")
        return ()
    moves = []
    for index, item in enumerate(raw):
        where = f"{key}.next[{index}]"
        if not isinstance(item, dict):
            sheet.error(
                line_at(raw, index), where, f"must be a mapping with role and years, not {describe(item)}"
            )
            continue
        reject_unknown_keys(item, ("role", "years"), sheet, where)
        target = check_id(item.get("role"), sheet, line_of(item, "role") or line_of(item), f"{where}.role")
        years = item.get("years")
        if isinstance(years, bool) or not isinstance(years, (int, float)) or not 0 <= years <= 100:
            sheet.error(
                line_of(item, "years") or line_of(item), f"{where}.years", "must be a number of years, 0..100"
            )
            continue
        if target:
            moves.append(Transition(role=target, years=float(years)))
            sheet.lines[("transition", key, target)] = line_of(item)
    return tuple(moves)
