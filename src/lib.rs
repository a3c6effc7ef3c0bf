//! cairn: a static-site generator for training catalogues.
//!
//! The pipeline runs one way, each stage a function over plain data:
//!
//! ```text
//! config::load + content::load   (files -> typed documents with spans)
//!   -> catalogue::resolve          (ids -> one graph, and what did not resolve)
//!   -> routes::plan                (every output's path, and what collided)
//!   -> check::run                  (every consistency rule -> diagnostics)
//!   -> render::render              (MiniJinja + the theme -> pages in memory)
//!   -> output::Staging             (staging folder -> atomic swap)
//! ```
//!
//! [`build`] runs all of them; [`check`] stops before writing. Every stage
//! reports problems as [`diagnostics::Diagnostic`]s.

pub mod catalogue;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod diff;
pub mod expr;
pub mod init;
pub mod messages;
pub mod money;
pub mod output;
pub mod phrases;
pub mod published;
pub mod render;
pub mod report;
pub mod routes;
pub mod rules;
pub mod schedule;
pub mod serve;
pub mod source;
#[cfg(test)]
mod testing;
pub mod theme;
mod toml_reader;
pub mod translations;
pub mod values;

pub use translations::{TranslationState, mark_translations_current, translation_states};

use catalogue::{Catalogue, ResolveOptions};
use diagnostics::{Code, Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a run of `build` or `check` reads.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// The folder holding site.toml.
    pub root: PathBuf,
    /// Replaces site.toml's `base_url`.
    pub base_url: Option<String>,
    /// Include documents marked `draft = true`.
    pub drafts: bool,
    /// The day offerings are judged against ("in the past"); `None` is today (UTC).
    pub today: Option<content::Date>,
    /// The language to speak, replacing site.toml's `language` for this
    /// run (`cairn eligibility --lang fr`); the theme must have its words.
    pub language: Option<String>,
}

impl SiteOptions {
    /// The site at `root`, judged on the day `today`, as published: no
    /// drafts, site.toml's address and language.
    pub fn new(root: PathBuf, today: content::Date) -> SiteOptions {
        SiteOptions {
            root,
            today: Some(today),
            ..SiteOptions::default()
        }
    }

    /// With documents marked `draft = true` too, when `drafts`.
    pub fn drafts(self, drafts: bool) -> SiteOptions {
        SiteOptions { drafts, ..self }
    }

    /// Published at `base_url` rather than at site.toml's, when given.
    pub fn base_url(self, base_url: Option<String>) -> SiteOptions {
        SiteOptions { base_url, ..self }
    }

    /// Speaking `language` rather than site.toml's, when given.
    pub fn language(self, language: Option<String>) -> SiteOptions {
        SiteOptions { language, ..self }
    }
}

/// Why a run stopped.
#[derive(Debug)]
pub enum Failure {
    /// cairn could not run at all (no site.toml, unusable output folder…).
    CannotRun(Diagnostic),
    /// The site has errors; every problem found, sorted.
    Invalid(Diagnostics),
}

/// A site loaded and resolved, with the theme to render it and every
/// output planned.
pub struct Resolved {
    pub catalogue: Catalogue,
    pub theme: theme::Theme,
    pub routes: routes::Routes,
    /// The site in each of its other languages (`[languages]`), under
    /// `/<tag>/`.
    pub languages: Vec<LanguageSite>,
    /// The build day: what is past and what is upcoming.
    pub today: content::Date,
    /// Warnings so far (errors would have made this a [`Failure`]).
    pub diagnostics: Diagnostics,
}

/// The site in one of its other languages: the catalogue's view in that
/// language, the theme with that language's messages, and its routes.
pub struct LanguageSite {
    pub catalogue: Catalogue,
    pub theme: theme::Theme,
    pub routes: routes::Routes,
}

impl Resolved {
    /// What rendering reads of it: the default language's site, with no
    /// links to the others (what `cairn serve` shows for now).
    pub fn site(&self) -> render::Site<'_> {
        render::Site {
            catalogue: &self.catalogue,
            theme: &self.theme,
            routes: &self.routes,
            editions: &[],
        }
    }

    /// Every language's routes, the default language's first; empty for a
    /// site in one language.
    pub fn editions(&self) -> Vec<render::Edition<'_>> {
        let config = &self.catalogue.config;
        // One language listed alone has nothing to switch to.
        if config.languages.len() < 2 {
            return Vec::new();
        }
        std::iter::once((config.language.as_str(), &self.routes))
            .chain(
                self.languages
                    .iter()
                    .map(|l| (l.catalogue.config.language.as_str(), &l.routes)),
            )
            .filter_map(|(tag, routes)| {
                let language = config.languages.iter().find(|l| l.tag == tag)?;
                Some(render::Edition {
                    tag,
                    name: &language.name,
                    routes,
                })
            })
            .collect()
    }

    /// Every language's site, the default language's first, each linked
    /// to the others through `editions`.
    pub fn sites<'a>(
        &'a self,
        editions: &'a [render::Edition<'a>],
    ) -> impl Iterator<Item = render::Site<'a>> {
        let default = render::Site {
            editions,
            ..self.site()
        };
        std::iter::once(default).chain(self.languages.iter().map(move |l| render::Site {
            catalogue: &l.catalogue,
            theme: &l.theme,
            routes: &l.routes,
            editions,
        }))
    }
}

/// Stack for each worker thread: templates and other people's content
/// go through code that recurses, and the template engine's own limit
/// (E015: a macro that calls itself without end) must be reached long
/// before the stack's. The operating system only reserves it; pages that
/// need none of it cost none.
pub const THREAD_STACK: usize = 16 << 20;

/// Give the rendering threads the stack [`THREAD_STACK`] says, once, before
/// any work starts (rayon's threads get 2 MiB otherwise).
pub fn configure_threads() {
    // Fails only when the pool was already built (a second call): fine.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(THREAD_STACK)
        .build_global();
}

/// Load and resolve the site at `options.root`: every check that needs no
/// rendering. Errors stop here.
pub fn resolve(options: &SiteOptions) -> Result<Resolved, Failure> {
    let root = &options.root;
    let (config, mut diags) = match config::load(root, options.base_url.as_deref()) {
        Ok(loaded) => loaded,
        Err(config::ConfigError::Missing) => {
            return Err(Failure::CannotRun(
                Diagnostic::error(
                    Code::InvalidConfig,
                    text!("no_site_toml", root = display_root(root)),
                )
                .with_help(text!("no_site_toml_help")),
            ));
        }
        Err(config::ConfigError::Unreadable(err)) => {
            return Err(Failure::CannotRun(
                Diagnostic::error(
                    Code::InvalidConfig,
                    text!("site_toml_unreadable", error = err.to_string()),
                )
                .with_help(text!("cannot_read_file_help")),
            ));
        }
    };
    let mut config = config;
    // Another language for this run: one of the site's (`[languages]`) is
    // read from its own view of the catalogue; any other only changes the
    // theme's words (the catalogue's stay as written).
    if let Some(language) = &options.language
        && !config.languages.iter().any(|l| l.tag == *language)
    {
        // A site in several languages speaks only those.
        if !config.languages.is_empty() {
            let listed: Vec<&str> = config.languages.iter().map(|l| l.tag.as_str()).collect();
            return Err(Failure::CannotRun(
                Diagnostic::error(
                    Code::InvalidConfig,
                    text!("lang_not_of_site", lang = language.as_str()),
                )
                .with_help(text!(
                    "lang_not_of_site_help",
                    languages = listed.join(", ")
                )),
            ));
        }
        config.language = language.clone();
    }
    let (theme, theme_diags) = theme::load(root, &config);
    diags.extend(theme_diags);
    let (content, content_diags) = content::load(root, config.search);
    diags.extend(content_diags);
    let (catalogue, findings) = catalogue::resolve(
        config,
        content,
        ResolveOptions {
            drafts: options.drafts,
        },
    );
    let (routes, collisions) = routes::plan(&catalogue, &theme);
    let today = options.today.unwrap_or_else(content::Date::today_utc);
    diags.extend(check::run(&check::CheckInput {
        catalogue: &catalogue,
        findings: &findings,
        routes: &routes,
        collisions: &collisions,
        today,
        earlier_errors: diags.has_errors(),
    }));
    // The other languages: each its view of the catalogue, its words of
    // the theme (a theme without them is an error here), its routes.
    let mut languages = Vec::new();
    for language in catalogue.config.other_languages() {
        let view = catalogue.in_language(&language.tag);
        let every: Vec<String> = theme.messages.ids().iter().cloned().collect();
        let (theme, theme_diags) = theme::load_requiring(root, &view.config, &every);
        diags.extend(theme_diags);
        let routes = routes::plan_language(&view, &theme, &routes);
        languages.push(LanguageSite {
            catalogue: view,
            theme,
            routes,
        });
    }
    diags.sort();
    if diags.has_errors() {
        return Err(Failure::Invalid(diags));
    }
    Ok(Resolved {
        catalogue,
        theme,
        routes,
        languages,
        today,
        diagnostics: diags,
    })
}

/// Render `resolved` into `sink`; template failures join the diagnostics.
fn render_into(
    resolved: &Resolved,
    sink: &dyn render::Sink,
) -> Result<render::RenderStats, Failure> {
    let mut stats = render::RenderStats::default();
    let editions = resolved.editions();
    let sites: Vec<render::Site<'_>> = resolved.sites(&editions).collect();
    // Each language's search index is built on a thread of its own, off
    // the rendering pool and beside the rendering of every language:
    // Pagefind adds records one at a time, so this is where its work
    // overlaps the most. When a page fails, the searches are told to stop,
    // so that its error is not held back until they finish.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let stop = &stop;
    std::thread::scope(|scope| {
        let searches: Vec<_> = sites
            .iter()
            .filter(|_| sink.keeps_files())
            .filter_map(|&site| {
                let route = render::search::index_route(site)?;
                // Its own stack, as the rendering threads have: a body's
                // words come from other people's content.
                let thread = std::thread::Builder::new()
                    .stack_size(THREAD_STACK)
                    .spawn_scoped(scope, move || render::search_index(site, route, stop))
                    .ok()?;
                Some((route.lang.as_str(), thread))
            })
            .collect();
        for &site in &sites {
            let more = render_site(resolved, site, sink).inspect_err(|_| {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
            })?;
            stats.pages += more.pages;
            stats.files += more.files;
        }
        for (lang, search) in searches {
            // Only a failure above stops a search, and that returned.
            let files = search
                .join()
                .unwrap_or_else(|_| Err(render::search::failed(lang, "panic".into())))
                .map_err(Failure::CannotRun)?
                .unwrap_or_default();
            stats.files += files.len();
            for file in files {
                sink.put(file).map_err(Failure::CannotRun)?;
            }
        }
        Ok(stats)
    })
}

/// Render one language's site into `sink`.
fn render_site(
    resolved: &Resolved,
    site: render::Site<'_>,
    sink: &dyn render::Sink,
) -> Result<render::RenderStats, Failure> {
    render::render(site, resolved.today, sink).map_err(|mut render_diags| {
        // A page that could not be written is the machine's problem, not the site's.
        if let Some(output) = render_diags.0.iter().find(|d| d.code == Code::Output) {
            return Failure::CannotRun(output.clone());
        }
        render_diags.extend(resolved.diagnostics.0.iter().cloned());
        render_diags.sort();
        Failure::Invalid(render_diags)
    })
}

/// Every rule, and every page rendered in memory; writes nothing.
pub fn check(options: &SiteOptions) -> Result<Diagnostics, Failure> {
    let resolved = resolve(options)?;
    render_into(&resolved, &render::DiscardSink)?;
    Ok(resolved.diagnostics)
}

/// Load and resolve the site and prepare its rendering (templates
/// compiled), rendering no page yet: what `cairn serve` keeps, rendering
/// pages as the browser asks for them.
/// One prepared rendering per language, in the order of
/// [`Resolved::sites`].
pub fn prepare_site(options: &SiteOptions) -> Result<(Resolved, Vec<render::Prepared>), Failure> {
    let resolved = resolve(options)?;
    let editions = resolved.editions();
    let prepared: Result<Vec<render::Prepared>, Diagnostics> = resolved
        .sites(&editions)
        .map(|site| render::prepare(site, resolved.today))
        .collect();
    match prepared {
        Ok(prepared) => {
            drop(editions);
            Ok((resolved, prepared))
        }
        Err(mut diagnostics) => {
            diagnostics.extend(resolved.diagnostics.0.iter().cloned());
            diagnostics.sort();
            Err(Failure::Invalid(diagnostics))
        }
    }
}

/// Judge the record in the TOML file `profile` against every level of the
/// site, as the checklist does. Errors in the site or in the record are
/// diagnostics; the record's file is named relative to the working folder.
pub fn eligibility(
    options: &SiteOptions,
    profile: &Path,
    goal: Option<&str>,
) -> Result<Judged, Failure> {
    let resolved = resolve(options)?;
    let goal = goal
        .map(|goal| goal_of(&resolved.catalogue, goal))
        .transpose()
        .map_err(Failure::CannotRun)?;
    let text = std::fs::read(profile).map_err(|err| {
        Failure::CannotRun(
            Diagnostic::error(
                Code::UnreadableFile,
                text!(
                    "record_unreadable",
                    path = profile.display().to_string(),
                    error = err.to_string()
                ),
            )
            .with_help(text!("record_unreadable_help")),
        )
    })?;
    let text = String::from_utf8(text).map_err(|_| {
        Failure::CannotRun(
            Diagnostic::error(
                Code::UnreadableFile,
                text!("record_not_utf8", path = profile.display().to_string()),
            )
            .with_help(text!("record_not_utf8_help")),
        )
    })?;
    let file = source::SourceFile::new(profile.display().to_string(), text);
    let (record, mut diagnostics) = rules::record::read(&file, &resolved.catalogue);
    if diagnostics.has_errors() {
        diagnostics.sort();
        return Err(Failure::Invalid(diagnostics));
    }
    let verdicts = rules::eval::evaluate_on(&resolved.catalogue, &record, Some(resolved.today));
    let holdings = rules::holding::holdings(&resolved.catalogue, &record, Some(resolved.today));
    let plan = goal.map(|goal| {
        (
            goal,
            rules::plan::plan(&resolved.catalogue, &record, Some(resolved.today), goal),
        )
    });
    Ok(Judged {
        resolved,
        verdicts,
        holdings,
        lang: options.language.clone(),
        plan,
    })
}

/// The level or credential `--goal` names.
fn goal_of(catalogue: &Catalogue, goal: &str) -> Result<catalogue::Id, Diagnostic> {
    let kinds = [content::Kind::Level, content::Kind::Credential];
    match catalogue.lookup(goal) {
        Some(id) if kinds.contains(&catalogue[id].kind) => Ok(id),
        found => {
            let candidates: Vec<&str> = kinds
                .iter()
                .flat_map(|&kind| catalogue.of_kind(kind))
                .map(|&id| catalogue[id].id.as_str())
                .collect();
            let help = match diagnostics::did_you_mean(goal, candidates.iter().copied()) {
                Some(close) => text!("did_you_mean", suggestion = close),
                None => text!("goal_unknown_help", goals = candidates.join(", ")),
            };
            let message = match found {
                Some(id) => text!(
                    "goal_wrong_kind",
                    goal = goal,
                    kind = catalogue[id].kind.name()
                ),
                None => text!("goal_unknown", goal = goal),
            };
            Err(Diagnostic::error(Code::InvalidValue, message).with_help(help))
        }
    }
}

/// Which of the two catalogues of `cairn diff` a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// The older one.
    Old,
    /// The newer one.
    New,
}

/// Two catalogues compared, each loaded and checked as `cairn check`
/// would (without rendering), and what changed between them.
pub struct Compared {
    pub old: Resolved,
    pub new: Resolved,
    pub diff: diff::Diff,
}

impl Compared {
    /// The diff with the words to tell it in: cairn's, in the new site's
    /// language, and the site's phrases.
    pub fn told<'a>(&'a self, cli: &'a messages::Messages) -> diff::words::Told<'a> {
        diff::words::Told {
            diff: &self.diff,
            old: &self.old,
            new: &self.new,
            cli,
        }
    }
}

/// Load, resolve and compare two sites: `cairn diff`. A side with errors
/// stops it, named.
pub fn compare(old: &SiteOptions, new: &SiteOptions) -> Result<Compared, (Before, Failure)> {
    let old = resolve(old).map_err(|f| (Before::Old, f))?;
    let new = resolve(new).map_err(|f| (Before::New, f))?;
    let diff = diff::compare(&old.catalogue, &new.catalogue);
    Ok(Compared { old, new, diff })
}

/// A record judged against every level of a site.
pub struct Judged {
    pub resolved: Resolved,
    /// One per level, in presentation order.
    pub verdicts: Vec<rules::eval::Verdict>,
    /// One per credential: held, lapsing, lapsed or not held.
    pub holdings: Vec<rules::holding::Holding>,
    /// The language asked for (`--lang`).
    pub lang: Option<String>,
    /// With `--goal`: the plan toward it.
    pub plan: Option<(
        catalogue::Id,
        Result<rules::plan::Plan, rules::plan::NoPlan>,
    )>,
}

impl Judged {
    /// The verdicts for people, in the site's words: a line per level,
    /// then what is still needed.
    pub fn report(&self) -> String {
        // In the language asked for, when the site is published in it.
        let site = self
            .resolved
            .languages
            .iter()
            .find(|l| Some(&l.catalogue.config.language) == self.lang.as_ref())
            .map_or(self.resolved.site(), |l| render::Site {
                catalogue: &l.catalogue,
                theme: &l.theme,
                routes: &l.routes,
                editions: &[],
            });
        let phrases = phrases::Phrases::new(site.catalogue, &site.theme.messages, site.routes);
        let cli = report::cli_messages_in(site.theme.messages.lang());
        let mut out = report::eligibility(&phrases, &cli, &self.verdicts);
        out.push_str(&report::holdings(&phrases, &cli, &self.holdings));
        if let Some((goal, plan)) = &self.plan {
            out.push_str(&report::plan(&phrases, &cli, *goal, plan));
        }
        out
    }

    /// For tools: `{"levels": [verdicts], "plan": …}` (the plan only with
    /// `--goal`), on one line.
    pub fn json(&self) -> String {
        let catalogue = &self.resolved.catalogue;
        let mut json = serde_json::json!({ "levels": self.verdicts, "credentials": self.holdings });
        if let Some((goal, plan)) = &self.plan {
            json["plan"] = match plan {
                Ok(plan) => plan.to_json(catalogue),
                Err(why) => serde_json::json!({
                    "goal": catalogue[*goal].id,
                    "none": match why {
                        rules::plan::NoPlan::Unreachable => "unreachable",
                        rules::plan::NoPlan::TooLarge => "too-large",
                    },
                }),
            };
        }
        json.to_string()
    }
}

/// What a successful build did.
pub struct BuildReport {
    pub output: PathBuf,
    pub stats: render::RenderStats,
    pub elapsed: Duration,
    pub warnings: Diagnostics,
}

/// Check, render and write the site into `output` (default: site.toml's
/// `output_dir` under the root). Pages are written into a staging folder as
/// they render and swapped in only when every one succeeded: on any error
/// the output folder is left exactly as it was.
pub fn build(options: &SiteOptions, output: Option<&Path>) -> Result<BuildReport, Failure> {
    let started = Instant::now();
    // Refuse a dangerous output folder before doing any work.
    let early_output = output
        .map(|o| output::check_output_dir(&options.root, o))
        .transpose()
        .map_err(Failure::CannotRun)?;
    let resolved = resolve(options)?;
    let output = match early_output {
        Some(output) => output,
        None => {
            let default = options.root.join(&resolved.catalogue.config.output_dir);
            output::check_output_dir(&options.root, &default).map_err(Failure::CannotRun)?
        }
    };
    let staging = output::Staging::create(&output).map_err(Failure::CannotRun)?;
    let stats = render_into(&resolved, &staging)?;
    staging.commit().map_err(Failure::CannotRun)?;
    Ok(BuildReport {
        output,
        stats,
        elapsed: started.elapsed(),
        warnings: resolved.diagnostics,
    })
}

fn display_root(root: &Path) -> messages::Arg {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        text!("the_current_folder").into()
    } else {
        root.display().to_string().into()
    }
}
