"""What agreement between annotators reads: every judgement of the statements compared."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import sqlalchemy as sa

from app.domain.agreement import (
    ID_BITS,
    NO_LEVEL,
    STANCE_BITS,
    STANCE_CODES,
    JudgementTable,
    pack_tag,
)
from app.store import judgements as judgement_store
from app.store.schema import annotators, attributions, confidence_levels, sources, statements


def annotator_names(conn: sa.Connection) -> dict[int, str]:
    """Every annotator of the project by id."""
    query = sa.select(annotators.c.id, annotators.c.name)
    return {int(i): str(name) for i, name in conn.execute(query)}


def judgement_table(
    conn: sa.Connection,
    *,
    annotator_ids: Sequence[int] = (),
    article_ids: Sequence[int] = (),
) -> JudgementTable:
    """Every tag and "no source" mark, as plain integers (see `JudgementTable`): who tagged
    which statement with which source, stance and level; only the judgements of
    `annotator_ids` and of statements of `article_ids` where they are given. Every source is
    read even when fewer are compared: a tag of any source makes its statement judged.

    Integers only, the stance as its code and no level as `NO_LEVEL`, computed by the
    database: the driver builds a Python object for every value it reads, and a string or a
    None is dearer than a small integer. Two plain queries, the tags and then the statements'
    articles, rather than a join over hundreds of thousands of rows; the names and ranks come
    from the small tables. The tags are read first: on a server each query sees the
    commits made before it, so a statement or source deleted after the tags were read is
    missing from what follows, and its tags are left out (`JudgementTable`) as the deletion
    left them.
    """
    packable = all(
        (conn.scalar(sa.select(sa.func.max(table.c.id))) or 0) < _ID_LIMIT
        for table in (annotators, sources, confidence_levels)
    )
    query = sa.select(attributions.c.statement_id, *([_PACKED] if packable else _UNPACKED))
    article_query = sa.select(statements.c.id, statements.c.article_id)
    if annotator_ids:
        query = query.where(attributions.c.annotator_id.in_(list(annotator_ids)))
    if article_ids:
        chosen = sa.select(statements.c.id).where(statements.c.article_id.in_(list(article_ids)))
        query = query.where(attributions.c.statement_id.in_(chosen))
        article_query = article_query.where(statements.c.article_id.in_(list(article_ids)))
    rows = _driver_rows(conn, query)
    # Every statement's article where the statements are not many more than the tags (a plain
    # read, twice as fast), else only those of the statements tagged (a probe each).
    if (conn.scalar(sa.select(sa.func.max(statements.c.id))) or 0) > 2 * len(rows):
        tagged = sa.exists().where(attributions.c.statement_id == statements.c.id)
        article_query = article_query.where(tagged)
    source_query = sa.select(sources.c.id, sources.c.name)
    level_query = sa.select(confidence_levels.c.id, confidence_levels.c.rank)
    table = JudgementTable(
        annotator_names=annotator_names(conn),
        source_names={int(i): str(name) for i, name in conn.execute(source_query)},
        level_ranks={int(i): int(rank) for i, rank in conn.execute(level_query)},
        tags=cast(list[tuple[int, int]], rows) if packable else [],
        marks=judgement_store.mark_rows(conn, annotator_ids, article_ids),
        articles=cast(list[tuple[int, int]], _driver_rows(conn, article_query)),
    )
    return table if packable else _renumbered(table, rows)


def _renumbered(table: JudgementTable, rows: list[tuple[int, ...]]) -> JudgementTable:
    """The table of tags read unpacked (`rows`: statement, annotator, source, stance code,
    level id; some id too large to pack), its annotators, sources and levels renumbered from 1
    and its tags packed with the new numbers. A tag of an annotator or source not named is left
    out; a level not named is none."""
    annotator_of = {old: new for new, old in enumerate(sorted(table.annotator_names), 1)}
    source_of = {old: new for new, old in enumerate(sorted(table.source_names), 1)}
    level_of = {old: new for new, old in enumerate(sorted(table.level_ranks), 1)}
    unpacked = cast(list[tuple[int, int, int, int, int]], rows)
    tags = [
        (statement, pack_tag(annotator_of[a], source_of[s], stance, level_of.get(level, NO_LEVEL)))
        for statement, a, s, stance, level in unpacked
        if a in annotator_of and s in source_of
    ]
    return JudgementTable(
        annotator_names={annotator_of[i]: n for i, n in table.annotator_names.items()},
        source_names={source_of[i]: n for i, n in table.source_names.items()},
        level_ranks={level_of[i]: rank for i, rank in table.level_ranks.items()},
        tags=tags,
        marks=[(annotator_of.get(a, -1), s, r) for a, s, r in table.marks],
        articles=table.articles,
    )


def _driver_rows(conn: sa.Connection, query: sa.Select[Any]) -> list[tuple[int, ...]]:
    """Every row of a query of integers, read by the driver's own cursor in the connection's
    transaction: the plain tuples it makes, where a result of SQLAlchemy's wraps each in a row
    object of its own (half the time of the whole read, over hundreds of thousands of rows,
    for nothing: integers need no conversion)."""
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positional:
        params = tuple(params[name] for name in compiled.positiontup or ())
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection, in a transaction
    cursor = driver.cursor()
    try:
        cursor.execute(compiled.string, params)
        rows: list[tuple[int, ...]] = cursor.fetchall()  # at once: row by row costs a call each
    finally:
        cursor.close()
    return rows


_STANCE_CODE = sa.case(
    {stance.value: code for stance, code in STANCE_CODES.items()}, value=attributions.c.stance
)
_LEVEL_ID = sa.func.coalesce(attributions.c.confidence_level_id, NO_LEVEL)
_UNPACKED = [attributions.c.annotator_id, attributions.c.source_id, _STANCE_CODE, _LEVEL_ID]
_ID_LIMIT = 1 << ID_BITS
# The domain's `pack_tag` in SQL, in 64 bits (PostgreSQL's ids are 32); -1, left out, for a
# tag of an annotator, source or level made (with too large an id) while the tags are read.
_PACKED = sa.case(
    (
        sa.and_(
            attributions.c.annotator_id < _ID_LIMIT,
            attributions.c.source_id < _ID_LIMIT,
            _LEVEL_ID < _ID_LIMIT,
        ),
        (
            (
                sa.cast(attributions.c.annotator_id, sa.BigInteger) * _ID_LIMIT
                + attributions.c.source_id
            )
            * (1 << STANCE_BITS)
            + _STANCE_CODE
        )
        * _ID_LIMIT
        + _LEVEL_ID,
    ),
    else_=-1,
)
