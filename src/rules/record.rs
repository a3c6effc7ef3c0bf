//! Reading a person's record (what `cairn eligibility --profile` takes, and
//! what the checklist stores), checked against the catalogue:
//!
//! ```toml
//! completed = ["level-1", "consent-and-boundaries", "mental-health-first-aid"]
//! [measures]
//! on-set-hours = 320
//! [dates]
//! mental-health-first-aid = 2025-03-03
//! ```

use super::eval::Record;
use crate::catalogue::Catalogue;
use crate::content::Kind;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, SHOWN_OF_A_KIND, Severity, did_you_mean};
use crate::source::SourceFile;
use crate::text;
use crate::toml_reader::{self, TableReader, TomlSource, as_table};

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
        text!("table_record"),
        &mut diags,
    );
    let completed = reader.string_list("completed");
    let measures = reader.table("measures");
    let dates = reader.table("dates");

    let completable = |kind: Kind| {
        matches!(
            kind,
            Kind::Level | Kind::Workshop | Kind::Requirement | Kind::Credential
        )
    };
    // Past the first hundred unknown ids, they are only counted: a record
    // of a million typos is read in a moment, not judged id by id.
    let mut unknown_ids = 0;
    let mut unknown_id = |reader: &mut TableReader<'_, '_>, id: &str, span| {
        unknown_ids += 1;
        if unknown_ids <= SHOWN_OF_A_KIND {
            reader.report(unknown(file, catalogue, id, span));
        }
    };
    for id in completed {
        match catalogue.lookup(&id.value) {
            Some(entity) if completable(catalogue[entity].kind) => {
                record.completed.insert(entity);
            }
            Some(entity) => reader.error(
                Code::WrongKind,
                id.span,
                text!(
                    "record_not_completable",
                    id = &id.value,
                    kind = text!("kind_a", kind = catalogue[entity].kind.name())
                ),
                text!("record_not_completable_help"),
            ),
            None => unknown_id(&mut reader, &id.value, id.span),
        }
    }
    // The keys of `[measures]` are requirement ids, checked against the
    // catalogue rather than against a list of fields.
    for (key, value) in measures
        .and_then(as_table)
        .into_iter()
        .flat_map(|t| t.iter())
    {
        let id = key.get_ref().to_string();
        let key_span = reader.span(key.span());
        let Some(entity) = catalogue.lookup(&id) else {
            unknown_id(&mut reader, &id, key_span);
            continue;
        };
        let measured = catalogue[entity]
            .as_requirement()
            .is_some_and(|r| r.unit.is_some());
        if !measured {
            reader.error(
                Code::NotMeasured,
                key_span,
                text!("record_not_measured", id = &id),
                text!("record_not_measured_help"),
            );
            continue;
        }
        if let Some(amount) = reader.non_negative_number(
            value,
            text!("record_amount_subject", id = &id),
            text!("record_amount_help", id = &id),
        ) {
            record.measures.insert(entity, amount);
        }
    }
    // `[dates]`: the day each item was completed, by id; only what lapses
    // (`valid_for`) is judged by it, but any completed item may have one.
    for (key, value) in dates.and_then(as_table).into_iter().flat_map(|t| t.iter()) {
        let id = key.get_ref().to_string();
        let key_span = reader.span(key.span());
        let Some(entity) = catalogue.lookup(&id) else {
            unknown_id(&mut reader, &id, key_span);
            continue;
        };
        if let Some(day) = reader.day_value(value, &id) {
            record.dates.insert(entity, day);
        }
    }
    if unknown_ids > SHOWN_OF_A_KIND {
        reader.report(Diagnostic::more_of_a_kind(
            Code::UnresolvedReference,
            Severity::Error,
            unknown_ids - SHOWN_OF_A_KIND,
        ));
    }
    reader.finish();
    (record, diags)
}

fn unknown(
    file: &SourceFile,
    catalogue: &Catalogue,
    id: &str,
    span: crate::source::Span,
) -> Diagnostic {
    let help = match did_you_mean(id, catalogue.ids()) {
        Some(suggestion) => text!("did_you_mean", suggestion = suggestion),
        None => text!("record_unknown_id_help"),
    };
    Diagnostic::error(
        Code::UnresolvedReference,
        text!("record_unknown_id", id = id),
    )
    .at(file, span)
    .with_help(help)
}
