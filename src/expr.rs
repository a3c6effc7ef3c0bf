//! Requirement expressions as written: what `requires` and `completion`
//! hold. [`parse_rule`] turns a TOML value into an [`Expr`] tree, keeping
//! the span of every id so resolution can point at a wrong one. This is
//! the syntax only, below `content` that reads it; judging a person
//! against a rule is `rules`, above the catalogue.

use crate::diagnostics::Code;
use crate::messages::Arg;
use crate::source::{Span, Spanned};
use crate::text;
use crate::toml_reader::{TableReader, TomlValue, type_name};
use toml::de::DeValue;

/// A reference as the author wrote it: an id and where it is written.
pub type Name = Spanned<String>;

/// A requirement expression with its presentation flags. `R` is what a
/// reference is: a [`Name`] as loaded, a `catalogue::Ref` once resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr<R = Name> {
    pub kind: ExprKind<R>,
    /// Recommended, never blocking.
    pub preferred: bool,
    /// A short explanation shown beside the rule.
    pub note: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind<R> {
    /// Has completed (or holds) this entity.
    Item(R),
    /// Every one of them.
    All(Vec<Expr<R>>),
    /// At least one of them.
    Any(Vec<Expr<R>>),
    /// At least `count` distinct done items of `from`.
    Choose { count: u32, from: Pool<R> },
    /// A measured requirement reaches a number (inclusive).
    Has { id: R, at_least: f64 },
}

/// The items a `choose` counts from.
#[derive(Debug, Clone, PartialEq)]
pub enum Pool<R> {
    /// An explicit list.
    Items(Vec<R>),
    /// Every workshop of this level.
    Level(R),
}

/// How an expression mentions an entity: what kind of thing it must be.
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

impl<R> Expr<R> {
    /// Every reference of this expression, in source order, with what it
    /// must name: the one traversal that resolution, checks, cycle
    /// detection, the needs index and the checklist share.
    pub fn references(&self) -> Vec<(&R, RefRole)> {
        let mut out = Vec::new();
        self.walk(&mut |e| match &e.kind {
            ExprKind::Item(target) => out.push((target, RefRole::Item)),
            ExprKind::Choose {
                from: Pool::Items(items),
                ..
            } => out.extend(items.iter().map(|i| (i, RefRole::PoolItem))),
            ExprKind::Choose {
                from: Pool::Level(level),
                ..
            } => out.push((level, RefRole::PoolLevel)),
            ExprKind::Has { id, .. } => out.push((id, RefRole::Measure)),
            ExprKind::All(_) | ExprKind::Any(_) => {}
        });
        out
    }

    /// Calls `f` on this expression and every sub-expression, depth first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr<R>)) {
        f(self);
        if let ExprKind::All(children) | ExprKind::Any(children) = &self.kind {
            for child in children {
                child.walk(f);
            }
        }
    }

    /// The same expression with every reference turned into another form
    /// by `f`, which sees each one once, in source order. A node with a
    /// reference `f` refuses is left out (a list keeps its other members),
    /// so every problem is reported and what remains is sound.
    pub fn map_refs<S>(&self, f: &mut impl FnMut(&R, RefRole) -> Option<S>) -> Option<Expr<S>> {
        let kind = match &self.kind {
            ExprKind::Item(target) => ExprKind::Item(f(target, RefRole::Item)?),
            ExprKind::Has { id, at_least } => ExprKind::Has {
                id: f(id, RefRole::Measure)?,
                at_least: *at_least,
            },
            ExprKind::Choose { count, from } => {
                let from = match from {
                    Pool::Level(level) => Pool::Level(f(level, RefRole::PoolLevel)?),
                    Pool::Items(items) => {
                        // Every item is seen, even after one is refused.
                        let mapped: Vec<Option<S>> =
                            items.iter().map(|i| f(i, RefRole::PoolItem)).collect();
                        Pool::Items(mapped.into_iter().collect::<Option<Vec<S>>>()?)
                    }
                };
                ExprKind::Choose {
                    count: *count,
                    from,
                }
            }
            ExprKind::All(children) | ExprKind::Any(children) => {
                let mapped: Vec<Expr<S>> = children.iter().filter_map(|c| c.map_refs(f)).collect();
                if mapped.is_empty() && !children.is_empty() {
                    return None;
                }
                if matches!(self.kind, ExprKind::All(_)) {
                    ExprKind::All(mapped)
                } else {
                    ExprKind::Any(mapped)
                }
            }
        };
        Some(Expr {
            kind,
            preferred: self.preferred,
            note: self.note.clone(),
            span: self.span.clone(),
        })
    }
}

/// Read a whole rule, the value of `requires` or `completion`: an
/// expression, or `[]`, the one spelling of "nothing needed" (a workshop
/// whose level has prerequisites says so with `requires = []`).
pub(crate) fn parse_rule<'i>(
    reader: &mut TableReader<'_, 'i>,
    key: &str,
    value: &TomlValue<'i>,
) -> Option<Expr> {
    match value.get_ref() {
        DeValue::Array(items) if items.is_empty() => Some(Expr {
            kind: ExprKind::All(Vec::new()),
            preferred: false,
            note: None,
            span: reader.span(value.span()),
        }),
        _ => parse(reader, key, value),
    }
}

/// Read an expression from a TOML value, the value of `key` in the table
/// `reader` reads; problems go to `reader`'s diagnostics.
pub(crate) fn parse<'i>(
    reader: &mut TableReader<'_, 'i>,
    key: &str,
    value: &TomlValue<'i>,
) -> Option<Expr> {
    let span = reader.span(value.span());
    match value.get_ref() {
        DeValue::String(id) => Some(Expr {
            kind: ExprKind::Item(Name::new(id.to_string(), span.clone())),
            preferred: false,
            note: None,
            span,
        }),
        // Inside a rule an empty list means nothing: only a whole rule may
        // be `[]` (see `parse_rule`).
        DeValue::Array(items) if items.is_empty() => {
            reader.error(
                Code::InvalidValue,
                span,
                text!("empty_list_in_rule"),
                text!("empty_list_in_rule_help", key = key),
            );
            None
        }
        DeValue::Array(items) => {
            let children = items
                .iter()
                .filter_map(|item| parse(reader, key, item))
                .collect();
            Some(Expr {
                kind: ExprKind::All(children),
                preferred: false,
                note: None,
                span,
            })
        }
        DeValue::Table(_) => parse_table(reader.nested(value, text!("table_expression"))?, key),
        other => {
            let message = text!("expr_wrong_type", key = key, found = type_name(other));
            let help = text!("expr_wrong_type_help", example = "{ any = [\"a\", \"b\"] }");
            reader.error(Code::WrongType, span, message, help);
            None
        }
    }
}

/// An expression written as a table: exactly one of the forms `all`, `any`,
/// `choose` or `has`, and optionally `preferred` and `note`.
fn parse_table(mut reader: TableReader<'_, '_>, key: &str) -> Option<Expr> {
    let span = reader.whole_span();
    // Every key an expression may hold is read first, in the order the help
    // for an unknown key lists them: an operand beside a form that turns out
    // broken, or beside another form (where it has always been ignored), is
    // then not also reported as unknown.
    let all = reader.get("all");
    let any = reader.get("any");
    let choose = reader.get("choose");
    let from = reader.get("from");
    let has = reader.get("has");
    let at_least = reader.get("at_least");
    let preferred = reader.bool("preferred").is_some_and(|b| b.value);
    let note = reader.string("note").map(|n| n.value);
    let forms: Vec<(&str, &TomlValue<'_>)> =
        [("all", all), ("any", any), ("choose", choose), ("has", has)]
            .into_iter()
            .filter_map(|(form, value)| Some((form, value?)))
            .collect();
    let kind = match forms.as_slice() {
        [(form @ ("all" | "any"), list)] => list_form(&mut reader, key, form, list),
        [("choose", _)] => choose_form(&mut reader, from, span.clone()),
        [("has", _)] => has_form(&mut reader, at_least, span.clone()),
        [] => {
            reader.error(
                Code::MissingField,
                span.clone(),
                text!("expr_no_form"),
                text!(
                    "expr_no_form_help",
                    all = "{ all = [...] }",
                    any = "{ any = [...] }",
                    choose = "{ choose = N, from = ... }",
                    has = "{ has = \"id\", at_least = N }"
                ),
            );
            None
        }
        several => {
            let names: Vec<&str> = several.iter().map(|(form, _)| *form).collect();
            reader.error(
                Code::InvalidValue,
                span.clone(),
                text!("expr_mixed", forms = forms_and(&names)),
                text!(
                    "expr_mixed_help",
                    example = "{ all = [{ any = [...] }, ...] }"
                ),
            );
            None
        }
    };
    reader.finish();
    Some(Expr {
        kind: kind?,
        preferred,
        note,
        span,
    })
}

/// "`all` and `any` and `has`": the forms a table mixes.
fn forms_and(forms: &[&str]) -> Arg {
    match forms {
        [] => Arg::from(""),
        [only] => format!("`{only}`").into(),
        [first, rest @ ..] => text!(
            "expr_forms_and",
            first = format!("`{first}`"),
            rest = forms_and(rest)
        )
        .into(),
    }
}

/// `all = [...]` or `any = [...]`: a list of expressions.
fn list_form<'i>(
    reader: &mut TableReader<'_, 'i>,
    key: &str,
    form: &str,
    list: &TomlValue<'i>,
) -> Option<ExprKind<Name>> {
    let items = match list.get_ref() {
        DeValue::Array(items) if items.is_empty() => {
            let (message, help) = if form == "any" {
                (text!("any_empty"), text!("any_empty_help", key = key))
            } else {
                (text!("all_empty"), text!("all_empty_help", key = key))
            };
            reader.error(Code::InvalidValue, reader.span(list.span()), message, help);
            return None;
        }
        DeValue::Array(items) => items,
        other => {
            reader.error(
                Code::WrongType,
                reader.span(list.span()),
                text!(
                    "list_form_wrong_type",
                    form = form,
                    found = type_name(other)
                ),
                text!("list_form_wrong_type_help", form = form),
            );
            return None;
        }
    };
    let children = items
        .iter()
        .filter_map(|item| parse(reader, key, item))
        .collect();
    Some(if form == "all" {
        ExprKind::All(children)
    } else {
        ExprKind::Any(children)
    })
}

/// `choose = N, from = "level"` or `choose = N, from = ["a", "b", …]`.
fn choose_form(
    reader: &mut TableReader<'_, '_>,
    from: Option<&TomlValue<'_>>,
    span: Span,
) -> Option<ExprKind<Name>> {
    let count = reader.integer("choose")?;
    let Some(count_value) = u32::try_from(count.value).ok().filter(|n| *n > 0) else {
        reader.error(
            Code::InvalidValue,
            count.span,
            text!("choose_not_positive", count = count.value.to_string()),
            text!("choose_not_positive_help"),
        );
        return None;
    };
    let Some(from) = from else {
        reader.error(
            Code::MissingField,
            span,
            text!("choose_without_from"),
            text!("choose_without_from_help"),
        );
        return None;
    };
    let pool = match from.get_ref() {
        DeValue::String(level) => {
            Pool::Level(Spanned::new(level.to_string(), reader.span(from.span())))
        }
        // `choose` counts distinct things: its list holds ids only.
        DeValue::Array(_) => {
            Pool::Items(reader.string_list_helped("from", text!("from_item_help")))
        }
        other => {
            reader.error(
                Code::WrongType,
                reader.span(from.span()),
                text!("from_wrong_type", found = type_name(other)),
                text!("from_wrong_type_help"),
            );
            return None;
        }
    };
    Some(ExprKind::Choose {
        count: count_value,
        from: pool,
    })
}

/// `has = "measured-requirement", at_least = N`.
fn has_form(
    reader: &mut TableReader<'_, '_>,
    at_least: Option<&TomlValue<'_>>,
    span: Span,
) -> Option<ExprKind<Name>> {
    let id = reader.string("has")?;
    let Some(at_least) = at_least else {
        let example = format!("{{ has = \"{}\", at_least = 300 }}", id.value);
        reader.error(
            Code::MissingField,
            span,
            text!("has_without_at_least"),
            text!("has_without_at_least_help", example = example),
        );
        return None;
    };
    let at_least = reader.non_negative_number(at_least, "`at_least`", text!("at_least_help"))?;
    Some(ExprKind::Has { id, at_least })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::source::SourceFile;
    use crate::toml_reader::{self, TomlSource};

    /// Read `requires = <expression>` as front matter would; the expression
    /// and each diagnostic's message and help.
    fn requires(expression: &str) -> (Option<Expr>, Vec<String>) {
        let text = format!("requires = {expression}\n");
        let file = SourceFile::new("test.toml", text.as_str());
        let mut diags = Diagnostics::default();
        let table = toml_reader::parse(&file, &text, 0, &mut diags).expect("valid TOML");
        let source = TomlSource {
            file: &file,
            offset: 0,
        };
        let mut reader =
            TableReader::new(source, table.get_ref(), table.span(), "a test", &mut diags);
        let value = reader.get("requires").expect("present");
        let expr = parse(&mut reader, "requires", value);
        reader.finish();
        let cli = crate::report::cli_messages();
        let messages = diags
            .0
            .iter()
            .map(|d| {
                let help = d.help_text(&cli).unwrap_or_default();
                format!("{} / {help}", d.message_text(&cli))
            })
            .collect();
        (expr, messages)
    }

    #[test]
    fn an_unknown_key_far_from_any_lists_every_key_of_an_expression() {
        let (_, messages) = requires("{ all = [\"a\"], zzz = 1 }");
        assert_eq!(
            messages,
            [
                "unknown key `zzz` in a requirement expression / a requirement expression accepts: all, any, choose, from, has, at_least, preferred, note"
            ]
        );
    }

    #[test]
    fn an_operand_beside_a_broken_or_another_form_is_not_unknown() {
        let (_, messages) = requires("{ choose = 0, from = \"level-2\" }");
        assert_eq!(
            messages,
            [
                "`choose` must be a positive whole number, found 0 / write how many items must be done, like `choose = 3`"
            ]
        );
        let (expr, messages) = requires("{ all = [\"a\"], from = \"b\", at_least = 3 }");
        assert!(messages.is_empty(), "{messages:?}");
        assert!(matches!(expr.map(|e| e.kind), Some(ExprKind::All(items)) if items.len() == 1));
    }

    #[test]
    fn each_form_reads_its_operand() {
        let (expr, messages) = requires("{ has = \"hours\", at_least = 2.5, note = \"n\" }");
        assert!(messages.is_empty(), "{messages:?}");
        let expr = expr.expect("an expression");
        assert!(matches!(expr.kind, ExprKind::Has { at_least, .. } if at_least == 2.5));
        assert_eq!(expr.note.as_deref(), Some("n"));
        let (expr, messages) = requires("{ choose = 2, from = [\"a\", \"b\"], preferred = true }");
        assert!(messages.is_empty(), "{messages:?}");
        let expr = expr.expect("an expression");
        assert!(expr.preferred);
        assert!(
            matches!(expr.kind, ExprKind::Choose { count: 2, from: Pool::Items(items) } if items.len() == 2)
        );
    }
}
