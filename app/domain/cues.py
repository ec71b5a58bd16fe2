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
        _fr1("affirm", "declar", "revel", "document", "annonc", "accus", "denonc", "qualifi"),
        _fr1("revendiqu", "felicit", "salu", "martel"),
        _fr1("evoqu", "publi", "condamn", "signal"),
        r"(?:fait|font|faisait|faisaient|faire) (?:etat|savoir)",
        r"(?:a|ont|avait) (?:ecrit|reagi|appele)|ecri(?:t|vent|vait)|reagi(?:t|ssent|ssait)?",
        r"appell?(?:e|ent|ait|aient) (?:a|au|aux|ses|les|l')",
        r"dit|disent|disait|disaient|disant",
        r"laiss(?:e|ent|ait|aient|ant|er) entendre",  # "a laissé entendre": hedged, see below
        r"avanc(?:e|ent|ait|aient) (?:un|le|des|les) (?:bilan|chiffre|estimation)s?",
    ],
    "en": [
        r"say|says|said|saying|tell|tells|told|stated|claim|claims|claimed|claiming",
        r"announc(?:e|es|ed|ing)|reported|reveal(?:s|ed|ing)?|insist(?:s|ed)",
        r"assert(?:s|ed)|accus(?:e|es|ed)|urg(?:e|es|ed)|warn(?:s|ed)|testified|alleged",
        r"wrote|writes|posted|tweeted|condemn(?:s|ed)|describ(?:es|ed)|call(?:s|ed)|published",
        r"quoted",
        r"believ(?:e|es|ed)|think(?:s)?|thought",
        r"conced(?:e|es|ed)|vow(?:s|ed)|pledg(?:e|es|ed)|welcom(?:e|es|ed)|hail(?:s|ed)|blam(?:e|es|ed)",
    ],
}
# Verbs that report only with a complement ("que", "that", a quotation) or in an inverted
# incise (", a précisé le ministère"): "maintient sa politique" or "a ajouté 500 soldats"
# report nothing.
_REPORT_COMPLEMENT = {
    "fr": [
        _fr1("indiqu", "precis", "ajout", "assur", "expliqu", "soulign", "rapport"),
        _fr1("repet", "insist", "estim", "consider", "confi", "pens", "evalu", "constat"),
        _fr1("exig", "sembl", "tranch", "jug"),
        r"poursui(?:t|vi|vait|vent)",
        r"etabli(?:t|ssent|ssait)?",
        r"avert(?:it|issent|i|ie|issait|issant)",
        r"(?:sout|maint)(?:ient|iennent|enu|enait|enant)",
        r"croi(?:t|ent)|croyait",
        # "a répondu qu'il n'avait rien à ajouter", "a avancé que les dégâts…"
        r"repond(?:u|ait|aient|ent)|avanc(?:e|ent|ait|aient)",
    ],
    "en": [
        r"add(?:s|ed)|not(?:es|ed)|explain(?:s|ed)|argu(?:e|es|ed)|maintain(?:s|ed)",
        r"estimat(?:e|es|ed)|indicat(?:e|es|ed)|stress(?:es|ed)|reports",
        r"demand(?:s|ed)|establish(?:es|ed)|conclud(?:e|es|ed)|assess(?:es|ed)",
        r"regard(?:s|ed)|consider(?:s|ed)",
        r"repl(?:y|ies|ied)|respond(?:s|ed)|suggest(?:s|ed)",  # "replied that it had…"
    ],
}
_PREP = {
    "fr": [
        r"selon",
        r"d'apres",
        r"de source",
        r"citant",
        r"cite(?:e|es|s)? par",
        r"(?:a-t-on |a-t-il |a-t-elle )?appris (?:de source \w+ |aupres d(?:e|u|es|e la|e l'))",
        r"aux yeux d(?:e|u|es)|de l'avis d(?:e|u|es)|^\W*(?:mais |et )?pour(?= [^,]{2,60},)",
    ],
    "en": [r"according to", r"citing", r"quoting", r"in the view of"],
}
_DENY = {
    "fr": [
        r"ni(?:e|es|ee|ees|ent|ait|aient|ant|er|era|eront)",
        r"dement(?:ent|ait|aient|ant|ir|i|ie|is|ies)?",
        r"rejet(?:te|tent|tait|taient|e|ee|es|ees|ait|aient|ant|er)?",
        r"refut\w*|recus(?:e|ent|ait|aient|ant|er)|contest(?:e|ent|ait|aient|ant|er)",
        r"balay(?:e|ee|es|ent|ait|aient|ant|er)|se defend\w* de|s'inscri\w* en faux",
    ],
    "en": [
        r"den(?:y|ies|ied|ying|ial|ials)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?",
        r"refut(?:e|es|ed|ing)|rebuff(?:s|ed)?|repudiat\w*|disput(?:e|es|ed)|rebutt(?:ed|ing)",
    ],
}
# Words that deny by what they call the claim (« pure invention », "fabrication"): their
# agent is the one who speaks them — the quotation's speaker, or the sentence's reporter.
_DENY_CONTENT = {
    "fr": [
        r"fausses? (?:informations?|nouvelles?|accusations?)|infondee?s?|mensonges?",
        r"propagande|desinformation|intox\w*|fake news|fakes?|(?:pure |totale )?invention",
        r"inventee?s? de toutes pieces|calomni\w*|aucune preuve|ne prouvent? rien",
        r"(?:nous|on|je) (?:n'avons|n'a|n'ai|ne \w+) jamais|n'y a jamais eu|en aucun cas",
        r"fantasmes?|elucubrations?|(?:pure |totale )?fiction|n'existe\w* pas",
        r"(?:c'est|est|sont|etait|etaient) (?:totalement |completement |archi)?(?:faux|fausses?)",
        r"affabulations?|absurdes?|grotesques?|sans fondement|denue\w* de (?:tout )?fondement",
        r"ne correspond\w* (?:pas|en rien|aucunement|nullement) a la realite",
        r"(?:n'a|n'ont|n'avait|n'avaient) rien a voir avec la realite",
    ],
    "en": [
        r"fabrications?|propaganda|baseless|groundless|disinformation|misinformation",
        r"false (?:reports?|claims?|information|allegations?)|fake news",
        r"(?:are|were|is|outright|blatant|pure|more|of|nothing but) lies",
        r"(?:a|an|outright|blatant) lie(?![\w-])",
        r"(?:do|does|did) not exist",
        r"fabricat\w*|invent(?:ed|ion)|fakes?|slander\w*|smear\w*|hoax\w*|no evidence",
        r"prove nothing|nonsense|absurd|untrue|not true|no truth|in no way|by no means",
        r"(?:completely |totally |entirely |absolutely |patently )?false(?! flag)",
        r"(?:we|i) (?:have |had |has )?never|fantas(?:y|ies)|pure fiction",
        r"(?:do|does|did)(?: not|n't) (?:correspond to|reflect|match) (?:the )?reality",
        r"(?:has|have|had) nothing to do with (?:the )?(?:reality|truth)|divorced from reality",
    ],
}
_NEUTRAL = {
    "fr": [
        r"refus\w* (?:a|de) (?:tout |toute )?(?:comment\w*|reagir|repondre|confirmer|s'exprimer)",
        r"(?:n'a|n'ont|ne \w+) pas (?:souhaite|voulu) (?:commenter|reagir|s'exprimer|confirmer)",
        r"(?:aucun|pas de|sans) commentaire|sans (?:confirmer|commenter|dementir)",
        r"ni confirm\w* ni dement\w*|elud\w*|esquiv\w*|pas a l'ordre du jour",
        r"(?:en train de|en cours de) verifi\w*|verifie encore",
        r"(?:ne s'est|ne se sont|ne s'etait) pas (?:encore )?exprime\w*|botte\w* en touche",
        r"(?:garde|gardent|gardait|observe|observent) le silence",
        r"rest\w* (?:muet|muets|silencieu\w*)|trop tot pour (?:dire|se prononcer|conclure)",
        r"(?:ne dispos\w*|n'a|n'avait|n'ont) (?:d'aucune|aucune|pas d'|pas de) informations?",
        r"rien a (?:ajouter|dire|declarer|signaler)|refus\w* de (?:se prononcer|preciser|donner|"
        r"commenter|confirmer|repondre|s'exprimer|reagir|dire|"
        r"faire (?:le moindre|aucun) comment\w*)",
        r"(?:n'a|n'ont|ne \w+) pas (?:souhaite|voulu) (?:dire|preciser|indiquer|detailler)",
        r"ne (?:commente|commenter)\w* pas|ne fer\w* aucun commentaire",
        r"indignes? d'(?:un )?comment\w*",
        r"(?:se|s'est|se sont|s'etait|s'etaient) (?:born\w* a|content\w* de) "
        r"(?:dire|indiquer|rappeler|repeter)",
        r"renvoy\w* (?:(?:toutes |tout |les |toutes les )?(?:questions|journalistes) )?"
        r"(?:vers|a|au|aux)(?![\w-])",
        r"(?:n'a|n'ont|n'avait|ne \w+) pas (?:encore )?"
        r"(?:repondu|donne suite|pu (?:confirmer|verifier))",
        r"(?:n'a|n'ont) pas (?:ete )?(?:joignable|disponible)s?|se (?:sont |est )?refus\w* a tout",
        r"(?:n'a|n'ont|n'avait|n'avaient) pas (?:encore |immediatement |officiellement )?"
        r"(?:reagi|commente|repondu|confirme|donne suite)",
    ],
    "en": [
        r"declin\w* to (?:comment|confirm|say|discuss|elaborate|respond)",
        r"refus\w* to (?:comment|confirm|say|discuss)",
        r"(?:would|could|did|does|do|can|will)(?: not|n't) (?:yet )?(?:comment|confirm|say)",
        r"cannot (?:yet )?(?:confirm|comment)|unable to (?:confirm|comment)",
        r"neither confirm\w* nor den\w*|no comment|referred questions|evaded|sidestepped",
        r"nothing (?:to|more to) (?:add|say|report)|declin\w* to (?:give|provide|specify|disclose)",
        r"(?:did|does|has|have)(?: not|n't) (?:immediately )?(?:respond|reply|return)\w*",
        r"(?:not|n't) (?:immediately )?(?:available|reachable) for comment",
        r"(?:could|can|would)(?: not|n't) (?:independently )?verify",
        r"cannot (?:independently )?verify",
        r"referr\w* (?:all )?(?:reporters|journalists|questions|inquiries|enquiries)",
        r"advis\w* (?:reporters|journalists) to (?:address|ask|direct)",
        r"(?:said|saying|says) only that|not on the agenda",
        r"(?:limited|limits|confined|confines) (?:himself|herself|itself|themselves) to "
        r"(?:saying|stating|repeating)",
        r"(?:has|have|had)(?: not|n't) (?:yet |immediately |publicly |officially )?"
        r"(?:commented|confirmed|responded|reacted|replied)",
        r"(?:was|is|were|are) aware of|(?:closely )?analy[sz]ing (?:the|this|these)",
        r"(?:has|have|had) yet to (?:comment|respond|confirm|react)",
        r"(?:had|has) no (?:immediate )?comment",
        r"could not be reached|(?:remained|remains|kept|has been) (?:silent|quiet)",
        r"refused to be drawn|would not be drawn",
        r"too early to (?:say|tell|comment|confirm|draw|conclude|speculate)",
        r"(?:had|has|have) no (?:information|details|knowledge) (?:on|about|of)",
        r"unable to (?:independently )?verify",
        r"(?:still|was|is|were|are) (?:verifying|checking|looking into)",
    ],
}
# Denials carried by a negated claim rather than by a word of denial ("nous n'avons rien à
# cacher", "never received"): the speaker denies, less firmly (Probable).
_DENY_SOFT = {
    "fr": [
        r"rien a cacher|jamais re[cç]u\w*|aucune mention|sans (?:faire )?mention",
        r"(?:n'est|n'etait|n'etaient|ne sont) (?:dirigee?s? )?contre aucun\w*",
        r"n'y a (?:jamais )?eu (?:le moindre|aucun\w*)|il n'y a (?:pas|jamais|aucun\w*)",
        r"pretendu\w*|soi-disant",
    ],
    "en": [
        r"nothing to hide|never received|(?:made|makes|make) no mention|no mention of",
        r"(?:are|is|was|were) not (?:supported|backed) by|not directed against",
        r"(?:there|it) (?:is|was|has been) (?:no|never)(?! comment)|so-called",
    ],
}
# Declining to comment whose agent follows: "no immediate comment from Moscow".
_NEUTRAL_AFTER = {
    "fr": [
        r"pas de (?:reaction|commentaire|reponse)s? (?:immediate?s? )?(?:de la part |du cote )?"
        r"(?:de|du|des|d')"
    ],
    "en": [r"no (?:immediate )?(?:comment|reaction|response) (?:from|by)"],
}
# Denials only a quotation carries: "« … has never struck … »", "a staged provocation", and
# "nothing of the kind" in the speaker's own words ("There are no North Korean servicemen",
# « aucun enfant n'a été retenu »); reported, "there were no casualties" is a claim.
_DENY_QUOTED = {
    "fr": [
        r"(?:n'a|n'ont|n'avons|ne \w+) jamais|mise en scene",
        r"aucun\w* (?!comment|reaction|reponse|detail|information|precision)[\w-]+"
        r"(?: [\w-]+){0,2} (?:n'a|n'ont|n'est|ne sont|n'avait|n'avaient|n'etait|n'etaient)",
    ],
    "en": [
        r"(?:has|have|had|will) never (?!confirm|acknowledg|comment)\w+|staged",
        r"there (?:are|were|have been) no(?! comment)",
        r"(?<![\w,] )no (?!comment|reaction|response|details?|information)[\w-]+"
        r"(?: [\w-]+){0,2} (?:has|have|had|was|were) (?:ever )?(?:been )?\w+",
    ],
}
_CONFIRM = {
    "fr": [
        _fr1("confirm"),
        r"reconna(?:it|issent|issait|issant)|reconnue?s?|(?:a|ont) admis",
        r"ne laisse\w* aucun doute|il n'y a aucun doute",
    ],
    "en": [
        r"confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted)",
        r"leaves? no doubt|there is no doubt",
    ],
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
        r"(?:est|sont|etait|etaient|serait|seraient) soupconnee?s? d",
    ],
    "en": [
        r"reportedly|allegedly|alleged|apparently|likely|unlikely|probably|possibly|perhaps",
        r"presumably|purportedly|supposedly|might|could|(?<!in )(?<!since )(?<!early )"
        r"(?<!late )(?<!of )(?<!\d )may(?! \d)",
        # "is suspected of sending" hedges; "people suspected of arson" names the suspects
        r"appear(?:s|ed)? to|seem(?:s|ed)? to|(?:believed|thought) to|suspected(?! of)",
        r"(?:is|are|was|were|been|widely|strongly) suspected of",
        r"unconfirmed|unverified",
        r"if confirmed|it is possible|consistent with",
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
        r"(?<![\w-])(?:the|a|an|these|those|such|its|their|his|her|our) $|'s (?:[\w-]+ )?$"
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
    "soft": _compile(_DENY_SOFT),
    "content": _compile(_DENY_CONTENT),
    "quoted": _compile(_DENY_QUOTED),
    "neutral_after": _compile(_NEUTRAL_AFTER),
}
_HEDGED_CUE = re.compile(r"laiss\w* entendre")
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
_IF_CLAUSE = re.compile(r"(?<![\w-])(?:si|s'ils?|if)(?![\w-])")
_PASSIVE = re.compile(r"(?<![\w-])(?:being|been|was|were|is|are|ete|etre)\s+$")
# A verb that ends its sentence reports what came before it ("…," the diplomat noted.).
_AT_END = re.compile(r"\s*(?:[.!?]|,\s*(?:adding|ajoutant))?\W*$")
# "estime à 300 le nombre de…": an estimate reported without "que".
_ESTIMATE = re.compile(r"(?:estim|evalu)\w*")
_ESTIMATE_OF = re.compile(r"\s+(?:desormais |maintenant |aujourd'hui )?a\s")


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
                taken.append(m.span())
    for lang in languages_for(language):
        for kind in (DENY, "content", CONFIRM):
            for m in _RE[kind][lang].finditer(folded):
                if _overlaps(*m.span(), taken):
                    continue
                head = folded[max(0, m.start() - 25) : m.start()]
                head = head[max(head.rfind(","), 0) :]
                if kind == CONFIRM and CONDITIONAL_OR_IF.search(head):
                    continue  # "If confirmed, …" is a hedge, not a confirmation
                # A negated denial or confirmation ("n'a jamais reconnu", "did not deny")
                # commits to nothing.
                negated = NEGATION.search(head) is not None and kind != "content"
                cues.append(
                    Cue(
                        NEUTRAL if negated else DENY if kind == "content" else kind,
                        m.start(),
                        m.end(),
                        content=kind == "content",
                    )
                )
                taken.append(m.span())
        for kind in ("strong", "complement", PREP):
            for m in _RE[kind][lang].finditer(folded):
                if _overlaps(*m.span(), taken):
                    continue
                if _DETERMINER[lang].search(folded[max(0, m.start() - 8) : m.start()]):
                    continue  # "the reports", "a claim", "l'annonce": nouns, not verbs
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


_AUXILIARY_BEFORE = re.compile(
    r"(?<![\w-])(?:a|ont|avait|avaient|has|have|had)(?:\s+(?:also|aussi|egalement|deja))?\s+$"
)


def with_auxiliary(folded: str, cue: Cue) -> tuple[int, int]:
    """A reporting verb's span with its auxiliary, as a reader quotes it: "a révélé"."""
    if cue.kind not in (REPORT, DENY, CONFIRM):
        return cue.start, cue.end
    m = _AUXILIARY_BEFORE.search(folded, max(0, cue.start - 20), cue.start)
    return (m.start() if m else cue.start), cue.end
