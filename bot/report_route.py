"""The download route of report links (`GET /reports/{token}`) on the bot's own aiohttp app.

A valid, unused link made for a current lead gets the file; anything else gets the same 403
page, with nothing served and nothing said about which check failed. The page speaks the
language the link was made in (expired or used); for a token that is not ours it speaks
Welsh and English, default language first, as shared posts do (unless bilingual posts are
off). Responses are never cached and send no referrer, so the link does not linger in
proxies or other sites' logs.
"""

from __future__ import annotations

import html
import logging

from aiohttp import web

from cards.language import ORDER
from messages import Catalogue
from messages.catalogue import WELSH, speaking
from reporting.downloads import ROUTE, ReportLinks
from reporting.links import BadLink

log = logging.getLogger(__name__)

REPORT_LINKS = web.AppKey("report_links", ReportLinks)
REPORT_TEXTS = web.AppKey("report_texts", Catalogue)
REPORT_BILINGUAL = web.AppKey("report_bilingual", bool)
PRIVATE = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def add_report_route(
    app: web.Application, links: ReportLinks, texts: Catalogue, bilingual: bool = True
) -> None:
    app[REPORT_LINKS] = links
    app[REPORT_TEXTS] = texts
    app[REPORT_BILINGUAL] = bilingual
    app.router.add_get(ROUTE, download)


async def download(request: web.Request) -> web.Response:
    links, token = request.app[REPORT_LINKS], request.match_info["token"]
    catalogue = request.app[REPORT_TEXTS]
    known = links.language(token)  # the lead's language, carried in the signed link
    language = known or catalogue.own_locale
    texts = catalogue.in_language(language)
    try:
        with speaking(language):  # dates and nested texts too
            file = await links.open(token, texts)
    except BadLink as refused:
        log.warning("refused a report link: %s", refused)
        if known is None and request.app[REPORT_BILINGUAL]:  # this language first, then the other
            return _refused([catalogue.in_language(lang) for lang in ORDER[language == WELSH]])
        return _refused([texts])
    log.info("served a report: %s", file.filename.rsplit(".", 1)[-1])
    headers = {
        **PRIVATE,
        "Content-Type": file.media_type,
        "Content-Disposition": f'attachment; filename="{file.filename}"',
    }
    return web.Response(body=file.content, headers=headers)


def _refused(languages: list[Catalogue]) -> web.Response:
    """The refusal page, in each of `languages` in turn (the first is the page's language)."""
    titles = [html.escape(texts.text("report.link.refused_title")) for texts in languages]
    parts = "".join(
        f'<section lang="{texts.locale}"><h1>{title}</h1>'
        f"<p>{html.escape(texts.text('report.link.refused'))}</p></section>"
        for texts, title in zip(languages, titles, strict=True)
    )
    page = (
        f'<!doctype html><html lang="{languages[0].locale}"><meta charset="utf-8">'
        f"<title>{' · '.join(titles)}</title>{parts}</html>"
    )
    return web.Response(status=403, text=page, content_type="text/html", headers=PRIVATE)
