"""Correcting an article's details through the service: one transaction, undo, conflicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import database

from app.domain.article_details import ArticleDetails
from app.domain.edits import DetailsChange
from app.domain.model import DomainError
from app.services import article_details
from app.services.editing import ConflictError
from app.services.project import Project

PLAIN = ArticleDetails(title="Titre")


def body_and_statements(path: Path) -> list[tuple[object, ...]]:
    with database(path) as conn:
        return conn.execute(
            'SELECT a.body, a.body_sha256, s.id, s.start, s."end" FROM articles a '
            "JOIN statements s ON s.article_id = a.id ORDER BY s.id"
        ).fetchall()


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
    with database(demo) as conn:
        before = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
    with Project.open(demo) as project, pytest.raises(DomainError):
        article_details.edit_article_details(
            project, DetailsChange(1, outlet="Le Monde", url="lemonde.fr")
        )
    with database(demo) as conn:
        assert conn.execute("SELECT * FROM articles ORDER BY id").fetchall() == before


