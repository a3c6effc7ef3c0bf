//! `cairn init DIR`: a small, valid starter catalogue to edit, whose
//! comments teach the format, and a GitHub Actions workflow that checks it,
//! summarizes each pull request's changes and publishes it (docs/ci.md).
//! The files live in `src/init/starter/` and are compiled into the binary.

use crate::diagnostics::{Code, Diagnostic};
use crate::text;
use std::path::Path;

macro_rules! starter {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("starter/", $path)))),*]
    };
}

/// Every file of the starter site, by path.
pub const STARTER: &[(&str, &str)] = starter![
    "site.toml",
    "content/_index.md",
    "content/pathways/my-pathway.md",
    "content/levels/foundation.md",
    "content/levels/advanced.md",
    "content/workshops/first-steps.md",
    "content/workshops/working-together.md",
    "content/workshops/advanced-intensive.md",
    "content/requirements/first-aid.md",
    "content/requirements/practice-hours.md",
    "content/credentials/foundation-certificate.md",
    ".github/workflows/catalogue.yml",
];

/// Write the starter site into `dir`, which must be new or empty.
pub fn init(dir: &Path) -> Result<usize, Diagnostic> {
    let shown = dir.display().to_string();
    if dir.exists() {
        let empty = std::fs::read_dir(dir).map(|mut entries| entries.next().is_none());
        match empty {
            Ok(true) => {}
            Ok(false) => {
                return Err(Diagnostic::error(
                    Code::Output,
                    text!("init_not_empty", folder = &shown),
                )
                .with_help(text!("init_not_empty_help")));
            }
            Err(err) => {
                return Err(Diagnostic::error(
                    Code::Output,
                    text!("init_unusable", folder = &shown, error = err.to_string()),
                )
                .with_help(text!("init_unusable_help")));
            }
        }
    }
    for (path, text) in STARTER {
        let target = dir.join(path);
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, text));
        if let Err(err) = written {
            return Err(Diagnostic::error(
                Code::Output,
                text!(
                    "init_cannot_write",
                    path = target.display().to_string(),
                    error = err.to_string()
                ),
            )
            .with_help(text!("init_cannot_write_help")));
        }
    }
    Ok(STARTER.len())
}
