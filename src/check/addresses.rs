//! E022 (address already taken): every file of the built site has one
//! path. A content file whose page would land where another page is (or
//! where cairn generates one: the home page, the checklist, a kind's
//! listing), or a copied file that would overwrite a generated file or
//! another copy, would silently replace it.
//!
//! `routes::plan` leaves the second of two outputs out and records a
//! [`Collision`]; this is the one place that decides what a collision
//! means for the person editing the site.

use super::CheckInput;
use crate::catalogue::Catalogue;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::Arg;
use crate::routes::{Collision, Origin};
use crate::text;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    for collision in input.collisions {
        if let Some(diagnostic) = address_taken(input.catalogue, collision) {
            diags.push(diagnostic);
        }
    }
}

fn address_taken(catalogue: &Catalogue, collision: &Collision) -> Option<Diagnostic> {
    match &collision.second {
        Origin::Document(id) => {
            let doc = &catalogue[*id];
            let existing: Arg = match &collision.first {
                Origin::Document(other) => catalogue[*other].source.path.clone().into(),
                _ => text!("generated_page_at", path = &doc.path).into(),
            };
            Some(
                Diagnostic::error(
                    Code::AddressTaken,
                    text!(
                        "page_address_taken",
                        file = &doc.source.path,
                        path = &doc.path,
                        existing = existing
                    ),
                )
                .at(&doc.source, doc.common.title.span.clone())
                .with_help(text!("page_address_taken_help")),
            )
        }
        Origin::Alias(id, n) => {
            let doc = &catalogue[*id];
            let alias = doc.common.aliases.get(usize::from(*n))?;
            let existing: Arg = match &collision.first {
                Origin::Document(other) => catalogue[*other].source.path.clone().into(),
                Origin::Alias(other, _) => {
                    text!("an_alias_of", file = &catalogue[*other].source.path).into()
                }
                _ => text!(
                    "generated_page_at",
                    path = collision.path.trim_end_matches("/index.html")
                )
                .into(),
            };
            Some(
                Diagnostic::error(
                    Code::AddressTaken,
                    text!(
                        "alias_address_taken",
                        path = collision.path.trim_end_matches("index.html"),
                        existing = existing
                    ),
                )
                .at(&doc.source, alias.span.clone())
                .with_help(text!("alias_address_taken_help")),
            )
        }
        Origin::File(label) => {
            let existing: Arg = match &collision.first {
                Origin::Generated | Origin::Document(_) | Origin::Alias(..) => {
                    text!("generated_page").into()
                }
                Origin::Data => text!("generated_file").into(),
                Origin::File(other) => Arg::from(other),
            };
            Some(
                Diagnostic::error(
                    Code::AddressTaken,
                    text!(
                        "file_address_taken",
                        file = label,
                        path = &collision.path,
                        existing = existing
                    ),
                )
                .in_file(label)
                .with_help(text!("file_address_taken_help")),
            )
        }
        // cairn's own pages and data files are planned first, at paths of
        // their own: they are never the one left out.
        Origin::Generated | Origin::Data => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn a_page_where_another_is() {
        let site = Site::new(&[
            ("content/checklist.md", &md("title = \"Mine\"", "")),
            ("content/about/_index.md", &md("title = \"About\"", "")),
            ("content/about.md", &md("title = \"About too\"", "")),
            (
                "content/workshops.md",
                &md("title = \"Not yet a listing\"", ""),
            ),
        ]);
        assert_eq!(
            site.rule("addresses"),
            [
                "E022 content/about.md:2:9 content/about.md would be published at /about/, which is already content/about/_index.md (help: rename or move the file so that it has an address of its own)",
                "E022 content/checklist.md:2:9 content/checklist.md would be published at /checklist/, which is already the page cairn generates at /checklist/ (help: rename or move the file so that it has an address of its own)",
                "E022 content/workshops.md:2:9 content/workshops.md would be published at /workshops/, which is already the page cairn generates at /workshops/ (help: rename or move the file so that it has an address of its own)",
            ]
        );
    }

    #[test]
    fn a_copied_file_over_a_generated_one_or_another_copy() {
        let site = Site::new(&[
            ("static/catalogue.json", "{}"),
            ("static/notes.txt", "static"),
            ("content/notes.txt", "content"),
            ("content/404.html", "<p>lost</p>"),
        ]);
        assert_eq!(
            site.rule("addresses"),
            [
                "E022 content/404.html:1:1 content/404.html would be written to /404.html, which is already a page cairn generates (help: rename or move the file so that every file of the site has its own path)",
                "E022 content/notes.txt:1:1 content/notes.txt would be written to /notes.txt, which is already static/notes.txt (help: rename or move the file so that every file of the site has its own path)",
                "E022 static/catalogue.json:1:1 static/catalogue.json would be written to /catalogue.json, which is already a file cairn generates (help: rename or move the file so that every file of the site has its own path)",
            ]
        );
    }
}
