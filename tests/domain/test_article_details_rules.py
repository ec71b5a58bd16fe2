"""The rules of an article's details: tidied, empty texts clear a field, bad details refused."""

from __future__ import annotations

import pytest

from app.domain.article_details import ArticleDetails, changed_details, validate_details
from app.domain.model import DomainError

PLAIN = ArticleDetails(title="Titre")


# --- rules ------------------------------------------------------------------------------------


def test_details_are_tidied_and_empty_texts_clear_a_field() -> None:
    tidy = validate_details(
        ArticleDetails(
            title="  Koursk :\tSéoul  ", outlet=" ", author="\u00a0Kim\u00a0", url=None,
            language=" FR ",
        )
    )  # fmt: skip
    assert tidy == ArticleDetails(title="Koursk : Séoul", author="Kim", language="fr")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "an article needs a title"),
        ({"url": "www.lemonde.fr/article"}, "a URL starts with http:// or https://"),
        ({"url": "ftp://example.org/a"}, "a URL starts with http:// or https://"),
        ({"url": "https://"}, "a URL starts with http:// or https://"),
        ({"language": "de"}, "the language is one of fr, en, unknown, not 'de'"),
        ({"published": "2024-11-05"}, "the publication date is a date"),
        ({"outlet": "x" * 1001}, "the outlet is longer than 1000 characters"),
        ({"body": "autre texte"}, "an article has no detail called body"),
    ],
)
def test_bad_details_are_refused_with_a_reason(changes: dict[str, object], message: str) -> None:
    with pytest.raises(DomainError, match=message.replace("(", r"\(")):
        changed_details(PLAIN, changes)


