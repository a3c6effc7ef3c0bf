//! `cairn diff --base REV`: the site folder as it was at a revision of the
//! Git repository it sits in, written into a scratch folder.
//!
//! It runs the `git` command, which every CI runner and organizer's
//! computer that has the repository already has, rather than linking a
//! Git library: two plumbing commands, `ls-tree` for the folder's files at
//! the revision and `cat-file --batch` for their contents, in one pass.
//! Nothing in the repository (index, work tree, worktrees) is touched.
//!
//! The scratch folder goes on every way out: when the comparison is done,
//! on an error, and on Ctrl-C, SIGTERM or SIGHUP (a CI job cancelled
//! mid-diff leaves nothing in `$TMPDIR`). Files are streamed from Git to
//! disk, never held whole, and the files of `static/` folders, whose
//! contents a comparison never reads, are written as empty files of their
//! size (a link to one still finds it), never read from Git.

use crate::diagnostics::{Code, Diagnostic};
use crate::text;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, PoisonError};

/// The older revision's files, in a scratch folder that is removed when
/// this is dropped or when the process is stopped by a signal.
#[derive(Debug)]
pub struct Scratch {
    folder: Arc<Mutex<Option<tempfile::TempDir>>>,
    path: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, Diagnostic> {
        // The signals are watched first: one that comes while the folder
        // is being made finds it once it is there.
        let holder = Arc::new(Mutex::new(None));
        remove_on_signal(Arc::clone(&holder));
        let mut held = holder.lock().unwrap_or_else(PoisonError::into_inner);
        let folder = tempfile::Builder::new()
            .prefix("cairn-diff-")
            .tempdir()
            .map_err(|err| {
                Diagnostic::error(Code::Output, text!("diff_scratch", error = err.to_string()))
            })?;
        let path = folder.path().to_path_buf();
        *held = Some(folder);
        drop(held);
        Ok(Scratch {
            folder: holder,
            path,
        })
    }

    /// `path` (below the folder) made, with its folders, empty and `size`
    /// bytes long (sparse: it takes no room).
    fn write_empty(&self, path: &str, size: u64) -> Result<(), Diagnostic> {
        let target = self.path.join(path);
        let _held = self.live()?;
        target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::File::create(&target))
            .and_then(|file| file.set_len(size))
            .map_err(|err| cannot_write(&target, err))
    }

    /// The folder's lock, while the folder is still there (not removed by
    /// a signal): hold it while writing into it.
    fn live(&self) -> Result<std::sync::MutexGuard<'_, Option<tempfile::TempDir>>, Diagnostic> {
        let held = self.hold();
        if held.is_none() {
            return Err(cannot_write(
                &self.path,
                std::io::ErrorKind::Interrupted.into(),
            ));
        }
        Ok(held)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Hold the folder while writing into it: a signal that comes then
    /// waits, and removes it whole afterwards.
    fn hold(&self) -> std::sync::MutexGuard<'_, Option<tempfile::TempDir>> {
        self.folder.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Dropping the TempDir removes the folder.
        self.hold().take();
    }
}

/// On SIGINT, SIGTERM or SIGHUP: remove the scratch folder, then end as
/// the signal would have ended the process (its exit status says so). A
/// thread of its own waits for the signal, so the removal runs outside the
/// signal handler, and takes the folder's lock, so no file is being
/// written into it meanwhile. Without signal support, the folder is still
/// removed on every other way out.
fn remove_on_signal(folder: Arc<Mutex<Option<tempfile::TempDir>>>) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let mut held = folder.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(folder) = held.take() {
                    let _ = folder.close();
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                // A signal whose default is not to end (none of these three):
                std::process::exit(128 + signal);
            }
        });
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
    }
}

/// The site folder `root` as it was at `revision`, in a scratch folder
/// that is removed when the value is dropped. The folder keeps its place
/// in the repository: for a site in `site/`, the scratch folder holds
/// what `site/` held.
pub fn checkout(root: &Path, revision: &str) -> Result<Scratch, Diagnostic> {
    let shown = root.display().to_string();
    let run = |args: &[&str]| -> Result<Vec<u8>, Diagnostic> {
        let output = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|err| {
                Diagnostic::error(Code::Output, text!("git_missing", error = err.to_string()))
                    .with_help(text!("git_missing_help"))
            })?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(Diagnostic::error(
                Code::Output,
                text!(
                    "git_failed",
                    command = format!("git {}", args.join(" ")),
                    error = String::from_utf8_lossy(&output.stderr).trim().to_string()
                ),
            ))
        }
    };
    // Git there at all, then a repository at all?
    run(&["--version"])?;
    // Git's own words say why (not a repository, or one it will not
    // trust: `safe.directory`).
    let repository = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--git-dir"])
        .stdin(Stdio::null())
        .output();
    if let Ok(output) = repository
        && !output.status.success()
    {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = said.lines().next().unwrap_or_default().trim().to_string();
        return Err(Diagnostic::error(
            Code::Output,
            text!("git_not_a_repository", folder = &shown, error = said),
        )
        .with_help(text!("git_not_a_repository_help")));
    }
    // `--end-of-options`: a revision that starts with `-` is a revision.
    let commit = run(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &format!("{revision}^{{commit}}"),
    ])
    .map_err(|_| {
        Diagnostic::error(Code::Output, text!("git_no_revision", revision = revision))
            .with_help(text!("git_no_revision_help"))
    })?;
    let commit = String::from_utf8_lossy(&commit).trim().to_string();
    // Paths relative to the site folder, and only below it.
    let listing = run(&["ls-tree", "-r", "-z", "-l", &commit, "--", "."])?;
    let scratch = Scratch::new()?;
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        // "<mode> <type> <object> <size, padded>\t<path>"
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split_whitespace();
        let (Some(mode), Some("blob"), Some(object), Some(size)) =
            (meta.next(), meta.next(), meta.next(), meta.next())
        else {
            // Submodules (commits) are not part of a site.
            continue;
        };
        // Symbolic links are left out: what they point at may not exist.
        if mode == "120000" {
            continue;
        }
        // Only plain names below the site folder: a crafted tree entry
        // (`..`, an absolute path) must not write outside the scratch folder.
        let plain = !path.is_empty()
            && Path::new(path)
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            return Err(Diagnostic::error(
                Code::Output,
                text!("git_unsafe_path", revision = revision, path = path),
            )
            .with_help(text!("git_unsafe_path_help")));
        }
        if never_compared(path) {
            // There, at its size, with nothing in it: a link to it still
            // finds a file, and a 500 MB video costs nothing.
            let size = size.parse().unwrap_or(0);
            scratch.write_empty(path, size)?;
            continue;
        }
        files.push((object.to_string(), path.to_string()));
    }
    write_blobs(root, &files, &scratch)?;
    Ok(scratch)
}

/// Files whose contents a comparison never reads: those copied as they
/// are into a site (`static/`, a theme's `static/`).
fn never_compared(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    matches!(
        parts.as_slice(),
        ["static", _, ..] | ["themes", _, "static", _, ..]
    )
}

/// Every blob of `files` (object, path), through one `git cat-file --batch`,
/// each streamed to its file in the scratch folder.
fn write_blobs(root: &Path, files: &[(String, String)], into: &Scratch) -> Result<(), Diagnostic> {
    let failed = |err: std::io::Error| {
        Diagnostic::error(
            Code::Output,
            text!(
                "git_failed",
                command = "git cat-file --batch",
                error = err.to_string()
            ),
        )
    };
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(failed)?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| failed(std::io::Error::other("no stdin")))?;
    let objects: Vec<String> = files.iter().map(|(object, _)| object.clone()).collect();
    // Asked on one thread and answered on this one: neither pipe fills up
    // while the other waits.
    let asking = std::thread::spawn(move || -> std::io::Result<()> {
        for object in objects {
            writeln!(stdin, "{object}")?;
        }
        Ok(())
    });
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| failed(std::io::Error::other("no stdout")))?;
    let mut answers = BufReader::new(stdout);
    let written = (|| {
        for (_, path) in files {
            let mut header = String::new();
            answers.read_line(&mut header).map_err(failed)?;
            // "<object> blob <size>"
            let size: u64 = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| {
                    failed(std::io::Error::other(format!(
                        "unexpected answer {header:?}"
                    )))
                })?;
            let target = into.path().join(path);
            let mut file = {
                let _held = into.live()?;
                target
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| std::fs::File::create(&target))
                    .map_err(|err| cannot_write(&target, err))?
            };
            // Read from Git without the lock, each piece written with it:
            // a signal never waits on Git.
            let mut write = |piece: &[u8]| -> Result<(), Diagnostic> {
                let _held = into.live()?;
                file.write_all(piece)
                    .map_err(|err| cannot_write(&target, err))
            };
            copy_exactly(&mut answers, size, &mut write).map_err(|err| match err {
                Copy::Reading(err) => failed(err),
                Copy::Writing(diagnostic) => diagnostic,
            })?;
            // The newline after each blob.
            answers.read_exact(&mut [0]).map_err(failed)?;
        }
        Ok(())
    })();
    // On an error, the child may still be writing: close its pipe first.
    drop(answers);
    let _ = asking.join();
    let _ = child.wait();
    written
}

/// A file that cannot be written is the scratch folder's problem (a name
/// too long for its file system, a full disk), not Git's.
fn cannot_write(path: &Path, err: std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::Output,
        text!(
            "diff_scratch_write",
            path = path.display().to_string(),
            error = err.to_string()
        ),
    )
    .with_help(text!("diff_scratch_write_help"))
}

/// Why a copy stopped.
#[derive(Debug)]
enum Copy<E> {
    Reading(std::io::Error),
    Writing(E),
}

/// Copy exactly `size` bytes from `from` to `write`, in pieces.
fn copy_exactly<E>(
    from: &mut impl Read,
    size: u64,
    write: &mut impl FnMut(&[u8]) -> Result<(), E>,
) -> Result<(), Copy<E>> {
    let mut left = size;
    let mut buffer = vec![0; 64 * 1024];
    while left > 0 {
        let want = buffer
            .len()
            .min(usize::try_from(left).unwrap_or(usize::MAX));
        let got = from.read(&mut buffer[..want]).map_err(Copy::Reading)?;
        if got == 0 {
            return Err(Copy::Reading(std::io::ErrorKind::UnexpectedEof.into()));
        }
        write(&buffer[..got]).map_err(Copy::Writing)?;
        left -= got as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_files_are_never_compared() {
        assert!(never_compared("static/video.mp4"));
        assert!(never_compared("themes/default/static/style.css"));
        assert!(!never_compared("content/static/a.md"));
        assert!(!never_compared("themes/default/templates/base.html"));
        assert!(!never_compared("static"));
    }

    #[test]
    fn a_blob_is_copied_in_pieces_exactly() {
        let data: Vec<u8> = (0..200_000u32).map(|i| i as u8).collect();
        let mut from = std::io::Cursor::new([data.clone(), b"\nnext".to_vec()].concat());
        let mut to = Vec::new();
        let mut write = |piece: &[u8]| -> Result<(), ()> {
            to.extend_from_slice(piece);
            Ok(())
        };
        copy_exactly(&mut from, data.len() as u64, &mut write).expect("copied");
        assert_eq!(to, data);
        let mut short = std::io::Cursor::new(vec![1, 2, 3]);
        let mut ignore = |_: &[u8]| -> Result<(), ()> { Ok(()) };
        let err = copy_exactly(&mut short, 10, &mut ignore).expect_err("too short");
        assert!(matches!(err, Copy::Reading(_)), "a reading error");
    }
}
