//! The corpus of broken catalogues: each case under `tests/fixtures/broken/`
//! is the `small` fixture with the files of its `site/` folder laid over it,
//! and `expected.txt` holds the exact exit code and output of `cairn check`.
//! Run with `CAIRN_BLESS=1` to rewrite the expected files after a deliberate
//! change, then review every changed line as if you had written it.

use crate::support::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

/// The day the corpus is checked on, so "in the past" never drifts.
const TODAY: &str = "2027-01-01";

fn run_check(root: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut command = cairn_command();
    command
        .args(["check", "--root", &root.to_string_lossy()])
        .args(extra)
        .env("NO_COLOR", "1")
        .env("CAIRN_TODAY", TODAY);
    let output = output_within(command, Duration::from_secs(60));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn cases() -> Vec<std::path::PathBuf> {
    let mut cases: Vec<_> = std::fs::read_dir(fixture("broken"))
        .expect("broken fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_broken_catalogue_gives_exactly_its_expected_diagnostics() {
    let bless = std::env::var_os("CAIRN_BLESS").is_some();
    let mut failures = Vec::new();
    let mut seen_codes = BTreeSet::new();
    let cases = cases();
    assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());
    for case in &cases {
        let name = case
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let site = site_copy("small");
        copy_tree(&case.join("site"), site.path());
        let (code, _, stderr) = run_check(site.path(), &[]);
        assert!(
            !stderr.contains("panicked"),
            "{name}: cairn panicked:\n{stderr}"
        );
        let actual = format!("exit: {code}\n{stderr}");
        let expected_path = case.join("expected.txt");
        if bless {
            std::fs::write(&expected_path, &actual).expect("bless");
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "== {name}\n-- expected\n{expected}\n-- actual\n{actual}"
            ));
        }
        for piece in stderr
            .split("error[")
            .chain(stderr.split("warning["))
            .skip(1)
        {
            if let Some(code) = piece.get(..4) {
                seen_codes.insert(code.to_string());
            }
        }

        // The machine formats carry the same diagnostics as the human one.
        let (json_code, json, _) = run_check(site.path(), &["--format", "json"]);
        assert_eq!(json_code, code, "{name}: same exit code in JSON");
        let array: serde_json::Value = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{name}: JSON output: {e}\n{json}"));
        let json_codes: Vec<&str> = array
            .as_array()
            .expect("array")
            .iter()
            .map(|d| d["code"].as_str().unwrap_or(""))
            .collect();
        let human_codes: Vec<&str> = stderr
            .lines()
            .filter_map(|l| {
                l.strip_prefix("error[")
                    .or_else(|| l.strip_prefix("warning["))
            })
            .map(|rest| &rest[..4])
            .collect();
        assert_eq!(
            json_codes, human_codes,
            "{name}: JSON lists the same diagnostics in the same order"
        );
        let (_, github, _) = run_check(site.path(), &["--format", "github"]);
        assert_eq!(
            github.lines().count(),
            human_codes.len(),
            "{name}: one annotation per diagnostic:\n{github}"
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ (CAIRN_BLESS=1 rewrites them):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    let missing: Vec<&str> = cairn::diagnostics::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| *c != "E100" && !seen_codes.contains(*c))
        .collect();
    assert!(missing.is_empty(), "no broken catalogue shows {missing:?}");
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let site = site_copy("small");
    copy_tree(&fixture("broken/w004-no-summary/site"), site.path());
    let (code, _, stderr) = run_check(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.ends_with("ok: no errors, 1 warning\n"), "{stderr}");
    let (code, _, stderr) = run_check(site.path(), &["--deny-warnings"]);
    assert_eq!(code, 1);
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

#[test]
fn every_broken_catalogue_is_explained_in_french_too() {
    let english = english_diagnostic_pieces();
    assert!(english.len() > 100, "{}", english.len());
    let mut failures = Vec::new();
    for (at, case) in cases().iter().enumerate() {
        let name = case.file_name().expect("name").to_string_lossy();
        let site = site_copy("small");
        copy_tree(&case.join("site"), site.path());
        let mut command = cairn_command();
        command
            .args(["check", "--root", &site.path().to_string_lossy()])
            .env("NO_COLOR", "1")
            .env("CAIRN_TODAY", TODAY);
        // cairn follows the locale; CAIRN_LANG, when set, comes first.
        if at % 2 == 0 {
            command.env("CAIRN_LANG", "fr");
        } else {
            command
                .env_remove("CAIRN_LANG")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("LANG", "fr_CA.UTF-8");
        }
        let output = output_within(command, Duration::from_secs(60));
        let stderr = String::from_utf8_lossy(&output.stderr);
        let expected = read(&case.join("expected.txt"));
        let codes = |text: &str| -> Vec<String> {
            text.lines()
                .filter_map(|l| {
                    l.strip_prefix("error[")
                        .or_else(|| l.strip_prefix("warning["))
                })
                .map(|rest| rest[..4].to_string())
                .collect()
        };
        if Some(format!("exit: {}", output.status.code().unwrap_or(-1)).as_str())
            != expected.lines().next()
            || codes(&stderr) != codes(&expected)
        {
            failures.push(format!(
                "== {name}: not the same diagnostics as in English\n{stderr}"
            ));
        }
        for piece in &english {
            if stderr.contains(piece.as_str()) {
                failures.push(format!("== {name}: English left: {piece:?}\n{stderr}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
