//! A language's view of the catalogue: the same entities, rules and
//! structure, with each translated entity's words in that language. What
//! nobody has translated keeps the original's words and says so
//! (`Common::words_lang`), for the page to mark them and show a notice.

use super::{Catalogue, Entity, Ref};
use crate::content::{Details, Document, Forms, Translation};
use crate::expr::{Expr, ExprKind};

impl Catalogue {
    /// The catalogue as the site in `lang` shows it.
    pub fn in_language(&self, lang: &str) -> Catalogue {
        let mut view = self.clone();
        let original = std::mem::replace(&mut view.config.language, lang.to_string());
        view.config.default_title = Some(self.config.title.clone());
        // site.toml's own words, in this language where it gives them.
        if let Some(language) = self.config.languages.iter().find(|l| l.tag == lang) {
            if let Some(title) = &language.title {
                view.config.title = title.clone();
            }
            if language.checklist.title.is_some() {
                view.config.checklist.title = language.checklist.title.clone();
            }
            if language.checklist.intro.is_some() {
                view.config.checklist.intro = language.checklist.intro.clone();
            }
        }
        // A name this language does not give stays the original's, marked so.
        let names = self
            .config
            .languages
            .iter()
            .find(|l| l.tag == lang)
            .map(|l| &l.organizations);
        for (key, organization) in view.config.organizations.iter_mut() {
            match names.and_then(|names| names.get(key)) {
                Some(name) => organization.name = name.clone(),
                None if lang != original => organization.name_lang = Some(original.clone()),
                None => {}
            }
        }
        for (id, doc) in view.documents.iter_mut().enumerate() {
            match self
                .translations
                .get(&(super::Id::new(id), lang.to_string()))
            {
                Some(translation) => translate(doc, translation, self),
                None => doc.common.words_lang = Some(original.clone()),
            }
        }
        // Lists in this language's alphabetical order.
        super::sort_indexes(&mut view);
        view
    }
}

/// Put a translation's words in place of the original's.
fn translate(doc: &mut Document<Ref>, translation: &Translation, catalogue: &Catalogue) {
    let words = &translation.words;
    let word = |text: &mut String| {
        if let Some(translated) = words.get(text.as_str()) {
            *text = translated.clone();
        }
    };
    let forms = |forms: &mut Forms| {
        // The language's own forms, when the translation gives them.
        if let Some(translated) = translation.word_forms.get(&forms.other) {
            *forms = translated.clone();
            return;
        }
        word(&mut forms.other);
        for (_, form) in &mut forms.by_category {
            word(form);
        }
    };
    doc.common.title.value = translation.title.value.clone();
    doc.common.title_lang = translation.title_lang.clone();
    if translation.summary.is_some() {
        doc.common.summary = translation.summary.clone();
    }
    doc.body = translation.body.clone().resolve(|name| {
        Some(Ref {
            id: catalogue.lookup(&name.value)?,
            span: name.span.clone(),
        })
    });
    match &mut doc.details {
        Details::Level(level) => {
            for rule in [&mut level.requires, &mut level.completion]
                .into_iter()
                .flatten()
            {
                notes(rule, &word);
            }
            if let Some(duration) = &mut level.duration {
                word(duration);
            }
            if let Some(noun) = &mut level.pool_noun {
                forms(noun);
            }
        }
        Details::Workshop(workshop) => {
            if let Some(rule) = &mut workshop.requires {
                notes(rule, &word);
            }
            if let Some(duration) = &mut workshop.duration {
                word(duration);
            }
            workshop.topics.iter_mut().for_each(word);
            workshop.audience.iter_mut().for_each(word);
            for offering in &mut workshop.offerings {
                if let Some(location) = &mut offering.location {
                    word(location);
                }
                if let Some(note) = &mut offering.note {
                    word(note);
                }
            }
        }
        Details::Requirement(requirement) => {
            if let Some(unit) = &mut requirement.unit {
                forms(unit);
            }
            for provider in &mut requirement.providers {
                word(&mut provider.name);
            }
        }
        Details::Pathway(_) | Details::Credential(_) | Details::Page => {}
    }
}

/// Every note of a rule, in the translation's words.
fn notes(expr: &mut Expr<Ref>, word: &impl Fn(&mut String)) {
    if let Some(note) = &mut expr.note {
        word(note);
    }
    if let ExprKind::All(children) | ExprKind::Any(children) = &mut expr.kind {
        for child in children {
            notes(child, word);
        }
    }
}

/// The fingerprint of an original's words, which a translation records
/// (`translated_from`) when it is made or reviewed: its title, summary and
/// Markdown body, and every word of its front matter a translation's
/// `[words]` can hold. Words only: a change of structure (a rule, an
/// order, a date) leaves every translation current. 16 hexadecimal digits.
pub fn words_fingerprint(doc: &Entity) -> String {
    let mut words: Vec<String> = vec![
        doc.common.title.value.clone(),
        doc.common.summary.clone().unwrap_or_default(),
    ];
    // The body as a reader reads it: its text, without markup, comments
    // or the way lines are wrapped, so that re-wrapping a paragraph or
    // writing `_a_` for `*a*` changes nothing.
    words.push(readable_text(&doc.body.html));
    let (_, phrases) = original_phrases(doc);
    words.extend(phrases);
    let hash = words
        .join("\u{1f}")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

/// The text of some HTML: tags and comments dropped, runs of white space
/// made one space.
fn readable_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        text.push(' ');
        let after = &rest[at..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|e| e + 3)
        } else {
            after.find('>').map(|e| e + 1)
        };
        rest = &after[end.unwrap_or(after.len())..];
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of an original's front matter a translation's `[words]`
/// holds: those it must translate (a unit or pool noun by its `other`
/// form, which a translation may give with its own forms), and every one
/// it may name (every form included), each sorted, without repeats.
pub fn original_phrases(doc: &Entity) -> (Vec<String>, Vec<String>) {
    let mut needed: Vec<String> = Vec::new();
    let mut phrases: Vec<String> = Vec::new();
    let forms = |forms: &Forms, into: &mut Vec<String>, needed: &mut Vec<String>| {
        needed.push(forms.other.clone());
        into.push(forms.other.clone());
        into.extend(forms.by_category.iter().map(|(_, f)| f.clone()));
    };
    let notes_of = |expr: &Expr<Ref>, into: &mut Vec<String>| {
        expr.walk(&mut |e| into.extend(e.note.clone()));
    };
    let mut plain: Vec<String> = Vec::new();
    match &doc.details {
        Details::Level(level) => {
            for rule in [&level.requires, &level.completion].into_iter().flatten() {
                notes_of(rule, &mut plain);
            }
            plain.extend(level.duration.clone());
            if let Some(noun) = &level.pool_noun {
                forms(noun, &mut phrases, &mut needed);
            }
        }
        Details::Workshop(workshop) => {
            if let Some(rule) = &workshop.requires {
                notes_of(rule, &mut plain);
            }
            plain.extend(workshop.duration.clone());
            plain.extend(workshop.topics.iter().cloned());
            plain.extend(workshop.audience.iter().cloned());
            for offering in &workshop.offerings {
                plain.extend(offering.location.clone());
                plain.extend(offering.note.clone());
            }
        }
        Details::Requirement(requirement) => {
            if let Some(unit) = &requirement.unit {
                forms(unit, &mut phrases, &mut needed);
            }
            plain.extend(requirement.providers.iter().map(|p| p.name.clone()));
        }
        Details::Pathway(_) | Details::Credential(_) | Details::Page => {}
    }
    needed.extend(plain.iter().cloned());
    phrases.extend(plain);
    for list in [&mut needed, &mut phrases] {
        list.sort();
        list.dedup();
    }
    (needed, phrases)
}
