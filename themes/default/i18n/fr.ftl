# Les mots du thème par défaut, en français : une traduction de en.ftl,
# message par message (les mêmes identifiants et les mêmes variables).
# La typographie française demande une espace fine insécable (U+202F)
# devant « : », « ; », « ? » et « ! » : elle est écrite telle quelle ici.

## Le cadre de chaque page

site_skip_link = Aller au contenu principal
site_footer = Ce site est produit par cairn à partir des sources du catalogue.
site_open_data = Tout le catalogue en données ouvertes (JSON)
site_sitemap = Plan du site

nav_label = Principale
nav_language = Langue
nav_home = Accueil
nav_checklist = Mon admissibilité
nav_breadcrumb = Fil d’Ariane
nav_pager = Étapes de ce parcours
nav_previous = Étape précédente
nav_next = Étape suivante

## Les sortes de choses du catalogue

listing_pathways = Parcours
listing_levels = Niveaux
listing_workshops = Ateliers
listing_requirements = Exigences
listing_credentials = Titres de compétences

category_training = Formation
category_experience = Expérience
category_membership = Adhésion
category_status = Statut
category_background = Acquis

## Dates, durées et quantités

month_1 = janvier
month_2 = février
month_3 = mars
month_4 = avril
month_5 = mai
month_6 = juin
month_7 = juillet
month_8 = août
month_9 = septembre
month_10 = octobre
month_11 = novembre
month_12 = décembre

# Le premier du mois s’écrit « 1er ».
date_long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }

time_of_day = { $hour } h { $minute }
date_at_time = { $date }, { $time }

period = { $unit ->
    [day] { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
    [week] { $count ->
        [one] { $count } semaine
       *[other] { $count } semaines
    }
    [month] { $count } mois
   *[year] { $count ->
        [one] { $count } an
       *[other] { $count } ans
    }
}

workshop_noun = { $count ->
    [one] atelier
   *[other] ateliers
}

## Les règles, en mots

rule_none = Aucun préalable : ouvert à toutes et à tous.
rule_all_of = Tous les éléments suivants :
rule_any_of = L’un des éléments suivants :
rule_choose = { $count ->
    [one] Au moins un des éléments suivants :
   *[other] Au moins { $count } des éléments suivants :
}
rule_choose_level = { $count ->
    [one] Au moins un { $noun } de { $level } ({ $total } au choix)
   *[other] Au moins { $count } { $noun } différents de { $level } ({ $total } au choix)
}
# Un titre après un verbe, entre guillemets : jamais « Terminer Niveau 1 ».
rule_complete = { $kind ->
    [workshop] Suivre l’atelier «{ "\u202F" }{ $item }{ "\u202F" }»
   *[level] Terminer «{ "\u202F" }{ $item }{ "\u202F" }»
}
rule_hold = Détenir le titre «{ "\u202F" }{ $item }{ "\u202F" }»
rule_meet = { $item }
rule_has = { $item } : au moins { $count } { $unit }
rule_preferred = Atout
rule_preferred_explained = { "\u202F" }: recommandé, non obligatoire
# A rule on one line (JSON-LD, the command line): a group's lead, then
# its parts joined by the separator; a group inside a group in brackets.
rule_line_group = { $lead } { $parts }
rule_line_separator = { "\u202F" };{" "}
rule_line_nested = ({ $part })
rule_line_preferred = { $part } (atout)

## Accueil

home_pathways_heading = Parcours
home_steps = Étapes
home_checklist_heading = Où en êtes-vous ?
home_checklist_text = Cochez ce que vous avez fait et voyez à quel niveau vous pouvez vous inscrire ensuite.
home_checklist_link = Vérifier mon admissibilité

## Un parcours

pathway_organization = Offert par
pathway_outcome = Mène à
pathway_steps_heading = Les étapes, dans l’ordre
# After a pathway's last step: the levels of other pathways it leads on to.
pathway_leads_on = Ouvre la voie à :
pathway_needs = Pour commencer :
pathway_awards = Décerne :
pathway_no_levels = Aucun niveau n’appartient encore à ce parcours.

## Un niveau

level_pathway = Parcours
level_step = Étape
level_step_of = { $step } sur { $total }
level_duration = Durée
level_by_application = Sur candidature
level_by_application_text = L’entrée se fait sur candidature : satisfaire aux préalables permet de poser sa candidature, et les responsables décident.
level_start_heading = Pour commencer
level_finish_heading = Pour terminer
level_no_completion = Les responsables confirment la réussite comme l’explique cette page.
level_awards_heading = Ce qu’il décerne
level_awards_text = Terminer ce niveau donne le titre { $item }.
level_workshops_heading = Ateliers de ce niveau
level_no_workshops = Aucun atelier n’est indiqué pour ce niveau.

## Un atelier

workshop_level = Niveau
workshop_duration = Durée
workshop_audience = Pour qui
workshop_topics = Sujets
workshop_requires_heading = Préalables
workshop_requires_inherited = Les mêmes que pour son niveau.
workshop_offerings_heading = Prochaines séances
workshop_no_offerings = Aucune date à venir n’est indiquée ici. Consultez l’offre actuelle des responsables pour les dates et l’inscription.
workshop_past_offerings_heading = Séances passées
workshop_dates = Dates :
workshop_place = Lieu :
workshop_online = En ligne
workshop_register = S’inscrire
workshop_to = au
workshop_register_for = à la séance qui commence le { $date }
workshop_to_time = à
# When an offering runs, in the feed: its first day (or moment) to its
# last; `within_a_day` is "yes" when both are times of one day.
offering_span = { $within_a_day ->
    [yes] { $start } à { $end }
   *[no] { $start } au { $end }
}
# The same, with the time zone of its times: "9:00 a.m. to 5:00 p.m. ADT".
offering_zoned = { $when } { $zone }
workshop_price = Prix :
workshop_language = Langue :
workshop_deadline = Inscription jusqu’au { $date }.
workshop_waitlist = S’inscrire sur la liste d’attente
workshop_calendar = Ajouter au calendrier
workshop_calendar_all = (les { $count } dates)
offering_free = Gratuit
offering_price = { $amount } { $currency }
offering_status = { $status ->
    [few-places] Quelques places disponibles
    [full] Complète
    [waitlist] Liste d’attente
    [cancelled] Annulée
   *[other] Ouverte
}
language_name = { $tag ->
    [en] anglais
    [en-CA] anglais
    [fr] français
    [fr-CA] français
    [es] espagnol
    [de] allemand
    [it] italien
    [pt] portugais
    [ase] langue des signes américaine
    [fcs] langue des signes québécoise
   *[other] { $tag }
}

## Une exigence

requirement_category = Catégorie
requirement_unit = Mesuré en
requirement_validity_heading = Validité
requirement_valid_for = { $category ->
    [credential] Ce titre de compétences est valide pendant { $period } : renouvelez-le avant qu’il n’expire.
    [training] Cette formation est valide pendant { $period } : renouvelez-la avant qu’elle n’expire.
    [membership] Une adhésion est valide pendant { $period } : renouvelez-la pour la garder.
   *[other] Valide pendant { $period } : à renouveler avant l’échéance.
}
requirement_providers_heading = Où l’obtenir

## Où cela compte

counts_heading = Où cela compte
counts_none = Aucun niveau ni atelier n’en tient compte pour l’instant.
counts_needed = Nécessaire pour { $goal ->
    [start] commencer
    [attend] suivre
   *[finish] terminer
} { $item }
counts_one_of = L’une des { $total } possibilités pour { $goal ->
    [start] commencer
    [attend] suivre
   *[finish] terminer
} { $item }
counts_choose = Compte pour { $item } : { $count } au choix parmi { $total } pour { $goal ->
    [start] commencer
    [attend] suivre
   *[finish] terminer
}
counts_preferred = Souhaité pour { $goal ->
    [start] commencer
    [attend] suivre
   *[finish] terminer
} { $item }

## Un titre

credential_issuer = Délivré par
credential_earn_heading = Comment l’obtenir
credential_awarded_by = Décerné à la fin de :
credential_outcome_of = L’aboutissement de :
credential_not_awarded = Aucun niveau ne décerne encore ce titre.

## Listes

list_empty = Rien n’est encore indiqué ici.
list_in_pathway = Parcours :
list_offerings = { $count ->
    [one] { $count } séance à venir
   *[other] { $count } séances à venir
}
# A workshop's soonest offering on its card: $when, its first day; $place,
# where it runs (its place, or "Online").
list_next_offering = Prochaine séance : { $when }
list_next_offering_at = Prochaine séance : { $when }, { $place }
list_valid_for = Valide pendant { $period }

## Vérifier mon admissibilité

checklist_title = Vérifier mon admissibilité
checklist_intro = Pour chaque niveau, ce qu’il faut pour commencer et pour terminer.
checklist_start = Pour commencer
checklist_finish = Pour terminer
checklist_print_hint = Imprimez cette page pour cocher les cases à la main.
checklist_privacy = Vos réponses restent sur cet appareil : ce navigateur les garde, et rien n’est envoyé nulle part.
checklist_clear = Effacer mes réponses
# Brings back the answers just cleared.
checklist_undo = Annuler
# A second skip link, on the checklist page: straight to its first question.
checklist_skip_link = Aller aux questions
checklist_status_heading = Où vous en êtes
checklist_no_script = Cochez ce que vous avez fait. Avec JavaScript, cette zone indique les niveaux que vous pouvez commencer et ce qui manque encore.
checklist_mark_completed = J’ai terminé ce niveau
checklist_no_completion = Les responsables confirment la réussite : voyez la page du niveau.
checklist_at_least = au moins { $count }
checklist_valid_for = valide pendant { $period } : à renouveler à temps
checklist_ready_heading = Suis-je prêt ou prête ?
checklist_ready_intro = Cochez ce que vous avez fait pour savoir si vous pouvez commencer ce niveau. Vos réponses sont partagées avec la page « Vérifier mon admissibilité » et restent sur cet appareil.
checklist_open_checklist = Ouvrir la liste complète

checklist_live_separator = .{" "}
checklist_live_can_start = Vous pouvez commencer
checklist_live_completed = Terminé
# Dit quand « Effacer mes réponses » les a effacées, et quand « Annuler » les a rétablies.
checklist_live_cleared = Vos réponses sont effacées.
checklist_live_restored = Vos réponses sont rétablies.
# Complete because something ticked required it: $item, its title.
checklist_live_implied = Terminé (exigé pour «{ "\u202F" }{ $item }{ "\u202F" }»)
checklist_live_not_yet = Pas encore
checklist_live_missing_start = Ce qu’il reste pour commencer :
checklist_live_missing_finish = Ce qu’il reste pour terminer :
checklist_live_summary = Niveaux terminés : { $completed } sur { $total }.
checklist_live_startable = { $count ->
    [one] Vous pouvez commencer { $count } niveau : { $levels }.
   *[other] Vous pouvez commencer { $count } niveaux : { $levels }.
}
checklist_live_startable_none = Aucun niveau ne peut encore être commencé.
checklist_live_count = ({ $count } sur { $total })
checklist_live_verdict = { $level } — { $verdict }
checklist_live_credentials = Titres de compétences
checklist_live_held = Détenu
checklist_live_held_implied = Détenu (exigé pour « { $item } »)
checklist_live_lapsing = Détenu, expire le { $date } : à renouveler d’ici là
checklist_live_lapsed = Expiré le { $date } : à renouveler
checklist_live_not_held = Pas encore détenu

## Ce qui reste avant un niveau, une phrase par ligne : la liste, son
## plan et `cairn eligibility` le disent tous avec ces mots.

# Une ligne. $part : « Terminer … », « Au choix : … ».
left_line = { $part }.
# Une quantité pas encore atteinte. $item : son titre ; $have : la quantité
# atteinte ; $count : celle qu’il faut ; $unit : son unité.
left_has = { $item }{ "\u202F" }: { $have } sur { $count } { $unit }
# La même, dans une liste.
left_has_in_list = { $item } ({ $have } sur { $count } { $unit })
# $parts : les possibilités, jointes par « ou ».
left_any = Au choix{ "\u202F" }: { $parts }
left_all = Tous ces éléments{ "\u202F" }: { $parts }
# $count : combien encore ; $parts : les titres parmi lesquels choisir.
left_choose = { $count ->
    [one] Encore un au choix{ "\u202F" }: { $parts }
   *[other] Encore { $count } au choix{ "\u202F" }: { $parts }
}
# Un groupe dans la liste d’un autre, entre parenthèses (left_nested).
left_any_inner = au choix{ "\u202F" }: { $parts }
left_all_inner = à la fois { $parts }
left_choose_inner = { $count ->
    [one] encore un au choix parmi { $parts }
   *[other] encore { $count } au choix parmi { $parts }
}
left_nested = ({ $part })
# $part : un left_choose ; $counted : les titres qui comptent déjà.
left_counted = { $part } (ce qui compte déjà{ "\u202F" }: { $counted })
# Un niveau qui se termine par une étape qui lui est propre (sans `completion`).
left_finish_itself = L’étape finale propre au niveau, que les responsables confirment (voir sa page)

## Le guide : tout le catalogue sur une page, à imprimer

handbook_title = Guide
handbook_intro = Tout le catalogue sur une page : chaque parcours et chaque niveau avec ce qu’il demande, puis chaque atelier, exigence et titre.
handbook_print_hint = Imprimez cette page, ou enregistrez-la en PDF, pour la lire loin de l’écran.
handbook_contents = Sommaire
handbook_level = Niveau :
site_handbook = Tout le catalogue sur une page, à imprimer

## La page d’une adresse erronée

not_found_title = Page introuvable
not_found_text = Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien est mal écrit.
not_found_home_link = Aller à la page d’accueil
alias_moved = Cette page a changé d’adresse :

## Le fil Atom des prochaines séances

feed_title = { $site } : prochaines séances
feed_entry_title = { $workshop }, { $when }
# An offering both online and in a place, in the feed.
feed_online_and_place = { workshop_online } · { $place }
feed_link_title = Prochaines séances

## La carte des parcours

map_title = Carte des parcours
map_desc = Chaque niveau de chaque parcours est une case, avec une flèche de chaque niveau vers les niveaux qui le demandent. La liste des étapes dit la même chose en mots.
map_caption = Une flèche va d’un niveau vers les niveaux qui le demandent ; une flèche en pointillé passe d’un parcours à un autre.

## Les filtres de la liste des ateliers

filter_heading = Filtrer les ateliers
filter_level = Niveau
filter_topic = Sujet
filter_audience = Pour qui
filter_mode = En ligne ou en personne
filter_month = Mois
filter_language = Langue
filter_all = Tous
filter_in_person = En personne
filter_reset = Tout afficher
filter_month_year = { $month } { $year }
filter_status = Résultats : { $shown } sur { $total }
# When no workshop matches, beside the button that shows them all again.
filter_none = Aucun atelier ne correspond à ces filtres.

## Garder les réponses de la liste dans un fichier

checklist_save = Enregistrer mes réponses dans un fichier
checklist_load = Charger des réponses depuis un fichier :
checklist_file_name = ma-liste.toml
checklist_file_comment = Mes réponses pour vérifier mon admissibilité. Apportez ce fichier à une personne-ressource : cairn eligibility --profile ma-liste.toml
checklist_file_loaded = Réponses chargées depuis { $file }.
checklist_file_not_loaded = { $file } n’a pas été chargé : { $reason }. Vos réponses n’ont pas changé.
checklist_file_bad_line = la ligne { $line } n’est pas une ligne d’un tel fichier
checklist_file_unknown = la ligne { $line } nomme "{ $id }", que cette liste ne connaît pas
checklist_file_not_measured = la ligne { $line } donne une quantité pour "{ $id }", qui ne se compte pas en quantités

## Dates de ce qui expire, dans la liste

checklist_completed_on = Obtenu le
checklist_live_expired = { $item } a expiré le { $date } : à renouveler.
checklist_live_expiring = { $item } expire le { $date } : à renouveler d’ici là.
untranslated_notice = Cette page n’a pas encore été traduite : elle est présentée dans sa langue d’origine.

## Recherche

search_title = Recherche
# Le champ de recherche dans l’en-tête de chaque page.
search_label = Chercher dans le catalogue
# What the header's box holds until something is typed.
search_placeholder = Ateliers, niveaux, thèmes…
search_button = Chercher
# Où mène le champ de recherche de l’en-tête sans JavaScript : les listes.
search_browse = Parcourir les ateliers
# La page de recherche, avant que son script ne s’exécute ou sans JavaScript.
search_no_script = La recherche a besoin de JavaScript. Toutes les pages sont aussi listées ici :
search_loading = Recherche en cours…
search_failed = La recherche n’est pas disponible pour l’instant. Toutes les pages sont aussi listées ici :
# Un nombre tel que les messages l’écrivent (search_results,
# checklist_plan_heading), pour que cairn l’y retrouve.
number_sample = { $count }
# Annoncé à l’arrivée des résultats. $query : ce qui a été cherché.
search_results = { $count ->
    [one] { $count } résultat pour « { $query } »
   *[other] { $count } résultats pour « { $query } »
}
search_none = Aucun résultat pour « { $query } ». Essayez moins de mots ou d’autres mots, ou parcourez les listes.
# Les résultats au-delà des premiers sont affichés sur demande.
search_more = Afficher plus de résultats
# Le nom de chaque sorte de page dans les résultats.
search_kind_pathway = Parcours
search_kind_level = Niveau
search_kind_workshop = Atelier
search_kind_requirement = Exigence
search_kind_credential = Titre
search_kind_page = Page
search_kind_checklist = Vérifier mon admissibilité

## Prochaines étapes vers un objectif (la page de la liste)

checklist_plan_title = Prochaines étapes
checklist_plan_intro = Choisissez un objectif : la liste détermine le plus petit nombre d’éléments qu’il reste à accomplir pour l’atteindre, d’après vos réponses, dans un ordre qui respecte chaque préalable, en suivant le parcours prévu avant toute solution que les responsables accordent à leur discrétion. Quand une règle laisse un choix, le plan nomme certains des éléments qui comptent : tout autre élément qui compte convient aussi.
checklist_plan_goal = Objectif
# $goal : le niveau ou le titre choisi ; $count : combien de choses restent à faire.
checklist_plan_heading = { $count ->
    [one] Encore { $count } élément avant d’atteindre « { $goal } ».
   *[other] Encore { $count } éléments avant d’atteindre « { $goal } ».
}
checklist_plan_reached = Objectif déjà atteint : « { $goal } ». Plus rien à faire.
checklist_plan_unreachable = Rien de ce que vos réponses pourraient ajouter n’atteint « { $goal } » : ses exigences ne peuvent jamais être satisfaites.
checklist_plan_too_large = Les règles vers « { $goal } » ont trop de façons d’être satisfaites pour les calculer dans le navigateur. Enregistrez vos réponses dans un fichier : une personne-ressource peut en tirer le plan avec cairn.
# Les choses à faire qu’aucun niveau du chemin ne nomme.
checklist_plan_other = Autres éléments
# Un niveau qui se termine par lui-même (candidature, évaluation), dernier de son étape.
checklist_plan_finish_level = L’étape finale du niveau : une candidature ou une évaluation que les responsables confirment
checklist_plan_approximate = Le plan le plus court trouvé, pas forcément le plus court possible : ces règles ont trop de façons d’être satisfaites pour toutes les comparer.
