//! W004 (no summary): a summary is the one plain sentence shown on cards
//! and to search engines (`<meta name="description">`); without one, a card
//! and a search result have only the title to go on. A kind's listing
//! (`levels/_index.md`) is exempt: its words are its own prose.

use super::CheckInput;
use crate::content::Kind;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::text;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    for (_, doc) in input.catalogue.entities() {
        let is_listing = doc.is_index && doc.kind != Kind::Page;
        let has_summary = doc
            .common
            .summary
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty());
        if has_summary || is_listing {
            continue;
        }
        diags.push(
            Diagnostic::warning(
                Code::NoSummary,
                if doc.id.is_empty() {
                    text!("no_summary_listing", path = &doc.source.path)
                } else {
                    text!(
                        "no_summary",
                        kind = text!("kind_name", kind = doc.kind.name()),
                        id = &doc.id
                    )
                },
            )
            .at(&doc.source, doc.common.title.span.clone())
            .with_help(text!("no_summary_help")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn pages_and_entities_have_a_summary_listings_need_none() {
        let site = Site::new(&[
            ("content/_index.md", &md("title = \"Home\"", "")),
            ("content/levels/_index.md", &md("title = \"Levels\"", "")),
            (
                "content/levels/a.md",
                &md("title = \"A\"\nsummary = \"  \"", ""),
            ),
            (
                "content/levels/b.md",
                &md("title = \"B\"\nsummary = \"Fine.\"", ""),
            ),
        ]);
        assert_eq!(
            site.rule("summaries"),
            [
                "W004 content/_index.md:2:9 the page of content/_index.md has no summary (help: add `summary = \"…\"`: one plain sentence, shown on cards and to search engines)",
                "W004 content/levels/a.md:2:9 the level \"a\" has no summary (help: add `summary = \"…\"`: one plain sentence, shown on cards and to search engines)",
            ]
        );
    }
}
