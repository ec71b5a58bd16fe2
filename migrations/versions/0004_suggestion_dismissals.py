"""suggestion dismissals in their own table

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

Dismissals were kept in project_settings under keys
`dismissed-suggestion:ANNOTATOR_ID:STATEMENT_ID:SOURCE_ID`. A table with foreign keys lets a
dismissal go with its statement, source or annotator, and be read per article. The rows move
over; keys naming a statement, source or annotator that no longer exists are dropped, since
nothing could ever look them up again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PREFIX = "dismissed-suggestion:"
_STANCES = ("asserts", "denies", "neutral")


def upgrade() -> None:
    dismissals = op.create_table(
        "suggestion_dismissals",
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "stance IN ('asserts','denies','neutral')",
            name=op.f("ck_suggestion_dismissals_stance"),
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
            name=op.f("fk_suggestion_dismissals_annotator_id_annotators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_suggestion_dismissals_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_suggestion_dismissals_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "annotator_id", "statement_id", "source_id", name=op.f("pk_suggestion_dismissals")
        ),
    )
    with op.batch_alter_table("suggestion_dismissals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suggestion_dismissals_source_id"), ["source_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_suggestion_dismissals_statement_id"), ["statement_id"], unique=False
        )
    _move_out_of_settings(dismissals)


def _move_out_of_settings(dismissals: sa.Table) -> None:
    bind = op.get_bind()
    settings = sa.table("project_settings", sa.column("key"), sa.column("value"))
    moved = bind.execute(
        sa.select(settings.c.key, settings.c.value).where(
            settings.c.key.startswith(_PREFIX, autoescape=True)
        )
    ).all()
    rows = []
    for key, stance in moved:
        parts = key[len(_PREFIX) :].split(":")
        if len(parts) == 3 and all(p.isdigit() for p in parts) and stance in _STANCES:
            annotator_id, statement_id, source_id = (int(p) for p in parts)
            rows.append((annotator_id, statement_id, source_id, stance))
    existing = {
        name: _existing_ids(bind, name, {row[i] for row in rows})
        for i, name in enumerate(("annotators", "statements", "sources"))
    }
    kept = [
        {"annotator_id": a, "statement_id": st, "source_id": so, "stance": stance}
        for a, st, so, stance in rows
        if a in existing["annotators"]
        and st in existing["statements"]
        and so in existing["sources"]
    ]
    if kept:
        bind.execute(sa.insert(dismissals), kept)
    bind.execute(sa.delete(settings).where(settings.c.key.startswith(_PREFIX, autoescape=True)))


def _existing_ids(bind: sa.Connection, table: str, wanted: set[int]) -> set[int]:
    """Which of `wanted` are ids in `table`, asked in chunks (SQLite bounds the parameters)."""
    ids = sa.table(table, sa.column("id"))
    ordered = sorted(wanted)
    found: set[int] = set()
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        found.update(bind.execute(sa.select(ids.c.id).where(ids.c.id.in_(chunk))).scalars())
    return found


def downgrade() -> None:
    bind = op.get_bind()
    settings = sa.table("project_settings", sa.column("key"), sa.column("value"))
    rows = bind.execute(
        sa.text("SELECT annotator_id, statement_id, source_id, stance FROM suggestion_dismissals")
    ).all()
    if rows:
        bind.execute(
            sa.insert(settings),
            [{"key": f"{_PREFIX}{a}:{st}:{so}", "value": stance} for a, st, so, stance in rows],
        )
    with op.batch_alter_table("suggestion_dismissals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suggestion_dismissals_statement_id"))
        batch_op.drop_index(batch_op.f("ix_suggestion_dismissals_source_id"))
    op.drop_table("suggestion_dismissals")
