//! Rules as monotone conditions, and their minimal ways to be met: what
//! decides whether a rule became stricter or looser (`cairn diff`,
//! [`decide`]) and the shortest plan toward a goal (`cairn eligibility
//! --goal`, [`cheapest`]).
//!
//! Every rule cairn knows is *monotone*: doing more never makes a rule
//! fail (`all`, `any`, `choose` and `has` only ever ask for more; a
//! preferred part asks for nothing). A monotone condition is exactly the
//! set of its *minimal ways to be met*, each a set of things done (and of
//! amounts reached), none containing another: its prime implicants.
//!
//! So the new rule is stricter than the old one for somebody exactly when
//! one of the old rule's minimal ways is not met under the new rule, and
//! that way is the witness: the smallest record that could before and
//! cannot now. Looser is the same question the other way round. Listing
//! the minimal ways is exact; it is bounded by [`LIMIT`] ways per rule (a
//! `choose 5 of 30` alone has 142,506), above which a change is reported
//! as undecided rather than guessed.

use std::collections::{HashMap, HashSet};

/// The most minimal ways a rule (or any part of it) may have before the
/// decision gives up: far above what real pathways need (the bundled ICC
/// and IDC mentorship rules have a few hundred), low enough that a
/// decision never takes more than a moment.
pub const LIMIT: usize = 10_000;

/// An atom: an entity or a measured requirement, by its index in the
/// caller's table (for a diff, the same on both sides).
pub type Atom = u32;

/// A monotone condition on a person's record.
#[derive(Debug, Clone, PartialEq)]
pub enum Formula {
    True,
    False,
    /// The entity is done: listed in the record, or done the way its own
    /// rules say (a level's completion, a level that awards a credential),
    /// which [`Side::derived`] holds.
    Done(Atom),
    /// The record's amount of a measured requirement reaches a number.
    Reaches {
        measure: Atom,
        at_least: f64,
    },
    All(Vec<Formula>),
    Any(Vec<Formula>),
    /// At least `count` of them.
    Choose {
        count: u32,
        from: Vec<Formula>,
    },
}

/// One side of a diff: how each entity is done other than by being listed.
#[derive(Debug, Default, Clone)]
pub struct Side {
    pub derived: HashMap<Atom, Formula>,
    /// An entity with a derivation is done through it only, never by being
    /// listed: how a plan reads the catalogue (a level is reached by doing
    /// what it asks, not by saying it is done).
    pub derived_only: bool,
}

/// One minimal way to meet a rule: these things done, these amounts
/// reached (sorted by atom), and nothing else.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Way {
    pub done: Vec<Atom>,
    pub amounts: Vec<(Atom, f64)>,
}

impl Way {
    fn size(&self) -> usize {
        self.done.len() + self.amounts.len()
    }

    /// Whether every record meeting `other` meets `self` too: `self` asks
    /// for no more than `other` has.
    fn covers(&self, other: &Way) -> bool {
        subset(&self.done, &other.done)
            && self.amounts.iter().all(|(measure, needed)| {
                other
                    .amounts
                    .iter()
                    .any(|(m, has)| m == measure && has >= needed)
            })
    }

    /// Both ways at once.
    fn and(&self, other: &Way) -> Way {
        let mut done = self.done.clone();
        done.extend_from_slice(&other.done);
        done.sort_unstable();
        done.dedup();
        let mut amounts = self.amounts.clone();
        for &(measure, at_least) in &other.amounts {
            match amounts.iter_mut().find(|(m, _)| *m == measure) {
                Some((_, mine)) => *mine = mine.max(at_least),
                None => amounts.push((measure, at_least)),
            }
        }
        amounts.sort_by_key(|&(m, _)| m);
        Way { done, amounts }
    }
}

/// Whether sorted `small` is within sorted `large`.
fn subset(small: &[Atom], large: &[Atom]) -> bool {
    let mut rest = large.iter();
    small.iter().all(|x| rest.any(|y| y == x))
}

/// The minimal ways of a condition, or that there are more than [`LIMIT`].
pub type Ways = Result<Vec<Way>, TooMany>;

/// More than [`LIMIT`] minimal ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooMany;

/// How much one decision may do before it gives up, in steps of comparing
/// or copying one atom of a way: a fraction of a second.
pub const WORK: u64 = 100_000_000;

/// What one decision has left of [`WORK`].
struct Budget {
    left: std::cell::Cell<u64>,
    /// When set, every list keeps only its this many cheapest ways, never
    /// failing for too many: an approximation, for plans past [`LIMIT`].
    beam: Option<usize>,
    /// Whether the beam cut anything (the result is then approximate).
    cut: std::cell::Cell<bool>,
}

impl Budget {
    fn new(beam: Option<usize>) -> Budget {
        Budget {
            left: std::cell::Cell::new(WORK),
            beam,
            cut: std::cell::Cell::new(false),
        }
    }

    fn spend(&self, amount: u64) -> Result<(), TooMany> {
        let left = self.left.get().checked_sub(amount).ok_or(TooMany)?;
        self.left.set(left);
        Ok(())
    }

    /// A finished list within the bound: cut to the beam, or refused past
    /// [`LIMIT`]. `ways` is in [`order`], cheapest first.
    fn bound(&self, mut ways: Vec<Way>) -> Ways {
        match self.beam {
            Some(beam) if ways.len() > beam => {
                ways.truncate(beam);
                self.cut.set(true);
                Ok(ways)
            }
            Some(_) => Ok(ways),
            None if ways.len() > LIMIT => Err(TooMany),
            None => Ok(ways),
        }
    }
}

/// The order ways are kept in: smallest first, then by atoms, so that
/// every run picks the same witness.
fn order(a: &Way, b: &Way) -> std::cmp::Ordering {
    let amounts = |w: &Way| {
        w.amounts
            .iter()
            .map(|&(m, n)| (m, n.to_bits()))
            .collect::<Vec<_>>()
    };
    a.size()
        .cmp(&b.size())
        .then_with(|| a.done.cmp(&b.done))
        .then_with(|| amounts(a).cmp(&amounts(b)))
}

/// A quick filter for [`Way::covers`]: a bit per atom (modulo 64). A way
/// can cover another only if its bits are among the other's.
fn signature(way: &Way) -> u64 {
    way.done
        .iter()
        .chain(way.amounts.iter().map(|(m, _)| m))
        .fold(0, |bits, atom| bits | 1 << (atom % 64))
}

/// Whether some way of `by` (with its signatures) covers `way`, counting
/// the comparisons made against the budget.
fn covered(budget: &Budget, by: &[Way], signatures: &[u64], way: &Way) -> Result<bool, TooMany> {
    // A comparison costs up to the size of the way.
    budget.spend((by.len() as u64 + 1) * (way.size() as u64 + 1))?;
    let mine = signature(way);
    Ok(by
        .iter()
        .zip(signatures)
        .any(|(b, &bits)| bits & !mine == 0 && b.covers(way)))
}

/// Keep the minimal ways only, in [`order`].
fn minimal(budget: &Budget, mut ways: Vec<Way>) -> Ways {
    ways.sort_by(order);
    ways.dedup();
    let mut kept: Vec<Way> = Vec::new();
    let mut signatures: Vec<u64> = Vec::new();
    for way in ways {
        // In order, cheapest first: the beam's worth of minimal ways found,
        // the rest can only cost more.
        if budget.beam.is_some_and(|beam| kept.len() >= beam) {
            budget.cut.set(true);
            break;
        }
        if !covered(budget, &kept, &signatures, &way)? {
            signatures.push(signature(&way));
            kept.push(way);
            if budget.beam.is_none() && kept.len() > LIMIT {
                return Err(TooMany);
            }
        }
    }
    budget.bound(kept)
}

fn and(budget: &Budget, a: &[Way], b: &[Way]) -> Ways {
    budget.spend(a.len() as u64 * b.len() as u64)?;
    if budget.beam.is_none() && a.len().saturating_mul(b.len()) > LIMIT.saturating_mul(LIMIT) {
        return Err(TooMany);
    }
    minimal(
        budget,
        a.iter().flat_map(|x| b.iter().map(|y| x.and(y))).collect(),
    )
}

/// Either of two lists of minimal ways: a way of one is compared with the
/// ways of the other only, never with its own list.
fn or(budget: &Budget, a: &[Way], b: &[Way]) -> Ways {
    let signatures = |ways: &[Way]| ways.iter().map(signature).collect::<Vec<u64>>();
    let (a_bits, b_bits) = (signatures(a), signatures(b));
    let mut kept = Vec::with_capacity(a.len() + b.len());
    // A way in both lists is kept from `b`'s side only.
    for way in a {
        if !covered(budget, b, &b_bits, way)? {
            kept.push(way.clone());
        }
    }
    for way in b {
        let strictly = covered(budget, a, &a_bits, way)? && !a.contains(way);
        if !strictly {
            kept.push(way.clone());
        }
    }
    kept.sort_by(order);
    budget.bound(kept)
}

/// The minimal ways of every condition of one side, with the ways of each
/// entity's being done kept once.
struct Expander<'a> {
    side: &'a Side,
    /// Entities read as done only when listed (see [`opaque`]).
    opaque: &'a HashSet<Atom>,
    done: HashMap<Atom, Ways>,
    budget: &'a Budget,
}

impl<'a> Expander<'a> {
    fn new(side: &'a Side, opaque: &'a HashSet<Atom>, budget: &'a Budget) -> Self {
        Expander {
            side,
            opaque,
            done: HashMap::new(),
            budget,
        }
    }

    /// The minimal ways of `formula` on this side.
    fn ways(&mut self, formula: &Formula) -> Ways {
        self.prepare(formula);
        self.expand(formula)
    }

    /// Work out, deepest first, the ways of every entity `formula` leads
    /// to, with an explicit stack: a chain of 50,000 levels is walked, not
    /// recursed. An entity met again while it is being worked out (a loop,
    /// which `cairn check` forbids) counts as done only when listed.
    fn prepare(&mut self, formula: &Formula) {
        let mut stack: Vec<(Atom, Vec<Atom>, usize)> = Vec::new();
        let mut open: std::collections::HashSet<Atom> = std::collections::HashSet::new();
        let mut roots = Vec::new();
        mentions(formula, &mut roots);
        for root in roots {
            if self.done.contains_key(&root) || open.contains(&root) {
                continue;
            }
            open.insert(root);
            stack.push((root, self.needs(root), 0));
            while let Some((atom, needs, next)) = stack.last_mut() {
                if let Some(&need) = needs.get(*next) {
                    *next += 1;
                    if !self.done.contains_key(&need) && open.insert(need) {
                        let needs = self.needs(need);
                        stack.push((need, needs, 0));
                    }
                } else {
                    let atom = *atom;
                    stack.pop();
                    let listed = vec![Way {
                        done: vec![atom],
                        amounts: Vec::new(),
                    }];
                    // Mark it first, so that a loop back to it reads
                    // "listed" (or, done through its rules only, "never").
                    let derived = self.derived(atom);
                    let looped = if self.side.derived_only && derived.is_some() {
                        Vec::new()
                    } else {
                        listed.clone()
                    };
                    self.done.insert(atom, Ok(looped));
                    let ways = match derived {
                        Some(derived) if self.side.derived_only => self.expand(derived),
                        Some(derived) => self
                            .expand(derived)
                            .and_then(|w| or(self.budget, &listed, &w)),
                        None => Ok(listed),
                    };
                    self.done.insert(atom, ways);
                    open.remove(&atom);
                }
            }
        }
    }

    fn derived(&self, atom: Atom) -> Option<&'a Formula> {
        if self.opaque.contains(&atom) {
            return None;
        }
        self.side.derived.get(&atom)
    }

    fn needs(&self, atom: Atom) -> Vec<Atom> {
        let mut found = Vec::new();
        if let Some(derived) = self.derived(atom) {
            mentions(derived, &mut found);
        }
        found
    }

    /// The ways of `formula`, every entity it mentions already prepared.
    fn expand(&self, formula: &Formula) -> Ways {
        match formula {
            Formula::True => Ok(vec![Way::default()]),
            Formula::False => Ok(Vec::new()),
            Formula::Done(atom) => match self.done.get(atom) {
                Some(Ok(ways)) => {
                    let size: usize = ways.iter().map(|w| w.size() + 1).sum();
                    self.budget.spend(size as u64)?;
                    Ok(ways.clone())
                }
                Some(Err(too_many)) => Err(*too_many),
                None => Ok(vec![Way {
                    done: vec![*atom],
                    amounts: Vec::new(),
                }]),
            },
            Formula::Reaches { measure, at_least } => Ok(vec![if *at_least > 0.0 {
                Way {
                    done: Vec::new(),
                    amounts: vec![(*measure, *at_least)],
                }
            } else {
                Way::default()
            }]),
            Formula::All(children) => {
                let mut ways = vec![Way::default()];
                for child in children {
                    ways = and(self.budget, &ways, &self.expand(child)?)?;
                }
                Ok(ways)
            }
            Formula::Any(children) => {
                let mut ways = Vec::new();
                for child in children {
                    ways = or(self.budget, &ways, &self.expand(child)?)?;
                }
                Ok(ways)
            }
            Formula::Choose { count, from } => {
                let count = *count as usize;
                if count > from.len() {
                    return Ok(Vec::new());
                }
                let mut members: Vec<Vec<Way>> = from
                    .iter()
                    .map(|m| self.expand(m))
                    .collect::<Result<_, _>>()?;
                if let Some(ways) = choose_items(self.budget, count, &members)? {
                    return Ok(ways);
                }
                // Approximating: only the members cheapest to meet, a few
                // more than are needed, are chosen among.
                if let Some(beam) = self.budget.beam {
                    let keep = count + beam.min(8);
                    if members.len() > keep {
                        members.sort_by(|a, b| match (a.first(), b.first()) {
                            (Some(a), Some(b)) => order(a, b),
                            (a, b) => b.is_some().cmp(&a.is_some()),
                        });
                        members.truncate(keep);
                        self.budget.cut.set(true);
                    }
                }
                // by_chosen[j]: the ways to have j of the members seen so far.
                let mut by_chosen: Vec<Vec<Way>> = vec![Vec::new(); count + 1];
                by_chosen[0] = vec![Way::default()];
                for member in &members {
                    for j in (1..=count).rev() {
                        if by_chosen[j - 1].is_empty() {
                            continue;
                        }
                        let with = and(self.budget, &by_chosen[j - 1], member)?;
                        by_chosen[j] = or(self.budget, &by_chosen[j], &with)?;
                    }
                }
                Ok(std::mem::take(&mut by_chosen[count]))
            }
        }
    }
}

/// `count` of distinct single items (a level's pool of workshops): every
/// set of `count` of them is a minimal way, and none covers another, so
/// they are listed directly. `None` when the members are anything else.
fn choose_items(
    budget: &Budget,
    count: usize,
    members: &[Vec<Way>],
) -> Result<Option<Vec<Way>>, TooMany> {
    let mut items: Vec<Atom> = Vec::with_capacity(members.len());
    for member in members {
        match member.as_slice() {
            [Way { done, amounts }] if done.len() == 1 && amounts.is_empty() => items.push(done[0]),
            _ => return Ok(None),
        }
    }
    items.sort_unstable();
    if items.windows(2).any(|pair| pair[0] == pair[1]) {
        return Ok(None);
    }
    // How many sets there are, stopping as soon as it passes the limit.
    let mut total: u128 = 1;
    for i in 0..count {
        total = total * (items.len() - i) as u128 / (i + 1) as u128;
        if total > LIMIT as u128 {
            match budget.beam {
                // Every set costs the same: the first ones, in order.
                Some(beam) => {
                    budget.cut.set(true);
                    total = beam as u128;
                    break;
                }
                None => return Err(TooMany),
            }
        }
    }
    budget.spend(total as u64 * count as u64)?;
    let mut ways = Vec::with_capacity(total as usize);
    let mut chosen: Vec<usize> = (0..count).collect();
    loop {
        ways.push(Way {
            done: chosen.iter().map(|&i| items[i]).collect(),
            amounts: Vec::new(),
        });
        if ways.len() as u128 >= total {
            break;
        }
        // The next set in lexicographic order, or the end.
        let Some(at) = (0..count)
            .rev()
            .find(|&i| chosen[i] < items.len() - count + i)
        else {
            break;
        };
        chosen[at] += 1;
        for i in at + 1..count {
            chosen[i] = chosen[i - 1] + 1;
        }
    }
    Ok(Some(ways))
}

/// What decides between two ways to meet a plan's goal besides their
/// size and their atoms' order.
pub struct Preference<'a> {
    /// Whether an atom is granted at the organizers' discretion or by
    /// assessment (`discretionary = true`): offered only when nothing
    /// else reaches the goal.
    pub discretionary: &'a dyn Fn(Atom) -> bool,
    /// How far a way's amounts are from what the person has: between ways
    /// with as many things, the nearest wins.
    pub effort: &'a dyn Fn(&Way) -> f64,
}

/// The cheapest way to meet `formula` on `side`, and whether it is
/// certainly the cheapest. Ways are compared by how many of their things
/// are [`Preference::discretionary`] (fewer always wins), then by how many
/// things done and amounts reached they ask for, then by their
/// [`Preference::effort`], then by [`order`] (the atoms' order). Exact
/// while the rule has at most [`LIMIT`] minimal ways within the [`WORK`]
/// budget: a way within another asks for no more discretionary things
/// and no more things, so the cheapest is always a minimal way. Past that, the cheapest of the ways kept when each
/// list keeps its `BEAM` shortest. `None` when nothing meets it; an error
/// when even the approximation runs out of [`WORK`].
pub fn cheapest(
    side: &Side,
    formula: &Formula,
    prefer: &Preference<'_>,
) -> Result<Option<(Way, bool)>, TooMany> {
    const BEAM: usize = 64;
    let discretionary = |way: &Way| {
        way.done
            .iter()
            .chain(way.amounts.iter().map(|(measure, _)| measure))
            .filter(|&&atom| (prefer.discretionary)(atom))
            .count()
    };
    let best = |ways: Vec<Way>| {
        ways.into_iter().min_by(|a, b| {
            discretionary(a)
                .cmp(&discretionary(b))
                .then_with(|| a.size().cmp(&b.size()))
                .then_with(|| (prefer.effort)(a).total_cmp(&(prefer.effort)(b)))
                .then_with(|| order(a, b))
        })
    };
    let none = HashSet::new();
    let exact = Budget::new(None);
    if let Ok(ways) = Expander::new(side, &none, &exact).ways(formula) {
        return Ok(best(ways).map(|way| (way, true)));
    }
    let beam = Budget::new(Some(BEAM));
    let ways = Expander::new(side, &none, &beam).ways(formula)?;
    let certain = !beam.cut.get();
    Ok(best(ways).map(|way| (way, certain)))
}

/// The entities the two rules name that can be read as done only when
/// listed, without changing any verdict: those done the same way on both
/// sides (their rules, and the rules of all they lead to, unchanged), not
/// done by everyone, and whose ways share nothing with the rest of either
/// rule. Being done is then a condition of its own, free of everything
/// else the rules ask, so a record can have it or not as it likes: "Level
/// 2" stays one item, however many workshops could complete it. What
/// keeps a rule that names a level with a `choose` of 3 among 500
/// workshops decidable.
fn opaque(old_side: &Side, old: &Formula, new_side: &Side, new: &Formula) -> HashSet<Atom> {
    let mut named = Vec::new();
    mentions(old, &mut named);
    mentions(new, &mut named);
    measures(old, &mut named);
    measures(new, &mut named);
    named.sort_unstable();
    named.dedup();
    // What each named entity's being done depends on, on either side.
    let reach: HashMap<Atom, HashSet<Atom>> = named
        .iter()
        .map(|&atom| {
            let mut found = reaches(old_side, atom);
            found.extend(reaches(new_side, atom));
            (atom, found)
        })
        .collect();
    let mut opaque = HashSet::new();
    for &atom in &named {
        let Some(depends) = reach.get(&atom) else {
            continue;
        };
        if depends.is_empty() || !old_side.derived.contains_key(&atom) {
            continue;
        }
        let same = std::iter::once(&atom)
            .chain(depends)
            .all(|a| old_side.derived.get(a) == new_side.derived.get(a));
        let apart = named.iter().filter(|&&other| other != atom).all(|other| {
            !depends.contains(other)
                && reach
                    .get(other)
                    .is_none_or(|theirs| theirs.is_disjoint(depends) && !theirs.contains(&atom))
        });
        if same && apart && !done_by_everyone(old_side, atom) {
            opaque.insert(atom);
        }
    }
    opaque
}

/// Every entity and measure the ways of doing `atom` other than listing it
/// go through, transitively, by an explicit walk.
fn reaches(side: &Side, atom: Atom) -> HashSet<Atom> {
    let mut found = HashSet::new();
    let mut stack = vec![atom];
    while let Some(next) = stack.pop() {
        if let Some(derived) = side.derived.get(&next) {
            let mut named = Vec::new();
            mentions(derived, &mut named);
            measures(derived, &mut named);
            for a in named {
                if a != atom && found.insert(a) {
                    stack.push(a);
                }
            }
        }
    }
    found
}

/// Whether `atom` is done on an empty record (a completion of `[]`, say):
/// each entity it goes through decided before those that need it.
fn done_by_everyone(side: &Side, atom: Atom) -> bool {
    fn holds(formula: &Formula, done: &HashMap<Atom, bool>) -> bool {
        match formula {
            Formula::True => true,
            Formula::False => false,
            Formula::Done(a) => done.get(a).copied().unwrap_or(false),
            Formula::Reaches { at_least, .. } => *at_least <= 0.0,
            Formula::All(c) => c.iter().all(|f| holds(f, done)),
            Formula::Any(c) => c.iter().any(|f| holds(f, done)),
            Formula::Choose { count, from } => {
                from.iter().filter(|f| holds(f, done)).count() >= *count as usize
            }
        }
    }
    let mut done: HashMap<Atom, bool> = HashMap::new();
    let mut stack: Vec<(Atom, bool)> = vec![(atom, false)];
    let mut seen = HashSet::from([atom]);
    while let Some((next, expanded)) = stack.pop() {
        let derived = side.derived.get(&next);
        if expanded {
            let result = derived.is_some_and(|f| holds(f, &done));
            done.insert(next, result);
            continue;
        }
        stack.push((next, true));
        if let Some(derived) = derived {
            let mut named = Vec::new();
            mentions(derived, &mut named);
            for a in named {
                if seen.insert(a) {
                    stack.push((a, false));
                }
            }
        }
    }
    done.get(&atom).copied().unwrap_or(false)
}

/// The measured requirements a formula names.
fn measures(formula: &Formula, found: &mut Vec<Atom>) {
    match formula {
        Formula::Reaches { measure, .. } => found.push(*measure),
        Formula::All(children)
        | Formula::Any(children)
        | Formula::Choose { from: children, .. } => {
            for child in children {
                measures(child, found);
            }
        }
        Formula::True | Formula::False | Formula::Done(_) => {}
    }
}

/// The entities a formula names, in order.
fn mentions(formula: &Formula, found: &mut Vec<Atom>) {
    match formula {
        Formula::Done(atom) => found.push(*atom),
        Formula::All(children)
        | Formula::Any(children)
        | Formula::Choose { from: children, .. } => {
            for child in children {
                mentions(child, found);
            }
        }
        Formula::True | Formula::False | Formula::Reaches { .. } => {}
    }
}

/// How a change moved a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Some who could cannot now; nobody gains.
    Stricter { lost: Way },
    /// Some who could not can now; nobody loses.
    Looser { gained: Way },
    /// Some lose and others gain.
    Both { lost: Way, gained: Way },
    /// Written differently, decided the same for everyone.
    Equivalent,
    /// Too many ways to meet it to decide exactly.
    Undecided,
}

impl Verdict {
    /// The name the JSON and the words use.
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Stricter { .. } => "stricter",
            Verdict::Looser { .. } => "looser",
            Verdict::Both { .. } => "both",
            Verdict::Equivalent => "equivalent",
            Verdict::Undecided => "undecided",
        }
    }
}

/// Compare a rule before (on side `old`) and after (on side `new`).
pub fn decide(old_side: &Side, old: &Formula, new_side: &Side, new: &Formula) -> Verdict {
    let budget = Budget::new(None);
    let opaque = opaque(old_side, old, new_side, new);
    let (Ok(before), Ok(after)) = (
        Expander::new(old_side, &opaque, &budget).ways(old),
        Expander::new(new_side, &opaque, &budget).ways(new),
    ) else {
        return Verdict::Undecided;
    };
    let sizes = |ways: &[Way]| ways.iter().map(|w| w.size() as u64 + 1).sum::<u64>();
    let comparisons = sizes(&before) * after.len() as u64 + sizes(&after) * before.len() as u64;
    if budget.spend(comparisons).is_err() {
        return Verdict::Undecided;
    }
    // Of the smallest witnesses, the one closest to the rules' own words:
    // "someone with Level 3" rather than with one of Level 3's workshops.
    let mut named = Vec::new();
    mentions(old, &mut named);
    mentions(new, &mut named);
    let unnamed = |way: &Way| way.done.iter().filter(|a| !named.contains(a)).count();
    let uncovered = |ways: &[Way], by: &[Way]| {
        ways.iter()
            .filter(|way| !by.iter().any(|b| b.covers(way)))
            .min_by_key(|way| (way.size(), unnamed(way)))
            .cloned()
    };
    match (uncovered(&before, &after), uncovered(&after, &before)) {
        (Some(lost), Some(gained)) => Verdict::Both { lost, gained },
        (Some(lost), None) => Verdict::Stricter { lost },
        (None, Some(gained)) => Verdict::Looser { gained },
        (None, None) => Verdict::Equivalent,
    }
}

#[cfg(test)]
mod tests;
