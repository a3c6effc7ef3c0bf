//! What a record implies, as an advisor reads it: a level someone has
//! completed means they met what its rules required of it, where the rules
//! leave no other way (Level 3 done, so its certificate held, so Level 2
//! done, so Level 1). Where the rules leave a choice (`any`, a `choose` of
//! fewer than all), nothing is implied. Something that lapses
//! (`valid_for`) is never implied: whether it still holds depends on the
//! day it was done, which only the person can give.
//!
//! The implications are computed here once, for `cairn eligibility` and,
//! through `checklist-rules.js`, for the checklist, which applies them in
//! the same order, so both say the same.

use super::eval::Record;
use super::{Expr, ExprKind};
use crate::catalogue::{Catalogue, Id, Ref};
use crate::content::Kind;
use std::collections::{BTreeMap, VecDeque};

/// For each entity that implies others when done, what it implies, in the
/// catalogue's order: a level, what its `requires` and `completion` need
/// whatever way they are met; a credential only one level awards, that
/// level.
pub fn implications(catalogue: &Catalogue) -> Vec<(Id, Vec<Id>)> {
    let lapses = |id: Id| catalogue[id].valid_for().is_some();
    catalogue
        .entities()
        .filter_map(|(id, entity)| {
            let mut implied: Vec<Id> = match entity.kind {
                Kind::Level => {
                    let mut found = Vec::new();
                    for (_, rule) in entity.rules() {
                        for item in necessary(catalogue, rule) {
                            if !found.contains(&item) {
                                found.push(item);
                            }
                        }
                    }
                    found
                }
                Kind::Credential => match catalogue.awarded_by(id) {
                    [only] => vec![*only],
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            implied.retain(|&item| item != id && !lapses(item));
            (!implied.is_empty()).then_some((id, implied))
        })
        .collect()
}

/// The items every way of meeting `rule` includes, in the order the rule
/// names them. A preferred part never decides, so it needs nothing.
fn necessary(catalogue: &Catalogue, rule: &Expr<Ref>) -> Vec<Id> {
    if rule.preferred {
        return Vec::new();
    }
    match &rule.kind {
        ExprKind::Item(item) => vec![item.id],
        ExprKind::Has { .. } => Vec::new(),
        ExprKind::All(parts) => {
            let mut found = Vec::new();
            for part in parts {
                for item in necessary(catalogue, part) {
                    if !found.contains(&item) {
                        found.push(item);
                    }
                }
            }
            found
        }
        ExprKind::Any(alternatives) => {
            let mut each = alternatives.iter().map(|a| necessary(catalogue, a));
            let Some(first) = each.next() else {
                return Vec::new();
            };
            let rest: Vec<Vec<Id>> = each.collect();
            first
                .into_iter()
                .filter(|item| rest.iter().all(|other| other.contains(item)))
                .collect()
        }
        ExprKind::Choose { count, from } => {
            let mut pool = catalogue.pool(from);
            pool.dedup();
            if *count as usize >= pool.len() {
                pool
            } else {
                Vec::new()
            }
        }
    }
}

/// What `record` implies, with what implied each: every implication of an
/// entity that is done, and of what that implies in turn. `done` tells
/// what is done for a record (as the verdicts judge it); it is asked again
/// after each round, since what is implied can finish a level by its
/// completion, which implies more.
pub fn implied(
    catalogue: &Catalogue,
    implications: &[(Id, Vec<Id>)],
    record: &Record,
    done: impl Fn(&Record) -> Vec<bool>,
) -> (Record, BTreeMap<Id, Id>) {
    let by_source: BTreeMap<Id, &[Id]> = implications
        .iter()
        .map(|(source, implied)| (*source, implied.as_slice()))
        .collect();
    let mut record = record.clone();
    let mut implied_by: BTreeMap<Id, Id> = BTreeMap::new();
    loop {
        let is_done = done(&record);
        let mut queue: VecDeque<Id> = VecDeque::new();
        let mut add = |source: Id, item: Id, queue: &mut VecDeque<Id>| {
            if !is_done[item.index()] && !implied_by.contains_key(&item) {
                implied_by.insert(item, source);
                queue.push_back(item);
            }
        };
        for (source, items) in implications {
            if is_done[source.index()] {
                for &item in items {
                    add(*source, item, &mut queue);
                }
            }
        }
        if queue.is_empty() {
            break;
        }
        while let Some(source) = queue.pop_front() {
            record.completed.insert(source);
            for &item in by_source.get(&source).copied().unwrap_or_default() {
                add(source, item, &mut queue);
            }
        }
    }
    debug_assert!(
        implied_by
            .keys()
            .all(|id| id.index() < catalogue.documents.len())
    );
    (record, implied_by)
}

/// `record` with what it implies ([`super::implied`]), and what implied
/// each of those.
pub fn implied_record(
    catalogue: &Catalogue,
    record: &Record,
    today: Option<crate::content::Date>,
) -> (Record, BTreeMap<Id, Id>) {
    let implications = implications(catalogue);
    implied(catalogue, &implications, record, |record| {
        super::eval::done_as_recorded(catalogue, record, today)
    })
}

#[cfg(test)]
mod tests {
    use super::super::eval::{Record, evaluate};
    use crate::testing::{md, resolved};

    #[test]
    fn a_completed_level_implies_what_its_rules_left_no_choice_about() {
        let (_dir, site) = resolved(&[
            (
                "content/levels/one.md",
                &md("title = \"One\"\ncompletion = [\"w1\"]"),
            ),
            (
                "content/levels/two.md",
                &md(
                    "title = \"Two\"\nrequires = [\"one\"]\ncompletion = [\"w2\"]\nawards = \"cert\"",
                ),
            ),
            (
                "content/levels/three.md",
                &md(
                    "title = \"Three\"\nrequires = [\"cert\", \"first-aid\", { any = [\"x\", \"y\"] }, { all = [\"z\"], preferred = true }]",
                ),
            ),
            (
                "content/workshops/w1.md",
                &md("title = \"W1\"\nlevel = \"one\""),
            ),
            (
                "content/workshops/w2.md",
                &md("title = \"W2\"\nlevel = \"two\""),
            ),
            (
                "content/requirements/first-aid.md",
                &md("title = \"First aid\"\nvalid_for = \"3 years\""),
            ),
            ("content/requirements/x.md", &md("title = \"X\"")),
            ("content/requirements/y.md", &md("title = \"Y\"")),
            ("content/requirements/z.md", &md("title = \"Z\"")),
            ("content/credentials/cert.md", &md("title = \"Cert\"")),
        ]);
        let catalogue = &site.catalogue;
        let id = |name: &str| catalogue.lookup(name).expect("an id");
        let mut record = Record::default();
        record.completed.insert(id("three"));
        let (_, implied_by) = super::implied_record(catalogue, &record, None);
        let implied: Vec<(&str, &str)> = implied_by
            .iter()
            .map(|(&item, &by)| (catalogue[item].id.as_str(), catalogue[by].id.as_str()))
            .collect();
        let mut expected = vec![
            ("cert", "three"),
            ("two", "cert"),
            ("one", "two"),
            ("w2", "two"),
            ("w1", "one"),
        ];
        expected.sort_by_key(|(item, _)| id(item));
        assert_eq!(
            implied, expected,
            "never what lapses, a choice, or what is only preferred"
        );
        let verdicts = evaluate(catalogue, &record);
        let by: Vec<(&str, bool, Option<&str>)> = verdicts
            .iter()
            .map(|v| (v.id.as_str(), v.complete, v.implied_by.as_deref()))
            .collect();
        assert_eq!(
            by,
            [
                ("one", true, Some("two")),
                ("three", true, None),
                ("two", true, Some("cert")),
            ]
        );
    }
}
