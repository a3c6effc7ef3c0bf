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
    let (field, code, what) = match unresolved.field {
        Field::Key(field) => (field, Code::UnresolvedReference, "reference"),
        Field::Link => ("link", Code::BrokenLink, "link to"),
    };
    let (code, message, help) = match unresolved.why {
        Why::FailedToLoad => return None,
        Why::WrongKind(kind) => (
            Code::WrongKind,
            format!(
                "`{field}` must name {}, but \"{name}\" is a {}",
                describe(unresolved.expected),
                kind.name()
            ),
            suggester.instead(name, unresolved.expected),
        ),
        Why::Draft => (
            code,
            format!("unresolved {what} \"{name}\""),
            format!(
                "\"{name}\" is a draft: publish it (remove `draft = true`) or build with --drafts"
            ),
        ),
        Why::Missing => (
            code,
            format!("unresolved {what} \"{name}\""),
            suggester.of_kind(name, unresolved.expected),
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
        Some(suggestion) => format!("did you mean \"#{suggestion}\"?"),
        None if found.body.headings.is_empty() => {
            format!("{} has no headings to link to", found.source.path)
        }
        None => format!(
            "the headings of {} are: {}",
            found.source.path,
            list_some(found.body.headings.iter().map(|h| format!("#{}", h.anchor)))
        ),
    };
    Diagnostic::error(
        Code::BrokenLink,
        format!("\"{}\" has no heading \"#{anchor}\"", found.id),
    )
    .at(&doc.source, missing.span.clone())
    .with_help(help)
}

fn unknown_organization(catalogue: &Catalogue, unknown: &UnknownOrganization) -> Diagnostic {
    let doc = &catalogue[unknown.in_doc];
    let key = &unknown.key.value;
    let organizations = catalogue.config.organizations.keys().map(String::as_str);
    let help = match did_you_mean(key, organizations) {
        Some(suggestion) => format!("did you mean \"{suggestion}\"?"),
        None => format!("add `[organizations.{key}]` with a `name` to site.toml"),
    };
    Diagnostic::error(
        Code::WrongKind,
        format!(
            "`{}` names \"{key}\", which is not an organization in site.toml",
            unknown.field
        ),
    )
    .at(&doc.source, unknown.key.span.clone())
    .with_help(help)
}

/// "a level", "a level, workshop, requirement or credential", "a page".
fn describe(expect: Expect) -> String {
    match expect {
        Expect::One(kind) => format!("a {}", kind.name()),
        Expect::Completable => "a level, workshop, requirement or credential".into(),
        Expect::Any => "a page".into(),
    }
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
    fn instead(&mut self, id: &str, expect: Expect) -> String {
        let help = self.of_kind(id, expect);
        if help.starts_with("did you mean") || help.starts_with("name ") {
            help
        } else {
            format!("name {} here", describe(expect))
        }
    }

    fn of_kind(&mut self, id: &str, expect: Expect) -> String {
        if self.searches >= MAX_SUGGESTIONS {
            return "ids are file names under content/".to_string();
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
            Some(suggestion) => format!("did you mean \"{suggestion}\"?"),
            None if !matches!(expect, Expect::Any)
                && !candidates.is_empty()
                && candidates.len() <= 8 =>
            {
                format!(
                    "{} here: {}",
                    match expect {
                        Expect::One(kind) => format!("name a {}", kind.name()),
                        _ => "name one of the catalogue's items".to_string(),
                    },
                    candidates
                        .iter()
                        .map(|c| format!("\"{c}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            None => format!(
                "no {} has this id; ids are file names under content/",
                describe(expect).trim_start_matches("a ")
            ),
        }
    }
}
