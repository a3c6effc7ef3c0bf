//! Markdown bodies to HTML, in one pass that also records what checks need:
//! heading anchors (targets of `@id#anchor` links) and the `@id` links.
//!
//! `@id` links stay symbolic in the HTML (`href="@level-2#goals"`) because
//! ids resolve only once every file is loaded; the render stage replaces them.

use super::model::{Address, Body, EntityLink, Heading, LocalRef, Rewrite, RewriteTarget};
use super::raw_html::RewriteFound;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// Render `text`, whose first byte sits at `offset` in its file; with its
/// plain words too when `search_words` (for a search index).
pub fn render(text: &str, offset: usize, search_words: bool) -> Body {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut links = Vec::new();
    let mut headings = Vec::new();
    let mut local_refs = Vec::new();
    let mut addresses = Vec::new();
    let mut used_anchors = Anchors::default();
    // Index in `events` of the open heading's start, while inside one.
    let mut open_heading: Option<usize> = None;
    // The raw HTML block being read: a tag may span its lines.
    let mut html_block: Option<RawHtml> = None;
    // Where the body's first raw HTML is, if it has any.
    let mut first_raw_html: Option<std::ops::Range<usize>> = None;

    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match &event {
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with('@') => {
                links.push(entity_link(
                    &dest_url[1..],
                    range.start + offset..range.end + offset,
                ));
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                let image = matches!(event, Event::Start(Tag::Image { .. }));
                let span = range.start + offset..range.end + offset;
                if let Some(target) = local_target(dest_url) {
                    local_refs.push(LocalRef {
                        target: target.to_string(),
                        image,
                        span,
                    });
                } else if has_scheme(dest_url) {
                    addresses.push(Address {
                        target: dest_url.to_string(),
                        image,
                        span,
                    });
                }
            }
            Event::Start(Tag::HtmlBlock) => html_block = Some(RawHtml::default()),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = html_block.take() {
                    block.read(text, offset, &mut addresses, &mut links);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                first_raw_html.get_or_insert_with(|| range.clone());
                match (&mut html_block, &event) {
                    (Some(block), Event::Html(_)) => block.push(html, range.clone()),
                    _ => {
                        let mut inline = RawHtml::default();
                        inline.push(html, range.clone());
                        inline.read(text, offset, &mut addresses, &mut links);
                    }
                }
            }
            Event::Start(Tag::Heading { .. }) => open_heading = Some(events.len()),
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = open_heading.take() {
                    let heading_text = plain_text(&events[start + 1..]);
                    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
                        headings.push(finish_heading(id, *level, heading_text, &mut used_anchors));
                    }
                }
            }
            _ => {}
        }
        events.push(event);
    }

    let words = if search_words {
        words_of(&events)
    } else {
        String::new()
    };
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if let Some(first) = first_raw_html {
        addresses_across_fragments(&html, text, first, offset, &mut addresses);
    }
    let rewrites = super::raw_html::rewrites(&html)
        .into_iter()
        .map(|(at, found)| Rewrite {
            at,
            target: match found {
                // Checks report an unknown id from `links`, at its place in
                // the source; this one only needs its name.
                RewriteFound::Entity(id) => {
                    RewriteTarget::Entity(crate::source::Spanned::new(id, 0..0))
                }
                RewriteFound::Root(path) => RewriteTarget::Root(path),
            },
        })
        .collect();
    Body {
        html,
        words,
        headings,
        links,
        local_refs,
        addresses,
        rewrites,
    }
}

/// Raw HTML as pulldown gives it, in pieces (an HTML block comes line by
/// line), joined so that a tag written over several lines is read whole,
/// with where each piece sits in the source.
#[derive(Default)]
struct RawHtml {
    html: String,
    /// (offset in `html`, range in the Markdown text) of each piece.
    pieces: Vec<(usize, std::ops::Range<usize>)>,
}

impl RawHtml {
    fn push(&mut self, piece: &str, range: std::ops::Range<usize>) {
        self.pieces.push((self.html.len(), range));
        self.html.push_str(piece);
    }

    /// Its addresses that lead off the site (`https:`, `javascript:`),
    /// and its `<a href="@id">` links, checked like a Markdown link's: each
    /// pointed at where the source writes it.
    fn read(
        &self,
        text: &str,
        offset: usize,
        addresses: &mut Vec<Address>,
        links: &mut Vec<EntityLink>,
    ) {
        for found in super::raw_html::addresses(&self.html) {
            if found.link
                && let Some(target) = found.target.strip_prefix('@')
            {
                let span = self.source_range(text, &found.range, &found.target);
                links.push(entity_link(target, span.start + offset..span.end + offset));
                continue;
            }
            if !has_scheme(&found.target) {
                continue;
            }
            let span = self.source_range(text, &found.range, &found.target);
            addresses.push(Address {
                target: found.target,
                image: found.image,
                span: span.start + offset..span.end + offset,
            });
        }
    }

    /// Where `within` (a range of the joined HTML) is in the Markdown text:
    /// in its piece, when the piece is the source as written; else the
    /// first place the source writes `target`, else the whole piece.
    fn source_range(
        &self,
        text: &str,
        within: &std::ops::Range<usize>,
        target: &str,
    ) -> std::ops::Range<usize> {
        let index = self
            .pieces
            .partition_point(|(start, _)| *start <= within.start)
            .saturating_sub(1);
        let Some((start, range)) = self.pieces.get(index) else {
            return 0..0;
        };
        let piece = &self.html[*start..];
        let piece_len = self
            .pieces
            .get(index + 1)
            .map_or(piece.len(), |(next, _)| next - start);
        if text.get(range.clone()) == Some(&piece[..piece_len]) {
            let at = range.start + (within.start - start);
            return at..at + (within.end - within.start);
        }
        match text
            .get(range.clone())
            .and_then(|source| source.find(target))
        {
            Some(at) => range.start + at..range.start + at + target.len(),
            None => range.clone(),
        }
    }
}

/// Addresses a browser finds in the page that no single piece of raw HTML
/// shows: a tag left open in one HTML block takes its attributes from the
/// Markdown after it (`<a title='` … `' href=javascript:x>`). The body as
/// rendered is read once more, as the browser will read it, when it has
/// raw HTML at all; what was not found piece by piece is reported at the
/// first place the source writes it (else at the first raw HTML).
fn addresses_across_fragments(
    html: &str,
    text: &str,
    first: std::ops::Range<usize>,
    offset: usize,
    addresses: &mut Vec<Address>,
) {
    let known: HashSet<String> = addresses.iter().map(|a| a.target.clone()).collect();
    for found in super::raw_html::addresses(html) {
        if known.contains(&found.target) || !has_scheme(&found.target) {
            continue;
        }
        // Rendering may have put markup after it (`javascript:x</p`):
        // the part the source wrote is found instead.
        let written = [
            found.target.as_str(),
            found.target.split('<').next().unwrap_or_default(),
        ];
        let span = written
            .iter()
            .filter(|part| part.len() > 1)
            .find_map(|part| text.find(part).map(|at| at..at + part.len()))
            .unwrap_or(first.clone());
        addresses.push(Address {
            target: found.target,
            image: found.image,
            span: span.start + offset..span.end + offset,
        });
    }
}

/// An `@id` or `@id#anchor` link (its target after the `@`), written at
/// `span` of the file.
fn entity_link(target: &str, span: crate::source::Span) -> EntityLink {
    let (id, anchor) = match target.split_once('#') {
        Some((id, anchor)) => (id, Some(anchor.to_string())),
        None => (target, None),
    };
    EntityLink {
        id: id.to_string(),
        anchor,
        span,
    }
}

/// Whether a link leads to an address with a scheme (`https:`,
/// `mailto:`, `javascript:`), as a browser reads it: character references
/// decoded (raw HTML may write `&colon;`), then the WHATWG URL rules, which
/// drop leading spaces and inner tabs and newlines. Raw HTML is read on a
/// best-effort basis; the theme's Content-Security-Policy is the backstop.
pub(crate) fn has_scheme(dest: &str) -> bool {
    url::Url::parse(&decode_references(dest)).is_ok()
}

/// Numeric character references and the few named ones that can spell a
/// scheme's punctuation, as a browser decodes an attribute.
pub(crate) fn decode_references(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|end| {
            let name = &after[..end];
            let code =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(decimal) = name.strip_prefix('#') {
                    decimal.parse().ok()
                } else {
                    match name {
                        "colon" => Some(':' as u32),
                        "Tab" => Some('\t' as u32),
                        "NewLine" => Some('\n' as u32),
                        "sol" => Some('/' as u32),
                        _ => None,
                    }
                };
            Some((char::from_u32(code?)?, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The path part of a link that points at a file of this site: not an
/// `@id`, not another site (`https:`, `mailto:`, `//host`), not `#anchor`.
fn local_target(dest: &str) -> Option<&str> {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let has_scheme = path.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    (!path.is_empty() && !dest.starts_with('@') && !path.starts_with("//") && !has_scheme)
        .then_some(path)
}

/// Anchors given so far in one page, and the next suffix to try for each
/// base, so a page of thousands of identical headings stays linear.
#[derive(Default)]
struct Anchors {
    used: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

/// Give a heading its anchor (an explicit `{#id}` wins), unique in the page.
fn finish_heading(
    id: &mut Option<CowStr<'_>>,
    level: HeadingLevel,
    text: String,
    anchors: &mut Anchors,
) -> Heading {
    let base = match id {
        Some(explicit) => explicit.to_string(),
        None => slugify(&text),
    };
    let mut anchor = base.clone();
    if !anchors.used.insert(anchor.clone()) {
        let n = anchors.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            anchor = format!("{base}-{n}");
            *n += 1;
            if anchors.used.insert(anchor.clone()) {
                break;
            }
        }
    }
    *id = Some(CowStr::from(anchor.clone()));
    Heading {
        level: level as u8,
        anchor,
        text,
    }
}

fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The body's words as plain text, blocks apart, for the search index:
/// taken from the parse itself, so no HTML needs taking apart again.
fn words_of(events: &[Event<'_>]) -> String {
    let mut words = Words::default();
    let mut html = HtmlText::default();
    // Whether the last word so far ends a sentence already, kept as the
    // words go rather than looked for: 100,000 nested quotes end 100,000
    // blocks in a row.
    let mut open_sentence = false;
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => {
                words.push(t);
                if let Some(last) = t.trim_end().chars().last() {
                    open_sentence = last.is_alphanumeric();
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                html.read(raw, &mut words, &mut open_sentence);
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => words.push(" "),
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image,
            ) => {}
            // A block that ends without punctuation (a heading, a list
            // item) gets a full stop, so that a search excerpt across
            // blocks still reads as sentences.
            Event::End(_) => {
                if open_sentence {
                    words.end_sentence();
                } else {
                    words.push(" ");
                }
                open_sentence = false;
            }
            _ => {}
        }
    }
    words.text
}

/// Raw HTML's share of a body's words: the text between its tags, with
/// entities decoded, and an image's `alt`; not the tags themselves, nor
/// what `<script>`, `<style>` and comments hold. Its state carries from one
/// event to the next: an HTML block comes as an event per line, and a tag
/// or a script may span several.
#[derive(Default)]
struct HtmlText {
    /// Inside a tag (after `<`), with what it holds so far.
    tag: Option<String>,
    /// Inside a quoted attribute value of that tag.
    quote: Option<char>,
    /// Skipping everything up to this (`</script`, `</style`, `-->`).
    skip_until: Option<&'static str>,
}

/// Elements that sit inside a line of text: their tags join the words on
/// either side ("re<b>hearse</b>d" is one word). Any other tag parts them.
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

impl HtmlText {
    fn read(&mut self, raw: &str, words: &mut Words, open_sentence: &mut bool) {
        let mut rest = raw;
        while !rest.is_empty() {
            if let Some(end) = self.skip_until {
                let Some(at) = rest.to_ascii_lowercase().find(end) else {
                    return;
                };
                rest = &rest[at + end.len()..];
                self.skip_until = None;
                // What is left of `</script …>` is read as a tag.
                if end != "-->" {
                    self.tag = Some(String::new());
                }
                continue;
            }
            if let Some(tag) = &mut self.tag {
                let mut close = None;
                for (at, c) in rest.char_indices() {
                    match (self.quote, c) {
                        (Some(quote), c) if c == quote => self.quote = None,
                        (Some(_), _) => {}
                        (None, '"' | '\'') => self.quote = Some(c),
                        (None, '>') => {
                            close = Some(at);
                            break;
                        }
                        _ => {}
                    }
                }
                let Some(at) = close else {
                    tag.push_str(rest);
                    return;
                };
                tag.push_str(&rest[..at]);
                rest = &rest[at + 1..];
                let tag = self.tag.take().unwrap_or_default();
                self.finish_tag(&tag, words);
                continue;
            }
            let Some(at) = rest.find('<') else {
                text(rest, words, open_sentence);
                return;
            };
            text(&rest[..at], words, open_sentence);
            rest = &rest[at..];
            if let Some(after) = rest.strip_prefix("<!--") {
                self.skip_until = Some("-->");
                rest = after;
            } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c))
            {
                self.tag = Some(String::new());
                rest = &rest[1..];
            } else {
                text("<", words, open_sentence);
                rest = &rest[1..];
            }
        }
    }

    /// A whole tag read (`img alt="…" src="…"`, `/div`): its `alt`, and a
    /// space unless it is an inline element's.
    fn finish_tag(&mut self, tag: &str, words: &mut Words) {
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if !closing {
            match name.as_str() {
                "script" => self.skip_until = Some("</script"),
                "style" => self.skip_until = Some("</style"),
                _ => {}
            }
        }
        if !INLINE_ELEMENTS.contains(&name.as_str()) {
            words.push(" ");
        }
        if let Some(alt) = attribute(tag, "alt") {
            words.push(" ");
            words.push(&html_escape::decode_html_entities(alt));
            words.push(" ");
        }
    }
}

/// Text of raw HTML into `words`, entities decoded.
fn text(raw: &str, words: &mut Words, open_sentence: &mut bool) {
    let decoded = html_escape::decode_html_entities(raw);
    words.push(&decoded);
    if let Some(last) = decoded.trim_end().chars().last() {
        *open_sentence = last.is_alphanumeric();
    }
}

/// The value of attribute `name` in a tag's text (`img alt="A chart"`),
/// quoted or not.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before = lower[..at].chars().last();
        let after = lower[from..].trim_start();
        if !before.is_some_and(char::is_whitespace) || !after.starts_with('=') {
            continue;
        }
        // `lower` has `tag`'s byte offsets: ASCII case changes keep lengths.
        let value = tag[tag.len() - after.len() + 1..].trim_start();
        return Some(match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or(""),
            _ => value.split(char::is_whitespace).next().unwrap_or(""),
        });
    }
    None
}

/// Text with every run of whitespace made one space, and none at either
/// end, as it is pushed: what `split_whitespace` and `join(" ")` give,
/// without a list of every word of the body and a second copy of it.
#[derive(Default)]
struct Words {
    text: String,
    /// Whitespace seen since the last word: a space before the next one.
    space: bool,
}

impl Words {
    /// A full stop on the last word, whatever space came after it (a
    /// closing tag's), and a space before the next.
    fn end_sentence(&mut self) {
        if !self.text.is_empty() {
            self.text.push('.');
        }
        self.space = true;
    }

    fn push(&mut self, chunk: &str) {
        for (i, piece) in chunk.split(char::is_whitespace).enumerate() {
            self.space |= i > 0;
            if piece.is_empty() {
                continue;
            }
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push_str(piece);
        }
    }
}

/// An anchor from heading text: lowercase letters and digits, words joined
/// by hyphens, punctuation dropped ("How to apply?" -> "how-to-apply").
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' {
            pending_hyphen = true;
        }
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_anchors() {
        let body = render(
            "## How to apply?\n\n## How to apply\n\n### Custom {#mine}\n",
            0,
            true,
        );
        let anchors: Vec<_> = body.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(anchors, ["how-to-apply", "how-to-apply-1", "mine"]);
        assert!(
            body.html
                .contains("<h2 id=\"how-to-apply\">How to apply?</h2>"),
            "{}",
            body.html
        );
    }

    #[test]
    fn entity_links_are_recorded_with_spans_and_kept_symbolic() {
        let text = "See [Level 2](@level-2#goals) and [the web](https://example.org).";
        let body = render(text, 100, true);
        assert_eq!(body.links.len(), 1);
        let link = &body.links[0];
        assert_eq!(
            (link.id.as_str(), link.anchor.as_deref()),
            ("level-2", Some("goals"))
        );
        assert_eq!(
            &text[link.span.start - 100..link.span.end - 100],
            "[Level 2](@level-2#goals)"
        );
        assert!(
            body.html.contains("href=\"@level-2#goals\""),
            "{}",
            body.html
        );
    }

    #[test]
    fn links_in_raw_html_are_recorded_too() {
        let text = "[a](@one)\n\n<p><a href=\"@two#x\">b</a></p>\n";
        let body = render(text, 0, true);
        let ids: Vec<_> = body
            .links
            .iter()
            .map(|l| (l.id.as_str(), l.anchor.as_deref()))
            .collect();
        assert_eq!(ids, [("one", None), ("two", Some("x"))]);
        assert_eq!(&text[body.links[1].span.clone()], "@two#x");
    }

    #[test]
    fn local_links_and_images_are_recorded() {
        let body = render(
            "![map](/files/map.png) [pdf](guide.pdf#p2) [web](https://x.org) [mail](mailto:a@b.c) [top](#top) [l](@level-1)",
            0,
            true,
        );
        let refs: Vec<_> = body
            .local_refs
            .iter()
            .map(|r| (r.target.as_str(), r.image))
            .collect();
        assert_eq!(refs, [("/files/map.png", true), ("guide.pdf", false)]);
    }

    #[test]
    fn the_words_of_a_body_end_blocks_as_sentences_and_join_inline_marks_and_tags() {
        let body = render(
            "# Safe *sets*\n\nConsent **first**, then\nchoreography.\n\n- one\n- two `code`\n\n<b>raw</b>",
            0,
            true,
        );
        assert_eq!(
            body.words,
            "Safe sets. Consent first, then choreography. one. two code. raw."
        );
    }

    #[test]
    fn raw_html_gives_its_text_and_alt_but_not_its_tags_scripts_or_comments() {
        let body = render(
            "Intro.\n\n<div class=\"note\" title=\"a > b\">\nRe<b>hearse</b>d &amp; caf&eacute;\n</div>\n\n\
             <img src=\"/chart.png\" data-alt=\"no\" ALT='A harbour &quot;chart&quot;'>\n\n\
             <script>\nlet x = \"<b>secret</b>\";\n</script>\n\n<!-- hidden\nnote -->\n\n\
             <p>Inline <img alt=plain src=x.png> image</p>\n",
            0,
            true,
        );
        assert_eq!(
            body.words,
            "Intro. Rehearsed & café. A harbour \"chart\" Inline plain image."
        );
    }

    #[test]
    fn a_body_keeps_no_words_when_no_search_reads_them() {
        let body = render("# Safe sets\n\nConsent first.", 0, false);
        assert_eq!(body.words, "");
        assert!(body.html.contains("Consent first."));
    }

    #[test]
    fn words_collapse_whitespace_as_split_and_join_would() {
        let chunks = [
            "  lead",
            "ing ",
            "\u{a0}nbsp\u{2003}em ",
            "",
            " ",
            "tab\tand\n\nlines",
            "x",
            ". ",
            "end  ",
        ];
        let mut words = Words::default();
        for chunk in chunks {
            words.push(chunk);
        }
        let joined = chunks.concat();
        let expected = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(words.text, expected);
        assert_eq!(words.text, "leading nbsp em tab and linesx. end");
    }

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slugify("Learning objectives"), "learning-objectives");
        assert_eq!(slugify("Étape 2 — Café"), "étape-2-café");
        assert_eq!(slugify("?!"), "section");
    }
}
