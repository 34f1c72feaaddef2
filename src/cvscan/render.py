"""The readable terminal view of a report (with rich).

Everything from a CV is printed as plain :class:`rich.text.Text`, never as markup, so a
CV that contains ``[bold]`` or escape sequences cannot restyle the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .report import Report

if TYPE_CHECKING:
    from .batch import BatchSummary
    from .evidence import Achievement
    from .scoring import RoleFit, RoleProfile

__all__ = ["render_batch_summary", "render_report", "render_roles", "render_skills"]

_SEVERITY_STYLE = {"critical": "bold red", "warning": "yellow", "info": "cyan"}
_BAR_WIDTH = 20


def _clean(text: str) -> str:
    """Drop control characters (terminal escape sequences) from CV text."""
    return "".join(ch if ch.isprintable() or ch == " " else " " for ch in text)


def _score_style(score: float) -> str:
    return "green" if score >= 70 else "yellow" if score >= 40 else "red"


def _bar(score: float) -> Text:
    filled = round(max(0.0, min(100.0, score)) / 100 * _BAR_WIDTH)
    return Text("█" * filled, style=_score_style(score)) + Text("░" * (_BAR_WIDTH - filled), style="dim")


def _roles_table(report: Report) -> Table:
    table = Table(title="Role fit", title_justify="left", box=None, pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Role")
    table.add_column("Score", justify="right")
    table.add_column("", no_wrap=True)
    table.add_column("Essentials", justify="right", style="dim")
    for rank, fit in enumerate(report.roles, 1):
        name = Text(fit.title) + Text(f" ({fit.role})", style="dim")
        table.add_row(str(rank), name, Text(f"{fit.score:.1f}", style=_score_style(fit.score)),
                      _bar(fit.score), f"{fit.essential_coverage:.0%}")
    return table


def _keywords(fit: RoleFit, heading: str) -> Text:
    text = Text(heading, style="bold") + Text(f"  {fit.score:.1f}\n", style=_score_style(fit.score))
    matched = [k for k in fit.keywords if k.matched]
    missing = [k for k in fit.keywords if not k.matched]
    text += Text("  matched: ", style="dim")
    text += Text(", ".join(_clean(k.keyword) for k in matched) or "none", style="green")
    text += Text("\n  missing: ", style="dim")
    if not missing:
        text += Text("none", style="green")
    for i, k in enumerate(sorted(missing, key=lambda k: (not k.essential, -k.weight))):
        if i:
            text += Text(", ")
        text += Text(_clean(k.keyword), style="bold red" if k.essential else "red")
    if any(k.essential for k in missing):
        text += Text("  (bold: essential)", style="dim")
    return text


def _skills_table(report: Report, *, title: str = "Skills") -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Skill", max_width=24, overflow="fold")
    table.add_column("Category", no_wrap=True)
    table.add_column("Count", justify="right", no_wrap=True)
    table.add_column("Evidence", no_wrap=True)
    skills = (*report.skills, *report.soft_skills)
    any_hidden = any(s.hidden for s in skills)
    if any_hidden:
        table.add_column("Hidden", no_wrap=True)
    table.add_column("Sections", min_width=12)
    for skill in skills:
        evidence = Text("in use", style="green") if skill.evidenced else (
            Text("listed", style="yellow") if skill.claimed else Text("-", style="dim"))
        cells: list[Text | str] = [_clean(skill.name), skill.category, str(skill.count), evidence]
        if any_hidden:
            cells.append(Text(f"yes ({skill.hidden_count})", style="bold red") if skill.hidden else "")
        table.add_row(*cells, ", ".join(skill.sections))
    return table


def _achievement(item: Achievement) -> Text:
    text = Text(_clean(item.text))
    metrics = []
    for m in item.metrics:
        label = _clean(m.text)
        extra = ", ".join(x for x in (m.kind, m.direction) if x)
        metrics.append(f"{label} ({extra})" if extra else label)
    if metrics:
        text += Text("\n" + "; ".join(metrics), style="dim cyan")
    return text


def _hanging(rows: Sequence[tuple[Text, Text]]) -> Table:
    """Rows of (marker, body) where wrapped body lines stay indented under the body."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for marker, body in rows:
        grid.add_row(marker, body)
    return grid


def render_report(report: Report, console: Console, *, top: int = 3) -> None:
    """Print ``report``: role fit, keywords of the ``top`` roles, skills, achievements, flags."""
    src = report.source
    words = int(report.stats.get("words", 0))
    subtitle = f"{src.format.upper()}, {src.pages} page{'s' if src.pages != 1 else ''}, {words} words"
    head = Text(_clean(src.path or "CV"), style="bold") + Text(f"  {subtitle}", style="dim")
    if report.overstuffed:
        head += Text("\nOVERSTUFFED: keyword stuffing detected; stuffed keywords earn no credit",
                     style="bold red")
    console.print(Panel(head, expand=False))
    if report.roles:
        console.print(_roles_table(report))
        console.print()
        for fit in report.roles[:top]:
            console.print(_keywords(fit, fit.title))
    if report.job is not None:
        console.print(_keywords(report.job, "Job description fit"))
    console.print()
    if report.skills or report.soft_skills:
        console.print(_skills_table(report))
    else:
        console.print(Text("No skills found.", style="yellow"))
    share = report.stats.get("quantified_share")
    title = f"Achievements ({len(report.achievements)})"
    if isinstance(share, (int, float)):
        title += f", {share:.0%} of experience bullets quantified"
    console.print(Text(title, style="bold"))
    if report.achievements:
        console.print(_hanging([(Text(" •"), _achievement(a)) for a in report.achievements]))
    else:
        console.print(Text("  no quantified achievements found", style="yellow"))
    console.print()
    order = {s: i for i, s in enumerate(("critical", "warning", "info"))}
    flags = sorted(report.flags, key=lambda f: order.get(f.severity, 3))
    console.print(Text(f"Flags ({len(flags)})", style="bold"))
    rows = []
    for flag in flags:
        body = Text(_clean(flag.message)) + Text(f"  [{flag.code}]", style="dim")
        for evidence in flag.evidence[:3]:
            body += Text(f"\n“{_clean(evidence)}”", style="dim")
        rows.append((Text(f" {flag.severity.upper()}", style=_SEVERITY_STYLE.get(flag.severity, "")), body))
    if rows:
        console.print(_hanging(rows))
    else:
        console.print(Text("  none", style="green"))
    for warning in report.warnings:
        page = f" (page {warning.page})" if warning.page else ""
        console.print(Text("Warning: ", style="yellow") + Text(_clean(warning.message) + page))


def render_skills(report: Report, console: Console) -> None:
    """Print the skills table of ``report``."""
    if not (report.skills or report.soft_skills):
        console.print(Text("No skills found.", style="yellow"))
        return
    console.print(_skills_table(report, title=f"Skills in {_clean(report.source.path or 'the CV')}"))


def render_roles(profiles: Sequence[RoleProfile], console: Console) -> None:
    """Print the role profiles: slug, title and keyword counts."""
    table = Table(title="Role profiles", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Slug", style="bold", no_wrap=True)
    table.add_column("Title")
    table.add_column("Essential", justify="right")
    table.add_column("Desirable", justify="right")
    table.add_column("Phrases", justify="right")
    for p in profiles:
        table.add_row(p.slug, p.title, str(len(p.essential)), str(len(p.desirable)), str(len(p.phrases)))
    console.print(table)


def render_batch_summary(summary: BatchSummary, console: Console, *, titles: dict[str, str] | None = None) -> None:
    """Print a batch summary: counts, failures by type, best fits and top candidates per role."""
    titles = titles or {}
    line = Text(f"Scored {summary.scored}", style="bold green")
    line += Text(", ") + Text(f"failed {summary.failed}", style="bold red" if summary.failed else "")
    if summary.skipped:
        line += Text(f", {summary.skipped} already done (skipped)")
    console.print(line)
    for error, count in summary.errors.most_common():
        console.print(Text(f"  {count} × {error}", style="red"))
    if not summary.best_fit:
        return
    table = Table(title="Best fit per role", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Role")
    table.add_column("Best fit", justify="right")
    table.add_column("Top candidates (score)")
    for slug, top in summary.top.items():
        name = Text(titles.get(slug, slug)) + Text(f" ({slug})", style="dim") if slug in titles else Text(slug)
        candidates = Text(", ").join(Text(f"{_clean(path)} ({score:.1f})") for score, path in top)
        table.add_row(name, str(summary.best_fit.get(slug, 0)), candidates)
    console.print(table)


