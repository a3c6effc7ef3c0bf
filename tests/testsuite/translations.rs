//! Translations beside their originals (issue 9, item 2 and item 8's
//! checks): `level-1.fr.md` carries words only, and `cairn check` says
//! what cannot be used and what is not translated yet.

use crate::support::*;
use std::path::Path;

const LANGUAGES: &str =
    "\n[languages.en]\nname = \"English\"\n\n[languages.fr]\nname = \"Français\"\n";

/// The small site in English and French, with `files` (path under
/// content/, text) added.
fn bilingual(files: &[(&str, &str)]) -> SiteTest {
    let site = SiteTest::fixture("small");
    site.edit("site.toml", |text| text + LANGUAGES);
    add(&site, files);
    site
}

fn add(site: &SiteTest, files: &[(&str, &str)]) {
    for (path, text) in files {
        site.file(&format!("content/{path}"), text);
    }
}

fn check(site: &SiteTest) -> (i32, Vec<serde_json::Value>) {
    let Run {
        code,
        stdout,
        stderr,
        ..
    } = site.run(&["check", "--format", "json", "--today", "2027-01-01"]);
    let diagnostics: Vec<serde_json::Value> =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("JSON: {stdout}{stderr}"));
    (code, diagnostics)
}

/// `cairn translations --mark-current FILE`.
fn mark_current(site: &SiteTest, file: &Path) -> Run {
    site.run(&["translations", "--mark-current", &file.to_string_lossy()])
}

fn codes(diagnostics: &[serde_json::Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

const KNOTS_FR: &str = "+++\ntitle = \"Nœuds\"\nsummary = \"Les nœuds.\"\n\n[words]\n\"bowline\" = \"nœud de chaise\"\n\"cleat hitch\" = \"tour mort sur taquet\"\n\"deckhands\" = \"matelots\"\n\"1 day\" = \"1 jour\"\n\"Halifax\" = \"Halifax\"\n\"Lunenburg\" = \"Lunenburg\"\n\"Bring a length of rope.\" = \"Apportez une longueur de corde.\"\n+++\nFaites-les solides.\n";

#[test]
fn untranslated_pages_are_one_warning_per_language_listing_them() {
    let site = bilingual(&[("workshops/knots.fr.md", KNOTS_FR)]);
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 0, "{diagnostics:#?}");
    assert_eq!(codes(&diagnostics), ["W008"], "{diagnostics:#?}");
    let warning = &diagnostics[0];
    let message = warning["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("pages have no translation in Français yet"),
        "{message}"
    );
    assert_eq!(warning["file"], "site.toml");
    let help = warning["help"].as_str().unwrap_or_default();
    assert!(help.contains("`name.fr.md`"), "{help}");
    assert!(help.contains("levels/deck-basics.md"), "{help}");
    assert!(
        !help.contains("workshops/knots.md"),
        "knots is translated: {help}"
    );
    assert!(
        help.contains(" more"),
        "a long list ends with how many more: {help}"
    );
}

#[test]
fn structure_in_a_translation_is_an_error_at_its_key() {
    let site = bilingual(&[(
        "levels/pilot.fr.md",
        "+++\ntitle = \"Pilote\"\nrequires = [\"first-aid\"]\norder = 9\n+++\n## Objectifs {#learning-goals}\n\nCorps.\n",
    )]);
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 1);
    let errors: Vec<&serde_json::Value> =
        diagnostics.iter().filter(|d| d["code"] == "E026").collect();
    assert_eq!(errors.len(), 2, "{diagnostics:#?}");
    assert_eq!(errors[0]["file"], "content/levels/pilot.fr.md");
    assert_eq!(errors[0]["line"], 3);
    assert_eq!(
        errors[0]["message"],
        "`requires` cannot be translated: it is structure, not words"
    );
    let help = errors[0]["help"].as_str().unwrap_or_default();
    assert!(help.contains("`requires` stays in the original"), "{help}");
    assert!(
        help.contains("title, title_lang, summary, words, translated_from"),
        "{help}"
    );
    assert_eq!(
        errors[1]["message"],
        "`order` cannot be translated: it is structure, not words"
    );
}

#[test]
fn a_translation_without_original_or_in_a_language_the_site_lacks_is_an_error() {
    let site = bilingual(&[
        ("workshops/knot.fr.md", KNOTS_FR),
        ("workshops/radio.de.md", "+++\ntitle = \"Funk\"\n+++\n"),
        ("workshops/stars.en.md", "+++\ntitle = \"Stars\"\n+++\n"),
    ]);
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 1);
    let messages: Vec<(String, String)> = diagnostics
        .iter()
        .filter(|d| d["code"] == "E026")
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            (
                "content/workshops/knot.fr.md".to_string(),
                "this translation (fr) has no original beside it".to_string()
            ),
            (
                "content/workshops/radio.de.md".to_string(),
                "the language \"de\" is not one of the site's languages".to_string()
            ),
            (
                "content/workshops/stars.en.md".to_string(),
                "this file is in the site's default language (en), which the originals are in"
                    .to_string()
            ),
        ]
    );
    let de = diagnostics
        .iter()
        .find(|d| d["file"] == "content/workshops/radio.de.md")
        .expect("de");
    assert!(
        de["help"]
            .as_str()
            .unwrap_or_default()
            .contains("[languages] has fr")
    );

    // A site in one language is told how to add languages.
    let site = SiteTest::fixture("small");
    add(&site, &[("workshops/knots.fr.md", KNOTS_FR)]);
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E026"]);
    assert!(
        diagnostics[0]["help"]
            .as_str()
            .unwrap_or_default()
            .contains("[languages.en] and [languages.fr]"),
        "{diagnostics:#?}"
    );
}

#[test]
fn a_translation_of_a_draft_leaves_with_it() {
    let site = bilingual(&[("workshops/knots.fr.md", KNOTS_FR)]);
    site.edit("content/workshops/knots.md", |text| {
        text.replacen("+++\n", "+++\ndraft = true\n", 1)
    });
    let (_, diagnostics) = check(&site);
    assert!(
        !codes(&diagnostics).contains(&"E026".to_string()),
        "{diagnostics:#?}"
    );
}

#[test]
fn site_toml_languages_are_checked() {
    let site = SiteTest::fixture("small");
    let base = site.read("site.toml");
    let attempt = |languages: &str| {
        site.file("site.toml", format!("{base}{languages}"));
        site.check()
    };
    attempt("\n[languages.fr]\nname = \"Français\"\n")
        .fails()
        .stderr_contains("[languages] does not list the site's default language, \"en\"");
    attempt("\n[languages.en]\nname = \"English\"\n[languages.French]\nname = \"Français\"\n")
        .fails()
        .stderr_contains("\"French\" is not a language tag");
    attempt(
        "\n[languages.en]\nname = \"English\"\n[languages.fr]\nname = \"Français\"\nuntranslated = \"hide\"\n",
    )
    .fails()
    .stderr_contains("untranslated = \"hide\" is not a choice");
    attempt(
        "\n[languages.en]\nname = \"English\"\n[languages.fr]\nname = \"Français\"\nuntranslated = \"omit\"\n",
    )
    .succeeds()
    .stderr_contains("W008");
}

/// The bundled site, built on a fixed day.
fn bundled_build() -> SiteTest {
    let site = SiteTest::repository();
    site.build_with(&["--today", "2026-11-28"]).succeeds();
    site
}

/// Every HTML page of a build, relative to it.
fn pages(out: &Path) -> Vec<String> {
    files_ending(out, ".html")
        .iter()
        .map(|p| {
            p.strip_prefix(out)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

/// Every `attribute="…"` of a tag named `tag` in `html` that has `marker`.
fn attributes<'a>(html: &'a str, marker: &str, attribute: &str) -> Vec<&'a str> {
    html.split('<')
        .filter(|tag| tag.contains(marker))
        .filter_map(|tag| {
            let start = tag.find(&format!("{attribute}=\""))? + attribute.len() + 2;
            Some(&tag[start..start + tag[start..].find('"')?])
        })
        .collect()
}

#[test]
fn every_page_is_in_both_languages_with_its_language_switch_and_hreflang_pairs() {
    let site = bundled_build();
    let out = site.out_dir();
    let all = pages(&out);
    let french: Vec<&String> = all.iter().filter(|p| p.starts_with("fr/")).collect();
    let english: Vec<&String> = all.iter().filter(|p| !p.starts_with("fr/")).collect();
    assert!(english.len() > 30, "{english:?}");
    assert_eq!(english.len(), french.len(), "every page in both languages");
    for page in &english {
        assert!(out.join("fr").join(page).is_file(), "no French {page}");
    }
    let base = "https://example.org";
    let exists = |url: &str| {
        let path = url.trim_start_matches(base).trim_start_matches('/');
        let file = if path.is_empty() || path.ends_with('/') {
            out.join(path).join("index.html")
        } else {
            out.join(path)
        };
        file.is_file()
    };
    for page in &all {
        let html = read(&out.join(page));
        let lang = if page.starts_with("fr/") { "fr" } else { "en" };
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{page}");
        // hreflang: one per language and x-default, each to a page that
        // exists and names this page back.
        let alternates = attributes(&html, "rel=\"alternate\" hreflang", "href");
        assert_eq!(alternates.len(), 3, "{page}: {alternates:?}");
        for href in &alternates {
            assert!(exists(href), "{page}: {href} does not exist");
            let other = out.join({
                let path = href.trim_start_matches(base).trim_start_matches('/');
                if path.is_empty() || path.ends_with('/') {
                    format!("{path}index.html")
                } else {
                    path.to_string()
                }
            });
            let back = attributes(&read(&other), "rel=\"alternate\" hreflang", "href")
                .iter()
                .map(|h| h.to_string())
                .collect::<Vec<_>>();
            let own = alternates.iter().find(|h| {
                let path = h.trim_start_matches(base).trim_start_matches('/');
                path == page.trim_end_matches("index.html") || path == *page
            });
            assert!(
                own.is_some_and(|own| back.contains(&own.to_string())),
                "{page} <-> {href}"
            );
        }
        // The switcher leads to the same page in the other language.
        let switch = attributes(&html, "hreflang=\"", "href")
            .into_iter()
            .filter(|h| h.starts_with('/'))
            .collect::<Vec<_>>();
        assert_eq!(switch.len(), 1, "{page}: {switch:?}");
        assert!(
            exists(switch[0]),
            "{page}: the switcher leads to {}",
            switch[0]
        );
    }
    let fr = read(&out.join("fr/levels/level-1/index.html"));
    assert!(
        fr.contains("<h1>Niveau\u{a0}1\u{202f}: introduction</h1>"),
        "{fr}"
    );
    assert!(
        fr.contains(
            "Un atelier de trois jours de l’IDI auquel vous avez assisté compte aussi comme niveau\u{a0}1."
        ),
        "the note of its rule, from [words]"
    );
    // The checklist's answers are one person's in both languages.
    let key = |path: &str| {
        let html = read(&out.join(path));
        let at = html.find("\"storage_key\":\"").expect("a key") + 15;
        html[at..at + html[at..].find('"').expect("end")].to_string()
    };
    assert_eq!(key("checklist/index.html"), key("fr/checklist/index.html"));
}

#[test]
fn no_french_page_shows_an_english_theme_message() {
    let site = bundled_build();
    let out = site.out_dir();
    // The theme's plain English messages that French words differently.
    let messages = |path: &str| -> std::collections::BTreeMap<String, String> {
        read(&repo().join(path))
            .lines()
            .filter_map(|line| line.split_once(" = "))
            .filter(|(key, value)| {
                !key.starts_with('#') && !key.starts_with(' ') && !value.contains('{')
            })
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect()
    };
    let (en, fr) = (
        messages("themes/default/i18n/en.ftl"),
        messages("themes/default/i18n/fr.ftl"),
    );
    let english: Vec<&String> = en
        .iter()
        .filter(|(key, value)| value.len() >= 8 && fr.get(*key).is_some_and(|f| f != *value))
        .map(|(_, value)| value)
        .collect();
    assert!(english.len() > 40, "{}", english.len());
    for page in pages(&out).iter().filter(|p| p.starts_with("fr/")) {
        // What a reader sees: scripts (JSON-LD's `BreadcrumbList`, the
        // checklist's data) are not words on the page.
        let html = read(&out.join(page))
            .split("<script")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once("</script>").map_or("", |(_, rest)| rest)
                }
            })
            .collect::<String>();
        for message in &english {
            assert!(
                !html.contains(message.as_str()),
                "{page} shows the English \"{message}\""
            );
        }
    }
}

#[test]
fn an_untranslated_page_shows_the_original_marked_with_a_notice() {
    let site = bilingual(&[("workshops/knots.fr.md", KNOTS_FR)]);
    site.build_with(&["--today", "2027-01-01"]).succeeds();
    let radio = site.output("fr/workshops/radio/index.html");
    assert!(radio.contains("<html lang=\"fr\">"));
    assert!(radio.contains("<h1 lang=\"en\">Radio</h1>"), "{radio}");
    assert!(
        radio.contains("Cette page n’a pas encore été traduite"),
        "{radio}"
    );
    // On the French listing too, its card is marked as English.
    let listing = site.output("fr/workshops/index.html");
    assert!(
        listing.contains(
            "<h2 class=\"card-title\" lang=\"en\"><a href=\"/fr/workshops/radio/\">Radio</a></h2>"
        ),
        "{listing}"
    );
    assert!(
        listing
            .contains("<h2 class=\"card-title\"><a href=\"/fr/workshops/knots/\">Nœuds</a></h2>"),
        "{listing}"
    );
    let knots = site.output("fr/workshops/knots/index.html");
    assert!(knots.contains("<h1>Nœuds</h1>"));
    // The checklist's script is told its title is English, to mark it.
    let checklist = site.output("fr/checklist/index.html");
    assert!(
        checklist.contains("\"radio\":{\"kind\":\"workshop\",\"lang\":\"en\",\"title\":\"Radio\""),
        "{checklist}"
    );
    // So does its section of the French handbook.
    let handbook = site.output("fr/handbook/index.html");
    assert!(handbook.contains("lang=\"en\">Radio</h3>"), "{handbook}");
    // A link to an untranslated page says its title is English.
    assert!(
        knots.contains("<a href=\"/fr/levels/deck-basics/\" lang=\"en\">Deck basics</a>"),
        "{knots}"
    );
    assert!(knots.contains("nœud de chaise"), "a topic from [words]");
    assert!(!knots.contains("pas encore été traduite"));
}

#[test]
fn omit_leaves_an_untranslated_page_out_and_links_to_the_original() {
    let site = bilingual(&[("workshops/knots.fr.md", KNOTS_FR)]);
    site.edit("site.toml", |text| text + "untranslated = \"omit\"\n");
    site.build_with(&["--today", "2027-01-01"]).succeeds();
    let out = &site.out_dir();
    assert!(out.join("fr/workshops/knots/index.html").is_file());
    assert!(
        !out.join("fr/workshops/radio/index.html").exists(),
        "radio is not translated"
    );
    // The French listing leads to the original; nothing leads to a missing page.
    let listing = read(&out.join("fr/workshops/index.html"));
    assert!(listing.contains("href=\"/workshops/radio/\""), "{listing}");
    assert_eq!(broken_links(out), Vec::<String>::new());
    // The original says nothing of a French page it does not have.
    let radio = read(&out.join("workshops/radio/index.html"));
    assert!(!radio.contains("hreflang=\"fr\""), "{radio}");
    let knots = read(&out.join("workshops/knots/index.html"));
    assert!(knots.contains("hreflang=\"fr\""));
}

#[test]
fn the_sitemap_names_every_page_s_other_languages() {
    let site = bundled_build();
    let out = site.out_dir();
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    let entries: Vec<&str> = sitemap.split("<url>").skip(1).collect();
    assert!(entries.len() > 30);
    for entry in entries {
        let loc = entry
            .split("<loc>")
            .nth(1)
            .and_then(|l| l.split("</loc>").next())
            .expect("a loc");
        let links = attributes(entry, "xhtml:link", "href");
        assert_eq!(links.len(), 3, "{entry}");
        assert!(
            links.contains(&loc),
            "an entry names itself among its languages: {entry}"
        );
        for link in links {
            let path = link.trim_start_matches("https://example.org/");
            let file = if path.is_empty() || path.ends_with('/') {
                out.join(path).join("index.html")
            } else {
                out.join(path)
            };
            assert!(file.is_file(), "{link}");
        }
    }
}

#[test]
fn eligibility_in_french_reads_the_french_words_of_the_catalogue() {
    let site = SiteTest::repository();
    let profile = site.scratch("me.toml");
    std::fs::write(&profile, "completed = [\"level-1\"]\n").expect("write");
    let stdout = site
        .run(&[
            "eligibility",
            "--profile",
            &profile.to_string_lossy(),
            "--lang",
            "fr",
            "--today",
            "2026-11-28",
        ])
        .succeeds()
        .stdout;
    assert!(
        stdout.starts_with("Niveau\u{a0}1\u{202f}: introduction — terminé\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Premiers soins en santé mentale"),
        "{stdout}"
    );
    assert!(!stdout.contains("Mental Health First Aid"), "{stdout}");
}

#[test]
fn a_translation_marked_current_goes_stale_when_its_original_s_words_change() {
    let site = bilingual(&[("workshops/knots.fr.md", KNOTS_FR)]);
    let file = site.path("content/workshops/knots.fr.md");
    let list = || site.run(&["translations"]).stdout;
    assert!(
        list().starts_with("fr: 0 current, 0 stale, 1 not marked, 17 missing\n"),
        "{}",
        list()
    );
    let stdout = mark_current(&site, &file).succeeds().stdout;
    assert!(
        stdout.starts_with("marked current: content/workshops/knots.fr.md"),
        "{stdout}"
    );
    let marked = read(&file);
    assert!(marked.starts_with("+++\ntranslated_from = \""), "{marked}");
    assert!(
        marked.ends_with(KNOTS_FR.trim_start_matches("+++\n")),
        "nothing else changed: {marked}"
    );
    assert!(
        list().contains("  current    workshops/knots.md\n"),
        "{}",
        list()
    );
    // Structure is not words: a new offering leaves it current.
    let knots = site.path("content/workshops/knots.md");
    let original = read(&knots);
    site.file(
        "content/workshops/knots.md",
        original.replacen("start = 2027-03-12", "start = 2027-03-19", 1),
    );
    let (_, diagnostics) = check(&site);
    assert!(
        !codes(&diagnostics).contains(&"W009".to_string()),
        "{diagnostics:#?}"
    );
    // Words are: a new summary makes it stale.
    site.file(
        "content/workshops/knots.md",
        original.replacen("About knots.", "All about knots.", 1),
    );
    let (_, diagnostics) = check(&site);
    let stale = diagnostics
        .iter()
        .find(|d| d["code"] == "W009")
        .expect("W009");
    assert_eq!(stale["file"], "content/workshops/knots.fr.md");
    assert!(list().contains("  stale      workshops/knots.md\n"));
    // Marked again after a review: current, and the line replaced, not added.
    mark_current(&site, &file);
    assert_eq!(read(&file).matches("translated_from").count(), 1);
    assert!(list().contains("  current    workshops/knots.md\n"));
    // A file that is no translation is refused, and nothing is written.
    mark_current(&site, &knots)
        .exits(2)
        .stderr_contains("is not a translation of this site");
}

#[test]
fn site_toml_words_take_each_language() {
    let site = bilingual(&[]);
    site.edit("site.toml", |text| {
        text + "title = \"Formation à la sécurité portuaire\"\n\n[languages.fr.checklist]\ntitle = \"Prêt à naviguer\u{202f}?\"\n\n[languages.fr.organizations]\nharbour = \"Commission de sécurité du port\"\n"
    });
    site.build_with(&["--today", "2027-01-01"]).succeeds();
    let pathway = site.output("fr/pathways/harbour-pilot/index.html");
    assert!(
        pathway.contains("Commission de sécurité du port"),
        "{pathway}"
    );
    assert!(
        pathway.contains("· Formation à la sécurité portuaire</title>"),
        "{pathway}"
    );
    let checklist = site.output("fr/checklist/index.html");
    assert!(
        checklist.contains("<h1>Prêt à naviguer\u{202f}?</h1>"),
        "{checklist}"
    );
    let english = site.output("pathways/harbour-pilot/index.html");
    assert!(
        english.contains("Harbour Safety Board") && !english.contains("Commission de sécurité")
    );

    site.edit("site.toml", |text| text + "nobody = \"Personne\"\n");
    site.check()
        .fails()
        .stderr_contains("there is no organization \"nobody\" to name in this language");
}

#[test]
fn a_theme_message_missing_in_a_language_is_an_error() {
    let site = bilingual(&[]);
    site.file("i18n/en.ftl", "banner_text = Welcome aboard\n");
    site.check()
        .fails()
        .stderr_contains("the messages for the language \"fr\" lack 1")
        .stderr_contains("banner_text");
    site.file("i18n/fr.ftl", "banner_text = Bienvenue à bord\n");
    site.check().succeeds();
}

/// Defects from a review of the languages, each reproduced here.
#[test]
fn review_a_page_in_the_french_folder_an_asset_a_bad_link_and_a_second_translation() {
    // A content page where the French site goes is refused (E022), not
    // silently overwritten.
    let site = bilingual(&[]);
    add(
        &site,
        &[(
            "fr/about.md",
            "+++\ntitle = \"About, in a folder named fr\"\nsummary = \"S.\"\n+++\n",
        )],
    );
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 1);
    let taken = diagnostics
        .iter()
        .find(|d| d["code"] == "E022")
        .expect("E022");
    assert_eq!(taken["file"], "content/fr/about.md");

    // A relative image resolves beside the French page too; a French link
    // to the French site's pages is no missing file.
    let site = bilingual(&[(
        "workshops/knots.fr.md",
        "+++\ntitle = \"Nœuds\"\nsummary = \"Les nœuds.\"\n+++\nVoir [la carte](@knots) et [en anglais](/workshops/knots/).\n",
    )]);
    site.file("content/workshops/knots/map.png", b"png")
        .replace(
            "content/workshops/knots.md",
            "Tie them fast.",
            "Tie them fast. ![map](map.png) [Français](/fr/workshops/knots/)",
        );
    site.build_with(&["--today", "2027-01-01"]).succeeds();
    assert!(site.out_dir().join("fr/workshops/knots/map.png").is_file());
    assert_eq!(broken_links(&site.out_dir()), Vec::<String>::new());

    // A translation's body is checked: an @ link to nothing, a javascript: link.
    let site = bilingual(&[(
        "workshops/knots.fr.md",
        "+++\ntitle = \"Nœuds\"\n+++\nVoir [la radio](@radoi) et [ceci](javascript:alert(1)).\n",
    )]);
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 1);
    let messages: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d["code"] == "E026")
        .map(|d| d["message"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        messages,
        [
            "this translation links to \"@radoi\", which names no page",
            "this translation links to javascript:alert(1), which is not a web address",
        ]
    );

    // Two files translating one page: the second is reported.
    let site = bilingual(&[("workshops/knots.fr.md", KNOTS_FR)]);
    add(&site, &[("workshops/deck/knots.fr.md", KNOTS_FR)]);
    let (_, diagnostics) = check(&site);
    assert!(
        diagnostics
            .iter()
            .any(|d| d["message"] == "another file already translates this page into \"fr\""),
        "{diagnostics:#?}"
    );

    // --lang of a language the site is not published in.
    let site = SiteTest::repository();
    let profile = site.scratch("me.toml");
    std::fs::write(&profile, "completed = []\n").expect("write");
    site.run(&[
        "eligibility",
        "--profile",
        &profile.to_string_lossy(),
        "--lang",
        "de",
    ])
    .exits(2)
    .stderr_contains("this site is not published in \"de\"");
}

#[test]
fn links_into_a_translation_keep_their_anchor_and_stay_in_the_language() {
    // The pilot page links to knots' "Bowline" heading: the translation of
    // knots must keep that anchor.
    let site = bilingual(&[(
        "workshops/knots.fr.md",
        "+++\ntitle = \"Nœuds\"\n+++\n## Le nœud de chaise\n\nVoir la [liste](/checklist/) et [le pilote](@pilot).\n",
    )]);
    site.replace(
        "content/workshops/knots.md",
        "Tie them fast.",
        "## Bowline\n\nTie them fast.",
    )
    .edit("content/levels/pilot.md", |text| {
        text + "\nSee [the bowline](@knots#bowline).\n"
    });
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 1);
    let missing = diagnostics
        .iter()
        .find(|d| d["code"] == "E026")
        .expect("E026");
    assert_eq!(missing["file"], "content/workshops/knots.fr.md");
    assert_eq!(
        missing["message"],
        "this translation has no heading #bowline, which content/levels/pilot.md links to"
    );
    // With the anchor kept, it builds; its root-relative link stays French.
    site.replace(
        "content/workshops/knots.fr.md",
        "## Le nœud de chaise",
        "## Le nœud de chaise {#bowline}",
    );
    site.build_with(&["--today", "2027-01-01"]).succeeds();
    let page = site.output("fr/workshops/knots/index.html");
    assert!(page.contains("href=\"/fr/checklist/\""), "{page}");
    assert!(page.contains("href=\"/fr/levels/pilot/\""), "{page}");
    assert!(page.contains("id=\"bowline\""), "{page}");
    assert_eq!(broken_links(&site.out_dir()), Vec::<String>::new());
}

#[test]
fn a_unit_takes_the_plural_forms_of_the_translation_s_language() {
    let site = bilingual(&[(
        "requirements/sea-hours.fr.md",
        "+++\ntitle = \"Heures en mer\"\n\n[words]\n\"hours\" = { one = \"heure\", other = \"heures\" }\n+++\n",
    )]);
    site.replace(
        "content/levels/pilot.md",
        "at_least = 500",
        "at_least = 1.5",
    );
    site.build_with(&["--today", "2027-01-01"]).succeeds();
    let page = site.output("fr/levels/pilot/index.html");
    // In French, 1,5 is singular: "1,5 heure".
    assert!(page.contains("au moins 1,5 heure"), "{page}");
    assert!(!page.contains("1,5 heures"), "{page}");
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 0, "{diagnostics:#?}");
}

#[test]
fn a_phrasebook_missing_or_naming_words_of_its_original_is_told() {
    let site = bilingual(&[(
        "workshops/knots.fr.md",
        "+++\ntitle = \"Nœuds\"\n\n[words]\n\"bowline\" = \"nœud de chaise\"\n\"bowlin\" = \"nœud\"\n+++\n",
    )]);
    let (code, diagnostics) = check(&site);
    assert_eq!(code, 0, "warnings only");
    let told: Vec<(&str, &str)> = diagnostics
        .iter()
        .filter(|d| d["code"] == "W011")
        .map(|d| {
            (
                d["message"].as_str().unwrap_or_default(),
                d["help"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(told.len(), 2, "{diagnostics:#?}");
    assert_eq!(
        told[0].0,
        "6 words of the original's front matter have no translation here"
    );
    assert!(
        told[0].1.contains("\"cleat hitch\", \"deckhands\""),
        "{}",
        told[0].1
    );
    assert_eq!(
        told[1].0,
        "an entry of [words] translates nothing the original says"
    );
    assert!(told[1].1.ends_with("\"bowlin\""), "{}", told[1].1);
}

/// `--mark-current` writes beside the file under a fresh name it creates
/// exclusively: a link planted where the old fixed name was
/// (`NAME.fr.md.cairn-new`) is never written through.
#[test]
fn marking_current_never_writes_through_a_planted_link() {
    let site = bilingual(&[("workshops/knots.fr.md", KNOTS_FR)]);
    let victim = site.scratch("authorized_keys");
    std::fs::write(&victim, "ssh-ed25519 AAAA mine\n").expect("write");
    let file = site.path("content/workshops/knots.fr.md");
    std::os::unix::fs::symlink(
        &victim,
        site.path("content/workshops/knots.fr.md.cairn-new"),
    )
    .expect("symlink");
    mark_current(&site, &file).succeeds();
    assert_eq!(read(&victim), "ssh-ed25519 AAAA mine\n", "untouched");
    assert!(read(&file).starts_with("+++\ntranslated_from = \""));
    assert!(
        std::fs::symlink_metadata(&file).is_ok_and(|m| m.file_type().is_file()),
        "the translation is still a plain file"
    );
    let leftovers: Vec<String> = std::fs::read_dir(site.path("content/workshops"))
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file left: {leftovers:?}"
    );
}

/// A translation that is a symbolic link out of `content/` is not edited:
/// the file it points at is left as it was.
#[test]
fn marking_current_refuses_a_translation_that_links_out_of_the_site() {
    let site = bilingual(&[]);
    let outside = site.scratch("knots.fr.md");
    std::fs::write(&outside, KNOTS_FR).expect("write");
    let file = site.path("content/workshops/knots.fr.md");
    std::os::unix::fs::symlink(&outside, &file).expect("symlink");
    let stderr = mark_current(&site, &file).exits(2).stderr;
    assert!(
        stderr.contains("error[E100]")
            && stderr.contains("outside the site's content folder; cairn does not edit it"),
        "{stderr}"
    );
    assert_eq!(read(&outside), KNOTS_FR, "the outside file is untouched");
    assert!(
        std::fs::symlink_metadata(&file).is_ok_and(|m| m.file_type().is_symlink()),
        "the link is left as it was"
    );
}

/// Issue 24: lists are in the language's alphabetical order. French puts
/// "Évaluation" before "Séance"; code-point order puts "É" after every
/// plain letter.
#[test]
fn french_lists_follow_french_alphabetical_order() {
    let site = SiteTest::bundled();
    site.build().succeeds();
    let listing = site.output("fr/workshops/index.html");
    let topics = listing
        .split("<select id=\"filter-topic\"")
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .expect("a topic filter");
    // Each option's words, "Tous" (every topic) left out.
    let texts: Vec<&str> = topics
        .split("<option value=\"")
        .skip(2)
        .filter_map(|option| option.split("\">").nth(1)?.split('<').next())
        .collect();
    assert_eq!(
        texts,
        [
            "Évaluation professionnelle",
            "Séance de rétroaction personnalisée"
        ],
        "{topics}"
    );
}

/// Issue 24, item 5: a name a translation keeps in English (`title_lang`)
/// and an organization's name French does not give are marked `lang="en"`
/// wherever a French page shows them; a `title_lang` that is no language
/// tag is an error at its line.
#[test]
fn english_names_on_french_pages_are_marked() {
    let site = bundled_build();
    let certificate = site.output("fr/credentials/ally-foundations-certificate/index.html");
    assert!(
        certificate.contains("<h1 lang=\"en\">Ally Foundations Certificate</h1>"),
        "{certificate}"
    );
    assert!(
        certificate.contains("lang=\"en\">Intimacy Directors &amp; Coordinators</a>"),
        "the issuer: {certificate}"
    );
    let pathway = site.output("fr/pathways/idc-certification/index.html");
    assert!(
        pathway.contains("lang=\"en\">Certified Intimacy Professional</a>"),
        "{pathway}"
    );
    // Translated, so no notice: only the title is in English.
    assert!(
        !certificate.contains("class=\"untranslated\""),
        "{certificate}"
    );
    // The English site marks nothing.
    let english = site.output("credentials/ally-foundations-certificate/index.html");
    assert!(!english.contains("lang=\"en\">Ally"), "{english}");
    // The checklist's script is told, to mark it in what it writes.
    let checklist = site.output("fr/checklist/index.html");
    assert!(
        checklist
            .contains("\"ally-foundations-certificate\":{\"kind\":\"credential\",\"lang\":\"en\""),
        "{checklist}"
    );

    let bad = bilingual(&[(
        "workshops/knots.fr.md",
        "+++\ntitle = \"Nœuds\"\ntitle_lang = \"not a tag\"\n+++\n",
    )]);
    let (code, diagnostics) = check(&bad);
    assert_eq!(code, 1, "{diagnostics:?}");
    assert!(
        diagnostics.iter().any(|d| d["message"]
            .as_str()
            .is_some_and(|m| m.contains("\"not a tag\" is not a language tag"))
            && d["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("knots.fr.md"))),
        "{diagnostics:?}"
    );
}
