"""A person's own answers, round by round, with a way back into an unfinished one."""

from __future__ import annotations

from assessment.framework import Framework
from assessment.model import Response, Round
from cards import verbs
from cards.elements import (
    Card,
    Element,
    action_set,
    adaptive_card,
    card_date,
    container,
    execute,
    heading,
    plain,
    subtle,
    text,
)
from cards.labels import answer_label, answered_count, component_heading
from messages import Catalogue


def build_my_answers_card(
    cat: Catalogue, framework: Framework, pairs: list[tuple[Round, Response]]
) -> Card:
    """Only the person's own answers: nobody else's are ever shown here."""
    body = [heading(cat.text("card.mine.title"), size="Medium")]
    if not pairs:
        body.append(text(cat.text("card.mine.none")))
    body += [_round(cat, framework, round_, response) for round_, response in pairs]
    return adaptive_card(body)


def _round(cat: Catalogue, framework: Framework, round_: Round, response: Response) -> Element:
    facts = [
        {"title": component_heading(cat, c), "value": answer_label(cat, response.answers.get(c.id))}
        for c in framework.components
    ]
    items: list[Element] = [
        plain(round_.title, weight="Bolder"),
        subtle(_status(cat, framework, round_, response), spacing="None"),
        {"type": "FactSet", "facts": facts},
    ]
    if round_.is_open and not response.is_complete:
        resume = execute(
            cat.text("card.mine.resume"), verbs.RESUME, {"roundId": round_.id}, style="positive"
        )
        items.append(action_set(resume))
    return container(items, separator=True, spacing="Medium")


def _status(cat: Catalogue, framework: Framework, round_: Round, response: Response) -> str:
    total = len(framework.components)
    answered = answered_count(response.answers, framework.ids)
    if response.submitted_at is not None:
        status = cat.text("card.mine.submitted", date=card_date(response.submitted_at, cat.locale))
    else:
        status = cat.text("card.mine.in_progress", answered=answered, total=total)
    if round_.closed_at is not None:
        closed = cat.text("card.mine.closed", date=card_date(round_.closed_at, cat.locale))
        status = cat.text("card.mine.status_closed", status=status, closed=closed)
    return status
