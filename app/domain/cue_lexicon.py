"""The lexicons of `app.domain.cues`: French and English words that report, deny, decline,
confirm or hedge, as plain data a linguist can extend (folded text: no accents, lower case)."""

from __future__ import annotations


def _fr1(*stems: str) -> str:
    """All finite and participle forms of first-group French verbs (folded)."""
    ends = "e|es|ent|ee|ees|ait|aient|ant|er|era|eront|erait|eraient"
    return "|".join(f"{stem}(?:{ends})" for stem in stems)


# Verbs that report a claim whatever follows them.
REPORT_STRONG = {
    "fr": [
        _fr1("affirm", "declar", "revel", "document", "annonc", "accus", "denonc", "qualifi"),
        _fr1("revendiqu", "felicit", "salu", "martel"),
        _fr1("evoqu", "publi", "condamn", "signal"),
        _fr1("retorqu", "repliqu"),
        r"(?:a|ont|avait) lache",
        r"(?:a|ont|avait|avaient) prevenu|previen(?:t|nent)|prevenait",
        r"(?:fait|font|faisait|faisaient|faire) (?:etat|savoir)",
        r"se rejet\w* (?:mutuellement )?la responsabilite",
        r"(?:a|ont|avait) (?:ecrit|reagi|appele)|ecri(?:t|vent|vait|vant)|reagi(?:t|ssent|ssait)?",
        r"decri(?:t|vent|vait|vaient|vant|re)|(?:a|ont|avait|avaient) decrit",
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
        r"retort(?:s|ed)|counter(?:s|ed)|swore|swears|shot back",
        # ", writing on Telegram that…", ", calling the report…": the clause's subject speaks.
        r"writing|posting|calling|describing|accusing|insisting|telling",
        r"(?<!early )(?<!missile )warning(?! (?:shots?|signs?|lights?|systems?|aircraft|label))",
    ],
}
# Verbs that report only with a complement ("que", "that", a quotation) or in an inverted
# incise (", a précisé le ministère"): "maintient sa politique" or "a ajouté 500 soldats"
# report nothing.
REPORT_COMPLEMENT = {
    "fr": [
        _fr1("indiqu", "precis", "ajout", "assur", "expliqu", "soulign", "rapport"),
        _fr1("repet", "insist", "estim", "consider", "confi", "pens", "evalu", "constat"),
        _fr1("exig", "sembl", "tranch", "jug", "jur"),
        r"poursui(?:t|vi|vait|vent)",
        r"(?:a|ont|avait) lance",  # ", a lancé la porte-parole" (not "a lancé une offensive")
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
        r"regard(?:s|ed)|consider(?:s|ed)|repeat(?:s|ed)|reiterat(?:e|es|ed)",
        r"repl(?:y|ies|ied)|respond(?:s|ed)|suggest(?:s|ed)",  # "replied that it had…"
    ],
}
PREP = {
    "fr": [
        r"selon",
        r"d'apres",
        r"de source(?! independante)",  # not « vérifier de source indépendante »
        r"citant",
        r"cite(?:e|es|s)? par",
        r"(?:a-t-on |a-t-il |a-t-elle )?appris (?:de source \w+ |aupres d(?:e|u|es|e la|e l'))",
        r"aux yeux d(?:e|u|es)|de l'avis d(?:e|u|es)",
        # « Pour Moscou, … »: a view; not « Pour la première fois depuis…, »
        r"^\W*(?:mais |et )?pour(?! la premiere| l'instant| le moment| sa part| leur part| autant"
        r"| l'heure| cela| ce faire)(?= (?:[^\s,]+ ){0,3}[^\s,]+,)",
    ],
    "en": [
        r"according to",
        r"citing",
        r"quoting",
        r"in the view of",
        r"(?:this|that|these words|it) (?:was|were) (?:stated|said|announced|reported|written) by",
    ],
}
DENY = {
    "fr": [
        r"ni(?:e|es|ee|ees|ent|ait|aient|ant|er|era|eront)",
        r"dement(?:ent|ait|aient|ant|ir|i|ie|is|ies)?",
        # Not "se rejettent la responsabilité": each blames the other, a claim; nor "rejeter la
        # responsabilité sur": shifting the blame (DENY_CONTENT_SOFT).
        r"(?<!se )rejet(?:te|tent|tait|taient|e|ee|es|ees|ait|aient|ant|er)?"
        r"(?! (?:la|sa|leur) (?:responsabilite|faute))",
        r"refut\w*|recus(?:e|ent|ait|aient|ant|er)|contest(?:e|ent|ait|aient|ant|er)",
        r"balay(?:e|ee|es|ent|ait|aient|ant|er)|se defend\w* de|s'inscri\w* en faux",
        r"ecart\w* d'un revers de (?:la )?main",
        # « Moscou maintient qu'aucune arme nord-coréenne n'est utilisée »
        r"(?:insist\w*(?: sur le fait)?|maint(?:ient|iennent|ienne|enait|enu))"
        r"(?= (?:que |qu')(?:aucun\w*|rien|personne)(?![\w-]))",
    ],
    "en": [
        r"den(?:y|ies|ied|ying|ial|ials)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?",
        # Not "a disputed temple", "the dispute": the verb only.
        r"refut(?:e|es|ed|ing)|rebuff(?:s|ed)?|repudiat\w*|rebutt(?:ed|ing)",
        r"(?<!the )(?<!a )(?<!an )(?<!its )(?<!their )(?<!our )disput(?:e|es|ed)",
        r"brush(?:es|ed|ing)? (?:aside|off)|wav(?:es|ed|ing) (?:away|aside|off)",
        # "Moscow insists that no North Korean weapons are used": a contradiction insisted on.
        r"insist(?:s|ed|ing)?(?= (?:that )?(?:no|none|nothing|nobody)(?![\w-]))",
    ],
}
# Words that deny by what they call the claim (« pure invention », "fabrication"): their
# agent is the one who speaks them — the quotation's speaker, or the sentence's reporter.
DENY_CONTENT = {
    "fr": [
        r"fausses? (?:informations?|nouvelles?|accusations?)|infondee?s?|mensonges?",
        r"propagande|desinformation|intox\w*|fake news|fakes?|(?:pure |totale )?invention",
        r"inventee?s? de toutes pieces|calomni\w*|aucune preuve|ne prouvent? rien",
        r"(?:nous|on|je) (?:n'avons|n'a|n'ai|ne \w+) jamais|n'y a jamais eu|en aucun cas",
        r"fantasmes?|elucubrations?|(?:pure |totale )?fiction|n'existe\w* pas",
        r"(?:pure |simple )?fantaisie|(?:pure |grossiere )?affabulation",
        # A staged fake, not « une chaîne de montage » (an assembly line) nor « montage de… »
        r"(?<!chaine de )(?<!ligne de )(?<!atelier de )(?:grossier )?montage"
        r"(?! (?:de|des|du|d')(?![\w-]))",
        r"(?:c'est|est|sont|etait|etaient) (?:totalement |completement |archi)?(?:faux|fausses?)",
        r"affabulations?|absurdes?|grotesques?|sans fondement|denue\w* de (?:tout )?fondement",
        r"ne correspond\w* (?:pas|en rien|aucunement|nullement) a la realite",
        r"(?:totalement|completement|entierement|absolument|parfaitement) "
        r"(?:faux|fausses?|infondee?s?|mensong\w*|inventee?s?)",
        r"(?:n'a|n'ont|n'avait|n'avaient|n'avons) (?:absolument )?rien a voir(?![\w-])",
        r"(?:aucune|pas l'|nullement l')intention d(?:e|u|es)?|a aucun (?:moment|stade)",
        r"aucun\w* [\w' -]{1,40}? n'(?:a|ont|avait|avaient) ete (?:touche|endommage|detruit|perdu"
        r"|abattu|atteint)\w*",
        # Not "de fabrication nord-coréenne" (made in): a fabrication called so.
        r"(?:pure|simple|grossiere) fabrication|fabrication (?:grossiere|pure et simple)",
        r"fabrique\w* de toutes pieces|(?:un |ce )conte|montee?s? de toutes pieces",
        r"deconnecte\w* de la realite|sans rapport avec la realite",
        r"(?:ce sont|c'est) des inventions|provocation (?:de plus|grossiere|orchestree|montee)",
        r"(?:n'a|n'ont|n'avait|n'avaient) rien a voir avec la realite",
        r"(?:aucun|n'a pas de|n'ont pas de|sans aucun) lien (?:\w+ )?(?:avec|entre)",
        r"(?:il )?n'exist\w* (?:aucun\w*|pas de)|rien de tel|rien de (?:tout )?cela",
        r"aucun fondement|(?:un |une )?coup (?:de com|monte)\w*",
        r"mascarade|(?:une |pure )(?:farce|comedie)|manipulation (?:cynique|grossiere|pure)",
        r"(?:images|photos|videos?) (?:recyclees|anciennes|d'archives?)",
        r"(?:anciennes|vieilles) images",
        r"(?:etait|etaient|est|sont|avait ete|avaient ete) (?:une )?(?:mise en scene|mises en scene"
        r"|mis en scene|orchestree?s?)",
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
        r"nothing to do with (?:the )?(?:reality|truth)|divorced from reality",
        r"(?:has|have|had) \W?(?:absolutely )?nothing to do with|no intention (?:of|to)",
        r"no such thing|nothing of the (?:sort|kind)|no (?:legal |factual )?basis",
        r"there (?:is|was|are|were) no such|(?:a|pure|complete|total|utter) fiction",
        r"(?:a |piece of |pure )(?:theatre|theater)(?! of)|charade|farce|pantomime",
        r"(?:cynical|crude|blatant|gross|pure|deliberate) manipulation",
        r"recycled (?:images|footage|pictures|photos|videos?)|(?:images|footage|pictures|photos|"
        r"videos?) (?:were|was|had been|have been) (?:\w+ )?recycled",
        r"(?:an? |the |was |is |were |are )(?:\w+ )?(?:publicity |propaganda |pr )?stunts?",
        r"detached from reality|nothing in common with (?:the )?reality",
        r"(?:was|were|is|are|as|called it|called them) (?:\W*)(?:a |an )?(?:staged |deliberate |"
        r"blatant |cynical |planned )?provocation",
        r"no (?:connection|link)s?(?: whatsoever| of any kind)?\W* (?:with|to|between)",
        r"(?:was|were|is|are|had been|has been|have been) (?:\w+ )?staged",
        r"at no (?:stage|time|point)|none of (?:the |its |our |their )?[\w' -]{1,40}? "
        r"(?:was|were|has been|have been|had been) (?:damaged|hit|destroyed|harmed|lost|struck)",
    ],
}
# Content denials that accuse rather than dismiss ("trying to shift the blame", « rejeter la
# responsabilité »): the speaker's, less firmly (Probable).
DENY_CONTENT_SOFT = {
    "fr": [
        r"(?:rejeter|faire porter|reporter|rejette|rejettent|fait porter|faire endosser) "
        r"(?:la|sa|leur) (?:responsabilite|faute)|se dedouaner",
        # A counter-claim: what really happened, said against the claim.
        r"(?:qualifi\w*|decri\w*) (?:de |d'|comme )(?:une )?(?:tentative|pretexte|manoeuvre) "
        r"(?:de|d'|pour)",
        r"rien de (?:grave|secret|inhabituel|special|extraordinaire|suspect)",
        r"(?:est|sont|etait|etaient|comme|de) (?:\W\s?)?(?:un |une |des )?"
        r"(?:travail|pratique|activite|cooperation|vols?) (?:tout a fait )?"
        r"(?:normale?s?|habituel\w*|de routine|routinier\w*)",
        r"(?:pas de quoi|aucune raison de) s'inquieter",
        r"fonctionn\w* (?:normalement|comme d'habitude)",
        r"(?:est|sont|etait) \W{0,2}(?:negligeable|insignifiant)\w*",
        r"(?:legerement|superficiellement) \W{0,2}(?:endommage|touche|blesse)\w*",
        r"(?:n'a|n'ont|n'avait|n'avaient) jamais accepte\w*",
        r"degats (?:mineurs|limites)",
        r"(?:exclusivement|uniquement) (?:par|de|des) (?:militaires|soldats|personnels?) russes",
        r"en realite|contrairement (?:a ce qu|aux (?:affirmations|allegations|accusations|"
        r"informations|declarations))",
    ],
    "en": [
        r"shift(?:s|ed|ing)? (?:the )?(?:blame|responsibility)|blame-shifting",
        r"deflect(?:s|ed|ing)? (?:the )?(?:blame|responsibility|attention)",
        r"(?:called|calling|calls|described as|describing it as) (?:it |them |this |that )?"
        r"(?:an attempt|a bid|an effort|a ploy|a pretext) to",
        # Playing it down in the speaker's words: nothing serious, routine, no cause for concern.
        r"nothing (?:serious|secret|unusual|special|extraordinary|sinister|untoward|suspicious)",
        # Called routine ("was \"routine\"", "as normal, routine work"), not "doing routine work"
        # nor "that is normal".
        r"(?:is|was|are|were|as|be) \W?(?:normal, |quite |perfectly |entirely )?"
        r"(?:normal|routine|ordinary)(?:[,.]?[\"\u201d\u00bb]"
        r"| (?:work|practice|activit\w+|cooperation|"
        r"contacts?|flights?|exercises?|drills?|training|patrols?)(?![\w-]))",
        r"(?:should|need) not (?:worry|concern|alarm) anyone",
        r"no cause for (?:concern|alarm)|nothing to worry about",
        r"(?:manned|staffed|crewed|operated) (?:exclusively|solely|only) by",
        r"(?:operating|functioning|working|running) (?:normally|as usual|as normal)",
        r"(?:was|were|is|are) \W?(?:insignificant|negligible|minimal)",
        r"(?:slightly|lightly|superficially) \W?(?:damaged|injured|hit)|minor damage",
        r"in (?:fact|reality)|contrary to (?:the |its |their )?(?:claims?|allegations?|"
        r"accusations?|reports?|assertions?)",
    ],
}
NEUTRAL = {
    "fr": [
        r"refus\w* (?:a|de) (?:tout |toute )?(?:comment\w*|reagir|repondre|confirmer|s'exprimer)",
        r"(?:n'a|n'ont|ne \w+) pas (?:souhaite|voulu) (?:commenter|reagir|s'exprimer|confirmer)",
        r"(?:aucun|pas de|sans) commentaire|sans (?:confirmer|commenter|dementir)",
        r"ni confirm\w* ni dement\w*|elud\w*|esquiv\w*|pas a l'ordre du jour",
        r"(?:en train de|en cours de) verifi\w*|verifie encore",
        r"(?:ne s'est|ne se sont|ne s'etait) pas (?:encore )?exprime\w*|botte\w* en touche",
        r"(?:garde|gardent|gardait|observe|observent) le silence",
        r"rest\w* (?:muet|muets|silencieu\w*)|trop tot pour (?:dire|se prononcer|conclure)",
        r"(?:ne dispos\w*|n'a|n'avait|n'ont) (?:d'aucune |aucune |pas d'|pas de )informations?",
        r"rien a (?:vous |te |nous )?(?:ajouter|dire|declarer|signaler)",
        r"refus\w* de (?:se prononcer|preciser|donner|"
        r"commenter|confirmer|repondre|s'exprimer|reagir|dire|"
        r"faire (?:le moindre|aucun) comment\w*)",
        r"(?:n'a|n'ont|ne \w+) pas (?:souhaite|voulu) (?:dire|preciser|indiquer|detailler)",
        r"ne (?:commente|commenter)\w* pas|ne fer\w* aucun commentaire",
        r"indignes? d'(?:un )?comment\w*",
        r"(?:se|s'est|se sont|s'etait|s'etaient) (?:born\w* a|content\w* (?:de |d'))"
        r"(?:dire|indiquer|rappeler|repeter|declarer|affirmer|souligner)",
        r"renvoy\w* (?:(?:toutes |tout |les |toutes les )?(?:questions|journalistes) )?"
        r"(?:vers|a|au|aux)(?![\w-])",
        r"(?:n'a|n'ont|n'avait|ne \w+) pas (?:encore )?"
        r"(?:repondu|donne suite|pu (?:confirmer|verifier))",
        r"(?:n'a|n'ont) pas (?:ete )?(?:joignable|disponible)s?|se (?:sont |est )?refus\w* a tout",
        r"(?:n'a|n'ont|n'avait|n'avaient) pas (?:encore |immediatement |officiellement )?"
        r"(?:reagi|commente|repondu|confirme|donne suite)",
        r"(?:pas|jamais) (?:ete )?en mesure de (?:confirmer|verifier|dire|preciser)",
        # Saying nothing of it: silence, not a denial.
        r"aucune (?:mention|reference)|sans (?:faire )?(?:mention|reference)|"
        r"(?:ne fait|ne faisait|n'a fait) (?:aucune |pas )?(?:mention|etat|reference)",
        r"sans (?:se prononcer|en dire (?:plus|davantage)|donner de details)",
        r"(?:a |d')en dire (?:plus|davantage)|ne comment\w* (?:\W*)jamais",
        r"relev\w* (?:« )?de la competence d(?:e|u|es)?",
        r"(?:examiner|examine|examinent|examinait|etudier|etudie) "
        r"(?:\W*)(?:de pres|attentivement|avec attention)",
        r"(?:ne pas|pas) (?:vouloir |souhaiter )?(?:speculer|anticiper|devancer)",
        r"(?:n'a|n'ont|n'avait|n'avaient) pas connaissance|n'(?:est|etait) pas au courant",
        r"(?:pas|hors) du ressort d(?:e|u|es)?",
        r"ne comment\w* pas|prefer\w* ne pas (?:commenter|s'exprimer|repondre|s'etendre)",
        r"(?:ne pas|sans) s'etendre|le soin de (?:commenter|repondre|s'exprimer)",
        r"(?:a|avait|ont|avaient) (?:\W*)deja tout dit|(?:n'a|n'ont) pas voulu avancer",
        r"(?:ne releve|ne relevait) pas de (?:sa|leur) competence",
        r"(?:entrer|rentrer) dans (?:les |le )?details?",
        r"(?:n'a|n'avait|n'ont|ne pas avoir) (?:pas )?(?:encore )?(?:vu|lu) "
        r"(?:le|la|les|ce|cet|cette|ces) (?:rapport|informations?|images|article|video)",
        r"(?:une question|un sujet) (?:pour|a poser a) (?:le kremlin|les militaires|l'armee|"
        r"le ministere|les services|la defense)",
        r"(?:ne souhaite|ne souhaitait|ne voudrait|ne veut) pas (?:commenter|s'exprimer|speculer)",
        r"(?:a|ont|avait|avons) pris note|prend(?:s|ent)? note|prenons note|nous ne savons pas",
        r"(?:n'a|n'ont|n'avait|n'avaient) jamais (?:commente|reagi|repondu)",
        r"(?:suit|suivent|suivait|suivaient|surveille|surveillent|surveillait) (?:\W*)"
        r"(?:la situation )?(?:de pres|attentivement|avec attention)",
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
        r"too early to (?:say|tell|comment|confirm|draw|conclude|speculate|talk|discuss)",
        r"(?:would|did|does|do)(?: not|n't) (?:like|want|wish) to "
        r"(?:comment|say|discuss|speculate)",
        r"(?:had|has|have)(?: not|n't) (?:yet )?(?:seen|read) the (?:report|reports|footage|video|"
        r"statement|article|claims?)",
        r"(?:not )?a (?:topic|question|matter) for (?:the )?(?:kremlin|intelligence|military|army|"
        r"defen[cs]e|ministry|services)",
        r"(?:would|will)(?: not|n't) go into (?:\w+ )?details?",
        # "Nor would he comment": the cue after its pronoun, which finds who "he" is.
        *(
            rf"(?<=nor would {pronoun} )(?:comment|say|confirm|discuss|elaborate)"
            for pronoun in ("he", "she", "it", "they")
        ),
        r"left (?:the |these |those |its |his |her )?(?:\w+ )?(?:report|reports|claims?|question|"
        r"questions|allegations?|accusations?) unanswered",
        r"(?:had|has|have) \W?no (?:information|details|knowledge)\W? (?:on|about|of)",
        r"(?:had|has|have) no (?:information|details|knowledge) (?:on|about|of)",
        r"unable to (?:independently )?verify",
        r"(?:still|was|is|were|are) (?:verifying|checking|looking into)",
        r"(?:would|could|did|does|will)(?: not|n't) (?:elaborate|disclose|specify|detail|discuss)",
        r"(?:had|has|have)(?: not|n't) been able to (?:verify|confirm|say)",
        r"(?:did|does|would)(?: not|n't) (?:directly )?address (?:the|these|those|this|that|it)",
        r"(?:told|asked|urged) (?:reporters|journalists) to (?:address|direct|ask|put|send)",
        r"(?:will|would)(?: not|n't) (?:run|get) ahead of|(?:would|will)(?: not|n't) speculate",
        r"declin\w* to be drawn|(?:gave|give|offered) no details",
        r"(?:made|makes|make) no (?:mention|reference)|no mention of",
        r"(?:is|was|are|were)(?: not|n't) aware|(?:is|was|are|were) unaware",
        r"not in a position to (?:assess|disclose|comment|confirm|say|discuss|verify|speak|talk)",
        r"(?:had |has |have )?(?:taken|takes|take|taking) note|(?:we|i) (?:do not|don't|did not|"
        r"didn't) know",
        r"(?:has|have|had) never (?:publicly )?(?:commented|confirmed|responded)",
        r"(?:did|does|would)(?: not|n't) (?:identify|name) (?:him|her|them|the)",
        r"(?:is|was) (?:a matter|a question) for (?:the )?"
        r"(?:government|ministry|military|defen[cs]e|fsb|courts?|investigators|prosecutors|"
        r"security services|special services)",
        r"(?:had|has|have) no (?:information|details|comment) to (?:share|give|provide|offer)",
        r"(?:did|does|would)(?: not|n't) (?:immediately |publicly )?comment",
        r"(?:remains|remained) unchanged|reviewing all options|under (?:consideration|review) by",
        r"without (?:confirming|commenting|denying)(?![\w-])",
        r"(?:closely|carefully) \W?(?:watching|monitoring|following|checking|studying|examining)",
        r"monitoring the situation",
        r"keeping a close (?:eye|watch)",
    ],
}
# Denials carried by a negated claim rather than by a word of denial ("nous n'avons rien à
# cacher", "never received"): the speaker denies, less firmly (Probable).
DENY_SOFT = {
    "fr": [
        r"rien a cacher|jamais re[cç]u\w*",
        r"(?:n'est|n'etait|n'etaient|ne sont) (?:dirigee?s? )?contre aucun\w*",
        r"n'y a (?:jamais )?eu (?:le moindre|aucun\w*)",
        r"il n'y a (?:\W{1,2})?(?:pas|jamais|aucun\w*)",
        r"pretendu\w*|soi-disant",
        r"pas (?:un seul|le moindre) (?:fait|element|indice|debut de preuve)",
        r"en rien (?:affecte|touche|endommage|perturbe)\w*|nullement (?:affecte|touche)\w*",
        # Playing an event down: only debris, only military targets.
        r"(?:seuls|seulement|uniquement|simples) (?:des )?\W{0,2}debris",
        r"(?:simples|quelques) \W{0,2}debris",
        # Only answering: « nos hommes n'ont fait que répondre à une agression ».
        r"(?:n'a|n'ont|n'avait|n'avaient|n'avons|n'ai) fait que (?:repondre|riposter|se defendre)",
        # Not « a minimisé le démenti »: playing down a denial keeps the claim.
        r"(?:minimis(?:e|ent|ait|aient|ant|er|ee|es|ees)|relativis(?:e|ent|ait|aient|ant|er))"
        r"(?! (?:le|les|ce|ces|son|leur) dementis?)",
        r"(?:tout autre|autre) version|version (?:tres |radicalement |bien |toute )?differente",
        r"(?:exclusivement|uniquement|seulement|que) (?:des )?(?:installations|cibles|objectifs|"
        r"sites) militaires|bruit informationnel|guerre de l'information",
        r"aucun (?:fait|element|indice) (?:concret |tangible |probant )?(?:n'a|n'ont|ne )",
        r"(?:n'a|n'ont|n'avait|n'avaient|n'avons|n'avoir) (?:\w+ )?(?:enregistre|constate|detecte"
        r"|releve|observe|trouve) (?:aucun\w*|le moindre|la moindre)",
    ],
    "en": [
        r"nothing to hide|never received",
        r"(?:are|is|was|were) not (?:supported|backed) by|not directed against",
        r"(?:there|it) (?:is|was|has been) (?:no(?! such)|never)(?! comment)|so-called",
        # Playing a claim down, or another account of it.
        r"(?:play(?:s|ed|ing)? (?:\w+ ){0,2}down|downplay(?:s|ed|ing)?)"
        r"(?! (?:the |its |their )?denials?)",
        r"(?:gave|give|gives|giving|offered|offers|offering|presented|provided) (?:a |an )?"
        r"(?:very |quite |starkly |sharply |radically |completely |strikingly )?"
        r"(?:different|contrasting|conflicting|opposite) (?:account|version|picture|story)",
        r"counter-(?:account|narrative|version)",
        r"(?:targeted|targets|target|struck|strikes|strike|hit|hits|fired|attacked) only",
        r"(?:nobody|no one|nothing) else|and nothing more",
        r"(?:has|have|had) (?:\w+ )?never (?:accepted|recognised|recognized)",
        r"(?:only|merely|simply) (?:responded|returned fire|retaliated|defended)",
        r"(?:has|have|had)(?: not|n't) (?:\w+ )?(?:presented|provided|shown|produced|offered) "
        r"(?:a single|any) (?:piece of )?(?:evidence|proof|fact)",
        r"not (?:a single|one|the slightest) (?:fact|shred|piece of evidence|proof)",
        r"only (?:debris|fragments|minor damage|military (?:targets|facilities|infrastructure)|"
        r"legitimate (?:military )?targets)|information noise|information war\w*",
        r"no (?:facts?|evidence|proof) (?:has|have|had) (?:ever )?been "
        r"(?:presented|provided|shown)",
        r"(?:had|has|have) (?:\w+ )?(?:recorded|registered|detected|observed|found|seen) "
        r"no(?! comment)",
    ],
}
# Declining to comment whose agent follows: "no immediate comment from Moscow".
NEUTRAL_AFTER = {
    "fr": [
        r"pas de (?:reaction|commentaire|reponse)s? (?:immediate?s? )?(?:de la part |du cote )?"
        r"(?:de|du|des|d')"
    ],
    "en": [r"no (?:immediate )?(?:comment|reaction|response) (?:from|by)"],
}
# Denials only a quotation carries: "« … has never struck … »", "a staged provocation", and
# "nothing of the kind" in the speaker's own words ("There are no North Korean servicemen",
# « aucun enfant n'a été retenu »); reported, "there were no casualties" is a claim.
DENY_QUOTED = {
    "fr": [
        r"(?:n'a|n'ont|n'avons|ne \w+) jamais|mise en scene|pas (?:un seul|une seule)",
        # "We do not strike civilians", not a promise ("nous ne resterons pas…")
        r"nous ne (?!commentons|savons|pouvons|confirmons|\w+rons )\w+ (?:pas|aucun\w*)",
        r"aucun\w* (?!comment|reaction|reponse|detail|information|precision)[\w-]+"
        r"(?: [\w-]+){0,2} (?:n'a|n'ont|n'est|ne sont|n'avait|n'avaient|n'etait|n'etaient)",
    ],
    "en": [
        r"(?:has|have|had|will) \W?never (?!confirm|acknowledg|comment)\w+|staged|not a single",
        r"(?:we|i) (?:did|do)(?: not|n't) (?!comment|say|know|confirm|see|hear|want|wish)\w+",
        r"there (?:are|were|have been) no(?! comment)",
        r"there (?:is|was|are|were) not,? (?:and (?:never|has never been|have never been) "
        r"(?:was|were)?,? )?any",
        r"(?<![\w,] )no (?!comment|reaction|response|details?|information)[\w-]+"
        r"(?: [\w-]+){0,2} (?:has|have|had|was|were) (?:ever )?(?:been )?\w+",
    ],
}
CONFIRM = {
    "fr": [
        _fr1("confirm"),
        r"reconna(?:it|issent|issait|issant)|reconnue?s?|(?:a|ont) admis",
        r"ne laisse\w* aucun doute|il n'y a aucun doute",
        r"preuves? (?:claires?|irrefutables?|formelles?|incontestables?)",
    ],
    "en": [
        r"confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted)",
        r"leaves? no doubt|there is no doubt",
        r"(?:clear|irrefutable|conclusive|incontrovertible) (?:\W*)?(?:evidence|proof)",
    ],
}
# A speaker who is not named: what they say, asserted or denied, is hedged (Possible).
ANONYMITY = {
    "fr": [
        r"sources anonymes|sous (?:le )?couvert (?:de l'|d')anonymat|(?:requis|demande) l'anonymat",
        r"(?:une|des) sources? (?:au sein|proches?) d(?:e|u|es)?",
    ],
    "en": [
        r"(?:unnamed|anonymous) (?:\w+ )?(?:officials?|sources?)|speaking anonymously",
        r"on (?:the )?condition of anonymity|asked not to be (?:identified|named)",
        r"(?:familiar with|briefed on) the (?:matter|deliberations|discussions|talks|plans?)",
        r"an? (?:\w+ )?source (?:in|at|within|close to)",
    ],
}
# Hedges lower the confidence of an assertion.
HEDGES = {
    "fr": [
        # The journalistic conditional: aurait, seraient, pourrait, s'ajouteraient...
        r"\w+(?:rait|raient)",
        r"probablement|vraisemblablement|selon toute vraisemblance|peut-etre|sans doute",
        r"apparemment|sembl(?:e|ent|ait|aient)|supposee?s?|presumee?s?|presumement",
        r"possiblement|eventuel(?:le)?s?|non (?:confirm|verifi)\w*|il est possible",
        r"laiss(?:e|ent|ait|aient|ant|er) entendre",
        r"(?:est|sont|etait|etaient|serait|seraient) soupconnee?s? d(?:e|u|es)?",
        *ANONYMITY["fr"],
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
        *ANONYMITY["en"],
    ],
}
# Words ending in -rait that are not conditionals.
NOT_CONDITIONAL = frozenset(
    "trait retrait portrait extrait attrait abstrait distrait soustrait parait apparait "
    "disparait reparait strait".split()
)
