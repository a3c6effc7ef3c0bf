//! W005 (both preferred and required): an item under `preferred = true`
//! never blocks, yet the same rule also requires it elsewhere; one of the
//! two is a mistake, and the page would say both.
//!
//! W006 (a preferred alternative): a preferred part never blocks, so an
//! `any` with a preferred alternative is met by everyone, whatever its
//! other alternatives say.

use super::CheckInput;
use crate::catalogue::{Id, Ref};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::rules::{Expr, ExprKind, Pool};
use crate::source::Span;
use crate::text;
use std::collections::HashMap;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    for (_, doc) in catalogue.entities() {
        for (_, expr) in doc.rules() {
            let mut always_met = Vec::new();
            preferred_alternatives(expr, &mut always_met);
            for span in always_met {
                diags.push(
                    Diagnostic::warning(Code::PreferredAlternative, text!("preferred_alternative"))
                        .at(&doc.source, span)
                        .with_help(text!("preferred_alternative_help")),
                );
            }
            let mut required: HashMap<Id, Span> = HashMap::new();
            let mut preferred: Vec<(Id, Span)> = Vec::new();
            leaves_by_preference(expr, false, &mut required, &mut preferred);
            for (id, span) in preferred {
                if required.contains_key(&id) {
                    diags.push(
                        Diagnostic::warning(
                            Code::PreferredAndRequired,
                            text!("preferred_and_required", id = &catalogue[id].id),
                        )
                        .at(&doc.source, span)
                        .with_help(text!("preferred_and_required_help")),
                    );
                }
            }
        }
    }
}

/// The preferred alternatives of every `any` in `expr` that is not itself
/// preferred (where nothing blocks anyway).
fn preferred_alternatives(expr: &Expr<Ref>, found: &mut Vec<Span>) {
    if expr.preferred {
        return;
    }
    if let ExprKind::All(children) | ExprKind::Any(children) = &expr.kind {
        for child in children {
            if child.preferred && matches!(expr.kind, ExprKind::Any(_)) {
                found.push(child.span.clone());
            }
            preferred_alternatives(child, found);
        }
    }
}

/// Sort the items an expression names into required and preferred (under
/// a `preferred = true` anywhere above them). A level's pool names no item
/// itself.
fn leaves_by_preference(
    expr: &Expr<Ref>,
    under_preferred: bool,
    required: &mut HashMap<Id, Span>,
    preferred: &mut Vec<(Id, Span)>,
) {
    let preferred_here = under_preferred || expr.preferred;
    let mut leaf = |target: &Ref| {
        if preferred_here {
            preferred.push((target.id, target.span.clone()));
        } else {
            required
                .entry(target.id)
                .or_insert_with(|| target.span.clone());
        }
    };
    match &expr.kind {
        ExprKind::Item(target) | ExprKind::Has { id: target, .. } => leaf(target),
        ExprKind::Choose {
            from: Pool::Items(items),
            ..
        } => items.iter().for_each(leaf),
        ExprKind::Choose {
            from: Pool::Level(_),
            ..
        } => {}
        ExprKind::All(children) | ExprKind::Any(children) => {
            for child in children {
                leaves_by_preference(child, preferred_here, required, preferred);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn preferred_and_required_in_one_rule() {
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md(
                    "title = \"A\"\nrequires = [\"r\", { any = [\"r\", \"s\"], preferred = true }]\ncompletion = { all = [\"s\"], preferred = true }",
                    "",
                ),
            ),
            ("content/requirements/r.md", &md("title = \"R\"", "")),
            ("content/requirements/s.md", &md("title = \"S\"", "")),
        ]);
        // `s` is preferred in `completion` and nowhere required in it: the
        // two rules are judged apart.
        assert_eq!(
            site.rule("preferences"),
            [
                "W005 content/levels/a.md:3:27 \"r\" is both required and preferred here (help: a preferred item never blocks, but this one is also required elsewhere in the same rule; keep one of the two)"
            ]
        );
    }

    #[test]
    fn a_preferred_alternative_makes_its_any_always_met() {
        let front = "title = \"W\"\nsummary = \"S\"\nrequires = [{ any = [\"a\", { all = [\"b\"], preferred = true }] }, { all = [{ any = [\"c\", { all = [\"d\"], preferred = true }] }], preferred = true }]";
        let site = Site::new(&[
            ("content/workshops/w.md", &md(front, "")),
            (
                "content/requirements/a.md",
                &md("title = \"A\"\nsummary = \"S\"", ""),
            ),
            (
                "content/requirements/b.md",
                &md("title = \"B\"\nsummary = \"S\"", ""),
            ),
            (
                "content/requirements/c.md",
                &md("title = \"C\"\nsummary = \"S\"", ""),
            ),
            (
                "content/requirements/d.md",
                &md("title = \"D\"\nsummary = \"S\"", ""),
            ),
        ]);
        // Only the first `any`: the second is inside a preferred part,
        // where nothing blocks anyway.
        let found = site.rule("preferences");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("W006 content/workshops/w.md:4:27"),
            "{found:?}"
        );
    }
}
