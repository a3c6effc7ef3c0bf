//! Typing front matter: each kind's fields, read from a span-keeping TOML
//! table, with an exact diagnostic for every unknown, missing or mistyped key.

use super::model::*;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::rules;
use crate::source::{SourceFile, Spanned};
use crate::toml_reader::{self, TableReader, TomlSource, TomlValue, as_table, type_name};
use toml::de::DeValue;

const COMMON: &[&str] = &["title", "summary", "draft", "weight", "extra"];

fn keys(kind: Kind, is_index: bool) -> Vec<&'static str> {
    let own: &[&str] = match (kind, is_index) {
        (_, true) | (Kind::Page, _) => &[],
        (Kind::Pathway, _) => &["organization", "outcome"],
        (Kind::Level, _) => &[
            "pathway",
            "order",
            "requires",
            "completion",
            "awards",
            "by_application",
            "duration",
        ],
        (Kind::Workshop, _) => &[
            "level",
            "requires",
            "duration",
            "topics",
            "audience",
            "offerings",
        ],
        (Kind::Requirement, _) => &["category", "unit", "valid_for", "providers"],
        (Kind::Credential, _) => &["issuer"],
    };
    COMMON.iter().chain(own).copied().collect()
}

/// Read the front matter `text`, found at `offset` in `file`.
pub(super) fn read(
    file: &SourceFile,
    text: &str,
    offset: usize,
    kind: Kind,
    is_index: bool,
    diags: &mut Diagnostics,
) -> Option<(Common, Details)> {
    let source = TomlSource { file, offset };
    let table = toml_reader::parse(file, text, offset, diags)?;
    let known = keys(kind, is_index);
    let what = if is_index {
        "a listing page's front matter".to_string()
    } else {
        format!("a {}'s front matter", kind.name())
    };
    // A missing field points at the opening `+++` line of the front matter.
    let fence_start = usize::from(file.text.starts_with('\u{feff}')) * 3;
    let mut reader = TableReader::new(source, table.get_ref(), table.span(), &what, &known, diags)
        .missing_at(fence_start..fence_start + 3);
    let common = read_common(&mut reader);
    let details = match (kind, is_index) {
        (_, true) | (Kind::Page, _) => Details::Page,
        (Kind::Pathway, _) => Details::Pathway(Pathway {
            organization: reader.string("organization"),
            outcome: reader.string("outcome"),
        }),
        (Kind::Level, _) => Details::Level(Level {
            pathway: reader.string("pathway"),
            order: reader.integer("order"),
            requires: expr(&mut reader, "requires"),
            completion: expr(&mut reader, "completion"),
            awards: reader.string("awards"),
            by_application: reader.bool("by_application").is_some_and(|b| b.value),
            duration: reader.string("duration").map(|d| d.value),
        }),
        (Kind::Workshop, _) => Details::Workshop(Workshop {
            level: reader.string("level"),
            requires: expr(&mut reader, "requires"),
            duration: reader.string("duration").map(|d| d.value),
            topics: plain_list(&mut reader, "topics"),
            audience: plain_list(&mut reader, "audience"),
            offerings: reader
                .tables("offerings")
                .into_iter()
                .filter_map(|table| offering(source, table, reader.diags))
                .collect(),
        }),
        (Kind::Requirement, _) => Details::Requirement(Requirement {
            category: category(&mut reader),
            unit: reader.string("unit").map(|u| u.value),
            valid_for: reader.string("valid_for").map(|v| v.value),
            providers: reader
                .tables("providers")
                .into_iter()
                .filter_map(|table| provider(source, table, reader.diags))
                .collect(),
        }),
        (Kind::Credential, _) => Details::Credential(Credential {
            issuer: reader.string("issuer"),
        }),
    };
    reader.finish();
    Some((common, details))
}

fn read_common(reader: &mut TableReader<'_, '_>) -> Common {
    let title = reader
        .required_string("title", "\"A short title\"")
        .unwrap_or_default();
    if title.value.trim().is_empty() && reader.get("title").is_some() {
        reader.diags.push(
            Diagnostic::error(Code::InvalidValue, "`title` is empty")
                .at(reader.file, title.span.clone())
                .with_help("give the page a title; it is its heading and its name in every link"),
        );
    }
    Common {
        title,
        summary: reader.string("summary").map(|s| s.value),
        draft: reader.bool("draft").is_some_and(|b| b.value),
        weight: reader.integer("weight").map_or(0, |w| w.value),
        extra: reader
            .table("extra")
            .map_or(serde_json::Value::Object(Default::default()), |t| {
                toml_reader::to_json(t.get_ref())
            }),
    }
}

fn expr(reader: &mut TableReader<'_, '_>, key: &str) -> Option<rules::Expr> {
    let value = reader.get(key)?;
    rules::parse(reader.source(), key, value, reader.diags)
}

fn plain_list(reader: &mut TableReader<'_, '_>, key: &str) -> Vec<String> {
    reader
        .string_list(key)
        .into_iter()
        .map(|s| s.value)
        .collect()
}

fn category(reader: &mut TableReader<'_, '_>) -> Option<Category> {
    let name = reader.string("category")?;
    if let Some((_, category)) = Category::ALL.iter().find(|(n, _)| *n == name.value) {
        return Some(*category);
    }
    let names = Category::ALL.map(|(n, _)| n);
    let help = match did_you_mean(&name.value, names) {
        Some(suggestion) => format!("did you mean \"{suggestion}\"?"),
        None => format!("use one of: {}", names.join(", ")),
    };
    reader.diags.push(
        Diagnostic::error(
            Code::InvalidValue,
            format!("unknown category \"{}\"", name.value),
        )
        .at(reader.file, name.span)
        .with_help(help),
    );
    None
}

const OFFERING_KEYS: &[&str] = &["start", "end", "location", "online", "register"];

fn offering(
    source: TomlSource<'_>,
    value: &TomlValue<'_>,
    diags: &mut Diagnostics,
) -> Option<Offering> {
    let table = as_table(value)?;
    let mut reader = TableReader::new(
        source,
        table,
        value.span(),
        "an offering",
        OFFERING_KEYS,
        diags,
    );
    let start = match reader.get("start") {
        Some(v) => date(&mut reader, "start", v),
        None => {
            let span = reader.whole_span();
            reader.diags.push(
                Diagnostic::error(Code::MissingField, "this offering has no `start` date")
                    .at(reader.file, span.start..span.start)
                    .with_help("add a line `start = 2027-03-12` (year-month-day, no quotes)"),
            );
            None
        }
    };
    let end = reader.get("end").and_then(|v| date(&mut reader, "end", v));
    // Every field is read, and unknown keys reported, before giving up on a
    // missing start: one run shows every problem.
    let location = reader.string("location").map(|l| l.value);
    let online = reader.bool("online").is_some_and(|b| b.value);
    let register = reader.string("register").map(|r| r.value);
    reader.finish();
    Some(Offering {
        start: start?,
        end,
        location,
        online,
        register,
    })
}

fn date(
    reader: &mut TableReader<'_, '_>,
    key: &str,
    value: &TomlValue<'_>,
) -> Option<Spanned<Date>> {
    let span = reader.span(value.span());
    if let DeValue::Datetime(datetime) = value.get_ref()
        && let (Some(d), None) = (datetime.date, datetime.time)
    {
        return Some(Spanned::new(
            Date {
                year: d.year,
                month: d.month,
                day: d.day,
            },
            span,
        ));
    }
    let found = match value.get_ref() {
        DeValue::Datetime(_) => "a date with a time",
        DeValue::String(_) => "a string (dates take no quotes)",
        other => type_name(other),
    };
    reader.diags.push(
        Diagnostic::error(
            Code::WrongType,
            format!("`{key}` must be a date, found {found}"),
        )
        .at(reader.file, span)
        .with_help(format!(
            "write `{key} = 2027-03-12` (year-month-day, no quotes)"
        )),
    );
    None
}

const PROVIDER_KEYS: &[&str] = &["name", "url"];

fn provider(
    source: TomlSource<'_>,
    value: &TomlValue<'_>,
    diags: &mut Diagnostics,
) -> Option<Provider> {
    let table = as_table(value)?;
    let mut reader = TableReader::new(
        source,
        table,
        value.span(),
        "a provider",
        PROVIDER_KEYS,
        diags,
    );
    let name = reader.required_string("name", "\"Who offers it\"");
    let url = reader.string("url").map(|u| u.value);
    reader.finish();
    Some(Provider {
        name: name?.value,
        url,
    })
}
