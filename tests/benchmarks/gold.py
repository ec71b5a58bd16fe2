"""The suggestion gold set (tests/data/gold/*.json): loading, running the suggester, scoring.

Each gold file names an article (a path from the top of the checkout), its language, and every
statement of it: the exact text, its offsets into the body as Sourcetrack stores it, and the
hand-made tags (source, stance, confidence), none for a statement no project source makes.
Statements are found again by their text, so the gold does not depend on database ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.domain.aliases import SourceAliases
from app.domain.defaults import DEFAULT_SOURCES
from app.domain.suggest import Proposal, StatementRef, suggest_article
from app.services.importing import ArticleMeta, draft_from_text

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "data" / "gold"
AXES = ("source", "stance", "confidence")


@dataclass(frozen=True)
class GoldArticle:
    name: str
    language: str
    body: str
    refs: tuple[StatementRef, ...]  # key = index into `tags`
    tags: tuple[frozenset[tuple[str, str, str]], ...]  # (source, stance, confidence) per statement
    texts: tuple[str, ...]


def default_sources() -> list[SourceAliases]:
    return [
        SourceAliases(s.name, {lang: tuple(a) for lang, a in s.aliases.items()})
        for s in DEFAULT_SOURCES
    ]


def load_gold(directory: Path = GOLD_DIR) -> list[GoldArticle]:
    """Every gold article, its body read and normalised the way an import does it."""
    articles = []
    for path in sorted(directory.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        text = (REPO / spec["article"]).read_text(encoding="utf-8")
        body = draft_from_text(text, ArticleMeta(language=spec["language"])).body
        refs, tags, texts = [], [], []
        cursor = 0
        for index, item in enumerate(spec["statements"]):
            start, end = item["start"], item["end"]
            if body[start:end] != item["text"]:  # offsets moved: find the text instead
                start = body.index(item["text"], cursor)
                end = start + len(item["text"])
            cursor = end
            refs.append(StatementRef(index, start, end))
            tags.append(
                frozenset((t["source"], t["stance"], t["confidence"]) for t in item["tags"])
            )
            texts.append(item["text"])
        articles.append(
            GoldArticle(path.stem, spec["language"], body, tuple(refs), tuple(tags), tuple(texts))
        )
    return articles


def run(article: GoldArticle, sources: list[SourceAliases] | None = None) -> list[Proposal]:
    return suggest_article(
        article.body, article.refs, sources or default_sources(), article.language
    )


def _items(axis: str, key: tuple[str, int], tags: Iterable[tuple[str, str, str]]) -> set[tuple]:
    if axis == "source":
        return {(key, source) for source, _stance, _conf in tags}
    if axis == "stance":
        return {(key, source, stance) for source, stance, _conf in tags}
    return {(key, source, conf) for source, _stance, conf in tags}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(articles: list[GoldArticle]) -> dict[str, dict[str, Counts]]:
    """Counts per language (and "all") and per axis.

    An item is a (statement, source) pair for the source axis, and (statement, source, stance)
    or (statement, source, confidence) for the others, so a right stance for the wrong source
    counts as wrong. A statement the gold leaves without a source adds a false positive for
    every source suggested for it.
    """
    result: dict[str, dict[str, Counts]] = {}
    for article in articles:
        predicted: dict[int, set[tuple[str, str, str]]] = {}
        for p in run(article):
            predicted.setdefault(p.key, set()).add((p.source, p.stance.value, p.certainty.label))
        for language in (article.language, "all"):
            counts = result.setdefault(language, {axis: Counts() for axis in AXES})
            for index, gold_tags in enumerate(article.tags):
                key = (article.name, index)
                for axis in AXES:
                    want = _items(axis, key, gold_tags)
                    got = _items(axis, key, predicted.get(index, set()))
                    counts[axis].tp += len(want & got)
                    counts[axis].fp += len(got - want)
                    counts[axis].fn += len(want - got)
    return result
