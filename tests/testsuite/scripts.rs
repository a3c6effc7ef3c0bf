//! The repository's scripts: `scripts/test`, the README's test command,
//! stops at once with one line naming what it lacks.

use crate::support::*;
use std::path::Path;

/// A folder for PATH holding only `tools`, linked to where they are here.
fn path_with(dir: &Path, tools: &[&str]) {
    for tool in tools {
        let found = std::env::var_os("PATH")
            .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .map(|folder| folder.join(tool))
            .find(|candidate| candidate.is_file())
            .unwrap_or_else(|| panic!("{tool} is on this machine's PATH"));
        std::os::unix::fs::symlink(found, dir.join(tool)).expect("link");
    }
}

#[test]
fn the_test_script_says_in_one_line_what_it_lacks() {
    for (tools, said) in [
        (
            &["dirname"][..],
            "scripts/test: needs Rust's cargo (1.89 or newer): https://rustup.rs\n",
        ),
        (
            &["dirname", "cargo"][..],
            "scripts/test: needs python3, for the tools that read calendars, feeds and JSON-LD back\n",
        ),
        (
            &["dirname", "cargo", "python3"][..],
            "scripts/test: needs Node.js 18 or newer with npm, for the HTML checker, axe-core and Ajv\n",
        ),
    ] {
        let dir = tempfile::tempdir().expect("a folder");
        path_with(dir.path(), tools);
        let output = std::process::Command::new("/bin/bash")
            .arg(repo().join("scripts/test"))
            .env("PATH", dir.path())
            .output()
            .expect("bash runs");
        assert_eq!(output.status.code(), Some(1), "{tools:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), said, "{tools:?}");
        assert!(output.stdout.is_empty(), "{tools:?}");
    }
}
