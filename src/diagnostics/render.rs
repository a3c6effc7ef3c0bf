//! Diagnostics as they are printed: rustc's form for people (with a
//! second place when there is one), a JSON object for tools, and a GitHub
//! workflow command for annotations on pull requests.

use super::{Diagnostic, Location, Severity};
use crate::messages::Messages;
use std::borrow::Cow;

impl Diagnostic {
    /// Render in rustc's form: header, `-->` location, the source line with a
    /// caret under the span, and a help line; coloured when `color`.
    pub fn render_human(&self, messages: &Messages, color: bool) -> String {
        self.render_human_noted(messages, color, None)
    }

    /// [`Self::render_human`], with a note after the help: what grouped
    /// warnings say of the others of their kind.
    pub fn render_human_noted(
        &self,
        messages: &Messages,
        color: bool,
        note: Option<&str>,
    ) -> String {
        use annotate_snippets::{AnnotationKind, Group, Level, Renderer};
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        // A title is one line, whatever a message (a template error…) holds.
        let title = visible(&self.message_text(messages).replace(['\n', '\r'], " ")).into_owned();
        let group = Group::with_title(level.primary_title(title.as_str()).id(self.code.as_str()));
        let help = self.help_text(messages).map(|h| visible(&h).into_owned());
        let note = note.map(|n| visible(n).into_owned());
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let shown = self.location.as_deref().map(Shown::of);
        let mut out = place(
            &renderer,
            group,
            shown.as_ref(),
            AnnotationKind::Primary,
            color,
            |mut group| {
                if let Some(help) = &help {
                    group = group.element(Level::HELP.message(help.as_str()));
                }
                if let Some(note) = &note {
                    group = group.element(Level::NOTE.message(note.as_str()));
                }
                group
            },
        );
        if let Some(related) = &self.related {
            let label =
                visible(&messages.format(&related.label).replace(['\n', '\r'], " ")).into_owned();
            let group = Group::with_title(Level::NOTE.primary_title(label.as_str()));
            let shown = Shown::of(&related.location);
            out.push('\n');
            out.push_str(&place(
                &renderer,
                group,
                Some(&shown),
                AnnotationKind::Context,
                color,
                |group| group,
            ));
        }
        out.push('\n');
        out
    }

    /// One JSON object: `{code, severity, file, line, column, message, help}`,
    /// and `related` when there is a second place.
    pub fn to_json(&self, messages: &Messages) -> serde_json::Value {
        let loc = self.location.as_deref();
        let mut object = serde_json::json!({
            "code": self.code.as_str(),
            "severity": self.severity,
            "file": loc.map(|l| l.file.as_str()),
            "line": loc.map(|l| l.line),
            "column": loc.map(|l| l.column),
            "message": self.message_text(messages),
            "help": self.help_text(messages),
        });
        // Only when there is one: the seven fields stay as they were.
        if let (Some(related), Some(fields)) = (&self.related, object.as_object_mut()) {
            fields.insert(
                "related".into(),
                serde_json::json!([{
                    "file": related.location.file,
                    "line": related.location.line,
                    "column": related.location.column,
                    "message": messages.format(&related.label),
                }]),
            );
        }
        object
    }

    /// One GitHub Actions workflow command (`::error file=…,line=…,col=…::message`).
    /// `prefix` is the site's folder within the repository ("" at its root,
    /// "site/" below it): GitHub places annotations by repository path.
    pub fn render_github(&self, prefix: &str, messages: &Messages) -> String {
        let command = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = visible(&self.message_text(messages)).into_owned();
        let mut properties = vec![format!(
            "title={}",
            escape_property(&format!("{} {message}", self.code.as_str()))
        )];
        if let Some(loc) = &self.location {
            properties.insert(
                0,
                format!(
                    "file={},line={},col={}",
                    escape_property(&visible(&format!("{prefix}{}", loc.file))),
                    loc.line,
                    loc.column
                ),
            );
        }
        if let Some(help) = self.help_text(messages) {
            message.push_str("\nhelp: ");
            message.push_str(&visible(&help));
        }
        format!(
            "::{command} {}::{}\n",
            properties.join(","),
            escape_data(&message)
        )
    }
}

/// One group of a diagnostic rendered: its title, its place (the source
/// line with a mark under the span, or the file and position alone), and
/// what `finish` adds. The `-->` line is written here, not by the
/// renderer: `line_text` may be a window of a long line, and the renderer
/// would count columns from the window's start.
fn place<'a>(
    renderer: &annotate_snippets::Renderer,
    mut group: annotate_snippets::Group<'a>,
    location: Option<&'a Shown<'a>>,
    mark: annotate_snippets::AnnotationKind,
    color: bool,
    finish: impl FnOnce(annotate_snippets::Group<'a>) -> annotate_snippets::Group<'a>,
) -> String {
    use annotate_snippets::{Origin, Snippet};
    let mut location_line = None;
    if let Some(Shown {
        location: loc,
        file,
        line_text,
    }) = location
    {
        if loc.width > 0 {
            // `visible` keeps one character for each, so columns hold.
            let start = char_to_byte(line_text, loc.text_column - 1);
            let end = char_to_byte(line_text, loc.text_column - 1 + loc.width).max(start);
            group = group.element(
                Snippet::source(line_text.as_str())
                    .line_start(loc.line)
                    .annotation(mark.span(start..end)),
            );
            let arrow = if color {
                "\u{1b}[1m\u{1b}[94m-->\u{1b}[0m"
            } else {
                "-->"
            };
            let indent = " ".repeat(loc.line.to_string().len());
            location_line = Some(format!(
                "{indent}{arrow} {file}:{}:{}",
                loc.line, loc.column
            ));
        } else {
            group = group.element(
                Origin::path(file.as_str())
                    .line(loc.line)
                    .char_column(loc.column),
            );
        }
    }
    let group = finish(group);
    let mut out = renderer.render(&[group]);
    if let (Some(line), Some(end_of_title)) = (location_line, out.find('\n')) {
        out.insert_str(end_of_title + 1, &format!("{line}\n"));
    }
    out
}

/// A location with its file name and line as a terminal may show them.
struct Shown<'a> {
    location: &'a Location,
    file: String,
    line_text: String,
}

impl<'a> Shown<'a> {
    fn of(location: &'a Location) -> Shown<'a> {
        Shown {
            location,
            file: visible(&location.file).into_owned(),
            line_text: visible(&location.line_text).into_owned(),
        }
    }
}

/// `text` with every control character but newline and tab shown as a
/// visible sign: content can hold ESC or BEL (a TOML string may write
/// `\u001b`), and a terminal or a CI log must never obey it. C0 controls
/// become their Unicode control pictures (ESC as ␛), DEL ␡, C1 controls �;
/// each stays one character, so columns and carets keep their places.
pub fn visible(text: &str) -> Cow<'_, str> {
    let shown = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(shown) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !shown(c) => c,
                '\u{7f}' => '\u{2421}',
                c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

/// Byte offset of the `n`th character of `text` (its length when past the end).
fn char_to_byte(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// Escaping for a workflow command's message (GitHub's `escapeData`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a workflow command's property (GitHub's `escapeProperty`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn github_commands_escape_what_they_must() {
        let file = SourceFile::new("content/a,b.md", "x = 1\n");
        let message = crate::text!("toml_syntax", error = "50% done: a\nb");
        let d = Diagnostic::warning(Code::NoSummary, message)
            .at(&file, 0..1)
            .with_help(crate::text!("serve_cannot_start_help"));
        assert_eq!(
            d.render_github("", &crate::report::cli_messages()),
            "::warning file=content/a%2Cb.md,line=1,col=1,title=W004 invalid TOML%3A 50%25 done%3A a%0Ab::invalid TOML: 50%25 done: a%0Ab%0Ahelp: try another --port\n"
        );
    }

    #[test]
    fn a_second_place_is_shown_after_the_first_and_listed_in_json() {
        let first = SourceFile::new("content/levels/knots.md", "+++\ntitle = \"Knots\"\n");
        let second = SourceFile::new("content/workshops/knots.md", "+++\ntitle = \"Knots 2\"\n");
        let d = Diagnostic::error(
            Code::DuplicateId,
            crate::text!(
                "duplicate_id",
                id = "knots",
                path = "content/levels/knots.md"
            ),
        )
        .at(&second, 12..21)
        .also_at(
            &first,
            12..19,
            crate::text!("duplicate_id_first", path = "content/levels/knots.md"),
        );
        let cli = crate::report::cli_messages();
        let human = d.render_human(&cli, false);
        let primary = human
            .find("--> content/workshops/knots.md:2:9")
            .expect("the first place");
        let note = human
            .find("note: the id is first used by content/levels/knots.md")
            .expect("a note");
        let secondary = human
            .find("--> content/levels/knots.md:2:9")
            .expect("the second place");
        assert!(primary < note && note < secondary, "{human}");
        assert!(
            human.contains("|         -------\n"),
            "the second place is marked, not careted: {human}"
        );
        assert_eq!(
            d.to_json(&cli)["related"],
            serde_json::json!([{"file": "content/levels/knots.md", "line": 2, "column": 9, "message": "the id is first used by content/levels/knots.md"}])
        );
    }

    #[test]
    fn json_has_the_documented_fields() {
        let file = SourceFile::new("site.toml", "titel = 1\n");
        let message = crate::text!("unknown_key", key = "titel", table = "site.toml");
        let d = Diagnostic::error(Code::UnknownKey, message)
            .at(&file, 0..5)
            .with_help(crate::text!("did_you_mean_key", suggestion = "title"));
        assert_eq!(
            d.to_json(&crate::report::cli_messages()),
            serde_json::json!({"code": "E003", "severity": "error", "file": "site.toml", "line": 1, "column": 1, "message": "unknown key `titel` in site.toml", "help": "did you mean `title`?"})
        );
    }

    #[test]
    fn renders_like_rustc() {
        let file = SourceFile::new(
            "content/levels/level-3.md",
            "+++\ntitle = \"x\"\nrequires = [\"first-aide\"]\n+++\n",
        );
        let offset = file.text.find("\"first-aide\"").unwrap_or(0);
        let d = Diagnostic::error(
            Code::UnresolvedReference,
            crate::text!("unresolved_reference", name = "first-aide"),
        )
        .at(&file, offset..offset + 12)
        .with_help(crate::text!("did_you_mean", suggestion = "first-aid"));
        assert_eq!(
            d.render_human(&crate::report::cli_messages(), false),
            "error[E006]: unresolved reference \"first-aide\"\n \
             --> content/levels/level-3.md:3:13\n  |\n\
             3 | requires = [\"first-aide\"]\n  |             ^^^^^^^^^^^^\n  |\n  \
             = help: did you mean \"first-aid\"?\n"
        );
    }
}
