"""Fetching an article by its URL: http and https only, bounded in time, size and redirects.

A page is read into memory whole (articles are kilobytes), so every bound is checked while
reading: the Content-Length a server announces, then the bytes that actually arrive, and the
time the whole transfer takes, since a socket timeout alone lets a server that drips one byte
at a time keep us waiting for ever.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any

from app import __version__
from app.domain.wording import QT_TRANSLATE_NOOP, Words
from app.services.reading import InputError

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
_CHUNK = 64 * 1024

REDIRECTS_OUTSIDE_WEB = QT_TRANSLATE_NOOP(
    "Refusals", "{url} redirects to {target}, which is not http or https"
)
NOT_A_WEB_URL = QT_TRANSLATE_NOOP("Refusals", "{url} is not an http or https URL")
TOO_MANY_REDIRECTS = QT_TRANSLATE_NOOP(
    "Refusals", "{url} redirects too often (a loop, or more than {count} redirects)"
)
SERVER_ANSWERED = QT_TRANSLATE_NOOP("Refusals", "{url}: the server answered {code} {reason}")
NO_ANSWER = QT_TRANSLATE_NOOP("Refusals", "{url}: no answer within {timeout} s")
CANNOT_FETCH = QT_TRANSLATE_NOOP("Refusals", "{url} cannot be fetched: {reason}")
PAGE_TOO_SLOW = QT_TRANSLATE_NOOP("Refusals", "{url}: the page did not arrive within {timeout} s")
LARGER_THAN_MB = QT_TRANSLATE_NOOP("Refusals", "{url} is larger than {size} MB; refused")
LARGER_THAN_KB = QT_TRANSLATE_NOOP("Refusals", "{url} is larger than {size} kB; refused")
NOT_A_DOCUMENT = QT_TRANSLATE_NOOP(
    "Refusals", "{url} is {content_type}, not a web page, PDF, Word or text document"
)

# Content types we can read, and the reader they go to.
CONTENT_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: the URL after redirects, its bytes and the reader format for them."""

    url: str
    data: bytes
    format: str


def is_url(text: str) -> bool:
    """True for an http or https URL (what `sourcetrack import` fetches instead of opening)."""
    scheme, _, rest = str(text).partition("://")
    return scheme.lower() in SCHEMES and bool(rest)


class _BoundedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
        headers: HTTPMessage, newurl: str,
    ) -> urllib.request.Request | None:  # fmt: skip
        if urllib.parse.urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise InputError(REDIRECTS_OUTSIDE_WEB.format(url=req.full_url, target=newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """Fetch `url`; InputError with a one-line reason if it cannot be had within the bounds.

    `timeout` (seconds, for the whole transfer) and `max_bytes` default to the module's
    TIMEOUT_SECONDS and MAX_BYTES, read at call time so tests and settings can change them.
    """
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if not is_url(url):
        raise InputError(NOT_A_WEB_URL.format(url=url))
    opener = urllib.request.build_opener(_BoundedRedirects())
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"Sourcetrack/{__version__} (article import)",
            "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _read_bounded(response, url, deadline, timeout, max_bytes)
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
    except InputError:
        raise
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            raise InputError(TOO_MANY_REDIRECTS.format(url=url, count=MAX_REDIRECTS)) from error
        reason = _line(error.reason)
        raise InputError(SERVER_ANSWERED.format(url=url, code=error.code, reason=reason)) from error
    except urllib.error.URLError as error:
        cause = error.reason
        if isinstance(cause, TimeoutError) or "timed out" in str(cause):
            raise InputError(NO_ANSWER.format(url=url, timeout=f"{timeout:g}")) from error
        raise InputError(CANNOT_FETCH.format(url=url, reason=_line(cause))) from error
    except TimeoutError as error:
        raise InputError(NO_ANSWER.format(url=url, timeout=f"{timeout:g}")) from error
    except (OSError, ValueError) as error:  # connection reset, a malformed answer or URL
        raise InputError(CANNOT_FETCH.format(url=url, reason=_line(error))) from error
    return Fetched(final_url, data, _format_for(url, final_url, content_type))


def _read_bounded(
    response: Any, url: str, deadline: float, timeout: float, max_bytes: int
) -> bytes:
    announced = response.headers.get("Content-Length")
    if announced and announced.isdigit() and int(announced) > max_bytes:
        raise InputError(_too_large(url, max_bytes))
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise InputError(PAGE_TOO_SLOW.format(url=url, timeout=f"{timeout:g}"))
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(_too_large(url, max_bytes))
        chunks.append(chunk)


def _line(reason: object) -> str:
    """A server's or the system's words on one line (the report is one line per input)."""
    return " ".join(str(reason).split())


def _too_large(url: str, max_bytes: int) -> Words:
    if max_bytes >= 2**20:
        return LARGER_THAN_MB.format(url=url, size=f"{max_bytes / 2**20:g}")
    return LARGER_THAN_KB.format(url=url, size=f"{max_bytes / 1024:g}")


def _format_for(url: str, final_url: str, content_type: str) -> str:
    fmt = CONTENT_FORMATS.get(content_type)
    if fmt is not None:
        return fmt
    # A server that says application/octet-stream for a .pdf: trust the name of the resource.
    path = urllib.parse.urlsplit(final_url).path.lower()
    for suffix, by_name in (
        (".pdf", "pdf"),
        (".docx", "docx"),
        (".html", "html"),
        (".htm", "html"),
    ):
        if path.endswith(suffix):
            return by_name
    raise InputError(NOT_A_DOCUMENT.format(url=url, content_type=content_type))
