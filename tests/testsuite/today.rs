//! The build day: `--today`, `CAIRN_TODAY` or `SOURCE_DATE_EPOCH` decide
//! what is past, so a past offering is never listed as upcoming and the
//! same input on the same day gives the same bytes.

use crate::support::*;
use std::path::Path;

/// `cairn ARGS` with the build-day variables set as given (and no others).
fn cairn_on(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut command = cairn_command();
    command
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CAIRN_TODAY")
        .env_remove("SOURCE_DATE_EPOCH");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("run cairn");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn build_on(root: &Path, out: &Path, extra: &[&str], env: &[(&str, &str)]) {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().expect("utf-8 path"),
        "--output",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend(extra);
    let (code, stderr) = cairn_on(&args, env);
    assert_eq!(code, 0, "{stderr}");
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
    let site = fixture("small");
    let out = tempfile::tempdir().expect("tempdir");
    // Knots runs on 12–13 March 2027 and on 2 May 2027.
    build_on(&site, out.path(), &["--today", "2027-04-01"], &[]);
    let page = read(&out.path().join("workshops/knots/index.html"));
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
    let listing = read(&out.path().join("workshops/index.html"));
    assert!(
        listing.contains("1 upcoming"),
        "the listing counts upcoming offerings only"
    );

    // The day an offering ends it is still on; the day after it is past.
    let out = tempfile::tempdir().expect("tempdir");
    build_on(&site, out.path(), &["--today", "2027-03-13"], &[]);
    let page = read(&out.path().join("workshops/knots/index.html"));
    assert!(section(&page, "offerings-heading").contains("12 March 2027"));
    assert!(
        !page.contains("past-offerings-heading"),
        "nothing is past yet"
    );
}

#[test]
fn the_day_comes_from_the_flag_then_the_environment_and_output_is_reproducible() {
    let site = fixture("small");
    let by_flag = tempfile::tempdir().expect("tempdir");
    let by_env = tempfile::tempdir().expect("tempdir");
    let by_epoch = tempfile::tempdir().expect("tempdir");
    let flag_over_env = tempfile::tempdir().expect("tempdir");
    build_on(&site, by_flag.path(), &["--today", "2027-04-01"], &[]);
    build_on(&site, by_env.path(), &[], &[("CAIRN_TODAY", "2027-04-01")]);
    // Noon on 1 April 2027, UTC.
    build_on(
        &site,
        by_epoch.path(),
        &[],
        &[("SOURCE_DATE_EPOCH", "1806580800")],
    );
    build_on(
        &site,
        flag_over_env.path(),
        &["--today", "2027-04-01"],
        &[("CAIRN_TODAY", "2026-01-01"), ("SOURCE_DATE_EPOCH", "0")],
    );
    let reference = snapshot(by_flag.path());
    for (name, other) in [
        ("CAIRN_TODAY", &by_env),
        ("SOURCE_DATE_EPOCH", &by_epoch),
        ("--today over the environment", &flag_over_env),
    ] {
        assert!(
            snapshot(other.path()) == reference,
            "{name} gives other bytes than --today for the same day"
        );
    }
    // Another day, another page: the day really reaches rendering.
    let later = tempfile::tempdir().expect("tempdir");
    build_on(&site, later.path(), &["--today", "2027-06-01"], &[]);
    assert!(snapshot(later.path()) != reference);
}

#[test]
fn a_bad_day_cannot_run() {
    let root = fixture("small");
    let root = root.to_str().expect("utf-8 path");
    let (code, stderr) = cairn_on(&["check", "--root", root, "--today", "tomorrow"], &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("\"tomorrow\" is not a date"), "{stderr}");
    let (code, stderr) = cairn_on(&["check", "--root", root], &[("SOURCE_DATE_EPOCH", "soon")]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("SOURCE_DATE_EPOCH must be a number of seconds"),
        "{stderr}"
    );
    let (code, stderr) = cairn_on(&["check", "--root", root], &[("CAIRN_TODAY", "2027-02-30")]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("CAIRN_TODAY must be a date"), "{stderr}");
}

#[test]
fn check_judges_offerings_against_the_same_day() {
    let root = fixture("small");
    let root = root.to_str().expect("utf-8 path");
    let (code, stderr) = cairn_on(&["check", "--root", root, "--today", "2027-04-01"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("W001"),
        "the March offering is over: {stderr}"
    );
    let (code, stderr) = cairn_on(&["check", "--root", root, "--today", "2027-01-01"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("W001"), "{stderr}");
}

#[test]
fn a_catalogue_that_keeps_its_history_passes_and_may_hide_it() {
    let site = site_copy("small");
    // The March offering is over by April; without its register link it is
    // a record of what was offered, not a mistake.
    let knots = site.path().join("content/workshops/knots.md");
    let text = read(&knots).replace(
        "register = \"https://harbour.example.org/register/knots\"\n",
        "",
    );
    std::fs::write(&knots, text).expect("write");
    let root = site.path().to_str().expect("utf-8 path");
    let (code, stderr) = cairn_on(
        &[
            "check",
            "--root",
            root,
            "--deny-warnings",
            "--today",
            "2027-04-01",
        ],
        &[],
    );
    assert_eq!(code, 0, "history is not a warning: {stderr}");

    let config = site.path().join("site.toml");
    std::fs::write(&config, read(&config) + "\n[offerings]\npast = \"hide\"\n").expect("write");
    let out = tempfile::tempdir().expect("tempdir");
    build_on(site.path(), out.path(), &["--today", "2027-04-01"], &[]);
    let page = read(&out.path().join("workshops/knots/index.html"));
    assert!(!page.contains("past-offerings-heading"), "hidden: {page}");
    assert!(section(&page, "offerings-heading").contains("2 May 2027"));
    let catalogue = read(&out.path().join("catalogue.json"));
    assert!(
        catalogue.contains("2027-03-12"),
        "the data keeps every offering"
    );

    std::fs::write(&config, read(&config).replace("\"hide\"", "\"archive\"")).expect("write");
    let (code, stderr) = cairn_on(&["check", "--root", root], &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`past` must be \"show\" or \"hide\", found \"archive\""),
        "{stderr}"
    );
}
