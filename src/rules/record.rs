//! Reading a person's record (what `cairn eligibility --profile` takes, and
//! what the checklist stores), checked against the catalogue:
//!
//! ```toml
//! completed = ["level-1", "consent-and-boundaries", "mental-health-first-aid"]
//! [measures]
//! on-set-hours = 320
//! ```

use super::eval::Record;
use crate::catalogue::Catalogue;
use crate::content::Kind;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::source::SourceFile;
use crate::toml_reader::{self, TableReader, TomlSource, as_table, type_name};
use toml::de::DeValue;

/// Parse and check a record. Every id must exist; a measure must name a
/// requirement with a `unit`. Problems are diagnostics, never ignored.
pub fn read(file: &SourceFile, catalogue: &Catalogue) -> (Record, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut record = Record::default();
    let offset = usize::from(file.text.starts_with('\u{feff}')) * 3;
    let Some(table) = toml_reader::parse(file, &file.text[offset..], offset, &mut diags) else {
        return (record, diags);
    };
    let source = TomlSource { file, offset };
    let mut reader = TableReader::new(
        source,
        table.get_ref(),
        table.span(),
        "a record",
        &["completed", "measures"],
        &mut diags,
    );
    let completed = reader.string_list("completed");
    let measures_ok = reader.table("measures").is_some();
    reader.finish();
    let measures = table.get_ref().get("measures").filter(|_| measures_ok);

    let completable = |kind: Kind| {
        matches!(
            kind,
            Kind::Level | Kind::Workshop | Kind::Requirement | Kind::Credential
        )
    };
    for id in completed {
        match catalogue.lookup(&id.value) {
            Some(entity) if completable(catalogue[entity].kind) => {
                record.completed.insert(entity);
            }
            Some(entity) => diags.push(
                Diagnostic::error(
                    Code::WrongKind,
                    format!(
                        "\"{}\" is a {}, which cannot be completed",
                        id.value,
                        catalogue[entity].kind.name()
                    ),
                )
                .at(file, id.span)
                .with_help("list levels, workshops, requirements and credentials"),
            ),
            None => diags.push(unknown(file, catalogue, &id.value, id.span)),
        }
    }
    for (key, value) in measures
        .and_then(as_table)
        .into_iter()
        .flat_map(|t| t.iter())
    {
        let id = key.get_ref().to_string();
        let key_span = key.span().start + offset..key.span().end + offset;
        let value_span = value.span().start + offset..value.span().end + offset;
        let entity = match catalogue.lookup(&id) {
            None => {
                diags.push(unknown(file, catalogue, &id, key_span));
                continue;
            }
            Some(entity) => entity,
        };
        match catalogue[entity].as_requirement() {
            Some(r) if r.unit.is_some() => {}
            _ => {
                diags.push(
                    Diagnostic::error(Code::NotMeasured, format!("\"{id}\" is not a measured requirement, so it has no amount"))
                        .at(file, key_span)
                        .with_help("measures are for requirements with a `unit` (hours, years, credits…); list the id under `completed` instead"),
                );
                continue;
            }
        }
        let amount = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match amount {
            Some(amount) if amount.is_finite() && amount >= 0.0 => {
                record.measures.insert(entity, amount);
            }
            _ => diags.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    format!(
                        "the amount of \"{id}\" must be a number of zero or more, found {}",
                        type_name(value.get_ref())
                    ),
                )
                .at(file, value_span)
                .with_help(format!("write it like `{id} = 300`")),
            ),
        }
    }
    (record, diags)
}

fn unknown(
    file: &SourceFile,
    catalogue: &Catalogue,
    id: &str,
    span: crate::source::Span,
) -> Diagnostic {
    let help = match did_you_mean(id, catalogue.ids()) {
        Some(suggestion) => format!("did you mean \"{suggestion}\"?"),
        None => "ids are the file names of the catalogue's Markdown files; see catalogue.json for the list".to_string(),
    };
    Diagnostic::error(
        Code::UnresolvedReference,
        format!("the record names \"{id}\", which is not in the catalogue"),
    )
    .at(file, span)
    .with_help(help)
}
