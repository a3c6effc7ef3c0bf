//! `cairn translations`: which translations are current, and marking them
//! current once someone has reviewed them, written in place without ever
//! following a link out of the site.

use crate::diagnostics::{Code, Diagnostic};
use crate::text;
use crate::{Failure, Resolved, SiteOptions, catalogue, content};
use std::path::{Path, PathBuf};

/// Where one page stands in one language: what `cairn translations` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslationState {
    /// Made from the original's current words.
    Current,
    /// Made from words the original no longer has (W009).
    Stale,
    /// Translated, but with no `translated_from` to tell.
    Unmarked,
    /// Not translated yet (W008).
    Missing,
}

impl TranslationState {
    pub fn name(self) -> &'static str {
        match self {
            TranslationState::Current => "current",
            TranslationState::Stale => "stale",
            TranslationState::Unmarked => "unmarked",
            TranslationState::Missing => "missing",
        }
    }
}

/// Every page's state in every language besides the default, as
/// (language tag, the original's file relative to `content/`, state), in
/// language then path order.
pub fn translation_states(resolved: &Resolved) -> Vec<(String, String, TranslationState)> {
    let catalogue = &resolved.catalogue;
    let mut states = Vec::new();
    for language in catalogue.config.other_languages() {
        for (id, doc) in catalogue.entities() {
            let key = (id, language.tag.clone());
            let state = match catalogue.translations.get(&key) {
                None => TranslationState::Missing,
                Some(translation) => match &translation.translated_from {
                    None => TranslationState::Unmarked,
                    Some(from) if from.value == catalogue::words_fingerprint(doc) => {
                        TranslationState::Current
                    }
                    Some(_) => TranslationState::Stale,
                },
            };
            let file = doc.source.path.trim_start_matches("content/").to_string();
            states.push((language.tag.clone(), file, state));
        }
    }
    states
}

/// `cairn translations --mark-current FILE`: record in each translation
/// `files` names that it is made from its original's current words
/// (`translated_from`), editing only that line of its front matter. The
/// files are named as the user sees them, from the working folder. Returns
/// the files marked, as the diagnostics name them.
pub fn mark_translations_current(
    options: &SiteOptions,
    resolved: &Resolved,
    files: &[PathBuf],
) -> Result<Vec<String>, Failure> {
    let catalogue = &resolved.catalogue;
    // Every file is found before any is written: one that is no
    // translation leaves them all as they were.
    let by_path: std::collections::HashMap<PathBuf, (catalogue::Id, &content::Translation)> =
        catalogue
            .translations
            .iter()
            .filter_map(|((id, _), t)| {
                let path = options.root.join(&t.source.path).canonicalize().ok()?;
                Some((path, (*id, t)))
            })
            .collect();
    let mut found = Vec::new();
    for file in files {
        let is_link = std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && let Err(outside) = translation_in_content(&options.root, file) {
            return Err(links_out(file, &outside));
        }
        let known = file.canonicalize().ok().and_then(|path| by_path.get(&path));
        let Some(&(id, translation)) = known else {
            return Err(Failure::CannotRun(
                Diagnostic::error(
                    Code::InvalidValue,
                    text!("not_a_translation", file = file.display().to_string()),
                )
                .with_help(text!("not_a_translation_help")),
            ));
        };
        let path = options.root.join(&translation.source.path);
        let target = translation_in_content(&options.root, &path)
            .map_err(|outside| links_out(&path, &outside))?;
        found.push((id, translation, target));
    }
    let mut marked = Vec::new();
    for (id, translation, target) in found {
        let id = &id;
        let fingerprint = catalogue::words_fingerprint(&catalogue[*id]);
        let text = &translation.source.text;
        let updated = match &translation.translated_from {
            Some(from) => format!(
                "{}\"{fingerprint}\"{}",
                &text[..from.span.start],
                &text[from.span.end..]
            ),
            None => {
                // Right after the opening `+++` line, ending as the file's
                // lines end.
                let after_fence = text.find('\n').map_or(text.len(), |i| i + 1);
                let newline = if text[..after_fence].ends_with("\r\n") {
                    "\r\n"
                } else {
                    "\n"
                };
                format!(
                    "{}translated_from = \"{fingerprint}\"{newline}{}",
                    &text[..after_fence],
                    &text[after_fence..]
                )
            }
        };
        let path = options.root.join(&translation.source.path);
        let cannot_write = |err: std::io::Error| {
            Failure::CannotRun(
                Diagnostic::error(
                    Code::Output,
                    text!(
                        "cannot_write",
                        path = path.display().to_string(),
                        error = err.to_string()
                    ),
                )
                .with_help(text!("cannot_write_help")),
            )
        };
        replace_file(&target, updated.as_bytes()).map_err(cannot_write)?;
        marked.push(translation.source.path.clone());
    }
    Ok(marked)
}

fn links_out(path: &Path, outside: &Path) -> Failure {
    Failure::CannotRun(
        Diagnostic::error(
            Code::Output,
            text!(
                "translation_links_out",
                path = path.display().to_string(),
                target = outside.display().to_string()
            ),
        )
        .with_help(text!("translation_links_out_help")),
    )
}

/// Where a translation's file really is, when that is inside `content/`:
/// a file that is a symbolic link out of the site (a repository can carry
/// one) is refused rather than edited. A link inside `content/` is edited
/// at its target, so the link stays a link.
fn translation_in_content(root: &Path, path: &Path) -> Result<PathBuf, PathBuf> {
    let real = path.canonicalize().map_err(|_| path.to_path_buf())?;
    let content = root
        .join("content")
        .canonicalize()
        .map_err(|_| real.clone())?;
    if real.starts_with(&content) {
        Ok(real)
    } else {
        Err(real)
    }
}

/// Replace the file at `path` with `bytes` in one step: written first to a
/// fresh temporary file beside it, created exclusively (`O_EXCL`, so a
/// name planted in the folder, a symbolic link say, is never written
/// through), with the file's permissions, then renamed over it. A failure
/// at any point leaves the file as it was and no temporary file behind.
fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let folder = path.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)?.permissions();
    let mut staged = tempfile::Builder::new()
        .prefix(".cairn-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    staged.write_all(bytes)?;
    staged.as_file().set_permissions(permissions)?;
    staged.as_file().sync_all()?;
    staged.persist(path).map_err(|err| err.error)?;
    Ok(())
}
