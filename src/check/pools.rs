//! E018 (`choose` can never be met): `{ choose = 3, from = … }` asks for
//! three distinct items of a pool; a pool with fewer can never satisfy it,
//! so no one could ever start (or finish) what the rule guards.
//!
//! A level's pool is not counted while any content file failed to load
//! (see [`Findings::failed_ids`](crate::catalogue::Findings)): its
//! workshops may be among them.

use super::CheckInput;
use crate::catalogue::{Entity, Ref};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::rules::{Expr, ExprKind, Pool};
use crate::text;
use std::collections::HashSet;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    for (_, doc) in input.catalogue.entities() {
        for (_, expr) in doc.rules() {
            expression(input, doc, expr, diags);
        }
    }
}

fn expression(input: &CheckInput<'_>, doc: &Entity, expr: &Expr<Ref>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    expr.walk(&mut |e| {
        let ExprKind::Choose { count, from } = &e.kind else {
            return;
        };
        let (size, level) = match from {
            Pool::Items(items) => {
                let distinct: HashSet<_> = items.iter().map(|i| i.id).collect();
                (distinct.len(), None)
            }
            // A file that failed to load may have been one of this level's
            // workshops: which level it names is unknown, so the count is
            // too. Its own error is reported; this would be a follow-on.
            Pool::Level(_) if !input.findings.failed_ids.is_empty() => return,
            Pool::Level(level) => (
                catalogue.workshops_of(level.id).len(),
                Some(&catalogue[level.id].id),
            ),
        };
        if (*count as usize) > size {
            let message = match level {
                None => text!("choose_too_many_items", count = *count, size = size),
                Some(level) => text!(
                    "choose_too_many_workshops",
                    count = *count,
                    size = size,
                    level = level
                ),
            };
            diags.push(
                Diagnostic::error(Code::ChooseTooMany, message)
                    .at(&doc.source, e.span.clone())
                    .with_help(text!("choose_too_many_help")),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    fn workshop(level: &str) -> String {
        md(&format!("title = \"W\"\nlevel = \"{level}\""), "")
    }

    #[test]
    fn a_list_counts_its_distinct_items() {
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md(
                    "title = \"A\"\nrequires = { choose = 2, from = [\"w\", \"w\"] }",
                    "",
                ),
            ),
            ("content/workshops/w.md", &workshop("a")),
        ]);
        assert_eq!(
            site.rule("pools"),
            [
                "E018 content/levels/a.md:3:12 `choose = 2` can never be met: only 1 distinct item is listed (help: lower `choose`, or add items to choose from)"
            ]
        );
    }

    #[test]
    fn a_level_counts_its_workshops() {
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md(
                    "title = \"A\"\ncompletion = { all = [{ choose = 3, from = \"a\" }] }",
                    "",
                ),
            ),
            (
                "content/levels/b.md",
                &md(
                    "title = \"B\"\ncompletion = { choose = 2, from = \"a\" }",
                    "",
                ),
            ),
            ("content/workshops/v.md", &workshop("a")),
            ("content/workshops/w.md", &workshop("a")),
        ]);
        assert_eq!(
            site.rule("pools"),
            [
                "E018 content/levels/a.md:3:23 `choose = 3` can never be met: only 2 workshops belong to \"a\" (help: lower `choose`, or add items to choose from)"
            ]
        );
    }

    #[test]
    fn one_workshop_is_counted_in_the_singular() {
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md(
                    "title = \"A\"\ncompletion = { choose = 2, from = \"a\" }",
                    "",
                ),
            ),
            ("content/workshops/w.md", &workshop("a")),
        ]);
        assert_eq!(
            site.rule("pools"),
            [
                "E018 content/levels/a.md:3:14 `choose = 2` can never be met: only 1 workshop belongs to \"a\" (help: lower `choose`, or add items to choose from)"
            ]
        );
    }

    #[test]
    fn workshops_that_failed_to_load_are_not_counted_as_missing() {
        // Both workshops of `a` have a TOML syntax error: E002 says so, and
        // whether `a` has enough of them is unknown until they load.
        let broken = md("title = \"W\"\nlevel = \"a\"\nduration = = 1", "");
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md(
                    "title = \"A\"\ncompletion = { choose = 2, from = \"a\" }",
                    "",
                ),
            ),
            (
                "content/levels/b.md",
                &md(
                    "title = \"B\"\nrequires = { choose = 2, from = [\"r\", \"r\"] }",
                    "",
                ),
            ),
            ("content/requirements/r.md", &md("title = \"R\"", "")),
            ("content/workshops/v.md", &broken),
            ("content/workshops/w.md", &broken),
        ]);
        let errors: Vec<String> = site
            .check()
            .into_iter()
            .filter(|line| line.starts_with('E'))
            .map(|line| line[..24].to_string())
            .collect();
        assert_eq!(
            errors,
            [
                "E018 content/levels/b.md",
                "E002 content/workshops/v",
                "E002 content/workshops/w",
            ]
        );
        // A listed pool is counted as written, whatever failed to load.
        assert_eq!(
            site.rule("pools"),
            [
                "E018 content/levels/b.md:3:12 `choose = 2` can never be met: only 1 distinct item is listed (help: lower `choose`, or add items to choose from)"
            ]
        );
    }
}
