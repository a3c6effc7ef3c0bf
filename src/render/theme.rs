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
    OnDisk(PathBuf),
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
    if config.theme == "default" {
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
                i18n_text = Some((text(), format!("themes/default/{name}")));
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
            theme.statics.insert(rel, StaticFile::OnDisk(path));
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
    match i18n_text {
        Some((text, path)) => match toml::from_str::<toml::Value>(&text) {
            Ok(value) => theme.i18n = serde_json::to_value(value).unwrap_or_default(),
            Err(err) => diags.push(
                Diagnostic::error(
                    Code::InvalidConfig,
                    format!("cannot read the theme's strings: {}", err.message()),
                )
                .in_file(&path)
                .with_help("fix the TOML syntax of this file"),
            ),
        },
        None => diags.push(
            Diagnostic::error(
                Code::InvalidConfig,
                format!(
                    "the theme has no strings for the language \"{}\"",
                    config.language
                ),
            )
            .in_file("site.toml")
            .with_help(format!(
                "add {i18n_name} to the theme, or set `language` to one it has"
            )),
        ),
    }
    (theme, diags)
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
