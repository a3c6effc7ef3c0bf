//! What every page shares (`site`, `t`, `urls`, `nav`), and the pages that
//! are the site's own rather than a document's: the handbook and search.

use super::{Validity, Views, rule_value, word_link};
use crate::catalogue::{Id, Ref};
use crate::config::Config;
use crate::content::Kind;
use crate::messages::{Messages, Word};
use crate::phrases::Phrases;
use crate::routes::{DataFile, Page, Routes};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// `site`: site.toml as written, with the path the site is served under
/// and the language of this edition.
#[derive(Serialize)]
pub struct SiteView<'a> {
    #[serde(flatten)]
    pub config: &'a Config,
    pub base_path: &'a str,
    /// Written after the configuration's own `language`, which it
    /// replaces: an edition's language is its messages'.
    pub language: &'a str,
}

/// `t`: every message that needs no variable, by id. Pages read it a few
/// dozen times each, so its words are made into template values once and
/// found by hash.
#[derive(Debug)]
pub struct TemplateWords {
    by_id: rustc_hash::FxHashMap<Arc<str>, minijinja::Value>,
    /// In id order, so that a loop over `t` is the same on every run.
    ids: Vec<minijinja::Value>,
}

impl TemplateWords {
    pub fn new(messages: &Messages) -> TemplateWords {
        let plain = messages.plain_messages();
        TemplateWords {
            by_id: plain
                .iter()
                .map(|(id, text)| {
                    (
                        Arc::from(id.as_str()),
                        minijinja::Value::from(text.as_str()),
                    )
                })
                .collect(),
            ids: plain
                .keys()
                .map(|id| minijinja::Value::from(id.as_str()))
                .collect(),
        }
    }
}

impl minijinja::value::Object for TemplateWords {
    fn get_value(self: &Arc<Self>, key: &minijinja::Value) -> Option<minijinja::Value> {
        self.by_id.get(key.as_str()?).cloned()
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<minijinja::Value> {
        self.by_id.get(key).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Values(self.ids.clone())
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(self.ids.len())
    }
}

/// `urls`: the addresses every page links to, from the route table.
#[derive(Serialize)]
pub struct Urls {
    home: Option<String>,
    checklist: Option<String>,
    handbook: Option<String>,
    search: Option<String>,
    /// catalogue.json.
    catalogue: Option<String>,
    sitemap: Option<String>,
    feed: Option<String>,
    checklist_rules: Option<String>,
    /// By kind folder.
    listings: BTreeMap<&'static str, String>,
}

pub fn urls(routes: &Routes) -> Urls {
    Urls {
        home: routes.page_url(Page::Home),
        checklist: routes.page_url(Page::Checklist),
        handbook: routes.page_url(Page::Handbook),
        search: routes.page_url(Page::Search),
        catalogue: routes.data_url(DataFile::CatalogueJson),
        sitemap: routes.data_url(DataFile::SitemapXml),
        feed: routes.data_url(DataFile::OfferingsFeed),
        checklist_rules: routes.data_url(DataFile::ChecklistRules),
        listings: Kind::CATALOGUE
            .into_iter()
            .filter_map(|kind| Some((kind.folder(), routes.page_url(Page::Listing(kind))?)))
            .collect(),
    }
}

/// An entry of the main navigation.
#[derive(Serialize)]
pub struct NavItem {
    key: &'static str,
    title: String,
    url: String,
}

/// The main navigation: each catalogue kind that has entries, the checklist.
pub fn nav(phrases: &Phrases<'_>) -> Vec<NavItem> {
    let messages = phrases.messages;
    let url = |page: Page| phrases.routes.page_url(page).unwrap_or_default();
    let mut items: Vec<NavItem> = Kind::CATALOGUE
        .into_iter()
        .filter(|&kind| phrases.catalogue.has_kind(kind))
        .map(|kind| NavItem {
            key: kind.folder(),
            title: messages.text(&format!("listing_{}", kind.folder()), &[]),
            url: url(Page::Listing(kind)),
        })
        .collect();
    items.push(NavItem {
        key: "checklist",
        title: messages.text("nav_checklist", &[]),
        url: url(Page::Checklist),
    });
    items
}

/// What the search page's script needs: where this language's index is,
/// and its words for the results.
#[derive(Serialize)]
pub struct SearchPage {
    index: Option<String>,
    /// "1 result for {query}" and "{count} results for {query}": each
    /// plural form as a template, which the script picks with
    /// `Intl.PluralRules` and fills.
    one: String,
    other: String,
    none: String,
    listings: Vec<TitledLink>,
}

#[derive(Serialize)]
pub(super) struct TitledLink {
    title: String,
    url: String,
}

/// The whole catalogue for the handbook page: every pathway with its
/// levels (their rules in words), then every workshop, requirement and
/// credential, each with `anchor`, its section's id.
#[derive(Serialize)]
pub struct Handbook<'a> {
    pathways: Vec<HandbookEntry<'a, HandbookPathway<'a>>>,
    workshops: Vec<HandbookEntry<'a, Option<HandbookWorkshop>>>,
    requirements: Vec<HandbookEntry<'a, HandbookRequirement>>,
    credentials: Vec<HandbookEntry<'a, HandbookRequirement>>,
}

#[derive(Serialize)]
pub(super) struct HandbookEntry<'a, T> {
    anchor: String,
    title: &'a str,
    summary: Option<&'a str>,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    words_lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_lang: Option<&'a str>,
    #[serde(flatten)]
    details: T,
}

#[derive(Serialize)]
pub(super) struct HandbookPathway<'a> {
    levels: Vec<HandbookEntry<'a, Option<HandbookLevel>>>,
}

#[derive(Serialize)]
pub(super) struct HandbookLevel {
    requires: minijinja::Value,
    completion: minijinja::Value,
    awards: Option<Word>,
}

#[derive(Serialize)]
pub(super) struct HandbookWorkshop {
    level: Option<Word>,
    requires: minijinja::Value,
}

#[derive(Serialize)]
pub(super) struct HandbookRequirement {
    valid_for: Option<Validity>,
}

impl<'a> Views<'a> {
    fn handbook_entry<T>(&self, phrases: &Phrases<'_>, id: Id, details: T) -> HandbookEntry<'a, T> {
        let doc = &self.catalogue[id];
        HandbookEntry {
            anchor: phrases.anchor(id),
            title: &doc.common.title.value,
            summary: doc.common.summary.as_deref(),
            url: self.phrases.url(id),
            words_lang: doc.common.words_lang.as_deref(),
            title_lang: doc.common.title_language(),
            details,
        }
    }

    pub fn search_page(&self) -> SearchPage {
        let messages = self.messages();
        let routes = self.phrases.routes;
        let (one, other) = super::plural_templates(messages, "search_results", &["query"]);
        SearchPage {
            index: routes
                .search_index()
                .map(|route| route.url(routes.base_path())),
            one,
            other,
            none: messages.text("search_none", &[("query", "{query}".into())]),
            listings: Kind::CATALOGUE
                .into_iter()
                .filter_map(|kind| {
                    Some(TitledLink {
                        url: routes.page_url(Page::Listing(kind))?,
                        title: messages.text(&format!("listing_{}", kind.folder()), &[]),
                    })
                })
                .collect(),
        }
    }

    /// Links between the handbook's entries lead to their sections.
    pub fn handbook(&self) -> Handbook<'a> {
        let catalogue = self.catalogue;
        let phrases = self.phrases.for_handbook();
        let rule = |e: Option<&crate::rules::Expr<Ref>>| rule_value(&phrases, e, false);
        let all = |kind: Kind| catalogue.of_kind(kind).iter().copied();
        Handbook {
            pathways: all(Kind::Pathway)
                .map(|p| {
                    let levels = catalogue
                        .levels_of(p)
                        .iter()
                        .map(|&l| {
                            let level = catalogue[l].as_level().map(|level| HandbookLevel {
                                requires: rule(level.requires.as_ref()),
                                completion: rule(level.completion.as_ref()),
                                awards: word_link(&phrases, level.awards.as_ref()),
                            });
                            self.handbook_entry(&phrases, l, level)
                        })
                        .collect();
                    self.handbook_entry(&phrases, p, HandbookPathway { levels })
                })
                .collect(),
            workshops: all(Kind::Workshop)
                .map(|w| {
                    let workshop = catalogue[w].as_workshop().map(|details| HandbookWorkshop {
                        level: word_link(&phrases, details.level.as_ref()),
                        requires: rule(details.requires.as_ref()),
                    });
                    self.handbook_entry(&phrases, w, workshop)
                })
                .collect(),
            requirements: all(Kind::Requirement)
                .map(|r| {
                    let valid_for = self.valid_for(r);
                    self.handbook_entry(&phrases, r, HandbookRequirement { valid_for })
                })
                .collect(),
            credentials: all(Kind::Credential)
                .map(|c| {
                    let valid_for = self.valid_for(c);
                    self.handbook_entry(&phrases, c, HandbookRequirement { valid_for })
                })
                .collect(),
        }
    }
}
