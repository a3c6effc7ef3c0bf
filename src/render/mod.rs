//! The render stage: the resolved catalogue and a theme in, every page of
//! the site in memory out.
//!
//! Templates are compiled once; pages render in parallel, each from a small
//! view of its own document (see [`views`]). Rendering does no I/O: static
//! files are referenced, not read, until the write stage.

pub mod data;
mod engine;
pub mod feed;
pub mod ical;
pub mod links;
pub mod map;
pub mod search;
pub mod structured;
pub mod views;

pub use engine::escape_html;
pub(crate) use engine::push_escaped_html;
use engine::{compile, merge_template_failures, template_error};

use crate::catalogue::{Catalogue, Id};
use crate::content::{Date, Kind};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::phrases::Phrases;
use crate::routes::{Copied, DataFile, Output, Page, Route, Routes};
use crate::text;
use crate::theme::Theme;
use minijinja::Environment;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

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
    env: Environment<'static>,
    shared: Shared,
}

/// What rendering reads: the resolved catalogue, the theme, and the route
/// table that says where every page lives.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub catalogue: &'a Catalogue,
    pub theme: &'a Theme,
    pub routes: &'a Routes,
    /// Every language's routes (this one's included), default first, for
    /// the links between a page and the same page in the others; empty for
    /// a site in one language.
    pub editions: &'a [Edition<'a>],
}

/// One language of the site: its tag, its own name, its routes.
#[derive(Debug, Clone, Copy)]
pub struct Edition<'a> {
    pub tag: &'a str,
    pub name: &'a str,
    pub routes: &'a Routes,
}

impl Prepared {
    /// The file of one route: a page rendered, a data file generated, or a
    /// file to copy.
    pub fn produce(&self, site: Site<'_>, route: &Route) -> Result<OutputFile, Diagnostic> {
        let contents = match &route.output {
            Output::Page(page) => {
                return render_page(&self.env, &self.shared, site, route, *page);
            }
            Output::Data(DataFile::CatalogueJson) => {
                Contents::Bytes(data::catalogue_json(site.catalogue, site.routes).into_bytes())
            }
            Output::Data(DataFile::CatalogueSchema) => Contents::Static(data::CATALOGUE_SCHEMA),
            Output::Data(DataFile::SitemapXml) => Contents::Bytes(data::sitemap(site).into_bytes()),
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
            // A folder of files, made whole by `search_index`.
            Output::SearchIndex => {
                return Err(Diagnostic::error(
                    Code::Output,
                    text!("search_index_is_a_folder", path = &route.path),
                ));
            }
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
    let env = compile(site)?;
    let shared = Shared::new(site, today);
    Ok(Prepared { env, shared })
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

/// The most pages one core renders before the others may take some of
/// what is left: small enough that the cores finish together, large
/// enough that handing out pieces costs nothing to speak of.
const PAGES_PER_PIECE: usize = 16;

/// Render every route into `sink`. Template errors are diagnostics naming
/// the template; every page is tried, so all of them are reported.
pub fn render(site: Site<'_>, today: Date, sink: &dyn Sink) -> Result<RenderStats, Diagnostics> {
    let routes = site.routes;
    let prepared = prepare(site, today)?;
    let produce = |route: &Route| prepared.produce(site, route);
    // Pages on every core; the data files, calendars and copies beside
    // them, unless the sink throws files away (no template can break
    // those). Each file is written as soon as it is made: holding the data
    // files until the pages were done kept 45 MB in memory at 10,000
    // workshops (the catalogue, the feed, a calendar per workshop).
    let (pages, rest): (Vec<&Route>, Vec<&Route>) = routes.iter().partition(|r| r.page().is_some());
    let (failures, written) = rayon::join(
        || -> Vec<Diagnostic> {
            // In small pieces: rayon otherwise cuts the pages into about
            // two pieces per core and renders each piece on one core; when
            // one piece holds the costlier pages, the other core idles
            // through its end (a third of a second at 10,000 workshops).
            pages
                .par_iter()
                .with_max_len(PAGES_PER_PIECE)
                .filter_map(|route| produce(route).and_then(|file| sink.put(file)).err())
                .collect()
        },
        || -> Result<(), Diagnostic> {
            if !sink.keeps_files() {
                return Ok(());
            }
            rest.par_iter()
                .with_max_len(PAGES_PER_PIECE)
                .filter(|r| {
                    matches!(
                        r.output,
                        Output::Data(_) | Output::Calendar(_) | Output::Copy(_)
                    )
                })
                .try_for_each(|route| produce(route).and_then(|file| sink.put(file)))
        },
    );
    if !failures.is_empty() {
        // By page, so that the page a merged failure names is the same on
        // every run.
        let mut failures = failures;
        failures.sort_by(|a, b| a.help.cmp(&b.help));
        return Err(merge_template_failures(failures));
    }
    written.map_err(|d| Diagnostics(vec![d]))?;
    // The search index's route stands for a folder, which `search_index`
    // makes: its files are counted there.
    Ok(RenderStats {
        pages: pages.len(),
        files: routes.len() - usize::from(search::index_route(site).is_some()),
    })
}

/// Every file of `site`'s search index, under `route`'s folder; `None`
/// when `stop` was set before it was done (see [`search::bundle`]).
pub fn search_index(
    site: Site<'_>,
    route: &Route,
    stop: &std::sync::atomic::AtomicBool,
) -> Result<Option<Vec<OutputFile>>, Diagnostic> {
    let records = search::records(site, &site.theme.messages);
    search::bundle(records, &route.lang, &route.path, stop)
}

/// Context values every page shares, built once.
struct Shared {
    /// The words of every entity's rules.
    rules: views::RuleWords,
    checklist_key: String,
    /// The build day: offerings before it are past.
    today: Date,
    /// Every offering's calendar event, written the first time a calendar
    /// is asked for.
    calendar_events: std::sync::OnceLock<ical::Events>,
    /// `site`, `t`, `urls` and `nav` as the template engine holds them:
    /// made once, and shared by every page's context without a copy.
    globals: [(&'static str, minijinja::Value); 4],
}

impl Shared {
    fn new(site: Site<'_>, today: Date) -> Self {
        let Site {
            catalogue,
            theme,
            routes,
            ..
        } = site;
        let config = &catalogue.config;
        let messages = &theme.messages;
        let phrases = Phrases::new(catalogue, messages, routes);
        let site = views::SiteView {
            config,
            base_path: config.base_path(),
            language: messages.lang(),
        };
        let globals = [
            ("site", views::engine_value(&site)),
            (
                "t",
                minijinja::Value::from_object(views::TemplateWords::new(messages)),
            ),
            ("urls", views::engine_value(&views::urls(routes))),
            ("nav", views::engine_value(&views::nav(&phrases))),
        ];
        Shared {
            globals,
            rules: views::RuleWords::new(&phrases),
            checklist_key: views::checklist_key(&phrases),
            today,
            calendar_events: std::sync::OnceLock::new(),
        }
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
    env: &Environment<'static>,
    shared: &Shared,
    site: Site<'_>,
    route: &Route,
    page: Page,
) -> Result<OutputFile, Diagnostic> {
    let Site {
        catalogue, theme, ..
    } = site;
    let base = catalogue.config.base_path();
    let views = shared.views(site);
    // What the page's own template reads, besides what every page shares.
    let mut context: Vec<(&'static str, minijinja::Value)> = Vec::with_capacity(12);
    let (template, section) = match page {
        Page::Home => {
            let page = match catalogue.home {
                Some(i) => views::engine_value(&views.page(i, body_html(site, i))),
                None => views::engine_value(&views::BarePage {
                    title: &catalogue.config.title,
                    content: "",
                    url: route.url(base),
                }),
            };
            context.push(("page", page));
            context.push(("pathways", views::engine_value(&views.pathways(false))));
            context.push((
                "map",
                views::engine_value(&map::map(catalogue, site.routes, None)),
            ));
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
            let items = views.listing_items(kind);
            let section = views::Section {
                kind,
                title,
                summary: listing.and_then(|i| catalogue[i].common.summary.as_deref()),
                content: listing.map(|i| body_html(site, i)).unwrap_or_default(),
                url: route.url(base),
                filters: (kind == Kind::Workshop).then(|| views.workshop_filters(&items)),
                items,
            };
            context.push(("section", views::engine_value(&section)));
            ("list.html", kind.folder())
        }
        Page::Document(i) => {
            let doc = &catalogue[i];
            context.push((
                "page",
                views::engine_value(&views.page(i, body_html(site, i))),
            ));
            if doc.kind == Kind::Level {
                let data = views::checklist_data(&views.phrases, &shared.checklist_key, Some(i));
                context.push(("checklist_data", minijinja::Value::from(data)));
            }
            if doc.kind == Kind::Pathway {
                context.push((
                    "map",
                    views::engine_value(&map::map(catalogue, site.routes, Some(i))),
                ));
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
            context.push(("pathways", views::engine_value(&views.pathways(true))));
            context.push((
                "plan_goals",
                views::engine_value(&views::plan_goals(catalogue)),
            ));
            // Every rule of the catalogue, for checklist.js: made here, on
            // whichever core renders this page, rather than before any
            // page starts (level pages get their own subset).
            let data = views::checklist_data(&views.phrases, &shared.checklist_key, None);
            context.push(("checklist_data", minijinja::Value::from(data)));
            ("checklist.html", "checklist")
        }
        Page::Handbook => {
            context.push(("handbook", views::engine_value(&views.handbook())));
            ("handbook.html", "handbook")
        }
        Page::Search => {
            context.push(("search", views::engine_value(&views.search_page())));
            ("search.html", "search")
        }
        Page::NotFound => ("404.html", "not-found"),
        // An old address: the page it moved to, for the redirect to name.
        Page::Alias(id, _) => {
            let link = views.link_to(id);
            context.push((
                "alias_permalink",
                minijinja::Value::from(catalogue.config.absolute(&link.url)),
            ));
            context.push(("alias", views::engine_value(&link)));
            ("alias.html", "alias")
        }
    };
    let structured = structured::page(&views, site.routes, page);
    context.push(("structured_data", minijinja::Value::from(structured)));
    let url = route.url(base);
    context.push(("section_key", minijinja::Value::from(section)));
    context.push(("alternates", views::engine_value(&alternates(site, page))));
    context.push((
        "permalink",
        minijinja::Value::from(catalogue.config.absolute(&url)),
    ));
    context.push(("current_url", minijinja::Value::from(url)));
    let failed = |e: &minijinja::Error| template_error(theme, template, &route.url(""), e);
    let values: BTreeMap<Arc<str>, minijinja::Value> = shared
        .globals
        .iter()
        .map(|(name, value)| (*name, value.clone()))
        .chain(context)
        .map(|(name, value)| (Arc::from(name), value))
        .collect();
    let html = env
        .get_template(template)
        .and_then(|t| t.render(minijinja::Value::from(values)))
        .map_err(|e| failed(&e))?;
    Ok(OutputFile {
        path: route.path.clone(),
        contents: Contents::Bytes(html.into_bytes()),
    })
}

/// The same page in another language, for the language switcher and
/// `hreflang` links.
#[derive(serde::Serialize)]
struct Alternate<'a> {
    lang: &'a str,
    name: &'a str,
    href: String,
    url: String,
    current: bool,
}

/// The same page in every language of the site that has it, for the
/// language switcher and `hreflang` links: `[{lang, name, url, href,
/// current}]`, the default language first; empty for a site in one
/// language. A page a language leaves out (`untranslated = "omit"`) has
/// no link there, so that no link leads to a missing page.
fn alternates<'a>(site: Site<'a>, page: Page) -> Vec<Alternate<'a>> {
    let config = &site.catalogue.config;
    site.editions
        .iter()
        .filter_map(|edition| {
            let url = edition.routes.page_url(page)?;
            Some(Alternate {
                lang: edition.tag,
                name: edition.name,
                href: config.absolute(&url),
                url,
                current: edition.tag == config.language,
            })
        })
        .collect()
}

/// A document's body with its `@id` links turned into URLs.
fn body_html(site: Site<'_>, index: Id) -> String {
    links::resolve_links(&site.catalogue[index].body, site.catalogue, site.routes)
}
