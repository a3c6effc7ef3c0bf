//! Prerequisite cycles: an entity that, through `requires`, `completion` and
//! `awards`, ends up needing itself can never be reached.

use super::{Catalogue, DocId};
use crate::content::Details;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::rules::{Expr, ExprKind, Pool};
use crate::source::Span;
use std::collections::HashSet;

/// "`from` needs `to`", written at `at`: a span in a document's file (the
/// level's, for a workshop that inherits its level's `requires`; none for
/// the implied edge from a credential to the level that awards it).
struct Edge {
    to: DocId,
    at: Option<(DocId, Span)>,
}

pub(super) fn check(catalogue: &Catalogue, diags: &mut Diagnostics) {
    let graph: Vec<Vec<Edge>> = (0..catalogue.documents.len())
        .map(|i| edges(catalogue, i))
        .collect();
    let mut reported: HashSet<Vec<DocId>> = HashSet::new();
    // 0 = unvisited, 1 = on the current path, 2 = finished.
    let mut state = vec![0u8; graph.len()];
    for root in 0..graph.len() {
        if state[root] != 0 {
            continue;
        }
        // Iterative depth-first search: deep chains must not overflow the stack.
        let mut stack: Vec<(DocId, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(edge) = graph[node].get(*next) {
                *next += 1;
                match state[edge.to] {
                    0 => {
                        state[edge.to] = 1;
                        stack.push((edge.to, 0));
                    }
                    1 => {
                        let start = stack.iter().position(|&(n, _)| n == edge.to).unwrap_or(0);
                        let cycle: Vec<DocId> = stack[start..].iter().map(|&(n, _)| n).collect();
                        report(catalogue, &graph, cycle, &mut reported, diags);
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
}

fn report(
    catalogue: &Catalogue,
    graph: &[Vec<Edge>],
    cycle: Vec<DocId>,
    reported: &mut HashSet<Vec<DocId>>,
    diags: &mut Diagnostics,
) {
    let docs = &catalogue.documents;
    let mut canonical = cycle.clone();
    canonical.sort_unstable();
    if !reported.insert(canonical) {
        return;
    }
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
    let (message, help) = if cycle.len() == 1 {
        (
            format!("\"{}\" requires itself", first.id),
            "remove this reference: an entity cannot be its own prerequisite".to_string(),
        )
    } else {
        let mut path: Vec<&str> = (0..cycle.len())
            .map(|k| docs[cycle[(start + k) % cycle.len()]].id.as_str())
            .collect();
        path.push(&first.id);
        (
            format!("prerequisite cycle: {}", path.join(" -> ")),
            "no one could ever start any of these; remove one of the references in the chain"
                .to_string(),
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

fn edges(catalogue: &Catalogue, from: DocId) -> Vec<Edge> {
    let mut edges = Vec::new();
    let doc = &catalogue.documents[from];
    match &doc.details {
        Details::Level(level) => {
            for expr in [&level.requires, &level.completion].into_iter().flatten() {
                expr_edges(catalogue, from, expr, &mut edges);
            }
        }
        Details::Workshop(workshop) => {
            if let Some(expr) = &workshop.requires {
                expr_edges(catalogue, from, expr, &mut edges);
            } else if let Some(level) = workshop
                .level
                .as_ref()
                .and_then(|l| catalogue.index_of(&l.value))
                && let Some(expr) = catalogue.workshop_requires(workshop)
            {
                // The level's rule, inherited: written in the level's file.
                expr_edges(catalogue, level, expr, &mut edges);
            }
        }
        Details::Credential(_) => {
            for &level in catalogue.awarded_by.get(&from).into_iter().flatten() {
                edges.push(Edge {
                    to: level,
                    at: None,
                });
            }
        }
        Details::Page | Details::Pathway(_) | Details::Requirement(_) => {}
    }
    edges
}

/// The edges of an expression written in the file of `written_in`.
fn expr_edges(catalogue: &Catalogue, written_in: DocId, expr: &Expr, edges: &mut Vec<Edge>) {
    let mut push = |id: &str, span: &Span| {
        if let Some(to) = catalogue.index_of(id) {
            edges.push(Edge {
                to,
                at: Some((written_in, span.clone())),
            });
        }
    };
    expr.walk(&mut |e| match &e.kind {
        ExprKind::Item(id) => push(id, &e.span),
        ExprKind::Choose {
            from: Pool::Items(items),
            ..
        } => {
            for item in items {
                push(&item.value, &item.span);
            }
        }
        ExprKind::Choose {
            from: Pool::Level(level),
            ..
        } => {
            for &workshop in catalogue.workshops_of(&level.value) {
                let id = &catalogue.documents[workshop].id;
                push(id, &level.span);
            }
        }
        ExprKind::All(_) | ExprKind::Any(_) | ExprKind::Has { .. } => {}
    });
}
