//! E008 (duplicate id) and E016 (duplicate `order`): what must be unique.
//! An id is a file stem and names one entity across the whole catalogue,
//! or a reference could mean either file; a level's `order` places it in
//! its pathway, and two levels at one place leave the sequence ambiguous.

use super::CheckInput;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::text;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    for duplicate in &input.findings.duplicate_ids {
        let (first, doc) = (&catalogue[duplicate.first], &catalogue[duplicate.second]);
        diags.push(
            Diagnostic::error(
                Code::DuplicateId,
                text!("duplicate_id", id = &doc.id, path = &first.source.path),
            )
            .at(&doc.source, doc.common.title.span.clone())
            .also_at(
                &first.source,
                first.common.title.span.clone(),
                text!("duplicate_id_first", path = &first.source.path),
            )
            .with_help(text!("duplicate_id_help")),
        );
    }

    // A pathway's levels are sorted by `order`, so two levels sharing one
    // are side by side; the later of the two is reported.
    for (pathway, _) in catalogue.entities() {
        for pair in catalogue.levels_of(pathway).windows(2) {
            let (first, second) = (&catalogue[pair[0]], &catalogue[pair[1]]);
            if let (Some(a), Some(b)) = (
                first.as_level().and_then(|l| l.order.as_ref()),
                second.as_level().and_then(|l| l.order.as_ref()),
            ) && a.value == b.value
            {
                diags.push(
                    Diagnostic::error(
                        Code::DuplicateOrder,
                        text!(
                            "duplicate_order",
                            first = &first.id,
                            second = &second.id,
                            order = a.value.to_string(),
                            pathway = &catalogue[pathway].id
                        ),
                    )
                    .at(&second.source, b.span.clone())
                    .with_help(text!("duplicate_order_help")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn an_id_names_one_file() {
        let site = Site::new(&[
            (
                "content/levels/knots.md",
                &md("title = \"Knots level\"", ""),
            ),
            ("content/workshops/knots.md", &md("title = \"Knots\"", "")),
        ]);
        assert_eq!(
            site.rule("duplicates"),
            [
                "E008 content/workshops/knots.md:2:9 the id \"knots\" is already used by content/levels/knots.md (help: ids are file names and must be unique across all of content/: rename one of the two files)"
            ]
        );
    }

    #[test]
    fn an_order_places_one_level_of_a_pathway() {
        let level = |order: u8| {
            md(
                &format!("title = \"L\"\npathway = \"p\"\norder = {order}"),
                "",
            )
        };
        let site = Site::new(&[
            ("content/pathways/p.md", &md("title = \"P\"", "")),
            ("content/pathways/q.md", &md("title = \"Q\"", "")),
            ("content/levels/a.md", &level(1)),
            ("content/levels/b.md", &level(2)),
            ("content/levels/c.md", &level(1)),
            (
                "content/levels/d.md",
                &md("title = \"L\"\npathway = \"q\"\norder = 2", ""),
            ),
        ]);
        assert_eq!(
            site.rule("duplicates"),
            [
                "E016 content/levels/c.md:4:9 levels \"a\" and \"c\" both have order 1 in pathway \"p\" (help: give each level of a pathway its own `order`: 1, 2, 3…)"
            ]
        );
    }
}
