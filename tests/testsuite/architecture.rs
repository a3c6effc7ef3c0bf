//! The layers of `src/`, read from its `crate::` paths: a module may use
//! those below it, never one above it, and no two modules use each other.
//! docs/architecture.md draws the layers.
//!
//! An import that must run backwards for a while would be listed in
//! [`KNOWN_BACKWARDS`] (none is, since issue 23). The test fails on any
//! import that runs backwards and is not listed, and on a listed one that
//! is gone (take it off the list: the list only ever shrinks).

use crate::support::*;
use std::collections::BTreeSet;

/// Each top-level module's layer, lowest first (DESIGN.md's table, as the
/// modules are named today).
const LAYERS: &[(&str, &[&str])] = &[
    (
        "source, diagnostics",
        &["source", "diagnostics", "messages"],
    ),
    ("values", &["values", "money", "schedule"]),
    ("toml reader, expression syntax", &["toml_reader", "expr"]),
    (
        "content, config, theme",
        &["content", "config", "theme", "published"],
    ),
    ("catalogue", &["catalogue"]),
    ("eligibility", &["rules"]),
    ("phrases, routes", &["phrases", "routes"]),
    ("render", &["render"]),
    (
        "commands",
        &[
            "output",
            "check",
            "diff",
            "serve",
            "report",
            "init",
            "translations",
            "testing",
        ],
    ),
];

/// Imports that run backwards today, as "from -> to" between top-level
/// modules. Each is work left for issue 23, item 2.
const KNOWN_BACKWARDS: &[&str] = &[];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The top-level module a file of `src/` belongs to (`None` for the crate
/// root and `main.rs`).
fn module_of(path: &std::path::Path) -> Option<String> {
    let relative = path.strip_prefix(repo().join("src")).ok()?;
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let name = first.trim_end_matches(".rs").to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// Every top-level module a file names through `crate::`, its tests left
/// out (a test may set up whatever it needs).
fn named_modules(text: &str) -> BTreeSet<String> {
    let code = text
        .find("#[cfg(test)]\nmod tests")
        .map_or(text, |at| &text[..at]);
    // Comments name modules without using them (intra-doc links).
    let code: String = code
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    let code = code.as_str();
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        // `$crate::` in a macro is the crate too; an identifier before it
        // (`cairn_crate::`) is not.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

/// Every import between two top-level modules, as (from, to).
fn imports() -> BTreeSet<(String, String)> {
    let mut edges = BTreeSet::new();
    for file in files_ending(&repo().join("src"), ".rs") {
        // A module's unit tests in a file of their own, as in `mod tests`.
        if file.file_name().is_some_and(|name| name == "tests.rs") {
            continue;
        }
        let Some(from) = module_of(&file) else {
            continue;
        };
        for to in named_modules(&read(&file)) {
            if to != from && layer_of(&to).is_some() {
                edges.insert((from.clone(), to));
            }
        }
    }
    edges
}

#[test]
fn every_module_has_a_layer() {
    let mut modules = BTreeSet::new();
    for file in files_ending(&repo().join("src"), ".rs") {
        if let Some(module) = module_of(&file) {
            modules.insert(module);
        }
    }
    let without: Vec<&String> = modules.iter().filter(|m| layer_of(m).is_none()).collect();
    assert!(
        without.is_empty(),
        "give these modules a layer in tests/testsuite/architecture.rs and docs/architecture.md: {without:?}"
    );
}

#[test]
fn imports_run_down_the_layers_only() {
    let edges = imports();
    let mut backwards = BTreeSet::new();
    for (from, to) in &edges {
        let (Some(low), Some(high)) = (layer_of(from), layer_of(to)) else {
            continue;
        };
        // Upwards, or between two modules of one layer that use each other.
        if high > low || (high == low && edges.contains(&(to.clone(), from.clone()))) {
            backwards.insert(format!("{from} -> {to}"));
        }
    }
    let known: BTreeSet<String> = KNOWN_BACKWARDS.iter().map(|s| s.to_string()).collect();
    let new: Vec<&String> = backwards.difference(&known).collect();
    let gone: Vec<&String> = known.difference(&backwards).collect();
    assert!(
        new.is_empty(),
        "these imports run up the layers (or both ways): {new:?}\n\
         a module uses only those below it (docs/architecture.md)"
    );
    assert!(
        gone.is_empty(),
        "these no longer run backwards: take them off KNOWN_BACKWARDS: {gone:?}"
    );
}

/// The most lines a file of `src/` may have: past it, a file holds more
/// than one thing, and should be split where its parts meet.
const MOST_LINES: usize = 800;

#[test]
fn every_source_file_is_short_and_says_what_it_owns() {
    let mut long = Vec::new();
    let mut silent = Vec::new();
    for file in files_ending(&repo().join("src"), ".rs") {
        let text = read(&file);
        let name = file
            .strip_prefix(repo())
            .unwrap_or(&file)
            .display()
            .to_string();
        let lines = text.lines().count();
        if lines > MOST_LINES {
            long.push(format!("{name} ({lines} lines)"));
        }
        if !text.starts_with("//!") {
            silent.push(name);
        }
    }
    assert!(long.is_empty(), "split these files: {long:?}");
    assert!(
        silent.is_empty(),
        "start these files with a `//!` line that says what they own: {silent:?}"
    );
}
