//! The render stage: the resolved catalogue and a theme in, every page of
//! the site in memory out.
//!
//! Templates are compiled once; pages render in parallel, each from a small
//! view of its own document (see [`views`]). Rendering does no I/O: static
//! files are referenced, not read, until the write stage.

pub mod data;
pub mod feed;
pub mod ical;
pub mod links;
pub mod map;
pub mod structured;
pub mod theme;
pub mod views;

use crate::catalogue::{Catalogue, Id};
use crate::content::{Date, Kind};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::{Text, TextArg};
use crate::phrases::Phrases;
use crate::routes::{Copied, DataFile, Output, Page, Route, Routes};
use crate::text;
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::PathBuf;
use theme::Theme;

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub contents: Contents,
}

#[derive(Debug, Clone)]
pub enum Contents {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    /// A file to copy as it is (content assets, static files on disk).
    Copy(PathBuf),
}

/// Where rendered files go as soon as each is ready: straight into the
/// staging folder for `build`, nowhere for `check`. Rendering and writing then overlap on every core, and a
/// 10,000-page site never sits in memory whole.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;

    /// False for a sink that throws files away: the data files
    /// (`catalogue.json`, `sitemap.xml`), which no template can break, are
    /// then not generated at all.
    fn keeps_files(&self) -> bool {
        true
    }
}

/// What a render produced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderStats {
    /// HTML pages.
    pub pages: usize,
    /// Every file, pages included.
    pub files: usize,
}

/// Renders and forgets: `check` proves every page renders, writing nothing.
#[derive(Debug, Default)]
pub struct DiscardSink;

impl Sink for DiscardSink {
    fn put(&self, _: OutputFile) -> Result<(), Diagnostic> {
        Ok(())
    }

    fn keeps_files(&self) -> bool {
        false
    }
}

/// Everything needed to render any page of a site, made once: compiled
/// templates and the context every page shares. `render` renders every
/// route from it; `cairn serve` renders only what a browser asks for.
pub struct Prepared {
    tera: tera::Tera,
    shared: Shared,
}

/// What rendering reads: the resolved catalogue, the theme, and the route
/// table that says where every page lives.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub catalogue: &'a Catalogue,
    pub theme: &'a Theme,
    pub routes: &'a Routes,
}

impl Prepared {
    /// The file of one route: a page rendered, a data file generated, or a
    /// file to copy.
    pub fn produce(&self, site: Site<'_>, route: &Route) -> Result<OutputFile, Diagnostic> {
        let contents = match &route.output {
            Output::Page(page) => {
                return render_page(&self.tera, &self.shared, site, route, *page);
            }
            Output::Data(DataFile::CatalogueJson) => {
                Contents::Bytes(data::catalogue_json(site.catalogue, site.routes).into_bytes())
            }
            Output::Data(DataFile::CatalogueSchema) => Contents::Static(data::CATALOGUE_SCHEMA),
            Output::Data(DataFile::SitemapXml) => {
                Contents::Bytes(data::sitemap(site.catalogue, site.routes).into_bytes())
            }
            Output::Data(DataFile::ChecklistRules) => {
                let views = self.shared.views(site);
                Contents::Bytes(views::checklist_rules_script(&views.phrases).into_bytes())
            }
            Output::Data(DataFile::OfferingsFeed) => {
                let config = &site.catalogue.config;
                let url = config.absolute(&route.url(config.base_path()));
                let views = self.shared.views(site);
                Contents::Bytes(feed::atom(&views, site.routes, &url).into_bytes())
            }
            Output::Calendar(calendar) => {
                let context = ical::Context {
                    catalogue: site.catalogue,
                    routes: site.routes,
                    messages: &site.theme.messages,
                    today: self.shared.today,
                };
                let events = self
                    .shared
                    .calendar_events
                    .get_or_init(|| ical::Events::new(&context));
                Contents::Bytes(ical::calendar(&context, events, *calendar).into_bytes())
            }
            Output::Copy(Copied::Embedded(bytes)) => Contents::Static(bytes),
            Output::Copy(Copied::File(path)) => Contents::Copy(path.clone()),
        };
        Ok(OutputFile {
            path: route.path.clone(),
            contents,
        })
    }
}

/// Compile the templates and gather what every page shares. Template
/// syntax errors (E015) are found here, before any page is rendered.
pub fn prepare(site: Site<'_>, today: Date) -> Result<Prepared, Diagnostics> {
    let tera = compile(site)?;
    let shared = Shared::new(site, today);
    Ok(Prepared { tera, shared })
}

/// The template of a document's page.
fn template_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Pathway => "pathway.html",
        Kind::Level => "level.html",
        Kind::Workshop => "workshop.html",
        Kind::Requirement => "requirement.html",
        Kind::Credential => "credential.html",
        Kind::Page => "page.html",
    }
}

/// The template a page is rendered with, as messages name it
/// ("templates/level.html", "(built-in) templates/level.html").
pub fn template_origin(site: Site<'_>, page: Page) -> String {
    let name = match page {
        Page::Home => "index.html",
        Page::Listing(_) => "list.html",
        Page::Document(id) => template_of(site.catalogue[id].kind),
        Page::Checklist => "checklist.html",
        Page::Handbook => "handbook.html",
        Page::NotFound => "404.html",
    };
    site.theme
        .templates
        .get(name)
        .map_or_else(|| name.to_string(), |(_, origin)| origin.clone())
}

/// Render every page one after another, writing to `log` which page is
/// about to render and when it is done: when a template never finishes
/// (a macro that calls itself without end overflows the stack, which
/// nothing in the process can catch), the log's last unfinished line names
/// it. What `guard` runs to find such a template; nothing is kept.
pub fn render_logged(
    site: Site<'_>,
    today: Date,
    log: &std::path::Path,
) -> Result<(), Diagnostics> {
    use std::io::Write;
    let prepared = prepare(site, today)?;
    let mut log = std::fs::File::create(log).map_err(|err| {
        Diagnostics(vec![Diagnostic::error(
            Code::Output,
            text!(
                "output_io",
                action = "create",
                path = log.display().to_string(),
                error = err.to_string()
            ),
        )])
    })?;
    for (route, page) in site.routes.pages() {
        // Unbuffered on purpose: the line must be on disk before a crash.
        let origin = template_origin(site, page);
        let _ = writeln!(log, "start\t{}\t{}", route.url(""), origin);
        let _ = prepared.produce(site, route);
        let _ = writeln!(log, "end");
    }
    Ok(())
}

/// Render every route into `sink`. Template errors are diagnostics naming
/// the template; every page is tried, so all of them are reported.
pub fn render(site: Site<'_>, today: Date, sink: &dyn Sink) -> Result<RenderStats, Diagnostics> {
    let routes = site.routes;
    let prepared = prepare(site, today)?;
    let produce = |route: &Route| prepared.produce(site, route);
    // Pages on every core first; the data files (one large JSON document)
    // and copies beside them, unless the sink throws files away: no
    // template can break those.
    let (pages, rest): (Vec<&Route>, Vec<&Route>) = routes.iter().partition(|r| r.page().is_some());
    let (failures, data_files) = rayon::join(
        || -> Vec<Diagnostic> {
            pages
                .par_iter()
                .filter_map(|route| produce(route).and_then(|file| sink.put(file)).err())
                .collect()
        },
        || -> Vec<Result<OutputFile, Diagnostic>> {
            if !sink.keeps_files() {
                return Vec::new();
            }
            rest.par_iter()
                .filter(|r| matches!(r.output, Output::Data(_) | Output::Calendar(_)))
                .map(|route| produce(route))
                .collect()
        },
    );
    if !failures.is_empty() {
        // By page, so that the page a merged failure names is the same on
        // every run.
        let mut failures = failures;
        failures.sort_by(|a, b| a.help.cmp(&b.help));
        return Err(merge_template_failures(failures));
    }
    let copies = rest
        .iter()
        .filter(|r| matches!(r.output, Output::Copy(_)))
        .map(|route| produce(route));
    let files: Vec<OutputFile> = data_files
        .into_iter()
        .chain(copies)
        .collect::<Result<_, _>>()
        .map_err(|d| Diagnostics(vec![d]))?;
    files
        .into_par_iter()
        .try_for_each(|file| sink.put(file))
        .map_err(|d| Diagnostics(vec![d]))?;
    Ok(RenderStats {
        pages: pages.len(),
        files: routes.len(),
    })
}

/// Compile every template once.
fn compile(site: Site<'_>) -> Result<tera::Tera, Diagnostics> {
    let Site {
        catalogue,
        theme,
        routes,
    } = site;
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    // The same escaping for the `escape` filter, so URLs keep their slashes.
    tera.register_filter(
        "escape",
        |value: &Value, _: &HashMap<String, Value>| match value {
            Value::String(s) => Ok(Value::String(escape_html(s))),
            other => Ok(Value::String(escape_html(&other.to_string()))),
        },
    );
    let sources: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(name, (text, _))| (name.as_str(), text.as_str()))
        .collect();
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
    if let Err(err) = tera.add_raw_templates(sources) {
        return Err(Diagnostics(vec![syntax_error(&err, theme)]));
    }
    let urls: HashMap<String, String> = catalogue
        .entities()
        .filter(|(_, d)| !d.id.is_empty())
        .filter_map(|(id, d)| Some((d.id.clone(), routes.url_of(id)?)))
        .collect();
    tera.register_function("url_for", move |args: &HashMap<String, Value>| {
        let id = args
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::chain("url_for", UrlForError::NoId))?;
        urls.get(id)
            .map(|url| Value::String(url.clone()))
            .ok_or_else(|| tera::Error::chain("url_for", UrlForError::Unknown(id.to_string())))
    });
    tera.register_function("range", range);
    Ok(tera)
}

/// The most numbers `range` gives: a template that loops over more is
/// surely wrong, and would hold the build (and `cairn serve`) while it
/// allocates.
const RANGE_LIMIT: usize = 100_000;

/// Tera's `range`, with its arguments (`start`, `end`, `step_by`) and
/// results, but bounded: Tera's own loops forever on `step_by=0` and
/// allocates whatever it is asked for.
fn range(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let fail = |why: RangeError| tera::Error::chain("range", why);
    let number = |name: &'static str, default: Option<usize>| -> tera::Result<usize> {
        match args.get(name) {
            Some(value) => value
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| fail(RangeError::NotANumber(name))),
            None => default.ok_or_else(|| fail(RangeError::NoEnd)),
        }
    };
    let start = number("start", Some(0))?;
    let end = number("end", None)?;
    let step = number("step_by", Some(1))?;
    if step == 0 {
        return Err(fail(RangeError::StepZero));
    }
    if start > end {
        return Err(fail(RangeError::StartAfterEnd));
    }
    if (end - start).div_ceil(step) > RANGE_LIMIT {
        return Err(fail(RangeError::TooLong));
    }
    Ok(Value::Array(
        (start..end).step_by(step).map(Value::from).collect(),
    ))
}

/// Why `range` refused: kept as data through Tera's error chain, like
/// [`UrlForError`].
#[derive(Debug)]
enum RangeError {
    NotANumber(&'static str),
    NoEnd,
    StepZero,
    StartAfterEnd,
    TooLong,
}

impl RangeError {
    fn text(&self) -> Text {
        match self {
            RangeError::NotANumber(argument) => text!("range_not_a_number", argument = *argument),
            RangeError::NoEnd => text!("range_without_end"),
            RangeError::StepZero => text!("range_step_zero"),
            RangeError::StartAfterEnd => text!("range_start_after_end"),
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

/// Why `url_for` failed: kept as data through Tera's error chain, so that
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

/// A template that does not parse, pointed at the line and column Tera
/// reports ("Failed to parse 'page.html': --> 2:35 … = expected …").
fn syntax_error(err: &tera::Error, theme: &Theme) -> Diagnostic {
    let chain = error_chain(err);
    let named = theme
        .templates
        .iter()
        .filter_map(|(name, (text, origin))| {
            chain
                .rfind(&format!("'{name}'"))
                .map(|at| (at, text, origin))
        })
        .max_by_key(|(at, _, _)| *at);
    let position = chain.split_once("--> ").and_then(|(_, rest)| {
        let digits = |s: &str| {
            s.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse::<usize>()
                .ok()
        };
        let (line, col) = rest.split_once(':')?;
        Some((digits(line)?, digits(col)?))
    });
    // Tera's own words for what it expected, or ours when it gives none.
    let expected: TextArg = match chain
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("= "))
    {
        Some(expected) => expected.into(),
        None => text!("template_invalid_syntax").into(),
    };
    let message = text!("template_syntax", error = expected);
    let help = text!("template_syntax_help");
    match (named, position) {
        (Some((_, text, origin)), Some((line, column))) => {
            let file = crate::source::SourceFile::new(origin.clone(), text.clone());
            let line_start: usize = text
                .split_inclusive('\n')
                .take(line.saturating_sub(1))
                .map(str::len)
                .sum();
            let offset = text[line_start.min(text.len())..]
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(text.len(), |(i, _)| line_start + i);
            Diagnostic::error(Code::Template, message)
                .at(&file, offset..offset + 1)
                .with_help(help)
        }
        (Some((_, _, origin)), None) => {
            Diagnostic::error(Code::Template, text!("template_syntax", error = chain))
                .in_file(origin)
                .with_help(help)
        }
        _ => Diagnostic::error(Code::Template, text!("template_syntax", error = chain))
            .in_file("templates")
            .with_help(help),
    }
}

/// Where a template error happened: the template named last in Tera's error
/// chain is the innermost one (a macro file, a parent template).
fn template_named_in(err: &tera::Error, theme: &Theme) -> String {
    let text = error_chain(err);
    theme
        .templates
        .iter()
        .filter_map(|(name, (_, origin))| text.rfind(&format!("'{name}'")).map(|at| (at, origin)))
        .max_by_key(|(at, _)| *at)
        .map_or_else(|| "templates".to_string(), |(_, origin)| origin.clone())
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    parts.join(": ")
}

/// HTML-escape the five characters that matter, leaving `/` readable in URLs.
pub fn escape_html(input: &str) -> String {
    // Most text has nothing to escape: copy the runs between special
    // characters whole rather than one character at a time.
    let mut out = String::with_capacity(input.len() + 8);
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
        out.push_str(&input[from..at]);
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(&input[from..]);
    out
}

/// Context values every page shares, built once.
struct Shared {
    site: Value,
    /// Every message that takes no variable: templates' `t`.
    t: Value,
    /// The addresses of the pages and files every page links to, from the
    /// route table: templates' `urls`.
    urls: Value,
    nav: Vec<Value>,
    /// The words of every entity's rules.
    rules: views::RuleWords,
    /// The checklist's rules for `checklist.js`, escaped for a `<script>`
    /// element, for the checklist page (level pages get their own subset).
    checklist: String,
    checklist_key: String,
    /// The build day: offerings before it are past.
    today: Date,
    /// Every offering's calendar event, written the first time a calendar
    /// is asked for.
    calendar_events: std::sync::OnceLock<ical::Events>,
    /// Template contexts holding what every page shares, ready to lend.
    contexts: std::sync::Mutex<Vec<tera::Context>>,
}

impl Shared {
    fn new(site: Site<'_>, today: Date) -> Self {
        let Site {
            catalogue,
            theme,
            routes,
        } = site;
        let config = &catalogue.config;
        let messages = &theme.messages;
        let phrases = Phrases::new(catalogue, messages, routes);
        let checklist_key = views::checklist_key(&phrases);
        let mut site = serde_json::to_value(config).unwrap_or_default();
        if let Value::Object(map) = &mut site {
            map.insert("base_path".into(), json!(config.base_path()));
            map.insert("language".into(), json!(messages.lang()));
        }
        Shared {
            site,
            t: serde_json::to_value(messages.plain_messages()).unwrap_or_default(),
            nav: views::nav(&phrases),
            urls: views::urls(routes),
            rules: views::RuleWords::new(&phrases),
            checklist: views::checklist_data(&phrases, &checklist_key, None),
            checklist_key,
            today,
            calendar_events: std::sync::OnceLock::new(),
            contexts: std::sync::Mutex::default(),
        }
    }

    /// Render with a context of what every page shares (`site`, `t`,
    /// `urls`, `nav`) and `own`, the page's own values. The shared part is
    /// made once per thread and lent out again after each page, since
    /// copying the theme's every message into each of 10,000 pages' contexts
    /// cost a tenth of the build.
    fn with_context<T>(
        &self,
        own: tera::Context,
        keys: &[String],
        render: impl FnOnce(&tera::Context) -> T,
    ) -> T {
        let lent = || {
            self.contexts
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        let mut context = lent().pop().unwrap_or_else(|| {
            let mut shared = tera::Context::new();
            shared.insert("site", &self.site);
            shared.insert("t", &self.t);
            shared.insert("urls", &self.urls);
            shared.insert("nav", &self.nav);
            shared
        });
        context.extend(own);
        let result = render(&context);
        for key in keys {
            context.remove(key);
        }
        lent().push(context);
        result
    }

    fn views<'a>(&'a self, site: Site<'a>) -> views::Views<'a> {
        views::Views {
            catalogue: site.catalogue,
            phrases: Phrases::new(site.catalogue, &site.theme.messages, site.routes),
            rules: &self.rules,
            today: self.today,
        }
    }
}

fn render_page(
    tera: &tera::Tera,
    shared: &Shared,
    site: Site<'_>,
    route: &Route,
    page: Page,
) -> Result<OutputFile, Diagnostic> {
    let Site {
        catalogue, theme, ..
    } = site;
    let base = catalogue.config.base_path();
    let mut context = serde_json::Map::new();
    let (template, section) = match page {
        Page::Home => {
            let content = catalogue
                .home
                .map(|i| body_html(site, i))
                .unwrap_or_default();
            let page = match catalogue.home {
                Some(i) => shared.views(site).page(i, content),
                None => {
                    json!({"title": catalogue.config.title, "content": "", "url": route.url(base)})
                }
            };
            context.insert("page".into(), page);
            context.insert("pathways".into(), pathways(&shared.views(site), false));
            context.insert("map".into(), json!(map::map(catalogue, None)));
            ("index.html", "home")
        }
        Page::Listing(kind) => {
            let listing = catalogue.listings.get(&kind).copied();
            let title = listing
                .map(|i| catalogue[i].common.title.value.clone())
                .unwrap_or_else(|| {
                    theme
                        .messages
                        .text(&format!("listing_{}", kind.folder()), &[])
                });
            context.insert("section".into(), {
                let mut section = json!({
                    "kind": kind,
                    "title": title,
                    "summary": listing.and_then(|i| catalogue[i].common.summary.clone()),
                    "content": listing.map(|i| body_html(site, i)).unwrap_or_default(),
                    "url": route.url(base),
                });
                let views = shared.views(site);
                let items = views.listing_items(kind);
                if kind == Kind::Workshop {
                    section["filters"] = views.workshop_filters(&items);
                }
                // Inserted, not passed to `json!`, which would copy every item.
                section["items"] = Value::Array(items);
                section
            });
            ("list.html", kind.folder())
        }
        Page::Document(i) => {
            let doc = &catalogue[i];
            let views = shared.views(site);
            context.insert("page".into(), views.page(i, body_html(site, i)));
            if doc.kind == Kind::Level {
                let data = views::checklist_data(&views.phrases, &shared.checklist_key, Some(i));
                context.insert("checklist_data".into(), Value::String(data));
            }
            if doc.kind == Kind::Pathway {
                context.insert("map".into(), json!(map::map(catalogue, Some(i))));
            }
            let template = template_of(doc.kind);
            (
                template,
                if doc.kind == Kind::Page {
                    ""
                } else {
                    doc.kind.folder()
                },
            )
        }
        Page::Checklist => {
            context.insert("pathways".into(), pathways(&shared.views(site), true));
            context.insert(
                "checklist_data".into(),
                Value::String(shared.checklist.clone()),
            );
            ("checklist.html", "checklist")
        }
        Page::Handbook => {
            context.insert("handbook".into(), shared.views(site).handbook());
            ("handbook.html", "handbook")
        }
        Page::NotFound => ("404.html", "not-found"),
    };
    let structured = structured::page(&shared.views(site), site.routes, page, context.get("page"));
    context.insert("structured_data".into(), json!(structured));
    let url = route.url(base);
    context.insert("section_key".into(), json!(section));
    context.insert("current_url".into(), json!(url));
    context.insert("permalink".into(), json!(catalogue.config.absolute(&url)));
    let failed = |e: &tera::Error| template_error(theme, template, &route.url(""), e);
    let keys: Vec<String> = context.keys().cloned().collect();
    let own = tera::Context::from_value(Value::Object(context)).map_err(|e| failed(&e))?;
    let html = shared.with_context(own, &keys, |context| tera.render(template, context));
    let html = html.map_err(|e| failed(&e))?;
    Ok(OutputFile {
        path: route.path.clone(),
        contents: Contents::Bytes(html.into_bytes()),
    })
}

fn template_error(theme: &Theme, template: &str, url: &str, err: &tera::Error) -> Diagnostic {
    let origin = template_named_in(err, theme);
    // Tera's innermost cause names the variable and the template; the outer
    // ones only repeat "Failed to render".
    let mut cause: &(dyn std::error::Error + 'static) = err;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    let cause: TextArg = if let Some(url_for) = cause.downcast_ref::<UrlForError>() {
        url_for.text().into()
    } else if let Some(range) = cause.downcast_ref::<RangeError>() {
        range.text().into()
    } else {
        cause.to_string().into()
    };
    Diagnostic::error(Code::Template, text!("template_failed", error = cause))
        .in_file(&origin)
        .with_help(text!(
            "template_failed_help",
            url = url,
            template = template,
            others = 0usize
        ))
}

/// One diagnostic per distinct template failure, saying on how many pages
/// it happened, instead of the same error for every page of a kind.
fn merge_template_failures(failures: Vec<Diagnostic>) -> Diagnostics {
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

/// A document's body with its `@id` links turned into URLs.
fn body_html(site: Site<'_>, index: Id) -> String {
    links::resolve_links(
        &site.catalogue[index].body.html,
        site.catalogue,
        site.routes,
    )
}

/// Every pathway with its levels, for the home and checklist pages.
fn pathways(views: &views::Views<'_>, with_pools: bool) -> Value {
    let catalogue = views.catalogue;
    let list: Vec<Value> = catalogue
        .of_kind(Kind::Pathway)
        .iter()
        .map(|&p| {
            let mut view = views.link_to(p);
            let levels: Vec<Value> = catalogue
                .levels_of(p)
                .iter()
                .map(|&l| views.level_summary(l, with_pools))
                .collect();
            if let Value::Object(map) = &mut view {
                map.insert("levels".into(), levels.into());
            }
            view
        })
        .collect();
    Value::Array(list)
}
