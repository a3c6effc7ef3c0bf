//! Turning the symbolic `@id` links of rendered Markdown into the URLs
//! of the route table.

use crate::catalogue::Catalogue;
use crate::routes::Routes;

/// Rewrite the links of rendered Markdown: every `href="@id"` and
/// `href="@id#anchor"` becomes the page's URL, and root-relative links
/// (`href="/checklist/"`, `src="/images/x.png"`) get the base path of
/// `base_url`, so a site published below a folder links correctly.
/// Resolution has already reported unknown ids; any left (never in a checked
/// build) point at the page itself.
///
/// In a language other than the default, a root-relative link to a page
/// that language has (`/checklist/`) leads to its page there
/// (`/fr/checklist/`): a translation links within its own language.
pub fn resolve_links(html: &str, catalogue: &Catalogue, routes: &Routes) -> String {
    let config = &catalogue.config;
    let base_path = config.base_path();
    let language = config
        .languages
        .first()
        .filter(|default| default.tag != config.language)
        .map(|_| config.language.as_str());
    let rebase = !base_path.is_empty() || language.is_some();
    if !html.contains("=\"@") && (!rebase || !html.contains("=\"/")) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = next_link(rest, rebase) {
        let (before, value) = rest.split_at(at);
        out.push_str(before);
        let end = value.find('"').unwrap_or(value.len());
        let target = &value[..end];
        if let Some(target) = target.strip_prefix('@') {
            let (id, anchor) = match target.split_once('#') {
                Some((id, anchor)) => (id, Some(anchor)),
                None => (target, None),
            };
            match catalogue.lookup(id).and_then(|doc| routes.url_of(doc)) {
                Some(url) => out.push_str(&url),
                None => out.push('#'),
            }
            if let Some(anchor) = anchor {
                out.push('#');
                out.push_str(anchor);
            }
        } else {
            out.push_str(base_path);
            if let Some(tag) = language {
                let (path, _) = target.split_once('#').unwrap_or((target, ""));
                let path = path.split('?').next().unwrap_or(path);
                let file = if path.ends_with('/') {
                    format!("{tag}{path}index.html")
                } else {
                    format!("{tag}{path}")
                };
                if routes.contains(&file) {
                    out.push('/');
                    out.push_str(tag);
                }
            }
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
