//! The `cairn` command: parse arguments, call the library, print, exit.
//!
//! Exit codes: 0 success, 1 the site has errors (or warnings under
//! `--deny-warnings`), 2 cairn could not run (bad arguments, no site.toml,
//! an output folder it must not touch).

use cairn::content::Date;
use cairn::diagnostics::{Diagnostic, Diagnostics, Format};
use cairn::messages::Messages;
use cairn::report::{self, Ending};
use cairn::{Failure, SiteOptions};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A static-site generator for training catalogues.
#[derive(Parser)]
#[command(version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The day cairn judges on, YYYY-MM-DD: which offerings are past, and
    /// what has lapsed (`valid_for`) [default: CAIRN_TODAY, else the day of
    /// SOURCE_DATE_EPOCH, else today in UTC].
    #[arg(long, global = true, value_name = "DATE", value_parser = day)]
    today: Option<Date>,
}

#[derive(Subcommand)]
enum Command {
    /// Check the catalogue, render it, and write the site atomically.
    Build {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: site.toml's output_dir, "public"].
        #[arg(long)]
        output: Option<PathBuf>,
        /// The address the site is published at, replacing site.toml's base_url.
        #[arg(long, value_parser = http_address)]
        base_url: Option<String>,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Run every consistency rule and render every page in memory; writes nothing.
    Check {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Judge a person's record against every level, as the checklist does.
    Eligibility {
        /// The record: a TOML file with `completed = [...]`, `[measures]` and `[dates]`.
        #[arg(long)]
        profile: PathBuf,
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print the verdicts.
        #[arg(long, value_enum, default_value_t = VerdictFormat::Human)]
        format: VerdictFormat,
        /// The language of the verdicts' words [default: site.toml's language].
        #[arg(long)]
        lang: Option<String>,
        /// Also print a plan toward this level or credential: the fewest
        /// things left to do, in prerequisite order.
        #[arg(long, value_name = "ID")]
        goal: Option<String>,
    },
    /// Say what a change means for candidates: rules stricter or looser,
    /// entities and offerings added, removed or changed.
    ///
    /// Compare two site folders (`cairn diff OLD NEW`), or the site with
    /// itself at an older Git revision (`cairn diff --base main`).
    Diff {
        /// The older site folder.
        #[arg(required_unless_present = "base", conflicts_with_all = ["base", "root"])]
        old: Option<PathBuf>,
        /// The newer site folder.
        #[arg(requires = "old")]
        new: Option<PathBuf>,
        /// Compare with this Git revision of the site (a branch, tag or commit).
        #[arg(long, value_name = "REV")]
        base: Option<String>,
        /// With --base: the site folder, holding site.toml.
        #[arg(long)]
        root: Option<PathBuf>,
        /// How to print the changes.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
        /// Fail (exit 1) when a rule becomes stricter for anyone, or cannot be decided.
        #[arg(long)]
        fail_on_stricter: bool,
    },
    /// List every page's translations by language (current, stale, not
    /// marked, missing), or record translations as current.
    Translations {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Record these translation files as made from their originals'
        /// current words (after a review), instead of listing.
        #[arg(long, value_name = "FILE", num_args = 1..)]
        mark_current: Vec<PathBuf>,
    },
    /// Write a small, valid starter catalogue to edit into a new folder.
    Init {
        /// The folder to create (it must be new or empty).
        dir: PathBuf,
    },
    /// Build into memory, serve the site, and rebuild and reload the browser on every save.
    Serve {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on; the default keeps the preview to this computer.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum VerdictFormat {
    /// A line per level on stdout, for people.
    Human,
    /// `{"levels": [{"id", "can_start", "complete", "missing", "left"}], "credentials": [{"id", "state"}], "plan"}` on stdout (`plan` with --goal), for tools.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    /// Sections of lines on stdout, for people.
    Human,
    /// Markdown on stdout, for a pull request or $GITHUB_STEP_SUMMARY.
    Markdown,
    /// One JSON object on stdout, for tools.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// rustc-style text on stderr, for people.
    Human,
    /// A JSON array on stdout, for tools.
    Json,
    /// GitHub Actions annotations on stdout.
    Github,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // Like other command-line tools, end quietly when the reader of our
    // output goes away (`cairn eligibility … | head`), instead of panicking
    // on the failed print. Not for `serve`, which must outlive a browser
    // that closes its connection.
    #[cfg(unix)]
    if !matches!(cli.command, Command::Serve { .. }) {
        // SAFETY: restoring the default action for SIGPIPE before any other
        // thread exists; no handler of ours is replaced.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
    // After SIGPIPE's default is back: rayon starts its threads here.
    cairn::configure_threads();
    // The language cairn speaks in: its own words and its diagnostics'.
    let words = report::cli_messages_spoken();
    let human = Printer::human(&words);
    let today = match build_day(cli.today) {
        Ok(today) => today,
        Err(diagnostic) => {
            return report(&Diagnostics(vec![diagnostic]), &human, Outcome::CannotRun);
        }
    };
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let options = SiteOptions::new(root, today)
                .base_url(base_url)
                .drafts(drafts);
            match cairn::build(&options, output.as_deref()) {
                Ok(build) => {
                    print(&build.warnings, &human);
                    eprintln!(
                        "{}",
                        report::build_done(
                            &words,
                            build.stats.pages,
                            build.stats.files,
                            build.elapsed.as_secs_f64(),
                            &build.output.display().to_string(),
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(failure) => fail(failure, &human, Outcome::NotWritten),
            }
        }
        Command::Eligibility {
            profile,
            root,
            format,
            lang,
            goal,
        } => {
            let options = SiteOptions::new(root, today).language(lang);
            match cairn::eligibility(&options, &profile, goal.as_deref()) {
                Ok(judged) => {
                    match format {
                        VerdictFormat::Json => println!("{}", judged.json()),
                        VerdictFormat::Human => print!("{}", judged.report()),
                    }
                    ExitCode::SUCCESS
                }
                // What stops it, never the catalogue's warnings, which are
                // `cairn check`'s to show (docs/checklist.md, section 6).
                Err(Failure::Invalid(mut diagnostics)) => {
                    diagnostics.0.retain(Diagnostic::is_error);
                    fail(Failure::Invalid(diagnostics), &human, Outcome::Checked)
                }
                Err(failure) => fail(failure, &human, Outcome::Checked),
            }
        }
        Command::Diff {
            old,
            new,
            base,
            root,
            format,
            fail_on_stricter,
        } => diff(
            DiffArgs {
                old,
                new,
                base,
                root,
                format,
                fail_on_stricter,
            },
            today,
            &human,
        ),
        Command::Translations { root, mark_current } => {
            translations(root, &mark_current, today, &human)
        }
        Command::Init { dir } => match cairn::init::init(&dir) {
            Ok(files) => {
                let folder = dir.display().to_string();
                eprintln!("{}", report::init_done(&words, files, &folder));
                ExitCode::SUCCESS
            }
            Err(diagnostic) => report(&Diagnostics(vec![diagnostic]), &human, Outcome::CannotRun),
        },
        Command::Serve {
            root,
            bind,
            port,
            open,
            drafts,
        } => {
            let site = SiteOptions::new(root, today).drafts(drafts);
            match cairn::serve::serve(cairn::serve::ServeOptions {
                site,
                bind,
                port,
                open,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(failure) => fail(failure, &human, Outcome::Checked),
            }
        }
        Command::Check {
            root,
            format,
            deny_warnings,
            drafts,
        } => {
            let printer = Printer {
                format: Format::from(format),
                github_prefix: repository_prefix(&root),
                words: &words,
            };
            let options = SiteOptions::new(root, today).drafts(drafts);
            match cairn::check(&options) {
                Ok(warnings) if deny_warnings && !warnings.is_empty() => {
                    report(&warnings, &printer, Outcome::DeniedWarnings)
                }
                Ok(warnings) => report(&warnings, &printer, Outcome::Checked),
                Err(failure) => fail(failure, &printer, Outcome::Checked),
            }
        }
    }
}

/// `cairn translations`: list, or mark current.
fn translations(root: PathBuf, mark: &[PathBuf], today: Date, human: &Printer<'_>) -> ExitCode {
    let options = SiteOptions::new(root, today);
    let resolved = match cairn::resolve(&options) {
        Ok(resolved) => resolved,
        Err(failure) => return fail(failure, human, Outcome::Checked),
    };
    let words = human.words;
    if !mark.is_empty() {
        return match cairn::mark_translations_current(&options, &resolved, mark) {
            Ok(files) => {
                for file in files {
                    println!(
                        "{}",
                        words.text("translations_marked", &[("file", file.into())])
                    );
                }
                ExitCode::SUCCESS
            }
            Err(failure) => fail(failure, human, Outcome::Checked),
        };
    }
    let states = cairn::translation_states(&resolved);
    if states.is_empty() {
        println!("{}", words.text("translations_none", &[]));
        return ExitCode::SUCCESS;
    }
    let mut languages: Vec<&str> = states.iter().map(|(lang, _, _)| lang.as_str()).collect();
    languages.dedup();
    for lang in languages {
        let mine: Vec<&(String, String, cairn::TranslationState)> =
            states.iter().filter(|(l, _, _)| l == lang).collect();
        let count =
            |state: cairn::TranslationState| mine.iter().filter(|(_, _, s)| *s == state).count();
        use cairn::TranslationState as S;
        println!(
            "{}",
            words.text(
                "translations_summary",
                &[
                    ("lang", lang.into()),
                    ("current", count(S::Current).into()),
                    ("stale", count(S::Stale).into()),
                    ("unmarked", count(S::Unmarked).into()),
                    ("missing", count(S::Missing).into()),
                ]
            )
        );
        for (_, file, state) in mine {
            println!(
                "  {}",
                words.text(
                    "translations_line",
                    &[
                        ("state", state.name().into()),
                        ("file", file.as_str().into())
                    ]
                )
            );
        }
    }
    ExitCode::SUCCESS
}

struct DiffArgs {
    old: Option<PathBuf>,
    new: Option<PathBuf>,
    base: Option<String>,
    root: Option<PathBuf>,
    format: DiffFormat,
    fail_on_stricter: bool,
}

/// `cairn diff`: compare, print, and fail when asked to on a stricter rule.
fn diff(args: DiffArgs, today: Date, human: &Printer<'_>) -> ExitCode {
    let site = |root: PathBuf| SiteOptions::new(root, today);
    // With --base, the older side is read from Git into a scratch folder
    // that lives until the comparison is printed.
    let (old, new, _scratch) = match (args.old, args.new, &args.base) {
        (Some(old), Some(new), _) => (old, new, None),
        (_, _, Some(revision)) => {
            let root = args.root.unwrap_or_else(|| PathBuf::from("."));
            match cairn::diff::git::checkout(&root, revision) {
                Ok(scratch) => (scratch.path().to_path_buf(), root, Some(scratch)),
                Err(diagnostic) => {
                    return report(&Diagnostics(vec![diagnostic]), human, Outcome::CannotRun);
                }
            }
        }
        _ => {
            let diagnostic = Diagnostic::error(
                cairn::diagnostics::Code::Output,
                cairn::text!("diff_needs_two"),
            )
            .with_help(cairn::text!("diff_needs_two_help"));
            return report(&Diagnostics(vec![diagnostic]), human, Outcome::CannotRun);
        }
    };
    let compared = match cairn::compare(&site(old), &site(new)) {
        Ok(compared) => compared,
        Err((side, failure)) => {
            let which = match (side, &args.base) {
                (cairn::Before::Old, Some(revision)) => human.words.text(
                    "diff_side_revision",
                    &[("revision", revision.as_str().into())],
                ),
                (cairn::Before::Old, None) => human.words.text("diff_side_old", &[]),
                (cairn::Before::New, _) => human.words.text("diff_side_new", &[]),
            };
            eprintln!("{which}");
            return fail(failure, human, Outcome::Checked);
        }
    };
    let cli = report::cli_messages_in(compared.new.theme.messages.lang());
    let told = compared.told(&cli);
    match args.format {
        DiffFormat::Human => print!("{}", told.human()),
        DiffFormat::Markdown => print!("{}", told.markdown()),
        DiffFormat::Json => println!("{}", told.json()),
    }
    if args.fail_on_stricter && compared.diff.needs_sign_off() {
        eprintln!("{}", human.words.text("diff_needs_sign_off", &[]));
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// How a run ended, for the closing line and the exit code.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Checked,
    DeniedWarnings,
    NotWritten,
    CannotRun,
}

/// Report a failed run: "could not run" (exit 2), or the site's problems
/// with the closing line of `invalid`.
fn fail(failure: Failure, printer: &Printer<'_>, invalid: Outcome) -> ExitCode {
    match failure {
        Failure::CannotRun(diagnostic) => {
            report(&Diagnostics(vec![diagnostic]), printer, Outcome::CannotRun)
        }
        Failure::Invalid(diagnostics) => report(&diagnostics, printer, invalid),
    }
}

/// Print every diagnostic, then one closing line; pick the exit code.
fn report(diagnostics: &Diagnostics, printer: &Printer<'_>, outcome: Outcome) -> ExitCode {
    print(diagnostics, printer);
    let (errors, warnings) = (diagnostics.error_count(), diagnostics.warning_count());
    let ending = match outcome {
        Outcome::CannotRun => return ExitCode::from(2),
        Outcome::NotWritten => Ending::NotWritten,
        Outcome::DeniedWarnings => Ending::DeniedWarnings,
        Outcome::Checked => Ending::Checked,
    };
    eprintln!(
        "{}",
        report::closing_line(printer.words, ending, errors, warnings)
    );
    if ending == Ending::Checked && errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print(diagnostics: &Diagnostics, printer: &Printer<'_>) {
    let words = printer.words;
    let diagnostics = &diagnostics.shown();
    match printer.format {
        Format::Human => eprint!("{}", report::human(diagnostics, words, use_color())),
        Format::Json => {
            let array: Vec<_> = diagnostics.0.iter().map(|d| d.to_json(words)).collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&array).unwrap_or_else(|_| "[]".into())
            );
        }
        Format::Github => {
            for diagnostic in &diagnostics.0 {
                print!(
                    "{}",
                    diagnostic.render_github(&printer.github_prefix, words)
                );
            }
        }
    }
}

/// `--base-url` must be a full http(s) address: a bad one is a bad argument (exit 2).
fn http_address(text: &str) -> Result<String, String> {
    if cairn::config::site_address(text).is_some() {
        Ok(text.to_string())
    } else {
        Err(report::cli_messages_spoken().text("arg_not_an_address", &[("value", text.into())]))
    }
}

/// How diagnostics are printed, and in which words.
struct Printer<'a> {
    format: Format,
    /// For `--format github`: the site's folder within the repository.
    github_prefix: String,
    words: &'a Messages,
}

impl Printer<'_> {
    fn human(words: &Messages) -> Printer<'_> {
        Printer {
            format: Format::Human,
            github_prefix: String::new(),
            words,
        }
    }
}

/// The site's folder as GitHub names it: relative to the working directory
/// (the repository's root in a workflow), with a trailing slash, or "".
fn repository_prefix(root: &Path) -> String {
    let here = std::env::current_dir().and_then(|d| d.canonicalize());
    let site = root.canonicalize();
    let relative = match (&here, &site) {
        (Ok(here), Ok(site)) => site
            .strip_prefix(here)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| root.to_path_buf()),
        _ => root.to_path_buf(),
    };
    let text = relative.to_string_lossy().replace('\\', "/");
    let text = text.trim_start_matches("./").trim_end_matches('/');
    if text.is_empty() || text == "." {
        String::new()
    } else {
        format!("{text}/")
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// `--today`'s value.
fn day(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| {
        report::cli_messages_spoken().text("arg_not_a_date", &[("value", text.into())])
    })
}

/// The build day, which decides what is past: `--today`, else
/// `CAIRN_TODAY=YYYY-MM-DD`, else the day of `SOURCE_DATE_EPOCH` (the
/// reproducible-builds convention), else today in UTC. A build is then
/// reproducible on any day.
fn build_day(flag: Option<Date>) -> Result<Date, Diagnostic> {
    if let Some(day) = flag {
        return Ok(day);
    }
    let invalid = |name: &str, message: cairn::messages::Text| {
        Diagnostic::error(cairn::diagnostics::Code::InvalidConfig, message)
            .with_help(cairn::text!("build_day_help", name = name))
    };
    if let Ok(text) = std::env::var("CAIRN_TODAY") {
        return Date::parse(&text).ok_or_else(|| {
            let name = "CAIRN_TODAY";
            invalid(
                name,
                cairn::text!("build_day_not_a_date", name = name, value = &text),
            )
        });
    }
    if let Ok(text) = std::env::var("SOURCE_DATE_EPOCH") {
        // Up to the last second of the year 9999.
        let day = text
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|seconds| (0..=253_402_300_799).contains(seconds))
            .and_then(Date::from_unix_seconds);
        return match day {
            Some(day) => Ok(day),
            None => {
                let name = "SOURCE_DATE_EPOCH";
                let message = cairn::text!("build_day_not_seconds", name = name, value = &text);
                Err(invalid(name, message))
            }
        };
    }
    Ok(Date::today_utc())
}
