//! The build day: `--today`, `CAIRN_TODAY` or `SOURCE_DATE_EPOCH` decide
//! what is past, so a past offering is never listed as upcoming and the
//! same input on the same day gives the same bytes.

use crate::support::*;

/// The small fixture, with no build day from this process's environment:
/// each test sets the day it means.
fn small() -> SiteTest {
    SiteTest::fixture("small")
        .env_remove("CAIRN_TODAY")
        .env_remove("SOURCE_DATE_EPOCH")
}

/// The text of the `<section>` whose heading has this id.
fn section<'a>(html: &'a str, heading_id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{heading_id}\""))
        .unwrap_or_else(|| panic!("no #{heading_id} in the page"));
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[test]
fn a_past_offering_is_never_upcoming() {
    let site = small();
    // Knots runs on 12–13 March 2027 and on 2 May 2027.
    site.build_with(&["--today", "2027-04-01"]).succeeds();
    let page = site.output("workshops/knots/index.html");
    let upcoming = section(&page, "offerings-heading");
    assert!(upcoming.contains("2 May 2027"), "{upcoming}");
    assert!(
        !upcoming.contains("March"),
        "a past offering listed as upcoming: {upcoming}"
    );
    let past = section(&page, "past-offerings-heading");
    assert!(past.contains("12 March 2027"), "{past}");
    assert!(
        !past.contains("/register/"),
        "no registration for an offering that is over: {past}"
    );
    let listing = site.output("workshops/index.html");
    assert!(
        listing.contains("1 upcoming"),
        "the listing counts upcoming offerings only"
    );

    // The day an offering ends it is still on; the day after it is past.
    let out = site.scratch("on-13-march");
    site.build_to(&out, &["--today", "2027-03-13"]).succeeds();
    let page = read(&out.join("workshops/knots/index.html"));
    assert!(section(&page, "offerings-heading").contains("12 March 2027"));
    assert!(
        !page.contains("past-offerings-heading"),
        "nothing is past yet"
    );
}

#[test]
fn the_day_comes_from_the_flag_then_the_environment_and_output_is_reproducible() {
    let by_flag = small();
    let by_env = small().env("CAIRN_TODAY", "2027-04-01");
    // Noon on 1 April 2027, UTC.
    let by_epoch = small().env("SOURCE_DATE_EPOCH", "1806580800");
    let flag_over_env = small()
        .env("CAIRN_TODAY", "2026-01-01")
        .env("SOURCE_DATE_EPOCH", "0");
    by_flag.build_with(&["--today", "2027-04-01"]).succeeds();
    by_env.build().succeeds();
    by_epoch.build().succeeds();
    flag_over_env
        .build_with(&["--today", "2027-04-01"])
        .succeeds();
    let reference = snapshot(&by_flag.out_dir());
    for (name, other) in [
        ("CAIRN_TODAY", &by_env),
        ("SOURCE_DATE_EPOCH", &by_epoch),
        ("--today over the environment", &flag_over_env),
    ] {
        assert!(
            snapshot(&other.out_dir()) == reference,
            "{name} gives other bytes than --today for the same day"
        );
    }
    // Another day, another page: the day really reaches rendering.
    let later = by_flag.scratch("later");
    by_flag
        .build_to(&later, &["--today", "2027-06-01"])
        .succeeds();
    assert!(snapshot(&later) != reference);
}

#[test]
fn a_bad_day_cannot_run() {
    small()
        .run(&["check", "--today", "tomorrow"])
        .exits(2)
        .stderr_contains("\"tomorrow\" is not a date");
    small()
        .env("SOURCE_DATE_EPOCH", "soon")
        .check()
        .exits(2)
        .stderr_contains("SOURCE_DATE_EPOCH must be a number of seconds");
    small()
        .env("CAIRN_TODAY", "2027-02-30")
        .check()
        .exits(2)
        .stderr_contains("CAIRN_TODAY must be a date");
}

#[test]
fn check_judges_offerings_against_the_same_day() {
    let site = small();
    site.run(&["check", "--today", "2027-04-01"])
        .succeeds()
        // The March offering is over.
        .stderr_contains("W001");
    site.run(&["check", "--today", "2027-01-01"])
        .succeeds()
        .stderr_lacks("W001");
}

#[test]
fn a_catalogue_that_keeps_its_history_passes_and_may_hide_it() {
    let site = small();
    // The March offering is over by April; without its register link it is
    // a record of what was offered, not a mistake.
    site.replace(
        "content/workshops/knots.md",
        "register = \"https://harbour.example.org/register/knots\"\n",
        "",
    );
    // History is not a warning.
    site.run(&["check", "--deny-warnings", "--today", "2027-04-01"])
        .succeeds();

    site.edit("site.toml", |text| {
        text + "\n[offerings]\npast = \"hide\"\n"
    });
    site.build_with(&["--today", "2027-04-01"]).succeeds();
    let page = site.output("workshops/knots/index.html");
    assert!(!page.contains("past-offerings-heading"), "hidden: {page}");
    assert!(section(&page, "offerings-heading").contains("2 May 2027"));
    let catalogue = site.output("catalogue.json");
    assert!(
        catalogue.contains("2027-03-12"),
        "the data keeps every offering"
    );

    site.replace("site.toml", "\"hide\"", "\"archive\"");
    site.check()
        .fails()
        .stderr_contains("`past` must be \"show\" or \"hide\", found \"archive\"");
}
