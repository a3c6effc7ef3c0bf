//! The handbook: the whole catalogue on one page, for print or "Save as
//! PDF", with links that work inside the page; printed to PDF by headless
//! Chromium, as a reader would.

use crate::support::*;
use std::process::Command;

fn built() -> SiteTest {
    let site = SiteTest::fixture("small");
    site.build().succeeds();
    site
}

#[test]
fn every_entity_has_its_section_and_every_link_stays_in_the_page() {
    let site = built();
    let html = site.output("handbook/index.html");
    for anchor in [
        "pathway-harbour-pilot",
        "level-deck-basics",
        "level-navigation",
        "level-pilot",
        "workshop-knots",
        "workshop-charts",
        "requirement-sea-hours",
        "credential-pilot-licence",
    ] {
        assert!(
            html.contains(&format!("id=\"{anchor}\"")),
            "no section {anchor}"
        );
    }
    let mut internal = 0;
    for piece in html.split("href=\"#").skip(1) {
        let anchor = piece.split('"').next().unwrap_or("");
        if anchor == "main" {
            continue;
        }
        internal += 1;
        assert!(
            html.contains(&format!("id=\"{anchor}\"")),
            "#{anchor} leads nowhere"
        );
    }
    assert!(
        internal > 10,
        "the contents and the rules link inside the page ({internal})"
    );
    assert!(
        html.contains(r##"Hold the credential <a href="#credential-navigator-certificate">"##),
        "rules link to the handbook's own sections"
    );
    let home = site.output("index.html");
    assert!(
        home.contains("href=\"/handbook/\""),
        "every page links to it"
    );
}

#[test]
fn the_handbook_prints_to_pdf_with_a_page_per_part() {
    // Served, as a reader gets it: the stylesheet's print rules apply.
    let site = SiteTest::fixture("small");
    let served = serve(site.root(), &[]);
    let pdf = site.scratch("handbook.pdf");
    let profile = site.scratch("chromium-profile");
    std::fs::create_dir(&profile).expect("mkdir");
    let page = served.url("/handbook/");
    let mut command = Command::new("/usr/bin/chromium");
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--no-pdf-header-footer",
        &format!("--user-data-dir={}", profile.display()),
        &format!("--print-to-pdf={}", pdf.display()),
        &page,
    ]);
    let output = output_within(command, std::time::Duration::from_secs(60));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&pdf).expect("a PDF");
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    let text = String::from_utf8_lossy(&bytes);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    // The contents and the pathway that follows them, then workshops,
    // requirements and credentials: each part after the first starts a page.
    assert!(pages >= 4, "{pages} pages");
}
