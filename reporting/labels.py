"""Words and figures as the report prints them, all looked up in the message catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assessment.anonymity import AgencyKey
from assessment.dates import card_moment
from assessment.detail import Comment
from assessment.position import AgreedPosition, PositionFields
from assessment.prompt_model import TextSource, prompt_text
from assessment.stats import RatingFigures, format_rating
from assessment.summary import DIVERGENCE_GAP
from assessment.summary_model import ComponentSummary, Divergence, RoundSummary


@dataclass(frozen=True)
class Labels:
    """A catalogue with the report's formatting rules on top (one place for every renderer)."""

    texts: TextSource

    def __call__(self, message_id: str, /, **params: object) -> str:
        return self.texts.text(message_id, **params)

    def component(self, component_id: str) -> str:
        return self.texts.text(f"c.{component_id}.title")

    def agency(self, key: AgencyKey | None) -> str:
        return self.texts.text(f"agency.{key}" if key else "report.unattributed")

    def level(self, value: int) -> str:
        return self.texts.text(f"scale.{value}.label")

    def day(self, value: date | None) -> str:
        return value.isoformat() if value is not None else ""

    def median(self, figures: RatingFigures) -> str:
        if figures.withheld_below is not None:
            return self.texts.text("report.figure.withheld", k=figures.withheld_below)
        if figures.median is None:
            return self.texts.text("report.figure.none")
        return format_rating(figures.median)

    def figure_rows(self, figures: RatingFigures) -> list[tuple[str, str]]:
        """Label and value of each figure, or the one line saying why there are none."""
        if figures.withheld_below is not None or figures.median is None:
            return [(self.texts.text("report.figure.median"), self.median(figures))]
        assert figures.lower_quartile is not None and figures.upper_quartile is not None
        return [
            (self.texts.text("report.figure.rated"), str(figures.rated)),
            (self.texts.text("report.figure.not_sure"), str(figures.not_sure)),
            (self.texts.text("report.figure.median"), format_rating(figures.median)),
            (self.texts.text("report.figure.range"), f"{figures.lowest} – {figures.highest}"),
            (
                self.texts.text("report.figure.middle_half"),
                f"{format_rating(figures.lower_quartile)} – "
                f"{format_rating(figures.upper_quartile)}",
            ),
        ]

    def field(self, agreed: PositionFields, name: str) -> str:
        """One template field's value as text ("Not recorded" when empty)."""
        value: str
        if name == "score":
            value = f"{agreed.score} – {self.level(agreed.score)}" if agreed.score else ""
        elif name == "timeframe":
            value = self.texts.text(f"timeframe.{agreed.timeframe}") if agreed.timeframe else ""
        elif name == "review_dates":
            value = ", ".join(d.isoformat() for d in agreed.review_dates)
        else:
            value = str(getattr(agreed, name))
        return value or self.texts.text("report.not_recorded")

    def status(self, c: ComponentSummary) -> str:
        """Where the C's action stands, as a board reads it."""
        p = c.position
        if p is None:
            return self.texts.text("report.status.not_started")
        if p.overdue_review is not None:
            return self.texts.text("report.status.overdue", date=p.overdue_review.isoformat())
        if p.missing:
            fields = ", ".join(self.texts.text(f"position.field.{m}") for m in p.missing)
            return self.texts.text("report.status.missing", fields=fields)
        return self.texts.text("report.status.in_hand")

    @property
    def locale(self) -> str:
        """The catalogue's language ("en" when the text source does not say)."""
        return str(getattr(self.texts, "locale", "en"))

    def action_status(self, position: AgreedPosition | None) -> str:
        """Where the action stands in the seed's cycle (issue 11), e.g. "implemented"."""
        current = position.action_status if position is not None else None
        if current is None:
            return self.texts.text("report.not_recorded")
        return self.texts.text(f"status.{current}")

    def status_history(self, position: AgreedPosition | None) -> list[str]:
        """Each step, oldest first: status, the lead who set it (leads are named, respondents
        never) and when, as the cards write it."""
        steps = position.status_history if position is not None else ()
        return [
            self.texts.text(
                "report.action.step",
                status=self.texts.text(f"status.{s.status}"),
                who=s.by_name or self.texts.text("report.action.a_lead"),
                date=card_moment(s.at, self.locale),
            )
            for s in steps
        ]

    def carried(self, position: AgreedPosition | None) -> str:
        """"Carried forward from <round>, not yet confirmed", or "" once confirmed."""
        if position is None or position.carried_from is None:
            return ""
        return self.texts.text("report.carried_from", round=position.carried_from)

    def basis(self, summary: RoundSummary) -> str:
        basis = summary.basis
        if basis.live:
            return self.texts.text("report.basis.live", k=basis.min_ratings)
        if not basis.published or basis.published_at is None:
            return self.texts.text("report.basis.nothing_published", k=basis.min_ratings)
        return self.texts.text(
            "report.basis.published",
            count=basis.published,
            date=basis.published_at.date().isoformat(),
            k=basis.min_ratings,
        )

    def prompts(self, summary: RoundSummary) -> list[str]:
        return [prompt_text(p, self.texts) for p in summary.prompts]

    def divergence(self, d: Divergence) -> str:
        return self.texts.text(
            "report.divergence",
            component=f"{d.component_id} {self.component(d.component_id)}",
            lower=self.agency(d.lower),
            lower_median=format_rating(d.lower_median),
            higher=self.agency(d.higher),
            higher_median=format_rating(d.higher_median),
        )

    def no_divergences(self) -> str:
        return self.texts.text("report.no_divergences", gap=format_rating(DIVERGENCE_GAP))

    def comments_note(self, named: bool, k: int) -> str:
        key = "report.comments.named" if named else "report.comments.anonymous"
        return self.texts.text(key, k=k)

    def rating(self, comment: Comment) -> str:
        """The rating beside a comment: only ever in named rounds (`rating_shown`)."""
        if not comment.rating_shown:
            return ""
        return str(comment.rating) if comment.rating else self.texts.text("scale.not_sure.label")
