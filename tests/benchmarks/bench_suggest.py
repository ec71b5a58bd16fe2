"""Suggestion benchmark: precision, recall and F1 on the gold set, and the speed.

Run from the top of the checkout:  .venv/bin/python tests/benchmarks/bench_suggest.py

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

from gold import AXES, GoldArticle, default_sources, load_gold, score  # noqa: E402

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
    sources = default_sources()
    count = sum(len(a.refs) for a in articles)

    def suggest_all() -> None:
        for a in articles:
            suggest_article(a.body, a.refs, sources, a.language)

    def tokenise_all() -> None:
        for a in articles:
            for ref in a.refs:
                _WORD.findall(a.body, ref.start, ref.end)

    return _best_rate(suggest_all, count), _best_rate(tokenise_all, count)


def main() -> int:
    articles = load_gold()
    per_language: dict[str, int] = {}
    for a in articles:
        per_language[a.language] = per_language.get(a.language, 0) + len(a.refs)
    total = sum(per_language.values())
    sizes = ", ".join(f"{lang} {n}" for lang, n in sorted(per_language.items()))
    print(f"Suggestion gold set: {len(articles)} articles, {total} statements ({sizes})")
    print()
    print(f"{'language':<9} {'axis':<11} {'precision':>9} {'recall':>7} {'F1':>6}   tp/fp/fn")
    results = score(articles)
    for language in [*sorted(k for k in results if k != "all"), "all"]:
        for axis in AXES:
            c = results[language][axis]
            print(
                f"{language:<9} {axis:<11} {c.precision:>9.2f} {c.recall:>7.2f} {c.f1:>6.2f}"
                f"   {c.tp}/{c.fp}/{c.fn}"
            )
    rate, floor = speed(articles)
    print()
    print(
        f"speed: {rate:,.0f} statements/s; floor (regex tokenisation of the same statements) "
        f"{floor:,.0f} statements/s; the suggester costs {floor / rate:,.0f}x the floor"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
