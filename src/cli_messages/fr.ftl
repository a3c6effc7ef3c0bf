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
arg_not_a_date = "{ $value }" n’est pas une date ; écrivez-la comme 2027-03-12
arg_not_an_address = "{ $value }" n’est pas une adresse complète ; écrivez-la comme https://example.org

## cairn eligibility

eligibility_verdict = { $level } — { $state ->
    [completed] terminé
    [can_start] vous pouvez commencer
   *[not_yet] pas encore
}
eligibility_needed_to_start = il manque encore, pour commencer :
eligibility_needed_to_finish = il manque encore, pour terminer :
eligibility_expired = { $item } a expiré le { $date } : renouvelez-le. D’ici là, il ne compte pas.
eligibility_expiring = { $item } expire le { $date } : renouvelez-le avant.
eligibility_preferred = { $met ->
    [yes] souhaité, rempli : { $part }
   *[no] souhaité, non rempli : { $part }
}
eligibility_part_separator =  ;{" "}

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
serve_bad_request = Requête refusée : { $reason }.
serve_reason_not_absolute = le chemin doit commencer par /
serve_reason_encoded_slash = les barres obliques encodées sont refusées
serve_reason_bad_escape = encodage en pourcentage invalide
serve_reason_not_utf8 = le chemin n’est pas en UTF-8
serve_reason_bad_character = les barres obliques inverses et NUL sont refusés
serve_reason_dot_segment = les segments . et .. sont refusés
