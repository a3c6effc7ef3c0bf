# What the cairn command prints for people, besides diagnostics and the
# site's own words (which come from the theme's messages). Project Fluent's
# format, like the theme's messages: https://projectfluent.org/fluent/guide/

## cairn build, check, init

# $pages, $files: counts; $seconds: the time taken; $folder: where it went.
build_done = Built { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $files ->
    [one] { $files } file
   *[other] { $files } files
}) in { $seconds } s into { $folder }
# $errors, $warnings: counts; the closing lines below take the result as $counts.
problems_counts = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} and { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
check_clean = ok: no errors, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
check_failed = error: found { $counts }
build_not_written = error: found { $counts }; nothing was written
check_warnings_denied = error: found { $counts }; warnings are denied (--deny-warnings)
init_done = Wrote a starter catalogue ({ $files ->
    [one] { $files } file
   *[other] { $files } files
}) into { $folder }.
init_next = Next: cd { $folder } && cairn serve, then edit the files under content/.

## cairn eligibility

# $level: the level's title.
eligibility_verdict = { $level } — { $state ->
    [completed] completed
    [can_start] can start
   *[not_yet] not yet
}
eligibility_needed_to_start = still needed to start:
eligibility_needed_to_finish = still needed to finish:
# $part: the preferred part of the rule, in words.
eligibility_preferred = { $met ->
    [yes] preferred, met: { $part }
   *[no] preferred, not met: { $part }
}
# Between the parts of a group, when a rule is written on one line.
eligibility_part_separator = ;{" "}
