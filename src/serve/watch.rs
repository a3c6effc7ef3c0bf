//! What `cairn serve` watches, and turning bursts of file-system events
//! into one rebuild.

use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Every input of a build. Any change to one of them rebuilds the site
/// (then only the pages a browser asks for are rendered).
pub(super) const WATCHED: &[(&str, &str)] = &[
    ("site.toml", "the site's settings"),
    ("content", "the catalogue: Markdown files and their images"),
    ("templates", "the site's own templates"),
    ("static", "the site's own static files"),
    ("i18n", "the site's own theme messages, in each language"),
    ("themes", "themes"),
];

/// Quiet time that ends a burst: editors save in several steps (write a
/// temporary file, rename it over the old one); wait until they are done.
const QUIET: Duration = Duration::from_millis(20);
/// A burst never delays a rebuild longer than this.
const LONGEST_BURST: Duration = Duration::from_millis(250);

/// The watcher and its events. Dropping it stops watching.
pub(super) struct Watch {
    watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    root: PathBuf,
}

impl Watch {
    pub(super) fn start(root: &Path) -> notify::Result<Watch> {
        let (sender, events) = std::sync::mpsc::channel();
        let watcher = notify::recommended_watcher(move |event| {
            let _ = sender.send(event);
        })?;
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let mut watch = Watch {
            watcher,
            events,
            root,
        };
        // The root itself, not recursively: site.toml, and watched folders
        // created after serve started. Then each watched folder in depth.
        watch
            .watcher
            .watch(&watch.root, RecursiveMode::NonRecursive)?;
        for (name, _) in WATCHED {
            watch.add(name);
        }
        Ok(watch)
    }

    fn add(&mut self, name: &str) {
        let path = self.root.join(name);
        if path.is_dir() {
            let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
        }
    }

    /// Block until an input of the site changes, then wait for the burst of
    /// events to settle. Returns false when watching has stopped.
    pub(super) fn next_change(&mut self) -> bool {
        loop {
            match self.events.recv() {
                Ok(Ok(event)) if self.concerns_site(&event) => break,
                Ok(_) => continue,
                Err(_) => return false,
            }
        }
        let started = Instant::now();
        while started.elapsed() < LONGEST_BURST {
            match self.events.recv_timeout(QUIET) {
                Ok(Ok(event)) => {
                    self.concerns_site(&event);
                }
                Ok(Err(_)) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
        true
    }

    /// Whether an event touches an input; a watched folder that has just
    /// appeared is watched from now on.
    fn concerns_site(&mut self, event: &notify::Event) -> bool {
        use notify::EventKind;
        use notify::event::ModifyKind;
        // Reading files (the build itself does) and touching their times
        // must not trigger another build: only real changes count.
        match event.kind {
            EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other => {}
            EventKind::Modify(ModifyKind::Metadata(_)) | EventKind::Access(_) => return false,
            EventKind::Modify(_) => {}
        }
        let mut concerns = false;
        for path in &event.paths {
            let relative = path.strip_prefix(&self.root).unwrap_or(path);
            let Some(first) = relative.components().next() else {
                continue;
            };
            let first = first.as_os_str().to_string_lossy();
            if let Some((name, _)) = WATCHED.iter().find(|(name, _)| *name == first) {
                concerns = true;
                if relative.components().count() == 1 && *name != "site.toml" {
                    let name = name.to_string();
                    self.add(&name);
                }
            }
        }
        concerns
    }
}
