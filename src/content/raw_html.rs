//! The addresses in a body's raw HTML, read by a real HTML tokenizer
//! (lol_html, Cloudflare's streaming rewriter) rather than by searching
//! for `href="`: unquoted, uppercase and spaced attributes
//! (`<A HREF = javascript:x>`) are found as a browser finds them.
//!
//! Every attribute the HTML standard gives a URL is read, on any element:
//! a site's own theme may not carry the default theme's
//! Content-Security-Policy, so `action=` and `formaction=` matter as much
//! as `href=`.

use lol_html::html_content::Element;
use lol_html::{HtmlRewriter, Settings, element};
use std::ops::Range;

/// Attributes whose value is one URL (the HTML standard's index of
/// attributes, with the obsolete ones browsers still follow).
const URL_ATTRIBUTES: [&str; 15] = [
    "href",
    "src",
    "action",
    "formaction",
    "cite",
    "data",
    "poster",
    "background",
    "longdesc",
    "manifest",
    "codebase",
    "classid",
    "profile",
    "itemid",
    "xlink:href",
];

/// One address written in raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlAddress {
    /// As written (character references not decoded).
    pub(crate) target: String,
    /// Where in the HTML it is written, in bytes.
    pub(crate) range: Range<usize>,
    /// An image's address (`<img src>`, `srcset`, `poster`), which may
    /// be an inline `data:image/…`.
    pub(crate) image: bool,
    /// The value of an `href` or `src` attribute, which may be an `@id`
    /// link or a root-relative address that render rewrites.
    pub(crate) link: bool,
}

/// Every URL-valued attribute of `html`, in document order.
pub(crate) fn addresses(html: &str) -> Vec<HtmlAddress> {
    addresses_within(html, 0)
}

/// Where render writes addresses into a rendered body: each `href` or
/// `src` whose value is an `@id` link (the range of its `@id`) or a
/// root-relative address (`/checklist/`: where its path starts), in
/// document order. A body with neither is not read at all.
pub(crate) fn rewrites(html: &str) -> Vec<(Range<usize>, RewriteFound)> {
    let may_have = ["\"@", "'@", "=@", "\"/", "'/", "=/"]
        .iter()
        .any(|pattern| memchr::memmem::find(html.as_bytes(), pattern.as_bytes()).is_some());
    if !may_have {
        return Vec::new();
    }
    addresses(html)
        .into_iter()
        .filter(|found| found.link)
        .filter_map(|found| {
            // As written: an `@` spelled as a character reference is no link.
            let written = html.get(found.range.clone())?;
            if let Some(target) = written.strip_prefix('@') {
                let id = target.split('#').next().unwrap_or_default();
                let at = found.range.start..found.range.start + 1 + id.len();
                return Some((at, RewriteFound::Entity(id.to_string())));
            }
            if written.starts_with('/') && !written.starts_with("//") {
                let path = written.split(['#', '?']).next().unwrap_or_default();
                let at = found.range.start..found.range.start;
                return Some((at, RewriteFound::Root(path.to_string())));
            }
            None
        })
        .collect()
}

/// What a rewrite found: an entity's id, or a root-relative path (without
/// its `?query` or `#fragment`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RewriteFound {
    Entity(String),
    Root(String),
}

/// How deep documents inside `srcdoc` attributes are read.
const SRCDOC_DEPTH: usize = 4;

fn addresses_within(html: &str, depth: usize) -> Vec<HtmlAddress> {
    let mut found = Vec::new();
    {
        let settings = Settings::new()
            .with_strict(false)
            .append_element_content_handler(element!("*", |el: &mut Element<'_, '_, _>| {
                collect(el, depth, &mut found);
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        // The tokenizer only errs on a handler's error or the memory
        // limit, neither of which this reader sets: what it read stands.
        let _ = rewriter.write(html.as_bytes());
        let _ = rewriter.end();
    }
    found
}

fn collect(element: &Element<'_, '_>, depth: usize, found: &mut Vec<HtmlAddress>) {
    let tag = element.tag_name();
    for attribute in element.attributes() {
        let name = attribute.name();
        let Some(location) = attribute.value_source_location() else {
            continue;
        };
        let range = location.bytes();
        let value = attribute.value();
        match name.as_str() {
            "srcset" => {
                let urls =
                    srcset_urls(&value).map(|(at, url)| address(url, range.start + at, true));
                found.extend(urls);
            }
            "ping" => {
                let urls = words(&value).map(|(at, url)| address(url, range.start + at, false));
                found.extend(urls);
            }
            "content" if is_refresh(element) => {
                if let Some((at, url)) = refresh_url(&value) {
                    found.push(address(url, range.start + at, false));
                }
            }
            // SVG animation of a link: `<set attributeName="href" to="…">`.
            "to" | "from" | "values" if animates_a_link(element) => {
                let urls = value
                    .split(';')
                    .map(|url| (url.as_ptr() as usize - value.as_ptr() as usize, url.trim()))
                    .filter(|(_, url)| !url.is_empty())
                    .map(|(at, url)| {
                        let lead = value[at..].len() - value[at..].trim_start().len();
                        address(url, range.start + at + lead, false)
                    });
                found.extend(urls.collect::<Vec<_>>());
            }
            // A whole document in an attribute: read it too, pointed at
            // the attribute.
            "srcdoc" if depth < SRCDOC_DEPTH => {
                let inner = html_escape::decode_html_entities(&value);
                let inner = addresses_within(&inner, depth + 1);
                found.extend(inner.into_iter().map(|inner| HtmlAddress {
                    range: range.clone(),
                    ..inner
                }));
            }
            name if URL_ATTRIBUTES.contains(&name) => {
                let image = matches!(
                    (tag.as_str(), name),
                    ("img" | "input", "src") | (_, "poster")
                );
                found.push(HtmlAddress {
                    target: value,
                    range,
                    image,
                    link: matches!(name, "href" | "src"),
                });
            }
            _ => {}
        }
    }
}

fn address(url: &str, start: usize, image: bool) -> HtmlAddress {
    HtmlAddress {
        target: url.to_string(),
        range: start..start + url.len(),
        image,
        link: false,
    }
}

/// Words separated by ASCII whitespace, with their offsets.
fn words(value: &str) -> impl Iterator<Item = (usize, &str)> {
    value
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - value.as_ptr() as usize, w))
}

/// The URLs of a `srcset` ("a.png 1x, b.png 2x"), with their offsets: each
/// candidate's first word.
fn srcset_urls(value: &str) -> impl Iterator<Item = (usize, &str)> {
    value.split(',').filter_map(move |candidate| {
        let (at, url) = words(candidate).next()?;
        let offset = candidate.as_ptr() as usize - value.as_ptr() as usize;
        Some((offset + at, url))
    })
}

/// `<meta http-equiv="refresh">`, whose `content` can name an address.
fn is_refresh(element: &Element<'_, '_>) -> bool {
    element.tag_name() == "meta"
        && element
            .get_attribute("http-equiv")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"))
}

/// `<set>` or `<animate>` of an SVG link's address, whose `to`, `from`
/// and `values` are addresses.
fn animates_a_link(element: &Element<'_, '_>) -> bool {
    matches!(element.tag_name().as_str(), "set" | "animate")
        && element.get_attribute("attributename").is_some_and(|name| {
            let name = name.trim().to_ascii_lowercase();
            name == "href" || name == "xlink:href"
        })
}

/// The address in a refresh's content, with its offset, read as the HTML
/// standard's "shared declarative refresh steps" read it: a delay
/// (digits and dots), then `;` or `,`, then optionally `url=`, then the
/// address, quotes around it dropped. `"0; javascript:x"` names one too.
fn refresh_url(content: &str) -> Option<(usize, &str)> {
    let skip = |text: &str, what: &dyn Fn(char) -> bool| -> usize {
        text.len() - text.trim_start_matches(|c: char| what(c)).len()
    };
    let space = |c: char| c.is_ascii_whitespace();
    let mut at = skip(content, &space);
    at += skip(&content[at..], &|c: char| c.is_ascii_digit() || c == '.');
    at += skip(&content[at..], &space);
    let rest = &content[at..];
    let after = rest.strip_prefix([';', ','])?;
    at += rest.len() - after.len();
    at += skip(&content[at..], &space);
    let rest = &content[at..];
    if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case("url") {
        let after_url = &rest[3..];
        let spaces = skip(after_url, &space);
        if after_url[spaces..].starts_with('=') {
            at += 3 + spaces + 1;
            at += skip(&content[at..], &space);
        }
    }
    let mut url = &content[at..];
    if let Some(quote) = url.chars().next().filter(|c| *c == '"' || *c == '\'') {
        url = &url[1..];
        at += 1;
        url = url.split(quote).next().unwrap_or("");
    }
    let url = url.trim_end();
    (!url.is_empty()).then_some((at, url))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(html: &str) -> Vec<(String, bool)> {
        addresses(html)
            .into_iter()
            .map(|a| {
                assert_eq!(&html[a.range.clone()], a.target, "{a:?} points at its text");
                (a.target, a.image)
            })
            .collect()
    }

    #[test]
    fn attributes_are_read_as_a_browser_reads_them() {
        assert_eq!(
            targets("<A HREF = javascript:x>one</A><a href='b'>two</a><a\nhref=\"c\">"),
            [
                ("javascript:x".to_string(), false),
                ("b".to_string(), false),
                ("c".to_string(), false),
            ]
        );
    }

    #[test]
    fn every_url_valued_attribute_counts() {
        let html = "<form action=\"javascript:a\"><button formaction=javascript:b>x</button></form>\
                    <blockquote cite=\"javascript:c\"></blockquote><object data=\"javascript:d\"></object>\
                    <video poster=\"data:image/png,x\" src=\"v.mp4\"></video>\
                    <img src=\"data:image/png,y\" srcset=\"a.png 1x, javascript:e 2x\">\
                    <a ping=\"https://p javascript:f\" href=\"#\">p</a>\
                    <svg><a xlink:href=\"javascript:g\"><text>t</text></a></svg>\
                    <meta http-equiv=\"Refresh\" content=\"0; url=javascript:h\">\
                    <p title=\"javascript:not-a-url\" data-x=\"javascript:nor-this\">";
        let found = targets(html);
        for expected in [
            "javascript:a",
            "javascript:b",
            "javascript:c",
            "javascript:d",
            "javascript:e",
            "javascript:f",
            "javascript:g",
            "javascript:h",
        ] {
            assert!(
                found.iter().any(|(t, _)| t == expected),
                "{expected} missing from {found:?}"
            );
        }
        assert!(!found.iter().any(|(t, _)| t.contains("not-a-url")));
        assert!(!found.iter().any(|(t, _)| t.contains("nor-this")));
        assert!(found.contains(&("data:image/png,x".to_string(), true)));
        assert!(found.contains(&("data:image/png,y".to_string(), true)));
        assert!(found.contains(&("v.mp4".to_string(), false)));
    }

    #[test]
    fn a_refresh_names_its_address_with_or_without_url() {
        assert_eq!(
            refresh_url("0; url=javascript:a"),
            Some((7, "javascript:a"))
        );
        assert_eq!(
            refresh_url("5;URL = 'javascript:b'"),
            Some((9, "javascript:b"))
        );
        assert_eq!(refresh_url("0; javascript:c"), Some((3, "javascript:c")));
        assert_eq!(
            refresh_url("1.5, curl.example/x"),
            Some((5, "curl.example/x"))
        );
        assert_eq!(refresh_url("30"), None);
    }

    #[test]
    fn animated_links_and_inline_documents_count() {
        let found = targets(
            "<svg><a><set attributeName=\"href\" to=\"javascript:a\"/>\
                             <animate attributeName=\"xlink:href\" values=\"https://x; javascript:b\"/></a></svg>",
        );
        assert!(found.iter().any(|(t, _)| t == "javascript:a"), "{found:?}");
        assert!(found.iter().any(|(t, _)| t == "javascript:b"), "{found:?}");
        let inline =
            addresses("<iframe srcdoc=\"&lt;a href=javascript:c&gt;x&lt;/a&gt;\"></iframe>");
        assert!(
            inline.iter().any(|a| a.target == "javascript:c"),
            "{inline:?}"
        );
    }

    #[test]
    fn rewrites_are_found_however_the_attribute_is_written() {
        let html = "<p><a href=\"@level-2#goals\">a</a> <A HREF='/checklist/'>b</A> \
                    <img src=/images/x.png?v=1> <a href=\"//cdn.example.org/x\">c</a> \
                    <a title=\"@not-a-link\" href=\"https://example.org/@x\">d</a></p>";
        let found: Vec<(&str, RewriteFound)> = rewrites(html)
            .into_iter()
            .map(|(at, found)| (&html[at.start..at.end.max(at.start)], found))
            .collect();
        assert_eq!(
            found,
            [
                ("@level-2", RewriteFound::Entity("level-2".into())),
                ("", RewriteFound::Root("/checklist/".into())),
                ("", RewriteFound::Root("/images/x.png".into())),
            ]
        );
        assert!(rewrites("<p>No links at all.</p>").is_empty());
    }

    #[test]
    fn text_and_comments_are_not_attributes() {
        assert!(targets("<!-- <a href=javascript:x> --><p>href=javascript:y</p>").is_empty());
        assert!(targets("<script>var a = '<a href=javascript:z>';</script>").is_empty());
    }
}
