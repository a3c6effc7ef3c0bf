//! Whether a record holds each credential on a day: held, held but lapsing
//! within [`EXPIRING_WITHIN_DAYS`] days, lapsed, or not held. `cairn
//! eligibility` and the checklist say it after the levels' verdicts, so a
//! person need not read it from an empty plan.

use super::eval::{EXPIRING_WITHIN_DAYS, Record, lapses_on};
use crate::catalogue::{Catalogue, Id};
use crate::content::{Date, Kind};

/// Whether one credential is held.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Holding {
    #[serde(skip)]
    pub credential: Id,
    /// The credential's id, as `cairn eligibility --format json` gives it.
    pub id: String,
    pub state: HoldingState,
    /// The day it lapses, or lapsed, when the record dates it and it has a
    /// `valid_for`: `2027-03-03`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lapses_on: Option<String>,
    #[serde(skip)]
    pub day: Option<Date>,
    /// Held because something done implies it (the level that awards it):
    /// that thing's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_by: Option<String>,
}

/// How a credential stands on the judging day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldingState {
    Held,
    /// Held, and lapsing within [`EXPIRING_WITHIN_DAYS`] days: renew it.
    Lapsing,
    /// Held once, lapsed by the judging day: renew it.
    Lapsed,
    NotHeld,
}

/// Every credential of the catalogue, in its order, for `record` on `today`
/// (without a day, nothing lapses).
pub fn holdings(catalogue: &Catalogue, record: &Record, today: Option<Date>) -> Vec<Holding> {
    let (implied, implied_by) = super::implied::implied_record(catalogue, record, today);
    let done = super::eval::done_as_recorded(catalogue, &implied, today);
    let soon = today.and_then(|today| {
        today
            .civil()
            .checked_add(jiff::Span::new().days(EXPIRING_WITHIN_DAYS))
            .ok()
            .map(Date::from)
    });
    catalogue
        .of_kind(Kind::Credential)
        .iter()
        .map(|&id| {
            let day = record
                .completed
                .contains(&id)
                .then(|| lapses_on(catalogue, record, id))
                .flatten();
            let held = done[id.index()];
            let state = match (held, day, today) {
                (true, Some(day), Some(_)) if soon.is_some_and(|soon| day <= soon) => {
                    HoldingState::Lapsing
                }
                (true, _, _) => HoldingState::Held,
                (false, Some(day), Some(today)) if today >= day => HoldingState::Lapsed,
                (false, _, _) => HoldingState::NotHeld,
            };
            Holding {
                credential: id,
                id: catalogue[id].id.clone(),
                state,
                lapses_on: day.map(|d| d.to_string()),
                day,
                implied_by: implied_by
                    .get(&id)
                    .filter(|_| held)
                    .map(|&source| catalogue[source].id.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
