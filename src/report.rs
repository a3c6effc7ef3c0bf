//! What the `cairn` command prints for people, worded through cairn's own
//! messages (`src/cli_messages/en.ftl`, and `diagnostics.en.ftl` for what
//! diagnostics say) and, for the catalogue's rules, the same phrases as the
//! site.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::{Arg, MessageFile, Messages, plain};
use crate::phrases::Phrases;
use crate::rules::eval::Verdict;
use crate::rules::holding::{Holding, HoldingState};

/// cairn's own words, compiled in: what the commands say, and what
/// diagnostics say.
const CLI_EN: &str = include_str!("cli_messages/en.ftl");
const DIAGNOSTICS_EN: &str = include_str!("cli_messages/diagnostics.en.ftl");
const CLI_FR: &str = include_str!("cli_messages/fr.ftl");
const DIAGNOSTICS_FR: &str = include_str!("cli_messages/diagnostics.fr.ftl");

/// The languages cairn itself speaks.
const SPOKEN: [&str; 2] = ["en", "fr"];

/// The language cairn speaks in on the command line (its diagnostics, its
/// closing lines, serve's log): `CAIRN_LANG`, else the locale's, read as
/// POSIX does (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; an empty one does
/// not count), so `fr_CA.UTF-8` gives French. A language cairn does not
/// speak, `C` and `POSIX` give English.
pub fn speaking_language() -> &'static str {
    let chosen = ["CAIRN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()));
    chosen
        .and_then(|value| {
            let language = value
                .split(['_', '-', '.', '@'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            SPOKEN.into_iter().find(|spoken| *spoken == language)
        })
        .unwrap_or("en")
}

/// The command line's messages, diagnostics' included, in English.
pub fn cli_messages() -> Messages {
    cli_messages_in("en")
}

/// The command line's messages in the language it speaks here
/// ([`speaking_language`]).
pub fn cli_messages_spoken() -> Messages {
    cli_messages_in(speaking_language())
}

/// The command line's messages in `lang`: its own files laid over the
/// English ones, so a message one lacks is said in English rather than not
/// at all.
pub fn cli_messages_in(lang: &str) -> Messages {
    // Compiled in and covered by tests: they parse, no id is in both
    // English files, and the French ones translate every English id.
    let mut files = cli_files().to_vec();
    if lang == "fr" {
        files.push(MessageFile {
            origin: "(built-in) cli_messages/fr.ftl".into(),
            text: CLI_FR.into(),
        });
        files.push(MessageFile {
            origin: "(built-in) cli_messages/diagnostics.fr.ftl".into(),
            text: DIAGNOSTICS_FR.into(),
        });
    }
    Messages::build(lang, &files, &[]).0
}

fn cli_files() -> [MessageFile; 2] {
    [
        MessageFile {
            origin: "(built-in) cli_messages/en.ftl".into(),
            text: CLI_EN.into(),
        },
        MessageFile {
            origin: "(built-in) cli_messages/diagnostics.en.ftl".into(),
            text: DIAGNOSTICS_EN.into(),
        },
    ]
}

/// A verdict per level, what is still needed, and preferred parts met or
/// not, in the site's words:
///
/// ```text
/// Level 2: Specialized workshops — can start
///   still needed to finish:
///   - Complete Anti-harassment workshop
/// ```
pub fn eligibility(phrases: &Phrases<'_>, cli: &Messages, verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    for verdict in verdicts {
        let state = match (verdict.complete, verdict.can_start) {
            (true, _) if verdict.implied_by.is_some() => "implied",
            (true, _) => "completed",
            (false, true) => "can_start",
            (false, false) => "not_yet",
        };
        let title = phrases.catalogue[verdict.level].common.title.value.clone();
        let by = verdict
            .implied_by
            .as_deref()
            .and_then(|id| phrases.catalogue.lookup(id))
            .map(|id| phrases.catalogue[id].common.title.value.clone())
            .unwrap_or_default();
        out.push_str(&cli.text(
            "eligibility_verdict",
            &[
                ("level", title.into()),
                ("state", state.into()),
                ("by", by.into()),
            ],
        ));
        out.push('\n');
        // What lapsed, or soon will, first, as the checklist says it.
        for (lapses, id) in [
            (&verdict.expired, "eligibility_expired"),
            (&verdict.expiring, "eligibility_expiring"),
        ] {
            for lapse in lapses {
                let item = phrases.catalogue[lapse.item].common.title.value.clone();
                let date = phrases.date(lapse.day);
                out.push_str(&format!(
                    "  {}\n",
                    cli.text(id, &[("item", item.into()), ("date", date.into())])
                ));
            }
        }
        if let Some(left) = &verdict.left {
            let heading = if verdict.can_start {
                "eligibility_needed_to_finish"
            } else {
                "eligibility_needed_to_start"
            };
            out.push_str(&format!("  {}\n", cli.text(heading, &[])));
            for line in phrases.left_lines(left, verdict.level) {
                out.push_str(&format!("  - {}\n", plain(&line)));
            }
        }
        // DESIGN: a preferred item never decides, but is reported as met or not.
        for (part, met) in &verdict.preferred {
            // The message says it is preferred: the part is worded as it stands.
            let mut rule = phrases.rule(part, false);
            rule.preferred = None;
            let part = phrases.line(&rule);
            let met = if *met { "yes" } else { "no" };
            out.push_str(&format!(
                "  {}\n",
                cli.text(
                    "eligibility_preferred",
                    &[("met", met.into()), ("part", Arg::Text(part))]
                )
            ));
        }
    }
    out
}

/// Whether each credential is held, after the levels:
///
/// ```text
/// credentials:
///   National Lifeguard — held, lapses on 30 June 2027: renew it before then
/// ```
pub fn holdings(phrases: &Phrases<'_>, cli: &Messages, holdings: &[Holding]) -> String {
    if holdings.is_empty() {
        return String::new();
    }
    let title = |id| Arg::Text(phrases.catalogue[id].common.title.value.clone());
    let mut out = format!("{}\n", cli.text("eligibility_credentials", &[]));
    for holding in holdings {
        let by = holding
            .implied_by
            .as_deref()
            .and_then(|id| phrases.catalogue.lookup(id));
        let state = match holding.state {
            HoldingState::Held if by.is_some() => "implied",
            HoldingState::Held => "held",
            HoldingState::Lapsing => "lapsing",
            HoldingState::Lapsed => "lapsed",
            HoldingState::NotHeld => "not_held",
        };
        let date = holding.day.map(|d| phrases.date(d)).unwrap_or_default();
        out.push_str(&format!(
            "  {}\n",
            cli.text(
                "eligibility_holding",
                &[
                    ("credential", title(holding.credential)),
                    ("state", state.into()),
                    ("by", by.map_or(Arg::Text(String::new()), title)),
                    ("date", date.into()),
                ],
            )
        ));
    }
    out
}

/// The plan toward a goal, after the verdicts:
///
/// ```text
/// Plan toward Navigator certificate: 2 things to do
///   1. Navigation
///      - Complete Stars
///      - Complete Tides
/// ```
pub fn plan(
    phrases: &Phrases<'_>,
    cli: &Messages,
    goal: crate::catalogue::Id,
    plan: &Result<crate::rules::plan::Plan, crate::rules::plan::NoPlan>,
) -> String {
    use crate::rules::plan::{Action, NoPlan};
    let title = Arg::Text(phrases.catalogue[goal].common.title.value.clone());
    let plan = match plan {
        Ok(plan) => plan,
        Err(why) => {
            let why = match why {
                NoPlan::Unreachable => "unreachable",
                NoPlan::TooLarge => "too-large",
            };
            return format!(
                "\n{}\n",
                cli.text("plan_none", &[("goal", title), ("why", why.into())])
            );
        }
    };
    if plan.steps.is_empty() {
        return format!("\n{}\n", cli.text("plan_reached", &[("goal", title)]));
    }
    let mut out = format!(
        "\n{}\n",
        cli.text(
            "plan_heading",
            &[("goal", title), ("count", plan.count().into())]
        )
    );
    for (n, step) in plan.steps.iter().enumerate() {
        let name = match step.level {
            Some(level) => phrases.catalogue[level].common.title.value.clone(),
            None => cli.text("plan_other_step", &[]),
        };
        out.push_str(&format!("  {}. {name}\n", n + 1));
        for action in &step.actions {
            // The same words as the checklist's plan.
            let words = match *action {
                Action::Do(id) if Some(id) == step.level => {
                    phrases.messages.text("checklist_plan_finish_level", &[])
                }
                Action::Do(id) => plain(&phrases.item(id)),
                Action::Reach { id, have, at_least } => {
                    plain(&phrases.amount_left("left_has", id, have, at_least))
                }
            };
            out.push_str(&format!("     - {words}\n"));
        }
    }
    if !plan.exact {
        out.push_str(&format!("  {}\n", cli.text("plan_approximate", &[])));
    }
    out
}

/// The closing line of `cairn build`.
pub fn build_done(
    cli: &Messages,
    pages: usize,
    files: usize,
    seconds: f64,
    folder: &str,
) -> String {
    cli.text(
        "build_done",
        &[
            ("pages", pages.into()),
            ("files", files.into()),
            ("seconds", format!("{seconds:.2}").into()),
            ("folder", folder.into()),
        ],
    )
}

/// How a run that reported problems ended, for its closing line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `check` (or `eligibility`, `serve` at start-up) with what it found.
    Checked,
    /// `check --deny-warnings` with warnings.
    DeniedWarnings,
    /// `build` with errors: the old site is left as it was.
    NotWritten,
}

/// Warnings of one kind from this many on are shown as one.
const GROUP_FROM: usize = 4;

/// Diagnostics as a person reads them in a terminal: every error first, so
/// that none is buried under warnings, then the warnings, those of a kind
/// that comes four times or more shown once, with where the others are.
/// (`--format json` and `github` keep one entry per file.)
pub fn human(diagnostics: &Diagnostics, words: &Messages, color: bool) -> String {
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diagnostics.0.iter().partition(|d| d.is_error());
    let mut out = String::new();
    for error in errors {
        out.push_str(&error.render_human(words, color));
        out.push('\n');
    }
    let mut kinds: Vec<(Code, Vec<&Diagnostic>)> = Vec::new();
    for warning in warnings {
        match kinds.iter_mut().find(|(code, _)| *code == warning.code) {
            Some((_, same)) => same.push(warning),
            None => kinds.push((warning.code, vec![warning])),
        }
    }
    for (_, same) in kinds {
        if same.len() < GROUP_FROM {
            for warning in same {
                out.push_str(&warning.render_human(words, color));
                out.push('\n');
            }
            continue;
        }
        let places = same[1..].iter().map(|d| match d.location.as_deref() {
            Some(at) => format!("{}:{}:{}", at.file, at.line, at.column),
            None => d.message_text(words),
        });
        let note = words.format(&crate::text!(
            "warnings_grouped",
            // Lines past the hundred of a kind count for what they stand for.
            count = same[1..].iter().map(|d| d.weight()).sum::<usize>(),
            places = crate::diagnostics::list_some(places)
        ));
        out.push_str(&same[0].render_human_noted(words, color, Some(&note)));
        out.push('\n');
    }
    out
}

/// "error: found 2 errors and 1 warning; nothing was written", or "ok: no
/// errors, 1 warning".
pub fn closing_line(cli: &Messages, ending: Ending, errors: usize, warnings: usize) -> String {
    let counts = cli.text(
        "problems_counts",
        &[("errors", errors.into()), ("warnings", warnings.into())],
    );
    let id = match ending {
        Ending::NotWritten => "build_not_written",
        Ending::DeniedWarnings => "check_warnings_denied",
        Ending::Checked if errors > 0 => "check_failed",
        Ending::Checked => {
            return cli.text("check_clean", &[("warnings", warnings.into())]);
        }
    };
    cli.text(id, &[("counts", counts.into())])
}

/// What `cairn init` says it did, and what to do next.
pub fn init_done(cli: &Messages, files: usize, folder: &str) -> String {
    format!(
        "{}\n{}\n{}",
        cli.text(
            "init_done",
            &[("files", files.into()), ("folder", folder.into())]
        ),
        cli.text("init_next", &[("folder", folder.into())]),
        cli.text("init_ci", &[])
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Arg, Text};
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// The ids of a Fluent file's messages.
    fn ids(text: &str) -> Vec<String> {
        let resource = match fluent_bundle::FluentResource::try_new(text.to_string()) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("does not parse: {errors:?}"),
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_french_command_line_translates_english_messages() {
        let english = ids(CLI_EN);
        let french = ids(CLI_FR);
        assert_eq!(french, english, "every message of en.ftl, and no other");
        let cli = cli_messages_in("fr");
        assert_eq!(
            closing_line(&cli, Ending::NotWritten, 1, 2),
            "erreur\u{202f}: 1 erreur et 2 avertissements\u{202f}; rien n’a été écrit"
        );
    }

    #[test]
    fn the_command_line_words_parse_and_count() {
        let (cli, diags) = Messages::build("en", &cli_files(), &[]);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            closing_line(&cli, Ending::NotWritten, 1, 2),
            "error: found 1 error and 2 warnings; nothing was written"
        );
        assert_eq!(
            closing_line(&cli, Ending::Checked, 0, 1),
            "ok: no errors, 1 warning"
        );
        assert_eq!(
            closing_line(&cli, Ending::DeniedWarnings, 0, 3),
            "error: found 0 errors and 3 warnings; warnings are denied (--deny-warnings)"
        );
        assert_eq!(
            build_done(&cli, 1, 2, 0.5, "public"),
            "Built 1 page (2 files) in 0.50 s into public"
        );
        assert_eq!(
            cli.text("arg_not_a_date", &[("value", "tomorrow".into())]),
            "\"tomorrow\" is not a date; write it like 2027-03-12"
        );
        assert_eq!(
            init_done(&cli, 12, "my-site"),
            "Wrote a starter catalogue (12 files) into my-site.\nNext: cd my-site && cairn serve, then edit the files under content/.\nOn GitHub: replace the two placeholders at the top of .github/workflows/catalogue.yml, and every pull request is checked and summarized (docs/ci.md in cairn’s repository)."
        );
    }

    /// Every `text!("id", name = …)` of the source, outside test modules:
    /// its id and the names of its arguments.
    fn texts_in_source() -> Vec<(String, String, BTreeSet<String>)> {
        let mut found = Vec::new();
        let mut folders = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("src/") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("a source file");
                    // Tests word their own messages; doc comments show examples.
                    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
                    let code: String = code
                        .lines()
                        .filter(|l| !l.trim_start().starts_with("//"))
                        .map(|l| format!("{l}\n"))
                        .collect();
                    for (at, _) in code.match_indices("text!(") {
                        if let Some((id, args)) = text_call(&code[at + "text!(".len()..]) {
                            found.push((path.display().to_string(), id, args));
                        }
                    }
                }
            }
        }
        found
    }

    /// The id and argument names of a `text!(` call, from just after its
    /// opening parenthesis.
    fn text_call(rest: &str) -> Option<(String, BTreeSet<String>)> {
        let rest = rest.trim_start().strip_prefix('"')?;
        let (id, mut rest) = rest.split_once('"')?;
        let mut args = BTreeSet::new();
        // Split the arguments at the commas outside brackets and strings.
        let (mut depth, mut in_string, mut escaped, mut piece) =
            (0usize, false, false, String::new());
        for c in rest.chars() {
            rest = &rest[c.len_utf8()..];
            if in_string {
                in_string = c != '"' || escaped;
                escaped = c == '\\' && !escaped;
                piece.push(c);
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    if let Some((name, _)) = piece.split_once('=') {
                        args.insert(name.trim().to_string());
                    }
                    piece.clear();
                    continue;
                }
                _ => {}
            }
            piece.push(c);
        }
        if let Some((name, _)) = piece.split_once('=') {
            args.insert(name.trim().to_string());
        }
        Some((id.to_string(), args))
    }

    /// The variables a message uses, in its text and its selectors.
    fn variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
        fn inline(expression: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
            match expression {
                ast::InlineExpression::VariableReference { id } => {
                    found.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression } => block(expression, found),
                _ => {}
            }
        }
        fn block(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
            match expression {
                ast::Expression::Inline(expression) => inline(expression, found),
                ast::Expression::Select { selector, variants } => {
                    inline(selector, found);
                    for variant in variants {
                        variables(&variant.value, found);
                    }
                }
            }
        }
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                block(expression, found);
            }
        }
    }

    /// Each message of a file, with the variables it uses.
    fn messages_of(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(text).expect("a message file that parses");
        let mut messages = BTreeMap::new();
        for entry in &resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut used = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    variables(pattern, &mut used);
                }
                messages.insert(message.id.name.to_string(), used);
            }
        }
        messages
    }

    #[test]
    fn the_french_diagnostics_translate_every_english_one_with_its_variables() {
        let english = messages_of(DIAGNOSTICS_EN);
        let french = messages_of(DIAGNOSTICS_FR);
        assert_eq!(
            french.keys().collect::<Vec<_>>(),
            english.keys().collect::<Vec<_>>(),
            "every message of diagnostics.en.ftl, and no other"
        );
        for (id, variables) in &english {
            assert_eq!(&french[id], variables, "`{id}` keeps its variables");
        }
        let (_, problems) = Messages::build(
            "fr",
            &[MessageFile {
                origin: "diagnostics.fr.ftl".into(),
                text: DIAGNOSTICS_FR.into(),
            }],
            &[],
        );
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn every_diagnostic_message_exists_is_used_and_gets_its_variables() {
        let cli = messages_of(CLI_EN);
        let diagnostics = messages_of(DIAGNOSTICS_EN);
        let both: Vec<&String> = cli
            .keys()
            .filter(|id| diagnostics.contains_key(*id))
            .collect();
        assert!(
            both.is_empty(),
            "ids in both files (the second would hide the first): {both:?}"
        );
        let words = cli_messages();
        let texts = texts_in_source();
        assert!(
            texts.len() > 100,
            "the scan finds the text! calls: {}",
            texts.len()
        );
        let mut problems = Vec::new();
        let mut used = BTreeSet::new();
        for (file, id, args) in &texts {
            used.insert(id.clone());
            let Some(variables) = diagnostics.get(id).or_else(|| cli.get(id)) else {
                problems.push(format!("{file}: no message `{id}`"));
                continue;
            };
            if variables != args {
                problems.push(format!(
                    "{file}: `{id}` uses {variables:?} and is given {args:?}"
                ));
            }
            // Any value will do: a selector falls back on its default.
            let text = Text {
                id: leak(id),
                args: args.iter().map(|a| (leak(a), Arg::from("x"))).collect(),
            };
            if let Err(errors) = words.try_format(&text) {
                problems.push(format!("{file}: {errors:?}"));
            }
        }
        for id in diagnostics.keys().filter(|id| !used.contains(*id)) {
            problems.push(format!("`{id}` in diagnostics.en.ftl is never used"));
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// A scanned name as the `&'static str` a [`Text`] holds (a test leaks
    /// a few bytes).
    fn leak(name: &str) -> &'static str {
        Box::leak(name.to_string().into_boxed_str())
    }
}
