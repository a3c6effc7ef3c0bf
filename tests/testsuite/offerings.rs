//! What an offering says, through the real binary on the `small` and
//! `scuba` fixtures: times in their zone, prices in their currency, the
//! language of instruction, where registration stands, a deadline and a
//! note, in English and French, in the pages and in catalogue.json.

use crate::support::*;

/// The `<li>` of each upcoming offering, markup collapsed to single spaces.
fn offerings(page: &str) -> Vec<String> {
    let start = page.find("id=\"offerings-heading\"").expect("offerings");
    let end = start + page[start..].find("</section>").expect("section end");
    page[start..end]
        .split("<li id=")
        .skip(1)
        .map(|item| item.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn an_offering_says_when_where_what_it_costs_and_how_to_join() {
    let site = SiteTest::fixture("small");
    site.build_with(&["--today", "2026-11-28"]).succeeds();
    let page = site.output("workshops/knots/index.html");
    let [march, may, june] = offerings(&page).try_into().expect("three offerings");

    assert!(march.contains("A few places left"), "{march}");
    assert!(march.contains("Price:</span> 450 CAD"), "{march}");
    assert!(march.contains("Language:</span> English"), "{march}");
    assert!(march.contains("Register by 1 March 2027."), "{march}");
    assert!(march.contains("/register/knots\""), "open: {march}");

    // A time of day in its zone, the end on the same day as a time alone.
    assert!(
        may.contains(
            "<time datetime=\"2027-05-02T09:00:00-03:00\">2 May 2027, 9:00 a.m.</time> to <time datetime=\"2027-05-02T17:00:00-03:00\">5:00 p.m.</time> <span class=\"offering-zone\">ADT</span>"
        ),
        "{may}"
    );
    assert!(may.contains("Price:</span> Free"), "{may}");
    assert!(may.contains("Language:</span> French"), "{may}");
    assert!(may.contains("Bring a length of rope."), "{may}");

    // Cancelled: said, and no way to register left.
    assert!(
        june.contains("class=\"offering offering-cancelled\""),
        "{june}"
    );
    assert!(june.contains("Cancelled"), "{june}");
    assert!(june.contains("19.50 USD"), "{june}");
    assert!(!june.contains("/register/"), "{june}");
    let listing = site.output("workshops/index.html");
    assert!(
        listing.contains("2 upcoming offerings"),
        "a cancelled offering is not counted as upcoming"
    );

    // The site's zone and currency, for offerings that name neither; a
    // waiting list instead of registration.
    let scuba = SiteTest::fixture("scuba");
    scuba.build_with(&["--today", "2026-11-28"]).succeeds();
    let page = scuba.output("workshops/open-water-course/index.html");
    let june = &offerings(&page)[1];
    assert!(
        june.contains("2027-06-04T08:00:00+08:00\">4 June 2027, 8:00 a.m.</time>"),
        "Bali's time: {june}"
    );
    assert!(june.contains("offering-zone\">WITA<"), "{june}");
    assert!(june.contains("6,500,000 IDR"), "{june}");
    assert!(june.contains("Join the waiting list"), "{june}");
}

#[test]
fn offerings_in_french() {
    let site = SiteTest::fixture("small");
    site.replace("site.toml", "base_url", "language = \"fr\"\nbase_url");
    site.build_with(&["--today", "2026-11-28"]).succeeds();
    let page = site.output("workshops/knots/index.html");
    let [march, may, june] = offerings(&page).try_into().expect("three offerings");
    assert!(march.contains("Quelques places disponibles"), "{march}");
    assert!(
        march.contains("Inscription jusqu’au 1er mars 2027."),
        "{march}"
    );
    assert!(march.contains("450\u{a0}CAD"), "{march}");
    assert!(
        may.contains("2 mai 2027, 9 h 00</time> à <time datetime=\"2027-05-02T17:00:00-03:00\">17 h 00</time>"),
        "{may}"
    );
    assert!(may.contains("Gratuit"), "{may}");
    assert!(may.contains("Langue\u{202f}:</span> français"), "{may}");
    // Halifax in summer, as Canadian French says it (CLDR's fr-CA), never
    // the English "ADT".
    assert!(
        may.contains("<span class=\"offering-zone\">HAA</span>"),
        "{may}"
    );
    assert!(june.contains("Annulée"), "{june}");
    assert!(june.contains("19,50\u{a0}USD"), "{june}");
}

#[test]
fn catalogue_json_carries_every_field_of_an_offering() {
    let site = SiteTest::fixture("scuba");
    site.build_with(&["--today", "2026-11-28"]).succeeds();
    let catalogue: serde_json::Value =
        serde_json::from_str(&site.output("catalogue.json")).expect("json");
    let course = catalogue["workshops"]
        .as_array()
        .expect("workshops")
        .iter()
        .find(|w| w["id"] == "open-water-course")
        .expect("the course");
    assert_eq!(
        course["offerings"][1],
        serde_json::json!({
            "id": null,
            "start": "2027-06-04T08:00:00+08:00",
            "end": "2027-06-07T16:00:00+08:00",
            "time_zone": "Asia/Makassar",
            "location": "Reef Bay",
            "online": false,
            "register": "https://reef.example.org/book/open-water",
            "price": { "free": false, "amount": "6500000", "currency": "IDR" },
            "language": "id",
            "status": "waitlist",
            "deadline": null,
            "note": null,
        })
    );
    assert_eq!(
        course["offerings"][0]["start"], "2027-03-12",
        "a day stays a day"
    );
}
