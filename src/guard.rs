//! `check` and `build` run a theme's templates and other people's content
//! through code that recurses. The template engine stops a macro that
//! calls itself without end with an error (E015) long before the stack
//! runs out, but a stack overflow from anywhere still aborts the whole
//! process: no code in it can catch it, and `check` would die without a
//! word. This is the net under that.
//!
//! So those commands run in a child process of their own (the same
//! command, marked by [`ENV`]), and the parent only waits for it. A child
//! that ends by itself has said everything, and its exit code is passed on.
//! A child killed by the operating system (the overflow's abort) is run once
//! more, rendering one page at a time and logging each before it starts
//! (`render::render_logged`), so that the page and template that never
//! finished can be named in a diagnostic (E015).

use crate::diagnostics::{Code, Diagnostic};
use crate::text;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Set in a child's environment: `run` to do the work, `log:<file>` to
/// render one page at a time, logging into `<file>`.
pub const ENV: &str = "CAIRN_GUARDED";

/// Set by the parent so that the child colours its output as the parent's
/// terminal would have it (the child's own stderr is a pipe).
pub const COLOR_ENV: &str = "CAIRN_COLOR";

/// What this process is to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Start the child and watch it.
    Parent,
    /// The child: do the work.
    Child,
    /// The child run again to find the template that never finished.
    Logging(PathBuf),
}

/// The parent's process id, in the child's environment.
const PARENT_ENV: &str = "CAIRN_GUARD_PARENT";

pub fn role() -> Role {
    let role = match std::env::var(ENV) {
        Err(_) => return Role::Parent,
        Ok(value) => match value.strip_prefix("log:") {
            Some(path) => Role::Logging(PathBuf::from(path)),
            None => Role::Child,
        },
    };
    die_with_parent();
    role
}

/// A child must not outlive its parent: killed, the parent would leave it
/// writing the site unwatched. On Linux the kernel kills the child when the
/// parent dies; a parent gone before that was set up ends the child at once.
fn die_with_parent() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: prctl with PR_SET_PDEATHSIG takes a signal number and
        // changes only this process's own attributes.
        unsafe {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
        }
        let parent = std::env::var(PARENT_ENV)
            .ok()
            .and_then(|p| p.parse::<u32>().ok());
        // SAFETY: getppid has no preconditions.
        let now = unsafe { libc::getppid() };
        if parent.is_some_and(|p| i64::from(p) != i64::from(now)) {
            std::process::exit(1);
        }
    }
}

/// How the child ended.
#[derive(Debug)]
pub enum End {
    /// By itself, with this exit code: it has printed all it had to say.
    Exited(i32),
    /// Killed: a diagnostic saying which template never finished.
    Crashed(Box<Diagnostic>),
}

/// Run this same command in a child process and wait for it. Its standard
/// output is this process's; its standard error is passed on line by line,
/// but for the runtime's own words about a crash, which the diagnostic
/// replaces. `None` when no child can be started: the caller then does the
/// work itself.
pub fn supervise(color: bool) -> Option<End> {
    let exe = std::env::current_exe().ok()?;
    let mut child = Command::new(&exe)
        .args(std::env::args_os().skip(1))
        .env(ENV, "run")
        .env(PARENT_ENV, std::process::id().to_string())
        .env(COLOR_ENV, if color { "1" } else { "0" })
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    if let Some(stderr) = child.stderr.take() {
        let mut out = std::io::stderr().lock();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if is_crash_report(&line) {
                continue;
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let status = child.wait().ok()?;
    if let Some(code) = status.code() {
        return Some(End::Exited(code));
    }
    Some(End::Crashed(Box::new(find_unfinished(&exe, &[]))))
}

/// The address `cairn serve` serves at, passed to the child it tries
/// templates in: serve needs no `base_url` in site.toml, and the child
/// must load the site exactly as the server did.
pub const TRIAL_BASE_URL_ENV: &str = "CAIRN_TRIAL_BASE_URL";

/// How long trying every page may take: far beyond any real catalogue
/// (10,000 workshops take under a second), short enough that a template
/// looping for hours is reported rather than waited for.
pub const TRIAL_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

/// `cairn serve` renders pages inside its own process, where a template
/// that never ends would take the server down. So before it serves a new
/// set of templates it runs this same command as a child that renders every
/// page and writes nothing, and says nothing: `Crashed` names the template
/// that never finished, or says it ran past [`TRIAL_LIMIT`]. `None` when no
/// child can be started.
pub fn trial(base_url: &str) -> Option<End> {
    let exe = std::env::current_exe().ok()?;
    let mut child = Command::new(&exe)
        .args(std::env::args_os().skip(1))
        .env(ENV, "run")
        .env(PARENT_ENV, std::process::id().to_string())
        .env(TRIAL_BASE_URL_ENV, base_url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let deadline = std::time::Instant::now() + TRIAL_LIMIT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Some(End::Crashed(Box::new(
                    Diagnostic::error(
                        Code::Template,
                        text!(
                            "render_too_long",
                            seconds = TRIAL_LIMIT.as_secs().to_string()
                        ),
                    )
                    .with_help(text!("render_too_long_help")),
                )));
            }
            Err(_) => return None,
        }
    };
    match status.code() {
        Some(code) => Some(End::Exited(code)),
        None => Some(End::Crashed(Box::new(find_unfinished(
            &exe,
            &[(TRIAL_BASE_URL_ENV, base_url)],
        )))),
    }
}

/// What Rust's runtime prints when a thread overflows its stack.
fn is_crash_report(line: &str) -> bool {
    line.contains("has overflowed its stack") || line.starts_with("fatal runtime error")
}

/// Run the command once more, one page at a time with a log, and name the
/// page it was rendering when it died.
fn find_unfinished(exe: &std::path::Path, env: &[(&str, &str)]) -> Diagnostic {
    let log = std::env::temp_dir().join(format!("cairn-render-{}.log", std::process::id()));
    let _ = Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(ENV, format!("log:{}", log.display()))
        .envs(env.iter().copied())
        .env(PARENT_ENV, std::process::id().to_string())
        // One page at a time: the last page started is the one that died.
        .env("RAYON_NUM_THREADS", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_file(&log);
    let unfinished = text
        .lines()
        .last()
        .and_then(|line| line.strip_prefix("start\t"))
        .and_then(|rest| rest.split_once('\t'));
    match unfinished {
        Some((url, template)) => {
            Diagnostic::error(Code::Template, text!("template_never_finished", url = url))
                .in_file(template)
                .with_help(text!("template_never_finished_help"))
        }
        None => Diagnostic::error(Code::Template, text!("render_crashed"))
            .with_help(text!("template_never_finished_help")),
    }
}
