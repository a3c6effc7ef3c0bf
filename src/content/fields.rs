//! Typing front matter: each kind's fields, read from a span-keeping TOML
//! table, with an exact diagnostic for every unknown, missing or mistyped key.

use super::model::*;
use crate::diagnostics::{Code, Diagnostics, did_you_mean};
use crate::expr;
use crate::messages::Text;
use crate::source::{SourceFile, Spanned};
use crate::text;
use crate::toml_reader::{self, TableReader, TomlSource};

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
    let what = if is_index {
        text!("front_matter_of_listing")
    } else {
        text!("front_matter_of", kind = kind.name())
    };
    // A missing field points at the opening `+++` line of the front matter.
    let fence_start = usize::from(file.text.starts_with('\u{feff}')) * 3;
    let mut reader = TableReader::new(source, table.get_ref(), table.span(), what, diags)
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
            pool_noun: forms(&mut reader, "pool_noun", text!("example_pool_noun")),
        }),
        (Kind::Workshop, _) => Details::Workshop(Workshop {
            level: reader.string("level"),
            requires: expr(&mut reader, "requires"),
            duration: reader.string("duration").map(|d| d.value),
            topics: plain_list(&mut reader, "topics"),
            audience: plain_list(&mut reader, "audience"),
            open_to_all: reader.bool("open_to_all").is_some_and(|b| b.value),
            offerings: reader
                .tables("offerings")
                .into_iter()
                .filter_map(|table| offering(reader.nested(table, text!("table_offering"))?))
                .collect(),
        }),
        (Kind::Requirement, _) => Details::Requirement(Requirement {
            category: category(&mut reader),
            unit: forms(&mut reader, "unit", text!("example_unit")),
            valid_for: period(&mut reader, "valid_for"),
            discretionary: reader.bool("discretionary").is_some_and(|b| b.value),
            providers: reader
                .tables("providers")
                .into_iter()
                .filter_map(|table| provider(reader.nested(table, text!("table_provider"))?))
                .collect(),
        }),
        (Kind::Credential, _) => Details::Credential(Credential {
            issuer: reader.string("issuer"),
            valid_for: period(&mut reader, "valid_for"),
        }),
    };
    reader.finish();
    Some((common, details))
}

/// What a translation's front matter says.
pub(super) struct TranslationWords {
    pub title: Spanned<String>,
    /// The title's language, when it is kept in another (a proper name).
    pub title_lang: Option<String>,
    pub summary: Option<String>,
    pub words: std::collections::BTreeMap<String, String>,
    pub word_forms: std::collections::BTreeMap<String, Forms>,
    pub translated_from: Option<Spanned<String>>,
    pub extra_keys: Vec<Spanned<String>>,
}

/// The keys a translation's front matter may hold: words, and the hash of
/// the original's words it was made from.
pub(crate) const TRANSLATION_KEYS: [&str; 5] =
    ["title", "title_lang", "summary", "words", "translated_from"];

/// Read a translation's front matter `text`, found at `offset` in `file`.
/// Any key but its words is an error: structure lives in the original.
pub(super) fn read_translation(
    file: &SourceFile,
    text: &str,
    offset: usize,
    diags: &mut Diagnostics,
) -> Option<TranslationWords> {
    let source = TomlSource { file, offset };
    let table = toml_reader::parse(file, text, offset, diags)?;
    let fence_start = usize::from(file.text.starts_with('\u{feff}')) * 3;
    let mut reader = TableReader::new(
        source,
        table.get_ref(),
        table.span(),
        text!("front_matter_of_translation"),
        diags,
    )
    .missing_at(fence_start..fence_start + 3);
    let title = reader.required_string("title", text!("example_title"));
    if let Some(title) = &title
        && title.value.trim().is_empty()
    {
        reader.error(
            Code::InvalidValue,
            title.span.clone(),
            text!("empty_title"),
            text!("empty_title_help"),
        );
    }
    let summary = reader.string("summary").map(|s| s.value);
    let translated_from = reader.string("translated_from");
    // A title kept in another language (a proper name): pages mark it.
    let title_lang = language(&mut reader, "title_lang").map(|tag| tag.value);
    let mut words = std::collections::BTreeMap::new();
    let mut word_forms = std::collections::BTreeMap::new();
    if let Some(table) = reader.table("words") {
        for (key, value) in toml_reader::as_table(table)
            .into_iter()
            .flat_map(|t| t.iter())
        {
            match value.get_ref() {
                toml::de::DeValue::String(word) => {
                    words.insert(key.get_ref().to_string(), word.to_string());
                }
                // A word with its plural forms in this language:
                // "years" = { one = "an", other = "ans" }.
                toml::de::DeValue::Table(forms) => {
                    let mut other = None;
                    let mut by_category = Vec::new();
                    let mut valid = true;
                    for (category, form) in forms.iter() {
                        let name = category.get_ref().as_ref();
                        let known = Forms::CATEGORIES.iter().find(|c| **c == name);
                        match (known, form.get_ref()) {
                            (Some(&"other"), toml::de::DeValue::String(text)) => {
                                other = Some(text.to_string());
                            }
                            (Some(category), toml::de::DeValue::String(text)) => {
                                by_category.push((*category, text.to_string()));
                            }
                            _ => valid = false,
                        }
                    }
                    match other {
                        Some(other) if valid => {
                            word_forms
                                .insert(key.get_ref().to_string(), Forms { other, by_category });
                        }
                        _ => reader.error(
                            Code::WrongType,
                            reader.span(value.span()),
                            text!("translation_word_not_text", key = key.get_ref().as_ref()),
                            text!("translation_word_forms_help"),
                        ),
                    }
                }
                _ => reader.error(
                    Code::WrongType,
                    reader.span(value.span()),
                    text!("translation_word_not_text", key = key.get_ref().as_ref()),
                    text!("translation_word_not_text_help"),
                ),
            }
        }
    }
    // Anything else is structure (or a mistake), the original's alone:
    // recorded for the check of translations to explain (E026).
    let extra_keys = table
        .get_ref()
        .iter()
        .filter(|(key, _)| !TRANSLATION_KEYS.contains(&key.get_ref().as_ref()))
        .map(|(key, _)| Spanned::new(key.get_ref().to_string(), reader.span(key.span())))
        .collect();
    Some(TranslationWords {
        title: title?,
        title_lang,
        summary,
        words,
        word_forms,
        translated_from,
        extra_keys,
    })
}

fn read_common(reader: &mut TableReader<'_, '_>) -> Common {
    let title = reader
        .required_string("title", text!("example_title"))
        .unwrap_or_default();
    if title.value.trim().is_empty() && reader.get("title").is_some() {
        reader.error(
            Code::InvalidValue,
            title.span.clone(),
            text!("empty_title"),
            text!("empty_title_help"),
        );
    }
    Common {
        title,
        summary: reader.string("summary").map(|s| s.value),
        draft: reader.bool("draft").is_some_and(|b| b.value),
        weight: reader.integer("weight").map_or(0, |w| w.value),
        updated: updated(reader),
        extra: reader
            .table("extra")
            .map_or(serde_json::Value::Object(Default::default()), |t| {
                toml_reader::to_json(t.get_ref())
            }),
        words_lang: None,
        title_lang: None,
        aliases: aliases(reader),
    }
}

/// `aliases`: the page's old addresses, each a site path ("/old/path/",
/// a slash added at the end) or an old id ("old-id", the page's own folder
/// with that name), as site paths without their slashes ("old/path"); an
/// old id is kept as "@old-id" for the routes to place beside the page.
fn aliases(reader: &mut TableReader<'_, '_>) -> Vec<Spanned<String>> {
    let written = reader.string_list("aliases");
    let mut paths = Vec::new();
    for alias in written {
        let value = alias.value.trim();
        let path = match value.strip_prefix('/') {
            Some(path) => {
                let path = path.trim_end_matches('/');
                let sound = !path.is_empty()
                    && path.split('/').all(|part| {
                        !part.is_empty()
                            && part != "."
                            && part != ".."
                            && !part.contains(['?', '#', '\\', '%', '"', '<', '>'])
                    });
                sound.then(|| path.to_string())
            }
            None => crate::content::is_valid_id(value).then(|| format!("@{value}")),
        };
        match path {
            Some(path) => paths.push(Spanned::new(path, alias.span)),
            None => reader.error(
                Code::InvalidValue,
                alias.span.clone(),
                text!("alias_invalid", alias = &alias.value),
                text!("alias_invalid_help"),
            ),
        }
    }
    paths
}

/// `updated = 2027-03-12`: a day, not a time.
fn updated(reader: &mut TableReader<'_, '_>) -> Option<Date> {
    let written = reader.when("updated", None)?;
    match written.value {
        When::Day(day) => Some(day),
        When::At { .. } => {
            reader.error(
                Code::WrongType,
                written.span,
                text!("updated_is_a_day"),
                text!("updated_is_a_day_help"),
            );
            None
        }
    }
}

fn expr(reader: &mut TableReader<'_, '_>, key: &'static str) -> Option<expr::Expr> {
    let value = reader.get(key)?;
    expr::parse_rule(reader, key, value)
}

fn plain_list(reader: &mut TableReader<'_, '_>, key: &'static str) -> Vec<String> {
    reader
        .string_list(key)
        .into_iter()
        .map(|s| s.value)
        .collect()
}

/// A word with its plural forms: a string, or a table of forms by CLDR
/// plural category with at least `other`.
fn forms(reader: &mut TableReader<'_, '_>, key: &'static str, example: Text) -> Option<Forms> {
    let value = reader.get(key)?;
    if let toml::de::DeValue::String(word) = value.get_ref() {
        return Some(Forms::plain(word.to_string()));
    }
    let Some(mut forms) = reader.nested(value, format!("`{key}`")) else {
        // Neither a string nor a table: the string reader says so.
        reader.string(key);
        return None;
    };
    let mut by_category = Vec::new();
    for category in Forms::CATEGORIES.into_iter().filter(|c| *c != "other") {
        if let Some(word) = forms.string(category) {
            by_category.push((category, word.value));
        }
    }
    let other = forms.required_string("other", example);
    forms.finish();
    Some(Forms {
        other: other?.value,
        by_category,
    })
}

/// A period such as "3 years".
fn period(reader: &mut TableReader<'_, '_>, key: &'static str) -> Option<Period> {
    let text = reader.string(key)?;
    let period = Period::parse(&text.value);
    if period.is_none() {
        reader.error(
            Code::InvalidValue,
            text.span,
            text!("invalid_period", key = key, value = &text.value),
            text!("invalid_period_help"),
        );
    }
    period
}

fn category(reader: &mut TableReader<'_, '_>) -> Option<Category> {
    let name = reader.string("category")?;
    if let Some((_, category)) = Category::ALL.iter().find(|(n, _)| *n == name.value) {
        return Some(*category);
    }
    let names = Category::ALL.map(|(n, _)| n);
    let help = match did_you_mean(&name.value, names) {
        Some(suggestion) => text!("did_you_mean", suggestion = suggestion),
        None => text!("unknown_category_help", names = names.join(", ")),
    };
    reader.error(
        Code::InvalidValue,
        name.span,
        text!("unknown_category", name = &name.value),
        help,
    );
    None
}

fn offering(mut reader: TableReader<'_, '_>) -> Option<Offering> {
    let start = reader.when("start", None);
    let id = reader.string("id").and_then(|id| {
        let plain = !id.value.is_empty()
            && id
                .value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if plain {
            return Some(id);
        }
        reader.error(
            Code::InvalidValue,
            id.span,
            text!("offering_id_not_plain", id = &id.value),
            text!("offering_id_not_plain_help"),
        );
        None
    });
    if reader.get("start").is_none() {
        let start_of_table = reader.whole_span().start;
        reader.error(
            Code::MissingField,
            start_of_table..start_of_table,
            text!("offering_without_start"),
            text!("offering_without_start_help"),
        );
    }
    // An end written as a time alone is on the start's day; it takes the
    // start's written offset only when no time zone is named, for in a
    // named zone the offset may change between the two (a clock change).
    let time_zone = reader.string("time_zone");
    let same_day = start.as_ref().map(|s| match s.value {
        When::At { date, time, .. } if time_zone.is_some() => When::At {
            date,
            time,
            offset: None,
        },
        other => other,
    });
    let end = reader.when("end", same_day.as_ref());
    // Every field is read, and unknown keys reported, before giving up on a
    // missing start: one run shows every problem.
    let location = reader.string("location").map(|l| l.value);
    let online = reader.bool("online").is_some_and(|b| b.value);
    let register = reader.string("register");
    let price = price(&mut reader);
    let language = language(&mut reader, "language");
    let status = status(&mut reader);
    let deadline = reader.when("deadline", None);
    let note = reader.string("note").map(|n| n.value);
    reader.finish();
    Some(Offering {
        id,
        start: start?,
        end,
        time_zone,
        location,
        online,
        register,
        price,
        language,
        status,
        deadline,
        note,
    })
}

/// `price = "free"`, `price = 450` (in the site's currency) or
/// `price = { amount = 450, currency = "CAD" }`.
fn price(reader: &mut TableReader<'_, '_>) -> Option<Spanned<Price>> {
    let value = reader.get("price")?;
    let span = reader.span(value.span());
    match value.get_ref() {
        toml::de::DeValue::String(word) if word.as_ref() == "free" => {
            Some(Spanned::new(Price::Free, span))
        }
        toml::de::DeValue::Table(_) => {
            let mut table = reader.nested(value, text!("table_price"))?;
            let amount = table.amount("amount");
            if table.get("amount").is_none() {
                table.error(
                    Code::MissingField,
                    span.clone(),
                    text!(
                        "missing_field",
                        table = text!("table_price"),
                        key = "amount"
                    ),
                    text!("missing_field_help", key = "amount", example = "450"),
                );
            }
            let currency = table.string("currency");
            table.finish();
            Some(Spanned::new(
                Price::Amount {
                    amount: amount?.value,
                    currency,
                },
                span,
            ))
        }
        toml::de::DeValue::Integer(_) | toml::de::DeValue::Float(_) => {
            let amount = reader.amount("price")?;
            Some(Spanned::new(
                Price::Amount {
                    amount: amount.value,
                    currency: None,
                },
                span,
            ))
        }
        _ => {
            reader.error(
                Code::WrongType,
                span,
                text!("wrong_type_price"),
                text!("wrong_type_price_help"),
            );
            None
        }
    }
}

/// A BCP 47 language tag (`en`, `fr-CA`) at `key`, as `<html lang>` takes it.
fn language(reader: &mut TableReader<'_, '_>, key: &'static str) -> Option<Spanned<String>> {
    let tag = reader.string(key)?;
    if tag.value.parse::<unic_langid::LanguageIdentifier>().is_ok() && !tag.value.is_empty() {
        return Some(tag);
    }
    reader.error(
        Code::InvalidValue,
        tag.span,
        text!("not_a_language", tag = &tag.value),
        text!("not_a_language_help"),
    );
    None
}

fn status(reader: &mut TableReader<'_, '_>) -> Status {
    let Some(written) = reader.string("status") else {
        return Status::default();
    };
    if let Some((_, status)) = Status::ALL.iter().find(|(name, _)| *name == written.value) {
        return *status;
    }
    let names: Vec<&str> = Status::ALL.iter().map(|(name, _)| *name).collect();
    let help = match did_you_mean(&written.value, names.iter().copied()) {
        Some(name) => text!("did_you_mean", suggestion = name),
        None => text!("status_help", names = names.join(", ")),
    };
    reader.error(
        Code::InvalidValue,
        written.span,
        text!("unknown_status", name = &written.value),
        help,
    );
    Status::default()
}

fn provider(mut reader: TableReader<'_, '_>) -> Option<Provider> {
    let name = reader.required_string("name", text!("example_provider_name"));
    let url = reader.string("url");
    reader.finish();
    Some(Provider {
        name: name?.value,
        url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The help for an unknown key far from every known one: the list of
    /// keys `kind`'s front matter accepts, in the order they are read.
    fn accepted(kind: Kind, is_index: bool) -> Option<String> {
        let text = "title = \"T\"\nzzzzzzzz = 1\n";
        let file = SourceFile::new("content/x.md", format!("+++\n{text}+++\n"));
        let mut diags = Diagnostics::default();
        read(&file, text, 4, kind, is_index, &mut diags);
        assert_eq!(diags.0.len(), 1, "{diags:?}");
        diags.0[0].help_text(&crate::report::cli_messages())
    }

    #[test]
    fn each_kind_accepts_the_keys_it_reads() {
        let common = "title, summary, draft, weight, updated, extra, aliases";
        let cases = [
            (
                Kind::Page,
                true,
                "a listing page's front matter accepts: COMMON",
            ),
            (Kind::Page, false, "a page's front matter accepts: COMMON"),
            (
                Kind::Pathway,
                false,
                "a pathway's front matter accepts: COMMON, organization, outcome",
            ),
            (
                Kind::Level,
                false,
                "a level's front matter accepts: COMMON, pathway, order, requires, completion, awards, by_application, duration, pool_noun",
            ),
            (
                Kind::Workshop,
                false,
                "a workshop's front matter accepts: COMMON, level, requires, duration, topics, audience, open_to_all, offerings",
            ),
            (
                Kind::Requirement,
                false,
                "a requirement's front matter accepts: COMMON, category, unit, valid_for, discretionary, providers",
            ),
            (
                Kind::Credential,
                false,
                "a credential's front matter accepts: COMMON, issuer, valid_for",
            ),
        ];
        for (kind, is_index, expected) in cases {
            assert_eq!(
                accepted(kind, is_index).as_deref(),
                Some(expected.replace("COMMON", common).as_str()),
                "{kind:?}"
            );
        }
    }
}
