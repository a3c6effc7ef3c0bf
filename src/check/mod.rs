//! The check stage: every consistency rule of a site, and nothing else.
//!
//! Input: [`CheckInput`]: the resolved [`Catalogue`], what resolution could
//! not join ([`Findings`]), the planned [`Routes`] with the outputs left out
//! for want of an address ([`Collision`]s), and the build day. Output:
//! diagnostics.
//!
//! Earlier stages *discover* problems and record them as plain data: a name
//! that resolves to nothing, two documents with one id, two files at one
//! address. A rule here *decides* what each means for the person editing the
//! site: the code, the message, where it points, the help and the
//! did-you-mean. Each rule lives in its own submodule, and [`RULES`] says
//! which codes each one owns; every code is owned by exactly one rule, or is
//! a problem found while reading files or running ([`NOT_RULES`]).
//!
//! Errors stop a build; warnings do not, unless `--deny-warnings`.

mod addresses;
mod cycles;
mod duplicates;
mod files;
mod measures;
mod offerings;
mod orphans;
mod pathways;
mod pools;
mod preferences;
mod references;
mod schemes;
mod summaries;
#[cfg(test)]
mod testing;
mod translations;

use crate::catalogue::{Catalogue, Findings};
use crate::content::Date;
use crate::diagnostics::{Code, Diagnostics};
use crate::routes::{Collision, Routes};

/// What the rules read.
#[derive(Debug, Clone, Copy)]
pub struct CheckInput<'a> {
    pub catalogue: &'a Catalogue,
    /// What resolution could not join.
    pub findings: &'a Findings,
    /// Every output of the site, for links to local files.
    pub routes: &'a Routes,
    /// Outputs left out of `routes` because their path was taken.
    pub collisions: &'a [Collision],
    /// Offerings that end before this day are in the past.
    pub today: Date,
    /// Whether loading site.toml, the theme or content found errors.
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
        name: "references",
        codes: &[Code::UnresolvedReference, Code::WrongKind, Code::BrokenLink],
        run: references::check,
        when: When::Always,
    },
    RuleInfo {
        name: "duplicates",
        codes: &[Code::DuplicateId, Code::DuplicateOrder],
        run: duplicates::check,
        when: When::Always,
    },
    RuleInfo {
        name: "measures",
        codes: &[Code::NotMeasured],
        run: measures::check,
        when: When::Always,
    },
    RuleInfo {
        name: "cycles",
        codes: &[Code::Cycle, Code::RequiresItself],
        run: cycles::check,
        when: When::Always,
    },
    RuleInfo {
        name: "pools",
        codes: &[Code::ChooseTooMany],
        run: pools::check,
        when: When::Always,
    },
    RuleInfo {
        name: "offerings",
        codes: &[
            Code::OfferingDates,
            Code::OfferingTime,
            Code::OfferingPrice,
            Code::PastOffering,
            Code::SkippedTime,
        ],
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
        name: "addresses",
        codes: &[Code::AddressTaken],
        run: addresses::check,
        when: When::Always,
    },
    RuleInfo {
        name: "schemes",
        codes: &[Code::NotWebAddress],
        run: schemes::check,
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
        name: "translations",
        codes: &[
            Code::Translation,
            Code::Untranslated,
            Code::StaleTranslation,
            Code::UntranslatedWords,
        ],
        run: translations::check,
        when: When::Always,
    },
    RuleInfo {
        name: "preferences",
        codes: &[Code::PreferredAndRequired, Code::PreferredAlternative],
        run: preferences::check,
        when: When::Always,
    },
];

/// Codes no rule owns, and why: problems found while a file is read (the
/// load stage reports them where it knows the file's own words), or while
/// the site is rendered or written.
pub const NOT_RULES: &[(Code, &str)] = &[
    (
        Code::UnusedMessage,
        "load: a theme's messages and templates are read together when it is loaded",
    ),
    (
        Code::FrontMatter,
        "load: the front matter is split from the Markdown as a file is read",
    ),
    (
        Code::TomlSyntax,
        "load: TOML syntax is known only while a file is parsed",
    ),
    (
        Code::UnknownKey,
        "load: a table's known keys are the keys its reader asks for",
    ),
    (
        Code::MissingField,
        "load: a required field is missed while its table is read",
    ),
    (
        Code::WrongType,
        "load: a value's type is known only in the TOML it is read from",
    ),
    (
        Code::InvalidId,
        "load: a file's name and place decide its id and kind as it is found",
    ),
    (
        Code::InvalidValue,
        "load: a value out of range is found as the value is parsed",
    ),
    (
        Code::UnreadableFile,
        "load: a file that cannot be read or is not UTF-8 has nothing to check",
    ),
    (
        Code::InvalidConfig,
        "load: site.toml and the theme must be usable before content is",
    ),
    (
        Code::Template,
        "render: a template fails when it is compiled or a page is rendered",
    ),
    (
        Code::Output,
        "run: cairn cannot work here (output folder, port), not the site's fault",
    ),
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
    use std::collections::BTreeMap;

    #[test]
    fn every_code_is_owned_exactly_once() {
        let mut owners: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for rule in RULES {
            for code in rule.codes {
                owners.entry(code.as_str()).or_default().push(rule.name);
            }
        }
        for (code, _) in NOT_RULES {
            owners.entry(code.as_str()).or_default().push("not a rule");
        }
        for code in Code::ALL {
            let owned_by = owners.remove(code.as_str()).unwrap_or_default();
            assert_eq!(
                owned_by.len(),
                1,
                "{} is owned by {owned_by:?}: exactly one rule, or NOT_RULES",
                code.as_str()
            );
        }
        assert!(owners.is_empty(), "codes not in Code::ALL: {owners:?}");
    }

    #[test]
    fn rules_have_one_name_each_and_own_something() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "two rules share a name");
        assert!(RULES.iter().all(|r| !r.codes.is_empty()));
    }
}
