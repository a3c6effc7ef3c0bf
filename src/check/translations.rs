//! E026 (a translation that cannot be used) and W008 (pages not translated
//! yet). A translation carries words only; one with structure in it, with
//! no original beside it, or in a language site.toml does not list would
//! silently say something the site does not. An untranslated page is
//! normal while a translation is under way, so it is a warning, one per
//! language, listing the pages: readable at a glance whatever their number.

use super::CheckInput;
use crate::catalogue::Stray;
use crate::content::Translation;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::text;

/// How many untranslated pages a warning names before "and N more".
const NAMED: usize = 12;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    let config = &catalogue.config;
    let structure = |translation: &Translation, diags: &mut Diagnostics| {
        for key in &translation.extra_keys {
            diags.push(
                Diagnostic::error(
                    Code::Translation,
                    text!("translation_structure", key = &key.value),
                )
                .at(&translation.source, key.span.clone())
                .with_help(text!(
                    "translation_structure_help",
                    key = &key.value,
                    keys = crate::content::fields::TRANSLATION_KEYS.join(", ")
                )),
            );
        }
    };
    anchors(catalogue, diags);
    for ((id, _), translation) in &catalogue.translations {
        structure(translation, diags);
        links(catalogue, translation, diags);
        phrasebook(&catalogue[*id], translation, diags);
        // Made from words the original no longer has.
        if let Some(from) = &translation.translated_from {
            let now = crate::catalogue::words_fingerprint(&catalogue[*id]);
            if from.value != now {
                diags.push(
                    Diagnostic::warning(
                        Code::StaleTranslation,
                        text!(
                            "translation_stale",
                            original = catalogue[*id].source.path.trim_start_matches("content/")
                        ),
                    )
                    .at(&translation.source, from.span.clone())
                    .with_help(text!(
                        "translation_stale_help",
                        file = &translation.source.path
                    )),
                );
            }
        }
    }
    let tags: Vec<&str> = config.other_languages().map(|l| l.tag.as_str()).collect();
    for stray in &input.findings.stray_translations {
        let translation = &stray.translation;
        structure(translation, diags);
        let (message, help) = match stray.why {
            Stray::NoOriginal => (
                text!("translation_no_original", lang = &translation.lang),
                text!("translation_no_original_help"),
            ),
            Stray::Duplicate => (
                text!("translation_duplicate", lang = &translation.lang),
                text!("translation_duplicate_help"),
            ),
            Stray::DefaultLanguage => (
                text!("translation_default_language", lang = &translation.lang),
                text!("translation_default_language_help"),
            ),
            Stray::UnknownLanguage if tags.is_empty() => (
                text!("translation_unknown_language", lang = &translation.lang),
                text!(
                    "translation_no_languages_help",
                    lang = &translation.lang,
                    default = &config.language
                ),
            ),
            Stray::UnknownLanguage => (
                text!("translation_unknown_language", lang = &translation.lang),
                text!(
                    "translation_unknown_language_help",
                    lang = &translation.lang,
                    languages = tags.join(", ")
                ),
            ),
        };
        diags.push(
            Diagnostic::error(Code::Translation, message)
                .at(&translation.source, translation.title.span.clone())
                .with_help(help),
        );
    }
    for language in config.other_languages() {
        let untranslated: Vec<String> = catalogue
            .entities()
            .filter(|(id, _)| {
                !catalogue
                    .translations
                    .contains_key(&(*id, language.tag.clone()))
            })
            .map(|(_, doc)| doc.source.path.trim_start_matches("content/").to_string())
            .collect();
        if untranslated.is_empty() {
            continue;
        }
        let named = untranslated
            .iter()
            .take(NAMED)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        let files: crate::messages::Arg = if untranslated.len() > NAMED {
            text!("and_more", list = named, more = untranslated.len() - NAMED).into()
        } else {
            named.into()
        };
        diags.push(
            Diagnostic::warning(
                Code::Untranslated,
                text!(
                    "untranslated",
                    count = untranslated.len(),
                    language = &language.name
                ),
            )
            .at(&config.source, language.span.clone())
            .with_help(text!(
                "untranslated_help",
                files = files,
                lang = &language.tag
            )),
        );
    }
}

/// A translation's body is checked as its original's is: every `@id` link
/// names a page, and every address leads to the web.
fn links(
    catalogue: &crate::catalogue::Catalogue,
    translation: &Translation,
    diags: &mut Diagnostics,
) {
    for link in &translation.body.links {
        if catalogue.lookup(&link.id).is_some() {
            continue;
        }
        let help = match crate::diagnostics::did_you_mean(&link.id, catalogue.ids()) {
            Some(close) => text!("did_you_mean", suggestion = close),
            None => text!("translation_link_help"),
        };
        diags.push(
            Diagnostic::error(
                Code::Translation,
                text!("translation_link_unresolved", id = &link.id),
            )
            .at(&translation.source, link.span.clone())
            .with_help(help),
        );
    }
    for address in &translation.body.addresses {
        let target = address.target.trim();
        let scheme = target
            .split_once(':')
            .map(|(scheme, _)| scheme.to_ascii_lowercase())
            .unwrap_or_default();
        let allowed = if address.image {
            matches!(scheme.as_str(), "http" | "https")
                || target.to_ascii_lowercase().starts_with("data:image/")
        } else {
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        };
        if !allowed {
            diags.push(
                Diagnostic::error(
                    Code::Translation,
                    text!("translation_address", target = target),
                )
                .at(&translation.source, address.span.clone())
                .with_help(text!("translation_address_help")),
            );
        }
    }
}

/// Every heading a link elsewhere points into (`@level-3#how-to-apply`)
/// must be in the page's translations too, where the same link leads in
/// their language: a translated heading keeps its original's anchor with
/// `{#how-to-apply}`. Checked for links of originals and of translations.
fn anchors(catalogue: &crate::catalogue::Catalogue, diags: &mut Diagnostics) {
    let mut linked: Vec<(crate::catalogue::Id, String, String, Option<&str>)> = Vec::new();
    for (_, doc) in catalogue.entities() {
        for link in &doc.body.links {
            if let (Some(anchor), Some(target)) = (&link.anchor, catalogue.lookup(&link.id)) {
                linked.push((target, anchor.clone(), doc.source.path.clone(), None));
            }
        }
    }
    for ((_, lang), translation) in &catalogue.translations {
        for link in &translation.body.links {
            if let (Some(anchor), Some(target)) = (&link.anchor, catalogue.lookup(&link.id)) {
                linked.push((
                    target,
                    anchor.clone(),
                    translation.source.path.clone(),
                    Some(lang),
                ));
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for (target, anchor, from, only) in linked {
        for ((id, lang), translation) in &catalogue.translations {
            if *id != target || only.is_some_and(|l| l != lang) {
                continue;
            }
            let has = translation.body.headings.iter().any(|h| h.anchor == anchor);
            if has || !seen.insert((translation.source.path.clone(), anchor.clone())) {
                continue;
            }
            diags.push(
                Diagnostic::error(
                    Code::Translation,
                    text!("translation_anchor_missing", anchor = &anchor, from = &from),
                )
                .at(&translation.source, translation.title.span.clone())
                .with_help(text!("translation_anchor_missing_help", anchor = &anchor)),
            );
        }
    }
}

/// W011: a translation's `[words]` against its original's front matter: a
/// phrase of the original with no translation (shown in the original's
/// language on the translated page), and an entry that translates nothing
/// (a typo, or a phrase the original no longer has).
fn phrasebook(
    original: &crate::catalogue::Entity,
    translation: &Translation,
    diags: &mut Diagnostics,
) {
    let (needed, named) = crate::catalogue::original_phrases(original);
    let has = |phrase: &String| {
        translation.words.contains_key(phrase) || translation.word_forms.contains_key(phrase)
    };
    let missing: Vec<String> = needed
        .iter()
        .filter(|p| !has(p))
        .map(|p| format!("\"{p}\""))
        .collect();
    if !missing.is_empty() {
        diags.push(
            Diagnostic::warning(
                Code::UntranslatedWords,
                text!("translation_words_missing", count = missing.len()),
            )
            .at(&translation.source, translation.title.span.clone())
            .with_help(text!(
                "translation_words_missing_help",
                phrases = missing.join(", ")
            )),
        );
    }
    let unused: Vec<String> = translation
        .words
        .keys()
        .chain(translation.word_forms.keys())
        .filter(|key| !named.contains(key))
        .map(|key| format!("\"{key}\""))
        .collect();
    if !unused.is_empty() {
        diags.push(
            Diagnostic::warning(
                Code::UntranslatedWords,
                text!("translation_words_unused", count = unused.len()),
            )
            .at(&translation.source, translation.title.span.clone())
            .with_help(text!(
                "translation_words_unused_help",
                phrases = unused.join(", ")
            )),
        );
    }
}
