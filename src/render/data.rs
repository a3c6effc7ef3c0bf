//! Machine-readable outputs: `catalogue.json` (the resolved catalogue as
//! open data) and `sitemap.xml`.

use crate::catalogue::{Catalogue, Ref};
use crate::content::{Details, Kind};
use crate::routes::{Page, Routes};
use crate::rules;
use crate::rules::Expr;
use serde_json::{Value, json};

/// The JSON Schema of what [`catalogue_json`] writes, published as
/// `/catalogue.schema.json`; the tests validate every catalogue they build
/// against it, so the two cannot drift apart.
pub const CATALOGUE_SCHEMA: &[u8] = include_bytes!("catalogue.schema.json");

/// The resolved catalogue: every entity with its fields and resolved
/// relations, ids as references. Stable key order, so identical input gives
/// identical bytes.
pub fn catalogue_json(catalogue: &Catalogue, routes: &Routes) -> String {
    let config = &catalogue.config;
    let id_of = |r: &Option<Ref>| r.as_ref().map(|r| catalogue[r.id].id.as_str());
    let rule = |e: &Expr<Ref>| rules::to_json(e, catalogue);
    let entities = |kind: Kind| -> Vec<Value> {
        catalogue
            .of_kind(kind)
            .iter()
            .map(|&id| {
                let doc = &catalogue[id];
                let mut value = json!({
                    "id": doc.id,
                    "title": doc.common.title.value,
                    "summary": doc.common.summary,
                    "url": routes.url_of(id).map(|url| config.absolute(&url)),
                });
                let fields = match &doc.details {
                    Details::Pathway(p) => json!({
                        "organization": p.organization.as_ref().map(|o| &o.value),
                        "outcome": id_of(&p.outcome),
                        "levels": catalogue.levels_of(id).iter().map(|&l| &catalogue[l].id).collect::<Vec<_>>(),
                    }),
                    Details::Level(l) => json!({
                        "pathway": id_of(&l.pathway),
                        "order": l.order.as_ref().map(|o| o.value),
                        "requires": l.requires.as_ref().map(rule),
                        "completion": l.completion.as_ref().map(rule),
                        "awards": id_of(&l.awards),
                        "by_application": l.by_application,
                        "pool_noun": l.pool_noun.as_ref().map(|f| f.to_json()),
                        "duration": l.duration,
                    }),
                    Details::Workshop(w) => json!({
                        "level": id_of(&w.level),
                        "requires": catalogue.workshop_requires(w).map(rule),
                        "duration": w.duration,
                        "topics": w.topics,
                        "audience": w.audience,
                        "offerings": w.offerings.iter().map(|o| offering(o, &catalogue.config)).collect::<Vec<_>>(),
                    }),
                    Details::Requirement(r) => json!({
                        "category": r.category,
                        "unit": r.unit.as_ref().map(|u| &u.other),
                        "unit_forms": r.unit.as_ref().map(|u| u.to_json()),
                        "valid_for": r.valid_for.map(|v| v.to_string()),
                        "providers": r.providers,
                    }),
                    Details::Credential(c) => json!({ "issuer": c.issuer.as_ref().map(|i| &i.value) }),
                    Details::Page => json!({}),
                };
                if let (Value::Object(target), Value::Object(fields)) = (&mut value, fields) {
                    target.extend(fields);
                }
                value
            })
            .collect()
    };
    // Built by hand: `json!` would copy each large array through serde.
    let mut document = serde_json::Map::new();
    document.insert(
        "site".into(),
        json!({ "title": config.title, "base_url": config.base_url, "language": config.language }),
    );
    document.insert(
        "organizations".into(),
        serde_json::to_value(&config.organizations).unwrap_or_default(),
    );
    for kind in Kind::CATALOGUE {
        document.insert(kind.folder().into(), Value::Array(entities(kind)));
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Every page's absolute URL but the 404 page's, sorted.
pub fn sitemap(site: super::Site<'_>) -> String {
    let (catalogue, routes) = (site.catalogue, site.routes);
    let config = &catalogue.config;
    let absolute = |url: String| config.absolute(&url);
    let mut pages: Vec<(String, Page)> = routes
        .pages()
        .filter(|(_, page)| *page != Page::NotFound)
        .map(|(route, page)| (absolute(route.url(config.base_path())), page))
        .collect();
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if !site.editions.is_empty() {
        xml.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    xml.push_str(">\n");
    for (url, page) in pages {
        xml.push_str("  <url><loc>");
        xml.push_str(&super::escape_html(&url));
        xml.push_str("</loc>");
        // The same page in every language that has it, itself included,
        // as search engines ask (and the default one as x-default).
        let others: Vec<(&str, String)> = site
            .editions
            .iter()
            .filter_map(|e| Some((e.tag, absolute(e.routes.page_url(page)?))))
            .collect();
        if others.len() > 1 {
            let first = others[0].1.clone();
            for (tag, href) in others
                .into_iter()
                .chain(std::iter::once(("x-default", first)))
            {
                xml.push_str(&format!(
                    "\n    <xhtml:link rel=\"alternate\" hreflang=\"{tag}\" href=\"{}\"/>",
                    super::escape_html(&href)
                ));
            }
            xml.push_str("\n  ");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// An offering for catalogue.json: days as `2027-03-12`, times with their
/// offset (`2027-03-12T09:00:00-04:00`) and the zone they were placed in,
/// amounts as decimal strings so that no digit is lost to floating point.
pub(crate) fn offering(o: &crate::content::Offering, config: &crate::config::Config) -> Value {
    use crate::content::Price;
    let placed = crate::schedule::place(o, config.time_zone.as_deref()).ok();
    let moment = |m: &crate::schedule::Moment| crate::schedule::iso(m);
    let written = |w: &crate::content::When| w.date().to_string();
    let (start, end, deadline) = match &placed {
        Some(p) => (
            moment(&p.start),
            p.end.as_ref().map(moment),
            p.deadline.as_ref().map(moment),
        ),
        None => (
            written(&o.start.value),
            o.end.as_ref().map(|e| written(&e.value)),
            o.deadline.as_ref().map(|d| written(&d.value)),
        ),
    };
    let time_zone = placed
        .as_ref()
        .and_then(|p| p.zone.as_ref())
        .and_then(|zone| zone.iana_name().map(str::to_string));
    let price = o.price.as_ref().map(|price| match &price.value {
        Price::Free => json!({ "free": true }),
        Price::Amount { amount, currency } => {
            let own = currency.as_ref().map(|c| c.value.as_str());
            let site = config.currency.as_deref();
            let (code, plain) = match crate::money::shown(*amount, own, site) {
                Some((code, plain)) => (Some(code), plain),
                None => (own.or(site).map(str::to_string), amount.to_string()),
            };
            json!({ "free": amount.is_zero(), "amount": plain, "currency": code })
        }
    });
    json!({
        "id": o.id.as_ref().map(|id| &id.value),
        "start": start,
        "end": end,
        "time_zone": time_zone,
        "location": o.location,
        "online": o.online,
        "register": o.register,
        "price": price,
        "language": o.language.as_ref().map(|l| &l.value),
        "status": o.status,
        "deadline": deadline,
        "note": o.note,
    })
}
