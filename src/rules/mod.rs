//! Judging people against requirement expressions: evaluation (`eval`),
//! the ways a rule can be met (`ways`), plans toward a goal (`plan`), a
//! person's record (`record`), and a resolved rule's canonical JSON form.
//! The expressions themselves, as written, are [`crate::expr`]; they are
//! named here too.

pub mod eval;
pub mod holding;
pub mod implied;
pub mod plan;
pub mod record;
pub mod ways;

pub use crate::expr::*;

use crate::catalogue::{Catalogue, Ref};

/// The expression in the canonical JSON form of catalogue.json (and the
/// checklist's rules): an id, `{"all": [...]}`, `{"any": [...]}`,
/// `{"choose": n, "from": ...}` or `{"has": id, "at_least": n}`, with
/// `preferred` and `note` when set.
pub fn to_json(expr: &Expr<Ref>, catalogue: &Catalogue) -> serde_json::Value {
    serde_json::to_value(Json { expr, catalogue }).unwrap_or_default()
}

/// An expression as [`to_json`] writes it, serialized in place: what
/// catalogue.json streams, without building (and copying) a JSON tree per
/// rule. Keys in alphabetical order, as a JSON object sorts them.
#[derive(Clone, Copy)]
pub struct Json<'a> {
    pub expr: &'a Expr<Ref>,
    pub catalogue: &'a Catalogue,
}

impl<'a> serde::Serialize for Json<'a> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Json { expr, catalogue } = *self;
        let id = |r: &Ref| catalogue[r.id].id.as_str();
        let children =
            |children: &'a [Expr<Ref>]| children.iter().map(move |expr| Json { expr, catalogue });
        // A string leaf carries neither `preferred` nor `note` (only tables do).
        if let ExprKind::Item(item) = &expr.kind {
            return serializer.serialize_str(id(item));
        }
        let mut map = serializer.serialize_map(None)?;
        match &expr.kind {
            // Written as a plain string above.
            ExprKind::Item(_) => {}
            ExprKind::All(list) => map.serialize_entry("all", &Seq(children(list)))?,
            ExprKind::Any(list) => map.serialize_entry("any", &Seq(children(list)))?,
            ExprKind::Choose { count, from } => {
                map.serialize_entry("choose", count)?;
                match from {
                    Pool::Items(items) => {
                        map.serialize_entry("from", &Seq(items.iter().map(id)))?;
                    }
                    Pool::Level(level) => map.serialize_entry("from", id(level))?,
                }
            }
            ExprKind::Has {
                id: measure,
                at_least,
            } => {
                map.serialize_entry("at_least", at_least)?;
                map.serialize_entry("has", id(measure))?;
            }
        }
        if let Some(note) = &expr.note {
            map.serialize_entry("note", note)?;
        }
        if expr.preferred {
            map.serialize_entry("preferred", &true)?;
        }
        map.end()
    }
}

/// A sequence serialized straight from an iterator (cloned for each use).
struct Seq<I>(I);

impl<I> serde::Serialize for Seq<I>
where
    I: Iterator + Clone,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}
