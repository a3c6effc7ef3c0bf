//! Source files as cairn read them, and turning byte offsets into the
//! `file:line:col` that diagnostics print.
//!
//! Every span in cairn is a byte range into the *whole file* (BOM and CRLF
//! included), so a line and column always point where an editor would.

use std::ops::Range;

/// A byte range into a [`SourceFile`]'s text.
pub type Span = Range<usize>;

/// A value read from a source file, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// As data for templates and catalogue.json, a spanned value is its value:
/// where it was written is for diagnostics only.
impl<T: serde::Serialize> serde::Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// One file read from the site root: its path (relative to the root, with
/// `/` separators, as diagnostics print it) and its full text.
#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    /// Line starts and character counts, built on first use: positions are
    /// then found in logarithmic time, so a file with thousands of problems
    /// (or one enormous line) is reported as fast as a small one.
    index: std::sync::OnceLock<Index>,
}

#[derive(Debug, Clone, Default)]
struct Index {
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// Characters before every multiple of [`CHECKPOINT`] bytes.
    chars_before: Vec<usize>,
}

const CHECKPOINT: usize = 4096;

/// A resolved position: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A piece of one line around a span, for a caret display: long lines are
/// cut to a window around the span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt<'a> {
    pub text: &'a str,
    /// 1-based column of the span's start within `text`, in characters.
    pub column: usize,
    /// Width of the span within `text`, in characters (0 for a point).
    pub width: usize,
}

/// How much of a long line an excerpt keeps on each side of the span.
const EXCERPT_BYTES: usize = 240;

fn is_char_start(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            index: std::sync::OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut line_starts = vec![0];
            line_starts.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            let mut chars_before = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
            let mut count = 0;
            for chunk in bytes.chunks(CHECKPOINT) {
                chars_before.push(count);
                count += chunk.iter().filter(|b| is_char_start(**b)).count();
            }
            chars_before.push(count);
            Index {
                line_starts,
                chars_before,
            }
        })
    }

    /// Characters before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let checkpoint = offset / CHECKPOINT;
        let from = checkpoint * CHECKPOINT;
        let counted = self
            .index()
            .chars_before
            .get(checkpoint)
            .copied()
            .unwrap_or(0);
        counted
            + self.text.as_bytes()[from..offset]
                .iter()
                .filter(|b| is_char_start(**b))
                .count()
    }

    /// Byte range of the line holding `offset`, without its line ending.
    fn line_bounds(&self, offset: usize) -> (usize, usize) {
        let starts = &self.index().line_starts;
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1];
        let mut end = starts.get(line).map_or(self.text.len(), |next| next - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        let start = if start == 0 && self.text.starts_with('\u{feff}') {
            3.min(end)
        } else {
            start
        };
        (start, end.max(start))
    }

    /// Line and column of a byte offset. Offsets past the end or inside a
    /// multi-byte character are clamped rather than trusted.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset);
        let line = self
            .index()
            .line_starts
            .partition_point(|&s| s <= offset)
            .max(1);
        let (line_start, _) = self.line_bounds(offset);
        // A UTF-8 BOM is invisible in an editor: it is not a column.
        let column = self.chars_before(offset) - self.chars_before(line_start.min(offset)) + 1;
        Position { line, column }
    }

    /// The text of the line holding `offset`, without its line ending.
    pub fn line_text(&self, offset: usize) -> &str {
        let (start, end) = self.line_bounds(self.floor_char_boundary(offset));
        &self.text[start..end]
    }

    /// The line holding `span.start`, cut to a window around the span when
    /// it is long.
    pub fn excerpt(&self, span: &Span) -> Excerpt<'_> {
        let offset = self.floor_char_boundary(span.start);
        let (line_start, line_end) = self.line_bounds(offset);
        let offset = offset.clamp(line_start, line_end);
        let span_end = self.floor_char_boundary(span.end).clamp(offset, line_end);
        let from = self.floor_char_boundary(offset.saturating_sub(EXCERPT_BYTES).max(line_start));
        let to = self.floor_char_boundary((span_end + EXCERPT_BYTES).min(line_end));
        Excerpt {
            text: &self.text[from..to],
            column: self.chars_before(offset) - self.chars_before(from) + 1,
            width: self.chars_before(span_end) - self.chars_before(offset),
        }
    }

    fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let file = SourceFile::new("a.md", "ab\r\nçd = 1\n");
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.position(4), Position { line: 2, column: 1 });
        // "ç" is two bytes but one column.
        assert_eq!(file.position(6), Position { line: 2, column: 2 });
        assert_eq!(file.line_text(6), "çd = 1");
        assert_eq!(file.line_text(1), "ab");
    }

    #[test]
    fn a_bom_is_not_a_column() {
        let file = SourceFile::new("a.md", "\u{feff}+++\n");
        assert_eq!(file.position(3), Position { line: 1, column: 1 });
        assert_eq!(file.line_text(3), "+++");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}TARGET{}", "é".repeat(5000), "x".repeat(5000));
        let file = SourceFile::new("a.md", format!("first\n{line}\nlast\n"));
        let at = file.text.find("TARGET").unwrap_or(0);
        assert_eq!(
            file.position(at),
            Position {
                line: 2,
                column: 5001
            }
        );
        let excerpt = file.excerpt(&(at..at + 6));
        assert!(excerpt.text.len() < 600, "a window, not the whole line");
        assert_eq!(
            excerpt
                .text
                .chars()
                .skip(excerpt.column - 1)
                .take(excerpt.width)
                .collect::<String>(),
            "TARGET"
        );
    }

    #[test]
    fn out_of_range_offsets_are_clamped() {
        let file = SourceFile::new("a.md", "é");
        assert_eq!(file.position(1), Position { line: 1, column: 1 });
        assert_eq!(file.position(99), Position { line: 1, column: 2 });
    }
}
