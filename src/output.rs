//! The write stage: put a rendered site in the output folder without ever
//! losing what was there.
//!
//! The new site is written into a staging folder beside the output folder,
//! then exchanged with it in one atomic rename; only then is the old tree
//! removed. A build that fails or is killed leaves the previous site exactly
//! as it was. cairn marks every folder it creates with a marker file and
//! only ever deletes a folder that carries it.

use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Text;
use crate::render::{Contents, OutputFile, Sink};
use crate::text;
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
    let refuse =
        |message: Text, help: Text| Err(Diagnostic::error(Code::Output, message).with_help(help));
    let shown = output.display().to_string();
    if output == root {
        return refuse(
            text!("output_is_root", path = &shown),
            text!("output_inside_site_help"),
        );
    }
    if root.starts_with(&output) {
        return refuse(
            text!("output_holds_root", path = &shown),
            text!("output_inside_site_help"),
        );
    }
    for source in ["content", "templates", "static", "themes"] {
        if output.starts_with(root.join(source)) {
            return refuse(
                text!("output_in_sources", path = &shown, folder = source),
                text!("output_in_sources_help"),
            );
        }
    }
    if output.join("content").is_dir() {
        return refuse(
            text!("output_looks_like_a_site", path = &shown),
            text!("output_looks_like_a_site_help"),
        );
    }
    if output.exists() {
        if !output.is_dir() {
            return refuse(
                text!("output_is_a_file", path = &shown),
                text!("output_is_a_file_help"),
            );
        }
        if !has_marker(&output) && !is_empty_dir(&output) {
            return refuse(
                text!("output_not_ours", path = &shown),
                text!("output_not_ours_help"),
            );
        }
    }
    Ok(output)
}

/// A new site being written beside the output folder. Rendered files go
/// straight in (it is a [`Sink`]); [`Staging::commit`] swaps it into place.
/// Dropped without a commit, it removes itself and the output folder is
/// untouched.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    committed: bool,
    /// The output folder is a mount point (a Docker volume, say): it cannot
    /// be renamed or exchanged, so the site is staged inside it and its
    /// entries are swapped one by one.
    in_place: bool,
    /// `.<name>.cairn-lock` beside the output, locked by the operating
    /// system while this build runs: one build at a time. Held, never read.
    _lock: Lock,
}

/// A lock file held with an operating-system lock. Fields drop after
/// `Drop::drop`, so the file is removed while still locked.
#[derive(Debug)]
struct Lock {
    path: PathBuf,
    /// Locked while open; the kernel releases it when the process ends.
    _file: std::fs::File,
}

/// `action`: what was being done to `path`, as `output_io` selects it:
/// "create", "write_into", "move_aside", "move_into_place" or "write".
fn io_error(action: &str, path: &Path, err: io::Error) -> Diagnostic {
    // The help says what to do about this error, not about any error.
    let cause = match err.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "full",
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => "denied",
        io::ErrorKind::ResourceBusy => "busy",
        _ => "other",
    };
    Diagnostic::error(
        Code::Output,
        text!(
            "output_io",
            action = action,
            path = path.display().to_string(),
            error = err.to_string()
        ),
    )
    .with_help(text!("output_io_help", cause = cause))
}

impl Staging {
    /// Create the staging folder for `output` (already checked by
    /// [`check_output_dir`]), clearing what a killed build left behind.
    pub fn create(output: &Path) -> Result<Staging, Diagnostic> {
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let parent = output.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
        let lock = take_lock(parent, &name)?;
        let in_place = is_mount_point(output);
        let dir = if in_place {
            remove_leftovers(output, "");
            output.join(format!(".cairn-staging-{}", std::process::id()))
        } else {
            remove_leftovers(parent, &name);
            parent.join(format!(".{name}.cairn-staging-{}", std::process::id()))
        };
        let staging = Staging {
            dir,
            output: output.to_path_buf(),
            committed: false,
            in_place,
            _lock: lock,
        };
        std::fs::create_dir(&staging.dir).map_err(|e| io_error("create", &staging.dir, e))?;
        std::fs::write(staging.dir.join(MARKER), MARKER_TEXT)
            .map_err(|e| io_error("write_into", &staging.dir, e))?;
        Ok(staging)
    }

    /// Put the new site in place of the old one, atomically where the
    /// platform allows, then remove the old one.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        if self.in_place {
            return self.commit_in_place();
        }
        let output = self.output.clone();
        if output.exists() {
            if exchange(&self.dir, &output).is_ok() {
                // The staging path now holds the previous site: dropping `self` removes it.
                return Ok(());
            }
            let name = output
                .file_name()
                .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
            let old = output.with_file_name(format!(".{name}.cairn-old-{}", std::process::id()));
            std::fs::rename(&output, &old).map_err(|e| io_error("move_aside", &output, e))?;
            if let Err(err) = std::fs::rename(&self.dir, &output) {
                let _ = std::fs::rename(&old, &output);
                return Err(io_error("move_into_place", &output, err));
            }
            self.committed = true;
            let _ = remove_marked(&old);
        } else {
            std::fs::rename(&self.dir, &output)
                .map_err(|e| io_error("move_into_place", &output, e))?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Staging {
    /// Swap the new site into an output folder that is a mount point, entry
    /// by entry: each name the new site has is exchanged with the old one
    /// in one step (or moved in, when new), then the old site's other
    /// entries move out. At every moment each path holds a whole file of
    /// the old site or of the new; for the moments of the swap, some hold
    /// old and some new. The replaced entries end up in the staging folder,
    /// which is then removed.
    fn commit_in_place(mut self) -> Result<(), Diagnostic> {
        let output = self.output.clone();
        let staging_name = self.dir.file_name().map(|n| n.to_os_string());
        // The output becomes cairn's before anything moves, so that a build
        // killed half-way leaves a folder the next build may replace.
        std::fs::write(output.join(MARKER), MARKER_TEXT)
            .map_err(|e| io_error("write_into", &output, e))?;
        let names = |dir: &Path| -> Result<Vec<std::ffi::OsString>, Diagnostic> {
            let entries = std::fs::read_dir(dir).map_err(|e| io_error("write_into", dir, e))?;
            Ok(entries
                .filter_map(|e| e.ok().map(|e| e.file_name()))
                .filter(|n| n != MARKER && Some(n) != staging_name.as_ref())
                .collect())
        };
        let new = names(&self.dir)?;
        for name in &new {
            let (from, to) = (self.dir.join(name), output.join(name));
            let swapped = std::fs::symlink_metadata(&to).is_ok() && exchange(&from, &to).is_ok();
            if !swapped {
                if std::fs::symlink_metadata(&to).is_ok() {
                    // No exchange on this platform: move the old one out first.
                    let aside = self.dir.join(format!(".old-{}", name.to_string_lossy()));
                    std::fs::rename(&to, &aside).map_err(|e| io_error("move_aside", &to, e))?;
                }
                std::fs::rename(&from, &to).map_err(|e| io_error("move_into_place", &to, e))?;
            }
        }
        for name in names(&output)? {
            if !new.contains(&name) {
                let from = output.join(&name);
                std::fs::rename(&from, self.dir.join(&name))
                    .map_err(|e| io_error("move_aside", &from, e))?;
            }
        }
        // What the staging folder holds now is the old site's: it goes.
        self.committed = true;
        let _ = remove_marked(&self.dir);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_marked(&self.dir);
        }
    }
}

/// Take the output folder's lock, or say which lock file another build
/// holds. It is an operating-system lock on `.<name>.cairn-lock`, which the
/// kernel releases when its process ends, however it ends: a killed build
/// leaves nothing that blocks the next one, whatever process later gets
/// its id.
fn take_lock(parent: &Path, name: &str) -> Result<Lock, Diagnostic> {
    let path = parent.join(format!(".{name}.cairn-lock"));
    let failed = || {
        Diagnostic::error(
            Code::Output,
            text!("output_lock_failed", path = path.display().to_string()),
        )
        .with_help(text!("output_lock_failed_help"))
    };
    // A build that finishes removes the file before it unlocks it; one that
    // opened the file just before then locks a file that is gone, sees it,
    // and tries again with the path's new file.
    for _ in 0..8 {
        let file = open_lock_file(&path).map_err(|err| {
            if is_link(&path) {
                Diagnostic::error(
                    Code::Output,
                    text!("output_lock_is_link", path = path.display().to_string()),
                )
                .with_help(text!("output_lock_is_link_help"))
            } else {
                io_error("create", &path, err)
            }
        })?;
        match file.try_lock() {
            Ok(()) if is_still_at(&file, &path) => return Ok(Lock { path, _file: file }),
            Ok(()) => continue,
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Diagnostic::error(
                    Code::Output,
                    text!("output_locked", path = path.display().to_string()),
                )
                .with_help(text!("output_locked_help")));
            }
            Err(std::fs::TryLockError::Error(_)) => return Err(failed()),
        }
    }
    Err(failed())
}

/// Open (or create) the lock file, never through a symbolic link: a link
/// planted at its name, dangling or not, would have the build create or
/// lock a file anywhere the link points.
fn open_lock_file(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether `file` is still the file at `path` (not removed or replaced
/// since it was opened).
fn is_still_at(file: &std::fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // The lock file is never removed there (see `Lock::release`).
        let _ = (file, path);
        true
    }
}

impl Drop for Lock {
    /// Remove the lock file; its handle closes right after, which unlocks
    /// it. The next build finds no lock file, and a build that opened it
    /// meanwhile sees that it is gone. Where a file cannot be told from its
    /// path's new file (outside Unix), the file stays and is only unlocked.
    fn drop(&mut self) {
        if cfg!(unix) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        if !is_safe_relative(&file.path) {
            return Err(Diagnostic::error(
                Code::Output,
                text!("output_outside", path = &file.path),
            )
            .with_help(text!("output_outside_help")));
        }
        let target = self.dir.join(&file.path);
        let write = || -> io::Result<()> {
            match &file.contents {
                Contents::Bytes(bytes) => std::fs::write(&target, bytes),
                Contents::Static(bytes) => std::fs::write(&target, bytes),
                Contents::Copy(source) => std::fs::copy(source, &target).map(drop),
            }
        };
        // Most files go into a folder an earlier one made: try first, and
        // make the folder only when it is missing. Two syscalls fewer per
        // file than making sure each time, on tens of thousands of files.
        let written = match write() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| write()),
            other => other,
        };
        written.map_err(|e| io_error("write", &target, e))
    }
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

/// Whether `output` is a mount point: a folder on another file system
/// than the folder holding it, which cannot be renamed.
fn is_mount_point(output: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let parent = output.parent().unwrap_or(Path::new("/"));
        match (std::fs::metadata(output), std::fs::metadata(parent)) {
            (Ok(folder), Ok(holder)) => folder.is_dir() && folder.dev() != holder.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = output;
        false
    }
}

/// Remove staging and old folders a killed build left behind (ours only):
/// `.<name>.cairn-staging-…` in `parent`, or, for an output folder that is
/// a mount point, `.cairn-staging-…` inside it (`name` empty). Called with
/// the lock held: no other build of this output runs, so whatever a build
/// of it left here belongs to a build that ended.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefixes = if name.is_empty() {
        [".cairn-staging-".to_string(), ".cairn-old-".to_string()]
    } else {
        [
            format!(".{name}.cairn-staging-"),
            format!(".{name}.cairn-old-"),
        ]
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str()))
            && is_own_folder(parent, &entry.path())
        {
            let _ = remove_marked(&entry.path());
        }
    }
}

/// Whether `path` is a real folder (not a symbolic link to one, which a
/// repository can carry under a leftover's name) on the same device as the
/// folder `parent` that holds it: only such a folder can be one a build
/// left there.
fn is_own_folder(parent: &Path, path: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.file_type().is_dir() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(parent).is_ok_and(|holder| holder.dev() == meta.dev())
    }
    #[cfg(not(unix))]
    {
        let _ = parent;
        true
    }
}

/// Whether `dir` carries cairn's marker: a file of its own, never a
/// symbolic link (which anyone could point at any file to make a folder
/// look like cairn's, and have it deleted).
fn has_marker(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.file_type().is_file())
}

/// Delete `dir` only if cairn made it. A symbolic link is never followed:
/// what it points at is not cairn's to empty.
fn remove_marked(dir: &Path) -> io::Result<()> {
    let is_real_folder = std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_dir());
    if !is_real_folder {
        return Ok(());
    }
    if has_marker(dir) {
        // Two levels deep in parallel (a large site is thousands of page
        // folders under workshops/); the marker goes last, so a folder
        // half-removed by a kill is still recognised as ours next time.
        use rayon::prelude::*;
        // Entries with their own type: a symbolic link is removed as a link,
        // never followed (what it points at is not cairn's to delete).
        let children = |dir: &Path| -> Vec<(PathBuf, bool)> {
            std::fs::read_dir(dir)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok())
                        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
                        .collect()
                })
                .unwrap_or_default()
        };
        let second_level: Vec<(PathBuf, bool)> = children(dir)
            .into_iter()
            .filter(|(p, _)| !p.ends_with(MARKER))
            .flat_map(|(p, is_dir)| {
                if is_dir {
                    children(&p)
                } else {
                    vec![(p, false)]
                }
            })
            .collect();
        second_level.par_iter().for_each(|(path, is_dir)| {
            let _ = if *is_dir {
                std::fs::remove_dir_all(path)
            } else {
                std::fs::remove_file(path)
            };
        });
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
