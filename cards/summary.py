"""The lead's round summary card (`@twelvecs summary`), posted in the partnership's channel.

It never shows a respondent's name: only counts and figures by (folded) agency group, as
`assessment.anonymity` allows. Order: where the round stands, what needs action, the chart,
each C under its group, where agencies differ.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from assessment.anonymity import OTHER_AGENCIES
from assessment.framework import Framework
from assessment.progression import RoundPoint
from assessment.stats import format_rating
from assessment.summary_model import (
    ComponentSummary,
    Divergence,
    FiguresBasis,
    ResponseCounts,
    RoundSummary,
)
from cards import verbs
from cards.action_prompts import prompts_section
from cards.chart import rating_chart
from cards.elements import (
    Card,
    Element,
    action_set,
    adaptive_card,
    column,
    columns,
    container,
    execute,
    heading,
    plain,
    subtle,
    text,
)
from cards.figures import (
    SEP,
    basis_text,
    card_day,
    change_text,
    counts_text,
    level_color,
    median_text,
    rated,
    spread_text,
)
from cards.labels import component_heading
from cards.progression import progression_table
from messages import Catalogue


def build_summary_card(
    cat: Catalogue,
    framework: Framework,
    summary: RoundSummary,
    *,
    partnership_name: str | None = None,
    reminded: Mapping[str, datetime] | None = None,
    report: bool = False,
    notice: str | None = None,
    progress: Mapping[str, Sequence[RoundPoint]] | None = None,
) -> Card:
    """The whole round at a glance, with a button for every prompt and every C.

    `reminded`: agencies a lead has just reminded (by key) and when, confirmed on the card;
    `report`: offer the board's report; `notice`: what the last press did, by the buttons."""
    body = _header(cat, summary, partnership_name)
    body += _responses(cat, summary.responses, summary.basis.min_ratings)
    rated = {c.component_id: c.figures.rated for c in summary.components}
    body += prompts_section(
        cat, summary.round_id, summary.prompts, rated=rated, reminded=reminded
    )
    chart = rating_chart(cat, framework, summary.components)
    body += [chart] if chart else []
    for group in summary.groups:
        body.append(heading(cat.text(f"group.{group.group_id}"), size="Medium"))
        body += [_component(cat, framework, summary.round_id, c) for c in group.components]
    body += _divergences(cat, framework, summary.divergences, _folded(summary), summary.basis)
    body += progression_table(cat, framework, progress or {})  # issue 11
    if notice:
        body.append(text(notice, weight="Bolder", separator=True))
    data = {"roundId": summary.round_id}
    actions = [execute(cat.text("card.summary.refresh"), verbs.SUMMARY, data)]
    if report:
        actions.append(execute(cat.text("card.summary.report"), verbs.REPORT, data))
    return adaptive_card(body, actions, full_width=True)


def _header(cat: Catalogue, summary: RoundSummary, partnership: str | None) -> list[Element]:
    kicker = cat.text("card.summary.kicker")
    if partnership:
        kicker = cat.text("card.summary.kicker_named", partnership=partnership)
    state = "card.summary.open" if summary.is_open else "card.summary.closed"
    privacy = "card.summary.privacy_named" if summary.named else "card.summary.privacy_anonymous"
    basis = basis_text(cat, summary.basis)
    state_line = cat.text(state, date=card_day(summary.as_of, cat.locale))
    return [
        plain(kicker, isSubtle=True),
        plain(summary.title, size="Large", weight="Bolder"),
        text(state_line, spacing="None", weight="Bolder"),
        subtle(cat.text(privacy, k=summary.basis.min_ratings), size="Small"),
        *([text(basis, size="Small", spacing="Small")] if basis else []),
    ]


RESPONSES_ID = "responses"
"""Id of the live response counts: the one part of the card that moves with each response."""


def _folded(summary: RoundSummary) -> bool:
    return any(a.agency == OTHER_AGENCIES for a in summary.responses.by_agency)


def _responses(cat: Catalogue, counts: ResponseCounts, k: int) -> list[Element]:
    title = heading(cat.text("card.summary.responses_title"), size="Medium")
    if counts.total == 0:
        return [container([title, text(cat.text("card.summary.no_responses"))], id=RESPONSES_ID)]
    facts = [
        {"title": cat.text(f"agency.{a.agency}"), "value": _count(cat, a.complete, a.in_progress)}
        for a in counts.by_agency
    ]
    items = [
        title,
        text(_count(cat, counts.complete, counts.in_progress), weight="Bolder"),
        {"type": "FactSet", "facts": facts, "spacing": "Small"},
    ]
    if any(a.agency == OTHER_AGENCIES for a in counts.by_agency):
        items.append(subtle(cat.text("card.summary.folded", k=k), size="Small"))
    return [container(items, id=RESPONSES_ID)]


def _count(cat: Catalogue, complete: int, in_progress: int) -> str:
    return cat.text("card.summary.responses", complete=complete, in_progress=in_progress)


def _component(cat: Catalogue, framework: Framework, round_id: str, c: ComponentSummary) -> Element:
    figures = SEP.join(p for p in (median_text(cat, c.figures), spread_text(cat, c.figures)) if p)
    facts = SEP.join(f for f in (counts_text(cat, c.figures), change_text(cat, c.change)) if f)
    items = [
        text(component_heading(cat, framework.component(c.component_id)), weight="Bolder"),
        text(figures, spacing="None", color=level_color(c.figures.median_level)),
    ]
    if facts:
        items.append(subtle(facts, size="Small", spacing="None"))
    if c.position is not None and c.position.score is not None:
        agreed = cat.text("card.summary.agreed", rating=rated(cat, c.position.score))
        items.append(text(agreed, spacing="None", weight="Bolder", color=level_color(c.level)))
    if c.carried_from is not None:
        carried = cat.text("card.summary.carried", round=c.carried_from)
        items.append(subtle(carried, size="Small", spacing="None"))
    data = {"roundId": round_id, "componentId": c.component_id}
    button = execute(cat.text("card.summary.details"), verbs.DETAIL, data)
    return columns(
        column(items),
        column([action_set(button)], width="auto", verticalContentAlignment="Center"),
        separator=True,
    )


def _divergences(
    cat: Catalogue,
    framework: Framework,
    found: tuple[Divergence, ...],
    folded: bool,
    basis: FiguresBasis,
) -> list[Element]:
    """One line per C: its widest gap between two agency groups, and how many more pairs.
    With none found because agencies are folded together, why the comparison is hidden."""
    by_c: dict[str, list[Divergence]] = {}
    for d in found:
        by_c.setdefault(d.component_id, []).append(d)
    title = heading(cat.text("card.summary.divergence_title"), size="Medium")
    if not by_c:
        if not folded:
            return []
        why = subtle(cat.text("card.summary.divergence_hidden", k=basis.min_ratings))
        return [container([title, why], separator=True)]
    lines = [_divergence(cat, framework, pairs) for pairs in by_c.values()]
    about = subtle(cat.text("card.summary.divergence_about_k", k=basis.min_ratings))
    return [container([title, about, *lines])]


def _divergence(cat: Catalogue, framework: Framework, pairs: list[Divergence]) -> Element:
    d = pairs[0]
    line = cat.text(
        "card.summary.divergence",
        component=component_heading(cat, framework.component(d.component_id)),
        lower=cat.text(f"agency.{d.lower}"),
        lower_median=format_rating(d.lower_median),
        higher=cat.text(f"agency.{d.higher}"),
        higher_median=format_rating(d.higher_median),
    )
    if len(pairs) > 1:
        line = SEP.join([line, cat.text("card.summary.divergence_more", count=len(pairs) - 1)])
    return text(line)
