"""The suggestion gold set (tests/data/gold/*.json): loading, running the suggester, scoring.

Each gold file names an article (a path from the top of the checkout), its language, and every
statement of it: the exact text, its offsets into the body as Sourcetrack stores it, and the
hand-made tags (source, stance, confidence), none for a statement no project source makes.
Statements are found again by their text, so the gold does not depend on database ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.aliases import AliasMatcher, SourceAliases, fold
from app.domain.defaults import DEFAULT_SOURCES
from app.domain.knowledge import enrich, others
from app.domain.learning import alias_forms, speaker_phrase
from app.domain.suggest import Proposal, StatementRef, suggest_article
from app.services.importing import ArticleMeta, draft_from_text
from app.services.sources import knowledge_base

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "data" / "gold"
NEWS_DIR = REPO / "tests" / "data" / "news"
AXES = ("source", "stance", "confidence")


@dataclass(frozen=True)
class GoldArticle:
    name: str
    language: str
    body: str
    refs: tuple[StatementRef, ...]  # key = index into `tags`
    tags: tuple[frozenset[tuple[str, str, str]], ...]  # (source, stance, confidence) per statement
    texts: tuple[str, ...]
    sources: tuple[str, ...] | None = None  # the project's sources, when not the defaults


def default_sources() -> list[SourceAliases]:
    return [
        SourceAliases(s.name, {lang: tuple(a) for lang, a in s.aliases.items()})
        for s in DEFAULT_SOURCES
    ]


def project_sources(
    names: Sequence[str] | None = None,
    learnt: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    *,
    knowledge: bool = True,
) -> list[SourceAliases]:
    """The sources a project suggests with, as the application builds them: the defaults (or
    sources called `names`, with the aliases the knowledge base offers for them, as a
    researcher adding them accepts), the base's aliases, the aliases `learnt` per source
    ((language, alias) pairs), and the speakers the project does not track. Without
    `knowledge`, the sources have their own aliases (and those learnt) alone."""
    base = knowledge_base()
    if names is None:
        own = default_sources()
    else:
        own = [SourceAliases(name, base.aliases_for(name)) for name in names]
    with_learnt = []
    for source in own:
        extra = (learnt or {}).get(source.name, ())
        aliases = {lang: list(items) for lang, items in source.aliases.items()}
        for lang, alias in extra:
            aliases.setdefault(lang, []).append(alias)
        with_learnt.append(
            SourceAliases(
                source.name,
                {lang: tuple(items) for lang, items in aliases.items()},
                learnt=frozenset(alias for _lang, alias in extra),
            )
        )
    if not knowledge:
        return with_learnt
    return [*enrich(with_learnt, base), *others(with_learnt, base)]


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
            GoldArticle(
                path.stem,
                spec["language"],
                body,
                tuple(refs),
                tuple(tags),
                tuple(texts),
                tuple(spec["sources"]) if "sources" in spec else None,
            )
        )
    return articles


def run(article: GoldArticle, sources: list[SourceAliases] | None = None) -> list[Proposal]:
    return suggest_article(
        article.body, article.refs, sources or project_sources(article.sources), article.language
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


def add(total: dict[str, dict[str, Counts]], more: Mapping[str, Mapping[str, Counts]]) -> None:
    """Sum `more` (counts per language and axis, as `score` gives) into `total`."""
    for language, axes in more.items():
        into = total.setdefault(language, {axis: Counts() for axis in AXES})
        for axis, counts in axes.items():
            into[axis].tp += counts.tp
            into[axis].fp += counts.fp
            into[axis].fn += counts.fn


Learnt = Mapping[str, Sequence[tuple[str, str]]]  # source -> (language, alias) adopted


def project_key(article: GoldArticle) -> tuple[str, ...] | None:
    """Articles with the same sources make one project (they share what is learnt)."""
    return article.sources


def halves(articles: list[GoldArticle]) -> tuple[list[GoldArticle], list[GoldArticle]]:
    """A project's articles in two halves: per project and language, the first half of its
    articles (in name order) and the rest. Names in news recur across
    articles (the same spokeswoman, the same governor), seldom within one: inside an article
    a speaker is named once and then "he", "the ministry". So learning shows, if anywhere, on
    the articles a researcher has not reached yet."""
    groups: dict[tuple[tuple[str, ...] | None, str], list[GoldArticle]] = {}
    for article in sorted(articles, key=lambda a: a.name):
        groups.setdefault((project_key(article), article.language), []).append(article)
    taught: list[GoldArticle] = []
    held: list[GoldArticle] = []
    for group in groups.values():
        cut = len(group) // 2
        taught.extend(group[:cut])
        held.extend(group[cut:])
    return taught, held


def learn(
    articles: list[GoldArticle], *, knowledge: bool = True
) -> dict[tuple[str, ...] | None, dict[str, list]]:
    """What a researcher adopts by tagging `articles` by hand, statement by statement: for each
    tag whose statement names its speaker by a name no alias matches, that name (one click
    per offer), per project. The offers are weighed against the aliases the project suggests
    with: the knowledge base's too, unless `knowledge` is off (then a name the base knows but
    the project does not is offered, as it would be to a project suggesting without it)."""
    learnt: dict[tuple[str, ...] | None, dict[str, list]] = {}
    for article in articles:
        project = learnt.setdefault(project_key(article), {})
        sources = project_sources(article.sources, project, knowledge=knowledge)
        matcher = AliasMatcher(sources, article.language)
        for index in range(len(article.refs)):
            phrase = speaker_phrase(article.texts[index], article.language)
            if (
                phrase is None
                or not phrase.named
                or len(article.tags[index]) != 1
                or matcher.mentions(fold(phrase.text).text)
            ):
                continue  # only a name, for one speaker, that no alias matches is offered
            for source, _stance, _confidence in sorted(article.tags[index]):
                for form in alias_forms(phrase):
                    project.setdefault(source, []).append((article.language, form))
            sources = project_sources(article.sources, project, knowledge=knowledge)
            matcher = AliasMatcher(sources, article.language)
    return learnt


def score(
    articles: list[GoldArticle],
    *,
    learnt: Mapping[tuple[str, ...] | None, Learnt] | None = None,
    knowledge: bool = True,
) -> dict[str, dict[str, Counts]]:
    """Counts per language (and "all") and per axis.

    An item is a (statement, source) pair for the source axis, and (statement, source, stance)
    or (statement, source, confidence) for the others, so a right stance for the wrong source
    counts as wrong. A statement the gold leaves without a source adds a false positive for
    every source suggested for it.
    """
    result: dict[str, dict[str, Counts]] = {}
    for article in articles:
        predicted: dict[int, set[tuple[str, str, str]]] = {}
        sources = None
        if learnt is not None or not knowledge:
            adopted = (learnt or {}).get(project_key(article), {})
            sources = project_sources(article.sources, adopted, knowledge=knowledge)
        for p in run(article, sources):
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
