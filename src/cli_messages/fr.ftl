# Ce que la commande cairn écrit, en français : une traduction de en.ftl
# (les mêmes identifiants et les mêmes variables). Les diagnostics sont
# traduits à part, dans diagnostics.fr.ftl. Une valeur tirée des fichiers ou
# de la ligne de commande reste entre guillemets droits ("tide"), comme
# dans le code ; les guillemets français entourent les mots.

## cairn build, check, init

build_done = { $pages ->
    [one] { $pages } page produite
   *[other] { $pages } pages produites
} ({ $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
}) en { $seconds } s dans { $folder }
problems_counts = { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
} et { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}
check_clean = ok : aucune erreur, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}
check_failed = erreur : { $counts }
build_not_written = erreur : { $counts } ; rien n’a été écrit
check_warnings_denied = erreur : { $counts } ; les avertissements sont refusés (--deny-warnings)
init_done = Catalogue de départ écrit ({ $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
}) dans { $folder }.
init_next = Ensuite : cd { $folder } && cairn serve, puis modifiez les fichiers de content/.
init_ci = Sur GitHub : remplacez les deux valeurs à compléter en tête de .github/workflows/catalogue.yml, et chaque demande de fusion est vérifiée et résumée (docs/ci.md dans le dépôt de cairn).
arg_not_a_date = "{ $value }" n’est pas une date ; écrivez-la comme 2027-03-12
arg_not_an_address = "{ $value }" n’est pas une adresse complète ; écrivez-la comme https://example.org

## cairn eligibility

eligibility_verdict = { $level } — { $state ->
    [completed] terminé
    [implied] terminé (exigé pour « { $by } »)
    [can_start] vous pouvez commencer
   *[not_yet] pas encore
}
eligibility_needed_to_start = il manque encore, pour commencer :
eligibility_needed_to_finish = il manque encore, pour terminer :
plan_heading = Plan vers { $goal } : { $count ->
    [one] 1 chose à faire
   *[other] { $count } choses à faire
}
plan_reached = { $goal } : déjà atteint, il ne reste rien à faire.
plan_none = Aucun plan vers { $goal } : { $why ->
    [unreachable] aucun dossier ne l’atteint selon les règles du catalogue.
   *[too-large] ses règles sont trop vastes pour établir un plan.
}
plan_other_step = Aussi
plan_approximate = (Le moins de choses trouvé, pas forcément le moins possible : ces règles ont trop de façons d’être remplies pour les comparer toutes.)
eligibility_expired = { $item } a expiré le { $date } : à renouveler. D’ici là, cela ne compte pas.
eligibility_expiring = { $item } expire le { $date } : à renouveler d’ici là.
eligibility_preferred = { $met ->
    [yes] souhaité, rempli : { $part }
   *[no] souhaité, non rempli : { $part }
}
eligibility_credentials = titres de compétences :
eligibility_holding = { $credential } — { $state ->
    [held] détenu
    [implied] détenu (exigé pour « { $by } »)
    [lapsing] détenu, expire le { $date } : à renouveler d’ici là
    [lapsed] expiré le { $date } : à renouveler
   *[not_held] pas encore détenu
}

## cairn diff

diff_title = Ce que ce changement signifie pour les candidats
diff_nothing = Aucun changement pour les candidats : mêmes pages, mêmes règles, mêmes séances.
diff_summary_rules = { $count ->
    [one] 1 règle modifiée
   *[other] { $count } règles modifiées
} ({ $verdicts })
diff_summary_verdict = { $count } { $verdict ->
    [stricter] { $count ->
        [one] plus stricte
       *[other] plus strictes
    }
    [looser] { $count ->
        [one] plus souple
       *[other] plus souples
    }
    [both] plus stricte pour les uns et plus souple pour les autres
    [equivalent] reformulée
   *[undecided] non tranchée
}
diff_summary_count = { $change ->
    [added] { $count ->
        [one] { $count } ajoutée
       *[other] { $count } ajoutées
    }
    [removed] { $count ->
        [one] { $count } retirée
       *[other] { $count } retirées
    }
    [renamed] { $count ->
        [one] { $count } renommée
       *[other] { $count } renommées
    }
    [retitled] { $count ->
        [one] { $count } retitrée
       *[other] { $count } retitrées
    }
   *[offerings] { $count ->
        [one] 1 séance modifiée
       *[other] { $count } séances modifiées
    }
}
diff_rules_heading = Règles
diff_entities_heading = Pages
diff_offerings_heading = Séances
diff_rule = { $which ->
    [requires] { $title }, pour commencer :{" "}
    [take] { $title }, pour suivre l’atelier :{" "}
    [completion] { $title }, pour terminer :{" "}
   *[awards] { $title }, pour le détenir :{" "}
}
diff_verdict = { $verdict ->
    [stricter] plus stricte
    [looser] plus souple
    [both] plus stricte pour les uns, plus souple pour les autres
    [equivalent] reformulée, identique pour tous
   *[undecided] non tranchée
}
diff_before = avant : { $rule }
diff_after = après : { $rule }
diff_rule_absent = { $which ->
    [requires] rien : tout le monde peut commencer
    [take] rien : tout le monde peut le suivre
    [completion] aucune règle de fin : terminé quand un dossier l’indique
   *[awards] aucun niveau ne le décerne
}
diff_awarded_by = décerné par { $levels }
diff_lost = { $who } pouvait { $action } avant ce changement et ne le peut plus.
diff_gained = { $who } ne pouvait pas { $action } avant ce changement et le peut maintenant.
diff_action = { $which ->
    [requires] commencer « { $title } »
    [take] suivre « { $title } »
    [completion] terminer « { $title } »
   *[awards] détenir « { $title } »
}
diff_someone_with = Une personne ayant { $items }
diff_someone_with_nothing = Une personne dont le dossier est vide
diff_amount = { $item } ({ $amount } { $unit })
diff_list_separator = ,{" "}
diff_list_last = { $first } et { $last }
diff_part_removed = retiré : { $rule }
diff_part_added = ajouté : { $rule }
diff_equivalent = Écrite autrement ; chaque dossier est jugé comme avant.
diff_undecided = Non tranchée : une de ces règles a plus de { $limit } façons minimales d’être remplie. Vérifiez ce changement à la main.
diff_kind = { $kind ->
    [pathway] parcours
    [level] niveau
    [workshop] atelier
    [requirement] exigence
   *[credential] titre
}
diff_added = ajouté : { $kind } « { $title } » ({ $id })
diff_removed = retiré : { $kind } « { $title } » ({ $id })
diff_renamed = renommé : { $kind } « { $title } », { $from } → { $to }
diff_add_alias = ajoutez aliases = ["{ $alias }"] à { $file } pour que son ancienne adresse réponde encore
diff_retitled = retitré : { $kind } { $id }, « { $before } » → « { $after } »
diff_day_time = { $date }, { $time }
diff_span = { $start } – { $end }
diff_in_zone = { $when } ({ $zone })
diff_no_price = aucun prix indiqué
diff_offering_added = { $workshop } : nouvelle séance le { $date }
diff_offering_removed = { $workshop } : la séance du { $date } a été retirée
diff_offering_moved = { $workshop } : la séance du { $before } est déplacée au { $after }
diff_offering_cancelled = { $workshop } : la séance du { $date } est annulée
diff_offering_status = { $workshop } : la séance du { $date } : { $before } → { $after }
diff_offering_price = { $workshop } : la séance du { $date } : prix { $before } → { $after }
diff_side_old = cairn diff : l’ancien catalogue (OLD) a des erreurs ; il ne peut pas être comparé avant qu’elles soient corrigées :
diff_side_new = cairn diff : le nouveau catalogue a des erreurs ; il ne peut pas être comparé avant qu’elles soient corrigées :
diff_side_revision = cairn diff : le catalogue à { $revision } a des erreurs ; comparez avec une autre révision, ou deux dossiers :
diff_needs_sign_off = erreur : une règle est devenue plus stricte pour certaines personnes, ou n’a pas pu être tranchée (--fail-on-stricter)

## cairn translations

translations_summary = { $lang } : { $current } à jour, { $stale } à revoir, { $unmarked } non marquées, { $missing } manquantes
translations_line = { $state ->
    [current] à jour      { $file }
    [stale] à revoir    { $file }
    [unmarked] non marquée { $file }
   *[missing] manquante   { $file }
}
translations_none = Ce site est publié dans une seule langue : il n’a pas de traductions à lister.
translations_marked = notée à jour : { $file }

## cairn serve

serve_exposed = avertissement : le site est servi sur { $address }, que d’autres ordinateurs du réseau peuvent joindre ; gardez --bind 127.0.0.1 (par défaut) pour réserver l’aperçu à cet ordinateur
serve_checked = Site vérifié en { $seconds } s
serve_broken_at_start = Le site a des erreurs : rien n’est servi tant qu’elles ne sont pas corrigées ; le navigateur les affiche.
serve_serving = Site servi sur { $url } (Ctrl-C pour arrêter) ; surveillé : { $watched }
serve_rebuilt = Reconstruit en { $milliseconds } ms
serve_kept = La dernière version valide est gardée ; corrigez le problème ci-dessus et enregistrez.
serve_warnings = { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
} : lancez `cairn check` pour les voir
serve_no_browser = Impossible d’ouvrir un navigateur ; ouvrez { $url } vous-même.
serve_overlay_title = cairn : la dernière modification a { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}
serve_overlay_note = La page ci-dessous est la dernière version valide. Corrigez le problème et enregistrez : cette page se recharge d’elle-même.
serve_overlay_hide = Masquer
serve_waiting_title = cairn : le site a des erreurs
serve_waiting_text = Le site a des erreurs, affichées ici ; cette page se recharge d’elle-même une fois qu’elles sont corrigées.
serve_failed_title = Cette page n’a pas pu être produite
serve_failed_text = cairn n’a pas pu produire cette page ; le problème est indiqué ci-dessous, et la page se recharge d’elle-même une fois qu’il est corrigé.
serve_method_not_allowed = Seules les requêtes GET et HEAD sont servies.
serve_moved = Déplacé.
serve_not_found = Introuvable.
serve_internal_error = L’aperçu a échoué en répondant ; le terminal en dit peut-être plus. Réessayez.
# Une requête dont l’en-tête Host nomme autre chose que cet ordinateur :
# une page d’un autre site qui atteint l’aperçu par « DNS rebinding ».
serve_other_host = Cet aperçu ne répond qu’aux adresses de cet ordinateur (localhost, 127.0.0.1, [::1]{ $bound }), pas à « { $host } » : une page d’un autre site tente peut-être de le lire. Ouvrez plutôt { $url }.
serve_too_many_streams = Trop de connexions de rechargement automatique sont ouvertes ({ $limit }) ; cette page fonctionne, mais ne se rechargera pas d’elle-même. Fermez quelques onglets de l’aperçu et rechargez.
serve_bad_request = Requête refusée : { $reason }.
serve_reason_not_absolute = le chemin doit commencer par /
serve_reason_encoded_slash = les barres obliques encodées sont refusées
serve_reason_bad_escape = encodage en pourcentage invalide
serve_reason_not_utf8 = le chemin n’est pas en UTF-8
serve_reason_bad_character = les barres obliques inverses et NUL sont refusés
serve_reason_dot_segment = les segments . et .. sont refusés
