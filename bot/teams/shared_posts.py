"""Posts everyone in a partnership's channel reads: in both languages, in its chosen order.

A channel post cannot follow each reader's language (everyone sees the same message), and a
one-tap switch would serve only whoever pressed it, so shared posts carry Welsh and English
together (Welsh first where the partnership chose so), as the Welsh Language Standards
expect of notices. With `TWELVECS_BILINGUAL_POSTS=false` they use the default language only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assessment.model import Round
from assessment.service import AssessmentService
from cards import build_announcement_card
from cards.elements import Card
from cards.language import bilingual_card, bilingual_text
from messages import Catalogue
from messages.catalogue import speaking


@dataclass
class SharedPosts:
    service: AssessmentService
    cat: Catalogue
    bilingual: bool = True
    default_language: str = "en"

    async def announcement(
        self, round_: Round, *, closed: bool = False, note: str | None = None
    ) -> Card:
        """The round's announcement card, as posted in (and updated in) its channel; `note`
        (already in the presser's language) by the Start button of the presser's copy."""
        card = await self.card(
            round_.partnership_id,
            lambda cat: build_announcement_card(cat, round_, closed=closed, note=note),
        )
        return _note_last(card)

    async def card(self, partnership_id: str, build: Callable[[Catalogue], Card]) -> Card:
        if not self.bilingual:
            with speaking(self.default_language):
                return build(self.cat)
        return bilingual_card(self.cat, await self._welsh_first(partnership_id), build)

    async def text(self, partnership_id: str, write: Callable[[Catalogue], str]) -> str:
        if not self.bilingual:
            with speaking(self.default_language):
                return write(self.cat)
        return bilingual_text(self.cat, await self._welsh_first(partnership_id), write)

    async def _welsh_first(self, partnership_id: str) -> bool:
        partnership = await self.service.store.get_partnership(partnership_id)
        return partnership is not None and partnership.welsh_first


def _note_last(card: Card) -> Card:
    """The presser's note (`id: note`) stays last, by the Start button, in a bilingual card."""
    notes = [e for e in card["body"] if isinstance(e, dict) and e.get("id") == "note"]
    if not notes:
        return card
    rest = [e for e in card["body"] if e not in notes]
    return {**card, "body": [*rest, notes[0]]}

