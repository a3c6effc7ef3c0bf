//! What the checklist's scripts read: every level's rules once for the
//! site (`checklist-rules.js`), and each page's own words and titles, as
//! JSON made safe to sit inside a `<script>` element. Each is a typed
//! struct whose fields are in alphabetical order, the order its keys have
//! always had, so that the key answers are saved under stays the same.

use crate::catalogue::{Catalogue, Id, Ref};
use crate::content::Kind;
use crate::messages::{Arg, Messages};
use crate::phrases::Phrases;
use crate::rules::{Expr, RefRole};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A page's own data for `checklist.js`.
#[derive(Serialize)]
struct ChecklistData<'a> {
    /// The titles and addresses the checklist's words name.
    items: BTreeMap<&'a str, ItemWords<'a>>,
    /// The checklist page plans toward a goal; a level's panel does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<PlanData<'a>>,
    storage_key: &'a str,
    text: BTreeMap<&'static str, LiveText>,
}

#[derive(Serialize)]
struct ItemWords<'a> {
    /// A title nobody has translated: the script marks its language.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    title: &'a str,
    url: String,
}

/// A string the script shows, or the months' names.
#[derive(Serialize)]
#[serde(untagged)]
enum LiveText {
    One(String),
    Many(Vec<String>),
}

/// What `checklist-plan.js` needs beyond the rules.
#[derive(Serialize)]
struct PlanData<'a> {
    /// Each level's workshops in order.
    by_level: BTreeMap<&'a str, Vec<&'a str>>,
    /// The requirements granted at the organizers' discretion, which a
    /// plan takes last.
    discretionary: BTreeSet<&'a str>,
    words: BTreeMap<&'static str, String>,
    /// Every workshop's level and own `requires`.
    workshops: BTreeMap<&'a str, PlanWorkshop<'a>>,
}

#[derive(Serialize)]
struct PlanWorkshop<'a> {
    level: Option<&'a str>,
    requires: Option<Value>,
}

/// `checklist-rules.js`.
#[derive(Serialize)]
struct ChecklistRules<'a> {
    awarded_by: BTreeMap<&'a str, Vec<&'a str>>,
    /// What each entity implies when done, in the order `cairn
    /// eligibility` applies them (`rules::implied`).
    implies: Vec<(&'a str, Vec<&'a str>)>,
    levels: Vec<LevelRules<'a>>,
    /// What a record may give an amount of.
    measured: BTreeSet<&'a str>,
    order: Vec<&'a str>,
    /// The workshops of the levels `choose` draws from.
    pools: BTreeMap<&'a str, Vec<&'a str>>,
    /// What lapses, and after how long: the script judges dates as
    /// `cairn eligibility` does.
    valid_for: BTreeMap<&'a str, Validity>,
}

#[derive(Serialize)]
struct LevelRules<'a> {
    completion: Option<Value>,
    id: &'a str,
    requires: Option<Value>,
}

#[derive(Serialize)]
struct Validity {
    count: u32,
    unit: &'static str,
}

/// A goal the checklist page plans toward.
#[derive(Serialize)]
pub struct Goal<'a> {
    id: &'a str,
    title: &'a str,
    words_lang: Option<&'a str>,
}

/// The key the checklist's answers are saved under: the same on every page
/// of a site, and different as soon as the site or its rules change, so
/// answers given to other rules are never misread.
pub fn checklist_key(phrases: &Phrases<'_>) -> String {
    let catalogue = phrases.catalogue;
    // The rules' structure, not their wording: editing a note keeps
    // everyone's answers.
    let mut rules = serde_json::to_value(checklist_rules(catalogue)).unwrap_or_default();
    drop_notes(&mut rules);
    // Nor their order of presentation, which follows titles and so each
    // language's alphabet: every language shares one person's answers.
    if let Some(rules) = rules.as_object_mut() {
        rules.remove("order");
        // What the rules imply follows from them: it tells no two apart.
        rules.remove("implies");
        if let Some(Value::Object(pools)) = rules.get_mut("pools") {
            for pool in pools.values_mut() {
                if let Value::Array(items) = pool {
                    items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                }
            }
        }
        if let Some(Value::Array(levels)) = rules.get_mut("levels") {
            levels.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        }
    }
    let fingerprint = fnv1a(&format!("{}|{}", catalogue.config.base_url, rules));
    // Named in the default language in every language: one person's
    // answers, whichever language they tick them in.
    let config = &catalogue.config;
    let title = config.default_title.as_ref().unwrap_or(&config.title);
    format!("cairn-checklist:{title}:{fingerprint:016x}")
}

/// A page's own data for `checklist.js` (the rules are the site's
/// `checklist-rules.js`): the key answers are saved under, titles and URLs
/// for the "missing" lists (of every level on the checklist page, of one
/// level on its "Am I ready?" panel, `focus`), and the strings the script
/// shows. Escaped so that it can sit inside a `<script>` element whatever
/// the content holds (`</script>`, `<!--`, U+2028).
pub fn checklist_data(phrases: &Phrases<'_>, key: &str, focus: Option<Id>) -> String {
    let data = ChecklistData {
        items: checklist_items(phrases, focus),
        plan: focus.is_none().then(|| plan_data(phrases)),
        storage_key: key,
        text: live_text(phrases.messages),
    };
    script_safe_json(&data)
}

/// Every workshop's level and own `requires`, each level's workshops in
/// order, and the plan's words.
fn plan_data<'a>(phrases: &Phrases<'a>) -> PlanData<'a> {
    let catalogue = phrases.catalogue;
    let messages = phrases.messages;
    let workshops = catalogue
        .of_kind(Kind::Workshop)
        .iter()
        .filter_map(|&w| {
            let workshop = catalogue[w].as_workshop()?;
            Some((
                catalogue[w].id.as_str(),
                PlanWorkshop {
                    level: workshop.level.as_ref().map(|l| catalogue[l.id].id.as_str()),
                    requires: workshop
                        .requires
                        .as_ref()
                        .map(|e| crate::rules::to_json(e, catalogue)),
                },
            ))
        })
        .collect();
    let by_level = catalogue
        .of_kind(Kind::Level)
        .iter()
        .map(|&l| {
            (
                catalogue[l].id.as_str(),
                ids(catalogue, catalogue.workshops_of(l)),
            )
        })
        .collect();
    let (heading_one, heading_other) =
        plural_templates(messages, "checklist_plan_heading", &["goal"]);
    let goal = [("goal", "{goal}".into())];
    let words = BTreeMap::from([
        ("heading_one", heading_one),
        ("heading_other", heading_other),
        ("reached", messages.text("checklist_plan_reached", &goal)),
        (
            "unreachable",
            messages.text("checklist_plan_unreachable", &goal),
        ),
        (
            "too_large",
            messages.text("checklist_plan_too_large", &goal),
        ),
        ("other", messages.word("checklist_plan_other").into_owned()),
        (
            "finish_level",
            messages.word("checklist_plan_finish_level").into_owned(),
        ),
        (
            "reach",
            messages.text(
                "checklist_plan_reach",
                &[("have", "{have}".into()), ("at_least", "{at_least}".into())],
            ),
        ),
        (
            "approximate",
            messages.word("checklist_plan_approximate").into_owned(),
        ),
    ]);
    let discretionary = catalogue
        .entities()
        .filter(|(_, doc)| doc.as_requirement().is_some_and(|r| r.discretionary))
        .map(|(_, doc)| doc.id.as_str())
        .collect();
    PlanData {
        by_level,
        discretionary,
        words,
        workshops,
    }
}

/// The ids of entities, in the order given.
fn ids<'a>(catalogue: &'a Catalogue, of: &[Id]) -> Vec<&'a str> {
    of.iter().map(|&id| catalogue[id].id.as_str()).collect()
}

/// The goals the checklist page plans toward: each pathway's outcome first
/// (its `outcome`; without one, what its last level awards, or that
/// level), then every other level and credential. The first is the goal a
/// visitor starts with.
pub fn plan_goals(catalogue: &Catalogue) -> Vec<Goal<'_>> {
    let mut goals: Vec<Id> = catalogue
        .of_kind(Kind::Pathway)
        .iter()
        .filter_map(|&p| {
            if let crate::content::Details::Pathway(pathway) = &catalogue[p].details
                && let Some(outcome) = &pathway.outcome
            {
                return Some(outcome.id);
            }
            let last = *catalogue.levels_of(p).last()?;
            Some(
                catalogue[last]
                    .as_level()
                    .and_then(|l| l.awards.as_ref())
                    .map_or(last, |a| a.id),
            )
        })
        .collect();
    for kind in [Kind::Level, Kind::Credential] {
        for &id in catalogue.of_kind(kind) {
            if !goals.contains(&id) {
                goals.push(id);
            }
        }
    }
    goals
        .iter()
        .map(|&id| {
            let doc = &catalogue[id];
            Goal {
                id: &doc.id,
                title: &doc.common.title.value,
                words_lang: doc.common.words_lang.as_deref(),
            }
        })
        .collect()
}

/// Message `id`, which says a `$count`, as a template for each plural form
/// a script picks with `Intl.PluralRules` ("one", "other"): written with a
/// sample count of that form, which becomes `{count}`, and with each of
/// `names` as `{name}`.
pub fn plural_templates(messages: &Messages, id: &str, names: &[&str]) -> (String, String) {
    let template = |count: f64| {
        let sample = messages.text("number_sample", &[("count", Arg::Number(count))]);
        let mut args: Vec<(&str, Arg)> = names
            .iter()
            .map(|n| (*n, format!("{{{n}}}").into()))
            .collect();
        args.push(("count", Arg::Number(count)));
        messages.text(id, &args).replacen(&sample, "{count}", 1)
    };
    (template(1.0), template(7.0))
}

/// `checklist-rules.js`: every level's rules, once for the whole site, for
/// the checklist and every level's panel. A page carries only its own
/// words; a level that depends on a chain of thousands of others costs
/// nothing more than one that does not.
pub fn checklist_rules_script(phrases: &Phrases<'_>) -> String {
    format!(
        "window.cairnChecklistRules = {};\n",
        script_safe_json(&checklist_rules(phrases.catalogue))
    )
}

/// The words `checklist.js` shows as people tick. Its placeholders
/// (`{count}`) are given to the messages as they are, for the script to fill.
fn live_text(messages: &Messages) -> BTreeMap<&'static str, LiveText> {
    let text = |id: &str, names: &[&str]| {
        let placeholders: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
        let args: Vec<(&str, Arg)> = names
            .iter()
            .zip(&placeholders)
            .map(|(name, value)| (*name, value.as_str().into()))
            .collect();
        LiveText::One(messages.text(id, &args))
    };
    // "You can start 1 level: …": each plural form, for the script to pick
    // with `Intl.PluralRules`.
    let (startable_one, startable_other) =
        plural_templates(messages, "checklist_live_startable", &["levels"]);
    let first = messages
        .text(
            "date_long",
            &[
                ("day", 1usize.into()),
                ("month", "".into()),
                ("year", "".into()),
            ],
        )
        .trim()
        .to_string();
    BTreeMap::from([
        ("separator", text("checklist_live_separator", &[])),
        ("can_start", text("checklist_live_can_start", &[])),
        ("completed", text("checklist_live_completed", &[])),
        ("implied", text("checklist_live_implied", &["item"])),
        ("cleared", text("checklist_live_cleared", &[])),
        ("finish_itself", text("checklist_live_finish_itself", &[])),
        ("restored", text("checklist_live_restored", &[])),
        ("not_yet", text("checklist_live_not_yet", &[])),
        ("missing_start", text("checklist_live_missing_start", &[])),
        ("missing_finish", text("checklist_live_missing_finish", &[])),
        (
            "summary",
            text("checklist_live_summary", &["completed", "total"]),
        ),
        ("startable_one", LiveText::One(startable_one)),
        ("startable_other", LiveText::One(startable_other)),
        ("startable_none", text("checklist_live_startable_none", &[])),
        ("count", text("checklist_live_count", &["count", "total"])),
        ("one_of", text("checklist_live_one_of", &[])),
        ("more_of", text("checklist_live_more_of", &["count"])),
        ("have", text("checklist_live_have", &["have", "at_least"])),
        ("expired", text("checklist_live_expired", &["item", "date"])),
        (
            "expiring",
            text("checklist_live_expiring", &["item", "date"]),
        ),
        ("date", text("date_long", &["day", "month", "year"])),
        ("first", LiveText::One(first)),
        (
            "months",
            LiveText::Many(
                (1..=12)
                    .map(|m| messages.word(&format!("month_{m}")).into_owned())
                    .collect(),
            ),
        ),
        ("file_name", text("checklist_file_name", &[])),
        ("file_comment", text("checklist_file_comment", &[])),
        ("file_loaded", text("checklist_file_loaded", &["file"])),
        (
            "file_not_loaded",
            text("checklist_file_not_loaded", &["file", "reason"]),
        ),
        ("file_bad_line", text("checklist_file_bad_line", &["line"])),
        (
            "file_unknown",
            text("checklist_file_unknown", &["id", "line"]),
        ),
        (
            "file_not_measured",
            text("checklist_file_not_measured", &["id", "line"]),
        ),
    ])
}

/// Every level's `requires` and `completion` in canonical form, the
/// workshops of the levels `choose` draws from, who awards each credential,
/// and `order`: every level and credential after all it takes to complete
/// or hold it, so that the script decides each once, in that order, with
/// no recursion as deep as the catalogue is long.
fn checklist_rules(catalogue: &Catalogue) -> ChecklistRules<'_> {
    let mut levels = Vec::new();
    let mut awarded_by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut pools = BTreeSet::new();
    let mut measured = BTreeSet::new();
    for &i in catalogue.of_kind(Kind::Level) {
        let Some(level) = catalogue[i].as_level() else {
            continue;
        };
        let doc = &catalogue[i];
        for (_, expr) in doc.rules() {
            for (target, role) in expr.references() {
                match role {
                    RefRole::PoolLevel => {
                        pools.insert(target.id);
                    }
                    RefRole::Measure => {
                        measured.insert(catalogue[target.id].id.as_str());
                    }
                    RefRole::Item | RefRole::PoolItem => {}
                }
            }
        }
        let to_json = |e: &Expr<Ref>| crate::rules::to_json(e, catalogue);
        levels.push(LevelRules {
            completion: level.completion.as_ref().map(to_json),
            id: &doc.id,
            requires: level.requires.as_ref().map(to_json),
        });
        if let Some(awards) = &level.awards {
            awarded_by
                .entry(catalogue[awards.id].id.as_str())
                .or_default()
                .push(&doc.id);
        }
    }
    let pools = pools
        .iter()
        .map(|&level| {
            (
                catalogue[level].id.as_str(),
                ids(catalogue, catalogue.workshops_of(level)),
            )
        })
        .collect();
    let valid_for = catalogue
        .entities()
        .filter_map(|(_, doc)| {
            let period = doc.as_requirement()?.valid_for?;
            Some((
                doc.id.as_str(),
                Validity {
                    count: period.count,
                    unit: period.unit.name(),
                },
            ))
        })
        .collect();
    let order = crate::rules::eval::completion_order(catalogue)
        .into_iter()
        .map(|id| catalogue[id].id.as_str())
        .collect();
    let implies = crate::rules::implied::implications(catalogue)
        .into_iter()
        .map(|(source, implied)| (catalogue[source].id.as_str(), ids(catalogue, &implied)))
        .collect();
    ChecklistRules {
        awarded_by,
        implies,
        levels,
        measured,
        order,
        pools,
        valid_for,
    }
}

/// The titles and addresses the checklist's words name: of everything on
/// the checklist page, or of what one level's panel shows. Keyed by id, so
/// in id order whatever the handles' order.
fn checklist_items<'a>(
    phrases: &Phrases<'a>,
    focus: Option<Id>,
) -> BTreeMap<&'a str, ItemWords<'a>> {
    let catalogue = phrases.catalogue;
    let mut items: BTreeSet<Id> = BTreeSet::new();
    let shown: Vec<Id> = match focus {
        Some(level) => vec![level],
        None => catalogue.of_kind(Kind::Level).to_vec(),
    };
    for level in shown {
        items.insert(level);
        for (_, expr) in catalogue[level].rules() {
            for (target, role) in expr.references() {
                items.insert(target.id);
                if role == RefRole::PoolLevel {
                    items.extend(catalogue.workshops_of(target.id));
                }
            }
        }
    }
    items
        .iter()
        .map(|&id| {
            let doc = &catalogue[id];
            let words = ItemWords {
                lang: doc.common.words_lang.as_deref(),
                title: &doc.common.title.value,
                url: phrases.url(id),
            };
            (doc.id.as_str(), words)
        })
        .collect()
}

/// JSON that cannot end the `<script>` element holding it, open an HTML
/// comment, or break a JavaScript string (U+2028, U+2029).
pub fn script_safe_json(value: &impl Serialize) -> String {
    script_safe(&serde_json::to_string(value).unwrap_or_default())
}

/// JSON text made safe inside a `<script>` element: `<`, `>` and `&` as
/// `\u` escapes (so no `</script>` or `<!--` can appear), and the line
/// separators U+2028 and U+2029, which old JavaScript parsers choke on.
pub fn script_safe(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut from = 0;
    // Every character escaped starts with one of four bytes (U+2028 and
    // U+2029 with 0xE2), found with memchr's vector search: a page's
    // JSON-LD has few of them, and a byte-by-byte scan of every page's
    // was 2% of a build.
    let mut marks = memchr::memchr3_iter(b'<', b'>', b'&', bytes).peekable();
    let mut wide = memchr::memchr_iter(0xE2, bytes).peekable();
    loop {
        let next = match (marks.peek(), wide.peek()) {
            (Some(mark), Some(lead)) if mark < lead => marks.next(),
            (Some(_), None) => marks.next(),
            (_, Some(_)) => wide.next(),
            (None, None) => break,
        };
        let Some(at) = next else { break };
        let (escaped, length) = match bytes[at] {
            b'<' => ("\\u003c", 1),
            b'>' => ("\\u003e", 1),
            b'&' => ("\\u0026", 1),
            // 0xE2 starts a character, so `at` is a boundary.
            _ if text[at..].starts_with('\u{2028}') => ("\\u2028", 3),
            _ if text[at..].starts_with('\u{2029}') => ("\\u2029", 3),
            _ => continue,
        };
        out.push_str(&text[from..at]);
        out.push_str(escaped);
        from = at + length;
    }
    out.push_str(&text[from..]);
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

#[cfg(test)]
mod tests {
    use super::{plan_goals, script_safe};
    use crate::testing::{md, resolved};

    #[test]
    fn the_first_goal_is_the_pathway_s_outcome_even_when_its_last_level_awards_another() {
        let (_dir, site) = resolved(&[
            (
                "content/pathways/lifeguard.md",
                &md("title = \"Lifeguard\"\noutcome = \"national-lifeguard\""),
            ),
            (
                "content/levels/bronze.md",
                &md(
                    "title = \"Bronze\"\npathway = \"lifeguard\"\norder = 1\nawards = \"bronze-cross\"",
                ),
            ),
            (
                "content/credentials/bronze-cross.md",
                &md("title = \"Bronze Cross\""),
            ),
            (
                "content/credentials/national-lifeguard.md",
                &md("title = \"National Lifeguard\""),
            ),
        ]);
        let goals = plan_goals(&site.catalogue);
        let ids: Vec<&str> = goals.iter().map(|g| g.id).collect();
        assert_eq!(ids, ["national-lifeguard", "bronze", "bronze-cross"]);
    }

    #[test]
    fn script_safe_escapes_markup_and_line_separators_and_keeps_the_rest() {
        assert_eq!(
            script_safe("é</script>&<!--\u{2028}\u{2029}€\u{2027}"),
            "é\\u003c/script\\u003e\\u0026\\u003c!--\\u2028\\u2029€\u{2027}"
        );
        assert_eq!(
            script_safe("\u{2028}<<&\u{2029}€<"),
            "\\u2028\\u003c\\u003c\\u0026\\u2029€\\u003c"
        );
        assert_eq!(script_safe("plain"), "plain");
    }
}
