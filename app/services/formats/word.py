"""Word documents (.docx): paragraphs and headings in order, with the title and date if set.

python-docx reads the document's XML; page headers, footers, comments and footnotes live in
other parts of the file and are not part of the article, so they are left out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.formats import Document, join_paragraphs
from app.services.reading import InputError

# python-docx's own template carries this creation time and author: a file made by a script
# that never set them says nothing about when the article was written.
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)


def read_docx(data: bytes, name: str) -> Document:
    """The paragraphs of a .docx (tables row by row), its core title, date and language."""
    import docx  # lazily: see app.services.formats.read_document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{name} is not a Word document (a .docx is a zip archive; this is not)"
            ).format(name=name)
        )
    try:
        document = docx.Document(io.BytesIO(data))
        text = join_paragraphs(_paragraphs(document))
        properties = document.core_properties
        title, created, language = properties.title, properties.created, properties.language
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{name} is not a readable Word document ({reason})"
            ).format(name=name, reason=str(error))
        ) from error
    except etree.XMLSyntaxError as error:  # a damaged part inside an intact zip
        raise InputError(
            QT_TRANSLATE_NOOP("Refusals", "{name} is a damaged Word document ({reason})").format(
                name=name, reason=str(error)
            )
        ) from error
    if not text:
        raise InputError(QT_TRANSLATE_NOOP("Refusals", "{name} holds no text").format(name=name))
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return Document(
        text=text,
        format="docx",
        title=" ".join((title or "").split()) or None,
        published=created.date() if created and created != _TEMPLATE_CREATED else None,
        language=(language or "").strip().lower() or None,
    )


def _paragraphs(document: Any) -> Iterator[str]:
    """Body paragraphs and tables in document order; a table gives one paragraph per row."""
    for block in document.iter_inner_content():
        rows = getattr(block, "rows", None)
        if rows is None:
            yield block.text
            continue
        for row in rows:
            seen: set[int] = set()
            cells = []
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                    continue
                seen.add(id(cell._tc))
                cells.append(" ".join(p.text for p in cell.paragraphs).strip())
            yield " | ".join(c for c in cells if c)
