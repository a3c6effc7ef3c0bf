//! The pages cairn writes are valid HTML, checked by the Nu HTML Checker
//! (the W3C validator) over the bundled site and the fixture catalogue.
//!
//! Needs Java and `node_modules/vnu-jar`; `scripts/test` installs both.
//! Never skipped: a missing validator is a failure with instructions.

use crate::support::*;
use std::process::Command;

#[test]
fn every_page_validates() {
    let jar = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "the Nu HTML Checker is missing: run scripts/test (it runs `npm ci`)"
    );
    let (bundled, small) = (SiteTest::repository(), SiteTest::fixture("small"));
    for site in [&bundled, &small] {
        site.build().succeeds();
    }
    let result = Command::new("java")
        .args([
            "-jar",
            &jar.to_string_lossy(),
            "--errors-only",
            "--format",
            "gnu",
            "--skip-non-html",
        ])
        .arg(bundled.out_dir())
        .arg(small.out_dir())
        .output()
        .expect("run java: install a JRE (scripts/test does)");
    let report = String::from_utf8_lossy(&result.stderr).into_owned()
        + &String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success() && report.trim().is_empty(),
        "HTML errors:\n{report}"
    );
}
