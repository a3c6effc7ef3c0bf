//! `cairn diff`: what a change to a catalogue means for candidates.
//!
//! Two resolved catalogues in, plain data out ([`Diff`]): entities added,
//! removed, renamed and retitled; every rule whose logic changed, decided
//! stricter, looser, both or equivalent by [`crate::rules::ways`] with a witness each
//! way; offerings added, removed, moved, cancelled, and changes of status
//! and price. [`words`] says it for people (human text, Markdown) and
//! tools (JSON); [`git`] reads an older revision to compare against.

pub mod git;
pub mod words;

use crate::catalogue::{Catalogue, Id, Ref};
use crate::content::{Kind, Offering};
use crate::rules::ways::{self, Atom, Formula, Side, Verdict};
use crate::rules::{Expr, ExprKind};
use std::collections::HashMap;

/// Everything that changed between two catalogues, by handles into each.
#[derive(Debug, Default)]
pub struct Diff {
    /// In the new catalogue only.
    pub added: Vec<Id>,
    /// In the old catalogue only.
    pub removed: Vec<Id>,
    /// The same entity under a new id: (old, new).
    pub renamed: Vec<(Id, Id)>,
    /// The same id with a new title: (old, new).
    pub retitled: Vec<(Id, Id)>,
    pub rules: Vec<RuleChange>,
    pub offerings: Vec<OfferingChange>,
    /// Every id either rule mentions, in one table: an old id reads as the
    /// new id it was renamed to.
    pub atoms: Vec<AtomInfo>,
}

/// What an atom of the rules is, on each side.
#[derive(Debug, Clone, Copy, Default)]
pub struct AtomInfo {
    pub old: Option<Id>,
    pub new: Option<Id>,
}

/// Which rule of an entity changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// A level's or workshop's `requires`: who may start (or take) it.
    Requires,
    /// A level's `completion`: what completes it.
    Completion,
    /// Which levels award a credential: who holds it.
    Awards,
}

impl Which {
    pub fn name(self) -> &'static str {
        match self {
            Which::Requires => "requires",
            Which::Completion => "completion",
            Which::Awards => "awards",
        }
    }
}

/// A rule whose logic changed.
#[derive(Debug, Clone)]
pub struct RuleChange {
    pub old: Id,
    pub new: Id,
    pub which: Which,
    pub verdict: Verdict,
}

/// A change to a workshop's offerings.
#[derive(Debug, Clone)]
pub struct OfferingChange {
    /// The workshop, in the new catalogue (or the old one, for `Removed`
    /// with its workshop).
    pub workshop: Id,
    pub what: OfferingWhat,
}

#[derive(Debug, Clone)]
pub enum OfferingWhat {
    Added(Offering),
    Removed(Offering),
    /// Same offering (by its `id`), other dates.
    Moved {
        before: Offering,
        after: Offering,
    },
    /// Its status became `cancelled`.
    Cancelled {
        before: Offering,
        after: Offering,
    },
    /// Another status (not cancelled).
    Status {
        before: Offering,
        after: Offering,
    },
    Price {
        before: Offering,
        after: Offering,
    },
}

impl Diff {
    /// Nothing that matters to candidates changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.renamed.is_empty()
            && self.retitled.is_empty()
            && self.rules.is_empty()
            && self.offerings.is_empty()
    }

    /// A rule became stricter for somebody, or could not be decided: what
    /// `--fail-on-stricter` stops on.
    pub fn needs_sign_off(&self) -> bool {
        self.rules.iter().any(|r| {
            matches!(
                r.verdict,
                Verdict::Stricter { .. } | Verdict::Both { .. } | Verdict::Undecided
            )
        })
    }
}

/// The entities a diff compares: the catalogue kinds, not plain pages.
fn entities(catalogue: &Catalogue) -> impl Iterator<Item = Id> + '_ {
    Kind::CATALOGUE
        .into_iter()
        .flat_map(|kind| catalogue.of_kind(kind).iter().copied())
}

/// Compare two catalogues.
pub fn compare(old: &Catalogue, new: &Catalogue) -> Diff {
    let mut diff = Diff::default();
    // Pair entities by id, then pair what is left by content: a renamed file.
    let mut old_to_new: HashMap<Id, Id> = HashMap::new();
    let mut removed: Vec<Id> = Vec::new();
    for id in entities(old) {
        match new
            .lookup(&old[id].id)
            .filter(|&n| new[n].kind == old[id].kind)
        {
            Some(n) => {
                old_to_new.insert(id, n);
            }
            None => removed.push(id),
        }
    }
    let paired: std::collections::HashSet<Id> = old_to_new.values().copied().collect();
    let mut added: Vec<Id> = entities(new).filter(|n| !paired.contains(n)).collect();
    for id in removed {
        let same = added.iter().position(|&n| same_content(&old[id], &new[n]));
        match same {
            Some(at) => {
                let n = added.remove(at);
                old_to_new.insert(id, n);
                diff.renamed.push((id, n));
            }
            None => diff.removed.push(id),
        }
    }
    diff.added = added;
    let mut pairs: Vec<(Id, Id)> = old_to_new.iter().map(|(&o, &n)| (o, n)).collect();
    // In the new catalogue's order, which is the site's.
    pairs.sort_by_key(|&(_, n)| order_in(new, n));
    diff.renamed.sort_by_key(|&(_, n)| order_in(new, n));
    for &(o, n) in &pairs {
        if old[o].common.title.value != new[n].common.title.value {
            diff.retitled.push((o, n));
        }
    }

    let mut atoms = Atoms::default();
    let new_name = |id: Id| new[id].id.clone();
    let old_name = |id: Id| match old_to_new.get(&id) {
        Some(&n) => new[n].id.clone(),
        None => old[id].id.clone(),
    };
    let old_reader = Reader {
        catalogue: old,
        name: &old_name,
        old_side: true,
    };
    let new_reader = Reader {
        catalogue: new,
        name: &new_name,
        old_side: false,
    };
    let old_side = old_reader.side(&mut atoms);
    let new_side = new_reader.side(&mut atoms);
    for &(o, n) in &pairs {
        for which in [Which::Requires, Which::Completion, Which::Awards] {
            let (Some(before), Some(after)) = (
                old_reader.rule(&mut atoms, o, which),
                new_reader.rule(&mut atoms, n, which),
            ) else {
                continue;
            };
            if before.is_none() && after.is_none() {
                continue;
            }
            // A workshop that states no rule of its own on one side follows
            // its level's there. Otherwise an absent `requires` lets anyone
            // in; an absent completion or award leaves only the record's
            // own word.
            let absent = |reader: &Reader<'_>, atoms: &mut Atoms, id: Id| match which {
                Which::Requires => reader.inherited(atoms, id),
                Which::Completion | Which::Awards => Formula::False,
            };
            let before = before.unwrap_or_else(|| absent(&old_reader, &mut atoms, o));
            let after = after.unwrap_or_else(|| absent(&new_reader, &mut atoms, n));
            if before == after {
                continue;
            }
            let verdict = ways::decide(&old_side, &before, &new_side, &after);
            diff.rules.push(RuleChange {
                old: o,
                new: n,
                which,
                verdict,
            });
        }
        if new[n].kind == Kind::Workshop {
            offering_changes(old, new, o, n, &mut diff.offerings);
        }
    }
    for &id in &diff.added {
        if let Some(workshop) = new[id].as_workshop() {
            diff.offerings
                .extend(workshop.offerings.iter().map(|o| OfferingChange {
                    workshop: id,
                    what: OfferingWhat::Added(o.clone()),
                }));
        }
    }
    diff.atoms = atoms.info;
    diff
}

/// An entity's place in the site's order: by kind, then as listed.
fn order_in(catalogue: &Catalogue, id: Id) -> (Kind, usize) {
    let kind = catalogue[id].kind;
    let at = catalogue.of_kind(kind).iter().position(|&i| i == id);
    (kind, at.unwrap_or(usize::MAX))
}

/// A renamed file: the same kind, title, summary and body under a new id.
fn same_content(old: &crate::catalogue::Entity, new: &crate::catalogue::Entity) -> bool {
    old.kind == new.kind
        && old.common.title.value == new.common.title.value
        && old.common.summary == new.common.summary
        && old.body.html == new.body.html
}

/// The ids of both sides, as one table of atoms.
#[derive(Default)]
struct Atoms {
    index: HashMap<String, Atom>,
    info: Vec<AtomInfo>,
}

impl Atoms {
    fn atom(&mut self, name: String, id: Id, old_side: bool) -> Atom {
        let next = self.info.len() as Atom;
        let atom = *self.index.entry(name).or_insert(next);
        if atom == next {
            self.info.push(AtomInfo::default());
        }
        let info = &mut self.info[atom as usize];
        if old_side {
            info.old = Some(id);
        } else {
            info.new = Some(id);
        }
        atom
    }
}

/// Reads one catalogue's rules as formulas over the shared atoms.
struct Reader<'a> {
    catalogue: &'a Catalogue,
    name: &'a dyn Fn(Id) -> String,
    old_side: bool,
}

impl Reader<'_> {
    fn atom(&self, atoms: &mut Atoms, id: Id) -> Atom {
        atoms.atom((self.name)(id), id, self.old_side)
    }

    /// How each entity of this catalogue is done besides being listed: a
    /// level by its completion, a credential by a level that awards it.
    fn side(&self, atoms: &mut Atoms) -> Side {
        let mut side = Side::default();
        for &level in self.catalogue.of_kind(Kind::Level) {
            if let Some(derived) = self.completion(atoms, level).flatten() {
                let atom = self.atom(atoms, level);
                side.derived.insert(atom, derived);
            }
        }
        for &credential in self.catalogue.of_kind(Kind::Credential) {
            if let Some(derived) = self.awards(atoms, credential).flatten() {
                let atom = self.atom(atoms, credential);
                side.derived.insert(atom, derived);
            }
        }
        side
    }

    /// One rule of an entity: `None` when its kind has no such rule,
    /// `Some(None)` when it states none.
    fn rule(&self, atoms: &mut Atoms, id: Id, which: Which) -> Option<Option<Formula>> {
        match which {
            Which::Requires => self.requires(atoms, id),
            Which::Completion => self.completion(atoms, id),
            Which::Awards => self.awards(atoms, id),
        }
    }

    fn requires(&self, atoms: &mut Atoms, id: Id) -> Option<Option<Formula>> {
        let entity = &self.catalogue[id];
        match (entity.as_level(), entity.as_workshop()) {
            (Some(level), _) => Some(level.requires.as_ref().map(|e| self.formula(atoms, e))),
            // A workshop's own rule only: one it inherits is its level's
            // to report.
            (_, Some(workshop)) => Some(workshop.requires.as_ref().map(|e| self.formula(atoms, e))),
            _ => None,
        }
    }

    /// What a workshop without a rule of its own requires: its level's
    /// (anything, for a level with none, or for another kind).
    fn inherited(&self, atoms: &mut Atoms, id: Id) -> Formula {
        let level_rule = self.catalogue[id]
            .as_workshop()
            .and_then(|w| self.catalogue.workshop_requires(w));
        level_rule.map_or(Formula::True, |e| self.formula(atoms, e))
    }

    fn completion(&self, atoms: &mut Atoms, id: Id) -> Option<Option<Formula>> {
        let level = self.catalogue[id].as_level()?;
        Some(level.completion.as_ref().map(|e| self.formula(atoms, e)))
    }

    fn awards(&self, atoms: &mut Atoms, id: Id) -> Option<Option<Formula>> {
        if self.catalogue[id].kind != Kind::Credential {
            return None;
        }
        let mut by: Vec<Atom> = self
            .catalogue
            .awarded_by(id)
            .iter()
            .map(|&level| self.atom(atoms, level))
            .collect();
        if by.is_empty() {
            return Some(None);
        }
        by.sort_unstable();
        Some(Some(Formula::Any(
            by.into_iter().map(Formula::Done).collect(),
        )))
    }

    /// An expression as a formula: every `choose` from a level spelled out
    /// as that level's workshops, so that a workshop joining a level
    /// changes the rules that count them.
    fn formula(&self, atoms: &mut Atoms, e: &Expr<Ref>) -> Formula {
        if e.preferred {
            return Formula::True;
        }
        match &e.kind {
            ExprKind::Item(item) => Formula::Done(self.atom(atoms, item.id)),
            ExprKind::Has { id, at_least } => Formula::Reaches {
                measure: self.atom(atoms, id.id),
                at_least: *at_least,
            },
            ExprKind::All(children) => {
                Formula::All(children.iter().map(|c| self.formula(atoms, c)).collect())
            }
            ExprKind::Any(children) => {
                Formula::Any(children.iter().map(|c| self.formula(atoms, c)).collect())
            }
            ExprKind::Choose { count, from } => {
                // In the atoms' order, not the site's: retitling or
                // reweighting a workshop reorders a level's pool without
                // changing the rule.
                let mut pool: Vec<Atom> = self
                    .catalogue
                    .pool(from)
                    .into_iter()
                    .map(|id| self.atom(atoms, id))
                    .collect();
                pool.sort_unstable();
                Formula::Choose {
                    count: *count,
                    from: pool.into_iter().map(Formula::Done).collect(),
                }
            }
        }
    }
}

/// The changes to one workshop's offerings. An offering is the same one
/// on both sides when it has the same key: its `id`, or, without one, its
/// first day (the key its calendar event and feed entry are known by).
fn offering_changes(old: &Catalogue, new: &Catalogue, o: Id, n: Id, out: &mut Vec<OfferingChange>) {
    let (Some(before), Some(after)) = (old[o].as_workshop(), new[n].as_workshop()) else {
        return;
    };
    let keyed = |w: &'_ crate::content::Workshop<Ref>| -> Vec<(String, Offering)> {
        w.offering_keys()
            .into_iter()
            .zip(w.offerings.iter().cloned())
            .collect()
    };
    let (before, after) = (keyed(before), keyed(after));
    let find = |list: &[(String, Offering)], key: &str| {
        list.iter().find(|(k, _)| k == key).map(|(_, o)| o.clone())
    };
    let mut change = |what| {
        out.push(OfferingChange { workshop: n, what });
    };
    for (key, now) in &after {
        let Some(was) = find(&before, key) else {
            change(OfferingWhat::Added(now.clone()));
            continue;
        };
        let now = now.clone();
        let moved = was.start.value != now.start.value
            || was.end.as_ref().map(|e| e.value) != now.end.as_ref().map(|e| e.value)
            || was.time_zone.as_ref().map(|z| &z.value) != now.time_zone.as_ref().map(|z| &z.value);
        if moved {
            change(OfferingWhat::Moved {
                before: was.clone(),
                after: now.clone(),
            });
        }
        if was.status != now.status {
            change(if now.status == crate::content::Status::Cancelled {
                OfferingWhat::Cancelled {
                    before: was.clone(),
                    after: now.clone(),
                }
            } else {
                OfferingWhat::Status {
                    before: was.clone(),
                    after: now.clone(),
                }
            });
        }
        if was.price.as_ref().map(|p| &p.value) != now.price.as_ref().map(|p| &p.value) {
            change(OfferingWhat::Price {
                before: was,
                after: now,
            });
        }
    }
    for (key, was) in &before {
        if find(&after, key).is_none() {
            change(OfferingWhat::Removed(was.clone()));
        }
    }
}
