//! A kind's listing page: its items, each a card, and for workshops the
//! filters a visitor narrows them with.

use super::page::start_key;
use super::{Link, Organization, Validity, Views, indexed};
use crate::catalogue::{Id, Ref};
use crate::content::{Category, Details, Kind, Offering};
use serde::Serialize;

/// The `section` of a listing page.
#[derive(Serialize)]
pub struct Section<'a> {
    pub kind: Kind,
    pub title: String,
    pub summary: Option<&'a str>,
    pub content: String,
    pub url: String,
    /// Only on the workshops' listing, and `none` there when no filter
    /// would tell two workshops apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filters: Option<Option<Filters>>,
    pub items: Vec<Item<'a>>,
}

/// One card of a listing.
#[derive(Serialize)]
pub struct Item<'a> {
    #[serde(flatten)]
    link: Link<'a>,
    #[serde(flatten)]
    details: Option<ItemDetails<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ItemDetails<'a> {
    Level {
        pathway: Option<Link<'a>>,
        order: Option<i64>,
    },
    Workshop {
        level: Option<Link<'a>>,
        offering_count: usize,
        filter: FilterValues<'a>,
        offerings_text: String,
        /// The soonest offering still open to booking, in words: "Next:
        /// 12 March 2027, Toronto".
        next_text: Option<String>,
    },
    Requirement {
        category: Option<Category>,
        valid_for: Option<Validity>,
    },
    Pathway {
        organization: Option<Organization<'a>>,
    },
    Credential {
        issuer: Option<Organization<'a>>,
    },
}

/// What the workshop listing's filters match a workshop on: its level,
/// topics and audience, and how, when and in which language its offerings
/// still to come run. Themes write it as JSON for the filter script
/// (`tojson`): its fields are in alphabetical order, as its keys always were.
#[derive(Serialize)]
struct FilterValues<'a> {
    audience: &'a [String],
    language: Vec<&'a str>,
    level: Option<&'a str>,
    mode: Vec<&'static str>,
    month: Vec<String>,
    /// Each offering's own mode, month and language: "online in May" must
    /// be one offering, not an online one in March and another in May.
    offerings: Vec<OfferingFilter<'a>>,
    /// Kept by the audience filter whatever audience is chosen.
    open_to_all: bool,
    topic: &'a [String],
}

#[derive(Serialize)]
struct OfferingFilter<'a> {
    language: Option<&'a str>,
    mode: &'static str,
    month: String,
}

/// The workshop listing's filters: for each, the values workshops have, in
/// words; `status` what the script says of the list it shows, `none` when
/// it shows nothing.
#[derive(Serialize)]
pub struct Filters {
    filters: Vec<Filter>,
    status: String,
    none: String,
}

#[derive(Serialize)]
struct Filter {
    name: &'static str,
    label: String,
    options: Vec<FilterOption>,
}

#[derive(Serialize)]
struct FilterOption {
    value: String,
    text: String,
}

/// The filters, in the order they are shown.
const FILTERS: [&str; 6] = ["level", "topic", "audience", "mode", "month", "language"];

fn mode(o: &Offering) -> &'static str {
    if o.online { "online" } else { "in-person" }
}

fn month(o: &Offering) -> String {
    let start = o.start.value.date();
    format!("{:04}-{:02}", start.year, start.month)
}

impl<'a> FilterValues<'a> {
    /// The values of one filter.
    fn of(&self, name: &str) -> Vec<&str> {
        match name {
            "level" => self.level.into_iter().collect(),
            "topic" => self.topic.iter().map(String::as_str).collect(),
            "audience" => self.audience.iter().map(String::as_str).collect(),
            "mode" => self.mode.clone(),
            "month" => self.month.iter().map(String::as_str).collect(),
            "language" => self.language.clone(),
            _ => Vec::new(),
        }
    }
}

impl<'a> Views<'a> {
    /// The soonest offering still open to booking, in words, with where it
    /// runs: its place, or "Online".
    fn next_offering(&self, w: &crate::content::Workshop<Ref>) -> Option<String> {
        let next = w
            .offerings
            .iter()
            .filter(|o| o.is_bookable(self.today))
            .min_by_key(|o| (start_key(&o.start.value), o.last_day()))?;
        let when = self.day(next.start.value.date()).0.clone();
        let place = match (&next.location, next.online) {
            (Some(place), _) => Some(place.clone()),
            (None, true) => Some(self.messages().word("workshop_online").into_owned()),
            (None, false) => None,
        };
        Some(match place {
            Some(place) => self.messages().text(
                "list_next_offering_at",
                &[("when", when.into()), ("place", place.into())],
            ),
            None => self
                .messages()
                .text("list_next_offering", &[("when", when.into())]),
        })
    }

    fn filter_values(&self, w: &'a crate::content::Workshop<Ref>) -> FilterValues<'a> {
        let upcoming: Vec<&Offering> = w
            .offerings
            .iter()
            .filter(|o| o.is_bookable(self.today))
            .collect();
        // Sets, in the order first met: a workshop of thousands of
        // offerings stays linear.
        let mut modes: indexed::Distinct<&'static str> = Default::default();
        let mut months: indexed::Distinct<String> = Default::default();
        let mut languages: indexed::Distinct<&str> = Default::default();
        let mut each = Vec::new();
        for o in upcoming {
            each.push(OfferingFilter {
                language: o.language.as_ref().map(|l| l.value.as_str()),
                mode: mode(o),
                month: month(o),
            });
            modes.add(mode(o));
            months.add(month(o));
            if let Some(language) = &o.language {
                languages.add(language.value.as_str());
            }
        }
        FilterValues {
            audience: &w.audience,
            language: languages.into_vec(),
            level: w.level.as_ref().map(|r| self.catalogue[r.id].id.as_str()),
            mode: modes.into_vec(),
            month: months.into_vec(),
            offerings: each,
            open_to_all: w.open_to_all,
            topic: &w.topics,
        }
    }

    /// The workshop listing's filters; `None` when no filter would tell
    /// two workshops apart.
    pub fn workshop_filters(&self, items: &[Item<'_>]) -> Option<Filters> {
        let messages = self.messages();
        let filter_values = items.iter().filter_map(|item| match &item.details {
            Some(ItemDetails::Workshop { filter, .. }) => Some(filter),
            _ => None,
        });
        // Each filter's values in the order first met, found by hash: a
        // catalogue of 100,000 topics is linear, not quadratic.
        let mut values: [indexed::Distinct<&str>; FILTERS.len()] = Default::default();
        // How many workshops have each topic: a topic of one workshop is
        // that workshop's title by other means, not a way to narrow a list.
        let mut topic_count: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for filter in filter_values {
            for (at, name) in FILTERS.iter().enumerate() {
                for value in filter.of(name) {
                    values[at].add(value);
                }
            }
            for topic in filter.topic.iter().collect::<rustc_hash::FxHashSet<_>>() {
                *topic_count.entry(topic.as_str()).or_default() += 1;
            }
        }
        let text = |key: &str, value: &str| -> String {
            match key {
                "level" => self
                    .catalogue
                    .lookup(value)
                    .map(|id| self.catalogue[id].common.title.value.clone())
                    .unwrap_or_else(|| value.to_string()),
                "mode" => messages
                    .word(if value == "online" {
                        "workshop_online"
                    } else {
                        "filter_in_person"
                    })
                    .into_owned(),
                "month" => {
                    let (year, month) = value.split_once('-').unwrap_or((value, "1"));
                    let name = messages.word(&format!("month_{}", month.trim_start_matches('0')));
                    messages.text(
                        "filter_month_year",
                        &[("month", name.as_ref().into()), ("year", year.into())],
                    )
                }
                "language" => messages.text("language_name", &[("tag", value.into())]),
                _ => value.to_string(),
            }
        };
        let filters: Vec<Filter> = FILTERS
            .into_iter()
            .zip(values)
            .filter_map(|(name, values)| {
                let mut options: Vec<&str> = values.into_vec();
                if name == "topic" {
                    options.retain(|topic| topic_count.get(topic).is_some_and(|&n| n >= 2));
                }
                if options.len() < 2 {
                    return None;
                }
                match name {
                    // In the order of the year, and of the catalogue.
                    "month" => options.sort_unstable(),
                    "level" => {}
                    // In the language's alphabetical order: "Équité"
                    // before "Santé".
                    _ => {
                        let collation = crate::values::Collation::for_language(messages.lang());
                        options.sort_by(|a, b| collation.compare(a, b));
                    }
                }
                Some(Filter {
                    name,
                    label: messages.word(&format!("filter_{name}")).into_owned(),
                    options: options
                        .into_iter()
                        .map(|value| FilterOption {
                            value: value.to_string(),
                            text: text(name, value),
                        })
                        .collect(),
                })
            })
            .collect();
        if filters.is_empty() {
            return None;
        }
        Some(Filters {
            filters,
            status: messages.text(
                "filter_status",
                &[("shown", "{shown}".into()), ("total", "{total}".into())],
            ),
            none: messages.text("filter_none", &[]),
        })
    }

    /// The items of a kind's listing page, each a link with what its card shows.
    pub fn listing_items(&self, kind: Kind) -> Vec<Item<'a>> {
        self.catalogue
            .of_kind(kind)
            .iter()
            .map(|&i| Item {
                link: self.link_to(i),
                details: self.item_details(i, &self.catalogue[i].details),
            })
            .collect()
    }

    fn item_details(&self, id: Id, details: &'a Details<Ref>) -> Option<ItemDetails<'a>> {
        Some(match details {
            Details::Level(level) => ItemDetails::Level {
                pathway: self.link_of(level.pathway.as_ref()),
                order: level.order.as_ref().map(|o| o.value),
            },
            Details::Workshop(w) => {
                let upcoming = w
                    .offerings
                    .iter()
                    .filter(|o| o.is_bookable(self.today))
                    .count();
                ItemDetails::Workshop {
                    level: self.link_of(w.level.as_ref()),
                    offering_count: upcoming,
                    filter: self.filter_values(w),
                    offerings_text: self
                        .messages()
                        .text("list_offerings", &[("count", upcoming.into())]),
                    next_text: self.next_offering(w),
                }
            }
            Details::Requirement(r) => ItemDetails::Requirement {
                category: r.category,
                valid_for: self.valid_for(id),
            },
            Details::Pathway(p) => ItemDetails::Pathway {
                organization: self.organization(p.organization.as_ref().map(|o| o.value.as_str())),
            },
            Details::Credential(c) => ItemDetails::Credential {
                issuer: self.organization(c.issuer.as_ref().map(|i| i.value.as_str())),
            },
            Details::Page => return None,
        })
    }
}
