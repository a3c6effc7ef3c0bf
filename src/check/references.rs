//! E006 (unresolved reference), E009 (wrong kind, or unknown organization)
//! and E012 (broken `@id` or `@id#anchor` link): every name a document
//! writes must name something of the kind its place asks for, or the
//! pages, the checklist and `cairn eligibility` would each guess what was
//! meant.
//!
//! Resolution has already dropped these names and recorded why
//! ([`Findings`](crate::catalogue::Findings)); this rule words them, with a
//! did-you-mean from the ids of the right kind. A name of a file that
//! failed to load is not reported again: that file's own error says why.

use super::CheckInput;
use crate::catalogue::{
    Catalogue, Expect, Field, MissingAnchor, UnknownOrganization, Unresolved, Why,
};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean, list_some};
use crate::messages::Text;
use crate::text;

/// Did-you-mean searches per run, beyond which help stays generic: each
/// search is linear in the catalogue, so a catalogue with thousands of
/// broken references would otherwise take quadratic time to report.
const MAX_SUGGESTIONS: usize = 500;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    let findings = input.findings;
    let mut suggester = Suggester {
        catalogue,
        searches: 0,
    };
    // In the order resolution met them, so that the first names get the
    // did-you-mean searches whatever the order diagnostics print in.
    for unresolved in &findings.unresolved {
        if let Some(diagnostic) = unresolved_name(catalogue, unresolved, &mut suggester) {
            diags.push(diagnostic);
        }
    }
    for missing in &findings.missing_anchors {
        diags.push(missing_anchor(catalogue, missing));
    }
    // When site.toml could not be read, its organizations are unknown: its
    // own error says why, and every key naming one would be noise.
    if catalogue.config.parsed {
        for unknown in &findings.unknown_organizations {
            diags.push(unknown_organization(catalogue, unknown));
        }
    }
}

fn unresolved_name(
    catalogue: &Catalogue,
    unresolved: &Unresolved,
    suggester: &mut Suggester<'_>,
) -> Option<Diagnostic> {
    let doc = &catalogue[unresolved.in_doc];
    let name = &unresolved.name.value;
    let (field, code, unresolved_message) = match unresolved.field {
        Field::Key(field) => (
            field,
            Code::UnresolvedReference,
            text!("unresolved_reference", name = name),
        ),
        Field::Link => (
            "link",
            Code::BrokenLink,
            text!("unresolved_link", name = name),
        ),
    };
    let (code, message, help) = match unresolved.why {
        Why::FailedToLoad => return None,
        Why::WrongKind(kind) => (
            Code::WrongKind,
            text!(
                "wrong_kind",
                field = field,
                expected = a_kind(unresolved.expected),
                name = name,
                kind = text!("kind_a", kind = kind.name())
            ),
            suggester.instead(name, unresolved.expected),
        ),
        Why::Draft => (
            code,
            unresolved_message,
            text!("unresolved_help_draft", name = name),
        ),
        Why::Missing => (
            code,
            unresolved_message,
            suggester.of_kind(name, unresolved.expected).text,
        ),
    };
    Some(
        Diagnostic::error(code, message)
            .at(&doc.source, unresolved.name.span.clone())
            .with_help(help),
    )
}

fn missing_anchor(catalogue: &Catalogue, missing: &MissingAnchor) -> Diagnostic {
    let doc = &catalogue[missing.in_doc];
    let found = &catalogue[missing.target];
    let anchor = &missing.anchor;
    let anchors = found.body.headings.iter().map(|h| h.anchor.as_str());
    let help = match did_you_mean(anchor, anchors) {
        Some(suggestion) => text!("did_you_mean", suggestion = format!("#{suggestion}")),
        None if found.body.headings.is_empty() => {
            text!("missing_anchor_help_no_headings", path = &found.source.path)
        }
        None => text!(
            "missing_anchor_help",
            path = &found.source.path,
            anchors = list_some(found.body.headings.iter().map(|h| format!("#{}", h.anchor)))
        ),
    };
    Diagnostic::error(
        Code::BrokenLink,
        text!(
            "missing_anchor",
            id = &found.id,
            anchor = format!("#{anchor}")
        ),
    )
    .at(&doc.source, missing.span.clone())
    .with_help(help)
}

fn unknown_organization(catalogue: &Catalogue, unknown: &UnknownOrganization) -> Diagnostic {
    let doc = &catalogue[unknown.in_doc];
    let key = &unknown.key.value;
    let organizations = catalogue.config.organizations.keys().map(String::as_str);
    let help = match did_you_mean(key, organizations) {
        Some(suggestion) => text!("did_you_mean", suggestion = suggestion),
        None => text!("unknown_organization_help", key = key),
    };
    Diagnostic::error(
        Code::WrongKind,
        text!("unknown_organization", field = unknown.field, key = key),
    )
    .at(&doc.source, unknown.key.span.clone())
    .with_help(help)
}

/// What a place may name, as `kind_a` and `kind_name` select it: a kind,
/// "completable" (a level, workshop, requirement or credential), or any
/// document, which is a page.
fn kind_key(expect: Expect) -> &'static str {
    match expect {
        Expect::One(kind) => kind.name(),
        Expect::Completable => "completable",
        Expect::Any => "page",
    }
}

/// "a level", "a level, workshop, requirement or credential", "a page".
fn a_kind(expect: Expect) -> Text {
    text!("kind_a", kind = kind_key(expect))
}

/// Help for a name, and whether it names something to write instead.
struct Help {
    text: Text,
    names_something: bool,
}

/// Help for a name: a close id of the right kind, or what may be named.
struct Suggester<'a> {
    catalogue: &'a Catalogue,
    /// How many did-you-mean searches were made (see [`MAX_SUGGESTIONS`]).
    searches: usize,
}

impl Suggester<'_> {
    /// Help for an id that exists but is of the wrong kind: a close id of
    /// the right kind, or what to name instead.
    fn instead(&mut self, id: &str, expect: Expect) -> Text {
        let help = self.of_kind(id, expect);
        if help.names_something {
            help.text
        } else {
            text!("name_kind_here", kind = a_kind(expect))
        }
    }

    fn of_kind(&mut self, id: &str, expect: Expect) -> Help {
        let generic = |text| Help {
            text,
            names_something: false,
        };
        let named = |text| Help {
            text,
            names_something: true,
        };
        if self.searches >= MAX_SUGGESTIONS {
            return generic(text!("ids_are_file_names"));
        }
        self.searches += 1;
        let mut candidates: Vec<&str> = self
            .catalogue
            .documents
            .iter()
            .filter(|d| !d.id.is_empty() && d.id != id && expect.allows(d.kind))
            .map(|d| d.id.as_str())
            .collect();
        candidates.sort_unstable();
        match did_you_mean(id, candidates.iter().copied()) {
            Some(suggestion) => named(text!("did_you_mean", suggestion = suggestion)),
            None if !matches!(expect, Expect::Any)
                && !candidates.is_empty()
                && candidates.len() <= 8 =>
            {
                let candidates = candidates
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                named(match expect {
                    Expect::One(kind) => text!(
                        "name_kind_here_from",
                        kind = text!("kind_a", kind = kind.name()),
                        candidates = candidates
                    ),
                    _ => text!("name_an_item_here_from", candidates = candidates),
                })
            }
            None => generic(text!(
                "no_such_id",
                kind = text!("kind_name", kind = kind_key(expect))
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    fn level(front: &str) -> String {
        md(&format!("title = \"L\"\n{front}"), "")
    }

    #[test]
    fn a_missing_id_gets_a_did_you_mean_of_the_right_kind() {
        let site = Site::new(&[
            ("content/levels/navigation.md", &level("")),
            (
                "content/workshops/knots.md",
                &md("title = \"K\"\nlevel = \"navigaton\"", ""),
            ),
        ]);
        assert_eq!(
            site.rule("references"),
            [
                "E006 content/workshops/knots.md:3:9 unresolved reference \"navigaton\" (help: did you mean \"navigation\"?)"
            ]
        );
    }

    #[test]
    fn a_name_of_the_wrong_kind_says_what_it_is() {
        let site = Site::new(&[
            ("content/levels/navigation.md", &level("")),
            (
                "content/workshops/knots.md",
                &md("title = \"K\"\nlevel = \"knots\"", ""),
            ),
        ]);
        assert_eq!(
            site.rule("references"),
            [
                "E009 content/workshops/knots.md:3:9 `level` must name a level, but \"knots\" is a workshop (help: name a level here: \"navigation\")"
            ]
        );
    }

    #[test]
    fn a_draft_is_named_as_a_draft() {
        let site = Site::new(&[
            ("content/levels/a.md", &level("requires = \"b\"")),
            ("content/levels/b.md", &level("draft = true")),
        ]);
        assert_eq!(
            site.rule("references"),
            [
                "E006 content/levels/a.md:3:12 unresolved reference \"b\" (help: \"b\" is a draft: publish it (remove `draft = true`) or build with --drafts)"
            ]
        );
    }

    #[test]
    fn a_file_that_failed_to_load_is_not_missed_again() {
        let site = Site::new(&[
            ("content/levels/a.md", &level("requires = [\"b\", \"c\"]")),
            ("content/levels/b.md", &level("order = = 1")),
        ]);
        assert_eq!(
            site.rule("references"),
            [
                "E006 content/levels/a.md:3:18 unresolved reference \"c\" (help: name one of the catalogue's items here: \"a\")"
            ]
        );
        assert_eq!(site.loaded.error_count(), 1, "b.md's own error");
    }

    #[test]
    fn links_need_their_page_and_heading() {
        let body = "[a](@nowhere) [b](@b#goals) [c](@b#learning-goal)\n";
        let site = Site::new(&[
            ("content/levels/a.md", &md("title = \"A\"", body)),
            (
                "content/levels/b.md",
                &md("title = \"B\"", "## Learning goals\n"),
            ),
        ]);
        assert_eq!(
            site.rule("references"),
            [
                "E012 content/levels/a.md:4:1 unresolved link to \"nowhere\" (help: no page has this id; ids are file names under content/ without .md (an _index.md has none: link a listing or the home page by its address, such as / or /workshops/))",
                "E012 content/levels/a.md:4:15 \"b\" has no heading \"#goals\" (help: the headings of content/levels/b.md are: #learning-goals)",
                "E012 content/levels/a.md:4:29 \"b\" has no heading \"#learning-goal\" (help: did you mean \"#learning-goals\"?)",
            ]
        );
    }

    #[test]
    fn organizations_come_from_site_toml() {
        let pathway = md("title = \"P\"\norganization = \"gild\"", "");
        let site = Site::new(&[("content/pathways/p.md", &pathway)]);
        assert_eq!(
            site.rule("references"),
            [
                "E009 content/pathways/p.md:3:16 `organization` names \"gild\", which is not an organization in site.toml (help: did you mean \"guild\"?)"
            ]
        );
        // site.toml that cannot be read has its own error; its
        // organizations are unknown, not missing.
        let site = Site::new(&[
            ("site.toml", "title = = 1\n"),
            ("content/pathways/p.md", &pathway),
        ]);
        assert_eq!(site.rule("references"), Vec::<String>::new());
    }
}
