//! What is left of a rule, in short sentences: one line per part of the
//! rule's outermost "all", a group inside a line in brackets. `cairn
//! eligibility`, its plan, and the checklist's script (which receives the
//! same messages) all say it in these words.

use super::Phrases;
use crate::catalogue::Id;
use crate::messages::{Arg, Join, Word};
use crate::rules::eval::Left;

impl Phrases<'_> {
    /// What is left toward `level`, a sentence per line: "One of: Level 3
    /// or Equivalent experience.", "Movement instruction background.". The
    /// level itself, left when it is finished by a step of its own, reads
    /// as that step.
    pub fn left_lines(&self, left: &Left, level: Id) -> Vec<Vec<Word>> {
        let mut parts = Vec::new();
        lines_of(left, &mut parts);
        parts
            .into_iter()
            .map(|part| {
                let sentence = match part {
                    Left::Item(id) if *id == level => {
                        self.messages.words("left_finish_itself", &[])
                    }
                    Left::Item(id) => self.item(*id),
                    Left::Has { id, have, at_least } => {
                        self.amount_left("left_has", *id, *have, *at_least)
                    }
                    group => self.group(group, false),
                };
                self.messages
                    .words("left_line", &[("part", Arg::Words(sentence))])
            })
            .collect()
    }

    /// "Hours on set: 120 of 300 hours", as a plan's step says it too.
    pub fn amount_left(&self, message: &str, id: Id, have: f64, at_least: f64) -> Vec<Word> {
        let unit = self.unit(id, Some(at_least)).unwrap_or_default();
        self.messages.words(
            message,
            &[
                ("item", Arg::Link(self.link(id))),
                ("have", Arg::Number(have)),
                ("count", Arg::Number(at_least)),
                ("unit", Arg::Text(unit)),
            ],
        )
    }

    /// A group: "One of: A or B" leading a line, "(one of A or B)" inside
    /// another group's list.
    fn group(&self, left: &Left, inner: bool) -> Vec<Word> {
        let id = |message: &str| {
            if inner {
                format!("{message}_inner")
            } else {
                message.to_string()
            }
        };
        let members = |parts: &[Left]| -> Vec<Vec<Word>> {
            parts.iter().map(|part| self.member(part)).collect()
        };
        let words = match left {
            Left::Any(parts) => self.messages.words(
                &id("left_any"),
                &[(
                    "parts",
                    Arg::Words(self.messages.list(members(parts), Join::Or)),
                )],
            ),
            Left::All(parts) => self.messages.words(
                &id("left_all"),
                &[(
                    "parts",
                    Arg::Words(self.messages.list(members(parts), Join::And)),
                )],
            ),
            Left::Choose { more, of, counted } => {
                let titles = |ids: &[Id]| -> Vec<Vec<Word>> {
                    ids.iter().map(|&id| vec![self.link(id)]).collect()
                };
                let words = self.messages.words(
                    &id("left_choose"),
                    &[
                        ("count", (*more).into()),
                        (
                            "parts",
                            Arg::Words(self.messages.list(titles(of), Join::Or)),
                        ),
                    ],
                );
                if counted.is_empty() {
                    words
                } else {
                    self.messages.words(
                        "left_counted",
                        &[
                            ("part", Arg::Words(words)),
                            (
                                "counted",
                                Arg::Words(self.messages.list(titles(counted), Join::And)),
                            ),
                        ],
                    )
                }
            }
            Left::Item(_) | Left::Has { .. } => return self.member(left),
        };
        if inner {
            self.messages
                .words("left_nested", &[("part", Arg::Words(words))])
        } else {
            words
        }
    }

    /// A member of a group's list: an item by its title alone, an amount
    /// with what is reached, a group in brackets.
    fn member(&self, left: &Left) -> Vec<Word> {
        match left {
            Left::Item(id) => vec![self.link(*id)],
            Left::Has { id, have, at_least } => {
                self.amount_left("left_has_in_list", *id, *have, *at_least)
            }
            group => self.group(group, true),
        }
    }
}

/// The lines of what is left: the parts of an "all", and of every "all"
/// within it, each on a line of its own; anything else, one line.
fn lines_of<'a>(left: &'a Left, out: &mut Vec<&'a Left>) {
    match left {
        Left::All(parts) => parts.iter().for_each(|part| lines_of(part, out)),
        other => out.push(other),
    }
}
