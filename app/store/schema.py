"""The project's tables: the single source of truth for Alembic's autogenerate and `alembic check`.

Naming convention: every constraint and index has a predictable name, so a later migration can
drop or alter it by name (SQLite batch mode needs names to recreate tables faithfully).
"""

from __future__ import annotations

import sqlalchemy as sa

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

UtcDateTime = sa.DateTime(timezone=True)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(16)),
    # Immutable after import: every statement offset points into it.
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("body_sha256", sa.String(64), nullable=False),
    sa.Column("origin_name", sa.Text),
    sa.Column("origin_format", sa.String(32)),
    sa.Column("origin_sha256", sa.String(64)),
    sa.Column("imported_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("body_sha256"),
    sa.Index(None, "published"),
    sa.Index(None, "outlet"),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.CheckConstraint('start >= 0 AND "end" > start', name="span"),
    sa.UniqueConstraint("article_id", "start", "end"),
    sa.Index(None, "article_id", "ordinal"),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("colour", sa.String(16), nullable=False),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.Column("parent_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="SET NULL")),
    sa.Column("reliability", sa.String(1)),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    sa.CheckConstraint(
        "reliability IS NULL OR reliability IN ('A','B','C','D','E','F')", name="reliability"
    ),
    sa.UniqueConstraint("name"),
)

source_aliases = sa.Table(
    "source_aliases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("alias", sa.Text, nullable=False),
    sa.UniqueConstraint("source_id", "language", "alias"),
)

annotators = sa.Table(
    "annotators",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.UniqueConstraint("name"),
)

confidence_scales = sa.Table(
    "confidence_scales",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.UniqueConstraint("name"),
)

confidence_levels = sa.Table(
    "confidence_levels",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "scale_id",
        sa.Integer,
        sa.ForeignKey("confidence_scales.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("rank", sa.Integer, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.UniqueConstraint("scale_id", "rank"),
    sa.UniqueConstraint("scale_id", "label"),
)

attributions = sa.Table(
    "attributions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "statement_id",
        sa.Integer,
        sa.ForeignKey("statements.id", ondelete="CASCADE"),
        nullable=False,
    ),
    # RESTRICT: a source that still has tags cannot vanish by accident.
    sa.Column(
        "source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="RESTRICT"), nullable=False
    ),
    sa.Column(
        "annotator_id",
        sa.Integer,
        sa.ForeignKey("annotators.id", ondelete="RESTRICT"),
        nullable=False,
    ),
    sa.Column("stance", sa.String(16), nullable=False),
    sa.Column(
        "confidence_level_id",
        sa.Integer,
        sa.ForeignKey("confidence_levels.id", ondelete="SET NULL"),
    ),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("origin", sa.String(16), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.CheckConstraint("stance IN ('asserts','denies','neutral')", name="stance"),
    sa.CheckConstraint("origin IN ('manual','suggestion','imported')", name="origin"),
    sa.UniqueConstraint("statement_id", "source_id", "annotator_id"),
    sa.Index(None, "source_id", "stance"),
    sa.Index(None, "annotator_id"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("label"),
)


def _owned_key(column: str, table: str) -> sa.Column[int]:
    """A primary-key column naming a row of `table`; the row goes when that one goes."""
    return sa.Column(
        column, sa.Integer, sa.ForeignKey(f"{table}.id", ondelete="CASCADE"), primary_key=True
    )


statement_claims = sa.Table(
    "statement_claims",
    metadata,
    _owned_key("statement_id", "statements"),
    _owned_key("claim_id", "claims"),
    sa.Index(None, "claim_id"),
)

project_settings = sa.Table(
    "project_settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# A suggestion an annotator dismissed (Backspace in the tag panel): the suggester leaves that
# stance for that source on that statement alone for them. It goes with its statement, source or
# annotator (CASCADE); the stance is kept because a suggestion of another stance for the same
# source is a new suggestion.
suggestion_dismissals = sa.Table(
    "suggestion_dismissals",
    metadata,
    _owned_key("annotator_id", "annotators"),
    _owned_key("statement_id", "statements"),
    _owned_key("source_id", "sources"),
    sa.Column("stance", sa.String(16), nullable=False),
    sa.CheckConstraint("stance IN ('asserts','denies','neutral')", name="stance"),
    sa.Index(None, "statement_id"),  # the cascade from statements, and per-article reads
    sa.Index(None, "source_id"),  # the cascade from sources
)

# Judgements beside the tags (see app/domain/judgements.py). A statement an annotator judged and
# found no source speaking in (narration, background): with their tags, what makes a statement
# judged by them. Never beside a tag of the same annotator on the same statement (the services
# keep that rule). It goes with its statement (CASCADE); an annotator who has judged cannot
# vanish (RESTRICT, as for tags).
no_source_marks = sa.Table(
    "no_source_marks",
    metadata,
    _owned_key("statement_id", "statements"),
    sa.Column(
        "annotator_id",
        sa.Integer,
        sa.ForeignKey("annotators.id", ondelete="RESTRICT"),
        primary_key=True,
    ),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Index(None, "annotator_id"),  # one annotator's judgements (agreement, progress)
)

# An article an annotator has gone through and calls done: their own flag, per annotator (each
# coder reviews their own layer). It implies nothing about the statements they left untagged.
article_reviews = sa.Table(
    "article_reviews",
    metadata,
    _owned_key("article_id", "articles"),
    sa.Column(
        "annotator_id",
        sa.Integer,
        sa.ForeignKey("annotators.id", ondelete="RESTRICT"),
        primary_key=True,
    ),
    sa.Column("reviewed_at", UtcDateTime, nullable=False),
)
