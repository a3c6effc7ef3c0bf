//! E010 (prerequisite cycle) and E017 (requires itself): an entity that,
//! through `requires`, `completion` and `awards`, ends up needing itself
//! can never be reached, and nor can anything that needs it; a checklist
//! would show boxes no one can ever tick.
//!
//! A pure rule over the resolved graph: Tarjan's algorithm finds each knot
//! of entities that need each other, and one diagnostic per knot spells out
//! its shortest cycle.

use super::CheckInput;
use crate::catalogue::{Catalogue, Entity, Id, Ref};
use crate::content::Details;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::rules::{Expr, RefRole};
use crate::source::Span;
use crate::text;
use std::collections::HashSet;

/// A document's position in the catalogue, as the graph algorithms index it.
type DocId = usize;

/// "`from` needs `to`", written at `at`: a span in a document's file (the
/// level's, for a workshop that inherits its level's `requires`; none for
/// the implied edge from a credential to the level that awards it).
struct Edge {
    to: DocId,
    at: Option<(DocId, Span)>,
}

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    let graph: Vec<Vec<Edge>> = catalogue
        .entities()
        .map(|(id, doc)| edges(catalogue, id, doc))
        .collect();
    let docs = &catalogue.documents;
    // One diagnostic per knot of entities that need each other (a strongly
    // connected component), spelling out its shortest cycle: a catalogue
    // with a thousand-level loop gets one clear message, not a thousand.
    for component in strongly_connected(&graph) {
        let looped =
            component.len() > 1 || graph[component[0]].iter().any(|e| e.to == component[0]);
        if !looped {
            continue;
        }
        // The shortest cycle through any member (for knots of a reasonable
        // size; a huge one starts from its smallest id).
        let starts: Vec<DocId> = if component.len() <= 64 {
            component.clone()
        } else {
            component
                .iter()
                .copied()
                .min_by_key(|&i| &docs[i].id)
                .into_iter()
                .collect()
        };
        let Some(cycle) = starts
            .into_iter()
            .map(|start| shortest_cycle(&graph, &component, start))
            .min_by(|a, b| {
                a.len()
                    .cmp(&b.len())
                    .then_with(|| docs[a[0]].id.cmp(&docs[b[0]].id))
            })
        else {
            continue;
        };
        report(catalogue, &graph, &cycle, diags);
    }
}

/// Tarjan's algorithm, iterative: deep chains must not overflow the stack.
fn strongly_connected(graph: &[Vec<Edge>]) -> Vec<Vec<DocId>> {
    const UNSEEN: usize = usize::MAX;
    let n = graph.len();
    let (mut index, mut low, mut on_stack) = (vec![UNSEEN; n], vec![0; n], vec![false; n]);
    let (mut stack, mut components, mut next) = (Vec::new(), Vec::new(), 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        let mut calls: Vec<(DocId, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut edge)) = calls.last_mut() {
            if let Some(target) = graph[node].get(*edge).map(|e| e.to) {
                *edge += 1;
                if index[target] == UNSEEN {
                    index[target] = next;
                    low[target] = next;
                    next += 1;
                    stack.push(target);
                    on_stack[target] = true;
                    calls.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(index[target]);
                }
            } else {
                calls.pop();
                if let Some(&(parent, _)) = calls.last() {
                    low[parent] = low[parent].min(low[node]);
                }
                if low[node] == index[node] {
                    let mut component = Vec::new();
                    while let Some(member) = stack.pop() {
                        on_stack[member] = false;
                        component.push(member);
                        if member == node {
                            break;
                        }
                    }
                    components.push(component);
                }
            }
        }
    }
    components
}

/// The shortest way from `start` back to itself inside `component`
/// (breadth first), as the list of entities on it.
fn shortest_cycle(graph: &[Vec<Edge>], component: &[DocId], start: DocId) -> Vec<DocId> {
    let inside: HashSet<DocId> = component.iter().copied().collect();
    let mut came_from: std::collections::HashMap<DocId, DocId> = std::collections::HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for edge in &graph[node] {
            if edge.to == start {
                let mut cycle = vec![node];
                while let Some(&previous) = came_from.get(cycle.last().unwrap_or(&start)) {
                    cycle.push(previous);
                }
                cycle.reverse();
                return cycle;
            }
            if inside.contains(&edge.to) && edge.to != start && !came_from.contains_key(&edge.to) {
                came_from.insert(edge.to, node);
                queue.push_back(edge.to);
            }
        }
    }
    vec![start]
}

fn report(catalogue: &Catalogue, graph: &[Vec<Edge>], cycle: &[DocId], diags: &mut Diagnostics) {
    let docs = &catalogue.documents;
    // Start the story at the smallest id whose step is written somewhere.
    let step_at = |position: usize| -> Option<(DocId, Span)> {
        let from = cycle[position];
        let to = cycle[(position + 1) % cycle.len()];
        graph[from].iter().find(|e| e.to == to)?.at.clone()
    };
    let start = (0..cycle.len())
        .filter(|&p| step_at(p).is_some())
        .min_by_key(|&p| &docs[cycle[p]].id)
        .unwrap_or(0);
    let first = &docs[cycle[start]];
    let (file, span) = match step_at(start) {
        Some((file, span)) => (&docs[file].source, span),
        None => (&first.source, first.common.title.span.clone()),
    };
    // A level that requires one of its own workshops: the workshop takes
    // the level's `requires` as its own, and so would need itself.
    let inherited_level = match (&first.details, cycle.len()) {
        (Details::Workshop(workshop), 1) if workshop.requires.is_none() => workshop
            .level
            .as_ref()
            .map(|level| &docs[level.id.index()].id),
        _ => None,
    };
    let (message, help) = if let Some(level) = inherited_level {
        (
            text!("requires_own_workshop", level = level, workshop = &first.id),
            text!("requires_own_workshop_help", workshop = &first.id),
        )
    } else if cycle.len() == 1 {
        (
            text!("requires_itself", id = &first.id),
            text!("requires_itself_help"),
        )
    } else {
        let mut path: Vec<&str> = (0..cycle.len())
            .map(|k| docs[cycle[(start + k) % cycle.len()]].id.as_str())
            .collect();
        path.push(&first.id);
        (
            text!("cycle", path = path.join(" -> ")),
            text!("cycle_help"),
        )
    };
    diags.push(
        Diagnostic::error(
            if cycle.len() == 1 {
                Code::RequiresItself
            } else {
                Code::Cycle
            },
            message,
        )
        .at(file, span)
        .with_help(help),
    );
}

/// What `doc` (the entity `from`) needs.
fn edges(catalogue: &Catalogue, from: Id, doc: &Entity) -> Vec<Edge> {
    let mut edges = Vec::new();
    for (_, expr) in doc.rules() {
        expr_edges(catalogue, from.index(), expr, &mut edges);
    }
    match &doc.details {
        Details::Workshop(workshop) if workshop.requires.is_none() => {
            if let Some(level) = &workshop.level
                && let Some(expr) = catalogue.workshop_requires(workshop)
            {
                // The level's rule, inherited: written in the level's file.
                expr_edges(catalogue, level.id.index(), expr, &mut edges);
            }
        }
        Details::Credential(_) => {
            for &level in catalogue.awarded_by(from) {
                edges.push(Edge {
                    to: level.index(),
                    at: None,
                });
            }
        }
        _ => {}
    }
    edges
}

/// The edges of an expression written in the file of `written_in`.
fn expr_edges(catalogue: &Catalogue, written_in: DocId, expr: &Expr<Ref>, edges: &mut Vec<Edge>) {
    let mut push = |to: Id, span: &Span| {
        edges.push(Edge {
            to: to.index(),
            at: Some((written_in, span.clone())),
        });
    };
    for (target, role) in expr.references() {
        match role {
            RefRole::Item | RefRole::PoolItem => push(target.id, &target.span),
            // Choosing from a level needs that level's workshops.
            RefRole::PoolLevel => {
                for &workshop in catalogue.workshops_of(target.id) {
                    push(workshop, &target.span);
                }
            }
            // A measured requirement needs nothing.
            RefRole::Measure => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    fn level(requires: &str) -> String {
        md(&format!("title = \"L\"\nrequires = {requires}"), "")
    }

    #[test]
    fn a_loop_is_spelled_out_from_its_smallest_id() {
        let site = Site::new(&[
            ("content/levels/a.md", &level("\"b\"")),
            ("content/levels/b.md", &level("\"c\"")),
            ("content/levels/c.md", &level("[\"a\"]")),
            ("content/levels/d.md", &level("\"a\"")),
        ]);
        assert_eq!(
            site.rule("cycles"),
            [
                "E010 content/levels/a.md:3:12 prerequisite cycle: a -> b -> c -> a (help: no one could ever start any of these; remove one of the references in the chain)"
            ]
        );
    }

    #[test]
    fn an_entity_that_requires_itself() {
        let site = Site::new(&[("content/levels/a.md", &level("{ any = [\"a\"] }"))]);
        assert_eq!(
            site.rule("cycles"),
            [
                "E017 content/levels/a.md:3:21 \"a\" requires itself (help: remove this reference: an entity cannot be its own prerequisite)"
            ]
        );
    }

    #[test]
    fn loops_through_awards_pools_and_inherited_rules() {
        // `a` needs the credential it awards itself. `c` needs a workshop
        // of `b`, and that workshop inherits `b`'s need for `c`: the step
        // is written in b.md.
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md("title = \"A\"\nrequires = \"cert\"\nawards = \"cert\"", ""),
            ),
            ("content/credentials/cert.md", &md("title = \"C\"", "")),
            ("content/levels/b.md", &level("\"c\"")),
            (
                "content/levels/c.md",
                &md(
                    "title = \"C\"\ncompletion = { choose = 1, from = \"b\" }",
                    "",
                ),
            ),
            (
                "content/workshops/w.md",
                &md("title = \"W\"\nlevel = \"b\"", ""),
            ),
        ]);
        assert_eq!(
            site.rule("cycles"),
            [
                "E010 content/levels/a.md:3:12 prerequisite cycle: a -> cert -> a (help: no one could ever start any of these; remove one of the references in the chain)",
                "E010 content/levels/c.md:3:35 prerequisite cycle: c -> w -> c (help: no one could ever start any of these; remove one of the references in the chain)",
            ]
        );
    }

    #[test]
    fn a_chain_without_a_loop_is_fine() {
        let site = Site::new(&[
            ("content/levels/a.md", &level("\"b\"")),
            ("content/levels/b.md", &level("[\"c\", \"c\"]")),
            ("content/levels/c.md", &md("title = \"C\"", "")),
        ]);
        assert_eq!(site.rule("cycles"), Vec::<String>::new());
    }

    #[test]
    fn a_level_requiring_its_own_workshop_is_told_why() {
        let site = Site::new(&[
            (
                "content/levels/deck.md",
                &md(
                    "title = \"Deck\"\nsummary = \"S\"\nrequires = [\"knots\"]",
                    "",
                ),
            ),
            (
                "content/workshops/knots.md",
                &md("title = \"Knots\"\nsummary = \"S\"\nlevel = \"deck\"", ""),
            ),
        ]);
        assert_eq!(
            site.rule("cycles"),
            [
                "E017 content/levels/deck.md:4:13 \"deck\" requires its own workshop \"knots\", which takes the level's prerequisites as its own and so would need itself (help: give \"knots\" its own `requires` (`requires = []` for none), or count it in the level's `completion` instead of its `requires`)"
            ]
        );
    }
}
