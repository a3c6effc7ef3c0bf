//! The load stage: walk `content/`, read every file, split its front matter,
//! type its fields and render its Markdown.
//!
//! Input: the site root. Output: [`Content`], plain data with a span on every
//! value, and the diagnostics found on the way. Files are read and parsed in
//! parallel; the result is in path order whatever the scheduling.

pub(crate) mod fields;
pub mod frontmatter;
pub mod markdown;
pub mod model;
mod raw_html;

pub use model::*;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::Arg;
use crate::source::SourceFile;
use crate::text;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Everything found under `content/`.
#[derive(Debug, Default)]
pub struct Content {
    /// Markdown files, in path order.
    pub documents: Vec<Document>,
    /// Other files (images, PDFs), copied to the output at the same path.
    pub assets: Vec<Asset>,
    /// Stems of Markdown files that could not be read or typed: their own
    /// diagnostics explain them, so references to them are not reported again.
    pub failed_ids: Vec<String>,
    /// Translations (`level-1.fr.md`), in path order.
    pub translations: Vec<Translation>,
    /// Paths (as documents have them) of the files that failed to load,
    /// whose translations are then not reported again.
    pub failed_paths: Vec<String>,
}

/// A non-Markdown file under `content/`.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Relative to `content/`, with `/` separators.
    pub path: String,
    pub source: PathBuf,
}

/// Load `root/content`. Problems become diagnostics; a file that cannot be
/// read is skipped, never fatal to the others. `search_words`: keep each
/// body's words as plain text too (`Body::words`), which only a search
/// index reads.
pub fn load(root: &Path, search_words: bool) -> (Content, Diagnostics) {
    let content_dir = root.join("content");
    let mut diags = Diagnostics::default();
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    if !content_dir.is_dir() {
        diags.push(
            Diagnostic::error(Code::UnreadableFile, text!("no_content_folder"))
                .with_help(text!("no_content_folder_help")),
        );
        return (Content::default(), diags);
    }
    for entry in walkdir::WalkDir::new(&content_dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| "content".into());
                diags.push(
                    Diagnostic::error(
                        Code::UnreadableFile,
                        text!("cannot_read", path = &path, error = err.to_string()),
                    )
                    .in_file(&path)
                    .with_help(text!("cannot_read_folder_help")),
                );
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let rel = relative(&content_dir, entry.path());
        if name.to_ascii_lowercase().ends_with(".md") {
            markdown.push((rel, entry.into_path()));
        } else {
            assets.push(Asset {
                path: rel,
                source: entry.into_path(),
            });
        }
    }

    // `level-1.fr.md`: a translation, not a document of its own.
    let (translated, markdown): (Vec<_>, Vec<_>) = markdown
        .into_iter()
        .partition(|(rel, _)| translation_of(rel).is_some());
    let translations: Vec<(Option<Translation>, Diagnostics)> = translated
        .par_iter()
        .map(|(rel, path)| load_translation(rel, path, search_words))
        .collect();
    let mut loaded_translations = Vec::new();
    for (translation, file_diags) in translations {
        diags.extend(file_diags);
        loaded_translations.extend(translation);
    }
    // In small pieces, so that the cores finish together (see render).
    let results: Vec<(Option<Document>, Diagnostics)> = markdown
        .par_iter()
        .with_max_len(32)
        .map(|(rel, path)| load_file(rel, path, search_words))
        .collect();
    let mut documents = Vec::with_capacity(results.len());
    let mut failed_ids = Vec::new();
    let mut failed_paths = Vec::new();
    for ((rel, _), (document, file_diags)) in markdown.iter().zip(results) {
        diags.extend(file_diags);
        match document {
            Some(document) => documents.push(document),
            None => {
                let location = Location::of(rel);
                failed_paths.push(location.path);
                failed_ids.push(location.id);
            }
        }
    }
    (
        Content {
            documents,
            assets,
            failed_ids,
            translations: loaded_translations,
            failed_paths,
        },
        diags,
    )
}

/// A path relative to `base`, with `/` separators whatever the platform.
pub(crate) fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `levels/level-1.fr.md` -> (`levels/level-1.md`, `fr`): the original a
/// file translates and the language, when the part of its name before
/// `.md` ends in a language tag.
pub(crate) fn translation_of(rel: &str) -> Option<(String, &str)> {
    let without_ext = rel.strip_suffix(".md")?;
    let (stem, tag) = without_ext.rsplit_once('.')?;
    if tag.contains('/') || !crate::config::is_language_tag(tag) {
        return None;
    }
    Some((format!("{stem}.md"), tag))
}

/// Read a translation: its words, and an error for anything else.
fn load_translation(
    rel: &str,
    path: &Path,
    search_words: bool,
) -> (Option<Translation>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let Some((original, lang)) = translation_of(rel) else {
        return (None, diags);
    };
    let file = match read_source(rel, path) {
        Ok(file) => file,
        Err(diagnostic) => {
            diags.push(diagnostic);
            return (None, diags);
        }
    };
    let parts = match frontmatter::split(&file) {
        Ok(parts) => parts,
        Err(diagnostic) => {
            diags.push(diagnostic);
            return (None, diags);
        }
    };
    let location = Location::of(&original);
    let body = markdown::render(
        &file.text[parts.body.clone()],
        parts.body.start,
        search_words,
    );
    let front = &file.text[parts.front_matter.clone()];
    let words = fields::read_translation(&file, front, parts.front_matter.start, &mut diags);
    let translation = words.map(|words| Translation {
        lang: lang.to_string(),
        kind: location.kind,
        path: location.path,
        is_index: location.is_index,
        source: file.clone(),
        title: words.title,
        title_lang: words.title_lang,
        summary: words.summary,
        body,
        words: words.words,
        word_forms: words.word_forms,
        translated_from: words.translated_from,
        extra_keys: words.extra_keys,
    });
    (translation, diags)
}

/// A file's text as a [`SourceFile`] named `content/<rel>`, or why it
/// cannot be read.
fn read_source(rel: &str, path: &Path) -> Result<SourceFile, Diagnostic> {
    let display = format!("content/{rel}");
    let bytes = std::fs::read(path).map_err(|err| {
        Diagnostic::error(
            Code::UnreadableFile,
            text!("cannot_read_this_file", error = err.to_string()),
        )
        .in_file(&display)
        .with_help(text!("cannot_read_file_help"))
    })?;
    String::from_utf8(bytes)
        .map(|text| SourceFile::new(display.clone(), text))
        .map_err(|err| {
            let offset = err.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let file = SourceFile::new(display.clone(), lossy);
            Diagnostic::error(Code::UnreadableFile, text!("file_not_utf8"))
                .at(
                    &file,
                    offset..offset + char::REPLACEMENT_CHARACTER.len_utf8(),
                )
                .with_help(text!("file_not_utf8_help"))
        })
}

/// Read and type one Markdown file. `rel` is relative to `content/`.
fn load_file(rel: &str, path: &Path, search_words: bool) -> (Option<Document>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let display = format!("content/{rel}");
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diags.push(
                Diagnostic::error(
                    Code::UnreadableFile,
                    text!("cannot_read_this_file", error = err.to_string()),
                )
                .in_file(&display)
                .with_help(text!("cannot_read_file_help")),
            );
            return (None, diags);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let file = SourceFile::new(display, lossy);
            diags.push(
                Diagnostic::error(Code::UnreadableFile, text!("file_not_utf8"))
                    .at(
                        &file,
                        offset..offset + char::REPLACEMENT_CHARACTER.len_utf8(),
                    )
                    .with_help(text!("file_not_utf8_help")),
            );
            return (None, diags);
        }
    };
    let file = SourceFile::new(display, text);
    let location = Location::of(rel);
    let parts = match frontmatter::split(&file) {
        Ok(parts) => parts,
        Err(diagnostic) => {
            diags.push(diagnostic);
            return (None, diags);
        }
    };
    if location.is_index && location.kind != Kind::Page && location.path != location.kind.folder() {
        let folder = location.kind.folder();
        diags.push(
            Diagnostic::error(
                Code::InvalidId,
                text!("index_in_subfolder", folder = folder),
            )
            .in_file(&file.path)
            .with_help(text!("index_in_subfolder_help", folder = folder)),
        );
        return (None, diags);
    }
    if !location.is_index && !is_valid_id(&location.id) {
        let suggestion = markdown::slugify(&location.id)
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>();
        let suggestion = if suggestion.is_empty() {
            text!("example_file_stem").into()
        } else {
            Arg::from(suggestion)
        };
        diags.push(
            Diagnostic::error(Code::InvalidId, text!("invalid_id", id = &location.id))
                .in_file(&file.path)
                .with_help(text!("invalid_id_help", suggestion = suggestion)),
        );
    }
    let body_text = &file.text[parts.body.clone()];
    let body = markdown::render(body_text, parts.body.start, search_words);
    let front = &file.text[parts.front_matter.clone()];
    let typed = fields::read(
        &file,
        front,
        parts.front_matter.start,
        location.kind,
        location.is_index,
        &mut diags,
    );
    let document = typed.map(|(common, details)| Document {
        id: location.id,
        kind: location.kind,
        path: location.path,
        is_index: location.is_index,
        source: file.clone(),
        common,
        body,
        details,
    });
    (document, diags)
}

/// What a file's place under `content/` says about it.
struct Location {
    id: String,
    kind: Kind,
    path: String,
    is_index: bool,
}

impl Location {
    fn of(rel: &str) -> Location {
        let without_ext = rel
            .get(..rel.len().saturating_sub(3))
            .filter(|_| rel.to_ascii_lowercase().ends_with(".md"))
            .unwrap_or(rel);
        let (folder, stem) = match without_ext.rsplit_once('/') {
            Some((folder, stem)) => (folder, stem),
            None => ("", without_ext),
        };
        let top = folder.split('/').next().unwrap_or("");
        let kind = Kind::from_folder(top).unwrap_or(Kind::Page);
        let is_index = stem == "_index";
        let path = if is_index {
            folder.to_string()
        } else if kind == Kind::Page {
            without_ext.to_string()
        } else {
            format!("{}/{stem}", kind.folder())
        };
        Location {
            id: if is_index {
                String::new()
            } else {
                stem.to_string()
            },
            kind,
            path,
            is_index,
        }
    }
}

/// Ids are file stems of `[a-z0-9-]+`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_decide_kind_and_path() {
        let level = Location::of("levels/level-2.md");
        assert_eq!(
            (level.kind, level.id.as_str(), level.path.as_str()),
            (Kind::Level, "level-2", "levels/level-2")
        );
        let nested = Location::of("workshops/level-2/consent.md");
        assert_eq!(
            (nested.kind, nested.path.as_str()),
            (Kind::Workshop, "workshops/consent")
        );
        let home = Location::of("_index.md");
        assert!(home.is_index && home.path.is_empty() && home.kind == Kind::Page);
        let listing = Location::of("levels/_index.md");
        assert!(listing.is_index && listing.kind == Kind::Level && listing.path == "levels");
        let page = Location::of("help/faq.md");
        assert_eq!((page.kind, page.path.as_str()), (Kind::Page, "help/faq"));
    }

    #[test]
    fn ids_are_lowercase_ascii() {
        assert!(is_valid_id("level-2"));
        assert!(!is_valid_id("Level 2"));
        assert!(!is_valid_id("café"));
        assert!(!is_valid_id(""));
    }
}
