//! The check stage: consistency rules over the resolved catalogue that go
//! beyond "every reference resolves" (which `catalogue::resolve` enforces).
//!
//! Input: the [`Catalogue`], the theme's static files and today's date.
//! Output: diagnostics. Errors here (an impossible `choose`, an offering that
//! ends before it starts, a missing image) stop a build; warnings (a past
//! offering, an orphan, a missing summary) do not, unless `--deny-warnings`.

use crate::catalogue::{Catalogue, Entity, Id, Ref};
use crate::content::{Date, Details, Kind};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::routes::Routes;
use crate::rules::{Expr, ExprKind, Pool, RefRole};
use std::collections::{HashMap, HashSet};

/// What the rules need besides the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct CheckInput<'a> {
    /// Every output of the site, for links to local files.
    pub routes: &'a Routes,
    /// Offerings that end before this day are in the past.
    pub today: Date,
    /// False when earlier stages found errors: references may then be
    /// missing, so "nothing refers to …" would be noise.
    pub complete: bool,
}

/// Run every rule of this stage.
pub fn run(catalogue: &Catalogue, input: CheckInput<'_>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let referenced = referenced_ids(catalogue);
    for (id, doc) in catalogue.entities() {
        summary(doc, &mut diags);
        local_files(doc, input.routes, &mut diags);
        if let Details::Level(level) = &doc.details
            && level.pathway.is_none()
        {
            diags.push(
                Diagnostic::warning(Code::NoPathway, format!("the level \"{}\" belongs to no pathway", doc.id))
                    .at(&doc.source, doc.common.title.span.clone())
                    .with_help("add `pathway = \"…\"` and `order = N` so that it appears as a step of its pathway and in the checklist"),
            );
        }
        for (_, expr) in doc.rules() {
            expression(catalogue, doc, expr, &mut diags);
        }
        if let Details::Workshop(workshop) = &doc.details {
            offerings(doc, workshop, input.today, &mut diags);
        }
        if input.complete
            && !doc.is_index
            && matches!(
                doc.kind,
                Kind::Workshop | Kind::Requirement | Kind::Credential
            )
            && !referenced.contains(&id)
        {
            let help = match doc.kind {
                Kind::Workshop => {
                    "give it a `level`, or name it in a level's `requires` or `completion`"
                }
                Kind::Credential => {
                    "name it in a level's `awards` or a pathway's `outcome`, or remove it"
                }
                _ => "name it in a level's or workshop's `requires` or `completion`, or remove it",
            };
            diags.push(
                Diagnostic::warning(
                    Code::Unreferenced,
                    format!("nothing refers to the {} \"{}\"", doc.kind.name(), doc.id),
                )
                .at(&doc.source, doc.common.title.span.clone())
                .with_help(help),
            );
        }
    }
    diags
}

fn summary(doc: &Entity, diags: &mut Diagnostics) {
    let is_listing = doc.is_index && doc.kind != Kind::Page;
    if doc
        .common
        .summary
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
        && !is_listing
    {
        diags.push(
            Diagnostic::warning(
                Code::NoSummary,
                if doc.id.is_empty() {
                    format!("the page of {} has no summary", doc.source.path)
                } else {
                    format!("the {} \"{}\" has no summary", doc.kind.name(), doc.id)
                },
            )
            .at(&doc.source, doc.common.title.span.clone())
            .with_help(
                "add `summary = \"…\"`: one plain sentence, shown on cards and to search engines",
            ),
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

/// Rules inside one expression: `choose` pools large enough, and no item
/// both required and merely preferred.
fn expression(catalogue: &Catalogue, doc: &Entity, expr: &Expr<Ref>, diags: &mut Diagnostics) {
    expr.walk(&mut |e| {
        if let ExprKind::Choose { count, from } = &e.kind {
            let (size, what) = match from {
                Pool::Items(items) => {
                    let distinct: HashSet<Id> = items.iter().map(|i| i.id).collect();
                    let what = if distinct.len() == 1 {
                        "distinct item is listed"
                    } else {
                        "distinct items are listed"
                    };
                    (distinct.len(), what.to_string())
                }
                Pool::Level(level) => {
                    let size = catalogue.workshops_of(level.id).len();
                    let verb = if size == 1 {
                        "workshop belongs"
                    } else {
                        "workshops belong"
                    };
                    (size, format!("{verb} to \"{}\"", catalogue[level.id].id))
                }
            };
            if (*count as usize) > size {
                diags.push(
                    Diagnostic::error(
                        Code::ChooseTooMany,
                        format!("`choose = {count}` can never be met: only {size} {what}"),
                    )
                    .at(&doc.source, e.span.clone())
                    .with_help("lower `choose`, or add items to choose from"),
                );
            }
        }
    });
    let mut required: HashMap<Id, crate::source::Span> = HashMap::new();
    let mut preferred: Vec<(Id, crate::source::Span)> = Vec::new();
    leaves_by_preference(expr, false, &mut required, &mut preferred);
    for (id, span) in preferred {
        if required.contains_key(&id) {
            diags.push(
                Diagnostic::warning(Code::PreferredAndRequired, format!("\"{}\" is both required and preferred here", catalogue[id].id))
                    .at(&doc.source, span)
                    .with_help("a preferred item never blocks, but this one is also required elsewhere in the same rule; keep one of the two"),
            );
        }
    }
}

fn leaves_by_preference(
    expr: &Expr<Ref>,
    under_preferred: bool,
    required: &mut HashMap<Id, crate::source::Span>,
    preferred: &mut Vec<(Id, crate::source::Span)>,
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

fn offerings(
    doc: &Entity,
    workshop: &crate::content::Workshop<Ref>,
    today: Date,
    diags: &mut Diagnostics,
) {
    for offering in &workshop.offerings {
        let last_day = offering.last_day();
        if let Some(end) = &offering.end
            && end.value < offering.start.value
        {
            diags.push(
                Diagnostic::error(
                    Code::OfferingDates,
                    format!(
                        "this offering ends ({}) before it starts ({})",
                        end.value, offering.start.value
                    ),
                )
                .at(&doc.source, end.span.clone())
                .with_help("swap `start` and `end`, or correct the date"),
            );
            continue;
        }
        if offering.is_past(today) {
            let span = offering
                .end
                .as_ref()
                .map_or(offering.start.span.clone(), |e| e.span.clone());
            diags.push(
                Diagnostic::warning(
                    Code::PastOffering,
                    format!("this offering is over: it ended on {last_day}"),
                )
                .at(&doc.source, span)
                .with_help("remove the offering once it is over, or correct its dates"),
            );
        }
    }
}

/// Links and images in Markdown that point at files the site will not have.
fn local_files(doc: &Entity, routes: &Routes, diags: &mut Diagnostics) {
    for local in &doc.body.local_refs {
        let Some(path) = site_path(&doc.path, &local.target) else {
            diags.push(
                Diagnostic::error(
                    Code::MissingFile,
                    format!("\"{}\" points outside the site", local.target),
                )
                .at(&doc.source, local.span.clone())
                .with_help("link to files inside the site, from its root: `/files/handbook.pdf`"),
            );
            continue;
        };
        let exists = if path.is_empty() || path.ends_with('/') {
            routes.contains(&format!("{path}index.html"))
        } else {
            routes.contains(&path) || routes.contains(&format!("{path}/index.html"))
        };
        if !exists {
            let what = if local.image { "image" } else { "file or page" };
            diags.push(
                Diagnostic::error(Code::MissingFile, format!("the {what} \"{}\" does not exist in the site", local.target))
                    .at(&doc.source, local.span.clone())
                    .with_help(format!(
                        "put the file at content/{path} or static/{path}, or correct the link (links starting with `/` are from the site's root)"
                    )),
            );
        }
    }
}

/// The site-relative path a link resolves to, from the page at `page_path`;
/// `None` when `..` climbs above the site's root.
fn site_path(page_path: &str, target: &str) -> Option<String> {
    let target = percent_decode(target);
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        page_path.split('/').filter(|p| !p.is_empty()).collect()
    };
    let trailing_slash = target.ends_with('/');
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut path = parts.join("/");
    if trailing_slash && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_from_the_page_or_the_root() {
        assert_eq!(
            site_path("workshops/knots", "/files/a.pdf").as_deref(),
            Some("files/a.pdf")
        );
        assert_eq!(
            site_path("workshops/knots", "photo.jpg").as_deref(),
            Some("workshops/knots/photo.jpg")
        );
        assert_eq!(
            site_path("workshops/knots", "../radio/").as_deref(),
            Some("workshops/radio/")
        );
        assert_eq!(site_path("", "/").as_deref(), Some(""));
        assert_eq!(site_path("about", "../../x"), None);
        assert_eq!(
            site_path("", "/my%20file.pdf").as_deref(),
            Some("my file.pdf")
        );
        assert_eq!(site_path("", "/é%").as_deref(), Some("é%"));
        assert_eq!(site_path("", "/%é").as_deref(), Some("%é"));
    }
}
