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
init_ci = On GitHub: replace the two placeholders at the top of .github/workflows/catalogue.yml, and every pull request is checked and summarized (docs/ci.md in cairn’s repository).

## Values of arguments that cairn refuses, after clap's own "error: invalid
## value '…' for '--today <DATE>': "

# $value: the value given.
arg_not_a_date = "{ $value }" is not a date; write it like 2027-03-12
arg_not_an_address = "{ $value }" is not a full address; write it like https://example.org

## cairn eligibility

# $level: the level's title; $by: for "implied", the title of what was
# completed that required it.
eligibility_verdict = { $level } — { $state ->
    [completed] completed
    [implied] completed (implied by { $by })
    [can_start] can start
   *[not_yet] not yet
}
eligibility_needed_to_start = still needed to start:
eligibility_needed_to_finish = still needed to finish:
# cairn eligibility --goal: the plan toward a level or credential.
# $goal: its title; $count: how many things are left to do.
plan_heading = Plan toward { $goal }: { $count ->
    [one] 1 thing to do
   *[other] { $count } things to do
}
plan_reached = { $goal }: already reached, nothing left to do.
# $why: unreachable or too-large.
plan_none = No plan toward { $goal }: { $why ->
    [unreachable] no record reaches it under the catalogue's rules.
   *[too-large] its rules are too large to work out a plan.
}
# A step for what no level asks for.
plan_other_step = Also
plan_approximate = (The fewest things found, not certainly the fewest: these rules have too many ways to compare them all.)
# A completed item that lapses (valid_for), by the judging day. $item: its
# title; $date: the day, in words.
eligibility_expired = { $item } expired on { $date }: renew it. Until then it does not count.
eligibility_expiring = { $item } lapses on { $date }: renew it before then.
# $part: the preferred part of the rule, in words.
eligibility_preferred = { $met ->
    [yes] preferred, met: { $part }
   *[no] preferred, not met: { $part }
}
# After the levels: whether each credential is held. $credential: its
# title; $by: what implies it; $date: the day it lapses or lapsed.
eligibility_credentials = credentials:
eligibility_holding = { $credential } — { $state ->
    [held] held
    [implied] held (implied by { $by })
    [lapsing] held, lapses on { $date }: renew it before then
    [lapsed] lapsed on { $date }: renew it
   *[not_held] not held
}

## cairn diff

diff_title = What this change means for candidates
diff_nothing = No change for candidates: the same entities, rules and offerings.
# The first line: what changed, in parts joined by "; ".
# $count: how many rules changed; $verdicts: diff_summary_verdict, comma-separated.
diff_summary_rules = { $count ->
    [one] 1 rule changed
   *[other] { $count } rules changed
} ({ $verdicts })
diff_summary_verdict = { $count } { $verdict ->
    [stricter] stricter
    [looser] looser
    [both] stricter for some and looser for others
    [equivalent] reworded
   *[undecided] not decided
}
# $change: added, removed, renamed, retitled or offerings.
diff_summary_count = { $change ->
    [added] { $count } added
    [removed] { $count } removed
    [renamed] { $count } renamed
    [retitled] { $count } retitled
   *[offerings] { $count ->
        [one] 1 offering changed
       *[other] { $count } offerings changed
    }
}
diff_rules_heading = Rules
diff_entities_heading = Pages
diff_offerings_heading = Offerings
# A rule that changed. $title: its entity's title; $which: requires (a
# level's), take (a workshop's requires), completion or awards.
diff_rule = { $which ->
    [requires] { $title }, to start:{" "}
    [take] { $title }, to take:{" "}
    [completion] { $title }, to complete:{" "}
   *[awards] { $title }, to hold:{" "}
}
diff_verdict = { $verdict ->
    [stricter] stricter
    [looser] looser
    [both] stricter for some, looser for others
    [equivalent] reworded, the same for everyone
   *[undecided] not decided
}
# $rule: the rule in the site's words, on one line.
diff_before = before: { $rule }
diff_after = after: { $rule }
diff_rule_absent = { $which ->
    [requires] nothing: anyone may start
    [take] nothing: anyone may take it
    [completion] no completion rule: complete when a record lists it
   *[awards] no level awards it
}
# $levels: the titles of the levels that award a credential.
diff_awarded_by = awarded by { $levels }
# A witness. $who: diff_someone_with or diff_someone_with_nothing; $action: diff_action.
diff_lost = { $who } could { $action } before this change and cannot now.
diff_gained = { $who } could not { $action } before this change and can now.
diff_action = { $which ->
    [requires] start { $title }
    [take] take { $title }
    [completion] complete { $title }
   *[awards] hold { $title }
}
# $items: what the person has, as a list.
diff_someone_with = Someone with { $items }
diff_someone_with_nothing = Someone with nothing on their record
# An amount of a measured requirement: "Hours on set (300 hours)".
diff_amount = { $item } ({ $amount } { $unit })
# A list: "A, B and C". $first: every item but the last, joined by diff_list_separator.
diff_list_separator = ,{" "}
diff_list_last = { $first } and { $last }
# A member of a group the change removed or added.
diff_part_removed = removed: { $rule }
diff_part_added = added: { $rule }
diff_equivalent = Written differently; every record is judged as before.
# $limit: how many minimal ways to meet a rule cairn lists at most.
diff_undecided = Not decided: one of these rules has more than { $limit } minimal ways to be met. Review this change by hand.
diff_kind = { $kind ->
    [pathway] pathway
    [level] level
    [workshop] workshop
    [requirement] requirement
   *[credential] credential
}
diff_added = added: { $kind } “{ $title }” ({ $id })
diff_removed = removed: { $kind } “{ $title }” ({ $id })
diff_renamed = renamed: { $kind } “{ $title }”, { $from } → { $to }
# After a rename: the line that keeps the old address answering.
diff_add_alias = add aliases = ["{ $alias }"] to { $file } so that its old address still answers
diff_retitled = retitled: { $kind } { $id }, “{ $before }” → “{ $after }”
# An offering's day, with its time of day.
diff_day_time = { $date }, { $time }
# An offering from its start to its end; in a named time zone.
diff_span = { $start } to { $end }
diff_in_zone = { $when } ({ $zone })
diff_no_price = no price given
diff_offering_added = { $workshop }: new offering on { $date }
diff_offering_removed = { $workshop }: the offering on { $date } was removed
diff_offering_moved = { $workshop }: the offering on { $before } moved to { $after }
diff_offering_cancelled = { $workshop }: the offering on { $date } is cancelled
diff_offering_status = { $workshop }: the offering on { $date }: { $before } → { $after }
diff_offering_price = { $workshop }: the offering on { $date }: price { $before } → { $after }
# Before the errors of one side.
diff_side_old = cairn diff: the older catalogue (OLD) has errors; it cannot be compared until they are fixed:
diff_side_new = cairn diff: the newer catalogue has errors; it cannot be compared until they are fixed:
diff_side_revision = cairn diff: the catalogue at { $revision } has errors; compare with another revision, or two folders:
diff_needs_sign_off = error: a rule became stricter for some people, or could not be decided (--fail-on-stricter)

## cairn translations

# $lang: a language's tag; $current, $stale, $unmarked, $missing: counts.
translations_summary = { $lang }: { $current } current, { $stale } stale, { $unmarked } not marked, { $missing } missing
# One line per page. $state: current, stale, unmarked or missing; $file: the original.
translations_line = { $state ->
    [current] current    { $file }
    [stale] stale      { $file }
    [unmarked] not marked { $file }
   *[missing] missing    { $file }
}
translations_none = This site is published in one language: it has no translations to list.
# $file: a translation recorded as made from its original's current words.
translations_marked = marked current: { $file }

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
# A request whose Host is another name than this computer's: a page on
# another site reaching the preview through DNS rebinding.
serve_other_host = This preview answers only at this computer's own addresses (localhost, 127.0.0.1, [::1]{ $bound }), not at “{ $host }”: a page on another site may be trying to read it. Open { $url } instead.
serve_too_many_streams = Too many live-reload connections are open ({ $limit }); this page still works, but will not reload by itself. Close some tabs of the preview and reload.
# $reason: one of serve_reason_*.
serve_bad_request = Bad request: { $reason }.
serve_reason_not_absolute = the path must start with /
serve_reason_encoded_slash = encoded slashes are not allowed
serve_reason_bad_escape = invalid percent-encoding
serve_reason_not_utf8 = the path is not UTF-8
serve_reason_bad_character = backslashes and NUL are not allowed
serve_reason_dot_segment = dot segments are not allowed
