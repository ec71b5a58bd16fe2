"""full-text search on PostgreSQL: the words of each statement in a GIN-indexed tsvector

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

SQLite searches with the FTS5 index of revision 0003. On PostgreSQL, searching used a LIKE
that did not fold accents, wanted the words adjacent and scanned every body. Each statement now
carries its words as `app.domain.search_words` makes them (the words of FTS5's tokenizer), so
both engines find the same statements; the store keeps the column in step (`store/fts.py`).
Nothing changes on SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.search_words import words

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 2_000


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE statements ADD COLUMN search_vector tsvector")
    rows = bind.execute(
        sa.text(
            'SELECT s.id, substr(a.body, s.start + 1, s."end" - s.start) FROM statements AS s'
            " JOIN articles AS a ON a.id = s.article_id ORDER BY s.id"
        )
    ).all()
    update = sa.text(
        "UPDATE statements SET search_vector = to_tsvector('simple', :words) WHERE id = :id"
    )
    for first in range(0, len(rows), _BATCH):
        batch = rows[first : first + _BATCH]
        bind.execute(update, [{"id": i, "words": " ".join(words(text))} for i, text in batch])
    op.execute(
        "CREATE INDEX ix_statements_search_vector ON statements USING gin (search_vector)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_statements_search_vector")
    op.execute("ALTER TABLE statements DROP COLUMN search_vector")
