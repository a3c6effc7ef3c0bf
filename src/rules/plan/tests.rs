//! Unit tests of `rules::plan`.

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
            md("title = \"Deck basics\"\norder = 1\ncompletion = { any = [\"knots\", \"radio\"] }"),
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

/// Theory (requires first aid): 2 of its three workshops. Practice: Theory
/// or a logbook, and first aid; no completion. Review: the logbook alone;
/// no completion. Refresher: Theory's ethics workshop alone; no
/// completion. `logbook` is the logbook's extra front matter.
fn clinic(logbook: &str) -> (tempfile::TempDir, crate::Resolved) {
    let mut files: Vec<(String, String)> = vec![
        (
            "content/levels/theory.md".into(),
            md(
                "title = \"Theory\"\norder = 1\nrequires = \"first-aid\"\ncompletion = { choose = 2, from = \"theory\" }",
            ),
        ),
        (
            "content/levels/practice.md".into(),
            md(
                "title = \"Practice\"\norder = 2\nrequires = [{ any = [\"theory\", \"logbook\"] }, \"first-aid\"]",
            ),
        ),
        (
            "content/levels/review.md".into(),
            md("title = \"Review\"\norder = 3\nrequires = \"logbook\""),
        ),
        (
            "content/levels/refresher.md".into(),
            md("title = \"Refresher\"\norder = 4\nrequires = \"ethics\""),
        ),
        (
            "content/requirements/first-aid.md".into(),
            md("title = \"First aid\""),
        ),
        (
            "content/requirements/logbook.md".into(),
            md(&format!("title = \"Logbook\"\n{logbook}")),
        ),
    ];
    for w in ["anatomy", "ethics", "hygiene"] {
        files.push((
            format!("content/workshops/{w}.md"),
            md(&format!("title = \"{w}\"\nlevel = \"theory\"")),
        ));
    }
    resolved(&files)
}

/// Issue 24, item 3: a plan step sits under a level the plan goes
/// through. The plan toward Practice takes the logbook, not Theory; first
/// aid was placed under Theory, the first level on the way whose rules
/// name it, though the plan never completes Theory.
#[test]
fn a_step_sits_under_a_level_the_plan_goes_through() {
    let (_dir, site) = clinic("");
    let c = &site.catalogue;
    let practice = c.lookup("practice").expect("practice");
    let plan = plan(c, &record(c, &[], &[]), None, practice).expect("a plan");
    assert_eq!(
        ids(c, &plan),
        [(
            Some("practice".into()),
            vec!["logbook".to_string(), "first-aid".into(), "practice".into()]
        )]
    );
    // A workshop of a level the plan does not complete sits under the
    // level that asks for it, not under its own.
    let refresher = c.lookup("refresher").expect("refresher");
    let plan = super::plan(c, &record(c, &[], &[]), None, refresher).expect("a plan");
    assert_eq!(
        ids(c, &plan),
        [(
            Some("refresher".into()),
            vec!["first-aid".to_string(), "ethics".into(), "refresher".into()]
        )]
    );
}

/// Issue 24, item 3: what the organizers grant at their discretion comes
/// after the pathway's own route, however much shorter it is, and is
/// still planned when nothing else reaches the goal.
#[test]
fn what_is_granted_at_discretion_is_planned_last() {
    let (_dir, site) = clinic("discretionary = true");
    let c = &site.catalogue;
    let practice = c.lookup("practice").expect("practice");
    // Theory is four things with first aid, the logbook three: Theory
    // wins, and first aid is now Theory's.
    let plan = plan(c, &record(c, &[], &[]), None, practice).expect("a plan");
    assert!(plan.exact);
    assert_eq!(
        ids(c, &plan),
        [
            (
                Some("theory".into()),
                vec!["first-aid".to_string(), "anatomy".into(), "ethics".into()]
            ),
            (Some("practice".into()), vec!["practice".to_string()]),
        ]
    );
    assert_eq!(plan.count(), 4);
    // Review takes the logbook or nothing.
    let review = c.lookup("review").expect("review");
    let plan = super::plan(c, &record(c, &[], &[]), None, review).expect("a plan");
    assert_eq!(
        ids(c, &plan),
        [(
            Some("review".into()),
            vec!["logbook".to_string(), "review".into()]
        )]
    );
    // Granted already, it counts like anything else the record has; first
    // aid is Practice's then, as the plan does not complete Theory.
    let plan = super::plan(c, &record(c, &["logbook"], &[]), None, practice).expect("a plan");
    assert_eq!(
        ids(c, &plan),
        [(
            Some("practice".into()),
            vec!["first-aid".to_string(), "practice".into()]
        )]
    );
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
/// over 3 requirements (`r2` granted at the organizers' discretion), an
/// amount of hours and a credential the first level awards; rules name
/// only what comes before.
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
        let discretionary = if r == "r2" {
            "\ndiscretionary = true"
        } else {
            ""
        };
        files.push((
            format!("content/requirements/{r}.md"),
            md(&format!("title = \"{r}\"{discretionary}")),
        ));
    }
    let levels = 2 + dice.below(2);
    let mut before: Vec<String> = requirements.clone();
    for l in 0..levels {
        let workshops: Vec<String> = (0..1 + dice.below(3)).map(|w| format!("w{l}{w}")).collect();
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
            ExprKind::All(children) => children.iter().all(|ch| holds(c, done, extra, hours, ch)),
            ExprKind::Any(children) => children.iter().any(|ch| holds(c, done, extra, hours, ch)),
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
            rule(entity.as_workshop().and_then(|w| c.workshop_requires(w))) && extra.contains(&goal)
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
            // The fewest, by trying every set of things and amounts: the
            // fewest granted at discretion (r2), then the fewest things.
            let r2 = c.lookup("r2").expect("r2");
            let mut best: Option<(usize, usize)> = None;
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
                    let cost = (
                        usize::from(extra.contains(&r2)),
                        extra.len() + usize::from(hours > have),
                    );
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
                    let cost = (usize::from(extra.contains(&r2)), found.count());
                    assert_eq!(cost, best, "{replay}\n{found:?}");
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
