//! Next steps toward a goal: the fewest things still to do, in an order
//! that respects every prerequisite.
//!
//! A goal (a level or a credential) is *reached* by doing what it takes,
//! prerequisites included, never by saying it is done:
//!
//! - a level: its `requires` reached, then its `completion` (or, without
//!   one, the level itself, an application or an exam to pass);
//! - a workshop: its `requires` (its own, or its level's), then the
//!   workshop itself;
//! - a credential a level awards: one of those levels; any other
//!   credential, a requirement or an amount: that thing itself.
//!
//! What the record already has (as [`super::eval`] judges it, lapsed items
//! not counting) is reached. The rest is a monotone condition over the
//! things to do, and the plan is its cheapest minimal way
//! ([`super::ways::cheapest`]): exact up to [`super::ways::LIMIT`] ways,
//! a marked approximation past it. What the organizers grant at their
//! discretion (a requirement with `discretionary = true`) counts before
//! anything else: a plan takes it only when the pathway's own route
//! cannot reach the goal. Each thing to do is then placed under the first
//! level, in prerequisite order, that the plan goes through (completes)
//! and whose rules name it.

use super::eval::{Record, done_on};
use super::ways::{self, Atom, Formula, Side};
use super::{Expr, ExprKind};
use crate::catalogue::{Catalogue, Id, Ref};
use crate::content::Kind;

/// The plan toward a goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub goal: Id,
    /// Certainly the fewest things to do (false: the best one found).
    pub exact: bool,
    /// In order; empty when the goal is already reached.
    pub steps: Vec<Step>,
}

impl Plan {
    /// How many things are left to do.
    pub fn count(&self) -> usize {
        self.steps.iter().map(|s| s.actions.len()).sum()
    }

    /// The JSON form: `{"goal", "exact", "count", "steps": [{"level":
    /// id or null, "do": [{"item": id} | {"has": id, "have": n,
    /// "at_least": n}]}]}`.
    pub fn to_json(&self, catalogue: &Catalogue) -> serde_json::Value {
        use serde_json::json;
        let steps: Vec<serde_json::Value> = self
            .steps
            .iter()
            .map(|step| {
                let actions: Vec<serde_json::Value> = step
                    .actions
                    .iter()
                    .map(|action| match *action {
                        Action::Do(id) => json!({ "item": catalogue[id].id }),
                        Action::Reach { id, have, at_least } => json!({
                            "has": catalogue[id].id,
                            "have": super::eval::number(have),
                            "at_least": super::eval::number(at_least),
                        }),
                    })
                    .collect();
                json!({ "level": step.level.map(|l| &catalogue[l].id), "do": actions })
            })
            .collect();
        json!({
            "goal": catalogue[self.goal].id,
            "exact": self.exact,
            "count": self.count(),
            "steps": steps,
        })
    }
}

/// What to do for one level (or, `None`, for a goal outside any level).
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub level: Option<Id>,
    pub actions: Vec<Action>,
}

/// One thing to do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Complete a workshop or level, meet a requirement, obtain a credential.
    Do(Id),
    /// Reach an amount of a measured requirement.
    Reach { id: Id, have: f64, at_least: f64 },
}

/// Why there is no plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPlan {
    /// Nothing the record could add reaches it (a rule that can never hold).
    Unreachable,
    /// Too large to work out, even approximately.
    TooLarge,
}

/// The plan toward `goal` for `record`, judged on `today`.
pub fn plan(
    catalogue: &Catalogue,
    record: &Record,
    today: Option<crate::content::Date>,
    goal: Id,
) -> Result<Plan, NoPlan> {
    let done = done_on(catalogue, record, today);
    let reading = Reading {
        catalogue,
        record,
        today,
        done: &done,
        atoms: Default::default(),
        named: Default::default(),
    };
    let target = reading.reach(goal);
    let side = reading.side();
    // Between plans with as many things, the one whose amounts are
    // nearest: 8 of 10 years before 0 of 300 hours.
    let effort = |way: &ways::Way| -> f64 {
        let named = reading.named.borrow();
        way.amounts
            .iter()
            .map(|&(atom, at_least)| {
                let have = record
                    .measures
                    .get(&named[atom as usize].0)
                    .copied()
                    .unwrap_or(0.0);
                if at_least > 0.0 {
                    (at_least - have).max(0.0) / at_least
                } else {
                    0.0
                }
            })
            .sum()
    };
    // What the organizers grant at their discretion or by assessment
    // comes last: a plan offers it only when the pathway's own route
    // cannot reach the goal, however much shorter it would be.
    let discretionary = |atom: Atom| {
        let (id, itself) = reading.named.borrow()[atom as usize];
        !itself
            && catalogue[id]
                .as_requirement()
                .is_some_and(|r| r.discretionary)
    };
    let prefer = ways::Preference {
        discretionary: &discretionary,
        effort: &effort,
    };
    let (way, exact) = match ways::cheapest(&side, &target, &prefer) {
        Ok(Some(found)) => found,
        Ok(None) => return Err(NoPlan::Unreachable),
        Err(_) => return Err(NoPlan::TooLarge),
    };
    let named = reading.named.borrow();
    let entity = |atom: Atom| named[atom as usize].0;
    // In the order the rules name them, amounts among the rest.
    let mut numbered: Vec<(Atom, Action)> = way
        .done
        .iter()
        .map(|&atom| (atom, Action::Do(entity(atom))))
        .collect();
    numbered.extend(way.amounts.iter().map(|&(atom, at_least)| {
        let id = entity(atom);
        let action = Action::Reach {
            id,
            have: record.measures.get(&id).copied().unwrap_or(0.0),
            at_least,
        };
        (atom, action)
    }));
    numbered.sort_by_key(|&(atom, _)| atom);
    let actions: Vec<Action> = numbered.into_iter().map(|(_, action)| action).collect();
    // What is done once the plan is: its things done afresh (a lapsed
    // one counts again), its amounts reached.
    let mut after = record.clone();
    for action in &actions {
        match *action {
            Action::Do(id) => {
                after.completed.insert(id);
                after.dates.remove(&id);
            }
            Action::Reach { id, at_least, .. } => {
                after.measures.insert(id, at_least);
            }
        }
    }
    // The levels it goes through: done then, and not before.
    let through: Vec<bool> = done_on(catalogue, &after, today)
        .into_iter()
        .zip(&done)
        .map(|(then, &before)| then && !before)
        .collect();
    Ok(Plan {
        goal,
        exact,
        steps: steps(catalogue, &through, goal, actions),
    })
}

/// Reads the catalogue as conditions on what is still to do, from the
/// goal outward. Atoms are numbered in the order the rules first name
/// them, so that between two equally short plans the one the rules write
/// first wins ("Level 1 workshop", before the alternative after it).
struct Reading<'a> {
    catalogue: &'a Catalogue,
    record: &'a Record,
    today: Option<crate::content::Date>,
    done: &'a [bool],
    /// (entity, whether it is the doing of the entity itself) -> atom.
    atoms: std::cell::RefCell<std::collections::HashMap<(Id, bool), Atom>>,
    /// The same, by atom.
    named: std::cell::RefCell<Vec<(Id, bool)>>,
}

impl Reading<'_> {
    fn atom(&self, id: Id, itself: bool) -> Atom {
        let mut atoms = self.atoms.borrow_mut();
        let mut named = self.named.borrow_mut();
        *atoms.entry((id, itself)).or_insert_with(|| {
            named.push((id, itself));
            (named.len() - 1) as Atom
        })
    }

    /// Entity `id` is reached: `Done(id)`, worked out by the side.
    fn reach(&self, id: Id) -> Formula {
        if self.done[id.index()] {
            Formula::True
        } else {
            Formula::Done(self.atom(id, false))
        }
    }

    /// Doing an entity itself (a workshop, a level without completion): an
    /// atom of its own beside the entity's, which is reached through rules.
    fn act(&self, id: Id) -> Formula {
        Formula::Done(self.atom(id, true))
    }

    /// How each level, workshop and awarded credential the goal leads to
    /// is reached, working outward from the goal: each entity's rules may
    /// name more.
    fn side(&self) -> Side {
        let mut side = Side {
            derived_only: true,
            ..Side::default()
        };
        let mut next = 0;
        loop {
            // Read before working out how, which names more atoms.
            let entry = self.named.borrow().get(next).copied();
            let Some((id, itself)) = entry else {
                break;
            };
            let atom = next as Atom;
            next += 1;
            if itself {
                continue;
            }
            if let Some(how) = self.how(id) {
                side.derived.insert(atom, how);
            }
        }
        side
    }

    /// How an entity not done yet is reached; `None` for what is simply
    /// done (a requirement, a credential no level awards).
    fn how(&self, id: Id) -> Option<Formula> {
        let catalogue = self.catalogue;
        let entity = &catalogue[id];
        Some(match entity.kind {
            Kind::Level => {
                let level = entity.as_level()?;
                let requires = level
                    .requires
                    .as_ref()
                    .map_or(Formula::True, |e| self.formula(e, None));
                let finish = level
                    .completion
                    .as_ref()
                    .map_or_else(|| self.act(id), |e| self.formula(e, Some(id)));
                all(vec![requires, finish])
            }
            Kind::Workshop => {
                let workshop = entity.as_workshop()?;
                let requires = catalogue
                    .workshop_requires(workshop)
                    .map_or(Formula::True, |e| self.formula(e, None));
                all(vec![requires, self.act(id)])
            }
            // A credential the record holds no more is renewed, not earned
            // again through the level that once awarded it.
            Kind::Credential if !catalogue.awarded_by(id).is_empty() && !self.lapsed(id) => {
                any(catalogue
                    .awarded_by(id)
                    .iter()
                    .map(|&level| self.reach(level))
                    .collect())
            }
            _ => return None,
        })
    }

    /// Listed in the record, with a day its `valid_for` has run out by.
    fn lapsed(&self, id: Id) -> bool {
        self.record.completed.contains(&id)
            && super::eval::lapses_on(self.catalogue, self.record, id)
                .is_some_and(|day| self.today.is_some_and(|today| today >= day))
    }

    /// An expression as a condition on what is left to do. Within the
    /// rules of `level`, a workshop of that level that follows the level's
    /// own `requires` is simply done: the level's `requires` is already
    /// asked for.
    fn formula(&self, e: &Expr<Ref>, level: Option<Id>) -> Formula {
        if e.preferred {
            return Formula::True;
        }
        match &e.kind {
            ExprKind::Item(item) => self.member(item.id, level),
            ExprKind::Has { id, at_least } => {
                let have = self.record.measures.get(&id.id).copied().unwrap_or(0.0);
                if have >= *at_least {
                    Formula::True
                } else {
                    Formula::Reaches {
                        measure: self.atom(id.id, false),
                        at_least: *at_least,
                    }
                }
            }
            ExprKind::All(children) => {
                all(children.iter().map(|c| self.formula(c, level)).collect())
            }
            ExprKind::Any(children) => {
                any(children.iter().map(|c| self.formula(c, level)).collect())
            }
            ExprKind::Choose { count, from } => {
                let members: Vec<Formula> = self
                    .catalogue
                    .pool(from)
                    .into_iter()
                    .map(|id| self.member(id, level))
                    .collect();
                // What is done already counts; the rest is chosen among.
                let already = members.iter().filter(|m| **m == Formula::True).count();
                let count = (*count as usize).saturating_sub(already);
                if count == 0 {
                    return Formula::True;
                }
                Formula::Choose {
                    count: count as u32,
                    from: members
                        .into_iter()
                        .filter(|m| *m != Formula::True)
                        .collect(),
                }
            }
        }
    }

    fn member(&self, id: Id, level: Option<Id>) -> Formula {
        if self.done[id.index()] {
            return Formula::True;
        }
        let inherits = self.catalogue[id].as_workshop().is_some_and(|w| {
            w.requires.is_none() && level.is_some() && w.level.as_ref().map(|l| l.id) == level
        });
        if inherits {
            self.act(id)
        } else {
            self.reach(id)
        }
    }
}

fn all(parts: Vec<Formula>) -> Formula {
    let parts: Vec<Formula> = parts.into_iter().filter(|p| *p != Formula::True).collect();
    match parts.len() {
        0 => Formula::True,
        1 => parts.into_iter().next().unwrap_or(Formula::True),
        _ => Formula::All(parts),
    }
}

fn any(parts: Vec<Formula>) -> Formula {
    if parts.contains(&Formula::True) {
        return Formula::True;
    }
    Formula::Any(parts)
}

/// The levels `start` leads to, itself last, in prerequisite order: each
/// after every level its rules lead to (through a level, a credential it
/// awards, or a workshop of another level), by a walk with an explicit
/// stack. Those already `placed` are left out, and the rest marked.
fn levels_before(catalogue: &Catalogue, start: Id, placed: &mut [bool]) -> Vec<Id> {
    let needs = |id: Id| -> Vec<Id> {
        let mut found = Vec::new();
        for (_, rule) in catalogue[id].rules() {
            for (target, _) in rule.references() {
                let target = target.id;
                match catalogue[target].kind {
                    Kind::Level => found.push(target),
                    Kind::Credential => found.extend_from_slice(catalogue.awarded_by(target)),
                    Kind::Workshop => {
                        if let Some(level) = catalogue[target]
                            .as_workshop()
                            .and_then(|w| w.level.as_ref())
                        {
                            found.push(level.id);
                        }
                    }
                    _ => {}
                }
            }
        }
        found.retain(|&l| l != id);
        found
    };
    super::eval::post_order(start, &needs, placed)
}

/// The things to do, each under the first level, in prerequisite order,
/// that the plan goes through and whose rules name it (a workshop under
/// its level when the plan goes through it, a level without completion
/// under itself); what no such level names, under the goal, or last. A
/// level on the way that the plan goes around (Level 3, when the plan
/// takes an alternative to it) holds nothing.
fn steps(catalogue: &Catalogue, through: &[bool], goal: Id, actions: Vec<Action>) -> Vec<Step> {
    // The levels on the way to the goal (for a credential, to the levels
    // that award it), in prerequisite order.
    let mut placed = vec![false; catalogue.documents.len()];
    let starts: Vec<Id> = match catalogue[goal].kind {
        Kind::Level => vec![goal],
        _ => catalogue.awarded_by(goal).to_vec(),
    };
    let levels: Vec<Id> = starts
        .into_iter()
        .flat_map(|start| levels_before(catalogue, start, &mut placed))
        .filter(|l| through[l.index()])
        .collect();
    let names = |level: Id, id: Id| {
        catalogue[level].rules().any(|(_, rule)| {
            rule.references().iter().any(|(target, role)| {
                target.id == id
                    || (*role == super::RefRole::PoolLevel
                        && catalogue.workshops_of(target.id).contains(&id))
            })
        })
    };
    let home = |action: &Action| -> Option<Id> {
        let id = match *action {
            Action::Do(id) | Action::Reach { id, .. } => id,
        };
        match catalogue[id].kind {
            Kind::Level => return Some(id),
            Kind::Workshop => {
                if let Some(level) = catalogue[id].as_workshop().and_then(|w| w.level.as_ref())
                    && levels.contains(&level.id)
                {
                    return Some(level.id);
                }
            }
            _ => {}
        }
        levels
            .iter()
            .copied()
            .find(|&level| names(level, id))
            .or((catalogue[goal].kind == Kind::Level).then_some(goal))
    };
    let mut steps: Vec<Step> = Vec::new();
    let mut homeless = Vec::new();
    let placed: Vec<(Option<Id>, Action)> = actions.into_iter().map(|a| (home(&a), a)).collect();
    for &level in &levels {
        let mut mine: Vec<Action> = placed
            .iter()
            .filter(|(home, _)| *home == Some(level))
            .map(|(_, a)| *a)
            .collect();
        // The level itself (an application, an exam) comes last, after
        // what it asks for.
        mine.sort_by_key(|action| *action == Action::Do(level));
        if !mine.is_empty() {
            steps.push(Step {
                level: Some(level),
                actions: mine,
            });
        }
    }
    for (home, action) in &placed {
        if home.is_none_or(|h| !levels.contains(&h)) {
            homeless.push(*action);
        }
    }
    if !homeless.is_empty() {
        steps.push(Step {
            level: None,
            actions: homeless,
        });
    }
    steps
}

#[cfg(test)]
mod tests;
