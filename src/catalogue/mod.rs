//! The resolve stage: every loaded document joined into one catalogue graph.
//!
//! Input: [`Config`] and [`Content`]. Output: a [`Catalogue`] in which every
//! id is known to exist and be of the right kind, with the indexes pages
//! need (levels of a pathway in order, workshops of a level, what needs a
//! requirement), and diagnostics for whatever does not resolve.

mod cycles;

use crate::config::Config;
use crate::content::{Asset, Content, Details, Document, Kind, Level, Workshop};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::rules::{Expr, RefRole};
use crate::source::Spanned;
use std::collections::{BTreeMap, HashMap};

/// Index of a document in [`Catalogue::documents`].
pub type DocId = usize;

/// Options that change what the catalogue holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// Keep documents marked `draft = true`.
    pub drafts: bool,
}

/// The resolved catalogue: documents plus the indexes between them.
#[derive(Debug)]
pub struct Catalogue {
    pub config: Config,
    /// Published documents in path order.
    pub documents: Vec<Document>,
    pub assets: Vec<Asset>,
    by_id: HashMap<String, DocId>,
    /// `content/_index.md`.
    pub home: Option<DocId>,
    /// A kind folder's `_index.md`.
    pub listings: BTreeMap<Kind, DocId>,
    /// Entities of each catalogue kind, in presentation order.
    pub by_kind: BTreeMap<Kind, Vec<DocId>>,
    /// Plain pages (and their folders' `_index.md`), home excluded.
    pub pages: Vec<DocId>,
    /// Each pathway's levels, ordered by `order`.
    pub pathway_levels: HashMap<DocId, Vec<DocId>>,
    /// Each level's workshops, in presentation order.
    pub level_workshops: HashMap<DocId, Vec<DocId>>,
    /// Who mentions an entity in `requires` or `completion`.
    pub needed_by: HashMap<DocId, Vec<DocId>>,
    /// Levels that award a credential.
    pub awarded_by: HashMap<DocId, Vec<DocId>>,
    /// Pathways whose outcome is a credential.
    pub outcome_of: HashMap<DocId, Vec<DocId>>,
}

impl Catalogue {
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.by_id.get(id).map(|&i| &self.documents[i])
    }

    pub fn index_of(&self, id: &str) -> Option<DocId> {
        self.by_id.get(id).copied()
    }

    /// The entities of one kind, in presentation order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Document> {
        self.by_kind
            .get(&kind)
            .into_iter()
            .flatten()
            .map(|&i| &self.documents[i])
    }

    /// Documents with an id, in path order, for lookups by name.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.documents
            .iter()
            .filter(|d| !d.id.is_empty())
            .map(|d| d.id.as_str())
    }

    /// Workshops of the level `id`, for `choose … from = "level"`.
    pub fn workshops_of(&self, level_id: &str) -> &[DocId] {
        self.index_of(level_id)
            .and_then(|i| self.level_workshops.get(&i))
            .map_or(&[], Vec::as_slice)
    }

    /// A workshop's effective `requires`: its own, or else its level's.
    pub fn workshop_requires<'a>(&'a self, workshop: &'a Workshop) -> Option<&'a Expr> {
        workshop.requires.as_ref().or_else(|| {
            let level = self.get(&workshop.level.as_ref()?.value)?;
            match &level.details {
                Details::Level(level) => level.requires.as_ref(),
                _ => None,
            }
        })
    }
}

/// Join `content` into one graph. Unresolved references, duplicates and
/// cycles become diagnostics; the catalogue is still returned so `check`
/// can go on to find every other problem.
pub fn resolve(
    config: Config,
    content: Content,
    options: ResolveOptions,
) -> (Catalogue, Diagnostics) {
    let mut diags = Diagnostics::default();
    let (documents, drafts): (Vec<Document>, Vec<Document>) = content
        .documents
        .into_iter()
        .partition(|d| options.drafts || !d.common.draft);
    let draft_ids: Vec<String> = drafts.into_iter().map(|d| d.id).collect();
    let failed_ids = content.failed_ids;

    let mut by_id: HashMap<String, DocId> = HashMap::with_capacity(documents.len());
    for (i, doc) in documents.iter().enumerate() {
        if doc.id.is_empty() {
            continue;
        }
        if let Some(&first) = by_id.get(&doc.id) {
            let first = &documents[first];
            diags.push(
                Diagnostic::error(Code::DuplicateId, format!("the id \"{}\" is already used by {}", doc.id, first.source.path))
                    .at(&doc.source, doc.common.title.span.clone())
                    .with_help("ids are file names and must be unique across all of content/: rename one of the two files"),
            );
        } else {
            by_id.insert(doc.id.clone(), i);
        }
    }

    let mut catalogue = Catalogue {
        config,
        assets: content.assets,
        by_id,
        home: None,
        listings: BTreeMap::new(),
        by_kind: BTreeMap::new(),
        pages: Vec::new(),
        pathway_levels: HashMap::new(),
        level_workshops: HashMap::new(),
        needed_by: HashMap::new(),
        awarded_by: HashMap::new(),
        outcome_of: HashMap::new(),
        documents,
    };
    let resolver = Resolver {
        catalogue: &catalogue,
        draft_ids: &draft_ids,
        failed_ids: &failed_ids,
        suggestions: std::cell::Cell::new(0),
    };
    for doc in &catalogue.documents {
        resolver.check_document(doc, &mut diags);
    }
    check_page_paths(&catalogue.documents, &mut diags);
    index(&mut catalogue, &mut diags);
    cycles::check(&catalogue, &mut diags);
    (catalogue, diags)
}

/// Pages whose URL is taken: by a page cairn generates (a kind's listing,
/// the checklist), or by another page (`help.md` and `help/_index.md`).
fn check_page_paths(documents: &[Document], diags: &mut Diagnostics) {
    let reserved: Vec<&str> = Kind::CATALOGUE
        .iter()
        .map(|k| k.folder())
        .chain(["checklist"])
        .collect();
    let mut seen: HashMap<&str, &Document> = HashMap::new();
    for doc in documents
        .iter()
        .filter(|d| d.kind == Kind::Page && !d.path.is_empty())
    {
        let taken_by = if reserved.contains(&doc.path.as_str()) {
            Some(format!("the page cairn generates at /{}/", doc.path))
        } else {
            seen.get(doc.path.as_str())
                .map(|other| other.source.path.clone())
        };
        match taken_by {
            Some(other) => diags.push(
                Diagnostic::error(
                    Code::AddressTaken,
                    format!(
                        "{} would be published at /{}/, which is already {other}",
                        doc.source.path, doc.path
                    ),
                )
                .at(&doc.source, doc.common.title.span.clone())
                .with_help("rename or move the file so that it has an address of its own"),
            ),
            None => {
                seen.insert(&doc.path, doc);
            }
        }
    }
}

/// Fill the catalogue's indexes from the documents.
fn index(catalogue: &mut Catalogue, diags: &mut Diagnostics) {
    let docs = &catalogue.documents;
    let id_of = |spanned: &Option<Spanned<String>>| -> Option<DocId> {
        catalogue.by_id.get(&spanned.as_ref()?.value).copied()
    };
    for (i, doc) in docs.iter().enumerate() {
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
                if let Some(outcome) = id_of(&p.outcome) {
                    catalogue.outcome_of.entry(outcome).or_default().push(i);
                }
            }
            Details::Level(level) => {
                if let Some(pathway) = id_of(&level.pathway) {
                    catalogue.pathway_levels.entry(pathway).or_default().push(i);
                }
                if let Some(credential) = id_of(&level.awards) {
                    catalogue.awarded_by.entry(credential).or_default().push(i);
                }
                for expr in [&level.requires, &level.completion].into_iter().flatten() {
                    note_needs(&catalogue.by_id, &mut catalogue.needed_by, expr, i);
                }
            }
            Details::Workshop(workshop) => {
                if let Some(level) = id_of(&workshop.level) {
                    catalogue.level_workshops.entry(level).or_default().push(i);
                }
                if let Some(expr) = &workshop.requires {
                    note_needs(&catalogue.by_id, &mut catalogue.needed_by, expr, i);
                }
            }
            Details::Requirement(_) | Details::Credential(_) => {}
        }
        if doc.kind != Kind::Page {
            catalogue.by_kind.entry(doc.kind).or_default().push(i);
        }
    }

    let order = |i: &DocId| -> i64 {
        match &docs[*i].details {
            Details::Level(Level {
                order: Some(order), ..
            }) => order.value,
            _ => i64::MAX,
        }
    };
    let by_weight_title = |a: &DocId, b: &DocId| {
        let (a, b) = (&docs[*a], &docs[*b]);
        (a.common.weight, &a.common.title.value, &a.id).cmp(&(
            b.common.weight,
            &b.common.title.value,
            &b.id,
        ))
    };
    for (&pathway, levels) in &mut catalogue.pathway_levels {
        levels.sort_by(|a, b| {
            order(a)
                .cmp(&order(b))
                .then_with(|| docs[*a].id.cmp(&docs[*b].id))
        });
        for pair in levels.windows(2) {
            if let (Details::Level(first), Details::Level(second)) =
                (&docs[pair[0]].details, &docs[pair[1]].details)
                && let (Some(a), Some(b)) = (&first.order, &second.order)
                && a.value == b.value
            {
                diags.push(
                    Diagnostic::error(
                        Code::DuplicateOrder,
                        format!(
                            "levels \"{}\" and \"{}\" both have order {} in pathway \"{}\"",
                            docs[pair[0]].id, docs[pair[1]].id, a.value, docs[pathway].id
                        ),
                    )
                    .at(&docs[pair[1]].source, b.span.clone())
                    .with_help("give each level of a pathway its own `order`: 1, 2, 3…"),
                );
            }
        }
    }
    for workshops in catalogue.level_workshops.values_mut() {
        workshops.sort_by(by_weight_title);
    }
    // Levels list by pathway then order; other kinds by weight then title.
    let pathway_rank: HashMap<DocId, usize> = {
        let mut pathways: Vec<DocId> = catalogue
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
    let level_pathway = |i: &DocId| -> usize {
        match &docs[*i].details {
            Details::Level(level) => id_of(&level.pathway)
                .and_then(|p| pathway_rank.get(&p).copied())
                .unwrap_or(usize::MAX),
            _ => usize::MAX,
        }
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
    catalogue
        .pages
        .sort_by(|a, b| by_weight_title(a, b).then_with(|| docs[*a].path.cmp(&docs[*b].path)));
}

fn note_needs(
    by_id: &HashMap<String, DocId>,
    needed_by: &mut HashMap<DocId, Vec<DocId>>,
    expr: &Expr,
    referrer: DocId,
) {
    let mut note = |id: &str| {
        if let Some(&target) = by_id.get(id) {
            let list = needed_by.entry(target).or_default();
            if list.last() != Some(&referrer) {
                list.push(referrer);
            }
        }
    };
    for reference in expr.references() {
        note(reference.id);
    }
}

/// "a, b, c" for a few items, "a, b, … and 95 more" for many: help lines
/// stay readable whatever the catalogue's size.
fn list_some(items: impl ExactSizeIterator<Item = String>) -> String {
    const SHOWN: usize = 8;
    let total = items.len();
    let mut shown: Vec<String> = items.take(SHOWN).collect();
    if total > SHOWN {
        shown.push(format!("and {} more", total - SHOWN));
    }
    shown.join(", ")
}

/// Did-you-mean searches per run, beyond which help stays generic.
const MAX_SUGGESTIONS: usize = 500;

/// Checks each reference of one document against the id index.
struct Resolver<'a> {
    catalogue: &'a Catalogue,
    draft_ids: &'a [String],
    failed_ids: &'a [String],
    /// How many did-you-mean searches were made (see [`MAX_SUGGESTIONS`]).
    suggestions: std::cell::Cell<usize>,
}

/// What a reference may name.
#[derive(Clone, Copy)]
enum Expect {
    One(Kind),
    /// Anything a record can hold: level, workshop, requirement, credential.
    Completable,
    /// Any document with an id, for Markdown links.
    Any,
}

impl Expect {
    fn allows(self, kind: Kind) -> bool {
        match self {
            Expect::One(k) => k == kind,
            Expect::Completable => matches!(
                kind,
                Kind::Level | Kind::Workshop | Kind::Requirement | Kind::Credential
            ),
            Expect::Any => true,
        }
    }

    fn describe(self) -> String {
        match self {
            Expect::One(kind) => format!("a {}", kind.name()),
            Expect::Completable => "a level, workshop, requirement or credential".into(),
            Expect::Any => "a page".into(),
        }
    }
}

impl Resolver<'_> {
    fn check_document(&self, doc: &Document, diags: &mut Diagnostics) {
        match &doc.details {
            Details::Page => {}
            Details::Pathway(p) => {
                self.organization(doc, "organization", p.organization.as_ref(), diags);
                self.reference(
                    doc,
                    "outcome",
                    p.outcome.as_ref(),
                    Expect::One(Kind::Credential),
                    diags,
                );
            }
            Details::Level(level) => {
                self.reference(
                    doc,
                    "pathway",
                    level.pathway.as_ref(),
                    Expect::One(Kind::Pathway),
                    diags,
                );
                self.reference(
                    doc,
                    "awards",
                    level.awards.as_ref(),
                    Expect::One(Kind::Credential),
                    diags,
                );
                for (field, expr) in [
                    ("requires", &level.requires),
                    ("completion", &level.completion),
                ] {
                    if let Some(expr) = expr {
                        self.expression(doc, field, expr, diags);
                    }
                }
            }
            Details::Workshop(workshop) => {
                self.reference(
                    doc,
                    "level",
                    workshop.level.as_ref(),
                    Expect::One(Kind::Level),
                    diags,
                );
                if let Some(expr) = &workshop.requires {
                    self.expression(doc, "requires", expr, diags);
                }
            }
            Details::Requirement(_) => {}
            Details::Credential(c) => self.organization(doc, "issuer", c.issuer.as_ref(), diags),
        }
        for link in &doc.body.links {
            let target = Spanned::new(link.id.clone(), link.span.clone());
            let Some(found) = self.reference(doc, "link", Some(&target), Expect::Any, diags) else {
                continue;
            };
            if let Some(anchor) = &link.anchor
                && !found.body.headings.iter().any(|h| &h.anchor == anchor)
            {
                let anchors = found.body.headings.iter().map(|h| h.anchor.as_str());
                let help = match did_you_mean(anchor, anchors) {
                    Some(suggestion) => format!("did you mean \"#{suggestion}\"?"),
                    None if found.body.headings.is_empty() => {
                        format!("{} has no headings to link to", found.source.path)
                    }
                    None => format!(
                        "the headings of {} are: {}",
                        found.source.path,
                        list_some(found.body.headings.iter().map(|h| format!("#{}", h.anchor)))
                    ),
                };
                diags.push(
                    Diagnostic::error(
                        Code::BrokenLink,
                        format!("\"{}\" has no heading \"#{anchor}\"", link.id),
                    )
                    .at(&doc.source, link.span.clone())
                    .with_help(help),
                );
            }
        }
    }

    fn expression(&self, doc: &Document, field: &str, expr: &Expr, diags: &mut Diagnostics) {
        for reference in expr.references() {
            let role = reference.role;
            let id = &Spanned::new(reference.id.to_string(), reference.span);
            let expect = match role {
                RefRole::Item | RefRole::PoolItem => Expect::Completable,
                RefRole::PoolLevel => Expect::One(Kind::Level),
                RefRole::Measure => Expect::One(Kind::Requirement),
            };
            let found = self.reference(doc, field, Some(id), expect, diags);
            if let (
                RefRole::Measure,
                Some(Document {
                    details: Details::Requirement(r),
                    source,
                    ..
                }),
            ) = (role, found)
                && r.unit.is_none()
            {
                let r_path = &source.path;
                diags.push(
                        Diagnostic::error(Code::NotMeasured, format!("`has` needs a measured requirement, but \"{}\" has no `unit`", id.value))
                            .at(&doc.source, id.span.clone())
                            .with_help(format!("add `unit = \"hours\"` (or years, credits…) to {}, or list the id without `has`", r_path)),
                    );
            }
        }
    }

    /// Resolve one id; report it if missing or of the wrong kind.
    fn reference(
        &self,
        doc: &Document,
        field: &str,
        id: Option<&Spanned<String>>,
        expect: Expect,
        diags: &mut Diagnostics,
    ) -> Option<&Document> {
        let id = id?;
        match self.catalogue.get(&id.value) {
            Some(target) if expect.allows(target.kind) => Some(target),
            Some(target) => {
                diags.push(
                    Diagnostic::error(
                        Code::WrongKind,
                        format!(
                            "`{field}` must name {}, but \"{}\" is a {}",
                            expect.describe(),
                            id.value,
                            target.kind.name()
                        ),
                    )
                    .at(&doc.source, id.span.clone())
                    .with_help(self.suggest_instead(&id.value, expect)),
                );
                None
            }
            None if self.failed_ids.contains(&id.value) => None,
            None => {
                let help = if self.draft_ids.contains(&id.value) {
                    format!(
                        "\"{}\" is a draft: publish it (remove `draft = true`) or build with --drafts",
                        id.value
                    )
                } else {
                    self.suggest_of_kind(&id.value, expect)
                };
                let what = if field == "link" {
                    "link to"
                } else {
                    "reference"
                };
                let code = if field == "link" {
                    Code::BrokenLink
                } else {
                    Code::UnresolvedReference
                };
                diags.push(
                    Diagnostic::error(code, format!("unresolved {what} \"{}\"", id.value))
                        .at(&doc.source, id.span.clone())
                        .with_help(help),
                );
                None
            }
        }
    }

    /// Help for an id that exists but is of the wrong kind: a close id of
    /// the right kind, or what to name instead.
    fn suggest_instead(&self, id: &str, expect: Expect) -> String {
        let help = self.suggest_of_kind(id, expect);
        if help.starts_with("did you mean") || help.starts_with("name ") {
            help
        } else {
            format!("name {} here", expect.describe())
        }
    }

    fn suggest_of_kind(&self, id: &str, expect: Expect) -> String {
        // Edit distance against every id is linear per reference; a catalogue
        // with thousands of broken references gets plain help after a while.
        if self.suggestions.get() >= MAX_SUGGESTIONS {
            return "ids are file names under content/".to_string();
        }
        self.suggestions.set(self.suggestions.get() + 1);
        let candidates = self
            .catalogue
            .documents
            .iter()
            .filter(|d| !d.id.is_empty() && d.id != id && expect.allows(d.kind))
            .map(|d| d.id.as_str());
        let mut candidates: Vec<&str> = candidates.collect();
        candidates.sort_unstable();
        match did_you_mean(id, candidates.iter().copied()) {
            Some(suggestion) => format!("did you mean \"{suggestion}\"?"),
            None if !matches!(expect, Expect::Any)
                && !candidates.is_empty()
                && candidates.len() <= 8 =>
            {
                format!(
                    "{} here: {}",
                    match expect {
                        Expect::One(kind) => format!("name a {}", kind.name()),
                        _ => "name one of the catalogue's items".to_string(),
                    },
                    candidates
                        .iter()
                        .map(|c| format!("\"{c}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            None => format!(
                "no {} has this id; ids are file names under content/",
                expect.describe().trim_start_matches("a ")
            ),
        }
    }

    fn organization(
        &self,
        doc: &Document,
        field: &str,
        key: Option<&Spanned<String>>,
        diags: &mut Diagnostics,
    ) {
        let Some(key) = key else { return };
        let organizations = &self.catalogue.config.organizations;
        if organizations.contains_key(&key.value) || !self.catalogue.config.parsed {
            return;
        }
        let help = match did_you_mean(&key.value, organizations.keys().map(String::as_str)) {
            Some(suggestion) => format!("did you mean \"{suggestion}\"?"),
            None => format!(
                "add `[organizations.{}]` with a `name` to site.toml",
                key.value
            ),
        };
        diags.push(
            Diagnostic::error(
                Code::WrongKind,
                format!(
                    "`{field}` names \"{}\", which is not an organization in site.toml",
                    key.value
                ),
            )
            .at(&doc.source, key.span.clone())
            .with_help(help),
        );
    }
}
