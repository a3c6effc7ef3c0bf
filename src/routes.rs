//! The route table: every file a build writes (page, listing, data file,
//! static file, content asset), registered once with its path, what it is,
//! and its language. Built once after resolution; rendering, the checks on
//! addresses and local links, sitemap.xml, `cairn serve` and the data files
//! all read it, so adding an output is one registration in [`plan`].
//!
//! An output whose path is already taken is left out and recorded as a
//! [`Collision`]; `check::addresses` reports it (E022).

use crate::catalogue::{Catalogue, Id};
use crate::content::Kind;
use crate::theme::{StaticFile, Theme};
// Keys are small numbers and paths of the organizer's own site: a fast
// hash, no defence against crafted collisions needed.
use rustc_hash::FxHashMap as HashMap;
use std::path::PathBuf;

/// Which offerings a calendar holds: the route table describes each
/// calendar file; `render::ical` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Calendar {
    /// Every offering of the site.
    Site,
    /// Every offering of one workshop.
    Workshop(Id),
}

/// One output of the build.
#[derive(Debug, Clone)]
pub struct Route {
    /// Relative to the output folder, with `/` separators
    /// ("levels/level-1/index.html", "style.css").
    pub path: String,
    pub output: Output,
    /// The language of its words (site.toml's `language` for now).
    pub lang: String,
}

/// What a route holds.
#[derive(Debug, Clone)]
pub enum Output {
    /// An HTML page rendered from a template.
    Page(Page),
    /// A file generated from the catalogue.
    Data(DataFile),
    /// An iCalendar file of offerings.
    Calendar(Calendar),
    /// A file copied as it is.
    Copy(Copied),
    /// The search index of the route's language: a folder of files
    /// (`pagefind/`) whose names are known once it is built.
    SearchIndex,
}

/// The pages of a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    /// A kind's listing ("/levels/").
    Listing(Kind),
    /// An entity's page, or a plain page (or a folder's `_index.md`).
    Document(Id),
    Checklist,
    /// The whole catalogue on one page, to print.
    Handbook,
    /// The search box and its results, for a site with search on.
    Search,
    NotFound,
    /// A page's old address (its `aliases`, by position): a redirect to
    /// it, in no sitemap.
    Alias(Id, u16),
}

/// Files generated from the catalogue rather than from a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFile {
    /// The resolved catalogue as open data.
    CatalogueJson,
    /// The JSON Schema catalogue.json follows, published beside it.
    CatalogueSchema,
    SitemapXml,
    /// The Atom feed of upcoming offerings, for a site that has offerings.
    OfferingsFeed,
    /// Every level's rules for the checklist and the level panels, once.
    ChecklistRules,
}

impl DataFile {
    pub const ALL: [DataFile; 5] = [
        DataFile::CatalogueJson,
        DataFile::CatalogueSchema,
        DataFile::SitemapXml,
        DataFile::OfferingsFeed,
        DataFile::ChecklistRules,
    ];

    pub fn path(self) -> &'static str {
        match self {
            DataFile::CatalogueJson => "catalogue.json",
            DataFile::CatalogueSchema => "catalogue.schema.json",
            DataFile::SitemapXml => "sitemap.xml",
            DataFile::OfferingsFeed => "offerings.xml",
            DataFile::ChecklistRules => "checklist-rules.js",
        }
    }
}

/// A file copied into the site as it is.
#[derive(Debug, Clone)]
pub enum Copied {
    /// A file of the built-in theme.
    Embedded(&'static [u8]),
    /// A file on disk: a theme's or the site's `static/`, or a content asset.
    File(PathBuf),
}

impl Route {
    /// The site-relative URL ("/levels/level-1/", "/404.html"), with the
    /// base path of `base_url` ("" or "/sub") in front.
    pub fn url(&self, base_path: &str) -> String {
        // Joined by hand rather than with `format!`: every link of every
        // page is made here.
        let path = self.path.strip_suffix("index.html").unwrap_or(&self.path);
        [base_path, "/", path].concat()
    }

    pub fn page(&self) -> Option<Page> {
        match self.output {
            Output::Page(page) => Some(page),
            _ => None,
        }
    }
}

/// Where each language's search index lives, below its folder: the name
/// Pagefind's own tools use, so that its documentation applies as it is.
pub const SEARCH_FOLDER: &str = "pagefind/";

/// Every output of a build, by path.
#[derive(Debug, Default)]
pub struct Routes {
    routes: Vec<Route>,
    by_path: HashMap<String, usize>,
    /// Who asked for each route, for collisions.
    origins: Vec<Origin>,
    /// The route of each page.
    by_page: HashMap<Page, usize>,
    /// The page of each document: its own, or for a folder's `_index.md`
    /// the listing or home page it titles.
    by_document: HashMap<Id, Page>,
    /// The route of each calendar.
    by_calendar: HashMap<Calendar, usize>,
    /// The route of the search index, when search is on.
    search_index: Option<usize>,
    /// The path part of `base_url` ("" or "/sub"), in front of every URL.
    base_path: String,
    /// In a language that leaves out what is not translated yet, where
    /// each such document's page is: the default language's.
    elsewhere: HashMap<Id, String>,
}

impl Routes {
    /// The route at an output path ("levels/index.html", "style.css").
    pub fn get(&self, path: &str) -> Option<&Route> {
        self.by_path.get(path).map(|&i| &self.routes[i])
    }

    /// The folder of this language's search index, when search is on.
    pub fn search_index(&self) -> Option<&Route> {
        self.search_index.map(|i| &self.routes[i])
    }

    /// The path part of `base_url` ("" or "/sub"), in front of every URL.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    pub fn contains(&self, path: &str) -> bool {
        self.by_path.contains_key(path)
    }

    /// Every route, in the order registered.
    pub fn iter(&self) -> impl Iterator<Item = &Route> {
        self.routes.iter()
    }

    /// The pages, in the order registered.
    pub fn pages(&self) -> impl Iterator<Item = (&Route, Page)> {
        self.routes.iter().filter_map(|r| Some((r, r.page()?)))
    }

    pub fn len(&self) -> usize {
        self.routes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.routes.is_empty()
    }

    /// The site-relative URL of a page ("/levels/level-1/").
    pub fn page_url(&self, page: Page) -> Option<String> {
        let route = &self.routes[*self.by_page.get(&page)?];
        Some(route.url(&self.base_path))
    }

    /// The URL of a data file ("/catalogue.json").
    pub fn data_url(&self, data: DataFile) -> Option<String> {
        let route = self
            .routes
            .iter()
            .find(|r| matches!(r.output, Output::Data(d) if d == data))?;
        Some(route.url(&self.base_path))
    }

    /// The URL of a document's page: every document has one once the
    /// site is checked (only one that lost its address to another, E022,
    /// has none, and then nothing is rendered).
    pub fn url_of(&self, id: Id) -> Option<String> {
        match self.by_document.get(&id) {
            Some(&page) => self.page_url(page),
            None => self.elsewhere.get(&id).cloned(),
        }
    }

    /// The URL of a calendar, when the site has it.
    pub fn calendar_url(&self, calendar: Calendar) -> Option<String> {
        let &index = self.by_calendar.get(&calendar)?;
        Some(self.routes[index].url(&self.base_path))
    }

    /// Who holds an output path already.
    fn holder(&self, path: &str) -> Option<&Origin> {
        self.by_path.get(path).map(|&i| &self.origins[i])
    }

    /// Take pages out (and what hangs on them, such as a workshop's
    /// calendar) in one pass, keeping every index in step.
    fn remove_pages(&mut self, pages: &[Page]) {
        let gone: std::collections::HashSet<usize> = pages
            .iter()
            .filter_map(|page| self.by_page.get(page).copied())
            .collect();
        if gone.is_empty() {
            return;
        }
        let folders: Vec<String> = gone
            .iter()
            .map(|&i| {
                self.routes[i]
                    .path
                    .trim_end_matches("index.html")
                    .to_string()
            })
            .collect();
        let keep: Vec<(Route, Origin)> = std::mem::take(&mut self.routes)
            .into_iter()
            .zip(std::mem::take(&mut self.origins))
            .enumerate()
            .filter(|(i, (route, _))| {
                let calendar_of_page =
                    matches!(route.output, Output::Calendar(Calendar::Workshop(_)))
                        && folders.iter().any(|f| route.path.starts_with(f.as_str()));
                !gone.contains(i) && !calendar_of_page
            })
            .map(|(_, pair)| pair)
            .collect();
        self.by_path.clear();
        self.by_page.clear();
        self.by_calendar.clear();
        self.search_index = None;
        for page in pages {
            if let Page::Document(id) = page {
                self.by_document.remove(id);
            }
        }
        for (route, origin) in keep {
            self.register(route, origin);
        }
    }

    /// Add a route whose path is free (the caller has checked).
    fn register(&mut self, route: Route, origin: Origin) {
        if let Output::Calendar(calendar) = route.output {
            self.by_calendar.insert(calendar, self.routes.len());
        }
        if matches!(route.output, Output::SearchIndex) {
            self.search_index = Some(self.routes.len());
        }
        if let Some(page) = route.page() {
            self.by_page.insert(page, self.routes.len());
            if let Page::Document(id) = page {
                self.by_document.insert(id, page);
            }
        }
        self.by_path.insert(route.path.clone(), self.routes.len());
        self.routes.push(route);
        self.origins.push(origin);
    }
}

/// Who asked for a route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A page cairn generates (home, a listing, the checklist, 404).
    Generated,
    /// A data file cairn generates.
    Data,
    /// A content file's page.
    Document(Id),
    /// A copied file, as messages name it ("static/logo.svg").
    File(String),
    /// A page's old address: the page, and its alias's position.
    Alias(Id, u16),
}

/// Two outputs asked for one path: `second` was left out of the routes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    /// The output path both asked for ("checklist/index.html").
    pub path: String,
    /// What holds the path, or reserves it for a page cairn generates.
    pub first: Origin,
    /// What was left out: a content file's page, or a copied file.
    pub second: Origin,
}

/// The file a page path is written to: "levels/level-2/index.html".
pub fn page_file(path: &str) -> String {
    if path.is_empty() {
        "index.html".into()
    } else {
        format!("{path}/index.html")
    }
}

/// Plan every output of the site. Of two outputs at one path the later
/// one is left out, and recorded with what was there first.
pub fn plan(catalogue: &Catalogue, theme: &Theme) -> (Routes, Vec<Collision>) {
    plan_in(catalogue, theme, None)
}

/// The outputs of the site in another language: the same pages, data
/// files and calendars under `<tag>/` (`fr/levels/level-1/index.html`),
/// in `catalogue`, that language's view. The files copied as they are
/// (the theme's static files, content assets) are the default language's
/// routes' and serve every language.
///
/// With `untranslated = "omit"`, a document nobody has translated has no
/// page in the language: links to it lead to `default`'s page.
pub fn plan_language(catalogue: &Catalogue, theme: &Theme, default: &Routes) -> Routes {
    let config = &catalogue.config;
    let prefix = format!("{}/", config.language);
    let omit = config
        .languages
        .iter()
        .any(|l| l.tag == config.language && l.untranslated == crate::config::Untranslated::Omit);
    let (mut routes, _) = plan_in(catalogue, theme, Some(&prefix));
    if omit {
        let left_out: Vec<Id> = catalogue
            .entities()
            .filter(|(_, doc)| doc.common.words_lang.is_some())
            .map(|(id, _)| id)
            .collect();
        let pages: Vec<Page> = left_out
            .iter()
            .filter(|&&id| routes.by_document.get(&id) == Some(&Page::Document(id)))
            .map(|&id| Page::Document(id))
            .collect();
        routes.remove_pages(&pages);
        for id in left_out {
            if let Some(url) = default.url_of(id) {
                routes.elsewhere.insert(id, url);
            }
        }
    }
    routes
}

fn plan_in(catalogue: &Catalogue, theme: &Theme, prefix: Option<&str>) -> (Routes, Vec<Collision>) {
    let lang = catalogue.config.language.clone();
    let mut routes = Routes {
        base_path: catalogue.config.base_path().to_string(),
        ..Routes::default()
    };
    let mut collisions = Vec::new();
    let within = |path: String| match prefix {
        Some(prefix) => format!("{prefix}{path}"),
        None => path,
    };
    let page_file = |path: &str| within(page_file(path));
    let page = |path: String, page: Page| Route {
        path,
        output: Output::Page(page),
        lang: lang.clone(),
    };

    // Pages cairn generates come first: nothing may take their place.
    // Every kind's folder is reserved, listed or not, so that a page never
    // sits where a listing will appear once the kind has entries.
    let generated = [
        page(page_file(""), Page::Home),
        page(page_file("checklist"), Page::Checklist),
        page(page_file("handbook"), Page::Handbook),
        page(within("404.html".into()), Page::NotFound),
    ];
    for route in generated {
        routes.register(route, Origin::Generated);
    }
    let mut reserved: Vec<String> = vec![page_file("checklist"), page_file("handbook")];
    if catalogue.config.search {
        routes.register(page(page_file("search"), Page::Search), Origin::Generated);
        let index = Route {
            path: within(SEARCH_FOLDER.to_string()),
            output: Output::SearchIndex,
            lang: lang.clone(),
        };
        routes.register(index, Origin::Generated);
    }
    reserved.push(page_file("search"));
    // The default language's site leaves each other language's folder to
    // it (`fr/`): a content page or file there would overwrite its pages.
    let language_folders: Vec<String> = match prefix {
        None => catalogue
            .config
            .other_languages()
            .map(|l| format!("{}/", l.tag))
            .collect(),
        Some(_) => Vec::new(),
    };
    let for_languages = |path: &str| {
        language_folders
            .iter()
            .any(|folder| path.starts_with(folder))
    };
    for kind in Kind::CATALOGUE {
        reserved.push(page_file(kind.folder()));
        if catalogue.has_kind(kind) || catalogue.listings.contains_key(&kind) {
            routes.register(
                page(page_file(kind.folder()), Page::Listing(kind)),
                Origin::Generated,
            );
        }
    }

    // A content page or an old address takes its path unless something
    // holds or reserves it; then it is the one left out, and recorded.
    let place =
        |routes: &mut Routes, collisions: &mut Vec<Collision>, route: Route, origin: Origin| {
            let taken = if reserved.contains(&route.path) || for_languages(&route.path) {
                Some(Origin::Generated)
            } else {
                routes.holder(&route.path).cloned()
            };
            match taken {
                Some(first) => collisions.push(Collision {
                    path: route.path,
                    first,
                    second: origin,
                }),
                None => routes.register(route, origin),
            }
        };
    for (id, doc) in catalogue.entities() {
        let has_page = !doc.is_index || (doc.kind == Kind::Page && !doc.path.is_empty());
        if !has_page {
            // A folder's `_index.md` titles a page cairn generates.
            let titled = match doc.kind {
                Kind::Page => Page::Home,
                kind => Page::Listing(kind),
            };
            routes.by_document.insert(id, titled);
            continue;
        }
        let route = page(page_file(&doc.path), Page::Document(id));
        place(&mut routes, &mut collisions, route, Origin::Document(id));
    }

    // Old addresses last: a page or another alias already there wins, and
    // the alias is the one reported.
    for (id, doc) in catalogue.entities() {
        if routes.by_document.get(&id) != Some(&Page::Document(id)) {
            continue;
        }
        for (n, alias) in doc
            .common
            .aliases
            .iter()
            .enumerate()
            .take(usize::from(u16::MAX))
        {
            // An old id: the page's own folder, under that name.
            let path = match alias.value.strip_prefix('@') {
                Some(old) => match doc.path.rsplit_once('/') {
                    Some((folder, _)) => format!("{folder}/{old}"),
                    None => old.to_string(),
                },
                None => alias.value.clone(),
            };
            let route = page(page_file(&path), Page::Alias(id, n as u16));
            place(
                &mut routes,
                &mut collisions,
                route,
                Origin::Alias(id, n as u16),
            );
        }
    }

    let has_offerings = catalogue
        .entities()
        .any(|(_, doc)| doc.as_workshop().is_some_and(|w| !w.offerings.is_empty()));
    for data in DataFile::ALL {
        if data == DataFile::OfferingsFeed && !has_offerings {
            continue;
        }
        let route = Route {
            path: within(data.path().to_string()),
            output: Output::Data(data),
            lang: lang.clone(),
        };
        routes.register(route, Origin::Data);
    }

    // Calendars of offerings: the site's, and each workshop's beside its
    // page, which its offerings' "Add to calendar" links open. A file per
    // offering was measured at 18% of the build of 10,000 workshops with
    // two offerings each (docs/performance.md), for a calendar that holds
    // the same event as its workshop's.
    let mut calendars = Vec::new();
    for (id, doc) in catalogue.entities() {
        let Some(workshop) = doc.as_workshop() else {
            continue;
        };
        if workshop.offerings.is_empty() || routes.by_document.get(&id) != Some(&Page::Document(id))
        {
            continue;
        }
        calendars.push((
            within(format!("{}/offerings.ics", doc.path)),
            Calendar::Workshop(id),
        ));
    }
    if !calendars.is_empty() {
        calendars.insert(0, (within("offerings.ics".to_string()), Calendar::Site));
    }
    for (path, calendar) in calendars {
        if let Some(first) = routes.holder(&path) {
            collisions.push(Collision {
                first: first.clone(),
                second: Origin::Data,
                path,
            });
            continue;
        }
        let route = Route {
            path,
            output: Output::Calendar(calendar),
            lang: lang.clone(),
        };
        routes.register(route, Origin::Data);
    }

    // Files copied as they are must not silently replace a generated file,
    // nor each other (a site's static file over its theme's is the one
    // intended override, already applied in the theme's map).
    let statics = theme.statics.iter().map(|(path, file)| match file {
        StaticFile::Embedded(bytes) => (
            path.clone(),
            Copied::Embedded(bytes),
            format!("the built-in static/{path}"),
        ),
        StaticFile::OnDisk { source, label } => {
            (path.clone(), Copied::File(source.clone()), label.clone())
        }
    });
    let assets = catalogue.assets.iter().map(|asset| {
        (
            asset.path.clone(),
            Copied::File(asset.source.clone()),
            format!("content/{}", asset.path),
        )
    });
    if let Some(prefix) = prefix {
        // A page's relative links and images (`map.png` beside it) must
        // resolve beside its translation too: content assets are copied
        // under the language's folder as well. The theme's static files
        // are linked from the root and serve every language.
        for asset in &catalogue.assets {
            let route = Route {
                path: format!("{prefix}{}", asset.path),
                output: Output::Copy(Copied::File(asset.source.clone())),
                lang: lang.clone(),
            };
            if !routes.contains(&route.path) {
                routes.register(route, Origin::File(format!("content/{}", asset.path)));
            }
        }
        return (routes, collisions);
    }
    for (path, copied, label) in statics.chain(assets) {
        let first = if for_languages(&path) {
            Some(Origin::Generated)
        } else {
            routes.holder(&path).cloned()
        };
        if let Some(first) = first {
            collisions.push(Collision {
                first,
                second: Origin::File(label),
                path,
            });
            continue;
        }
        let route = Route {
            path,
            output: Output::Copy(copied),
            lang: lang.clone(),
        };
        routes.register(route, Origin::File(label));
    }
    (routes, collisions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_of_pages_and_files() {
        let route = |path: &str| Route {
            path: path.into(),
            output: Output::Data(DataFile::SitemapXml),
            lang: "en".into(),
        };
        assert_eq!(route("index.html").url(""), "/");
        assert_eq!(
            route("levels/l-1/index.html").url("/sub"),
            "/sub/levels/l-1/"
        );
        assert_eq!(route("404.html").url(""), "/404.html");
        assert_eq!(route("catalogue.json").url("/sub"), "/sub/catalogue.json");
        assert_eq!(page_file(""), "index.html");
        assert_eq!(page_file("help/faq"), "help/faq/index.html");
    }
}
