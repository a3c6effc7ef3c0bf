//! Translations beside their originals (issue 9, item 2 and item 8's
//! checks): `level-1.fr.md` carries words only, and `cairn check` says
//! what cannot be used and what is not translated yet.

use crate::support::*;
use std::path::Path;

const LANGUAGES: &str =
    "\n[languages.en]\nname = \"English\"\n\n[languages.fr]\nname = \"Français\"\n";

/// The small site in English and French, with `files` (path under
/// content/, text) added.
fn bilingual(files: &[(&str, &str)]) -> tempfile::TempDir {
    let site = site_copy("small");
    let toml = site.path().join("site.toml");
    std::fs::write(&toml, read(&toml) + LANGUAGES).expect("write");
    add(site.path(), files);
    site
}

fn add(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        std::fs::write(root.join("content").join(path), text).expect("write");
    }
}

fn check(root: &Path) -> (i32, Vec<serde_json::Value>) {
    let (code, stdout, stderr) = cairn(&[
        "check",
        "--root",
        root.to_str().expect("utf-8"),
        "--format",
        "json",
        "--today",
        "2027-01-01",
    ]);
    let diagnostics: Vec<serde_json::Value> =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("JSON: {stdout}{stderr}"));
    (code, diagnostics)
}

fn codes(diagnostics: &[serde_json::Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

const KNOTS_FR: &str = "+++\ntitle = \"Nœuds\"\nsummary = \"Les nœuds.\"\n\n[words]\n\"bowline\" = \"nœud de chaise\"\n+++\nFaites-les solides.\n";

#[test]
fn untranslated_pages_are_one_warning_per_language_listing_them() {
    let site = bilingual(&[("workshops/knots.fr.md", KNOTS_FR)]);
    let (code, diagnostics) = check(site.path());
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
        "+++\ntitle = \"Pilote\"\nrequires = [\"first-aid\"]\norder = 9\n+++\nCorps.\n",
    )]);
    let (code, diagnostics) = check(site.path());
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
        help.contains("title, summary, words, translated_from"),
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
    let (code, diagnostics) = check(site.path());
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
    let site = site_copy("small");
    add(site.path(), &[("workshops/knots.fr.md", KNOTS_FR)]);
    let (code, diagnostics) = check(site.path());
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
    let knots = site.path().join("content/workshops/knots.md");
    std::fs::write(
        &knots,
        read(&knots).replacen("+++\n", "+++\ndraft = true\n", 1),
    )
    .expect("write");
    let (_, diagnostics) = check(site.path());
    assert!(
        !codes(&diagnostics).contains(&"E026".to_string()),
        "{diagnostics:#?}"
    );
}

#[test]
fn site_toml_languages_are_checked() {
    let site = site_copy("small");
    let toml = site.path().join("site.toml");
    let base = read(&toml);
    let attempt = |languages: &str| {
        std::fs::write(&toml, format!("{base}{languages}")).expect("write");
        let (code, _, stderr) = cairn(&["check", "--root", site.path().to_str().expect("utf-8")]);
        (code, stderr)
    };
    let (code, stderr) = attempt("\n[languages.fr]\nname = \"Français\"\n");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("[languages] does not list the site's default language, \"en\""),
        "{stderr}"
    );
    let (code, stderr) =
        attempt("\n[languages.en]\nname = \"English\"\n[languages.French]\nname = \"Français\"\n");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("\"French\" is not a language tag"),
        "{stderr}"
    );
    let (code, stderr) = attempt(
        "\n[languages.en]\nname = \"English\"\n[languages.fr]\nname = \"Français\"\nuntranslated = \"hide\"\n",
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("untranslated = \"hide\" is not a choice"),
        "{stderr}"
    );
    let (code, stderr) = attempt(
        "\n[languages.en]\nname = \"English\"\n[languages.fr]\nname = \"Français\"\nuntranslated = \"omit\"\n",
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("W008"), "{stderr}");
}
