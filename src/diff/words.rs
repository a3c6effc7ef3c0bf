//! A diff in words: for a terminal, for Markdown (a pull request's comment
//! or `$GITHUB_STEP_SUMMARY`), and as JSON for tools. The sentences come
//! from cairn's messages (`diff_*`) and the site's own phrases: a rule
//! reads as it reads on the site, an item by its title.

use super::{Diff, OfferingWhat, Which};
use crate::Resolved;
use crate::catalogue::{Catalogue, Id};
use crate::content::{Kind, Offering, Price, When};
use crate::messages::{Arg, Messages};
use crate::phrases::{Phrases, Rule};
use crate::rules::ways::{Verdict, Way};
use serde_json::{Value, json};

/// Both sides of a diff, with the words to tell it in.
pub struct Told<'a> {
    pub diff: &'a Diff,
    pub old: &'a Resolved,
    pub new: &'a Resolved,
    /// cairn's own words, in the new site's language.
    pub cli: &'a Messages,
}

/// A piece of a line: plain, or stressed (bold in Markdown).
enum Piece {
    Plain(String),
    Stressed(String),
}

/// One entry: its line, and lines under it.
struct Entry {
    line: Vec<Piece>,
    details: Vec<String>,
}

struct Section {
    heading: String,
    entries: Vec<Entry>,
}

impl Told<'_> {
    fn phrases_old(&self) -> Phrases<'_> {
        Phrases::new(
            &self.old.catalogue,
            &self.old.theme.messages,
            &self.old.routes,
        )
    }

    fn phrases_new(&self) -> Phrases<'_> {
        Phrases::new(
            &self.new.catalogue,
            &self.new.theme.messages,
            &self.new.routes,
        )
    }

    fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.cli.text(id, args)
    }

    /// For people, on a terminal.
    pub fn human(&self) -> String {
        let sections = self.sections();
        if sections.is_empty() {
            return format!("{}\n", self.text("diff_nothing", &[]));
        }
        let mut out = format!("{}\n", self.summary());
        for section in sections {
            out.push_str(&format!("\n{}\n", section.heading));
            for entry in section.entries {
                let line: String = entry
                    .line
                    .iter()
                    .map(|p| match p {
                        Piece::Plain(t) | Piece::Stressed(t) => t.as_str(),
                    })
                    .collect();
                out.push_str(&format!("  {line}\n"));
                for detail in entry.details {
                    out.push_str(&format!("    {detail}\n"));
                }
            }
        }
        out
    }

    /// For a pull request: a heading, the summary, a list per section.
    pub fn markdown(&self) -> String {
        let mut out = format!("## {}\n\n", markdown_text(&self.text("diff_title", &[])));
        let sections = self.sections();
        if sections.is_empty() {
            out.push_str(&markdown_text(&self.text("diff_nothing", &[])));
            out.push('\n');
            return out;
        }
        out.push_str(&format!("{}\n", markdown_text(&self.summary())));
        for section in sections {
            out.push_str(&format!("\n### {}\n\n", markdown_text(&section.heading)));
            for entry in section.entries {
                let line: String = entry
                    .line
                    .iter()
                    .map(|p| match p {
                        Piece::Plain(t) => markdown_text(t),
                        Piece::Stressed(t) => format!("**{}**", markdown_text(t)),
                    })
                    .collect();
                out.push_str(&format!("- {line}\n"));
                for detail in entry.details {
                    out.push_str(&format!("  - {}\n", markdown_text(&detail)));
                }
            }
        }
        out
    }

    /// "2 rules changed (1 stricter, 1 looser); 1 added; 3 offerings changed".
    fn summary(&self) -> String {
        let diff = self.diff;
        let mut parts = Vec::new();
        if !diff.rules.is_empty() {
            let mut verdicts: Vec<(&str, usize)> = Vec::new();
            for rule in &diff.rules {
                let name = rule.verdict.name();
                match verdicts.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, count)) => *count += 1,
                    None => verdicts.push((name, 1)),
                }
            }
            let verdicts: Vec<String> = verdicts
                .into_iter()
                .map(|(name, count)| {
                    self.text(
                        "diff_summary_verdict",
                        &[("verdict", name.into()), ("count", count.into())],
                    )
                })
                .collect();
            parts.push(self.text(
                "diff_summary_rules",
                &[
                    ("count", diff.rules.len().into()),
                    ("verdicts", Arg::Text(verdicts.join(", "))),
                ],
            ));
        }
        for (count, change) in [
            (diff.added.len(), "added"),
            (diff.removed.len(), "removed"),
            (diff.renamed.len(), "renamed"),
            (diff.retitled.len(), "retitled"),
            (diff.offerings.len(), "offerings"),
        ] {
            if count > 0 {
                parts.push(self.text(
                    "diff_summary_count",
                    &[("count", count.into()), ("change", change.into())],
                ));
            }
        }
        parts.join("; ")
    }

    fn sections(&self) -> Vec<Section> {
        let mut sections = Vec::new();
        let rules: Vec<Entry> = self.diff.rules.iter().map(|r| self.rule_entry(r)).collect();
        if !rules.is_empty() {
            sections.push(Section {
                heading: self.text("diff_rules_heading", &[]),
                entries: rules,
            });
        }
        let entities = self.entity_entries();
        if !entities.is_empty() {
            sections.push(Section {
                heading: self.text("diff_entities_heading", &[]),
                entries: entities,
            });
        }
        let offerings: Vec<Entry> = self
            .diff
            .offerings
            .iter()
            .map(|change| Entry {
                line: vec![Piece::Plain(
                    self.offering_line(change.workshop, &change.what),
                )],
                details: Vec::new(),
            })
            .collect();
        if !offerings.is_empty() {
            sections.push(Section {
                heading: self.text("diff_offerings_heading", &[]),
                entries: offerings,
            });
        }
        sections
    }

    /// The rule's name for the words: a workshop's `requires` is to take it.
    fn which_name(&self, change: &super::RuleChange) -> &'static str {
        match (change.which, self.new.catalogue[change.new].kind) {
            (Which::Requires, Kind::Workshop) => "take",
            (which, _) => which.name(),
        }
    }

    /// Who loses and who gains, each as `lost` or `gained`, the record,
    /// and the sentence.
    fn witnesses<'w>(&self, change: &'w super::RuleChange) -> Vec<(&'static str, &'w Way, String)> {
        let title = self.new.catalogue[change.new].common.title.value.clone();
        let action = self.text(
            "diff_action",
            &[
                ("which", self.which_name(change).into()),
                ("title", Arg::Text(title)),
            ],
        );
        let witness = |key: &'static str, way: &'w Way| {
            let message = if key == "lost" {
                "diff_lost"
            } else {
                "diff_gained"
            };
            let sentence = self.text(
                message,
                &[
                    ("who", Arg::Text(self.who(way))),
                    ("action", Arg::Text(action.clone())),
                ],
            );
            (key, way, sentence)
        };
        match &change.verdict {
            Verdict::Stricter { lost } => vec![witness("lost", lost)],
            Verdict::Looser { gained } => vec![witness("gained", gained)],
            Verdict::Both { lost, gained } => {
                vec![witness("lost", lost), witness("gained", gained)]
            }
            Verdict::Equivalent | Verdict::Undecided => Vec::new(),
        }
    }

    fn rule_entry(&self, change: &super::RuleChange) -> Entry {
        let title = self.new.catalogue[change.new].common.title.value.clone();
        let which = self.which_name(change);
        let before = self.rule_tree(true, change.old, change.which);
        let after = self.rule_tree(false, change.new, change.which);
        let mut details = Vec::new();
        self.parts_changed(&before, &after, &mut details);
        for (_, _, sentence) in self.witnesses(change) {
            details.push(sentence);
        }
        match &change.verdict {
            Verdict::Stricter { .. } | Verdict::Looser { .. } | Verdict::Both { .. } => {}
            Verdict::Equivalent => details.push(self.text("diff_equivalent", &[])),
            Verdict::Undecided => {
                let limit = crate::rules::ways::LIMIT.into();
                details.push(self.text("diff_undecided", &[("limit", limit)]));
            }
        }
        Entry {
            line: vec![
                Piece::Plain(self.text(
                    "diff_rule",
                    &[("which", which.into()), ("title", Arg::Text(title))],
                )),
                Piece::Stressed(
                    self.text("diff_verdict", &[("verdict", change.verdict.name().into())]),
                ),
            ],
            details,
        }
    }

    /// A rule of one side, on one line, as the site words it.
    fn rule_words(&self, old: bool, id: Id, which: Which) -> String {
        self.phrases_new().line(&self.rule_tree(old, id, which))
    }

    /// A rule of one side in the site's words; an absent rule, or who
    /// awards a credential, as one sentence.
    fn rule_tree(&self, old: bool, id: Id, which: Which) -> Rule {
        let (phrases, catalogue) = if old {
            (self.phrases_old(), &self.old.catalogue)
        } else {
            (self.phrases_new(), &self.new.catalogue)
        };
        let entity = &catalogue[id];
        let sentence = |text: String| Rule {
            kind: crate::phrases::RuleKind::Leaf,
            words: vec![crate::messages::Word::text(text)],
            lead: String::new(),
            children: Vec::new(),
            count: None,
            preferred: None,
            note: None,
            ask: None,
        };
        let expr = match which {
            Which::Requires => entity
                .as_level()
                .and_then(|l| l.requires.as_ref())
                .or_else(|| {
                    entity
                        .as_workshop()
                        .and_then(|w| catalogue.workshop_requires(w))
                }),
            Which::Completion => entity.as_level().and_then(|l| l.completion.as_ref()),
            Which::Awards => {
                let by: Vec<String> = catalogue
                    .awarded_by(id)
                    .iter()
                    .map(|&level| catalogue[level].common.title.value.clone())
                    .collect();
                if !by.is_empty() {
                    let levels = Arg::Text(self.list(by));
                    return sentence(self.text("diff_awarded_by", &[("levels", levels)]));
                }
                None
            }
        };
        match expr {
            Some(expr) => phrases.rule(expr, false),
            None => {
                let which = match (which, entity.kind) {
                    (Which::Requires, Kind::Workshop) => "take",
                    (which, _) => which.name(),
                };
                sentence(self.text("diff_rule_absent", &[("which", which.into())]))
            }
        }
    }

    /// What differs between two versions of a rule, as lines: the members
    /// of a group removed and added, descending into the one member that
    /// changed; the whole rule before and after otherwise.
    fn parts_changed(&self, before: &Rule, after: &Rule, out: &mut Vec<String>) {
        let same_group = !before.children.is_empty()
            && before.kind == after.kind
            && before.lead == after.lead
            && before.words == after.words
            && before.preferred.is_some() == after.preferred.is_some();
        if same_group {
            let lines = |rule: &Rule| -> Vec<String> {
                rule.children
                    .iter()
                    .map(|c| self.phrases_new().line(c))
                    .collect()
            };
            let (was, now) = (lines(before), lines(after));
            let removed: Vec<usize> = (0..was.len()).filter(|&i| !now.contains(&was[i])).collect();
            let added: Vec<usize> = (0..now.len()).filter(|&i| !was.contains(&now[i])).collect();
            match (removed.as_slice(), added.as_slice()) {
                // Only the order (or a note) changed: say it whole.
                ([], []) => {}
                // As many removed as added: each replaced by its counterpart.
                (removed, added) if removed.len() == added.len() => {
                    for (&r, &a) in removed.iter().zip(added) {
                        self.parts_changed(&before.children[r], &after.children[a], out);
                    }
                    return;
                }
                _ => {
                    for &r in &removed {
                        out.push(
                            self.text("diff_part_removed", &[("rule", Arg::Text(was[r].clone()))]),
                        );
                    }
                    for &a in &added {
                        out.push(
                            self.text("diff_part_added", &[("rule", Arg::Text(now[a].clone()))]),
                        );
                    }
                    return;
                }
            }
        }
        out.push(self.text(
            "diff_before",
            &[("rule", Arg::Text(self.phrases_new().line(before)))],
        ));
        out.push(self.text(
            "diff_after",
            &[("rule", Arg::Text(self.phrases_new().line(after)))],
        ));
    }

    /// "Someone with Level 2 and 300 hours of Hours on set".
    fn who(&self, way: &Way) -> String {
        let mut items: Vec<String> = way.done.iter().map(|&atom| self.atom_title(atom)).collect();
        for &(atom, amount) in &way.amounts {
            let unit = self.atom_unit(atom, amount);
            items.push(self.text(
                "diff_amount",
                &[
                    ("amount", Arg::Number(amount)),
                    ("unit", Arg::Text(unit)),
                    ("item", Arg::Text(self.atom_title(atom))),
                ],
            ));
        }
        if items.is_empty() {
            self.text("diff_someone_with_nothing", &[])
        } else {
            self.text(
                "diff_someone_with",
                &[("items", Arg::Text(self.list(items)))],
            )
        }
    }

    /// An atom's entity: in the new catalogue if it is there, else the old.
    fn atom_entity(&self, atom: crate::rules::ways::Atom) -> Option<(&Catalogue, Id)> {
        let info = self.diff.atoms.get(atom as usize)?;
        match (info.new, info.old) {
            (Some(id), _) => Some((&self.new.catalogue, id)),
            (None, Some(id)) => Some((&self.old.catalogue, id)),
            (None, None) => None,
        }
    }

    fn atom_title(&self, atom: crate::rules::ways::Atom) -> String {
        self.atom_entity(atom)
            .map(|(c, id)| c[id].common.title.value.clone())
            .unwrap_or_default()
    }

    fn atom_id(&self, atom: crate::rules::ways::Atom) -> String {
        self.atom_entity(atom)
            .map(|(c, id)| c[id].id.clone())
            .unwrap_or_default()
    }

    fn atom_unit(&self, atom: crate::rules::ways::Atom, amount: f64) -> String {
        let Some((catalogue, id)) = self.atom_entity(atom) else {
            return String::new();
        };
        let phrases = if std::ptr::eq(catalogue, &self.new.catalogue) {
            self.phrases_new()
        } else {
            self.phrases_old()
        };
        phrases.unit(id, Some(amount)).unwrap_or_default()
    }

    /// "A, B and C".
    fn list(&self, mut items: Vec<String>) -> String {
        match items.len() {
            0 => String::new(),
            1 => items.remove(0),
            _ => {
                let last = items.pop().unwrap_or_default();
                let first = items.join(&self.text("diff_list_separator", &[]));
                self.text(
                    "diff_list_last",
                    &[("first", Arg::Text(first)), ("last", Arg::Text(last))],
                )
            }
        }
    }

    fn kind(&self, kind: Kind) -> String {
        self.text("diff_kind", &[("kind", kind.name().into())])
    }

    fn entity_entries(&self) -> Vec<Entry> {
        let (old, new) = (&self.old.catalogue, &self.new.catalogue);
        let mut entries = Vec::new();
        let mut push = |message: &str, args: &[(&str, Arg)]| {
            entries.push(Entry {
                line: vec![Piece::Plain(self.text(message, args))],
                details: Vec::new(),
            });
        };
        for &id in &self.diff.added {
            push(
                "diff_added",
                &[
                    ("kind", Arg::Text(self.kind(new[id].kind))),
                    ("title", Arg::Text(new[id].common.title.value.clone())),
                    ("id", Arg::Text(new[id].id.clone())),
                ],
            );
        }
        for &id in &self.diff.removed {
            push(
                "diff_removed",
                &[
                    ("kind", Arg::Text(self.kind(old[id].kind))),
                    ("title", Arg::Text(old[id].common.title.value.clone())),
                    ("id", Arg::Text(old[id].id.clone())),
                ],
            );
        }
        for &(o, n) in &self.diff.renamed {
            push(
                "diff_renamed",
                &[
                    ("kind", Arg::Text(self.kind(new[n].kind))),
                    ("title", Arg::Text(new[n].common.title.value.clone())),
                    ("from", Arg::Text(old[o].id.clone())),
                    ("to", Arg::Text(new[n].id.clone())),
                ],
            );
            // Links people saved to the old address still answer once the
            // page lists it: say which line does it.
            if let Some(alias) = alias_to_add(&old[o], &new[n]) {
                push(
                    "diff_add_alias",
                    &[
                        ("alias", Arg::Text(alias)),
                        ("file", Arg::Text(new[n].source.path.clone())),
                    ],
                );
            }
        }
        for &(o, n) in &self.diff.retitled {
            push(
                "diff_retitled",
                &[
                    ("kind", Arg::Text(self.kind(new[n].kind))),
                    ("id", Arg::Text(new[n].id.clone())),
                    ("before", Arg::Text(old[o].common.title.value.clone())),
                    ("after", Arg::Text(new[n].common.title.value.clone())),
                ],
            );
        }
        entries
    }

    /// "12 March 2027", or "12 March 2027, 09:00" for a time of day.
    fn when(&self, when: &When) -> String {
        let phrases = self.phrases_new();
        match when {
            When::Day(day) => phrases.date(*day),
            When::At { date, time, .. } => self.text(
                "diff_day_time",
                &[
                    ("date", Arg::Text(phrases.date(*date))),
                    (
                        "time",
                        Arg::Text(format!("{:02}:{:02}", time.hour, time.minute)),
                    ),
                ],
            ),
        }
    }

    /// From its start to its end, in its time zone when it names one.
    fn span(&self, offering: &Offering) -> String {
        let mut text = self.when(&offering.start.value);
        if let Some(end) = &offering.end {
            let end = self.when(&end.value);
            text = self.text(
                "diff_span",
                &[("start", Arg::Text(text)), ("end", Arg::Text(end))],
            );
        }
        if let Some(zone) = &offering.time_zone {
            let zone = Arg::Text(zone.value.clone());
            text = self.text("diff_in_zone", &[("when", Arg::Text(text)), ("zone", zone)]);
        }
        text
    }

    fn status(&self, offering: &Offering) -> String {
        self.new.theme.messages.text(
            "offering_status",
            &[("status", offering.status.name().into())],
        )
    }

    fn price(&self, offering: &Offering) -> String {
        let messages = &self.new.theme.messages;
        match offering.price.as_ref().map(|p| &p.value) {
            None => self.text("diff_no_price", &[]),
            Some(Price::Free) => messages.text("offering_free", &[]),
            Some(Price::Amount { amount, currency }) => {
                let own = currency.as_ref().map(|c| c.value.as_str());
                let site = self.new.catalogue.config.currency.as_deref();
                match crate::money::shown(*amount, own, site) {
                    Some((code, plain)) => messages.text(
                        "offering_price",
                        &[("amount", Arg::Text(plain)), ("currency", Arg::Text(code))],
                    ),
                    None => amount.to_string(),
                }
            }
        }
    }

    fn offering_line(&self, workshop: Id, what: &OfferingWhat) -> String {
        let title = Arg::Text(self.new.catalogue[workshop].common.title.value.clone());
        let date = |o: &Offering| Arg::Text(self.when(&o.start.value));
        match what {
            OfferingWhat::Added(o) => self.text(
                "diff_offering_added",
                &[("workshop", title), ("date", date(o))],
            ),
            OfferingWhat::Removed(o) => self.text(
                "diff_offering_removed",
                &[("workshop", title), ("date", date(o))],
            ),
            OfferingWhat::Cancelled { after, .. } => self.text(
                "diff_offering_cancelled",
                &[("workshop", title), ("date", date(after))],
            ),
            // Its first day says it, unless only its end or zone moved.
            OfferingWhat::Moved { before, after } => {
                let (was, now) = if before.start.value == after.start.value {
                    (self.span(before), self.span(after))
                } else {
                    (
                        self.when(&before.start.value),
                        self.when(&after.start.value),
                    )
                };
                self.text(
                    "diff_offering_moved",
                    &[
                        ("workshop", title),
                        ("before", Arg::Text(was)),
                        ("after", Arg::Text(now)),
                    ],
                )
            }
            OfferingWhat::Status { before, after } => self.text(
                "diff_offering_status",
                &[
                    ("workshop", title),
                    ("date", date(after)),
                    ("before", Arg::Text(self.status(before))),
                    ("after", Arg::Text(self.status(after))),
                ],
            ),
            OfferingWhat::Price { before, after } => self.text(
                "diff_offering_price",
                &[
                    ("workshop", title),
                    ("date", date(after)),
                    ("before", Arg::Text(self.price(before))),
                    ("after", Arg::Text(self.price(after))),
                ],
            ),
        }
    }

    /// The witness as a record `cairn eligibility --profile` reads, and
    /// its sentence.
    fn way_json(&self, way: &Way, sentence: String) -> Value {
        let completed: Vec<String> = way.done.iter().map(|&a| self.atom_id(a)).collect();
        let measures: serde_json::Map<String, Value> = way
            .amounts
            .iter()
            .map(|&(a, amount)| (self.atom_id(a), crate::rules::eval::number(amount)))
            .collect();
        json!({ "completed": completed, "measures": measures, "sentence": sentence })
    }

    /// For tools: every change with ids, and the sentences people read.
    pub fn json(&self) -> Value {
        let (old, new) = (&self.old.catalogue, &self.new.catalogue);
        let entity = |c: &Catalogue, id: Id| json!({ "kind": c[id].kind, "id": c[id].id, "title": c[id].common.title.value });
        let rules: Vec<Value> = self
            .diff
            .rules
            .iter()
            .map(|change| {
                let mut value = json!({
                    "kind": new[change.new].kind,
                    "id": new[change.new].id,
                    "title": new[change.new].common.title.value,
                    "rule": change.which.name(),
                    "change": change.verdict.name(),
                    "before": self.rule_words(true, change.old, change.which),
                    "after": self.rule_words(false, change.new, change.which),
                });
                if old[change.old].id != new[change.new].id {
                    value["was"] = json!(old[change.old].id);
                }
                for (key, way, sentence) in self.witnesses(change) {
                    value[key] = self.way_json(way, sentence);
                }
                value
            })
            .collect();
        let config = &self.new.catalogue.config;
        let offering = |o: &Offering| {
            serde_json::to_value(crate::published::Offering::new(o, config)).unwrap_or_default()
        };
        let offerings: Vec<Value> = self
            .diff
            .offerings
            .iter()
            .map(|change| {
                let (name, before, after) = match &change.what {
                    OfferingWhat::Added(o) => ("added", None, Some(o)),
                    OfferingWhat::Removed(o) => ("removed", Some(o), None),
                    OfferingWhat::Cancelled { before, after } => {
                        ("cancelled", Some(before), Some(after))
                    }
                    OfferingWhat::Moved { before, after } => ("moved", Some(before), Some(after)),
                    OfferingWhat::Status { before, after } => ("status", Some(before), Some(after)),
                    OfferingWhat::Price { before, after } => ("price", Some(before), Some(after)),
                };
                json!({
                    "workshop": new[change.workshop].id,
                    "change": name,
                    "sentence": self.offering_line(change.workshop, &change.what),
                    "before": before.map(offering),
                    "after": after.map(offering),
                })
            })
            .collect();
        json!({
            "rules": rules,
            "added": self.diff.added.iter().map(|&id| entity(new, id)).collect::<Vec<_>>(),
            "removed": self.diff.removed.iter().map(|&id| entity(old, id)).collect::<Vec<_>>(),
            "renamed": self.diff.renamed.iter().map(|&(o, n)| json!({
                "kind": new[n].kind, "from": old[o].id, "to": new[n].id, "title": new[n].common.title.value,
                "add_alias": alias_to_add(&old[o], &new[n]),
            })).collect::<Vec<_>>(),
            "retitled": self.diff.retitled.iter().map(|&(o, n)| json!({
                "kind": new[n].kind, "id": new[n].id,
                "before": old[o].common.title.value, "after": new[n].common.title.value,
            })).collect::<Vec<_>>(),
            "offerings": offerings,
            "needs_sign_off": self.diff.needs_sign_off(),
        })
    }
}

/// Text for Markdown: the characters Markdown reads as syntax inside a
/// line are escaped, as is one that would start a list or heading, and
/// HTML cannot slip in.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '#' | '>' if at == 0 => {
                out.push('\\');
                out.push(c);
            }
            // "1. Foundations" would start an ordered list.
            '.' | ')' if at > 0 && text[..at].bytes().all(|d| d.is_ascii_digit()) => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The `aliases` entry that keeps a renamed page's old address answering
/// ("/workshops/knots/"), unless the page lists it already (as that path,
/// or as its old id).
fn alias_to_add(old: &crate::catalogue::Entity, new: &crate::catalogue::Entity) -> Option<String> {
    let path = old.path.trim_matches('/');
    let listed =
        new.common.aliases.iter().any(|alias| {
            alias.value == path || alias.value.strip_prefix('@') == Some(old.id.as_str())
        });
    (!listed && !path.is_empty()).then(|| format!("/{path}/"))
}
