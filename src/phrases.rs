//! Rule sentences, built once per expression in Rust from the resolved
//! expressions and worded through the messages: what every page's rule
//! text, the checklist's questions and `cairn eligibility` say.
//!
//! A [`Rule`] is plain data: words and links ([`Word`]), the lead of a
//! group, the children, and what the checklist asks. Templates own only
//! the markup around it, so no theme assembles HTML from strings.

use crate::catalogue::{Catalogue, Id, Ref};
use crate::content::{Date, Forms, Kind, Period};
use crate::messages::{Arg, Messages, Word};
use crate::routes::Routes;
use crate::rules::{Expr, ExprKind, Pool};

mod left;

/// One node of a rule, in words. Fields that a node lacks (`count`,
/// `preferred`, `note`, `ask`) are left out of template data rather than
/// given as null: the checklist page lists every workshop of every pool as
/// a node, and on a large catalogue the nulls weigh.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Rule {
    pub kind: RuleKind,
    /// A leaf's sentence ("Complete Level 1"), or a `choose` from a
    /// level's workshops as one sentence ("At least 2 different workshops
    /// of Level 2"). Empty for other groups.
    pub words: Vec<Word>,
    /// A group's lead: "All of the following:", "At least 2 of the following:".
    pub lead: String,
    /// The members of a group, or the items a `choose` counts from (a
    /// level's workshops only where the checklist asks for them).
    pub children: Vec<Rule>,
    /// For `choose`: how many distinct items are needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Shown when the part is recommended, never blocking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<Preferred>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the checklist asks for a leaf.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask: Option<Ask>,
}

/// What a node of a rule is; templates read it as `"leaf"`, `"all"`,
/// `"any"` or `"choose"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// One thing to have done (or to have an amount of).
    Leaf,
    All,
    Any,
    /// At least `count` distinct items of a list or of a level's workshops.
    Choose,
}

/// The "Preferred" tag and what it means, for screen readers.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Preferred {
    pub label: String,
    pub explained: String,
}

/// A leaf as a question of the checklist.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ask {
    /// The id ticked when done (levels, workshops, requirements, credentials).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<String>,
    /// The id of a measured requirement whose amount is asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The measured requirement as a link (the number's label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Word>,
    /// The unit beside the number ("hours").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// "at least 300".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// "valid for 3 years: keep it current", for what lapses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validity: Option<String>,
    /// For what lapses, the label of the day it was completed, which the
    /// checklist asks for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_label: Option<String>,
}

/// Words for the catalogue's rules and facts, in one language, with links
/// to the pages of the route table.
#[derive(Clone, Copy)]
pub struct Phrases<'a> {
    pub catalogue: &'a Catalogue,
    pub messages: &'a Messages,
    pub routes: &'a Routes,
    /// Link entities to their section of the handbook page (`#level-x`)
    /// rather than to their own pages.
    pub in_handbook: bool,
}

impl<'a> Phrases<'a> {
    pub fn new(catalogue: &'a Catalogue, messages: &'a Messages, routes: &'a Routes) -> Self {
        Phrases {
            catalogue,
            messages,
            routes,
            in_handbook: false,
        }
    }

    /// The same words, linking to the handbook's sections.
    pub fn for_handbook(self) -> Self {
        Phrases {
            in_handbook: true,
            ..self
        }
    }

    /// An entity's section on the handbook page: "level-3".
    pub fn anchor(&self, id: Id) -> String {
        let doc = &self.catalogue[id];
        format!("{}-{}", doc.kind.name(), doc.id)
    }

    /// The URL of an entity's page. Every entity has one in a site that
    /// passed its checks (only a page that lost its address to another,
    /// E022, has none, and then nothing is rendered).
    pub fn url(&self, id: Id) -> String {
        if self.in_handbook && self.catalogue[id].kind != Kind::Page {
            return format!("#{}", self.anchor(id));
        }
        self.routes.url_of(id).unwrap_or_default()
    }

    /// An expression in words. `with_pools` lists the workshops of every
    /// `choose … from = "level"` as children, as the checklist needs them.
    pub fn rule(&self, e: &Expr<Ref>, with_pools: bool) -> Rule {
        let mut rule = Rule {
            kind: RuleKind::Leaf,
            words: Vec::new(),
            lead: String::new(),
            children: Vec::new(),
            count: None,
            preferred: None,
            note: e.note.clone(),
            ask: None,
        };
        match &e.kind {
            ExprKind::Item(item) => {
                rule.words = self.item(item.id);
                rule.ask = Some(Ask {
                    done: Some(self.catalogue[item.id].id.clone()),
                    measure: None,
                    label: None,
                    unit: None,
                    threshold: None,
                    validity: self.validity_reminder(item.id),
                    date_label: self
                        .validity_reminder(item.id)
                        .map(|_| self.messages.text("checklist_completed_on", &[])),
                });
            }
            ExprKind::Has { id, at_least } => {
                rule.words = self.has(id.id, *at_least);
                rule.ask = Some(Ask {
                    done: None,
                    measure: Some(self.catalogue[id.id].id.clone()),
                    label: Some(self.link(id.id)),
                    unit: self.unit(id.id, None),
                    threshold: Some(
                        self.messages
                            .text("checklist_at_least", &[("count", Arg::Number(*at_least))]),
                    ),
                    validity: None,
                    date_label: None,
                });
            }
            // `requires = []`, the one way to say "no prerequisites".
            ExprKind::All(children) if children.is_empty() => {
                rule.words = vec![crate::messages::Word::text(
                    self.messages.text("rule_none", &[]),
                )];
            }
            ExprKind::All(children) | ExprKind::Any(children) => {
                let all = matches!(e.kind, ExprKind::All(_));
                rule.kind = if all { RuleKind::All } else { RuleKind::Any };
                rule.lead = self
                    .messages
                    .text(if all { "rule_all_of" } else { "rule_any_of" }, &[]);
                rule.children = children.iter().map(|c| self.rule(c, with_pools)).collect();
            }
            ExprKind::Choose { count, from } => {
                rule.kind = RuleKind::Choose;
                rule.count = Some(*count);
                rule.lead = self
                    .messages
                    .text("rule_choose", &[("count", (*count).into())]);
                match from {
                    Pool::Items(items) => {
                        rule.children = items.iter().map(|i| self.leaf_rule(i.id)).collect();
                    }
                    Pool::Level(level) => {
                        rule.words = self.choose_level(*count, level.id);
                        if with_pools {
                            rule.children = self
                                .catalogue
                                .workshops_of(level.id)
                                .iter()
                                .map(|&w| self.leaf_rule(w))
                                .collect();
                        }
                    }
                }
            }
        }
        if e.preferred {
            rule.preferred = Some(Preferred {
                label: self.messages.text("rule_preferred", &[]),
                explained: self.messages.text("rule_preferred_explained", &[]),
            });
        }
        rule
    }

    /// A rule on one line, wherever one line is all there is room for: a
    /// page's JSON-LD, `cairn eligibility`, `cairn diff`. A leaf's
    /// sentence; a group's lead and its members, a group within a group
    /// in parentheses, a preferred part marked; a group of one, its
    /// member alone.
    pub fn line(&self, rule: &Rule) -> String {
        let text = if !rule.words.is_empty() {
            crate::messages::plain(&rule.words)
        } else if let [only] = rule.children.as_slice()
            && rule.kind == RuleKind::All
        {
            self.line(only)
        } else {
            let separator = self.messages.text("rule_line_separator", &[]);
            let members: Vec<String> = rule
                .children
                .iter()
                .map(|child| {
                    let member = self.line(child);
                    if reads_as_group(child) {
                        self.messages
                            .text("rule_line_nested", &[("part", Arg::Text(member))])
                    } else {
                        member
                    }
                })
                .collect();
            self.messages.text(
                "rule_line_group",
                &[
                    ("lead", Arg::Text(rule.lead.clone())),
                    ("parts", Arg::Text(members.join(&separator))),
                ],
            )
        };
        match rule.preferred {
            Some(_) => self
                .messages
                .text("rule_line_preferred", &[("part", Arg::Text(text))]),
            None => text,
        }
    }

    /// One item as a rule of its own, as a `choose` lists it: worded
    /// exactly as the same item anywhere else.
    fn leaf_rule(&self, id: Id) -> Rule {
        let item = Expr {
            kind: ExprKind::Item(Ref { id, span: 0..0 }),
            preferred: false,
            note: None,
            span: 0..0,
        };
        self.rule(&item, false)
    }

    /// A link to an entity's page, with its title.
    pub fn link(&self, id: Id) -> Word {
        let doc = &self.catalogue[id];
        Word::link(doc.common.title.value.clone(), self.url(id))
    }

    /// "Complete Level 1", "Hold the credential …", "Mental Health First Aid".
    pub fn item(&self, id: Id) -> Vec<Word> {
        let (message, kind) = match self.catalogue[id].kind {
            Kind::Level => ("rule_complete", "level"),
            Kind::Workshop => ("rule_complete", "workshop"),
            Kind::Credential => ("rule_hold", "credential"),
            _ => ("rule_meet", "requirement"),
        };
        self.messages.words(
            message,
            &[("item", Arg::Link(self.link(id))), ("kind", kind.into())],
        )
    }

    /// "Hours on set: at least 300 hours".
    pub fn has(&self, id: Id, at_least: f64) -> Vec<Word> {
        let unit = self.unit(id, Some(at_least)).unwrap_or_default();
        self.messages.words(
            "rule_has",
            &[
                ("item", Arg::Link(self.link(id))),
                ("count", Arg::Number(at_least)),
                ("unit", Arg::Text(unit)),
            ],
        )
    }

    /// "At least 2 different workshops of Level 2 (8 to choose from)".
    fn choose_level(&self, count: u32, level: Id) -> Vec<Word> {
        let total = self.catalogue.workshops_of(level).len();
        // The level's own word for what it holds (dives, modules), else the theme's.
        let noun = match self.catalogue[level]
            .as_level()
            .and_then(|l| l.pool_noun.as_ref())
        {
            Some(forms) => self.form(forms, Some(f64::from(count))),
            None => self
                .messages
                .text("workshop_noun", &[("count", count.into())]),
        };
        self.messages.words(
            "rule_choose_level",
            &[
                ("count", count.into()),
                ("noun", Arg::Text(noun)),
                ("level", Arg::Link(self.link(level))),
                ("total", total.into()),
            ],
        )
    }

    /// A measured requirement's unit in the form for `amount` ("1 hour",
    /// "300 hours" when the unit gives both); without an amount, as a
    /// label, its `other` form.
    pub fn unit(&self, id: Id, amount: Option<f64>) -> Option<String> {
        let forms = self.catalogue[id].as_requirement()?.unit.as_ref()?;
        Some(self.form(forms, amount))
    }

    /// The form of a content word for `amount` in this language.
    pub fn form(&self, forms: &Forms, amount: Option<f64>) -> String {
        match amount {
            Some(n) => forms.of(self.messages.plural_category(n)).to_string(),
            None => forms.other.clone(),
        }
    }

    /// "3 years", in this language.
    pub fn period(&self, period: &Period) -> String {
        self.messages.text(
            "period",
            &[
                ("count", period.count.into()),
                ("unit", Arg::Text(period.unit.name().to_string())),
            ],
        )
    }

    /// The checklist's reminder beside something that lapses.
    fn validity_reminder(&self, id: Id) -> Option<String> {
        let valid_for = self.catalogue[id].valid_for()?;
        Some(self.messages.text(
            "checklist_valid_for",
            &[("period", self.period(&valid_for).into())],
        ))
    }

    /// "12 March 2027".
    pub fn date(&self, date: Date) -> String {
        let month = self.messages.text(&format!("month_{}", date.month), &[]);
        self.messages.text(
            "date_long",
            &[
                ("day", f64::from(date.day).into()),
                ("month", month.into()),
                // A year is a name, not a quantity: never "2 027".
                ("year", date.year.to_string().into()),
            ],
        )
    }
}

/// Whether a rule's line is a group's (a lead and members), which a group
/// around it puts in parentheses.
fn reads_as_group(rule: &Rule) -> bool {
    match rule.children.as_slice() {
        _ if !rule.words.is_empty() => false,
        [only] if rule.kind == RuleKind::All => reads_as_group(only),
        _ => true,
    }
}

/// How an entity counts toward one rule of another: what its page says
/// under "Where it counts".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Count {
    /// The level or workshop whose rule it is.
    pub toward: Id,
    /// The rule: to start (a level's or workshop's `requires`) or to
    /// finish (a level's `completion`).
    pub to_finish: bool,
    pub how: How,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum How {
    /// Required as it is.
    Needed,
    /// One of the alternatives of an `any` with this many.
    OneOf(usize),
    /// An item of a `choose` of `count` among `total`.
    Choose { count: u32, total: usize },
    /// In a preferred part: recommended, never blocking.
    Preferred,
}

/// For every entity, how it counts toward the rules of every level and
/// workshop, in catalogue order: one walk over each rule, once per build.
pub fn counts(catalogue: &Catalogue) -> rustc_hash::FxHashMap<Id, Vec<Count>> {
    let mut found: rustc_hash::FxHashMap<Id, Vec<Count>> = rustc_hash::FxHashMap::default();
    for (toward, doc) in catalogue.entities() {
        for (field, rule) in doc.rules() {
            let to_finish = field == "completion";
            let mut note = |id: Id, how: How| {
                let list = found.entry(id).or_default();
                if !list
                    .iter()
                    .any(|c| c.toward == toward && c.to_finish == to_finish)
                {
                    list.push(Count {
                        toward,
                        to_finish,
                        how,
                    });
                }
            };
            count_in(catalogue, rule, How::Needed, &mut note);
        }
    }
    found
}

fn count_in(catalogue: &Catalogue, e: &Expr<Ref>, how: How, note: &mut impl FnMut(Id, How)) {
    let how = if e.preferred { How::Preferred } else { how };
    let inner = |h: How| {
        if how == How::Preferred {
            How::Preferred
        } else {
            h
        }
    };
    match &e.kind {
        ExprKind::Item(target) | ExprKind::Has { id: target, .. } => note(target.id, how),
        ExprKind::All(children) => {
            for child in children {
                count_in(catalogue, child, how, note);
            }
        }
        ExprKind::Any(children) => {
            let alternatives = inner(How::OneOf(children.len()));
            for child in children {
                count_in(catalogue, child, alternatives, note);
            }
        }
        ExprKind::Choose { count, from } => {
            let pool = catalogue.pool(from);
            let how = inner(How::Choose {
                count: *count,
                total: pool.len(),
            });
            for id in pool {
                note(id, how);
            }
        }
    }
}

impl Phrases<'_> {
    /// "Needed to start Level 3", "Counts toward Level 2: choose 3 of 8 to
    /// finish", with a link to the level or workshop.
    pub fn count(&self, count: &Count) -> Vec<Word> {
        let goal = if count.to_finish {
            "finish"
        } else if self.catalogue[count.toward].kind == Kind::Workshop {
            "attend"
        } else {
            "start"
        };
        let item = Arg::Link(self.link(count.toward));
        match count.how {
            How::Needed => self
                .messages
                .words("counts_needed", &[("goal", goal.into()), ("item", item)]),
            How::OneOf(total) => self.messages.words(
                "counts_one_of",
                &[
                    ("goal", goal.into()),
                    ("item", item),
                    ("total", total.into()),
                ],
            ),
            How::Choose { count, total } => self.messages.words(
                "counts_choose",
                &[
                    ("goal", goal.into()),
                    ("item", item),
                    ("count", count.into()),
                    ("total", total.into()),
                ],
            ),
            How::Preferred => self
                .messages
                .words("counts_preferred", &[("goal", goal.into()), ("item", item)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::plain;
    use crate::testing::{md, resolved};

    fn diving() -> (tempfile::TempDir, crate::Resolved) {
        resolved(&[
            (
                "content/levels/open-water.md",
                &md("title = \"Open water\"\ncompletion = [{ has = \"dives\", at_least = 1 }]"),
            ),
            (
                "content/levels/specialties.md",
                &md(
                    "title = \"Specialties\"\ncompletion = { choose = 1, from = \"specialties\" }\npool_noun = { one = \"specialty\", other = \"specialties\" }\nawards = \"instructor\"",
                ),
            ),
            (
                "content/workshops/deep.md",
                &md("title = \"Deep\"\nlevel = \"specialties\""),
            ),
            (
                "content/workshops/night.md",
                &md("title = \"Night\"\nlevel = \"specialties\""),
            ),
            (
                "content/requirements/dives.md",
                &md("title = \"Logged dives\"\nunit = { one = \"dive\", other = \"dives\" }"),
            ),
            (
                "content/requirements/medical.md",
                &md("title = \"Medical\"\nvalid_for = \"12 months\""),
            ),
            (
                "content/credentials/instructor.md",
                &md("title = \"Open Water Scuba Instructor\""),
            ),
        ])
    }

    #[test]
    fn each_kind_of_item_has_its_verb_and_its_link() {
        let (_dir, site) = diving();
        let phrases = Phrases::new(&site.catalogue, &site.theme.messages, &site.routes);
        let id = |name: &str| site.catalogue.lookup(name).expect("an id");
        let words = phrases.item(id("deep"));
        assert_eq!(plain(&words), "Complete Deep");
        assert_eq!(
            words.last().and_then(|w| w.url.as_deref()),
            Some("/workshops/deep/")
        );
        assert_eq!(
            plain(&phrases.item(id("instructor"))),
            "Hold the credential Open Water Scuba Instructor"
        );
        assert_eq!(plain(&phrases.item(id("medical"))), "Medical");
    }

    #[test]
    fn numbers_choose_the_form_of_their_word() {
        let (_dir, site) = diving();
        let phrases = Phrases::new(&site.catalogue, &site.theme.messages, &site.routes);
        let dives = site.catalogue.lookup("dives").expect("dives");
        assert_eq!(
            plain(&phrases.has(dives, 1.0)),
            "Logged dives: at least 1 dive"
        );
        assert_eq!(
            plain(&phrases.has(dives, 2.5)),
            "Logged dives: at least 2.5 dives"
        );
        assert_eq!(
            phrases.unit(dives, None).as_deref(),
            Some("dives"),
            "a label is plural"
        );
        let level = site.catalogue.lookup("specialties").expect("level");
        let completion = site.catalogue[level]
            .as_level()
            .and_then(|l| l.completion.as_ref())
            .expect("rule");
        let rule = phrases.rule(completion, false);
        assert_eq!(
            plain(&rule.words),
            "At least one specialty of Specialties (2 to choose from)"
        );
        assert!(rule.children.is_empty(), "without pools, one sentence");
        let with_pools = phrases.rule(completion, true);
        assert_eq!(with_pools.lead, "At least one of the following:");
        let items: Vec<String> = with_pools
            .children
            .iter()
            .map(|c| plain(&c.words))
            .collect();
        assert_eq!(items, ["Complete Deep", "Complete Night"]);
    }

    #[test]
    fn a_rule_on_one_line_brackets_inner_groups_and_marks_what_is_preferred() {
        let (_dir, site) = resolved(&[
            (
                "content/levels/open-water.md",
                &md(
                    "title = \"Open water\"\nrequires = { all = [\"medical\", { any = [\"deep\", \"night\"] }, { all = [\"night\"], preferred = true }, { all = [\"deep\"] }] }",
                ),
            ),
            ("content/workshops/deep.md", &md("title = \"Deep\"")),
            ("content/workshops/night.md", &md("title = \"Night\"")),
            (
                "content/requirements/medical.md",
                &md("title = \"Medical\""),
            ),
        ]);
        let phrases = Phrases::new(&site.catalogue, &site.theme.messages, &site.routes);
        let level = site.catalogue.lookup("open-water").expect("level");
        let requires = site.catalogue[level]
            .as_level()
            .and_then(|l| l.requires.as_ref())
            .expect("rule");
        assert_eq!(
            phrases.line(&phrases.rule(requires, false)),
            "All of the following: Medical; (Any one of the following: Complete Deep; \
             Complete Night); Complete Night (preferred); Complete Deep",
            "a group of one reads as its member, with no brackets"
        );
    }

    #[test]
    fn periods_and_dates_in_words() {
        let (_dir, site) = diving();
        let phrases = Phrases::new(&site.catalogue, &site.theme.messages, &site.routes);
        let period = Period::parse("12 months").expect("a period");
        assert_eq!(phrases.period(&period), "12 months");
        assert_eq!(
            phrases.period(&Period::parse("1 year").expect("a period")),
            "1 year"
        );
        let date = Date::parse("2027-03-01").expect("a date");
        assert_eq!(phrases.date(date), "1 March 2027");
    }
}
