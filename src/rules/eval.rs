//! Judging a person's record against the catalogue's rules: the one
//! evaluation `cairn eligibility` prints and the checklist mirrors in the
//! browser (themes/default/static/checklist.js), as DESIGN.md states it.
//!
//! - An entity is *done* when the record lists it, or, for a level with a
//!   `completion` expression, when that expression holds. A credential is
//!   held when the record lists it or a done level `awards` it.
//! - A string leaf holds when its entity is done; `has` holds when the
//!   record's measure is at least `at_least` (a missing measure is 0).
//! - `all`, `any` and `choose` combine as their names say; `choose` counts
//!   distinct done items of its pool.
//! - A `preferred` expression never decides anything: it counts as met.
//! - A level can start when its `requires` holds, and is complete when it
//!   is done. What is missing: the unmet leaves of the failing expression.

use super::{Expr, ExprKind, Pool};
use crate::catalogue::Catalogue;
use crate::content::{Details, Kind};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a person has done: ids of completed or held entities, and amounts
/// of measured requirements.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub completed: BTreeSet<String>,
    pub measures: BTreeMap<String, f64>,
}

/// The verdict for one level.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Verdict {
    pub id: String,
    pub can_start: bool,
    pub complete: bool,
    /// Ids of the unmet required leaves: of `requires` while the level
    /// cannot start, then of `completion` until it is complete; none once
    /// it is complete.
    pub missing: Vec<String>,
    /// Preferred parts of `requires`, each with whether it is met: reported,
    /// never deciding. Left out of the JSON, whose shape is fixed.
    #[serde(skip)]
    pub preferred: Vec<(String, bool)>,
}

/// Judge `record` against every level, in presentation order.
pub fn evaluate(catalogue: &Catalogue, record: &Record) -> Vec<Verdict> {
    let judge = Judge {
        catalogue,
        record,
        done: RefCell::new(HashMap::new()),
    };
    catalogue
        .of_kind(Kind::Level)
        .filter_map(|doc| match &doc.details {
            Details::Level(level) => Some((doc, level)),
            _ => None,
        })
        .map(|(doc, level)| {
            let can_start = level.requires.as_ref().is_none_or(|e| judge.holds(e));
            let complete = judge.done(&doc.id);
            let mut missing = Vec::new();
            if complete {
                // Nothing is missing from a level one has completed.
            } else if !can_start {
                if let Some(requires) = &level.requires {
                    judge.missing(requires, &mut missing);
                }
            } else {
                match &level.completion {
                    Some(completion) => judge.missing(completion, &mut missing),
                    None => missing.push(doc.id.clone()),
                }
            }
            let preferred = level
                .requires
                .as_ref()
                .map_or_else(Vec::new, |r| judge.preferred(r));
            Verdict {
                id: doc.id.clone(),
                can_start,
                complete,
                missing,
                preferred,
            }
        })
        .collect()
}

struct Judge<'a> {
    catalogue: &'a Catalogue,
    record: &'a Record,
    /// Memo of `done`, with `None` while an entity is being decided: a
    /// cycle (which `cairn check` forbids) then counts as not done instead
    /// of recursing forever.
    done: RefCell<HashMap<String, Option<bool>>>,
}

impl Judge<'_> {
    fn done(&self, id: &str) -> bool {
        if self.record.completed.contains(id) {
            return true;
        }
        if let Some(known) = self.done.borrow().get(id) {
            return known.unwrap_or(false);
        }
        self.done.borrow_mut().insert(id.to_string(), None);
        let result = match self.catalogue.get(id).map(|d| (&d.details, d)) {
            Some((Details::Level(level), _)) => {
                level.completion.as_ref().is_some_and(|e| self.holds(e))
            }
            Some((Details::Credential(_), doc)) => self
                .catalogue
                .index_of(&doc.id)
                .and_then(|i| self.catalogue.awarded_by.get(&i))
                .is_some_and(|levels| {
                    levels
                        .iter()
                        .any(|&l| self.done(&self.catalogue.documents[l].id))
                }),
            _ => false,
        };
        self.done.borrow_mut().insert(id.to_string(), Some(result));
        result
    }

    fn pool(&self, from: &Pool) -> Vec<String> {
        let mut items: Vec<String> = match from {
            Pool::Items(items) => items.iter().map(|i| i.value.clone()).collect(),
            Pool::Level(level) => self
                .catalogue
                .workshops_of(&level.value)
                .iter()
                .map(|&w| self.catalogue.documents[w].id.clone())
                .collect(),
        };
        let mut seen = BTreeSet::new();
        items.retain(|i| seen.insert(i.clone()));
        items
    }

    /// Whether `expr` holds for the verdict (a preferred one always does).
    fn holds(&self, expr: &Expr) -> bool {
        expr.preferred || self.met(expr)
    }

    /// Whether `expr` is actually met, preferred or not.
    fn met(&self, expr: &Expr) -> bool {
        match &expr.kind {
            ExprKind::Item(id) => self.done(id),
            ExprKind::Has { id, at_least } => {
                self.record.measures.get(&id.value).copied().unwrap_or(0.0) >= *at_least
            }
            ExprKind::All(children) => children.iter().all(|c| self.holds(c)),
            ExprKind::Any(children) => children.iter().any(|c| self.holds(c)),
            ExprKind::Choose { count, from } => {
                self.pool(from).iter().filter(|id| self.done(id)).count() >= *count as usize
            }
        }
    }

    /// The preferred parts of `expr` (outermost only), each named by the
    /// ids it mentions, with whether it is met.
    fn preferred(&self, expr: &Expr) -> Vec<(String, bool)> {
        let mut found = Vec::new();
        self.collect_preferred(expr, &mut found);
        found
    }

    fn collect_preferred(&self, expr: &Expr, found: &mut Vec<(String, bool)>) {
        if expr.preferred {
            let mut ids = Vec::new();
            expr.walk(&mut |inner| match &inner.kind {
                ExprKind::Item(id) => ids.push(id.clone()),
                ExprKind::Has { id, .. } => ids.push(id.value.clone()),
                ExprKind::Choose {
                    from: Pool::Items(items),
                    ..
                } => ids.extend(items.iter().map(|i| i.value.clone())),
                ExprKind::Choose {
                    from: Pool::Level(level),
                    ..
                } => ids.push(format!("workshops of {}", level.value)),
                ExprKind::All(_) | ExprKind::Any(_) => {}
            });
            found.push((ids.join(", "), self.met(expr)));
        } else if let ExprKind::All(children) | ExprKind::Any(children) = &expr.kind {
            for child in children {
                self.collect_preferred(child, found);
            }
        }
    }

    /// The unmet required leaves of `expr`, in order, without repeats.
    fn missing(&self, expr: &Expr, out: &mut Vec<String>) {
        if self.holds(expr) {
            return;
        }
        let mut push = |id: &str| {
            if !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
        };
        match &expr.kind {
            ExprKind::Item(id) => push(id),
            ExprKind::Has { id, .. } => push(&id.value),
            ExprKind::Choose { from, .. } => {
                for id in self.pool(from) {
                    if !self.done(&id) {
                        push(&id);
                    }
                }
            }
            ExprKind::All(children) | ExprKind::Any(children) => {
                for child in children {
                    self.missing(child, out);
                }
            }
        }
    }
}
