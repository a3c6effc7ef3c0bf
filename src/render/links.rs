//! Writing a body's addresses: its `@id` links become the URLs of the
//! route table, and its root-relative addresses get the site's base path
//! (and language). Where each is was found as the body was read
//! ([`crate::content::Rewrite`]), and which entity each names was resolved
//! with the catalogue: this only writes.

use crate::catalogue::{Catalogue, Ref};
use crate::content::{Body, RewriteTarget};
use crate::routes::Routes;

/// A body's HTML with its addresses written: every `href="@id"` and
/// `href="@id#anchor"` becomes the page's URL, and root-relative links
/// (`href="/checklist/"`, `src="/images/x.png"`) get the base path of
/// `base_url`, so a site published below a folder links correctly.
/// Resolution has already reported unknown ids; any left (never in a
/// checked build) point at the page itself.
///
/// In a language other than the default, a root-relative link to a page
/// that language has (`/checklist/`) leads to its page there
/// (`/fr/checklist/`): a translation links within its own language.
pub fn resolve_links(body: &Body<Ref>, catalogue: &Catalogue, routes: &Routes) -> String {
    let html = body.html.as_str();
    let config = &catalogue.config;
    let base_path = config.base_path();
    let language = config
        .languages
        .first()
        .filter(|default| default.tag != config.language)
        .map(|_| config.language.as_str());
    let rebase = !base_path.is_empty() || language.is_some();
    let mut out = String::with_capacity(html.len() + 64);
    let mut from = 0;
    for rewrite in &body.rewrites {
        let written = match &rewrite.target {
            RewriteTarget::Entity(target) => routes.url_of(target.id),
            RewriteTarget::Unknown => None,
            RewriteTarget::Root(_) if !rebase => continue,
            RewriteTarget::Root(path) => {
                let mut prefix = base_path.to_string();
                if let Some(tag) = language.filter(|tag| routes.contains(&file_of(tag, path))) {
                    prefix.push('/');
                    prefix.push_str(tag);
                }
                Some(prefix)
            }
        };
        let Some(before) = html.get(from..rewrite.at.start) else {
            continue;
        };
        out.push_str(before);
        match written {
            Some(text) => out.push_str(&text),
            // An `@id` that names nothing leads to the page itself.
            None => out.push('#'),
        }
        from = rewrite.at.end;
    }
    out.push_str(&html[from.min(html.len())..]);
    out
}

/// The output file a root-relative path names in language `tag`.
fn file_of(tag: &str, path: &str) -> String {
    if path.ends_with('/') {
        format!("{tag}{path}index.html")
    } else {
        format!("{tag}{path}")
    }
}
