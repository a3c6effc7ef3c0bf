//! The `page` of an entity or plain page: what every page has (title,
//! content, headings, `extra`), and what its kind adds.

use super::offering::{CalendarLink, OfferingView};
use super::{Link, Organization, Validity, Views, rule_value, shared};
use crate::catalogue::{Id, Ref};
use crate::config::PastOfferings;
use crate::content::{Category, Details, Kind, Offering, When};
use crate::messages::Word;
use crate::routes::Calendar;
use serde::Serialize;

/// What a page has beside what a link to it has (`id`, `kind`, `title`,
/// `summary`, `url`, `words_lang`).
#[derive(Serialize)]
pub struct PageView<'a> {
    #[serde(flatten)]
    link: Link<'a>,
    content: String,
    headings: &'a [crate::content::Heading],
    extra: &'a serde_json::Value,
    draft: bool,
    #[serde(flatten)]
    details: Option<KindView<'a>>,
}

/// The home page of a site whose content has no `_index.md`.
#[derive(Serialize)]
pub struct BarePage<'a> {
    pub title: &'a str,
    pub content: &'static str,
    pub url: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum KindView<'a> {
    Pathway(PathwayView<'a>),
    Level(Box<LevelView<'a>>),
    Workshop(Box<WorkshopView<'a>>),
    Requirement(RequirementView<'a>),
    Credential(CredentialView<'a>),
}

#[derive(Serialize)]
struct PathwayView<'a> {
    organization: Option<Organization<'a>>,
    outcome: Option<Link<'a>>,
    levels: Vec<LevelSummary<'a>>,
    /// The levels of other pathways whose rules name a level of this one
    /// (ICC's mentorship, after IDC's Level 3): where it leads on.
    leads_to: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct LevelView<'a> {
    pathway: Option<Link<'a>>,
    order: Option<i64>,
    /// The "Am I ready?" panel asks for every item of `requires`.
    requires: minijinja::Value,
    completion: minijinja::Value,
    awards: Option<Link<'a>>,
    awards_words: Option<Vec<Word>>,
    by_application: bool,
    duration: Option<&'a str>,
    workshops: Vec<Link<'a>>,
    #[serde(flatten)]
    steps: Steps<'a>,
}

/// Where a level sits in its pathway: "2 of 4".
#[derive(Serialize)]
struct Steps<'a> {
    previous: Option<Link<'a>>,
    next: Option<Link<'a>>,
    step: Option<usize>,
    step_count: Option<usize>,
    step_text: Option<String>,
}

#[derive(Serialize)]
struct WorkshopView<'a> {
    level: Option<Link<'a>>,
    requires: minijinja::Value,
    requires_inherited: bool,
    duration: Option<&'a str>,
    topics: &'a [String],
    audience: &'a [String],
    calendar: Option<String>,
    /// Still to come, soonest first.
    offerings: Vec<OfferingView<'a>>,
    /// Most recent first: the past is read backwards. Or none at all, when
    /// the site keeps its archive out of its pages.
    past_offerings: Vec<OfferingView<'a>>,
    counts: Vec<minijinja::Value>,
}

#[derive(Serialize)]
struct RequirementView<'a> {
    category: Option<Category>,
    unit: Option<&'a str>,
    valid_for: Option<Validity>,
    providers: &'a [crate::content::Provider],
    needed_by: Vec<Link<'a>>,
    counts: Vec<minijinja::Value>,
}

#[derive(Serialize)]
struct CredentialView<'a> {
    issuer: Option<Organization<'a>>,
    valid_for: Option<Validity>,
    awarded_by: Vec<Link<'a>>,
    outcome_of: Vec<Link<'a>>,
    counts: Vec<minijinja::Value>,
}

/// A level as a step of its pathway: link, rules and awards.
#[derive(Serialize)]
pub struct LevelSummary<'a> {
    #[serde(flatten)]
    link: Link<'a>,
    #[serde(flatten)]
    level: Option<LevelFacts<'a>>,
}

#[derive(Serialize)]
struct LevelFacts<'a> {
    order: Option<i64>,
    requires: minijinja::Value,
    completion: minijinja::Value,
    awards: Option<Link<'a>>,
    by_application: bool,
    duration: Option<&'a str>,
    workshop_count: usize,
}

/// Offerings in the order they start: by day, then time of day.
pub(super) fn start_key(when: &When) -> (crate::content::Date, Option<crate::content::Time>) {
    match *when {
        When::Day(date) => (date, None),
        When::At { date, time, .. } => (date, Some(time)),
    }
}

impl<'a> Views<'a> {
    /// The `page` of an entity or plain page: common fields plus its kind's.
    /// Offerings are split at the build day into upcoming and past.
    pub fn page(&self, index: Id, content: String) -> PageView<'a> {
        let doc = &self.catalogue[index];
        PageView {
            link: self.link_to(index),
            content,
            headings: &doc.body.headings,
            extra: &doc.common.extra,
            draft: doc.common.draft,
            details: self.kind_view(index, &doc.details),
        }
    }

    fn kind_view(&self, index: Id, details: &'a Details<Ref>) -> Option<KindView<'a>> {
        let catalogue = self.catalogue;
        Some(match details {
            Details::Page => return None,
            Details::Pathway(p) => KindView::Pathway(PathwayView {
                organization: self.organization(p.organization.as_ref().map(|o| o.value.as_str())),
                outcome: self.link_of(p.outcome.as_ref()),
                levels: catalogue
                    .levels_of(index)
                    .iter()
                    .map(|&level| self.level_summary(level, false))
                    .collect(),
                leads_to: self.leads_to(index),
            }),
            Details::Level(level) => KindView::Level(Box::new(LevelView {
                pathway: self.link_of(level.pathway.as_ref()),
                order: level.order.as_ref().map(|o| o.value),
                requires: rule_value(&self.phrases, level.requires.as_ref(), true),
                completion: shared(self.rules.of(index).completion.as_ref()),
                awards: self.link_of(level.awards.as_ref()),
                awards_words: level.awards.as_ref().map(|a| {
                    self.messages().words(
                        "level_awards_text",
                        &[("item", self.phrases.link(a.id).into())],
                    )
                }),
                by_application: level.by_application,
                duration: level.duration.as_deref(),
                workshops: self.links(catalogue.workshops_of(index)),
                steps: self.steps(index, level.pathway.as_ref()),
            })),
            Details::Workshop(workshop) => {
                KindView::Workshop(Box::new(self.workshop(index, workshop)))
            }
            Details::Requirement(r) => KindView::Requirement(RequirementView {
                category: r.category,
                unit: r.unit.as_ref().map(|u| u.other.as_str()),
                valid_for: self.valid_for(index),
                providers: &r.providers,
                needed_by: self.links(catalogue.needed_by(index)),
                counts: self.counts(index),
            }),
            Details::Credential(c) => KindView::Credential(CredentialView {
                issuer: self.organization(c.issuer.as_ref().map(|i| i.value.as_str())),
                valid_for: self.valid_for(index),
                awarded_by: self.links(catalogue.awarded_by(index)),
                outcome_of: self.links(catalogue.outcome_of(index)),
                counts: self.counts(index),
            }),
        })
    }

    fn workshop(&self, index: Id, workshop: &'a crate::content::Workshop<Ref>) -> WorkshopView<'a> {
        let requires = match (&workshop.requires, &workshop.level) {
            (Some(own), _) => rule_value(&self.phrases, Some(own), false),
            (None, Some(level)) => shared(self.rules.requires(level.id)),
            (None, None) => minijinja::Value::from(()),
        };
        // Each with its place in the file, which names its calendar.
        let mut offerings: Vec<(usize, &Offering)> =
            workshop.offerings.iter().enumerate().collect();
        offerings.sort_by_key(|(_, o)| (start_key(&o.start.value), o.last_day()));
        let (past, upcoming): (Vec<_>, Vec<_>) = offerings
            .into_iter()
            .partition(|(_, o)| o.is_past(self.today));
        let keys = workshop.offering_keys();
        // Each offering's "Add to calendar" opens its workshop's calendar,
        // which holds every date of the workshop.
        let calendar = self.phrases.routes.calendar_url(Calendar::Workshop(index));
        let calendar_label = (workshop.offerings.len() > 1).then(|| {
            self.messages().text(
                "workshop_calendar_all",
                &[("count", workshop.offerings.len().into())],
            )
        });
        let view_of = |(at, o): (usize, &'a Offering)| {
            let link = CalendarLink {
                url: calendar.clone(),
                label: calendar_label.clone(),
                key: keys.get(at).cloned(),
            };
            self.offering(o, link)
        };
        let upcoming = upcoming.into_iter().map(view_of).collect();
        let past = match self.catalogue.config.past_offerings {
            PastOfferings::Show => past.into_iter().rev().map(view_of).collect(),
            PastOfferings::Hide => Vec::new(),
        };
        WorkshopView {
            level: self.link_of(workshop.level.as_ref()),
            requires,
            requires_inherited: workshop.requires.is_none(),
            duration: workshop.duration.as_deref(),
            topics: &workshop.topics,
            audience: &workshop.audience,
            calendar,
            offerings: upcoming,
            past_offerings: past,
            counts: self.counts(index),
        }
    }

    /// A level as a step of its pathway: link, rules and awards; pools listed
    /// for the checklist (`with_pools`).
    pub fn level_summary(&self, index: Id, with_pools: bool) -> LevelSummary<'a> {
        let doc = &self.catalogue[index];
        let level = doc.as_level().map(|level| {
            let rules = self.rules.of(index);
            let (requires, completion) = if with_pools {
                (
                    rule_value(&self.phrases, level.requires.as_ref(), true),
                    rule_value(&self.phrases, level.completion.as_ref(), true),
                )
            } else {
                (
                    shared(rules.requires.as_ref()),
                    shared(rules.completion.as_ref()),
                )
            };
            LevelFacts {
                order: level.order.as_ref().map(|o| o.value),
                requires,
                completion,
                awards: self.link_of(level.awards.as_ref()),
                by_application: level.by_application,
                duration: level.duration.as_deref(),
                workshop_count: self.catalogue.workshops_of(index).len(),
            }
        });
        LevelSummary {
            link: self.link_to(index),
            level,
        }
    }

    /// The levels of other pathways that a level of `pathway` counts
    /// toward, in catalogue order.
    fn leads_to(&self, pathway: Id) -> Vec<Link<'a>> {
        let catalogue = self.catalogue;
        let in_pathway = |level: Id| {
            catalogue[level]
                .as_level()
                .and_then(|l| l.pathway.as_ref())
                .is_some_and(|p| p.id == pathway)
        };
        let mut found: Vec<Id> = catalogue
            .levels_of(pathway)
            .iter()
            .flat_map(|level| self.rules.counts.get(level).into_iter().flatten())
            .map(|count| count.toward)
            .filter(|&toward| catalogue[toward].kind == Kind::Level && !in_pathway(toward))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|id| self.link_to(id)).collect()
    }

    /// Where a level sits in its pathway.
    fn steps(&self, index: Id, pathway: Option<&Ref>) -> Steps<'a> {
        let levels = pathway.map_or(&[][..], |p| self.catalogue.levels_of(p.id));
        let position = levels.iter().position(|&l| l == index);
        let at = |p: Option<usize>| p.and_then(|p| levels.get(p)).map(|&l| self.link_to(l));
        Steps {
            previous: at(position.and_then(|p| p.checked_sub(1))),
            next: at(position.map(|p| p + 1)),
            step: position.map(|p| p + 1),
            step_count: position.map(|_| levels.len()),
            step_text: position.map(|p| {
                self.messages().text(
                    "level_step_of",
                    &[("step", (p + 1).into()), ("total", levels.len().into())],
                )
            }),
        }
    }
}

/// Every pathway with its levels, for the home and checklist pages.
#[derive(Serialize)]
pub struct PathwayLevels<'a> {
    #[serde(flatten)]
    link: Link<'a>,
    levels: Vec<LevelSummary<'a>>,
}

impl<'a> Views<'a> {
    pub fn pathways(&self, with_pools: bool) -> Vec<PathwayLevels<'a>> {
        let catalogue = self.catalogue;
        catalogue
            .of_kind(Kind::Pathway)
            .iter()
            .map(|&p| PathwayLevels {
                link: self.link_to(p),
                levels: catalogue
                    .levels_of(p)
                    .iter()
                    .map(|&l| self.level_summary(l, with_pools))
                    .collect(),
            })
            .collect()
    }
}
