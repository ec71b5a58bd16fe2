"""What merging coders' copies reads and writes (the rules are `app.domain.merge`'s).

A copy is read whole, by names and places (an article's body hash and a statement's offsets),
never by ids; the target is read as the index a plan matches against, for the articles the copy
holds only; a plan is written with plain multi-row inserts, in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

import sqlalchemy as sa

from app.domain.merge import (
    CopyClaim,
    CopyContents,
    CopyLink,
    CopyMark,
    CopyReview,
    CopySource,
    CopyTag,
    LevelName,
    MergePlan,
    Place,
    TagState,
    TargetIndex,
)
from app.domain.model import Origin, Stance
from app.store import tags as tag_store
from app.store.schema import (
    annotators,
    article_reviews,
    articles,
    attributions,
    claims,
    confidence_levels,
    confidence_scales,
    no_source_marks,
    sources,
    statement_claims,
    statements,
)

_CHUNK = 500  # ids per IN (…): below SQLite's limit of bound parameters
_BATCH = 1000  # rows per multi-row insert


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    ordered = sorted(set(values))
    for first in range(0, len(ordered), _CHUNK):
        yield ordered[first : first + _CHUNK]


def _levels(conn: sa.Connection) -> dict[int, LevelName]:
    query = sa.select(
        confidence_levels.c.id,
        confidence_scales.c.name,
        confidence_levels.c.rank,
        confidence_levels.c.label,
    ).join(confidence_scales, confidence_scales.c.id == confidence_levels.c.scale_id)
    return {int(i): LevelName(str(s), int(r), str(label)) for i, s, r, label in conn.execute(query)}


def _names(conn: sa.Connection, table: sa.Table, column: str = "name") -> dict[int, str]:
    return {int(i): str(n) for i, n in conn.execute(sa.select(table.c.id, table.c[column]))}


# --- a copy -------------------------------------------------------------------------------------


def read_copy(conn: sa.Connection, location: str) -> CopyContents:
    """Everything a merge can take from a project, by names and places."""
    shas = {
        int(i): str(sha)
        for i, sha in conn.execute(sa.select(articles.c.id, articles.c.body_sha256))
    }
    titles = {
        str(sha): str(title)
        for sha, title in conn.execute(sa.select(articles.c.body_sha256, articles.c.title))
    }
    spans = sa.select(
        statements.c.id, statements.c.article_id, statements.c.start, statements.c.end
    )
    places = {int(i): Place(shas[int(a)], int(s), int(e)) for i, a, s, e in conn.execute(spans)}
    source_names = _names(conn, sources)
    source_rows = conn.execute(
        sa.select(
            sources.c.name,
            sources.c.colour,
            sources.c.description,
            sources.c.reliability,
            sources.c.parent_id,
        ).order_by(sources.c.position, sources.c.id)
    ).all()
    who = _names(conn, annotators)
    levels = _levels(conn)
    claim_labels = _names(conn, claims, "label")
    tags = tuple(
        CopyTag(
            places[int(r.statement_id)],
            source_names[int(r.source_id)],
            who[int(r.annotator_id)],
            Stance(r.stance),
            None if r.confidence_level_id is None else levels.get(int(r.confidence_level_id)),
            r.note or "",
            Origin(r.origin),
            r.created_at,
            r.updated_at,
        )
        for r in conn.execute(sa.select(attributions).order_by(attributions.c.id))
    )
    marks = tuple(
        CopyMark(places[int(s)], who[int(a)], created)
        for s, a, created in conn.execute(
            sa.select(
                no_source_marks.c.statement_id,
                no_source_marks.c.annotator_id,
                no_source_marks.c.created_at,
            )
        )
    )
    links = tuple(
        CopyLink(places[int(s)], claim_labels[int(c)])
        for s, c in conn.execute(
            sa.select(statement_claims.c.statement_id, statement_claims.c.claim_id)
        )
    )
    reviews = tuple(
        CopyReview(shas[int(a)], who[int(n)], at)
        for a, n, at in conn.execute(
            sa.select(
                article_reviews.c.article_id,
                article_reviews.c.annotator_id,
                article_reviews.c.reviewed_at,
            )
        )
    )
    claim_rows = conn.execute(sa.select(claims.c.label, claims.c.description)).all()
    return CopyContents(
        location=location,
        titles=titles,
        sources=tuple(
            CopySource(
                str(name),
                str(colour),
                description or "",
                reliability,
                None if parent is None else source_names.get(int(parent)),
            )
            for name, colour, description, reliability, parent in source_rows
        ),
        claims=tuple(CopyClaim(str(label), description or "") for label, description in claim_rows),
        tags=tags,
        marks=marks,
        links=links,
        reviews=reviews,
    )


# --- the target ---------------------------------------------------------------------------------


def target_index(conn: sa.Connection, article_shas: Collection[str]) -> TargetIndex:
    """The target, for matching a copy holding these articles."""
    found: dict[str, int] = {}
    for chunk in _chunks(article_shas):
        query = sa.select(articles.c.body_sha256, articles.c.id).where(
            articles.c.body_sha256.in_(chunk)
        )
        found.update((str(sha), int(i)) for sha, i in conn.execute(query))
    spans: dict[tuple[int, int, int], int] = {}
    tags: dict[tuple[int, int, int], TagState] = {}
    marks: set[tuple[int, int]] = set()
    links: set[tuple[int, int]] = set()
    reviews: set[tuple[int, int]] = set()
    labels = {i: level.label for i, level in _levels(conn).items()}
    for chunk in _chunks(found.values()):
        in_articles = statements.c.article_id.in_(chunk)
        query = sa.select(
            statements.c.id, statements.c.article_id, statements.c.start, statements.c.end
        ).where(in_articles)
        for row in conn.execute(query):
            spans[(int(row.article_id), int(row.start), int(row.end))] = int(row.id)
        tag_query = (
            sa.select(
                attributions.c.statement_id,
                attributions.c.source_id,
                attributions.c.annotator_id,
                attributions.c.stance,
                attributions.c.confidence_level_id,
                attributions.c.note,
            )
            .join(statements, statements.c.id == attributions.c.statement_id)
            .where(in_articles)
        )
        for s, so, a, stance, level, note in conn.execute(tag_query):
            level_id = None if level is None else int(level)
            tags[(int(s), int(so), int(a))] = TagState(
                Stance(stance), level_id, note or "", labels.get(level_id or 0)
            )
        for table, into in ((no_source_marks, marks), (statement_claims, links)):
            second = table.c.annotator_id if table is no_source_marks else table.c.claim_id
            pairs = (
                sa.select(table.c.statement_id, second)
                .join(statements, statements.c.id == table.c.statement_id)
                .where(in_articles)
            )
            into.update((int(s), int(x)) for s, x in conn.execute(pairs))
        review_query = sa.select(article_reviews.c.article_id, article_reviews.c.annotator_id)
        reviews.update(
            (int(a), int(n))
            for a, n in conn.execute(review_query.where(article_reviews.c.article_id.in_(chunk)))
        )
    return TargetIndex(
        articles=found,
        statements=spans,
        sources={name: i for i, name in _names(conn, sources).items()},
        annotators={name: i for i, name in _names(conn, annotators).items()},
        levels={level: i for i, level in _levels(conn).items()},
        claims={label: i for i, label in _names(conn, claims, "label").items()},
        tags=tags,
        marks=marks,
        links=links,
        reviews=reviews,
    )


def write_plan(conn: sa.Connection, plan: MergePlan, index: TargetIndex) -> None:
    """Write what `plan` adds to the target it was planned against (`index`)."""
    source_ids = dict(index.sources)
    for source in plan.sources:
        source_ids[source.name] = tag_store.add_source(
            conn, source.name, source.colour, source.description, None, source.reliability
        )
    for source in plan.sources:
        parent = None if source.parent is None else source_ids.get(source.parent)
        if parent is not None:
            tag_store.update_source(conn, source_ids[source.name], parent_id=parent)
    annotator_ids = dict(index.annotators)
    for name in plan.annotators:
        made = tag_store.annotator_id(conn, name)
        assert made is not None
        annotator_ids[name] = made
    claim_ids = dict(index.claims)
    for claim in plan.claims:
        claim_ids[claim.label] = tag_store.ensure_claim(conn, claim.label, claim.description)[0]

    def source_id(name: str) -> int:
        found = source_ids.get(name)
        if found is None:
            found = {n.casefold(): i for n, i in source_ids.items()}[name.casefold()]
        return found

    _insert(
        conn,
        attributions,
        [
            {
                "statement_id": t.statement_id,
                "source_id": source_id(t.source),
                "annotator_id": annotator_ids[t.annotator],
                "stance": t.stance.value,
                "confidence_level_id": t.level_id,
                "note": t.note,
                "origin": t.origin.value,
                "created_at": t.created_at,
                "updated_at": t.updated_at,
            }
            for t in plan.tags
        ],
    )
    _insert(
        conn,
        no_source_marks,
        [
            {
                "statement_id": m.statement_id,
                "annotator_id": annotator_ids[m.annotator],
                "created_at": m.created_at,
            }
            for m in plan.marks
        ],
    )
    _insert(
        conn,
        statement_claims,
        [{"statement_id": k.statement_id, "claim_id": claim_ids[k.claim]} for k in plan.links],
    )
    _insert(
        conn,
        article_reviews,
        [
            {
                "article_id": r.article_id,
                "annotator_id": annotator_ids[r.annotator],
                "reviewed_at": r.reviewed_at,
            }
            for r in plan.reviews
        ],
    )


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    for first in range(0, len(rows), _BATCH):
        conn.execute(sa.insert(table), rows[first : first + _BATCH])
