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
                        "offerings": w.offerings.iter().map(|o| json!({
                            "start": o.start.value.to_string(),
                            "end": o.end.as_ref().map(|e| e.value.to_string()),
                            "location": o.location,
                            "online": o.online,
                            "register": o.register,
                        })).collect::<Vec<_>>(),
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
pub fn sitemap(catalogue: &Catalogue, routes: &Routes) -> String {
    let config = &catalogue.config;
    let mut urls: Vec<String> = routes
        .pages()
        .filter(|(_, page)| *page != Page::NotFound)
        .map(|(route, _)| config.absolute(&route.url(config.base_path())))
        .collect();
    urls.sort();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        xml.push_str("  <url><loc>");
        xml.push_str(&super::escape_html(&url));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
