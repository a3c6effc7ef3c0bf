//! Turning the names a document writes into handles: every reference is
//! looked up once, here. A name that does not resolve (it names nothing,
//! something of the wrong kind, a draft, a file that failed to load, an
//! unknown organization, a missing heading) is dropped and recorded as a
//! [`Findings`] entry; `check::references` words it for people.

use super::{
    DuplicateId, Entity, Field, Findings, Id, MissingAnchor, Ref, UnknownOrganization, Unresolved,
    Why,
};
use crate::config::Config;
use crate::content::{Credential, Details, Document, Kind, Level, Pathway, Workshop};
use crate::expr::{Expr, Name, RefRole};
use crate::source::Spanned;
use rustc_hash::FxHashMap as HashMap;

/// What a reference may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
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

    /// Whether a document of `kind` may be named here.
    pub fn allows(self, kind: Kind) -> bool {
        match self {
            Expect::One(k) => k == kind,
            Expect::Completable => matches!(
                kind,
                Kind::Level | Kind::Workshop | Kind::Requirement | Kind::Credential
            ),
            Expect::Any => true,
        }
    }
}

/// The first document of each id; every later one is recorded as a
/// duplicate and can be named by nothing.
pub(super) fn index_ids(documents: &[Document], findings: &mut Findings) -> HashMap<String, Id> {
    let mut by_id: HashMap<String, Id> =
        HashMap::with_capacity_and_hasher(documents.len(), Default::default());
    for (i, doc) in documents.iter().enumerate() {
        if doc.id.is_empty() {
            continue;
        }
        match by_id.get(&doc.id) {
            Some(&first) => findings.duplicate_ids.push(DuplicateId {
                first,
                second: Id::new(i),
            }),
            None => {
                by_id.insert(doc.id.clone(), Id::new(i));
            }
        }
    }
    by_id
}

/// Resolves the references of one document after another.
pub(super) struct Resolver<'a> {
    /// The kind of every document, by position: the documents themselves
    /// are consumed as they are resolved.
    pub(super) kinds: Vec<Kind>,
    pub(super) by_id: &'a HashMap<String, Id>,
    pub(super) config: &'a Config,
    pub(super) draft_ids: &'a [String],
    pub(super) failed_ids: &'a [String],
}

impl Resolver<'_> {
    /// The document with its references resolved; each one that does not
    /// resolve is recorded in `findings` and left out.
    pub(super) fn document(&self, id: Id, doc: Document, findings: &mut Findings) -> Entity {
        let mut at = Place { doc: id, findings };
        let details = match &doc.details {
            Details::Page => Details::Page,
            Details::Pathway(p) => Details::Pathway(Pathway {
                organization: self.organization(&mut at, "organization", &p.organization),
                outcome: self.one(&mut at, "outcome", &p.outcome, Kind::Credential),
            }),
            Details::Level(level) => Details::Level(Level {
                pathway: self.one(&mut at, "pathway", &level.pathway, Kind::Pathway),
                order: level.order.clone(),
                requires: self.expression(&mut at, "requires", &level.requires),
                completion: self.expression(&mut at, "completion", &level.completion),
                awards: self.one(&mut at, "awards", &level.awards, Kind::Credential),
                by_application: level.by_application,
                duration: level.duration.clone(),
                pool_noun: level.pool_noun.clone(),
            }),
            Details::Workshop(workshop) => Details::Workshop(Workshop {
                level: self.one(&mut at, "level", &workshop.level, Kind::Level),
                requires: self.expression(&mut at, "requires", &workshop.requires),
                duration: workshop.duration.clone(),
                topics: workshop.topics.clone(),
                audience: workshop.audience.clone(),
                open_to_all: workshop.open_to_all,
                offerings: workshop.offerings.clone(),
            }),
            Details::Requirement(r) => Details::Requirement(r.clone()),
            Details::Credential(c) => Details::Credential(Credential {
                issuer: self.organization(&mut at, "issuer", &c.issuer),
                valid_for: c.valid_for,
            }),
        };
        Document {
            id: doc.id,
            kind: doc.kind,
            path: doc.path,
            is_index: doc.is_index,
            source: doc.source,
            common: doc.common,
            // Unknown ids were reported with the links, above.
            body: doc.body.resolve(|name| {
                let &id = self.by_id.get(&name.value)?;
                Some(Ref {
                    id,
                    span: name.span.clone(),
                })
            }),
            details,
        }
    }

    fn one(
        &self,
        at: &mut Place<'_>,
        field: &'static str,
        name: &Option<Name>,
        kind: Kind,
    ) -> Option<Ref> {
        let name = name.as_ref()?;
        let id = self.reference(at, Field::Key(field), name, Expect::One(kind))?;
        Some(Ref {
            id,
            span: name.span.clone(),
        })
    }

    fn expression(
        &self,
        at: &mut Place<'_>,
        field: &'static str,
        expr: &Option<Expr>,
    ) -> Option<Expr<Ref>> {
        expr.as_ref()?.map_refs(&mut |name, role| {
            let id = self.reference(at, Field::Key(field), name, Expect::of_role(role))?;
            Some(Ref {
                id,
                span: name.span.clone(),
            })
        })
    }

    /// Resolve one id; record it when it names nothing usable here.
    fn reference(
        &self,
        at: &mut Place<'_>,
        field: Field,
        name: &Name,
        expected: Expect,
    ) -> Option<Id> {
        let why = match self.by_id.get(&name.value).copied() {
            Some(id) if expected.allows(self.kinds[id.index()]) => return Some(id),
            Some(id) => Why::WrongKind(self.kinds[id.index()]),
            None if self.failed_ids.contains(&name.value) => Why::FailedToLoad,
            None if self.draft_ids.contains(&name.value) => Why::Draft,
            None => Why::Missing,
        };
        at.findings.unresolved.push(Unresolved {
            in_doc: at.doc,
            field,
            name: name.clone(),
            expected,
            why,
        });
        None
    }

    /// `[text](@id)` and `[text](@id#anchor)` links of every document: the
    /// page exists, and so does the heading. Looked at before the documents
    /// are resolved, while every document's headings are at hand.
    pub(super) fn links(&self, documents: &[Document], findings: &mut Findings) {
        for (i, doc) in documents.iter().enumerate() {
            let mut at = Place {
                doc: Id::new(i),
                findings,
            };
            for link in &doc.body.links {
                let target = Spanned::new(link.id.clone(), link.span.clone());
                let Some(found) = self.reference(&mut at, Field::Link, &target, Expect::Any) else {
                    continue;
                };
                if let Some(anchor) = &link.anchor
                    && !documents[found.index()]
                        .body
                        .headings
                        .iter()
                        .any(|h| &h.anchor == anchor)
                {
                    at.findings.missing_anchors.push(MissingAnchor {
                        in_doc: at.doc,
                        target: found,
                        anchor: anchor.clone(),
                        span: link.span.clone(),
                    });
                }
            }
        }
    }

    /// An organization key: kept when site.toml has it.
    fn organization(
        &self,
        at: &mut Place<'_>,
        field: &'static str,
        key: &Option<Spanned<String>>,
    ) -> Option<Spanned<String>> {
        let key = key.as_ref()?;
        if self.config.organizations.contains_key(&key.value) {
            return Some(key.clone());
        }
        at.findings.unknown_organizations.push(UnknownOrganization {
            in_doc: at.doc,
            field,
            key: key.clone(),
        });
        None
    }
}

/// The document being resolved, and where what fails is recorded.
struct Place<'f> {
    doc: Id,
    findings: &'f mut Findings,
}
