"""What a researcher may correct about an article after import, and the rules for it.

The body never changes (every statement offset points into it); the title, outlet, author,
publication date, URL and language do: a folder of `.txt` files comes in with none of them, and
the timeline needs the dates.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP

LANGUAGES = ("fr", "en", "unknown")  # what segmentation and suggestions know, and "unknown"
MAX_TEXT = 1000  # a title or an outlet longer than this is a paste gone wrong
# What each detail refuses when it is longer than MAX_TEXT, by the detail it names.
_TOO_LONG = {
    "title": QT_TRANSLATE_NOOP("Refusals", "the title is longer than {limit} characters"),
    "URL": QT_TRANSLATE_NOOP("Refusals", "the URL is longer than {limit} characters"),
    "language": QT_TRANSLATE_NOOP("Refusals", "the language is longer than {limit} characters"),
    "outlet": QT_TRANSLATE_NOOP("Refusals", "the outlet is longer than {limit} characters"),
    "author": QT_TRANSLATE_NOOP("Refusals", "the author is longer than {limit} characters"),
}


@dataclass(frozen=True)
class ArticleDetails:
    title: str
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None


FIELDS = tuple(f.name for f in fields(ArticleDetails))


def changed_details(current: ArticleDetails, changes: dict[str, Any]) -> ArticleDetails:
    """`current` with `changes` applied and checked; an empty text clears an optional field."""
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "an article has no detail called {names}").format(
                names=", ".join(unknown)
            )
        )
    return validate_details(replace(current, **changes))


def validate_details(details: ArticleDetails) -> ArticleDetails:
    """The details tidied (runs of white space collapsed, empty texts as None) or DomainError."""
    title = _text(details.title, "title")
    if title is None:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "an article needs a title"))
    url = _text(details.url, "URL")
    if url is not None:
        scheme, separator, rest = url.partition("://")
        if scheme.lower() not in ("http", "https") or not separator or not rest.strip("/"):
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "a URL starts with http:// or https://, not '{url}'"
                ).format(url=url)
            )
        if " " in url:
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "a URL cannot contain spaces: '{url}'").format(
                    url=url
                )
            )
    language = _text(details.language, "language")
    if language is not None:
        language = language.lower()
        if language not in LANGUAGES:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "the language is one of {languages}, not '{language}'"
                ).format(languages=", ".join(LANGUAGES), language=language)
            )
    published = details.published
    if published is not None and not isinstance(published, date):
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "the publication date is a date, not {value}").format(
                value=repr(published)
            )
        )
    return ArticleDetails(
        title=title,
        outlet=_text(details.outlet, "outlet"),
        author=_text(details.author, "author"),
        published=published,
        url=url,
        language=language,
    )


def _text(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    if len(cleaned) > MAX_TEXT:
        raise DomainError(_TOO_LONG[what].format(limit=MAX_TEXT))
    return cleaned or None
