"""A tag and a "no source" mark of one annotator never stand together, even when two writers
make them at once on a team database (READ COMMITTED: neither would see the other's uncommitted
row). The statement's row is locked by both edits, so the second waits for the first and then
sees it."""

from __future__ import annotations

import threading
import time

import sqlalchemy as sa
from helpers import SEED, cli_ok

from app.domain.edits import NEW_TAG, TagKey
from app.domain.judgements import MarkKey
from app.domain.model import DomainError
from app.services import browse, judgements
from app.services.project import Project
from app.store import judgements as judgement_store
from app.store import tags as tag_store

WAIT_LIMIT = 60.0  # seconds for the second writer to reach the lock; far beyond any need


def _waiting_on_a_lock(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        waiting = conn.scalar(
            sa.text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"
            )
        )
    return bool(waiting)


def test_a_mark_made_while_a_tag_is_being_made_waits_and_is_refused(pg_url: str) -> None:
    cli_ok(None, "import", pg_url, SEED)
    with Project.open(pg_url) as project:
        ana = browse.ensure_annotator(project, "ana")
        with project.read() as conn:
            seoul = tag_store.source_id_by_name(conn, "Seoul")
        assert seoul is not None
        outcome: dict[str, object] = {}

        def mark() -> None:
            try:
                outcome["edit"] = judgements.mark_no_source(project, MarkKey(1, ana))
            except DomainError as error:
                outcome["refused"] = error

        with project.write() as conn:  # the tag's transaction, as `tagging.tag` begins it
            judgement_store.lock_statement(conn, 1)
            tag_store.insert_attribution(conn, TagKey(1, seoul, ana), NEW_TAG, tag_store.now())
            other = threading.Thread(target=mark)
            other.start()
            deadline = time.monotonic() + WAIT_LIMIT
            while other.is_alive() and not _waiting_on_a_lock(project.engine):
                assert time.monotonic() < deadline, "the mark never reached the lock"
                time.sleep(0.01)
        other.join()
        assert "edit" not in outcome, "the mark went in beside the tag"
        assert "carries this annotator's tag (Seoul)" in str(outcome["refused"])
        assert judgements.no_source_annotators(project, [1]) == {}
