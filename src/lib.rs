//! cairn: a static-site generator for training catalogues.
//!
//! The pipeline runs one way, each stage a function over plain data:
//!
//! ```text
//! config::load + content::load   (files -> typed documents with spans)
//!   -> catalogue::resolve          (ids -> one graph; unresolved, duplicate, cycle)
//!   -> render::render              (Tera + the theme -> pages in memory)
//!   -> output::write               (staging folder -> atomic swap)
//! ```
//!
//! [`build`] runs all of them; [`check`] stops before writing. Every stage
//! reports problems as [`diagnostics::Diagnostic`]s.

pub mod catalogue;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod output;
pub mod render;
pub mod rules;
pub mod source;
mod toml_reader;

use catalogue::{Catalogue, ResolveOptions};
use diagnostics::{Code, Diagnostic, Diagnostics};
use render::Site;
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
}

/// Why a run stopped.
#[derive(Debug)]
pub enum Failure {
    /// cairn could not run at all (no site.toml, unusable output folder…).
    CannotRun(Diagnostic),
    /// The site has errors; every problem found, sorted.
    Invalid(Diagnostics),
}

/// A site loaded, resolved and rendered in memory.
pub struct Checked {
    pub catalogue: Catalogue,
    pub site: Site,
    /// Warnings (errors would have made this a [`Failure`]).
    pub diagnostics: Diagnostics,
}

/// Load, resolve and render the site at `options.root`, writing nothing.
pub fn check(options: &SiteOptions) -> Result<Checked, Failure> {
    let root = &options.root;
    let (mut config, mut diags) = match config::load(root) {
        Ok(loaded) => loaded,
        Err(config::ConfigError::Missing) => {
            return Err(Failure::CannotRun(
                Diagnostic::error(Code::InvalidConfig, format!("there is no site.toml in {}", display_root(root)))
                    .with_help("run cairn in the folder that holds site.toml, or pass --root DIR; `cairn init DIR` starts a new site"),
            ));
        }
        Err(config::ConfigError::Unreadable(err)) => {
            return Err(Failure::CannotRun(
                Diagnostic::error(Code::InvalidConfig, format!("cannot read site.toml: {err}"))
                    .with_help("check that the file exists and that you may read it"),
            ));
        }
    };
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.trim_end_matches('/').to_string();
    }
    let (theme, theme_diags) = render::theme::load(root, &config);
    diags.extend(theme_diags);
    let (content, content_diags) = content::load(root);
    diags.extend(content_diags);
    let (catalogue, resolve_diags) = catalogue::resolve(
        config,
        content,
        ResolveOptions {
            drafts: options.drafts,
        },
    );
    diags.extend(resolve_diags);
    if diags.has_errors() {
        diags.sort();
        return Err(Failure::Invalid(diags));
    }
    match render::render(&catalogue, &theme) {
        Ok(site) => {
            diags.sort();
            Ok(Checked {
                catalogue,
                site,
                diagnostics: diags,
            })
        }
        Err(render_diags) => {
            diags.extend(render_diags);
            diags.sort();
            Err(Failure::Invalid(diags))
        }
    }
}

/// What a successful build did.
pub struct BuildReport {
    pub output: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    pub warnings: Diagnostics,
}

/// Check, render and write the site into `output` (default: site.toml's
/// `output_dir` under the root). Nothing is written when there are errors.
pub fn build(options: &SiteOptions, output: Option<&Path>) -> Result<BuildReport, Failure> {
    let started = Instant::now();
    // Refuse a dangerous output folder before doing any work.
    let early_output = output
        .map(|o| output::check_output_dir(&options.root, o))
        .transpose()
        .map_err(Failure::CannotRun)?;
    let checked = check(options)?;
    let output = match early_output {
        Some(output) => output,
        None => {
            let default = options.root.join(&checked.catalogue.config.output_dir);
            output::check_output_dir(&options.root, &default).map_err(Failure::CannotRun)?
        }
    };
    output::write(&checked.site, &output).map_err(Failure::CannotRun)?;
    Ok(BuildReport {
        output,
        pages: checked.site.page_count(),
        files: checked.site.files.len(),
        elapsed: started.elapsed(),
        warnings: checked.diagnostics,
    })
}

fn display_root(root: &Path) -> String {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        "the current folder".into()
    } else {
        root.display().to_string()
    }
}
