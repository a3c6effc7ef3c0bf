//! The check stage: every consistency rule of a site, and nothing else.
//!
//! Input: [`CheckInput`]: the resolved [`Catalogue`], the planned
//! [`Routes`] and the build day. Output: diagnostics.
//!
//! Each rule lives in its own submodule, and [`RULES`] says which codes
//! each one owns. (Resolution and route planning still report their own
//! problems for now.)
//!
//! Errors stop a build; warnings do not, unless `--deny-warnings`.

mod files;
mod offerings;
mod orphans;
mod pathways;
mod pools;
mod preferences;
mod summaries;

use crate::catalogue::Catalogue;
use crate::content::Date;
use crate::diagnostics::{Code, Diagnostics};
use crate::routes::Routes;

/// What the rules read.
#[derive(Debug, Clone, Copy)]
pub struct CheckInput<'a> {
    pub catalogue: &'a Catalogue,
    /// Every output of the site, for links to local files.
    pub routes: &'a Routes,
    /// Offerings that end before this day are in the past.
    pub today: Date,
    /// Whether loading, resolving or planning the site found errors.
    pub earlier_errors: bool,
}

/// One rule of the table.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The submodule that holds it.
    pub name: &'static str,
    /// The codes it reports, and no other rule does.
    pub codes: &'static [Code],
    pub run: fn(&CheckInput<'_>, &mut Diagnostics),
    pub when: When,
}

/// When a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// Only when no error has been found, by earlier stages or by any rule
    /// that runs always: its finding would mostly be noise until then.
    NoErrors,
}

/// Every rule, and the codes each one owns.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        name: "pools",
        codes: &[Code::ChooseTooMany],
        run: pools::check,
        when: When::Always,
    },
    RuleInfo {
        name: "offerings",
        codes: &[Code::OfferingDates, Code::PastOffering],
        run: offerings::check,
        when: When::Always,
    },
    RuleInfo {
        name: "files",
        codes: &[Code::MissingFile],
        run: files::check,
        when: When::Always,
    },
    RuleInfo {
        name: "orphans",
        codes: &[Code::Unreferenced],
        run: orphans::check,
        when: When::NoErrors,
    },
    RuleInfo {
        name: "pathways",
        codes: &[Code::NoPathway],
        run: pathways::check,
        when: When::Always,
    },
    RuleInfo {
        name: "summaries",
        codes: &[Code::NoSummary],
        run: summaries::check,
        when: When::Always,
    },
    RuleInfo {
        name: "preferences",
        codes: &[Code::PreferredAndRequired],
        run: preferences::check,
        when: When::Always,
    },
];

/// Run every rule of [`RULES`]. Diagnostics come back unsorted:
/// `Diagnostics::sort` orders them by file and position, so the order the
/// rules run in never shows.
pub fn run(input: &CheckInput<'_>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for rule in RULES.iter().filter(|r| r.when == When::Always) {
        (rule.run)(input, &mut diags);
    }
    if !input.earlier_errors && !diags.has_errors() {
        for rule in RULES.iter().filter(|r| r.when == When::NoErrors) {
            (rule.run)(input, &mut diags);
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_have_one_name_each_and_own_something() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "two rules share a name");
        assert!(RULES.iter().all(|r| !r.codes.is_empty()));
    }
}
