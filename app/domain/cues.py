"""The words that tell who says something, how, and how firmly — French and English.

Every pattern runs on text folded by `app.domain.aliases.fold` (lower case, no accents, plain
apostrophes), so the lexicons (`app.domain.cue_lexicon`) are written without accents: "revel"
matches révèle, révélé and révélait alike. The lists are deliberately plain data, so a
linguist can extend them without reading the attachment logic in `app.domain.suggest`.

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

from app.domain.cue_lexicon import (
    ANONYMITY as _ANONYMITY,
)
from app.domain.cue_lexicon import (
    CONFIRM as _CONFIRM,
)
from app.domain.cue_lexicon import (
    DENY as _DENY,
)
from app.domain.cue_lexicon import (
    DENY_CONTENT as _DENY_CONTENT,
)
from app.domain.cue_lexicon import (
    DENY_CONTENT_SOFT as _DENY_CONTENT_SOFT,
)
from app.domain.cue_lexicon import (
    DENY_QUOTED as _DENY_QUOTED,
)
from app.domain.cue_lexicon import (
    DENY_SOFT as _DENY_SOFT,
)
from app.domain.cue_lexicon import (
    HEDGES as _HEDGES,
)
from app.domain.cue_lexicon import (
    NEUTRAL as _NEUTRAL,
)
from app.domain.cue_lexicon import (
    NEUTRAL_AFTER as _NEUTRAL_AFTER,
)
from app.domain.cue_lexicon import (
    NOT_CONDITIONAL as _NOT_CONDITIONAL,
)
from app.domain.cue_lexicon import (
    PREP as _PREP,
)
from app.domain.cue_lexicon import (
    REPORT_COMPLEMENT as _REPORT_COMPLEMENT,
)
from app.domain.cue_lexicon import (
    REPORT_STRONG as _REPORT_STRONG,
)

REPORT, PREP, DENY, NEUTRAL, CONFIRM = "report", "prep", "deny", "neutral", "confirm"


def _words(*alternatives: str) -> str:
    return r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"


# Clause boundaries: the subject of a cue never lies before one of these.
BOUNDARY = re.compile(
    _words(r"que", r"that", r"mais", r"but", r"while", r"whereas", r"tandis")
    + r"|(?<![\w-])qu'|[;:]"
)
# Non-restrictive relative clauses and appositions scope their hedges away from the main
# claim: "…launchers, which have likely been moved" keeps the deliveries Probable.
RELATIVE = re.compile(
    r",\s*(?:which|who|whose|qui|dont|lequel|laquelle|lesquels|lesquelles|ce qui|"
    # ", a claim that…", ", une affirmation que…" (not ", a dit que": the French auxiliary)
    r"(?:a|an) \w+ (?:that|which|it|they)|(?:un|une) \w+ (?:qui|que|qu'))(?![\w-])[^,;.]*"
)
NEGATION = re.compile(
    _words(r"ne", r"pas", r"jamais", r"sans", r"not", r"never", r"without", r"no", r"unable to")
    + r"|"
    + _words(r"neither", r"nor", r"ni")
    + r"|(?<![\w-])n'|n't(?!\w)"
)
CONDITIONAL_OR_IF = re.compile(_words(r"if", r"si", r"unless"))
COMPLEMENT = re.compile(
    r"^(?:[\s,]*[\w'-]+){0,7}?[\s,]*(?<![\w-])(?:(?:que|that)(?![\w-])|qu')|^\s*[:«“\"]"
    r"|^(?:\s+[\w'-]+){1,3}\s+(?:comme|as)\s|^\s+(?:tres |peu )?(?:probable|possible|plausible)"
    r"|^\s+(?:avoir|etre|n'avoir|n'etre|ne pas|ne jamais)\s"
    r"|^\s+(?:si|s'ils?|whether|if|combien|comment|quand|pourquoi|how|when|why)\s"
)
# A determiner before the word makes it a noun: "the reports", "an estimated", "l'annonce".
_DETERMINER = {
    "en": re.compile(
        # "Russia's claims", "Kyiv's latest report": a noun; "Ukraine's Navy said": a verb.
        r"(?<![\w-])(?:the|a|an|these|those|such|its|their|his|her|our|media|press|news) $"
        r"|'s (?:(?:latest|new|own|earlier|previous|recent|repeated|official|initial|first|last"
        r"|public|early|main) )?$"
    ),
    "fr": re.compile(r"(?:(?<![\w-])(?:la|une|un|cette|son|sa|leur) |(?<![\w-])l')$"),
}
PRONOUNS = frozenset("il elle ils elles it he she they lui him her them eux".split())
FIRST_PERSON = frozenset("je j nous we i".split())
DEFINITE = frozenset(
    "le la les l the this these ce cette ces son sa ses its their leur leurs".split()
)
GENERIC = frozenset(
    "agence agency ministere ministry ministre minister service services etat-major armee army "
    "military porte-parole spokesman spokeswoman spokesperson responsable responsables official "
    "officials renseignement intelligence gouvernement government presidence presidency "
    "president dirigeant dirigeants leader leaders commandement command staff chef chief "
    "source sources conseiller adviser advisor aide diplomate diplomat diplomats gouverneur "
    "governor maire mayor depute deputes lawmaker lawmakers legislator legislators office "
    "bureau headquarters quartier-general centre center commandant commander directeur "
    "director secretaire secretary ambassadeur ambassador ambassade embassy porte-parolat "
    "administration autorites authorities marine navy police parquet prosecutor "
    "prosecutors procureur garde-cotes guard force forces rapport report communique statement "
    "texte text document note council conseil commission committee comite mediateur "
    "mediatrice ombudsman ombudsperson commissaire commissioner".split()
)
# Words that may stand between an incise's comma and its verb (", a-t-il ajouté"), or between
# a subject and its verb ("the NIS also said").
AUXILIARIES = frozenset(
    "a ont avait avaient aurait auraient has have had also aussi egalement encore t s est se "
    "sont "
    "hier lundi mardi mercredi jeudi vendredi samedi dimanche yesterday monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
DETERMINERS = DEFINITE | frozenset("un une des du a an".split())
# French adverbs between a subject and its verb ("le général accuse également"); English
# ones end in -ly, French -ment words are often nouns (gouvernement, parlement).
ADVERBS = frozenset(
    "egalement notamment encore aussi toutefois cependant pourtant enfin ensuite deja "
    "directement publiquement officiellement clairement fermement vivement formellement "
    "categoriquement explicitement ouvertement immediatement".split()
)
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
    soft: bool = False  # a denial by a negated claim ("nothing to hide"): Probable
    content: bool = False  # a denial by what the claim is called ("pure invention")
    quoted_only: bool = False  # a cue only inside a quotation ("has never struck")
    agent_after: bool = False  # its agent follows ("no immediate comment from Moscow")


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
    "anonymity": _compile(_ANONYMITY),
    "soft": _compile(_DENY_SOFT),
    "content": _compile(_DENY_CONTENT),
    "content_soft": _compile(_DENY_CONTENT_SOFT),
    "quoted": _compile(_DENY_QUOTED),
    "neutral_after": _compile(_NEUTRAL_AFTER),
}
# Reporting verbs that hedge what they report: "the agency believes", « a laissé entendre ».
# In the third person only: "We believe Moscow has…" is the speaker's own firm claim.
_HEDGED_CUE = re.compile(
    r"laiss\w* entendre|believes|believed|thinks|croi(?:t|ent)|croyait|pens(?:e|ent|ait)"
)
_QUOTED_AS = re.compile(r".{1,80}? as (?:saying|telling|stating)(?![\w-])")
_NEGATED_VERB = re.compile(
    r"(?:(?<![\w-])n'(?:a|ont|avait|avaient)|(?<![\w-])ne \w+) (?:pas|jamais)"
    r"(?: (?:encore|officiellement|publiquement|immediatement))? $"
    r"|(?<![\w-])(?:did|does|do|has|have|had|would|will)(?: not|n't)"
    r"(?: (?:yet|officially|publicly|immediately))? $"
)
# Imperfects of verbs in -rer that look like conditionals; "aurait" and "saurait" are not.
_IMPERFECT = ("arait", "araient", "orait", "oraient", "urait", "uraient")
_CONDITIONAL_AU = frozenset("aurait auraient saurait sauraient".split())
# A decision announced: the conditional after it is the future in the past, not a hedge.
_ANNOUNCED = re.compile(r"(?:annonc|promi|promet|decid)\w* (?:que|qu')[^,;.«»]*$")
_IF_CLAUSE = re.compile(r"(?<![\w-])(?:si|s'ils?|if)(?![\w-])")
_PASSIVE = re.compile(r"(?<![\w-])(?:being|been|was|were|is|are|ete|etre)\s+$")
# A verb that ends its sentence reports what came before it ("…," the diplomat noted.).
_AT_END = re.compile(r"\s*(?:[.!?]|,\s*(?:adding|ajoutant))?\W*$")
# "estime à 300 le nombre de…": an estimate reported without "que".
_ESTIMATE = re.compile(r"(?:estim|evalu)\w*")
_ESTIMATE_OF = re.compile(
    r"\s+(?:desormais |maintenant |aujourd'hui |par ailleurs |en outre |aussi |egalement )?a\s"
)


# "Beijing's sovereignty claims", "Moscow's denials", "the Greek claims": a word that is also a
# plural noun, owned by a possessive or a determiner a word or two before it, and not followed
# by a complement ("claims that").
_POSSESSIVE_BEFORE = re.compile(
    r"'s (?:[\w-]+ ){0,2}$"
    r"|(?<![\w-])(?:the|these|those|such|its|their|his|her|our) (?:[\w-]+ ){1,2}$"
)
_PLURAL_NOUNS = frozenset(
    "claims denials reports warnings calls accusations claim report warning accusation".split()
)
_VERB_COMPLEMENT = re.compile(r"\s+(?:that|to|it|they|he|she|the)(?![\w-])")


def _possessed_noun(folded: str, start: int, end: int) -> bool:
    return (
        folded[start:end] in _PLURAL_NOUNS
        and _POSSESSIVE_BEFORE.search(folded, max(0, start - 30), start) is not None
        and _VERB_COMPLEMENT.match(folded, end) is None
    )


def _words_before(folded: str, position: int, width: int) -> str:
    """The whole words in the `width` characters before `position` ("une décision", not
    "ne décision", whose "ne" would read as a negation)."""
    start = max(0, position - width)
    while 0 < start < position and folded[start - 1].isalnum():
        start += 1
    return folded[start:position]


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
    # Denials only a quotation carries; a content denial over the same words also holds
    # outside quotes ("Aucun drone n'a été perdu, a assuré le ministère").
    quoted: list[tuple[int, int]] = []
    for lang in languages_for(language):
        for m in _RE["neutral_after"][lang].finditer(folded):
            cues.append(Cue(NEUTRAL, m.start(), m.end(), agent_after=True))
            taken.append(m.span())
        for m in _RE[NEUTRAL][lang].finditer(folded):
            if _overlaps(*m.span(), taken):
                continue
            cues.append(Cue(NEUTRAL, m.start(), m.end()))
            taken.append(m.span())
    for lang in languages_for(language):
        for m in _RE["soft"][lang].finditer(folded):
            if not _overlaps(*m.span(), taken):
                cues.append(Cue(DENY, m.start(), m.end(), soft=True))
                taken.append(m.span())
        for m in _RE["quoted"][lang].finditer(folded):
            if not _overlaps(*m.span(), taken):
                cues.append(Cue(DENY, m.start(), m.end(), content=True, quoted_only=True))
                quoted.append(m.span())
    taken.extend(quoted)
    for lang in languages_for(language):
        for kind in (DENY, "content", "content_soft", CONFIRM):
            by_content = kind in ("content", "content_soft")
            for m in _RE[kind][lang].finditer(folded):
                if by_content and _overlaps(*m.span(), quoted):
                    cues[:] = [
                        c
                        for c in cues
                        if not (c.quoted_only and _overlaps(c.start, c.end, [m.span()]))
                    ]
                elif _overlaps(*m.span(), taken):
                    continue
                if kind == DENY and _possessed_noun(folded, m.start(), m.end()):
                    continue  # "Moscow's denials are worth nothing": a noun
                head = _words_before(folded, m.start(), 25)
                head = head[max(head.rfind(","), 0) :]
                if kind == CONFIRM and CONDITIONAL_OR_IF.search(head):
                    continue  # "If confirmed, …" is a hedge, not a confirmation
                # A negated denial or confirmation ("n'a jamais reconnu", "did not deny")
                # commits to nothing.
                negated = NEGATION.search(head) is not None and not by_content
                cues.append(
                    Cue(
                        NEUTRAL if negated else DENY if by_content else kind,
                        m.start(),
                        m.end(),
                        content=by_content,
                        soft=kind == "content_soft",
                    )
                )
                taken.append(m.span())
        for kind in ("strong", "complement", PREP):
            for m in _RE[kind][lang].finditer(folded):
                if _overlaps(*m.span(), taken):
                    continue
                if _DETERMINER[lang].search(folded[max(0, m.start() - 8) : m.start()]):
                    continue  # "the reports", "a claim", "l'annonce": nouns, not verbs
                if _possessed_noun(folded, m.start(), m.end()):
                    continue  # "Beijing's sovereignty claims, saying…": a noun
                if _PASSIVE.search(folded[max(0, m.start() - 12) : m.start()]):
                    continue  # "after being warned", "were told": not the agent's words
                if kind == "complement" and not (
                    COMPLEMENT.search(folded[m.end() : m.end() + 60])
                    or is_incise(folded, m.start())
                    or _AT_END.match(folded, m.end())
                    or (_ESTIMATE.match(m.group()) and _ESTIMATE_OF.match(folded, m.end()))
                ):
                    continue
                word = m.group()
                # "TASS quoted the ministry as saying": the ministry speaks.
                quoting = word == "quoted" and _QUOTED_AS.match(folded, m.end()) is not None
                # "n'a pas officiellement revendiqué", "did not say": a report withheld.
                negated = (
                    kind != PREP
                    and _NEGATED_VERB.search(folded, max(0, m.start() - 30), m.start()) is not None
                )
                cues.append(
                    Cue(
                        NEUTRAL if negated else PREP if kind == PREP or quoting else REPORT,
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
            if word.endswith(_IMPERFECT) and word not in _CONDITIONAL_AU:
                continue  # "préparait", "assurait", "ignorait": the imperfect, not a hedge
            if (
                word.endswith(("rait", "raient"))
                and not word.startswith(("pourr", "devr"))
                and _IF_CLAUSE.search(folded, m.end())
            ):
                continue  # "accepterait … s'ils en faisaient la demande": a condition
            if (
                word.endswith(("rait", "raient"))
                and not word.startswith(("pourr", "devr"))
                and _ANNOUNCED.search(folded, max(0, m.start() - 90), m.start())
            ):
                continue  # "a annoncé que la RDC saisirait le Conseil": the future in the past
            spans.append(m.span())
    return sorted(set(spans))


def anonymity(folded: str, language: str | None) -> list[tuple[int, int]]:
    """Where a statement says a speaker is not named ("a senior official, speaking on condition
    of anonymity", « sous couvert d'anonymat »)."""
    found = (_RE["anonymity"][lang].finditer(folded) for lang in languages_for(language))
    return [m.span() for matches in found for m in matches]


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


_AUXILIARY_BEFORE = re.compile(
    r"(?<![\w-])(?:a|ont|avait|avaient|has|have|had)(?:\s+(?:also|aussi|egalement|deja))?\s+$"
)


def with_auxiliary(folded: str, cue: Cue) -> tuple[int, int]:
    """A reporting verb's span with its auxiliary, as a reader quotes it: "a révélé"."""
    if cue.kind not in (REPORT, DENY, CONFIRM):
        return cue.start, cue.end
    m = _AUXILIARY_BEFORE.search(folded, max(0, cue.start - 20), cue.start)
    return (m.start() if m else cue.start), cue.end
