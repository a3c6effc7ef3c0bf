# Every word the default theme puts on a page, in Project Fluent's format
# (https://projectfluent.org). A theme or a site overrides any message by
# giving its id again in its own i18n/<language>.ftl; a translation is a
# whole file for another language.
#
# In templates, a message that takes no variable is `t.<id>`; one that takes
# variables is formatted by cairn, which hands the template plain text or,
# for sentences holding a link, a list of words and links. docs/templates.md
# lists every id with its variables.

## The frame of every page

site_skip_link = Skip to main content
site_footer = This site is generated from the catalogue's sources by cairn.
site_open_data = The whole catalogue as open data (JSON)
site_sitemap = Sitemap

nav_label = Main
# The language switcher, for screen readers.
nav_language = Language
nav_home = Home
nav_checklist = Eligibility checklist
nav_breadcrumb = Breadcrumb
nav_pager = Steps of this pathway
nav_previous = Previous step
nav_next = Next step

## Kinds of things in the catalogue

listing_pathways = Pathways
listing_levels = Levels
listing_workshops = Workshops
listing_requirements = Requirements
listing_credentials = Credentials


category_training = Training
category_experience = Experience
category_membership = Membership
category_status = Status
category_background = Background

## Dates, periods and counts

month_1 = January
month_2 = February
month_3 = March
month_4 = April
month_5 = May
month_6 = June
month_7 = July
month_8 = August
month_9 = September
month_10 = October
month_11 = November
month_12 = December

# $day, $year: numbers; $month: the month's name (month_1 … month_12).
date_long = { $day } { $month } { $year }

# A time of day. $hour: 0 to 23; $hour12: 1 to 12; $minute: two digits;
# $period: am or pm.
time_of_day = { $hour12 }:{ $minute } { $period ->
    [am] a.m.
   *[pm] p.m.
}
# $date: date_long; $time: time_of_day.
date_at_time = { $date }, { $time }

# A length of time, as `valid_for` gives it. $unit: day, week, month or year.
period = { $unit ->
    [day] { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
    [week] { $count ->
        [one] { $count } week
       *[other] { $count } weeks
    }
    [month] { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
   *[year] { $count ->
        [one] { $count } year
       *[other] { $count } years
    }
}

# What a `choose … from = "level"` counts, unless the level names it
# (`pool_noun`). Only the word: $count decides singular or plural.
workshop_noun = { $count ->
    [one] workshop
   *[other] workshops
}

## Requirement rules, in words. $item is a link to what is named.

rule_none = No prerequisites: open to everyone.
rule_all_of = All of the following:
rule_any_of = Any one of the following:
rule_choose = { $count ->
    [one] At least one of the following:
   *[other] At least { $count } of the following:
}
# $noun: what the level's pool holds (workshop_noun, or the level's `pool_noun`),
# already singular or plural for $count; $level: a link to the level.
rule_choose_level = { $count ->
    [one] At least one { $noun } of { $level } ({ $total } to choose from)
   *[other] At least { $count } different { $noun } of { $level } ({ $total } to choose from)
}
# A level or workshop to complete. $kind: "level" or "workshop", for
# languages that word them differently.
rule_complete = Complete { $item }
# A credential to hold; it names any title without needing an article.
rule_hold = Hold the credential { $item }
# A requirement to meet: its title says what it is.
rule_meet = { $item }
# A measured requirement: $unit is its `unit`, singular or plural for $count.
rule_has = { $item }: at least { $count } { $unit }
rule_preferred = Preferred
rule_preferred_explained = : recommended, not required
# A rule on one line (JSON-LD, the command line): a group's lead, then
# its parts joined by the separator; a group inside a group in brackets.
rule_line_group = { $lead } { $parts }
rule_line_separator = ;{" "}
rule_line_nested = ({ $part })
rule_line_preferred = { $part } (preferred)

## Home

home_pathways_heading = Pathways
home_steps = Steps
home_checklist_heading = Where do you stand?
home_checklist_text = Tick what you have done and see which level you can apply for next.
home_checklist_link = Open the eligibility checklist

## A pathway

pathway_organization = Run by
pathway_outcome = Leads to
pathway_steps_heading = The steps, in order
# After a pathway's last step: the levels of other pathways it leads on to.
pathway_leads_on = It opens the way to:
pathway_needs = To start:
pathway_awards = Awards:
pathway_no_levels = No levels belong to this pathway yet.

## A level

level_pathway = Pathway
level_step = Step
level_step_of = { $step } of { $total }
level_duration = Duration
level_by_application = By application
level_by_application_text = Entry is by application: meeting the prerequisites lets you apply, and the organizers decide.
level_start_heading = What it takes to start
level_finish_heading = What it takes to finish
level_no_completion = The organizers confirm completion as described on this page.
level_awards_heading = What it awards
# $item: a link to the credential.
level_awards_text = Completing this level awards the credential { $item }.
level_workshops_heading = Workshops of this level
level_no_workshops = No workshops are listed for this level.

## A workshop

workshop_level = Level
workshop_duration = Duration
workshop_audience = Who it is for
workshop_topics = Topics
workshop_requires_heading = Prerequisites
workshop_requires_inherited = The same as for its level.
workshop_offerings_heading = Upcoming offerings
workshop_no_offerings = No upcoming dates are listed here. Check the organizers' current offerings for dates and registration.
workshop_past_offerings_heading = Past offerings
workshop_dates = Dates:
workshop_place = Where:
workshop_online = Online
workshop_register = Register
workshop_to = to
# Read by screen readers after "Register": $date is the offering's first day.
workshop_register_for = for the offering starting { $date }
# Between an offering's first and last time on one day: "9:00 a.m. to 5:00 p.m.".
workshop_to_time = to
# When an offering runs, in the feed: its first day (or moment) to its
# last; `within_a_day` is "yes" when both are times of one day.
offering_span = { $within_a_day ->
    [yes] { $start } to { $end }
   *[no] { $start } to { $end }
}
# The same, with the time zone of its times: "9:00 a.m. to 5:00 p.m. ADT".
offering_zoned = { $when } { $zone }
workshop_price = Price:
workshop_language = Language:
# $date: the last day (date_long, or date_at_time).
workshop_deadline = Register by { $date }.
workshop_waitlist = Join the waiting list
workshop_calendar = Add to calendar
# After "Add to calendar" on an offering of a workshop offered more than once:
# the calendar file holds every date. $count: how many.
workshop_calendar_all = (all { $count } dates)
offering_free = Free
# $amount: the amount with its decimals; $currency: an ISO 4217 code.
offering_price = { $amount } { $currency }
# $status: few-places, full, waitlist or cancelled.
offering_status = { $status ->
    [few-places] A few places left
    [full] Full
    [waitlist] Waiting list
    [cancelled] Cancelled
   *[other] Open
}
# A language of instruction by its BCP 47 tag; a tag without a name here
# is shown as it is written.
language_name = { $tag ->
    [en] English
    [en-CA] English
    [fr] French
    [fr-CA] French
    [es] Spanish
    [de] German
    [it] Italian
    [pt] Portuguese
    [ase] American Sign Language
    [fcs] Quebec Sign Language
   *[other] { $tag }
}

## A requirement

requirement_category = Category
requirement_unit = Measured in
requirement_validity_heading = Validity
# $category: training, experience, membership, status, background or none;
# $period: how long it stays valid ("3 years").
requirement_valid_for = { $category ->
    [credential] A credential is held for { $period } at a time: renew it before it lapses.
    [training] This training is valid for { $period }: renew it before it lapses.
    [membership] A membership is valid for { $period }: renew it to keep it.
   *[other] It is valid for { $period }: renew it before it lapses.
}
requirement_providers_heading = Where to get it

## Where it counts: on a workshop's, requirement's or credential's page,
## each rule it is part of. $goal: start, finish or attend (a workshop's own
## prerequisites); $item: a link to the level or workshop.

counts_heading = Where it counts
counts_none = No level or workshop counts this yet.
counts_needed = Needed to { $goal } { $item }
# $total: how many alternatives the rule offers.
counts_one_of = One of { $total } alternatives to { $goal } { $item }
counts_choose = Counts toward { $item }: choose { $count } of { $total } to { $goal }
counts_preferred = Preferred to { $goal } { $item }

## A credential

credential_issuer = Issued by
credential_earn_heading = How to earn it
credential_awarded_by = Awarded on completing:
credential_outcome_of = The goal of:
credential_not_awarded = No level awards this credential yet.

## Listings

list_empty = Nothing is listed here yet.
list_in_pathway = Pathway:
list_offerings = { $count ->
    [one] { $count } upcoming offering
   *[other] { $count } upcoming offerings
}
# A workshop's soonest offering on its card: $when, its first day; $place,
# where it runs (its place, or "Online").
list_next_offering = Next: { $when }
list_next_offering_at = Next: { $when }, { $place }
list_valid_for = Valid for { $period }

## The eligibility checklist

checklist_title = Eligibility checklist
checklist_intro = For every level, what it takes to start and to finish.
checklist_start = To start
checklist_finish = To finish
checklist_print_hint = Print this page to tick the boxes by hand.
checklist_privacy = Your answers stay on this device: this browser keeps them, and nothing is sent anywhere.
checklist_clear = Clear my answers
# Brings back the answers just cleared.
checklist_undo = Undo
# A second skip link, on the checklist page: straight to its first question.
checklist_skip_link = Skip to the questions
checklist_status_heading = Where you stand
checklist_no_script = Tick what you have done. With JavaScript on, this box shows which levels you can start and what is still missing.
checklist_mark_completed = I have completed this level
checklist_no_completion = The organizers confirm completion: see the level's page.
# Beside a number to fill in, after its unit.
checklist_at_least = at least { $count }
checklist_valid_for = valid for { $period }: keep it current
checklist_ready_heading = Am I ready?
checklist_ready_intro = Tick what you have done to see whether you can start this level. Your answers are shared with the eligibility checklist and stay on this device.
checklist_open_checklist = Open the full checklist

# Shown by the checklist's scripts as you tick (themes/default/static/words.js
# fills the arguments, as cairn does).
checklist_live_separator = .{" "}
checklist_live_can_start = You can start
checklist_live_completed = Completed
# Said when "Clear my answers" has cleared them, and when "Undo" brought them back.
checklist_live_cleared = Your answers are cleared.
checklist_live_restored = Your answers are back.
# Complete because something ticked required it: $item, its title.
checklist_live_implied = Completed (implied by { $item })
checklist_live_not_yet = Not yet
checklist_live_missing_start = Still needed to start:
checklist_live_missing_finish = Still needed to finish:
checklist_live_summary = Levels completed: { $completed } of { $total }.
# The levels that can be started now, named: $levels, their titles as a list.
checklist_live_startable = { $count ->
    [one] You can start { $count } level: { $levels }.
   *[other] You can start { $count } levels: { $levels }.
}
checklist_live_startable_none = No level can be started yet.
# Beside "at least N of the following", as boxes are ticked.
checklist_live_count = ({ $count } of { $total })
# A level's verdict in the summary. $level: its title; $verdict: the verdict.
checklist_live_verdict = { $level } — { $verdict }
# Whether each credential is held, after the levels in "Where you stand".
checklist_live_credentials = Credentials
checklist_live_held = Held
# $item: what was completed that required it.
checklist_live_held_implied = Held (implied by { $item })
# $date: the day it lapses, or lapsed, in words.
checklist_live_lapsing = Held, lapses on { $date }: renew it before then
checklist_live_lapsed = Lapsed on { $date }: renew it
checklist_live_not_held = Not held yet

## What is left toward a level, a sentence per line: the checklist, its
## plan and `cairn eligibility` all say it in these words.

# A line. $part: "Complete Level 1", "One of: …".
left_line = { $part }.
# An amount still short. $item: its title; $have: the amount reached;
# $count: the amount needed; $unit: its unit.
left_has = { $item }: { $have } of { $count } { $unit }
# The same, as one of a list.
left_has_in_list = { $item } ({ $have } of { $count } { $unit })
# $parts: the alternatives, joined with "or".
left_any = One of: { $parts }
left_all = All of: { $parts }
# $count: how many more; $parts: the titles to choose from, joined with "or".
left_choose = { $count ->
    [one] One more of: { $parts }
   *[other] { $count } more of: { $parts }
}
# A group inside another group's list, in brackets (left_nested).
left_any_inner = one of { $parts }
left_all_inner = all of { $parts }
left_choose_inner = { $count } more of { $parts }
left_nested = ({ $part })
# $part: a left_choose; $counted: the titles that already count.
left_counted = { $part } (done already: { $counted })
# A level finished by a step of its own (no `completion`): that step.
left_finish_itself = The level's own final step, which the organizers confirm (see its page)

## The handbook: the whole catalogue on one page, to print

handbook_title = Handbook
handbook_intro = The whole catalogue on one page: every pathway and level with what it takes, then every workshop, requirement and credential.
handbook_print_hint = Print this page, or save it as a PDF, to read it away from the screen.
handbook_contents = Contents
handbook_level = Level:
site_handbook = The whole catalogue on one page, to print

## The page for a wrong address

not_found_title = Page not found
not_found_text = There is no page at this address. It may have moved, or the link may be mistyped.
not_found_home_link = Go to the home page
# On a page's old address, before the link to where it is now.
alias_moved = This page has moved:

## The Atom feed of upcoming offerings

# The feed's title. $site: the site's title.
feed_title = { $site }: upcoming offerings
# The title of an offering's entry. $workshop: its title; $when: its dates.
feed_entry_title = { $workshop }, { $when }
# An offering both online and in a place, in the feed.
feed_online_and_place = { workshop_online } · { $place }
# The feed, as browsers and readers list it from a page's head.
feed_link_title = Upcoming offerings

## The pathway map

map_title = Map of the pathways
map_desc = Every level of every pathway as a box, with an arrow from each level to the levels that need it. The list of steps says the same in words.
map_caption = An arrow leads from a level to the levels that need it; a dashed arrow crosses from one pathway to another.

## Filters on the workshop listing

filter_heading = Filter the workshops
filter_level = Level
filter_topic = Topic
filter_audience = Who it is for
filter_mode = Online or in person
filter_month = Month
filter_language = Language
filter_all = All
filter_in_person = In person
filter_reset = Show all
# A month of offerings. $month: its name (month_1 … month_12); $year: the year.
filter_month_year = { $month } { $year }
# Announced as the list changes. $shown, $total: how many workshops.
filter_status = Showing { $shown } of { $total }
# When no workshop matches, beside the button that shows them all again.
filter_none = No workshop matches these filters.

## Keeping the checklist's answers in a file

checklist_save = Save my answers as a file
checklist_load = Load answers from a file:
# The saved file's name, and the comment at its top.
checklist_file_name = my-checklist.toml
checklist_file_comment = My answers to the eligibility checklist. Bring this file to an advisor: cairn eligibility --profile my-checklist.toml
# $file: the file's name.
checklist_file_loaded = Answers loaded from { $file }.
# $reason: one of checklist_file_bad_line, _unknown, _not_measured.
checklist_file_not_loaded = { $file } was not loaded: { $reason }. Your answers are unchanged.
# $line: a line number of the file; $id: an id it names.
checklist_file_bad_line = line { $line } is not a line of such a file
checklist_file_unknown = line { $line } names "{ $id }", which this checklist does not know
checklist_file_not_measured = line { $line } gives an amount for "{ $id }", which is not counted in amounts

## Dates of what lapses, in the checklist

# Beside an item that lapses (valid_for): the day it was completed.
checklist_completed_on = Completed on
# $item: its title; $date: the day it lapses, in words.
checklist_live_expired = { $item } expired on { $date }: renew it.
checklist_live_expiring = { $item } lapses on { $date }: renew it before then.
# Above a page nobody has translated into this language yet.
untranslated_notice = This page has not been translated yet: it is shown in its original language.

## Search

search_title = Search
# The search box in every page's header.
search_label = Search the catalogue
# What the header's box holds until something is typed.
search_placeholder = Workshops, levels, topics…
search_button = Search
# Where the header's search box leads without JavaScript: the listings.
search_browse = Browse the workshops
# The search page, before its script runs or without JavaScript.
search_no_script = Searching needs JavaScript. Every page is also listed here:
search_loading = Searching…
search_failed = Search is not available right now. Every page is also listed here:
# A number as messages write it (search_results, checklist_plan_heading),
# for cairn to find it there and leave its place to the scripts.
number_sample = { $count }
# Announced when results arrive. $query: what was searched for.
search_results = { $count ->
    [one] { $count } result for “{ $query }”
   *[other] { $count } results for “{ $query }”
}
search_none = No results for “{ $query }”. Try fewer or other words, or browse the listings.
# Results beyond the first ones are shown on request.
search_more = Show more results
# What each kind of page is called in the results.
search_kind_pathway = Pathway
search_kind_level = Level
search_kind_workshop = Workshop
search_kind_requirement = Requirement
search_kind_credential = Credential
search_kind_page = Page
search_kind_checklist = Checklist

## Next steps toward a goal (the checklist page)

checklist_plan_title = Next steps
checklist_plan_intro = Choose a goal: the checklist works out the fewest things still to do to reach it, from your answers, in an order that respects every prerequisite, along the pathway's own route before any alternative the organizers grant at their discretion. Where a rule leaves a choice, the plan names some of the items that count: any other that counts will do as well.
checklist_plan_goal = Goal
# $goal: the level or credential chosen; $count: how many things are left.
checklist_plan_heading = { $count ->
    [one] { $count } thing left to do to reach “{ $goal }”.
   *[other] { $count } things left to do to reach “{ $goal }”.
}
checklist_plan_reached = “{ $goal }” is already reached: nothing left to do.
checklist_plan_unreachable = Nothing your answers could add reaches “{ $goal }”: its rules can never hold.
checklist_plan_too_large = The rules toward “{ $goal }” have too many ways to be met to work them out in the browser. Save your answers as a file: an advisor can work out the plan from it with cairn.
# Things to do that no level on the way names.
checklist_plan_other = Other things to do
# A level finished by itself (an application, an assessment), last in its step.
checklist_plan_finish_level = Complete the level itself: an application or an assessment that the organizers confirm
checklist_plan_approximate = The shortest plan found, not certainly the shortest: these rules have too many ways to be met to compare them all.
