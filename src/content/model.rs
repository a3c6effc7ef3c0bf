//! The typed content model: what one Markdown file under `content/` says,
//! after its front matter is read and its body is turned into HTML.

use crate::rules::{Expr, Name};
use crate::source::{SourceFile, Spanned};

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
    pub body: Body,
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
}

/// Fields every kind has.
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub title: Spanned<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub weight: i64,
    /// Free data for templates (`[extra]`).
    pub extra: serde_json::Value,
}

/// A body rendered to HTML, with what checks need to know about it.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// HTML in which `@id` links are still symbolic (`href="@level-2#goals"`);
    /// the render stage turns them into URLs.
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<EntityLink>,
    /// Links and images to files of the site itself (`/files/a.pdf`, `photo.jpg`).
    pub local_refs: Vec<LocalRef>,
    /// Links and images with a scheme (`https:`, `mailto:`, `javascript:`…),
    /// in Markdown or in raw HTML: checked for where they may lead.
    pub addresses: Vec<Address>,
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
    pub offerings: Vec<Offering>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Offering {
    pub start: Spanned<Date>,
    pub end: Option<Spanned<Date>>,
    pub location: Option<String>,
    pub online: bool,
    pub register: Option<Spanned<String>>,
}

impl Offering {
    /// The last day it runs: its end, or its start for a one-day offering.
    pub fn last_day(&self) -> Date {
        self.end.as_ref().map_or(self.start.value, |end| end.value)
    }

    /// Over by `today`: its last day is before it. An offering under way
    /// is not past. The one place past and upcoming are decided.
    pub fn is_past(&self, today: Date) -> bool {
        self.last_day() < today
    }
}

/// A calendar date, as TOML writes it (`2027-03-12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parse `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= date.days_in_month()).then_some(date)
    }

    fn days_in_month(self) -> u8 {
        let leap = (self.year.is_multiple_of(4) && !self.year.is_multiple_of(100))
            || self.year.is_multiple_of(400);
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Today in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The day of a Unix time (`SOURCE_DATE_EPOCH`), in UTC.
    pub fn from_unix_seconds(seconds: i64) -> Date {
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
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
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn dates_from_the_epoch_and_text() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_days_since_epoch(20_783),
            Date {
                year: 2026,
                month: 11,
                day: 26
            }
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016),
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
    }
}
