"""Correcting an article's details after import: rules, one transaction, undo, command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers import cli, cli_ok, project_fingerprint, sqlite

from app.domain.article_details import ArticleDetails, changed_details, validate_details
from app.domain.edits import DetailsChange
from app.domain.model import DomainError
from app.services import article_details
from app.services.demo import build_demo
from app.services.editing import ConflictError
from app.services.project import Project

PLAIN = ArticleDetails(title="Titre")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sourcetrack"
    build_demo(path).close()
    return path


def body_and_statements(path: Path) -> list[tuple[object, ...]]:
    with sqlite(path) as conn:
        return conn.execute(
            'SELECT a.body, a.body_sha256, s.id, s.start, s."end" FROM articles a '
            "JOIN statements s ON s.article_id = a.id ORDER BY s.id"
        ).fetchall()


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


# --- the service --------------------------------------------------------------------------------


def test_an_edit_changes_only_the_details_and_undo_and_redo_swap_them(demo: Path) -> None:
    text_before = body_and_statements(demo)
    with Project.open(demo) as project:
        original = article_details.article_details(project, 1)
        edit = article_details.edit_article_details(
            project, DetailsChange(1, outlet="Le Monde", published=date(2024, 11, 5), author="")
        )
        assert edit.before == original and original.author == "Claire Vasseur"
        assert edit.changed == ["outlet", "author", "published"]  # in the form's order
        assert edit.after.author is None  # an empty text clears it
        assert article_details.article_details(project, 1) == edit.after
        assert edit.after.title == original.title  # what was not named stays

        article_details.apply_details_edit(project, edit, forward=False)  # undo
        assert article_details.article_details(project, 1) == original
        article_details.apply_details_edit(project, edit, forward=True)  # redo
        assert article_details.article_details(project, 1).outlet == "Le Monde"
    assert body_and_statements(demo) == text_before  # offsets and text untouched


def test_undo_refuses_to_overwrite_a_correction_made_elsewhere(demo: Path) -> None:
    with Project.open(demo) as project:
        edit = article_details.edit_article_details(project, DetailsChange(2, outlet="AFP"))
        article_details.edit_article_details(
            project, DetailsChange(2, outlet="Reuters")
        )  # another window
        with pytest.raises(ConflictError, match="changed in another window"):
            article_details.apply_details_edit(project, edit, forward=False)
        assert article_details.article_details(project, 2).outlet == "Reuters"


def test_a_refused_edit_changes_nothing(demo: Path) -> None:
    with sqlite(demo) as conn:
        before = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
    with Project.open(demo) as project, pytest.raises(DomainError):
        article_details.edit_article_details(
            project, DetailsChange(1, outlet="Le Monde", url="lemonde.fr")
        )
    with sqlite(demo) as conn:
        assert conn.execute("SELECT * FROM articles ORDER BY id").fetchall() == before


# --- command line ---------------------------------------------------------------------------------


def test_the_command_line_edits_and_reports_each_change(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = cli_ok(
        capsys, "articles", demo, "edit", "3", "--outlet", "Le Monde",
        "--published", "2024-11-07", "--language", "FR",
    )  # fmt: skip
    assert out.splitlines() == [
        "article 3: outlet: 'Meridian Wire' → 'Le Monde'",
        "article 3: published: '2024-11-05' → '2024-11-07'",
        "article 3: language: 'en' → 'fr'",
    ]
    listed = json.loads(cli_ok(capsys, "articles", demo, "--format", "json"))
    third = next(a for a in listed if a["id"] == 3)
    assert (third["outlet"], third["published"], third["language"]) == (
        "Le Monde", "2024-11-07", "fr",
    )  # fmt: skip

    out = cli_ok(capsys, "articles", demo, "edit", "3", "--published", "")
    assert out == "article 3: published: '2024-11-07' → (none)\n"
    assert cli_ok(capsys, "articles", demo, "edit", "3", "--outlet", "Le Monde") == (
        "article 3: nothing changed\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["edit", "99", "--title", "x"], "sourcetrack: there is no article 99\n"),
        (["edit", "1", "--url", "lemonde.fr"], "sourcetrack: a URL starts with http:// or "
                                               "https://, not 'lemonde.fr'\n"),
        (["edit", "1"], "sourcetrack: say what to change: --title, --outlet, --author, "
                        "--published, --url or --language\n"),
    ],
)  # fmt: skip
def test_the_command_line_refuses_in_one_line_and_changes_nothing(
    demo: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    before = project_fingerprint(demo)
    status, out, err = cli(capsys, "articles", demo, *arguments)
    assert (status, out, err) == (1, "", message)
    assert project_fingerprint(demo) == before
