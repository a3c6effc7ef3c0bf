//! Helpers shared by the integration tests: run the real binary on real files.
//! A test that sets up a site starts from [`SiteTest`] (site_test.rs).

#![allow(dead_code, unreachable_pub)]

pub mod served;
pub mod site_test;
pub mod synth;
pub mod webdriver;

pub use served::{Served, WAIT};
pub use site_test::{Run, SiteTest};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The `cairn` binary, speaking English whatever this machine's locale:
/// cairn follows `LANG` (French for `fr_CA.UTF-8`), and the tests read
/// its English words.
pub fn cairn_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cairn"));
    command.env("CAIRN_LANG", "en");
    command
}

/// Run `cairn` with `args`; returns (exit code, stdout, stderr).
pub fn cairn(args: &[&str]) -> (i32, String, String) {
    let output: Output = cairn_command()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run cairn");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Copy a folder tree (a fixture) to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary copy of a fixture site.
pub fn site_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture(name), dir.path());
    dir
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every file under `dir`, relative path -> bytes.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// Internal links (`href="/…"`, `src="/…"`) of every HTML page that point
/// at no file of the site.
pub fn broken_links(dir: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for (path, bytes) in snapshot(dir) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let url = piece.split('"').next().unwrap_or("");
                if !url.starts_with('/') {
                    continue;
                }
                let target = url.split('#').next().unwrap_or("").trim_start_matches('/');
                let file = if target.is_empty() || target.ends_with('/') {
                    dir.join(target).join("index.html")
                } else {
                    dir.join(target)
                };
                if !file.is_file() {
                    broken.push(format!("{path}: {url}"));
                }
            }
        }
    }
    broken
}

/// Run a command to completion, reading its output as it comes, and fail
/// the test if it takes longer than `limit` (a hang) — the child is killed.
pub fn output_within(mut command: std::process::Command, limit: std::time::Duration) -> Output {
    use std::process::Stdio;
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let id = child.id();
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    match result.recv_timeout(limit) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &id.to_string()])
                .status();
            panic!("{command:?} took longer than {limit:?}");
        }
    }
}

/// `cairn serve` on a copy of a site, on a free loopback port.
pub fn serve(root: &Path, extra: &[&str]) -> Served {
    Served::start(Path::new(env!("CARGO_BIN_EXE_cairn")), root, extra)
}

/// A scratch copy of the bundled ICC/IDC site (site.toml, content, theme).
pub fn bundled_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).expect("copy site.toml");
    copy_tree(&repo().join("content"), &dir.path().join("content"));
    copy_tree(&repo().join("themes"), &dir.path().join("themes"));
    dir
}

/// A fixed-seed generator (xorshift) for randomised tests: the same cases on
/// every run, and a seed to replay a failure.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The Python of `.venv-tests`, with the packages of
/// tests/tools/requirements.txt (scripts/test installs them): run `tool`
/// (a script of tests/tools) on `args` and parse what it prints as JSON.
pub fn python_tool(tool: &str, args: &[&Path]) -> serde_json::Value {
    let python = repo().join(".venv-tests/bin/python");
    let output = Command::new(&python)
        .arg(repo().join("tests/tools").join(tool))
        .args(args)
        .output()
        .unwrap_or_else(|err| {
            panic!(
                "{}: {err}; run scripts/test, which installs what the tests need",
                python.display()
            )
        });
    assert!(
        output.status.success(),
        "{tool} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the tool prints JSON")
}

/// Every file under `dir` whose name ends with `suffix`, sorted.
pub fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

/// `git` in `dir`, as a test author, which must succeed.
pub fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
