"""Learning aliases from a researcher's tags: the phrase a statement names its speaker by.

When a researcher tags a statement with a source and the statement names its speaker by words
the source does not have as an alias ("Navy spokesman Serhiy Bondar said", « selon le député
Park Min-soo »), those words are offered as a new alias — offered, never added silently. A
name is the best alias (it recurs and means one speaker); a title ("le porte-parole de la
marine") is offered when there is no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain import attribution as A
from app.domain import cues as C
from app.domain.aliases import fold

_TOKEN = re.compile(r"[\w'-]+")
_STOP = re.compile(r"[,;.:(«“\"]")
_SKIP_AFTER = re.compile(
    r"\s*(?:a la presse|aux journalistes|a l'afp|a reuters|to reporters|to journalists|"
    r"to afp|to reuters|in a statement|dans un communique|on telegram|sur telegram)(?![\w-])"
)
_OBJECT_VERBS = frozenset("told tell tells".split())  # "…, told AFP": the object follows
_PREPOSITION = re.compile(r"\s*(?:on|in|at|to|from|sur|dans|a|en|devant|lors)\s")
_HONORIFICS = frozenset(
    "mr mrs ms m mme dr captain capitaine colonel general lieutenant major admiral amiral "
    "sergeant sergent president minister ministre rep sen senator".split()
)
_LEADING = C.DETERMINERS | C.AUXILIARIES | frozenset("par by of de du d l".split())
_NAME_PARTICLES = frozenset("de du von van der al bin ben".split())
_MAX_WORDS = 6


@dataclass(frozen=True)
class SpeakerPhrase:
    """Words of a statement that name its speaker: `text[start:end]`."""

    text: str
    start: int
    end: int
    is_name: bool = False  # a person's name rather than a title
    named: bool = False  # a proper name (a person's, or an office's own: "Ocean Affairs Council")


def speaker_phrase(text: str, language: str | None) -> SpeakerPhrase | None:
    """The words naming the speaker of `text` (a statement), or None when it names none but a
    pronoun, or has no reporting cue."""
    folded = fold(text)
    ft = folded.text
    quotes = A.quote_regions(ft)
    for cue in C.find_cues(ft, language):
        if A.inside(cue.start, quotes) or cue.content or cue.participle:
            continue
        word = ft[cue.start : cue.end]
        spans = []
        if cue.kind == C.PREP or (word not in _OBJECT_VERBS and C.is_incise(ft, cue.start)):
            spans = _after(ft, cue.end)
        if cue.kind != C.PREP:
            spans.extend(_before(ft, cue.start))
        found = [
            phrase
            for position, span in enumerate(spans)
            if span is not None
            for start, end in [folded.span(*span)]
            for phrase in [_name_or_title(text, start, end)]
            if phrase is not None and (position == 0 or _is_whole(text, phrase, start, end))
        ]
        names = [p for p in found if p.is_name]
        if names or found:
            return (names or found)[0]
    return None


def _is_whole(text: str, phrase: SpeakerPhrase, start: int, end: int) -> bool:
    """Whether a segment farther from the verb than its subject is a name standing alone
    ("Elnur Mammadli, a foreign policy aide…, told"), rather than a clause that happens to hold
    a name ("A cargo ship struck a mine off Ukraine's Black Sea coast, the navy said")."""
    words = [w for w in _TOKEN.findall(text[start:end]) if fold(w).text not in _LEADING]
    return phrase.named and len(words) <= len(phrase.text.split()) + 1


def _after(ft: str, start: int) -> list[tuple[int, int] | None]:
    """The inverted subject after the verb, and the apposition after it (", a déclaré un
    vice-ministre, Andreï Lebedev"): the name, if there is one, is in the second."""
    skipped = _SKIP_AFTER.match(ft, start)
    if skipped:
        start = skipped.end()
    if _PREPOSITION.match(ft, start):
        return []  # ", wrote on social media": no subject follows
    if any(word in A.FINITE for word in _TOKEN.findall(ft, start, start + 60)[:4]):
        return []  # ", said the missile was North Korean": the complement follows
    stop = _STOP.search(ft, start)
    end = stop.start() if stop else len(ft)
    boundary = C.BOUNDARY.search(ft, start, end)
    end = boundary.start() if boundary else end
    spans: list[tuple[int, int] | None] = []
    if stop is not None and ft[stop.start()] == "," and end == stop.start():
        following = _STOP.search(ft, end + 1)
        spans.append((end + 1, following.start() if following else len(ft)))
    spans.insert(0, (start, end) if end > start else None)
    return spans


def _before(ft: str, end: int) -> list[tuple[int, int] | None]:
    """The subject before the verb, segment by segment back to its clause's start (a name
    may stand before an apposition: "Elnur Mammadli, a foreign policy aide…, told")."""
    clause = C.clause_start(ft, end)
    spans: list[tuple[int, int] | None] = []
    while end > clause and len(spans) < 3:
        comma = max(
            ft.rfind(",", clause, end), ft.rfind("»", clause, end), ft.rfind("”", clause, end)
        )
        start = comma + 1 if comma >= 0 else clause
        if ft[start:end].strip():
            spans.append((start, end))
        if comma < 0 or ft[comma] != ",":
            break
        end = comma
    return spans


def _name_or_title(text: str, start: int, end: int) -> SpeakerPhrase | None:
    words = [
        (m.group(), m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])
    ]
    while words and fold(words[0][0]).text.split("'")[-1] in _LEADING:
        words.pop(0)
    if len(words) >= 3 and fold(words[0][0]).text in _HONORIFICS and words[1][0][:1].isupper():
        words.pop(0)  # "Captain Serhiy Bondar": the name is the alias
    while words and (
        fold(words[-1][0]).text in C.AUXILIARIES
        or (words[-1][0].endswith("ly") and len(words[-1][0]) > 4)
    ):
        words.pop()
    if not words or all(fold(w).text in C.PRONOUNS | C.FIRST_PERSON for w, _s, _e in words):
        return None
    # A run of two or more capitalised words is a name ("Serhiy Bondar", "Park Min-soo").
    best: list[tuple[str, int, int]] = []
    run: list[tuple[str, int, int]] = []
    for word in words:
        if word[0][:1].isupper() or (run and word[0] in _NAME_PARTICLES):
            run.append(word)
        else:
            if len(run) > len(best):
                best = run
            run = []
    if len(run) > len(best):
        best = run
    while best and best[-1][0] in _NAME_PARTICLES:
        best.pop()
    while best and fold(best[0][0]).text.split("'")[-1] in _LEADING:
        best.pop(0)  # "La Russie" at the head of a sentence
    # "Russian Foreign Ministry Spokeswoman Maria Zakharova": the person after the titles.
    titled = [i for i, w in enumerate(best) if _is_title(w[0])]
    if titled and len(best) - titled[-1] - 1 >= 2:
        best = best[titled[-1] + 1 :]
    while len(best) > 2 and fold(best[0][0]).text in _HONORIFICS:
        best.pop(0)  # "Captain Serhiy Bondar": the name is the alias
    person = not any(_is_title(w[0]) for w in best)
    # An office's own name needs three words ("Ocean Affairs Council"): two ("Presidential
    # Office") name one in every capital.
    if len(best) >= (2 if person else 3) and not any(c.isdigit() for w in best for c in w[0]):
        span = text[best[0][1] : best[-1][2]]
        return SpeakerPhrase(span, best[0][1], best[-1][2], person, named=True)
    if len(words) <= _MAX_WORDS:
        return SpeakerPhrase(text[words[0][1] : words[-1][2]], words[0][1], words[-1][2])
    return None


def _is_title(word: str) -> bool:
    """A word of an office rather than of a person's name ("Ministry", "Spokeswoman")."""
    folded = fold(word).text
    return folded in C.GENERIC or folded.rstrip("s") in C.GENERIC or folded in _HONORIFICS


def alias_forms(phrase: SpeakerPhrase) -> list[str]:
    """The aliases adopting a phrase adds: a name and its surname alone ("Serhiy Bondar",
    "Bondar"), since reports name a person in full once and by surname after. A hyphenated
    last word is a given name ("Park Min-soo"), not a surname."""
    forms = [phrase.text]
    words = phrase.text.split()
    last = words[-1] if words else ""
    if phrase.is_name and len(words) >= 2 and len(last) >= 4 and "-" not in last:
        forms.append(last)
    return forms
