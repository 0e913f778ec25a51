"""The review card: all twelve answers at a glance, each with an Edit button, then Submit.

What the bot has to say (saved, submitted) sits by the Submit button, where the person
pressed; so does why the button now says "Submit changes".
"""

from __future__ import annotations

from assessment.framework import Component, Framework
from assessment.model import Response, Round
from cards import verbs
from cards.elements import (
    Card,
    Element,
    action_set,
    adaptive_card,
    card_date,
    column,
    columns,
    container,
    execute,
    heading,
    plain,
    run,
    subtle,
    text,
)
from cards.labels import answer_label, answered_count, component_heading
from messages import Catalogue

NOTICE_ID = "notice"
"""Id of what the bot has to say, by the Submit button."""
EXCERPT = 140
"""Characters of a person's evidence shown under each answer to jog their memory."""


def build_review_card(
    cat: Catalogue,
    framework: Framework,
    round_: Round,
    response: Response,
    *,
    notice: str | None = None,
) -> Card:
    """Check, change, then submit; after submitting the same card offers "Submit changes"."""
    body = _header(cat, framework, round_, response)
    body += [_row(cat, c, round_, response) for c in framework.components]
    body += _by_the_button(cat, response, notice)
    submit = "card.review.submit_changes" if response.is_complete else "card.review.submit"
    data = {"roundId": round_.id, "rev": response.revision}
    action = execute(cat.text(submit), verbs.SUBMIT, data, style="positive")
    return adaptive_card(body, [action], full_width=True)


def _header(
    cat: Catalogue, framework: Framework, round_: Round, response: Response
) -> list[Element]:
    total = len(framework.components)
    answered = answered_count(response.answers, framework.ids)
    lines = [
        plain(round_.title, isSubtle=True),
        heading(cat.text("card.review.title"), size="Medium"),
        text(cat.text("card.review.answered", answered=answered, total=total)),
    ]
    if response.submitted_at is not None:
        date = card_date(response.submitted_at, cat.locale)
        lines.append(text(cat.text("card.review.submitted", date=date), weight="Bolder"))
    elif answered < total:
        lines.append(text(cat.text("card.review.unanswered", count=total - answered)))
    lines.append(subtle(cat.text("card.review.until_close"), size="Small"))
    return lines


def _row(cat: Catalogue, component: Component, round_: Round, response: Response) -> Element:
    answer = response.answers.get(component.id)
    details = [
        text(component_heading(cat, component), weight="Bolder"),
        text(answer_label(cat, answer), spacing="None", isSubtle=answer is None),
    ]
    if answer is not None and answer.evidence:
        details.append(
            plain(_excerpt(answer.evidence), isSubtle=True, size="Small", spacing="None")
        )
    if answer is not None and answer.suggestion:
        label = run(cat.text("card.review.suggestion_label"), weight="Bolder", size="Small")
        excerpt = run(_excerpt(answer.suggestion), isSubtle=True, size="Small")
        details.append(plain(label, excerpt, spacing="None"))
    data = {"roundId": round_.id, "componentId": component.id, "rev": response.revision}
    edit = execute(cat.text("card.review.edit"), verbs.EDIT, data)
    return columns(
        column(details),
        column([action_set(edit)], width="auto", verticalContentAlignment="Center"),
        separator=True,
    )


def _by_the_button(cat: Catalogue, response: Response, notice: str | None) -> list[Element]:
    lines = [plain(notice, weight="Bolder")] if notice else []
    if response.is_complete:
        lines.append(subtle(cat.text("card.review.changes_hint"), size="Small", spacing="Small"))
    return [container(lines, separator=True, id=NOTICE_ID)] if lines else []


def _excerpt(evidence: str) -> str:
    flat = " ".join(evidence.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"
