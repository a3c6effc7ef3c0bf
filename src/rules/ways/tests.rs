//! Unit tests of `rules::ways`.

use super::*;

/// A small deterministic generator (xorshift), so that every run of the
/// test sees the same cases and a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Items 0..ITEMS; measures ITEMS and ITEMS + 1, with thresholds from
/// THRESHOLDS.
const ITEMS: u32 = 6;
const THRESHOLDS: [f64; 3] = [0.0, 100.0, 300.0];

fn random_formula(dice: &mut Dice, depth: u32) -> Formula {
    let leaf = depth == 0 || dice.below(3) == 0;
    if leaf {
        return match dice.below(10) {
            0 => Formula::True,
            1..=2 => Formula::Reaches {
                measure: ITEMS + dice.below(2) as u32,
                at_least: THRESHOLDS[dice.below(3) as usize],
            },
            _ => Formula::Done(dice.below(u64::from(ITEMS)) as u32),
        };
    }
    let children: Vec<Formula> = (0..1 + dice.below(3))
        .map(|_| random_formula(dice, depth - 1))
        .collect();
    match dice.below(3) {
        0 => Formula::All(children),
        1 => Formula::Any(children),
        _ => Formula::Choose {
            count: 1 + dice.below(children.len() as u64) as u32,
            from: children,
        },
    }
}

/// Items 4 and 5 may be done another way (like a level with a
/// completion, or a credential a level awards), from lower items only.
fn random_side(dice: &mut Dice) -> Side {
    let mut side = Side::default();
    for atom in [4, 5] {
        if dice.below(2) == 0 {
            let mut derived = random_formula(dice, 2);
            lower_only(&mut derived, atom);
            side.derived.insert(atom, derived);
        }
    }
    side
}

fn lower_only(formula: &mut Formula, below: Atom) {
    match formula {
        Formula::Done(atom) if *atom >= below => *atom %= below,
        Formula::All(c) | Formula::Any(c) | Formula::Choose { from: c, .. } => {
            c.iter_mut().for_each(|f| lower_only(f, below));
        }
        _ => {}
    }
}

/// A record: which items are listed, and each measure's amount.
struct Record {
    listed: u32,
    amounts: [f64; 2],
}

fn holds(side: &Side, formula: &Formula, record: &Record) -> bool {
    match formula {
        Formula::True => true,
        Formula::False => false,
        Formula::Done(atom) => {
            record.listed & (1 << atom) != 0
                || side
                    .derived
                    .get(atom)
                    .is_some_and(|d| holds(side, d, record))
        }
        Formula::Reaches { measure, at_least } => {
            record.amounts[(measure - ITEMS) as usize] >= *at_least
        }
        Formula::All(c) => c.iter().all(|f| holds(side, f, record)),
        Formula::Any(c) => c.iter().any(|f| holds(side, f, record)),
        Formula::Choose { count, from } => {
            from.iter().filter(|f| holds(side, f, record)).count() >= *count as usize
        }
    }
}

fn every_record() -> impl Iterator<Item = Record> {
    (0..1u32 << ITEMS).flat_map(|listed| {
        THRESHOLDS.into_iter().flat_map(move |a| {
            THRESHOLDS.into_iter().map(move |b| Record {
                listed,
                amounts: [a, b],
            })
        })
    })
}

fn record_of(way: &Way) -> Record {
    let mut record = Record {
        listed: 0,
        amounts: [0.0; 2],
    };
    for atom in &way.done {
        record.listed |= 1 << atom;
    }
    for (measure, amount) in &way.amounts {
        record.amounts[(measure - ITEMS) as usize] = *amount;
    }
    record
}

#[test]
fn the_decision_agrees_with_trying_every_record() {
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let mut seen = HashMap::new();
    for case in 0..3000 {
        let old_side = random_side(&mut dice);
        // Half the time the change leaves how items are done alone, as
        // most changes do: what lets an item be read as listed only.
        let new_side = if dice.below(2) == 0 {
            old_side.clone()
        } else {
            random_side(&mut dice)
        };
        let old = random_formula(&mut dice, 3);
        // Half the time, a small edit of the old rule, as a real change is.
        let new = if dice.below(2) == 0 {
            random_formula(&mut dice, 3)
        } else {
            Formula::All(vec![old.clone(), random_formula(&mut dice, 1)])
        };
        let (mut lost, mut gained) = (false, false);
        for record in every_record() {
            let (before, after) = (
                holds(&old_side, &old, &record),
                holds(&new_side, &new, &record),
            );
            lost |= before && !after;
            gained |= !before && after;
        }
        let verdict = decide(&old_side, &old, &new_side, &new);
        *seen.entry(verdict.name()).or_insert(0) += 1;
        if !opaque(&old_side, &old, &new_side, &new).is_empty() {
            *seen.entry("an item read as listed only").or_insert(0) += 1;
        }
        let replay = format!("case {case}: {old:?} -> {new:?}, {verdict:?}");
        match &verdict {
            Verdict::Stricter { lost: way } => {
                assert!(lost && !gained, "{replay}");
                let r = record_of(way);
                assert!(
                    holds(&old_side, &old, &r) && !holds(&new_side, &new, &r),
                    "{replay}"
                );
            }
            Verdict::Looser { gained: way } => {
                assert!(gained && !lost, "{replay}");
                let r = record_of(way);
                assert!(
                    !holds(&old_side, &old, &r) && holds(&new_side, &new, &r),
                    "{replay}"
                );
            }
            Verdict::Both { lost: l, gained: g } => {
                assert!(lost && gained, "{replay}");
                let (l, g) = (record_of(l), record_of(g));
                assert!(
                    holds(&old_side, &old, &l) && !holds(&new_side, &new, &l),
                    "{replay}"
                );
                assert!(
                    !holds(&old_side, &old, &g) && holds(&new_side, &new, &g),
                    "{replay}"
                );
            }
            Verdict::Equivalent => assert!(!lost && !gained, "{replay}"),
            Verdict::Undecided => panic!("small rules are always decided: {replay}"),
        }
    }
    // Every verdict occurred often enough for the agreement to mean something.
    for name in [
        "stricter",
        "looser",
        "both",
        "equivalent",
        "an item read as listed only",
    ] {
        assert!(seen.get(name).copied().unwrap_or(0) > 50, "{seen:?}");
    }
}

#[test]
fn a_witness_is_a_smallest_record() {
    // Before: any of Level 2 (4), or 2 of three workshops (0, 1, 2).
    // After: Level 2 and first aid (3).
    let side = Side::default();
    let old = Formula::Any(vec![
        Formula::Done(4),
        Formula::Choose {
            count: 2,
            from: vec![Formula::Done(0), Formula::Done(1), Formula::Done(2)],
        },
    ]);
    let new = Formula::All(vec![Formula::Done(4), Formula::Done(3)]);
    let verdict = decide(&side, &old, &side, &new);
    let Verdict::Stricter { lost } = verdict else {
        panic!("{verdict:?}");
    };
    assert_eq!(
        lost.done,
        [4],
        "Level 2 alone: the smallest record that loses"
    );
}

#[test]
fn a_raised_threshold_is_stricter_at_the_old_amount() {
    let side = Side::default();
    let hours = |at_least| Formula::Reaches {
        measure: 9,
        at_least,
    };
    let verdict = decide(&side, &hours(300.0), &side, &hours(400.0));
    assert_eq!(
        verdict,
        Verdict::Stricter {
            lost: Way {
                done: Vec::new(),
                amounts: vec![(9, 300.0)]
            }
        }
    );
    assert_eq!(
        decide(&side, &hours(0.0), &side, &Formula::True),
        Verdict::Equivalent
    );
}

#[test]
fn a_long_chain_is_walked_not_recursed() {
    // Level n is done by level n - 1 and workshop n: 50,000 of them.
    let mut side = Side::default();
    let levels = 50_000;
    for n in 1..levels {
        side.derived.insert(
            n,
            Formula::All(vec![Formula::Done(n - 1), Formula::Done(levels + n)]),
        );
    }
    // Too many ways to list, and said so, without a stack overflow.
    let verdict = decide(
        &side,
        &Formula::Done(levels - 1),
        &Side::default(),
        &Formula::True,
    );
    assert_eq!(verdict, Verdict::Undecided);
}

#[test]
fn a_pool_of_hundreds_is_decided() {
    let side = Side::default();
    let pool = |n: u32| (0..n).map(Formula::Done).collect::<Vec<_>>();
    for (count, size) in [(1, 354), (2, 45), (3, 21), (3, 26), (4, 15)] {
        let choose = |n| Formula::Choose {
            count,
            from: pool(n),
        };
        let verdict = decide(&side, &choose(size), &side, &choose(size + 1));
        assert!(
            matches!(verdict, Verdict::Looser { .. }),
            "{count} of {size}, then of {}: {verdict:?}",
            size + 1
        );
    }
}

#[test]
fn too_many_ways_is_undecided_not_guessed() {
    let side = Side::default();
    let pool = |n: u32| (0..n).map(Formula::Done).collect::<Vec<_>>();
    let old = Formula::Choose {
        count: 6,
        from: pool(30),
    };
    let new = Formula::Choose {
        count: 5,
        from: pool(30),
    };
    assert_eq!(decide(&side, &old, &side, &new), Verdict::Undecided);
}
