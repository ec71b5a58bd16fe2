"""claims, their links to statements, and project settings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Claims are canonical propositions that statements from many articles link to; the comparison
matrix is built on them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("label", name=op.f("uq_claims_label")),
    )
    op.create_table(
        "project_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_project_settings")),
    )
    op.create_table(
        "statement_claims",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_statement_claims_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_statement_claims_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", "claim_id", name=op.f("pk_statement_claims")),
    )
    with op.batch_alter_table("statement_claims", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_statement_claims_claim_id"), ["claim_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("statement_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_claims_claim_id"))

    op.drop_table("statement_claims")
    op.drop_table("project_settings")
    op.drop_table("claims")
