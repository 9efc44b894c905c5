"""The human views of each result: which function draws which result in which format.

A view takes the result and the Env and writes to env.stdout. Each imports its renderer only
when called, so `--format dot` does not load Rich and a Rich table does not load the report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from careerctl.i18n import _
from careerctl.model import LEVEL_MAX
from careerctl.results import (
    AssessResult,
    CalibrationResult,
    ConfigResult,
    EvidenceResult,
    MatchResult,
    Packet,
    PlanResult,
    ProfileResult,
    ProgressResult,
    Report,
    ReviewsResult,
    RolesResult,
    RouteDoc,
    RouteResult,
    ScanResult,
    SearchResult,
    ShowResult,
    SkillDoc,
    SkillsResult,
    StatsResult,
    TeamResult,
    ValidationResult,
)
from careerctl.text import number, visible

if TYPE_CHECKING:
    from rich.console import Console

    from careerctl.context import Env
    from careerctl.model import KnowledgeBase

View = Callable[[Any, "Env"], None]


def console(env: Env) -> Console:
    """The Rich console on env.stdout."""
    from careerctl.render.rich import make_console

    return make_console(env)


def roles_table(result: RolesResult, env: Env) -> None:
    from careerctl.render.rich import print_roles

    print_roles(console(env), result.kb, result.roles)


def roles_tree(result: RolesResult, env: Env) -> None:
    from careerctl.render.rich import print_ladders

    print_ladders(console(env), result.kb, result.roles)


def roles_mermaid(result: RolesResult, env: Env) -> None:
    from careerctl.render.diagram import mermaid_map

    env.stdout.write(mermaid_map(result.kb, result.roles))


def roles_dot(result: RolesResult, env: Env) -> None:
    from careerctl.render.diagram import dot_map

    env.stdout.write(dot_map(result.kb, result.roles))


def skills_table(result: SkillsResult, env: Env) -> None:
    from careerctl.render.rich import print_skills

    print_skills(console(env), result.kb, result.skills)


def show_item(result: ShowResult, env: Env) -> None:
    from careerctl.model import Role
    from careerctl.render.rich import print_role, print_skill

    if isinstance(result.item, Role):
        print_role(console(env), result.kb, result.item)
    else:
        if result.item.default_effort:
            print_skill(console(env), result.kb, result.item)
            env.stdout.write(rough_skill_hours() + "\n")
        else:
            first_job = result.doc.first_job_level if isinstance(result.doc, SkillDoc) else None
            print_skill(console(env), result.kb, result.item, skill_hours(first_job))


def hits_table(result: SearchResult, env: Env) -> None:
    if not result.doc.hits:
        from careerctl.i18n import _

        nothing = _("Nothing in this knowledge base matches {query}.").format(query=repr(result.doc.query))
        env.stdout.write(visible(nothing) + "\n")
        return
    from careerctl.render.rich import print_hits

    print_hits(console(env), result.doc.hits)


def problems_list(result: ValidationResult, env: Env) -> None:
    from careerctl.render.rich import print_problems

    print_problems(console(env), result.folder, result.problems)


def stats_table(result: StatsResult, env: Env) -> None:
    from careerctl.render.rich import print_stats

    print_stats(console(env), result.kb, result.folder, result.stats)


def plan_view(result: PlanResult, env: Env) -> None:
    from careerctl.pager import paged

    def draw(where: Env) -> None:
        from careerctl.render.planview import print_plan_view

        print_plan_view(console(where), result)
        hours_note(result.kb, where)

    paged(env, draw, result.paged)


def effort_note(kb: KnowledgeBase, env: Env) -> None:
    """One line under output that shows hours, when some of them come from the default effort table."""
    if kb.uses_default_effort():
        env.stdout.write(rough_hours() + "\n")


def hours_note(kb: KnowledgeBase, env: Env) -> None:
    """One line under a plan or a route: what its hours count, or that they are rough."""
    if kb.uses_default_effort():
        env.stdout.write(rough_hours() + "\n")
    else:
        note(env, study_hours())


def note(env: Env, line: str) -> None:
    """A dim line under a table, wrapped to the output's width."""
    from careerctl.render.rich import lit

    console(env).print(lit(line, "dim"))


def study_hours() -> str:
    """What the hours of a KB's `effort` count (README: How careerctl decides, Hours)."""
    return _("Hours are deliberate study; above what a first job needs, they assume practice at work too.")


def skill_hours(first_job: int | None) -> str:
    """What one skill's hours count: full-time study up to what a first job needs, study beside work above it."""
    if first_job is None or first_job >= LEVEL_MAX:
        return study_hours()
    if first_job == 0:
        return _("Hours are deliberate study beside practice at work: a first job does not need this skill.")
    return _(
        "Hours are deliberate study: full time up to level {level}, as a first job needs it; above that, "
        "beside practice at work."
    ).format(level=first_job)


def rough_hours() -> str:
    """The line that says a KB's hours come (in part) from the default effort table."""
    return _(
        "Hours are rough: this KB gives no effort for some skills, so careerctl's default table applies."
    )


def rough_skill_hours() -> str:
    """The line that says a skill's hours come from the default effort table."""
    return _("Hours are rough: this KB gives no effort for this skill, so careerctl's default table applies.")


def direct_gap(doc: RouteDoc, hours: int) -> str:
    """What a person can do when no route leads there: the direct gap, and the plan to close it."""
    person = doc.start_levels == "person"
    target = doc.target.name
    if not hours:
        if person:
            return _("Your levels already meet everything {target} needs.").format(target=target)
        return _("{source}'s levels already meet everything {target} needs.").format(
            source=doc.source.name, target=target
        )
    command = f"careerctl plan {'' if person else f'--from {doc.source.id} '}--target {doc.target.id}"
    if person:
        line = _("Straight to {target} from your levels: {hours} hours of study.")
    else:
        line = _("Straight to {target} from {source}'s levels: {hours} hours of study.")
    first = line.format(target=target, source=doc.source.name, hours=number(hours))
    return first + " " + _("For the steps in order: {command}").format(command=command)


def routes_view(result: RouteResult, env: Env) -> None:
    if result.reason is not None:
        env.stdout.write(visible(result.reason) + "\n")
        direct = result.doc.direct_hours
        if direct is not None:
            env.stdout.write(visible(direct_gap(result.doc, direct)) + "\n")
            if direct:
                effort_note(result.kb, env)
        return
    from careerctl.render.rich import print_routes

    print_routes(console(env), result.kb, result.routes, result.hours_per_week)
    hours_note(result.kb, env)


def route_mermaid(result: RouteResult, env: Env) -> None:
    if result.reason is not None:
        return routes_view(result, env)
    from careerctl.render.diagram import mermaid_path

    env.stdout.write(mermaid_path(result.kb, result.routes[0]))


def route_dot(result: RouteResult, env: Env) -> None:
    if result.reason is not None:
        return routes_view(result, env)
    from careerctl.render.diagram import dot_path

    env.stdout.write(dot_path(result.kb, result.routes[0]))


def matches_table(result: MatchResult, env: Env) -> None:
    from careerctl.render.rich import print_matches

    print_matches(console(env), result.kb, result.rows, result.current, result.below)
    effort_note(result.kb, env)


def assessment_view(result: AssessResult, env: Env) -> None:
    from careerctl.render.profile import print_assessment

    print_assessment(console(env), result.kb, result.outcome, result.readiness, result.plan, result.levels)
    if result.plan is not None:
        effort_note(result.kb, env)


def profile_view(result: ProfileResult, env: Env) -> None:
    from careerctl.render.profile import print_profile

    assert result.kb is not None, "profile show loads the KB"
    print_profile(console(env), result.kb, result.profile, result.path, result.levels, result.notes)


def profile_yaml(result: ProfileResult, env: Env) -> None:
    assert result.exported is not None, "profile export wrote the YAML"
    env.stdout.write(result.exported)


def progress_view(result: ProgressResult, env: Env) -> None:
    from careerctl.render.profile import print_progress

    print_progress(console(env), result.kb, result.progress)


def report_html(result: Report, env: Env) -> None:
    from careerctl.render.report import html_report

    env.stdout.write(html_report(result))


def report_markdown(result: Report, env: Env) -> None:
    from careerctl.render.report import markdown_report

    env.stdout.write(markdown_report(result))


def team_view(result: TeamResult, env: Env) -> None:
    from careerctl.render.team import print_team

    print_team(console(env), result.kb, result.team)


def team_markdown(result: TeamResult, env: Env) -> None:
    from careerctl.render.team import markdown_team

    env.stdout.write(markdown_team(result.kb, result.team))


def team_html(result: TeamResult, env: Env) -> None:
    from careerctl.render.team import html_team

    env.stdout.write(html_team(result.kb, result.team))


def reviews_table(result: ReviewsResult, env: Env) -> None:
    from careerctl.render.people import print_reviews

    print_reviews(console(env), result.doc)


def calibration_table(result: CalibrationResult, env: Env) -> None:
    from careerctl.render.people import print_calibration

    print_calibration(console(env), result.kb, result.calibration, result.doc.rule_says)


def evidence_table(result: EvidenceResult, env: Env) -> None:
    from careerctl.render.people import print_evidence

    print_evidence(console(env), result.kb, result.items, result.doc.file)


def scan_table(result: ScanResult, env: Env) -> None:
    from careerctl.render.people import print_scan

    print_scan(console(env), result.kb, result.scan, result.doc.accepted)


def packet_html(result: Packet, env: Env) -> None:
    from careerctl.render.packet import html_packet

    env.stdout.write(html_packet(result))


def config_text(result: ConfigResult, env: Env) -> None:
    env.stdout.write(result.text)


def packet_markdown(result: Packet, env: Env) -> None:
    from careerctl.render.packet import markdown_packet

    env.stdout.write(markdown_packet(result))


VIEWS: dict[tuple[type, str], View] = {
    (RolesResult, "rich"): roles_table,
    (RolesResult, "tree"): roles_tree,
    (RolesResult, "mermaid"): roles_mermaid,
    (RolesResult, "dot"): roles_dot,
    (SkillsResult, "rich"): skills_table,
    (ShowResult, "rich"): show_item,
    (SearchResult, "rich"): hits_table,
    (ValidationResult, "rich"): problems_list,
    (StatsResult, "rich"): stats_table,
    (PlanResult, "rich"): plan_view,
    (RouteResult, "rich"): routes_view,
    (RouteResult, "mermaid"): route_mermaid,
    (RouteResult, "dot"): route_dot,
    (MatchResult, "rich"): matches_table,
    (AssessResult, "rich"): assessment_view,
    (ProfileResult, "rich"): profile_view,
    (ProfileResult, "yaml"): profile_yaml,
    (ProgressResult, "rich"): progress_view,
    (Report, "html"): report_html,
    (Report, "markdown"): report_markdown,
    (TeamResult, "rich"): team_view,
    (TeamResult, "markdown"): team_markdown,
    (TeamResult, "html"): team_html,
    (ReviewsResult, "rich"): reviews_table,
    (CalibrationResult, "rich"): calibration_table,
    (EvidenceResult, "rich"): evidence_table,
    (ScanResult, "rich"): scan_table,
    (ConfigResult, "rich"): config_text,
    (Packet, "html"): packet_html,
    (Packet, "markdown"): packet_markdown,
}
"""Every (result type, format) pair careerctl can draw."""


def view(result: object, fmt: str) -> View:
    """The view that draws `result` in format `fmt`."""
    try:
        return VIEWS[type(result), fmt]
    except KeyError:
        raise ValueError(f"no {fmt} view of a {type(result).__name__}") from None
