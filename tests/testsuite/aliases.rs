//! Renamed pages that still answer (issue 27, item 2): `aliases` in front
//! matter writes a redirect page at each old address, in every language,
//! listed in no sitemap; an old address that is taken, or is no address,
//! is an error at its line.

use crate::support::*;

#[test]
fn an_old_address_redirects_to_the_page_in_each_language() {
    let site = SiteTest::bundled();
    site.replace(
        "content/workshops/consent-and-boundaries.md",
        "title = \"Consent and boundaries\"",
        "title = \"Consent and boundaries\"\naliases = [\"/workshops/consent/\", \"boundaries\"]",
    );
    site.check().succeeds();
    site.build_with(&["--today", "2026-11-28"]).succeeds();
    for (old, target, lang) in [
        (
            "workshops/consent",
            "/workshops/consent-and-boundaries/",
            "en",
        ),
        (
            "workshops/boundaries",
            "/workshops/consent-and-boundaries/",
            "en",
        ),
        (
            "fr/workshops/consent",
            "/fr/workshops/consent-and-boundaries/",
            "fr",
        ),
    ] {
        let page = site.output(&format!("{old}/index.html"));
        assert!(page.contains(&format!("<html lang=\"{lang}\">")), "{page}");
        assert!(
            page.contains(&format!(
                "<meta http-equiv=\"refresh\" content=\"0; url={target}\">"
            )),
            "{page}"
        );
        assert!(
            page.contains("<meta name=\"robots\" content=\"noindex\">"),
            "{page}"
        );
        assert!(
            page.contains(&format!(
                "<link rel=\"canonical\" href=\"https://example.org{target}\">"
            )),
            "{page}"
        );
        assert!(page.contains(&format!("<a href=\"{target}\">")), "{page}");
    }
    let french = site.output("fr/workshops/consent/index.html");
    assert!(french.contains("Cette page a changé d’adresse"), "{french}");
    let sitemap = site.output("sitemap.xml");
    assert!(!sitemap.contains("workshops/consent/"), "{sitemap}");
    assert!(!sitemap.contains("workshops/boundaries/"), "{sitemap}");
}

#[test]
fn an_old_address_that_is_taken_or_no_address_is_an_error_at_its_line() {
    let site = SiteTest::fixture("small");
    site.replace(
        "content/workshops/knots.md",
        "title = \"Knots\"",
        "title = \"Knots\"\naliases = [\"/levels/pilot/\", \"bad alias\", \"/x/../y\", \"/charts-old/\"]",
    );
    site.replace(
        "content/workshops/charts.md",
        "title = \"Charts\"",
        "title = \"Charts\"\naliases = [\"/charts-old/\"]",
    );
    let run = site.check().fails();
    let said = format!("{}{}", run.stdout, run.stderr);
    for expected in [
        "error[E022]: this old address, /levels/pilot/, is already content/levels/pilot.md\n --> content/workshops/knots.md:3:12",
        "error[E011]: \"bad alias\" is not an address this page had",
        "error[E011]: \"/x/../y\" is not an address this page had",
        "this old address, /charts-old/, is already an old address of content/workshops/charts.md",
    ] {
        assert!(said.contains(expected), "{expected}\n{said}");
    }
}
