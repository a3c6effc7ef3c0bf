//! The `cairn` command: parse arguments, call the library, print, exit.

use cairn::diagnostics::Diagnostics;
use cairn::{Failure, SiteOptions};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A static-site generator for training catalogues.
#[derive(Parser)]
#[command(version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Run every consistency rule and report all problems; writes nothing.
    Check {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
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
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let options = SiteOptions {
                root,
                base_url,
                drafts,
            };
            match cairn::build(&options, output.as_deref()) {
                Ok(report) => {
                    print_diagnostics(&report.warnings);
                    eprintln!(
                        "Built {} pages ({} files) in {:.2} s into {}",
                        report.stats.pages,
                        report.stats.files,
                        report.elapsed.as_secs_f64(),
                        report.output.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(failure) => report_failure(failure),
            }
        }
        Command::Check { root, drafts } => {
            let options = SiteOptions {
                root,
                base_url: None,
                drafts,
            };
            match cairn::check(&options) {
                Ok(warnings) => {
                    print_diagnostics(&warnings);
                    eprintln!("{}", summary(&warnings));
                    ExitCode::SUCCESS
                }
                Err(failure) => report_failure(failure),
            }
        }
    }
}

fn report_failure(failure: Failure) -> ExitCode {
    match failure {
        Failure::CannotRun(diagnostic) => {
            eprint!("{}", diagnostic.render_human());
            ExitCode::from(2)
        }
        Failure::Invalid(diagnostics) => {
            print_diagnostics(&diagnostics);
            eprintln!("{}", summary(&diagnostics));
            ExitCode::from(1)
        }
    }
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    for diagnostic in &diagnostics.0 {
        eprintln!("{}", diagnostic.render_human());
    }
}

fn summary(diagnostics: &Diagnostics) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (errors, warnings) = (diagnostics.error_count(), diagnostics.warning_count());
    if errors > 0 {
        format!(
            "error: found {} and {}; nothing was written",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    } else {
        format!("ok: no errors, {}", plural(warnings, "warning"))
    }
}
