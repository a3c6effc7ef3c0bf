//! `catalogue.json` follows the JSON Schema published beside it
//! (`/catalogue.schema.json`), checked by Ajv, an independent validator, on
//! every catalogue the tests have: the bundled one and each fixture that
//! builds. Needs Node and `node_modules/ajv`; `scripts/test` installs both.

use crate::support::*;
use std::path::Path;
use std::process::Command;

/// Run the validator on `files`; returns (valid, what it printed).
fn validate(schema: &Path, files: &[&Path]) -> (bool, String) {
    let output = Command::new("node")
        .arg(repo().join("tests/tools/validate-json.cjs"))
        .arg(schema)
        .args(files)
        .output()
        .expect("node: run scripts/test, which installs what the tests need");
    let printed = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(
        !printed.contains("Cannot find module"),
        "node_modules/ajv is missing: run scripts/test (it runs npm ci)\n{printed}"
    );
    (output.status.success(), printed)
}

#[test]
fn every_catalogue_json_follows_the_published_schema() {
    let sites = [
        ("bundled", SiteTest::repository()),
        ("small", SiteTest::fixture("small")),
        ("scuba", SiteTest::fixture("scuba")),
    ];
    let mut catalogues = Vec::new();
    for (name, site) in &sites {
        let Run { code, stderr, .. } = site.build();
        assert_eq!(code, 0, "{name}: {stderr}");
        let out = site.out_dir();
        assert_eq!(
            std::fs::read(out.join("catalogue.schema.json")).expect("the schema is published"),
            std::fs::read(repo().join("src/render/catalogue.schema.json")).expect("schema"),
            "{name}"
        );
        catalogues.push(out.join("catalogue.json"));
    }
    // Keys in alphabetical order at every depth, as a JSON object sorts
    // them, and printed with two spaces: catalogue.json is written straight
    // from the catalogue, and must read as it always has. (This build's
    // serde_json sorts a map's keys, so a round trip sorts them.)
    assert_eq!(
        serde_json::json!({ "b": 1, "a": 2 }).to_string(),
        r#"{"a":2,"b":1}"#
    );
    for path in &catalogues {
        let text = read(path);
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let sorted = serde_json::to_string_pretty(&value).expect("printed") + "\n";
        assert!(sorted == text, "{} is not sorted", path.display());
    }
    let bundled = &sites[0].1;
    let schema = bundled.out_dir().join("catalogue.schema.json");
    let files: Vec<&Path> = catalogues.iter().map(|p| p.as_path()).collect();
    let (valid, printed) = validate(&schema, &files);
    assert!(valid, "{printed}");
    assert_eq!(printed.matches("valid: ").count(), 3, "{printed}");

    // The schema is strict enough to matter: a field it does not describe,
    // or a rule of no known form, is refused.
    let mut catalogue: serde_json::Value =
        serde_json::from_str(&read(&catalogues[0])).expect("catalogue.json is JSON");
    catalogue["workshops"][0]["colour"] = "red".into();
    catalogue["levels"][1]["requires"] = serde_json::json!({ "every": ["level-1"] });
    let bad = bundled.scratch("bad.json");
    std::fs::write(&bad, catalogue.to_string()).expect("write");
    let (valid, printed) = validate(&schema, &[&bad]);
    assert!(!valid, "{printed}");
    assert!(
        printed.contains("/workshops/0 must NOT have unevaluated properties")
            && printed.contains("\"every\""),
        "{printed}"
    );
}
