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
use crate::render::links::url_of;
use crate::rules::{Expr, ExprKind, Pool};

/// One node of a rule, in words.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Rule {
    /// "leaf" (one thing to have done), "all", "any" or "choose".
    pub kind: &'static str,
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
    pub count: Option<u32>,
    /// Shown when the part is recommended, never blocking.
    pub preferred: Option<Preferred>,
    pub note: Option<String>,
    /// What the checklist asks for a leaf.
    pub ask: Option<Ask>,
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
}

/// Words for the catalogue's rules and facts, in one language.
#[derive(Clone, Copy)]
pub struct Phrases<'a> {
    pub catalogue: &'a Catalogue,
    pub messages: &'a Messages,
}

impl<'a> Phrases<'a> {
    pub fn new(catalogue: &'a Catalogue, messages: &'a Messages) -> Self {
        Phrases {
            catalogue,
            messages,
        }
    }

    /// An expression in words. `with_pools` lists the workshops of every
    /// `choose … from = "level"` as children, as the checklist needs them.
    pub fn rule(&self, e: &Expr<Ref>, with_pools: bool) -> Rule {
        let mut rule = Rule {
            kind: "leaf",
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
                });
            }
            ExprKind::All(children) | ExprKind::Any(children) => {
                let all = matches!(e.kind, ExprKind::All(_));
                rule.kind = if all { "all" } else { "any" };
                rule.lead = self
                    .messages
                    .text(if all { "rule_all_of" } else { "rule_any_of" }, &[]);
                rule.children = children.iter().map(|c| self.rule(c, with_pools)).collect();
            }
            ExprKind::Choose { count, from } => {
                rule.kind = "choose";
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
        Word::link(doc.common.title.value.clone(), url_of(self.catalogue, doc))
    }

    /// "Complete Level 1", "Hold the credential …", "Mental Health First Aid".
    pub fn item(&self, id: Id) -> Vec<Word> {
        let message = match self.catalogue[id].kind {
            Kind::Level | Kind::Workshop => "rule_complete",
            Kind::Credential => "rule_hold",
            _ => "rule_meet",
        };
        self.messages
            .words(message, &[("item", Arg::Link(self.link(id)))])
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
        let valid_for = self.catalogue[id].as_requirement()?.valid_for.as_ref()?;
        Some(self.messages.text(
            "checklist_valid_for",
            &[("period", self.period(valid_for).into())],
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
                ("year", f64::from(date.year).into()),
            ],
        )
    }
}
