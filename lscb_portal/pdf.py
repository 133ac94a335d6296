"""The one WeasyPrint renderer: A4, tagged (PDF/UA-1), with metadata, and a URL
fetcher that serves only our static files and in-memory charts — user text such
as <img src="file:///etc/passwd"> or a remote address fetches nothing."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STATIC_PREFIX = "/" + settings.STATIC_URL.lstrip("/")


class RefusedURL(ValueError):
    """A URL the PDF renderer will not fetch (anything but our static files)."""


def make_url_fetcher(charts: dict[str, bytes] | None = None):
    """A fetcher for WeasyPrint: "chart:<name>" gives an in-memory SVG, a path
    under STATIC_URL gives a static file, anything else is refused."""
    charts = charts or {}

    def fetch(url, timeout=10, ssl_context=None):
        if url.startswith("chart:") and url[6:] in charts:
            return {"string": charts[url[6:]], "mime_type": "image/svg+xml"}
        # Relative links resolve against file:/// (the base URL below); only those
        # under STATIC_URL are served, from the static files, never the disk at large.
        path = url.removeprefix("file://")
        if "://" in path or ".." in path or not path.startswith(STATIC_PREFIX):
            raise RefusedURL(f"Not fetched: {url}")
        found = finders.find(path[len(STATIC_PREFIX) :])
        if not found:
            raise RefusedURL(f"Not a static file: {url}")
        mime_type, _ = mimetypes.guess_type(found)
        return {"string": Path(found).read_bytes(), "mime_type": mime_type}

    return fetch


def _weasyprint_fetcher(fetch):
    """WeasyPrint 70 wants a URLFetcher whose fetch() returns a URLFetcherResponse;
    this adapts our dict-returning function (anything it refuses stays refused:
    WeasyPrint logs the error and leaves the resource out)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Fetcher(URLFetcher):
        def fetch(self, url, headers=None):
            found = fetch(url)
            return URLFetcherResponse(
                url, found["string"], {"Content-Type": found["mime_type"]}
            )

    return Fetcher(allowed_protocols=())


def render_pdf(template: str, context: dict, *, title: str, author: str, charts=None):
    """Renders a template to PDF bytes and returns (bytes, page count)."""
    html = render_to_string(template, context)
    return html_to_pdf(html, title=title, author=author, charts=charts)


def html_to_pdf(html: str, *, title: str, author: str, charts=None):
    """(PDF bytes, page count) of finished HTML: A4 as its CSS says, tagged."""
    from weasyprint import HTML  # slow to import: only when a PDF is made

    document = HTML(
        string=html,
        url_fetcher=_weasyprint_fetcher(make_url_fetcher(charts)),
        base_url="file:///",
    ).render()
    document.metadata.title = title
    document.metadata.authors = [author]
    document.metadata.lang = "en-GB"
    data = document.write_pdf(pdf_variant="pdf/ua-1")
    return data, len(document.pages)
