//! Finding the theme: templates, static files and the i18n strings.
//!
//! Lookup is a plain precedence chain, first match wins:
//! the site's `templates/` and `static/`, then `themes/<theme>/` under the
//! site root, then the default theme built into the binary (so a site needs
//! no theme folder at all).

use crate::config::Config;
use crate::content::relative;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Everything the render stage needs from the theme, already read.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name -> (source text, where it came from for messages).
    pub templates: BTreeMap<String, (String, String)>,
    /// Output path -> contents of static files.
    pub statics: BTreeMap<String, StaticFile>,
    /// The language's strings, as template data (`t`).
    pub i18n: serde_json::Value,
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
        &[$(($name, include_bytes!(concat!("../../themes/default/", $name)))),*]
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
    "templates/404.html",
    "static/style.css",
    "static/checklist.js",
    "static/favicon.svg",
    "i18n/en.toml",
];

/// Read the theme named in `config` for the site at `root`.
pub fn load(root: &Path, config: &Config) -> (Theme, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut theme = Theme::default();
    let theme_dir = root.join("themes").join(&config.theme);
    if config.theme != "default" && !theme_dir.is_dir() {
        diags.push(
            Diagnostic::error(
                Code::InvalidConfig,
                format!("the theme \"{}\" is not in themes/", config.theme),
            )
            .in_file("site.toml")
            .with_help(format!(
                "create themes/{}/ or remove `theme` from site.toml to use the default theme",
                config.theme
            )),
        );
    }
    let mut i18n_text: Option<(String, String)> = None;
    let i18n_name = format!("i18n/{}.toml", config.language);

    // Lowest precedence first; later layers overwrite.
    let mut builtin_i18n: Option<String> = None;
    // The built-in theme is always the lowest layer: a theme of its own
    // only needs the templates and strings it changes.
    {
        for (name, bytes) in DEFAULT_THEME {
            let text = || String::from_utf8_lossy(bytes).into_owned();
            if let Some(template) = name.strip_prefix("templates/") {
                theme
                    .templates
                    .insert(template.into(), (text(), format!("(built-in) {name}")));
            } else if let Some(path) = name.strip_prefix("static/") {
                theme
                    .statics
                    .insert(path.into(), StaticFile::Embedded(bytes));
            } else if *name == i18n_name {
                builtin_i18n = Some(text());
            }
        }
    }
    let layers = [
        (theme_dir.clone(), format!("themes/{}/", config.theme)),
        (root.to_path_buf(), String::new()),
    ];
    for (dir, label) in &layers {
        for (rel, path) in files_under(&dir.join("templates")) {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    theme
                        .templates
                        .insert(rel.clone(), (text, format!("{label}templates/{rel}")));
                }
                Err(err) => diags.push(unreadable(&format!("{label}templates/{rel}"), &err)),
            }
        }
        for (rel, path) in files_under(&dir.join("static")) {
            let label = format!("{label}static/{rel}");
            theme.statics.insert(
                rel,
                StaticFile::OnDisk {
                    source: path,
                    label,
                },
            );
        }
    }
    let i18n_path = theme_dir.join(&i18n_name);
    if i18n_path.is_file() {
        match std::fs::read_to_string(&i18n_path) {
            Ok(text) => i18n_text = Some((text, format!("themes/{}/{i18n_name}", config.theme))),
            Err(err) => diags.push(unreadable(
                &format!("themes/{}/{i18n_name}", config.theme),
                &err,
            )),
        }
    }
    // The theme's strings, laid over the built-in ones for the same language.
    let parse =
        |text: &str, path: &str, diags: &mut Diagnostics| match toml::from_str::<toml::Value>(text)
        {
            Ok(value) => serde_json::to_value(value).ok(),
            Err(err) => {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidConfig,
                        format!("cannot read the theme's strings: {}", err.message()),
                    )
                    .in_file(path)
                    .with_help("fix the TOML syntax of this file"),
                );
                None
            }
        };
    let mut strings =
        builtin_i18n.and_then(|text| parse(&text, &format!("(built-in) {i18n_name}"), &mut diags));
    if let Some((text, path)) = i18n_text
        && let Some(overlay) = parse(&text, &path, &mut diags)
    {
        match &mut strings {
            Some(base) => merge(base, overlay),
            None => strings = Some(overlay),
        }
    }
    match strings {
        Some(strings) => theme.i18n = strings,
        None => diags.push(
            Diagnostic::error(Code::InvalidConfig, format!("the theme has no strings for the language \"{}\"", config.language))
                .in_file("site.toml")
                .with_help(format!("add themes/{}/{i18n_name} (a copy of the default theme's i18n/en.toml, translated), or set `language` to one the theme has", config.theme)),
        ),
    }
    (theme, diags)
}

/// Deep-merge `overlay` into `base`: tables merge key by key, anything else replaces.
fn merge(base: &mut serde_json::Value, overlay: serde_json::Value) {
    match (base, overlay) {
        (serde_json::Value::Object(base), serde_json::Value::Object(overlay)) => {
            for (key, value) in overlay {
                match base.get_mut(&key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, overlay) => *base = overlay,
    }
}

fn unreadable(path: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(Code::UnreadableFile, format!("cannot read {path}: {err}"))
        .in_file(path)
        .with_help("check that the file is UTF-8 text and that you may read it")
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
