//! The write stage: put a rendered site in the output folder without ever
//! losing what was there.
//!
//! The new site is written into a staging folder beside the output folder,
//! then exchanged with it in one atomic rename; only then is the old tree
//! removed. A build that fails or is killed leaves the previous site exactly
//! as it was. cairn marks every folder it creates with a marker file and
//! only ever deletes a folder that carries it.

use crate::diagnostics::{Code, Diagnostic};
use crate::render::{Contents, Site};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The file that marks a folder as cairn's own.
pub const MARKER: &str = ".cairn-output";
const MARKER_TEXT: &str = "This folder was written by cairn. cairn replaces it whole at the next build;\nkeep nothing here that you want to keep.\n";

/// Refuse an output folder that cairn must not replace. Run before any work,
/// so a mistaken `--output` fails at once.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<PathBuf, Diagnostic> {
    let root = absolute(root);
    let output = absolute(output);
    let refuse = |message: String, help: &str| {
        Err(Diagnostic::error(Code::Output, message).with_help(help.to_string()))
    };
    let shown = output.display();
    if output == root {
        return refuse(
            format!("the output folder {shown} is the site root"),
            "choose a folder inside the site for the built site, like --output public",
        );
    }
    if root.starts_with(&output) {
        return refuse(
            format!("the output folder {shown} contains the site root"),
            "choose a folder inside the site for the built site, like --output public",
        );
    }
    for source in ["content", "templates", "static", "themes"] {
        if output.starts_with(root.join(source)) {
            return refuse(
                format!("the output folder {shown} is inside the site's {source}/ folder"),
                "choose a folder outside content/, templates/, static/ and themes/, like --output public",
            );
        }
    }
    if output.join("content").is_dir() {
        return refuse(
            format!(
                "the output folder {shown} contains a content/ folder: it looks like a site, not a build"
            ),
            "choose an empty or new folder for the built site, like --output public",
        );
    }
    if output.exists() {
        if !output.is_dir() {
            return refuse(
                format!("the output path {shown} is a file, not a folder"),
                "choose a folder for the built site, like --output public",
            );
        }
        if !output.join(MARKER).is_file() && !is_empty_dir(&output) {
            return refuse(
                format!("the output folder {shown} is not empty and was not made by cairn"),
                "cairn replaces its output folder whole, so it only writes into a new or empty folder, or one it made itself; choose another --output or empty this one",
            );
        }
    }
    Ok(output)
}

/// Write `site` into `output` (already checked by [`check_output_dir`]).
pub fn write(site: &Site, output: &Path) -> Result<(), Diagnostic> {
    let io_error = |what: &str, path: &Path, err: io::Error| {
        Diagnostic::error(Code::Output, format!("cannot {what} {}: {err}", path.display()))
            .with_help("check that the disk has room and that you may write there; the previous site was left as it was")
    };
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = output.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
    remove_leftovers(parent, &name);

    let staging = parent.join(format!(".{name}.cairn-staging-{}", std::process::id()));
    std::fs::create_dir(&staging).map_err(|e| io_error("create", &staging, e))?;
    if let Err(err) = fill(&staging, site) {
        let _ = remove_marked(&staging);
        return Err(io_error("write into", &staging, err));
    }
    if output.exists() {
        match exchange(&staging, output) {
            Ok(()) => {
                // `staging` now holds the previous site.
                let _ = remove_marked(&staging);
            }
            Err(_) => {
                let old = parent.join(format!(".{name}.cairn-old-{}", std::process::id()));
                std::fs::rename(output, &old).map_err(|e| {
                    let _ = remove_marked(&staging);
                    io_error("move aside", output, e)
                })?;
                if let Err(err) = std::fs::rename(&staging, output) {
                    let _ = std::fs::rename(&old, output);
                    let _ = remove_marked(&staging);
                    return Err(io_error("move into place", output, err));
                }
                let _ = remove_marked(&old);
            }
        }
    } else {
        std::fs::rename(&staging, output).map_err(|e| {
            let _ = remove_marked(&staging);
            io_error("move into place", output, e)
        })?;
    }
    Ok(())
}

/// Write the marker, then every file, into the empty folder `dir`.
fn fill(dir: &Path, site: &Site) -> io::Result<()> {
    std::fs::write(dir.join(MARKER), MARKER_TEXT)?;
    let mut folders = BTreeSet::new();
    for file in &site.files {
        let mut parent = Path::new(&file.path).parent();
        while let Some(p) = parent.filter(|p| !p.as_os_str().is_empty()) {
            if !folders.insert(p.to_path_buf()) {
                break;
            }
            parent = p.parent();
        }
    }
    // Parents before children: create folders depth by depth, each depth in parallel.
    let mut by_depth: Vec<Vec<&PathBuf>> = Vec::new();
    for folder in &folders {
        let depth = folder.components().count();
        if by_depth.len() < depth {
            by_depth.resize(depth, Vec::new());
        }
        by_depth[depth - 1].push(folder);
    }
    for level in by_depth {
        level
            .par_iter()
            .try_for_each(|folder| std::fs::create_dir(dir.join(folder)))?;
    }
    site.files.par_iter().try_for_each(|file| {
        if !is_safe_relative(&file.path) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {}", file.path),
            ));
        }
        let target = dir.join(&file.path);
        match &file.contents {
            Contents::Bytes(bytes) => std::fs::write(&target, bytes),
            Contents::Static(bytes) => std::fs::write(&target, bytes),
            Contents::Copy(source) => std::fs::copy(source, &target).map(drop),
        }
    })
}

/// Atomically swap two folders (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange on this platform",
    ))
}

/// Remove staging and old folders a killed build left behind (ours only).
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefixes = [
        format!(".{name}.cairn-staging-"),
        format!(".{name}.cairn-old-"),
    ];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let _ = remove_marked(&entry.path());
        }
    }
}

/// Delete `dir` only if cairn made it.
fn remove_marked(dir: &Path) -> io::Result<()> {
    if dir.join(MARKER).is_file() {
        std::fs::remove_dir_all(dir)
    } else if is_empty_dir(dir) {
        std::fs::remove_dir(dir)
    } else {
        Ok(())
    }
}

fn is_empty_dir(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

fn is_safe_relative(path: &str) -> bool {
    Path::new(path)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
}

/// An absolute, lexically normalised path, with symlinks of its existing
/// part resolved, so two spellings of one folder compare equal.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut normal = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    // Canonicalise the longest existing ancestor, keep the rest as written.
    let mut existing = normal.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        existing.pop();
    }
    let mut result = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        result.push(name);
    }
    result
}
