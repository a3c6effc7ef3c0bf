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
    /// "level", "workshop", "credential": the rules word each differently
    /// ("Complete …", "Hold the credential …"); none for a requirement.
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    /// A title nobody has translated: the script marks its language.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    title: &'a str,
    /// A measured requirement's unit, by plural category.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<Value>,
    url: String,
}

/// A message the scripts fill (`words.js`): "{name}" where an argument
/// goes; a message that says a count, its forms by plural category; or
/// the months' names.
#[derive(Serialize)]
#[serde(untagged)]
enum LiveText {
    One(String),
    Forms(BTreeMap<&'static str, String>),
    Many(Vec<String>),
}

/// What `checklist-plan.js` needs beyond the rules and the words.
#[derive(Serialize)]
struct PlanData<'a> {
    /// Each level's workshops in order.
    by_level: BTreeMap<&'a str, Vec<&'a str>>,
    /// The requirements granted at the organizers' discretion, which a
    /// plan takes last.
    discretionary: BTreeSet<&'a str>,
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
    /// Every credential, in the catalogue's order: whether each is held
    /// is said after the levels.
    credentials: Vec<&'a str>,
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
        // What the rules imply follows from them: it tells no two apart;
        // nor does the list of credentials, which the rules name anyway.
        rules.remove("implies");
        rules.remove("credentials");
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
        text: live_text(phrases.messages, focus.is_none()),
    };
    script_safe_json(&data)
}

/// Every workshop's level and own `requires`, and each level's workshops
/// in order.
fn plan_data<'a>(phrases: &Phrases<'a>) -> PlanData<'a> {
    let catalogue = phrases.catalogue;
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
    let discretionary = catalogue
        .entities()
        .filter(|(_, doc)| doc.as_requirement().is_some_and(|r| r.discretionary))
        .map(|(_, doc)| doc.id.as_str())
        .collect();
    PlanData {
        by_level,
        discretionary,
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
                words_lang: doc.common.title_language(),
            }
        })
        .collect()
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

/// Message `id` as a template for `words.js`: each of `names` as
/// "{name}", and a message that says a `count`, one template per plural
/// category the language has ("one", "few", "many", "other"…), for the
/// script to pick with `Intl.PluralRules` as Fluent picks here.
fn template(messages: &Messages, id: &str, names: &[&str]) -> LiveText {
    if !names.contains(&"count") {
        return LiveText::One(messages.text(id, &holes(names)));
    }
    // A count of each category: CLDR's rules put every category of every
    // language among these (French "many" is for a million).
    const SAMPLES: [f64; 14] = [
        1.0, 7.0, 0.0, 2.0, 3.0, 4.0, 5.0, 6.0, 11.0, 21.0, 22.0, 100.0, 101.0, 1e6,
    ];
    let mut forms: BTreeMap<&'static str, String> = BTreeMap::new();
    for count in SAMPLES {
        let category = messages.plural_category(count);
        if !forms.contains_key(category) {
            forms.insert(category, plural_form(messages, id, names, count));
        }
    }
    let other = forms.get("other").cloned().unwrap_or_default();
    if forms.values().all(|form| *form == other) {
        LiveText::One(other)
    } else {
        LiveText::Forms(forms)
    }
}

/// Message `id`, which says a `$count`, as a template for each plural form
/// a script picks with `Intl.PluralRules` ("one", "other"), and with each
/// of `names` as "{name}".
pub fn plural_templates(messages: &Messages, id: &str, names: &[&str]) -> (String, String) {
    (
        plural_form(messages, id, names, 1.0),
        plural_form(messages, id, names, 7.0),
    )
}

/// Message `id` written with `count`, which becomes "{count}".
fn plural_form(messages: &Messages, id: &str, names: &[&str], count: f64) -> String {
    let sample = messages.text("number_sample", &[("count", Arg::Number(count))]);
    let mut args = holes(names);
    args.push(("count", Arg::Number(count)));
    messages.text(id, &args).replacen(&sample, "{count}", 1)
}

/// Each of `names` but `count` as the hole "{name}".
fn holes<'a>(names: &[&'a str]) -> Vec<(&'a str, Arg)> {
    names
        .iter()
        .filter(|name| **name != "count")
        .map(|name| (*name, Arg::Text(format!("{{{name}}}"))))
        .collect()
}

/// Every message the checklist's scripts say, by the name they use, with
/// the names of its arguments.
const LIVE_MESSAGES: &[(&str, &str, &[&str])] = &[
    ("separator", "checklist_live_separator", &[]),
    ("verdict", "checklist_live_verdict", &["level", "verdict"]),
    ("can_start", "checklist_live_can_start", &[]),
    ("completed", "checklist_live_completed", &[]),
    ("implied", "checklist_live_implied", &["item"]),
    ("cleared", "checklist_live_cleared", &[]),
    ("restored", "checklist_live_restored", &[]),
    ("not_yet", "checklist_live_not_yet", &[]),
    ("missing_start", "checklist_live_missing_start", &[]),
    ("missing_finish", "checklist_live_missing_finish", &[]),
    ("summary", "checklist_live_summary", &["completed", "total"]),
    (
        "startable",
        "checklist_live_startable",
        &["count", "levels"],
    ),
    ("startable_none", "checklist_live_startable_none", &[]),
    ("count", "checklist_live_count", &["count", "total"]),
    ("credentials", "checklist_live_credentials", &[]),
    ("held", "checklist_live_held", &[]),
    ("held_implied", "checklist_live_held_implied", &["item"]),
    ("lapsing", "checklist_live_lapsing", &["date"]),
    ("lapsed", "checklist_live_lapsed", &["date"]),
    ("not_held", "checklist_live_not_held", &[]),
    ("expired", "checklist_live_expired", &["item", "date"]),
    ("expiring", "checklist_live_expiring", &["item", "date"]),
    ("date", "date_long", &["day", "month", "year"]),
    ("left_line", "left_line", &["part"]),
    ("left_has", "left_has", &["item", "have", "count", "unit"]),
    (
        "left_has_in_list",
        "left_has_in_list",
        &["item", "have", "count", "unit"],
    ),
    ("left_any", "left_any", &["parts"]),
    ("left_all", "left_all", &["parts"]),
    ("left_choose", "left_choose", &["count", "parts"]),
    ("left_any_inner", "left_any_inner", &["parts"]),
    ("left_all_inner", "left_all_inner", &["parts"]),
    (
        "left_choose_inner",
        "left_choose_inner",
        &["count", "parts"],
    ),
    ("left_nested", "left_nested", &["part"]),
    ("left_counted", "left_counted", &["part", "counted"]),
    ("left_finish_itself", "left_finish_itself", &[]),
    ("plan_heading", "checklist_plan_heading", &["count", "goal"]),
    ("plan_reached", "checklist_plan_reached", &["goal"]),
    ("plan_unreachable", "checklist_plan_unreachable", &["goal"]),
    ("plan_too_large", "checklist_plan_too_large", &["goal"]),
    ("plan_other", "checklist_plan_other", &[]),
    ("plan_finish_level", "checklist_plan_finish_level", &[]),
    ("plan_approximate", "checklist_plan_approximate", &[]),
    ("file_name", "checklist_file_name", &[]),
    ("file_comment", "checklist_file_comment", &[]),
    ("file_loaded", "checklist_file_loaded", &["file"]),
    (
        "file_not_loaded",
        "checklist_file_not_loaded",
        &["file", "reason"],
    ),
    ("file_bad_line", "checklist_file_bad_line", &["line"]),
    ("file_unknown", "checklist_file_unknown", &["id", "line"]),
    (
        "file_not_measured",
        "checklist_file_not_measured",
        &["id", "line"],
    ),
];

/// The words the checklist's scripts show as people tick, as templates
/// for `words.js` to fill. A level's panel has no plan, no file to save
/// and no credentials' list: its page carries none of their words.
fn live_text(messages: &Messages, whole_checklist: bool) -> BTreeMap<&'static str, LiveText> {
    let panel_needs = |name: &str| {
        !(name.starts_with("plan_")
            || name.starts_with("file_")
            || matches!(
                name,
                "credentials"
                    | "held"
                    | "held_implied"
                    | "lapsing"
                    | "lapsed"
                    | "not_held"
                    | "cleared"
                    | "restored"
                    | "summary"
                    | "startable"
                    | "startable_none"
            ))
    };
    let mut text: BTreeMap<&'static str, LiveText> = LIVE_MESSAGES
        .iter()
        .filter(|(name, _, _)| whole_checklist || panel_needs(name))
        .map(|(name, id, args)| (*name, template(messages, id, args)))
        .collect();
    // An item as the rules name it, by kind: "Complete {item}".
    for (kind, message) in [
        ("level", "rule_complete"),
        ("workshop", "rule_complete"),
        ("credential", "rule_hold"),
        ("requirement", "rule_meet"),
    ] {
        let args = [("item", Arg::Text("{item}".into())), ("kind", kind.into())];
        let name = match kind {
            "level" => "does_level",
            "workshop" => "does_workshop",
            "credential" => "does_credential",
            _ => "does_requirement",
        };
        text.insert(name, LiveText::One(messages.text(message, &args)));
    }
    // Numbers grouped as the messages group them: French sets 1000 apart
    // only from 10 000 on, which `Intl.NumberFormat` calls "min2".
    let thousand = messages.text("number_sample", &[("count", Arg::Number(1000.0))]);
    let grouping = if thousand == "1000" { "min2" } else { "auto" };
    text.insert("grouping", LiveText::One(grouping.into()));
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
    text.insert("first", LiveText::One(first));
    text.insert(
        "months",
        LiveText::Many(
            (1..=12)
                .map(|m| messages.word(&format!("month_{m}")).into_owned())
                .collect(),
        ),
    );
    text
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
            let period = doc.valid_for()?;
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
        credentials: ids(catalogue, catalogue.of_kind(Kind::Credential)),
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
    // The checklist page's plan also names what workshops require, and
    // says whether each credential is held.
    let workshops: &[Id] = match focus {
        Some(_) => &[],
        None => catalogue.of_kind(Kind::Workshop),
    };
    if focus.is_none() {
        items.extend(catalogue.of_kind(Kind::Credential));
    }
    for &level in shown.iter().chain(workshops) {
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
                kind: match doc.kind {
                    Kind::Level => Some("level"),
                    Kind::Workshop => Some("workshop"),
                    Kind::Credential => Some("credential"),
                    _ => None,
                },
                lang: doc.common.title_language(),
                title: &doc.common.title.value,
                unit: doc
                    .as_requirement()
                    .and_then(|r| r.unit.as_ref())
                    .map(|unit| unit.to_json()),
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
    use super::{LiveText, plan_goals, script_safe, template};
    use crate::messages::{MessageFile, Messages};
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

    #[test]
    fn a_script_gets_a_form_for_every_plural_category_of_the_language() {
        let polish = MessageFile {
            origin: "pl.ftl".into(),
            text: "number_sample = { $count }\nleft = { $count ->\n    [one] jeszcze { $count } kurs\n    [few] jeszcze { $count } kursy\n   *[many] jeszcze { $count } kursów\n}\n".into(),
        };
        let (messages, _) = Messages::build("pl", &[polish], &[]);
        let LiveText::Forms(forms) = template(&messages, "left", &["count"]) else {
            panic!("forms");
        };
        assert_eq!(forms["one"], "jeszcze {count} kurs");
        assert_eq!(forms["few"], "jeszcze {count} kursy");
        assert_eq!(forms["many"], "jeszcze {count} kursów");
        // A message that says no count is one template.
        assert!(matches!(
            template(&messages, "number_sample", &[]),
            LiveText::One(_)
        ));
    }
}
