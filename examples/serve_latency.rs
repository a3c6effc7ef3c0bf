//! Measures `cairn serve`'s latency from a file's save to the browser's
//! reload event: starts the server on a copy of a site, listens to its
//! event stream as a browser would, saves a content file N times and
//! reports the median, fastest and slowest save-to-reload times.
//!
//! ```text
//! cargo run --release --example serve_latency -- target/release/cairn SITE_DIR [SAVES]
//! ```
//!
//! SITE_DIR is edited (one Markdown file gets a line appended per save):
//! give it a scratch copy.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../tests/testsuite/support/served.rs"]
#[allow(dead_code, unreachable_pub)]
mod served;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [cairn, site, rest @ ..] = args.as_slice() else {
        eprintln!("usage: serve_latency CAIRN_BINARY SITE_DIR [SAVES]");
        std::process::exit(2);
    };
    let saves: usize = rest.first().and_then(|s| s.parse().ok()).unwrap_or(15);
    let site = PathBuf::from(site);
    let page = first_markdown(&site.join("content")).unwrap_or_else(|| {
        eprintln!("no Markdown file under {}/content", site.display());
        std::process::exit(2);
    });

    let server = served::Served::start(Path::new(cairn), &site, &[]);
    let port = server.port;

    let mut events = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    events
        .write_all(b"GET /__cairn/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("subscribe");
    let mut events = BufReader::new(events).lines();
    wait_for(&mut events, "event: ready");

    let original = std::fs::read_to_string(&page).expect("read page");
    let mut timings = Vec::with_capacity(saves);
    for save in 0..saves {
        std::thread::sleep(Duration::from_millis(300));
        let text = format!("{original}\nEdit number {save}.\n");
        std::fs::write(&page, text).expect("save");
        let saved = Instant::now();
        wait_for(&mut events, "event: reload");
        timings.push(saved.elapsed());
    }
    std::fs::write(&page, original).expect("restore");
    drop(server);

    timings.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} saves: median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms",
        timings.len(),
        ms(timings[timings.len() / 2]),
        ms(timings[0]),
        ms(timings[timings.len() - 1])
    );
}

fn wait_for(lines: &mut impl Iterator<Item = std::io::Result<String>>, wanted: &str) {
    for line in lines.by_ref() {
        match line {
            Ok(line) if line == wanted => return,
            Ok(line) if line == "event: problems" => {
                panic!("the site has errors: fix them before measuring")
            }
            Ok(_) => {}
            Err(err) => panic!("event stream: {err}"),
        }
    }
    panic!("the event stream ended");
}

fn first_markdown(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in &entries {
        if path.extension().is_some_and(|x| x == "md") && !path.ends_with("_index.md") {
            return Some(path.clone());
        }
    }
    entries
        .iter()
        .filter(|p| p.is_dir())
        .find_map(|p| first_markdown(p))
}
