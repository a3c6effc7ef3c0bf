//! Finding the theme: templates, static files and the messages.
//!
//! Lookup is a plain precedence chain, first match wins:
//! the site's `templates/` and `static/`, then `themes/<theme>/` under the
//! site root, then the default theme built into the binary (so a site needs
//! no theme folder at all).

use crate::config::Config;
use crate::content::relative;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::{MessageFile, Messages};
use crate::text;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Everything the render stage needs from the theme, already read.
#[derive(Debug)]
pub struct Theme {
    /// Template name -> (source text, where it came from for messages).
    pub templates: BTreeMap<String, (String, String)>,
    /// Output path -> contents of static files.
    pub statics: BTreeMap<String, StaticFile>,
    /// The site language's messages: the built-in theme's, overridden by
    /// the theme's and then the site's `i18n/<language>.ftl`.
    pub messages: Messages,
}

#[derive(Debug, Clone)]
pub enum StaticFile {
    Embedded(&'static [u8]),
    /// A file under `static/`, and how diagnostics name it ("static/logo.svg").
    OnDisk {
        source: PathBuf,
        label: String,
    },
}

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../themes/default/", $name)))),*]
    };
}

/// The default theme, compiled in.
const DEFAULT_THEME: &[(&str, &[u8])] = embed![
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/page.html",
    "templates/list.html",
    "templates/pathway.html",
    "templates/level.html",
    "templates/workshop.html",
    "templates/requirement.html",
    "templates/credential.html",
    "templates/checklist.html",
    "templates/handbook.html",
    "templates/search.html",
    "templates/404.html",
    "templates/alias.html",
    "templates/partials/offering.html",
    "templates/partials/map.html",
    "templates/partials/untranslated.html",
    "templates/partials/rule.html",
    "templates/partials/rule-tags.html",
    "templates/partials/counts.html",
    "static/style.css",
    "static/words.js",
    "static/checklist.js",
    "static/checklist-plan.js",
    "static/checklist-file.js",
    "static/filters.js",
    "static/search.js",
    "static/favicon.svg",
    "i18n/en.ftl",
    "i18n/fr.ftl",
];

/// The ids of the built-in theme's messages: what every language's
/// messages must define, since the templates and cairn ask for them.
pub fn required_messages() -> Vec<String> {
    let text = DEFAULT_THEME
        .iter()
        .find(|(name, _)| *name == "i18n/en.ftl")
        .map_or(String::new(), |(_, bytes)| {
            String::from_utf8_lossy(bytes).into_owned()
        });
    let resource = match fluent_bundle::FluentResource::try_new(text) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Read the theme named in `config` for the site at `root`.
pub fn load(root: &Path, config: &Config) -> (Theme, Diagnostics) {
    load_requiring(root, config, &[])
}

/// [`load`], with messages the language must also have: for a site's
/// other language, every message its default language's theme defines
/// (a message only in `i18n/en.ftl` would leave French pages without it).
pub fn load_requiring(root: &Path, config: &Config, also: &[String]) -> (Theme, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut templates = BTreeMap::new();
    let mut statics = BTreeMap::new();
    let theme_dir = root.join("themes").join(&config.theme);
    if config.theme != "default" && !theme_dir.is_dir() {
        diags.push(
            Diagnostic::error(
                Code::InvalidConfig,
                text!("missing_theme", theme = &config.theme),
            )
            .in_file("site.toml")
            .with_help(text!("missing_theme_help", theme = &config.theme)),
        );
    }
    let messages_name = format!("i18n/{}.ftl", config.language);
    let mut message_layers = Vec::new();

    // The built-in theme is always the lowest layer: a theme of its own
    // only needs the templates and messages it changes.
    for (name, bytes) in DEFAULT_THEME {
        let text = || String::from_utf8_lossy(bytes).into_owned();
        if let Some(template) = name.strip_prefix("templates/") {
            templates.insert(template.into(), (text(), format!("(built-in) {name}")));
        } else if let Some(path) = name.strip_prefix("static/") {
            statics.insert(path.into(), StaticFile::Embedded(bytes));
        } else if *name == messages_name {
            message_layers.push(MessageFile {
                origin: format!("(built-in) {name}"),
                text: text(),
            });
        }
    }
    let layers = [
        (theme_dir, format!("themes/{}/", config.theme)),
        (root.to_path_buf(), String::new()),
    ];
    for (dir, label) in &layers {
        for (rel, path) in files_under(&dir.join("templates")) {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    templates.insert(rel.clone(), (text, format!("{label}templates/{rel}")));
                }
                Err(err) => diags.push(unreadable(&format!("{label}templates/{rel}"), &err)),
            }
        }
        for (rel, path) in files_under(&dir.join("static")) {
            let label = format!("{label}static/{rel}");
            statics.insert(
                rel,
                StaticFile::OnDisk {
                    source: path,
                    label,
                },
            );
        }
        let origin = format!("{label}{messages_name}");
        let path = dir.join(&messages_name);
        if path.is_file() {
            match std::fs::read_to_string(&path) {
                Ok(text) => message_layers.push(MessageFile { origin, text }),
                Err(err) => diags.push(unreadable(&origin, &err)),
            }
        }
        // Strings in the first release's format are no longer read: say so
        // rather than silently showing the default wording.
        let old = dir.join(format!("i18n/{}.toml", config.language));
        if old.is_file() {
            let old = format!("{label}i18n/{}.toml", config.language);
            diags.push(
                Diagnostic::error(Code::InvalidConfig, text!("old_theme_strings", path = &old))
                    .in_file(&old)
                    .with_help(text!(
                        "old_theme_strings_help",
                        messages = format!("{label}{messages_name}")
                    )),
            );
        }
    }
    if message_layers.is_empty() {
        diags.push(
            Diagnostic::error(
                Code::InvalidConfig,
                text!("no_theme_messages", language = &config.language),
            )
            .in_file("site.toml")
            .with_help(text!(
                "no_theme_messages_help",
                file = format!("themes/{}/{messages_name}", config.theme)
            )),
        );
    }
    unused_messages(&message_layers, &templates, &mut diags);
    let mut required = required_messages();
    required.extend(
        also.iter()
            .filter(|id| !required.contains(id))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let (messages, problems) = Messages::build(&config.language, &message_layers, &required);
    diags.extend(crate::diagnostics::of_messages(problems));
    let theme = Theme {
        templates,
        statics,
        messages,
    };
    (theme, diags)
}

/// W010: a message a site or theme adds (an id the built-in theme does not
/// have) that no template names: a word nobody will read, often a
/// template's typo or a message left behind by a change.
fn unused_messages(
    layers: &[MessageFile],
    templates: &BTreeMap<String, (String, String)>,
    diags: &mut Diagnostics,
) {
    let built_in = required_messages();
    for layer in layers
        .iter()
        .filter(|l| !l.origin.starts_with("(built-in)"))
    {
        let resource = match fluent_bundle::FluentResource::try_new(layer.text.clone()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let file = crate::source::SourceFile::new(layer.origin.clone(), layer.text.clone());
        for entry in resource.entries() {
            let fluent_syntax::ast::Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            if built_in.iter().any(|b| b == id) {
                continue;
            }
            let named = templates.values().any(|(text, _)| {
                text.contains(&format!("t.{id}"))
                    || text.contains(&format!("\"{id}\""))
                    || text.contains(&format!("'{id}'"))
            });
            if named {
                continue;
            }
            let Some(at) = layer
                .text
                .lines()
                .scan(0, |offset, line| {
                    let start = *offset;
                    *offset += line.len() + 1;
                    Some((start, line))
                })
                .find(|(_, line)| line.split('=').next().is_some_and(|key| key.trim() == id))
                .map(|(start, _)| start)
            else {
                continue;
            };
            diags.push(
                Diagnostic::warning(Code::UnusedMessage, text!("message_unused", id = id))
                    .at(&file, at..at + id.len())
                    .with_help(text!("message_unused_help", id = id)),
            );
        }
    }
}

fn unreadable(path: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::UnreadableFile,
        text!("cannot_read", path = path, error = err.to_string()),
    )
    .in_file(path)
    .with_help(text!("theme_unreadable_help"))
}

/// Files under `dir`, relative paths with `/`, in sorted order. Hidden files
/// (editor swap files, `.DS_Store`) are skipped.
pub(crate) fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (relative(dir, e.path()), e.into_path()))
        .collect()
}
