//! The one diagnostics type every stage reports through, and its renderers.
//!
//! A [`Diagnostic`] is made where a problem is found, with its stable code,
//! the file and position at fault, and a help line saying what to do. Stages
//! collect them into a [`Diagnostics`] list rather than stopping at the
//! first, so one run shows every problem.
//!
//! A diagnostic's words are data, a [`Text`] (a message id and its
//! arguments), put into words only when it is printed, with the messages
//! of `src/cli_messages/*.ftl` in whichever language the printer chose.

mod render;

pub use render::visible;

use crate::messages::{Arg, Messages, Text};
use crate::source::{SourceFile, Span};

/// How bad a problem is: errors stop a build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Stable codes, one per rule, documented in `docs/checks.md` with a failing
/// example and its fix. Never reuse a retired number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// E001: front matter missing or not closed.
    FrontMatter,
    /// E002: TOML syntax error.
    TomlSyntax,
    /// E003: a key the format does not know.
    UnknownKey,
    /// E004: a required field is absent.
    MissingField,
    /// E005: a field holds the wrong type of value.
    WrongType,
    /// E006: a reference names no entity.
    UnresolvedReference,
    /// E007: a file name that is not a valid id, or a file in the wrong place.
    InvalidId,
    /// E008: two entities share an id.
    DuplicateId,
    /// E009: a reference names an entity of the wrong kind, or an unknown organization.
    WrongKind,
    /// E010: prerequisites that loop back on themselves.
    Cycle,
    /// E011: a value out of its range in an expression (a negative threshold, `choose = 0`…).
    InvalidValue,
    /// E012: a broken `@id` or `@id#anchor` link in Markdown.
    BrokenLink,
    /// E013: a file that cannot be read, or is not UTF-8.
    UnreadableFile,
    /// E014: site.toml is missing something or holds an invalid value.
    InvalidConfig,
    /// E015: a template that fails to compile or render.
    Template,
    /// E016: two levels of one pathway with the same `order`.
    DuplicateOrder,
    /// E017: an entity that requires itself.
    RequiresItself,
    /// E018: `choose N` from fewer than N items.
    ChooseTooMany,
    /// E019: `has` on a requirement without a `unit`.
    NotMeasured,
    /// E020: an offering that ends before it starts.
    OfferingDates,
    /// E021: a local image or file referenced from Markdown that does not exist.
    MissingFile,
    /// E022: two files that would be published at the same address.
    AddressTaken,
    /// E023: a link whose address is not for the web (`javascript:`,
    /// `data:`, `file:`…), or not a full address where one is needed.
    NotWebAddress,
    /// E024: an offering's times that name no moment: an unknown time
    /// zone, a time of day with no zone, an offset the zone does not have
    /// on that day, a start and end of different kinds.
    OfferingTime,
    /// E025: a price that cannot be shown: an unknown currency, none at
    /// all, or more decimals than the currency has.
    OfferingPrice,
    /// E026: a translation that cannot be used: structure in it, no
    /// original beside it, or a language the site does not publish in.
    Translation,
    /// E100: cairn cannot do its work here: an output folder it must not
    /// replace, a file it cannot write, a port already in use (exit code 2).
    Output,
    /// W001: an offering in the past.
    PastOffering,
    /// W002: a workshop, requirement or credential that nothing references.
    Unreferenced,
    /// W003: a level that no pathway reaches.
    NoPathway,
    /// W004: an entity or page without a summary.
    NoSummary,
    /// W005: an item both preferred and required in one expression.
    PreferredAndRequired,
    /// W006: a preferred alternative of an `any`, which makes it always met.
    PreferredAlternative,
    /// W007: a time of day the clocks skip in its zone (they go forward).
    SkippedTime,
    /// W008: pages not translated into a language of the site yet.
    Untranslated,
    /// W009: a translation made from words its original no longer has.
    StaleTranslation,
    /// W010: a message a site or theme adds that no template names.
    UnusedMessage,
    /// W011: a translation's `[words]` missing a phrase of its original,
    /// or holding one its original does not say.
    UntranslatedWords,
}

impl Code {
    /// Every code, in documentation order.
    pub const ALL: [Code; 38] = [
        Code::FrontMatter,
        Code::TomlSyntax,
        Code::UnknownKey,
        Code::MissingField,
        Code::WrongType,
        Code::UnresolvedReference,
        Code::InvalidId,
        Code::DuplicateId,
        Code::WrongKind,
        Code::Cycle,
        Code::InvalidValue,
        Code::BrokenLink,
        Code::UnreadableFile,
        Code::InvalidConfig,
        Code::Template,
        Code::DuplicateOrder,
        Code::RequiresItself,
        Code::ChooseTooMany,
        Code::NotMeasured,
        Code::OfferingDates,
        Code::MissingFile,
        Code::AddressTaken,
        Code::NotWebAddress,
        Code::OfferingTime,
        Code::OfferingPrice,
        Code::Translation,
        Code::Output,
        Code::PastOffering,
        Code::Unreferenced,
        Code::NoPathway,
        Code::NoSummary,
        Code::PreferredAndRequired,
        Code::PreferredAlternative,
        Code::SkippedTime,
        Code::Untranslated,
        Code::StaleTranslation,
        Code::UnusedMessage,
        Code::UntranslatedWords,
    ];

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
            Code::RequiresItself => "E017",
            Code::ChooseTooMany => "E018",
            Code::NotMeasured => "E019",
            Code::OfferingDates => "E020",
            Code::MissingFile => "E021",
            Code::AddressTaken => "E022",
            Code::NotWebAddress => "E023",
            Code::OfferingTime => "E024",
            Code::OfferingPrice => "E025",
            Code::Translation => "E026",
            Code::Output => "E100",
            Code::PastOffering => "W001",
            Code::Unreferenced => "W002",
            Code::NoPathway => "W003",
            Code::NoSummary => "W004",
            Code::PreferredAndRequired => "W005",
            Code::PreferredAlternative => "W006",
            Code::SkippedTime => "W007",
            Code::Untranslated => "W008",
            Code::StaleTranslation => "W009",
            Code::UnusedMessage => "W010",
            Code::UntranslatedWords => "W011",
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
    /// The line, or for a long one a window of it around the span.
    pub line_text: String,
    /// 1-based column of the span within `line_text` (`column` unless the
    /// line was cut).
    pub text_column: usize,
    /// Width of the underlined span on `line_text`, in characters; 0 for a
    /// place rather than a piece of text (no caret line).
    pub width: usize,
}

impl Location {
    fn of(file: &SourceFile, span: &Span) -> Location {
        let start = file.position(span.start);
        let excerpt = file.excerpt(span);
        // An empty span marks a place, not a piece of text: no caret line.
        // A non-empty one always gets a caret, even at the end of a line.
        let width = if span.end > span.start {
            excerpt.width.max(1)
        } else {
            0
        };
        Location {
            file: file.path.clone(),
            line: start.line,
            column: start.column,
            line_text: excerpt.text.to_string(),
            text_column: excerpt.column,
            width,
        }
    }
}

/// One problem found in a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Text,
    /// Boxed to keep `Result<_, Diagnostic>` small on the happy path.
    pub location: Option<Box<Location>>,
    pub help: Option<Text>,
    /// Not 0: this diagnostic stands for that many more problems of its
    /// code that are not shown (see [`Diagnostics::shown`]).
    pub omitted: usize,
    /// A second place the problem involves (the other definition of a
    /// duplicate id), with what to say of it.
    pub related: Option<Box<Related>>,
}

/// A second place of a diagnostic, shown after the first as rustc shows
/// "previous definition here".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub location: Location,
    pub label: Text,
}

/// How many problems of one code are shown in one run; the rest are
/// counted, in every format. A record of a million unknown ids, or a
/// catalogue with a typo repeated in every file, is reported in a screenful
/// and a number, not in gigabytes.
pub const SHOWN_OF_A_KIND: usize = 100;

impl Diagnostic {
    pub fn error(code: Code, message: Text) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message,
            location: None,
            help: None,
            omitted: 0,
            related: None,
        }
    }

    /// "N more problems of this code are not shown": the line that stands
    /// for the problems past [`SHOWN_OF_A_KIND`].
    pub fn more_of_a_kind(code: Code, severity: Severity, omitted: usize) -> Self {
        Diagnostic {
            code,
            severity,
            message: crate::text!("more_of_a_kind", count = omitted, code = code.as_str()),
            location: None,
            help: Some(crate::text!("more_of_a_kind_help")),
            omitted,
            related: None,
        }
    }

    /// How many problems it counts for: itself, or those it stands for.
    pub fn weight(&self) -> usize {
        self.omitted.max(1)
    }

    pub fn warning(code: Code, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Point at `span` in `file`.
    pub fn at(mut self, file: &SourceFile, span: Span) -> Self {
        self.location = Some(Box::new(Location::of(file, &span)));
        self
    }

    /// A second place the problem involves, and what to say of it there
    /// ("first used here").
    pub fn also_at(mut self, file: &SourceFile, span: Span, label: Text) -> Self {
        self.related = Some(Box::new(Related {
            location: Location::of(file, &span),
            label,
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
            text_column: 1,
            width: 0,
        }));
        self
    }

    pub fn with_help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }

    /// The message, in the language of `messages`.
    pub fn message_text(&self, messages: &Messages) -> String {
        messages.format(&self.message)
    }

    /// The help line, in the language of `messages`.
    pub fn help_text(&self, messages: &Messages) -> Option<String> {
        self.help.as_ref().map(|help| messages.format(help))
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// rustc-style text, for people.
    #[default]
    Human,
    /// A JSON array of objects, for tools.
    Json,
    /// GitHub Actions workflow commands, for annotations on pull requests.
    Github,
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

    /// Errors found, counting those past the shown ones of their kind.
    pub fn error_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.is_error())
            .map(Diagnostic::weight)
            .sum()
    }

    pub fn warning_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| !d.is_error())
            .map(Diagnostic::weight)
            .sum()
    }

    /// What is shown of these (sorted) diagnostics: the first
    /// [`SHOWN_OF_A_KIND`] of each code, and after the last of them one
    /// line that counts the rest. Every output format prints this.
    pub fn shown(&self) -> Diagnostics {
        let mut shown_of: std::collections::BTreeMap<Code, usize> = Default::default();
        let mut rest: std::collections::BTreeMap<Code, (Severity, usize)> = Default::default();
        let mut out: Vec<Diagnostic> = Vec::new();
        // Where each code's last shown diagnostic sits in `out`.
        let mut last: std::collections::BTreeMap<Code, usize> = Default::default();
        for diagnostic in &self.0 {
            let count = shown_of.entry(diagnostic.code).or_default();
            if diagnostic.omitted == 0 && *count < SHOWN_OF_A_KIND {
                *count += 1;
                last.insert(diagnostic.code, out.len());
                out.push(diagnostic.clone());
            } else {
                let (_, omitted) = rest
                    .entry(diagnostic.code)
                    .or_insert((diagnostic.severity, 0));
                *omitted += diagnostic.weight();
            }
        }
        if rest.is_empty() {
            return Diagnostics(out);
        }
        // From the back, so the places still to fill do not move.
        let mut summaries: Vec<(usize, Diagnostic)> = rest
            .into_iter()
            .map(|(code, (severity, omitted))| {
                let at = last.get(&code).map_or(out.len(), |i| i + 1);
                (at, Diagnostic::more_of_a_kind(code, severity, omitted))
            })
            .collect();
        summaries.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        for (at, summary) in summaries {
            out.insert(at, summary);
        }
        Diagnostics(out)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sort errors before warnings (in every format, an error is never
    /// found below a screenful of warnings), then by file, position, code,
    /// then message (its id and arguments, not its words, so that the order
    /// is the same in every language): output never depends on thread
    /// scheduling or hash order.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                d.location
                    .as_ref()
                    .map(|l| (l.file.clone(), l.line, l.column))
            };
            (!a.is_error())
                .cmp(&!b.is_error())
                .then_with(|| key(a).cmp(&key(b)))
                .then(a.code.cmp(&b.code))
                .then(a.message.cmp(&b.message))
        });
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// E014 for what is wrong with a language's message files.
pub fn of_messages(problems: Vec<crate::messages::Problem>) -> Diagnostics {
    use crate::messages::Problem;
    Diagnostics(
        problems
            .into_iter()
            .map(|problem| match problem {
                Problem::Syntax { file, at, error } => Diagnostic::error(
                    Code::InvalidConfig,
                    crate::text!("messages_syntax", error = error),
                )
                .at(&file, at..at + 1)
                .with_help(crate::text!("messages_syntax_help")),
                Problem::Missing {
                    origin,
                    language,
                    missing,
                    required,
                } => Diagnostic::error(
                    Code::InvalidConfig,
                    crate::text!(
                        "messages_missing",
                        language = language,
                        missing = missing.len(),
                        required = required,
                        ids = list_some(missing.into_iter())
                    ),
                )
                .in_file(&origin)
                .with_help(crate::text!("messages_missing_help")),
            })
            .collect(),
    )
}

/// "a, b, c" for a few items, "a, b, …, and 95 more" for many: help lines
/// stay readable whatever the catalogue's size.
pub fn list_some(items: impl ExactSizeIterator<Item = String>) -> Arg {
    const SHOWN: usize = 8;
    let total = items.len();
    let shown: Vec<String> = items.take(SHOWN).collect();
    if total > SHOWN {
        crate::text!(
            "list_and_more",
            items = shown.join(", "),
            more = total - SHOWN
        )
        .into()
    } else {
        shown.join(", ").into()
    }
}

/// The closest of `candidates` to `word` by edit distance, if any is close
/// enough to be a plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    let length = word.chars().count();
    for candidate in candidates {
        // The edit distance is at least the difference in length, so the
        // score is at most shorter/longer: a candidate that cannot reach
        // 0.6 is not measured (a 1 MB typo is not compared letter by letter).
        let other = candidate.chars().count();
        if (length.min(other) as f64) < 0.6 * length.max(other) as f64 {
            continue;
        }
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
    fn did_you_mean_finds_typos_and_skips_what_cannot_be_one() {
        let ids = ["first-aid", "level-1", "level-2", "mentorship"];
        assert_eq!(did_you_mean("first-aide", ids), Some("first-aid"));
        assert_eq!(did_you_mean("levl-2", ids), Some("level-2"));
        assert_eq!(did_you_mean("x", ids), None);
        assert_eq!(did_you_mean(&"k".repeat(1 << 20), ids), None);
    }

    #[test]
    fn past_a_hundred_of_a_code_the_rest_are_one_counted_line_after_them() {
        let file = SourceFile::new("a.md", "x\n".repeat(300));
        let at = |code, line: usize| {
            Diagnostic::error(code, crate::text!("toml_syntax", error = "e"))
                .at(&file, line * 2..line * 2 + 1)
        };
        let mut all = Diagnostics::default();
        all.extend((0..150).map(|line| at(Code::UnknownKey, line)));
        all.push(at(Code::UnresolvedReference, 200));
        // A reader that counted past its own hundred already.
        all.push(Diagnostic::more_of_a_kind(
            Code::UnknownKey,
            Severity::Error,
            1000,
        ));
        all.sort();
        let shown = all.shown();
        assert_eq!(shown.0.len(), 102);
        assert!(
            shown.0[..100]
                .iter()
                .all(|d| d.code == Code::UnknownKey && d.omitted == 0)
        );
        assert_eq!(
            (shown.0[100].code, shown.0[100].omitted),
            (Code::UnknownKey, 1050)
        );
        assert_eq!(shown.0[101].code, Code::UnresolvedReference);
        assert_eq!(all.error_count(), 1151);
        assert_eq!(shown.error_count(), 1151, "the counts survive the cut");
    }

    #[test]
    fn long_lists_are_cut_short_in_words() {
        let cli = crate::report::cli_messages();
        let list = |n: usize| {
            let arg = list_some(
                (0..n)
                    .map(|i| format!("#{i}"))
                    .collect::<Vec<_>>()
                    .into_iter(),
            );
            cli.format(&crate::text!(
                "missing_anchor_help",
                path = "a.md",
                anchors = arg
            ))
        };
        assert_eq!(list(2), "the headings of a.md are: #0, #1");
        assert_eq!(
            list(10),
            "the headings of a.md are: #0, #1, #2, #3, #4, #5, #6, #7, and 2 more"
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
