# What diagnostics say: the message and the help line of every problem
# cairn reports, grouped by code (docs/checks.md explains each code). Project
# Fluent's format, like en.ftl: https://projectfluent.org/fluent/guide/
#
# Ids, paths, numbers, did-you-mean suggestions, and error text from the
# system, the TOML parser or Tera are arguments. So are code examples that
# hold braces ({ … }), which Fluent would otherwise need escaped; examples
# without braces are part of the message.

## Pieces that messages of several codes share

# A value's type, as "…, found { $found }" names it.
found_string = a string
found_integer = an integer
found_float = a number
found_boolean = a boolean
found_date = a date
found_array = an array
found_table = a table
# A kind of document, as "{ $kind }" names it. $kind: pathway, level,
# workshop, requirement, credential or page; or completable, any of the
# kinds a person completes.
kind_a = { $kind ->
    [pathway] a pathway
    [level] a level
    [workshop] a workshop
    [requirement] a requirement
    [credential] a credential
    [completable] a level, workshop, requirement or credential
   *[page] a page
}
# The same without the article: "level".
kind_name = { $kind ->
    [pathway] pathway
    [level] level
    [workshop] workshop
    [requirement] requirement
    [credential] credential
    [completable] level, workshop, requirement or credential
   *[page] page
}
# $suggestion: the closest id or name.
did_you_mean = did you mean "{ $suggestion }"?
# $suggestion: the closest key.
did_you_mean_key = did you mean `{ $suggestion }`?
# A list cut short. $items: the first few, comma-separated; $more: how
# many more there are.
list_and_more = { $items }, and { $more } more
# After the first of many warnings of one kind. $count: how many others;
# $places: where they are (file:line:column, list_and_more).
warnings_grouped = { $count } more like this one: { $places } (`--format json` lists each)
# A line standing for the problems of one code past the first hundred.
more_of_a_kind = { $count ->
    [one] 1 more { $code } problem like these is not shown
   *[other] { $count } more { $code } problems like these are not shown
}
more_of_a_kind_help = fix the ones shown, or the one mistake behind them all, and run again to see what is left
# What holds a key, as the messages of E003 and E004 name it ($table).
# site.toml's sections are named as written: "[checklist]".
table_record = a record
table_offering = an offering
table_price = a price
table_provider = a provider
table_expression = a requirement expression
# $kind: as for kind_a.
front_matter_of = { $kind ->
    [pathway] a pathway's front matter
    [level] a level's front matter
    [workshop] a workshop's front matter
    [requirement] a requirement's front matter
    [credential] a credential's front matter
   *[page] a page's front matter
}
front_matter_of_listing = a listing page's front matter
# Values to write, shown as TOML in the help of a missing field ($example).
example_site_title = "My training catalogue"
example_title = "A short title"
example_organization_name = "Full name of the organization"
example_provider_name = "Who offers it"
example_unit = "hours"
example_pool_noun = "dive"

## E001 front matter missing or not closed

front_matter_missing = this file has no front matter
front_matter_missing_help = start the file with a line `+++`, then `title = "…"`, then another line `+++`; see docs/content-format.md
front_matter_unclosed = the front matter is never closed
front_matter_unclosed_help = add a line `+++` after the last front-matter field, before the Markdown text

## E002 TOML syntax errors

# $error: the TOML parser's own words.
toml_syntax = invalid TOML: { $error }
toml_syntax_help = check the quotes, brackets and `=` signs on this line; the TOML format is described in docs/content-format.md

## E003 unknown keys

# $table: what holds the key ("site.toml", table_offering, front_matter_of…).
unknown_key = unknown key `{ $key }` in { $table }
# $keys: the keys the table accepts, comma-separated.
unknown_key_help = { $table } accepts: { $keys }

## E004 required fields that are absent

missing_field = { $table } has no `{ $key }`
# $example: a value to write, as TOML.
missing_field_help = add a line `{ $key } = { $example }`
offering_without_start = this offering has no `start` date
offering_without_start_help = add a line `start = 2027-03-12` (year-month-day, no quotes)
expr_no_form = this expression says neither `all`, `any`, `choose` nor `has`
# $all, $any, $choose, $has: each form, as TOML.
expr_no_form_help = use one of { $all }, { $any }, { $choose } or { $has }
choose_without_from = `choose` needs a `from`
choose_without_from_help = add `from = "level-2"` (all workshops of a level) or `from = ["a", "b", "c"]`
has_without_at_least = `has` needs an `at_least`
# $example: the table with an `at_least`, as TOML.
has_without_at_least_help = add the number to reach, like `{ $example }`

## E005 values of the wrong type
# $alias: an entry of `aliases` as written.
alias_invalid = "{ $alias }" is not an address this page had
alias_invalid_help = write an old address of the site from its root, "/workshops/old-name/", or an old id, "old-name", for the same folder

# $expected: one of expected_*; $found: one of found_*.
wrong_type = `{ $key }` must be { $expected }, found { $found }
expected_string = a string
expected_boolean = true or false
expected_whole_number = a whole number
expected_strings = a list of strings
expected_table = a table
expected_tables = a list of tables
# $example: a value to write, as TOML.
wrong_type_help = write it like `{ $key } = { $example }`
# $sections: "[[key]]"; $inline: the list written inline, as TOML.
wrong_type_tables_help = write it like `{ $key } = { $sections }` sections, or `{ $key } = { $inline }`
wrong_type_when = `{ $key }` must be a date, or a date and a time, found { $found }
found_quoted_date = a string (dates take no quotes)
wrong_type_when_help = write `{ $key } = 2027-03-12`, or with a time of day `{ $key } = 2027-03-12T09:00:00` (year-month-day, no quotes)
time_without_date = `{ $key }` is a time of day without its day
# $time: the time as written.
time_without_date_help = write the day before it: `{ $key } = 2027-03-12T{ $time }`
updated_is_a_day = `updated` is a day, without a time of day
updated_is_a_day_help = write the day alone: `updated = 2027-03-12`
wrong_type_price = `price` must be "free", an amount, or an amount with its currency
wrong_type_price_help = write `price = "free"`, `price = 450` (in the site's currency) or `price = { "{" } amount = 450, currency = "CAD" { "}" }`
wrong_type_list_item = `{ $key }` must list strings, found { $found }
wrong_type_list_item_help = put each item in double quotes
from_item_help = `choose` counts distinct things, so `from` lists ids only; to choose among groups, write an `any` of the combinations, like `{ "{" } any = [["a", "b"], ["a", "c"]] { "}" }`
wrong_type_table_item = each of `{ $key }` must be a table, found { $found }
wrong_type_table_item_help = write a `[[{ $key }]]` section per item
organization_not_table = `organizations.{ $key }` must be a table
organization_not_table_help = write a section `[organizations.{ $key }]` with `name = "…"` and `url = "…"`
expr_wrong_type = `{ $key }` must be an id, a list or a table, found { $found }
# $example: a table, as TOML.
expr_wrong_type_help = write an id like "level-1", a list like ["a", "b"], or a table like { $example }
list_form_wrong_type = `{ $form }` must be a list of expressions, found { $found }
list_form_wrong_type_help = write `{ $form } = ["a", "b"]`
from_wrong_type = `from` must be a level id or a list of ids, found { $found }
from_wrong_type_help = write `from = "level-2"` or `from = ["a", "b", "c"]`

## E006 unresolved references

unresolved_reference = unresolved reference "{ $name }"
unresolved_help_draft = "{ $name }" is a draft: publish it (remove `draft = true`) or build with --drafts
# $kind: kind_a; $candidates: the ids of that kind, quoted, comma-separated.
name_kind_here_from = name { $kind } here: { $candidates }
name_an_item_here_from = name one of the catalogue's items here: { $candidates }
# $kind: kind_name.
no_such_id = no { $kind } has this id; ids are file names under content/ without .md (an _index.md has none: link a listing or the home page by its address, such as / or /workshops/)
ids_are_file_names = ids are file names under content/ without .md (an _index.md has none: link a listing or the home page by its address, such as / or /workshops/)
record_unknown_id = the record names "{ $id }", which is not in the catalogue
record_unknown_id_help = ids are the file names of the catalogue's Markdown files; see catalogue.json for the list

## E007 file names that are not ids, files in the wrong place

# $folder: a kind's folder under content/ ("levels").
index_in_subfolder = an `_index.md` inside a subfolder of content/{ $folder }/ has no page of its own
index_in_subfolder_help = subfolders of content/{ $folder }/ only group files; the listing page /{ $folder }/ takes its title and text from content/{ $folder }/_index.md, so move this file there or remove it
invalid_id = `{ $id }` is not a valid id
# $suggestion: the file name made an id, or example_file_stem.
invalid_id_help = ids are file names of lowercase letters a-z, digits and hyphens; rename the file to `{ $suggestion }.md`
example_file_stem = my-page

## E008 two entities with one id

# $path: the file that has the id already.
duplicate_id = the id "{ $id }" is already used by { $path }
duplicate_id_help = ids are file names and must be unique across all of content/: rename one of the two files
duplicate_id_first = the id is first used by { $path }

## E009 names of the wrong kind

# $field: the key that names it; $expected, $kind: kind_a.
wrong_kind = `{ $field }` must name { $expected }, but "{ $name }" is { $kind }
# $kind: kind_a.
name_kind_here = name { $kind } here
unknown_organization = `{ $field }` names "{ $key }", which is not an organization in site.toml
unknown_organization_help = add `[organizations.{ $key }]` with a `name` to site.toml
# $kind: kind_a.
record_not_completable = "{ $id }" is { $kind }, which cannot be completed
record_not_completable_help = list levels, workshops, requirements and credentials

## E010 prerequisites that loop back on themselves

# $path: the ids of the cycle, "a -> b -> a".
cycle = prerequisite cycle: { $path }
cycle_help = no one could ever start any of these; remove one of the references in the chain

## E011 values out of range

too_large = `{ $key }` is too large
too_large_help = use a whole number between { $min } and { $max }
# $subject: what must be a number ("`at_least`", record_amount_subject).
not_zero_or_more = { $subject } must be a number of zero or more, found { $found }
found_negative = a negative or non-finite number
at_least_help = write the amount to reach, like `at_least = 300`
record_amount_subject = the amount of "{ $id }"
record_amount_help = write it like `{ $id } = 300`
# $id: an id of the record's [dates]; $found: what it holds instead.
record_date_wrong_type = the date of "{ $id }" must be a day, found { $found }
record_date_wrong_type_help = write it like `{ $id } = 2025-03-03` (year-month-day, no quotes)
found_date_and_time = a date with a time of day
empty_title = `title` is empty
empty_title_help = give the page a title; it is its heading and its name in every link
# $value: the period as written.
invalid_period = `{ $key }` must be a period like "3 years", found "{ $value }"
invalid_period_help = write a whole number and days, weeks, months or years: "18 months", "1 year"
unknown_category = unknown category "{ $name }"
# $names: the categories, comma-separated.
unknown_category_help = use one of: { $names }
# $forms: the forms, expr_forms_and.
expr_mixed = this expression mixes { $forms }
# $first: a form; $rest: the others, a form or expr_forms_and again.
expr_forms_and = { $first } and { $rest }
# $example: nested tables, as TOML.
expr_mixed_help = use one form per table and nest them, like { $example }
any_empty = `any = []` can never be met: it offers nothing to choose from
# $key: requires or completion.
any_empty_help = list the alternatives, like `any = ["a", "b"]`; for nothing needed at all, write `{ $key } = []`
all_empty = `all = []` has nothing in it
all_empty_help = list what is needed, like `all = ["a", "b"]`; for nothing needed at all, write `{ $key } = []`
empty_list_in_rule = an empty list inside a rule means nothing
empty_list_in_rule_help = remove it; for nothing needed at all, write the whole rule as `{ $key } = []`
# $count: the number written, as written.
choose_not_positive = `choose` must be a positive whole number, found { $count }
choose_not_positive_help = write how many items must be done, like `choose = 3`

# $key: where the amount is (price, amount).
not_an_amount = `{ $key }` must be an amount of zero or more, written as a plain number
not_an_amount_help = write it like `{ $key } = 450` or `{ $key } = 19.99`
unknown_status = unknown offering status "{ $name }"
# $names: the statuses, comma-separated.
status_help = use one of: { $names }
# $tag: the language tag as written.
not_a_language = "{ $tag }" is not a language tag
not_a_language_help = write a BCP 47 tag, as in `<html lang>`: "en", "fr" or "fr-CA"
# $id: the offering's id as written.
offering_id_not_plain = an offering's `id` is made of lowercase letters, digits and hyphens, found "{ $id }"
offering_id_not_plain_help = write it like `id = "spring-2027"`

## E012 broken links between pages

unresolved_link = unresolved link to "{ $name }"
# $anchor: "#" and the heading's anchor.
missing_anchor = "{ $id }" has no heading "{ $anchor }"
# $path: the file linked to; $anchors: its headings' anchors, comma-separated.
missing_anchor_help = the headings of { $path } are: { $anchors }
missing_anchor_help_no_headings = { $path } has no headings to link to

## E013 files that cannot be read, or are not UTF-8

no_content_folder = there is no content/ folder
no_content_folder_help = create content/ beside site.toml and put the catalogue's Markdown files in it
# $error: the system's own words.
cannot_read = cannot read { $path }: { $error }
cannot_read_folder_help = check that the folder exists and that you may read it
cannot_read_this_file = cannot read this file: { $error }
cannot_read_file_help = check that the file exists and that you may read it
file_not_utf8 = this file is not valid UTF-8 text
file_not_utf8_help = save the file as UTF-8 in your editor ("Save with encoding" or similar)
site_toml_not_utf8 = site.toml is not valid UTF-8 text
site_toml_not_utf8_help = save site.toml as UTF-8 in your editor
theme_unreadable_help = check that the file is UTF-8 text and that you may read it
# $path: the record's file, as given to --profile.
record_unreadable = cannot read the record { $path }: { $error }
record_unreadable_help = pass the path of a TOML file with `completed = [...]` and `[measures]`; docs/checklist.md shows one
record_not_utf8 = the record { $path } is not UTF-8 text
record_not_utf8_help = save it as UTF-8 in your editor

## E014 site.toml missing something or holding an invalid value

# $root: the folder given to --root, or the_current_folder.
no_site_toml = there is no site.toml in { $root }
no_site_toml_help = run cairn in the folder that holds site.toml, or pass --root DIR
the_current_folder = the current folder
# $error: the system's own words.
site_toml_unreadable = cannot read site.toml: { $error }
base_url_flag_invalid = --base-url must be a full http(s) address, found "{ $url }"
base_url_flag_invalid_help = write the address the site is published at, like --base-url https://example.org
base_url_invalid = `base_url` must be a full http(s) address, found "{ $url }"
base_url_invalid_help = write the address the site is published at, like `base_url = "https://example.org"`
# $error: the Fluent parser's own words.
messages_syntax = a message file does not parse: { $error }
messages_syntax_help = fix the Fluent syntax of this message; docs/templates.md shows the format, https://projectfluent.org/fluent/guide/ explains it
# $missing, $required: counts; $ids: the ids missing, comma-separated.
messages_missing = the messages for the language "{ $language }" lack { $missing } of the theme's { $required }: { $ids }
messages_missing_help = add the missing messages to this language's file, in the site's own i18n/ folder (i18n/<language>.ftl) or its theme's
missing_theme = the theme "{ $theme }" is not in themes/
missing_theme_help = create themes/{ $theme }/ or remove `theme` from site.toml to use the default theme
# $path: the old file; $messages: the message file to move its strings into.
old_theme_strings = { $path } is no longer read: a theme's words are Fluent messages now
old_theme_strings_help = move the strings you changed into { $messages }, under the ids docs/templates.md lists, and delete the .toml file
no_theme_messages = the theme has no messages for the language "{ $language }"
# $file: the message file the theme lacks.
no_theme_messages_help = add { $file } (a translation of the default theme's i18n/en.ftl), or set `language` to one the theme has
# $name: the environment variable; $value: its value.
build_day_not_a_date = { $name } must be a date like 2027-03-12, found "{ $value }"
build_day_not_seconds = { $name } must be a number of seconds since 1970-01-01, found "{ $value }"
build_day_help = unset { $name } to use today's date, or pass --today YYYY-MM-DD

## E015 templates that fail to compile or render

# $cycle: the templates' names, "a.html -> b.html -> a.html".
template_cycle = templates include each other in a circle: { $cycle }
template_cycle_help = an include, import or extends that leads back to itself would never end; break the circle
# $error: what the template engine (MiniJinja) expected, in its words, or template_invalid_syntax.
template_syntax = a template does not compile: { $error }
template_invalid_syntax = invalid syntax
template_syntax_help = fix the template syntax; docs/templates.md lists what templates can use
# $error: the template engine's own error text, template_undefined, or one of url_for_* and range_*.
template_failed = a template failed: { $error }
# $name: the expression, as the template writes it (`page.issuer.website`).
template_undefined = `{ $name }` is not defined on this page
template_undefined_here = a value used here is not defined on this page
# $filter: the filter's name.
template_undefined_filter = the filter `{ $filter }` was given a value that is not defined on this page
template_recursion = it calls itself without end: macros, includes and imports nest too deep
template_out_of_fuel = it runs too long: more steps than one page may take (loops nested too deep, or over too much)
# $url: the first page it failed on; $others: on how many more it failed.
template_failed_help = it failed on { $others ->
        [0] { $url }
        [one] { $url } and { $others } other page
       *[other] { $url } and { $others } other pages
    } (rendered with { $template }); fix the template, or the page data it expects: docs/templates.md lists every variable
url_for_without_id = url_for needs `id`, like url_for(id="level-1")
url_for_unknown_id = url_for: no page has the id "{ $id }"
range_step_zero = range: the step must not be 0, which would never reach the end
# $limit: the most numbers range gives.
range_too_long = range: more than { $limit } numbers; a template should not loop that long

## E016 two levels of one pathway at the same place

# $order: the number, as written.
duplicate_order = levels "{ $first }" and "{ $second }" both have order { $order } in pathway "{ $pathway }"
duplicate_order_help = give each level of a pathway its own `order`: 1, 2, 3…

## E017 an entity that requires itself

requires_itself = "{ $id }" requires itself
requires_itself_help = remove this reference: an entity cannot be its own prerequisite
# $level: the level's id; $workshop: one of its workshops.
requires_own_workshop = "{ $level }" requires its own workshop "{ $workshop }", which takes the level's prerequisites as its own and so would need itself
requires_own_workshop_help = give "{ $workshop }" its own `requires` (`requires = []` for none), or count it in the level's `completion` instead of its `requires`

## E018 choose more than there is

# $count: how many to choose; $size: how many there are.
choose_too_many_items = `choose = { $count }` can never be met: only { $size ->
        [one] { $size } distinct item is listed
       *[other] { $size } distinct items are listed
    }
# $level: the level whose workshops are the pool.
choose_too_many_workshops = `choose = { $count }` can never be met: only { $size ->
        [one] { $size } workshop belongs
       *[other] { $size } workshops belong
    } to "{ $level }"
choose_too_many_help = lower `choose`, or add items to choose from

## E019 amounts of what has no unit

not_measured = `has` needs a measured requirement, but "{ $id }" has no `unit`
# $path: the requirement's file.
not_measured_help = add `unit = "hours"` (or years, credits…) to { $path }, or list the id without `has`
record_not_measured = "{ $id }" is not a measured requirement, so it has no amount
record_not_measured_help = measures are for requirements with a `unit` (hours, years, credits…); list the id under `completed` instead

## E020 an offering that ends before it starts

offering_dates = this offering ends ({ $end }) before it starts ({ $start })
offering_dates_help = swap `start` and `end`, or correct the date

# $deadline and $start: as written.
deadline_after_start = registration closes ({ $deadline }) after the offering starts ({ $start })
deadline_after_start_help = set `deadline` on or before `start`, or correct the date

## E021 local files that do not exist

# $target: the link as written.
outside_the_site = "{ $target }" points outside the site
outside_the_site_help = link to files inside the site, from its root: `/files/handbook.pdf`
missing_image = the image "{ $target }" does not exist in the site
missing_file = the file or page "{ $target }" does not exist in the site
# $path: where the link leads, from the site's root.
missing_file_help = put the file at content/{ $path } or static/{ $path }, or correct the link (links starting with `/` are from the site's root)

## E022 two files at one address

# $file: the file left out; $path: its address; $existing: the file there
# already, or generated_*.
page_address_taken = { $file } would be published at /{ $path }/, which is already { $existing }
page_address_taken_help = rename or move the file so that it has an address of its own
# An old address in `aliases` that another page or alias has. $path: it.
alias_address_taken = this old address, /{ $path }, is already { $existing }
alias_address_taken_help = remove it from `aliases`: a page and an old address cannot share an address, and two pages cannot share an old one
# $file: the content file whose `aliases` hold it.
an_alias_of = an old address of { $file }
file_address_taken = { $file } would be written to /{ $path }, which is already { $existing }
file_address_taken_help = rename or move the file so that every file of the site has its own path
generated_page_at = the page cairn generates at /{ $path }/
generated_page = a page cairn generates
generated_file = a file cairn generates

## E100 cairn cannot work here: the output folder, a file it cannot write, a port

# $path: the output folder, as an absolute path.
output_is_root = the output folder { $path } is the site root
output_holds_root = the output folder { $path } contains the site root
output_inside_site_help = choose a folder inside the site for the built site, like --output public
# $folder: content, templates, static or themes.
output_in_sources = the output folder { $path } is inside the site's { $folder }/ folder
output_in_sources_help = choose a folder outside content/, templates/, static/ and themes/, like --output public
output_looks_like_a_site = the output folder { $path } contains a content/ folder: it looks like a site, not a build
output_looks_like_a_site_help = choose an empty or new folder for the built site, like --output public
output_is_a_file = the output path { $path } is a file, not a folder
output_is_a_file_help = choose a folder for the built site, like --output public
output_not_ours = the output folder { $path } is not empty and was not made by cairn
output_not_ours_help = cairn replaces its output folder whole, so it only writes into a new or empty folder, or one it made itself; choose another --output or empty this one
# $action: what cairn was doing; $error: the system's own words.
output_io = { $action ->
    [create] cannot create { $path }: { $error }
    [write_into] cannot write into { $path }: { $error }
    [move_aside] cannot move aside { $path }: { $error }
    [move_into_place] cannot move into place { $path }: { $error }
   *[write] cannot write { $path }: { $error }
}
# $cause: full (no room left), denied (no permission), busy (in use, or a
# mount point) or other.
output_io_help = { $cause ->
    [full] the disk is full: make room, then build again; the previous site was left as it was
    [denied] you may not write there: check the folder's permissions, or build into another folder with --output; the previous site was left as it was
    [busy] the folder is in use (open in another program, or a mount point cairn could not swap): close what holds it, then build again
   *[other] check that the disk has room and that you may write there; the previous site was left as it was
}
# $path: the lock file beside the output folder.
output_locked = another cairn build is writing this site: it holds the lock { $path }
output_locked_help = wait for it to finish, then build again; two builds into one folder would mix their pages
output_lock_failed = cannot lock { $path }
output_lock_failed_help = the file system of the output folder may not support file locks; build into a folder on a local disk
output_lock_is_link = the lock file { $path } is a symbolic link; cairn does not open a lock through a link
output_lock_is_link_help = remove the link (it is not a lock cairn made) and build again
output_outside = refusing to write outside the output folder: { $path }
output_outside_help = rename the file so its path stays inside the site
# $folder: the folder given to cairn init.
init_not_empty = { $folder } is not empty
init_not_empty_help = cairn init only writes into a new or empty folder, so nothing of yours is overwritten; choose another folder
init_unusable = cannot use { $folder }: { $error }
init_unusable_help = choose a new folder, like `cairn init my-site`
init_cannot_write = cannot write { $path }: { $error }
init_cannot_write_help = check that you may write in that folder and that the disk has room
serve_cannot_watch = cannot watch the site's files: { $error }
serve_cannot_watch_help = check that the site folder exists and that you may read it; on Linux, raising fs.inotify.max_user_watches may help
serve_cannot_start = cannot start the web server: { $error }
serve_cannot_start_help = try another --port
# $port, $next: port numbers; $address: the address listened on.
serve_port_in_use = port { $port } is already in use on { $address }
serve_port_in_use_help = another program (perhaps another `cairn serve`) is using it: stop it, or choose another port with --port { $next }
serve_no_such_address = cannot listen on { $address }: this computer has no such address
serve_no_such_address_help = use --bind 127.0.0.1 (the default) to preview on this computer
serve_cannot_listen = cannot listen on { $address }: { $error }
serve_cannot_listen_help = choose another port with --port, or another address with --bind

## W001 offerings in the past

# $day: the offering's last day.
past_offering = this offering is over (it ended on { $day }) but still offers registration
past_offering_help = remove its `register` line: the offering can stay, as a record of what was offered, and its page lists it under past offerings

## W002 what nothing refers to

# $kind: kind_name.
unreferenced = nothing refers to the { $kind } "{ $id }"
unreferenced_workshop_help = give it a `level`, or name it in a level's `requires` or `completion`
unreferenced_credential_help = name it in a level's `awards` or a pathway's `outcome`, or remove it
unreferenced_requirement_help = name it in a level's or workshop's `requires` or `completion`, or remove it

## W003 levels on no pathway

no_pathway = the level "{ $id }" belongs to no pathway
no_pathway_help = add `pathway = "…"` and `order = N` so that it appears as a step of its pathway and in the checklist

## W004 no summary

# $kind: kind_name.
no_summary = the { $kind } "{ $id }" has no summary
# A listing page has no id: $path is its file.
no_summary_listing = the page of { $path } has no summary
no_summary_help = add `summary = "…"`: one plain sentence, shown on cards and to search engines

## W005 both preferred and required

preferred_and_required = "{ $id }" is both required and preferred here
preferred_and_required_help = a preferred item never blocks, but this one is also required elsewhere in the same rule; keep one of the two

## W006 a preferred alternative

preferred_alternative = this alternative is preferred, so the `any` around it is always met
preferred_alternative_help = a preferred part never blocks: take it out of the `any` and put it beside it, or remove `preferred = true` if it is a real alternative

## W007 a time the clocks skip

# $time: as written; $zone: the IANA zone; $placed: the time it is read as.
skipped_time = { $time } does not exist in { $zone }: the clocks go forward then, so it is read as { $placed }
skipped_time_help = write a time that exists, like { $placed }, or the time you meant

## E023 a link that does not lead to the web

# $place: where the link is written; $scheme: "javascript:"; $target: the
# address, cut to 60 characters.
not_web_address = { $place ->
    [link] this link
    [image] this image
    [register] `register`
    [provider_url] this provider's `url`
   *[organization_url] this organization's `url`
} leads to a { $scheme } address, not to the web: "{ $target }"
not_full_address = { $place ->
    [register] `register`
    [provider_url] this provider's `url`
   *[organization_url] this organization's `url`
} is not a full web address: "{ $target }"
# $place: as above.
not_web_address_help = write a full address starting with { $place ->
    [link] https:, http:, mailto: or tel:
    [image] https:, http: or data:image/
    [register] https:, http: or mailto:
    [provider_url] https:, http:, mailto: or tel:
   *[organization_url] https: or http:
} (such as https://example.org/…); other schemes are not published

## site.toml: [offerings]

# $value: what `past` says.
past_offerings_value = `past` must be "show" or "hide", found "{ $value }"
past_offerings_value_help = write `past = "show"` to list offerings that are over apart on a workshop's page, or `past = "hide"` to leave them out

# $value: what `feed_limit` says.
feed_limit_value = `feed_limit` must be a whole number of 1 or more, found { $value }
feed_limit_value_help = write `feed_limit = 50` to keep the 50 soonest offerings in the feed, or leave `feed_limit` out to list every upcoming offering

## E024 times that name no moment

# $name: the zone as written.
unknown_time_zone = unknown time zone "{ $name }"
unknown_time_zone_help = use a name from the IANA time zone database, like "America/Toronto", "America/Vancouver" or "Europe/Paris"
# $time: the date and time as written.
time_without_zone = { $time } is a time of day in no time zone
time_without_zone_help = add `time_zone = "America/Toronto"` to the offering, or `time_zone` under `[offerings]` in site.toml for every offering, or write the offset after the time (`T09:00:00-05:00`)
# $offset: as written; $actual: the zone's offset then.
offset_not_the_zone_s = the offset { $offset } is not { $zone }'s on that day ({ $actual })
offset_not_the_zone_s_help = remove the offset and let the time zone decide, or correct it
day_and_time_mixed = `start` and `end` must both be days, or both times of day
day_and_time_mixed_help = give both a time (`2027-03-12T09:00:00`), or neither (`2027-03-12`)
time_out_of_range = { $time } is too far from now to place in time
time_out_of_range_help = check the year

## E025 prices that cannot be shown

price_without_currency = this price is in no currency
price_without_currency_help = write `price = { "{" } amount = 450, currency = "CAD" { "}" }`, or set `currency = "CAD"` under `[offerings]` in site.toml for every price
# $code: the code as written.
unknown_currency = unknown currency "{ $code }"
unknown_currency_help = use an ISO 4217 code in capitals, like "CAD", "USD" or "EUR"
withdrawn_currency = the currency "{ $code }" is no longer in use
# $amount: as written; $decimals: how many the currency has.
too_many_decimals = { $amount } has more decimals than { $code } has ({ $decimals })
too_many_decimals_help = { $decimals ->
    [0] write a whole amount
   *[other] write at most { $decimals } decimals
}

## E100 cairn diff: reading an older revision from Git

# $error: the system's reason.
git_missing = cairn diff --base needs the `git` command, which could not be run: { $error }
git_missing_help = install Git, or compare two folders instead: `cairn diff OLD NEW`
# $command: the git command; $error: what git said.
git_failed = `{ $command }` failed: { $error }
# $folder: the site folder.
git_not_a_repository = { $folder } is not in a Git repository that git will read ({ $error })
# $path: a path of the revision's tree that is not a plain name below the site folder.
git_unsafe_path = the revision { $revision } holds a file at "{ $path }", outside the site folder
git_unsafe_path_help = cairn diff does not write such a file anywhere; compare with another revision, or check how this one was made
git_not_a_repository_help = --base reads an older revision from Git; to compare two copies of a site, give both folders: `cairn diff OLD NEW`
git_no_revision = no revision "{ $revision }" in this repository
git_no_revision_help = give a branch, tag or commit that exists here, like `main` or `origin/main`; in CI, fetch the history first (actions/checkout with `fetch-depth: 0`)
diff_scratch = cannot make a scratch folder for the older revision: { $error }
diff_scratch_write = cannot write { $path } in the scratch folder for the older revision: { $error }
diff_scratch_write_help = the scratch folder is in $TMPDIR (or /tmp): make room there, or point TMPDIR at a folder on a disk that can hold the file and its name
diff_needs_two = cairn diff needs two catalogues to compare
diff_needs_two_help = give two site folders, `cairn diff OLD NEW`, or a Git revision to compare the site with, `cairn diff --base main`

## cairn eligibility --goal

# $goal: the id given.
goal_unknown = no level or credential "{ $goal }" in this catalogue
# $kind: what it is instead (workshop, requirement…).
goal_wrong_kind = "{ $goal }" is a { $kind }; a goal is a level or a credential
# $goals: the ids a goal may be.
goal_unknown_help = give the id of a level or credential: { $goals }

## E026 translations that cannot be used, W008 pages not translated yet

front_matter_of_translation = a translation's front matter
# $key: a key of [words] whose value is not a string.
translation_word_not_text = the translation of "{ $key }" must be text
translation_word_not_text_help = write the original's words on the left and their translation on the right, both in double quotes: "Several days" = "Plusieurs jours"
# $key: a key that is not a word, like requires or order.
translation_structure = `{ $key }` cannot be translated: it is structure, not words
translation_structure_help = a translation carries words only ({ $keys }, and the body); `{ $key }` stays in the original, for every language. Words of the original's front matter (notes, topics, units, places) go under [words], "original" = "translation"
# $lang: the translation's language tag.
translation_no_original = this translation ({ $lang }) has no original beside it
translation_no_original_help = a translation sits beside its original with the language before `.md`: `level-1.fr.md` translates `level-1.md` in the same folder; rename it to match its original, or add the original
translation_default_language = this file is in the site's default language ({ $lang }), which the originals are in
translation_default_language_help = put these words in the original itself, or name the file with another language of the site
translation_unknown_language = the language "{ $lang }" is not one of the site's languages
# $languages: the tags site.toml lists besides the default.
translation_unknown_language_help = site.toml's [languages] has { $languages }; add [languages.{ $lang }] with its name, or rename the file
# $default: the site's default language.
translation_no_languages_help = add the languages to site.toml: [languages.{ $default }] and [languages.{ $lang }], each with name = "…" (its own name for itself)
# $count: how many pages; $language: the language's name.
untranslated = { $count ->
    [one] 1 page has no translation in { $language } yet
   *[other] { $count } pages have no translation in { $language } yet
}
# $files: the untranslated files (relative to content/); $lang: the tag.
untranslated_help = translate them beside their originals as `name.{ $lang }.md`: { $files }
# $list: the first names; $more: how many more.
and_more = { $list } and { $more } more

## site.toml [languages]

# $tag: a key under [languages].
language_tag_invalid = "{ $tag }" is not a language tag
language_tag_invalid_help = write the language's tag in lower case, with a region in capitals if needed: [languages.fr], [languages.fr-CA]
language_not_table = `languages.{ $tag }` must be a table
language_not_table_help = write it as a table with the language's own name: [languages.{ $tag }] then name = "…"
# $value: the value given.
untranslated_value = untranslated = "{ $value }" is not a choice
untranslated_value_help = write "original" (show the original's words, marked as such, with a notice) or "omit" (leave the page out and link to the original)
# $tag: the default language, site.toml's `language`.
default_language_missing = [languages] does not list the site's default language, "{ $tag }"
default_language_missing_help = add [languages.{ $tag }] with its name, or set `language` to the default among those listed
# $original: the original's file, relative to content/.
translation_stale = the original ({ $original }) has changed since this translation was made
# $file: the translation's file.
translation_stale_help = bring the translation up to date, then record it as current: `cairn translations --mark-current { $file }`

## cairn translations

# $file: the file given to --mark-current.
not_a_translation = { $file } is not a translation of this site
not_a_translation_help = give a translation's file, beside its original with the language before `.md`, like content/levels/level-1.fr.md
# $path: the file; $error: the system's reason.
cannot_write = cannot write { $path }: { $error }
cannot_write_help = check that the file exists and that you may write to it; it is left as it was
translation_links_out = { $path } is a link to { $target }, outside the site's content folder; cairn does not edit it
translation_links_out_help = a translation is a file of its own under content/: replace the link with the file itself, then mark it again
# $key: a key under [languages.TAG.organizations].
language_organization_unknown = there is no organization "{ $key }" to name in this language
language_organization_unknown_help = name organizations under [organizations] first; here, give each one's name in this language: { $key } = "…"
language_organization_not_text = the name of "{ $key }" in this language must be text
language_organization_not_text_help = write it in double quotes: { $key } = "…"

## W010 theme messages no template uses

# $id: the message's id.
message_unused = no template uses the message `{ $id }`
message_unused_help = name it in a template (`{"{{"} t.{ $id } {"}}"}`), or remove it if nothing needs it
translation_duplicate = another file already translates this page into "{ $lang }"
translation_duplicate_help = keep one translation per page and language, beside its original; remove or rename this one
# $lang: the --lang given; $languages: the site's.
lang_not_of_site = this site is not published in "{ $lang }"
lang_not_of_site_help = give one of the site's languages (site.toml's [languages]): { $languages }
# $id: the id an @ link of a translation names.
translation_link_unresolved = this translation links to "@{ $id }", which names no page
translation_link_help = link with the id of a page of the site, as the original does: [text](@level-1)
# $target: the address as written.
translation_address = this translation links to { $target }, which is not a web address
translation_address_help = link to http:, https:, mailto: or tel: addresses only, as the original must
# $anchor: a heading's anchor a link points at; $from: the file with the link.
translation_anchor_missing = this translation has no heading #{ $anchor }, which { $from } links to
translation_anchor_missing_help = give the translated heading its original's anchor: ## Titre traduit {"{"}#{ $anchor }{"}"}
translation_word_forms_help = give the translation as text, or with its plural forms, each text: "years" = { "{" } one = "an", other = "ans" { "}" }

## W011 a translation's [words]

# $count: how many phrases.
translation_words_missing = { $count ->
    [one] a word of the original's front matter has no translation here
   *[other] { $count } words of the original's front matter have no translation here
}
# $phrases: the phrases, quoted, comma-separated.
translation_words_missing_help = the page shows them in the original's language; translate each under [words]: { $phrases }
translation_words_unused = { $count ->
    [one] an entry of [words] translates nothing the original says
   *[other] { $count } entries of [words] translate nothing the original says
}
translation_words_unused_help = correct it to the original's exact text, or remove it: { $phrases }
# $lang: the language of the index; $error: Pagefind's own words.
search_index_failed = could not build the search index of the { $lang } pages: { $error }
search_index_failed_help = this is a fault of cairn's, not of the catalogue: please report it with these words; meanwhile, `[search] enabled = false` in site.toml builds the site without search
# $path: a folder of the built site.
search_index_is_a_folder = { $path } is the search index's folder, made whole with the site, not a single file
