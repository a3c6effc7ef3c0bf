//! The Atom feed of upcoming offerings (issue 14, item 4), read back by
//! an independent parser (Python's `feedparser`, through
//! tests/tools/read-feed.py) and compared with the catalogue.

use crate::support::*;
use serde_json::json;

#[test]
fn the_feed_lists_upcoming_offerings_and_reads_back() {
    let site = SiteTest::fixture("small");
    site.replace(
        "content/workshops/knots.md",
        "level = \"deck-basics\"",
        "level = \"deck-basics\"\nupdated = 2026-11-02",
    );
    // 1 April 2027: the March offering is over, June's is cancelled, May's
    // is the one upcoming.
    site.build_with(&["--today", "2027-04-01"]).succeeds();
    let path = site.out_dir().join("offerings.xml");
    let feeds = python_tool("read-feed.py", &[&path]);
    let feed = &feeds[path.to_string_lossy().as_ref()];
    assert_eq!(feed["version"], "atom10");
    assert_eq!(feed["language"], "en");
    assert_eq!(feed["title"], "Harbour Safety Training: upcoming offerings");
    assert_eq!(feed["id"], "https://training.example.org/offerings.xml");
    assert_eq!(feed["author"], "Harbour Safety Training");
    assert_eq!(
        feed["updated"], "2026-11-02T00:00:00Z",
        "the newest entry's `updated`"
    );
    assert_eq!(
        feed["links"],
        json!([
            [
                "alternate",
                "text/html",
                "https://training.example.org/workshops/"
            ],
            [
                "self",
                "application/atom+xml",
                "https://training.example.org/offerings.xml"
            ],
        ])
    );
    assert_eq!(
        feed["entries"],
        json!([{
            "id": "https://training.example.org/workshops/knots/#2027-05-02",
            "title": "Knots, 2 May 2027, 9:00 a.m. to 5:00 p.m. ADT",
            "updated": "2026-11-02T00:00:00Z",
            "summary": "2 May 2027, 9:00 a.m. to 5:00 p.m. ADT · Online · Free · Bring a length of rope.",
            "links": [
                ["alternate", "text/html", "https://training.example.org/workshops/knots/#2027-05-02"],
                ["related", "text/calendar", "https://training.example.org/workshops/knots/offerings.ics"],
            ],
        }])
    );

    // The entry's link lands on the offering, and every page points at the feed.
    let page = site.output("workshops/knots/index.html");
    assert!(page.contains("<li id=\"2027-05-02\""), "{page}");
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/offerings.xml\" title=\"Upcoming offerings\">"
    ));

    // The same day, the same bytes.
    let again = site.scratch("again");
    site.build_to(&again, &["--today", "2027-04-01"]).succeeds();
    assert_eq!(read(&path), read(&again.join("offerings.xml")));
}

#[test]
fn a_site_without_offerings_has_no_feed() {
    let site = SiteTest::repository();
    site.build_with(&["--today", "2026-11-28"]).succeeds();
    assert!(!site.out_dir().join("offerings.xml").exists());
    assert!(!site.out_dir().join("offerings.ics").exists());
    let home = site.output("index.html");
    assert!(
        !home.contains("application/atom+xml"),
        "no link to a feed that is not there"
    );
}

#[test]
fn feed_limit_keeps_the_soonest_offerings() {
    let entry_ids = |site: &SiteTest| -> Vec<String> {
        // 1 January 2027: March's and May's offerings are upcoming (June's
        // is cancelled).
        site.build_with(&["--today", "2027-01-01"]).succeeds();
        let path = site.out_dir().join("offerings.xml");
        let feeds = python_tool("read-feed.py", &[&path]);
        feeds[path.to_string_lossy().as_ref()]["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|entry| entry["id"].as_str().expect("an id").to_string())
            .collect()
    };
    let site = SiteTest::fixture("small");
    assert_eq!(
        entry_ids(&site),
        [
            "https://training.example.org/workshops/knots/#2027-03-12",
            "https://training.example.org/workshops/knots/#2027-05-02",
        ],
        "every upcoming offering without a limit"
    );
    site.edit("site.toml", |text| text + "\n[offerings]\nfeed_limit = 1\n");
    assert_eq!(
        entry_ids(&site),
        ["https://training.example.org/workshops/knots/#2027-03-12"],
        "the soonest one with `feed_limit = 1`"
    );
}
