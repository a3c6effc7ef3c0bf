//! Sentences read right for any catalogue, not only the bundled one: a
//! second catalogue (`tests/fixtures/scuba`, a diving school) with words
//! that take forms, a pool that is not called "workshops", a credential
//! title that takes no article and something that lapses that is not a
//! certificate. Each case is a defect a catalogue written from the docs
//! alone ran into.

use crate::support::*;

fn built() -> SiteTest {
    let site = SiteTest::fixture("scuba");
    site.build_with(&["--today", "2027-04-01"]).succeeds();
    site
}

fn page(site: &SiteTest, path: &str) -> String {
    read(&site.out_dir().join(path).join("index.html"))
}

/// What a page says in its main part, tags removed, spaces collapsed.
fn text_of(html: &str) -> String {
    let main = html
        .split("<main")
        .nth(1)
        .and_then(|m| m.split("</main>").next())
        .unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_catalogue_is_clean() {
    SiteTest::fixture("scuba")
        .run(&["check", "--deny-warnings", "--today", "2027-01-01"])
        .succeeds();
}

#[test]
fn units_take_the_form_their_number_needs() {
    let out = built();
    let open_water = text_of(&page(&out, "levels/open-water"));
    assert!(
        open_water.contains("Logged dives: at least 1 dive "),
        "{open_water}"
    );
    assert!(!open_water.contains("1 dives"), "{open_water}");
    let instructor = text_of(&page(&out, "levels/instructor"));
    assert!(
        instructor.contains("Logged dives: at least 100 dives"),
        "{instructor}"
    );
    let listing = text_of(&page(&out, "workshops"));
    assert!(listing.contains("1 upcoming offering"), "{listing}");
    assert!(!listing.contains("1 upcoming offerings"), "{listing}");
}

#[test]
fn a_pool_says_what_it_holds() {
    let out = built();
    let specialties = text_of(&page(&out, "levels/specialties"));
    assert!(
        specialties.contains("At least 2 different specialties of Specialties (3 to choose from)"),
        "{specialties}"
    );
    let instructor = text_of(&page(&out, "levels/instructor"));
    assert!(
        instructor.contains("At least one specialty of Specialties (3 to choose from)"),
        "{instructor}"
    );
}

#[test]
fn a_credential_needs_no_article() {
    let out = built();
    let instructor = page(&out, "levels/instructor");
    assert!(
        instructor.contains(
            r#"Completing this level awards the credential <a href="/credentials/owsi/">Open Water Scuba Instructor</a>."#
        ),
        "{}",
        text_of(&instructor)
    );
    assert!(
        !instructor.contains("awards the <a"),
        "no bare article before a title"
    );
}

#[test]
fn an_item_reads_the_same_in_any_and_in_choose() {
    let out = built();
    let instructor = page(&out, "levels/instructor");
    let rules = instructor
        .split("id=\"start-heading\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("the start box");
    let deep = r#"Complete <a href="/workshops/deep-diver/">Deep Diver specialty</a>"#;
    assert_eq!(
        rules.matches(deep).count(),
        2,
        "once in the any, once in the choose, worded alike: {rules}"
    );
}

#[test]
fn validity_is_worded_for_what_lapses() {
    let out = built();
    let medical = text_of(&page(&out, "requirements/dive-medical"));
    assert!(
        medical.contains("It is valid for 12 months: renew it before it lapses."),
        "{medical}"
    );
    assert!(
        !medical.contains("certificate") && !medical.contains("training"),
        "{medical}"
    );
    let first_aid = text_of(&page(&out, "requirements/first-aid-training"));
    assert!(
        first_aid.contains("This training is valid for 2 years: renew it before it lapses."),
        "{first_aid}"
    );
    let checklist = text_of(&page(&out, "checklist"));
    assert!(
        checklist.contains("(valid for 12 months: keep it current)"),
        "{checklist}"
    );
}

#[test]
fn eligibility_speaks_the_sites_words() {
    let site = SiteTest::fixture("scuba");
    let record = site.scratch("me.toml");
    std::fs::write(
        &record,
        "completed = [\"open-water\", \"deep-diver\"]\n[measures]\nlogged-dives = 40\n",
    )
    .expect("write");
    let stdout = site
        .run(&["eligibility", "--profile", &record.to_string_lossy()])
        .succeeds()
        .stdout;
    assert_eq!(
        stdout,
        "Open water — completed\n\
         Specialties — can start\n\
         \x20 still needed to finish:\n\
         \x20 - One more of: Night Diver specialty or Rescue Diver specialty (done already: Deep Diver specialty).\n\
         Instructor — not yet\n\
         \x20 still needed to start:\n\
         \x20 - Diving medical statement.\n\
         \x20 - First aid training.\n\
         \x20 - Logged dives: 40 of 100 dives.\n\
         credentials:\n\
         \x20 Open Water Scuba Instructor — not held\n"
    );
}

#[test]
fn a_valid_for_that_is_not_a_period_is_an_error() {
    let site = SiteTest::fixture("scuba");
    site.replace(
        "content/requirements/dive-medical.md",
        "\"12 months\"",
        "\"a year or so\"",
    )
    .replace(
        "content/requirements/logged-dives.md",
        "{ one = \"dive\", other = \"dives\" }",
        "{ one = \"dive\" }",
    );
    site.check()
        .fails()
        .stderr_contains(
            "error[E011]: `valid_for` must be a period like \"3 years\", found \"a year or so\"",
        )
        .stderr_contains("error[E004]: `unit` has no `other`");
}

#[test]
fn a_page_says_where_it_counts() {
    let out = built();
    let counts = |path: &str| {
        let html = page(&out, path);
        let section = html
            .split("id=\"counts-heading\"")
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .unwrap_or_else(|| panic!("{path} has no \"Where it counts\""))
            .to_string();
        text_of(&format!("<main>{section}</main>"))
    };
    let deep = counts("workshops/deep-diver");
    assert!(
        deep.contains("One of 2 alternatives to start Instructor"),
        "{deep}"
    );
    assert!(
        deep.contains("Counts toward Specialties: choose 2 of 3 to finish"),
        "{deep}"
    );
    let dives = counts("requirements/logged-dives");
    assert!(
        dives.contains("Needed to start Instructor")
            && dives.contains("Needed to finish Open water"),
        "{dives}"
    );
    assert!(
        page(&out, "requirements/logged-dives")
            .contains(r#"Needed to start <a href="/levels/instructor/">Instructor</a>"#),
        "the level is linked"
    );
    assert!(counts("credentials/owsi").contains("No level or workshop counts this yet."));
}

#[test]
fn a_french_site_speaks_french_and_no_english() {
    let site = SiteTest::fixture("small");
    site.replace("site.toml", "base_url", "language = \"fr\"\nbase_url");
    site.build_with(&["--today", "2027-01-01"]).succeeds();
    let knots = page(&site, "workshops/knots");
    assert!(knots.contains("<html lang=\"fr\">"), "{knots}");
    assert!(knots.contains("Prochaines séances"), "{knots}");
    assert!(
        knots.contains(">12 mars 2027</time> au <time datetime=\"2027-03-13\">13 mars 2027<"),
        "French dates: {knots}"
    );
    let pilot = page(&site, "levels/pilot");
    assert!(
        pilot.contains("Détenir le titre «\u{202f}<a href="),
        "{pilot}"
    );
    assert!(pilot.contains("Pour commencer"), "{pilot}");
    assert!(
        text_of(&pilot).contains("au moins 500 hours"),
        "content words stay as written (the unit is the catalogue's): {}",
        text_of(&pilot)
    );
    let listing = text_of(&page(&site, "workshops"));
    assert!(listing.contains("2 séances à venir"), "{listing}");

    // No page shows a sentence of the English theme.
    let english: Vec<String> = read(&repo().join("themes/default/i18n/en.ftl"))
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .map(|(_, text)| text.trim().to_string())
        .filter(|text| !text.contains('{') && text.split_whitespace().count() >= 2)
        .collect();
    assert!(english.len() > 50, "{}", english.len());
    for (path, bytes) in snapshot(&site.out_dir()) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for sentence in &english {
            assert!(
                !html.contains(sentence.as_str()),
                "{path} shows English theme text: {sentence:?}"
            );
        }
        // French sets a narrow no-break space before a colon; a label
        // whose colon sits in a template cannot.
        let without_scripts: String = html
            .split("<script")
            .enumerate()
            .map(|(at, part)| match (at, part.split_once("</script>")) {
                (0, _) | (_, None) => part,
                (_, Some((_, after))) => after,
            })
            .collect();
        let text = text_of(&without_scripts);
        let chars: Vec<char> = text.chars().collect();
        for (at, pair) in chars.windows(2).enumerate() {
            if pair[0].is_alphabetic() && pair[1] == ':' {
                let around: String = chars[at.saturating_sub(30)..(at + 10).min(chars.len())]
                    .iter()
                    .collect();
                panic!("{path}: a colon set the English way: {around:?}");
            }
        }
    }
}
