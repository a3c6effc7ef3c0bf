//! Turning the names a document writes into handles: every reference is
//! looked up once, here, and reported when it names nothing, something of
//! the wrong kind, a draft, or an unknown organization.

use super::{Entity, Id, Ref};
use crate::config::Config;
use crate::content::{Credential, Details, Document, Kind, Level, Pathway, Workshop};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean, list_some};
use crate::rules::{Expr, Name, RefRole};
use crate::source::Spanned;
use std::cell::Cell;
use std::collections::HashMap;

/// Did-you-mean searches per run, beyond which help stays generic.
const MAX_SUGGESTIONS: usize = 500;

/// What resolution needs to know of every document, kept apart from the
/// documents themselves so that they can be consumed as they are resolved.
pub(super) struct Directory {
    ids: Vec<String>,
    kinds: Vec<Kind>,
    paths: Vec<String>,
    /// Whether each document is a requirement with a `unit`.
    measured: Vec<bool>,
}

impl Directory {
    pub(super) fn of(documents: &[Document]) -> Directory {
        Directory {
            ids: documents.iter().map(|d| d.id.clone()).collect(),
            kinds: documents.iter().map(|d| d.kind).collect(),
            paths: documents.iter().map(|d| d.source.path.clone()).collect(),
            measured: documents
                .iter()
                .map(|d| d.as_requirement().is_some_and(|r| r.unit.is_some()))
                .collect(),
        }
    }
}

/// Resolves the references of one document after another.
pub(super) struct Resolver<'a> {
    pub(super) directory: &'a Directory,
    pub(super) by_id: &'a HashMap<String, Id>,
    pub(super) config: &'a Config,
    pub(super) draft_ids: &'a [String],
    pub(super) failed_ids: &'a [String],
    /// How many did-you-mean searches were made (see [`MAX_SUGGESTIONS`]).
    pub(super) suggestions: Cell<usize>,
}

/// What a reference may name.
#[derive(Clone, Copy)]
pub(super) enum Expect {
    One(Kind),
    /// Anything a record can hold: level, workshop, requirement, credential.
    Completable,
    /// Any document with an id, for Markdown links.
    Any,
}

impl Expect {
    fn of_role(role: RefRole) -> Expect {
        match role {
            RefRole::Item | RefRole::PoolItem => Expect::Completable,
            RefRole::PoolLevel => Expect::One(Kind::Level),
            RefRole::Measure => Expect::One(Kind::Requirement),
        }
    }

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
    /// The document with its references resolved; each one that does not
    /// resolve is reported and left out.
    pub(super) fn document(&self, doc: Document, diags: &mut Diagnostics) -> Entity {
        let details = match &doc.details {
            Details::Page => Details::Page,
            Details::Pathway(p) => Details::Pathway(Pathway {
                organization: self.organization(&doc, "organization", &p.organization, diags),
                outcome: self.one(&doc, "outcome", &p.outcome, Kind::Credential, diags),
            }),
            Details::Level(level) => Details::Level(Level {
                pathway: self.one(&doc, "pathway", &level.pathway, Kind::Pathway, diags),
                order: level.order.clone(),
                requires: self.expression(&doc, "requires", &level.requires, diags),
                completion: self.expression(&doc, "completion", &level.completion, diags),
                awards: self.one(&doc, "awards", &level.awards, Kind::Credential, diags),
                by_application: level.by_application,
                duration: level.duration.clone(),
                pool_noun: level.pool_noun.clone(),
            }),
            Details::Workshop(workshop) => Details::Workshop(Workshop {
                level: self.one(&doc, "level", &workshop.level, Kind::Level, diags),
                requires: self.expression(&doc, "requires", &workshop.requires, diags),
                duration: workshop.duration.clone(),
                topics: workshop.topics.clone(),
                audience: workshop.audience.clone(),
                offerings: workshop.offerings.clone(),
            }),
            Details::Requirement(r) => Details::Requirement(r.clone()),
            Details::Credential(c) => Details::Credential(Credential {
                issuer: self.organization(&doc, "issuer", &c.issuer, diags),
            }),
        };
        Document {
            id: doc.id,
            kind: doc.kind,
            path: doc.path,
            is_index: doc.is_index,
            source: doc.source,
            common: doc.common,
            body: doc.body,
            details,
        }
    }

    fn one(
        &self,
        doc: &Document,
        field: &str,
        name: &Option<Name>,
        kind: Kind,
        diags: &mut Diagnostics,
    ) -> Option<Ref> {
        let name = name.as_ref()?;
        let id = self.reference(doc, field, name, Expect::One(kind), diags)?;
        Some(Ref {
            id,
            span: name.span.clone(),
        })
    }

    fn expression(
        &self,
        doc: &Document,
        field: &str,
        expr: &Option<Expr>,
        diags: &mut Diagnostics,
    ) -> Option<Expr<Ref>> {
        expr.as_ref()?.map_refs(&mut |name, role| {
            let id = self.reference(doc, field, name, Expect::of_role(role), diags)?;
            if role == RefRole::Measure && !self.directory.measured[id.index()] {
                diags.push(
                    Diagnostic::error(Code::NotMeasured, format!("`has` needs a measured requirement, but \"{}\" has no `unit`", name.value))
                        .at(&doc.source, name.span.clone())
                        .with_help(format!("add `unit = \"hours\"` (or years, credits…) to {}, or list the id without `has`", self.directory.paths[id.index()])),
                );
            }
            Some(Ref {
                id,
                span: name.span.clone(),
            })
        })
    }

    /// Resolve one id; report it if missing or of the wrong kind.
    pub(super) fn reference(
        &self,
        doc: &Document,
        field: &str,
        name: &Name,
        expect: Expect,
        diags: &mut Diagnostics,
    ) -> Option<Id> {
        match self.by_id.get(&name.value).copied() {
            Some(id) if expect.allows(self.directory.kinds[id.index()]) => Some(id),
            Some(id) => {
                diags.push(
                    Diagnostic::error(
                        Code::WrongKind,
                        format!(
                            "`{field}` must name {}, but \"{}\" is a {}",
                            expect.describe(),
                            name.value,
                            self.directory.kinds[id.index()].name()
                        ),
                    )
                    .at(&doc.source, name.span.clone())
                    .with_help(self.suggest_instead(&name.value, expect)),
                );
                None
            }
            None if self.failed_ids.contains(&name.value) => None,
            None => {
                let help = if self.draft_ids.contains(&name.value) {
                    format!(
                        "\"{}\" is a draft: publish it (remove `draft = true`) or build with --drafts",
                        name.value
                    )
                } else {
                    self.suggest_of_kind(&name.value, expect)
                };
                let (code, what) = if field == "link" {
                    (Code::BrokenLink, "link to")
                } else {
                    (Code::UnresolvedReference, "reference")
                };
                diags.push(
                    Diagnostic::error(code, format!("unresolved {what} \"{}\"", name.value))
                        .at(&doc.source, name.span.clone())
                        .with_help(help),
                );
                None
            }
        }
    }

    /// `[text](@id)` and `[text](@id#anchor)` links of every document: the
    /// page exists, and so does the heading. Checked before the documents
    /// are resolved, while every document's headings are at hand.
    pub(super) fn links(&self, documents: &[Document], diags: &mut Diagnostics) {
        for doc in documents {
            for link in &doc.body.links {
                let target = Spanned::new(link.id.clone(), link.span.clone());
                let Some(found) = self.reference(doc, "link", &target, Expect::Any, diags) else {
                    continue;
                };
                let found = &documents[found.index()];
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
        let directory = self.directory;
        let mut candidates: Vec<&str> = (0..directory.ids.len())
            .filter(|&i| {
                let other = &directory.ids[i];
                !other.is_empty() && other != id && expect.allows(directory.kinds[i])
            })
            .map(|i| directory.ids[i].as_str())
            .collect();
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

    /// An organization key: kept when site.toml has it.
    fn organization(
        &self,
        doc: &Document,
        field: &str,
        key: &Option<Spanned<String>>,
        diags: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        let key = key.as_ref()?;
        let organizations = &self.config.organizations;
        if organizations.contains_key(&key.value) {
            return Some(key.clone());
        }
        if !self.config.parsed {
            // site.toml could not be read: its own error says why.
            return None;
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
        None
    }
}
