//! What templates see: each document turned into plain template data, with
//! every reference already resolved to a title and URL.
//!
//! Each view holds only what its page shows (never the whole catalogue), so
//! building one costs the same whatever the size of the site.

use super::links::{listing_url, url_of};
use crate::catalogue::{Catalogue, Entity, Id, Ref};
use crate::content::{Date, Details, Kind, Offering};
use crate::rules::{Expr, ExprKind, Pool};
use serde_json::{Map, Value, json};

/// A link to a document: what cards and rule text need.
pub fn link(catalogue: &Catalogue, doc: &Entity) -> Value {
    json!({
        "id": doc.id,
        "kind": doc.kind,
        "title": doc.common.title.value,
        "summary": doc.common.summary,
        "url": url_of(catalogue, doc),
    })
}

/// A link as a rule names it: with a requirement's validity, which the
/// checklist shows beside the box ("valid for 3 years").
fn rule_link(catalogue: &Catalogue, id: Id) -> Value {
    let mut value = link_to(catalogue, id);
    if let (Some(r), Value::Object(map)) = (catalogue[id].as_requirement(), &mut value) {
        map.insert("valid_for".into(), json!(r.valid_for));
    }
    value
}

fn link_to(catalogue: &Catalogue, id: Id) -> Value {
    link(catalogue, &catalogue[id])
}

/// A link to a reference's entity, or null.
fn link_of(catalogue: &Catalogue, reference: Option<&Ref>) -> Value {
    reference.map_or(Value::Null, |r| link_to(catalogue, r.id))
}

fn links(catalogue: &Catalogue, ids: &[Id]) -> Vec<Value> {
    ids.iter().map(|&i| link_to(catalogue, i)).collect()
}

/// A number as people write it: 300, not 300.0.
pub fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

/// An expression as a tree the `rule` macro turns into words.
pub fn expr(catalogue: &Catalogue, e: &Expr<Ref>) -> Value {
    expr_view(catalogue, e, false)
}

/// The same, with every workshop of a `choose … from = "level"` pool listed
/// (as `pool`): what the checklist's inputs need. Elsewhere only the count
/// is given, so that a level of 2,000 workshops does not weigh on every page.
pub fn expr_with_pools(catalogue: &Catalogue, e: &Expr<Ref>) -> Value {
    expr_view(catalogue, e, true)
}

fn expr_view(catalogue: &Catalogue, e: &Expr<Ref>, with_pools: bool) -> Value {
    let mut view = Map::new();
    let kind = match &e.kind {
        ExprKind::Item(item) => {
            view.insert("item".into(), rule_link(catalogue, item.id));
            "item"
        }
        ExprKind::All(children) | ExprKind::Any(children) => {
            let children: Vec<Value> = children
                .iter()
                .map(|c| expr_view(catalogue, c, with_pools))
                .collect();
            view.insert("children".into(), children.into());
            if matches!(e.kind, ExprKind::All(_)) {
                "all"
            } else {
                "any"
            }
        }
        ExprKind::Choose { count, from } => {
            view.insert("count".into(), json!(count));
            match from {
                Pool::Items(items) => {
                    let pool: Vec<Value> = items.iter().map(|i| link_to(catalogue, i.id)).collect();
                    view.insert("pool".into(), pool.into());
                }
                Pool::Level(level) => {
                    let workshops = catalogue.workshops_of(level.id);
                    view.insert("pool_level".into(), link_to(catalogue, level.id));
                    view.insert("pool_size".into(), json!(workshops.len()));
                    if with_pools {
                        view.insert("pool".into(), Value::Array(links(catalogue, workshops)));
                    }
                }
            }
            "choose"
        }
        ExprKind::Has { id, at_least } => {
            view.insert("item".into(), link_to(catalogue, id.id));
            view.insert("at_least".into(), number(*at_least));
            let unit = catalogue[id.id]
                .as_requirement()
                .and_then(|r| r.unit.clone());
            view.insert("unit".into(), json!(unit));
            "has"
        }
    };
    view.insert("kind".into(), kind.into());
    view.insert("preferred".into(), e.preferred.into());
    view.insert("note".into(), json!(e.note));
    Value::Object(view)
}

fn date(d: &Date) -> Value {
    json!({
        "iso": d.to_string(),
        "year": d.year,
        "month": d.month,
        "month_index": d.month.saturating_sub(1),
        "day": d.day,
    })
}

fn offering(o: &Offering) -> Value {
    json!({
        "start": date(&o.start.value),
        "end": o.end.as_ref().map(|e| date(&e.value)),
        "location": o.location,
        "online": o.online,
        "register": o.register,
    })
}

fn organization(catalogue: &Catalogue, key: Option<&str>) -> Value {
    key.and_then(|k| {
        catalogue
            .config
            .organizations
            .get(k)
            .map(|o| json!({"key": k, "name": o.name, "url": o.url}))
    })
    .unwrap_or(Value::Null)
}

/// The `page` of an entity or plain page: common fields plus its kind's.
/// Offerings are split at `today` into upcoming and past.
pub fn page(catalogue: &Catalogue, index: Id, content: String, today: Date) -> Value {
    let doc = &catalogue[index];
    let mut view = Map::new();
    view.insert("id".into(), json!(doc.id));
    view.insert("kind".into(), json!(doc.kind));
    view.insert("title".into(), json!(doc.common.title.value));
    view.insert("summary".into(), json!(doc.common.summary));
    view.insert("url".into(), json!(url_of(catalogue, doc)));
    view.insert("content".into(), Value::String(content));
    view.insert("headings".into(), json!(doc.body.headings));
    view.insert("extra".into(), doc.common.extra.clone());
    view.insert("draft".into(), json!(doc.common.draft));
    let related = |ids: &[Id]| Value::Array(links(catalogue, ids));
    match &doc.details {
        Details::Page => {}
        Details::Pathway(p) => {
            view.insert(
                "organization".into(),
                organization(catalogue, p.organization.as_ref().map(|o| o.value.as_str())),
            );
            view.insert("outcome".into(), link_of(catalogue, p.outcome.as_ref()));
            let levels: Vec<Value> = catalogue
                .levels_of(index)
                .iter()
                .map(|&level| level_summary(catalogue, level, false))
                .collect();
            view.insert("levels".into(), levels.into());
        }
        Details::Level(level) => {
            view.insert("pathway".into(), link_of(catalogue, level.pathway.as_ref()));
            view.insert("order".into(), json!(level.order.as_ref().map(|o| o.value)));
            // The "Am I ready?" panel asks for every item of `requires`.
            view.insert(
                "requires".into(),
                level
                    .requires
                    .as_ref()
                    .map_or(Value::Null, |e| expr_with_pools(catalogue, e)),
            );
            view.insert(
                "completion".into(),
                level
                    .completion
                    .as_ref()
                    .map_or(Value::Null, |e| expr(catalogue, e)),
            );
            view.insert("awards".into(), link_of(catalogue, level.awards.as_ref()));
            view.insert("by_application".into(), json!(level.by_application));
            view.insert("duration".into(), json!(level.duration));
            view.insert("workshops".into(), related(catalogue.workshops_of(index)));
            let steps = neighbours(catalogue, index, level.pathway.as_ref());
            view.insert("previous".into(), steps.previous);
            view.insert("next".into(), steps.next);
            view.insert("step".into(), json!(steps.position));
            view.insert("step_count".into(), json!(steps.count));
        }
        Details::Workshop(workshop) => {
            view.insert("level".into(), link_of(catalogue, workshop.level.as_ref()));
            view.insert(
                "requires".into(),
                catalogue
                    .workshop_requires(workshop)
                    .map_or(Value::Null, |e| expr(catalogue, e)),
            );
            view.insert(
                "requires_inherited".into(),
                json!(workshop.requires.is_none()),
            );
            view.insert("duration".into(), json!(workshop.duration));
            view.insert("topics".into(), json!(workshop.topics));
            view.insert("audience".into(), json!(workshop.audience));
            let mut offerings: Vec<&Offering> = workshop.offerings.iter().collect();
            offerings.sort_by_key(|o| (o.start.value, o.end.as_ref().map(|e| e.value)));
            let (past, upcoming): (Vec<&Offering>, Vec<&Offering>) =
                offerings.into_iter().partition(|o| o.is_past(today));
            let upcoming: Vec<Value> = upcoming.into_iter().map(offering).collect();
            // Most recent first: the past is read backwards.
            let past: Vec<Value> = past.into_iter().rev().map(offering).collect();
            view.insert("offerings".into(), upcoming.into());
            view.insert("past_offerings".into(), past.into());
        }
        Details::Requirement(r) => {
            view.insert("category".into(), json!(r.category));
            view.insert("unit".into(), json!(r.unit));
            view.insert("valid_for".into(), json!(r.valid_for));
            view.insert("providers".into(), json!(r.providers));
            view.insert("needed_by".into(), related(catalogue.needed_by(index)));
        }
        Details::Credential(c) => {
            view.insert(
                "issuer".into(),
                organization(catalogue, c.issuer.as_ref().map(|i| i.value.as_str())),
            );
            view.insert("awarded_by".into(), related(catalogue.awarded_by(index)));
            view.insert("outcome_of".into(), related(catalogue.outcome_of(index)));
        }
    }
    Value::Object(view)
}

/// A level as a step of its pathway: link, rules and awards; pools listed
/// for the checklist (`with_pools`).
pub fn level_summary(catalogue: &Catalogue, index: Id, with_pools: bool) -> Value {
    let doc = &catalogue[index];
    let mut view = link(catalogue, doc);
    if let (Details::Level(level), Value::Object(map)) = (&doc.details, &mut view) {
        map.insert("order".into(), json!(level.order.as_ref().map(|o| o.value)));
        map.insert(
            "requires".into(),
            level
                .requires
                .as_ref()
                .map_or(Value::Null, |e| expr_view(catalogue, e, with_pools)),
        );
        map.insert(
            "completion".into(),
            level
                .completion
                .as_ref()
                .map_or(Value::Null, |e| expr_view(catalogue, e, with_pools)),
        );
        map.insert("awards".into(), link_of(catalogue, level.awards.as_ref()));
        map.insert("by_application".into(), json!(level.by_application));
        map.insert("duration".into(), json!(level.duration));
        map.insert(
            "workshop_count".into(),
            json!(catalogue.workshops_of(index).len()),
        );
    }
    view
}

/// Where a level sits in its pathway.
struct Steps {
    previous: Value,
    next: Value,
    /// 1-based position; null outside a pathway.
    position: Option<usize>,
    count: Option<usize>,
}

fn neighbours(catalogue: &Catalogue, index: Id, pathway: Option<&Ref>) -> Steps {
    let none = Steps {
        previous: Value::Null,
        next: Value::Null,
        position: None,
        count: None,
    };
    let Some(pathway) = pathway else {
        return none;
    };
    let levels = catalogue.levels_of(pathway.id);
    let Some(position) = levels.iter().position(|&l| l == index) else {
        return none;
    };
    let at = |p: Option<usize>| {
        p.and_then(|p| levels.get(p))
            .map_or(Value::Null, |&l| link_to(catalogue, l))
    };
    Steps {
        previous: at(position.checked_sub(1)),
        next: at(Some(position + 1)),
        position: Some(position + 1),
        count: Some(levels.len()),
    }
}

/// The items of a kind's listing page, each a link with what its card shows.
pub fn listing_items(catalogue: &Catalogue, kind: Kind, today: Date) -> Vec<Value> {
    catalogue
        .of_kind(kind)
        .iter()
        .map(|&i| {
            let doc = &catalogue[i];
            let mut item = link(catalogue, doc);
            if let Value::Object(map) = &mut item {
                match &doc.details {
                    Details::Level(level) => {
                        map.insert("pathway".into(), link_of(catalogue, level.pathway.as_ref()));
                        map.insert("order".into(), json!(level.order.as_ref().map(|o| o.value)));
                    }
                    Details::Workshop(w) => {
                        map.insert("level".into(), link_of(catalogue, w.level.as_ref()));
                        let upcoming = w.offerings.iter().filter(|o| !o.is_past(today)).count();
                        map.insert("offering_count".into(), json!(upcoming));
                    }
                    Details::Requirement(r) => {
                        map.insert("category".into(), json!(r.category));
                        map.insert("valid_for".into(), json!(r.valid_for));
                    }
                    Details::Pathway(p) => {
                        map.insert(
                            "organization".into(),
                            organization(
                                catalogue,
                                p.organization.as_ref().map(|o| o.value.as_str()),
                            ),
                        );
                    }
                    Details::Credential(c) => {
                        map.insert(
                            "issuer".into(),
                            organization(catalogue, c.issuer.as_ref().map(|i| i.value.as_str())),
                        );
                    }
                    Details::Page => {}
                }
            }
            item
        })
        .collect()
}

/// The main navigation: home, each catalogue kind that has entries, the checklist.
pub fn nav(catalogue: &Catalogue, i18n: &Value) -> Vec<Value> {
    let mut items = Vec::new();
    for kind in Kind::CATALOGUE {
        if catalogue.has_kind(kind) {
            let title = i18n["kinds"][kind.folder()]
                .as_str()
                .unwrap_or(kind.folder());
            items.push(
                json!({"key": kind.folder(), "title": title, "url": listing_url(catalogue, kind)}),
            );
        }
    }
    let checklist = i18n["nav"]["checklist"].as_str().unwrap_or("checklist");
    items.push(json!({"key": "checklist", "title": checklist, "url": super::links::path_url(catalogue.config.base_path(), "checklist")}));
    items
}

/// The key the checklist's answers are saved under: the same on every page
/// of a site, and different as soon as the site or its rules change, so
/// answers given to other rules are never misread.
pub fn checklist_key(catalogue: &Catalogue) -> String {
    // The rules' structure, not their wording: editing a note keeps
    // everyone's answers.
    let mut rules = checklist_rules(catalogue, None).rules;
    drop_notes(&mut rules);
    let fingerprint = fnv1a(&format!("{}|{}", catalogue.config.base_url, rules));
    format!(
        "cairn-checklist:{}:{fingerprint:016x}",
        catalogue.config.title
    )
}

/// The checklist's rules as JSON for `checklist.js`: levels' expressions in
/// the canonical form of catalogue.json, the pools and awards evaluation
/// needs, titles and URLs for the "missing" lists, and the strings the
/// script shows. For the "Am I ready?" panel of one level (`focus`), only
/// what judging that level needs. Escaped so that it can sit inside a
/// `<script>` element whatever the content holds (`</script>`, `<!--`,
/// U+2028).
pub fn checklist_data(catalogue: &Catalogue, i18n: &Value, key: &str, focus: Option<Id>) -> String {
    let parts = checklist_rules(catalogue, focus);
    let data = json!({
        "storage_key": key,
        "rules": parts.rules,
        "items": parts.items,
        "text": i18n["checklist"]["live"],
    });
    script_safe_json(&data)
}

struct ChecklistRules {
    rules: Value,
    items: serde_json::Map<String, Value>,
}

fn checklist_rules(catalogue: &Catalogue, focus: Option<Id>) -> ChecklistRules {
    use crate::rules::{self, RefRole};
    use std::collections::BTreeSet;
    // Which levels, pools and items the page needs.
    let mut included: BTreeSet<Id> = BTreeSet::new();
    let mut pools: BTreeSet<Id> = BTreeSet::new();
    let mut items: BTreeSet<Id> = BTreeSet::new();
    let all_levels = catalogue.of_kind(Kind::Level);
    match focus {
        None => included.extend(all_levels.iter().copied()),
        Some(level) => {
            let mut queue = vec![level];
            while let Some(next) = queue.pop() {
                if !included.insert(next) {
                    continue;
                }
                let Some(details) = catalogue[next].as_level() else {
                    continue;
                };
                let exprs = if next == level {
                    vec![&details.requires, &details.completion]
                } else {
                    vec![&details.completion]
                };
                for expr in exprs.into_iter().flatten() {
                    for (target, _) in expr.references() {
                        if catalogue[target.id].kind == Kind::Level {
                            queue.push(target.id);
                        }
                        queue.extend(catalogue.awarded_by(target.id));
                    }
                }
            }
        }
    }
    let mut levels = Vec::new();
    let mut awarded_by = serde_json::Map::new();
    for &i in all_levels.iter().filter(|i| included.contains(i)) {
        let Some(level) = catalogue[i].as_level() else {
            continue;
        };
        let doc = &catalogue[i];
        let full = focus.is_none_or(|f| f == i);
        for (_, expr) in doc.rules() {
            for (target, role) in expr.references() {
                if role == RefRole::PoolLevel {
                    pools.insert(target.id);
                }
                if full {
                    items.insert(target.id);
                }
            }
        }
        if full {
            items.insert(i);
        }
        let to_json = |e: &Expr<Ref>| rules::to_json(e, catalogue);
        levels.push(json!({
            "id": doc.id,
            "requires": if full { level.requires.as_ref().map(to_json) } else { None },
            "completion": level.completion.as_ref().map(to_json),
        }));
        if let Some(awards) = &level.awards {
            let entry = awarded_by
                .entry(catalogue[awards.id].id.clone())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = entry {
                list.push(json!(doc.id));
            }
        }
    }
    let mut pool_map = serde_json::Map::new();
    for &level in &pools {
        let workshops = catalogue.workshops_of(level);
        if focus.is_none() || items.contains(&level) {
            items.extend(workshops);
        }
        let ids: Vec<&str> = workshops
            .iter()
            .map(|&w| catalogue[w].id.as_str())
            .collect();
        pool_map.insert(catalogue[level].id.clone(), json!(ids));
    }
    // Keyed by id, so in id order whatever the handles' order.
    let items = items
        .iter()
        .map(|&id| {
            let doc = &catalogue[id];
            (
                doc.id.clone(),
                json!({ "title": doc.common.title.value, "url": url_of(catalogue, doc) }),
            )
        })
        .collect();
    ChecklistRules {
        rules: json!({ "levels": levels, "pools": pool_map, "awarded_by": awarded_by }),
        items,
    }
}

/// JSON that cannot end the `<script>` element holding it, open an HTML
/// comment, or break a JavaScript string (U+2028, U+2029).
pub fn script_safe_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn drop_notes(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("note");
            map.values_mut().for_each(drop_notes);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_notes),
        _ => {}
    }
}

/// A stable 64-bit fingerprint (FNV-1a): identical rules, identical key.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
