//! Writes a synthetic catalogue for benchmarks: N workshops spread over
//! levels of several pathways, with realistic Markdown, cross-links,
//! offerings and requirement expressions.
//!
//! ```text
//! cargo run --release --example synth -- OUTPUT_DIR WORKSHOPS [OFFERINGS] [fr]
//! ```
//!
//! With `fr`, the site is in English and French: every content file gets
//! a translation beside it (`name.fr.md`, its title and summary marked,
//! its body of the same length), as issue 9's budget is measured.
//!
//! The output is deterministic (a fixed-seed generator), so benchmark runs
//! compare like with like.

#[path = "../tests/testsuite/support/synth.rs"]
#[allow(dead_code, unreachable_pub)]
mod synth;

use std::path::Path;
use synth::{translate, write_catalogue};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(out), Some(count)) = (args.next(), args.next()) else {
        eprintln!("usage: synth OUTPUT_DIR WORKSHOPS [OFFERINGS_PER_WORKSHOP]");
        std::process::exit(2);
    };
    // Without it, 0, 1 or 2 offerings by turns (1 on average), as the
    // figures of docs/performance.md were measured.
    let offerings: Option<usize> = args.next().map(|n| {
        n.parse().unwrap_or_else(|_| {
            eprintln!("OFFERINGS_PER_WORKSHOP must be a number, got {n:?}");
            std::process::exit(2);
        })
    });
    let workshops: usize = count.parse().unwrap_or_else(|_| {
        eprintln!("WORKSHOPS must be a number, got {count:?}");
        std::process::exit(2);
    });
    let french = args.next().as_deref() == Some("fr");
    let written = write_catalogue(Path::new(&out), workshops, offerings).and_then(|()| {
        if french {
            translate(Path::new(&out))
        } else {
            Ok(())
        }
    });
    if let Err(err) = written {
        eprintln!("cannot write the catalogue: {err}");
        std::process::exit(1);
    }
}
