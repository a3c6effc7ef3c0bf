//! W003 (a level that belongs to no pathway): a pathway's pages and the
//! checklist show its levels in `order`; a level without `pathway` appears
//! in neither, so a visitor could never find where it fits.

use super::CheckInput;
use crate::content::Details;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::text;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    for (_, doc) in input.catalogue.entities() {
        if let Details::Level(level) = &doc.details
            && level.pathway.is_none()
        {
            diags.push(
                Diagnostic::warning(Code::NoPathway, text!("no_pathway", id = &doc.id))
                    .at(&doc.source, doc.common.title.span.clone())
                    .with_help(text!("no_pathway_help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn a_level_belongs_to_a_pathway() {
        let site = Site::new(&[
            ("content/pathways/p.md", &md("title = \"P\"", "")),
            (
                "content/levels/a.md",
                &md("title = \"A\"\npathway = \"p\"\norder = 1", ""),
            ),
            ("content/levels/b.md", &md("title = \"B\"", "")),
        ]);
        assert_eq!(
            site.rule("pathways"),
            [
                "W003 content/levels/b.md:2:9 the level \"b\" belongs to no pathway (help: add `pathway = \"…\"` and `order = N` so that it appears as a step of its pathway and in the checklist)"
            ]
        );
    }
}
