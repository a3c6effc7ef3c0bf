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
//! Written in a fixed order (typed nodes in their fields' order, the others
//! as JSON values with sorted keys), so the same input gives the same
//! bytes, and made safe to sit in a `<script>` element.

use super::views::{Views, script_safe};
use crate::catalogue::{Id, Ref};
use crate::content::{Details, Kind, Offering, Price, Status};
use crate::routes::{Page, Routes};
use serde::Serialize;
use serde_json::{Map, Value, json};

/// The JSON-LD of a page, ready for `<script type="application/ld+json">`,
/// or `None` for a page with nothing to say (the 404 page).
pub fn page(views: &Views<'_>, routes: &Routes, page: Page) -> Option<String> {
    let catalogue = views.catalogue;
    let config = &catalogue.config;
    let absolute = |url: String| config.absolute(&url);
    let mut graph: Vec<Node> = Vec::new();
    match page {
        Page::NotFound => return None,
        Page::Home => {
            graph.push(Node::Other(json!({
                "@type": "WebSite",
                "name": config.title,
                "url": absolute(routes.page_url(Page::Home).unwrap_or_default()),
                "inLanguage": views.phrases.messages.lang(),
            })));
            for key in config.organizations.keys() {
                graph.extend(organization(views, Some(key.as_str())).map(Node::Other));
            }
        }
        Page::Listing(kind) => {
            let items: Vec<Value> = catalogue
                .of_kind(kind)
                .iter()
                .enumerate()
                .map(|(at, &id)| {
                    json!({
                        "@type": "ListItem",
                        "position": at + 1,
                        "name": catalogue[id].common.title.value,
                        "url": absolute(views.phrases.url(id)),
                    })
                })
                .collect();
            graph.push(Node::Other(json!({
                "@type": "ItemList",
                "numberOfItems": items.len(),
                "itemListElement": items,
            })));
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
struct Document {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<Node>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Node {
    Course(Box<Course>),
    Breadcrumbs(BreadcrumbList),
    Other(Value),
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
struct Course {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    in_language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    course_prerequisites: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    educational_credential_awarded: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    has_course_instance: Vec<CourseInstance>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    offers: Vec<Offer>,
}

/// Home, then the kind's listing, then the page itself.
fn breadcrumbs(views: &Views<'_>, routes: &Routes, page: Page) -> Node {
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
        Page::Home | Page::NotFound => {}
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

fn document(views: &Views<'_>, routes: &Routes, id: Id) -> Option<Node> {
    let catalogue = views.catalogue;
    let config = &catalogue.config;
    let doc = &catalogue[id];
    let url = routes.url_of(id).map(|u| config.absolute(&u));
    let requires = prerequisites(views, id);
    let course = |prerequisites: Option<String>, provider: Option<Value>| Course {
        kind: "Course",
        name: doc.common.title.value.clone(),
        description: doc.common.summary.clone(),
        url: url.clone(),
        in_language: views.phrases.messages.lang().to_string(),
        course_prerequisites: prerequisites,
        provider,
        educational_credential_awarded: None,
        has_course_instance: Vec::new(),
        offers: Vec::new(),
    };
    let mut node = Map::new();
    node.insert("name".into(), json!(doc.common.title.value));
    if let Some(summary) = &doc.common.summary {
        node.insert("description".into(), json!(summary));
    }
    if let Some(url) = &url {
        node.insert("url".into(), json!(url));
    }
    match &doc.details {
        Details::Workshop(workshop) => {
            let level = workshop.level.as_ref().map(|r| r.id);
            let provider = provider(views, level.and_then(|l| pathway_of(views, l)));
            let mut course = course(requires, provider.map(|(_, p)| p));
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
            return Some(Node::Course(Box::new(course)));
        }
        Details::Level(level) => {
            let provider = provider(views, level.pathway.as_ref().map(|r| r.id));
            let mut course = course(requires, provider.map(|(_, p)| p));
            course.educational_credential_awarded =
                credential(views, routes, level.awards.as_ref());
            return Some(Node::Course(Box::new(course)));
        }
        Details::Pathway(pathway) => {
            node.insert("@type".into(), json!("EducationalOccupationalProgram"));
            node.extend(provider(views, Some(id)));
            let levels = catalogue.levels_of(id);
            let courses: Vec<Value> = levels
                .iter()
                .map(|&level| {
                    let doc = &catalogue[level];
                    let mut course = json!({
                        "@type": "Course",
                        "name": doc.common.title.value,
                        "url": config.absolute(&views.phrases.url(level)),
                    });
                    if let Some(summary) = &doc.common.summary {
                        course["description"] = json!(summary);
                    }
                    course
                })
                .collect();
            if !courses.is_empty() {
                node.insert("hasCourse".into(), json!(courses));
            }
            // What the first step asks is what the pathway asks to begin.
            if let Some(text) = levels.first().and_then(|&l| prerequisites(views, l)) {
                node.insert("programPrerequisites".into(), json!(text));
            }
            if let Some(credential) = credential(views, routes, pathway.outcome.as_ref()) {
                node.insert("occupationalCredentialAwarded".into(), credential);
            }
        }
        Details::Credential(credential) => {
            node.insert("@type".into(), json!("EducationalOccupationalCredential"));
            node.insert("credentialCategory".into(), json!("certificate"));
            if let Some(issuer) =
                organization(views, credential.issuer.as_ref().map(|i| i.value.as_str()))
            {
                node.insert("recognizedBy".into(), issuer);
            }
        }
        Details::Requirement(requirement) => {
            // Only what lapses is a credential one holds; other requirements
            // (hours on set, a membership) are no thing schema.org names.
            let period = requirement.valid_for?;
            node.insert("@type".into(), json!("EducationalOccupationalCredential"));
            node.insert("credentialCategory".into(), json!("certificate"));
            node.insert("validFor".into(), json!(period.iso8601()));
        }
        Details::Page => return None,
    }
    Some(Node::Other(Value::Object(node)))
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
fn provider(views: &Views<'_>, pathway: Option<Id>) -> Option<(String, Value)> {
    let Details::Pathway(p) = &views.catalogue[pathway?].details else {
        return None;
    };
    let organization = organization(views, p.organization.as_ref().map(|o| o.value.as_str()))?;
    Some(("provider".to_string(), organization))
}

/// An organization of site.toml.
fn organization(views: &Views<'_>, key: Option<&str>) -> Option<Value> {
    let found = views.catalogue.config.organizations.get(key?)?;
    let mut organization = json!({ "@type": "Organization", "name": found.name });
    if let Some(url) = &found.url {
        organization["url"] = json!(url.value);
    }
    Some(organization)
}

/// A credential, by reference.
fn credential(views: &Views<'_>, routes: &Routes, reference: Option<&Ref>) -> Option<Value> {
    let id = reference?.id;
    let doc = &views.catalogue[id];
    let mut credential = json!({
        "@type": "EducationalOccupationalCredential",
        "name": doc.common.title.value,
    });
    if let Some(url) = routes.url_of(id) {
        credential["url"] = json!(views.catalogue.config.absolute(&url));
    }
    Some(credential)
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
