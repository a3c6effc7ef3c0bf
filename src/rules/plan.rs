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
//! a marked approximation past it. Each thing to do is then placed under
//! the first level, in prerequisite order, whose rules name it.

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
    let (way, exact) = match ways::cheapest(&side, &target, &effort) {
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
    Ok(Plan {
        goal,
        exact,
        steps: steps(catalogue, &done, goal, actions),
    })
}

/// Reads the catalogue as conditions on what is still to do, from the
/// goal outward. Atoms are numbered in the order the rules first name
/// them, so that between two equally short plans the one the rules write
/// first wins ("Level 1 workshop", before the alternative after it).
struct Reading<'a> {
    catalogue: &'a Catalogue,
    record: &'a Record,
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
            Kind::Credential if !catalogue.awarded_by(id).is_empty() => any(catalogue
                .awarded_by(id)
                .iter()
                .map(|&level| self.reach(level))
                .collect()),
            _ => return None,
        })
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

/// The things to do, each under the first level not yet done, in
/// prerequisite order, whose rules name it (a workshop under its level, a
/// level without completion under itself); what no such level names,
/// under the goal, or last.
fn steps(catalogue: &Catalogue, done: &[bool], goal: Id, actions: Vec<Action>) -> Vec<Step> {
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
        .filter(|l| !done[l.index()])
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
                if let Some(level) = catalogue[id].as_workshop().and_then(|w| w.level.as_ref()) {
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
mod tests {
    use super::*;
    use crate::rules::eval::Record;
    use crate::testing::{md, resolved};
    use std::collections::{BTreeMap, BTreeSet};

    fn ids(catalogue: &Catalogue, plan: &Plan) -> Vec<(Option<String>, Vec<String>)> {
        plan.steps
            .iter()
            .map(|step| {
                let actions = step
                    .actions
                    .iter()
                    .map(|a| match *a {
                        Action::Do(id) => catalogue[id].id.clone(),
                        Action::Reach { id, at_least, .. } => {
                            format!("{}>={at_least}", catalogue[id].id)
                        }
                    })
                    .collect();
                (step.level.map(|l| catalogue[l].id.clone()), actions)
            })
            .collect()
    }

    fn record(catalogue: &Catalogue, completed: &[&str], measures: &[(&str, f64)]) -> Record {
        let id = |name: &str| catalogue.lookup(name).expect("an id");
        Record {
            completed: completed.iter().map(|c| id(c)).collect(),
            measures: measures.iter().map(|(m, n)| (id(m), *n)).collect(),
            dates: BTreeMap::new(),
        }
    }

    /// Deck basics: one of knots or radio. Navigation (requires deck
    /// basics): 2 of its three workshops; awards the certificate. Pilot:
    /// the certificate, 500 sea hours, first aid; no completion.
    fn harbour() -> (tempfile::TempDir, crate::Resolved) {
        let files: Vec<(String, String)> = vec![
            (
                "content/levels/deck-basics.md".into(),
                md(
                    "title = \"Deck basics\"\norder = 1\ncompletion = { any = [\"knots\", \"radio\"] }",
                ),
            ),
            (
                "content/levels/navigation.md".into(),
                md(
                    "title = \"Navigation\"\norder = 2\nrequires = \"deck-basics\"\ncompletion = { choose = 2, from = \"navigation\" }\nawards = \"certificate\"",
                ),
            ),
            (
                "content/levels/pilot.md".into(),
                md(
                    "title = \"Pilot\"\norder = 3\nrequires = [\"certificate\", { has = \"sea-hours\", at_least = 500 }, \"first-aid\"]",
                ),
            ),
            (
                "content/workshops/knots.md".into(),
                md("title = \"Knots\"\nlevel = \"deck-basics\""),
            ),
            (
                "content/workshops/radio.md".into(),
                md("title = \"Radio\"\nlevel = \"deck-basics\""),
            ),
            (
                "content/workshops/charts.md".into(),
                md("title = \"Charts\"\nlevel = \"navigation\""),
            ),
            (
                "content/workshops/stars.md".into(),
                md("title = \"Stars\"\nlevel = \"navigation\""),
            ),
            (
                "content/workshops/tides.md".into(),
                md("title = \"Tides\"\nlevel = \"navigation\"\nrequires = \"first-aid\""),
            ),
            (
                "content/requirements/sea-hours.md".into(),
                md("title = \"Sea hours\"\nunit = \"hours\""),
            ),
            (
                "content/requirements/first-aid.md".into(),
                md("title = \"First aid\""),
            ),
            (
                "content/credentials/certificate.md".into(),
                md("title = \"Certificate\""),
            ),
        ];
        resolved(&files)
    }

    #[test]
    fn a_plan_by_hand_in_prerequisite_order() {
        let (_dir, site) = harbour();
        let c = &site.catalogue;
        let goal = c.lookup("pilot").expect("pilot");
        let plan = plan(c, &record(c, &[], &[("sea-hours", 120.0)]), None, goal).expect("a plan");
        assert!(plan.exact);
        // Tides would need first aid too, but first aid is needed anyway:
        // charts and stars are first in the rule, so they win the tie.
        assert_eq!(
            ids(c, &plan),
            [
                (Some("deck-basics".into()), vec!["knots".to_string()]),
                (
                    Some("navigation".into()),
                    vec!["charts".into(), "stars".into()]
                ),
                (
                    Some("pilot".into()),
                    vec!["sea-hours>=500".into(), "first-aid".into(), "pilot".into()]
                ),
            ]
        );
        assert_eq!(plan.count(), 6);
        // What is done is not planned again; a finished goal has no steps.
        let plan2 = super::plan(
            c,
            &record(c, &["radio", "stars", "first-aid"], &[]),
            None,
            c.lookup("certificate").expect("certificate"),
        )
        .expect("a plan");
        assert_eq!(
            ids(c, &plan2),
            [(Some("navigation".into()), vec!["charts".to_string()])]
        );
        let done = super::plan(
            c,
            &record(c, &["navigation"], &[]),
            None,
            c.lookup("certificate").expect("certificate"),
        )
        .expect("a plan");
        assert!(done.steps.is_empty());
    }

    /// A small deterministic generator (xorshift).
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// A random rule over `names` (ids), with `has` on hours sometimes.
    fn random_rule(dice: &mut Dice, names: &[String], depth: u32) -> String {
        if depth == 0 || dice.below(3) == 0 || names.len() < 2 {
            return match dice.below(6) {
                0 => format!(
                    "{{ has = \"hours\", at_least = {} }}",
                    [100, 300][dice.below(2)]
                ),
                _ => format!("\"{}\"", names[dice.below(names.len())]),
            };
        }
        let preferred = if dice.below(8) == 0 {
            ", preferred = true"
        } else {
            ""
        };
        match dice.below(3) {
            0 | 1 => {
                let parts: Vec<String> = (0..1 + dice.below(3))
                    .map(|_| random_rule(dice, names, depth - 1))
                    .collect();
                let form = if dice.below(2) == 0 { "all" } else { "any" };
                format!("{{ {form} = [{}]{preferred} }}", parts.join(", "))
            }
            _ => {
                let mut pool: Vec<String> = names.to_vec();
                pool.truncate(2 + dice.below(names.len() - 1));
                let pool: Vec<String> = pool.iter().map(|n| format!("\"{n}\"")).collect();
                format!(
                    "{{ choose = {}, from = [{}]{preferred} }}",
                    1 + dice.below(pool.len()),
                    pool.join(", ")
                )
            }
        }
    }

    /// A random catalogue of 2 or 3 levels, each with 1 to 3 workshops,
    /// over 3 requirements, an amount of hours and a credential the first
    /// level awards; rules name only what comes before.
    fn random_catalogue(dice: &mut Dice) -> Vec<(String, String)> {
        let mut files = vec![
            (
                "content/requirements/hours.md".to_string(),
                md("title = \"Hours\"\nunit = \"hours\""),
            ),
            (
                "content/credentials/card.md".to_string(),
                md("title = \"Card\""),
            ),
        ];
        let requirements: Vec<String> = (0..3).map(|r| format!("r{r}")).collect();
        for r in &requirements {
            files.push((
                format!("content/requirements/{r}.md"),
                md(&format!("title = \"{r}\"")),
            ));
        }
        let levels = 2 + dice.below(2);
        let mut before: Vec<String> = requirements.clone();
        for l in 0..levels {
            let workshops: Vec<String> =
                (0..1 + dice.below(3)).map(|w| format!("w{l}{w}")).collect();
            let mut front = format!("title = \"Level {l}\"\norder = {l}\n");
            if dice.below(4) != 0 {
                front.push_str(&format!("requires = {}\n", random_rule(dice, &before, 2)));
            }
            match dice.below(4) {
                0 => {}
                1 => front.push_str(&format!(
                    "completion = {{ choose = {}, from = \"l{l}\" }}\n",
                    1 + dice.below(workshops.len())
                )),
                _ => {
                    let mut own: Vec<String> = workshops.clone();
                    own.extend(requirements.iter().cloned());
                    front.push_str(&format!("completion = {}\n", random_rule(dice, &own, 2)));
                }
            }
            if l == 0 {
                front.push_str("awards = \"card\"\n");
            }
            files.push((format!("content/levels/l{l}.md"), md(&front)));
            for w in &workshops {
                let mut front = format!("title = \"{w}\"\nlevel = \"l{l}\"\n");
                if dice.below(3) == 0 {
                    front.push_str(&format!("requires = {}\n", random_rule(dice, &before, 1)));
                }
                files.push((format!("content/workshops/{w}.md"), md(&front)));
            }
            before.push(format!("l{l}"));
            if l == 0 {
                before.push("card".into());
            }
        }
        files
    }

    /// Whether `goal` is reached when the record also has `extra` done and
    /// these amounts: an evaluator of its own, written from the module's
    /// definition, not from the formulas the plan is worked out with.
    fn reached(c: &Catalogue, done: &[bool], extra: &BTreeSet<Id>, hours: f64, goal: Id) -> bool {
        fn holds(
            c: &Catalogue,
            done: &[bool],
            extra: &BTreeSet<Id>,
            hours: f64,
            e: &Expr<Ref>,
        ) -> bool {
            if e.preferred {
                return true;
            }
            let reach = |id: Id| reached(c, done, extra, hours, id);
            match &e.kind {
                ExprKind::Item(item) => reach(item.id),
                ExprKind::Has { at_least, .. } => hours >= *at_least,
                ExprKind::All(children) => {
                    children.iter().all(|ch| holds(c, done, extra, hours, ch))
                }
                ExprKind::Any(children) => {
                    children.iter().any(|ch| holds(c, done, extra, hours, ch))
                }
                ExprKind::Choose { count, from } => {
                    c.pool(from).into_iter().filter(|&id| reach(id)).count() >= *count as usize
                }
            }
        }
        if done[goal.index()] {
            return true;
        }
        let rule = |e: Option<&Expr<Ref>>| e.is_none_or(|e| holds(c, done, extra, hours, e));
        let entity = &c[goal];
        match entity.kind {
            Kind::Level => {
                let level = entity.as_level().expect("a level");
                rule(level.requires.as_ref())
                    && match &level.completion {
                        Some(completion) => holds(c, done, extra, hours, completion),
                        None => extra.contains(&goal),
                    }
            }
            Kind::Workshop => {
                rule(entity.as_workshop().and_then(|w| c.workshop_requires(w)))
                    && extra.contains(&goal)
            }
            Kind::Credential if !c.awarded_by(goal).is_empty() => c
                .awarded_by(goal)
                .iter()
                .any(|&l| reached(c, done, extra, hours, l)),
            _ => extra.contains(&goal),
        }
    }

    #[test]
    fn plans_are_the_fewest_things_on_random_catalogues() {
        let mut dice = Dice(0x2545_f491_4f6c_dd1d);
        let mut planned = 0;
        for case in 0..120 {
            let files = random_catalogue(&mut dice);
            let (_dir, site) = resolved(&files);
            let c = &site.catalogue;
            // A random record: some things listed, some hours.
            let things: Vec<Id> = c
                .entities()
                .filter(|(_, e)| e.kind != Kind::Page && !e.id.is_empty())
                .map(|(id, _)| id)
                .collect();
            let mut record = Record::default();
            for &id in &things {
                if dice.below(5) == 0 && c[id].kind != Kind::Requirement
                    || c[id].id == "r0" && dice.below(2) == 0
                {
                    record.completed.insert(id);
                }
            }
            let hours_id = c.lookup("hours").expect("hours");
            let have = [0.0, 100.0, 300.0][dice.below(3)];
            record.measures.insert(hours_id, have);
            let done = done_on(c, &record, None);
            // What can be done: workshops, requirements, the card, levels.
            let doable: Vec<Id> = things
                .iter()
                .copied()
                .filter(|&id| id != hours_id && !done[id.index()])
                .collect();
            for goal in c
                .of_kind(Kind::Level)
                .iter()
                .chain(c.of_kind(Kind::Credential))
                .copied()
            {
                let found = plan(c, &record, None, goal);
                // The fewest, by trying every set of things and amounts.
                let mut best: Option<usize> = None;
                for mask in 0u32..1 << doable.len() {
                    let extra: BTreeSet<Id> = doable
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & 1 << i != 0)
                        .map(|(_, &id)| id)
                        .collect();
                    for hours in [have, 100.0, 300.0] {
                        if hours < have {
                            continue;
                        }
                        let cost = extra.len() + usize::from(hours > have);
                        if best.is_some_and(|b| cost >= b) {
                            continue;
                        }
                        if reached(c, &done, &extra, hours, goal) {
                            best = Some(cost);
                        }
                    }
                }
                let replay = format!("case {case}, goal {}:\n{files:#?}", c[goal].id);
                match (best, found) {
                    (None, Err(NoPlan::Unreachable)) => {}
                    (Some(best), Ok(found)) => {
                        assert!(found.exact, "{replay}");
                        assert_eq!(found.count(), best, "{replay}\n{found:?}");
                        // The plan itself reaches the goal.
                        let mut extra = BTreeSet::new();
                        let mut hours = have;
                        for action in found.steps.iter().flat_map(|s| &s.actions) {
                            match *action {
                                Action::Do(id) => {
                                    extra.insert(id);
                                }
                                Action::Reach { at_least, .. } => hours = hours.max(at_least),
                            }
                        }
                        assert!(
                            reached(c, &done, &extra, hours, goal),
                            "{replay}\n{found:?}"
                        );
                        planned += 1;
                    }
                    (best, found) => panic!("{replay}\nbrute force {best:?}, plan {found:?}"),
                }
            }
        }
        assert!(planned > 200, "{planned}");
    }
}
