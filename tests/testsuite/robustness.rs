//! No input makes cairn panic, overflow its stack or hang.
//!
//! A property test mutates the front matter and Markdown of real catalogue
//! files at random (byte flips, truncation, spliced-in TOML and Markdown
//! fragments, duplicated ranges) and checks every result in-process: a clean
//! diagnostic or success, never a panic. Extreme inputs (expressions nested
//! thousands deep, huge files, thousands of identical headings) go through
//! the real binary with a time limit, so a stack overflow or a hang fails.
//! The generator has a fixed seed; `CAIRN_FUZZ_SEED` and
//! `CAIRN_FUZZ_CASES` explore further.

use crate::support::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Fragments that mean something to TOML, expressions or Markdown.
const FRAGMENTS: &[&str] = &[
    "+++",
    "\n+++\n",
    "=",
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "[[offerings]]\n",
    "\n",
    "\r\n",
    "\u{feff}",
    "#",
    "requires = ",
    "{ any = [",
    "{ all = [",
    "{ choose = 3, from = \"navigation\" }",
    "{ has = \"sea-hours\", at_least = ",
    "-1",
    "1e309",
    "nan",
    "99999999999999999999",
    "0x7f",
    "2027-13-45",
    "2027-02-29",
    "true",
    "preferred = true",
    "note = \"",
    "level = \"",
    "title = ",
    "summary = \"\"",
    "[extra]\n",
    "[extra.deep.deeper]\n",
    "](@",
    "](@pilot#",
    "[x](@knots)",
    "![i](/nowhere.png)",
    "<a href=\"@radio\">",
    "</script>",
    "<!--",
    "\u{2028}",
    "é",
    "🚢",
    "\0",
    "```\n",
    "> ",
    "    ",
    "|a|b|\n|-|-|\n",
    "[^1]",
    "{#id}",
    "## Learning goals\n",
    "\\",
    "%",
    "..",
    "/../",
];

fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
            1 => bytes.truncate(at),
            2 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes();
                bytes.splice(at..at, fragment.iter().copied());
            }
            3 if at < bytes.len() => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 if at < bytes.len() => {
                let end = (at + rng.below(200)).min(bytes.len());
                let copy: Vec<u8> = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes();
                bytes.extend_from_slice(fragment);
            }
        }
    }
    bytes
}

fn markdown_files(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn random_mutations_give_diagnostics_never_panics() {
    let seed: u64 = std::env::var("CAIRN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x0c0f_fee5_eed5);
    let cases: usize = std::env::var("CAIRN_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400);
    let mut rng = Rng(seed | 1);
    let site = SiteTest::fixture("small");
    // The bundled catalogue's files are good seeds too: copy them in beside.
    for file in markdown_files(&repo()) {
        let target = site.path(&file);
        if !target.exists() {
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::copy(repo().join(&file), &target).expect("copy");
        }
    }
    let mut files_with_site = markdown_files(site.root());
    files_with_site.push("site.toml".into());
    let options = cairn::SiteOptions {
        root: site.root().to_path_buf(),
        today: cairn::content::Date::parse("2027-01-01"),
        ..Default::default()
    };
    let cli = cairn::report::cli_messages();
    let (mut ok, mut failed) = (0, 0);
    for case in 0..cases {
        let file = &files_with_site[rng.below(files_with_site.len())];
        let path = site.path(file);
        let original = std::fs::read(&path).expect("read");
        let mutated = mutate(&mut rng, &original);
        std::fs::write(&path, &mutated).expect("write");
        let result = std::panic::catch_unwind(|| cairn::check(&options));
        match result {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(cairn::Failure::Invalid(diags))) => {
                failed += 1;
                for d in &diags.0 {
                    if let Some(loc) = &d.location {
                        assert!(
                            loc.line >= 1 && loc.column >= 1,
                            "case {case}: position {}:{} in {file}",
                            loc.line,
                            loc.column
                        );
                    }
                    // Every message exists and is given every variable it uses.
                    for text in std::iter::once(&d.message).chain(&d.help) {
                        if let Err(errors) = cli.try_format(text) {
                            panic!("case {case}: {text:?} in {file}: {errors:?}");
                        }
                    }
                    let _ = d.render_human(&cli, false);
                }
            }
            Ok(Err(cairn::Failure::CannotRun(_))) => failed += 1,
            Err(_) => {
                let shown = String::from_utf8_lossy(&mutated);
                panic!("case {case} (seed {seed}): cairn panicked on {file}:\n{shown}");
            }
        }
        std::fs::write(&path, &original).expect("restore");
    }
    assert_eq!(ok + failed, cases);
    assert!(
        failed > cases / 4,
        "mutations should break most files ({failed} of {cases} did)"
    );
}

#[test]
fn extreme_inputs_neither_overflow_nor_hang() {
    let deep = |open: &str, close: &str, n: usize| {
        format!("{}\"first-aid\"{}", open.repeat(n), close.repeat(n))
    };
    let cases: Vec<(&str, String)> = vec![
        (
            "tables nested 100,000 deep",
            format!(
                "+++\ntitle = \"P\"\nrequires = {}\n+++\n",
                deep("{ all = [", "] }", 100_000)
            ),
        ),
        (
            "arrays nested 100,000 deep",
            format!(
                "+++\ntitle = \"P\"\nrequires = {}\n+++\n",
                deep("[", "]", 100_000)
            ),
        ),
        (
            "an unclosed nest",
            format!(
                "+++\ntitle = \"P\"\nrequires = {}\n+++\n",
                "[{ any = ".repeat(50_000)
            ),
        ),
        (
            "10 MB of Markdown",
            format!(
                "+++\ntitle = \"P\"\nsummary = \"s\"\n+++\n{}",
                "Some *text* with [a link](@knots) and `code`.\n\n".repeat(220_000)
            ),
        ),
        (
            "100,000 nested block quotes",
            format!(
                "+++\ntitle = \"P\"\nsummary = \"s\"\n+++\n{}deep\n",
                "> ".repeat(100_000)
            ),
        ),
        (
            "5,000 nested lists",
            format!(
                "+++\ntitle = \"P\"\nsummary = \"s\"\n+++\n{}",
                (0..5_000)
                    .map(|i| format!("{}- item\n", "  ".repeat(i)))
                    .collect::<String>()
            ),
        ),
        (
            "20,000 identical headings",
            format!(
                "+++\ntitle = \"P\"\nsummary = \"s\"\n+++\n{}",
                "## Same\n\n".repeat(20_000)
            ),
        ),
        (
            "20,000 raw HTML links",
            format!(
                "+++\ntitle = \"P\"\nsummary = \"s\"\n+++\n{}",
                "<a href=\"@knots\">k</a>\n".repeat(20_000)
            ),
        ),
        (
            "one 5 MB line",
            format!("+++\ntitle = \"{}\"\n+++\n", "x".repeat(5_000_000)),
        ),
        (
            "50,000 unknown keys",
            format!(
                "+++\ntitle = \"P\"\nsummary = \"s\"\n{}+++\n",
                (0..50_000)
                    .map(|i| format!("key{i} = 1\n"))
                    .collect::<String>()
            ),
        ),
        (
            "20,000 unresolved ids on one long line",
            format!(
                "+++\ntitle = \"P\"\nsummary = \"s\"\nrequires = [{}]\n+++\n",
                (0..20_000)
                    .map(|i| format!("\"nowhere-{i}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        (
            "1,000,000 brackets",
            format!(
                "+++\ntitle = \"P\"\nsummary = \"s\"\n+++\n{}",
                "[".repeat(1_000_000)
            ),
        ),
    ];
    for (name, text) in cases {
        // The real binary, within a time limit: a hang fails, and so does
        // a death by signal (a stack overflow aborts), as exit -1.
        let site = SiteTest::fixture("small").time_limit(Duration::from_secs(90));
        site.file("content/levels/pilot.md", &text);
        let started = Instant::now();
        let Run { code, stderr, .. } = site.check();
        eprintln!("{name}: {:?}", started.elapsed());
        assert!(code == 0 || code == 1, "{name}: exit {code}\n{stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(
            stderr
                .lines()
                .last()
                .is_some_and(|l| l.starts_with("ok:") || l.starts_with("error: found")),
            "{name}: {}",
            &stderr[stderr.len().saturating_sub(2000)..]
        );
    }
}
