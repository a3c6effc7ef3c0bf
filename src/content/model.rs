//! The typed content model: what one Markdown file under `content/` says,
//! after its front matter is read and its body is turned into HTML.

use crate::expr::{Expr, Name};
use crate::source::{SourceFile, Spanned};
// Values as written live below the content (`values`); they are part of
// what a document holds, so they are named here too.
pub use crate::values::{Amount, Date, Time, When};

/// The kinds of content, decided by the folder a file sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pathway,
    Level,
    Workshop,
    Requirement,
    Credential,
    Page,
}

impl Kind {
    /// The catalogue kinds, in the order the site presents them.
    pub const CATALOGUE: [Kind; 5] = [
        Kind::Pathway,
        Kind::Level,
        Kind::Workshop,
        Kind::Requirement,
        Kind::Credential,
    ];

    /// The folder under `content/` (and URL segment) of a catalogue kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Pathway => "pathways",
            Kind::Level => "levels",
            Kind::Workshop => "workshops",
            Kind::Requirement => "requirements",
            Kind::Credential => "credentials",
            Kind::Page => "",
        }
    }

    pub fn from_folder(folder: &str) -> Option<Kind> {
        Kind::CATALOGUE
            .into_iter()
            .find(|kind| kind.folder() == folder)
    }

    /// Singular name, for messages and templates.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pathway => "pathway",
            Kind::Level => "level",
            Kind::Workshop => "workshop",
            Kind::Requirement => "requirement",
            Kind::Credential => "credential",
            Kind::Page => "page",
        }
    }
}

/// One content file, read and typed. `R` is what a reference to another
/// entity is: a [`Name`] as loaded, a resolved handle in the catalogue.
#[derive(Debug, Clone)]
pub struct Document<R = Name> {
    /// The file stem; unique across the catalogue. Empty for `_index.md`.
    pub id: String,
    pub kind: Kind,
    /// For pages and listings: the URL path below the site root, without
    /// slashes at either end ("" for the home page, "help/faq").
    pub path: String,
    /// True for a folder's `_index.md`: the listing page's title and prose.
    pub is_index: bool,
    pub source: SourceFile,
    pub common: Common,
    pub body: Body<R>,
    pub details: Details<R>,
}

impl<R> Document<R> {
    /// The rules this document states itself, with the field that holds
    /// each: a level's `requires` and `completion`, a workshop's own
    /// `requires`. The one walk over an entity's rules.
    pub fn rules(&self) -> impl Iterator<Item = (&'static str, &Expr<R>)> {
        let (requires, completion) = match &self.details {
            Details::Level(level) => (level.requires.as_ref(), level.completion.as_ref()),
            Details::Workshop(workshop) => (workshop.requires.as_ref(), None),
            _ => (None, None),
        };
        requires
            .map(|e| ("requires", e))
            .into_iter()
            .chain(completion.map(|e| ("completion", e)))
    }

    pub fn as_level(&self) -> Option<&Level<R>> {
        match &self.details {
            Details::Level(level) => Some(level),
            _ => None,
        }
    }

    pub fn as_workshop(&self) -> Option<&Workshop<R>> {
        match &self.details {
            Details::Workshop(workshop) => Some(workshop),
            _ => None,
        }
    }

    pub fn as_requirement(&self) -> Option<&Requirement> {
        match &self.details {
            Details::Requirement(requirement) => Some(requirement),
            _ => None,
        }
    }

    /// How long a requirement or a credential holds from the day it was
    /// met or last renewed (`valid_for`); `None` for what never lapses.
    pub fn valid_for(&self) -> Option<Period> {
        match &self.details {
            Details::Requirement(requirement) => requirement.valid_for,
            Details::Credential(credential) => credential.valid_for,
            _ => None,
        }
    }
}

/// Fields every kind has.
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub title: Spanned<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub weight: i64,
    /// When its content last changed, as the organizer says: what feeds
    /// and calendars give as its date, so that they change only with it.
    pub updated: Option<Date>,
    /// Free data for templates (`[extra]`).
    pub extra: serde_json::Value,
    /// In a language's view of the catalogue, the language its words are
    /// really in, when nobody has translated them yet (`None`: the view's).
    pub words_lang: Option<String>,
    /// Addresses the page had before it was renamed or moved (`aliases`),
    /// each a site path ("/old/path/"): a redirect page answers at each.
    pub aliases: Vec<Spanned<String>>,
    /// In a language's view, the language its title is in when a
    /// translation keeps it in another (`title_lang`: a proper name such as
    /// "Ally Foundations Certificate" on a French page).
    pub title_lang: Option<String>,
}

impl Common {
    /// The language a page marks its title with: the title's own, else that
    /// of words nobody has translated yet.
    pub fn title_language(&self) -> Option<&str> {
        self.title_lang.as_deref().or(self.words_lang.as_deref())
    }
}

/// A body rendered to HTML, with what checks need to know about it.
#[derive(Debug, Clone)]
pub struct Body<R = Name> {
    /// HTML in which `@id` links are still symbolic (`href="@level-2#goals"`);
    /// the render stage turns them into URLs.
    pub html: String,
    /// Its words as plain text, for the search index; empty when the site
    /// has no search (`[search] enabled = false`), since nothing reads them.
    pub words: String,
    pub headings: Vec<Heading>,
    pub links: Vec<EntityLink>,
    /// Links and images to files of the site itself (`/files/a.pdf`, `photo.jpg`).
    pub local_refs: Vec<LocalRef>,
    /// Links and images with a scheme (`https:`, `mailto:`, `javascript:`…),
    /// in Markdown or in raw HTML: checked for where they may lead.
    pub addresses: Vec<Address>,
    /// Where render writes addresses into `html`, in order: found once, as
    /// the body is read; their targets resolved with the rest of the
    /// catalogue.
    pub rewrites: Vec<Rewrite<R>>,
}

/// A place in a body's HTML that render rewrites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite<R = Name> {
    /// Bytes of [`Body::html`]: an `@id` link's `@id`, which its page's URL
    /// replaces; the empty range where a root-relative address starts,
    /// where the site's base path (and language) go.
    pub at: std::ops::Range<usize>,
    pub target: RewriteTarget<R>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RewriteTarget<R = Name> {
    /// An `@id` link's entity.
    Entity(R),
    /// An `@id` that names no entity: reported by the checks, and written
    /// as `#` should rendering go on (`cairn serve` after an error).
    Unknown,
    /// A root-relative address (`/checklist/`), its path without `?query`
    /// or `#fragment`.
    Root(String),
}

impl<R> Body<R> {
    /// The same body with its `@id` links' entities resolved by `resolve`
    /// (`None`: no such entity).
    pub fn resolve<S>(self, mut resolve: impl FnMut(&R) -> Option<S>) -> Body<S> {
        let rewrites = self
            .rewrites
            .into_iter()
            .map(|rewrite| Rewrite {
                at: rewrite.at,
                target: match rewrite.target {
                    RewriteTarget::Entity(name) => {
                        resolve(&name).map_or(RewriteTarget::Unknown, RewriteTarget::Entity)
                    }
                    RewriteTarget::Unknown => RewriteTarget::Unknown,
                    RewriteTarget::Root(path) => RewriteTarget::Root(path),
                },
            })
            .collect();
        Body {
            html: self.html,
            words: self.words,
            headings: self.headings,
            links: self.links,
            local_refs: self.local_refs,
            addresses: self.addresses,
            rewrites,
        }
    }
}

/// A link or image to an address with a scheme, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub target: String,
    pub image: bool,
    pub span: crate::source::Span,
}

/// A Markdown link or image pointing inside the site rather than at an
/// entity or another site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalRef {
    /// As written, without any `#fragment` or `?query`.
    pub target: String,
    pub image: bool,
    pub span: crate::source::Span,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub anchor: String,
    pub text: String,
}

/// A Markdown link to an entity: `[text](@id)` or `[text](@id#anchor)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityLink {
    pub id: String,
    pub anchor: Option<String>,
    pub span: crate::source::Span,
}

/// The fields of each kind.
#[derive(Debug, Clone)]
pub enum Details<R = Name> {
    Page,
    Pathway(Pathway<R>),
    Level(Level<R>),
    Workshop(Workshop<R>),
    Requirement(Requirement),
    Credential(Credential),
}

#[derive(Debug, Clone)]
pub struct Pathway<R = Name> {
    /// A key of `[organizations]` in site.toml (once resolved, one that exists).
    pub organization: Option<Spanned<String>>,
    /// The credential the pathway leads to.
    pub outcome: Option<R>,
}

#[derive(Debug, Clone)]
pub struct Level<R = Name> {
    pub pathway: Option<R>,
    pub order: Option<Spanned<i64>>,
    /// What it takes to start.
    pub requires: Option<Expr<R>>,
    /// What it takes to finish; without it, a level is done when a record lists it.
    pub completion: Option<Expr<R>>,
    pub awards: Option<R>,
    pub by_application: bool,
    pub duration: Option<String>,
    /// What the level's workshops are called where a `choose` counts them
    /// (dives, courses, modules); the theme's word otherwise.
    pub pool_noun: Option<Forms>,
}

#[derive(Debug, Clone)]
pub struct Workshop<R = Name> {
    pub level: Option<R>,
    /// Defaults to its level's `requires`.
    pub requires: Option<Expr<R>>,
    pub duration: Option<String>,
    pub topics: Vec<String>,
    pub audience: Vec<String>,
    /// Anyone who meets its prerequisites may take it: `audience` names
    /// whom it suits most, not who may come, so the audience filter keeps
    /// it whatever audience is chosen.
    pub open_to_all: bool,
    pub offerings: Vec<Offering>,
}

impl<R> Workshop<R> {
    /// The key of each offering of a workshop, in file order: its `id` when it
    /// has one, else its first day (`2027-03-12`), with `-2`, `-3`… for a
    /// second and third with the same. Its UID, its feed entry and its anchor
    /// on the workshop's page are named by it.
    pub fn offering_keys(&self) -> Vec<String> {
        let mut seen: std::collections::BTreeMap<String, usize> = Default::default();
        self.offerings
            .iter()
            .map(|offering| {
                let base = match &offering.id {
                    Some(id) => id.value.clone(),
                    None => offering.start.value.date().to_string(),
                };
                let count = seen.entry(base.clone()).or_insert(0);
                *count += 1;
                match *count {
                    1 => base,
                    n => format!("{base}-{n}"),
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Offering {
    /// A name for the offering that stays when its dates move (`spring`):
    /// what its calendar event and feed entry are known by. Its first day
    /// otherwise.
    pub id: Option<Spanned<String>>,
    pub start: Spanned<When>,
    pub end: Option<Spanned<When>>,
    /// An IANA time zone name (`America/Toronto`) for its times of day;
    /// without it, the site's `[offerings] time_zone`.
    pub time_zone: Option<Spanned<String>>,
    pub location: Option<String>,
    pub online: bool,
    pub register: Option<Spanned<String>>,
    pub price: Option<Spanned<Price>>,
    /// The language of instruction, a BCP 47 tag (`en`, `fr-CA`).
    pub language: Option<Spanned<String>>,
    pub status: Status,
    /// The last moment to register.
    pub deadline: Option<Spanned<When>>,
    pub note: Option<String>,
}

impl Offering {
    /// Its times as written, for `schedule::place` to place in time.
    pub fn times(&self) -> crate::schedule::Written<'_> {
        crate::schedule::Written {
            start: &self.start,
            end: self.end.as_ref(),
            deadline: self.deadline.as_ref(),
            time_zone: self.time_zone.as_ref(),
        }
    }

    /// The last day it runs: its end, or its start for a one-day offering.
    pub fn last_day(&self) -> Date {
        self.end
            .as_ref()
            .map_or(self.start.value.date(), |end| end.value.date())
    }

    /// Over by `today`: its last day is before it. An offering under way
    /// is not past. The one place past and upcoming are decided. Days are
    /// the offering's own, as written, wherever the build runs.
    pub fn is_past(&self, today: Date) -> bool {
        self.last_day() < today
    }

    /// Worth listing as coming up: not over, not cancelled.
    pub fn is_bookable(&self, today: Date) -> bool {
        !self.is_past(today) && self.status != Status::Cancelled
    }
}

/// What an offering costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Price {
    Free,
    Amount {
        amount: Amount,
        /// An ISO 4217 code (`CAD`); without it, the site's
        /// `[offerings] currency`.
        currency: Option<Spanned<String>>,
    },
}

/// Where registration stands. Open unless said otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Open,
    FewPlaces,
    Full,
    Waitlist,
    Cancelled,
}

impl Status {
    pub const ALL: [(&'static str, Status); 5] = [
        ("open", Status::Open),
        ("few-places", Status::FewPlaces),
        ("full", Status::Full),
        ("waitlist", Status::Waitlist),
        ("cancelled", Status::Cancelled),
    ];

    /// As content and messages write it: "few-places".
    pub fn name(self) -> &'static str {
        Status::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("open", |(name, _)| name)
    }

    /// Whether a visitor can still sign up (or join a waiting list).
    pub fn takes_registrations(self) -> bool {
        !matches!(self, Status::Full | Status::Cancelled)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Training,
    Experience,
    Membership,
    Status,
    Background,
}

impl Category {
    /// As content and messages write it: "training".
    pub fn name(self) -> &'static str {
        Category::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("other", |(name, _)| name)
    }

    pub const ALL: [(&'static str, Category); 5] = [
        ("training", Category::Training),
        ("experience", Category::Experience),
        ("membership", Category::Membership),
        ("status", Category::Status),
        ("background", Category::Background),
    ];
}

#[derive(Debug, Clone, Default)]
pub struct Requirement {
    pub category: Option<Category>,
    /// For a measured experience: hours, years, credits.
    pub unit: Option<Forms>,
    /// For something that lapses: "3 years".
    pub valid_for: Option<Period>,
    /// Granted at the organizers' discretion or by assessment: a plan
    /// offers it only when the pathway's own route cannot reach the goal.
    pub discretionary: bool,
    pub providers: Vec<Provider>,
}

/// A word from content with its plural forms: `unit = "hours"` (one form
/// for every number), or `unit = { one = "dive", other = "dives" }`, keyed
/// by CLDR plural category (zero, one, two, few, many, other).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forms {
    /// The form for numbers of no other category, and for labels.
    pub other: String,
    /// The forms of other categories, by category name.
    pub by_category: Vec<(&'static str, String)>,
}

impl Forms {
    pub const CATEGORIES: [&'static str; 6] = ["zero", "one", "two", "few", "many", "other"];

    pub fn plain(word: String) -> Forms {
        Forms {
            other: word,
            by_category: Vec::new(),
        }
    }

    /// Every form by category, `other` last: `{"one": "dive", "other": "dives"}`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        for (category, word) in &self.by_category {
            map.insert((*category).to_string(), word.clone().into());
        }
        map.insert("other".into(), self.other.clone().into());
        serde_json::Value::Object(map)
    }

    /// The form for a number of this plural `category`.
    pub fn of(&self, category: &str) -> &str {
        self.by_category
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(&self.other, |(_, word)| word)
    }
}

/// A length of time, as `valid_for` writes it: "3 years", "18 months".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub count: u32,
    pub unit: PeriodUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodUnit {
    Day,
    Week,
    Month,
    Year,
}

impl PeriodUnit {
    /// As messages select on it: "day", "week", "month", "year".
    pub fn name(self) -> &'static str {
        match self {
            PeriodUnit::Day => "day",
            PeriodUnit::Week => "week",
            PeriodUnit::Month => "month",
            PeriodUnit::Year => "year",
        }
    }
}

impl Period {
    /// "1 year", "3 years", "18 months", "2 weeks", "90 days".
    pub fn parse(text: &str) -> Option<Period> {
        let mut parts = text.split_whitespace();
        let count: u32 = parts.next()?.parse().ok().filter(|&n| n > 0)?;
        let word = parts.next()?.to_ascii_lowercase();
        if parts.next().is_some() {
            return None;
        }
        let unit = match word.strip_suffix('s').unwrap_or(&word) {
            "day" => PeriodUnit::Day,
            "week" => PeriodUnit::Week,
            "month" => PeriodUnit::Month,
            "year" => PeriodUnit::Year,
            _ => return None,
        };
        Some(Period { count, unit })
    }
}

impl Period {
    /// As ISO 8601 writes a duration: `P3Y`, `P18M`, `P2W`, `P90D`.
    pub fn iso8601(&self) -> String {
        let unit = match self.unit {
            PeriodUnit::Day => 'D',
            PeriodUnit::Week => 'W',
            PeriodUnit::Month => 'M',
            PeriodUnit::Year => 'Y',
        };
        format!("P{}{unit}", self.count)
    }
}

impl std::fmt::Display for Period {
    /// The canonical English form, as catalogue.json gives it: "3 years".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = if self.count == 1 { "" } else { "s" };
        write!(f, "{} {}{plural}", self.count, self.unit.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Provider {
    pub name: String,
    pub url: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Default)]
pub struct Credential {
    /// A key of `[organizations]` in site.toml.
    pub issuer: Option<Spanned<String>>,
    /// How long it is held before it must be renewed.
    pub valid_for: Option<Period>,
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn dates_from_the_epoch_and_text() {
        assert_eq!(
            Date::from_unix_seconds(0).expect("in range"),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_unix_seconds(20_783 * 86_400 + 86_399).expect("in range"),
            Date {
                year: 2026,
                month: 11,
                day: 26
            }
        );
        assert_eq!(
            Date::from_unix_seconds(11_016 * 86_400).expect("in range"),
            Date {
                year: 2000,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            Date::parse("2027-03-12"),
            Some(Date {
                year: 2027,
                month: 3,
                day: 12
            })
        );
        assert_eq!(Date::parse("2027-02-29"), None);
        assert_eq!(Date::parse("tomorrow"), None);
        assert_eq!(Date::parse("2027-03-12T09:00"), None, "a day, not a time");
        assert_eq!(Date::parse("-002027-03-12"), None);
    }
}

/// A translation of a document: `level-1.fr.md` beside `level-1.md`. Words
/// only: its title, summary and body, and `[words]`, a phrasebook for the
/// other words of the original's front matter (notes of rules, topics,
/// units, locations…), keyed by the original's text. Everything else is
/// the original's alone.
#[derive(Debug, Clone)]
pub struct Translation {
    /// Its language's tag (`fr`).
    pub lang: String,
    /// The original's kind and path, as a [`Document`] has them: what the
    /// translation is of.
    pub kind: Kind,
    pub path: String,
    pub is_index: bool,
    pub source: SourceFile,
    pub title: Spanned<String>,
    pub title_lang: Option<String>,
    pub summary: Option<String>,
    pub body: Body,
    /// Original text -> its translation.
    pub words: std::collections::BTreeMap<String, String>,
    /// Original text -> its translation with the plural forms of the
    /// translation's language (a unit, a level's pool noun).
    pub word_forms: std::collections::BTreeMap<String, Forms>,
    /// The hash of the original's words this translation was made from, as
    /// `cairn translations` records it.
    pub translated_from: Option<Spanned<String>>,
    /// Keys of its front matter that are not words (`requires`, `order`…):
    /// structure, which only the original may hold.
    pub extra_keys: Vec<Spanned<String>>,
}
