//! Source files as cairn read them, and turning byte offsets into the
//! `file:line:col` that diagnostics print.
//!
//! Every span in cairn is a byte range into the *whole file* (BOM and CRLF
//! included), so a line and column always point where an editor would.

use std::ops::Range;

/// A byte range into a [`SourceFile`]'s text.
pub type Span = Range<usize>;

/// A value read from a source file, with where it was written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// One file read from the site root: its path (relative to the root, with
/// `/` separators, as diagnostics print it) and its full text.
#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// A resolved position: 1-based line and column (in characters), and the
/// text of that line for a caret display.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// Line and column of a byte offset. Offsets past the end or inside a
    /// multi-byte character are clamped rather than trusted.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset);
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + 1;
        let mut column = before[line_start..].chars().count() + 1;
        // A UTF-8 BOM is invisible in an editor: do not count it as a column.
        if line == 1 && self.text.starts_with('\u{feff}') && column > 1 {
            column -= 1;
        }
        Position { line, column }
    }

    /// The text of the line holding `offset`, without its line ending.
    pub fn line_text(&self, offset: usize) -> &str {
        let offset = self.floor_char_boundary(offset);
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        let line = &self.text[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        line.strip_prefix('\u{feff}').unwrap_or(line)
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
    fn out_of_range_offsets_are_clamped() {
        let file = SourceFile::new("a.md", "é");
        assert_eq!(file.position(1), Position { line: 1, column: 1 });
        assert_eq!(file.position(99), Position { line: 1, column: 2 });
    }
}
