//! The iCalendar files (issue 14, item 3): the site's and each workshop's.
//! Every `.ics` a build writes is
//! read back by an independent parser (Python's `icalendar`, through
//! tests/tools/read-ics.py) and compared event by event with the
//! catalogue, and checked as bytes for what RFC 5545 asks of lines.

use crate::support::*;
use serde_json::Value;
use std::path::Path;

/// `small` with a second workshop whose offerings cross clock changes in
/// two hemispheres, carry text that needs escaping and folding, and give
/// an `updated` day.
fn calendar_site() -> SiteTest {
    let site = SiteTest::fixture("small");
    site.file(
        "content/workshops/harbour-tour.md",
        r#"+++
title = "Harbour tour; knots, hitches & splices — a very long title that needs folding in a calendar"
summary = "Round the harbour.\nTwo lines."
level = "deck-basics"
updated = 2026-10-01

[[offerings]]
id = "winter"
start = 2027-01-15T09:00:00
end = 12:00:00
time_zone = "America/Toronto"
location = "Toronto, Ontario"

[[offerings]]
start = 2027-07-15T09:00:00
end = 2027-11-20T17:00:00
time_zone = "America/Toronto"
location = "Montréal; Québec"
note = "Bring boots, gloves; and a hat."

[[offerings]]
start = 2027-04-01T10:00:00
time_zone = "Australia/Sydney"
online = true

[[offerings]]
start = 2027-09-09T08:30:00+05:30
end = 2027-09-09T16:00:00+05:30
location = "Kochi"
status = "cancelled"

[[offerings]]
start = 2027-09-09
+++
A tour.
"#,
    );
    site
}

/// The UTC instant of catalogue.json's `2027-01-15T09:00:00-05:00`.
fn utc(iso: &str) -> String {
    let instant: jiff::Timestamp = iso.parse().expect("an instant");
    instant.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn day_after(day: &str) -> String {
    let date: jiff::civil::Date = day.parse().expect("a day");
    date.tomorrow().expect("a next day").to_string()
}

/// What the parser must have read for an offering of catalogue.json.
fn expected_times(offering: &Value) -> (Value, Value) {
    let start = offering["start"].as_str().expect("start");
    let end = offering["end"].as_str();
    let zone = &offering["time_zone"];
    if start.len() == 10 {
        let last = end.unwrap_or(start);
        (
            serde_json::json!({ "day": start }),
            serde_json::json!({ "day": day_after(last) }),
        )
    } else {
        let at = |iso: &str| serde_json::json!({ "utc": utc(iso), "tzid": zone });
        (at(start), end.map_or(Value::Null, at))
    }
}

#[test]
fn every_calendar_reads_back_as_the_catalogue_says() {
    let site = calendar_site();
    site.build_with(&["--today", "2026-11-28"]).succeeds();
    let out = site.out_dir();
    let files = files_ending(&out, ".ics");
    assert_eq!(files.len(), 3, "the site's and each workshop's: {files:?}");

    // As bytes: CRLF everywhere, no line over 75 octets.
    for file in &files {
        let bytes = std::fs::read(file).expect("read");
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(text.ends_with("\r\n"), "{}", file.display());
        for line in text.split("\r\n") {
            assert!(!line.contains('\n'), "a bare LF in {}", file.display());
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
    }
    let folded = site.output("workshops/harbour-tour/offerings.ics");
    assert!(folded.contains("\r\n "), "the long title is folded");

    let paths: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let calendars = python_tool("read-ics.py", &paths);
    let catalogue: Value = serde_json::from_str(&site.output("catalogue.json")).expect("json");
    let calendar = |relative: &str| -> &Value {
        let path = out.join(relative);
        &calendars[path.to_string_lossy().as_ref()]
    };

    let mut every_uid = Vec::new();
    for workshop in catalogue["workshops"].as_array().expect("workshops") {
        let offerings = workshop["offerings"].as_array().expect("offerings");
        if offerings.is_empty() {
            continue;
        }
        let id = workshop["id"].as_str().expect("id");
        let whole = calendar(&format!("workshops/{id}/offerings.ics"));
        assert_eq!(whole["version"], "2.0");
        assert_eq!(whole["name"], workshop["title"]);
        let events = whole["events"].as_array().expect("events");
        assert_eq!(
            events.len(),
            offerings.len(),
            "{id}: one event per offering"
        );
        let stamp = match workshop["id"].as_str() {
            Some("harbour-tour") => "2026-10-01T00:00:00Z",
            _ => "2026-11-28T00:00:00Z",
        };
        for (event, offering) in events.iter().zip(offerings) {
            let (start, end) = expected_times(offering);
            assert_eq!(event["start"], start, "{id}: {event}");
            assert_eq!(event["end"], end, "{id}: {event}");
            assert_eq!(event["summary"], workshop["title"]);
            assert_eq!(event["url"], workshop["url"]);
            assert_eq!(
                event["stamp"], stamp,
                "DTSTAMP: `updated`, else the build day"
            );
            let cancelled = offering["status"] == "cancelled";
            assert_eq!(event["status"] == "CANCELLED", cancelled, "{event}");
            let place = match (offering["location"].as_str(), offering["online"] == true) {
                (Some(place), false) => Value::from(place),
                (Some(place), true) => Value::from(format!("Online · {place}")),
                (None, true) => Value::from("Online"),
                (None, false) => Value::Null,
            };
            assert_eq!(event["location"], place);
            every_uid.push(event["uid"].as_str().expect("uid").to_string());
        }
        // Each upcoming offering's "Add to calendar" opens this file.
        let page = site.output(&format!("workshops/{id}/index.html"));
        assert!(
            page.contains(&format!(
                "class=\"offering-calendar\" href=\"/workshops/{id}/offerings.ics\" type=\"text/calendar\">Add to calendar"
            )),
            "{id}: {page}"
        );
    }
    let site_events = calendar("offerings.ics")["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["uid"].as_str().expect("uid").to_string())
        .collect::<Vec<_>>();
    let mut sorted = every_uid.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), every_uid.len(), "UIDs are unique");
    let mut site_sorted = site_events;
    site_sorted.sort();
    assert_eq!(
        site_sorted, sorted,
        "the site's calendar has every offering"
    );

    // Text escaped and read back whole, the zone of a summer-to-winter
    // event described on both sides of the change.
    let tour = &calendar("workshops/harbour-tour/offerings.ics")["events"];
    assert_eq!(tour[1]["location"], "Montréal; Québec");
    assert_eq!(
        tour[1]["description"],
        "Round the harbour.\nTwo lines.\n\nBring boots, gloves; and a hat."
    );
    assert_eq!(
        calendar("workshops/harbour-tour/offerings.ics")["tzids"],
        serde_json::json!(["America/Toronto", "Australia/Sydney"])
    );
}

#[test]
fn calendars_are_the_same_bytes_in_every_build_and_keep_their_uids() {
    let site = calendar_site();
    let (first, second) = (site.scratch("first"), site.scratch("second"));
    site.build_to(&first, &["--today", "2026-11-28"]).succeeds();
    site.build_to(&second, &["--today", "2026-11-28"])
        .succeeds();
    let ics = |dir: &Path| -> Vec<(String, String)> {
        files_ending(dir, ".ics")
            .iter()
            .map(|f| {
                let name = f
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                (name, read(f))
            })
            .collect()
    };
    assert_eq!(ics(&first), ics(&second));

    // An edit of everything but the first day keeps every UID, and an
    // offering with an `id` keeps its UID even when it moves to another day.
    let tour = "content/workshops/harbour-tour.md";
    site.replace(tour, "Toronto, Ontario", "Hamilton, Ontario")
        .replace(tour, "12:00:00", "13:00:00")
        .replace(tour, "2027-01-15T09:00:00", "2027-01-22T09:00:00");
    let edited = site.scratch("edited");
    site.build_to(&edited, &["--today", "2026-11-28"])
        .succeeds();
    let uids = |dir: &Path| -> Vec<String> {
        read(&dir.join("offerings.ics"))
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(uids(&first), uids(&edited));
    assert!(
        uids(&edited).contains(&"UID:winter.harbour-tour@training.example.org".to_string()),
        "{:?}",
        uids(&edited)
    );
    assert_ne!(
        read(&first.join("offerings.ics")),
        read(&edited.join("offerings.ics"))
    );
    // catalogue.json names the offering by the same id, for consumers that
    // follow it across moves as calendars do.
    let catalogue: serde_json::Value =
        serde_json::from_str(&read(&edited.join("catalogue.json"))).expect("json");
    let tour = catalogue["workshops"]
        .as_array()
        .expect("workshops")
        .iter()
        .find(|w| w["id"] == "harbour-tour")
        .expect("the tour");
    let ids: Vec<&serde_json::Value> = tour["offerings"]
        .as_array()
        .expect("offerings")
        .iter()
        .map(|o| &o["id"])
        .collect();
    assert_eq!(ids[0], "winter", "{ids:?}");
    assert!(ids[1..].iter().all(|id| id.is_null()), "{ids:?}");
}
