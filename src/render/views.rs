//! What templates see: each document turned into plain template data, with
//! every reference already resolved to a title and URL, and every rule
//! already in words ([`crate::phrases`]).
//!
//! Each view holds only what its page shows (never the whole catalogue), so
//! building one costs the same whatever the size of the site.

use crate::catalogue::{Catalogue, Id, Ref};
use crate::config::PastOfferings;
use crate::content::{Date, Details, Kind, Offering, Price, Status, When};
use crate::messages::Arg;
use crate::messages::Messages;
use crate::phrases::Phrases;
use crate::routes::Calendar;
use crate::routes::{DataFile, Page, Routes};
use crate::rules::Expr;
use crate::schedule::Moment;
use serde_json::{Map, Value, json};

/// The words of every level's rules, built once per build: a level's rule
/// is shown on its page, its pathway's page, the checklist and every one of
/// its workshops' pages. The trees that list a level pool's every
/// workshop (for the checklist's questions) are needed by one or two pages
/// each and built there, so a catalogue of thousands of workshops does not
/// keep them all in memory.
pub struct RuleWords {
    by_entity: Vec<EntityRules>,
    /// How each entity counts toward the rules of others ("Where it counts").
    counts: rustc_hash::FxHashMap<Id, Vec<crate::phrases::Count>>,
    /// Each distinct count in words: the workshops of one level share theirs
    /// ("Counts toward Level 2: choose 3 of 8 to finish").
    count_words: rustc_hash::FxHashMap<crate::phrases::Count, Value>,
    /// Each day an offering starts or ends, in words ("12 March 2027"), and
    /// the register label of offerings starting then: a catalogue's
    /// thousands of offerings share a few hundred days.
    days: rustc_hash::FxHashMap<Date, (String, String)>,
}

#[derive(Default)]
struct EntityRules {
    requires: Value,
    completion: Value,
}

/// A rule in words as template data, or null.
fn rule_value(phrases: &Phrases<'_>, rule: Option<&Expr<Ref>>, with_pools: bool) -> Value {
    rule.map_or(Value::Null, |e| {
        serde_json::to_value(phrases.rule(e, with_pools)).unwrap_or_default()
    })
}

impl RuleWords {
    pub fn new(phrases: &Phrases<'_>) -> RuleWords {
        let by_entity = phrases
            .catalogue
            .entities()
            .map(|(_, doc)| {
                let mut entity = EntityRules::default();
                // A workshop's own rule is shown on its page alone: it is
                // worded there (`own_rule`), not kept for the whole build.
                if doc.kind != Kind::Level {
                    return entity;
                }
                for (field, rule) in doc.rules() {
                    let value = rule_value(phrases, Some(rule), false);
                    match field {
                        "completion" => entity.completion = value,
                        _ => entity.requires = value,
                    }
                }
                entity
            })
            .collect();
        let counts = crate::phrases::counts(phrases.catalogue);
        let mut count_words = rustc_hash::FxHashMap::default();
        for count in counts.values().flatten() {
            count_words
                .entry(*count)
                .or_insert_with(|| json!(phrases.count(count)));
        }
        let mut days = rustc_hash::FxHashMap::default();
        for (_, doc) in phrases.catalogue.entities() {
            let Some(workshop) = doc.as_workshop() else {
                continue;
            };
            for offering in &workshop.offerings {
                let ends = offering.end.as_ref().map(|e| e.value.date());
                for day in std::iter::once(offering.start.value.date()).chain(ends) {
                    days.entry(day).or_insert_with(|| day_words(phrases, day));
                }
            }
        }
        RuleWords {
            by_entity,
            counts,
            count_words,
            days,
        }
    }

    fn of(&self, id: Id) -> &EntityRules {
        &self.by_entity[id.index()]
    }
}

/// Offerings in the order they start: by day, then time of day.
fn start_key(when: &When) -> (Date, Option<crate::content::Time>) {
    match *when {
        When::Day(date) => (date, None),
        When::At { date, time, .. } => (date, Some(time)),
    }
}

/// A day in words, and the register label of an offering starting then.
fn day_words(phrases: &Phrases<'_>, day: Date) -> (String, String) {
    let text = phrases.date(day);
    let label = phrases
        .messages
        .text("workshop_register_for", &[("date", text.clone().into())]);
    (text, label)
}

/// What every view needs: the catalogue, its words, the build day.
#[derive(Clone, Copy)]
pub struct Views<'a> {
    pub catalogue: &'a Catalogue,
    pub phrases: Phrases<'a>,
    pub rules: &'a RuleWords,
    pub today: Date,
}

impl Views<'_> {
    fn messages(&self) -> &Messages {
        self.phrases.messages
    }

    /// A link to a document: what cards and lists need.
    pub fn link_to(&self, id: Id) -> Value {
        let doc = &self.catalogue[id];
        let mut link = json!({
            "id": doc.id,
            "kind": doc.kind,
            "title": doc.common.title.value,
            "summary": doc.common.summary,
            "url": self.phrases.url(id),
        });
        // Words nobody has translated yet: the link marks their language.
        if let Some(lang) = &doc.common.words_lang {
            link["words_lang"] = json!(lang);
        }
        link
    }

    /// A link to a reference's entity, or null.
    fn link_of(&self, reference: Option<&Ref>) -> Value {
        reference.map_or(Value::Null, |r| self.link_to(r.id))
    }

    fn links(&self, ids: &[Id]) -> Value {
        Value::Array(ids.iter().map(|&i| self.link_to(i)).collect())
    }

    /// A day in words, and the register label of an offering starting
    /// then: from the build's cache, worded here for a day it lacks.
    fn day(&self, d: Date) -> std::borrow::Cow<'_, (String, String)> {
        match self.rules.days.get(&d) {
            Some(words) => std::borrow::Cow::Borrowed(words),
            None => std::borrow::Cow::Owned(day_words(&self.phrases, d)),
        }
    }

    fn date(&self, d: Date) -> Value {
        json!({
            "iso": d.to_string(),
            "text": self.day(d).0,
            "year": d.year,
            "month": d.month,
            "day": d.day,
        })
    }

    pub(super) fn offering(&self, o: &Offering) -> Value {
        let config = &self.catalogue.config;
        // Checked before rendering: an offering that cannot be placed
        // stopped the build. Its days as written, should one slip through.
        let schedule = crate::schedule::place(o.times(), config.time_zone.as_deref()).ok();
        let (start, end, deadline, zone) = match &schedule {
            Some(placed) => {
                let start = self.moment(&placed.start, None);
                let end = placed
                    .end
                    .as_ref()
                    .map(|e| self.moment(e, Some(&placed.start)));
                let deadline = placed.deadline.as_ref().map(|d| self.moment(d, None));
                let zone = match &placed.start {
                    Moment::At(zoned) => Some(crate::schedule::zone_label(zoned)),
                    Moment::Day(_) => None,
                };
                (start, end, deadline, zone)
            }
            None => (
                self.date(o.start.value.date()),
                o.end.as_ref().map(|e| self.date(e.value.date())),
                None,
                None,
            ),
        };
        let same_day = o
            .end
            .as_ref()
            .is_some_and(|e| e.value.date() == o.start.value.date());
        let open = o.status.takes_registrations();
        json!({
            "start": start,
            "end": end,
            // A timed offering that ends on the day it starts: its end is
            // a time alone ("9:00 a.m. to 5:00 p.m.").
            "same_day": same_day,
            "zone": zone,
            "location": o.location,
            "online": o.online,
            // No way in to something full or cancelled.
            "register": if open { o.register.as_ref().map(|r| &r.value) } else { None },
            "register_label": self.day(o.start.value.date()).1,
            "price": self.price(o),
            "language": o.language.as_ref().map(|tag| json!({
                "tag": tag.value,
                "text": self.messages().text("language_name", &[("tag", tag.value.as_str().into())]),
            })),
            "status": o.status,
            "status_text": (o.status != Status::Open).then(|| {
                self.messages().text("offering_status", &[("status", o.status.name().into())])
            }),
            "cancelled": o.status == Status::Cancelled,
            "deadline_text": deadline.as_ref().map(|d| {
                let date = d["text"].as_str().unwrap_or_default();
                self.messages().text("workshop_deadline", &[("date", date.into())])
            }),
            "deadline": deadline,
            "note": o.note,
        })
    }

    /// A day or a time of day, for `<time>`: `iso` for its `datetime`,
    /// `text` in words. An end on the start's day is its time alone.
    fn moment(&self, moment: &Moment, start: Option<&Moment>) -> Value {
        let date = crate::schedule::day(moment.date());
        let mut value = self.date(date);
        if let Moment::At(zoned) = moment {
            let time = self.time_of_day(zoned);
            let text = match start {
                Some(first) if first.date() == moment.date() => time.clone(),
                _ => self.messages().text(
                    "date_at_time",
                    &[
                        ("date", self.day(date).0.clone().into()),
                        ("time", time.clone().into()),
                    ],
                ),
            };
            if let Value::Object(map) = &mut value {
                map.insert("iso".into(), json!(crate::schedule::iso(moment)));
                map.insert("text".into(), json!(text));
                map.insert("time".into(), json!(time));
            }
        }
        value
    }

    /// "9:00 a.m.", "9 h 00": the language's messages decide.
    fn time_of_day(&self, zoned: &jiff::ZonedDateTime) -> String {
        let hour = zoned.hour();
        let hour12 = match hour % 12 {
            0 => 12,
            h => h,
        };
        self.messages().text(
            "time_of_day",
            &[
                ("hour", f64::from(hour).into()),
                ("hour12", f64::from(hour12).into()),
                ("minute", format!("{:02}", zoned.minute()).into()),
                ("period", if hour < 12 { "am" } else { "pm" }.into()),
            ],
        )
    }

    /// When an offering runs, in words, as its page says it: "12 March
    /// 2027 to 13 March 2027", "2 May 2027, 9:00 a.m. to 5:00 p.m. ADT".
    pub(super) fn when(&self, o: &Offering) -> String {
        let config = &self.catalogue.config;
        let Ok(placed) = crate::schedule::place(o.times(), config.time_zone.as_deref()) else {
            return self.day(o.start.value.date()).0.clone();
        };
        let text = |moment: &Moment, start: Option<&Moment>| match moment {
            Moment::Day(day) => self.day(crate::schedule::day(*day)).0.clone(),
            Moment::At(_) => self.moment(moment, start)["text"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        };
        let mut words = text(&placed.start, None);
        if let Some(end) = &placed.end
            && end != &placed.start
        {
            let same_day = end.date() == placed.start.date();
            let to = self
                .messages()
                .word(if same_day && matches!(end, Moment::At(_)) {
                    "workshop_to_time"
                } else {
                    "workshop_to"
                });
            words = format!("{words} {to} {}", text(end, Some(&placed.start)));
        }
        if let Moment::At(zoned) = &placed.start {
            words = format!("{words} {}", crate::schedule::zone_label(zoned));
        }
        words
    }

    /// What an offering costs, in words, when it says.
    pub(super) fn price_text(&self, o: &Offering) -> Option<String> {
        self.price(o)["text"].as_str().map(str::to_string)
    }

    /// A price in words ("450 CAD", "Free"), with its parts for themes.
    fn price(&self, o: &Offering) -> Value {
        let Some(price) = &o.price else {
            return Value::Null;
        };
        match &price.value {
            Price::Free => json!({
                "free": true,
                "text": self.messages().text("offering_free", &[]),
            }),
            Price::Amount { amount, currency } => {
                // A checked catalogue always has both; as written otherwise.
                let (code, plain) = crate::money::shown(
                    *amount,
                    currency.as_ref().map(|c| c.value.as_str()),
                    self.catalogue.config.currency.as_deref(),
                )
                .unwrap_or_else(|| (String::new(), amount.to_string()));
                if amount.is_zero() {
                    return json!({
                        "free": true,
                        "text": self.messages().text("offering_free", &[]),
                    });
                }
                json!({
                    "free": false,
                    "amount": plain,
                    "currency": code,
                    "text": self.messages().text(
                        "offering_price",
                        &[("amount", Arg::Decimal(plain)), ("currency", code.as_str().into())],
                    ),
                })
            }
        }
    }

    fn organization(&self, key: Option<&str>) -> Value {
        key.and_then(|k| {
            self.catalogue
                .config
                .organizations
                .get(k)
                .map(|o| json!({"key": k, "name": o.name, "url": o.url}))
        })
        .unwrap_or(Value::Null)
    }

    /// "Where it counts": each rule this entity is part of, in words.
    fn counts(&self, id: Id) -> Value {
        let words: Vec<Value> = self
            .rules
            .counts
            .get(&id)
            .into_iter()
            .flatten()
            .map(|count| {
                self.rules
                    .count_words
                    .get(count)
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        Value::Array(words)
    }

    /// A requirement's validity in words, for its kind of requirement.
    fn valid_for(&self, r: &crate::content::Requirement) -> Value {
        let Some(valid_for) = &r.valid_for else {
            return Value::Null;
        };
        let category = r.category.map_or("none", |c| c.name());
        let period = self.phrases.period(valid_for);
        json!({
            "period": period,
            "text": self.messages().text(
                "requirement_valid_for",
                &[("category", category.into()), ("period", period.clone().into())],
            ),
            "short": self.messages().text("list_valid_for", &[("period", period.into())]),
        })
    }

    /// The `page` of an entity or plain page: common fields plus its kind's.
    /// Offerings are split at the build day into upcoming and past.
    pub fn page(&self, index: Id, content: String) -> Value {
        let catalogue = self.catalogue;
        let doc = &catalogue[index];
        let mut view = Map::new();
        view.insert("id".into(), json!(doc.id));
        view.insert("kind".into(), json!(doc.kind));
        view.insert("title".into(), json!(doc.common.title.value));
        view.insert("summary".into(), json!(doc.common.summary));
        view.insert("url".into(), json!(self.phrases.url(index)));
        view.insert("content".into(), Value::String(content));
        view.insert("headings".into(), json!(doc.body.headings));
        view.insert("extra".into(), doc.common.extra.clone());
        view.insert("draft".into(), json!(doc.common.draft));
        // Words nobody has translated yet: the page marks their language.
        if let Some(lang) = &doc.common.words_lang {
            view.insert("words_lang".into(), json!(lang));
        }
        let rules = self.rules.of(index);
        match &doc.details {
            Details::Page => {}
            Details::Pathway(p) => {
                view.insert(
                    "organization".into(),
                    self.organization(p.organization.as_ref().map(|o| o.value.as_str())),
                );
                view.insert("outcome".into(), self.link_of(p.outcome.as_ref()));
                let levels: Vec<Value> = catalogue
                    .levels_of(index)
                    .iter()
                    .map(|&level| self.level_summary(level, false))
                    .collect();
                view.insert("levels".into(), levels.into());
            }
            Details::Level(level) => {
                view.insert("pathway".into(), self.link_of(level.pathway.as_ref()));
                view.insert("order".into(), json!(level.order.as_ref().map(|o| o.value)));
                // The "Am I ready?" panel asks for every item of `requires`.
                view.insert(
                    "requires".into(),
                    rule_value(&self.phrases, level.requires.as_ref(), true),
                );
                view.insert("completion".into(), rules.completion.clone());
                view.insert("awards".into(), self.link_of(level.awards.as_ref()));
                view.insert(
                    "awards_words".into(),
                    level.awards.as_ref().map_or(Value::Null, |a| {
                        json!(self.messages().words(
                            "level_awards_text",
                            &[("item", self.phrases.link(a.id).into())]
                        ))
                    }),
                );
                view.insert("by_application".into(), json!(level.by_application));
                view.insert("duration".into(), json!(level.duration));
                view.insert(
                    "workshops".into(),
                    self.links(catalogue.workshops_of(index)),
                );
                self.steps(index, level.pathway.as_ref(), &mut view);
            }
            Details::Workshop(workshop) => {
                view.insert("level".into(), self.link_of(workshop.level.as_ref()));
                let requires = match (&workshop.requires, &workshop.level) {
                    (Some(own), _) => rule_value(&self.phrases, Some(own), false),
                    (None, Some(level)) => self.rules.of(level.id).requires.clone(),
                    (None, None) => Value::Null,
                };
                view.insert("requires".into(), requires);
                view.insert(
                    "requires_inherited".into(),
                    json!(workshop.requires.is_none()),
                );
                view.insert("duration".into(), json!(workshop.duration));
                view.insert("topics".into(), json!(workshop.topics));
                view.insert("audience".into(), json!(workshop.audience));
                // Each with its place in the file, which names its calendar.
                let mut offerings: Vec<(usize, &Offering)> =
                    workshop.offerings.iter().enumerate().collect();
                offerings.sort_by_key(|(_, o)| (start_key(&o.start.value), o.last_day()));
                let (past, upcoming): (Vec<_>, Vec<_>) = offerings
                    .into_iter()
                    .partition(|(_, o)| o.is_past(self.today));
                let keys = crate::render::ical::offering_keys(workshop);
                // Each offering's "Add to calendar" opens its workshop's
                // calendar, which holds every date of the workshop.
                let calendar = self.phrases.routes.calendar_url(Calendar::Workshop(index));
                let calendar_label = (workshop.offerings.len() > 1).then(|| {
                    self.messages().text(
                        "workshop_calendar_all",
                        &[("count", workshop.offerings.len().into())],
                    )
                });
                let view_of = |(at, o): (usize, &Offering)| {
                    let mut value = self.offering(o);
                    if let Value::Object(map) = &mut value {
                        map.insert("calendar".into(), json!(calendar));
                        map.insert("calendar_label".into(), json!(calendar_label));
                        map.insert("key".into(), json!(keys.get(at)));
                    }
                    value
                };
                let upcoming: Vec<Value> = upcoming.into_iter().map(view_of).collect();
                // Most recent first: the past is read backwards. Or not at
                // all, when the site keeps its archive out of its pages.
                let past: Vec<Value> = match self.catalogue.config.past_offerings {
                    PastOfferings::Show => past.into_iter().rev().map(view_of).collect(),
                    PastOfferings::Hide => Vec::new(),
                };
                view.insert("calendar".into(), json!(calendar));
                view.insert("offerings".into(), upcoming.into());
                view.insert("past_offerings".into(), past.into());
                view.insert("counts".into(), self.counts(index));
            }
            Details::Requirement(r) => {
                view.insert("category".into(), json!(r.category));
                view.insert("unit".into(), json!(r.unit.as_ref().map(|u| &u.other)));
                view.insert("valid_for".into(), self.valid_for(r));
                view.insert("providers".into(), json!(r.providers));
                view.insert("needed_by".into(), self.links(catalogue.needed_by(index)));
                view.insert("counts".into(), self.counts(index));
            }
            Details::Credential(c) => {
                view.insert(
                    "issuer".into(),
                    self.organization(c.issuer.as_ref().map(|i| i.value.as_str())),
                );
                view.insert("awarded_by".into(), self.links(catalogue.awarded_by(index)));
                view.insert("outcome_of".into(), self.links(catalogue.outcome_of(index)));
                view.insert("counts".into(), self.counts(index));
            }
        }
        Value::Object(view)
    }

    /// A level as a step of its pathway: link, rules and awards; pools listed
    /// for the checklist (`with_pools`).
    pub fn level_summary(&self, index: Id, with_pools: bool) -> Value {
        let doc = &self.catalogue[index];
        let mut view = self.link_to(index);
        let rules = self.rules.of(index);
        if let (Details::Level(level), Value::Object(map)) = (&doc.details, &mut view) {
            map.insert("order".into(), json!(level.order.as_ref().map(|o| o.value)));
            let (requires, completion) = if with_pools {
                (
                    rule_value(&self.phrases, level.requires.as_ref(), true),
                    rule_value(&self.phrases, level.completion.as_ref(), true),
                )
            } else {
                (rules.requires.clone(), rules.completion.clone())
            };
            map.insert("requires".into(), requires);
            map.insert("completion".into(), completion);
            map.insert("awards".into(), self.link_of(level.awards.as_ref()));
            map.insert("by_application".into(), json!(level.by_application));
            map.insert("duration".into(), json!(level.duration));
            map.insert(
                "workshop_count".into(),
                json!(self.catalogue.workshops_of(index).len()),
            );
        }
        view
    }

    /// Where a level sits in its pathway: `previous`, `next`, `step`,
    /// `step_count`, and "2 of 4" in words.
    fn steps(&self, index: Id, pathway: Option<&Ref>, view: &mut Map<String, Value>) {
        let levels = pathway.map_or(&[][..], |p| self.catalogue.levels_of(p.id));
        let position = levels.iter().position(|&l| l == index);
        let at = |p: Option<usize>| {
            p.and_then(|p| levels.get(p))
                .map_or(Value::Null, |&l| self.link_to(l))
        };
        view.insert(
            "previous".into(),
            at(position.and_then(|p| p.checked_sub(1))),
        );
        view.insert("next".into(), at(position.map(|p| p + 1)));
        view.insert("step".into(), json!(position.map(|p| p + 1)));
        view.insert("step_count".into(), json!(position.map(|_| levels.len())));
        view.insert(
            "step_text".into(),
            position.map_or(Value::Null, |p| {
                json!(self.messages().text(
                    "level_step_of",
                    &[("step", (p + 1).into()), ("total", levels.len().into())]
                ))
            }),
        );
    }

    /// The items of a kind's listing page, each a link with what its card shows.
    /// What the workshop listing's filters match a workshop on: its level,
    /// topics and audience, and how, when and in which language its
    /// offerings still to come run.
    fn filter_values(&self, w: &crate::content::Workshop<Ref>) -> Value {
        let upcoming: Vec<&Offering> = w
            .offerings
            .iter()
            .filter(|o| o.is_bookable(self.today))
            .collect();
        // Sets, in the order first met: a workshop of thousands of
        // offerings stays linear.
        let mut modes: indexed::Distinct<&str> = Default::default();
        let mut months: indexed::Distinct<String> = Default::default();
        let mut languages: indexed::Distinct<&str> = Default::default();
        // Each offering's own mode, month and language: "online in May"
        // must be one offering, not an online one in March and another in May.
        let mut each: Vec<Value> = Vec::new();
        for o in &upcoming {
            let start = o.start.value.date();
            each.push(json!({
                "mode": if o.online { "online" } else { "in-person" },
                "month": format!("{:04}-{:02}", start.year, start.month),
                "language": o.language.as_ref().map(|l| l.value.as_str()),
            }));
            modes.add(if o.online { "online" } else { "in-person" });
            months.add(format!("{:04}-{:02}", start.year, start.month));
            if let Some(language) = &o.language {
                languages.add(language.value.as_str());
            }
        }
        json!({
            "level": w.level.as_ref().map(|r| self.catalogue[r.id].id.as_str()),
            "topic": w.topics,
            "audience": w.audience,
            "mode": modes.into_vec(),
            "month": months.into_vec(),
            "language": languages.into_vec(),
            "offerings": each,
        })
    }

    /// The workshop listing's filters: for each, the values workshops have,
    /// in words; `null` when no filter would tell two workshops apart.
    pub fn workshop_filters(&self, items: &[Value]) -> Value {
        let messages = self.messages();
        // Each filter's values in the order first met, found by hash: a
        // catalogue of 100,000 topics is linear, not quadratic.
        let mut values: std::collections::BTreeMap<&str, indexed::Distinct<&str>> =
            Default::default();
        for item in items {
            for key in ["level", "topic", "audience", "mode", "month", "language"] {
                let list = values.entry(key).or_default();
                match &item["filter"][key] {
                    Value::String(v) => list.add(v.as_str()),
                    Value::Array(all) => all
                        .iter()
                        .filter_map(Value::as_str)
                        .for_each(|v| list.add(v)),
                    _ => {}
                }
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
        let filters: Vec<Value> = ["level", "topic", "audience", "mode", "month", "language"]
            .into_iter()
            .filter_map(|key| {
                let mut options: Vec<String> = values
                    .remove(key)?
                    .into_vec()
                    .into_iter()
                    .map(String::from)
                    .collect();
                if options.len() < 2 {
                    return None;
                }
                match key {
                    // In the order of the year, and of the catalogue.
                    "month" => options.sort(),
                    "level" => {}
                    _ => options.sort_by_cached_key(|o| o.to_lowercase()),
                }
                let options: Vec<Value> = options
                    .iter()
                    .map(|value| json!({ "value": value, "text": text(key, value) }))
                    .collect();
                Some(json!({
                    "name": key,
                    "label": messages.word(&format!("filter_{key}")),
                    "options": options,
                }))
            })
            .collect();
        if filters.is_empty() {
            return Value::Null;
        }
        json!({
            "filters": filters,
            "status": messages.text(
                "filter_status",
                &[("shown", "{shown}".into()), ("total", "{total}".into())],
            ),
        })
    }

    /// What the search page's script needs: where this language's index
    /// is, and its words for the results. A count's words depend on the
    /// count ("1 result", "2 results"): each plural form is given as a
    /// template, written with a sample count of that form that the script
    /// replaces, and `Intl.PluralRules` picks the form.
    pub fn search_page(&self) -> Value {
        let messages = self.messages();
        let routes = self.phrases.routes;
        let index = routes
            .search_index()
            .map(|route| route.url(routes.base_path()));
        let (one, other) = plural_templates(messages, "search_results", &["query"]);
        let listings: Vec<Value> = Kind::CATALOGUE
            .into_iter()
            .filter_map(|kind| {
                let url = routes.page_url(Page::Listing(kind))?;
                let title = messages.text(&format!("listing_{}", kind.folder()), &[]);
                Some(json!({"title": title, "url": url}))
            })
            .collect();
        json!({
            "index": index,
            "one": one,
            "other": other,
            "none": messages.text("search_none", &[("query", "{query}".into())]),
            "listings": listings,
        })
    }

    pub fn listing_items(&self, kind: Kind) -> Vec<Value> {
        self.catalogue
            .of_kind(kind)
            .iter()
            .map(|&i| {
                let doc = &self.catalogue[i];
                let mut item = self.link_to(i);
                if let Value::Object(map) = &mut item {
                    match &doc.details {
                        Details::Level(level) => {
                            map.insert("pathway".into(), self.link_of(level.pathway.as_ref()));
                            map.insert(
                                "order".into(),
                                json!(level.order.as_ref().map(|o| o.value)),
                            );
                        }
                        Details::Workshop(w) => {
                            map.insert("level".into(), self.link_of(w.level.as_ref()));
                            let upcoming = w
                                .offerings
                                .iter()
                                .filter(|o| o.is_bookable(self.today))
                                .count();
                            map.insert("offering_count".into(), json!(upcoming));
                            map.insert("filter".into(), self.filter_values(w));
                            map.insert(
                                "offerings_text".into(),
                                json!(
                                    self.messages()
                                        .text("list_offerings", &[("count", upcoming.into())])
                                ),
                            );
                        }
                        Details::Requirement(r) => {
                            map.insert("category".into(), json!(r.category));
                            map.insert("valid_for".into(), self.valid_for(r));
                        }
                        Details::Pathway(p) => {
                            map.insert(
                                "organization".into(),
                                self.organization(
                                    p.organization.as_ref().map(|o| o.value.as_str()),
                                ),
                            );
                        }
                        Details::Credential(c) => {
                            map.insert(
                                "issuer".into(),
                                self.organization(c.issuer.as_ref().map(|i| i.value.as_str())),
                            );
                        }
                        Details::Page => {}
                    }
                }
                item
            })
            .collect()
    }
}

impl Views<'_> {
    /// The whole catalogue for the handbook page: every pathway with its
    /// levels (their rules in words), then every workshop, requirement and
    /// credential, each with `anchor`, its section's id; links between them
    /// lead to those sections.
    pub fn handbook(&self) -> Value {
        let catalogue = self.catalogue;
        let phrases = self.phrases.for_handbook();
        let rule = |e: Option<&Expr<Ref>>| rule_value(&phrases, e, false);
        let entry = |id: Id| -> Map<String, Value> {
            let doc = &catalogue[id];
            let mut entry = Map::new();
            entry.insert("anchor".into(), json!(phrases.anchor(id)));
            entry.insert("title".into(), json!(doc.common.title.value));
            entry.insert("summary".into(), json!(doc.common.summary));
            entry.insert("url".into(), json!(self.phrases.url(id)));
            if let Some(lang) = &doc.common.words_lang {
                entry.insert("words_lang".into(), json!(lang));
            }
            entry
        };
        let link = |r: Option<&Ref>| r.map_or(Value::Null, |r| json!(phrases.link(r.id)));
        let pathways: Vec<Value> = catalogue
            .of_kind(Kind::Pathway)
            .iter()
            .map(|&p| {
                let mut pathway = entry(p);
                let levels: Vec<Value> = catalogue
                    .levels_of(p)
                    .iter()
                    .map(|&l| {
                        let mut level = entry(l);
                        if let Some(details) = catalogue[l].as_level() {
                            level.insert("requires".into(), rule(details.requires.as_ref()));
                            level.insert("completion".into(), rule(details.completion.as_ref()));
                            level.insert("awards".into(), link(details.awards.as_ref()));
                        }
                        Value::Object(level)
                    })
                    .collect();
                pathway.insert("levels".into(), levels.into());
                Value::Object(pathway)
            })
            .collect();
        let workshops: Vec<Value> = catalogue
            .of_kind(Kind::Workshop)
            .iter()
            .map(|&w| {
                let mut workshop = entry(w);
                if let Some(details) = catalogue[w].as_workshop() {
                    workshop.insert("level".into(), link(details.level.as_ref()));
                    let own = details.requires.as_ref();
                    workshop.insert("requires".into(), rule(own));
                }
                Value::Object(workshop)
            })
            .collect();
        let requirements: Vec<Value> = catalogue
            .of_kind(Kind::Requirement)
            .iter()
            .map(|&r| {
                let mut requirement = entry(r);
                if let Some(details) = catalogue[r].as_requirement() {
                    requirement.insert("valid_for".into(), self.valid_for(details));
                }
                Value::Object(requirement)
            })
            .collect();
        let credentials: Vec<Value> = catalogue
            .of_kind(Kind::Credential)
            .iter()
            .map(|&c| Value::Object(entry(c)))
            .collect();
        json!({
            "pathways": pathways,
            "workshops": workshops,
            "requirements": requirements,
            "credentials": credentials,
        })
    }
}

/// The addresses every page links to, from the route table: `home`,
/// `checklist`, `catalogue` (catalogue.json), `sitemap`, and `listings`
/// by kind folder.
pub fn urls(routes: &Routes) -> Value {
    let listings: Map<String, Value> = Kind::CATALOGUE
        .into_iter()
        .filter_map(|kind| {
            Some((
                kind.folder().to_string(),
                json!(routes.page_url(Page::Listing(kind))?),
            ))
        })
        .collect();
    json!({
        "home": routes.page_url(Page::Home),
        "checklist": routes.page_url(Page::Checklist),
        "handbook": routes.page_url(Page::Handbook),
        "search": routes.page_url(Page::Search),
        "catalogue": routes.data_url(DataFile::CatalogueJson),
        "sitemap": routes.data_url(DataFile::SitemapXml),
        "feed": routes.data_url(DataFile::OfferingsFeed),
        "checklist_rules": routes.data_url(DataFile::ChecklistRules),
        "listings": listings,
    })
}

/// The main navigation: home, each catalogue kind that has entries, the checklist.
pub fn nav(phrases: &Phrases<'_>) -> Vec<Value> {
    let messages = phrases.messages;
    let url = |page: Page| phrases.routes.page_url(page).unwrap_or_default();
    let mut items = Vec::new();
    for kind in Kind::CATALOGUE {
        if phrases.catalogue.has_kind(kind) {
            let title = messages.text(&format!("listing_{}", kind.folder()), &[]);
            items.push(
                json!({"key": kind.folder(), "title": title, "url": url(Page::Listing(kind))}),
            );
        }
    }
    let checklist = messages.text("nav_checklist", &[]);
    items.push(json!({"key": "checklist", "title": checklist, "url": url(Page::Checklist)}));
    items
}

/// The key the checklist's answers are saved under: the same on every page
/// of a site, and different as soon as the site or its rules change, so
/// answers given to other rules are never misread.
pub fn checklist_key(phrases: &Phrases<'_>) -> String {
    let catalogue = phrases.catalogue;
    // The rules' structure, not their wording: editing a note keeps
    // everyone's answers.
    let mut rules = checklist_rules(phrases);
    drop_notes(&mut rules);
    // Nor their order of presentation, which follows titles and so each
    // language's alphabet: every language shares one person's answers.
    if let Some(rules) = rules.as_object_mut() {
        rules.remove("order");
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
    let messages = phrases.messages;
    let mut data = json!({
        "storage_key": key,
        "items": checklist_items(phrases, focus),
        "text": live_text(messages),
    });
    // The checklist page plans toward a goal; a level's panel does not.
    if focus.is_none() {
        data["plan"] = plan_data(phrases);
    }
    script_safe_json(&data)
}

/// What `checklist-plan.js` needs beyond the rules: every workshop's level
/// and own `requires`, each level's workshops in order, and the plan's
/// words.
fn plan_data(phrases: &Phrases<'_>) -> Value {
    let catalogue = phrases.catalogue;
    let messages = phrases.messages;
    let mut workshops = serde_json::Map::new();
    for &w in catalogue.of_kind(Kind::Workshop) {
        let Some(workshop) = catalogue[w].as_workshop() else {
            continue;
        };
        workshops.insert(
            catalogue[w].id.clone(),
            json!({
                "level": workshop.level.as_ref().map(|l| &catalogue[l.id].id),
                "requires": workshop.requires.as_ref().map(|e| crate::rules::to_json(e, catalogue)),
            }),
        );
    }
    let by_level: serde_json::Map<String, Value> = catalogue
        .of_kind(Kind::Level)
        .iter()
        .map(|&l| {
            let ids: Vec<&str> = catalogue
                .workshops_of(l)
                .iter()
                .map(|&w| catalogue[w].id.as_str())
                .collect();
            (catalogue[l].id.clone(), json!(ids))
        })
        .collect();
    let (heading_one, heading_other) =
        plural_templates(messages, "checklist_plan_heading", &["goal"]);
    let goal = [("goal", "{goal}".into())];
    json!({
        "workshops": workshops,
        "by_level": by_level,
        "words": {
            "heading_one": heading_one,
            "heading_other": heading_other,
            "reached": messages.text("checklist_plan_reached", &goal),
            "unreachable": messages.text("checklist_plan_unreachable", &goal),
            "too_large": messages.text("checklist_plan_too_large", &goal),
            "other": messages.word("checklist_plan_other"),
            "finish_level": messages.word("checklist_plan_finish_level"),
            "reach": messages.text("checklist_plan_reach", &[("have", "{have}".into()), ("at_least", "{at_least}".into())]),
            "approximate": messages.word("checklist_plan_approximate"),
        },
    })
}

/// The goals the checklist page plans toward, `{id, title}`: each
/// pathway's outcome first (what its last level awards, or that level),
/// then every other level and credential.
pub fn plan_goals(catalogue: &Catalogue) -> Vec<Value> {
    let mut goals: Vec<Id> = catalogue
        .of_kind(Kind::Pathway)
        .iter()
        .filter_map(|&p| {
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
            json!({"id": doc.id, "title": doc.common.title.value, "words_lang": doc.common.words_lang})
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
        script_safe_json(&checklist_rules(phrases))
    )
}

/// The words `checklist.js` shows as people tick. Its placeholders
/// (`{count}`) are given to the messages as they are, for the script to fill.
fn live_text(messages: &Messages) -> Value {
    let placeholder = |name: &str| (name.to_string(), format!("{{{name}}}"));
    let text = |id: &str, names: &[&str]| {
        let args: Vec<(String, String)> = names.iter().map(|n| placeholder(n)).collect();
        let args: Vec<(&str, crate::messages::Arg)> = args
            .iter()
            .map(|(n, v)| (n.as_str(), v.clone().into()))
            .collect();
        messages.text(id, &args)
    };
    json!({
        "separator": text("checklist_live_separator", &[]),
        "can_start": text("checklist_live_can_start", &[]),
        "completed": text("checklist_live_completed", &[]),
        "not_yet": text("checklist_live_not_yet", &[]),
        "missing_start": text("checklist_live_missing_start", &[]),
        "missing_finish": text("checklist_live_missing_finish", &[]),
        "summary": text("checklist_live_summary", &["completed", "total", "startable"]),
        "count": text("checklist_live_count", &["count", "total"]),
        "one_of": text("checklist_live_one_of", &[]),
        "more_of": text("checklist_live_more_of", &["count"]),
        "have": text("checklist_live_have", &["have", "at_least"]),
        "expired": text("checklist_live_expired", &["item", "date"]),
        "expiring": text("checklist_live_expiring", &["item", "date"]),
        "date": messages.text(
            "date_long",
            &[
                ("day", "{day}".into()),
                ("month", "{month}".into()),
                ("year", "{year}".into()),
            ],
        ),
        "first": messages.text(
            "date_long",
            &[("day", 1usize.into()), ("month", "".into()), ("year", "".into())],
        )
        .trim()
        .to_string(),
        "months": (1..=12)
            .map(|m| messages.word(&format!("month_{m}")).into_owned())
            .collect::<Vec<_>>(),
        "file_name": text("checklist_file_name", &[]),
        "file_comment": text("checklist_file_comment", &[]),
        "file_loaded": text("checklist_file_loaded", &["file"]),
        "file_not_loaded": text("checklist_file_not_loaded", &["file", "reason"]),
        "file_bad_line": text("checklist_file_bad_line", &["line"]),
        "file_unknown": text("checklist_file_unknown", &["id", "line"]),
        "file_not_measured": text("checklist_file_not_measured", &["id", "line"]),
    })
}

/// Every level's `requires` and `completion` in canonical form, the
/// workshops of the levels `choose` draws from, who awards each credential,
/// and `order`: every level and credential after all it takes to complete
/// or hold it, so that the script decides each once, in that order, with
/// no recursion as deep as the catalogue is long.
fn checklist_rules(phrases: &Phrases<'_>) -> Value {
    let catalogue = phrases.catalogue;
    use crate::rules::{self, RefRole};
    let mut levels = Vec::new();
    let mut awarded_by = serde_json::Map::new();
    let mut pools = std::collections::BTreeSet::new();
    let mut measured = std::collections::BTreeSet::new();
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
        let to_json = |e: &Expr<Ref>| rules::to_json(e, catalogue);
        levels.push(json!({
            "id": doc.id,
            "requires": level.requires.as_ref().map(to_json),
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
        let ids: Vec<&str> = catalogue
            .workshops_of(level)
            .iter()
            .map(|&w| catalogue[w].id.as_str())
            .collect();
        pool_map.insert(catalogue[level].id.clone(), json!(ids));
    }
    // What lapses, and after how long: the script judges dates as
    // `cairn eligibility` does.
    let valid_for: serde_json::Map<String, Value> = catalogue
        .entities()
        .filter_map(|(_, doc)| {
            let period = doc.as_requirement()?.valid_for?;
            Some((
                doc.id.clone(),
                json!({ "count": period.count, "unit": period.unit.name() }),
            ))
        })
        .collect();
    let order: Vec<&str> = crate::rules::eval::completion_order(catalogue)
        .into_iter()
        .map(|id| catalogue[id].id.as_str())
        .collect();
    json!({
        "levels": levels,
        "pools": pool_map,
        "awarded_by": awarded_by,
        "order": order,
        "valid_for": valid_for,
        // What a record may give an amount of.
        "measured": measured,
    })
}

/// The titles and addresses the checklist's words name: of everything on
/// the checklist page, or of what one level's panel shows.
fn checklist_items(phrases: &Phrases<'_>, focus: Option<Id>) -> serde_json::Map<String, Value> {
    let catalogue = phrases.catalogue;
    use crate::rules::RefRole;
    use std::collections::BTreeSet;
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
    // Keyed by id, so in id order whatever the handles' order.
    items
        .iter()
        .map(|&id| {
            let doc = &catalogue[id];
            let mut item = json!({ "title": doc.common.title.value, "url": phrases.url(id) });
            // A title nobody has translated: the script marks its language.
            if let Some(lang) = &doc.common.words_lang {
                item["lang"] = json!(lang);
            }
            (doc.id.clone(), item)
        })
        .collect()
}

/// JSON that cannot end the `<script>` element holding it, open an HTML
/// comment, or break a JavaScript string (U+2028, U+2029).
pub fn script_safe_json(value: &Value) -> String {
    script_safe(&value.to_string())
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
    use super::script_safe;

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

mod indexed {
    /// Distinct values in the order first met, found by hash.
    pub(super) struct Distinct<T> {
        order: Vec<T>,
        seen: rustc_hash::FxHashSet<T>,
    }

    impl<T> Default for Distinct<T> {
        fn default() -> Self {
            Distinct {
                order: Vec::new(),
                seen: rustc_hash::FxHashSet::default(),
            }
        }
    }

    impl<T: std::hash::Hash + Eq + Clone> Distinct<T> {
        pub(super) fn add(&mut self, value: T) {
            if self.seen.insert(value.clone()) {
                self.order.push(value);
            }
        }

        pub(super) fn into_vec(self) -> Vec<T> {
            self.order
        }
    }
}
