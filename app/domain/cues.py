"""The words that tell who says something, how, and how firmly — French and English.

Every pattern runs on text folded by `app.domain.aliases.fold` (lower case, no accents, plain
apostrophes), so the lexicons below are written without accents: "revel" matches révèle,
révélé and révélait alike. The lists are deliberately plain data, so a linguist can extend
them without reading the attachment logic in `app.domain.suggest`.

Cue kinds:
- report: a reporting verb (a révélé, indique, said, told); its agent is its subject;
- prep: an attribution phrase (selon, d'après, according to); its agent follows it;
- deny: a denial (nier, démentir, « fausses informations »; deny, dismiss, reject);
- neutral: declining to commit (s'est refusé à tout commentaire, could not confirm);
- confirm: explicit confirmation (a confirmé, confirmed) — the only road to Certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REPORT, PREP, DENY, NEUTRAL, CONFIRM = "report", "prep", "deny", "neutral", "confirm"


def _fr1(*stems: str) -> str:
    """All finite and participle forms of first-group French verbs (folded)."""
    ends = "e|es|ent|ee|ees|ait|aient|ant|er|era|eront|erait|eraient"
    return "|".join(f"{stem}(?:{ends})" for stem in stems)


def _words(*alternatives: str) -> str:
    return r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"


# Verbs that report a claim whatever follows them.
_REPORT_STRONG = {
    "fr": [
        _fr1("affirm", "declar", "revel", "document", "annonc", "accus", "denonc"),
        r"(?:fait|font|faisait|faisaient|faire) etat",
        r"dit|disent|disait|disaient|disant",
        r"laiss(?:e|ent|ait|aient|ant|er) entendre",  # "a laissé entendre": hedged, see below
    ],
    "en": [
        r"say|says|said|saying|tell|tells|told|stated|claim|claims|claimed|claiming",
        r"announc(?:e|es|ed|ing)|reported|reveal(?:s|ed|ing)?|insist(?:s|ed)",
        r"assert(?:s|ed)|accus(?:e|es|ed)|urg(?:e|es|ed)|warn(?:s|ed)|testified|alleged",
    ],
}
# Verbs that report only with a complement ("que", "that", a quotation) or in an inverted
# incise (", a précisé le ministère"): "maintient sa politique" or "a ajouté 500 soldats"
# report nothing.
_REPORT_COMPLEMENT = {
    "fr": [
        _fr1("indiqu", "precis", "ajout", "assur", "expliqu", "soulign", "rapport", "signal"),
        _fr1("repet", "insist", "estim", "consider", "confi", "pens", "evalu"),
        r"avert(?:it|issent|i|ie|issait|issant)",
        r"(?:sout|maint)(?:ient|iennent|enu|enait|enant)",
        r"croi(?:t|ent)|croyait",
    ],
    "en": [
        r"add(?:s|ed)|not(?:es|ed)|explain(?:s|ed)|argu(?:e|es|ed)|maintain(?:s|ed)",
        r"estimat(?:e|es|ed)|believ(?:e|es|ed)|indicat(?:e|es|ed)|stress(?:es|ed)|reports",
    ],
}
_PREP = {
    "fr": [r"selon", r"d'apres", r"de source", r"citant", r"cites? par"],
    "en": [r"according to", r"citing", r"quoting"],
}
_DENY = {
    "fr": [
        r"ni(?:e|es|ee|ees|ent|ait|aient|ant|er|era|eront)",
        r"dement(?:ent|ait|aient|ant|ir|i|ie|is|ies)?",
        r"rejet(?:te|tent|tait|taient|e|ee|es|ees|ait|aient|ant|er)?",
        r"refut\w*|recus(?:e|ent|ait|aient|ant|er)|contest(?:e|ent|ait|aient|ant|er)",
        r"fausses? (?:informations?|nouvelles?|accusations?)|infondee?s?|mensonges?",
        r"propagande|desinformation|intox\w*|fake news",
    ],
    "en": [
        r"den(?:y|ies|ied|ying|ial|ials)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?",
        r"refut(?:e|es|ed|ing)|rebuff(?:s|ed)?|repudiat\w*",
        r"fabrications?|propaganda|baseless|groundless|disinformation|misinformation",
        r"false (?:reports?|claims?|information|allegations?)|fake news|lies",
    ],
}
_NEUTRAL = {
    "fr": [
        r"refus\w* (?:a|de) (?:tout |toute )?(?:comment\w*|reagir|repondre|confirmer|s'exprimer)",
        r"(?:n'a|n'ont|ne \w+) pas (?:souhaite|voulu) (?:commenter|reagir|s'exprimer|confirmer)",
        r"(?:aucun|pas de|sans) commentaire|sans (?:confirmer|commenter|dementir)",
        r"ni confirm\w* ni dement\w*|elud\w*|esquiv\w*",
    ],
    "en": [
        r"declin\w* to (?:comment|confirm|say|discuss|elaborate|respond)",
        r"refus\w* to (?:comment|confirm|say|discuss)",
        r"(?:would|could|did|does|do|can|will)(?: not|n't) (?:yet )?(?:comment|confirm|say)",
        r"cannot (?:yet )?(?:confirm|comment)|unable to (?:confirm|comment)",
        r"neither confirm\w* nor den\w*|no comment|referred questions|evaded|sidestepped",
    ],
}
_CONFIRM = {
    "fr": [
        _fr1("confirm"),
        r"reconna(?:it|issent|issait|issant)|reconnue?s?|(?:a|ont) admis",
    ],
    "en": [r"confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted)"],
}
# Hedges lower the confidence of an assertion.
_HEDGES = {
    "fr": [
        # The journalistic conditional: aurait, seraient, pourrait, s'ajouteraient...
        r"\w+(?:rait|raient)",
        r"probablement|vraisemblablement|selon toute vraisemblance|peut-etre|sans doute",
        r"apparemment|sembl(?:e|ent|ait|aient)|supposee?s?|presumee?s?|presumement",
        r"possiblement|eventuel(?:le)?s?|non (?:confirm|verifi)\w*|il est possible",
        r"laiss(?:e|ent|ait|aient|ant|er) entendre",
    ],
    "en": [
        r"reportedly|allegedly|alleged|apparently|likely|unlikely|probably|possibly|perhaps",
        r"presumably|purportedly|supposedly|might|could|(?<!in )(?<!since )(?<!early )"
        r"(?<!late )(?<!of )(?<!\d )may(?! \d)",
        r"appears? to|seems? to|(?:believed|thought) to|suspected|unconfirmed|unverified",
        r"if confirmed|it is possible",
    ],
}
# Words ending in -rait that are not conditionals.
_NOT_CONDITIONAL = frozenset(
    "trait retrait portrait extrait attrait abstrait distrait soustrait parait apparait "
    "disparait reparait strait".split()
)
# Clause boundaries: the subject of a cue never lies before one of these.
BOUNDARY = re.compile(
    _words(r"que", r"that", r"mais", r"but", r"while", r"whereas", r"tandis")
    + r"|(?<![\w-])qu'|[;:]"
)
# Non-restrictive relative clauses and appositions scope their hedges away from the main
# claim: "…launchers, which have likely been moved" keeps the deliveries Probable.
RELATIVE = re.compile(
    r",\s*(?:which|who|whose|qui|dont|lequel|laquelle|lesquels|lesquelles|ce qui|"
    r"(?:a|an|un|une) \w+ (?:that|which|it|they|qui|que|qu'))(?![\w-])[^,;.]*"
)
NEGATION = re.compile(
    _words(r"ne", r"pas", r"jamais", r"sans", r"not", r"never", r"without", r"no", r"unable to")
    + r"|(?<![\w-])n'|n't(?!\w)"
)
CONDITIONAL_OR_IF = re.compile(_words(r"if", r"si", r"unless"))
COMPLEMENT = re.compile(
    r"^(?:[\s,]*[\w'-]+){0,4}?[\s,]*(?<![\w-])(?:(?:que|that)(?![\w-])|qu')|^\s*[:«“\"]"
)
# A determiner before the word makes it a noun: "the reports", "an estimated", "l'annonce".
_DETERMINER = {
    "en": re.compile(r"(?<![\w-])(?:the|a|an|these|those|such|its|their|his|her|our) $"),
    "fr": re.compile(r"(?:(?<![\w-])(?:la|une|un|cette|son|sa|leur) |(?<![\w-])l')$"),
}
PRONOUNS = frozenset("il elle ils elles it he she they".split())
DEFINITE = frozenset(
    "le la les l the this these ce cette ces son sa ses its their leur leurs".split()
)
GENERIC = frozenset(
    "agence agency ministere ministry ministre minister service services etat-major armee army "
    "military porte-parole spokesman spokeswoman spokesperson responsable responsables official "
    "officials renseignement intelligence gouvernement government presidence presidency "
    "president dirigeant dirigeants leader leaders commandement command staff".split()
)
# Words that may stand between an incise's comma and its verb (", a-t-il ajouté"), or between
# a subject and its verb ("the NIS also said").
AUXILIARIES = frozenset(
    "a ont avait avaient aurait auraient has have had also aussi egalement encore t "
    "hier lundi mardi mercredi jeudi vendredi samedi dimanche yesterday monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
DETERMINERS = DEFINITE | frozenset("un une des du a an".split())
CONTINUATION = re.compile(
    r"^\W*(?P<c>en echange|en retour|en contrepartie|en outre|par ailleurs|de plus|de meme|"
    r"toujours selon|in return|in exchange|moreover|furthermore|in addition|additionally|also)"
    r"(?![\w-])"
)


@dataclass(frozen=True)
class Cue:
    """A cue in a folded statement: its kind, folded offsets and traits."""

    kind: str
    start: int
    end: int
    hedged: bool = False  # the cue itself hedges ("a laissé entendre")
    participle: bool = False  # "précisant", "adding": the subject always precedes


def _compile(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {lang: re.compile(_words(*alternatives)) for lang, alternatives in table.items()}


_RE = {
    "strong": _compile(_REPORT_STRONG),
    "complement": _compile(_REPORT_COMPLEMENT),
    PREP: _compile(_PREP),
    DENY: _compile(_DENY),
    NEUTRAL: _compile(_NEUTRAL),
    CONFIRM: _compile(_CONFIRM),
    "hedge": _compile(_HEDGES),
}
_HEDGED_CUE = re.compile(r"laiss\w* entendre")


def languages_for(language: str | None) -> tuple[str, ...]:
    """The lexicons to use: the article's language, or both when it is unknown."""
    return (language,) if language in ("fr", "en") else ("fr", "en")


def is_incise(folded: str, start: int) -> bool:
    """True when a verb opens an inverted incise: ", a révélé l'état-major", ", said the NIS"."""
    before = folded[:start]
    comma = max(before.rfind(","), before.rfind("»"), before.rfind("”"))
    if comma < 0:
        return False
    words = re.findall(r"\w+", before[comma + 1 :])
    return len(words) <= 3 and all(w in AUXILIARIES or w in PRONOUNS for w in words)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def find_cues(folded: str, language: str | None) -> list[Cue]:
    """Every cue in a folded statement, in text order; neutral phrases win overlaps."""
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for lang in languages_for(language):
        for m in _RE[NEUTRAL][lang].finditer(folded):
            cues.append(Cue(NEUTRAL, m.start(), m.end()))
            taken.append(m.span())
    for lang in languages_for(language):
        for kind in (DENY, CONFIRM):
            for m in _RE[kind][lang].finditer(folded):
                if _overlaps(*m.span(), taken):
                    continue
                head = folded[max(0, m.start() - 25) : m.start()]
                head = head[max(head.rfind(","), 0) :]
                if kind == CONFIRM and CONDITIONAL_OR_IF.search(head):
                    continue  # "If confirmed, …" is a hedge, not a confirmation
                # A negated denial or confirmation ("n'a jamais reconnu", "did not deny")
                # commits to nothing.
                negated = NEGATION.search(head) is not None
                cues.append(Cue(NEUTRAL if negated else kind, m.start(), m.end()))
                taken.append(m.span())
        for kind in ("strong", "complement", PREP):
            for m in _RE[kind][lang].finditer(folded):
                if _overlaps(*m.span(), taken):
                    continue
                if _DETERMINER[lang].search(folded[max(0, m.start() - 8) : m.start()]):
                    continue  # "the reports", "a claim", "l'annonce": nouns, not verbs
                if kind == "complement" and not (
                    COMPLEMENT.search(folded[m.end() : m.end() + 60])
                    or is_incise(folded, m.start())
                ):
                    continue
                word = m.group()
                cues.append(
                    Cue(
                        PREP if kind == PREP else REPORT,
                        m.start(),
                        m.end(),
                        hedged=_HEDGED_CUE.fullmatch(word) is not None,
                        participle=word.endswith(("ant", "ing")) and kind != PREP,
                    )
                )
                taken.append(m.span())
    cues.sort(key=lambda c: c.start)
    return cues


def find_hedges(folded: str, language: str | None, cues: list[Cue]) -> list[tuple[int, int]]:
    """Hedge spans outside neutral cues ("could not confirm" is neutral, not a hedge)."""
    neutral = [(c.start, c.end) for c in cues if c.kind == NEUTRAL]
    spans: list[tuple[int, int]] = []
    for lang in languages_for(language):
        for m in _RE["hedge"][lang].finditer(folded):
            if _overlaps(*m.span(), neutral):
                continue
            word = m.group()
            if (
                word.endswith(("rait", "raient"))
                and " " not in word
                and (word in _NOT_CONDITIONAL or len(word) < 5)
            ):
                continue
            spans.append(m.span())
    return sorted(set(spans))


def relative_regions(folded: str) -> list[tuple[int, int]]:
    """Non-restrictive relative clauses and appositions, whose hedges stay local."""
    return [m.span() for m in RELATIVE.finditer(folded)]


def clause_start(folded: str, position: int) -> int:
    """Where the clause holding `position` begins (after the last boundary before it)."""
    start = 0
    for m in BOUNDARY.finditer(folded, 0, position):
        start = m.end()
    return start


def continuation(folded: str) -> tuple[int, int] | None:
    """The connective that opens a continuing sentence ("En échange, …"), if any."""
    m = CONTINUATION.search(folded)
    return m.span("c") if m else None
