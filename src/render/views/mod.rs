//! What templates see: typed views of the resolved catalogue, each
//! borrowing what it shows, every reference already a title and URL, every
//! rule already in words ([`crate::phrases`]).
//!
//! A view is a `#[derive(Serialize)]` struct that the template engine
//! reads through serde (`minijinja::value::Serde`), with nothing between.
//! What many pages show (a level's rule, how an entity counts toward
//! others, a day in words) is made once per build into a template value,
//! which every page holding it shares. Each view holds only what its page
//! shows (never the whole catalogue), so building one costs the same
//! whatever the size of the site.

mod checklist;
mod listing;
mod offering;
mod page;
mod site;

pub use checklist::{
    checklist_data, checklist_key, checklist_rules_script, plan_goals, plural_templates,
    script_safe, script_safe_json,
};
pub use listing::Section;
pub use page::BarePage;
pub use site::{SiteView, TemplateWords, nav, urls};

use crate::catalogue::{Catalogue, Id, Ref};
use crate::content::{Date, Kind};
use crate::messages::{Messages, Word};
use crate::phrases::{Count, Phrases, Rule};
use crate::rules::Expr;
use minijinja::value::Serde;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// A value as the template engine holds it, made from a typed view.
pub fn engine_value(view: &impl Serialize) -> minijinja::Value {
    minijinja::Value::from(Serde(view))
}

/// The words of what many pages show, made once per build: a level's rule
/// is shown on its page, its pathway's page, the checklist and every one of
/// its workshops' pages. The trees that list a level pool's every
/// workshop (for the checklist's questions) are needed by one or two pages
/// each and built there, so a catalogue of thousands of workshops does not
/// keep them all in memory.
pub struct RuleWords {
    by_entity: Vec<EntityRules>,
    /// How each entity counts toward the rules of others ("Where it counts").
    counts: FxHashMap<Id, Vec<Count>>,
    /// Each distinct count in words: the workshops of one level share theirs
    /// ("Counts toward Level 2: choose 3 of 8 to finish").
    count_words: FxHashMap<Count, minijinja::Value>,
    /// Each day an offering starts or ends, in words ("12 March 2027"), and
    /// the register label of offerings starting then: a catalogue's
    /// thousands of offerings share a few hundred days.
    days: FxHashMap<Date, (String, String)>,
}

/// A level's rules in words.
#[derive(Default)]
struct EntityRules {
    requires: Option<Worded>,
    completion: Option<Worded>,
}

/// A rule in words: as data, on one line (for JSON-LD), and as the value
/// templates read, each made once.
pub struct Worded {
    pub rule: Rule,
    pub line: String,
    pub value: minijinja::Value,
}

impl Worded {
    fn new(phrases: &Phrases<'_>, rule: Rule) -> Worded {
        Worded {
            line: phrases.line(&rule),
            value: engine_value(&rule),
            rule,
        }
    }
}

/// A rule in words as a template value, or `none`.
fn rule_value(
    phrases: &Phrases<'_>,
    rule: Option<&Expr<Ref>>,
    with_pools: bool,
) -> minijinja::Value {
    rule.map_or(minijinja::Value::from(()), |e| {
        engine_value(&phrases.rule(e, with_pools))
    })
}

/// A shared value, or `none`.
fn shared(worded: Option<&Worded>) -> minijinja::Value {
    worded.map_or(minijinja::Value::from(()), |w| w.value.clone())
}

impl RuleWords {
    pub fn new(phrases: &Phrases<'_>) -> RuleWords {
        let by_entity = phrases
            .catalogue
            .entities()
            .map(|(_, doc)| {
                let mut entity = EntityRules::default();
                // A workshop's own rule is shown on its page alone: it is
                // worded there, not kept for the whole build.
                let Some(level) = doc.as_level() else {
                    return entity;
                };
                let worded = |e: &Expr<Ref>| Worded::new(phrases, phrases.rule(e, false));
                entity.requires = level.requires.as_ref().map(worded);
                entity.completion = level.completion.as_ref().map(worded);
                entity
            })
            .collect();
        let counts = crate::phrases::counts(phrases.catalogue);
        let mut count_words = FxHashMap::default();
        for count in counts.values().flatten() {
            count_words
                .entry(*count)
                .or_insert_with(|| engine_value(&phrases.count(count)));
        }
        let mut days = FxHashMap::default();
        for (_, doc) in phrases.catalogue.entities() {
            let Some(workshop) = doc.as_workshop() else {
                continue;
            };
            for offering in &workshop.offerings {
                let ends = offering.end.as_ref().map(|e| e.value.date());
                for day in std::iter::once(offering.start.value.date()).chain(ends) {
                    days.entry(day).or_insert_with(|| day_words(phrases, day));
                }
            }
        }
        RuleWords {
            by_entity,
            counts,
            count_words,
            days,
        }
    }

    fn of(&self, id: Id) -> &EntityRules {
        &self.by_entity[id.index()]
    }

    /// A level's `requires` in words, when it has one.
    pub fn requires(&self, level: Id) -> Option<&Worded> {
        self.of(level).requires.as_ref()
    }
}

/// A day in words, and the register label of an offering starting then.
fn day_words(phrases: &Phrases<'_>, day: Date) -> (String, String) {
    let text = phrases.date(day);
    let label = phrases
        .messages
        .text("workshop_register_for", &[("date", text.clone().into())]);
    (text, label)
}

/// What every view needs: the catalogue, its words, the build day.
#[derive(Clone, Copy)]
pub struct Views<'a> {
    pub catalogue: &'a Catalogue,
    pub phrases: Phrases<'a>,
    pub rules: &'a RuleWords,
    pub today: Date,
}

/// A link to a document: what cards and lists need.
#[derive(Serialize)]
pub struct Link<'a> {
    pub id: &'a str,
    pub kind: Kind,
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub url: String,
    /// Words nobody has translated yet: the link marks their language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words_lang: Option<&'a str>,
    /// The title's language where it is not the page's: untranslated, or
    /// a name a translation keeps in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<&'a str>,
}

/// An organization of site.toml.
#[derive(Serialize)]
pub struct Organization<'a> {
    key: &'a str,
    name: &'a str,
    /// The name's language, where it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    url: Option<&'a crate::source::Spanned<String>>,
}

/// A requirement's validity in words.
#[derive(Serialize)]
pub struct Validity {
    period: String,
    text: String,
    short: String,
}

impl<'a> Views<'a> {
    fn messages(&self) -> &'a Messages {
        self.phrases.messages
    }

    /// A link to a document.
    pub fn link_to(&self, id: Id) -> Link<'a> {
        let doc = &self.catalogue[id];
        Link {
            id: &doc.id,
            kind: doc.kind,
            title: &doc.common.title.value,
            summary: doc.common.summary.as_deref(),
            url: self.phrases.url(id),
            words_lang: doc.common.words_lang.as_deref(),
            title_lang: doc.common.title_language(),
        }
    }

    /// A link to a reference's entity.
    fn link_of(&self, reference: Option<&Ref>) -> Option<Link<'a>> {
        reference.map(|r| self.link_to(r.id))
    }

    fn links(&self, ids: &[Id]) -> Vec<Link<'a>> {
        ids.iter().map(|&i| self.link_to(i)).collect()
    }

    fn organization(&self, key: Option<&str>) -> Option<Organization<'a>> {
        let (key, found) = self.catalogue.config.organizations.get_key_value(key?)?;
        Some(Organization {
            key,
            name: &found.name,
            lang: found.name_lang.as_deref(),
            url: found.url.as_ref(),
        })
    }

    /// "Where it counts": each rule this entity is part of, in words.
    fn counts(&self, id: Id) -> Vec<minijinja::Value> {
        self.rules
            .counts
            .get(&id)
            .into_iter()
            .flatten()
            .map(|count| {
                self.rules
                    .count_words
                    .get(count)
                    .cloned()
                    .unwrap_or_default()
            })
            .collect()
    }

    /// A requirement's or a credential's validity in words, for its kind.
    fn valid_for(&self, id: Id) -> Option<Validity> {
        let doc = &self.phrases.catalogue[id];
        let valid_for = doc.valid_for()?;
        let category = match &doc.details {
            crate::content::Details::Requirement(r) => r.category.map_or("none", |c| c.name()),
            _ => "credential",
        };
        let period = self.phrases.period(&valid_for);
        Some(Validity {
            text: self.messages().text(
                "requirement_valid_for",
                &[
                    ("category", category.into()),
                    ("period", period.clone().into()),
                ],
            ),
            short: self
                .messages()
                .text("list_valid_for", &[("period", period.clone().into())]),
            period,
        })
    }

    /// A day in words, and the register label of an offering starting
    /// then: from the build's cache, worded here for a day it lacks.
    fn day(&self, d: Date) -> std::borrow::Cow<'a, (String, String)> {
        match self.rules.days.get(&d) {
            Some(words) => std::borrow::Cow::Borrowed(words),
            None => std::borrow::Cow::Owned(day_words(&self.phrases, d)),
        }
    }
}

/// A link in words (a title and its address), as rules show them.
fn word_link(phrases: &Phrases<'_>, reference: Option<&Ref>) -> Option<Word> {
    reference.map(|r| phrases.link(r.id))
}

mod indexed {
    /// Distinct values in the order first met, found by hash.
    pub(super) struct Distinct<T> {
        order: Vec<T>,
        seen: rustc_hash::FxHashSet<T>,
    }

    impl<T> Default for Distinct<T> {
        fn default() -> Self {
            Distinct {
                order: Vec::new(),
                seen: rustc_hash::FxHashSet::default(),
            }
        }
    }

    impl<T: std::hash::Hash + Eq + Clone> Distinct<T> {
        pub(super) fn add(&mut self, value: T) {
            if self.seen.insert(value.clone()) {
                self.order.push(value);
            }
        }

        pub(super) fn into_vec(self) -> Vec<T> {
            self.order
        }
    }
}
