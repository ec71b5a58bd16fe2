"""The tables of revision 0006 ("no source" marks, reviews) on both engines: their rows go with
their statement or article, an annotator who has judged cannot vanish, and the revision goes
down and up again with rows in it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from engines import Location, Locations, is_url
from helpers import SEED, database

from app.domain.judgements import MarkKey, ReviewKey
from app.services import browse, judgements
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.store import schema
from app.store.engine import create_project_engine, sqlite_url, write_transaction
from app.store.migrate import alembic_config


def _judged(project: Project) -> None:
    """Statements 1 and 2 marked by ana, 2 by bob too; article 1 reviewed by both."""
    ana, bob = (browse.ensure_annotator(project, name) for name in ("ana", "bob"))
    for key in (MarkKey(1, ana), MarkKey(2, ana), MarkKey(2, bob)):
        judgements.mark_no_source(project, key)
    for who in (ana, bob):
        judgements.review_article(project, ReviewKey(1, who))


def _count(location: Location, table: str) -> int:
    with database(location) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_marks_go_with_their_statement_and_reviews_with_their_article(
    project: Project,
) -> None:
    _judged(project)
    location = project.location
    with project.write() as conn:
        conn.execute(sa.delete(schema.statements).where(schema.statements.c.id == 2))
    assert _count(location, "no_source_marks") == 1
    assert _count(location, "article_reviews") == 2
    with project.write() as conn:
        conn.execute(sa.delete(schema.articles))
    assert _count(location, "no_source_marks") == 0
    assert _count(location, "article_reviews") == 0


def test_an_annotator_who_has_judged_cannot_be_deleted(project: Project) -> None:
    _judged(project)
    with pytest.raises(sa.exc.IntegrityError), project.write() as conn:
        conn.execute(sa.delete(schema.annotators).where(schema.annotators.c.name == "bob"))
    with database(project.location) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM annotators ORDER BY name")]
    assert names == ["ana", "bob"]


def _url(location: Location) -> str:
    return str(location) if is_url(location) else sqlite_url(location)


def test_revision_0006_goes_down_and_up_again_with_rows_in_it(locations: Locations) -> None:
    location = locations.new()
    with Project.open(location, create=True) as project:
        import_file(project, SEED, ArticleMeta())
        _judged(project)
    engine = create_project_engine(_url(location), foreign_keys=False)
    try:
        with write_transaction(engine) as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0005")
            tables = set(sa.inspect(connection).get_table_names())
        assert not {"no_source_marks", "article_reviews"} & tables
        assert _count(location, "statements") == 10  # the rest is as it was
        with write_transaction(engine) as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            command.check(config)  # the models and the migrations agree again
    finally:
        engine.dispose()
    assert _count(location, "no_source_marks") == 0
