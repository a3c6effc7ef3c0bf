# What the cairn command prints for people, besides diagnostics (which
# diagnostics.en.ftl words) and the site's own words (which come from the
# theme's messages). Project Fluent's
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

## Values of arguments that cairn refuses, after clap's own "error: invalid
## value '…' for '--today <DATE>': "

# $value: the value given.
arg_not_a_date = "{ $value }" is not a date; write it like 2027-03-12
arg_not_an_address = "{ $value }" is not a full address; write it like https://example.org

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
# A completed item that lapses (valid_for), by the judging day. $item: its
# title; $date: the day, in words.
eligibility_expired = { $item } expired on { $date }: renew it. Until then it does not count.
eligibility_expiring = { $item } lapses on { $date }: renew it before then.
eligibility_preferred = { $met ->
    [yes] preferred, met: { $part }
   *[no] preferred, not met: { $part }
}
# Between the parts of a group, when a rule is written on one line.
eligibility_part_separator = ;{" "}

## cairn serve

# $address: the address asked for with --bind.
serve_exposed = warning: serving on { $address }, which other computers on your network can reach; use the default --bind 127.0.0.1 to keep the preview to this computer
serve_checked = Checked the site in { $seconds } s
serve_broken_at_start = The site has errors: serving nothing until they are fixed; the browser shows them.
# $watched: the files and folders watched, comma-separated.
serve_serving = Serving { $url } (press Ctrl-C to stop); watching { $watched }
serve_rebuilt = Rebuilt in { $milliseconds } ms
serve_kept = Kept the last good build; fix the problem above and save.
serve_warnings = { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}: run `cairn check` to see them
serve_no_browser = Could not open a browser; open { $url } yourself.

# Shown in the browser over the last good build.
serve_overlay_title = cairn: the last change has { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}
serve_overlay_note = The page below is the last good build. Fix the problem and save: this page reloads by itself.
serve_overlay_hide = Hide
# A page when there is no good build yet, and a page whose template failed.
serve_waiting_title = cairn: the site has errors
serve_waiting_text = The site has errors, shown here; this page reloads by itself once they are fixed.
serve_failed_title = This page failed to render
serve_failed_text = cairn could not render this page; the problem is below, and this page reloads by itself once it is fixed.

# Plain answers to requests the preview cannot serve.
serve_method_not_allowed = Only GET and HEAD are served.
serve_moved = Moved.
serve_not_found = Not found.
serve_internal_error = The preview failed while answering; the terminal may say more. Try again.
# $reason: one of serve_reason_*.
serve_bad_request = Bad request: { $reason }.
serve_reason_not_absolute = the path must start with /
serve_reason_encoded_slash = encoded slashes are not allowed
serve_reason_bad_escape = invalid percent-encoding
serve_reason_not_utf8 = the path is not UTF-8
serve_reason_bad_character = backslashes and NUL are not allowed
serve_reason_dot_segment = dot segments are not allowed
