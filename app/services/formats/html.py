"""Web pages: keep the article, drop the page around it.

trafilatura finds the article (and drops navigation, share buttons, related links, comments,
cookie banners, scripts, styles and iframes) and reads the metadata a news page carries: meta
tags, OpenGraph and JSON-LD. It works on the markup it is given and fetches nothing; no script
in the page runs, since nothing here executes JavaScript.

The publication date is the one the page declares, and only that: a meta tag, JSON-LD, a
`<time datetime>` in the article, or a date in the article's url. trafilatura (through htmldate)
would otherwise guess one from the page's text — a comment's date, a date quoted in the article,
even "© 2024" in the footer read as 1 January 2024 — and for a timeline no date beats a wrong one.
"""

from __future__ import annotations

import codecs
import email.utils
import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.formats import Document, join_paragraphs
from app.services.reading import InputError, decode_text

# Only the head of a page is searched for its declared encoding and language.
_HEAD_BYTES = 64 * 1024
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)
_LOCALE = re.compile(
    r"""<meta[^>]+(?:property|name)\s*=\s*["']og:locale["'][^>]*content\s*=\s*["']([A-Za-z_-]+)""",
    re.I,
)
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "div", "code"})
_SKIPPED = frozenset({"graphic", "fw", "note", "ref-list"})

# Meta tags (name, property or itemprop, lower-cased) that give the publication date, most
# specific first. Modification and update times are not publication dates and are not read.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "og:article:published",
    "datepublished",
    "article.published",
    "article_date_original",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publish_date",
    "publishdate",
    "published_time",
    "published-date",
    "published_date",
    "publication_date",
    "pubdate",
    "og:pubdate",
    "originalpublicationdate",
    "citation_publication_date",
    "citation_date",
    "dcterms.issued",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "dc:date",
    "date",
)
_META_RANK = {key: rank for rank, key in enumerate(_PUBLISHED_META)}
# A full date at the start of a value: 2024-11-05, 2024/11/05, 20241105, then anything.
_ISO_DATE = re.compile(r"(\d{4})([-/.]?)(\d{2})\2(\d{2})(?!\d)")
# A full date in a url's path, as news sites write it: /2024/11/05/ or /2024-11-05-slug.
_URL_DATE = re.compile(r"(?<![0-9])(\d{4})([/-])(\d{2})\2(\d{2})(?![0-9])")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
# Parts of a page whose <time> is not the article's: other articles, menus, comments.
_NOT_THE_ARTICLE = frozenset({"article", "aside", "nav"})


def read_html(data: bytes, name: str) -> Document:
    """The article of a saved or fetched web page, with its title, outlet, author, date and url."""
    import trafilatura  # lazily: see app.services.formats.read_document

    markup = decode_html(data, name)
    if "<" not in markup:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{name} is not a web page (it holds no HTML markup)"
            ).format(name=name)
        )
    try:
        # The balanced extraction keeps every paragraph of an article; but on a page with no
        # article (a home page, a menu) it falls back to whatever text there is, so the
        # precise one, which finds nothing there, decides whether there is an article at all.
        precise = trafilatura.bare_extraction(
            markup,
            favor_precision=True,
            include_comments=False,
            include_images=False,
            include_links=False,
        )
        found = precise and trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            # Its date is not used (see published_date); the fast search costs least.
            date_extraction_params={"extensive_search": False, "original_date": True},
            include_comments=False,
            include_images=False,
            include_links=False,
        )
    except (ValueError, TypeError, AttributeError) as error:  # markup lxml cannot make a tree of
        raise InputError(
            QT_TRANSLATE_NOOP("Refusals", "{name} cannot be read as a web page: {reason}").format(
                name=name, reason=str(error)
            )
        ) from error
    # A Document (a dict only when asked `as_dict`, which is not done here).
    no_article = QT_TRANSLATE_NOOP("Refusals", "{name}: no article text found in the page")
    if not found or isinstance(found, dict) or getattr(found, "body", None) is None:
        raise InputError(no_article.format(name=name))
    text = join_paragraphs(_blocks(found.body))
    if not text:
        raise InputError(no_article.format(name=name))
    return Document(
        text=text,
        format="html",
        title=_clean(found.title),
        outlet=_clean(found.sitename),
        author=_clean(found.author),
        url=_clean(found.url),
        published=published_date(trafilatura.load_html(markup), _clean(found.url)),
        language=declared_language(markup),
    )


def decode_html(data: bytes, name: str) -> str:
    """Bytes of a page as text: a byte-order mark, then the page's own charset, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name).text
    declared = _CHARSET.search(data[:_HEAD_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detection below decides
    return decode_text(data, name).text


def declared_language(markup: str) -> str | None:
    """The language a page declares (`<html lang>`, else og:locale), e.g. 'fr' or 'en-gb'."""
    head = markup[:_HEAD_BYTES]
    match = _LANG.search(head) or _LOCALE.search(head)
    return match.group(1).replace("_", "-").lower() if match else None


def published_date(tree: Any, url: str | None = None) -> date | None:
    """The publication date the page declares, or None: never one guessed from its text.

    In order: a meta tag (article:published_time, OpenGraph, Dublin Core, microdata's
    datePublished...), JSON-LD's datePublished, a `<time pubdate>` or `<time datetime>` in the
    article, then a full date in the article's url (`/2024/11/05/`). Only whole dates count:
    a year or a month alone is no publication date.
    """
    if tree is None:
        return None
    return (
        _meta_date(tree)
        or _json_ld_date(tree)
        or _time_date(tree)
        or (_url_date(url) if url else None)
    )


def _meta_date(tree: Any) -> date | None:
    found: list[tuple[int, date]] = []
    for element in tree.iter("meta"):
        value = element.get("content")
        for attribute in ("property", "name", "itemprop"):
            rank = _META_RANK.get((element.get(attribute) or "").strip().lower())
            day = _date_value(value) if rank is not None else None
            if rank is not None and day is not None:
                found.append((rank, day))
                break
    # Microdata on the article's own elements: <time itemprop="datePublished" datetime="...">.
    for element in tree.xpath('//*[@itemprop="datePublished"][not(self::meta)]'):
        day = _date_value(element.get("datetime") or element.get("content"))
        if day is not None:
            found.append((_META_RANK["datepublished"], day))
    return min(found, key=lambda item: item[0])[1] if found else None


def _json_ld_date(tree: Any) -> date | None:
    """datePublished of the page's own JSON-LD object (an article first), not of items it lists."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text_content() or ""
        try:
            data = json.loads(text)
        except ValueError:  # a page's hand-made JSON: the first datePublished in it, if any
            match = _JSON_LD_DATE.search(text)
            day = _date_value(match.group(1)) if match else None
        else:
            day = _json_ld_published(data)
        if day is not None:
            return day
    return None


def _json_ld_published(data: Any) -> date | None:
    # The page's objects: the script's own, those of its @graph, and their main entity.
    # Objects nested deeper (a list of related articles, say) describe other pages.
    roots = data if isinstance(data, list) else [data]
    objects: list[dict[str, Any]] = []
    for root in roots:
        if isinstance(root, dict):
            graph = root.get("@graph")
            members = graph if isinstance(graph, list) else [root]
            for member in members:
                if isinstance(member, dict):
                    objects.append(member)
                    if isinstance(member.get("mainEntity"), dict):
                        objects.append(member["mainEntity"])
    dated = [o for o in objects if isinstance(o.get("datePublished"), str)]
    dated.sort(key=lambda o: not _is_article(o.get("@type")))  # stable: articles first
    for item in dated:
        day = _date_value(item["datePublished"])
        if day is not None:
            return day
    return None


def _is_article(kind: Any) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    return any(
        isinstance(k, str) and ("Article" in k or k.endswith("Posting") or k == "Report")
        for k in kinds
    )


def _time_date(tree: Any) -> date | None:
    """A `<time pubdate>`, else the first `<time datetime>` of the article itself."""
    pubdates = "//time[@pubdate][@datetime][not(ancestor::aside or ancestor::nav)]"
    for element in tree.xpath(f"{pubdates}[count(ancestor::article) <= 1]"):
        day = _date_value(element.get("datetime"))
        if day is not None:
            return day
    articles = tree.xpath("//article[not(ancestor::article or ancestor::aside or ancestor::nav)]")
    if not articles:
        return None
    article = articles[0]
    for element in article.iter("time"):
        if element.get("datetime") and _in_the_article(element, article):
            day = _date_value(element.get("datetime"))
            if day is not None:
                return day
    return None


def _in_the_article(element: Any, article: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not article:
        marks = f"{parent.get('class', '')} {parent.get('id', '')}".lower()
        if parent.tag in _NOT_THE_ARTICLE or "comment" in marks or "related" in marks:
            return False
        parent = parent.getparent()
    return True


def _url_date(url: str) -> date | None:
    match = _URL_DATE.search(urlsplit(url).path)
    return _whole_date(match.group(1), match.group(3), match.group(4)) if match else None


def _date_value(value: str | None) -> date | None:
    """The date of a metadata value: ISO 8601 (or 2024/11/05, 20241105), or RFC 2822."""
    text = (value or "").strip()
    match = _ISO_DATE.match(text)
    if match:
        return _whole_date(match.group(1), match.group(3), match.group(4))
    try:
        return email.utils.parsedate_to_datetime(text).date()  # "Tue, 05 Nov 2024 08:30 GMT"
    except (TypeError, ValueError, IndexError):
        return None


def _whole_date(year: str, month: str, day: str) -> date | None:
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if found.year >= 1900 else None


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _blocks(children: Any) -> Iterator[str]:
    """The paragraphs of trafilatura's tree: headings, paragraphs, list items, quotes, rows."""
    for child in children:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:  # XML comments, figures, notes
            continue
        if tag == "table":
            for row in child.iter("row"):
                cells = (_inline(cell).strip() for cell in row if cell.tag == "cell")
                yield " | ".join(c for c in cells if c)
        elif tag == "list":
            for item in child:
                if item.tag == "item":
                    yield _inline(item, skip=_BLOCKS)
                    yield from _blocks(c for c in item if c.tag in _BLOCKS)
        elif any(c.tag in _BLOCKS for c in child):  # a quote or a division holding paragraphs
            yield _inline(child, skip=_BLOCKS)
            yield from _blocks(c for c in child if c.tag in _BLOCKS)
        else:
            yield _inline(child)


def _inline(element: Any, skip: frozenset[str] = frozenset()) -> str:
    """The text of one block; `<lb/>` is a line break, nested blocks in `skip` are left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.tag not in skip | _SKIPPED:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
