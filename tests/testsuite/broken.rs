//! The corpus of broken catalogues: each case under `tests/fixtures/broken/`
//! is the `small` fixture with the files of its `site/` folder laid over it,
//! and `expected.txt` holds the exact exit code and output of `cairn check`.
//! Run with `CAIRN_BLESS=1` to rewrite the expected files after a deliberate
//! change, then review every changed line as if you had written it.
//!
//! Each case is a test of its own, named after its folder (`cargo test
//! e006` runs the E006 cases); a new folder must be added to [`corpus!`]'s
//! list, which a test checks against the folder.

use crate::support::*;
use std::collections::BTreeSet;
use std::time::Duration;

/// The day the corpus is checked on, so "in the past" never drifts.
const TODAY: &str = "2027-01-01";

/// The small fixture, checked on `TODAY`, each check within a minute.
fn small() -> SiteTest {
    SiteTest::fixture("small")
        .env("CAIRN_TODAY", TODAY)
        .time_limit(Duration::from_secs(60))
}

/// One test per case: `e006_unresolved_reference` runs the folder
/// `e006-unresolved-reference`.
macro_rules! corpus {
    ($($case:ident),* $(,)?) => {
        /// Every case's folder name, in the order listed.
        const CASES: &[&str] = &[$(stringify!($case)),*];
        $(
            #[test]
            fn $case() {
                check_case(&stringify!($case).replace('_', "-"));
            }
        )*
    };
}

corpus!(
    e001_empty_file,
    e001_no_front_matter,
    e001_unterminated,
    e002_deep_nesting,
    e002_site_toml_syntax,
    e002_toml_syntax,
    e003_unknown_key,
    e003_unknown_key_beside_missing_start,
    e003_unknown_key_in_offering,
    e004_missing_title,
    e004_offering_without_start,
    e004_organization_without_name,
    e005_quoted_date,
    e005_wrong_type,
    e006_unresolved_pool_item,
    e006_unresolved_reference,
    e007_index_in_subfolder,
    e007_invalid_id,
    e008_duplicate_id,
    e009_unknown_organization,
    e009_wrong_kind,
    e009_wrong_kind_in_pool,
    e009_wrong_kind_no_close_id,
    e010_cycle,
    e010_cycle_through_inherited_requires,
    e011_empty_any,
    e011_mixed_forms,
    e011_negative_threshold,
    e011_unknown_offering_status,
    e012_broken_anchor,
    e012_broken_link,
    e013_not_utf8,
    e014_feed_limit_zero,
    e014_invalid_base_url,
    e014_unknown_site_time_zone,
    e014_unknown_theme,
    e015_template_fails,
    e015_template_syntax,
    e015_templates_include_each_other,
    e016_duplicate_order,
    e017_requires_itself,
    e017_requires_own_workshop,
    e018_choose_too_many,
    e019_has_without_unit,
    e020_deadline_after_start,
    e020_offering_ends_before_start,
    e021_missing_file,
    e022_address_taken,
    e022_static_file_over_generated,
    e023_not_a_web_address,
    e024_time_without_zone,
    e024_unknown_time_zone,
    e025_price_without_currency,
    e025_unknown_currency,
    e026_translation_structure,
    many_problems_at_once,
    w001_past_offering,
    w002_unreferenced,
    w003_level_without_pathway,
    w004_no_summary,
    w005_preferred_and_required,
    w006_preferred_alternative,
    w007_skipped_time,
    w008_untranslated,
    w009_stale_translation,
    w010_unused_message,
    w011_translation_words
);

/// The case's folder: `site/` laid over the small fixture, `expected.txt`.
fn case_site(name: &str) -> (std::path::PathBuf, SiteTest) {
    let case = fixture("broken").join(name);
    assert!(case.is_dir(), "no corpus case {name}");
    let site = small();
    copy_tree(&case.join("site"), site.root());
    (case, site)
}

/// The codes a check's human output shows, in order.
fn codes_of(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            l.strip_prefix("error[")
                .or_else(|| l.strip_prefix("warning["))
        })
        .map(|rest| rest[..4].to_string())
        .collect()
}

/// A case gives exactly its expected output, the same diagnostics in JSON
/// and for GitHub, and the same in French with no English left.
fn check_case(name: &str) {
    let (case, site) = case_site(name);
    let Run { code, stderr, .. } = site.check();
    assert!(
        !stderr.contains("panicked"),
        "{name}: cairn panicked:\n{stderr}"
    );
    let actual = format!("exit: {code}\n{stderr}");
    let expected_path = case.join("expected.txt");
    if std::env::var_os("CAIRN_BLESS").is_some() {
        std::fs::write(&expected_path, &actual).expect("bless");
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    assert!(
        actual == expected,
        "{name} differs (CAIRN_BLESS=1 rewrites it):\n-- expected\n{expected}\n-- actual\n{actual}"
    );

    // The machine formats carry the same diagnostics as the human one.
    let human_codes = codes_of(&stderr);
    let Run {
        code: json_code,
        stdout: json,
        ..
    } = site.run(&["check", "--format", "json"]);
    assert_eq!(json_code, code, "{name}: same exit code in JSON");
    let array: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: JSON output: {e}\n{json}"));
    let json_codes: Vec<String> = array
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        json_codes, human_codes,
        "{name}: JSON lists the same diagnostics in the same order"
    );
    let github = site.run(&["check", "--format", "github"]).stdout;
    assert_eq!(
        github.lines().count(),
        human_codes.len(),
        "{name}: one annotation per diagnostic:\n{github}"
    );

    // In French: cairn follows the locale, and CAIRN_LANG, when set, comes
    // first; half the cases are asked each way.
    let mut command = cairn_command();
    command
        .args(["check", "--root", &site.root().to_string_lossy()])
        .env("NO_COLOR", "1")
        .env("CAIRN_TODAY", TODAY);
    if CASES
        .iter()
        .position(|c| c.replace('_', "-") == name)
        .unwrap_or(0)
        % 2
        == 0
    {
        command.env("CAIRN_LANG", "fr");
    } else {
        command
            .env_remove("CAIRN_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "fr_CA.UTF-8");
    }
    let output = output_within(command, Duration::from_secs(60));
    let french = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        format!("exit: {}", output.status.code().unwrap_or(-1)),
        expected.lines().next().unwrap_or_default(),
        "{name}: the same exit code in French"
    );
    assert_eq!(
        codes_of(&french),
        codes_of(&expected),
        "{name}: not the same diagnostics as in English:\n{french}"
    );
    for piece in english_diagnostic_pieces() {
        assert!(
            !french.contains(piece.as_str()),
            "{name}: English left: {piece:?}\n{french}"
        );
    }
}

/// The list above is the folder, whole, and together the cases show every
/// code cairn has (but E100, which `check` never gives).
#[test]
fn the_corpus_lists_every_case_and_shows_every_code() {
    let mut folders: Vec<String> = std::fs::read_dir(fixture("broken"))
        .expect("broken fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let listed: Vec<String> = CASES.iter().map(|c| c.replace('_', "-")).collect();
    assert_eq!(
        listed, folders,
        "add each case folder to corpus!(…) in this file"
    );
    assert!(
        folders.len() >= 30,
        "the corpus has {} cases",
        folders.len()
    );
    // What each case checks the French for: English left over.
    let english = english_diagnostic_pieces();
    assert!(english.len() > 100, "{}", english.len());
    let seen: BTreeSet<String> = folders
        .iter()
        .flat_map(|name| codes_of(&read(&fixture("broken").join(name).join("expected.txt"))))
        .collect();
    let missing: Vec<&str> = cairn::diagnostics::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| *c != "E100" && !seen.contains(*c))
        .collect();
    assert!(missing.is_empty(), "no broken catalogue shows {missing:?}");
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let site = small();
    copy_tree(&fixture("broken/w004-no-summary/site"), site.root());
    let stderr = site.check().succeeds().stderr;
    assert!(stderr.ends_with("ok: no errors, 1 warning\n"), "{stderr}");
    let stderr = site.run(&["check", "--deny-warnings"]).fails().stderr;
    assert!(
        stderr.ends_with(
            "error: found 0 errors and 1 warning; warnings are denied (--deny-warnings)\n"
        ),
        "{stderr}"
    );
}

/// Pieces of English sentences of diagnostics.en.ftl: each one-line
/// message's text between its variables, where three words or more.
fn english_diagnostic_pieces() -> Vec<String> {
    read(&repo().join("src/cli_messages/diagnostics.en.ftl"))
        .lines()
        .filter(|line| !line.starts_with('#'))
        // A message's text, a variant's (`[one] …`), or what follows a
        // select (`} …`).
        .filter_map(|line| match line.split_once(" = ") {
            Some((_, text)) if !line.starts_with(' ') => Some(text),
            _ => line
                .trim_start()
                .trim_start_matches('*')
                .strip_prefix('[')
                .and_then(|variant| variant.split_once(']').map(|(_, text)| text))
                .or_else(|| line.strip_prefix('}')),
        })
        .flat_map(|text| {
            let mut pieces = Vec::new();
            let mut piece = String::new();
            let mut depth = 0;
            for c in text.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        pieces.push(std::mem::take(&mut piece));
                    }
                    '}' => depth -= 1,
                    c if depth == 0 => piece.push(c),
                    _ => {}
                }
            }
            pieces.push(piece);
            pieces
        })
        .map(|piece| piece.trim().to_string())
        // Sentences, not code: three words or more of letters only.
        .filter(|piece| {
            piece
                .split_whitespace()
                .filter(|word| word.chars().all(char::is_alphabetic))
                .count()
                >= 3
        })
        .collect()
}
