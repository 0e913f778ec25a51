"""The download route of report links (`GET /reports/{token}`) on the bot's own aiohttp app.

A valid, unused link made for a current lead gets the file; anything else gets the same 403
page, with nothing served and nothing said about which check failed. Responses are never
cached and send no referrer, so the link does not linger in proxies or other sites' logs.
"""

from __future__ import annotations

import html
import logging

from aiohttp import web

from messages import Catalogue
from messages.catalogue import speaking
from reporting.downloads import ROUTE, ReportLinks
from reporting.links import BadLink

log = logging.getLogger(__name__)

REPORT_LINKS = web.AppKey("report_links", ReportLinks)
REPORT_TEXTS = web.AppKey("report_texts", Catalogue)
PRIVATE = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def add_report_route(app: web.Application, links: ReportLinks, texts: Catalogue) -> None:
    app[REPORT_LINKS] = links
    app[REPORT_TEXTS] = texts
    app.router.add_get(ROUTE, download)


async def download(request: web.Request) -> web.Response:
    links, token = request.app[REPORT_LINKS], request.match_info["token"]
    language = links.language(token)  # the lead's language, carried in the signed link
    texts = request.app[REPORT_TEXTS].in_language(language)
    try:
        with speaking(language):  # dates and nested texts too
            file = await links.open(token, texts)
    except BadLink as refused:
        log.warning("refused a report link: %s", refused)
        return _refused(texts)
    log.info("served a report: %s", file.filename.rsplit(".", 1)[-1])
    headers = {
        **PRIVATE,
        "Content-Type": file.media_type,
        "Content-Disposition": f'attachment; filename="{file.filename}"',
    }
    return web.Response(body=file.content, headers=headers)


def _refused(texts: Catalogue) -> web.Response:
    title = html.escape(texts.text("report.link.refused_title"))
    body = html.escape(texts.text("report.link.refused"))
    page = (
        f'<!doctype html><html lang="{texts.locale}"><meta charset="utf-8">'
        f"<title>{title}</title><h1>{title}</h1><p>{body}</p></html>"
    )
    return web.Response(status=403, text=page, content_type="text/html", headers=PRIVATE)
