<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Sourcetrack</source>
        <translation>À propos de Sourcetrack</translation>
    </message>
    <message>
        <source>Tag who claims what in the news, and compare the sources side by side.</source>
        <translation>Étiquetez qui affirme quoi dans la presse, et comparez les sources côte à côte.</translation>
    </message>
    <message>
        <source>Free software under the {licence} licence.</source>
        <translation>Logiciel libre sous licence {licence}.</translation>
    </message>
    <message>
        <source>Sourcetrack runs on these libraries:</source>
        <translation>Sourcetrack s’appuie sur ces bibliothèques&#xa0;:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>AgreementModels</name>
    <message>
        <source>∅ no source</source>
        <translation>∅ sans source</translation>
    </message>
    <message>
        <source>α (nominal)</source>
        <translation>α (nominal)</translation>
    </message>
    <message>
        <source>α (ordinal)</source>
        <translation>α (ordinal)</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>κ de Cohen</translation>
    </message>
    <message>
        <source>% agreement</source>
        <translation>% d’accord</translation>
    </message>
    <message>
        <source>presence</source>
        <translation>présence</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>position</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>certitude</translation>
    </message>
    <message>
        <source>Axis</source>
        <translation>Axe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>Intervalle à 95&#xa0;%</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>all sources</source>
        <translation>toutes les sources</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Énoncé</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consensus</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Whole selection</source>
        <translation>Toute la sélection</translation>
    </message>
    <message>
        <source>Per article</source>
        <translation>Par article</translation>
    </message>
    <message>
        <source>&amp;Figures:</source>
        <translation>&amp;Chiffres&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Open in Annotate</source>
        <translation>&amp;Ouvrir dans Annoter</translation>
    </message>
    <message>
        <source>&amp;Write the consensus…</source>
        <translation>Rédiger le &amp;consensus…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Agreement needs two or more annotators; the only one here is “{name}”.</source>
        <translation>L’accord demande au moins deux annotateurs&#xa0;; le seul ici est «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>Agreement needs two or more annotators, and no one has tagged yet.</source>
        <translation>L’accord demande au moins deux annotateurs, et personne n’a encore étiqueté.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln coder(s)</source>
        <translation>
            <numerusform>%Ln codeur</numerusform>
            <numerusform>%Ln codeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s) judged by two or more of the {coders}</source>
        <translation>
            <numerusform>%Ln énoncé jugé par au moins deux des {coders}</numerusform>
            <numerusform>%Ln énoncés jugés par au moins deux des {coders}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Disagreements&lt;/b&gt;: %Ln statement(s) the coders read differently</source>
        <translation>
            <numerusform>&lt;b&gt;Désaccords&lt;/b&gt;&#xa0;: %Ln énoncé lu différemment par les codeurs</numerusform>
            <numerusform>&lt;b&gt;Désaccords&lt;/b&gt;&#xa0;: %Ln énoncés lus différemment par les codeurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Coders: all ({count})</source>
        <translation>Codeurs&#xa0;: tous ({count})</translation>
    </message>
    <message>
        <source>Coders: {names}</source>
        <translation>Codeurs&#xa0;: {names}</translation>
    </message>
    <message>
        <source>Take {name}&apos;s</source>
        <translation>Retenir celle de {name}</translation>
    </message>
    <message>
        <source>The consensus of this statement becomes {name}&apos;s reading</source>
        <translation>Le consensus de cet énoncé devient la lecture de {name}</translation>
    </message>
    <message>
        <source>take {name}&apos;s reading of statement {position} of “{title}”</source>
        <translation>retenir la lecture de {name} pour l’énoncé {position} de «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>write the consensus of statement {position} of “{title}”</source>
        <translation>rédiger le consensus de l’énoncé {position} de «&#xa0;{title}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>AnnotatePresenter</name>
    <message>
        <source>Toggle a source first (1–9), then set its stance or confidence.</source>
        <translation>Posez d’abord une source (1–9), puis réglez sa position ou sa certitude.</translation>
    </message>
    <message>
        <source>{name} is not tagged on this statement: {key} tags it first.</source>
        <translation>{name} ne figure pas parmi les étiquettes de cet énoncé&#xa0;: appuyez d’abord sur {key}.</translation>
    </message>
    <message>
        <source>stance asserts</source>
        <translation>position «&#xa0;affirme&#xa0;»</translation>
    </message>
    <message>
        <source>stance denies</source>
        <translation>position «&#xa0;dément&#xa0;»</translation>
    </message>
    <message>
        <source>stance neutral</source>
        <translation>position «&#xa0;neutre&#xa0;»</translation>
    </message>
    <message>
        <source>This statement carries your tags: remove them (their digits) before marking it no source.</source>
        <translation>Cet énoncé porte vos étiquettes&#xa0;: retirez-les (avec leurs chiffres) avant de le marquer sans source.</translation>
    </message>
    <message>
        <source>{position} of {total}</source>
        <translation>{position} sur {total}</translation>
    </message>
    <message>
        <source>untag {name}</source>
        <translation>retirer l’étiquette {name}</translation>
    </message>
    <message>
        <source>tag {name}</source>
        <translation>étiqueter {name}</translation>
    </message>
    <message>
        <source>confidence {label}</source>
        <translation>certitude {label}</translation>
    </message>
    <message>
        <source>edit note</source>
        <translation>modifier la note</translation>
    </message>
    <message>
        <source>accept suggestion {source}</source>
        <translation>accepter la suggestion {source}</translation>
    </message>
</context>
<context>
    <name>AnnotateView</name>
    <message>
        <source>Make statement (Ins)</source>
        <translation>Créer un énoncé (Inser)</translation>
    </message>
    <message>
        <source>Split (S)</source>
        <translation>Scinder (S)</translation>
    </message>
    <message>
        <source>Merge with next (M)</source>
        <translation>Fusionner avec le suivant (M)</translation>
    </message>
    <message>
        <source>Delete (Ctrl+Del)</source>
        <translation>Supprimer (Ctrl+Suppr)</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Choose an article on the left.</source>
        <translation>Choisissez un article à gauche.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Statement {position}&lt;/b&gt; — ∅ no source (0 clears)</source>
        <translation>&lt;b&gt;Énoncé {position}&lt;/b&gt; — ∅ sans source (0 efface)</translation>
    </message>
</context>
<context>
    <name>AnnotatorChoice</name>
    <message>
        <source>Who is tagging: click to tag under another name</source>
        <translation>Qui étiquette&#xa0;: cliquez pour étiqueter sous un autre nom</translation>
    </message>
    <message>
        <source>Annotator: {0}</source>
        <translation>Annotateur&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>AnnotatorDialog</name>
    <message>
        <source>Who is tagging?</source>
        <translation>Qui étiquette&#xa0;?</translation>
    </message>
    <message>
        <source>Your tags, marks and reviews in this project are saved under this name, and each coder&apos;s are kept apart. It is remembered for this project.</source>
        <translation>Vos étiquettes, marques et relectures dans ce projet sont enregistrées sous ce nom, et celles de chaque codeur restent séparées. Ce nom est retenu pour ce projet.</translation>
    </message>
    <message>
        <source>Tag under another name from now on. Tags already made keep their annotator.</source>
        <translation>Étiqueter désormais sous un autre nom. Les étiquettes déjà posées gardent leur annotateur.</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>&amp;Annotateur&#xa0;:</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
    <message>
        <source>“{0}” is reserved for the adjudicated tags; use your own name.</source>
        <translation>«&#xa0;{0}&#xa0;» est réservé aux étiquettes arbitrées&#xa0;; utilisez votre propre nom.</translation>
    </message>
</context>
<context>
    <name>ArticleActionWords</name>
    <message>
        <source>Open an article in Annotate first.</source>
        <translation>Ouvrez d’abord un article dans Annoter.</translation>
    </message>
    <message>
        <source>This article offers no suggestion to accept.</source>
        <translation>Cet article n’a aucune suggestion à accepter.</translation>
    </message>
    <message>
        <source>Delete article</source>
        <translation>Supprimer l’article</translation>
    </message>
    <message numerus="yes">
        <source>Delete “{title}” with its %Ln statement(s), their tags, claim links and marks?

Edit ▸ Undo (Ctrl+Z) puts it back.</source>
        <translation>
            <numerusform>Supprimer «&#xa0;{title}&#xa0;» avec %Ln énoncé, ses étiquettes, ses liens d’allégation et ses marques&#xa0;?

Édition ▸ Annuler (Ctrl+Z) le rétablit.</numerusform>
            <numerusform>Supprimer «&#xa0;{title}&#xa0;» avec ses %Ln énoncés, leurs étiquettes, leurs liens d’allégation et leurs marques&#xa0;?

Édition ▸ Annuler (Ctrl+Z) le rétablit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>accept %Ln suggestion(s)</source>
        <translation>
            <numerusform>accepter %Ln suggestion</numerusform>
            <numerusform>accepter %Ln suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted {done} of %Ln suggestion(s).</source>
        <translation>
            <numerusform>Suggestions acceptées&#xa0;: {done} sur %Ln.</numerusform>
            <numerusform>Suggestions acceptées&#xa0;: {done} sur %Ln.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted “{title}”; Ctrl+Z puts it back.</source>
        <translation>«&#xa0;{title}&#xa0;» supprimé&#xa0;; Ctrl+Z le rétablit.</translation>
    </message>
</context>
<context>
    <name>ArticleDetailsDialog</name>
    <message>
        <source>Details of “{title}”</source>
        <translation>Détails de «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Outlet</source>
        <translation>&amp;Média</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>Aut&amp;eur</translation>
    </message>
    <message>
        <source>&amp;Published</source>
        <translation>&amp;Publié le</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>Adresse (&amp;URL)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The text and its statements stay as imported; the language guides suggestions.</source>
        <translation>Le texte et ses énoncés restent tels qu’importés&#xa0;; la langue oriente les suggestions.</translation>
    </message>
</context>
<context>
    <name>ArticleHeader</name>
    <message>
        <source>This project has no articles yet: File ▸ Import files… (Ctrl+I) or Import a folder… brings some in, or paste one with Ctrl+Shift+V.</source>
        <translation>Ce projet n’a pas encore d’articles&#xa0;: Fichier ▸ Importer des fichiers… (Ctrl+I) ou Importer un dossier… en apporte, ou collez-en un avec Ctrl+Maj+V.</translation>
    </message>
    <message>
        <source>Choose an article in the list on the left to read and tag it.</source>
        <translation>Choisissez un article dans la liste de gauche pour le lire et l’étiqueter.</translation>
    </message>
    <message>
        <source>No article matches the filter over the list: clear it to see them all.</source>
        <translation>Aucun article ne correspond au filtre au-dessus de la liste&#xa0;: effacez-le pour tous les voir.</translation>
    </message>
    <message>
        <source>outlet not set</source>
        <translation>média non renseigné</translation>
    </message>
    <message>
        <source>date not set</source>
        <translation>date non renseignée</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>Filter articles</source>
        <translation>Filtrer les articles</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
</context>
<context>
    <name>ArticlePicker</name>
    <message>
        <source>Articles to compare</source>
        <translation>Articles à comparer</translation>
    </message>
    <message>
        <source>Filter titles</source>
        <translation>Filtrer les titres</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>Étiquetés</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Nothing tagged yet</source>
        <translation>Rien n’est encore étiqueté</translation>
    </message>
    <message>
        <source>Statements per source</source>
        <translation>Énoncés par source</translation>
    </message>
    <message>
        <source>tagged statements</source>
        <translation>énoncés étiquetés</translation>
    </message>
    <message>
        <source>Stance per source</source>
        <translation>Position par source</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseignée</translation>
    </message>
    <message>
        <source>Confidence per source</source>
        <translation>Certitude par source</translation>
    </message>
    <message>
        <source>Statements per source over time</source>
        <translation>Énoncés par source au fil du temps</translation>
    </message>
    <message>
        <source>month of publication</source>
        <translation>mois de publication</translation>
    </message>
    <message>
        <source>Timeline: {claim}</source>
        <translation>Chronologie&#xa0;: {claim}</translation>
    </message>
    <message>
        <source>{level} (another scale)</source>
        <translation>{level} (autre échelle)</translation>
    </message>
    <message>
        <source>{source} first {stance}</source>
        <translation>{source} {stance} pour la première fois</translation>
    </message>
    <message>
        <source>publication date  (▲ asserts, ▼ denies, ● neutral)</source>
        <translation>date de publication  (▲ affirme, ▼ dément, ● neutre)</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <source>Statements per source</source>
        <translation>Énoncés par source</translation>
    </message>
    <message>
        <source>Stance per source</source>
        <translation>Position par source</translation>
    </message>
    <message>
        <source>Confidence per source</source>
        <translation>Certitude par source</translation>
    </message>
    <message>
        <source>Statements per source over time</source>
        <translation>Énoncés par source au fil du temps</translation>
    </message>
    <message>
        <source>Timeline of a claim</source>
        <translation>Chronologie d’une allégation</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>Image PNG…</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>Dessin SVG…</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Allégation</translation>
    </message>
    <message>
        <source>&amp;Tags of</source>
        <translation>É&amp;tiquettes de</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>graphique</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>Non exporté&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>{file} exporté</translation>
    </message>
</context>
<context>
    <name>ClaimBox</name>
    <message>
        <source>Type a claim: ↓ chooses a completion, Enter links</source>
        <translation>Une allégation (↓ complétions, Entrée la lie)</translation>
    </message>
</context>
<context>
    <name>ClaimChoice</name>
    <message>
        <source>{count} claims match: choose one with ↓ and Enter, or press Esc and then Enter to make “{typed}” a new claim.</source>
        <translation>{count} allégations correspondent&#xa0;: choisissez-en une avec ↓ et Entrée, ou appuyez sur Échap puis Entrée pour faire de «&#xa0;{typed}&#xa0;» une nouvelle allégation.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>unknown stance &apos;{name}&apos;</source>
        <translation>position inconnue&#xa0;: «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>this tag was removed already</source>
        <translation>cette étiquette a déjà été retirée</translation>
    </message>
    <message>
        <source>link claim “{label}”</source>
        <translation>lier l’allégation «&#xa0;{label}&#xa0;»</translation>
    </message>
    <message>
        <source>unlink claim</source>
        <translation>délier l’allégation</translation>
    </message>
    <message>
        <source>nothing to change: the link is as asked already</source>
        <translation>rien à changer&#xa0;: le lien est déjà tel que demandé</translation>
    </message>
    <message>
        <source>rename source {old} to {new}</source>
        <translation>renommer la source {old} en {new}</translation>
    </message>
    <message>
        <source>use the confidence scale {name}</source>
        <translation>utiliser l’échelle de certitude {name}</translation>
    </message>
    <message>
        <source>dismiss suggestion {source}</source>
        <translation>écarter la suggestion {source}</translation>
    </message>
    <message>
        <source>an article has no detail called {names}</source>
        <translation>un article n’a pas de détail nommé {names}</translation>
    </message>
    <message>
        <source>the detail {name} is a text, not {value}</source>
        <translation>le détail {name} est un texte, pas {value}</translation>
    </message>
    <message>
        <source>the publication date is a date, not {value}</source>
        <translation>la date de publication est une date, pas {value}</translation>
    </message>
    <message>
        <source>edit the details of “{title}”</source>
        <translation>modifier les détails de «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>clear no source</source>
        <translation>retirer «&#xa0;sans source&#xa0;»</translation>
    </message>
    <message>
        <source>mark no source</source>
        <translation>marquer «&#xa0;sans source&#xa0;»</translation>
    </message>
    <message>
        <source>this statement is not marked no source</source>
        <translation>cet énoncé n’est pas marqué «&#xa0;sans source&#xa0;»</translation>
    </message>
    <message>
        <source>this statement is marked no source already</source>
        <translation>cet énoncé est déjà marqué «&#xa0;sans source&#xa0;»</translation>
    </message>
    <message>
        <source>mark reviewed</source>
        <translation>marquer relu</translation>
    </message>
    <message>
        <source>mark not reviewed</source>
        <translation>marquer non relu</translation>
    </message>
    <message>
        <source>this article is reviewed already</source>
        <translation>cet article est déjà relu</translation>
    </message>
    <message>
        <source>this article is not marked reviewed</source>
        <translation>cet article n’est pas marqué relu</translation>
    </message>
    <message>
        <source>delete article “{title}”</source>
        <translation>supprimer l’article «&#xa0;{title}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Claim</source>
        <translation>Allégation</translation>
    </message>
    <message>
        <source>Number of sources</source>
        <translation>Nombre de sources</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>Première date</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Contested claims only</source>
        <translation>Allégations contestées seulement</translation>
    </message>
    <message>
        <source>any</source>
        <translation>toute date</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>Décroissant</translation>
    </message>
    <message>
        <source>Articles: all</source>
        <translation>Articles&#xa0;: tous</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Never mentioned by</source>
        <translation>Jamais mentionnée par</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Trier par</translation>
    </message>
    <message>
        <source>&amp;Tags of</source>
        <translation>É&amp;tiquettes de</translation>
    </message>
    <message>
        <source>Sources (tick, drag to order)</source>
        <translation>Sources (cochez, glissez pour ordonner)</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>No claim matches these filters: widen them to see the matrix.</source>
        <translation>Aucune allégation ne correspond à ces filtres&#xa0;: élargissez-les pour voir la matrice.</translation>
    </message>
    <message>
        <source>No claims yet: in Annotate, link a tagged statement to the claim it makes (C opens the claim box) and each claim becomes a row here, a column per source.</source>
        <translation>Pas encore d’allégations&#xa0;: dans Annoter, liez un énoncé étiqueté à l’allégation qu’il porte (C ouvre le champ des allégations) et chaque allégation devient ici une ligne, avec une colonne par source.</translation>
    </message>
    <message numerus="yes">
        <source>{claims}, %Ln contested</source>
        <translation>
            <numerusform>{claims}, %Ln contestée</numerusform>
            <numerusform>{claims}, %Ln contestées</numerusform>
        </translation>
    </message>
    <message>
        <source>Articles: {count}</source>
        <translation>Articles&#xa0;: {count}</translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation>Exporter la matrice</translation>
    </message>
    <message>
        <source>matrix</source>
        <translation>matrice</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>Non exporté&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message>
        <source>Write the consensus</source>
        <translation>Rédiger le consensus</translation>
    </message>
    <message>
        <source>The consensus reading of this statement. Tick each source that makes the claim; none ticked means no source makes it.</source>
        <translation>La lecture consensuelle de cet énoncé. Cochez chaque source qui porte l’allégation&#xa0;; si aucune n’est cochée, aucune source ne la porte.</translation>
    </message>
    <message>
        <source>(no level)</source>
        <translation>(aucun niveau)</translation>
    </message>
</context>
<context>
    <name>CountPhrases</name>
    <message numerus="yes">
        <source>%Ln article(s) added</source>
        <translation>
            <numerusform>%Ln article ajouté</numerusform>
            <numerusform>%Ln articles ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already there</source>
        <comment>articles</comment>
        <translation>
            <numerusform>%Ln déjà présent</numerusform>
            <numerusform>%Ln déjà présents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag(s) added</source>
        <translation>
            <numerusform>%Ln étiquette ajoutée</numerusform>
            <numerusform>%Ln étiquettes ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <comment>tags</comment>
        <translation>
            <numerusform>%Ln mise à jour</numerusform>
            <numerusform>%Ln mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <comment>tags</comment>
        <translation>
            <numerusform>%Ln inchangée</numerusform>
            <numerusform>%Ln inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept</source>
        <comment>tags</comment>
        <translation>
            <numerusform>%Ln conservée</numerusform>
            <numerusform>%Ln conservées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s) made</source>
        <translation>
            <numerusform>%Ln énoncé créé</numerusform>
            <numerusform>%Ln énoncés créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selection(s) moved</source>
        <translation>
            <numerusform>%Ln sélection déplacée</numerusform>
            <numerusform>%Ln sélections déplacées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln empty selection(s) left out</source>
        <translation>
            <numerusform>%Ln sélection vide écartée</numerusform>
            <numerusform>%Ln sélections vides écartées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s) not linked to a selection not imported</source>
        <translation>
            <numerusform>%Ln note liée à aucune sélection non importée</numerusform>
            <numerusform>%Ln notes liées à aucune sélection non importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s) not linked to a selection left out: a tag imported with its selection has the same note</source>
        <translation>
            <numerusform>%Ln note liée à aucune sélection écartée&#xa0;: une étiquette importée avec sa sélection porte la même note</numerusform>
            <numerusform>%Ln notes liées à aucune sélection écartées&#xa0;: des étiquettes importées avec leur sélection portent les mêmes notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%Ln tag(s)</source>
        <translation>
            <numerusform>%Ln étiquette</numerusform>
            <numerusform>%Ln étiquettes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim link(s)</source>
        <translation>
            <numerusform>%Ln lien d’allégation</numerusform>
            <numerusform>%Ln liens d’allégation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s)</source>
        <translation>
            <numerusform>%Ln énoncé</numerusform>
            <numerusform>%Ln énoncés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim(s)</source>
        <translation>
            <numerusform>%Ln allégation</numerusform>
            <numerusform>%Ln allégations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln suggestion(s)</source>
        <translation>
            <numerusform>%Ln suggestion</numerusform>
            <numerusform>%Ln suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln “no source” mark(s)</source>
        <translation>
            <numerusform>%Ln marque «&#xa0;sans source&#xa0;»</numerusform>
            <numerusform>%Ln marques «&#xa0;sans source&#xa0;»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln review(s)</source>
        <translation>
            <numerusform>%Ln relecture</numerusform>
            <numerusform>%Ln relectures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflit</numerusform>
            <numerusform>%Ln conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more conflict(s)</source>
        <translation>
            <numerusform>%Ln autre conflit</numerusform>
            <numerusform>%Ln autres conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{found} of %Ln article(s) found here</source>
        <translation>
            <numerusform>{found} sur %Ln article trouvé ici</numerusform>
            <numerusform>{found} sur %Ln articles trouvés ici</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Project busy</source>
        <translation>Projet occupé</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The project is busy: another program is writing to it. Nothing you have committed is lost.</source>
        <translation>Le projet est occupé&#xa0;: un autre programme y écrit. Rien de ce que vous avez enregistré n’est perdu.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Nothing you have committed is lost; Sourcetrack connects again at the next action.</source>
        <translation>La connexion au serveur a été perdue. Rien de ce que vous avez enregistré n’est perdu&#xa0;; Sourcetrack se reconnecte à la prochaine action.</translation>
    </message>
    <message>
        <source>The connection to the server was lost, so this edit was not made.</source>
        <translation>La connexion au serveur a été perdue&#xa0;: cette modification n’a pas été faite.</translation>
    </message>
    <message>
        <source>The connection to the server was lost while this edit was being saved: the server may have kept it or not. The views now show what the server holds; make the edit again if it is not there.</source>
        <translation>La connexion au serveur a été perdue pendant l’enregistrement de cette modification&#xa0;: le serveur l’a peut-être gardée, peut-être pas. Les vues montrent maintenant ce que contient le serveur&#xa0;; refaites la modification si elle n’y est pas.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. Your committed edits are safe.</source>
        <translation>Une erreur s’est produite&#xa0;: {error}. Vos modifications enregistrées sont en sécurité.</translation>
    </message>
    <message>
        <source>Retry once it has finished, or cancel this edit.</source>
        <translation>Réessayez quand il aura fini, ou annulez cette modification.</translation>
    </message>
    <message>
        <source>Retry once the server is back, or cancel it.</source>
        <translation>Réessayez quand le serveur sera de retour, ou annulez-la.</translation>
    </message>
    <message>
        <source>Something went wrong. Your committed edits are safe.</source>
        <translation>Une erreur s’est produite. Vos modifications enregistrées sont en sécurité.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Import tags from a Sourcetrack CSV</source>
        <translation>Importer des étiquettes depuis un CSV Sourcetrack</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <source>Excel CSV</source>
        <translation>CSV pour Excel</translation>
    </message>
    <message>
        <source>Matrix CSV</source>
        <translation>Matrice en CSV</translation>
    </message>
    <message>
        <source>Matrix CSV for Excel</source>
        <translation>Matrice en CSV pour Excel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>only “{title}”</source>
        <translation>seulement «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>only the open article</source>
        <translation>seulement l’article ouvert</translation>
    </message>
    <message>
        <source>&amp;Article:</source>
        <translation>&amp;Article&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;nnotator:</source>
        <translation>A&amp;nnotateur&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;tance:</source>
        <translation>Posi&amp;tion&#xa0;:</translation>
    </message>
    <message>
        <source>any outlet</source>
        <translation>tout média</translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation>&amp;Média&#xa0;:</translation>
    </message>
    <message>
        <source>published from</source>
        <translation>publié à partir du</translation>
    </message>
    <message>
        <source>published up to</source>
        <translation>publié jusqu’au</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(sans filtre)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Sourcetrack user guide</source>
        <translation>Guide d’utilisation de Sourcetrack</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>splitting {file} into statements: {percent}%</source>
        <translation>découpage de {file} en énoncés&#xa0;: {percent}&#xa0;%</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>doublon</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported</source>
        <translation>
            <numerusform>%Ln importé</numerusform>
            <numerusform>%Ln importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln doublon</numerusform>
            <numerusform>%Ln doublons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refusé</numerusform>
            <numerusform>%Ln refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln ignoré</numerusform>
            <numerusform>%Ln ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s)</source>
        <translation>
            <numerusform>%Ln énoncé</numerusform>
            <numerusform>%Ln énoncés</numerusform>
        </translation>
    </message>
    <message>
        <source>“{title}”: {statements}</source>
        <translation>«&#xa0;{title}&#xa0;»&#xa0;: {statements}</translation>
    </message>
    <message>
        <source>its text is in the project already</source>
        <translation>son texte est déjà dans le projet</translation>
    </message>
    <message>
        <source>Import finished: {counts}.</source>
        <translation>Importation terminée&#xa0;: {counts}.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Rapport d’importation</translation>
    </message>
</context>
<context>
    <name>ImportWorker</name>
    <message>
        <source>{outcome}: {file}</source>
        <translation>{outcome}&#xa0;: {file}</translation>
    </message>
    <message>
        <source>Import stopped: {error}</source>
        <translation>Importation interrompue&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>Judging</name>
    <message>
        <source>Open an article first.</source>
        <translation>Ouvrez d’abord un article.</translation>
    </message>
    <message>
        <source>“{title}” marked reviewed.</source>
        <translation>«&#xa0;{title}&#xa0;» marqué relu.</translation>
    </message>
    <message>
        <source>“{title}” no longer marked reviewed.</source>
        <translation>«&#xa0;{title}&#xa0;» n’est plus marqué relu.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
</context>
<context>
    <name>LayerChooser</name>
    <message>
        <source>Whose tags this view counts: one annotator&apos;s, where all coders agree, or the adjudicated consensus. Coders&apos; tags are never pooled.</source>
        <translation>Les étiquettes que cette vue compte&#xa0;: celles d’un annotateur, celles sur lesquelles tous les codeurs s’accordent, ou le consensus arbitré. Les étiquettes des codeurs ne sont jamais mises en commun.</translation>
    </message>
    <message>
        <source>Where all coders agree</source>
        <translation>Accord de tous les codeurs</translation>
    </message>
    <message>
        <source>My tags ({0})</source>
        <translation>Mes étiquettes ({0})</translation>
    </message>
    <message>
        <source>{0}&apos;s tags</source>
        <translation>Étiquettes de {0}</translation>
    </message>
    <message>
        <source>Consensus (adjudicated)</source>
        <translation>Consensus (arbitré)</translation>
    </message>
</context>
<context>
    <name>MainToolBar</name>
    <message>
        <source>Toolbar</source>
        <translation>Barre d’outils</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <source>Paste an article</source>
        <translation>Coller un article</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Article details</source>
        <translation>Détails de l’article</translation>
    </message>
    <message>
        <source>Mark the article reviewed</source>
        <translation>Marquer l’article relu</translation>
    </message>
    <message>
        <source>Sources and confidence scale</source>
        <translation>Sources et échelle de certitude</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d’utilisation</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{project} — Sourcetrack</source>
        <translation>{project} — Sourcetrack</translation>
    </message>
    <message>
        <source>Open an article in Annotate first.</source>
        <translation>Ouvrez d’abord un article dans Annoter.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys of the Annotate view, then of the whole window:</source>
        <translation>Touches de la vue Annoter, puis de toute la fenêtre&#xa0;:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Claim</source>
        <translation>Allégation</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>Contestée</translation>
    </message>
    <message>
        <source>contested</source>
        <translation>contestée</translation>
    </message>
    <message>
        <source>One source asserts this claim and another denies it.</source>
        <translation>Une source affirme cette allégation et une autre la dément.</translation>
    </message>
    <message numerus="yes">
        <source>{statements} in %Ln article(s)</source>
        <translation>
            <numerusform>{statements} dans %Ln article</numerusform>
            <numerusform>{statements} dans %Ln articles</numerusform>
        </translation>
    </message>
    <message>
        <source>{stance}; firmest confidence: {confidence}; {statements}</source>
        <translation>{stance}&#xa0;; certitude la plus ferme&#xa0;: {confidence}&#xa0;; {statements}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseignée</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>&apos;{label}&apos; (rank {rank} of &apos;{scale}&apos;)</source>
        <translation>«&#xa0;{label}&#xa0;» (rang {rank} de l’échelle «&#xa0;{scale}&#xa0;»)</translation>
    </message>
    <message>
        <source>the target has no confidence level {level}: this tag was not merged</source>
        <translation>la cible n’a pas de niveau de certitude {level}&#xa0;: cette étiquette n’a pas été fusionnée</translation>
    </message>
    <message>
        <source>{annotator}&apos;s {source} tag differs: the target says {target}, the copy {copy}; the target&apos;s is kept</source>
        <translation>l’étiquette {source} de {annotator} diffère (cible&#xa0;: {target}&#xa0;; copie&#xa0;: {copy})&#xa0;; celle de la cible est conservée</translation>
    </message>
    <message>
        <source>{annotator} marked this statement no source in the target and tagged {source} on it in the copy; the target&apos;s mark is kept</source>
        <translation>{annotator} a marqué cet énoncé «&#xa0;sans source&#xa0;» dans la cible et l’a étiqueté {source} dans la copie&#xa0;; la marque de la cible est conservée</translation>
    </message>
    <message>
        <source>{annotator} marked this statement no source in the copy and tagged it in the target; the target&apos;s tags are kept</source>
        <translation>{annotator} a marqué cet énoncé «&#xa0;sans source&#xa0;» dans la copie et l’a étiqueté dans la cible&#xa0;; les étiquettes de la cible sont conservées</translation>
    </message>
    <message>
        <source>the target holds no article with the same text; {lost} of it not merged</source>
        <translation>la cible ne contient aucun article au même texte&#xa0;; ce que la copie y porte n’est pas fusionné&#xa0;: {lost}</translation>
    </message>
    <message>
        <source>the target holds no article with the same text</source>
        <translation>la cible ne contient aucun article au même texte</translation>
    </message>
    <message>
        <source>the target has no statement at {start}..{end} of this article (split, merged or made in only one of them); {lost} of it not merged</source>
        <translation>la cible n’a pas d’énoncé en {start}..{end} de cet article (scindé, fusionné ou créé dans une seule des deux)&#xa0;; ce que la copie y porte n’est pas fusionné&#xa0;: {lost}</translation>
    </message>
    <message>
        <source>{stance} ({level}), note &apos;{note}&apos;</source>
        <translation>{stance} ({level}), note «&#xa0;{note}&#xa0;»</translation>
    </message>
    <message>
        <source>{stance} ({level})</source>
        <translation>{stance} ({level})</translation>
    </message>
    <message>
        <source>{stance}, note &apos;{note}&apos;</source>
        <translation>{stance}, note «&#xa0;{note}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{copy}&lt;/b&gt; (tags of {who}): {found}; {tags}, {marks}, {links} and {reviews} to add; {same} already here; {conflicts}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{copy}&lt;/b&gt; (étiquettes de {who})&#xa0;: {found}&#xa0;; {tags}, {marks}, {links} et {reviews} à ajouter&#xa0;; {same} déjà dans ce projet&#xa0;; {conflicts}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>… and {more}</source>
        <translation>… et {more}</translation>
    </message>
    <message>
        <source>{article}: {reason}</source>
        <translation>{article}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Merge coders&apos; copies</source>
        <translation>Fusionner les copies des codeurs</translation>
    </message>
    <message>
        <source>Nothing to merge: this project has it all already.</source>
        <translation>Rien à fusionner&#xa0;: ce projet contient déjà tout.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Merge now? A merge cannot be undone from the Edit menu.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Fusionner maintenant&#xa0;? Une fusion ne peut pas être annulée depuis le menu Édition.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>Merged: {added}.</source>
        <translation>Fusion faite&#xa0;: {added}.</translation>
    </message>
</context>
<context>
    <name>OpenProject</name>
    <message>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <source>The connection to the team database is lost; trying again. Edits made now are refused until it is back.</source>
        <translation>La connexion à la base de l’équipe est perdue&#xa0;; nouvelle tentative en cours. Les modifications sont refusées jusqu’à son retour.</translation>
    </message>
    <message>
        <source>Connected to the team database again; the views are up to date.</source>
        <translation>De nouveau connecté à la base de l’équipe&#xa0;; les vues sont à jour.</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Paste an article</source>
        <translation>Coller un article</translation>
    </message>
    <message>
        <source>The first line, if left empty</source>
        <translation>La première ligne, si laissé vide</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>Adresse (URL)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Paste the article here: title on the first line, then the text.</source>
        <translation>Collez l’article ici&#xa0;: le titre sur la première ligne, puis le texte.</translation>
    </message>
    <message>
        <source>Import (Ctrl+Enter)</source>
        <translation>Importer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Paste or type the article&apos;s text first: there is nothing to import yet.</source>
        <translation>Collez ou saisissez d’abord le texte de l’article&#xa0;: il n’y a encore rien à importer.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>The language applies on the next start of Sourcetrack.</source>
        <translation>La langue s’applique au prochain démarrage de Sourcetrack.</translation>
    </message>
</context>
<context>
    <name>ProjectImports</name>
    <message>
        <source>Articles (*.txt *.md *.html *.htm *.docx *.pdf *.qdpx)</source>
        <translation>Articles (*.txt *.md *.html *.htm *.docx *.pdf *.qdpx)</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>Importer un dossier d’articles</translation>
    </message>
    <message>
        <source>Not imported: {reason}</source>
        <translation>Non importé&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>ProjectJob</name>
    <message numerus="yes">
        <source>%Ln selection(s)</source>
        <translation>
            <numerusform>%Ln sélection</numerusform>
            <numerusform>%Ln sélections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %Ln article(s) ({selections}) to {file}</source>
        <translation>
            <numerusform>%Ln article ({selections}) écrit dans {file}</numerusform>
            <numerusform>%Ln articles ({selections}) écrits dans {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %Ln claim(s) to {file}</source>
        <translation>
            <numerusform>%Ln allégation écrite dans {file}</numerusform>
            <numerusform>%Ln allégations écrites dans {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %Ln tag(s) to {file}</source>
        <translation>
            <numerusform>%Ln étiquette écrite dans {file}</numerusform>
            <numerusform>%Ln étiquettes écrites dans {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln kept (changed in the project since)</source>
        <translation>
            <numerusform>, %Ln conservée (modifiée depuis dans le projet)</numerusform>
            <numerusform>, %Ln conservées (modifiées depuis dans le projet)</numerusform>
        </translation>
    </message>
    <message>
        <source>{rows}: {added}, {updated}, {unchanged}{kept}; {statements}, {links}</source>
        <translation>{rows}&#xa0;: {added}, {updated}, {unchanged}{kept}&#xa0;; {statements}, {links}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln added</source>
        <translation>
            <numerusform>%Ln ajoutée</numerusform>
            <numerusform>%Ln ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln mise à jour</numerusform>
            <numerusform>%Ln mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln inchangée</numerusform>
            <numerusform>%Ln inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s) created</source>
        <translation>
            <numerusform>%Ln énoncé créé</numerusform>
            <numerusform>%Ln énoncés créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim link(s) added</source>
        <translation>
            <numerusform>%Ln lien d’allégation ajouté</numerusform>
            <numerusform>%Ln liens d’allégation ajoutés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectOpener</name>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Sourcetrack projects (*.sourcetrack)</source>
        <translation>Projets Sourcetrack (*.sourcetrack)</translation>
    </message>
    <message>
        <source>{path} is on a network file system ({fs} at {mount}); SQLite&apos;s WAL is not safe there and edits can be lost: keep projects on a local disk</source>
        <translation>{path} est sur un système de fichiers réseau ({fs} monté sur {mount})&#xa0;; le journal WAL de SQLite n’y est pas sûr et des modifications peuvent être perdues&#xa0;: gardez les projets sur un disque local</translation>
    </message>
    <message>
        <source>{path} is in a folder synced by {service}; syncing a project while it is open can lose edits or corrupt it: keep projects on a local disk, share closed copies</source>
        <translation>{path} est dans un dossier synchronisé par {service}&#xa0;; synchroniser un projet ouvert peut perdre des modifications ou le corrompre&#xa0;: gardez les projets sur un disque local et partagez des copies fermées</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <source>Upgraded this project; the previous version is kept at {path}</source>
        <translation>Projet mis à jour&#xa0;; la version précédente est conservée dans {path}</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>{path} exists already; open it instead.</source>
        <translation>{path} existe déjà&#xa0;; ouvrez-le plutôt.</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Impossible de créer le projet</translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation>Impossible d’ouvrir la démo</translation>
    </message>
</context>
<context>
    <name>ProjectViews</name>
    <message>
        <source>Annotate</source>
        <translation>Annoter</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Énoncés</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>each annotator is compared once: a name is given twice</source>
        <translation>chaque annotateur n’est comparé qu’une fois&#xa0;: un nom est donné deux fois</translation>
    </message>
    <message>
        <source>agreement needs two or more annotators, and no one has tagged these statements</source>
        <translation>l’accord demande au moins deux annotateurs, et personne n’a étiqueté ces énoncés</translation>
    </message>
    <message>
        <source>agreement needs two or more annotators; the only one here is &apos;{name}&apos;</source>
        <translation>l’accord demande au moins deux annotateurs&#xa0;; le seul ici est «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>the title is longer than {limit} characters</source>
        <translation>le titre dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>the URL is longer than {limit} characters</source>
        <translation>l’URL dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>the language is longer than {limit} characters</source>
        <translation>la langue dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>the outlet is longer than {limit} characters</source>
        <translation>le média dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>the author is longer than {limit} characters</source>
        <translation>l’auteur dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>an article has no detail called {names}</source>
        <translation>un article n’a pas de détail nommé {names}</translation>
    </message>
    <message>
        <source>an article needs a title</source>
        <translation>un article doit avoir un titre</translation>
    </message>
    <message>
        <source>a URL starts with http:// or https://, not &apos;{url}&apos;</source>
        <translation>une URL commence par http:// ou https://, pas «&#xa0;{url}&#xa0;»</translation>
    </message>
    <message>
        <source>a URL cannot contain spaces: &apos;{url}&apos;</source>
        <translation>une URL ne peut pas contenir d’espaces&#xa0;: «&#xa0;{url}&#xa0;»</translation>
    </message>
    <message>
        <source>the language is one of {languages}, not &apos;{language}&apos;</source>
        <translation>la langue doit être l’une de {languages}, pas «&#xa0;{language}&#xa0;»</translation>
    </message>
    <message>
        <source>the publication date is a date, not {value}</source>
        <translation>la date de publication est une date, pas {value}</translation>
    </message>
    <message>
        <source>unknown stance &apos;{stance}&apos; (choose from {stances})</source>
        <translation>position inconnue «&#xa0;{stance}&#xa0;» (choisissez parmi {stances})</translation>
    </message>
    <message>
        <source>an annotator&apos;s layer names its annotator, and only it does</source>
        <translation>la couche d’un annotateur nomme son annotateur, et elle seule le fait</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is reserved for the consensus layer (the adjudicated tags); tag under your own name</source>
        <translation>«&#xa0;{name}&#xa0;» est réservé à la couche du consensus (les étiquettes arbitrées)&#xa0;; étiquetez sous votre propre nom</translation>
    </message>
    <message>
        <source>invalid span {start}..{end}</source>
        <translation>plage invalide {start}..{end}</translation>
    </message>
    <message>
        <source>a claim label cannot be empty</source>
        <translation>le libellé d’une allégation ne peut pas être vide</translation>
    </message>
    <message>
        <source>a claim label cannot contain &apos;;&apos;: &apos;{label}&apos;</source>
        <translation>le libellé d’une allégation ne peut pas contenir «&#xa0;;&#xa0;»&#xa0;: «&#xa0;{label}&#xa0;»</translation>
    </message>
    <message>
        <source>a source name cannot be empty</source>
        <translation>le nom d’une source ne peut pas être vide</translation>
    </message>
    <message>
        <source>a span</source>
        <translation>un passage</translation>
    </message>
    <message>
        <source>{where}: one tag carries {n} different stances</source>
        <translation>{where}&#xa0;: une même étiquette porte {n} positions différentes</translation>
    </message>
    <message>
        <source>{where}: one tag carries {n} different confidence levels</source>
        <translation>{where}&#xa0;: une même étiquette porte {n} niveaux de certitude différents</translation>
    </message>
    <message>
        <source>no annotator named &apos;{name}&apos; has tags in this project</source>
        <translation>aucun annotateur nommé «&#xa0;{name}&#xa0;» n’a d’étiquettes dans ce projet</translation>
    </message>
    <message>
        <source>no annotator named &apos;{name}&apos; in this project</source>
        <translation>aucun annotateur nommé «&#xa0;{name}&#xa0;» dans ce projet</translation>
    </message>
    <message>
        <source>{annotator} has not judged this statement</source>
        <translation>{annotator} n’a pas jugé cet énoncé</translation>
    </message>
    <message>
        <source>a reading tags each source once</source>
        <translation>une lecture étiquette chaque source une seule fois</translation>
    </message>
    <message>
        <source>no statement with id {id}</source>
        <translation>aucun énoncé portant le numéro {id}</translation>
    </message>
    <message>
        <source>no source with id {id}</source>
        <translation>aucune source d’identifiant {id}</translation>
    </message>
    <message>
        <source>no confidence level with id {id}</source>
        <translation>aucun niveau de certitude d’identifiant {id}</translation>
    </message>
    <message>
        <source>the consensus of this statement was changed in another window or process; not undone</source>
        <translation>le consensus de cet énoncé a été changé dans une autre fenêtre ou un autre processus&#xa0;; rien n’a été annulé</translation>
    </message>
    <message>
        <source>no statement here has been judged by two or more of {names}</source>
        <translation>aucun énoncé n’a été jugé ici par au moins deux de ces annotateurs&#xa0;: {names}</translation>
    </message>
    <message>
        <source>unknown source(s): {names} (known: {known})</source>
        <translation>source(s) inconnue(s)&#xa0;: {names} (connues&#xa0;: {known})</translation>
    </message>
    <message>
        <source>no annotator called {names} in this project (its annotators: {known})</source>
        <translation>aucun annotateur nommé {names} dans ce projet (ses annotateurs&#xa0;: {known})</translation>
    </message>
    <message>
        <source>no article with id {id}</source>
        <translation>aucun article d’identifiant {id}</translation>
    </message>
    <message>
        <source>this article was changed in another window or process; not deleted again</source>
        <translation>cet article a été changé dans une autre fenêtre ou un autre processus&#xa0;; il n’a pas été supprimé à nouveau</translation>
    </message>
    <message>
        <source>this article is in the project again (imported in another window or process); not put back</source>
        <translation>cet article est de nouveau dans le projet (importé dans une autre fenêtre ou un autre processus)&#xa0;; il n’a pas été rétabli</translation>
    </message>
    <message>
        <source>this article&apos;s details were changed in another window or process; not undone</source>
        <translation>les détails de cet article ont été changés dans une autre fenêtre ou un autre processus&#xa0;; rien n’a été annulé</translation>
    </message>
    <message>
        <source>there is no article {id}</source>
        <translation>il n’y a pas d’article {id}</translation>
    </message>
    <message>
        <source>this claim link was changed in another window or process</source>
        <translation>ce lien d’allégation a été changé dans une autre fenêtre ou un autre processus</translation>
    </message>
    <message>
        <source>the claim &apos;{label}&apos; was deleted elsewhere</source>
        <translation>l’allégation «&#xa0;{label}&#xa0;» a été supprimée ailleurs</translation>
    </message>
    <message>
        <source>statement {id} no longer exists</source>
        <translation>l’énoncé {id} n’existe plus</translation>
    </message>
    <message>
        <source>this project has no consensus layer yet (it holds the adjudicated tags, which adjudication writes)</source>
        <translation>ce projet n’a pas encore de couche de consensus (elle contient les étiquettes arbitrées, que l’arbitrage écrit)</translation>
    </message>
    <message>
        <source>no annotator called &apos;{name}&apos; in this project (annotators with tags: {names})</source>
        <translation>aucun annotateur nommé «&#xa0;{name}&#xa0;» dans ce projet (annotateurs ayant des étiquettes&#xa0;: {names})</translation>
    </message>
    <message>
        <source>unknown source(s): {names}</source>
        <translation>source(s) inconnue(s)&#xa0;: {names}</translation>
    </message>
    <message>
        <source>unknown source &apos;{name}&apos;</source>
        <translation>source inconnue&#xa0;: «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>choose at least two sources to compare side by side</source>
        <translation>choisissez au moins deux sources à comparer côte à côte</translation>
    </message>
    <message>
        <source>unknown chart grouping &apos;{name}&apos;</source>
        <translation>regroupement de graphique inconnu&#xa0;: «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>the sample articles are missing from this installation</source>
        <translation>les articles d’exemple manquent dans cette installation</translation>
    </message>
    <message>
        <source>{location} exists already; the demo is only written to a new file</source>
        <translation>{location} existe déjà&#xa0;; la démonstration ne s’écrit que dans un nouveau fichier</translation>
    </message>
    <message>
        <source>demo article {file}: {reason}</source>
        <translation>article de démonstration {file}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>demo tag text not found in one statement: {text}</source>
        <translation>texte d’une étiquette de la démonstration introuvable dans un seul énoncé&#xa0;: {text}</translation>
    </message>
    <message>
        <source>select some text to make a statement</source>
        <translation>sélectionnez du texte pour en faire un énoncé</translation>
    </message>
    <message>
        <source>put the cursor inside the statement, between two words, to split it</source>
        <translation>placez le curseur dans l’énoncé, entre deux mots, pour le scinder</translation>
    </message>
    <message>
        <source>this is the last statement of the article</source>
        <translation>c’est le dernier énoncé de l’article</translation>
    </message>
    <message>
        <source>this article&apos;s statements were changed in another window or process; not undone</source>
        <translation>les énoncés de cet article ont été changés dans une autre fenêtre ou un autre processus&#xa0;; rien n’a été annulé</translation>
    </message>
    <message>
        <source>the selection crosses several statements; merge them first</source>
        <translation>la sélection chevauche plusieurs énoncés&#xa0;; fusionnez-les d’abord</translation>
    </message>
    <message>
        <source>that text is a statement already</source>
        <translation>ce texte est déjà un énoncé</translation>
    </message>
    <message>
        <source>the selection runs past the statement it starts in</source>
        <translation>la sélection dépasse l’énoncé où elle commence</translation>
    </message>
    <message>
        <source>--stance does not apply to the matrix (its cells show every stance)</source>
        <translation>--stance ne s’applique pas à la matrice (ses cellules montrent toutes les positions)</translation>
    </message>
    <message>
        <source>a .qdpx holds the whole project; filters apply to csv and jsonl</source>
        <translation>un fichier .qdpx contient tout le projet&#xa0;; les filtres s’appliquent aux formats csv et jsonl</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>le dossier {folder} n’existe pas</translation>
    </message>
    <message>
        <source>{path} was not written: {reason}</source>
        <translation>{path} n’a pas été écrit&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>cannot write in {folder}: {reason}</source>
        <translation>impossible d’écrire dans {folder}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the disk is full (nothing was left half-written)</source>
        <translation>le disque est plein (rien n’a été laissé à moitié écrit)</translation>
    </message>
    <message>
        <source>{path} is not a regular file, a pipe or a terminal; choose a file name</source>
        <translation>{path} n’est ni un fichier ordinaire, ni un tube, ni un terminal&#xa0;; choisissez un nom de fichier</translation>
    </message>
    <message>
        <source>nothing is reading from the pipe {path}</source>
        <translation>rien ne lit depuis le tube {path}</translation>
    </message>
    <message>
        <source>cannot write to {path}: {reason}</source>
        <translation>impossible d’écrire vers {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of the file to write</source>
        <translation>{path} est un dossier&#xa0;; donnez le nom du fichier à écrire</translation>
    </message>
    <message>
        <source>{path} is a database (a Sourcetrack project?); an export never writes over one, choose another file name</source>
        <translation>{path} est une base de données (un projet Sourcetrack&#xa0;?)&#xa0;; un export n’écrit jamais par-dessus&#xa0;: choisissez un autre nom de fichier</translation>
    </message>
    <message>
        <source>{path} belongs to the database beside it; choose another name</source>
        <translation>{path} appartient à la base de données voisine&#xa0;; choisissez un autre nom</translation>
    </message>
    <message>
        <source>{url} redirects to {target}, which is not http or https</source>
        <translation>{url} redirige vers {target}, qui n’est ni en http ni en https</translation>
    </message>
    <message>
        <source>{url} is not an http or https URL</source>
        <translation>{url} n’est pas une URL http ou https</translation>
    </message>
    <message>
        <source>{url} redirects too often (a loop, or more than {count} redirects)</source>
        <translation>{url} redirige trop souvent (une boucle, ou plus de {count} redirections)</translation>
    </message>
    <message>
        <source>{url}: the server answered {code} {reason}</source>
        <translation>{url}&#xa0;: le serveur a répondu {code} {reason}</translation>
    </message>
    <message>
        <source>{url}: no answer within {timeout} s</source>
        <translation>{url}&#xa0;: pas de réponse en {timeout} s</translation>
    </message>
    <message>
        <source>{url} cannot be fetched: {reason}</source>
        <translation>{url} ne peut pas être téléchargé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{url}: the page did not arrive within {timeout} s</source>
        <translation>{url}&#xa0;: la page n’est pas arrivée en {timeout} s</translation>
    </message>
    <message>
        <source>{url} is larger than {size} MB; refused</source>
        <translation>{url} dépasse {size} Mo&#xa0;; refusé</translation>
    </message>
    <message>
        <source>{url} is larger than {size} kB; refused</source>
        <translation>{url} dépasse {size} ko&#xa0;; refusé</translation>
    </message>
    <message>
        <source>{url} is {content_type}, not a web page, PDF, Word or text document</source>
        <translation>{url} est de type {content_type}, et non une page web, un PDF, un document Word ou un texte</translation>
    </message>
    <message>
        <source>{name}: unsupported format &apos;{format}&apos;</source>
        <translation>{name}&#xa0;: format non pris en charge «&#xa0;{format}&#xa0;»</translation>
    </message>
    <message>
        <source>{name} is not a web page (it holds no HTML markup)</source>
        <translation>{name} n’est pas une page web (il ne contient aucun balisage HTML)</translation>
    </message>
    <message>
        <source>{name} cannot be read as a web page: {reason}</source>
        <translation>{name} ne peut pas être lu comme une page web&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name}: no article text found in the page</source>
        <translation>{name}&#xa0;: aucun texte d’article trouvé dans la page</translation>
    </message>
    <message>
        <source>{name} cannot be read as a PDF: it is protected by a password</source>
        <translation>{name} ne peut pas être lu comme un PDF&#xa0;: il est protégé par un mot de passe</translation>
    </message>
    <message>
        <source>{name} cannot be read as a PDF: it is damaged or not a PDF</source>
        <translation>{name} ne peut pas être lu comme un PDF&#xa0;: il est endommagé ou n’est pas un PDF</translation>
    </message>
    <message>
        <source>{name} cannot be read as a PDF: {reason}</source>
        <translation>{name} ne peut pas être lu comme un PDF&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} has no text layer (a scanned image?); make it searchable with OCR, for example OCRmyPDF, then import it again</source>
        <translation>{name} n’a pas de couche de texte (une image numérisée&#xa0;?)&#xa0;; rendez-le interrogeable par OCR, par exemple avec OCRmyPDF, puis importez-le à nouveau</translation>
    </message>
    <message>
        <source>{name}: the PDF&apos;s text layer cannot be decoded (its fonts map no text)</source>
        <translation>{name}&#xa0;: la couche de texte du PDF ne peut pas être décodée (ses polices ne correspondent à aucun texte)</translation>
    </message>
    <message>
        <source>{name} holds no text besides headers and page numbers</source>
        <translation>{name} ne contient aucun texte hormis des en-têtes et des numéros de page</translation>
    </message>
    <message>
        <source>{name} is not a Word document (a .docx is a zip archive; this is not)</source>
        <translation>{name} n’est pas un document Word (un .docx est une archive zip&#xa0;; celui-ci n’en est pas une)</translation>
    </message>
    <message>
        <source>{name} is not a readable Word document ({reason})</source>
        <translation>{name} n’est pas un document Word lisible ({reason})</translation>
    </message>
    <message>
        <source>{name} is a damaged Word document ({reason})</source>
        <translation>{name} est un document Word endommagé ({reason})</translation>
    </message>
    <message>
        <source>{name} holds no text</source>
        <translation>{name} ne contient aucun texte</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>texte collé</translation>
    </message>
    <message>
        <source>already in the project as article {article}</source>
        <translation>déjà dans le projet comme article {article}</translation>
    </message>
    <message>
        <source>article {article}: {count} statement</source>
        <translation>article {article}&#xa0;: {count} énoncé</translation>
    </message>
    <message>
        <source>article {article}: {count} statements</source>
        <translation>article {article}&#xa0;: {count} énoncés</translation>
    </message>
    <message>
        <source>{name} has no text to import</source>
        <translation>{name} ne contient aucun texte à importer</translation>
    </message>
    <message>
        <source>unsupported file type &apos;{suffix}&apos;</source>
        <translation>type de fichier non pris en charge «&#xa0;{suffix}&#xa0;»</translation>
    </message>
    <message>
        <source>{name} cannot be read ({kind}: {reason})</source>
        <translation>{name} ne peut pas être lu ({kind}&#xa0;: {reason})</translation>
    </message>
    <message>
        <source>a REFI-QDA project: import it on its own</source>
        <translation>un projet REFI-QDA&#xa0;: importez-le à part</translation>
    </message>
    <message>
        <source>not an article file ({suffix})</source>
        <translation>pas un fichier d’article ({suffix})</translation>
    </message>
    <message>
        <source>not an article file (no extension)</source>
        <translation>pas un fichier d’article (sans extension)</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>read; stored with its batch</source>
        <translation>lu&#xa0;; enregistré avec son lot</translation>
    </message>
    <message>
        <source>statement {statement} carries this annotator&apos;s tag ({sources}): a statement with a source is not “no source”; remove the tags first</source>
        <translation>l’énoncé {statement} porte une étiquette de cet annotateur ({sources})&#xa0;: un énoncé qui a une source n’est pas «&#xa0;sans source&#xa0;»&#xa0;; retirez d’abord l’étiquette</translation>
    </message>
    <message>
        <source>statement {statement} carries this annotator&apos;s tags ({sources}): a statement with a source is not “no source”; remove the tags first</source>
        <translation>l’énoncé {statement} porte des étiquettes de cet annotateur ({sources})&#xa0;: un énoncé qui a une source n’est pas «&#xa0;sans source&#xa0;»&#xa0;; retirez d’abord les étiquettes</translation>
    </message>
    <message>
        <source>this statement was deleted in another window or process</source>
        <translation>cet énoncé a été supprimé dans une autre fenêtre ou un autre processus</translation>
    </message>
    <message>
        <source>this statement&apos;s no-source mark was changed in another window or process</source>
        <translation>la marque «&#xa0;sans source&#xa0;» de cet énoncé a été changée dans une autre fenêtre ou un autre processus</translation>
    </message>
    <message>
        <source>this statement was tagged since by the same annotator; its no-source mark cannot come back beside the tag</source>
        <translation>cet énoncé a depuis été étiqueté par le même annotateur&#xa0;; sa marque «&#xa0;sans source&#xa0;» ne peut pas revenir à côté de l’étiquette</translation>
    </message>
    <message>
        <source>this article was deleted in another window or process</source>
        <translation>cet article a été supprimé dans une autre fenêtre ou un autre processus</translation>
    </message>
    <message>
        <source>this article&apos;s review was changed in another window or process</source>
        <translation>la relecture de cet article a été changée dans une autre fenêtre ou un autre processus</translation>
    </message>
    <message>
        <source>no annotator called &apos;{name}&apos; in this project</source>
        <translation>aucun annotateur nommé «&#xa0;{name}&#xa0;» dans ce projet</translation>
    </message>
    <message>
        <source>no annotator with id {id}</source>
        <translation>aucun annotateur d’identifiant {id}</translation>
    </message>
    <message>
        <source>no annotator called {names} in that copy (theirs: {theirs})</source>
        <translation>aucun annotateur nommé {names} dans cette copie (ses annotateurs&#xa0;: {theirs})</translation>
    </message>
    <message>
        <source>no annotator called {names} in those copies (theirs: {theirs})</source>
        <translation>aucun annotateur nommé {names} dans ces copies (leurs annotateurs&#xa0;: {theirs})</translation>
    </message>
    <message>
        <source>name at least one copy to merge</source>
        <translation>indiquez au moins une copie à fusionner</translation>
    </message>
    <message>
        <source>{location} is the target itself, not a copy</source>
        <translation>{location} est la cible elle-même, pas une copie</translation>
    </message>
    <message>
        <source>statement {statement} has no text; not exported</source>
        <translation>l’énoncé {statement} n’a pas de texte&#xa0;; non exporté</translation>
    </message>
    <message>
        <source>a statement of article {article} lies outside its text; not exported</source>
        <translation>un énoncé de l’article {article} est hors de son texte&#xa0;; non exporté</translation>
    </message>
    <message>
        <source>new sources: {names}</source>
        <translation>nouvelles sources&#xa0;: {names}</translation>
    </message>
    <message>
        <source>codings of codes matching no source left out: {codes}; use --map CODE=SOURCE</source>
        <translation>codages de codes ne correspondant à aucune source laissés de côté&#xa0;: {codes}&#xa0;; utilisez --map CODE=SOURCE</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; ({count})</source>
        <translation>«&#xa0;{code}&#xa0;» ({count})</translation>
    </message>
    <message>
        <source>&apos;{source}&apos; {start}–{end} → {new_start}–{new_end}</source>
        <translation>«&#xa0;{source}&#xa0;» {start}–{end} → {new_start}–{new_end}</translation>
    </message>
    <message>
        <source>{added}, {found}</source>
        <translation>{added}, {found}</translation>
    </message>
    <message>
        <source>{added}, {updated}, {unchanged}</source>
        <translation>{added}, {updated}, {unchanged}</translation>
    </message>
    <message>
        <source>{added}, {updated}, {unchanged}, {kept} (changed in the project since)</source>
        <translation>{added}, {updated}, {unchanged}, {kept} (modifiées depuis dans le projet)</translation>
    </message>
    <message>
        <source>{moved} by the normal form of their text (blanks): {items}</source>
        <translation>{moved} par la forme normale de leur texte (blancs)&#xa0;: {items}</translation>
    </message>
    <message>
        <source>{notes}: {items}</source>
        <translation>{notes}&#xa0;: {items}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;</source>
        <translation>«&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>not imported: {items}</source>
        <translation>non importés&#xa0;: {items}</translation>
    </message>
    <message>
        <source>empty source &apos;{source}&apos;</source>
        <translation>source vide «&#xa0;{source}&#xa0;»</translation>
    </message>
    <message>
        <source>{parts}; {part}</source>
        <translation>{parts}&#xa0;; {part}</translation>
    </message>
    <message>
        <source>{items}, {item}</source>
        <translation>{items}, {item}</translation>
    </message>
    <message>
        <source>{items} and {count} more</source>
        <translation>{items} et {count} autres</translation>
    </message>
    <message>
        <source>&apos;{source}&apos;, {start}–{end}</source>
        <translation>«&#xa0;{source}&#xa0;», {start}–{end}</translation>
    </message>
    <message>
        <source>{name} was not imported: {reason}</source>
        <translation>{name} n’a pas été importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>--map {code}={source}: the project has no source &apos;{source}&apos; (add it first with &apos;sources add&apos;)</source>
        <translation>--map {code}={source}&#xa0;: le projet n’a pas de source «&#xa0;{source}&#xa0;» (ajoutez-la d’abord avec «&#xa0;sources add&#xa0;»)</translation>
    </message>
    <message>
        <source>{name}: the code &apos;{code}&apos; names no stance (asserts, denies, neutral)</source>
        <translation>{name}&#xa0;: le code «&#xa0;{code}&#xa0;» ne nomme aucune position (asserts, denies, neutral)</translation>
    </message>
    <message>
        <source>{name}: the code &apos;{code}&apos;: {reason}</source>
        <translation>{name}&#xa0;: le code «&#xa0;{code}&#xa0;»&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name}: the code &apos;{code}&apos; names no stance or confidence level of this project</source>
        <translation>{name}&#xa0;: le code «&#xa0;{code}&#xa0;» ne nomme aucune position ni aucun niveau de certitude de ce projet</translation>
    </message>
    <message>
        <source>{name}: the code &apos;{code}&apos; names no confidence level of this project</source>
        <translation>{name}&#xa0;: le code «&#xa0;{code}&#xa0;» ne nomme aucun niveau de certitude de ce projet</translation>
    </message>
    <message>
        <source>{name}: &apos;{source}&apos; has codings but no text</source>
        <translation>{name}&#xa0;: «&#xa0;{source}&#xa0;» a des codages mais pas de texte</translation>
    </message>
    <message>
        <source>{name} is not a REFI-QDA project: {reason}</source>
        <translation>{name} n’est pas un projet REFI-QDA&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} is not a REFI-QDA project: it is not a zip archive</source>
        <translation>{name} n’est pas un projet REFI-QDA&#xa0;: ce n’est pas une archive zip</translation>
    </message>
    <message>
        <source>{name} is not a regular file (a device, pipe or socket)</source>
        <translation>{name} n’est pas un fichier ordinaire (un périphérique, un tube ou une socket)</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}</source>
        <translation>impossible de lire {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} unpacks to more than this import accepts (a zip bomb?)</source>
        <translation>{name} se décompresse en plus que ce que cet import accepte (une bombe zip&#xa0;?)</translation>
    </message>
    <message>
        <source>{name} is not a REFI-QDA project: it holds no project.qde</source>
        <translation>{name} n’est pas un projet REFI-QDA&#xa0;: il ne contient pas de project.qde</translation>
    </message>
    <message>
        <source>{name}: {member} is not well-formed XML ({reason})</source>
        <translation>{name}&#xa0;: {member} n’est pas du XML bien formé ({reason})</translation>
    </message>
    <message>
        <source>{name}: {member} is not a REFI-QDA project (no Project root)</source>
        <translation>{name}&#xa0;: {member} n’est pas un projet REFI-QDA (pas de racine Project)</translation>
    </message>
    <message>
        <source>{name}: {member} is damaged ({reason})</source>
        <translation>{name}&#xa0;: {member} est endommagé ({reason})</translation>
    </message>
    <message>
        <source>{name}: a code without a guid or a name</source>
        <translation>{name}&#xa0;: un code sans guid ou sans nom</translation>
    </message>
    <message>
        <source>{name}: a selection in &apos;{source}&apos; has positions that are not numbers</source>
        <translation>{name}&#xa0;: une sélection dans «&#xa0;{source}&#xa0;» a des positions qui ne sont pas des nombres</translation>
    </message>
    <message>
        <source>{name}: a selection in &apos;{source}&apos; spans {start}–{end}, outside its text of {length} characters</source>
        <translation>{name}&#xa0;: une sélection dans «&#xa0;{source}&#xa0;» couvre {start}–{end}, hors de son texte de {length} caractères</translation>
    </message>
    <message>
        <source>{name}: a coding in &apos;{source}&apos; refers to a code that is not in the codebook</source>
        <translation>{name}&#xa0;: un codage dans «&#xa0;{source}&#xa0;» renvoie à un code absent du livre de codes</translation>
    </message>
    <message>
        <source>{name}: source &apos;{source}&apos; has neither text nor a plainTextPath</source>
        <translation>{name}&#xa0;: la source «&#xa0;{source}&#xa0;» n’a ni texte ni plainTextPath</translation>
    </message>
    <message>
        <source>{name}: note has neither text nor a plainTextPath</source>
        <translation>{name}&#xa0;: une note n’a ni texte ni plainTextPath</translation>
    </message>
    <message>
        <source>{name}: source &apos;{source}&apos; points outside the archive ({path}); only internal:// files can be imported</source>
        <translation>{name}&#xa0;: la source «&#xa0;{source}&#xa0;» renvoie hors de l’archive ({path})&#xa0;; seuls les fichiers internal:// peuvent être importés</translation>
    </message>
    <message>
        <source>{name}: note points outside the archive ({path}); only internal:// files can be imported</source>
        <translation>{name}&#xa0;: une note renvoie hors de l’archive ({path})&#xa0;; seuls les fichiers internal:// peuvent être importés</translation>
    </message>
    <message>
        <source>{name}: the file of source &apos;{source}&apos; (sources/{file}) is missing</source>
        <translation>{name}&#xa0;: le fichier de la source «&#xa0;{source}&#xa0;» (sources/{file}) est manquant</translation>
    </message>
    <message>
        <source>{name}: the file of note (sources/{file}) is missing</source>
        <translation>{name}&#xa0;: le fichier d’une note (sources/{file}) est manquant</translation>
    </message>
    <message>
        <source>{name}: the file of source &apos;{source}&apos; is not UTF-8 text</source>
        <translation>{name}&#xa0;: le fichier de la source «&#xa0;{source}&#xa0;» n’est pas un texte en UTF-8</translation>
    </message>
    <message>
        <source>{name}: the file of note is not UTF-8 text</source>
        <translation>{name}&#xa0;: le fichier d’une note n’est pas un texte en UTF-8</translation>
    </message>
    <message>
        <source>{kind} &apos;{source}&apos;</source>
        <translation>{kind} «&#xa0;{source}&#xa0;»</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>le texte</translation>
    </message>
    <message>
        <source>files over {size} MB are refused</source>
        <translation>les fichiers de plus de {size} Mo sont refusés</translation>
    </message>
    <message>
        <source>text files over {size} MB are refused</source>
        <translation>les fichiers texte de plus de {size} Mo sont refusés</translation>
    </message>
    <message>
        <source>CSV files over {size} MB are refused</source>
        <translation>les fichiers CSV de plus de {size} Mo sont refusés</translation>
    </message>
    <message>
        <source>{kind} over {size} MB are refused</source>
        <translation>les {kind} de plus de {size} Mo sont refusés</translation>
    </message>
    <message>
        <source>{name} is {size} MB; {refusal}</source>
        <translation>{name} fait {size} Mo&#xa0;; {refusal}</translation>
    </message>
    <message>
        <source>{name} grew beyond {size} MB; {refusal}</source>
        <translation>{name} a grossi au-delà de {size} Mo&#xa0;; {refusal}</translation>
    </message>
    <message>
        <source>{name} is not valid {encoding}: {reason}</source>
        <translation>{name} n’est pas du {encoding} valide&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} looks like UTF-8 text with damaged bytes ({reason} at byte {byte}); repair it or save it again as UTF-8 (the first bad byte is on line {line})</source>
        <translation>{name} ressemble à du texte UTF-8 aux octets endommagés ({reason} à l’octet {byte})&#xa0;; réparez-le ou enregistrez-le à nouveau en UTF-8 (le premier octet fautif est à la ligne {line})</translation>
    </message>
    <message>
        <source>{name} does not look like text (binary, or an unknown encoding)</source>
        <translation>{name} ne ressemble pas à du texte (fichier binaire, ou encodage inconnu)</translation>
    </message>
    <message>
        <source>{name} mixes UTF-8 with another encoding, or is UTF-8 with damaged bytes: the first byte that is not UTF-8 is at byte {byte}, line {line}, and line {utf8_line} holds UTF-8 ({meant}); repair it or save it again as UTF-8</source>
        <translation>{name} mélange l’UTF-8 avec un autre encodage, ou est de l’UTF-8 aux octets endommagés&#xa0;: le premier octet qui n’est pas de l’UTF-8 est l’octet {byte}, ligne {line}, et la ligne {utf8_line} contient de l’UTF-8 ({meant})&#xa0;; réparez-le ou enregistrez-le à nouveau en UTF-8</translation>
    </message>
    <message>
        <source>{name} looks like UTF-16 text without a byte-order mark but is not valid UTF-16 ({reason}); save it again as UTF-8</source>
        <translation>{name} ressemble à du texte UTF-16 sans indicateur d’ordre des octets, mais n’est pas de l’UTF-16 valide ({reason})&#xa0;; enregistrez-le à nouveau en UTF-8</translation>
    </message>
    <message>
        <source>{name} does not look like text (it holds control characters)</source>
        <translation>{name} ne ressemble pas à du texte (il contient des caractères de contrôle)</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} est vide</translation>
    </message>
    <message>
        <source>{name} holds mojibake on line {line}: {seen} (UTF-8 text once read as {encoding}); repair it or save the original again as UTF-8</source>
        <translation>{name} contient des caractères mal décodés (mojibake) à la ligne {line}&#xa0;: {seen} (du texte UTF-8 lu un jour comme du {encoding})&#xa0;; réparez-le ou enregistrez à nouveau l’original en UTF-8</translation>
    </message>
    <message>
        <source>{name} holds mojibake on line {line}: {seen}, which should read {meant} (UTF-8 text once read as {encoding}); repair it or save the original again as UTF-8</source>
        <translation>{name} contient des caractères mal décodés (mojibake) à la ligne {line}&#xa0;: {seen}, qui devrait se lire {meant} (du texte UTF-8 lu un jour comme du {encoding})&#xa0;; réparez-le ou enregistrez à nouveau l’original en UTF-8</translation>
    </message>
    <message>
        <source>Latin-1 or Windows-1252</source>
        <translation>Latin-1 ou Windows-1252</translation>
    </message>
    <message>
        <source>no article with id {ids}</source>
        <translation>aucun article portant le numéro {ids}</translation>
    </message>
    <message>
        <source>unknown parent source &apos;{name}&apos;</source>
        <translation>source parente inconnue «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>a source named &apos;{name}&apos; exists already</source>
        <translation>une source nommée «&#xa0;{name}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>no source with id {id} to be part of</source>
        <translation>aucune source d’identifiant {id} dont faire partie</translation>
    </message>
    <message>
        <source>the source was renamed in another window or process</source>
        <translation>la source a été renommée dans une autre fenêtre ou un autre processus</translation>
    </message>
    <message>
        <source>a source cannot be its own parent</source>
        <translation>une source ne peut pas être sa propre source parente</translation>
    </message>
    <message>
        <source>give at least one alias</source>
        <translation>donnez au moins un alias</translation>
    </message>
    <message>
        <source>the confidence scale was changed in another window or process</source>
        <translation>l’échelle de certitude a été changée dans une autre fenêtre ou un autre processus</translation>
    </message>
    <message>
        <source>a scale needs a name</source>
        <translation>une échelle doit avoir un nom</translation>
    </message>
    <message>
        <source>a scale named &apos;{name}&apos; exists already</source>
        <translation>une échelle nommée «&#xa0;{name}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>the preset scales cannot be edited; make a custom one</source>
        <translation>les échelles prédéfinies ne peuvent pas être modifiées&#xa0;; créez une échelle personnalisée</translation>
    </message>
    <message>
        <source>no such confidence scale</source>
        <translation>cette échelle de certitude n’existe pas</translation>
    </message>
    <message>
        <source>colour must look like #1f77b4, not &apos;{colour}&apos;</source>
        <translation>la couleur doit s’écrire comme #1f77b4, pas «&#xa0;{colour}&#xa0;»</translation>
    </message>
    <message>
        <source>reliability must be one of A, B, C, D, E, F</source>
        <translation>la fiabilité doit être l’une des lettres A, B, C, D, E, F</translation>
    </message>
    <message>
        <source>a scale needs at least one level, each with a label</source>
        <translation>une échelle doit avoir au moins un niveau, chacun avec un libellé</translation>
    </message>
    <message>
        <source>the levels of a scale need distinct labels</source>
        <translation>les niveaux d’une échelle doivent avoir des libellés distincts</translation>
    </message>
    <message>
        <source>{name} is larger than {size} MB</source>
        <translation>{name} dépasse {size} Mo</translation>
    </message>
    <message>
        <source>{name} is not a Sourcetrack tag CSV: missing column(s) {columns}</source>
        <translation>{name} n’est pas un CSV d’étiquettes Sourcetrack&#xa0;: colonne(s) manquante(s) {columns}</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text</source>
        <translation>{name} n’est pas un texte en UTF-8</translation>
    </message>
    <message>
        <source>{name}, line {line}: {reason}</source>
        <translation>{name}, ligne {line}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>line {line}: wrong number of fields</source>
        <translation>ligne {line}&#xa0;: nombre de champs incorrect</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>ligne {line}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} was not imported; {problems}</source>
        <translation>{name} n’a pas été importé&#xa0;; {problems}</translation>
    </message>
    <message>
        <source>{problems}; {problem}</source>
        <translation>{problems}&#xa0;; {problem}</translation>
    </message>
    <message>
        <source>bad offsets &apos;{start}&apos;..&apos;{end}&apos;</source>
        <translation>positions invalides «&#xa0;{start}&#xa0;»..«&#xa0;{end}&#xa0;»</translation>
    </message>
    <message>
        <source>no article titled &apos;{title}&apos; has that statement text at {start}..{end}</source>
        <translation>aucun article intitulé «&#xa0;{title}&#xa0;» n’a ce texte d’énoncé en {start}..{end}</translation>
    </message>
    <message>
        <source>unknown stance &apos;{stance}&apos;</source>
        <translation>position inconnue «&#xa0;{stance}&#xa0;»</translation>
    </message>
    <message>
        <source>unknown source &apos;{source}&apos; (add it first with &apos;sources add&apos;)</source>
        <translation>source inconnue «&#xa0;{source}&#xa0;» (ajoutez-la d’abord avec «&#xa0;sources add&#xa0;»)</translation>
    </message>
    <message>
        <source>a &apos;{stance}&apos; row names no source, not &apos;{source}&apos;</source>
        <translation>une ligne «&#xa0;{stance}&#xa0;» ne nomme aucune source, pas «&#xa0;{source}&#xa0;»</translation>
    </message>
    <message>
        <source>a &apos;{stance}&apos; row has no {first}</source>
        <translation>une ligne «&#xa0;{stance}&#xa0;» n’a pas de {first}</translation>
    </message>
    <message>
        <source>a &apos;{stance}&apos; row has no {first} nor {second}</source>
        <translation>une ligne «&#xa0;{stance}&#xa0;» n’a ni {first} ni {second}</translation>
    </message>
    <message>
        <source>a &apos;{stance}&apos; row has no {first} nor {second} nor {third}</source>
        <translation>une ligne «&#xa0;{stance}&#xa0;» n’a ni {first}, ni {second}, ni {third}</translation>
    </message>
    <message>
        <source>the statement at {start}..{end}: {reason}</source>
        <translation>l’énoncé en {start}..{end}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the article &apos;{title}&apos; was deleted after the file was checked</source>
        <translation>l’article «&#xa0;{title}&#xa0;» a été supprimé après la vérification du fichier</translation>
    </message>
    <message>
        <source>the source &apos;{source}&apos; was deleted after the file was checked</source>
        <translation>la source «&#xa0;{source}&#xa0;» a été supprimée après la vérification du fichier</translation>
    </message>
    <message>
        <source>its confidence level was removed after the file was checked</source>
        <translation>son niveau de certitude a été retiré après la vérification du fichier</translation>
    </message>
    <message>
        <source>line {line}: {reason} (the project changed during the import)</source>
        <translation>ligne {line}&#xa0;: {reason} (le projet a changé pendant l’import)</translation>
    </message>
    <message>
        <source>lines {first}–{last}: {reason}</source>
        <translation>lignes {first}–{last}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} was not imported; {problem}; nothing was written</source>
        <translation>{name} n’a pas été importé&#xa0;; {problem}&#xa0;; rien n’a été écrit</translation>
    </message>
    <message>
        <source>{name} was imported only in part; {problem}. Lines 2–{last} ({written} of {rows} rows) were imported, the rest not: run the same import again to complete it (nothing is added twice)</source>
        <translation>{name} n’a été importé qu’en partie&#xa0;; {problem}. Les lignes 2–{last} ({written} lignes sur {rows}) ont été importées, les autres non&#xa0;: relancez le même import pour le terminer (rien n’est ajouté deux fois)</translation>
    </message>
    <message>
        <source>this tag was changed in another window or process; not undone</source>
        <translation>cette étiquette a été changée dans une autre fenêtre ou un autre processus&#xa0;; rien n’a été annulé</translation>
    </message>
    <message>
        <source>this statement&apos;s no-source mark was changed in another window or process; not undone</source>
        <translation>la marque «&#xa0;sans source&#xa0;» de cet énoncé a été changée dans une autre fenêtre ou un autre processus&#xa0;; rien n’a été annulé</translation>
    </message>
    <message>
        <source>the confidence level &apos;{confidence}&apos; is in several scales; give its rank too (the active scale has {choices})</source>
        <translation>le niveau de certitude «&#xa0;{confidence}&#xa0;» figure dans plusieurs échelles&#xa0;; donnez aussi son rang (l’échelle active a {choices})</translation>
    </message>
    <message>
        <source>unknown confidence level &apos;{confidence}&apos; (choose from {choices})</source>
        <translation>niveau de certitude inconnu «&#xa0;{confidence}&#xa0;» (choisissez parmi {choices})</translation>
    </message>
    <message>
        <source>unknown source &apos;{name}&apos; (known: {known})</source>
        <translation>source inconnue «&#xa0;{name}&#xa0;» (connues&#xa0;: {known})</translation>
    </message>
    <message>
        <source>unknown stance &apos;{stance}&apos; (choose from {choices})</source>
        <translation>position inconnue «&#xa0;{stance}&#xa0;» (choisissez parmi {choices})</translation>
    </message>
    <message>
        <source>give the server and the database of the team project</source>
        <translation>indiquez le serveur et la base de données du projet d’équipe</translation>
    </message>
    <message>
        <source>give the server of the team project</source>
        <translation>indiquez le serveur du projet d’équipe</translation>
    </message>
    <message>
        <source>give the database of the team project</source>
        <translation>indiquez la base de données du projet d’équipe</translation>
    </message>
    <message>
        <source>the port must lie between 1 and 65535, not {port}</source>
        <translation>le port doit être compris entre 1 et 65535, pas {port}</translation>
    </message>
    <message>
        <source>{project} is open read-only (its folder cannot be written here); nothing was changed</source>
        <translation>{project} est ouvert en lecture seule (son dossier n’est pas accessible en écriture ici)&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <source>the schema migrations are missing from this installation</source>
        <translation>les migrations du schéma manquent dans cette installation</translation>
    </message>
    <message>
        <source>(a database URL that cannot be read)</source>
        <translation>(une URL de base de données illisible)</translation>
    </message>
    <message>
        <source>service {service}</source>
        <translation>service {service}</translation>
    </message>
    <message>
        <source>{database} on this machine</source>
        <translation>{database} sur cette machine</translation>
    </message>
    <message>
        <source>{database} on {where}</source>
        <translation>{database} sur {where}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a project file</source>
        <translation>{path} est un dossier, pas un fichier de projet</translation>
    </message>
    <message>
        <source>no project at {path}</source>
        <translation>aucun projet à l’emplacement {path}</translation>
    </message>
    <message>
        <source>{path} was made by an older version of Sourcetrack and must be upgraded, but it (or its folder) cannot be written here; it was left unchanged</source>
        <translation>{path} a été créé par une version plus ancienne de Sourcetrack et doit être mis à jour, mais il (ou son dossier) n’est pas accessible en écriture ici&#xa0;; il est resté inchangé</translation>
    </message>
    <message>
        <source>upgrading {path} from schema {revision} failed ({kind}: {reason}); the project was left as it was</source>
        <translation>la mise à jour de {path} depuis le schéma {revision} a échoué ({kind}&#xa0;: {reason})&#xa0;; le projet est resté tel quel</translation>
    </message>
    <message>
        <source>upgrading {path} from schema {revision} failed ({kind}: {reason}); the project was left as it was; the copy made before it is {backup}</source>
        <translation>la mise à jour de {path} depuis le schéma {revision} a échoué ({kind}&#xa0;: {reason})&#xa0;; le projet est resté tel quel&#xa0;; la copie faite avant est {backup}</translation>
    </message>
    <message>
        <source>cannot make a project in {folder}: {reason}; nothing was written</source>
        <translation>impossible de créer un projet dans {folder}&#xa0;: {reason}&#xa0;; rien n’a été écrit</translation>
    </message>
    <message>
        <source>could not finish writing the new project {path}</source>
        <translation>impossible de terminer l’écriture du nouveau projet {path}</translation>
    </message>
    <message>
        <source>{path} is not a project file (a device, pipe or socket)</source>
        <translation>{path} n’est pas un fichier de projet (c’est un périphérique, un tube ou un socket)</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>impossible de lire {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a Sourcetrack project (it is not an SQLite database)</source>
        <translation>{path} n’est pas un projet Sourcetrack (ce n’est pas une base de données SQLite)</translation>
    </message>
    <message>
        <source>cannot open {path}: {reason}</source>
        <translation>impossible d’ouvrir {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a Sourcetrack project</source>
        <translation>{path} est une base de données SQLite, mais pas un projet Sourcetrack</translation>
    </message>
    <message>
        <source>{path} is in use by another program that holds it for itself (exclusive mode); close that program and try again. The file was left unchanged.</source>
        <translation>{path} est utilisé par un autre programme qui se le réserve (mode exclusif)&#xa0;; fermez ce programme et réessayez. Le fichier est resté inchangé.</translation>
    </message>
    <message>
        <source>{path} has an unreadable schema version</source>
        <translation>la version du schéma de {path} est illisible</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Sourcetrack (schema {revision}); update Sourcetrack to open it. The file was left unchanged.</source>
        <translation>{path} a été créé par une version plus récente de Sourcetrack (schéma {revision})&#xa0;; mettez Sourcetrack à jour pour l’ouvrir. Le fichier est resté inchangé.</translation>
    </message>
    <message>
        <source>{path} is damaged or not a Sourcetrack project: {reason}</source>
        <translation>{path} est endommagé ou n’est pas un projet Sourcetrack&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path} holds {objects} that Sourcetrack did not create; it was refused and left unchanged</source>
        <translation>{path} contient des objets que Sourcetrack n’a pas créés&#xa0;: {objects}&#xa0;; il a été refusé et laissé tel quel</translation>
    </message>
    <message>
        <source>{path} holds {objects} and more that Sourcetrack did not create; it was refused and left unchanged</source>
        <translation>{path} contient des objets que Sourcetrack n’a pas créés&#xa0;: {objects} et d’autres encore&#xa0;; il a été refusé et laissé tel quel</translation>
    </message>
    <message>
        <source>trigger &apos;{name}&apos;</source>
        <translation>déclencheur «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>view &apos;{name}&apos;</source>
        <translation>vue «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>virtual table &apos;{name}&apos;</source>
        <translation>table virtuelle «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>the upgraded project has broken references: {problems}</source>
        <translation>le projet mis à jour contient des références rompues&#xa0;: {problems}</translation>
    </message>
    <message>
        <source>that database holds tables but is not a Sourcetrack project</source>
        <translation>cette base de données contient des tables, mais ce n’est pas un projet Sourcetrack</translation>
    </message>
    <message>
        <source>that database holds no Sourcetrack project</source>
        <translation>cette base de données ne contient aucun projet Sourcetrack</translation>
    </message>
    <message>
        <source>the database was made by a newer version of Sourcetrack ({revision})</source>
        <translation>la base de données a été créée par une version plus récente de Sourcetrack ({revision})</translation>
    </message>
    <message>
        <source>upgrading it from schema {revision} failed ({kind}: {reason}); the database was left as it was</source>
        <translation>sa mise à jour depuis le schéma {revision} a échoué ({kind}&#xa0;: {reason})&#xa0;; la base de données est restée telle quelle</translation>
    </message>
    <message>
        <source>making the project failed ({kind}: {reason}); the database was left as it was</source>
        <translation>la création du projet a échoué ({kind}&#xa0;: {reason})&#xa0;; la base de données est restée telle quelle</translation>
    </message>
    <message>
        <source>there is no database &apos;{database}&apos; on the server at {where}</source>
        <translation>il n’y a pas de base de données «&#xa0;{database}&#xa0;» sur le serveur {where}</translation>
    </message>
    <message>
        <source>the server at {where} refused the password of role &apos;{role}&apos;</source>
        <translation>le serveur {where} a refusé le mot de passe du rôle «&#xa0;{role}&#xa0;»</translation>
    </message>
    <message>
        <source>the server at {where} has no role &apos;{role}&apos;</source>
        <translation>le serveur {where} n’a pas de rôle «&#xa0;{role}&#xa0;»</translation>
    </message>
    <message>
        <source>the server at {where} asks role &apos;{role}&apos; for a password: put it in PGPASSWORD, ~/.pgpass or a service file</source>
        <translation>le serveur {where} demande un mot de passe pour le rôle «&#xa0;{role}&#xa0;»&#xa0;: indiquez-le dans PGPASSWORD, ~/.pgpass ou un fichier de service</translation>
    </message>
    <message>
        <source>no PostgreSQL server answers at {where} (is it running? is the port right?)</source>
        <translation>aucun serveur PostgreSQL ne répond sur {where} (est-il démarré&#xa0;? le port est-il le bon&#xa0;?)</translation>
    </message>
    <message>
        <source>the server at {where} does not let this machine or role in (pg_hba.conf)</source>
        <translation>le serveur {where} n’accepte pas cette machine ou ce rôle (pg_hba.conf)</translation>
    </message>
    <message>
        <source>cannot use the database &apos;{database}&apos; at {where}: {reason}</source>
        <translation>impossible d’utiliser la base de données «&#xa0;{database}&#xa0;» sur {where}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>a level that tags use cannot be removed</source>
        <translation>un niveau qu’utilisent des étiquettes ne peut pas être supprimé</translation>
    </message>
</context>
<context>
    <name>ShortcutKeys</name>
    <message>
        <source>Ins</source>
        <translation>Inser</translation>
    </message>
    <message>
        <source>Ctrl+Del</source>
        <translation>Ctrl+Suppr</translation>
    </message>
    <message>
        <source>Enter / Backspace</source>
        <translation>Entrée / Retour arrière</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Maj+Tab</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y</source>
        <translation>Ctrl+Z / Ctrl+Maj+Z ou Ctrl+Y</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Maj+Suppr</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Maj+A</translation>
    </message>
    <message>
        <source>Ctrl+I / Ctrl+Shift+V</source>
        <translation>Ctrl+I / Ctrl+Maj+V</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>previous / next statement</source>
        <translation>énoncé précédent / suivant</translation>
    </message>
    <message>
        <source>toggle the n-th source on the statement</source>
        <translation>poser ou retirer la n-ième source sur l’énoncé</translation>
    </message>
    <message>
        <source>mark the statement “no source” (narration, background), or clear the mark</source>
        <translation>marquer l’énoncé «&#xa0;sans source&#xa0;» (narration, contexte), ou retirer la marque</translation>
    </message>
    <message>
        <source>make the n-th source the active one (its tag stays as it is)</source>
        <translation>faire de la n-ième source la source active (son étiquette reste telle quelle)</translation>
    </message>
    <message>
        <source>stance of the active source: asserts, denies, neutral</source>
        <translation>position de la source active&#xa0;: affirme, dément, neutre</translation>
    </message>
    <message>
        <source>confidence: first to fourth level (Alt+1…9: level by rank)</source>
        <translation>certitude&#xa0;: du premier au quatrième niveau (Alt+1…9&#xa0;: niveau par rang)</translation>
    </message>
    <message>
        <source>the note of the active source&apos;s tag: Enter keeps it, Esc leaves it as it was</source>
        <translation>la note de l’étiquette de la source active&#xa0;: Entrée la garde, Échap la laisse telle qu’elle était</translation>
    </message>
    <message>
        <source>the claim box: ↓ / ↑ choose a completion, Enter links it, Esc goes back</source>
        <translation>le champ des allégations&#xa0;: ↓ / ↑ choisissent une complétion, Entrée la lie, Échap revient</translation>
    </message>
    <message>
        <source>make a statement from the selected text</source>
        <translation>créer un énoncé à partir du texte sélectionné</translation>
    </message>
    <message>
        <source>split the statement at the cursor / merge it with the next</source>
        <translation>scinder l’énoncé au curseur / le fusionner avec le suivant</translation>
    </message>
    <message>
        <source>delete the statement</source>
        <translation>supprimer l’énoncé</translation>
    </message>
    <message>
        <source>accept / dismiss the chosen suggestion (the first, or as selected)</source>
        <translation>accepter / écarter la suggestion choisie (la première, ou celle sélectionnée)</translation>
    </message>
    <message>
        <source>the next / previous control: article list, text, panel</source>
        <translation>la commande suivante / précédente&#xa0;: liste des articles, texte, panneau</translation>
    </message>
    <message>
        <source>this list</source>
        <translation>cette liste</translation>
    </message>
    <message>
        <source>undo / redo</source>
        <translation>annuler / rétablir</translation>
    </message>
    <message>
        <source>the open article&apos;s details (title, outlet, date…)</source>
        <translation>les détails de l’article ouvert (titre, média, date…)</translation>
    </message>
    <message>
        <source>mark the open article reviewed (again: not reviewed)</source>
        <translation>marquer l’article ouvert relu (à nouveau&#xa0;: non relu)</translation>
    </message>
    <message>
        <source>delete the open article (undoable)</source>
        <translation>supprimer l’article ouvert (annulable)</translation>
    </message>
    <message>
        <source>accept every suggestion of the open article, in one undo step</source>
        <translation>accepter toutes les suggestions de l’article ouvert, en une seule étape d’annulation</translation>
    </message>
    <message>
        <source>import files / paste an article</source>
        <translation>importer des fichiers / coller un article</translation>
    </message>
    <message>
        <source>new / open / close a project</source>
        <translation>nouveau projet / ouvrir / fermer un projet</translation>
    </message>
</context>
<context>
    <name>ShownTags</name>
    <message>
        <source>Whose tags the text shows. You always edit your own; the panel lists the other annotators&apos; tags beside yours.</source>
        <translation>Les étiquettes que le texte montre. Vous modifiez toujours les vôtres&#xa0;; le panneau liste celles des autres annotateurs à côté des vôtres.</translation>
    </message>
    <message>
        <source>Everyone&apos;s tags</source>
        <translation>Les étiquettes de tous</translation>
    </message>
    <message>
        <source>My tags ({0})</source>
        <translation>Mes étiquettes ({0})</translation>
    </message>
    <message>
        <source>{0}&apos;s tags</source>
        <translation>Étiquettes de {0}</translation>
    </message>
    <message>
        <source>Consensus (adjudicated)</source>
        <translation>Consensus (arbitré)</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>Contested claims only</source>
        <translation>Allégations contestées seulement</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>Exporter en HTML…</translation>
    </message>
    <message>
        <source>&amp;Tags of</source>
        <translation>É&amp;tiquettes de</translation>
    </message>
    <message>
        <source>Sources (two or more)</source>
        <translation>Sources (deux ou plus)</translation>
    </message>
    <message>
        <source>{claims}; none of these sources states the claim chosen in Compare</source>
        <translation>{claims}&#xa0;; aucune de ces sources n’énonce l’allégation choisie dans Comparer</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Allégation</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln later statement(s)</source>
        <translation>
            <numerusform>… et %Ln énoncé plus récent</numerusform>
            <numerusform>… et %Ln énoncés plus récents</numerusform>
        </translation>
    </message>
    <message>
        <source>side-by-side</source>
        <translation>cote-a-cote</translation>
    </message>
    <message>
        <source>Export side by side</source>
        <translation>Exporter la vue côte à côte</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>Non exporté&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <source>Completely reliable</source>
        <translation>Entièrement fiable</translation>
    </message>
    <message>
        <source>Usually reliable</source>
        <translation>Habituellement fiable</translation>
    </message>
    <message>
        <source>Fairly reliable</source>
        <translation>Assez fiable</translation>
    </message>
    <message>
        <source>Not usually reliable</source>
        <translation>Habituellement peu fiable</translation>
    </message>
    <message>
        <source>Unreliable</source>
        <translation>Non fiable</translation>
    </message>
    <message>
        <source>Reliability cannot be judged</source>
        <translation>Fiabilité impossible à évaluer</translation>
    </message>
    <message>
        <source>Sources and confidence scale</source>
        <translation>Sources et échelle de certitude</translation>
    </message>
    <message>
        <source>Add source…</source>
        <translation>Ajouter une source…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>non évaluée</translation>
    </message>
    <message>
        <source>One alias per line</source>
        <translation>Un alias par ligne</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>Fait partie de</translation>
    </message>
    <message>
        <source>Aliases (fr)</source>
        <translation>Alias (fr)</translation>
    </message>
    <message>
        <source>Aliases (en)</source>
        <translation>Alias (en)</translation>
    </message>
    <message>
        <source>Names from my tags…</source>
        <translation>Noms tirés de mes étiquettes…</translation>
    </message>
    <message>
        <source>Save source</source>
        <translation>Enregistrer la source</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Confidence scale</source>
        <translation>Échelle de certitude</translation>
    </message>
    <message>
        <source>Use this scale</source>
        <translation>Utiliser cette échelle</translation>
    </message>
    <message>
        <source>New custom scale…</source>
        <translation>Nouvelle échelle personnalisée…</translation>
    </message>
    <message>
        <source>Edit levels of this scale…</source>
        <translation>Modifier les niveaux de cette échelle…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to {source}?</source>
        <translation>Enregistrer les modifications de {source}&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Add %Ln known alias(es)</source>
        <translation>
            <numerusform>Ajouter %Ln alias connu</numerusform>
            <numerusform>Ajouter %Ln alias connus</numerusform>
        </translation>
    </message>
    <message>
        <source>Names from my tags</source>
        <translation>Noms tirés de mes étiquettes</translation>
    </message>
    <message>
        <source>Your tags of {source} name no speaker its aliases miss.</source>
        <translation>Vos étiquettes de {source} ne nomment aucun locuteur absent de ses alias.</translation>
    </message>
    <message>
        <source>Add these names as aliases of {source}?

{names}</source>
        <translation>Ajouter ces noms comme alias de {source}&#xa0;?

{names}</translation>
    </message>
    <message>
        <source>Source colour</source>
        <translation>Couleur de la source</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>Name of the new source:</source>
        <translation>Nom de la nouvelle source&#xa0;:</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Non ajouté</translation>
    </message>
    <message>
        <source>(in use)</source>
        <translation>(utilisée)</translation>
    </message>
    <message>
        <source>Levels, firmest first: {levels}</source>
        <translation>Niveaux, du plus ferme au moins ferme&#xa0;: {levels}</translation>
    </message>
    <message>
        <source>The presets stay as published; make a custom scale to change levels</source>
        <translation>Les échelles prédéfinies restent telles que publiées&#xa0;; créez une échelle personnalisée pour changer les niveaux</translation>
    </message>
    <message>
        <source>Switch the confidence scale?</source>
        <translation>Changer d’échelle de certitude&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag(s) use levels of another scale. They keep their own levels and labels everywhere; new tags are rated on {scale}. Edit ▸ Undo switches back.</source>
        <translation>
            <numerusform>%Ln étiquette utilise les niveaux d’une autre échelle. Elle garde partout son propre niveau et son libellé&#xa0;; les nouvelles étiquettes sont évaluées sur {scale}. Édition ▸ Annuler revient en arrière.</numerusform>
            <numerusform>%Ln étiquettes utilisent les niveaux d’une autre échelle. Elles gardent partout leurs propres niveaux et libellés&#xa0;; les nouvelles étiquettes sont évaluées sur {scale}. Édition ▸ Annuler revient en arrière.</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom scale</source>
        <translation>Échelle personnalisée</translation>
    </message>
    <message>
        <source>Name of the scale:</source>
        <translation>Nom de l’échelle&#xa0;:</translation>
    </message>
    <message>
        <source>One level per line, firmest first (label: description):</source>
        <translation>Un niveau par ligne, du plus ferme au moins ferme (libellé&#xa0;: description)&#xa0;:</translation>
    </message>
    <message>
        <source>Edit scale</source>
        <translation>Modifier l’échelle</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Non modifié</translation>
    </message>
</context>
<context>
    <name>Stance</name>
    <message>
        <source>asserts</source>
        <translation>affirme</translation>
    </message>
    <message>
        <source>denies</source>
        <translation>dément</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutre</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>mitigé</translation>
    </message>
</context>
<context>
    <name>StatementEdits</name>
    <message>
        <source>Select some text first to make it a statement.</source>
        <translation>Sélectionnez d’abord du texte pour en faire un énoncé.</translation>
    </message>
    <message>
        <source>make statement</source>
        <translation>créer un énoncé</translation>
    </message>
    <message>
        <source>Click in the statement where it should be split, then press S.</source>
        <translation>Cliquez dans l’énoncé à l’endroit où le scinder, puis appuyez sur S.</translation>
    </message>
    <message>
        <source>split statement</source>
        <translation>scinder l’énoncé</translation>
    </message>
    <message>
        <source>merge statements</source>
        <translation>fusionner les énoncés</translation>
    </message>
    <message>
        <source>delete statement</source>
        <translation>supprimer l’énoncé</translation>
    </message>
    <message>
        <source>Delete statement</source>
        <translation>Supprimer l’énoncé</translation>
    </message>
    <message>
        <source>Delete statement {position}?</source>
        <translation>Supprimer l’énoncé {position}&#xa0;?</translation>
    </message>
    <message>
        <source>{tags} and {links} go with it. Undo (Ctrl+Z) brings it all back.</source>
        <translation>{tags} et {links} partent avec lui. Annuler (Ctrl+Z) rétablit le tout.</translation>
    </message>
    <message>
        <source>“{quoted}”</source>
        <translation>«&#xa0;{quoted}&#xa0;»</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>StatementTableModel</name>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Énoncé</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Allégations</translation>
    </message>
</context>
<context>
    <name>StatementText</name>
    <message>
        <source>Choose an article on the left.</source>
        <translation>Choisissez un article à gauche.</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>sans source</translation>
    </message>
</context>
<context>
    <name>StatementsView</name>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every statement again</source>
        <translation>Afficher de nouveau tous les énoncés</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Search the text</source>
        <translation>Rechercher dans le texte</translation>
    </message>
    <message>
        <source>Statements holding all these words (accents optional)</source>
        <translation>Les énoncés qui contiennent tous ces mots (accents facultatifs)</translation>
    </message>
    <message>
        <source>Title contains</source>
        <translation>Le titre contient</translation>
    </message>
    <message>
        <source>The statements of the articles whose title holds this</source>
        <translation>Les énoncés des articles dont le titre contient ce texte</translation>
    </message>
    <message>
        <source>any</source>
        <translation>toute date</translation>
    </message>
    <message>
        <source>Untagged only</source>
        <translation>Non étiquetés seulement</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Certitude</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Allégation</translation>
    </message>
    <message>
        <source>(confidence not set)</source>
        <translation>(certitude non renseignée)</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Tag selected rows</source>
        <translation>Étiqueter les lignes sélectionnées</translation>
    </message>
    <message>
        <source>Tag selection with</source>
        <translation>Étiqueter la sélection avec</translation>
    </message>
    <message>
        <source>Any</source>
        <comment>outlet</comment>
        <translation>Tous</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>comptage…</translation>
    </message>
    <message>
        <source>No statement matches these filters. Clear filters to see them all.</source>
        <translation>Aucun énoncé ne correspond à ces filtres. Effacez les filtres pour tous les voir.</translation>
    </message>
    <message>
        <source>No statements yet: import articles (File ▸ Import files…, Ctrl+I) and their text is split into statements to tag.</source>
        <translation>Pas encore d’énoncés&#xa0;: importez des articles (Fichier ▸ Importer des fichiers…, Ctrl+I) et leur texte est découpé en énoncés à étiqueter.</translation>
    </message>
    <message numerus="yes">
        <source>tag %Ln statement(s) {source}</source>
        <translation>
            <numerusform>étiqueter %Ln énoncé avec {source}</numerusform>
            <numerusform>étiqueter %Ln énoncés avec {source}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <source>alias (knowledge base)</source>
        <translation>alias (base de connaissances)</translation>
    </message>
    <message>
        <source>alias (learnt)</source>
        <translation>alias (appris)</translation>
    </message>
    <message>
        <source>reporting verb</source>
        <translation>verbe introducteur</translation>
    </message>
    <message>
        <source>attribution phrase</source>
        <translation>formule d’attribution</translation>
    </message>
    <message>
        <source>denial</source>
        <translation>démenti</translation>
    </message>
    <message>
        <source>denial by what the claim is called</source>
        <translation>démenti par la façon de nommer l’allégation</translation>
    </message>
    <message>
        <source>denial by a negated claim</source>
        <translation>démenti par une allégation niée</translation>
    </message>
    <message>
        <source>declining to commit</source>
        <translation>refus de se prononcer</translation>
    </message>
    <message>
        <source>confirmation</source>
        <translation>confirmation</translation>
    </message>
    <message>
        <source>the quotation&apos;s speaker</source>
        <translation>l’auteur de la citation</translation>
    </message>
    <message>
        <source>the sentence&apos;s speaker</source>
        <translation>le locuteur de la phrase</translation>
    </message>
    <message>
        <source>the last speaker</source>
        <translation>le dernier locuteur</translation>
    </message>
    <message>
        <source>refers back</source>
        <translation>renvoie à un nom déjà cité</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lieu</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>les deux camps</translation>
    </message>
    <message>
        <source>continues the sentence before</source>
        <translation>prolonge la phrase précédente</translation>
    </message>
    <message>
        <source>No statement</source>
        <translation>Aucun énoncé</translation>
    </message>
    <message>
        <source>Suggestions (Enter accepts, Backspace dismisses)</source>
        <translation>Suggestions (Entrée accepte, Retour arrière écarte)</translation>
    </message>
    <message>
        <source>Accept (Enter)</source>
        <translation>Accepter (Entrée)</translation>
    </message>
    <message>
        <source>Dismiss (Backspace)</source>
        <translation>Écarter (Retour arrière)</translation>
    </message>
    <message>
        <source>Sources (1–9 toggle; Ctrl+1–9 make active)</source>
        <translation>Sources (1–9&#xa0;: poser ou retirer&#xa0;; Ctrl+1–9&#xa0;: rendre active)</translation>
    </message>
    <message>
        <source>Stance of the active source (A D N)</source>
        <translation>Position de la source active (A D N)</translation>
    </message>
    <message>
        <source>Confidence (Q W E R, or Alt+digit)</source>
        <translation>Certitude (Q W E R, ou Alt+chiffre)</translation>
    </message>
    <message>
        <source>This tag keeps its level of a scale the project no longer uses; choose a level below to rate it on the active scale</source>
        <translation>Cette étiquette garde son niveau d’une échelle que le projet n’utilise plus&#xa0;; choisissez un niveau ci-dessous pour l’évaluer sur l’échelle active</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>A note on the active source&apos;s tag</source>
        <translation>Une note sur l’étiquette de la source active</translation>
    </message>
    <message>
        <source>Claims (C)</source>
        <translation>Allégations (C)</translation>
    </message>
    <message>
        <source>Unlink selected claim</source>
        <translation>Délier l’allégation sélectionnée</translation>
    </message>
    <message>
        <source>&lt;b&gt;Statement {position}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Énoncé {position}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{annotator}: {reading}</source>
        <translation>{annotator}&#xa0;: {reading}</translation>
    </message>
    <message>
        <source>(also: {annotators})</source>
        <translation>(aussi&#xa0;: {annotators})</translation>
    </message>
    <message>
        <source>{level}  (another scale&apos;s level)</source>
        <translation>{level}  (niveau d’une autre échelle)</translation>
    </message>
    <message>
        <source>{cue}: {rule}</source>
        <translation>{cue}&#xa0;: {rule}</translation>
    </message>
    <message>
        <source>score {score}; evidence: {evidence}</source>
        <translation>score {score}&#xa0;; indices&#xa0;: {evidence}</translation>
    </message>
    <message>
        <source>found by: {rules}</source>
        <translation>trouvé par&#xa0;: {rules}</translation>
    </message>
</context>
<context>
    <name>TeamProject</name>
    <message>
        <source>Password for role &apos;{role}&apos; (used for this connection, never stored):</source>
        <translation>Mot de passe du rôle «&#xa0;{role}&#xa0;» (utilisé pour cette connexion, jamais enregistré)&#xa0;:</translation>
    </message>
    <message>
        <source>Password (used for this connection, never stored):</source>
        <translation>Mot de passe (utilisé pour cette connexion, jamais enregistré)&#xa0;:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
</context>
<context>
    <name>TeamProjectDialog</name>
    <message>
        <source>New team project</source>
        <translation>Nouveau projet d’équipe</translation>
    </message>
    <message>
        <source>Open a team project</source>
        <translation>Ouvrir un projet d’équipe</translation>
    </message>
    <message>
        <source>instead of the four above, from the service file</source>
        <translation>au lieu des quatre ci-dessus, depuis le fichier de services</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>Or a ser&amp;vice:</source>
        <translation>Ou un ser&amp;vice&#xa0;:</translation>
    </message>
    <message>
        <source>A team project lives in a PostgreSQL database that the team shares.</source>
        <translation>Un projet d’équipe vit dans une base PostgreSQL que l’équipe partage.</translation>
    </message>
    <message>
        <source>An empty database becomes a project; one that is a project already opens.</source>
        <translation>Une base vide devient un projet&#xa0;; une base qui est déjà un projet s’ouvre.</translation>
    </message>
    <message>
        <source>Passwords come from PGPASSWORD, ~/.pgpass or the service file, or are asked for when the server wants one; they are never stored.</source>
        <translation>Les mots de passe viennent de PGPASSWORD, de ~/.pgpass ou du fichier de services, ou sont demandés quand le serveur en exige un&#xa0;; ils ne sont jamais enregistrés.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Who claims what, how firmly, and since when.</source>
        <translation>Qui affirme quoi, avec quelle fermeté, et depuis quand.</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Ouvrir le projet de démonstration</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Nouveau projet…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Recent projects:</source>
        <translation>Projets récents&#xa0;:</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>New &amp;team project…</source>
        <translation>Nouveau pro&amp;jet d’équipe…</translation>
    </message>
    <message>
        <source>Open a t&amp;eam project…</source>
        <translation>Ouvrir un projet d’équip&amp;e…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Ouvrir le projet de &amp;démonstration</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Importer un do&amp;ssier…</translation>
    </message>
    <message>
        <source>&amp;Paste an article…</source>
        <translation>&amp;Coller un article…</translation>
    </message>
    <message>
        <source>Import &amp;tags…</source>
        <translation>Importer des é&amp;tiquettes…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>&amp;Merge coders&apos; copies…</source>
        <translation>F&amp;usionner les copies des codeurs…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Fermer le projet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Article &amp;details…</source>
        <translation>&amp;Détails de l’article…</translation>
    </message>
    <message>
        <source>&amp;Sources and confidence scale…</source>
        <translation>&amp;Sources et échelle de certitude…</translation>
    </message>
    <message>
        <source>Tag as another a&amp;nnotator…</source>
        <translation>Étiqueter sous un autre a&amp;nnotateur…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Mark article &amp;reviewed</source>
        <translation>Marquer l’article rel&amp;u</translation>
    </message>
    <message>
        <source>&amp;Accept all suggestions of the article</source>
        <translation>Accepter &amp;toutes les suggestions de l’article</translation>
    </message>
    <message>
        <source>De&amp;lete article…</source>
        <translation>Supprimer l’artic&amp;le…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;About Sourcetrack</source>
        <translation>À &amp;propos de Sourcetrack</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Annuler {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Rétablir {action}</translation>
    </message>
</context>
</TS>
