//! `catalogue.json` follows the JSON Schema published beside it
//! (`/catalogue.schema.json`), checked by two independent validators with
//! their default settings, which read `format` two ways: Ajv in strict mode
//! with ajv-formats, which asserts it (a `date` must be a real day), and
//! Python's jsonschema, whose 2020-12 validator takes it as an annotation
//! only. The schema must hold under both. Checked on every catalogue the
//! tests have: the bundled one in English and French, each fixture that
//! builds and a synthetic one of 1,000 workshops, with offerings on whole
//! days and at times of day. Needs Node with `node_modules/ajv` and
//! `.venv-tests` with jsonschema; `scripts/test` installs both.

use crate::support::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What both validators said of some files.
struct Verdicts {
    /// Ajv (tests/tools/validate-json.cjs): all valid, and what it printed.
    ajv_valid: bool,
    ajv: String,
    /// jsonschema (tests/tools/validate-json.py): by file, `valid`,
    /// `error` (what `validate` raised) and `errors` (every one).
    python: Value,
}

impl Verdicts {
    fn python_file(&self, file: &Path) -> &Value {
        &self.python["files"][file.to_string_lossy().as_ref()]
    }
}

/// Run both validators on `files`.
fn validate(schema: &Path, files: &[&Path]) -> Verdicts {
    let output = Command::new("node")
        .arg(repo().join("tests/tools/validate-json.cjs"))
        .arg(schema)
        .args(files)
        .output()
        .expect("node: run scripts/test, which installs what the tests need");
    let ajv = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(
        !ajv.contains("Cannot find module"),
        "node_modules/ajv is missing: run scripts/test (it runs npm ci)\n{ajv}"
    );
    let mut args = vec![schema];
    args.extend_from_slice(files);
    let python = python_tool("validate-json.py", &args);
    // The validator the schema's `$schema` names, with its defaults: no
    // format checker, so `format` decides nothing there.
    assert_eq!(python["validator"], "Draft202012Validator", "{python:#}");
    assert_eq!(python["format_checker"], false, "{python:#}");
    Verdicts {
        ajv_valid: output.status.success(),
        ajv,
        python,
    }
}

/// Both validators accept every one of `files`, each by name.
#[track_caller]
fn assert_valid(schema: &Path, files: &[&Path]) {
    let verdicts = validate(schema, files);
    assert!(verdicts.ajv_valid, "Ajv: {}", verdicts.ajv);
    for file in files {
        assert!(
            verdicts
                .ajv
                .contains(&format!("valid: {}\n", file.display())),
            "Ajv: {}",
            verdicts.ajv
        );
        assert_eq!(
            verdicts.python_file(file)["valid"],
            true,
            "jsonschema: {:#}",
            verdicts.python_file(file)
        );
    }
    assert_eq!(
        verdicts.ajv.matches("valid: ").count(),
        files.len(),
        "{}",
        verdicts.ajv
    );
}

/// Both validators refuse `file`: what Ajv printed, and every error
/// jsonschema found.
#[track_caller]
fn assert_refused(schema: &Path, file: &Path) -> (String, String) {
    let verdicts = validate(schema, &[file]);
    let python = verdicts.python_file(file);
    assert!(
        !verdicts.ajv_valid,
        "Ajv accepts {}: {}",
        file.display(),
        verdicts.ajv
    );
    assert!(!verdicts.ajv.contains("valid: "), "{}", verdicts.ajv);
    assert_eq!(
        python["valid"],
        false,
        "jsonschema accepts {}: {python:#}",
        file.display()
    );
    assert!(python["error"].is_string(), "{python:#}");
    let errors = python["errors"].as_array().expect("errors").iter();
    let errors: Vec<&str> = errors.map(|e| e.as_str().expect("text")).collect();
    (verdicts.ajv.clone(), errors.join("\n"))
}

/// The starts of every offering of `catalogue`: (whole days, times of day).
fn starts(catalogue: &Value) -> (usize, usize) {
    let offerings = catalogue["workshops"]
        .as_array()
        .expect("workshops")
        .iter()
        .flat_map(|w| w["offerings"].as_array().expect("offerings"));
    let starts: Vec<&str> = offerings
        .map(|o| o["start"].as_str().expect("start"))
        .collect();
    let days = starts
        .iter()
        .filter(|s| s.len() == "2027-03-12".len())
        .count();
    (days, starts.len() - days)
}

/// The schema a site published, which must be the one cairn holds.
#[track_caller]
fn published_schema(out: &Path) -> PathBuf {
    let schema = out.join("catalogue.schema.json");
    assert_eq!(
        std::fs::read(&schema).expect("the schema is published"),
        std::fs::read(repo().join("src/render/catalogue.schema.json")).expect("schema"),
        "{}",
        out.display()
    );
    schema
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
        published_schema(&out);
        catalogues.push(out.join("catalogue.json"));
    }
    // The bundled site in French too: its own catalogue.json beside its pages.
    let french = sites[0].1.out_dir().join("fr/catalogue.json");
    assert!(
        read(&french).contains(r#""language": "fr""#),
        "{}",
        french.display()
    );
    catalogues.push(french);
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
    // The fixtures have offerings of both kinds, which the schema tells
    // apart by more than their `format`.
    let small: Value = serde_json::from_str(&read(&catalogues[1])).expect("JSON");
    let (days, times) = starts(&small);
    assert!(days > 0 && times > 0, "small: {days} days, {times} times");
    let bundled = &sites[0].1;
    let schema = published_schema(&bundled.out_dir());
    let files: Vec<&Path> = catalogues.iter().map(|p| p.as_path()).collect();
    assert_valid(&schema, &files);

    // The schema is strict enough to matter, for both: a field it does not
    // describe, or a rule of no known form, is refused.
    let mut catalogue: Value = serde_json::from_str(&read(&catalogues[0])).expect("JSON");
    catalogue["workshops"][0]["colour"] = "red".into();
    catalogue["levels"][1]["requires"] = serde_json::json!({ "every": ["level-1"] });
    let bad = bundled.scratch("bad.json");
    std::fs::write(&bad, catalogue.to_string()).expect("write");
    let (ajv, python) = assert_refused(&schema, &bad);
    assert!(
        ajv.contains("/workshops/0 must NOT have unevaluated properties")
            && ajv.contains("\"every\""),
        "{ajv}"
    );
    assert!(
        python.contains(
            "$.workshops[0]: Unevaluated properties are not allowed ('colour' was unexpected)"
        ) && python.contains("$.levels[1].requires"),
        "{python}"
    );

    // An offering's start that is no moment, a time without its offset or
    // a day of no month, is refused by both: by the patterns alone in
    // jsonschema, where `format` decides nothing; by the patterns and the
    // formats in Ajv.
    let (w, _) = small["workshops"]
        .as_array()
        .expect("workshops")
        .iter()
        .enumerate()
        .find(|(_, w)| {
            let start = |o: usize| w["offerings"][o]["start"].as_str().unwrap_or("").to_owned();
            start(0).len() == "2027-03-12".len() && start(1).contains('T')
        })
        .expect("a workshop with a day's offering, then a time's");
    for (name, offering, start) in [
        ("soon.json", 0, "soon"),
        ("no-offset.json", 1, "2027-05-02T09:00:00"),
        ("no-day.json", 0, "2027-13-01"),
    ] {
        let mut catalogue = small.clone();
        catalogue["workshops"][w]["offerings"][offering]["start"] = start.into();
        let bad = bundled.scratch(name);
        std::fs::write(&bad, catalogue.to_string()).expect("write");
        let (ajv, python) = assert_refused(&schema, &bad);
        let path = format!("/workshops/{w}/offerings/{offering}/start");
        assert!(ajv.contains(&format!("{path} must match pattern")), "{ajv}");
        assert!(
            python.contains(&format!(
                "$.workshops[{w}].offerings[{offering}].start: '{start}' is not valid under any of the given schemas"
            )),
            "{python}"
        );
    }
}

/// A catalogue of 1,000 workshops from the benchmarks' generator, some of
/// whose offerings are moved to times of day, in the offering's zone or at
/// a fixed offset, with prices and deadlines.
#[test]
fn a_synthetic_catalogue_follows_the_published_schema() {
    let site = SiteTest::empty();
    synth::write_catalogue(site.root(), 1_000, None).expect("the synthetic catalogue");
    // The generator gives workshop w (w % 3) offerings on whole days, the
    // first from the 1st to the 3rd of month 1 + w % 12.
    for w in (2..1_000).step_by(3) {
        let month = 1 + w % 12;
        let days = format!("start = 2027-{month:02}-01\nend = 2027-{month:02}-03\n");
        let times = if w % 2 == 0 {
            format!(
                "start = 2027-{month:02}-01T09:00:00\nend = 2027-{month:02}-03T16:30:00\n\
                 time_zone = \"America/Toronto\"\ndeadline = 2027-{month:02}-01T08:00:00\n\
                 price = {{ amount = 19.5, currency = \"CAD\" }}\n"
            )
        } else {
            format!(
                "start = 2027-{month:02}-01T13:30:00-03:00\nend = 2027-{month:02}-03T16:00:00-03:00\n\
                 price = \"free\"\n"
            )
        };
        site.replace(&format!("content/workshops/workshop-{w}.md"), &days, &times);
    }
    let Run { code, stderr, .. } = site.build();
    assert_eq!(code, 0, "{stderr}");
    let out = site.out_dir();
    let catalogue = out.join("catalogue.json");
    let value: Value = serde_json::from_str(&read(&catalogue)).expect("JSON");
    assert_eq!(value["workshops"].as_array().map(Vec::len), Some(1_000));
    assert_eq!(
        starts(&value),
        (333 + 333, 333),
        "(whole days, times of day)"
    );
    let text = read(&catalogue);
    assert!(
        text.contains(r#""time_zone": "America/Toronto""#) && text.contains("T13:30:00-03:00"),
        "times in a zone and at an offset"
    );
    assert_valid(&published_schema(&out), &[&catalogue]);
}
