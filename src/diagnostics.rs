//! The one diagnostics type every stage reports through, and its renderers.
//!
//! A [`Diagnostic`] is made where a problem is found, with its stable code,
//! the file and position at fault, and a help line saying what to do. Stages
//! collect them into a [`Diagnostics`] list rather than stopping at the
//! first, so one run shows every problem.

use crate::source::{SourceFile, Span};
use std::fmt::Write as _;

/// How bad a problem is: errors stop a build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Stable codes, one per rule. Documented in `docs/checks.md`; never reuse a
/// retired number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// Front matter missing or not closed.
    FrontMatter,
    /// TOML syntax error.
    TomlSyntax,
    /// A key the format does not know.
    UnknownKey,
    /// A required field is absent.
    MissingField,
    /// A field holds the wrong type of value.
    WrongType,
    /// A reference names no entity.
    UnresolvedReference,
    /// A file name is not a valid id.
    InvalidId,
    /// Two entities share an id.
    DuplicateId,
    /// A reference names an entity of the wrong kind.
    WrongKind,
    /// Prerequisites that loop back on themselves.
    Cycle,
    /// A value out of its allowed range (a negative threshold, …).
    InvalidValue,
    /// A broken `@id` or `@id#anchor` link in Markdown.
    BrokenLink,
    /// A file that cannot be read, or is not UTF-8.
    UnreadableFile,
    /// site.toml is missing or invalid.
    InvalidConfig,
    /// A template that fails to load or render.
    Template,
    /// Two levels of one pathway with the same `order`.
    DuplicateOrder,
    /// The output folder is unsafe to replace, or could not be written.
    Output,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::FrontMatter => "E001",
            Code::TomlSyntax => "E002",
            Code::UnknownKey => "E003",
            Code::MissingField => "E004",
            Code::WrongType => "E005",
            Code::UnresolvedReference => "E006",
            Code::InvalidId => "E007",
            Code::DuplicateId => "E008",
            Code::WrongKind => "E009",
            Code::Cycle => "E010",
            Code::InvalidValue => "E011",
            Code::BrokenLink => "E012",
            Code::UnreadableFile => "E013",
            Code::InvalidConfig => "E014",
            Code::Template => "E015",
            Code::DuplicateOrder => "E016",
            Code::Output => "E100",
        }
    }
}

/// Where a diagnostic points: a file, a 1-based line and column, and the
/// source line itself so renderers need no file access.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub line_text: String,
    /// Width of the underlined span on `line_text`, in characters (at least 1).
    pub width: usize,
}

/// One problem found in a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Boxed to keep `Result<_, Diagnostic>` small on the happy path.
    pub location: Option<Box<Location>>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            location: None,
            help: None,
        }
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Point at `span` in `file`.
    pub fn at(mut self, file: &SourceFile, span: Span) -> Self {
        let start = file.position(span.start);
        let line_text = file.line_text(span.start).to_string();
        let end_column = if span.end > span.start {
            let end = file.position(span.end);
            if end.line == start.line {
                end.column
            } else {
                line_text.chars().count() + 1
            }
        } else {
            start.column + 1
        };
        self.location = Some(Box::new(Location {
            file: file.path.clone(),
            line: start.line,
            column: start.column,
            width: end_column.saturating_sub(start.column).max(1),
            line_text,
        }));
        self
    }

    /// Point at a file as a whole (line 1, column 1, no caret line).
    pub fn in_file(mut self, path: &str) -> Self {
        self.location = Some(Box::new(Location {
            file: path.to_string(),
            line: 1,
            column: 1,
            line_text: String::new(),
            width: 0,
        }));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Render in rustc's form: header, `-->` location, the source line with a
    /// caret under the span, and a help line.
    pub fn render_human(&self) -> String {
        let mut out = String::new();
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{severity}[{}]: {}", self.code.as_str(), self.message);
        if let Some(loc) = &self.location {
            let gutter = " ".repeat(loc.line.to_string().len());
            let _ = writeln!(out, "{gutter}--> {}:{}:{}", loc.file, loc.line, loc.column);
            if loc.width > 0 {
                let _ = writeln!(out, "{gutter} |");
                let _ = writeln!(out, "{} | {}", loc.line, loc.line_text);
                let pad = " ".repeat(loc.column - 1);
                let carets = "^".repeat(loc.width);
                let _ = writeln!(out, "{gutter} | {pad}{carets}");
            }
            if self.help.is_some() {
                let _ = writeln!(out, "{gutter} |");
            }
            if let Some(help) = &self.help {
                let _ = writeln!(out, "{gutter} = help: {help}");
            }
        } else if let Some(help) = &self.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out
    }
}

/// Diagnostics collected over a run, in a deterministic order once sorted.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sort by file, position, then code, so output never depends on thread
    /// scheduling or hash order.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                d.location
                    .as_ref()
                    .map(|l| (l.file.clone(), l.line, l.column))
            };
            key(a)
                .cmp(&key(b))
                .then(a.code.cmp(&b.code))
                .then(a.message.cmp(&b.message))
        });
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The closest of `candidates` to `word` by edit distance, if any is close
/// enough to be a plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::normalized_damerau_levenshtein(word, candidate);
        if score >= 0.6 && best.is_none_or(|(s, c)| score > s || (score == s && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc() {
        let file = SourceFile::new(
            "content/levels/level-3.md",
            "+++\ntitle = \"x\"\nrequires = [\"first-aide\"]\n+++\n",
        );
        let offset = file.text.find("\"first-aide\"").unwrap_or(0);
        let d = Diagnostic::error(
            Code::UnresolvedReference,
            "unresolved reference \"first-aide\"",
        )
        .at(&file, offset..offset + 12)
        .with_help("did you mean \"first-aid\"?");
        assert_eq!(
            d.render_human(),
            "error[E006]: unresolved reference \"first-aide\"\n \
             --> content/levels/level-3.md:3:13\n  |\n\
             3 | requires = [\"first-aide\"]\n  |             ^^^^^^^^^^^^\n  |\n  \
             = help: did you mean \"first-aid\"?\n"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["first-aid", "level-1", "level-2"];
        assert_eq!(did_you_mean("first-aide", names), Some("first-aid"));
        assert_eq!(did_you_mean("levl-2", names), Some("level-2"));
        assert_eq!(did_you_mean("zzz", names), None);
    }
}
