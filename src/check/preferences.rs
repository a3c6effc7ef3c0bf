//! W005 (both preferred and required): an item under `preferred = true`
//! never blocks, yet the same rule also requires it elsewhere; one of the
//! two is a mistake, and the page would say both.

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
}
