//! Reading typed values out of a span-keeping TOML table, reporting every
//! problem as a [`Diagnostic`] that points at the exact key or value.
//!
//! serde's derive would lose spans inside untagged enums and stop at the
//! first error; reading `DeTable` by hand gives exact wrong-type messages,
//! did-you-mean for unknown keys, and all problems in one pass.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::messages::{Arg, Text};
use crate::source::{SourceFile, Span, Spanned};
use crate::text;
use toml::de::{DeInteger, DeTable, DeValue};

mod values;

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
                Diagnostic::error(Code::TomlSyntax, text!("toml_syntax", error = message))
                    .at(file, span.start + offset..span.end + offset)
                    .with_help(text!("toml_syntax_help")),
            );
            None
        }
    }
}

/// A TOML value's type, as messages name what they found ("an integer").
pub(crate) fn type_name(value: &DeValue<'_>) -> Text {
    match value {
        DeValue::String(_) => text!("found_string"),
        DeValue::Integer(_) => text!("found_integer"),
        DeValue::Float(_) => text!("found_float"),
        DeValue::Boolean(_) => text!("found_boolean"),
        DeValue::Datetime(_) => text!("found_date"),
        DeValue::Array(_) => text!("found_array"),
        DeValue::Table(_) => text!("found_table"),
    }
}

/// Where a TOML text sits: its file, and the byte offset of the TOML text
/// within it (front matter starts after the opening `+++`).
#[derive(Clone, Copy)]
pub(crate) struct TomlSource<'a> {
    pub(crate) file: &'a SourceFile,
    pub(crate) offset: usize,
}

/// Reads the fields of one table. The keys of a table's kind are the keys
/// its reading code asks for: every `get`, `string`, `bool`… records its
/// key, and `finish` reports every key of the table that nothing asked for.
/// There is no separate list of known keys to drift from the reads.
///
/// Every problem goes to the reader's diagnostics through its methods;
/// [`TableReader::nested`] lends them to the reader of a sub-table.
pub(crate) struct TableReader<'a, 'i> {
    file: &'a SourceFile,
    offset: usize,
    table: &'a DeTable<'i>,
    table_span: Span,
    /// What this table is, for messages: "a level's front matter", "an
    /// offering", "site.toml".
    what: Arg,
    /// Every key asked for so far, in the order first asked: the keys this
    /// table accepts, as listed in the help of an unknown key.
    asked: Vec<&'static str>,
    diags: &'a mut Diagnostics,
    /// Where "has no `key`" points; defaults to the table's first line.
    missing_anchor: Option<Span>,
}

impl<'a, 'i> TableReader<'a, 'i> {
    pub(crate) fn new(
        source: TomlSource<'a>,
        table: &'a DeTable<'i>,
        table_span: Span,
        what: impl Into<Arg>,
        diags: &'a mut Diagnostics,
    ) -> Self {
        TableReader {
            file: source.file,
            offset: source.offset,
            table,
            table_span,
            what: what.into(),
            asked: Vec::new(),
            diags,
            missing_anchor: None,
        }
    }

    /// A reader for the sub-table `value` (an item of [`Self::tables`], a
    /// value of [`Self::table`]) that reports into this reader's
    /// diagnostics; `None` when `value` is not a table.
    pub(crate) fn nested<'b>(
        &'b mut self,
        value: &'b TomlValue<'i>,
        what: impl Into<Arg>,
    ) -> Option<TableReader<'b, 'i>> {
        let table = as_table(value)?;
        let source = TomlSource {
            file: self.file,
            offset: self.offset,
        };
        Some(TableReader::new(
            source,
            table,
            value.span(),
            what,
            &mut *self.diags,
        ))
    }

    /// Point "has no `key`" diagnostics at `span` (a file-coordinate span,
    /// such as the opening `+++` of front matter).
    pub(crate) fn missing_at(mut self, span: Span) -> Self {
        self.missing_anchor = Some(span);
        self
    }

    /// A span of the TOML text, in file coordinates (as every span the
    /// reader hands out or takes is).
    pub(crate) fn span(&self, toml_span: Span) -> Span {
        toml_span.start + self.offset..toml_span.end + self.offset
    }

    pub(crate) fn whole_span(&self) -> Span {
        self.span(self.table_span.clone())
    }

    /// Report an error at `span` (in file coordinates).
    pub(crate) fn error(&mut self, code: Code, span: Span, message: Text, help: Text) {
        self.diags.push(
            Diagnostic::error(code, message)
                .at(self.file, span)
                .with_help(help),
        );
    }

    /// Report a diagnostic made elsewhere, such as a check of a value
    /// against the catalogue.
    pub(crate) fn report(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    /// The value of `key`, if the table has it; `key` is known from now on.
    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'a TomlValue<'i>> {
        if !self.asked.contains(&key) {
            self.asked.push(key);
        }
        self.table.get(key)
    }

    /// `expected`: one of the messages `expected_*`; `help`: how to write it.
    fn wrong_type(&mut self, key: &str, value: &TomlValue<'i>, expected: Text, help: Text) {
        let message = text!(
            "wrong_type",
            key = key,
            expected = expected,
            found = type_name(value.get_ref())
        );
        self.error(Code::WrongType, self.span(value.span()), message, help);
    }

    /// "write it like `key = example`", for [`Self::wrong_type`].
    fn write_like(key: &str, example: &str) -> Text {
        text!("wrong_type_help", key = key, example = example)
    }

    pub(crate) fn string(&mut self, key: &'static str) -> Option<Spanned<String>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(s.to_string(), self.span(value.span()))),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    text!("expected_string"),
                    Self::write_like(key, "\"…\""),
                );
                None
            }
        }
    }

    pub(crate) fn required_string(
        &mut self,
        key: &'static str,
        example: impl Into<Arg>,
    ) -> Option<Spanned<String>> {
        if self.get(key).is_none() {
            let span = self.missing_anchor.clone().unwrap_or_else(|| {
                let start = self.whole_span().start;
                start..start
            });
            let table = self.what.clone();
            self.error(
                Code::MissingField,
                span,
                text!("missing_field", table = table, key = key),
                text!("missing_field_help", key = key, example = example.into()),
            );
            return None;
        }
        self.string(key)
    }

    pub(crate) fn bool(&mut self, key: &'static str) -> Option<Spanned<bool>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(*b, self.span(value.span()))),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    text!("expected_boolean"),
                    Self::write_like(key, "true"),
                );
                None
            }
        }
    }

    pub(crate) fn integer(&mut self, key: &'static str) -> Option<Spanned<i64>> {
        let value = self.get(key)?;
        let span = self.span(value.span());
        match value.get_ref() {
            DeValue::Integer(i) => match whole_number(i) {
                Some(n) => Some(Spanned::new(n, span)),
                None => {
                    self.error(
                        Code::InvalidValue,
                        span,
                        text!("too_large", key = key),
                        text!(
                            "too_large_help",
                            min = i64::MIN.to_string(),
                            max = i64::MAX.to_string()
                        ),
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(
                    key,
                    value,
                    text!("expected_whole_number"),
                    Self::write_like(key, "1"),
                );
                None
            }
        }
    }

    pub(crate) fn string_list(&mut self, key: &'static str) -> Vec<Spanned<String>> {
        self.string_list_helped(key, text!("wrong_type_list_item_help"))
    }

    /// [`Self::string_list`], with the help a wrong item gets: where a list
    /// takes only ids, quoting something else is no fix.
    pub(crate) fn string_list_helped(
        &mut self,
        key: &'static str,
        item_help: Text,
    ) -> Vec<Spanned<String>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(
                key,
                value,
                text!("expected_strings"),
                Self::write_like(key, "[\"…\", \"…\"]"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(s.to_string(), self.span(item.span()))),
                other => {
                    let message =
                        text!("wrong_type_list_item", key = key, found = type_name(other));
                    self.error(
                        Code::WrongType,
                        self.span(item.span()),
                        message,
                        item_help.clone(),
                    );
                }
            }
        }
        out
    }

    /// A sub-table, for `[extra]`-like keys.
    pub(crate) fn table(&mut self, key: &'static str) -> Option<&'a TomlValue<'i>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(_) => Some(value),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    text!("expected_table"),
                    Self::write_like(key, "{ … }"),
                );
                None
            }
        }
    }

    /// An array of tables (`[[offerings]]`), each to be read with
    /// [`Self::nested`].
    pub(crate) fn tables(&mut self, key: &'static str) -> Vec<&'a TomlValue<'i>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            let help = text!(
                "wrong_type_tables_help",
                key = key,
                sections = format!("[[{key}]]"),
                inline = "[{ … }]"
            );
            self.wrong_type(key, value, text!("expected_tables"), help);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            if let DeValue::Table(_) = item.get_ref() {
                out.push(item);
            } else {
                let message = text!(
                    "wrong_type_table_item",
                    key = key,
                    found = type_name(item.get_ref())
                );
                self.error(
                    Code::WrongType,
                    self.span(item.span()),
                    message,
                    text!("wrong_type_table_item_help", key = key),
                );
            }
        }
        out
    }

    /// Report every key of the table that nothing asked for, with a
    /// did-you-mean among the keys that were.
    pub(crate) fn finish(mut self) {
        let table = self.table;
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if self.asked.contains(&name) {
                continue;
            }
            let table = self.what.clone();
            // A word people use for a key cairn names otherwise comes
            // before spelling: `place` is `location`, not `price`.
            let meant = ALIASES
                .iter()
                .find(|(word, key)| *word == name && self.asked.contains(key))
                .map(|(_, key)| *key)
                .or_else(|| did_you_mean(name, self.asked.iter().copied()));
            let help = match meant {
                Some(suggestion) => text!("did_you_mean_key", suggestion = suggestion),
                None => text!(
                    "unknown_key_help",
                    table = table.clone(),
                    keys = self.asked.join(", ")
                ),
            };
            self.error(
                Code::UnknownKey,
                self.span(key.span()),
                text!("unknown_key", key = name, table = table),
                help,
            );
        }
    }
}

/// Other words for the keys cairn reads, as organizers reach for them:
/// (word, key). Used only where the table reads that key.
const ALIASES: &[(&str, &str)] = &[
    ("place", "location"),
    ("venue", "location"),
    ("where", "location"),
    ("city", "location"),
    ("address", "location"),
    ("link", "register"),
    ("url", "register"),
    ("signup", "register"),
    ("registration", "register"),
    ("date", "start"),
    ("begin", "start"),
    ("from", "start"),
    ("to", "end"),
    ("until", "end"),
    ("finish", "end"),
    ("cost", "price"),
    ("fee", "price"),
    ("fees", "price"),
    ("lang", "language"),
    ("timezone", "time_zone"),
    ("tz", "time_zone"),
    ("zone", "time_zone"),
    ("description", "summary"),
    ("name", "title"),
    ("prerequisites", "requires"),
    ("prereqs", "requires"),
    ("requirements", "requires"),
];

/// The value of a TOML integer, when it fits an i64 (TOML's own range).
fn whole_number(integer: &DeInteger<'_>) -> Option<i64> {
    i64::from_str_radix(integer.as_str(), integer.radix()).ok()
}

/// A TOML integer or float as an f64; `None` for any other type. An integer
/// beyond TOML's range is infinite, so a caller asking for a finite number
/// refuses it.
fn number(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => Some(whole_number(i).map_or_else(
            || {
                if i.as_str().starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }
            },
            |n| n as f64,
        )),
        // `as_str` is already in the form `f64::from_str` reads.
        DeValue::Float(f) => f.as_str().parse().ok(),
        _ => None,
    }
}

/// The table `value` holds, if it is one.
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
        DeValue::Integer(i) => whole_number(i).map_or(Value::Null, Value::from),
        DeValue::Float(_) => number(value)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::{Date, Time, When};

    /// Parse `text`, let `read` read it as "a test table", finish the
    /// reader, and return what it reported.
    fn read_table(text: &str, read: impl FnOnce(&mut TableReader<'_, '_>)) -> Vec<Diagnostic> {
        let file = SourceFile::new("test.toml", text);
        let mut diags = Diagnostics::default();
        let table = parse(&file, text, 0, &mut diags).expect("valid TOML");
        let source = TomlSource {
            file: &file,
            offset: 0,
        };
        let mut reader = TableReader::new(
            source,
            table.get_ref(),
            table.span(),
            "a test table",
            &mut diags,
        );
        read(&mut reader);
        reader.finish();
        diags.0
    }

    /// Each diagnostic as `line:column code message / help`.
    fn lines(diags: &[Diagnostic]) -> Vec<String> {
        let cli = crate::report::cli_messages();
        diags
            .iter()
            .map(|d| {
                let (line, column) = d.location.as_ref().map_or((0, 0), |l| (l.line, l.column));
                format!(
                    "{line}:{column} {} {} / {}",
                    d.code.as_str(),
                    d.message_text(&cli),
                    d.help_text(&cli).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn a_key_nothing_reads_is_unknown_with_a_suggestion() {
        let diags = read_table("title = \"T\"\nsumary = \"S\"\n", |reader| {
            reader.string("title");
            reader.string("summary");
        });
        assert_eq!(
            lines(&diags),
            ["2:1 E003 unknown key `sumary` in a test table / did you mean `summary`?"]
        );
    }

    #[test]
    fn a_key_that_is_read_is_known_whatever_its_value() {
        let diags = read_table("title = \"T\"\ndraft = \"yes\"\n", |reader| {
            reader.string("title");
            reader.bool("draft");
        });
        assert_eq!(
            lines(&diags),
            [
                "2:9 E005 `draft` must be true or false, found a string / write it like `draft = true`"
            ]
        );
    }

    #[test]
    fn far_from_every_key_the_help_lists_the_keys_read_in_order() {
        let diags = read_table("colour = \"blue\"\nplace = \"Pier 4\"\n", |reader| {
            reader.when("start", None);
            reader.string("location");
            reader.bool("online");
        });
        assert_eq!(
            lines(&diags),
            [
                "1:1 E003 unknown key `colour` in a test table / a test table accepts: start, location, online",
                // Another word for a key it reads: that key, not the nearest spelling.
                "2:1 E003 unknown key `place` in a test table / did you mean `location`?",
            ]
        );
    }

    #[test]
    fn a_read_under_a_misspelt_name_leaves_the_real_key_unknown() {
        let mut title = None;
        let diags = read_table("title = \"T\"\n", |reader| {
            title = reader.string("titel");
        });
        assert_eq!(title, None);
        assert_eq!(
            lines(&diags),
            ["1:1 E003 unknown key `title` in a test table / did you mean `titel`?"]
        );
    }

    #[test]
    fn a_nested_reader_knows_its_own_keys_and_reports_into_the_same_list() {
        let text = "[sub]\nname = \"x\"\nnmae = \"y\"\n";
        let diags = read_table(text, |reader| {
            let sub = reader.table("sub").expect("a table");
            let mut nested = reader.nested(sub, "[sub]").expect("a table");
            nested.string("name");
            nested.finish();
        });
        assert_eq!(
            lines(&diags),
            ["3:1 E003 unknown key `nmae` in [sub] / did you mean `name`?"]
        );
    }

    #[test]
    fn numbers_of_zero_or_more_whole_or_decimal() {
        let text = "a = 2.5\nb = 300\nc = 1_000\nd = 0\n";
        let mut read = Vec::new();
        let diags = read_table(text, |reader| {
            for key in ["a", "b", "c", "d"] {
                let value = reader.get(key).expect("present");
                read.push(reader.non_negative_number(
                    value,
                    format!("`{key}`"),
                    text!("at_least_help"),
                ));
            }
        });
        assert!(diags.is_empty(), "{:?}", lines(&diags));
        assert_eq!(read, [Some(2.5), Some(300.0), Some(1000.0), Some(0.0)]);
    }

    #[test]
    fn a_number_that_is_negative_infinite_or_not_a_number_has_one_message() {
        let text =
            "a = -1\nb = -0.5\nc = inf\nd = nan\ne = 99999999999999999999\nf = \"300\"\ng = true\n";
        let mut read = Vec::new();
        let diags = read_table(text, |reader| {
            for key in ["a", "b", "c", "d", "e", "f", "g"] {
                let value = reader.get(key).expect("present");
                read.push(reader.non_negative_number(
                    value,
                    text!("record_amount_subject", id = key),
                    text!("record_amount_help", id = key),
                ));
            }
        });
        assert!(read.iter().all(Option::is_none), "{read:?}");
        let numeric = "must be a number of zero or more, found a negative or non-finite number";
        assert_eq!(
            lines(&diags),
            [
                format!("1:5 E011 the amount of \"a\" {numeric} / write it like `a = 300`"),
                format!("2:5 E011 the amount of \"b\" {numeric} / write it like `b = 300`"),
                format!("3:5 E011 the amount of \"c\" {numeric} / write it like `c = 300`"),
                format!("4:5 E011 the amount of \"d\" {numeric} / write it like `d = 300`"),
                format!("5:5 E011 the amount of \"e\" {numeric} / write it like `e = 300`"),
                "6:5 E011 the amount of \"f\" must be a number of zero or more, found a string / write it like `f = 300`".to_string(),
                "7:5 E011 the amount of \"g\" must be a number of zero or more, found a boolean / write it like `g = 300`".to_string(),
            ]
        );
    }

    #[test]
    fn whole_numbers_refuse_decimals_and_numbers_beyond_toml_range() {
        let text = "a = 0x10\nb = -3\nc = 1.5\nd = 99999999999999999999\n";
        let mut read = Vec::new();
        let diags = read_table(text, |reader| {
            for key in ["a", "b", "c", "d"] {
                read.push(reader.integer(key).map(|n| n.value));
            }
        });
        assert_eq!(read, [Some(16), Some(-3), None, None]);
        assert_eq!(
            lines(&diags),
            [
                "3:5 E005 `c` must be a whole number, found a number / write it like `c = 1`",
                "4:5 E011 `d` is too large / use a whole number between -9223372036854775808 and 9223372036854775807",
            ]
        );
    }

    #[test]
    fn days_and_times_of_day() {
        let text = "a = 2027-03-12\nb = \"2027-03-12\"\nc = 2027-03-12T10:00:00-04:00\nd = 17:30:00\ne = 17:30:00\n";
        let mut read = Vec::new();
        let diags = read_table(text, |reader| {
            let c = reader.when("c", None);
            for key in ["a", "b"] {
                read.push(reader.when(key, None).map(|d| d.value));
            }
            read.push(c.as_ref().map(|c| c.value));
            // A time alone: on the day it follows, or refused.
            read.push(
                reader
                    .when("d", c.as_ref().map(|c| &c.value))
                    .map(|d| d.value),
            );
            read.push(reader.when("e", None).map(|d| d.value));
        });
        let date = Date {
            year: 2027,
            month: 3,
            day: 12,
        };
        let at = |hour, minute| When::At {
            date,
            time: Time {
                hour,
                minute,
                second: 0,
            },
            offset: Some(-4 * 3600),
        };
        assert_eq!(
            read,
            [
                Some(When::Day(date)),
                None,
                Some(at(10, 0)),
                Some(at(17, 30)),
                None
            ]
        );
        assert_eq!(
            lines(&diags),
            [
                "2:5 E005 `b` must be a date, or a date and a time, found a string (dates take no quotes) / write `b = 2027-03-12`, or with a time of day `b = 2027-03-12T09:00:00` (year-month-day, no quotes)",
                "5:5 E005 `e` is a time of day without its day / write the day before it: `e = 2027-03-12T17:30:00`",
            ]
        );
    }

    #[test]
    fn json_keeps_what_json_can_hold() {
        let text = "a = 1_000\nb = 2.5\nc = inf\nd = 99999999999999999999\n";
        let table = DeTable::parse(text).expect("valid TOML");
        let json = to_json(&DeValue::Table(table.into_inner()));
        assert_eq!(
            json,
            serde_json::json!({ "a": 1000, "b": 2.5, "c": null, "d": null })
        );
    }
}
