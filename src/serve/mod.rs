//! `cairn serve`: build into memory, serve it on loopback, rebuild on every
//! save, and tell the browser to reload.
//!
//! Three parts: [`http`] answers requests from the latest good build,
//! [`watch`] turns file-system events into rebuilds, and this module holds
//! the shared state between them ([`Live`]). A broken edit never takes the
//! site down: the last good build stays up, and the problems are printed
//! and shown in the browser over it until the next good save.

mod http;
mod watch;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::{Arg, Messages};
use crate::render::{Contents, Prepared};
use crate::routes::Output;
use crate::text;
use crate::{Failure, SiteOptions};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

/// Locks that outlive a panicked holder. A request thread that panicked
/// while holding one left data that is still whole (a cache, a list of
/// clients, the latest build), so serving goes on rather than failing
/// every later request.
trait Unpoisoned<T> {
    fn locked(&self) -> std::sync::MutexGuard<'_, T>;
}

impl<T> Unpoisoned<T> for Mutex<T> {
    fn locked(&self) -> std::sync::MutexGuard<'_, T> {
        self.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

trait UnpoisonedRw<T> {
    fn read_anyway(&self) -> std::sync::RwLockReadGuard<'_, T>;
    fn write_anyway(&self) -> std::sync::RwLockWriteGuard<'_, T>;
}

impl<T> UnpoisonedRw<T> for RwLock<T> {
    fn read_anyway(&self) -> std::sync::RwLockReadGuard<'_, T> {
        self.read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write_anyway(&self) -> std::sync::RwLockWriteGuard<'_, T> {
        self.write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What `cairn serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub site: SiteOptions,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in the default browser once it is up.
    pub open: bool,
}

/// One good build, prepared but not rendered: pages are rendered the first
/// time a browser asks for them, then kept until the next rebuild. A save
/// therefore costs a load and a check of the catalogue, whatever the number
/// of pages, and only the pages looked at are ever rendered.
#[derive(Default)]
pub(crate) struct Snapshot {
    /// The site, and each language's prepared rendering.
    site: Option<(crate::Resolved, Vec<Prepared>)>,
    rendered: Mutex<HashMap<String, Arc<Vec<u8>>>>,
    /// Each language's search index, by its route: built once, by the
    /// first request for one of its files (others wait for it), then
    /// answered from `rendered`. A name it does not have is a 404, not
    /// another build.
    search_indexes: Mutex<HashMap<String, Arc<std::sync::OnceLock<()>>>>,
}

/// What a request finds.
pub(crate) enum Served {
    Bytes(Arc<Vec<u8>>),
    File(Contents),
    /// A page whose template failed: the diagnostic explains.
    Failed(Box<Diagnostic>),
    Missing,
}

impl Snapshot {
    fn new(resolved: crate::Resolved, prepared: Vec<Prepared>) -> Snapshot {
        Snapshot {
            site: Some((resolved, prepared)),
            rendered: Mutex::default(),
            search_indexes: Mutex::default(),
        }
    }

    pub(crate) fn has(&self, path: &str) -> bool {
        self.site.as_ref().is_some_and(|(resolved, _)| {
            resolved.routes.contains(path)
                || resolved.languages.iter().any(|l| l.routes.contains(path))
        }) || (self.search_index_of(path).is_some()
            && matches!(self.search_file(path), Served::Bytes(_)))
    }

    /// The file at `path`, rendering it on first request.
    pub(crate) fn get(&self, path: &str) -> Served {
        let Some((resolved, prepared)) = &self.site else {
            return Served::Missing;
        };
        let cached = self.rendered.locked().get(path).cloned();
        if let Some(bytes) = cached {
            return Served::Bytes(bytes);
        }
        // The language whose routes hold the path.
        let editions = resolved.editions();
        let found = resolved
            .sites(&editions)
            .zip(prepared)
            .find_map(|(site, prepared)| Some((site, prepared, site.routes.get(path)?)));
        let Some((site, prepared, route)) = found else {
            return self.search_file(path);
        };
        let file = match prepared.produce(site, route) {
            Ok(file) => file,
            Err(diagnostic) if matches!(route.output, Output::Page(_)) => {
                return Served::Failed(Box::new(diagnostic));
            }
            Err(_) => return Served::Missing,
        };
        let bytes = match file.contents {
            Contents::Bytes(bytes) => Arc::new(bytes),
            other => return Served::File(other),
        };
        self.rendered
            .locked()
            .insert(path.to_string(), Arc::clone(&bytes));
        Served::Bytes(bytes)
    }
}

impl Snapshot {
    /// The route of the search index `path` lies in, if any.
    fn search_index_of(&self, path: &str) -> Option<crate::routes::Route> {
        let (resolved, _) = self.site.as_ref()?;
        let editions = resolved.editions();
        resolved.sites(&editions).find_map(|site| {
            crate::render::search::index_route(site)
                .filter(|route| path.starts_with(&route.path))
                .cloned()
        })
    }

    /// A file of a search index: the whole index of its language is built
    /// the first time one of its files is asked for, once however many
    /// requests come meanwhile, and kept with the pages until the next
    /// rebuild.
    fn search_file(&self, path: &str) -> Served {
        let Some((resolved, _)) = &self.site else {
            return Served::Missing;
        };
        let editions = resolved.editions();
        let found = resolved.sites(&editions).find_map(|site| {
            let route = crate::render::search::index_route(site)?;
            path.starts_with(&route.path).then_some((site, route))
        });
        let Some((site, route)) = found else {
            return Served::Missing;
        };
        let once = Arc::clone(
            self.search_indexes
                .locked()
                .entry(route.path.clone())
                .or_default(),
        );
        once.get_or_init(|| {
            let never = std::sync::atomic::AtomicBool::new(false);
            if let Ok(Some(files)) = crate::render::search_index(site, route, &never) {
                let mut rendered = self.rendered.locked();
                for file in files {
                    if let Contents::Bytes(bytes) = file.contents {
                        rendered.insert(file.path, Arc::new(bytes));
                    }
                }
            }
        });
        self.rendered
            .locked()
            .get(path)
            .cloned()
            .map_or(Served::Missing, Served::Bytes)
    }
}

/// What the browser is told.
#[derive(Debug, Clone)]
pub(crate) enum Event {
    Reload,
    /// The overlay's contents, as JSON.
    Problems(String),
}

/// State shared by the rebuild loop and the request threads.
pub(crate) struct Live {
    /// cairn's own words, for the console, the overlay and the preview's pages.
    cli: Messages,
    /// Where the preview listens, and the address it tells people to open.
    at: Address,
    snapshot: RwLock<Arc<Snapshot>>,
    problems: RwLock<Option<String>>,
    /// The latest event only, as the bytes a stream sends (shared, never
    /// copied per stream): every live-reload stream reads it when it
    /// changes. A browser that stops reading misses nothing that matters
    /// (only the latest reload counts) and holds no queue that grows.
    events: tokio::sync::watch::Sender<Option<bytes::Bytes>>,
}

/// The address `cairn serve` was started with.
#[derive(Debug, Clone)]
pub(crate) struct Address {
    /// As given to `--bind` (`0.0.0.0` for every address).
    pub(crate) bind: IpAddr,
    /// The page to open, `http://127.0.0.1:1111/`.
    pub(crate) url: String,
}

impl Live {
    fn new(at: Address) -> Live {
        Live {
            cli: crate::report::cli_messages_spoken(),
            at,
            snapshot: RwLock::default(),
            problems: RwLock::default(),
            events: tokio::sync::watch::Sender::new(None),
        }
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read_anyway().clone()
    }

    fn problems(&self) -> Option<String> {
        self.problems.read_anyway().clone()
    }

    /// The events from now on (the current one counts as seen).
    fn subscribe(&self) -> tokio::sync::watch::Receiver<Option<bytes::Bytes>> {
        self.events.subscribe()
    }

    fn broadcast(&self, event: &Event) {
        self.events.send_replace(Some(http::event_message(event)));
    }

    /// A good build: serve it, clear the problems, reload every page.
    fn publish(&self, snapshot: Snapshot) {
        *self.snapshot.write_anyway() = Arc::new(snapshot);
        *self.problems.write_anyway() = None;
        self.broadcast(&Event::Reload);
    }

    /// A bad build: keep serving the last good one, show what is wrong.
    fn report(&self, diagnostics: &Diagnostics) {
        let payload = overlay_json(&self.cli, diagnostics);
        *self.problems.write_anyway() = Some(payload.clone());
        self.broadcast(&Event::Problems(payload));
    }
}

fn overlay_json(cli: &Messages, diagnostics: &Diagnostics) -> String {
    let errors = diagnostics.error_count();
    let text: String = diagnostics
        .shown()
        .0
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render_human(cli, false) + "\n")
        .collect();
    serde_json::json!({
        "title": cli.text("serve_overlay_title", &[("errors", errors.into())]),
        "note": cli.text("serve_overlay_note", &[]),
        "hide": cli.text("serve_overlay_hide", &[]),
        "text": text,
    })
    .to_string()
}

/// Serve the site until the process is stopped. Returns only when the
/// server cannot start (busy port, no site.toml, nothing to watch).
pub fn serve(mut options: ServeOptions) -> Result<(), Failure> {
    let address = SocketAddr::new(options.bind, options.port);
    let listener =
        http::bind(address).map_err(|err| Failure::CannotRun(bind_error(address, &err)))?;
    let local = listener
        .local_addr()
        .map_err(|err| Failure::CannotRun(bind_error(address, &err)))?;
    // Listening on every address (0.0.0.0, ::): this computer reaches it at
    // loopback; "http://0.0.0.0/" is no address a browser can open.
    let reachable = if local.ip().is_unspecified() {
        SocketAddr::new(
            if local.is_ipv4() {
                IpAddr::from([127, 0, 0, 1])
            } else {
                IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1])
            },
            local.port(),
        )
    } else {
        local
    };
    let url = format!("http://{reachable}/");
    options.site.base_url = Some(format!("http://{reachable}"));
    let live = Arc::new(Live::new(Address {
        bind: options.bind,
        url: url.clone(),
    }));
    let say = |id: &str, args: &[(&str, Arg)]| eprintln!("{}", live.cli.text(id, args));
    if !options.bind.is_loopback() {
        say(
            "serve_exposed",
            &[("address", options.bind.to_string().into())],
        );
    }

    let started = Instant::now();
    match rebuild(&options.site, &live) {
        Ok(()) => say(
            "serve_checked",
            &[(
                "seconds",
                format!("{:.2}", started.elapsed().as_secs_f64()).into(),
            )],
        ),
        Err(Failure::Invalid(_)) => say("serve_broken_at_start", &[]),
        Err(cannot_run) => return Err(cannot_run),
    }

    let mut watch = watch::Watch::start(&options.site.root).map_err(|err| {
        Failure::CannotRun(
            Diagnostic::error(
                Code::Output,
                text!("serve_cannot_watch", error = err.to_string()),
            )
            .with_help(text!("serve_cannot_watch_help")),
        )
    })?;

    // Kept until serve ends: dropping the runtime stops the server.
    let _server = http::start(listener, Arc::clone(&live)).map_err(|err| {
        Failure::CannotRun(
            Diagnostic::error(
                Code::Output,
                text!("serve_cannot_start", error = err.to_string()),
            )
            .with_help(text!("serve_cannot_start_help")),
        )
    })?;
    say(
        "serve_serving",
        &[
            ("url", url.clone().into()),
            ("watched", watched_list().into()),
        ],
    );
    if options.open && !open_browser(&url) {
        say("serve_no_browser", &[("url", url.into())]);
    }

    while watch.next_change() {
        let started = Instant::now();
        match rebuild(&options.site, &live) {
            Ok(()) => say(
                "serve_rebuilt",
                &[(
                    "milliseconds",
                    (started.elapsed().as_millis() as usize).into(),
                )],
            ),
            Err(failure) => {
                if let Failure::CannotRun(diagnostic) = failure {
                    print(&live.cli, &Diagnostics(vec![diagnostic]));
                }
                say("serve_kept", &[]);
            }
        }
    }
    Ok(())
}

/// Load, resolve and check the site and prepare its rendering. A good
/// build is published (the browser reloads); a bad one is printed and shown
/// in the browser over the last good build.
fn rebuild(site: &SiteOptions, live: &Live) -> Result<(), Failure> {
    match crate::prepare_site(site) {
        Ok((resolved, prepared)) => {
            let warnings = resolved.diagnostics.warning_count();
            live.publish(Snapshot::new(resolved, prepared));
            if warnings > 0 {
                eprintln!(
                    "{}",
                    live.cli
                        .text("serve_warnings", &[("warnings", warnings.into())])
                );
            }
            Ok(())
        }
        Err(failure) => {
            // "Could not run" (site.toml gone) is printed by the caller: at
            // start it ends serve, later it is one more problem to fix.
            let diagnostics = match &failure {
                Failure::Invalid(diagnostics) => {
                    print(&live.cli, diagnostics);
                    diagnostics.clone()
                }
                Failure::CannotRun(diagnostic) => Diagnostics(vec![diagnostic.clone()]),
            };
            live.report(&diagnostics);
            Err(failure)
        }
    }
}

fn watched_list() -> String {
    watch::WATCHED
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn print(cli: &Messages, diagnostics: &Diagnostics) {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stderr().is_terminal();
    eprint!("{}", crate::report::human(&diagnostics.shown(), cli, color));
}

fn bind_error(address: SocketAddr, err: &std::io::Error) -> Diagnostic {
    match err.kind() {
        std::io::ErrorKind::AddrInUse => Diagnostic::error(
            Code::Output,
            text!(
                "serve_port_in_use",
                port = address.port().to_string(),
                address = address.ip().to_string()
            ),
        )
        .with_help(text!(
            "serve_port_in_use_help",
            next = address.port().wrapping_add(1).max(1024).to_string()
        )),
        std::io::ErrorKind::AddrNotAvailable => Diagnostic::error(
            Code::Output,
            text!("serve_no_such_address", address = address.ip().to_string()),
        )
        .with_help(text!("serve_no_such_address_help")),
        _ => Diagnostic::error(
            Code::Output,
            text!(
                "serve_cannot_listen",
                address = address.to_string(),
                error = err.to_string()
            ),
        )
        .with_help(text!("serve_cannot_listen_help")),
    }
}

/// Ask the desktop to open `url`; false when no opener could be started.
fn open_browser(url: &str) -> bool {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(command).arg(url).spawn().is_ok()
}
