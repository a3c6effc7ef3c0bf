//! Tiny sites for the rules' unit tests: files written into a temporary
//! folder, then loaded, resolved and planned as `crate::resolve` does, so
//! a test states a catalogue in a few lines and asserts what one rule (or
//! the whole check) says about it.

use super::{CheckInput, RULES, RuleInfo};
use crate::catalogue::{self, Catalogue, Findings, ResolveOptions};
use crate::content::{self, Date};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::routes::{self, Collision, Routes};
use crate::{config, theme};

/// The build day of every test site.
pub(super) const TODAY: Date = Date {
    year: 2027,
    month: 1,
    day: 1,
};

/// A site loaded and resolved, ready to be checked.
pub(super) struct Site {
    pub(super) catalogue: Catalogue,
    pub(super) findings: Findings,
    pub(super) routes: Routes,
    pub(super) collisions: Vec<Collision>,
    /// What loading site.toml, the theme and content reported.
    pub(super) loaded: Diagnostics,
}

/// A Markdown file with `front` as its front matter and `body` after it.
pub(super) fn md(front: &str, body: &str) -> String {
    format!("+++\n{front}\n+++\n{body}")
}

impl Site {
    /// A site of `files`, (path under the site root, text) pairs; a
    /// site.toml with one organization, `guild`, unless one is given.
    pub(super) fn new(files: &[(&str, &str)]) -> Site {
        let dir = crate::testing::site_folder(files);
        let root = dir.path();
        let (config, mut loaded) = config::load(root, None).expect("site.toml is there");
        let (theme, theme_diags) = theme::load(root, &config);
        loaded.extend(theme_diags);
        let (content, content_diags) = content::load(root, true);
        loaded.extend(content_diags);
        let (catalogue, findings) = catalogue::resolve(config, content, ResolveOptions::default());
        let (routes, collisions) = routes::plan(&catalogue, &theme);
        Site {
            catalogue,
            findings,
            routes,
            collisions,
            loaded,
        }
    }

    pub(super) fn input(&self) -> CheckInput<'_> {
        CheckInput {
            catalogue: &self.catalogue,
            findings: &self.findings,
            routes: &self.routes,
            collisions: &self.collisions,
            today: TODAY,
            earlier_errors: self.loaded.has_errors(),
        }
    }

    /// What the rule `name` of [`RULES`] reports, one line per diagnostic
    /// (see [`line`]), sorted as `cairn check` prints them. Asserts that it
    /// reports only codes it owns.
    pub(super) fn rule(&self, name: &str) -> Vec<String> {
        let rule: &RuleInfo = RULES
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("no rule {name}"));
        let mut diags = Diagnostics::default();
        (rule.run)(&self.input(), &mut diags);
        diags.sort();
        for d in &diags.0 {
            assert!(
                rule.codes.contains(&d.code),
                "{name} reported {}, which it does not own",
                d.code.as_str()
            );
        }
        diags.0.iter().map(line).collect()
    }

    /// Everything `cairn check` reports before rendering: what loading
    /// found, then every rule, sorted.
    pub(super) fn check(&self) -> Vec<String> {
        let mut diags = self.loaded.clone();
        diags.extend(super::run(&self.input()));
        diags.sort();
        diags.0.iter().map(line).collect()
    }
}

/// `E018 content/levels/a.md:3:14 message (help: …)`: what a person reads
/// of a diagnostic, on one line.
pub(super) fn line(d: &Diagnostic) -> String {
    let mut line = d.code.as_str().to_string();
    if let Some(at) = &d.location {
        line.push_str(&format!(" {}:{}:{}", at.file, at.line, at.column));
    }
    let cli = crate::report::cli_messages();
    line.push(' ');
    line.push_str(&d.message_text(&cli));
    if let Some(help) = d.help_text(&cli) {
        line.push_str(&format!(" (help: {help})"));
    }
    line
}
