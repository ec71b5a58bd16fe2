"""Synthetic projects of a chosen size, reproducible from a seed, for the benchmarks.

    python tests/benchmarks/generate.py OUT.sourcetrack --articles 10000

Articles alternate French and English, with sentences of realistic length built from news
vocabulary; statements are the sentences (their offsets are known by construction, so the
generator spends no time segmenting); about one statement in `1/tag_share` carries a tag, some
two; claims link a share of the tagged statements. Rows go in with batched executemany, a commit
per batch, the way a bulk import does.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.text import body_sha256  # noqa: E402
from app.services.project import Project  # noqa: E402
from app.store import fts  # noqa: E402
from app.store import tags as tag_store  # noqa: E402
from app.store.schema import (  # noqa: E402
    articles,
    attributions,
    claims,
    statement_claims,
    statements,
)

WORDS = {
    "fr": (
        "la Corée du Nord a envoyé des troupes en Russie selon l'état-major sud-coréen qui "
        "estime que les forces auraient subi des pertes importantes dans la région de Koursk "
        "tandis que le Kremlin continue de nier ces informations et que Kyiv affirme que les "
        "unités seraient engagées aux côtés de l'armée russe depuis plusieurs semaines"
    ).split(),
    "en": (
        "North Korea has sent troops to Russia according to South Korean military officials who "
        "said the forces had reportedly suffered heavy losses in the Kursk region while the "
        "Kremlin denied the reports and Kyiv said the units were fighting alongside Russian "
        "troops for several weeks"
    ).split(),
}
OUTLETS = (
    "Meridian Wire",
    "Agence Continentale",
    "Northgate Press",
    "Dépêche Horizon",
    "Le Veilleur",
)


def sentence(rng: random.Random, language: str) -> str:
    words = WORDS[language]
    n = rng.randint(12, 30)
    start = rng.randrange(len(words))
    text = " ".join(words[(start + i) % len(words)] for i in range(n))
    return text[0].upper() + text[1:] + "."


def generate(
    path: Path,
    n_articles: int,
    per_article: int,
    *,
    seed: int = 1,
    tag_share: float = 0.8,
    batch_articles: int = 500,
) -> dict[str, int]:
    """Write a project; returns row counts."""
    rng = random.Random(seed)
    project = Project.open(path, create=True)
    try:
        with project.write() as conn:
            source_ids = [s.id for s in tag_store.list_sources(conn)]
            level_ids = [lv.id for lv in tag_store.active_levels(conn)]
            annotator = tag_store.annotator_id(conn, "generator")
            now = datetime.now(UTC)
            claim_rows = [
                {"label": f"Claim {i}", "description": "", "created_at": now} for i in range(200)
            ]
            conn.execute(sa.insert(claims), claim_rows)
            claim_ids = list(conn.execute(sa.select(claims.c.id)).scalars())
        counts = {"articles": 0, "statements": 0, "attributions": 0, "statement_claims": 0}
        next_article = 1
        next_statement = 1
        for first in range(0, n_articles, batch_articles):
            article_rows, statement_rows, tag_rows, link_rows, fts_rows = [], [], [], [], []
            for _ in range(min(batch_articles, n_articles - first)):
                language = "fr" if next_article % 2 else "en"
                sentences = [sentence(rng, language) for _ in range(per_article)]
                body, spans, cursor = [], [], 0
                for i, text in enumerate(sentences):
                    if i and i % 5 == 0:
                        body.append("\n\n")
                        cursor += 2
                    elif i:
                        body.append(" ")
                        cursor += 1
                    spans.append((cursor, cursor + len(text)))
                    body.append(text)
                    cursor += len(text)
                text = "".join(body)
                article_rows.append(
                    {
                        "id": next_article,
                        "title": f"Article {next_article}: {sentences[0][:60]}",
                        "outlet": OUTLETS[next_article % len(OUTLETS)],
                        "url": None,
                        "author": None,
                        "published": date(2024, 1, 1) + timedelta(days=next_article % 365),
                        "language": language,
                        "body": text,
                        "body_sha256": body_sha256(text),
                        "origin_name": f"generated-{next_article}.txt",
                        "origin_format": "text",
                        "origin_sha256": None,
                        "imported_at": now,
                    }
                )
                for ordinal, (start, end) in enumerate(spans, start=1):
                    sid = next_statement
                    next_statement += 1
                    statement_rows.append(
                        {
                            "id": sid,
                            "article_id": next_article,
                            "ordinal": ordinal,
                            "start": start,
                            "end": end,
                        }
                    )
                    fts_rows.append((sid, text[start:end]))
                    if rng.random() < tag_share:
                        chosen = rng.sample(source_ids, 2 if rng.random() < 0.15 else 1)
                        for source_id in chosen:
                            tag_rows.append(
                                {
                                    "statement_id": sid,
                                    "source_id": source_id,
                                    "annotator_id": annotator,
                                    "stance": rng.choice(
                                        ("asserts", "asserts", "denies", "neutral")
                                    ),
                                    "confidence_level_id": rng.choice(level_ids),
                                    "note": "",
                                    "origin": "manual",
                                    "created_at": now,
                                    "updated_at": now,
                                }
                            )
                        if rng.random() < 0.3:
                            link_rows.append(
                                {"statement_id": sid, "claim_id": rng.choice(claim_ids)}
                            )
                next_article += 1
            with project.write() as conn:
                conn.execute(sa.insert(articles), article_rows)
                conn.execute(sa.insert(statements), statement_rows)
                if tag_rows:
                    conn.execute(sa.insert(attributions), tag_rows)
                if link_rows:
                    conn.execute(sa.insert(statement_claims), link_rows)
                fts.index(conn, fts_rows)
            counts["articles"] += len(article_rows)
            counts["statements"] += len(statement_rows)
            counts["attributions"] += len(tag_rows)
            counts["statement_claims"] += len(link_rows)
        with project.write() as conn:
            conn.exec_driver_sql("ANALYZE")
        return counts
    finally:
        project.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--statements-per-article", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.output.exists():
        parser.error(f"{args.output} exists")
    started = time.perf_counter()
    counts = generate(args.output, args.articles, args.statements_per_article, seed=args.seed)
    print(f"{counts} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
