"""Cards that get a practitioner to their first question: announcement, round choice, agency."""

from __future__ import annotations

from assessment.model import Agency, Round
from cards import verbs
from cards.dates import long_day
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
from messages import Catalogue


def build_announcement_card(
    cat: Catalogue, round_: Round, *, closed: bool = False, note: str | None = None
) -> Card:
    """Posted in the partnership's channel when a round opens; updated in place when it closes.

    `note` goes just above the Start button: what pressing it did ("I've messaged you…")."""
    privacy = "card.announcement.named" if round_.named else "card.announcement.anonymous"
    body = [
        subtle(cat.text("card.announcement.kicker")),
        plain(round_.title, size="Large", weight="Bolder"),
        text(cat.text("card.announcement.what")),
        text(cat.text("card.announcement.time")),
        text(cat.text(privacy)),
        text(cat.text(f"card.announcement.stored_{'named' if round_.named else 'anonymous'}")),
        subtle(cat.text("card.announcement.no_personal"), size="Small"),
    ]
    if round_.closes_on is not None and not closed:  # issue 11: the bot closes it that day
        closes = long_day(round_.closes_on, cat.locale)
        body.append(text(cat.text("card.announcement.closes_on", date=closes)))
    if closed:
        when = card_date(round_.closed_at, cat.locale) if round_.closed_at else ""
        closing = "card.announcement.closed_on" if when else "card.announcement.closed"
        body.append(text(cat.text(closing, date=when), weight="Bolder", color="Attention"))
        return adaptive_card(body)
    if note:
        body.append(text(note, weight="Bolder", separator=True, id=NOTE_ID))
    start = execute(
        cat.text("card.announcement.start"), verbs.START, {"roundId": round_.id}, style="positive"
    )
    return adaptive_card(body, [start])


NOTE_ID = "note"


def round_intro(cat: Catalogue, round_: Round) -> list[Element]:
    """What a person is starting: the round, who opened it, how long, who sees what."""
    opener = round_.lead_names.get(round_.opened_by) or cat.text("card.intro.a_lead")
    privacy = "card.announcement.named" if round_.named else "card.announcement.anonymous"
    opened = card_date(round_.opened_at, cat.locale)
    return [
        subtle(cat.text("card.announcement.kicker")),
        plain(round_.title, size="Large", weight="Bolder", spacing="None"),
        plain(cat.text("card.intro.opened", lead=opener, date=opened), spacing="None"),
        text(cat.text("card.intro.until_close")),
        text(cat.text("card.announcement.time"), spacing="Small"),
        text(cat.text(privacy), spacing="Small"),
    ]


def build_round_choice_card(
    cat: Catalogue, rounds: list[Round], partnership_names: dict[str, str]
) -> Card:
    """For someone in several partnerships with open rounds: which one to answer now."""
    if not rounds:
        return adaptive_card([text(cat.text("card.rounds.none"))])
    body = [heading(cat.text("card.rounds.title"), size="Medium")]
    body += [_round_choice(cat, r, partnership_names) for r in rounds]
    return adaptive_card(body)


def _round_choice(cat: Catalogue, round_: Round, names: dict[str, str]) -> Element:
    partnership = names.get(round_.partnership_id) or cat.text("card.rounds.your_partnership")
    opened = card_date(round_.opened_at, cat.locale)
    about = cat.text("card.rounds.about", partnership=partnership, date=opened)
    choose = execute(
        cat.text("card.rounds.choose"),
        verbs.CHOOSE_ROUND,
        {"roundId": round_.id},
    )
    return container(
        [
            plain(round_.title, weight="Bolder"),
            plain(about, isSubtle=True, spacing="None"),
            action_set(choose),
        ],
        separator=True,
    )


def build_agency_card(
    cat: Catalogue, round_id: str, *, notice: str | None = None, round_: Round | None = None
) -> Card:
    """Asked once a person: their agency is what their answers are grouped by. With `round_`
    the card first says what the person is starting (a typed `start` lands here)."""
    choices = [{"title": cat.text(f"agency.{a.value}"), "value": a.value} for a in Agency]
    body = round_intro(cat, round_) if round_ is not None else []
    body += [
        heading(cat.text("card.agency.title"), size="Medium", separator=round_ is not None),
        text(cat.text("card.agency.why")),
        subtle(cat.text("card.agency.anonymous")),
        {
            "type": "Input.ChoiceSet",
            "id": verbs.INPUT_AGENCY,
            "label": cat.text("card.agency.label"),
            "style": "expanded",
            "wrap": True,
            "isRequired": True,
            "errorMessage": cat.text("card.agency.required"),
            "choices": choices,
        },
    ]
    if notice:
        body.append(plain(notice, weight="Bolder", color="Attention", separator=True))
    action = execute(
        cat.text("card.agency.continue"),
        verbs.AGENCY,
        {"roundId": round_id},
        inputs="auto",
        style="positive",
    )
    return adaptive_card(body, [action])
