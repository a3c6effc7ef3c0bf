# Ce que disent les diagnostics, en français : le message et la ligne d’aide
# de chaque problème que cairn signale, regroupés par code (docs/checks.md
# explique chaque code). Une traduction de diagnostics.en.ftl, message par
# message (les mêmes identifiants et les mêmes variables), au format Project
# Fluent : https://projectfluent.org/fluent/guide/
#
# Les identifiants, les chemins, les nombres, les suggestions « vouliez-vous
# dire » et les textes d’erreur du système, de l’analyseur TOML ou de Tera
# sont des arguments. Les exemples de code qui contiennent des accolades
# ({ … }) en sont aussi, car Fluent demanderait sinon de les échapper ; les
# exemples sans accolades font partie du message.

## Morceaux communs aux messages de plusieurs codes

# Le type d’une valeur, tel que « …, mais c’est { $found } » le nomme.
found_string = une chaîne
found_integer = un nombre entier
found_float = un nombre
found_boolean = un booléen
found_date = une date
found_array = une liste
found_table = une table
# Une sorte de document, telle que « { $kind } » la nomme. $kind : pathway,
# level, workshop, requirement, credential ou page ; ou completable, toutes
# les sortes qu’une personne peut terminer.
kind_a = { $kind ->
    [pathway] un parcours
    [level] un niveau
    [workshop] un atelier
    [requirement] une exigence
    [credential] un titre
    [completable] un niveau, un atelier, une exigence ou un titre
   *[page] une page
}
# La même chose avec l’article défini plutôt que l’article indéfini : « le
# niveau » (les messages qui l’utilisent sont écrits pour cela).
kind_name = { $kind ->
    [pathway] le parcours
    [level] le niveau
    [workshop] l’atelier
    [requirement] l’exigence
    [credential] le titre
    [completable] le niveau, l’atelier, l’exigence ou le titre
   *[page] la page
}
# $suggestion : l’identifiant ou le nom le plus proche.
did_you_mean = vouliez-vous dire "{ $suggestion }" ?
# $suggestion : la clé la plus proche.
did_you_mean_key = vouliez-vous dire `{ $suggestion }` ?
# Une liste écourtée. $items : les premiers éléments, séparés par des
# virgules ; $more : combien il en reste.
list_and_more = { $items } et { $more } de plus
warnings_grouped = { $count } autres du même genre : { $places } (`--format json` les liste un par un)
# Une ligne qui tient lieu des problèmes d’un même code au-delà des cent premiers.
more_of_a_kind = { $count ->
    [one] 1 autre problème { $code } du même genre n’est pas affiché
   *[other] { $count } autres problèmes { $code } du même genre ne sont pas affichés
}
more_of_a_kind_help = corrigez ceux qui sont affichés, ou l’erreur unique qui les cause tous, puis relancez pour voir ce qui reste
# Ce qui contient une clé, tel que les messages de E003 et E004 le nomment
# ($table). Les sections de site.toml sont nommées telles qu’écrites :
# « [checklist] ».
table_record = un relevé
table_offering = une séance
table_price = un prix
table_provider = un fournisseur
table_expression = une expression de règle
# $kind : comme pour kind_a.
front_matter_of = { $kind ->
    [pathway] l’en-tête d’un parcours
    [level] l’en-tête d’un niveau
    [workshop] l’en-tête d’un atelier
    [requirement] l’en-tête d’une exigence
    [credential] l’en-tête d’un titre
   *[page] l’en-tête d’une page
}
front_matter_of_listing = l’en-tête d’une page de liste
# Valeurs à écrire, montrées en TOML dans l’aide d’un champ absent ($example).
example_site_title = "Mon catalogue de formations"
example_title = "Un titre court"
example_organization_name = "Nom complet de l’organisme"
example_provider_name = "Qui l’offre"
example_unit = "heures"
example_pool_noun = "plongée"

## E001 en-tête absent ou jamais fermé

front_matter_missing = ce fichier n’a pas d’en-tête (front matter)
front_matter_missing_help = commencez le fichier par une ligne `+++`, puis `title = "…"`, puis une autre ligne `+++` ; voyez docs/content-format.md
front_matter_unclosed = l’en-tête n’est jamais fermé
front_matter_unclosed_help = ajoutez une ligne `+++` après le dernier champ de l’en-tête, avant le texte Markdown

## E002 erreurs de syntaxe TOML

# $error : les mots mêmes de l’analyseur TOML.
toml_syntax = TOML invalide : { $error }
toml_syntax_help = vérifiez les guillemets, les crochets et les signes `=` de cette ligne ; le format TOML est décrit dans docs/content-format.md

## E003 clés inconnues

# $table : ce qui contient la clé (« site.toml », table_offering, front_matter_of…).
unknown_key = clé inconnue `{ $key }` dans { $table }
# $keys : les clés que la table accepte, séparées par des virgules.
unknown_key_help = { $table } accepte : { $keys }

## E004 champs obligatoires absents

missing_field = { $table } n’a pas de `{ $key }`
# $example : une valeur à écrire, en TOML.
missing_field_help = ajoutez une ligne `{ $key } = { $example }`
offering_without_start = cette séance n’a pas de date `start`
offering_without_start_help = ajoutez une ligne `start = 2027-03-12` (année-mois-jour, sans guillemets)
expr_no_form = cette expression ne dit ni `all`, ni `any`, ni `choose`, ni `has`
# $all, $any, $choose, $has : chaque forme, en TOML.
expr_no_form_help = utilisez l’une des formes { $all }, { $any }, { $choose } ou { $has }
choose_without_from = `choose` demande un `from`
choose_without_from_help = ajoutez `from = "level-2"` (tous les ateliers d’un niveau) ou `from = ["a", "b", "c"]`
has_without_at_least = `has` demande un `at_least`
# $example : la table avec un `at_least`, en TOML.
has_without_at_least_help = ajoutez le nombre à atteindre, comme `{ $example }`

## E005 valeurs du mauvais type
alias_invalid = « { $alias } » n’est pas une ancienne adresse de cette page
alias_invalid_help = écrivez une ancienne adresse du site depuis sa racine, "/workshops/ancien-nom/", ou un ancien identifiant, "ancien-nom", pour le même dossier

# $expected : l’un des expected_* ; $found : l’un des found_*.
wrong_type = `{ $key }` doit être { $expected }, mais c’est { $found }
expected_string = une chaîne
expected_boolean = true ou false
expected_whole_number = un nombre entier
expected_strings = une liste de chaînes
expected_table = une table
expected_tables = une liste de tables
# $example : une valeur à écrire, en TOML.
wrong_type_help = écrivez-le comme `{ $key } = { $example }`
# $sections : « [[clé]] » ; $inline : la liste écrite sur une ligne, en TOML.
wrong_type_tables_help = écrivez-le en sections, comme `{ $key } = { $sections }`, ou comme `{ $key } = { $inline }`
wrong_type_when = `{ $key }` doit être une date, ou une date et une heure, mais c’est { $found }
found_quoted_date = une chaîne (les dates s’écrivent sans guillemets)
wrong_type_when_help = écrivez `{ $key } = 2027-03-12`, ou avec une heure `{ $key } = 2027-03-12T09:00:00` (année-mois-jour, sans guillemets)
time_without_date = `{ $key }` est une heure sans sa date
time_without_date_help = écrivez la date devant : `{ $key } = 2027-03-12T{ $time }`
updated_is_a_day = `updated` est un jour, sans heure
updated_is_a_day_help = écrivez le jour seul : `updated = 2027-03-12`
wrong_type_price = `price` doit être "free", un montant, ou un montant avec sa devise
wrong_type_price_help = écrivez `price = "free"`, `price = 450` (dans la devise du site) ou `price = { "{" } amount = 450, currency = "CAD" { "}" }`
wrong_type_list_item = `{ $key }` doit contenir des chaînes, mais contient { $found }
wrong_type_list_item_help = mettez chaque élément entre guillemets droits doubles
from_item_help = `choose` compte des choses distinctes, donc `from` ne liste que des identifiants ; pour choisir parmi des groupes, écrivez un `any` des combinaisons, comme `{ "{" } any = [["a", "b"], ["a", "c"]] { "}" }`
wrong_type_table_item = chaque élément de `{ $key }` doit être une table, mais l’un d’eux est { $found }
wrong_type_table_item_help = écrivez une section `[[{ $key }]]` par élément
organization_not_table = `organizations.{ $key }` doit être une table
organization_not_table_help = écrivez une section `[organizations.{ $key }]` avec `name = "…"` et `url = "…"`
expr_wrong_type = `{ $key }` doit être un identifiant, une liste ou une table, mais c’est { $found }
# $example : une table, en TOML.
expr_wrong_type_help = écrivez un identifiant comme "level-1", une liste comme ["a", "b"] ou une table comme { $example }
list_form_wrong_type = `{ $form }` doit être une liste d’expressions, mais c’est { $found }
list_form_wrong_type_help = écrivez `{ $form } = ["a", "b"]`
from_wrong_type = `from` doit être un identifiant de niveau ou une liste d’identifiants, mais c’est { $found }
from_wrong_type_help = écrivez `from = "level-2"` ou `from = ["a", "b", "c"]`

## E006 références introuvables

unresolved_reference = référence introuvable : "{ $name }"
unresolved_help_draft = "{ $name }" est un brouillon : publiez-le (retirez `draft = true`) ou produisez le site avec --drafts
# $kind : kind_a ; $candidates : les identifiants de cette sorte, entre
# guillemets, séparés par des virgules.
name_kind_here_from = nommez ici { $kind } : { $candidates }
name_an_item_here_from = nommez ici l’un des éléments du catalogue : { $candidates }
# $kind : kind_name.
no_such_id = { $kind } portant cet identifiant est introuvable ; les identifiants sont les noms des fichiers dans content/, sans .md (un _index.md n’en a pas : liez une liste ou l’accueil par son adresse, comme / ou /workshops/)
ids_are_file_names = les identifiants sont les noms des fichiers dans content/, sans .md (un _index.md n’en a pas : liez une liste ou l’accueil par son adresse, comme / ou /workshops/)
record_unknown_id = le relevé nomme "{ $id }", qui n’est pas dans le catalogue
record_unknown_id_help = les identifiants sont les noms des fichiers Markdown du catalogue ; catalogue.json en donne la liste

## E007 noms de fichiers qui ne sont pas des identifiants, fichiers mal placés

# $folder : le dossier d’une sorte dans content/ (« levels »).
index_in_subfolder = un `_index.md` placé dans un sous-dossier de content/{ $folder }/ n’a pas de page à lui
index_in_subfolder_help = les sous-dossiers de content/{ $folder }/ ne font que regrouper des fichiers ; la page de liste /{ $folder }/ prend son titre et son texte dans content/{ $folder }/_index.md : déplacez donc ce fichier là, ou supprimez-le
invalid_id = `{ $id }` n’est pas un identifiant valide
# $suggestion : le nom du fichier transformé en identifiant, ou example_file_stem.
invalid_id_help = les identifiants sont des noms de fichiers faits de lettres minuscules a-z, de chiffres et de traits d’union ; renommez le fichier en `{ $suggestion }.md`
example_file_stem = ma-page

## E008 deux éléments avec un même identifiant

# $path : le fichier qui a déjà cet identifiant.
duplicate_id = l’identifiant "{ $id }" est déjà utilisé par { $path }
duplicate_id_help = les identifiants sont les noms des fichiers et doivent être uniques dans tout content/ : renommez l’un des deux fichiers
duplicate_id_first = l’identifiant est d’abord utilisé par { $path }

## E009 noms de la mauvaise sorte

# $field : la clé qui le nomme ; $expected, $kind : kind_a.
wrong_kind = `{ $field }` doit nommer { $expected }, mais "{ $name }" est { $kind }
# $kind : kind_a.
name_kind_here = nommez ici { $kind }
unknown_organization = `{ $field }` nomme "{ $key }", qui n’est pas un organisme de site.toml
unknown_organization_help = ajoutez `[organizations.{ $key }]` avec un `name` dans site.toml
# $kind : kind_a.
record_not_completable = "{ $id }" est { $kind }, qu’on ne peut pas terminer
record_not_completable_help = ne listez que des niveaux, des ateliers, des exigences et des titres

## E010 préalables qui reviennent sur eux-mêmes

# $path : les identifiants du cycle, « a -> b -> a ».
cycle = cycle de préalables : { $path }
cycle_help = personne ne pourrait jamais commencer aucun de ces éléments ; retirez l’une des références de la chaîne

## E011 valeurs hors limites

too_large = `{ $key }` est trop grand
too_large_help = utilisez un nombre entier entre { $min } et { $max }
# $subject : ce qui doit être un nombre (« `at_least` », record_amount_subject).
not_zero_or_more = { $subject } doit être un nombre égal ou supérieur à zéro, mais c’est { $found }
found_negative = un nombre négatif ou non fini
at_least_help = écrivez la quantité à atteindre, comme `at_least = 300`
record_amount_subject = la quantité de "{ $id }"
record_amount_help = écrivez-la comme `{ $id } = 300`
record_date_wrong_type = la date de "{ $id }" doit être un jour, mais c’est { $found }
record_date_wrong_type_help = écrivez-la comme `{ $id } = 2025-03-03` (année-mois-jour, sans guillemets)
found_date_and_time = une date avec une heure
empty_title = `title` est vide
empty_title_help = donnez un titre à la page : c’est le titre affiché en haut de la page et son nom dans chaque lien
# $value : la durée telle qu’écrite.
invalid_period = `{ $key }` doit être une durée comme "3 years" ; valeur trouvée : "{ $value }"
invalid_period_help = écrivez un nombre entier suivi de days, weeks, months ou years (en anglais) : "18 months", "1 year"
unknown_category = catégorie inconnue "{ $name }"
# $names : les catégories, séparées par des virgules.
unknown_category_help = utilisez l’une de celles-ci : { $names }
# $forms : les formes, expr_forms_and.
expr_mixed = cette expression mélange { $forms }
# $first : une forme ; $rest : les autres, une forme ou encore expr_forms_and.
expr_forms_and = { $first } et { $rest }
# $example : des tables imbriquées, en TOML.
expr_mixed_help = utilisez une seule forme par table et imbriquez les tables, comme { $example }
any_empty = `any = []` ne peut jamais être rempli : il n’offre rien à choisir
any_empty_help = listez les possibilités, comme `any = ["a", "b"]` ; pour ne rien exiger du tout, écrivez `{ $key } = []`
all_empty = `all = []` ne contient rien
all_empty_help = listez ce qui est exigé, comme `all = ["a", "b"]` ; pour ne rien exiger du tout, écrivez `{ $key } = []`
empty_list_in_rule = une liste vide dans une règle ne veut rien dire
empty_list_in_rule_help = retirez-la ; pour ne rien exiger du tout, écrivez toute la règle `{ $key } = []`
# $count : le nombre écrit, tel qu’écrit.
choose_not_positive = `choose` doit être un nombre entier d’au moins 1 ; valeur trouvée : { $count }
choose_not_positive_help = écrivez combien d’éléments il faut terminer, comme `choose = 3`

not_an_amount = `{ $key }` doit être un montant positif ou nul, écrit comme un nombre simple
not_an_amount_help = écrivez-le comme `{ $key } = 450` ou `{ $key } = 19.99`
unknown_status = état de séance inconnu "{ $name }"
status_help = utilisez l’un de : { $names }
not_a_language = "{ $tag }" n’est pas une étiquette de langue
not_a_language_help = écrivez une étiquette BCP 47, comme dans `<html lang>` : "en", "fr" ou "fr-CA"
offering_id_not_plain = l’`id` d’une séance s’écrit en minuscules, chiffres et traits d’union, mais c’est "{ $id }"
offering_id_not_plain_help = écrivez-le comme `id = "printemps-2027"`

## E012 liens brisés entre les pages

unresolved_link = le lien vers "{ $name }" ne mène nulle part
# $anchor : « # » et l’ancre du titre de section.
missing_anchor = "{ $id }" n’a pas de titre de section "{ $anchor }"
# $path : le fichier visé par le lien ; $anchors : les ancres de ses titres de
# section, séparées par des virgules.
missing_anchor_help = les ancres des titres de section de { $path } sont : { $anchors }
missing_anchor_help_no_headings = { $path } n’a aucun titre de section vers lequel faire un lien

## E013 fichiers illisibles, ou qui ne sont pas en UTF-8

no_content_folder = il n’y a pas de dossier content/
no_content_folder_help = créez content/ à côté de site.toml et mettez-y les fichiers Markdown du catalogue
# $error : les mots mêmes du système.
cannot_read = impossible de lire { $path } : { $error }
cannot_read_folder_help = vérifiez que le dossier existe et que vous avez le droit de le lire
cannot_read_this_file = impossible de lire ce fichier : { $error }
cannot_read_file_help = vérifiez que le fichier existe et que vous avez le droit de le lire
file_not_utf8 = ce fichier n’est pas du texte UTF-8 valide
file_not_utf8_help = enregistrez le fichier en UTF-8 dans votre éditeur (« Enregistrer avec l’encodage » ou l’équivalent)
site_toml_not_utf8 = site.toml n’est pas du texte UTF-8 valide
site_toml_not_utf8_help = enregistrez site.toml en UTF-8 dans votre éditeur
theme_unreadable_help = vérifiez que le fichier est du texte UTF-8 et que vous avez le droit de le lire
# $path : le fichier du relevé, tel que donné à --profile.
record_unreadable = impossible de lire le relevé { $path } : { $error }
record_unreadable_help = donnez le chemin d’un fichier TOML avec `completed = [...]` et `[measures]` ; docs/checklist.md en montre un
record_not_utf8 = le relevé { $path } n’est pas du texte UTF-8
record_not_utf8_help = enregistrez-le en UTF-8 dans votre éditeur

## E014 site.toml à qui il manque quelque chose, ou qui contient une valeur invalide

# $root : le dossier donné à --root, ou the_current_folder.
no_site_toml = il n’y a pas de site.toml dans { $root }
no_site_toml_help = lancez cairn dans le dossier qui contient site.toml, ou passez --root DIR
the_current_folder = le dossier courant
# $error : les mots mêmes du système.
site_toml_unreadable = impossible de lire site.toml : { $error }
base_url_flag_invalid = --base-url doit être une adresse http(s) complète ; valeur trouvée : "{ $url }"
base_url_flag_invalid_help = écrivez l’adresse où le site est publié, comme --base-url https://example.org
base_url_invalid = `base_url` doit être une adresse http(s) complète ; valeur trouvée : "{ $url }"
base_url_invalid_help = écrivez l’adresse où le site est publié, comme `base_url = "https://example.org"`
# $error : les mots mêmes de l’analyseur Fluent.
messages_syntax = un fichier de messages ne peut pas être analysé : { $error }
messages_syntax_help = corrigez la syntaxe Fluent de ce message ; docs/templates.md en montre le format, et https://projectfluent.org/fluent/guide/ l’explique
# $missing, $required : des nombres ; $ids : les identifiants manquants,
# séparés par des virgules.
messages_missing = il manque aux messages de la langue "{ $language }" { $missing } des { $required } messages du thème : { $ids }
messages_missing_help = ajoutez les messages manquants au fichier de cette langue, dans le dossier i18n/ du site (i18n/<langue>.ftl) ou dans celui de son thème
missing_theme = le thème "{ $theme }" n’est pas dans themes/
missing_theme_help = créez themes/{ $theme }/ ou retirez `theme` de site.toml pour utiliser le thème par défaut
# $path : l’ancien fichier ; $messages : le fichier de messages où déplacer ses textes.
old_theme_strings = { $path } n’est plus lu : les mots d’un thème sont maintenant des messages Fluent
old_theme_strings_help = déplacez les textes que vous avez modifiés dans { $messages }, sous les identifiants que donne docs/templates.md, puis supprimez le fichier .toml
no_theme_messages = le thème n’a pas de messages pour la langue "{ $language }"
# $file : le fichier de messages qui manque au thème.
no_theme_messages_help = ajoutez { $file } (une traduction du fichier i18n/en.ftl du thème par défaut), ou donnez à `language` une langue que le thème possède
# $name : la variable d’environnement ; $value : sa valeur.
build_day_not_a_date = { $name } doit être une date comme 2027-03-12 ; valeur trouvée : "{ $value }"
build_day_not_seconds = { $name } doit être un nombre de secondes depuis 1970-01-01 ; valeur trouvée : "{ $value }"
build_day_help = supprimez la variable { $name } pour utiliser la date du jour, ou passez --today YYYY-MM-DD

## E015 gabarits qui ne compilent pas ou dont le rendu échoue

# $cycle : les noms des gabarits, « a.html -> b.html -> a.html ».
template_cycle = des gabarits s’incluent les uns les autres en boucle : { $cycle }
template_cycle_help = un include, un import ou un extends qui ramène à lui-même ne finirait jamais ; brisez la boucle
# $error : ce que le moteur de gabarits (MiniJinja) attendait, dans ses propres mots, ou template_invalid_syntax.
template_syntax = un gabarit ne compile pas : { $error }
template_invalid_syntax = syntaxe invalide
template_syntax_help = corrigez la syntaxe du gabarit ; docs/templates.md liste ce que les gabarits peuvent utiliser
# $error : le texte d’erreur même du moteur de gabarits, template_undefined, ou l’un des url_for_* et range_*.
template_failed = un gabarit a échoué : { $error }
# $name : l’expression, telle que le gabarit l’écrit (`page.issuer.website`).
template_undefined = `{ $name }` n’est pas défini sur cette page
template_undefined_here = une valeur utilisée ici n’est pas définie sur cette page
# $filter : le nom du filtre.
template_undefined_filter = le filtre `{ $filter }` a reçu une valeur qui n’est pas définie sur cette page
template_recursion = il s’appelle lui-même sans fin : macros, include et import s’imbriquent trop profondément
template_out_of_fuel = il tourne trop longtemps : plus d’étapes qu’une page ne peut en prendre (boucles trop imbriquées, ou sur trop de données)
# $url : la première page où il a échoué ; $others : sur combien d’autres il a échoué.
template_failed_help = il a échoué sur { $others ->
        [0] { $url }
        [one] { $url } et { $others } autre page
       *[other] { $url } et { $others } autres pages
    } (rendu avec { $template }) ; corrigez le gabarit, ou les données de page qu’il attend : docs/templates.md liste chaque variable
url_for_without_id = url_for demande `id`, comme url_for(id="level-1")
url_for_unknown_id = url_for : aucune page n’a l’identifiant "{ $id }"
range_step_zero = range : le pas ne doit pas valoir 0, avec lequel on n’atteindrait jamais la fin
# $limit : le plus de nombres que range donne.
range_too_long = range : plus de { $limit } nombres ; un gabarit ne devrait pas boucler aussi longtemps

## E016 deux niveaux d’un même parcours à la même place

# $order : le nombre, tel qu’écrit.
duplicate_order = les niveaux "{ $first }" et "{ $second }" ont tous deux l’ordre { $order } dans le parcours "{ $pathway }"
duplicate_order_help = donnez à chaque niveau d’un parcours son propre `order` : 1, 2, 3…

## E017 un élément qui s’exige lui-même

requires_itself = "{ $id }" figure parmi ses propres préalables
requires_itself_help = retirez cette référence : un élément ne peut pas être son propre préalable
requires_own_workshop = "{ $level }" exige son propre atelier "{ $workshop }", qui reprend les préalables du niveau et s’exigerait donc lui-même
requires_own_workshop_help = donnez à "{ $workshop }" ses propres `requires` (`requires = []` s’il n’en a aucun), ou comptez-le dans la `completion` du niveau plutôt que dans ses `requires`

## E018 choisir plus qu’il n’y en a

# $count : combien choisir ; $size : combien il y en a.
choose_too_many_items = `choose = { $count }` ne peut jamais être rempli : la liste ne compte que { $size ->
        [one] { $size } élément distinct
       *[other] { $size } éléments distincts
    }
# $level : le niveau dont les ateliers forment le choix.
choose_too_many_workshops = `choose = { $count }` ne peut jamais être rempli : "{ $level }" ne compte que { $size ->
        [one] { $size } atelier
       *[other] { $size } ateliers
    }
choose_too_many_help = réduisez `choose`, ou ajoutez des éléments parmi lesquels choisir

## E019 quantités de ce qui n’a pas d’unité

not_measured = `has` demande une exigence mesurée, mais "{ $id }" n’a pas de champ `unit`
# $path : le fichier de l’exigence.
not_measured_help = ajoutez `unit = "heures"` (ou "années", "crédits"…) dans { $path }, ou listez l’identifiant sans `has`
record_not_measured = "{ $id }" n’est pas une exigence mesurée : elle n’a donc pas de quantité
record_not_measured_help = les mesures sont pour les exigences qui ont un champ `unit` (heures, années, crédits…) ; listez plutôt l’identifiant sous `completed`

## E020 une séance qui se termine avant de commencer

offering_dates = cette séance se termine ({ $end }) avant de commencer ({ $start })
offering_dates_help = inversez `start` et `end`, ou corrigez la date

deadline_after_start = les inscriptions ferment ({ $deadline }) après le début de la séance ({ $start })
deadline_after_start_help = fixez `deadline` au plus tard à `start`, ou corrigez la date

## E021 fichiers locaux qui n’existent pas

# $target : le lien tel qu’écrit.
outside_the_site = "{ $target }" pointe hors du site
outside_the_site_help = faites des liens vers des fichiers du site, à partir de sa racine : `/files/handbook.pdf`
missing_image = l’image "{ $target }" n’existe pas dans le site
missing_file = le fichier ou la page "{ $target }" n’existe pas dans le site
# $path : où mène le lien, à partir de la racine du site.
missing_file_help = mettez le fichier à content/{ $path } ou static/{ $path }, ou corrigez le lien (les liens qui commencent par `/` partent de la racine du site)

## E022 deux fichiers à une même adresse

# $file : le fichier laissé de côté ; $path : son adresse ; $existing : le
# fichier qui s’y trouve déjà, ou l’un des generated_*.
page_address_taken = { $file } serait publié à /{ $path }/, adresse déjà prise par { $existing }
page_address_taken_help = renommez ou déplacez le fichier pour qu’il ait sa propre adresse
alias_address_taken = cette ancienne adresse, /{ $path }, est déjà { $existing }
alias_address_taken_help = retirez-la de `aliases` : une page et une ancienne adresse ne peuvent partager une adresse, ni deux pages une même ancienne adresse
an_alias_of = une ancienne adresse de { $file }
file_address_taken = { $file } serait écrit à /{ $path }, chemin déjà pris par { $existing }
file_address_taken_help = renommez ou déplacez le fichier pour que chaque fichier du site ait son propre chemin
generated_page_at = la page que cairn produit à /{ $path }/
generated_page = une page que cairn produit
generated_file = un fichier que cairn produit

## E100 cairn ne peut pas travailler ici : le dossier de sortie, un fichier qu’il ne peut pas écrire, un port

# $path : le dossier de sortie, en chemin absolu.
output_is_root = le dossier de sortie { $path } est la racine du site
output_holds_root = le dossier de sortie { $path } contient la racine du site
output_inside_site_help = choisissez un dossier à l’intérieur du site pour le site produit, comme --output public
# $folder : content, templates, static ou themes.
output_in_sources = le dossier de sortie { $path } est dans le dossier { $folder }/ du site
output_in_sources_help = choisissez un dossier hors de content/, templates/, static/ et themes/, comme --output public
output_looks_like_a_site = le dossier de sortie { $path } contient un dossier content/ : il ressemble aux sources d’un site, pas à un site produit
output_looks_like_a_site_help = choisissez un dossier vide ou nouveau pour le site produit, comme --output public
output_is_a_file = le chemin de sortie { $path } est un fichier, pas un dossier
output_is_a_file_help = choisissez un dossier pour le site produit, comme --output public
output_not_ours = le dossier de sortie { $path } n’est pas vide et n’a pas été créé par cairn
output_not_ours_help = cairn remplace son dossier de sortie en entier : il n’écrit donc que dans un dossier nouveau ou vide, ou dans un dossier qu’il a lui-même créé ; choisissez un autre --output ou videz celui-ci
# $action : ce que cairn faisait ; $error : les mots mêmes du système.
output_io = { $action ->
    [create] impossible de créer { $path } : { $error }
    [write_into] impossible d’écrire dans { $path } : { $error }
    [move_aside] impossible de mettre de côté { $path } : { $error }
    [move_into_place] impossible de mettre en place { $path } : { $error }
   *[write] impossible d’écrire { $path } : { $error }
}
# $cause : full (plus d’espace), denied (pas la permission), busy (en usage, ou
# point de montage) ou other.
output_io_help = { $cause ->
    [full] le disque est plein : libérez de l’espace, puis relancez la production du site ; le site précédent est resté tel quel
    [denied] vous n’avez pas le droit d’écrire à cet endroit : vérifiez les permissions du dossier, ou produisez le site dans un autre dossier avec --output ; le site précédent est resté tel quel
    [busy] le dossier est occupé (ouvert dans un autre programme, ou point de montage que cairn n’a pas pu remplacer) : fermez ce qui le retient, puis relancez la production du site
   *[other] vérifiez que le disque a de l’espace et que vous avez le droit d’y écrire ; le site précédent est resté tel quel
}
# $path : le fichier de verrou à côté du dossier de sortie.
output_locked = une autre production cairn est en train d’écrire ce site : elle détient le verrou { $path }
output_locked_help = attendez qu’elle se termine, puis relancez la production du site ; deux productions dans un même dossier mélangeraient leurs pages
output_lock_failed = impossible de verrouiller { $path }
output_lock_failed_help = le système de fichiers du dossier de sortie ne prend peut-être pas en charge les verrous de fichiers ; produisez le site dans un dossier sur un disque local
output_lock_is_link = le fichier de verrou { $path } est un lien symbolique ; cairn n’ouvre pas de verrou à travers un lien
output_lock_is_link_help = supprimez le lien (ce n’est pas un verrou créé par cairn), puis relancez la construction
output_outside = écriture hors du dossier de sortie refusée : { $path }
output_outside_help = renommez le fichier pour que son chemin reste dans le site
# $folder : le dossier donné à cairn init.
init_not_empty = { $folder } n’est pas vide
init_not_empty_help = cairn init n’écrit que dans un dossier nouveau ou vide, pour n’écraser aucun de vos fichiers ; choisissez un autre dossier
init_unusable = impossible d’utiliser { $folder } : { $error }
init_unusable_help = choisissez un nouveau dossier, comme `cairn init my-site`
init_cannot_write = impossible d’écrire { $path } : { $error }
init_cannot_write_help = vérifiez que vous avez le droit d’écrire dans ce dossier et que le disque a de l’espace
serve_cannot_watch = impossible de surveiller les fichiers du site : { $error }
serve_cannot_watch_help = vérifiez que le dossier du site existe et que vous avez le droit de le lire ; sous Linux, augmenter fs.inotify.max_user_watches peut aider
serve_cannot_start = impossible de démarrer le serveur web : { $error }
serve_cannot_start_help = essayez un autre --port
# $port, $next : des numéros de port ; $address : l’adresse d’écoute.
serve_port_in_use = le port { $port } est déjà utilisé sur { $address }
serve_port_in_use_help = un autre programme (peut-être un autre `cairn serve`) l’utilise : arrêtez-le, ou choisissez un autre port avec --port { $next }
serve_no_such_address = impossible d’écouter sur { $address } : cet ordinateur n’a pas cette adresse
serve_no_such_address_help = utilisez --bind 127.0.0.1 (par défaut) pour l’aperçu sur cet ordinateur
serve_cannot_listen = impossible d’écouter sur { $address } : { $error }
serve_cannot_listen_help = choisissez un autre port avec --port, ou une autre adresse avec --bind

## W001 séances passées

# $day : le dernier jour de la séance.
past_offering = cette séance est terminée (elle a pris fin le { $day }), mais elle accepte toujours les inscriptions
past_offering_help = retirez sa ligne `register` : la séance peut rester, comme trace de ce qui a été offert, et sa page la liste parmi les séances passées

## W002 ce que rien ne mentionne

# $kind : kind_name.
unreferenced = rien ne mentionne { $kind } "{ $id }"
unreferenced_workshop_help = donnez-lui un `level`, ou nommez-le dans le `requires` ou le `completion` d’un niveau
unreferenced_credential_help = nommez-le dans le `awards` d’un niveau ou le `outcome` d’un parcours, ou supprimez-le
unreferenced_requirement_help = nommez-la dans le `requires` ou le `completion` d’un niveau ou d’un atelier, ou supprimez-la

## W003 niveaux sans parcours

no_pathway = le niveau "{ $id }" n’appartient à aucun parcours
no_pathway_help = ajoutez `pathway = "…"` et `order = N` pour qu’il apparaisse comme une étape de son parcours et dans la liste d’admissibilité

## W004 pas de résumé

# $kind : kind_name.
no_summary = { $kind } "{ $id }" n’a pas de résumé
# Une page de liste n’a pas d’identifiant : $path est son fichier.
no_summary_listing = la page de { $path } n’a pas de résumé
no_summary_help = ajoutez `summary = "…"` : une phrase simple, montrée sur les fiches et aux moteurs de recherche

## W005 à la fois souhaité et exigé

preferred_and_required = "{ $id }" est à la fois exigé et souhaité ici
preferred_and_required_help = un élément souhaité ne bloque jamais, mais celui-ci est aussi exigé ailleurs dans la même règle ; gardez l’un des deux

## W006 une possibilité recommandée

preferred_alternative = cette possibilité est recommandée, donc le `any` qui l’entoure est toujours rempli
preferred_alternative_help = une partie recommandée ne bloque jamais : sortez-la du `any` et mettez-la à côté, ou retirez `preferred = true` si c’est une vraie possibilité

## W007 une heure que l’horloge saute

skipped_time = { $time } n’existe pas dans { $zone } : on avance l’heure à ce moment-là, elle est donc lue { $placed }
skipped_time_help = écrivez une heure qui existe, comme { $placed }, ou celle que vous vouliez dire

## E023 un lien qui ne mène pas au web

# $place : où le lien est écrit ; $scheme : « javascript: » ; $target :
# l’adresse, coupée à 60 caractères.
not_web_address = { $place ->
    [link] ce lien
    [image] cette image
    [register] `register`
    [provider_url] le `url` de ce fournisseur
   *[organization_url] le `url` de cet organisme
} mène à une adresse { $scheme }, pas au web : "{ $target }"
not_full_address = { $place ->
    [register] `register`
    [provider_url] le `url` de ce fournisseur
   *[organization_url] le `url` de cet organisme
} n’est pas une adresse web complète : "{ $target }"
# $place : comme ci-dessus.
not_web_address_help = écrivez une adresse complète qui commence par { $place ->
    [link] https:, http:, mailto: ou tel:
    [image] https:, http: ou data:image/
    [register] https:, http: ou mailto:
    [provider_url] https:, http:, mailto: ou tel:
   *[organization_url] https: ou http:
} (comme https://example.org/…) ; les autres schémas ne sont pas publiés

## site.toml : [offerings]

# $value : ce que dit `past`.
past_offerings_value = `past` doit valoir "show" ou "hide" ; valeur trouvée : "{ $value }"
past_offerings_value_help = écrivez `past = "show"` pour lister à part, sur la page d’un atelier, les séances terminées, ou `past = "hide"` pour les laisser de côté

# $value : ce que dit `feed_limit`.
feed_limit_value = `feed_limit` doit être un nombre entier d’au moins 1 ; valeur trouvée : { $value }
feed_limit_value_help = écrivez `feed_limit = 50` pour garder dans le flux les 50 séances les plus proches, ou omettez `feed_limit` pour y lister toutes les séances à venir

## E024 des heures qui ne désignent aucun moment

unknown_time_zone = fuseau horaire inconnu "{ $name }"
unknown_time_zone_help = utilisez un nom de la base de fuseaux horaires de l’IANA, comme "America/Toronto", "America/Montreal" ou "Europe/Paris"
time_without_zone = { $time } est une heure sans fuseau horaire
time_without_zone_help = ajoutez `time_zone = "America/Toronto"` à la séance, ou `time_zone` sous `[offerings]` dans site.toml pour toutes les séances, ou écrivez le décalage après l’heure (`T09:00:00-05:00`)
offset_not_the_zone_s = le décalage { $offset } n’est pas celui de { $zone } ce jour-là ({ $actual })
offset_not_the_zone_s_help = retirez le décalage et laissez le fuseau horaire décider, ou corrigez-le
day_and_time_mixed = `start` et `end` doivent être tous deux des jours, ou tous deux des heures
day_and_time_mixed_help = donnez une heure aux deux (`2027-03-12T09:00:00`), ou à aucun (`2027-03-12`)
time_out_of_range = { $time } est trop loin de nous pour être placé dans le temps
time_out_of_range_help = vérifiez l’année

## E025 des prix impossibles à afficher

price_without_currency = ce prix n’est dans aucune devise
price_without_currency_help = écrivez `price = { "{" } amount = 450, currency = "CAD" { "}" }`, ou fixez `currency = "CAD"` sous `[offerings]` dans site.toml pour tous les prix
unknown_currency = devise inconnue "{ $code }"
unknown_currency_help = utilisez un code ISO 4217 en majuscules, comme "CAD", "USD" ou "EUR"
withdrawn_currency = la devise "{ $code }" n’est plus en usage
too_many_decimals = { $amount } a plus de décimales que { $code } n’en a ({ $decimals })
too_many_decimals_help = { $decimals ->
    [0] écrivez un montant entier
   *[other] écrivez au plus { $decimals } décimales
}

## E100 cairn diff : lire une révision antérieure dans Git

git_missing = cairn diff --base a besoin de la commande `git`, qui n’a pas pu être lancée : { $error }
git_missing_help = installez Git, ou comparez plutôt deux dossiers : `cairn diff OLD NEW`
git_failed = `{ $command }` a échoué : { $error }
git_not_a_repository = { $folder } n’est pas dans un dépôt Git que git accepte de lire ({ $error })
git_unsafe_path = la révision { $revision } contient un fichier à « { $path } », hors du dossier du site
git_unsafe_path_help = cairn diff n’écrit un tel fichier nulle part ; comparez avec une autre révision, ou vérifiez comment celle-ci a été créée
git_not_a_repository_help = --base lit une révision antérieure dans Git ; pour comparer deux copies d’un site, donnez les deux dossiers : `cairn diff OLD NEW`
git_no_revision = aucune révision « { $revision } » dans ce dépôt
git_no_revision_help = donnez une branche, une étiquette ou un commit qui existe ici, comme `main` ou `origin/main` ; en CI, récupérez d’abord l’historique (actions/checkout avec `fetch-depth: 0`)
diff_scratch = impossible de créer un dossier de travail pour la révision antérieure : { $error }
diff_scratch_write = impossible d’écrire { $path } dans le dossier de travail de la révision antérieure : { $error }
diff_scratch_write_help = le dossier de travail est dans $TMPDIR (ou /tmp) : libérez-y de l’espace, ou faites pointer TMPDIR vers un dossier d’un disque qui peut contenir le fichier et son nom
diff_needs_two = cairn diff a besoin de deux catalogues à comparer
diff_needs_two_help = donnez deux dossiers de site, `cairn diff OLD NEW`, ou une révision Git avec laquelle comparer le site, `cairn diff --base main`

## cairn eligibility --goal

goal_unknown = aucun niveau ni titre « { $goal } » dans ce catalogue
goal_wrong_kind = « { $goal } » est de type { $kind } ; un objectif est un niveau ou un titre
goal_unknown_help = donnez l’identifiant d’un niveau ou d’un titre : { $goals }

## E026 des traductions inutilisables, W008 des pages pas encore traduites

front_matter_of_translation = l’en-tête d’une traduction
translation_word_not_text = la traduction de « { $key } » doit être un texte
translation_word_not_text_help = écrivez à gauche les mots de l’original et à droite leur traduction, entre guillemets droits : "Several days" = "Plusieurs jours"
translation_structure = `{ $key }` ne se traduit pas : c’est de la structure, pas des mots
translation_structure_help = une traduction ne contient que des mots ({ $keys }, et le corps) ; `{ $key }` reste dans l’original, pour toutes les langues. Les mots de l’en-tête de l’original (notes, thèmes, unités, lieux) vont sous [words], "original" = "traduction"
translation_no_original = cette traduction ({ $lang }) n’a pas d’original à côté d’elle
translation_no_original_help = une traduction se place à côté de son original, la langue avant `.md` : `level-1.fr.md` traduit `level-1.md` dans le même dossier ; renommez-la comme son original, ou ajoutez l’original
translation_default_language = ce fichier est dans la langue par défaut du site ({ $lang }), celle des originaux
translation_default_language_help = mettez ces mots dans l’original lui-même, ou nommez le fichier d’une autre langue du site
translation_unknown_language = la langue « { $lang } » n’est pas une des langues du site
translation_unknown_language_help = le [languages] de site.toml a { $languages } ; ajoutez [languages.{ $lang }] avec son nom, ou renommez le fichier
translation_no_languages_help = ajoutez les langues à site.toml : [languages.{ $default }] et [languages.{ $lang }], chacune avec name = "…" (son propre nom)
untranslated = { $count ->
    [one] 1 page n’a pas encore de traduction en { $language }
   *[other] { $count } pages n’ont pas encore de traduction en { $language }
}
untranslated_help = traduisez-les à côté de leurs originaux sous le nom `nom.{ $lang }.md` : { $files }
and_more = { $list } et { $more } de plus

## site.toml [languages]

language_tag_invalid = « { $tag } » n’est pas une étiquette de langue
language_tag_invalid_help = écrivez l’étiquette de la langue en minuscules, avec une région en majuscules au besoin : [languages.fr], [languages.fr-CA]
language_not_table = `languages.{ $tag }` doit être une table
language_not_table_help = écrivez-la comme une table avec le nom de la langue dans cette langue : [languages.{ $tag }] puis name = "…"
untranslated_value = untranslated = "{ $value }" n’est pas un choix possible
untranslated_value_help = écrivez "original" (montrer les mots de l’original, signalés comme tels, avec un avis) ou "omit" (laisser la page de côté et renvoyer à l’original)
default_language_missing = [languages] ne mentionne pas la langue par défaut du site, « { $tag } »
default_language_missing_help = ajoutez [languages.{ $tag }] avec son nom, ou donnez à `language` la langue par défaut parmi celles listées
translation_stale = l’original ({ $original }) a changé depuis que cette traduction a été faite
translation_stale_help = mettez la traduction à jour, puis notez-la comme à jour : `cairn translations --mark-current { $file }`

## cairn translations

not_a_translation = { $file } n’est pas une traduction de ce site
not_a_translation_help = donnez le fichier d’une traduction, à côté de son original avec la langue avant `.md`, comme content/levels/level-1.fr.md
cannot_write = impossible d’écrire { $path } : { $error }
cannot_write_help = vérifiez que le fichier existe et que vous pouvez y écrire ; il est laissé tel quel
translation_links_out = { $path } est un lien vers { $target }, hors du dossier content du site ; cairn ne le modifie pas
translation_links_out_help = une traduction est un fichier à part entière sous content/ : remplacez le lien par le fichier lui-même, puis marquez-le de nouveau
language_organization_unknown = il n’y a pas d’organisation « { $key } » à nommer dans cette langue
language_organization_unknown_help = déclarez d’abord les organisations sous [organizations] ; ici, donnez le nom de chacune dans cette langue : { $key } = "…"
language_organization_not_text = le nom de « { $key } » dans cette langue doit être un texte
language_organization_not_text_help = écrivez-le entre guillemets droits : { $key } = "…"

## W010 des messages de thème qu’aucun gabarit n’utilise

message_unused = aucun gabarit n’utilise le message `{ $id }`
message_unused_help = nommez-le dans un gabarit (`{"{{"} t.{ $id } {"}}"}`), ou retirez-le si rien n’en a besoin
translation_duplicate = un autre fichier traduit déjà cette page en « { $lang } »
translation_duplicate_help = gardez une seule traduction par page et par langue, à côté de son original ; retirez ou renommez celle-ci
lang_not_of_site = ce site n’est pas publié en « { $lang } »
lang_not_of_site_help = donnez une des langues du site ([languages] de site.toml) : { $languages }
translation_link_unresolved = cette traduction renvoie à « @{ $id } », qui ne nomme aucune page
translation_link_help = faites le lien avec l’identifiant d’une page du site, comme l’original : [texte](@level-1)
translation_address = cette traduction renvoie à { $target }, qui n’est pas une adresse Web
translation_address_help = ne renvoyez qu’à des adresses http:, https:, mailto: ou tel:, comme l’original
translation_anchor_missing = cette traduction n’a pas de titre #{ $anchor }, vers lequel { $from } fait un lien
translation_anchor_missing_help = donnez au titre traduit l’ancre de son original : ## Titre traduit {"{"}#{ $anchor }{"}"}
translation_word_forms_help = donnez la traduction en texte, ou avec ses formes du pluriel, chacune en texte : "years" = { "{" } one = "an", other = "ans" { "}" }

## W011 les [words] d’une traduction

translation_words_missing = { $count ->
    [one] un mot de l’en-tête de l’original n’a pas de traduction ici
   *[other] { $count } mots de l’en-tête de l’original n’ont pas de traduction ici
}
translation_words_missing_help = la page les montre dans la langue de l’original ; traduisez chacun sous [words] : { $phrases }
translation_words_unused = { $count ->
    [one] une entrée de [words] ne traduit rien de ce que dit l’original
   *[other] { $count } entrées de [words] ne traduisent rien de ce que dit l’original
}
translation_words_unused_help = corrigez-la selon le texte exact de l’original, ou retirez-la : { $phrases }
# $lang : la langue de l’index ; $error : les mots mêmes de Pagefind.
search_index_failed = impossible de construire l’index de recherche des pages en { $lang } : { $error }
search_index_failed_help = c’est une faute de cairn, pas du catalogue : signalez-la avec ces mots ; en attendant, `[search] enabled = false` dans site.toml produit le site sans recherche
# $path : un dossier du site produit.
search_index_is_a_folder = { $path } est le dossier de l’index de recherche, produit en entier avec le site, pas un fichier seul
