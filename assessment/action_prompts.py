"""Action prompts for a lead, most urgent first. The rules:

1. A C whose level (agreed score once set, else the median's level) demands action on the
   scale (1 urgent, 2 priority) gets an urgent/priority prompt until its action is in hand:
   someone accountable, an action plan and a timeframe are all recorded.
2. A C with an agreed position started, below that level, gets one prompt per missing piece:
   no one accountable, no action plan, no timeframe.
3. Once the round is closed, a C with no agreed position at all gets a prompt to record one
   (during the round that would be noise: positions are agreed from the answers).
4. A C whose earliest review point is before today is overdue (a review due today is not).
5. A C whose median fell by `FALL_THRESHOLD` or more since the partnership's previous round
   (a whole level: half a point is one person's shift in a small group).
6. Each expected agency with no response at all, named only when that cannot reveal who is
   inside "other agencies" (`assessment.anonymity` rule 4); otherwise one prompt counting
   the expected agencies not shown on their own (absent, or folded because they have fewer
   than k responses): the counts table already implies that number, so it tells nothing new.
Order: by kind as listed in `PromptKind`, then C number, then agency order.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from assessment.anonymity import OTHER_AGENCIES, Folding, agency_order, names_absent_agencies
from assessment.framework import ActionLevel, Framework
from assessment.model import Agency
from assessment.prompt_model import ActionKind, Prompt, PromptAction, PromptKind, Severity
from assessment.stats import format_rating
from assessment.summary_model import ComponentSummary

FALL_THRESHOLD = 1.0
"""How far a C's median must fall since the previous round to prompt (points)."""
EXPECTED_AGENCIES: tuple[Agency, ...] = tuple(a for a in Agency if a is not Agency.OTHER)
"""Agencies a partnership expects to hear from unless told otherwise."""

_SEVERITY = {
    PromptKind.URGENT_ACTION: Severity.URGENT,
    PromptKind.PRIORITY_ACTION: Severity.HIGH,
    PromptKind.REVIEW_OVERDUE: Severity.HIGH,
    PromptKind.NOT_IMPLEMENTED: Severity.HIGH,
    PromptKind.CHALLENGE: Severity.HIGH,
    PromptKind.MOSTLY_NOT_SURE: Severity.MEDIUM,
    PromptKind.NO_EVIDENCE: Severity.MEDIUM,
    PromptKind.FELL_SINCE_PREVIOUS: Severity.MEDIUM,
    PromptKind.NO_OWNER: Severity.MEDIUM,
    PromptKind.NO_ACTION_PLAN: Severity.MEDIUM,
    PromptKind.NO_TIMEFRAME: Severity.MEDIUM,
    PromptKind.NO_AGREED_POSITION: Severity.LOW,
    PromptKind.NO_RESPONSES: Severity.LOW,
    PromptKind.FEW_RESPONSES: Severity.LOW,
}
_MISSING = {
    "accountability": PromptKind.NO_OWNER,
    "action_plan": PromptKind.NO_ACTION_PLAN,
    "timeframe": PromptKind.NO_TIMEFRAME,
}
_ACTION = {
    ActionLevel.URGENT: PromptKind.URGENT_ACTION,
    ActionLevel.PRIORITY: PromptKind.PRIORITY_ACTION,
}
_KIND_ORDER = {kind: index for index, kind in enumerate(PromptKind)}


def action_prompts(
    framework: Framework,
    components: Sequence[ComponentSummary],
    folding: Folding,
    *,
    round_open: bool,
    expected: Collection[Agency] = EXPECTED_AGENCIES,
) -> tuple[Prompt, ...]:
    """Every prompt for the round's Cs and agencies (`folding`: of all responses so far),
    most urgent first."""
    prompts = [p for c in components for p in _component_prompts(framework, c, round_open)]
    prompts += _absence_prompts(folding, expected, round_open)
    return tuple(sorted(prompts, key=lambda p: _rank(framework, p)))


def _component_prompts(framework: Framework, c: ComponentSummary, round_open: bool) -> list[Prompt]:
    plan = _plan_prompts(framework, c, round_open)
    seed = seed_prompts(c, plan_pending=bool(plan))
    return [*plan, *_review_prompts(c), *_fell_prompts(c), *seed]


def _plan_prompts(framework: Framework, c: ComponentSummary, round_open: bool) -> list[Prompt]:
    """Rules 1-3: action the level demands, pieces of the plan missing, no position at all."""
    position = c.position
    action = framework.level(c.level).action if c.level is not None else None
    if action is not None and (position is None or not position.in_hand):
        return [_rating_prompt(c, _ACTION[action])]
    if position is not None:
        return [_about(c, _MISSING[name], ActionKind.RECORD_POSITION) for name in position.missing]
    if not round_open:
        return [_about(c, PromptKind.NO_AGREED_POSITION, ActionKind.RECORD_POSITION)]
    return []


def _review_prompts(c: ComponentSummary) -> list[Prompt]:
    overdue = c.position.overdue_review if c.position is not None else None
    if overdue is None:
        return []
    kind, action = PromptKind.REVIEW_OVERDUE, ActionKind.RECORD_POSITION
    if c.position is not None and c.position.action_status == "identified":
        kind, action = PromptKind.NOT_IMPLEMENTED, ActionKind.SHOW_COMPONENT  # issue 11
    return [_about(c, kind, action, params={"date": overdue.isoformat()})]


def _fell_prompts(c: ComponentSummary) -> list[Prompt]:
    before = c.previous.median if c.previous is not None else None
    now = c.figures.median
    if before is None or now is None or before - now < FALL_THRESHOLD:
        return []
    params = {"before": format_rating(before), "now": format_rating(now)}
    return [_about(c, PromptKind.FELL_SINCE_PREVIOUS, ActionKind.SHOW_COMPONENT, params=params)]


def _rating_prompt(c: ComponentSummary, kind: PromptKind) -> Prompt:
    """Says where the rating comes from (agreed score or median) and the level's label; until
    the partnership agrees a score, it is what the ratings suggest, on how many (issue 11)."""
    refs = {"label": f"scale.{c.level}.label", "source": f"prompt.source.{c.level_source}"}
    params = {"rating": format_rating(c.rating or 0)}
    prompt = _about(c, kind, ActionKind.RECORD_POSITION, params=params, refs=refs)
    if c.level_source != "median":
        return prompt
    counted = {**prompt.params, "count": str(c.figures.rated)}
    return replace(prompt, variant="suggested", params=counted)


def _about(
    c: ComponentSummary,
    kind: PromptKind,
    action: ActionKind,
    params: Mapping[str, str] | None = None,
    refs: Mapping[str, str] | None = None,
) -> Prompt:
    """A prompt about one C, with its number and title for the text and the button."""
    button = PromptAction(action, f"prompt.action.{action.value}", component_id=c.component_id)
    return Prompt(
        kind,
        _SEVERITY[kind],
        button,
        component_id=c.component_id,
        params={"number": c.number, **(params or {})},
        refs={"title": f"c.{c.component_id}.title", **(refs or {})},
    )


def _absence_prompts(
    folding: Folding, expected: Collection[Agency], round_open: bool
) -> list[Prompt]:
    """Rule 6."""
    if names_absent_agencies(folding, expected):
        return [_no_responses(a, round_open) for a in expected if a not in folding.key_of]
    unseen = sum(1 for a in expected if folding.key_of.get(a, OTHER_AGENCIES) == OTHER_AGENCIES)
    kind = PromptKind.FEW_RESPONSES
    return [Prompt(kind, _SEVERITY[kind], None, params={"count": unseen, "k": folding.k})]


def _no_responses(agency: Agency, round_open: bool) -> Prompt:
    button = PromptAction(ActionKind.REMIND, "prompt.action.remind", agency=agency)
    return Prompt(
        PromptKind.NO_RESPONSES,
        _SEVERITY[PromptKind.NO_RESPONSES],
        button if round_open else None,
        agency=agency,
        refs={"agency": f"agency.{agency.value}"},
    )


def _rank(framework: Framework, prompt: Prompt) -> tuple[int, int, int]:
    index = framework.index(prompt.component_id) if prompt.component_id else -1
    agency = agency_order(prompt.agency.value) if prompt.agency else -1
    return (_KIND_ORDER[prompt.kind], index, agency)


# -- prompts grounded in the seed (issue 11): each says how many answers it rests on -------

CHALLENGE_GAP = 2.0
"""How far the agreed score must sit above the practitioners' median to challenge it: the
seed warns against over-reliance on self-report and asks partnerships to triangulate."""


def seed_prompts(c: ComponentSummary, *, plan_pending: bool = False) -> list[Prompt]:
    """Challenge a high agreed score, flag a C most people are not sure of, and an agreed
    score with no evidence (once no piece of the plan is asked for: one thing at a time).
    Withheld figures (fewer than k ratings) count as nothing."""
    figures, position = c.figures, c.position
    prompts: list[Prompt] = []
    score = position.score if position is not None else None
    if score is not None and figures.median is not None and score >= figures.median + CHALLENGE_GAP:
        params = {
            "agreed": str(score),
            "median": format_rating(figures.median),
            "count": str(figures.rated),
        }
        prompts.append(_about(c, PromptKind.CHALLENGE, ActionKind.SHOW_COMPONENT, params=params))
    answers = figures.rated + figures.not_sure
    if figures.withheld_below is None and answers and figures.not_sure * 2 > answers:
        params = {"not_sure": str(figures.not_sure), "rated": str(figures.rated)}
        kind = PromptKind.MOSTLY_NOT_SURE
        prompts.append(_about(c, kind, ActionKind.SHOW_COMPONENT, params=params))
    unevidenced = position is not None and not position.has_evidence
    if score is not None and unevidenced and not plan_pending:
        prompts.append(_about(c, PromptKind.NO_EVIDENCE, ActionKind.RECORD_POSITION))
    return prompts
