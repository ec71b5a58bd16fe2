"""The stored body's normal form, offsets mapped through it, and the language of a page."""

from __future__ import annotations

import bisect
import random

import pytest

from app.domain.text import normalise_body, normalise_with_origins
from app.services.formats import read_document
from app.services.importing import ArticleMeta, draft_from_document
from formats.documents import news_page

PIECES = ["a", "é", "’", "«", "»", "\u00a0", "🇰🇷", " ", "  ", "\t", "\r\n", "\r", "\n", "\n\n\n",
          "\ufeff", "\f", ".", "Kyiv"]  # fmt: skip


def test_layout_whitespace_is_collapsed_and_typography_kept() -> None:
    text = "\ufeff  Titre\r\n\r\n\r\n\tLe  Kremlin\t dément\u00a0:  « non ».   \r\nFin.\f"
    assert normalise_body(text) == "Titre\n\nLe Kremlin dément\u00a0: « non ».\nFin."


@pytest.mark.parametrize("seed", range(200))
def test_offsets_map_through_normalisation_exactly(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
    body, origins = normalise_with_origins(text)
    assert body == normalise_body(text)
    assert normalise_body(body) == body  # the normal form is a fixed point
    assert len(origins) == len(body) and origins == sorted(origins)
    for index, origin in enumerate(origins):  # every kept character came from where it says
        if not body[index].isspace():
            assert text[origin] == body[index]
    # A span over the text as written lands on the same characters of the body.
    for word in ("Kyiv", "🇰🇷", "é"):
        at = text.find(word)
        if at >= 0:
            start = bisect.bisect_left(origins, at)
            end = bisect.bisect_left(origins, at + len(word))
            assert body[start:end] == word


ENGLISH = [
    "North Korean troops have suffered about 1,100 casualties, the South Korean military said.",
    "The Kremlin has denied the reports and declined to comment on the deployment.",
]
GERMAN = [
    "Die nordkoreanischen Truppen sollen schwere Verluste erlitten haben, sagt Seoul.",
    "Der Kreml bestreitet weiterhin jede Beteiligung an den Kämpfen in der Region Kursk.",
]


@pytest.mark.parametrize(
    ("paragraphs", "declared", "expected"),
    [
        (None, "fr", "fr"),
        (ENGLISH, "fr", "en"),  # the text decides over a template's lang attribute
        (GERMAN, "de", "unknown"),  # said, not guessed
    ],
    ids=["french", "english-page-declared-french", "german"],
)
def test_auto_language_tells_french_from_english(
    paragraphs: list[str] | None, declared: str, expected: str
) -> None:
    page = news_page(paragraphs).replace('<html lang="fr">', f'<html lang="{declared}">')
    document = read_document(page.encode("utf-8"), "html", "page.html")
    assert document.language == declared
    assert draft_from_document(document, ArticleMeta(language="auto")).language == expected
