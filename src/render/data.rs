//! Machine-readable outputs: `catalogue.json` (the resolved catalogue as
//! open data) and `sitemap.xml`.

use crate::catalogue::{Catalogue, Ref};
use crate::content::{Details, Kind};
use crate::routes::{Page, Routes};
use crate::rules;
use crate::rules::Expr;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// The JSON Schema of what [`catalogue_json`] writes, published as
/// `/catalogue.schema.json`; the tests validate every catalogue they build
/// against it, so the two cannot drift apart.
pub const CATALOGUE_SCHEMA: &[u8] = include_bytes!("catalogue.schema.json");

/// The resolved catalogue: every entity with its fields and resolved
/// relations, ids as references. Stable key order, so identical input gives
/// identical bytes.
///
/// Serialized straight from the catalogue through the borrowing structs
/// below, never through a JSON tree: at 10,000 workshops a tree cost more
/// than the rest of this file's work, to build, copy and drop. Each
/// struct's fields are in alphabetical order, the order catalogue.json has
/// always had (a JSON object's).
pub fn catalogue_json(catalogue: &Catalogue, routes: &Routes) -> String {
    let config = &catalogue.config;
    let kinds: Vec<(&str, Entities<'_>)> = Kind::CATALOGUE
        .iter()
        .map(|&kind| {
            (
                kind.folder(),
                Entities {
                    catalogue,
                    routes,
                    kind,
                },
            )
        })
        .collect();
    let document = Document {
        kinds,
        organizations: &config.organizations,
        site: SiteJson {
            base_url: &config.base_url,
            language: &config.language,
            title: &config.title,
        },
    };
    // About 1.5 KB per workshop with its offerings: one allocation, not twenty.
    let mut bytes = Vec::with_capacity(1_600 * catalogue.of_kind(Kind::Workshop).len() + 4_096);
    // Writing to memory cannot fail, and every map key is a string.
    serde_json::to_writer_pretty(&mut bytes, &document).expect("catalogue.json serializes");
    bytes.push(b'\n');
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

struct Document<'a> {
    /// Each catalogue kind's folder name and entities.
    kinds: Vec<(&'static str, Entities<'a>)>,
    organizations: &'a std::collections::BTreeMap<String, crate::config::Organization>,
    site: SiteJson<'a>,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut entries: Vec<(&str, Top<'_>)> = self
            .kinds
            .iter()
            .map(|(folder, entities)| (*folder, Top::Entities(entities)))
            .collect();
        entries.push(("organizations", Top::Organizations(self.organizations)));
        entries.push(("site", Top::Site(&self.site)));
        entries.sort_by_key(|(key, _)| *key);
        let mut map = serializer.serialize_map(Some(entries.len()))?;
        for (key, value) in &entries {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Top<'a> {
    Entities(&'a Entities<'a>),
    Organizations(&'a std::collections::BTreeMap<String, crate::config::Organization>),
    Site(&'a SiteJson<'a>),
}

#[derive(Serialize)]
struct SiteJson<'a> {
    base_url: &'a str,
    language: &'a str,
    title: &'a str,
}

/// Every entity of one kind, in the catalogue's order.
struct Entities<'a> {
    catalogue: &'a Catalogue,
    routes: &'a Routes,
    kind: Kind,
}

impl Serialize for Entities<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Entities {
            catalogue, routes, ..
        } = *self;
        serializer.collect_seq(
            catalogue
                .of_kind(self.kind)
                .iter()
                .map(|&id| entity(catalogue, routes, id)),
        )
    }
}

/// One entity's fields, its kind's and the ones every entity has.
fn entity<'a>(catalogue: &'a Catalogue, routes: &Routes, id: crate::catalogue::Id) -> Entity<'a> {
    let doc = &catalogue[id];
    let common = Common {
        id: &doc.id,
        summary: doc.common.summary.as_deref(),
        title: &doc.common.title.value,
        url: routes.url_of(id).map(|url| catalogue.config.absolute(&url)),
    };
    let id_of = |r: &Option<Ref>| r.as_ref().map(|r| catalogue[r.id].id.as_str());
    let rule = |expr: &'a Expr<Ref>| rules::Json { expr, catalogue };
    match &doc.details {
        Details::Pathway(p) => Entity::Pathway {
            id: common.id,
            levels: catalogue
                .levels_of(id)
                .iter()
                .map(|&l| catalogue[l].id.as_str())
                .collect(),
            organization: p.organization.as_ref().map(|o| o.value.as_str()),
            outcome: id_of(&p.outcome),
            summary: common.summary,
            title: common.title,
            url: common.url,
        },
        Details::Level(l) => Entity::Level {
            awards: id_of(&l.awards),
            by_application: l.by_application,
            completion: l.completion.as_ref().map(rule),
            duration: l.duration.as_deref(),
            id: common.id,
            order: l.order.as_ref().map(|o| o.value),
            pathway: id_of(&l.pathway),
            pool_noun: l.pool_noun.as_ref().map(|f| f.to_json()),
            requires: l.requires.as_ref().map(rule),
            summary: common.summary,
            title: common.title,
            url: common.url,
        },
        Details::Workshop(w) => Entity::Workshop {
            audience: &w.audience,
            duration: w.duration.as_deref(),
            id: common.id,
            level: id_of(&w.level),
            offerings: w
                .offerings
                .iter()
                .map(|o| crate::published::Offering::new(o, &catalogue.config))
                .collect(),
            open_to_all: w.open_to_all,
            requires: catalogue.workshop_requires(w).map(rule),
            summary: common.summary,
            title: common.title,
            topics: &w.topics,
            url: common.url,
        },
        Details::Requirement(r) => Entity::Requirement {
            category: r.category,
            discretionary: r.discretionary,
            id: common.id,
            providers: &r.providers,
            summary: common.summary,
            title: common.title,
            unit: r.unit.as_ref().map(|u| u.other.as_str()),
            unit_forms: r.unit.as_ref().map(|u| u.to_json()),
            url: common.url,
            valid_for: r.valid_for.map(|v| v.to_string()),
        },
        Details::Credential(c) => Entity::Credential {
            id: common.id,
            issuer: c.issuer.as_ref().map(|i| i.value.as_str()),
            summary: common.summary,
            title: common.title,
            url: common.url,
            valid_for: c.valid_for.map(|v| v.to_string()),
        },
        Details::Page => Entity::Page(common),
    }
}

/// What every entity has.
#[derive(Serialize)]
struct Common<'a> {
    id: &'a str,
    summary: Option<&'a str>,
    title: &'a str,
    url: Option<String>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Entity<'a> {
    Pathway {
        id: &'a str,
        levels: Vec<&'a str>,
        organization: Option<&'a str>,
        outcome: Option<&'a str>,
        summary: Option<&'a str>,
        title: &'a str,
        url: Option<String>,
    },
    Level {
        awards: Option<&'a str>,
        by_application: bool,
        completion: Option<rules::Json<'a>>,
        duration: Option<&'a str>,
        id: &'a str,
        order: Option<i64>,
        pathway: Option<&'a str>,
        pool_noun: Option<Value>,
        requires: Option<rules::Json<'a>>,
        summary: Option<&'a str>,
        title: &'a str,
        url: Option<String>,
    },
    Workshop {
        audience: &'a [String],
        duration: Option<&'a str>,
        id: &'a str,
        level: Option<&'a str>,
        offerings: Vec<crate::published::Offering<'a>>,
        open_to_all: bool,
        requires: Option<rules::Json<'a>>,
        summary: Option<&'a str>,
        title: &'a str,
        topics: &'a [String],
        url: Option<String>,
    },
    Requirement {
        category: Option<crate::content::Category>,
        discretionary: bool,
        id: &'a str,
        providers: &'a [crate::content::Provider],
        summary: Option<&'a str>,
        title: &'a str,
        unit: Option<&'a str>,
        unit_forms: Option<Value>,
        url: Option<String>,
        valid_for: Option<String>,
    },
    Credential {
        id: &'a str,
        issuer: Option<&'a str>,
        summary: Option<&'a str>,
        title: &'a str,
        url: Option<String>,
        valid_for: Option<String>,
    },
    Page(Common<'a>),
}

/// Every page's absolute URL but the 404 page's, sorted.
pub fn sitemap(site: super::Site<'_>) -> String {
    let (catalogue, routes) = (site.catalogue, site.routes);
    let config = &catalogue.config;
    let absolute = |url: String| config.absolute(&url);
    let mut pages: Vec<(String, Page)> = routes
        .pages()
        .filter(|(_, page)| !matches!(page, Page::NotFound | Page::Alias(..)))
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
