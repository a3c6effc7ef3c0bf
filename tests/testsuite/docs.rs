//! The documentation is tested: README.md and every docs/*.md.
//!
//! **Links.** Every Markdown link to a local file (`[x](checklist.md#section)`,
//! `[x](#anchor)`, `[x](../README.md)`) must name a file that exists, and
//! its anchor a heading of that file, with anchors made as GitHub makes
//! them (lowercase; spaces to hyphens; punctuation dropped except hyphens
//! and underscores; a repeated heading gets `-1`, `-2`, …). Links in code
//! are not links; `@id` links are content syntax shown as an example, and
//! web addresses are not checked.
//!
//! **Examples.** A fenced block that shows what cairn prints is run: an
//! HTML comment on the line just before its fence says how.
//!
//! ````text
//! <!-- cairn-doc: file=me.toml -->
//! ```toml
//! completed = ["level-1"]
//! ```
//!
//! <!-- cairn-doc: run="cairn eligibility --profile me.toml" files=me.toml excerpt -->
//! ```text
//! Level 2: Specialized workshops — can start
//! ```
//! ````
//!
//! - `file=PATH`: the block is a file; a later `files=` writes it, at
//!   `PATH` inside the site (`me.toml`, `content/levels/pilot.md`). A
//!   later block of the same name replaces it.
//! - `run="cairn ARGS"`: the block is what `cairn ARGS` prints. Instead of
//!   `run=`, the block's first line may be the command, as `$ cairn ARGS`;
//!   a block of several `$ cairn …` lines, each followed by its output, is
//!   a session: the commands run one after the other on the same site.
//!   Each block runs on a fresh copy of its site, in the site's folder:
//!   - `site=`: `bundled` (this repository's site.toml, content and
//!     themes; the default), `starter` (what `cairn init` writes), `empty`
//!     (an empty folder), or a
//!     folder of tests/fixtures (`small`, `scuba`), or `broken/CASE`, a
//!     case of the broken corpus (`small` with the case's `site/` over it),
//!     or `docs/CASE`, laid over `small` the same way: a site that only a
//!     doc shows (tests/fixtures/docs/w004-summary-notes: 14 pages without
//!     a summary, whose warnings the human format groups, which the
//!     corpus's one-line-per-diagnostic check does not allow);
//!   - `files=A,B`: the `file=` blocks, shown earlier in the same doc, to
//!     write into it first; `checklist.md:me.toml` is the first `file=me.toml`
//!     block of another doc (a path from this doc's folder);
//!   - `today=YYYY-MM-DD`: `CAIRN_TODAY` (default 2026-11-28);
//!   - `lang=fr`: `CAIRN_LANG` (default `en`); `NO_COLOR=1` always;
//!   - `stream=stdout` (default), `stderr`, or `both` (stdout, then stderr);
//!   - `exit=N`: the exit code it must end with (default 0); in a session,
//!     `exit=2,0` gives each command's, the last one for any left;
//!   - `excerpt`: the block is a run of consecutive lines of the output,
//!     not all of it;
//!   - `lines=A-B`: only the block's lines A to B (from 1, after a `$ `
//!     line) are compared, for a block that goes on with what another
//!     command (`cairn serve`) would add;
//!   - `remove=PATTERN,…`: delete the site's files whose path matches, `*`
//!     being any text (`content/*.fr.md`), before `files=`;
//!   - `edit="PATH:FROM=>TO"`: after `files=`, the first FROM of the
//!     site's file PATH becomes TO (several edits are joined by `;;`). An
//!     empty FROM on a file that does not exist creates it. In FROM and
//!     TO, `\n` is a newline, `\"` a quote and `\xHH` a byte (`\xE9`, a
//!     Latin-1 `é`);
//!   - `before="cairn ARGS"`: commands (joined by `;;`) run first, in the
//!     same folder and environment, which must succeed (`cairn build`
//!     before a check that reads `public/`, `cairn translations
//!     --mark-current …`); `then-edit=` is an `edit=` applied after them
//!     (an original changed after its translation was marked);
//!   - `root=PATH`: the site's folder is printed as PATH (`/tmp/my-catalogue`,
//!     as a reader's would be) instead of `[ROOT]`;
//!   - `json`: the output and the block are JSON, compared as values (keys
//!     in any order, any spacing); `json=FIELD` compares the block with the
//!     output's field FIELD only (`json=plan`). With `excerpt`, an array of
//!     the block may leave elements out, shown by a line `…`.
//!
//!   In the block, `[..]` stands for any text within a line (a time, a
//!   temporary path) and a line `...` for any number of lines, as in
//!   trycmd; the docs' own `…` on a line of its own means the same.
//!   Blank lines at the end of the output do not count. The site's own
//!   folder is printed as `[ROOT]`. A time in seconds, `in 0.03 s`, is
//!   read as `in [TIME] s` in both the block and the output, so the docs
//!   show a real number that any run matches. A block that does not match
//!   fails the test with the doc's file and line, the block and what cairn
//!   printed.
//!
//! - `fixture-file=PATH`: the block is the file tests/fixtures/PATH
//!   (`broken/e003-unknown-key/site/content/levels/navigation.md`), whole,
//!   or with `excerpt` a run of its consecutive lines; nothing is run. The
//!   inputs that checks.md shows for a case of the broken corpus are
//!   checked this way.

use super::support::{cairn_command, copy_tree, fixture, repo};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// README.md and every docs/*.md, sorted.
fn doc_files() -> Vec<PathBuf> {
    let mut files = vec![repo().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .expect("docs/")
        .map(|entry| entry.expect("docs/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// The path of `path` relative to the repository, for messages.
fn shown(path: &Path) -> String {
    path.strip_prefix(repo())
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn parser(text: &str) -> pulldown_cmark::OffsetIter<'_> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    Parser::new_ext(text, options).into_offset_iter()
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// GitHub's anchor for a heading whose text is `heading`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Every anchor of a Markdown text: its headings' (numbered as GitHub
/// numbers repeats) and any `id="…"`/`name="…"` of its HTML.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut anchors = BTreeSet::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut heading: Option<String> = None;
    for (event, _) in parser(text) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                if let Some(id) = id {
                    anchors.insert(id.to_string());
                }
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&heading.take().unwrap_or_default());
                let count = seen.entry(base.clone()).or_insert(0);
                let anchor = if *count == 0 {
                    base.clone()
                } else {
                    format!("{base}-{count}")
                };
                *count += 1;
                anchors.insert(anchor);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                for attr in ["id=\"", "name=\""] {
                    for piece in html.split(attr).skip(1) {
                        anchors.insert(piece.split('"').next().unwrap_or("").to_string());
                    }
                }
            }
            _ => {}
        }
    }
    anchors
}

/// Every link of a Markdown text, with its line; code spans and blocks
/// hold none.
fn links(text: &str) -> Vec<(usize, String)> {
    parser(text)
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                Some((line_of(text, range.start), dest_url.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// What is wrong with one link of `doc`, if anything.
fn broken(doc: &Path, url: &str) -> Option<String> {
    let external = url.contains("://") || url.starts_with("mailto:") || url.starts_with('@');
    if external {
        return None;
    }
    let (file, anchor) = match url.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (url, None),
    };
    let target = if file.is_empty() {
        doc.to_path_buf()
    } else {
        doc.parent().expect("a folder").join(file)
    };
    if !target.exists() {
        return Some(format!("{} does not exist", shown(&target)));
    }
    let anchor = anchor?;
    if target.extension().is_none_or(|ext| ext != "md") {
        return Some(format!(
            "{} is not Markdown, so it has no #{anchor}",
            shown(&target)
        ));
    }
    let text = std::fs::read_to_string(&target).expect("read the linked doc");
    if anchors(&text).contains(anchor) {
        None
    } else {
        Some(format!("{} has no heading #{anchor}", shown(&target)))
    }
}

#[test]
fn slugs_are_made_as_github_makes_them() {
    assert_eq!(slug("6. `cairn eligibility`"), "6-cairn-eligibility");
    assert_eq!(
        slug("`--today`: the day offerings are judged against"),
        "--today-the-day-offerings-are-judged-against"
    );
    assert_eq!(
        slug("E006 — unresolved_reference"),
        "e006--unresolved_reference"
    );
    assert_eq!(slug("Où sont les réponses ?"), "où-sont-les-réponses-");
    let repeated = anchors("# A\n\n## Output\n\n## Output\n\n```\n# not\n```\n\n## Output\n");
    let expected: BTreeSet<String> = ["a", "output", "output-1", "output-2"]
        .map(String::from)
        .into();
    assert_eq!(repeated, expected);
}

#[test]
fn every_internal_link_and_anchor_of_the_docs_resolves() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for doc in doc_files() {
        let text = std::fs::read_to_string(&doc).expect("read doc");
        for (line, url) in links(&text) {
            checked += 1;
            if let Some(problem) = broken(&doc, &url) {
                problems.push(format!("{}:{line}: ({url}): {problem}", shown(&doc)));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} links found: is the parser reading the docs?"
    );
    assert!(
        problems.is_empty(),
        "{} broken links in the docs:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// One `<!-- cairn-doc: … -->` marker and the fenced block after it.
struct Example {
    /// The doc, relative to the repository.
    doc: String,
    /// The doc's line of the block's first line of contents.
    line: usize,
    attrs: BTreeMap<String, String>,
    body: String,
}

/// `key=value`, `key="value with spaces"` and bare `flag`s.
fn parse_attrs(text: &str) -> BTreeMap<String, String> {
    let mut attrs = BTreeMap::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let end = rest.find([' ', '=']).unwrap_or(rest.len());
        let key = rest[..end].to_string();
        rest = &rest[end..];
        let value = if let Some(after) = rest.strip_prefix("=\"") {
            // The closing quote is the first one not escaped as `\"`.
            let mut escaped = false;
            let close = after
                .char_indices()
                .find(|&(_, c)| {
                    let closes = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    closes
                })
                .map(|(at, _)| at)
                .expect("a closing quote in a cairn-doc marker");
            let value = after[..close].to_string();
            rest = &after[close + 1..];
            value
        } else if let Some(after) = rest.strip_prefix('=') {
            let end = after.find(' ').unwrap_or(after.len());
            let value = after[..end].to_string();
            rest = &after[end..];
            value
        } else {
            String::new()
        };
        attrs.insert(key, value);
        rest = rest.trim_start();
    }
    attrs
}

/// Every marked block of a doc, in order. A marker not followed by a fence
/// is a mistake, reported as one.
fn examples(doc: &str, text: &str) -> Result<Vec<Example>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim();
        let Some(marker) = trimmed
            .strip_prefix("<!-- cairn-doc:")
            .and_then(|m| m.strip_suffix("-->"))
        else {
            i += 1;
            continue;
        };
        let fence_line = lines.get(i + 1).copied().unwrap_or("");
        let indent = fence_line.len() - fence_line.trim_start().len();
        let fence_text = fence_line.trim_start();
        let ticks = fence_text.len() - fence_text.trim_start_matches('`').len();
        if ticks < 3 {
            return Err(format!(
                "line {}: a cairn-doc marker must be followed at once by a fenced block",
                i + 1
            ));
        }
        let fence = &fence_text[..ticks];
        let mut body = Vec::new();
        let mut j = i + 2;
        while j < lines.len() && lines[j].trim() != fence {
            let line = lines[j];
            body.push(
                line.get(indent..)
                    .filter(|_| line.len() >= indent)
                    .unwrap_or(line.trim_start()),
            );
            j += 1;
        }
        if j == lines.len() {
            return Err(format!("line {}: the fenced block is never closed", i + 2));
        }
        let mut body = body.join("\n");
        body.push('\n');
        found.push(Example {
            doc: doc.to_string(),
            line: i + 3,
            attrs: parse_attrs(marker),
            body,
        });
        i = j + 1;
    }
    Ok(found)
}

/// Whether `actual` (one line) matches `expected`, where `[..]` is any text.
fn line_matches(expected: &str, actual: &str) -> bool {
    let mut parts = expected.split("[..]");
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (k, part) in parts.iter().enumerate() {
        if k + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// Whether the lines `actual` match `expected`, where a line `...` (or `…`,
/// as the docs write it, indented or not) is any number of lines.
fn lines_match(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if matches!(first.trim(), "..." | "…") => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, more)| line_matches(first, line) && lines_match(rest, more)),
    }
}

/// The lines of a text, without the blank lines it ends with.
fn lines_of(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().collect();
    while lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// A fresh copy of a site, by its `site=` name.
fn site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    match name {
        "bundled" => {
            let root = repo();
            std::fs::copy(root.join("site.toml"), dir.path().join("site.toml")).expect("site.toml");
            copy_tree(&root.join("content"), &dir.path().join("content"));
            copy_tree(&root.join("themes"), &dir.path().join("themes"));
        }
        "empty" => {}
        "starter" => {
            let output = cairn_command()
                .arg("init")
                .arg(dir.path())
                .output()
                .expect("run cairn init");
            assert!(output.status.success(), "cairn init failed");
        }
        broken if broken.starts_with("broken/") || broken.starts_with("docs/") => {
            // A case of the broken corpus: the small fixture with the
            // case's `site/` laid over it (as tests/testsuite/broken.rs).
            let overlay = fixture(broken).join("site");
            assert!(
                overlay.is_dir(),
                "site={broken}: no tests/fixtures/{broken}/site"
            );
            copy_tree(&fixture("small"), dir.path());
            copy_tree(&overlay, dir.path());
        }
        fixture_name => {
            let from = fixture(fixture_name);
            assert!(
                from.is_dir(),
                "site={fixture_name}: no tests/fixtures/{fixture_name}"
            );
            copy_tree(&from, dir.path());
        }
    }
    dir
}

/// The first `file=NAME` block of the doc `other` (a path from `doc`'s folder).
fn file_of_other_doc(doc: &str, other: &str, name: &str) -> Result<String, String> {
    let path = Path::new(doc).parent().unwrap_or(Path::new("")).join(other);
    let shown = path.to_string_lossy().into_owned();
    let text = std::fs::read_to_string(repo().join(&path)).map_err(|e| format!("{shown}: {e}"))?;
    examples(&shown, &text)?
        .into_iter()
        .find(|e| e.attrs.get("file").is_some_and(|f| f == name))
        .map(|e| e.body)
        .ok_or_else(|| format!("{shown} has no file={name} block"))
}

/// The bytes of an `edit=` text: `\n` is a newline, `\"` a quote, `\\` a
/// backslash and `\xHH` the byte HH (to write a file that is not UTF-8).
fn unescape(text: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buffer = [0; 4];
            bytes.extend(c.encode_utf8(&mut buffer).as_bytes());
            continue;
        }
        match chars.next() {
            Some('n') => bytes.push(b'\n'),
            Some('"') => bytes.push(b'"'),
            Some('\\') => bytes.push(b'\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                let byte = u8::from_str_radix(&hex, 16)
                    .map_err(|_| format!("edit=: `\\x{hex}` is not a byte"))?;
                bytes.push(byte);
            }
            other => {
                return Err(format!(
                    "edit=: unknown escape `\\{}`",
                    other.unwrap_or(' ')
                ));
            }
        }
    }
    Ok(bytes)
}

/// Apply `edit="PATH:FROM=>TO;;PATH:FROM=>TO"` to the site at `root`: the
/// first FROM of each file becomes TO. An empty FROM on a file that does not
/// exist writes it; an empty TO with the whole file as FROM is not needed,
/// as `remove=` deletes files.
fn apply_edits(root: &Path, edits: &str) -> Result<(), String> {
    for edit in edits.split(";;") {
        let (path, change) = edit
            .split_once(':')
            .ok_or_else(|| format!("edit={edit:?}: PATH:FROM=>TO"))?;
        let (from, to) = change
            .split_once("=>")
            .ok_or_else(|| format!("edit={edit:?}: PATH:FROM=>TO"))?;
        let (from, to) = (unescape(from)?, unescape(to)?);
        let file = root.join(path);
        let text = match std::fs::read(&file) {
            Ok(text) => text,
            Err(_) if from.is_empty() => {
                std::fs::create_dir_all(file.parent().expect("a folder")).expect("mkdir");
                Vec::new()
            }
            Err(e) => return Err(format!("edit=: {path}: {e}")),
        };
        let at = if from.is_empty() {
            0
        } else {
            text.windows(from.len())
                .position(|w| w == from.as_slice())
                .ok_or_else(|| {
                    format!("edit=: {path} has no {:?}", String::from_utf8_lossy(&from))
                })?
        };
        let mut edited = text[..at].to_vec();
        edited.extend(&to);
        edited.extend(&text[at + from.len()..]);
        std::fs::write(&file, edited).expect("write an edited file");
    }
    Ok(())
}

/// Delete, under `root`, every file whose path (with `/`) matches one of the
/// `remove=` patterns, where `*` is any text: `content/*.fr.md`.
fn remove_files(root: &Path, patterns: &str) -> Result<(), String> {
    let patterns: Vec<String> = patterns
        .split(',')
        .map(|p| p.replace('*', "[..]"))
        .collect();
    let mut removed = 0;
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.expect("walk the site");
        let relative = entry
            .path()
            .strip_prefix(root)
            .expect("under the site")
            .to_string_lossy()
            .replace('\\', "/");
        if entry.file_type().is_file() && patterns.iter().any(|p| line_matches(p, &relative)) {
            std::fs::remove_file(entry.path()).expect("remove a file");
            removed += 1;
        }
    }
    if removed == 0 {
        return Err(format!("remove={patterns:?} matches no file"));
    }
    Ok(())
}

/// A text with every duration in seconds, `0.03 s`, written `[TIME] s`, so
/// that the docs can show a real time and still match any run.
fn normalise_times(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'.');
        if starts_number {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            if bytes.get(j) == Some(&b'.') {
                let mut k = j + 1;
                while k < bytes.len() && bytes[k].is_ascii_digit() {
                    k += 1;
                }
                let unit_ends = k + 2 == bytes.len()
                    || bytes.get(k + 2).is_some_and(|b| !b.is_ascii_alphanumeric());
                if k > j + 1 && text[k..].starts_with(" s") && unit_ends {
                    out.push_str("[TIME] s");
                    i = k + 2;
                    continue;
                }
            }
            out.push_str(&text[i..j]);
            i = j;
            continue;
        }
        let c = text[i..].chars().next().expect("a char");
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// A doc's JSON: `…` (or `...`) on a line of its own, which stands for left
/// out elements, is dropped with the comma it leaves dangling.
fn doc_json(text: &str) -> Result<serde_json::Value, String> {
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !matches!(line.trim(), "…" | "..."))
        .collect();
    let kept = kept.join("\n").replace("[…]", "[]");
    let mut cleaned = String::with_capacity(kept.len());
    let chars: Vec<char> = kept.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        if c == ',' {
            let next = chars[k + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some(']' | '}')) {
                continue;
            }
        }
        cleaned.push(c);
    }
    serde_json::from_str(&cleaned).map_err(|e| format!("the doc's JSON does not parse: {e}"))
}

/// Whether the doc's JSON `expected` matches `actual`: equal, except that
/// with `shortened` an array of the doc may leave out elements (its
/// elements are then found in order among the actual ones).
fn json_matches(expected: &serde_json::Value, actual: &serde_json::Value, shortened: bool) -> bool {
    use serde_json::Value;
    match (expected, actual) {
        (Value::Array(want), Value::Array(have)) => {
            if !shortened {
                return want.len() == have.len()
                    && want
                        .iter()
                        .zip(have)
                        .all(|(w, h)| json_matches(w, h, false));
            }
            let mut have = have.iter();
            want.iter()
                .all(|w| have.by_ref().any(|h| json_matches(w, h, true)))
        }
        (Value::Object(want), Value::Object(have)) => {
            want.len() == have.len()
                && want
                    .iter()
                    .all(|(key, w)| have.get(key).is_some_and(|h| json_matches(w, h, shortened)))
        }
        _ => expected == actual,
    }
}

/// A `fixture-file=PATH` block: the file of tests/fixtures it shows, whole
/// or (with `excerpt`) a run of its consecutive lines.
fn check_fixture_file(example: &Example, path: &str) -> Result<(), String> {
    let file = fixture(path);
    let text = std::fs::read_to_string(&file).map_err(|e| format!("fixture-file={path}: {e}"))?;
    let want = lines_of(&example.body);
    let have = lines_of(&text);
    let found = if example.attrs.contains_key("excerpt") {
        have.windows(want.len().max(1))
            .any(|w| w == want.as_slice())
    } else {
        want == have
    };
    if found {
        Ok(())
    } else {
        Err(format!(
            "the block is not {} tests/fixtures/{path}\n--- the doc\n{}--- the file\n{text}",
            if example.attrs.contains_key("excerpt") {
                "a part of"
            } else {
                ""
            },
            example.body
        ))
    }
}

/// Run one example; what is wrong with it, if anything.
fn run_example(example: &Example, files: &BTreeMap<String, String>) -> Result<(), String> {
    let attrs = &example.attrs;
    if let Some(path) = attrs.get("fixture-file") {
        return check_fixture_file(example, path);
    }
    let session = match (attrs.get("run"), example.body.starts_with("$ ")) {
        (Some(run), false) => vec![(run.clone(), example.body.clone())],
        (None, true) => session_of(&example.body),
        (Some(_), true) => return Err("both run= and a `$ ` line: keep one".into()),
        (None, false) => return Err("no run= and no `$ cairn …` line".into()),
    };
    let dir = site(attrs.get("site").map_or("bundled", String::as_str));
    let root = dir.path();
    if let Some(patterns) = attrs.get("remove") {
        remove_files(root, patterns)?;
    }
    let names: Vec<&str> = attrs
        .get("files")
        .map(|f| f.split(',').collect())
        .unwrap_or_default();
    for name in names {
        let (name, text) = match name.split_once(':') {
            Some((other, name)) => (name, file_of_other_doc(&example.doc, other, name)?),
            None => (
                name,
                files
                    .get(name)
                    .cloned()
                    .ok_or_else(|| format!("files={name}: no file={name} block before this one"))?,
            ),
        };
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(&path, text).expect("write a doc's file");
    }
    if let Some(edits) = attrs.get("edit") {
        apply_edits(root, edits)?;
    }
    let cairn = |command: &str| -> Result<std::process::Output, String> {
        let mut words = command.split_whitespace();
        if words.next() != Some("cairn") {
            return Err(format!("{command:?} is not a cairn command"));
        }
        Ok(cairn_command()
            .args(words)
            .current_dir(root)
            .env("NO_COLOR", "1")
            .env(
                "CAIRN_TODAY",
                attrs.get("today").map_or("2026-11-28", String::as_str),
            )
            .env("CAIRN_LANG", attrs.get("lang").map_or("en", String::as_str))
            .output()
            .expect("run cairn"))
    };
    if let Some(before) = attrs.get("before") {
        for step in before.split(";;") {
            let output = cairn(step.trim())?;
            if !output.status.success() {
                return Err(format!(
                    "before=: `{step}` failed:\n{}",
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
        }
    }
    if let Some(edits) = attrs.get("then-edit") {
        apply_edits(root, edits)?;
    }
    let codes: Vec<&str> = attrs
        .get("exit")
        .map_or(vec!["0"], |c| c.split(',').collect());
    for (k, (command, expected)) in session.iter().enumerate() {
        let want_code: i32 = codes
            .get(k)
            .or(codes.last())
            .expect("a code")
            .parse()
            .map_err(|_| "exit= is a number, or one per command")?;
        let real_command = match attrs.get("root") {
            Some(shown) => command.replace(shown.as_str(), &root.to_string_lossy()),
            None => command.clone(),
        };
        let output = cairn(&real_command)?;
        compare(attrs, command, expected, &output, root, want_code)?;
    }
    Ok(())
}

/// A `$ cairn …` block: each command with the output shown under it.
fn session_of(body: &str) -> Vec<(String, String)> {
    let mut session: Vec<(String, String)> = Vec::new();
    for line in body.lines() {
        match line.strip_prefix("$ ") {
            Some(command) => session.push((command.to_string(), String::new())),
            None => {
                let (_, output) = session.last_mut().expect("a `$ ` line first");
                output.push_str(line);
                output.push('\n');
            }
        }
    }
    session
}

/// Whether one command's `output` is what the doc shows, `expected`.
fn compare(
    attrs: &BTreeMap<String, String>,
    command: &str,
    expected: &str,
    output: &std::process::Output,
    root: &Path,
    want_code: i32,
) -> Result<(), String> {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let printed = match attrs.get("stream").map_or("stdout", String::as_str) {
        "stdout" => stdout.to_string(),
        "stderr" => stderr.to_string(),
        "both" => format!("{stdout}{stderr}"),
        other => return Err(format!("stream={other}: stdout, stderr or both")),
    };
    let shown_root = attrs.get("root").map_or("[ROOT]", String::as_str);
    let mut printed = printed.replace(&root.to_string_lossy().into_owned(), shown_root);
    if let (Some(real), Some(shown)) = (root.parent(), Path::new(shown_root).parent()) {
        // `--output ..` names the site's parent: /tmp for /tmp/harbour.
        if attrs.contains_key("root") {
            printed = printed.replace(
                &real.to_string_lossy().into_owned(),
                &shown.to_string_lossy(),
            );
        }
    }
    let printed = normalise_times(&printed);
    let expected = normalise_times(expected);
    let code = output.status.code().unwrap_or(-1);
    let mut expected_lines = lines_of(&expected);
    if let Some(range) = attrs.get("lines") {
        let (first, last) = range
            .split_once('-')
            .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)))
            .filter(|&(a, b)| 1 <= a && a <= b && b <= expected_lines.len())
            .ok_or_else(|| format!("lines={range}: A-B, within the block"))?;
        expected_lines = expected_lines[first - 1..last].to_vec();
    }
    let printed_lines = lines_of(&printed);
    let matched = if let Some(field) = attrs.get("json") {
        let want = doc_json(&expected)?;
        let have: serde_json::Value = serde_json::from_str(&printed)
            .map_err(|e| format!("`{command}` printed no JSON ({e}):\n{printed}"))?;
        // `json=FIELD`: that field of the output, compared with the block,
        // or with the block's own FIELD when the block shows the object.
        let (want, have) = if field.is_empty() {
            (want, Some(&have))
        } else {
            (want.get(field).cloned().unwrap_or(want), have.get(field))
        };
        have.is_some_and(|have| json_matches(&want, have, attrs.contains_key("excerpt")))
    } else if attrs.contains_key("excerpt") {
        let mut pattern = vec!["..."];
        pattern.extend(&expected_lines);
        pattern.push("...");
        lines_match(&pattern, &printed_lines)
    } else {
        lines_match(&expected_lines, &printed_lines)
    };
    if matched && code == want_code {
        return Ok(());
    }
    let mut why = format!("`{command}` exited {code} (the doc expects {want_code})");
    if !matched {
        why = format!("`{command}` printed something else");
        let first_difference =
            (0..expected_lines.len().max(printed_lines.len())).find(|&k| {
                match (expected_lines.get(k), printed_lines.get(k)) {
                    (Some(e), Some(a)) => !line_matches(e, a),
                    _ => true,
                }
            });
        let plain = !attrs.contains_key("excerpt") && !attrs.contains_key("json");
        if let (true, Some(k)) = (plain, first_difference) {
            why.push_str(&format!(
                "; first difference at the block's line {}:\n  doc:   {:?}\n  cairn: {:?}",
                k + 1,
                expected_lines.get(k).unwrap_or(&"(nothing)"),
                printed_lines.get(k).unwrap_or(&"(nothing)")
            ));
        }
    }
    Err(format!(
        "{why}\n--- the doc\n{expected}--- cairn's stdout\n{stdout}--- cairn's stderr\n{stderr}"
    ))
}

/// Run every marked example of `doc` (relative to the repository); the
/// number run. Every failure is reported, not only the first.
fn run_doc(doc: &str) -> usize {
    let text = std::fs::read_to_string(repo().join(doc)).expect("read doc");
    let examples = examples(doc, &text).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let mut files = BTreeMap::new();
    let mut failures = Vec::new();
    let mut ran = 0;
    for example in &examples {
        if let Some(name) = example.attrs.get("file") {
            files.insert(name.clone(), example.body.clone());
            continue;
        }
        ran += 1;
        if let Err(why) = run_example(example, &files) {
            failures.push(format!("{doc}:{}: {why}", example.line));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} examples of {doc} do not match what cairn prints:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    ran
}

#[test]
fn the_example_matcher_reads_wildcards() {
    assert!(line_matches("built in [..] s", "built in 0.14 s"));
    assert!(line_matches("[..]", "anything"));
    assert!(!line_matches("built in [..] s", "built in 0.14 ms!"));
    assert!(line_matches("a[..]b[..]c", "a1b2c"));
    assert!(lines_match(&["a", "...", "d"], &["a", "b", "c", "d"]));
    assert!(lines_match(&["...", "c", "..."], &["a", "b", "c", "d"]));
    assert!(!lines_match(&["a", "c"], &["a", "b", "c"]));
    assert_eq!(
        normalise_times("Built 19 pages (51 files) in 0.03 s into p\nin 12.5 s.\n1.5 seconds 2 s"),
        "Built 19 pages (51 files) in [TIME] s into p\nin [TIME] s.\n1.5 seconds 2 s"
    );
    let shortened = doc_json("{\"a\": [1,\n …\n 3,\n …\n], \"b\": {\"c\": 2}}").expect("JSON");
    let full: serde_json::Value =
        serde_json::from_str(r#"{"b":{"c":2},"a":[1,2,3,4]}"#).expect("JSON");
    assert!(json_matches(&shortened, &full, true));
    assert!(!json_matches(&shortened, &full, false));
    assert_eq!(unescape(r#"a\"b\nc\xE9"#).expect("escapes"), b"a\"b\nc\xE9");
    let attrs = parse_attrs(
        r#"edit="a.md:x = \"1\"=>y" run="cairn check --deny-warnings" site=small excerpt"#,
    );
    assert_eq!(attrs["edit"], r#"a.md:x = \"1\"=>y"#);
    assert_eq!(attrs["run"], "cairn check --deny-warnings");
    assert_eq!(attrs["site"], "small");
    assert_eq!(attrs["excerpt"], "");
}

#[test]
fn readme_examples_match_what_cairn_prints() {
    run_doc("README.md");
}

#[test]
fn checklist_examples_match_what_cairn_prints() {
    assert!(run_doc("docs/checklist.md") >= 10);
}

#[test]
fn checks_examples_match_what_cairn_prints() {
    assert!(run_doc("docs/checks.md") >= 40);
}

#[test]
fn translations_examples_match_what_cairn_prints() {
    assert!(run_doc("docs/translations.md") >= 1);
}

#[test]
fn ci_examples_match_what_cairn_prints() {
    assert!(run_doc("docs/ci.md") >= 2);
}

#[test]
fn organizers_examples_match_what_cairn_prints() {
    assert!(run_doc("docs/organizers.md") >= 3);
}
