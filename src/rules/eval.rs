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

use super::{Expr, ExprKind};
use crate::catalogue::{Catalogue, Id, Ref};
use crate::content::Kind;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// What a person has done: entities completed or held, and amounts of
/// measured requirements. Read from text by [`super::record::read`], which
/// resolves every id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub completed: BTreeSet<Id>,
    pub measures: BTreeMap<Id, f64>,
    /// The day each item was completed, where the record gives it: what
    /// decides whether something that lapses (`valid_for`) still holds.
    pub dates: BTreeMap<Id, crate::content::Date>,
}

/// A completed item that lapses, and the day it lapses (or lapsed).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Lapse {
    #[serde(skip)]
    pub item: Id,
    /// The item's id, as the JSON gives it.
    pub id: String,
    #[serde(skip)]
    pub day: crate::content::Date,
    /// The day, `2026-03-03`.
    pub on: String,
}

/// Within this many days of lapsing, a verdict says so.
pub const EXPIRING_WITHIN_DAYS: i64 = 90;

/// The day a completed item lapses: its date plus its `valid_for`; `None`
/// for what never lapses or has no date.
pub fn lapses_on(catalogue: &Catalogue, record: &Record, id: Id) -> Option<crate::content::Date> {
    let period = catalogue[id].valid_for()?;
    let completed = record.dates.get(&id)?.civil();
    // Beyond jiff's range (20,000 years and the like) it never lapses
    // within any date cairn handles.
    let count = i64::from(period.count);
    let span = match period.unit {
        crate::content::PeriodUnit::Day => jiff::Span::new().try_days(count),
        crate::content::PeriodUnit::Week => jiff::Span::new().try_weeks(count),
        crate::content::PeriodUnit::Month => jiff::Span::new().try_months(count),
        crate::content::PeriodUnit::Year => jiff::Span::new().try_years(count),
    }
    .ok()?;
    // A month or year later lands on the same day, or the month's last
    // when it has no such day (29 February plus a year is 28 February).
    completed
        .checked_add(span)
        .ok()
        .map(crate::content::Date::from)
}

impl Record {
    /// The record in the form `checklist.js` stores and judges:
    /// `{"completed": [ids], "measures": {id: amount}}`.
    pub fn to_json(&self, catalogue: &Catalogue) -> serde_json::Value {
        let completed: Vec<&str> = self
            .completed
            .iter()
            .map(|&id| catalogue[id].id.as_str())
            .collect();
        let measures: serde_json::Map<String, serde_json::Value> = self
            .measures
            .iter()
            .map(|(&id, &amount)| (catalogue[id].id.clone(), serde_json::json!(amount)))
            .collect();
        let mut json = serde_json::json!({ "completed": completed, "measures": measures });
        if !self.dates.is_empty() {
            json["dates"] = self
                .dates
                .iter()
                .map(|(&id, day)| (catalogue[id].id.clone(), serde_json::json!(day.to_string())))
                .collect::<serde_json::Map<_, _>>()
                .into();
        }
        json
    }
}

/// The verdict for one level.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Verdict {
    #[serde(skip)]
    pub level: Id,
    /// The level's id, as `cairn eligibility --format json` prints it.
    pub id: String,
    pub can_start: bool,
    pub complete: bool,
    /// Ids of the unmet required leaves: of `requires` while the level
    /// cannot start, then of `completion` until it is complete; none once
    /// it is complete.
    pub missing: Vec<String>,
    /// The same, as handles, with the amount a measured one must reach.
    #[serde(skip)]
    pub missing_leaves: Vec<Missing>,
    /// Preferred parts of `requires`, each with whether it is met: reported,
    /// never deciding. Left out of the JSON, whose shape is fixed.
    #[serde(skip)]
    pub preferred: Vec<(Expr<Ref>, bool)>,
    /// What is left of the rule `missing` comes from, in its structure:
    /// met parts dropped, an `any` still one of its alternatives, a
    /// `choose` with how many more and what already counts, a measure with
    /// the amount reached. `None` once the level is complete.
    #[serde(skip)]
    pub left: Option<Left>,
    /// The same, in the JSON: `{"rule": "requires" | "completion",
    /// "needs": …}` (docs/checklist.md, section 6).
    #[serde(rename = "left", skip_serializing_if = "Option::is_none")]
    pub left_json: Option<serde_json::Value>,
    /// What this level's rules name that was completed but has lapsed by
    /// the judging day: it no longer counts. In the JSON only when any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expired: Vec<Lapse>,
    /// What still holds but lapses within [`EXPIRING_WITHIN_DAYS`] days.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expiring: Vec<Lapse>,
    /// Complete because something done implies it (`Level 3` implies the
    /// `Level 2` it required), not because the record says so: the id of
    /// what implies it ([`super::implied`]). In the JSON only when so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_by: Option<String>,
}

/// What is left of a rule that is not met yet.
#[derive(Debug, Clone, PartialEq)]
pub enum Left {
    /// This entity, not done yet.
    Item(Id),
    /// A measured requirement: the amount reached, and the amount needed.
    Has { id: Id, have: f64, at_least: f64 },
    /// Every one of these parts.
    All(Vec<Left>),
    /// One of these alternatives (none is met yet).
    Any(Vec<Left>),
    /// `more` of the items not done yet, `of`; `counted` already count.
    Choose {
        more: usize,
        of: Vec<Id>,
        counted: Vec<Id>,
    },
}

impl Left {
    /// The JSON form: `{"item": id}`, `{"has": id, "have": n, "at_least":
    /// n}`, `{"all": […]}`, `{"any": […]}`, `{"choose": more, "from":
    /// [ids], "counted": [ids]}`.
    pub fn to_json(&self, catalogue: &Catalogue) -> serde_json::Value {
        use serde_json::json;
        let id = |id: &Id| catalogue[*id].id.clone();
        match self {
            Left::Item(item) => json!({ "item": id(item) }),
            Left::Has {
                id: measure,
                have,
                at_least,
            } => {
                json!({ "has": id(measure), "have": number(*have), "at_least": number(*at_least) })
            }
            Left::All(parts) => {
                json!({ "all": parts.iter().map(|p| p.to_json(catalogue)).collect::<Vec<_>>() })
            }
            Left::Any(parts) => {
                json!({ "any": parts.iter().map(|p| p.to_json(catalogue)).collect::<Vec<_>>() })
            }
            Left::Choose { more, of, counted } => json!({
                "choose": more,
                "from": of.iter().map(id).collect::<Vec<_>>(),
                "counted": counted.iter().map(id).collect::<Vec<_>>(),
            }),
        }
    }
}

/// An amount as JSON: a whole one as an integer (`300`, not `300.0`), as
/// the checklist's script writes it too.
pub(crate) fn number(amount: f64) -> serde_json::Value {
    if amount.fract() == 0.0 && amount.abs() < 9_007_199_254_740_992.0 {
        serde_json::json!(amount as i64)
    } else {
        serde_json::json!(amount)
    }
}

/// An unmet leaf of a rule: an entity not done, or an amount not reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Missing {
    pub id: Id,
    /// For a measured requirement, the amount to reach.
    pub at_least: Option<f64>,
}

/// Judge `record` against every level, in presentation order.
pub fn evaluate(catalogue: &Catalogue, record: &Record) -> Vec<Verdict> {
    evaluate_on(catalogue, record, None)
}

/// [`evaluate`] on a judging day: a completed item that lapses
/// (`valid_for`) and has a date in the record holds only until its date
/// plus its period. Without a day, or without a date, it holds: cairn
/// takes the record at its word (the checklist asks for the date of what
/// lapses, docs/checklist.md).
pub fn evaluate_on(
    catalogue: &Catalogue,
    record: &Record,
    today: Option<crate::content::Date>,
) -> Vec<Verdict> {
    let (implied, implied_by) = super::implied::implied_record(catalogue, record, today);
    let judge = Judge::decided(catalogue, &implied, today);
    catalogue
        .of_kind(Kind::Level)
        .iter()
        .filter_map(|&id| Some((id, catalogue[id].as_level()?)))
        .map(|(id, level)| {
            let can_start = level.requires.as_ref().is_none_or(|e| judge.holds(e));
            let complete = judge.done(id);
            let mut missing = Vec::new();
            let mut left = None;
            if complete {
                // Nothing is missing from a level one has completed.
            } else if !can_start {
                if let Some(requires) = &level.requires {
                    judge.missing(requires, &mut missing);
                    left = judge.left(requires).map(|l| ("requires", l));
                }
            } else {
                match &level.completion {
                    Some(completion) => {
                        judge.missing(completion, &mut missing);
                        left = judge.left(completion).map(|l| ("completion", l));
                    }
                    None => {
                        missing.push(Missing { id, at_least: None });
                        left = Some(("completion", Left::Item(id)));
                    }
                }
            }
            let left_json = left.as_ref().map(|(rule, left)| {
                serde_json::json!({ "rule": rule, "needs": left.to_json(catalogue) })
            });
            let mut preferred = Vec::new();
            if let Some(requires) = &level.requires {
                judge.collect_preferred(requires, &mut preferred);
            }
            let (expired, expiring) = lapses(catalogue, record, today, catalogue[id].rules());
            Verdict {
                level: id,
                id: catalogue[id].id.clone(),
                can_start,
                complete,
                missing: missing.iter().map(|m| catalogue[m.id].id.clone()).collect(),
                missing_leaves: missing,
                left: left.map(|(_, left)| left),
                left_json,
                preferred,
                expired,
                expiring,
                implied_by: implied_by
                    .get(&id)
                    .map(|&source| catalogue[source].id.clone()),
            }
        })
        .collect()
}

/// Whether each entity of the catalogue is done for `record` on `today`
/// (by [`Id`] index), exactly as [`evaluate_on`] decides it, what the
/// record implies included: what a plan starts from.
pub fn done_on(
    catalogue: &Catalogue,
    record: &Record,
    today: Option<crate::content::Date>,
) -> Vec<bool> {
    let (implied, _) = super::implied::implied_record(catalogue, record, today);
    done_as_recorded(catalogue, &implied, today)
}

/// Whether each entity is done for `record` as it stands, nothing implied.
pub(super) fn done_as_recorded(
    catalogue: &Catalogue,
    record: &Record,
    today: Option<crate::content::Date>,
) -> Vec<bool> {
    let judge = Judge::decided(catalogue, record, today);
    catalogue.entities().map(|(id, _)| judge.done(id)).collect()
}

/// Every level and credential after everything it takes to complete or
/// hold it (the levels and credentials of a level's `completion`, the
/// levels that award a credential), by a depth-first walk with an explicit
/// stack: deciding them in this order, each decision finds the ones it
/// needs already made, so no recursion is ever deeper than one rule, however
/// long a chain of levels. A loop (which `cairn check` forbids) is cut
/// where it closes.
pub fn completion_order(catalogue: &Catalogue) -> Vec<Id> {
    let needs = |id: Id| -> Vec<Id> {
        let entity = &catalogue[id];
        match entity.kind {
            Kind::Level => entity
                .as_level()
                .and_then(|level| level.completion.as_ref())
                .map(|completion| {
                    completion
                        .references()
                        .into_iter()
                        .flat_map(|(target, _)| match catalogue[target.id].kind {
                            Kind::Level | Kind::Credential => vec![target.id],
                            _ => Vec::new(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Kind::Credential => catalogue.awarded_by(id).to_vec(),
            _ => Vec::new(),
        }
    };
    let mut placed = vec![false; catalogue.documents.len()];
    let starts = catalogue
        .of_kind(Kind::Level)
        .iter()
        .chain(catalogue.of_kind(Kind::Credential));
    starts
        .flat_map(|&start| post_order(start, &needs, &mut placed))
        .collect()
}

/// `start` and everything it `needs`, transitively, each after what it
/// needs, by a depth-first walk with an explicit stack (no recursion as
/// deep as a chain of levels). Those already `placed` are left out, and
/// the rest marked; a loop is cut where it closes.
pub(crate) fn post_order(
    start: Id,
    needs: &impl Fn(Id) -> Vec<Id>,
    placed: &mut [bool],
) -> Vec<Id> {
    let mut order = Vec::new();
    if placed[start.index()] {
        return order;
    }
    placed[start.index()] = true;
    // (entity, what it needs, how many of those are already handled)
    let mut stack: Vec<(Id, Vec<Id>, usize)> = vec![(start, needs(start), 0)];
    while let Some((id, wanted, next)) = stack.last_mut() {
        if let Some(&need) = wanted.get(*next) {
            *next += 1;
            if !placed[need.index()] {
                placed[need.index()] = true;
                stack.push((need, needs(need), 0));
            }
        } else {
            order.push(*id);
            stack.pop();
        }
    }
    order
}

/// The completed items that `rules` name which have lapsed by `today`,
/// and those that lapse within [`EXPIRING_WITHIN_DAYS`] days, by id.
fn lapses<'e>(
    catalogue: &Catalogue,
    record: &Record,
    today: Option<crate::content::Date>,
    rules: impl Iterator<Item = (&'static str, &'e Expr<Ref>)>,
) -> (Vec<Lapse>, Vec<Lapse>) {
    let Some(today) = today else {
        return (Vec::new(), Vec::new());
    };
    let soon = today
        .civil()
        .checked_add(jiff::Span::new().days(EXPIRING_WITHIN_DAYS))
        .map(crate::content::Date::from)
        .unwrap_or(today);
    let mut named: BTreeSet<Id> = BTreeSet::new();
    for (_, rule) in rules {
        named.extend(rule.references().into_iter().map(|(r, _)| r.id));
    }
    let (mut expired, mut expiring) = (Vec::new(), Vec::new());
    for id in named {
        if !record.completed.contains(&id) {
            continue;
        }
        let Some(day) = lapses_on(catalogue, record, id) else {
            continue;
        };
        let lapse = Lapse {
            item: id,
            id: catalogue[id].id.clone(),
            day,
            on: day.to_string(),
        };
        if today >= day {
            expired.push(lapse);
        } else if day <= soon {
            expiring.push(lapse);
        }
    }
    // By id, as the checklist's script lists them too.
    expired.sort_by(|a, b| a.id.cmp(&b.id));
    expiring.sort_by(|a, b| a.id.cmp(&b.id));
    (expired, expiring)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Memo {
    Unknown,
    /// Being decided: a cycle (which `cairn check` forbids) then counts as
    /// not done instead of recursing forever.
    Deciding,
    Known(bool),
}

struct Judge<'a> {
    catalogue: &'a Catalogue,
    record: &'a Record,
    today: Option<crate::content::Date>,
    /// Memo of `done`, by entity.
    done: RefCell<Vec<Memo>>,
}

impl<'a> Judge<'a> {
    /// A judge with every level and credential already decided,
    /// dependencies first: no recursion as deep as a chain of levels.
    fn decided(
        catalogue: &'a Catalogue,
        record: &'a Record,
        today: Option<crate::content::Date>,
    ) -> Self {
        let judge = Judge {
            catalogue,
            record,
            today,
            done: RefCell::new(vec![Memo::Unknown; catalogue.documents.len()]),
        };
        for id in completion_order(catalogue) {
            judge.done(id);
        }
        judge
    }

    fn done(&self, id: Id) -> bool {
        if self.record.completed.contains(&id) {
            return !self.lapsed(id);
        }
        match self.done.borrow()[id.index()] {
            Memo::Known(known) => return known,
            Memo::Deciding => return false,
            Memo::Unknown => {}
        }
        self.done.borrow_mut()[id.index()] = Memo::Deciding;
        let entity = &self.catalogue[id];
        let result = match entity.kind {
            Kind::Level => entity
                .as_level()
                .and_then(|level| level.completion.as_ref())
                .is_some_and(|e| self.holds(e)),
            Kind::Credential => self
                .catalogue
                .awarded_by(id)
                .iter()
                .any(|&level| self.done(level)),
            _ => false,
        };
        self.done.borrow_mut()[id.index()] = Memo::Known(result);
        result
    }

    /// Completed, but lapsed by the judging day.
    fn lapsed(&self, id: Id) -> bool {
        match (self.today, lapses_on(self.catalogue, self.record, id)) {
            (Some(today), Some(on)) => today >= on,
            _ => false,
        }
    }

    /// Whether `expr` holds for the verdict (a preferred one always does).
    fn holds(&self, expr: &Expr<Ref>) -> bool {
        expr.preferred || self.met(expr)
    }

    /// Whether `expr` is actually met, preferred or not.
    fn met(&self, expr: &Expr<Ref>) -> bool {
        match &expr.kind {
            ExprKind::Item(item) => self.done(item.id),
            ExprKind::Has { id, at_least } => {
                self.record.measures.get(&id.id).copied().unwrap_or(0.0) >= *at_least
            }
            ExprKind::All(children) => children.iter().all(|c| self.holds(c)),
            ExprKind::Any(children) => children.iter().any(|c| self.holds(c)),
            ExprKind::Choose { count, from } => {
                self.catalogue
                    .pool(from)
                    .into_iter()
                    .filter(|&id| self.done(id))
                    .count()
                    >= *count as usize
            }
        }
    }

    /// The preferred parts of `expr` (outermost only), with whether each is met.
    fn collect_preferred(&self, expr: &Expr<Ref>, found: &mut Vec<(Expr<Ref>, bool)>) {
        if expr.preferred {
            found.push((expr.clone(), self.met(expr)));
        } else if let ExprKind::All(children) | ExprKind::Any(children) = &expr.kind {
            for child in children {
                self.collect_preferred(child, found);
            }
        }
    }

    /// What is left of `expr`: `None` when it holds (a preferred part
    /// always does: it is reported apart).
    fn left(&self, expr: &Expr<Ref>) -> Option<Left> {
        if self.holds(expr) {
            return None;
        }
        Some(match &expr.kind {
            ExprKind::Item(target) => Left::Item(target.id),
            ExprKind::Has { id, at_least } => Left::Has {
                id: id.id,
                have: self.record.measures.get(&id.id).copied().unwrap_or(0.0),
                at_least: *at_least,
            },
            ExprKind::All(children) => {
                let mut parts: Vec<Left> = children.iter().filter_map(|c| self.left(c)).collect();
                if parts.len() == 1 {
                    parts.remove(0)
                } else {
                    Left::All(parts)
                }
            }
            ExprKind::Any(children) => {
                Left::Any(children.iter().filter_map(|c| self.left(c)).collect())
            }
            ExprKind::Choose { count, from } => {
                let (counted, of): (Vec<Id>, Vec<Id>) = self
                    .catalogue
                    .pool(from)
                    .into_iter()
                    .partition(|&id| self.done(id));
                Left::Choose {
                    more: (*count as usize).saturating_sub(counted.len()),
                    of,
                    counted,
                }
            }
        })
    }

    /// The unmet required leaves of `expr`, in order, without repeats.
    fn missing(&self, expr: &Expr<Ref>, out: &mut Vec<Missing>) {
        if self.holds(expr) {
            return;
        }
        let mut push = |id: Id, at_least: Option<f64>| {
            if !out.iter().any(|m| m.id == id) {
                out.push(Missing { id, at_least });
            }
        };
        match &expr.kind {
            ExprKind::Item(target) => push(target.id, None),
            ExprKind::Has { id, at_least } => push(id.id, Some(*at_least)),
            ExprKind::Choose { from, .. } => {
                for id in self.catalogue.pool(from) {
                    if !self.done(id) {
                        push(id, None);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{md, resolved};

    /// Deck basics: any of knots, radio. Navigation: choose 2 of its three
    /// workshops, awards the certificate. Pilot: the certificate, 500 sea
    /// hours, first aid; a union card preferred; no completion.
    fn harbour() -> (tempfile::TempDir, crate::Resolved) {
        let level = |id: &str, more: &str| {
            (
                format!("content/levels/{id}.md"),
                md(&format!("title = \"{id}\"\n{more}")),
            )
        };
        let workshop = |id: &str, level: &str| {
            (
                format!("content/workshops/{id}.md"),
                md(&format!("title = \"{id}\"\nlevel = \"{level}\"")),
            )
        };
        let files: Vec<(String, String)> = vec![
            level(
                "deck-basics",
                "completion = { any = [\"knots\", \"radio\"] }",
            ),
            level(
                "navigation",
                "requires = \"deck-basics\"\ncompletion = { choose = 2, from = \"navigation\" }\nawards = \"certificate\"",
            ),
            level(
                "pilot",
                "requires = [\"certificate\", { has = \"sea-hours\", at_least = 500 }, \"first-aid\", { all = [\"union-card\"], preferred = true }]",
            ),
            workshop("knots", "deck-basics"),
            workshop("radio", "deck-basics"),
            workshop("charts", "navigation"),
            workshop("stars", "navigation"),
            workshop("tides", "navigation"),
            (
                "content/requirements/sea-hours.md".into(),
                md("title = \"Sea hours\"\nunit = \"hours\""),
            ),
            (
                "content/requirements/first-aid.md".into(),
                md("title = \"First aid\"\nvalid_for = \"1 year\""),
            ),
            (
                "content/requirements/union-card.md".into(),
                md("title = \"Union card\""),
            ),
            (
                "content/credentials/certificate.md".into(),
                md("title = \"Certificate\""),
            ),
        ];
        resolved(&files)
    }

    fn record(catalogue: &Catalogue, completed: &[&str], measures: &[(&str, f64)]) -> Record {
        let id = |name: &str| {
            catalogue
                .lookup(name)
                .unwrap_or_else(|| panic!("no {name}"))
        };
        Record {
            completed: completed.iter().map(|c| id(c)).collect(),
            measures: measures.iter().map(|(m, n)| (id(m), *n)).collect(),
            dates: BTreeMap::new(),
        }
    }

    fn verdict<'a>(verdicts: &'a [Verdict], id: &str) -> &'a Verdict {
        verdicts.iter().find(|v| v.id == id).expect("a verdict")
    }

    #[test]
    fn any_all_and_choose_combine_as_their_names_say() {
        let (_dir, site) = harbour();
        let c = &site.catalogue;
        let judged = evaluate(c, &record(c, &["radio", "charts", "charts"], &[]));
        assert!(
            verdict(&judged, "deck-basics").complete,
            "any of: one is enough"
        );
        let navigation = verdict(&judged, "navigation");
        assert!(
            navigation.can_start,
            "deck-basics is done through its completion"
        );
        assert!(!navigation.complete, "charts twice is one distinct item");
        assert_eq!(navigation.missing, ["stars", "tides"]);
        let judged = evaluate(c, &record(c, &["radio", "charts", "tides"], &[]));
        assert!(verdict(&judged, "navigation").complete);
    }

    #[test]
    fn awards_give_the_credential_and_amounts_are_inclusive() {
        let (_dir, site) = harbour();
        let c = &site.catalogue;
        let judged = evaluate(
            c,
            &record(
                c,
                &["knots", "charts", "stars", "first-aid"],
                &[("sea-hours", 500.0)],
            ),
        );
        let pilot = verdict(&judged, "pilot");
        assert!(
            pilot.can_start,
            "the certificate is held through navigation; 500 >= 500; preferred never blocks"
        );
        assert_eq!(
            pilot.missing,
            ["pilot"],
            "no completion: the level itself is what is missing"
        );
        assert_eq!(pilot.preferred.len(), 1);
        assert!(
            !pilot.preferred[0].1,
            "the union card is reported as not met"
        );
    }

    #[test]
    fn what_is_missing_keeps_the_amount_to_reach() {
        let (_dir, site) = harbour();
        let c = &site.catalogue;
        let judged = evaluate(c, &record(c, &[], &[("sea-hours", 499.5)]));
        let pilot = verdict(&judged, "pilot");
        assert!(!pilot.can_start);
        assert_eq!(
            pilot.missing,
            ["certificate", "sea-hours", "first-aid"],
            "a missing measure counts as not reached"
        );
        let hours = pilot
            .missing_leaves
            .iter()
            .find(|m| m.at_least.is_some())
            .expect("the amount");
        assert_eq!(hours.at_least, Some(500.0));
        assert_eq!(c[hours.id].id, "sea-hours");
    }

    #[test]
    fn a_completed_level_misses_nothing() {
        let (_dir, site) = harbour();
        let c = &site.catalogue;
        let judged = evaluate(c, &record(c, &["pilot"], &[]));
        let pilot = verdict(&judged, "pilot");
        assert!(pilot.complete && !pilot.can_start);
        assert!(pilot.missing.is_empty() && pilot.missing_leaves.is_empty());
    }

    #[test]
    fn what_lapses_holds_until_its_date_plus_its_period() {
        let (_dir, site) = harbour();
        let c = &site.catalogue;
        let day = |text: &str| crate::content::Date::parse(text).expect("a day");
        let first_aid = c.lookup("first-aid").expect("first-aid");
        let mut record = record(c, &["certificate", "first-aid"], &[("sea-hours", 600.0)]);
        // 29 February plus a year is 28 February.
        record.dates.insert(first_aid, day("2024-02-29"));
        assert_eq!(lapses_on(c, &record, first_aid), Some(day("2025-02-28")));

        let pilot = |record: &Record, today: &str| {
            let judged = evaluate_on(c, record, Some(day(today)));
            verdict(&judged, "pilot").clone()
        };
        let valid = pilot(&record, "2025-02-27");
        assert!(valid.can_start);
        assert!(valid.expired.is_empty());
        assert_eq!(valid.expiring.len(), 1, "within 90 days of lapsing");
        assert_eq!(valid.expiring[0].on, "2025-02-28");
        assert!(
            pilot(&record, "2024-09-01").expiring.is_empty(),
            "more than 90 days away"
        );
        // The day it lapses, it no longer counts.
        let lapsed = pilot(&record, "2025-02-28");
        assert!(!lapsed.can_start);
        assert_eq!(lapsed.missing, ["first-aid"]);
        assert_eq!(lapsed.expired[0].id, "first-aid");
        // No date, or no judging day: taken at the record's word.
        record.dates.clear();
        assert!(pilot(&record, "2030-01-01").can_start);
        record.dates.insert(first_aid, day("2024-02-29"));
        assert!(verdict(&evaluate(c, &record), "pilot").can_start);
    }
}
