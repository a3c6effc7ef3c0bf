//! The template engine as cairn sets it up: MiniJinja with cairn's
//! escaping, its `default`, `url_for` and `range`, a recursion limit and a
//! fuel budget, and its errors turned into E015 at their place in the
//! theme's files.

use super::Site;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::{Arg, Text};
use crate::text;
use crate::theme::Theme;
use minijinja::value::Kwargs;
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior};
use std::collections::HashMap;

/// Compile every template once.
pub(super) fn compile(site: Site<'_>) -> Result<Environment<'static>, Diagnostics> {
    let Site {
        catalogue,
        theme,
        routes,
        ..
    } = site;
    if let Some(cycle) = include_cycle(theme) {
        let origin = theme
            .templates
            .get(&cycle[0])
            .map_or_else(|| cycle[0].clone(), |(_, origin)| origin.clone());
        return Err(Diagnostics(vec![
            Diagnostic::error(
                Code::Template,
                text!("template_cycle", cycle = cycle.join(" -> ")),
            )
            .in_file(&origin)
            .with_help(text!("template_cycle_help")),
        ]));
    }
    let mut env = Environment::new();
    // Error messages point into the theme's own files; the engine's debug
    // dump of the whole context would bury them.
    env.set_debug(false);
    // A variable a template names but the page lacks is an error, as it is
    // in Zola; `{% if page.x %}` may still ask whether it is there.
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") || name.ends_with(".xml") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(format_value);
    env.set_recursion_limit(TEMPLATE_DEPTH);
    env.set_fuel(Some(template_fuel(catalogue.entities().count())));
    // A file ends with a line end when the template's own text does.
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    // Page data writes what a page lacks as `none`: `default` stands in
    // for it as for an undefined value (as Zola's Tera does), so that
    // `page.summary | default(page.title)` means what it says.
    env.add_filter("default", default_filter);
    // The same escaping for the `escape` filter, so URLs keep their slashes.
    env.add_filter("escape", escape_filter);
    env.add_filter("e", escape_filter);
    let mut failures = Vec::new();
    for (name, (text, _)) in &theme.templates {
        if let Err(err) = env.add_template_owned(name.clone(), text.clone()) {
            failures.push(syntax_error(&err, theme));
        }
    }
    if !failures.is_empty() {
        return Err(Diagnostics(failures));
    }
    let urls: HashMap<String, String> = catalogue
        .entities()
        .filter(|(_, d)| !d.id.is_empty())
        .filter_map(|(id, d)| Some((d.id.clone(), routes.url_of(id)?)))
        .collect();
    env.add_function(
        "url_for",
        move |kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let id: Option<String> = kwargs.get("id").ok();
            let id = id.ok_or_else(|| function_error(UrlForError::NoId))?;
            kwargs.assert_all_used()?;
            urls.get(&id)
                .cloned()
                .ok_or_else(|| function_error(UrlForError::Unknown(id)))
        },
    );
    env.add_function("range", range);
    Ok(env)
}

/// How deep the engine lets macros, includes and imports nest, in its
/// own units (a macro call takes several): a macro may call itself about
/// 80 deep, far deeper than any rule a page shows, and one that never
/// stops is stopped with an error rather than by the stack.
const TEMPLATE_DEPTH: usize = 500;

/// The most steps of the template engine one page may take (its fuel:
/// instructions, items looped over, and bytes written, one step per 64):
/// a base, and more for each entity, since the handbook and the listings
/// go through them all. Every page of a 10,000-workshop catalogue takes
/// fewer than 5 million of the 120 million it is given; loops nested past
/// the budget never finish in any time a person waits for, so they stop
/// with an error (E015) after a few seconds instead, in `build`, `check`
/// and `serve` alike. `CAIRN_TEMPLATE_FUEL` sets another budget (a test
/// that wants one small, or a catalogue beyond any measured here).
fn template_fuel(entities: usize) -> u64 {
    const BASE: u64 = 100_000_000;
    const PER_ENTITY: u64 = 2_000;
    std::env::var("CAIRN_TEMPLATE_FUEL")
        .ok()
        .and_then(|fuel| fuel.trim().parse().ok())
        .unwrap_or_else(|| BASE.saturating_add(PER_ENTITY.saturating_mul(entities as u64)))
}

/// How a template prints a value: text escaped by [`escape_html`] in
/// HTML and XML templates (the engine's own escaping would turn every `/`
/// of a URL into `&#x2f;`), nothing at all for `none`.
fn format_value(
    out: &mut minijinja::Output<'_>,
    state: &mut minijinja::State<'_, '_>,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    if value.is_none() {
        return Ok(());
    }
    if value.is_safe() || *state.auto_escape() != AutoEscape::Html || value.is_undefined() {
        return minijinja::escape_formatter(out, state, value);
    }
    let written = match value.as_str() {
        Some(text) => write_escaped_html(out, text),
        None => write_escaped_html(out, &value.to_string()),
    };
    written.map_err(minijinja::Error::from)
}

/// Jinja's `default(other, lax)`, for `none` as well as for undefined.
fn default_filter(
    value: minijinja::Value,
    other: Option<minijinja::Value>,
    lax: Option<bool>,
) -> minijinja::Value {
    let missing = value.is_undefined() || value.is_none();
    if missing || (lax.unwrap_or(false) && !value.is_true()) {
        other.unwrap_or_else(|| minijinja::Value::from(""))
    } else {
        value
    }
}

fn escape_filter(value: minijinja::Value) -> minijinja::Value {
    if value.is_safe() {
        return value;
    }
    let text = match value.as_str() {
        Some(text) => escape_html(text),
        None => escape_html(&value.to_string()),
    };
    minijinja::Value::from_safe_string(text)
}

/// An error of one of cairn's template functions, its reason kept as data
/// so that [`template_error`] words it in the reader's language.
fn function_error(why: impl std::error::Error + Send + Sync + 'static) -> minijinja::Error {
    minijinja::Error::new(ErrorKind::InvalidOperation, why.to_string()).with_source(why)
}

/// The most numbers `range` gives: a template that loops over more is
/// surely wrong, and would hold the build (and `cairn serve`) while it
/// allocates.
const RANGE_LIMIT: usize = 100_000;

/// Jinja's `range(end)` and `range(start, end, step)`, refusing in the
/// reader's language what would never end or run too long.
fn range(
    first: i64,
    end: Option<i64>,
    step: Option<i64>,
) -> Result<minijinja::Value, minijinja::Error> {
    let (start, end) = match end {
        Some(end) => (first, end),
        None => (0, first),
    };
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(function_error(RangeError::StepZero));
    }
    let count = if (step > 0) == (end > start) {
        (end - start).unsigned_abs().div_ceil(step.unsigned_abs())
    } else {
        0
    };
    if count > RANGE_LIMIT as u64 {
        return Err(function_error(RangeError::TooLong));
    }
    let numbers: Vec<i64> = std::iter::successors(Some(start), |n| n.checked_add(step))
        .take(usize::try_from(count).unwrap_or(0))
        .collect();
    Ok(minijinja::Value::from(numbers))
}

/// Why `range` refused: kept as data through the engine's error, like
/// [`UrlForError`].
#[derive(Debug)]
enum RangeError {
    StepZero,
    TooLong,
}

impl RangeError {
    fn text(&self) -> Text {
        match self {
            RangeError::StepZero => text!("range_step_zero"),
            RangeError::TooLong => text!("range_too_long", limit = RANGE_LIMIT.to_string()),
        }
    }
}

/// Never shown: [`template_error`] words the error from [`RangeError::text`].
impl std::fmt::Display for RangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "range: {self:?}")
    }
}

impl std::error::Error for RangeError {}

/// Why `url_for` failed: kept as data through the engine's error, so that
/// [`template_error`] words it in the reader's language.
#[derive(Debug)]
enum UrlForError {
    NoId,
    Unknown(String),
}

impl UrlForError {
    fn text(&self) -> Text {
        match self {
            UrlForError::NoId => text!("url_for_without_id"),
            UrlForError::Unknown(id) => text!("url_for_unknown_id", id = id),
        }
    }
}

/// Never shown: [`template_error`] words the error from [`UrlForError::text`].
impl std::fmt::Display for UrlForError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UrlForError::NoId => write!(f, "url_for()"),
            UrlForError::Unknown(id) => write!(f, "url_for(id={id:?})"),
        }
    }
}

impl std::error::Error for UrlForError {}

/// Templates naming each other in a circle through `include`, `import` or
/// `extends`: Tera would recurse until the stack overflows, so they are
/// found before compiling. Returns the circle, first name repeated last.
fn include_cycle(theme: &Theme) -> Option<Vec<String>> {
    let names = |text: &str| -> Vec<String> {
        let mut found = Vec::new();
        for tag in text.split("{%").skip(1) {
            let tag = tag
                .split("%}")
                .next()
                .unwrap_or("")
                .trim_start_matches('-')
                .trim();
            let keyword = tag.split_whitespace().next().unwrap_or("");
            if matches!(keyword, "include" | "import" | "extends") {
                found.extend(tag.split('"').skip(1).step_by(2).map(String::from));
            }
        }
        found
    };
    let graph: HashMap<&str, Vec<String>> = theme
        .templates
        .iter()
        .map(|(name, (text, _))| (name.as_str(), names(text)))
        .collect();
    // Iterative depth-first search, in name order for a stable report.
    let mut state: HashMap<&str, u8> = HashMap::new();
    let mut roots: Vec<&str> = graph.keys().copied().collect();
    roots.sort_unstable();
    for root in roots {
        if state.contains_key(root) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(root, 0)];
        state.insert(root, 1);
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let edges = graph.get(node).map_or(&[][..], Vec::as_slice);
            if let Some(target) = edges.get(*next) {
                *next += 1;
                let Some((&target, _)) = graph.get_key_value(target.as_str()) else {
                    continue;
                };
                match state.get(target) {
                    None => {
                        state.insert(target, 1);
                        stack.push((target, 0));
                    }
                    Some(1) => {
                        let start = stack.iter().position(|&(n, _)| n == target).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            stack[start..].iter().map(|&(n, _)| n.to_string()).collect();
                        cycle.push(target.to_string());
                        return Some(cycle);
                    }
                    Some(_) => {}
                }
            } else {
                state.insert(node, 2);
                stack.pop();
            }
        }
    }
    None
}

/// A template that does not parse, pointed at the place the engine reports.
fn syntax_error(err: &minijinja::Error, theme: &Theme) -> Diagnostic {
    let message = text!("template_syntax", error = engine_words(err));
    located(err, theme, message).with_help(text!("template_syntax_help"))
}

/// A diagnostic at the place of `err` in the theme's file: the span the
/// engine names, or its line, or the file alone.
fn located(err: &minijinja::Error, theme: &Theme, message: Text) -> Diagnostic {
    let error = Diagnostic::error(Code::Template, message);
    let Some((text, origin)) = err.name().and_then(|name| theme.templates.get(name)) else {
        return error.in_file("templates");
    };
    let file = crate::source::SourceFile::new(origin.clone(), text.clone());
    let span = expression_span(err, text).or_else(|| {
        let line = err.line()?;
        let start: usize = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let end = text[start.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |at| start + at);
        (start < end).then_some(start..end)
    });
    match span {
        Some(span) => error.at(&file, span),
        None => error.in_file(origin),
    }
}

/// The bytes of `text` an error names. The engine points an undefined
/// attribute at its own part (`.issuer.website` of `page.issuer.website`);
/// the span is widened to the whole dotted name a reader looks for.
fn expression_span(err: &minijinja::Error, text: &str) -> Option<std::ops::Range<usize>> {
    let span = err
        .range()
        .filter(|span| span.end <= text.len() && span.start < span.end)?;
    if err.kind() != ErrorKind::UndefinedError {
        return Some(span);
    }
    let name_part = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let start = text[..span.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| name_part(c))
        .last()
        .map_or(span.start, |(at, _)| at);
    Some(start..span.end)
}

/// The engine's account of an error, without the "(in page.html:2)" that
/// the diagnostic's location says better.
fn engine_words(err: &minijinja::Error) -> Arg {
    match err.detail() {
        Some(detail) => detail.to_string().into(),
        None if err.kind() == ErrorKind::SyntaxError => text!("template_invalid_syntax").into(),
        None => err.kind().to_string().into(),
    }
}

/// HTML-escape the five characters that matter, leaving `/` readable in URLs.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    // Writing to a String cannot fail.
    let _ = write_escaped_html(&mut out, input);
    out
}

/// [`escape_html`] onto the end of `out`.
pub(crate) fn push_escaped_html(out: &mut String, input: &str) {
    // Writing to a String cannot fail.
    let _ = write_escaped_html(out, input);
}

/// [`escape_html`] into any writer: templates print straight into the page.
fn write_escaped_html(out: &mut impl std::fmt::Write, input: &str) -> std::fmt::Result {
    // Most text has nothing to escape: copy the runs between special
    // characters whole rather than one character at a time.
    let mut from = 0;
    for (at, byte) in input.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&input[from..at])?;
        out.write_str(entity)?;
        from = at + 1;
    }
    out.write_str(&input[from..])
}

pub(super) fn template_error(
    theme: &Theme,
    template: &str,
    url: &str,
    err: &minijinja::Error,
) -> Diagnostic {
    // An error inside an included template comes wrapped in one at the
    // `include`: the innermost engine error says what failed, and where.
    // Its own innermost cause may be a function of cairn's, which keeps its
    // reason as data.
    let mut err = err;
    let mut cause: &(dyn std::error::Error + 'static) = err;
    while let Some(inner) = cause.source() {
        cause = inner;
        if let Some(engine) = inner.downcast_ref::<minijinja::Error>() {
            err = engine;
        }
    }
    let words: Arg = if let Some(url_for) = cause.downcast_ref::<UrlForError>() {
        url_for.text().into()
    } else if let Some(range) = cause.downcast_ref::<RangeError>() {
        range.text().into()
    } else if err.kind() == ErrorKind::InvalidOperation
        && err.detail() == Some("recursion limit exceeded")
    {
        text!("template_recursion").into()
    } else if err.kind() == ErrorKind::OutOfFuel {
        text!("template_out_of_fuel").into()
    } else if err.kind() == ErrorKind::UndefinedError {
        match failed_expression(err, theme) {
            Some(Undefined::Name(name)) => text!("template_undefined", name = name).into(),
            Some(Undefined::FilterInput(filter)) => {
                text!("template_undefined_filter", filter = filter).into()
            }
            None => text!("template_undefined_here").into(),
        }
    } else {
        engine_words(err)
    };
    located(err, theme, text!("template_failed", error = words)).with_help(text!(
        "template_failed_help",
        url = url,
        template = template,
        others = 0usize
    ))
}

/// What the engine points at when a value is undefined.
enum Undefined {
    /// A variable or field: `page.issuer.website`.
    Name(String),
    /// A filter given an undefined value: `upper` in `page.x | upper`.
    FilterInput(String),
}

/// The template text of the expression an undefined value was found in,
/// when it reads well quoted: a plain dotted name. A whole `if`, which the
/// engine may point at, would not.
fn failed_expression(err: &minijinja::Error, theme: &Theme) -> Option<Undefined> {
    let (text, _) = theme.templates.get(err.name()?)?;
    let span = expression_span(err, text)?;
    let expression = text.get(span.clone())?.trim();
    let is_name = expression
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    if !is_name || expression.is_empty() || expression.len() > 80 {
        return None;
    }
    let after_pipe = text[..span.start].trim_end().ends_with('|');
    Some(if after_pipe {
        Undefined::FilterInput(expression.to_string())
    } else {
        Undefined::Name(expression.to_string())
    })
}

/// One diagnostic per distinct template failure, saying on how many pages
/// it happened, instead of the same error for every page of a kind.
pub(super) fn merge_template_failures(failures: Vec<Diagnostic>) -> Diagnostics {
    let mut merged: Vec<(Diagnostic, usize)> = Vec::new();
    for failure in failures {
        let same = |(d, _): &&mut (Diagnostic, usize)| {
            d.code == failure.code && d.message == failure.message && d.location == failure.location
        };
        match merged.iter_mut().find(same) {
            Some((_, count)) => *count += 1,
            None => merged.push((failure, 1)),
        }
    }
    Diagnostics(
        merged
            .into_iter()
            .map(|(mut d, count)| {
                // The help of a template failure counts the other pages.
                if count > 1
                    && let Some(help) = d.help.as_mut().filter(|h| h.id == "template_failed_help")
                {
                    help.set("others", count - 1);
                }
                d
            })
            .collect(),
    )
}
