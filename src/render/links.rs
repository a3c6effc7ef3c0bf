//! URLs of pages, and turning symbolic `@id` links into them.

use crate::catalogue::Catalogue;
use crate::content::{Document, Kind};

/// The site-relative URL of a document ("/levels/level-2/"), with the base
/// path of `base_url` in front.
pub fn url_of(catalogue: &Catalogue, doc: &Document) -> String {
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

/// The output file of a page path: "levels/level-2/index.html".
pub fn output_path(path: &str) -> String {
    if path.is_empty() {
        "index.html".into()
    } else {
        format!("{path}/index.html")
    }
}

/// Replace every `href="@id"` and `href="@id#anchor"` in rendered Markdown
/// with the page's URL. Resolution has already reported unknown ids; any
/// left (never in a checked build) point at the page itself.
pub fn resolve_entity_links(html: &str, catalogue: &Catalogue) -> String {
    const NEEDLE: &str = "href=\"@";
    if !html.contains(NEEDLE) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find(NEEDLE) {
        out.push_str(&rest[..at + "href=\"".len()]);
        let after = &rest[at + NEEDLE.len()..];
        let end = after.find('"').unwrap_or(after.len());
        let target = &after[..end];
        let (id, anchor) = match target.split_once('#') {
            Some((id, anchor)) => (id, Some(anchor)),
            None => (target, None),
        };
        match catalogue.get(id) {
            Some(doc) => out.push_str(&url_of(catalogue, doc)),
            None => out.push('#'),
        }
        if let Some(anchor) = anchor {
            out.push('#');
            out.push_str(anchor);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}
