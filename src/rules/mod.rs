//! Requirement expressions: what `requires` and `completion` hold.
//!
//! [`parse`] turns a TOML value into an [`Expr`] tree, keeping the span of
//! every id so resolution can point at a wrong one. The same tree drives the
//! plain-language text on pages, the checklist, and `cairn eligibility`.

pub mod eval;
pub mod record;

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostics;
use crate::source::{Span, Spanned};
use crate::toml_reader::{TableReader, TomlSource, TomlValue, type_name};
use toml::de::DeValue;

/// A requirement expression with its presentation flags.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    /// Recommended, never blocking.
    pub preferred: bool,
    /// A short explanation shown beside the rule.
    pub note: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// Has completed (or holds) the entity with this id.
    Item(String),
    /// Every one of them.
    All(Vec<Expr>),
    /// At least one of them.
    Any(Vec<Expr>),
    /// At least `count` distinct done items of `from`.
    Choose { count: u32, from: Pool },
    /// A measured requirement reaches a number (inclusive).
    Has { id: Spanned<String>, at_least: f64 },
}

/// The items a `choose` counts from.
#[derive(Debug, Clone, PartialEq)]
pub enum Pool {
    /// An explicit list of ids.
    Items(Vec<Spanned<String>>),
    /// Every workshop of this level.
    Level(Spanned<String>),
}

/// One id an expression mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'a> {
    pub id: &'a str,
    pub span: Span,
    pub role: RefRole,
}

/// How an expression mentions an id: what kind of thing it must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefRole {
    /// Something completed or held: a level, workshop, requirement or credential.
    Item,
    /// A `choose` pool member.
    PoolItem,
    /// `from = "level-2"`: must be a level.
    PoolLevel,
    /// `has = …`: must be a requirement with a `unit`.
    Measure,
}

impl Expr {
    /// Every id this expression mentions, in source order, with where it is
    /// written and what it must name: the one traversal that resolution,
    /// checks, cycle detection and the checklist share.
    pub fn references(&self) -> Vec<Reference<'_>> {
        let mut out = Vec::new();
        self.walk(&mut |e| match &e.kind {
            ExprKind::Item(id) => out.push(Reference {
                id,
                span: e.span.clone(),
                role: RefRole::Item,
            }),
            ExprKind::Choose {
                from: Pool::Items(items),
                ..
            } => {
                out.extend(items.iter().map(|i| Reference {
                    id: &i.value,
                    span: i.span.clone(),
                    role: RefRole::PoolItem,
                }));
            }
            ExprKind::Choose {
                from: Pool::Level(level),
                ..
            } => {
                out.push(Reference {
                    id: &level.value,
                    span: level.span.clone(),
                    role: RefRole::PoolLevel,
                });
            }
            ExprKind::Has { id, .. } => out.push(Reference {
                id: &id.value,
                span: id.span.clone(),
                role: RefRole::Measure,
            }),
            ExprKind::All(_) | ExprKind::Any(_) => {}
        });
        out
    }

    /// Calls `f` on this expression and every sub-expression, depth first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        if let ExprKind::All(children) | ExprKind::Any(children) = &self.kind {
            for child in children {
                child.walk(f);
            }
        }
    }
}

const EXPR_KEYS: &[&str] = &[
    "all",
    "any",
    "choose",
    "from",
    "has",
    "at_least",
    "preferred",
    "note",
];

/// Read an expression from a TOML value; problems go to `diags`.
pub(crate) fn parse(
    source: TomlSource<'_>,
    key: &str,
    value: &TomlValue<'_>,
    diags: &mut Diagnostics,
) -> Option<Expr> {
    let span = value.span().start + source.offset..value.span().end + source.offset;
    match value.get_ref() {
        DeValue::String(id) => Some(Expr {
            kind: ExprKind::Item(id.to_string()),
            preferred: false,
            note: None,
            span,
        }),
        DeValue::Array(items) => {
            let children = items
                .iter()
                .filter_map(|item| parse(source, key, item, diags))
                .collect();
            Some(Expr {
                kind: ExprKind::All(children),
                preferred: false,
                note: None,
                span,
            })
        }
        DeValue::Table(table) => parse_table(source, key, table, value.span(), diags),
        other => {
            let message = format!(
                "`{key}` must be an id, a list or a table, found {}",
                type_name(other)
            );
            let help = "write an id like \"level-1\", a list like [\"a\", \"b\"], or a table like { any = [\"a\", \"b\"] }";
            diags.push(
                crate::diagnostics::Diagnostic::error(Code::WrongType, message)
                    .at(source.file, span)
                    .with_help(help),
            );
            None
        }
    }
}

fn parse_table(
    source: TomlSource<'_>,
    key: &str,
    table: &toml::de::DeTable<'_>,
    toml_span: Span,
    diags: &mut Diagnostics,
) -> Option<Expr> {
    let what = "a requirement expression";
    let mut reader = TableReader::new(source, table, toml_span.clone(), what, EXPR_KEYS, diags);
    let span = reader.span(toml_span);
    let preferred = reader.bool("preferred").is_some_and(|b| b.value);
    let note = reader.string("note").map(|n| n.value);
    let forms: Vec<&str> = ["all", "any", "choose", "has"]
        .into_iter()
        .filter(|form| reader.get(form).is_some())
        .collect();
    let kind = match forms.as_slice() {
        [form @ ("all" | "any")] => {
            let list = reader.get(form)?;
            let children = match list.get_ref() {
                DeValue::Array(items) if items.is_empty() && *form == "any" => {
                    reader.error(
                        Code::InvalidValue,
                        list.span(),
                        "`any = []` can never be met: it offers nothing to choose from".into(),
                        "list the alternatives, like `any = [\"a\", \"b\"]`, or remove the table"
                            .into(),
                    );
                    return finish(reader);
                }
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|item| parse(source, key, item, reader.diags))
                    .collect(),
                _ => {
                    let message = format!(
                        "`{form}` must be a list of expressions, found {}",
                        type_name(list.get_ref())
                    );
                    reader.error(
                        Code::WrongType,
                        list.span(),
                        message,
                        format!("write `{form} = [\"a\", \"b\"]`"),
                    );
                    return finish(reader);
                }
            };
            if *form == "all" {
                ExprKind::All(children)
            } else {
                ExprKind::Any(children)
            }
        }
        ["choose"] => {
            let Some(count) = reader.integer("choose") else {
                return finish(reader);
            };
            let count_value = match u32::try_from(count.value) {
                Ok(n) if n > 0 => n,
                _ => {
                    reader.diags.push(
                        crate::diagnostics::Diagnostic::error(
                            Code::InvalidValue,
                            format!(
                                "`choose` must be a positive whole number, found {}",
                                count.value
                            ),
                        )
                        .at(reader.file, count.span)
                        .with_help("write how many items must be done, like `choose = 3`"),
                    );
                    return finish(reader);
                }
            };
            let Some(from) = reader.get("from") else {
                reader.diags.push(
                    crate::diagnostics::Diagnostic::error(Code::MissingField, "`choose` needs a `from`")
                        .at(reader.file, span)
                        .with_help("add `from = \"level-2\"` (all workshops of a level) or `from = [\"a\", \"b\", \"c\"]`"),
                );
                return finish(reader);
            };
            let pool = match from.get_ref() {
                DeValue::String(level) => {
                    Pool::Level(Spanned::new(level.to_string(), reader.span(from.span())))
                }
                DeValue::Array(_) => Pool::Items(reader.string_list("from")),
                other => {
                    let message = format!(
                        "`from` must be a level id or a list of ids, found {}",
                        type_name(other)
                    );
                    reader.error(
                        Code::WrongType,
                        from.span(),
                        message,
                        "write `from = \"level-2\"` or `from = [\"a\", \"b\", \"c\"]`".into(),
                    );
                    return finish(reader);
                }
            };
            ExprKind::Choose {
                count: count_value,
                from: pool,
            }
        }
        ["has"] => {
            let Some(id) = reader.string("has") else {
                return finish(reader);
            };
            let Some(threshold) = reader.get("at_least") else {
                reader.diags.push(
                    crate::diagnostics::Diagnostic::error(
                        Code::MissingField,
                        "`has` needs an `at_least`",
                    )
                    .at(reader.file, span)
                    .with_help(format!(
                        "add the number to reach, like `{{ has = \"{}\", at_least = 300 }}`",
                        id.value
                    )),
                );
                return finish(reader);
            };
            let number = match threshold.get_ref() {
                DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                    .ok()
                    .map(|n| n as f64),
                DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
                _ => None,
            };
            match number {
                Some(n) if n.is_finite() && n >= 0.0 => ExprKind::Has { id, at_least: n },
                _ => {
                    let found = match threshold.get_ref() {
                        DeValue::Integer(_) | DeValue::Float(_) => {
                            "a negative or non-finite number".to_string()
                        }
                        other => type_name(other).to_string(),
                    };
                    reader.error(
                        Code::InvalidValue,
                        threshold.span(),
                        format!("`at_least` must be a number of zero or more, found {found}"),
                        "write the amount to reach, like `at_least = 300`".into(),
                    );
                    return finish(reader);
                }
            }
        }
        [] => {
            reader.diags.push(
                crate::diagnostics::Diagnostic::error(Code::MissingField, "this expression says neither `all`, `any`, `choose` nor `has`")
                    .at(reader.file, span)
                    .with_help("use one of { all = [...] }, { any = [...] }, { choose = N, from = ... } or { has = \"id\", at_least = N }"),
            );
            return finish(reader);
        }
        several => {
            let message = format!(
                "this expression mixes {}",
                several
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            );
            reader.diags.push(
                crate::diagnostics::Diagnostic::error(Code::InvalidValue, message)
                    .at(reader.file, span)
                    .with_help("use one form per table and nest them, like { all = [{ any = [...] }, ...] }"),
            );
            return finish(reader);
        }
    };
    reader.finish();
    Some(Expr {
        kind,
        preferred,
        note,
        span,
    })
}

fn finish(reader: TableReader<'_, '_>) -> Option<Expr> {
    reader.finish();
    None
}

/// The expression in the canonical JSON form of catalogue.json (and the
/// checklist's rules): an id, `{"all": [...]}`, `{"any": [...]}`,
/// `{"choose": n, "from": ...}` or `{"has": id, "at_least": n}`, with
/// `preferred` and `note` when set.
pub fn to_json(expr: &Expr) -> serde_json::Value {
    use serde_json::{Value, json};
    let mut value = match &expr.kind {
        // A string leaf carries neither `preferred` nor `note` (only tables do).
        ExprKind::Item(id) => {
            return Value::String(id.clone());
        }
        ExprKind::All(children) => {
            json!({ "all": children.iter().map(to_json).collect::<Vec<_>>() })
        }
        ExprKind::Any(children) => {
            json!({ "any": children.iter().map(to_json).collect::<Vec<_>>() })
        }
        ExprKind::Choose {
            count,
            from: Pool::Items(items),
        } => {
            json!({ "choose": count, "from": items.iter().map(|i| &i.value).collect::<Vec<_>>() })
        }
        ExprKind::Choose {
            count,
            from: Pool::Level(level),
        } => json!({ "choose": count, "from": level.value }),
        ExprKind::Has { id, at_least } => json!({ "has": id.value, "at_least": at_least }),
    };
    if let Value::Object(map) = &mut value {
        if expr.preferred {
            map.insert("preferred".into(), Value::Bool(true));
        }
        if let Some(note) = &expr.note {
            map.insert("note".into(), Value::String(note.clone()));
        }
    }
    value
}
