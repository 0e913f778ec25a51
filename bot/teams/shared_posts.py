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

    async def announcement(self, round_: Round, *, closed: bool = False) -> Card:
        """The round's announcement card, as posted in (and updated in) its channel."""
        return await self.card(
            round_.partnership_id, lambda cat: build_announcement_card(cat, round_, closed=closed)
        )

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
