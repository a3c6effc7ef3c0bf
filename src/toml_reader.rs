//! Reading typed values out of a span-keeping TOML table, reporting every
//! problem as a [`Diagnostic`] that points at the exact key or value.
//!
//! serde's derive would lose spans inside untagged enums and stop at the
//! first error; reading `DeTable` by hand gives exact wrong-type messages,
//! did-you-mean for unknown keys, and all problems in one pass.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::source::{SourceFile, Span, Spanned};
use toml::de::{DeTable, DeValue};

pub(crate) type TomlValue<'i> = toml::Spanned<DeValue<'i>>;

/// Parse `text` (which starts at byte `offset` of `file`) as a TOML document.
pub(crate) fn parse<'i>(
    file: &SourceFile,
    text: &'i str,
    offset: usize,
    diags: &mut Diagnostics,
) -> Option<toml::Spanned<DeTable<'i>>> {
    match DeTable::parse(text) {
        Ok(table) => Some(table),
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            // A parse error often sits at the end of a line: underline at least one column.
            let span = span.start..span.end.max(span.start + 1);
            let message = err.message().trim_end().to_string();
            let message = message.lines().next().unwrap_or("").to_string();
            diags.push(
                Diagnostic::error(Code::TomlSyntax, format!("invalid TOML: {message}"))
                    .at(file, span.start + offset..span.end + offset)
                    .with_help("check the quotes, brackets and `=` signs on this line; the TOML format is described in docs/content-format.md"),
            );
            None
        }
    }
}

/// Human name of a TOML value's type, as used in messages.
pub(crate) fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Where a TOML text sits: its file, and the byte offset of the TOML text
/// within it (front matter starts after the opening `+++`).
#[derive(Clone, Copy)]
pub(crate) struct TomlSource<'a> {
    pub(crate) file: &'a SourceFile,
    pub(crate) offset: usize,
}

/// Reads the fields of one table; `finish` reports every key the table's
/// kind does not know.
pub(crate) struct TableReader<'a, 'i> {
    pub(crate) file: &'a SourceFile,
    pub(crate) offset: usize,
    table: &'a DeTable<'i>,
    table_span: Span,
    /// What this table is, for messages: "level front matter", "an offering".
    what: &'a str,
    known: &'a [&'a str],
    pub(crate) diags: &'a mut Diagnostics,
    /// Where "has no `key`" points; defaults to the table's first line.
    missing_anchor: Option<Span>,
}

impl<'a, 'i> TableReader<'a, 'i> {
    pub(crate) fn new(
        source: TomlSource<'a>,
        table: &'a DeTable<'i>,
        table_span: Span,
        what: &'a str,
        known: &'a [&'a str],
        diags: &'a mut Diagnostics,
    ) -> Self {
        TableReader {
            file: source.file,
            offset: source.offset,
            table,
            table_span,
            what,
            known,
            diags,
            missing_anchor: None,
        }
    }

    /// Point "has no `key`" diagnostics at `span` (a file-coordinate span,
    /// such as the opening `+++` of front matter).
    pub(crate) fn missing_at(mut self, span: Span) -> Self {
        self.missing_anchor = Some(span);
        self
    }

    pub(crate) fn source(&self) -> TomlSource<'a> {
        TomlSource {
            file: self.file,
            offset: self.offset,
        }
    }

    /// A span in file coordinates.
    pub(crate) fn span(&self, toml_span: Span) -> Span {
        toml_span.start + self.offset..toml_span.end + self.offset
    }

    pub(crate) fn whole_span(&self) -> Span {
        self.span(self.table_span.clone())
    }

    pub(crate) fn error(&mut self, code: Code, toml_span: Span, message: String, help: String) {
        let span = self.span(toml_span);
        self.diags.push(
            Diagnostic::error(code, message)
                .at(self.file, span)
                .with_help(help),
        );
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'a TomlValue<'i>> {
        self.table.get(key)
    }

    fn wrong_type(&mut self, key: &str, value: &TomlValue<'i>, expected: &str, example: &str) {
        let message = format!(
            "`{key}` must be {expected}, found {}",
            type_name(value.get_ref())
        );
        self.error(
            Code::WrongType,
            value.span(),
            message,
            format!("write it like `{key} = {example}`"),
        );
    }

    pub(crate) fn string(&mut self, key: &str) -> Option<Spanned<String>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(s.to_string(), self.span(value.span()))),
            _ => {
                self.wrong_type(key, value, "a string", "\"…\"");
                None
            }
        }
    }

    pub(crate) fn required_string(&mut self, key: &str, example: &str) -> Option<Spanned<String>> {
        if self.get(key).is_none() {
            let span = self.missing_anchor.clone().unwrap_or_else(|| {
                let start = self.whole_span().start;
                start..start
            });
            let what = self.what.to_string();
            self.diags.push(
                Diagnostic::error(Code::MissingField, format!("{what} has no `{key}`"))
                    .at(self.file, span)
                    .with_help(format!("add a line `{key} = {example}`")),
            );
            return None;
        }
        self.string(key)
    }

    pub(crate) fn bool(&mut self, key: &str) -> Option<Spanned<bool>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(*b, self.span(value.span()))),
            _ => {
                self.wrong_type(key, value, "true or false", "true");
                None
            }
        }
    }

    pub(crate) fn integer(&mut self, key: &str) -> Option<Spanned<i64>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(Spanned::new(n, self.span(value.span()))),
                Err(_) => {
                    self.error(
                        Code::InvalidValue,
                        value.span(),
                        format!("`{key}` is too large"),
                        "use a whole number between -9223372036854775808 and 9223372036854775807"
                            .into(),
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(key, value, "a whole number", "1");
                None
            }
        }
    }

    pub(crate) fn string_list(&mut self, key: &str) -> Vec<Spanned<String>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, "a list of strings", "[\"…\", \"…\"]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(s.to_string(), self.span(item.span()))),
                other => {
                    let message = format!("`{key}` must list strings, found {}", type_name(other));
                    self.error(
                        Code::WrongType,
                        item.span(),
                        message,
                        "put each item in double quotes".into(),
                    );
                }
            }
        }
        out
    }

    /// A sub-table, for `[extra]`-like keys.
    pub(crate) fn table(&mut self, key: &str) -> Option<&'a toml::Spanned<DeValue<'i>>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(_) => Some(value),
            _ => {
                self.wrong_type(key, value, "a table", "{ … }");
                None
            }
        }
    }

    /// An array of tables (`[[offerings]]`), each handed to `read`.
    pub(crate) fn tables(&mut self, key: &str) -> Vec<&'a TomlValue<'i>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            let example = format!("[[{key}]]` sections, or `{key} = [{{ … }}]");
            self.wrong_type(key, value, "a list of tables", &example);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            if let DeValue::Table(_) = item.get_ref() {
                out.push(item);
            } else {
                let message = format!(
                    "each of `{key}` must be a table, found {}",
                    type_name(item.get_ref())
                );
                self.error(
                    Code::WrongType,
                    item.span(),
                    message,
                    format!("write a `[[{key}]]` section per item"),
                );
            }
        }
        out
    }

    /// Report every key not in the known list, with a did-you-mean.
    pub(crate) fn finish(self) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if self.known.contains(&name) {
                continue;
            }
            let help = match did_you_mean(name, self.known.iter().copied()) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => format!("{} accepts: {}", self.what, self.known.join(", ")),
            };
            let span = key.span().start + self.offset..key.span().end + self.offset;
            self.diags.push(
                Diagnostic::error(
                    Code::UnknownKey,
                    format!("unknown key `{name}` in {}", self.what),
                )
                .at(self.file, span)
                .with_help(help),
            );
        }
    }
}

/// Borrow a table value as a `Spanned<DeTable>`-like pair for a nested reader.
pub(crate) fn as_table<'a, 'i>(value: &'a TomlValue<'i>) -> Option<&'a DeTable<'i>> {
    match value.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => None,
    }
}

/// Turn any TOML value into JSON, for `[extra]` data handed to templates.
pub(crate) fn to_json(value: &DeValue<'_>) -> serde_json::Value {
    use serde_json::Value;
    match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(Value::from)
            .unwrap_or(Value::Null),
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Array(items.iter().map(|v| to_json(v.get_ref())).collect()),
        DeValue::Table(t) => Value::Object(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_json(v.get_ref())))
                .collect(),
        ),
    }
}
