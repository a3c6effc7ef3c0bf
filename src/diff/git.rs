//! `cairn diff --base REV`: the site folder as it was at a revision of the
//! Git repository it sits in, written into a scratch folder.
//!
//! It runs the `git` command, which every CI runner and organizer's
//! computer that has the repository already has, rather than linking a
//! Git library: two plumbing commands, `ls-tree` for the folder's files at
//! the revision and `cat-file --batch` for their contents, in one pass.
//! Nothing in the repository (index, work tree, worktrees) is touched.

use crate::diagnostics::{Code, Diagnostic};
use crate::text;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The site folder `root` as it was at `revision`, in a scratch folder
/// that is removed when the value is dropped. The folder keeps its place
/// in the repository: for a site in `site/`, the scratch folder holds
/// what `site/` held.
pub fn checkout(root: &Path, revision: &str) -> Result<tempfile::TempDir, Diagnostic> {
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
    let listing = run(&["ls-tree", "-r", "-z", &commit, "--", "."])?;
    let scratch = tempfile::Builder::new()
        .prefix("cairn-diff-")
        .tempdir()
        .map_err(|err| {
            Diagnostic::error(Code::Output, text!("diff_scratch", error = err.to_string()))
        })?;
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        // "<mode> <type> <object>\t<path>"
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (Some(mode), Some("blob"), Some(object)) = (meta.next(), meta.next(), meta.next())
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
        files.push((object.to_string(), path.to_string()));
    }
    write_blobs(root, &files, scratch.path())?;
    Ok(scratch)
}

/// Every blob of `files` (object, path), through one `git cat-file --batch`.
fn write_blobs(root: &Path, files: &[(String, String)], into: &Path) -> Result<(), Diagnostic> {
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
    for (_, path) in files {
        let mut header = String::new();
        answers.read_line(&mut header).map_err(failed)?;
        // "<object> blob <size>"
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| {
                failed(std::io::Error::other(format!(
                    "unexpected answer {header:?}"
                )))
            })?;
        let mut contents = vec![0; size + 1];
        answers.read_exact(&mut contents).map_err(failed)?;
        contents.truncate(size);
        let target = into.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(failed)?;
        }
        std::fs::write(&target, contents).map_err(failed)?;
    }
    let _ = asking.join();
    let _ = child.wait();
    Ok(())
}
