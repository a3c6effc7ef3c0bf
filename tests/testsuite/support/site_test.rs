//! `SiteTest`, a scratch site for one test (as mdBook's `BookTest` is a
//! scratch book): a copy of a fixture or of the bundled site, or nothing,
//! with the files a case is about written over it, and the real `cairn`
//! run on it, as a user runs it.
//!
//! Each test gets its own copy, so it may break its site as it likes; the
//! output goes to a scratch folder of its own, outside the site, so that
//! whatever a build leaves next to its output is cairn's alone. A failed
//! expectation about a run prints the command and everything cairn printed.

use super::{bundled_copy, cairn_command, output_within, read, repo, site_copy};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

pub struct SiteTest {
    root: PathBuf,
    /// The copy `root` is in; none for the repository's own site, which is
    /// read in place and never written.
    copy: Option<tempfile::TempDir>,
    scratch: tempfile::TempDir,
    /// Set (`Some`) or removed (`None`), in order.
    env: Vec<(String, Option<String>)>,
    limit: Option<Duration>,
}

impl SiteTest {
    fn on(root: PathBuf, copy: Option<tempfile::TempDir>) -> SiteTest {
        SiteTest {
            root,
            copy,
            scratch: tempfile::tempdir().expect("tempdir"),
            env: Vec::new(),
            limit: None,
        }
    }

    fn copy(site: tempfile::TempDir) -> SiteTest {
        SiteTest::on(site.path().to_path_buf(), Some(site))
    }

    /// A site with nothing in it, not even site.toml.
    pub fn empty() -> SiteTest {
        SiteTest::copy(tempfile::tempdir().expect("tempdir"))
    }

    /// A copy of `tests/fixtures/NAME`.
    pub fn fixture(name: &str) -> SiteTest {
        SiteTest::copy(site_copy(name))
    }

    /// A copy of the bundled site (site.toml, content, themes).
    pub fn bundled() -> SiteTest {
        SiteTest::copy(bundled_copy())
    }

    /// The repository's own site, in place: what is checked and built is
    /// the bundled site exactly as it stands, whatever else the repository
    /// holds beside it. Its files cannot be written to, and its builds go to
    /// `out_dir()` (never `run(["build"])`, whose default output is inside).
    pub fn repository() -> SiteTest {
        SiteTest::on(repo(), None)
    }

    /// Set an environment variable for every run of cairn on this site.
    pub fn env(mut self, name: &str, value: &str) -> SiteTest {
        self.env.push((name.to_string(), Some(value.to_string())));
        self
    }

    /// Keep a variable of this process's environment from cairn (the build
    /// day's `CAIRN_TODAY`, when the test is about where the day comes from).
    pub fn env_remove(mut self, name: &str) -> SiteTest {
        self.env.push((name.to_string(), None));
        self
    }

    /// Every run must end within `limit`: a hang fails the test (and the
    /// child is killed) instead of stalling the suite.
    pub fn time_limit(mut self, limit: Duration) -> SiteTest {
        self.limit = Some(limit);
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `build` writes; not made until a build makes it.
    pub fn out_dir(&self) -> PathBuf {
        self.scratch("public")
    }

    /// A path in the test's scratch folder, outside the site (a record for
    /// `cairn eligibility`, a second output folder).
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.scratch.path().join(name)
    }

    /// A path of the site.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// The text of a file of the site.
    pub fn read(&self, relative: &str) -> String {
        read(&self.path(relative))
    }

    /// The text of a file a build wrote into `out_dir()`.
    pub fn output(&self, relative: &str) -> String {
        read(&self.out_dir().join(relative))
    }

    /// Write a file of the site. The folders it needs are made too, so a
    /// case can add a template or a static file without saying so.
    #[track_caller]
    pub fn file(&self, relative: &str, contents: impl AsRef<[u8]>) -> &SiteTest {
        self.writable();
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        self
    }

    /// Write `templates` (name under `templates/`, text) into the site.
    #[track_caller]
    pub fn with_templates(&self, templates: &[(&str, &str)]) -> &SiteTest {
        for (name, text) in templates {
            self.file(&format!("templates/{name}"), text);
        }
        self
    }

    /// Rewrite a file of the site through `change`.
    #[track_caller]
    pub fn edit(&self, relative: &str, change: impl FnOnce(String) -> String) -> &SiteTest {
        self.file(relative, change(self.read(relative)))
    }

    /// Replace every `from` in a file of the site with `to`. `from` must be
    /// there: an edit that changes nothing would leave the test testing
    /// the unchanged site.
    #[track_caller]
    pub fn replace(&self, relative: &str, from: &str, to: &str) -> &SiteTest {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.file(relative, text.replace(from, to))
    }

    #[track_caller]
    pub fn remove(&self, relative: &str) -> &SiteTest {
        self.writable();
        let path = self.path(relative);
        std::fs::remove_file(&path).unwrap_or_else(|e| panic!("remove {}: {e}", path.display()));
        self
    }

    #[track_caller]
    fn writable(&self) {
        assert!(
            self.copy.is_some(),
            "SiteTest::repository() is the repository itself: use SiteTest::bundled() to change a copy"
        );
    }

    /// `cairn SUBCOMMAND --root ROOT REST…` for `args` = `[SUBCOMMAND, REST…]`.
    pub fn run(&self, args: &[&str]) -> Run {
        let root = self.root().to_string_lossy();
        let (subcommand, rest) = args.split_first().expect("a subcommand");
        let mut all = vec![*subcommand, "--root", &root];
        all.extend_from_slice(rest);
        let mut command = cairn_command();
        command.args(&all).env("NO_COLOR", "1");
        for (name, value) in &self.env {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            };
        }
        let output = match self.limit {
            Some(limit) => output_within(command, limit),
            None => command.output().expect("run cairn"),
        };
        Run::new(format!("cairn {}", all.join(" ")), &output)
    }

    pub fn check(&self) -> Run {
        self.run(&["check"])
    }

    /// `cairn build` into `out_dir()`.
    pub fn build(&self) -> Run {
        self.build_to(&self.out_dir(), &[])
    }

    /// `cairn build` into `out_dir()` with `extra` arguments (`--today`, …).
    pub fn build_with(&self, extra: &[&str]) -> Run {
        self.build_to(&self.out_dir(), extra)
    }

    pub fn build_to(&self, output: &Path, extra: &[&str]) -> Run {
        let output = output.to_string_lossy();
        let mut args = vec!["build", "--output", &output];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

/// What one run of cairn gave. The expectations return the run, to chain
/// them and keep it; each failure shows the command and what it printed.
#[derive(Debug)]
pub struct Run {
    /// -1 when a signal ended cairn (a stack overflow aborts).
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    command: String,
}

impl Run {
    fn new(command: String, output: &Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            command,
        }
    }

    #[track_caller]
    fn expect(&self, holds: bool, what: &str) {
        assert!(
            holds,
            "{}: {what}, but it exited {}\n--- stdout\n{}\n--- stderr\n{}",
            self.command, self.code, self.stdout, self.stderr
        );
    }

    #[track_caller]
    pub fn exits(self, code: i32) -> Run {
        self.expect(self.code == code, &format!("expected exit {code}"));
        self
    }

    #[track_caller]
    pub fn succeeds(self) -> Run {
        self.exits(0)
    }

    /// Exit 1: cairn found problems (as opposed to 2, it could not run).
    #[track_caller]
    pub fn fails(self) -> Run {
        self.exits(1)
    }

    #[track_caller]
    pub fn stderr_contains(self, text: &str) -> Run {
        self.expect(
            self.stderr.contains(text),
            &format!("expected {text:?} in stderr"),
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(self, text: &str) -> Run {
        self.expect(
            !self.stderr.contains(text),
            &format!("expected no {text:?} in stderr"),
        );
        self
    }

    /// What it printed on stdout, read as JSON (`--format json`).
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "{}: stdout is not JSON ({e})\n--- stdout\n{}\n--- stderr\n{}",
                self.command, self.stdout, self.stderr
            )
        })
    }
}
