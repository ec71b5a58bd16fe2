"""Suggestion benchmark: precision, recall and F1 on the gold set and on real news, the effect
of learning from tags, and the speed.

Run from the top of the checkout:

    .venv/bin/python tests/benchmarks/bench_suggest.py            gold set and the news dev split
    .venv/bin/python tests/benchmarks/bench_suggest.py --test     … and the held-out test split

The news corpus (tests/data/news/dev, tests/data/news/test) is hand-annotated wire and press
reports in the gold format; tune on dev only. The test split is read only with --test.
Learning: in each project (articles sharing their sources) and language, half of the articles
is tagged by hand and the aliases those tags teach are adopted (as a researcher does with one
click per offer); F1 on the other half of the articles is then given with those aliases and
with nothing learnt. Each half is tagged in turn and the counts of both runs are summed, so no
order of the articles decides which ones teach. Without the knowledge base, the offers are weighed against
the sources' own aliases, so a name the base would know is offered too.

Quality is scored per language on three axes (see `gold.score`). Speed is statements per
second through the whole suggester (folding, aliases, cues, attachment, carry-over), given
beside a floor measured in the same run on the same statements — a plain regex tokenisation
of each one — so the ratio stays comparable across machines. Not a pytest test: nothing here
fails on time.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from gold import (  # noqa: E402
    AXES,
    NEWS_DIR,
    GoldArticle,
    add,
    halves,
    learn,
    load_gold,
    project_sources,
    score,
)

from app.domain.suggest import suggest_article  # noqa: E402

_WORD = re.compile(r"\w+")


def _best_rate(work, statements: int, seconds: float = 0.5) -> float:
    """Statements per second of `work` (one pass over all statements), best of 5 runs."""
    rounds = 1
    while True:  # enough rounds that one run takes about `seconds`
        start = time.perf_counter()
        for _ in range(rounds):
            work()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds / 5:
            break
        rounds *= 2
    best = elapsed
    for _ in range(4):
        start = time.perf_counter()
        for _ in range(rounds):
            work()
        best = min(best, time.perf_counter() - start)
    return statements * rounds / best


def speed(articles: list[GoldArticle]) -> tuple[float, float]:
    # The sources as the application builds them: aliases, the knowledge base's, the others.
    sources = {a.sources: project_sources(a.sources) for a in articles}
    count = sum(len(a.refs) for a in articles)

    def suggest_all() -> None:
        for a in articles:
            suggest_article(a.body, a.refs, sources[a.sources], a.language)

    def tokenise_all() -> None:
        for a in articles:
            for ref in a.refs:
                _WORD.findall(a.body, ref.start, ref.end)

    return _best_rate(suggest_all, count), _best_rate(tokenise_all, count)


def _table(title: str, articles: list[GoldArticle], results: dict) -> None:
    per_language: dict[str, int] = {}
    for a in articles:
        per_language[a.language] = per_language.get(a.language, 0) + len(a.refs)
    total = sum(per_language.values())
    sizes = ", ".join(f"{lang} {n}" for lang, n in sorted(per_language.items()))
    print(f"{title}: {len(articles)} articles, {total} statements ({sizes})")
    print(f"{'language':<9} {'axis':<11} {'precision':>9} {'recall':>7} {'F1':>6}   tp/fp/fn")
    for language in [*sorted(k for k in results if k != "all"), "all"]:
        for axis in AXES:
            c = results[language][axis]
            print(
                f"{language:<9} {axis:<11} {c.precision:>9.2f} {c.recall:>7.2f} {c.f1:>6.2f}"
                f"   {c.tp}/{c.fp}/{c.fn}"
            )
    print()


def _learning(split: str, articles: list[GoldArticle], *, knowledge: bool = True) -> None:
    first, second = halves(articles)
    adopted = 0
    before: dict = {}
    after: dict = {}
    for taught, held in ((first, second), (second, first)):  # each half in turn tagged
        learnt = learn(taught, knowledge=knowledge)
        adopted += sum(len(v) for project in learnt.values() for v in project.values())
        add(before, score(held, knowledge=knowledge))
        add(after, score(held, learnt=learnt, knowledge=knowledge))
    which = "" if knowledge else " without the knowledge base (each source's own aliases)"
    print(
        f"Learning on {split}{which}: each half of every project's articles tagged by hand in "
        f"turn ({len(first)} and {len(second)} articles), {adopted} aliases adopted from the "
        "tags; F1 on the other half, nothing learnt -> aliases learnt"
    )
    for language in [*sorted(k for k in before if k != "all"), "all"]:
        cells = "  ".join(
            f"{axis} {before[language][axis].f1:.2f} -> {after[language][axis].f1:.2f}"
            f" (tp {before[language][axis].tp} -> {after[language][axis].tp})"
            for axis in AXES
        )
        print(f"  {language:<4} {cells}")
    print()


def main() -> int:
    articles = load_gold()
    _table("Suggestion gold set (tests/data/gold)", articles, score(articles))
    splits = ["dev", *(["test"] if "--test" in sys.argv[1:] else [])]
    news: list[GoldArticle] = []
    for split in splits:
        directory = NEWS_DIR / split
        found = load_gold(directory) if directory.is_dir() else []
        if not found:
            print(f"News {split} split: no articles in {directory}")
            continue
        _table(f"News {split} split (tests/data/news/{split})", found, score(found))
        _learning(split, found)
        _learning(split, found, knowledge=False)
        news.extend(found)
    rate, floor = speed(articles + news)
    print()
    print(
        f"speed: {rate:,.0f} statements/s; floor (regex tokenisation of the same statements) "
        f"{floor:,.0f} statements/s; the suggester costs {floor / rate:,.0f}x the floor"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
