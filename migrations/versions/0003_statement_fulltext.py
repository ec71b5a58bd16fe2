"""full-text index of statement text (SQLite FTS5)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Contentless: statement text is body[start:end] and is not stored twice. Diacritics are folded so
"seoul" finds "Séoul". Other databases search with LIKE and need no index here.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE statement_fts USING fts5("
        "text, content='', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "INSERT INTO statement_fts (rowid, text) "
        'SELECT s.id, substr(a.body, s.start + 1, s."end" - s.start) '
        "FROM statements AS s JOIN articles AS a ON a.id = s.article_id"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE statement_fts")
