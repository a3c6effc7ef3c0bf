//! W002 (nothing refers to it): a workshop, requirement or credential that
//! no rule, pool, `awards`, `outcome` or `level` mentions appears on no
//! pathway and in no checklist; it is usually left over from an edit, or
//! meant to be linked and forgotten.
//!
//! Run only when nothing else found an error ([`When::NoErrors`](super::When)):
//! while references are broken, a typo in a `requires` would make the
//! requirement it meant look unused.

use super::CheckInput;
use crate::catalogue::{Catalogue, Id};
use crate::content::{Details, Kind};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::rules::RefRole;
use crate::text;
use std::collections::HashSet;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    let referenced = referenced_ids(catalogue);
    for (id, doc) in catalogue.entities() {
        if doc.is_index
            || !matches!(
                doc.kind,
                Kind::Workshop | Kind::Requirement | Kind::Credential
            )
            || referenced.contains(&id)
        {
            continue;
        }
        let help = match doc.kind {
            Kind::Workshop => text!("unreferenced_workshop_help"),
            Kind::Credential => text!("unreferenced_credential_help"),
            _ => text!("unreferenced_requirement_help"),
        };
        diags.push(
            Diagnostic::warning(
                Code::Unreferenced,
                text!(
                    "unreferenced",
                    kind = text!("kind_name", kind = doc.kind.name()),
                    id = &doc.id
                ),
            )
            .at(&doc.source, doc.common.title.span.clone())
            .with_help(help),
        );
    }
}

/// Entities that something points at: an expression, a `choose` pool (a
/// level's pool counts all its workshops), `awards`, `outcome`, or a
/// workshop's `level` membership for workshops.
fn referenced_ids(catalogue: &Catalogue) -> HashSet<Id> {
    let mut ids = HashSet::new();
    for (id, doc) in catalogue.entities() {
        for (_, expr) in doc.rules() {
            for (target, role) in expr.references() {
                match role {
                    // A level's pool refers to each of its workshops.
                    RefRole::PoolLevel => ids.extend(catalogue.workshops_of(target.id)),
                    _ => {
                        ids.insert(target.id);
                    }
                }
            }
        }
        match &doc.details {
            Details::Level(level) => ids.extend(level.awards.as_ref().map(|a| a.id)),
            Details::Workshop(workshop) if workshop.level.is_some() => {
                ids.insert(id);
            }
            Details::Pathway(pathway) => ids.extend(pathway.outcome.as_ref().map(|o| o.id)),
            _ => {}
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn what_nothing_names_is_an_orphan() {
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md(
                    "title = \"A\"\ncompletion = { choose = 1, from = \"a\" }\nawards = \"named\"",
                    "",
                ),
            ),
            (
                "content/workshops/in-pool.md",
                &md("title = \"W\"\nlevel = \"a\"", ""),
            ),
            ("content/workshops/alone.md", &md("title = \"W\"", "")),
            ("content/credentials/named.md", &md("title = \"C\"", "")),
            ("content/credentials/unnamed.md", &md("title = \"C\"", "")),
            ("content/requirements/r.md", &md("title = \"R\"", "")),
        ]);
        assert_eq!(
            site.rule("orphans"),
            [
                "W002 content/credentials/unnamed.md:2:9 nothing refers to the credential \"unnamed\" (help: name it in a level's `awards` or a pathway's `outcome`, or remove it)",
                "W002 content/requirements/r.md:2:9 nothing refers to the requirement \"r\" (help: name it in a level's or workshop's `requires` or `completion`, or remove it)",
                "W002 content/workshops/alone.md:2:9 nothing refers to the workshop \"alone\" (help: give it a `level`, or name it in a level's `requires` or `completion`)",
            ]
        );
    }

    #[test]
    fn held_back_while_there_are_errors() {
        let summary = "summary = \"S\"";
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md(
                    &format!("title = \"A\"\n{summary}\nrequires = \"first-aide\""),
                    "",
                ),
            ),
            (
                "content/requirements/first-aid.md",
                &md(&format!("title = \"F\"\n{summary}"), ""),
            ),
        ]);
        assert_eq!(
            site.check(),
            [
                "E006 content/levels/a.md:4:12 unresolved reference \"first-aide\" (help: did you mean \"first-aid\"?)",
                "W003 content/levels/a.md:2:9 the level \"a\" belongs to no pathway (help: add `pathway = \"…\"` and `order = N` so that it appears as a step of its pathway and in the checklist)",
            ]
        );
    }
}
