"""careerctl's benchmark: cold start, a KB the size of ESCO, and how each operation grows.

Run it from the repository root, with a Python where careerctl is installed:

    python benchmarks/run.py                     # the careerctl beside this Python, else on PATH
    python benchmarks/run.py --careerctl PATH    # a given careerctl script
    python benchmarks/run.py --esco DIR          # also the real ESCO KB: a KB folder, or ESCO's CSV folder
    python benchmarks/run.py --quick             # fewer runs and no scaling series, to try things out
    python benchmarks/run.py --cold-only         # only the cold start (e.g. to compare two installs)
    python benchmarks/run.py --team-only         # only the team view of 500 profiles on the ESCO-size KB

Every command runs as a subprocess, in rounds (each command once per round, so a busy
moment of a shared machine hits all of them alike), after one warm-up round; the median is
reported. Cold-start figures are ratios to a bare argparse script measured in the same rounds.
Each budget of issue #6 is printed with PASS or FAIL; the exit status is 1 if any fails.
See docs/performance.md for a run and for what dominates each figure.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import synth

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SCALES = (1 / 8, 1 / 4, 1 / 2, 1)  # the series: 1x, 2x, 4x and 8x a base of 1/8 ESCO
VIA_TYPER = "import sys; sys.argv[0] = 'careerctl'; from careerctl.cli import run; run()"
FLOOR_SCRIPT = """\
import argparse
import itertools

parser = argparse.ArgumentParser(prog="floor", description="The least a Python CLI can do.")
parser.add_argument("--kb", help="a folder")
parser.add_argument("--json", action="store_true", help="print JSON")
parser.add_argument("source")
parser.add_argument("target")
parser.parse_args()
print("{}")
"""


# ---- measuring ----------------------------------------------------------------------------------


@dataclass
class Runs:
    """Every run of one command: wall seconds, CPU seconds, peak memory (MB) and exit codes."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def peak_mb(self) -> float:
        return max(self.rss)


@dataclass
class Command:
    """A command line to time, its environment, and what to do before each run."""

    argv: list[str]
    env: dict[str, str]
    before: Callable[[], None] | None = None


def run_once(command: Command, runs: Runs) -> None:
    """Run a command once, recording its time, CPU time, peak memory and exit code."""
    if command.before:
        command.before()
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(
            command.argv, env=command.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr
        )
        _, status, usage = os.wait4(child.pid, 0)
        runs.wall.append(time.perf_counter() - start)
        child.returncode = code = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        errors = stderr.read().decode(errors="replace").strip()
    runs.cpu.append(usage.ru_utime + usage.ru_stime)
    runs.rss.append(usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024))
    runs.codes.add(code)
    if code != 0:
        print(f"  ! exit {code}: {' '.join(command.argv[1:])}: {errors[-300:]}", file=sys.stderr)


def measure(commands: dict[str, Command], rounds: int, warmup: bool = True) -> dict[str, Runs]:
    """Run every command once per round, after a warm-up round; return every run."""
    found = {name: Runs() for name in commands}
    if warmup:
        for command in commands.values():
            run_once(command, Runs())
    for _ in range(rounds):
        for name, command in commands.items():
            run_once(command, found[name])
    return found


def probe(python: str, env: dict[str, str], *args: object) -> Any:
    """Run benchmarks/probe.py with careerctl's Python and return what it printed."""
    out = subprocess.run(
        [python, str(HERE / "probe.py"), *map(str, args)], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def probe_peak_mb(python: str, env: dict[str, str], folder: Path, cache: Path) -> float:
    """Peak memory of a process that does one warm load and nothing else."""
    runs = Runs()
    run_once(Command([python, str(HERE / "probe.py"), "load", str(folder), str(cache)], env), runs)
    return runs.peak_mb


# ---- where and what -----------------------------------------------------------------------------


def find_careerctl(given: str | None, work: Path) -> Path:
    """The careerctl to measure: --careerctl, else beside this Python, else on PATH, else a fresh venv."""
    if given:
        return Path(given).resolve()
    beside = Path(sys.executable).parent / "careerctl"
    if beside.exists():
        return beside
    found = shutil.which("careerctl")
    if found:
        return Path(found)
    print(
        "careerctl is not installed here: installing this checkout into a temporary venv ...", file=sys.stderr
    )
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(REPO)], check=True)
    return venv / "bin" / "careerctl"


def interpreter_of(script: Path) -> str:
    """The Python a console script runs with (its #! line), so the floor uses the same one."""
    try:
        first = script.read_bytes().split(b"\n", 1)[0].decode()
    except (OSError, UnicodeDecodeError):
        return sys.executable
    return first[2:].strip().split()[0] if first.startswith("#!") else sys.executable


def child_env(work: Path) -> dict[str, str]:
    """The environment of every command: the user's, with careerctl's own folders moved into `work`.

    Bytecode is cached (in `work`), as it is for an installed package, even if this shell says
    PYTHONDONTWRITEBYTECODE; the floor script and careerctl are treated alike.
    """
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("CAREERCTL_", "_CAREERCTL"))
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPYCACHEPREFIX=str(work / "pycache"),
        XDG_CACHE_HOME=str(work / "xdg-cache"),
        XDG_DATA_HOME=str(work / "xdg-data"),
        NO_COLOR="1",
        COLUMNS="120",
    )
    if not sys.platform.startswith("linux"):  # platformdirs ignores XDG there
        env["CAREERCTL_CACHE_DIR"] = str(work / "xdg-cache" / "careerctl" / "kb")
    return env


def machine() -> list[str]:
    """A few lines that say what the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines = [
        f"- machine: {cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
    ]
    if hasattr(os, "getloadavg"):
        lines.append("- load average at start: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return lines


# ---- reporting ----------------------------------------------------------------------------------


@dataclass
class Budget:
    """One budget of the issue and the figure measured against it."""

    what: str
    measured: float
    limit: float
    unit: str
    note: str = ""

    @property
    def passed(self) -> bool:
        return self.measured <= self.limit

    def row(self) -> list[str]:
        note = f" ({self.note})" if self.note else ""
        verdict = "PASS" if self.passed else "**FAIL**"
        return [verdict, self.what, fmt(self.measured, self.unit), f"<= {fmt(self.limit, self.unit)}{note}"]


def fmt(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}x"
    if not unit:
        return f"{value:.2f}"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def table(head: list[str], rows: list[list[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# ---- the three parts ----------------------------------------------------------------------------


def cold_start(careerctl: Path, python: str, env: dict[str, str], work: Path, rounds: int) -> list[Budget]:
    """Start-up of the installed careerctl, as ratios to a bare argparse script."""
    floor = work / "floor.py"
    floor.write_text(FLOOR_SCRIPT, encoding="utf-8")
    cli = str(careerctl)
    completion = dict(
        env, _CAREERCTL_COMPLETE="complete_bash", COMP_WORDS="careerctl path ju", COMP_CWORD="2"
    )
    commands = {  # label: (what is run, budget as a multiple of the floor, or 0 for none)
        "floor": (Command([python, str(floor), "junior", "senior", "--json"], env), 0.0),
        "--help": (Command([cli, "--help"], env), 6.0),
        "path --json": (Command([cli, "path", "junior", "senior", "--json"], env), 3.0),
        "roles --json": (Command([cli, "roles", "--json"], env), 3.0),
        "path (Rich)": (Command([cli, "path", "junior", "senior"], env), 4.5),
        "TAB completion": (Command([cli], completion), 3.0),
        "path --json (via Typer)": (
            Command([python, "-c", VIA_TYPER, "path", "junior", "senior", "--json"], env),
            0.0,
        ),
        "plan --json (via Typer)": (Command([cli, "plan", "--from", "junior", "--json"], env), 0.0),
    }
    shown = {
        "floor": "floor: a bare argparse script, `floor.py junior senior --json`, prints `{}`",
        "--help": "`careerctl --help`",
        "path --json": "`careerctl path junior senior --json`",
        "roles --json": "`careerctl roles --json`",
        "path (Rich)": "`careerctl path junior senior` (Rich tree)",
        "TAB completion": "TAB completion: `careerctl path ju<TAB>` (bash)",
        "path --json (via Typer)": "(no budget) `path junior senior --json` through the Typer app",
        "plan --json (via Typer)": "(no budget) `careerctl plan --from junior --json` (always Typer)",
    }
    found = measure({name: command for name, (command, _) in commands.items()}, rounds)
    floor_median = found["floor"].median
    rows = [
        [
            shown[name],
            ms(runs.median, 1),
            ms(statistics.median(runs.cpu), 1),
            f"{runs.median / floor_median:.2f}x",
        ]
        for name, runs in found.items()
    ]
    print("\n## Cold start\n")
    print(f"{rounds} rounds after a warm-up round; medians. The bundled KB, with a warm cache.\n")
    print(table(["command", "wall", "CPU", "vs floor"], rows))
    return [
        Budget(f"cold start: {name}", found[name].median / floor_median, limit, "x")
        for name, (_, limit) in commands.items()
        if limit
    ]


@dataclass
class Scale:
    """A KB to measure, and the two roles to route and plan between."""

    label: str
    folder: Path
    source: str
    target: str
    hops: int
    size: float  # in units of the series' base


@dataclass
class KBFigures:
    """Every figure measured on one KB."""

    first: Runs
    warm_load: float
    plain_decode: float
    entry_mb: float
    warm_peak_mb: float
    commands: dict[str, Runs]


def measure_kbs(
    careerctl: Path,
    python: str,
    env: dict[str, str],
    kbs: list[Scale],
    work: Path,
    rounds: int,
    first_rounds: int,
) -> list[KBFigures]:
    """First loads (empty cache each time), warm loads and the warm commands of several KBs.

    The KBs are measured in the same rounds, so that a busy spell of the machine does not fall on
    one size only and bend the growth figures.
    """
    caches = [work / f"cache-{kb.folder.name}" for kb in kbs]
    envs = [dict(env, CAREERCTL_CACHE_DIR=str(cache)) for cache in caches]
    first_loads: dict[str, Command] = {}
    commands: dict[str, Command] = {}
    for kb, cache, kb_env in zip(kbs, caches, envs, strict=True):
        cli = [str(careerctl), "--kb", str(kb.folder)]
        first_loads[kb.label] = Command(
            [*cli, "kb", "validate", "--json"], kb_env, before=lambda cache=cache: shutil.rmtree(cache, True)
        )
        for name, args in [
            ("kb validate", ["kb", "validate", "--json"]),
            ("plan", ["plan", "--from", kb.source, "--target", kb.target, "--json"]),
            ("match", ["match", "--from", kb.source, "--json"]),
            ("path", ["path", kb.source, kb.target, "--json"]),
        ]:
            commands[f"{kb.label}|{name}"] = Command([*cli, *args], kb_env)
    first = measure(first_loads, first_rounds, warmup=False)
    pairs = [str(x) for kb, cache in zip(kbs, caches, strict=True) for x in (kb.folder, cache)]
    warm = probe(python, env, "warm", rounds, *pairs)
    warm_runs = measure(commands, rounds)
    figures = []
    for kb, cache, kb_env, loads in zip(kbs, caches, envs, warm, strict=True):
        figures.append(
            KBFigures(
                first=first[kb.label],
                warm_load=float(loads["load"]),
                plain_decode=float(loads["decode"]),
                entry_mb=int(loads["entry_bytes"]) / 1e6,
                warm_peak_mb=probe_peak_mb(python, kb_env, kb.folder, cache),
                commands={
                    key.split("|", 1)[1]: runs
                    for key, runs in warm_runs.items()
                    if key.startswith(f"{kb.label}|")
                },
            )
        )
    return figures


def kb_report(title: str, kb: Scale, figures: KBFigures, rounds: int, first_rounds: int) -> list[Budget]:
    """The table for one KB and its budgets."""
    size = sum(f.stat().st_size for f in kb.folder.glob("*.yaml")) / 1e6
    rows = [
        [
            "first load: parse, validate, write the cache (`kb validate`, empty cache)",
            ms(figures.first.median),
            f"{figures.first.peak_mb:.0f} MB",
        ],
        [
            f"warm load: `load_kb()` from the cache ({figures.entry_mb:.1f} MB entry)",
            ms(figures.warm_load),
            f"{figures.warm_peak_mb:.0f} MB",
        ],
        [
            "plain `msgspec.msgpack.decode` of the same entry (read + decode, untyped)",
            ms(figures.plain_decode),
            "",
        ],
    ]
    rows += [
        [f"`{name}` (whole command, warm cache)", ms(runs.median), f"{runs.peak_mb:.0f} MB"]
        for name, runs in figures.commands.items()
    ]
    print(f"\n## {title}\n")
    print(
        f"{kb.folder.name}: {size:.1f} MB of YAML; routes and plans go {kb.source} -> {kb.target} ({kb.hops} moves)."
    )
    print(
        f"Medians of {rounds} runs ({first_rounds} for the first load); peak memory is the process's maximum RSS.\n"
    )
    print(table(["operation", "time", "peak memory"], rows))
    warm_limit = max(1.5 * figures.plain_decode, 0.2)
    warm_peak = max([figures.warm_peak_mb] + [runs.peak_mb for runs in figures.commands.values()])
    budgets = [
        Budget(f"{title}: warm load", figures.warm_load, warm_limit, "s", "1.5x plain decode, or 200 ms"),
        Budget(f"{title}: `plan`", figures.commands["plan"].median, 1.0, "s"),
        Budget(f"{title}: `match`", figures.commands["match"].median, 1.0, "s"),
        Budget(f"{title}: `kb validate`", figures.commands["kb validate"].median, 1.0, "s"),
        Budget(f"{title}: `path`", figures.commands["path"].median, 0.5, "s"),
        Budget(f"{title}: peak memory, first load", figures.first.peak_mb, 400, "MB"),
        Budget(f"{title}: peak memory, warm", warm_peak, 200, "MB", "load and every warm command"),
    ]
    for name, runs in [("first load", figures.first), *figures.commands.items()]:
        if runs.codes != {0}:
            budgets.append(Budget(f"{title}: `{name}` exits 0", max(runs.codes), 0, "exit code"))
    return budgets


TEAM_PEOPLE = 500


def team_case(
    careerctl: Path, python: str, env: dict[str, str], kb: Scale, work: Path, rounds: int
) -> list[Budget]:
    """The team view of TEAM_PEOPLE profiles made on `kb` (issue #16): time and peak memory."""
    cache = work / f"cache-{kb.folder.name}"
    people = work / f"team-{kb.folder.name}"
    kb_env = dict(env, CAREERCTL_CACHE_DIR=str(cache))
    made = probe(python, kb_env, "team", kb.folder, cache, people, TEAM_PEOPLE, 16)
    command = Command([str(careerctl), "--kb", str(kb.folder), "team", str(people), "--json"], kb_env)
    runs = measure({"team": command}, rounds)["team"]
    size = sum(f.stat().st_size for f in people.glob("*.yaml")) / 1e6
    print(f"\n## Team view: {TEAM_PEOPLE} profiles\n")
    print(
        f"{TEAM_PEOPLE} profiles ({size:.1f} MB of YAML, {made['skills_per_person']:.0f} skills rated per person, "
        f"a third with an earlier assessment too) on the {kb.label} KB: `careerctl team DIR --json`, warm KB cache."
    )
    print(f"Medians of {rounds} runs; peak memory is the process's maximum RSS.\n")
    rows = [
        [
            f"`careerctl team DIR --json` over {TEAM_PEOPLE} profiles (whole command)",
            ms(runs.median),
            ms(statistics.median(runs.cpu)),
            f"{runs.peak_mb:.0f} MB",
        ]
    ]
    print(table(["operation", "wall", "CPU", "peak memory"], rows))
    budgets = [
        Budget(f"{kb.label}: team of {TEAM_PEOPLE}", runs.median, 2.0, "s"),
        Budget(f"{kb.label}: team of {TEAM_PEOPLE}, peak memory", runs.peak_mb, 300, "MB"),
    ]
    if runs.codes != {0}:
        budgets.append(Budget(f"{kb.label}: team exits 0", max(runs.codes), 0, "exit code"))
    return budgets


def ms(seconds: float, digits: int = 0) -> str:
    return f"{seconds * 1000:.{digits}f} ms"


def growth(series: list[tuple[Scale, KBFigures]]) -> list[Budget]:
    """How each operation grows over the series, and whether it stays linear or better."""
    ops: dict[str, list[float]] = {"first load": [], "warm load": []}
    for _, figures in series:
        ops["first load"].append(figures.first.median)
        ops["warm load"].append(figures.warm_load)
        for name, runs in figures.commands.items():
            ops.setdefault(name, []).append(runs.median)
    sizes = [kb.size for kb, _ in series]
    head = ["operation", *(f"{kb.size:g}x ({kb.label})" for kb, _ in series), "each doubling", "exponent"]
    rows, budgets = [], []
    for name, times in ops.items():
        doublings = " ".join(f"{after / before:.2f}x" for before, after in itertools.pairwise(times))
        power = exponent(sizes, times)
        rows.append([name, *(ms(t) for t in times), doublings, f"{power:.2f}"])
        budgets.append(Budget(f"growth: {name}, exponent e in time ~ size^e", power, 1.1, "", "1 = linear"))
    print("\n## Growth\n")
    print("The same measurements at 1x, 2x, 4x and 8x a base of 1/8 ESCO. The exponent is the slope of")
    print("log(time) against log(size), fitted over the four sizes (1 is linear; whole commands include")
    print("start-up and the warm load, which makes them look flatter).\n")
    print(table(head, rows))
    return budgets


def exponent(sizes: list[float], times: list[float]) -> float:
    """The least-squares slope of log(time) against log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def synthetic(work: Path, scales: tuple[float, ...], seed: int) -> list[Scale]:
    """Write the synthetic KBs (before any timing, so their files have settled by then)."""
    made = []
    for scale in scales:
        written = synth.write_kb(work / f"synthetic-{scale:g}x-esco", scale, seed)
        made.append(
            Scale(
                f"{scale:g}x ESCO",
                written.folder,
                written.source,
                written.target,
                written.hops,
                scale / scales[0],
            )
        )
    return made


def real_esco(careerctl: Path, python: str, env: dict[str, str], given: Path, work: Path) -> Scale:
    """The real ESCO KB: `given` if it is a KB folder, else imported from ESCO's CSV files there."""
    folder = given
    if not (given / "roles.yaml").exists():
        folder = work / "esco"
        start = time.perf_counter()
        subprocess.run(
            [str(careerctl), "kb", "import", "esco", str(given), "--out", str(folder)], env=env, check=True
        )
        print(f"imported ESCO from {given} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    pair = probe(
        python, dict(env, CAREERCTL_CACHE_DIR=str(work / "pair-cache")), "pair", folder, work / "pair-cache"
    )
    return Scale("ESCO", folder, str(pair["source"]), str(pair["target"]), int(pair["hops"]), 8)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--careerctl", help="the careerctl script to measure")
    parser.add_argument("--rounds", type=int, default=11, help="timed rounds per KB command (default 11)")
    parser.add_argument(
        "--cold-rounds", type=int, default=21, help="timed rounds per cold start (default 21)"
    )
    parser.add_argument(
        "--first-load-rounds", type=int, default=11, help="timed first loads per KB (default 11)"
    )
    parser.add_argument(
        "--esco", type=Path, help="also measure the real ESCO KB (a KB folder or ESCO's CSV folder)"
    )
    parser.add_argument("--seed", type=int, default=6, help="seed of the synthetic KBs (default 6)")
    parser.add_argument("--quick", action="store_true", help="5 rounds, 2 first loads, no growth series")
    parser.add_argument("--no-growth", action="store_true", help="skip the growth series")
    parser.add_argument("--cold-only", action="store_true", help="only the cold-start part")
    parser.add_argument("--team-only", action="store_true", help="only the team view on the ESCO-size KB")
    args = parser.parse_args()
    rounds, first_rounds, cold_rounds = (
        (5, 2, 5) if args.quick else (args.rounds, args.first_load_rounds, args.cold_rounds)
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="careerctl-bench-") as tmp:
        work = Path(tmp)
        careerctl = find_careerctl(args.careerctl, work)
        python, env = interpreter_of(careerctl), child_env(work)
        version = subprocess.run(
            [str(careerctl), "--version"], env=env, capture_output=True, text=True
        ).stdout.strip()
        where = subprocess.run(
            [python, "-c", "import careerctl; print(careerctl.__file__)"],
            env=env,
            capture_output=True,
            text=True,
        ).stdout.strip()
        print("# careerctl benchmark\n")
        print("\n".join([*machine(), f"- {version} from {where}", f"- {time.strftime('%Y-%m-%d %H:%M %Z')}"]))
        scales = (
            []
            if args.cold_only
            else synthetic(
                work, (1,) if args.quick or args.no_growth or args.team_only else SCALES, args.seed
            )
        )
        if args.team_only:
            budgets = team_case(careerctl, python, env, scales[-1], work, rounds)
            print("\n## Budgets\n")
            print(table(["", "budget", "measured", "limit"], [budget.row() for budget in budgets]))
            return 0 if all(b.passed for b in budgets) else 1
        budgets = cold_start(careerctl, python, env, work, cold_rounds)
        figures = list(
            zip(scales, measure_kbs(careerctl, python, env, scales, work, rounds, first_rounds), strict=True)
        )
        if figures:
            budgets += kb_report("ESCO-scale synthetic KB", *figures[-1], rounds, first_rounds)
            budgets += team_case(careerctl, python, env, figures[-1][0], work, rounds)
        if len(figures) > 1:
            budgets += growth(figures)
        if args.esco:
            esco = real_esco(careerctl, python, env, args.esco, work)
            budgets += kb_report(
                "Real ESCO KB",
                esco,
                measure_kbs(careerctl, python, env, [esco], work, rounds, first_rounds)[0],
                rounds,
                first_rounds,
            )
        print("\n## Budgets\n")
        print(table(["", "budget", "measured", "limit"], [budget.row() for budget in budgets]))
        if hasattr(os, "getloadavg"):
            print("\nload average at the end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
        print(
            f"\n{sum(b.passed for b in budgets)} of {len(budgets)} budgets pass; {time.perf_counter() - started:.0f} s in all."
        )
    return 0 if all(b.passed for b in budgets) else 1


if __name__ == "__main__":
    sys.exit(main())
