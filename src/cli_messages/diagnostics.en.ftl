# What diagnostics say: the message and the help line of every problem
# cairn reports, grouped by code (docs/checks.md lists the codes). Project
# Fluent's format: https://projectfluent.org/fluent/guide/
#
# Ids, paths, numbers, did-you-mean suggestions, and error text from the
# system or from Tera are arguments. So are code examples that hold braces
# ({ … }), which Fluent would otherwise need escaped.

# TRANSITIONAL: words not yet moved into a message.
verbatim = { $text }

## E015 templates that fail to compile or render

# $cycle: the templates' names, "a.html -> b.html -> a.html".
template_cycle = templates include each other in a circle: { $cycle }
template_cycle_help = an include, import or extends that leads back to itself would never end; break the circle
# $error: what Tera expected, in its words, or template_invalid_syntax.
template_syntax = a template does not compile: { $error }
template_invalid_syntax = invalid syntax
template_syntax_help = fix the template syntax; docs/templates.md lists what templates can use
# $error: Tera's own error text, or one of url_for_*.
template_failed = a template failed: { $error }
# $url: the first page it failed on; $others: on how many more it failed.
template_failed_help = it failed on { $others ->
        [0] { $url }
        [one] { $url } and { $others } other page
       *[other] { $url } and { $others } other pages
    } (rendered with { $template }); fix the template, or the page data it expects: docs/templates.md lists every variable
url_for_without_id = url_for needs `id`, like url_for(id="level-1")
url_for_unknown_id = url_for: no page has the id "{ $id }"
