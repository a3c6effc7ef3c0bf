//! URLs of pages, and turning symbolic `@id` links into them.

use crate::catalogue::{Catalogue, Entity};
use crate::content::Kind;

/// The site-relative URL of a document ("/levels/level-2/"), with the base
/// path of `base_url` in front.
pub fn url_of(catalogue: &Catalogue, doc: &Entity) -> String {
    path_url(catalogue.config.base_path(), &doc.path)
}

/// The URL of a listing page for a kind ("/levels/").
pub fn listing_url(catalogue: &Catalogue, kind: Kind) -> String {
    path_url(catalogue.config.base_path(), kind.folder())
}

/// "/base/path/" from a base path ("" or "/base") and a page path.
pub fn path_url(base_path: &str, path: &str) -> String {
    if path.is_empty() {
        format!("{base_path}/")
    } else {
        format!("{base_path}/{path}/")
    }
}

/// Rewrite the links of rendered Markdown: every `href="@id"` and
/// `href="@id#anchor"` becomes the page's URL, and root-relative links
/// (`href="/checklist/"`, `src="/images/x.png"`) get the base path of
/// `base_url`, so a site published below a folder links correctly.
/// Resolution has already reported unknown ids; any left (never in a checked
/// build) point at the page itself.
pub fn resolve_links(html: &str, catalogue: &Catalogue) -> String {
    let base_path = catalogue.config.base_path();
    if !html.contains("=\"@") && (base_path.is_empty() || !html.contains("=\"/")) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = next_link(rest, !base_path.is_empty()) {
        let (before, value) = rest.split_at(at);
        out.push_str(before);
        let end = value.find('"').unwrap_or(value.len());
        let target = &value[..end];
        if let Some(target) = target.strip_prefix('@') {
            let (id, anchor) = match target.split_once('#') {
                Some((id, anchor)) => (id, Some(anchor)),
                None => (target, None),
            };
            match catalogue.lookup(id) {
                Some(doc) => out.push_str(&url_of(catalogue, &catalogue[doc])),
                None => out.push('#'),
            }
            if let Some(anchor) = anchor {
                out.push('#');
                out.push_str(anchor);
            }
        } else {
            out.push_str(base_path);
            out.push_str(target);
        }
        rest = &value[end..];
    }
    out.push_str(rest);
    out
}

/// Offset of the next attribute value to rewrite: just after `href="` or
/// `src="`, when it starts with `@`, or (with a base path) with a single `/`.
/// One forward scan over `="`, so a page of many links stays linear.
fn next_link(html: &str, rebase: bool) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = html[from..].find("=\"") {
        let at = from + i;
        let value = at + 2;
        let name = &html[..at];
        let is_link = name.ends_with(" href")
            || name.ends_with(" src")
            || name.ends_with("\nhref")
            || name.ends_with("\nsrc");
        let rest = &html[value..];
        if is_link
            && (rest.starts_with('@')
                || (rebase && rest.starts_with('/') && !rest.starts_with("//")))
        {
            return Some(value);
        }
        from = value;
    }
    None
}
