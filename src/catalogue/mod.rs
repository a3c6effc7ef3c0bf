//! The resolve stage: every loaded document joined into one catalogue graph.
//!
//! Input: [`Config`] and [`Content`]. Output: a [`Catalogue`] in which every
//! id is known to exist and be of the right kind, with the indexes pages
//! need (levels of a pathway in order, workshops of a level, what needs a
//! requirement), and beside it the [`Findings`]: whatever did not resolve,
//! as plain data. Resolution judges nothing; `check` turns findings into
//! diagnostics, with the rules over the graph itself (cycles, `order`).

mod resolver;
mod translated;
pub use translated::{original_phrases, words_fingerprint};

pub use resolver::Expect;

use crate::config::Config;
use crate::content::{Asset, Content, Details, Document, Kind, Level, Workshop};
use crate::expr::{Expr, Name, Pool};
use crate::source::{Span, Spanned};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// A handle on an entity of the catalogue: a compact index that only
/// resolution hands out, so following one cannot fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(u32);

impl Id {
    pub(crate) fn new(index: usize) -> Id {
        // More than four billion documents cannot be loaded in memory anyway.
        Id(u32::try_from(index).unwrap_or(u32::MAX))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A resolved reference: the entity it names and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Ref {
    pub id: Id,
    pub span: Span,
}

/// A document of the resolved catalogue: its references are handles.
pub type Entity = Document<Ref>;

/// What resolution could not join, in the order it was met (the `@id`
/// links of every document first, then each document's fields). Each
/// entry is plain data; `check::references` and `check::duplicates` say
/// what is wrong and what to do.
#[derive(Debug, Default)]
pub struct Findings {
    /// Names dropped from the catalogue, and why.
    pub unresolved: Vec<Unresolved>,
    /// Documents whose id an earlier document (in path order) already has.
    pub duplicate_ids: Vec<DuplicateId>,
    /// `organization` and `issuer` keys that site.toml does not define.
    pub unknown_organizations: Vec<UnknownOrganization>,
    /// `@id#anchor` links whose page exists but has no such heading.
    pub missing_anchors: Vec<MissingAnchor>,
    /// Stems of content files that failed to load: their own diagnostics
    /// explain them, so what they would have added is not missed again.
    pub failed_ids: Vec<String>,
    /// Translations that translate nothing the site publishes.
    pub stray_translations: Vec<StrayTranslation>,
}

/// A translation left out of the catalogue, and why.
#[derive(Debug, Clone)]
pub struct StrayTranslation {
    pub translation: crate::content::Translation,
    pub why: Stray,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stray {
    /// No original beside it (`level-1.fr.md` without `level-1.md`).
    NoOriginal,
    /// Its language is not under `[languages]` in site.toml.
    UnknownLanguage,
    /// Its language is the site's default, which the originals are in.
    DefaultLanguage,
    /// Another file already translates the same page into the same language.
    Duplicate,
}

/// A name that a document writes and resolution dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Unresolved {
    /// The document that writes it.
    pub in_doc: Id,
    pub field: Field,
    pub name: Name,
    /// What the name should have named.
    pub expected: Expect,
    pub why: Why,
}

/// Where in a document a name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A front-matter field: `level`, `requires`, `awards`…
    Key(&'static str),
    /// An `@id` link in the Markdown body.
    Link,
}

/// Why a name did not resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// No document has this id.
    Missing,
    /// The id is a document of this other kind.
    WrongKind(Kind),
    /// The id is a draft's, left out of this build.
    Draft,
    /// The file with this id failed to load.
    FailedToLoad,
}

/// Two documents with one id: `second` (later in path order) can be named
/// by nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuplicateId {
    pub first: Id,
    pub second: Id,
}

/// An `organization` or `issuer` that is not a key of `[organizations]`.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownOrganization {
    pub in_doc: Id,
    pub field: &'static str,
    pub key: Spanned<String>,
}

/// `[text](@target#anchor)` where `target` has no heading `anchor`.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingAnchor {
    pub in_doc: Id,
    pub target: Id,
    pub anchor: String,
    /// The whole link.
    pub span: Span,
}

/// Options that change what the catalogue holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// Keep documents marked `draft = true`.
    pub drafts: bool,
}

/// The resolved catalogue: documents plus the indexes between them.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub config: Config,
    /// Published documents in path order; an [`Id`] indexes this list.
    pub documents: Vec<Entity>,
    pub assets: Vec<Asset>,
    by_id: HashMap<String, Id>,
    /// `content/_index.md`.
    pub home: Option<Id>,
    /// A kind folder's `_index.md`.
    pub listings: BTreeMap<Kind, Id>,
    /// Entities of each catalogue kind, in presentation order.
    by_kind: BTreeMap<Kind, Vec<Id>>,
    /// Plain pages (and their folders' `_index.md`), home excluded.
    pub pages: Vec<Id>,
    /// Each pathway's levels, ordered by `order`.
    levels_of: HashMap<Id, Vec<Id>>,
    /// Each level's workshops, in presentation order.
    workshops_of: HashMap<Id, Vec<Id>>,
    /// Who mentions an entity in `requires` or `completion`.
    needed_by: HashMap<Id, Vec<Id>>,
    /// Levels that award a credential.
    awarded_by: HashMap<Id, Vec<Id>>,
    /// Pathways whose outcome is a credential.
    outcome_of: HashMap<Id, Vec<Id>>,
    /// Each document's translations, by its handle and the language's tag.
    pub translations: BTreeMap<(Id, String), crate::content::Translation>,
}

impl std::ops::Index<Id> for Catalogue {
    type Output = Entity;

    fn index(&self, id: Id) -> &Entity {
        &self.documents[id.index()]
    }
}

impl Catalogue {
    /// The entity an id names, for ids that are text by nature: `@id`
    /// links in Markdown, `url_for(id=…)` in templates, a person's record.
    /// Everything the catalogue itself links is already a handle.
    pub fn lookup(&self, id: &str) -> Option<Id> {
        self.by_id.get(id).copied()
    }

    /// Every document with its handle, in path order.
    pub fn entities(&self) -> impl Iterator<Item = (Id, &Entity)> {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, doc)| (Id::new(i), doc))
    }

    /// The entities of one kind, in presentation order.
    pub fn of_kind(&self, kind: Kind) -> &[Id] {
        self.by_kind.get(&kind).map_or(&[], Vec::as_slice)
    }

    /// Whether the catalogue has any entity of this kind.
    pub fn has_kind(&self, kind: Kind) -> bool {
        !self.of_kind(kind).is_empty()
    }

    /// Documents with an id, in path order, for did-you-mean.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.documents
            .iter()
            .filter(|d| !d.id.is_empty())
            .map(|d| d.id.as_str())
    }

    /// A pathway's levels, by `order`.
    pub fn levels_of(&self, pathway: Id) -> &[Id] {
        self.levels_of.get(&pathway).map_or(&[], Vec::as_slice)
    }

    /// A level's workshops, in presentation order: what `choose … from =
    /// "level"` counts from.
    pub fn workshops_of(&self, level: Id) -> &[Id] {
        self.workshops_of.get(&level).map_or(&[], Vec::as_slice)
    }

    /// Levels and workshops whose own rules mention `id`.
    pub fn needed_by(&self, id: Id) -> &[Id] {
        self.needed_by.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Levels that award the credential `id`.
    pub fn awarded_by(&self, id: Id) -> &[Id] {
        self.awarded_by.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Pathways whose outcome is the credential `id`.
    pub fn outcome_of(&self, id: Id) -> &[Id] {
        self.outcome_of.get(&id).map_or(&[], Vec::as_slice)
    }

    /// A workshop's effective `requires`: its own, or else its level's.
    pub fn workshop_requires<'a>(&'a self, workshop: &'a Workshop<Ref>) -> Option<&'a Expr<Ref>> {
        workshop.requires.as_ref().or_else(|| {
            let level = workshop.level.as_ref()?;
            self[level.id].as_level()?.requires.as_ref()
        })
    }

    /// The distinct items a `choose` counts from, in order.
    pub fn pool(&self, from: &Pool<Ref>) -> Vec<Id> {
        let mut items: Vec<Id> = match from {
            Pool::Items(items) => items.iter().map(|r| r.id).collect(),
            Pool::Level(level) => self.workshops_of(level.id).to_vec(),
        };
        let mut seen = std::collections::HashSet::new();
        items.retain(|&i| seen.insert(i));
        items
    }
}

/// Join `content` into one graph. What does not resolve is left out of
/// the catalogue and recorded in the [`Findings`], so that `check` can
/// report it and go on to find every other problem.
pub fn resolve(config: Config, content: Content, options: ResolveOptions) -> (Catalogue, Findings) {
    let mut findings = Findings::default();
    let (documents, drafts): (Vec<Document>, Vec<Document>) = content
        .documents
        .into_iter()
        .partition(|d| options.drafts || !d.common.draft);
    let draft_paths: Vec<String> = drafts.iter().map(|d| d.path.clone()).collect();
    let draft_ids: Vec<String> = drafts.into_iter().map(|d| d.id).collect();

    let by_id = resolver::index_ids(&documents, &mut findings);
    let resolver = resolver::Resolver {
        kinds: documents.iter().map(|d| d.kind).collect(),
        by_id: &by_id,
        config: &config,
        draft_ids: &draft_ids,
        failed_ids: &content.failed_ids,
    };
    resolver.links(&documents, &mut findings);
    let resolved: Vec<Entity> = documents
        .into_iter()
        .enumerate()
        .map(|(i, doc)| resolver.document(Id::new(i), doc, &mut findings))
        .collect();
    findings.failed_ids = content.failed_ids;

    let mut catalogue = Catalogue {
        config,
        documents: resolved,
        assets: content.assets,
        by_id,
        home: None,
        listings: BTreeMap::new(),
        by_kind: BTreeMap::new(),
        pages: Vec::new(),
        levels_of: HashMap::default(),
        workshops_of: HashMap::default(),
        needed_by: HashMap::default(),
        awarded_by: HashMap::default(),
        outcome_of: HashMap::default(),
        translations: BTreeMap::new(),
    };
    index(&mut catalogue);
    attach_translations(
        &mut catalogue,
        content.translations,
        &draft_paths,
        &content.failed_paths,
        &mut findings,
    );
    (catalogue, findings)
}

/// Join each translation to the document it translates (the one with its
/// path), in a language the site publishes in besides its default. A
/// translation of a draft left out of the build is left out with it.
fn attach_translations(
    catalogue: &mut Catalogue,
    translations: Vec<crate::content::Translation>,
    draft_paths: &[String],
    failed_paths: &[String],
    findings: &mut Findings,
) {
    let by_path: HashMap<(Kind, bool, &str), Id> = catalogue
        .entities()
        .map(|(id, doc)| ((doc.kind, doc.is_index, doc.path.as_str()), id))
        .collect();
    let mut attached = Vec::new();
    for translation in translations {
        let language = &translation.lang;
        let why = if *language == catalogue.config.language {
            Some(Stray::DefaultLanguage)
        } else if !catalogue
            .config
            .other_languages()
            .any(|l| l.tag == *language)
        {
            Some(Stray::UnknownLanguage)
        } else {
            None
        };
        let original = by_path
            .get(&(
                translation.kind,
                translation.is_index,
                translation.path.as_str(),
            ))
            .copied();
        match (why, original) {
            (Some(why), _) => findings
                .stray_translations
                .push(StrayTranslation { translation, why }),
            (None, Some(id)) => attached.push((id, translation)),
            (None, None) if draft_paths.contains(&translation.path) => {}
            // Its original failed to load, and says so itself.
            (None, None) if failed_paths.contains(&translation.path) => {}
            (None, None) => findings.stray_translations.push(StrayTranslation {
                translation,
                why: Stray::NoOriginal,
            }),
        }
    }
    // A translation beside its original (same folder) wins over another
    // file naming the same page from elsewhere (`workshops/sub/a.fr.md`).
    let folder = |path: &str| path.rsplit_once('/').map_or("", |(f, _)| f).to_string();
    attached.sort_by_key(|(id, t)| {
        let beside = folder(&t.source.path) == folder(&catalogue[*id].source.path);
        (*id, t.lang.clone(), !beside, t.source.path.clone())
    });
    for (id, translation) in attached {
        let key = (id, translation.lang.clone());
        match catalogue.translations.entry(key) {
            // Two files translate one page (`workshops/a.fr.md` and
            // `workshops/sub/a.fr.md`): the second is reported.
            std::collections::btree_map::Entry::Occupied(_) => {
                findings.stray_translations.push(StrayTranslation {
                    translation,
                    why: Stray::Duplicate,
                });
            }
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(translation);
            }
        }
    }
}

/// Fill the catalogue's indexes from the documents.
fn index(catalogue: &mut Catalogue) {
    let docs = &catalogue.documents;
    for (i, doc) in docs.iter().enumerate() {
        let i = Id::new(i);
        if doc.is_index {
            if doc.kind == Kind::Page {
                if doc.path.is_empty() {
                    catalogue.home = Some(i);
                } else {
                    catalogue.pages.push(i);
                }
            } else {
                catalogue.listings.insert(doc.kind, i);
            }
            continue;
        }
        match &doc.details {
            Details::Page => catalogue.pages.push(i),
            Details::Pathway(p) => {
                if let Some(outcome) = &p.outcome {
                    catalogue.outcome_of.entry(outcome.id).or_default().push(i);
                }
            }
            Details::Level(level) => {
                if let Some(pathway) = &level.pathway {
                    catalogue.levels_of.entry(pathway.id).or_default().push(i);
                }
                if let Some(credential) = &level.awards {
                    catalogue
                        .awarded_by
                        .entry(credential.id)
                        .or_default()
                        .push(i);
                }
            }
            Details::Workshop(workshop) => {
                if let Some(level) = &workshop.level {
                    catalogue.workshops_of.entry(level.id).or_default().push(i);
                }
            }
            Details::Requirement(_) | Details::Credential(_) => {}
        }
        for (_, expr) in doc.rules() {
            for (target, _) in expr.references() {
                let list = catalogue.needed_by.entry(target.id).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        if doc.kind != Kind::Page {
            catalogue.by_kind.entry(doc.kind).or_default().push(i);
        }
    }
    sort_indexes(catalogue);
}

/// Put every list of the indexes in presentation order: levels by
/// pathway and `order`, the rest by weight then title (the titles of the
/// catalogue's language: a language's view sorts again).
fn sort_indexes(catalogue: &mut Catalogue) {
    let docs = &catalogue.documents;
    let order = |i: &Id| -> i64 {
        match docs[i.index()].as_level() {
            Some(Level {
                order: Some(order), ..
            }) => order.value,
            _ => i64::MAX,
        }
    };
    // Titles in the site language's alphabetical order ("Équité" before
    // "Santé" in French), not by code point.
    let collation = crate::values::Collation::for_language(&catalogue.config.language);
    let by_weight_title = |a: &Id, b: &Id| {
        let (a, b) = (&docs[a.index()], &docs[b.index()]);
        a.common
            .weight
            .cmp(&b.common.weight)
            .then_with(|| collation.compare(&a.common.title.value, &b.common.title.value))
            .then_with(|| a.id.cmp(&b.id))
    };
    // Two levels with one `order` keep a stable place (by id); that they
    // share it is `check::duplicates`' to report.
    for levels in catalogue.levels_of.values_mut() {
        levels.sort_by(|a, b| {
            order(a)
                .cmp(&order(b))
                .then_with(|| docs[a.index()].id.cmp(&docs[b.index()].id))
        });
    }
    for workshops in catalogue.workshops_of.values_mut() {
        workshops.sort_by(by_weight_title);
    }
    // Levels list by pathway then order; other kinds by weight then title.
    let pathway_rank: HashMap<Id, usize> = {
        let mut pathways: Vec<Id> = catalogue
            .by_kind
            .get(&Kind::Pathway)
            .cloned()
            .unwrap_or_default();
        pathways.sort_by(by_weight_title);
        pathways
            .into_iter()
            .enumerate()
            .map(|(rank, i)| (i, rank))
            .collect()
    };
    let level_pathway = |i: &Id| -> usize {
        docs[i.index()]
            .as_level()
            .and_then(|level| level.pathway.as_ref())
            .and_then(|p| pathway_rank.get(&p.id).copied())
            .unwrap_or(usize::MAX)
    };
    for (kind, list) in &mut catalogue.by_kind {
        if *kind == Kind::Level {
            list.sort_by(|a, b| {
                (level_pathway(a), order(a))
                    .cmp(&(level_pathway(b), order(b)))
                    .then_with(|| by_weight_title(a, b))
            });
        } else {
            list.sort_by(by_weight_title);
        }
    }
    catalogue.pages.sort_by(|a, b| {
        by_weight_title(a, b).then_with(|| docs[a.index()].path.cmp(&docs[b.index()].path))
    });
}

#[cfg(test)]
mod tests {
    use crate::content::Kind;
    use crate::testing::{md, resolved};

    #[test]
    fn references_become_handles_and_indexes_follow_them() {
        let (_dir, site) = resolved(&[
            (
                "content/pathways/p.md",
                &md("title = \"P\"\noutcome = \"c\""),
            ),
            (
                "content/levels/two.md",
                &md(
                    "title = \"Two\"\npathway = \"p\"\norder = 2\nrequires = [\"one\", { has = \"hours\", at_least = 3 }]\nawards = \"c\"",
                ),
            ),
            (
                "content/levels/one.md",
                &md(
                    "title = \"One\"\npathway = \"p\"\norder = 1\ncompletion = { choose = 1, from = \"one\" }",
                ),
            ),
            (
                "content/workshops/b.md",
                &md("title = \"B\"\nlevel = \"one\"\nweight = 1"),
            ),
            (
                "content/workshops/a.md",
                &md("title = \"A\"\nlevel = \"one\"\nweight = 2"),
            ),
            (
                "content/requirements/hours.md",
                &md("title = \"Hours\"\nunit = \"hours\""),
            ),
            ("content/credentials/c.md", &md("title = \"C\"")),
        ]);
        let c = &site.catalogue;
        let id = |name: &str| c.lookup(name).unwrap_or_else(|| panic!("{name}"));
        let ids = |list: &[super::Id]| list.iter().map(|&i| c[i].id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(c.levels_of(id("p"))),
            ["one", "two"],
            "by order, not by file name"
        );
        assert_eq!(ids(c.workshops_of(id("one"))), ["b", "a"], "by weight");
        assert_eq!(ids(c.of_kind(Kind::Level)), ["one", "two"]);
        assert_eq!(ids(c.needed_by(id("hours"))), ["two"]);
        assert_eq!(
            ids(c.needed_by(id("one"))),
            ["one", "two"],
            "a pool level is needed by who draws from it"
        );
        assert_eq!(ids(c.awarded_by(id("c"))), ["two"]);
        assert_eq!(ids(c.outcome_of(id("c"))), ["p"]);
        let two = c[id("two")].as_level().expect("a level");
        assert_eq!(two.pathway.as_ref().map(|r| r.id), Some(id("p")));
        let references: Vec<&str> = two
            .requires
            .as_ref()
            .expect("requires")
            .references()
            .into_iter()
            .map(|(r, _)| c[r.id].id.as_str())
            .collect();
        assert_eq!(references, ["one", "hours"]);
        let workshop = c[id("a")].as_workshop().expect("a workshop");
        assert!(
            c.workshop_requires(workshop).is_none(),
            "its level has no requires to inherit"
        );
        assert_eq!(
            ids(&c.pool(&crate::expr::Pool::Level(super::Ref {
                id: id("one"),
                span: 0..0
            }))),
            ["b", "a"]
        );
    }
}
