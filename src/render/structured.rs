//! schema.org structured data (JSON-LD) for each page: what search engines
//! and other readers of the web take from a page besides its text.
//!
//! - a workshop is a `Course`, with a `CourseInstance` for each offering
//!   still to come (its mode, place, dates, language, price and status);
//! - a level is a `Course` too, with its prerequisites and the credential
//!   it awards;
//! - a pathway is an `EducationalOccupationalProgram`, with its levels as
//!   courses, its prerequisites and the credential it leads to;
//! - a credential, and a requirement that lapses (`valid_for`), is an
//!   `EducationalOccupationalCredential`;
//! - the home page names the site's organizations (`Organization`);
//! - a listing is an `ItemList`, and every page but the home page has its
//!   `BreadcrumbList`.
//!
//! Google retired its Course info rich result in 2025: this serves Course
//! list and any other reader of schema.org, and promises no rich result.
//! Every node is a typed struct written in its fields' order (alphabetical,
//! `@type` first, except for the course nodes, in schema.org's reading
//! order), so the same input gives the same bytes, and made safe to sit in
//! a `<script>` element.

use super::views::{Views, script_safe};
use crate::catalogue::{Id, Ref};
use crate::content::{Details, Kind, Offering, Price, Status};
use crate::routes::{Page, Routes};
use serde::Serialize;

/// The JSON-LD of a page, ready for `<script type="application/ld+json">`,
/// or `None` for a page with nothing to say (the 404 page).
pub fn page(views: &Views<'_>, routes: &Routes, page: Page) -> Option<String> {
    let catalogue = views.catalogue;
    let config = &catalogue.config;
    let absolute = |url: String| config.absolute(&url);
    let mut graph: Vec<Node<'_>> = Vec::new();
    match page {
        Page::NotFound | Page::Alias(..) => return None,
        Page::Home => {
            graph.push(Node::WebSite(WebSite {
                kind: "WebSite",
                in_language: views.phrases.messages.lang(),
                name: &config.title,
                url: absolute(routes.page_url(Page::Home).unwrap_or_default()),
            }));
            for key in config.organizations.keys() {
                graph.extend(organization(views, Some(key.as_str())).map(Node::Organization));
            }
        }
        Page::Listing(kind) => {
            let items: Vec<ListItem<'_>> = catalogue
                .of_kind(kind)
                .iter()
                .enumerate()
                .map(|(at, &id)| ListItem {
                    kind: "ListItem",
                    name: &catalogue[id].common.title.value,
                    position: at + 1,
                    url: absolute(views.phrases.url(id)),
                })
                .collect();
            graph.push(Node::ItemList(ItemList {
                kind: "ItemList",
                number_of_items: items.len(),
                items,
            }));
        }
        Page::Document(id) => graph.extend(document(views, routes, id)),
        Page::Checklist | Page::Handbook | Page::Search => {}
    }
    if page != Page::Home {
        graph.push(breadcrumbs(views, routes, page));
    }
    if graph.is_empty() {
        return None;
    }
    let document = Document {
        context: "https://schema.org",
        graph,
    };
    Some(script_safe(&serde_json::to_string(&document).ok()?))
}

/// A page's JSON-LD. Typed where a page of every kind or thousands of
/// pages need it (courses, breadcrumbs), so that it is written straight to
/// text; as JSON values for the few pages of other kinds.
#[derive(Serialize)]
struct Document<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<Node<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Node<'a> {
    Course(Box<Course<'a>>),
    Breadcrumbs(BreadcrumbList),
    WebSite(WebSite<'a>),
    Organization(Organization<'a>),
    ItemList(ItemList<'a>),
    Program(Box<Program<'a>>),
    Credential(CredentialNode<'a>),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WebSite<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    in_language: &'a str,
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ItemList<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "itemListElement")]
    items: Vec<ListItem<'a>>,
    number_of_items: usize,
}

#[derive(Serialize)]
struct ListItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    position: usize,
    url: String,
}

/// A pathway.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Program<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    has_course: Vec<LevelCourse<'a>>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    occupational_credential_awarded: Option<CredentialRef<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    program_prerequisites: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<Organization<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// A level among a pathway's courses.
#[derive(Serialize)]
struct LevelCourse<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    name: &'a str,
    url: String,
}

/// A credential, or a requirement that lapses.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CredentialNode<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    credential_category: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    recognized_by: Option<Organization<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_for: Option<String>,
}

/// A credential a course or pathway leads to, by name and address.
#[derive(Serialize)]
struct CredentialRef<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct BreadcrumbList {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "itemListElement")]
    items: Vec<Crumb>,
}

#[derive(Serialize)]
struct Crumb {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Course<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    in_language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    course_prerequisites: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<Organization<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    educational_credential_awarded: Option<CredentialRef<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    has_course_instance: Vec<CourseInstance>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    offers: Vec<Offer>,
}

/// Home, then the kind's listing, then the page itself.
fn breadcrumbs<'a>(views: &Views<'a>, routes: &Routes, page: Page) -> Node<'a> {
    let catalogue = views.catalogue;
    let config = &catalogue.config;
    let messages = views.phrases.messages;
    let mut trail: Vec<(String, Option<String>)> =
        vec![(messages.text("nav_home", &[]), routes.page_url(Page::Home))];
    let listing = |kind: Kind| {
        let title = catalogue.listings.get(&kind).map_or_else(
            || messages.text(&format!("listing_{}", kind.folder()), &[]),
            |&i| catalogue[i].common.title.value.clone(),
        );
        (title, routes.page_url(Page::Listing(kind)))
    };
    match page {
        Page::Listing(kind) => trail.push(listing(kind)),
        Page::Document(id) => {
            let doc = &catalogue[id];
            if doc.kind != Kind::Page {
                trail.push(listing(doc.kind));
            }
            trail.push((doc.common.title.value.clone(), routes.url_of(id)));
        }
        Page::Checklist => trail.push((
            messages.word("nav_checklist").into_owned(),
            routes.page_url(Page::Checklist),
        )),
        Page::Handbook => trail.push((
            messages.word("site_handbook").into_owned(),
            routes.page_url(Page::Handbook),
        )),
        Page::Search => trail.push((
            messages.word("search_title").into_owned(),
            routes.page_url(Page::Search),
        )),
        Page::Home | Page::NotFound | Page::Alias(..) => {}
    }
    let items = trail
        .into_iter()
        .enumerate()
        .map(|(at, (name, url))| Crumb {
            kind: "ListItem",
            position: at + 1,
            name,
            item: url.map(|url| config.absolute(&url)),
        })
        .collect();
    Node::Breadcrumbs(BreadcrumbList {
        kind: "BreadcrumbList",
        items,
    })
}

fn document<'a>(views: &Views<'a>, routes: &Routes, id: Id) -> Option<Node<'a>> {
    let catalogue = views.catalogue;
    let config = &catalogue.config;
    let doc = &catalogue[id];
    let name = doc.common.title.value.as_str();
    let description = doc.common.summary.as_deref();
    let url = routes.url_of(id).map(|u| config.absolute(&u));
    let course = |provider: Option<Organization<'a>>| Course {
        kind: "Course",
        name,
        description,
        url: url.clone(),
        in_language: views.phrases.messages.lang().to_string(),
        course_prerequisites: prerequisites(views, id),
        provider,
        educational_credential_awarded: None,
        has_course_instance: Vec::new(),
        offers: Vec::new(),
    };
    Some(match &doc.details {
        Details::Workshop(workshop) => {
            let level = workshop.level.as_ref().map(|r| r.id);
            let mut course = course(provider(views, level.and_then(|l| pathway_of(views, l))));
            let keys = workshop.offering_keys();
            for (offering, key) in workshop.offerings.iter().zip(keys) {
                if offering.is_past(views.today) {
                    continue;
                }
                let anchor = url.as_ref().map(|u| format!("{u}#{key}"));
                let instance = course_instance(views, offering, anchor.as_deref());
                if let Some(offer) = &instance.offers
                    && offering.status != Status::Cancelled
                    && !course.offers.contains(offer)
                {
                    course.offers.push(offer.clone());
                }
                course.has_course_instance.push(instance);
            }
            Node::Course(Box::new(course))
        }
        Details::Level(level) => {
            let mut course = course(provider(views, level.pathway.as_ref().map(|r| r.id)));
            course.educational_credential_awarded =
                credential(views, routes, level.awards.as_ref());
            Node::Course(Box::new(course))
        }
        Details::Pathway(pathway) => {
            let levels = catalogue.levels_of(id);
            Node::Program(Box::new(Program {
                kind: "EducationalOccupationalProgram",
                description,
                has_course: levels
                    .iter()
                    .map(|&level| LevelCourse {
                        kind: "Course",
                        description: catalogue[level].common.summary.as_deref(),
                        name: &catalogue[level].common.title.value,
                        url: config.absolute(&views.phrases.url(level)),
                    })
                    .collect(),
                name,
                occupational_credential_awarded: credential(
                    views,
                    routes,
                    pathway.outcome.as_ref(),
                ),
                // What the first step asks is what the pathway asks to begin.
                program_prerequisites: levels.first().and_then(|&l| prerequisites(views, l)),
                provider: provider(views, Some(id)),
                url,
            }))
        }
        Details::Credential(credential) => Node::Credential(CredentialNode {
            kind: "EducationalOccupationalCredential",
            credential_category: "certificate",
            description,
            name,
            recognized_by: organization(
                views,
                credential.issuer.as_ref().map(|i| i.value.as_str()),
            ),
            url,
            valid_for: credential.valid_for.map(|period| period.iso8601()),
        }),
        // Only what lapses is a credential one holds; other requirements
        // (hours on set, a membership) are no thing schema.org names.
        Details::Requirement(requirement) => Node::Credential(CredentialNode {
            kind: "EducationalOccupationalCredential",
            credential_category: "certificate",
            description,
            name,
            recognized_by: None,
            url,
            valid_for: Some(requirement.valid_for?.iso8601()),
        }),
        Details::Page => return None,
    })
}

#[derive(Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
struct CourseInstance {
    #[serde(rename = "@type")]
    kind: &'static str,
    course_mode: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Places>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_language: Option<String>,
    event_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    offers: Option<Offer>,
}

/// One place, or a place and a virtual one for a blended offering.
#[derive(Serialize, PartialEq, Clone)]
#[serde(untagged)]
enum Places {
    One(Location),
    Both(Vec<Location>),
}

#[derive(Serialize, PartialEq, Clone)]
struct Location {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
struct Offer {
    #[serde(rename = "@type")]
    kind: &'static str,
    category: &'static str,
    price: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    price_currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    availability: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// One offering still to come.
fn course_instance(views: &Views<'_>, offering: &Offering, url: Option<&str>) -> CourseInstance {
    let config = &views.catalogue.config;
    let course_mode = match (offering.online, offering.location.is_some()) {
        (true, true) => "Blended",
        (true, false) => "Online",
        (false, _) => "Onsite",
    };
    let mut location = Vec::new();
    if let Some(place) = &offering.location {
        location.push(Location {
            kind: "Place",
            name: Some(place.clone()),
            url: None,
        });
    }
    if offering.online {
        // Where to join: its registration page, else the offering's own.
        let link = offering.register.as_ref().map(|r| r.value.as_str()).or(url);
        location.push(Location {
            kind: "VirtualLocation",
            name: None,
            url: link.map(str::to_string),
        });
    }
    let schedule = crate::schedule::place(offering.times(), config.time_zone.as_deref()).ok();
    // Without an end, it ends the day (or at the time) it starts.
    let dates = schedule.as_ref().map(|placed| {
        let end = placed.end.as_ref().unwrap_or(&placed.start);
        (
            crate::schedule::iso(&placed.start),
            crate::schedule::iso(end),
        )
    });
    let (start_date, end_date) = dates.unzip();
    let location = match location.len() {
        0 => None,
        1 => location.pop().map(Places::One),
        _ => Some(Places::Both(location)),
    };
    CourseInstance {
        kind: "CourseInstance",
        course_mode,
        location,
        start_date,
        end_date,
        url: url.map(str::to_string),
        in_language: offering.language.as_ref().map(|l| l.value.clone()),
        event_status: if offering.status == Status::Cancelled {
            "https://schema.org/EventCancelled"
        } else {
            "https://schema.org/EventScheduled"
        },
        offers: offer(views, offering),
    }
}

/// What an offering costs, as an `Offer`.
fn offer(views: &Views<'_>, offering: &Offering) -> Option<Offer> {
    let config = &views.catalogue.config;
    let price = offering.price.as_ref()?;
    let (category, price, price_currency) = match &price.value {
        Price::Free => ("Free", "0".to_string(), None),
        Price::Amount { amount, currency } => {
            let (code, plain) = crate::money::shown(
                *amount,
                currency.as_ref().map(|c| c.value.as_str()),
                config.currency.as_deref(),
            )?;
            let category = if amount.is_zero() { "Free" } else { "Paid" };
            (category, plain, Some(code))
        }
    };
    let availability = match offering.status {
        Status::Open => Some("https://schema.org/InStock"),
        Status::FewPlaces => Some("https://schema.org/LimitedAvailability"),
        Status::Full | Status::Waitlist => Some("https://schema.org/SoldOut"),
        Status::Cancelled => None,
    };
    let url = offering
        .register
        .as_ref()
        .filter(|_| offering.status.takes_registrations())
        .map(|r| r.value.clone());
    Some(Offer {
        kind: "Offer",
        category,
        price,
        price_currency,
        availability,
        url,
    })
}

/// The pathway a level belongs to.
fn pathway_of(views: &Views<'_>, level: Id) -> Option<Id> {
    views.catalogue[level]
        .as_level()
        .and_then(|l| l.pathway.as_ref())
        .map(|r| r.id)
}

/// `provider`: the organization of a pathway, when it names one.
fn provider<'a>(views: &Views<'a>, pathway: Option<Id>) -> Option<Organization<'a>> {
    let Details::Pathway(p) = &views.catalogue[pathway?].details else {
        return None;
    };
    organization(views, p.organization.as_ref().map(|o| o.value.as_str()))
}

/// An organization of site.toml.
fn organization<'a>(views: &Views<'a>, key: Option<&str>) -> Option<Organization<'a>> {
    let found = views.catalogue.config.organizations.get(key?)?;
    Some(Organization {
        kind: "Organization",
        name: &found.name,
        url: found.url.as_ref().map(|url| url.value.as_str()),
    })
}

/// A credential, by reference.
fn credential<'a>(
    views: &Views<'a>,
    routes: &Routes,
    reference: Option<&Ref>,
) -> Option<CredentialRef<'a>> {
    let id = reference?.id;
    Some(CredentialRef {
        kind: "EducationalOccupationalCredential",
        name: &views.catalogue[id].common.title.value,
        url: routes
            .url_of(id)
            .map(|url| views.catalogue.config.absolute(&url)),
    })
}

/// What a level or workshop asks before one starts, on one line: a
/// level's words are the build's own; a workshop's own rule is worded here.
fn prerequisites(views: &Views<'_>, id: Id) -> Option<String> {
    let entity = &views.catalogue[id];
    if let Some(own) = entity.as_workshop().and_then(|w| w.requires.as_ref()) {
        return Some(views.phrases.line(&views.phrases.rule(own, false)));
    }
    let level = match &entity.details {
        Details::Level(_) => id,
        Details::Workshop(w) => w.level.as_ref()?.id,
        _ => return None,
    };
    views.rules.requires(level).map(|words| words.line.clone())
}
