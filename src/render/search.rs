//! The search index: one Pagefind index per language, written to that
//! language's `pagefind/` folder.
//!
//! Pagefind splits an index into small chunks and a fragment per page, so
//! a query fetches a few kilobytes of a large index; its browser script
//! and WebAssembly come with the crate. Records are made from the
//! catalogue's words (title, summary, body, a workshop's level, topics and
//! audience), not from the rendered HTML: Pagefind would otherwise parse
//! every page again, which measured slower than rendering them
//! (docs/performance.md).

use super::{Contents, OutputFile, Site};
use crate::catalogue::Id;
use crate::content::Kind;
use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Messages;
use crate::routes::{Page, Route};
use crate::text;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// One searchable page: where it is, what it is called, its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Site-relative, with the base path: what a result links to.
    pub url: String,
    pub title: String,
    /// What kind of page it is, in the page's language ("Workshop").
    pub kind: String,
    /// Its summary, shown under its title among the results.
    pub summary: Option<String>,
    pub words: String,
}

/// The files of Pagefind's bundle that cairn's own search page does not
/// use: Pagefind's ready-made interfaces, which would only take space.
const UNUSED: [&str; 5] = [
    "pagefind-ui.",
    "pagefind-component-ui.",
    "pagefind-modular-ui.",
    "pagefind-highlight.",
    "playground/",
];

/// Every page of `site` worth finding: each document's page, and the
/// checklist. Listings, the handbook (every page again) and the home page
/// (the pathways' titles) would only repeat other results.
pub fn records(site: Site<'_>, messages: &Messages) -> Vec<Record> {
    let base_path = site.routes.base_path();
    site.routes
        .pages()
        .filter_map(|(route, page)| match page {
            Page::Document(id) => Some(document_record(site, messages, route, id, base_path)),
            Page::Checklist => Some(Record {
                url: route.url(base_path),
                title: site
                    .catalogue
                    .config
                    .checklist
                    .title
                    .clone()
                    .unwrap_or_else(|| messages.word("nav_checklist").into_owned()),
                kind: messages.word("search_kind_checklist").into_owned(),
                summary: None,
                words: site
                    .catalogue
                    .config
                    .checklist
                    .intro
                    .clone()
                    .unwrap_or_default(),
            }),
            _ => None,
        })
        .collect()
}

fn document_record(
    site: Site<'_>,
    messages: &Messages,
    route: &Route,
    id: Id,
    base_path: &str,
) -> Record {
    let catalogue = site.catalogue;
    let doc = &catalogue[id];
    let mut words = String::new();
    // Parts apart as sentences: a full stop, unless one ends the last
    // already ("respectées. Niveau 2", never "respectées.. Niveau 2").
    let mut add = |text: &str| {
        if !text.is_empty() {
            if words.ends_with(['.', '!', '?', '…']) {
                words.push(' ');
            } else if !words.is_empty() {
                words.push_str(". ");
            }
            words.push_str(text);
        }
    };
    if let Some(summary) = &doc.common.summary {
        add(summary);
    }
    if let Some(workshop) = doc.as_workshop() {
        if let Some(level) = &workshop.level {
            add(&catalogue[level.id].common.title.value);
        }
        add(&workshop.topics.join(", "));
        add(&workshop.audience.join(", "));
    }
    add(&doc.body.words);
    Record {
        url: route.url(base_path),
        title: doc.common.title.value.clone(),
        kind: messages.word(kind_word(doc.kind)).into_owned(),
        summary: doc.common.summary.clone(),
        words,
    }
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Pathway => "search_kind_pathway",
        Kind::Level => "search_kind_level",
        Kind::Workshop => "search_kind_workshop",
        Kind::Requirement => "search_kind_requirement",
        Kind::Credential => "search_kind_credential",
        Kind::Page => "search_kind_page",
    }
}

/// Pagefind's bundle for `records` in language `lang`, as files under
/// `folder` (`pagefind/`, `fr/pagefind/`). Pagefind reads the words with
/// the stemmer of `lang` ("ateliers" finds "atelier").
///
/// `None` when `stop` was set while records were being added: the build
/// failed elsewhere, and its errors should not wait for an index nobody
/// will write (adding 10,000 records takes seconds).
pub fn bundle(
    records: Vec<Record>,
    lang: &str,
    folder: &str,
    stop: &AtomicBool,
) -> Result<Option<Vec<OutputFile>>, Diagnostic> {
    let failed = |error: String| failed(lang, error);
    // Pagefind's API is async; a runtime of one thread here keeps it off
    // the rendering threads' pool.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|err| failed(err.to_string()))?;
    let language = primary_subtag(lang);
    let files = runtime
        .block_on(async {
            let options = pagefind::options::PagefindServiceConfig::builder()
                .force_language(language.clone())
                .build();
            let mut index = pagefind::api::PagefindIndex::new(Some(options))?;
            for record in records {
                if stop.load(Ordering::Relaxed) {
                    return Ok(None);
                }
                let mut meta = BTreeMap::from([
                    ("title".to_string(), record.title),
                    ("kind".to_string(), record.kind),
                ]);
                if let Some(summary) = record.summary {
                    meta.insert("summary".to_string(), summary);
                }
                index
                    .add_custom_record(
                        record.url,
                        record.words,
                        language.clone(),
                        Some(meta),
                        None,
                        None,
                    )
                    .await?;
            }
            index.get_files().await.map(Some)
        })
        .map_err(|err| failed(format!("{err:#}")))?;
    let Some(files) = files else {
        return Ok(None);
    };
    let mut files: Vec<OutputFile> = files
        .into_iter()
        .filter_map(|file| {
            let name = file.filename.to_string_lossy().replace('\\', "/");
            if UNUSED.iter().any(|unused| name.starts_with(unused)) {
                return None;
            }
            Some(OutputFile {
                path: format!("{folder}{name}"),
                contents: Contents::Bytes(file.contents),
            })
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Some(files))
}

/// The search index of language `lang` could not be built: Pagefind's
/// words, and how to build the site meanwhile.
pub fn failed(lang: &str, error: String) -> Diagnostic {
    Diagnostic::error(
        Code::Output,
        text!("search_index_failed", lang = lang, error = error),
    )
    .with_help(text!("search_index_failed_help"))
}

/// Pagefind knows languages by their primary subtag: `fr-CA` is read as `fr`.
fn primary_subtag(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or(lang)
        .to_ascii_lowercase()
}

/// The route of `site`'s search index, when search is on.
pub fn index_route(site: Site<'_>) -> Option<&Route> {
    site.routes.search_index()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regional_tag_is_read_by_its_language() {
        assert_eq!(primary_subtag("fr-CA"), "fr");
        assert_eq!(primary_subtag("EN"), "en");
    }

    #[test]
    fn a_bundle_asked_to_stop_adds_nothing_and_gives_nothing() {
        let record = |n: usize| Record {
            url: format!("/workshops/w{n}/"),
            title: format!("Workshop {n}"),
            kind: "Workshop".into(),
            summary: None,
            words: "Consent before choreography.".into(),
        };
        let stopped = bundle(
            (0..3).map(record).collect(),
            "en",
            "pagefind/",
            &AtomicBool::new(true),
        );
        assert!(matches!(stopped, Ok(None)), "{stopped:?}");
    }

    #[test]
    fn a_bundle_has_pagefind_and_an_index_but_none_of_its_ready_made_interfaces() {
        let records = vec![Record {
            url: "/workshops/consent/".into(),
            title: "Consent practices".into(),
            kind: "Workshop".into(),
            summary: None,
            words: "Consent before choreography, every time.".into(),
        }];
        let files = bundle(records, "en", "pagefind/", &AtomicBool::new(false))
            .expect("a bundle")
            .expect("not stopped");
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        for wanted in [
            "pagefind/pagefind.js",
            "pagefind/pagefind-entry.json",
            "pagefind/pagefind-worker.js",
        ] {
            assert!(names.contains(&wanted), "{wanted} in {names:?}");
        }
        assert!(names.iter().any(|n| n.starts_with("pagefind/fragment/")));
        assert!(names.iter().any(|n| n.starts_with("pagefind/index/")));
        assert!(names.iter().any(|n| n.starts_with("pagefind/wasm.en")));
        assert!(!names.iter().any(|n| n.contains("-ui.")), "{names:?}");
    }
}
