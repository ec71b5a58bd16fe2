"""judgements beside the tags: statements marked "no source", articles reviewed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

An annotator may judge a statement to have no source speaking (narration, background): such a
mark, like a tag, makes the statement judged by them, so that an article's progress can reach
every statement and agreement knows which statements a coder has judged. An annotator may also
call an article reviewed. Both are per annotator and go with their statement or article.
Nothing is there to move: the tables start empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "no_source_marks",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
            name=op.f("fk_no_source_marks_annotator_id_annotators"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_no_source_marks_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", "annotator_id", name=op.f("pk_no_source_marks")),
    )
    with op.batch_alter_table("no_source_marks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_no_source_marks_annotator_id"), ["annotator_id"], unique=False
        )
    op.create_table(
        "article_reviews",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
            name=op.f("fk_article_reviews_annotator_id_annotators"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_reviews_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "annotator_id", name=op.f("pk_article_reviews")),
    )


def downgrade() -> None:
    op.drop_table("article_reviews")
    with op.batch_alter_table("no_source_marks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_no_source_marks_annotator_id"))
    op.drop_table("no_source_marks")
