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
//! Built as JSON values (keys sorted, so the same input gives the same
//! bytes) and made safe to sit in a `<script>` element.

use super::views::{Views, script_safe_json};
use crate::catalogue::{Id, Ref};
use crate::content::{Details, Kind, Offering, Price, Status};
use crate::routes::{Page, Routes};
use serde_json::{Map, Value, json};

/// The JSON-LD of a page, ready for `<script type="application/ld+json">`,
/// or `None` for a page with nothing to say (the 404 page).
pub fn page(
    views: &Views<'_>,
    routes: &Routes,
    page: Page,
    view: Option<&Value>,
) -> Option<String> {
    let catalogue = views.catalogue;
    let config = &catalogue.config;
    let absolute = |url: String| config.absolute(&url);
    let mut graph: Vec<Value> = Vec::new();
    match page {
        Page::NotFound => return None,
        Page::Home => {
            graph.push(json!({
                "@type": "WebSite",
                "name": config.title,
                "url": absolute(routes.page_url(Page::Home).unwrap_or_default()),
                "inLanguage": views.phrases.messages.lang(),
            }));
            for key in config.organizations.keys() {
                graph.extend(organization(views, Some(key.as_str())));
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
            graph.push(json!({
                "@type": "ItemList",
                "numberOfItems": items.len(),
                "itemListElement": items,
            }));
        }
        Page::Document(id) => graph.extend(document(views, routes, id, view)),
        Page::Checklist | Page::Handbook => {}
    }
    if page != Page::Home {
        graph.push(breadcrumbs(views, routes, page));
    }
    if graph.is_empty() {
        return None;
    }
    Some(script_safe_json(&json!({
        "@context": "https://schema.org",
        "@graph": graph,
    })))
}

/// Home, then the kind's listing, then the page itself.
fn breadcrumbs(views: &Views<'_>, routes: &Routes, page: Page) -> Value {
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
            messages.text("nav_checklist", &[]),
            routes.page_url(Page::Checklist),
        )),
        Page::Handbook => trail.push((
            messages.text("site_handbook", &[]),
            routes.page_url(Page::Handbook),
        )),
        Page::Home | Page::NotFound => {}
    }
    let items: Vec<Value> = trail
        .into_iter()
        .enumerate()
        .map(|(at, (name, url))| {
            let mut item = json!({ "@type": "ListItem", "position": at + 1, "name": name });
            if let Some(url) = url {
                item["item"] = json!(config.absolute(&url));
            }
            item
        })
        .collect();
    json!({ "@type": "BreadcrumbList", "itemListElement": items })
}

fn document(views: &Views<'_>, routes: &Routes, id: Id, view: Option<&Value>) -> Vec<Value> {
    let catalogue = views.catalogue;
    let config = &catalogue.config;
    let doc = &catalogue[id];
    let url = routes.url_of(id).map(|u| config.absolute(&u));
    let mut base = Map::new();
    base.insert("name".into(), json!(doc.common.title.value));
    if let Some(summary) = &doc.common.summary {
        base.insert("description".into(), json!(summary));
    }
    if let Some(url) = &url {
        base.insert("url".into(), json!(url));
    }
    let requires = view.map(|v| &v["requires"]).and_then(rule_text);
    let mut node = base.clone();
    match &doc.details {
        Details::Workshop(workshop) => {
            node.insert("@type".into(), json!("Course"));
            node.insert("inLanguage".into(), json!(views.phrases.messages.lang()));
            if let Some(requires) = requires {
                node.insert("coursePrerequisites".into(), json!(requires));
            }
            let level = workshop.level.as_ref().map(|r| r.id);
            node.extend(provider(views, level.and_then(|l| pathway_of(views, l))));
            let keys = super::ical::offering_keys(workshop);
            let mut instances = Vec::new();
            let mut offers: Vec<Value> = Vec::new();
            for (offering, key) in workshop.offerings.iter().zip(keys) {
                if offering.is_past(views.today) {
                    continue;
                }
                let anchor = url.as_ref().map(|u| format!("{u}#{key}"));
                let instance = course_instance(views, offering, anchor.as_deref());
                if let Some(offer) = instance.get("offers")
                    && offering.status != Status::Cancelled
                    && !offers.contains(offer)
                {
                    offers.push(offer.clone());
                }
                instances.push(instance);
            }
            if !instances.is_empty() {
                node.insert("hasCourseInstance".into(), json!(instances));
            }
            if !offers.is_empty() {
                node.insert("offers".into(), json!(offers));
            }
        }
        Details::Level(level) => {
            node.insert("@type".into(), json!("Course"));
            node.insert("inLanguage".into(), json!(views.phrases.messages.lang()));
            if let Some(requires) = requires {
                node.insert("coursePrerequisites".into(), json!(requires));
            }
            node.extend(provider(views, level.pathway.as_ref().map(|r| r.id)));
            if let Some(credential) = credential(views, routes, level.awards.as_ref()) {
                node.insert("educationalCredentialAwarded".into(), credential);
            }
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
            let first = levels.first().and_then(|&l| catalogue[l].as_level());
            if let Some(text) = first
                .and_then(|l| l.requires.as_ref())
                .map(|rule| views.phrases.rule(rule, false))
                .and_then(|rule| serde_json::to_value(rule).ok())
                .as_ref()
                .and_then(rule_text)
            {
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
            let Some(period) = requirement.valid_for else {
                return Vec::new();
            };
            node.insert("@type".into(), json!("EducationalOccupationalCredential"));
            node.insert("credentialCategory".into(), json!("certificate"));
            node.insert("validFor".into(), json!(period.iso8601()));
        }
        Details::Page => return Vec::new(),
    }
    vec![Value::Object(node)]
}

/// One offering still to come.
fn course_instance(views: &Views<'_>, offering: &Offering, url: Option<&str>) -> Value {
    let config = &views.catalogue.config;
    let mode = match (offering.online, offering.location.is_some()) {
        (true, true) => "Blended",
        (true, false) => "Online",
        (false, _) => "Onsite",
    };
    let mut instance = json!({ "@type": "CourseInstance", "courseMode": mode });
    let mut places = Vec::new();
    if let Some(location) = &offering.location {
        places.push(json!({ "@type": "Place", "name": location }));
    }
    if offering.online {
        // Where to join: its registration page, else the offering's own.
        let link = offering.register.as_ref().map(|r| r.value.as_str()).or(url);
        let mut virtual_location = json!({ "@type": "VirtualLocation" });
        if let Some(link) = link {
            virtual_location["url"] = json!(link);
        }
        places.push(virtual_location);
    }
    match places.len() {
        0 => {}
        1 => instance["location"] = places.remove(0),
        _ => instance["location"] = json!(places),
    }
    if let Ok(schedule) = crate::schedule::place(offering, config.time_zone.as_deref()) {
        instance["startDate"] = json!(crate::schedule::iso(&schedule.start));
        // Without an end, it ends the day (or at the time) it starts.
        let end = schedule.end.as_ref().unwrap_or(&schedule.start);
        instance["endDate"] = json!(crate::schedule::iso(end));
    }
    if let Some(url) = url {
        instance["url"] = json!(url);
    }
    if let Some(language) = &offering.language {
        instance["inLanguage"] = json!(language.value);
    }
    instance["eventStatus"] = json!(if offering.status == Status::Cancelled {
        "https://schema.org/EventCancelled"
    } else {
        "https://schema.org/EventScheduled"
    });
    if let Some(offer) = offer(views, offering) {
        instance["offers"] = offer;
    }
    instance
}

/// What an offering costs, as an `Offer`.
fn offer(views: &Views<'_>, offering: &Offering) -> Option<Value> {
    let config = &views.catalogue.config;
    let price = offering.price.as_ref()?;
    let mut offer = match &price.value {
        Price::Free => json!({ "@type": "Offer", "category": "Free", "price": "0" }),
        Price::Amount { amount, currency } => {
            let code = currency
                .as_ref()
                .map(|c| c.value.clone())
                .or_else(|| config.currency.clone())?;
            let known = crate::money::currency(&code).ok()?;
            let plain = crate::money::plain(*amount, known)?;
            let category = if amount.is_zero() { "Free" } else { "Paid" };
            json!({ "@type": "Offer", "category": category, "price": plain, "priceCurrency": code })
        }
    };
    let availability = match offering.status {
        Status::Open => Some("https://schema.org/InStock"),
        Status::FewPlaces => Some("https://schema.org/LimitedAvailability"),
        Status::Full | Status::Waitlist => Some("https://schema.org/SoldOut"),
        Status::Cancelled => None,
    };
    if let Some(availability) = availability {
        offer["availability"] = json!(availability);
    }
    if let Some(register) = &offering.register
        && offering.status.takes_registrations()
    {
        offer["url"] = json!(register.value);
    }
    Some(offer)
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

/// A rule in words as plain text, from its view: a leaf's sentence, or a
/// group's lead followed by its members.
fn rule_text(rule: &Value) -> Option<String> {
    if rule.is_null() {
        return None;
    }
    let words = |words: &Value| -> String {
        words
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|w| w["text"].as_str())
            .collect()
    };
    let leaf = words(&rule["words"]);
    if !leaf.is_empty() {
        return Some(leaf);
    }
    let children: Vec<String> = rule["children"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(rule_text)
        .collect();
    let lead = rule["lead"].as_str().unwrap_or_default();
    match (lead.is_empty(), children.len()) {
        (_, 0) => (!lead.is_empty()).then(|| lead.to_string()),
        (_, 1) if rule["kind"] == "all" => children.into_iter().next(),
        (true, _) => Some(children.join("; ")),
        (false, _) => Some(format!("{lead} {}", children.join("; "))),
    }
}
