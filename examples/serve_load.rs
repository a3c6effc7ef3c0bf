//! Puts `cairn serve` under the loads an exposed preview server meets and
//! prints what it costs the server: its threads and memory (from /proc)
//! and how long a normal request takes meanwhile. Loopback only; every case
//! is bounded in time, and the whole run stops after [`RUN_LIMIT`].
//!
//! ```text
//! cargo run --release --example serve_load -- target/release/cairn SITE_DIR
//! ```
//!
//! SITE_DIR gets a large file under `static/` (sparse: it takes no room on
//! tmpfs): give it a scratch copy.
//!
//! The cases: a thousand connections that send half a request and wait; a
//! request line that never ends; three downloads of a large file at once,
//! and a `Range` request for its first bytes; event streams opened and
//! dropped; and many ordinary requests from several clients at once. Then
//! the second audit's: 2,100 held event streams; event streams that stop
//! reading while saves put 1 MB problems on them; 2,000 requests at once;
//! sixteen requests for search files that do not exist; and slow readers
//! of a 100 MB HTML page from `static/`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../tests/testsuite/support/served.rs"]
#[allow(dead_code, unreachable_pub)]
mod served;

/// The whole run ends by then, whatever the server does.
const RUN_LIMIT: Duration = Duration::from_secs(420);
/// No single read or write waits longer.
const IO_LIMIT: Duration = Duration::from_secs(10);
const SLOW_CONNECTIONS: usize = 1000;
const BIG_FILE: u64 = 512 * 1024 * 1024;
const ENDLESS_LINE: usize = 200 * 1024 * 1024;
const DROPPED_STREAMS: usize = 200;
const HELD_STREAMS: usize = 2_100;
const STALLED_STREAMS: usize = 20;
const SAVES: usize = 20;
const AT_ONCE: usize = 2_000;
const BIG_PAGE: usize = 100 << 20;
const SLOW_READERS: usize = 16;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [cairn, site] = args.as_slice() else {
        eprintln!("usage: serve_load CAIRN_BINARY SITE_DIR");
        std::process::exit(2);
    };
    let server_pid = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    {
        let server_pid = std::sync::Arc::clone(&server_pid);
        std::thread::spawn(move || {
            std::thread::sleep(RUN_LIMIT);
            eprintln!("serve_load: stopped after {RUN_LIMIT:?}");
            // exit() runs no destructor: stop the server here, or it stays.
            let pid = server_pid.load(std::sync::atomic::Ordering::SeqCst);
            if pid != 0 {
                let _ = std::process::Command::new("kill")
                    .arg(pid.to_string())
                    .status();
            }
            std::process::exit(1);
        });
    }
    let site = PathBuf::from(site);
    let static_dir = site.join("static");
    std::fs::create_dir_all(&static_dir).expect("mkdir static");
    let big = std::fs::File::create(static_dir.join("big.bin")).expect("create big file");
    big.set_len(BIG_FILE).expect("size big file");
    drop(big);
    let filler = "<p>Filler words for a very large page.</p>\n".repeat(BIG_PAGE / 42);
    std::fs::write(
        static_dir.join("big.html"),
        format!("<!doctype html><title>big</title>{filler}</body></html>\n"),
    )
    .expect("write big page");

    let mut server = served::Served::start(Path::new(cairn), &site, &[]);
    let port = server.port;
    let pid = server.pid();
    server_pid.store(pid, std::sync::atomic::Ordering::SeqCst);
    // The server is ready when it answers.
    latency(port, "/");
    report("at rest", pid, port);

    slow_connections(port, pid);
    endless_line(port, pid);
    big_downloads(port, pid);
    dropped_event_streams(port, pid);
    concurrent_requests(port, pid);
    println!("-- the second audit's cases");
    held_event_streams(port, pid);
    stalled_event_streams(&mut server, &site, pid);
    requests_at_once(port, pid);
    missing_search_files(port, pid);
    slow_page_readers(port, pid);
    drop(server);
}

/// Open a live-reload stream; `Some` while the server holds it open.
fn open_stream(port: u16) -> Option<TcpStream> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(IO_LIMIT)).ok()?;
    stream
        .write_all(b"GET /__cairn/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .ok()?;
    let mut first = [0; 12];
    stream.read_exact(&mut first).ok()?;
    (&first == b"HTTP/1.1 200").then_some(stream)
}

/// 2,100 event streams held open, more than the server's connection slots:
/// is a page still answered?
fn held_event_streams(port: u16, pid: u32) {
    let before = peak_kib(pid);
    let mut held = Vec::new();
    let mut refused = 0;
    // Opened from several threads: a server that takes every one keeps
    // the last waiting in its queue, which must not stall this run.
    let opened: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(move || {
                let mut mine = Vec::new();
                let mut no = 0;
                for _ in 0..HELD_STREAMS / 8 + 1 {
                    match open_stream(port) {
                        Some(stream) => mine.push(stream),
                        None => no += 1,
                    }
                }
                (mine, no)
            })
        })
        .collect();
    for thread in opened {
        let (mine, no) = thread.join().expect("streams");
        held.extend(mine);
        refused += no;
    }
    println!(
        "{} event streams asked for: {} held, {refused} refused",
        held.len() + refused,
        held.len()
    );
    match try_latency(port, "/") {
        Some(took) => println!("  GET / while they are held: {:.1} ms", ms(took)),
        None => println!("  GET / while they are held: no answer in {IO_LIMIT:?}"),
    }
    peak_since(before, pid);
    drop(held);
    std::thread::sleep(Duration::from_secs(2));
    report("  2 s after they closed", pid, port);
}

/// Event streams whose browsers stopped reading, while saves put a 1 MB
/// problem (an unknown key of that length) on each.
fn stalled_event_streams(server: &mut served::Served, site: &Path, pid: u32) {
    let port = server.port;
    // SERVE_LOAD_STALLED=0 measures what the saves alone cost.
    let streams = std::env::var("SERVE_LOAD_STALLED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(STALLED_STREAMS);
    let stalled: Vec<TcpStream> = (0..streams).filter_map(|_| open_stream(port)).collect();
    let file = std::fs::read_dir(site.join("content/workshops"))
        .expect("workshops")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("a workshop");
    let good = std::fs::read_to_string(&file).expect("read");
    let (rss, peak) = (rss_kib(pid), peak_kib(pid));
    let started = Instant::now();
    for save in 0..SAVES {
        let key = format!("{}{save}", "k".repeat(1 << 20));
        std::fs::write(
            &file,
            good.replacen("+++\n", &format!("+++\n{key} = 1\n"), 1),
        )
        .expect("write");
        server.wait_for_line(|l| l.starts_with("Kept the last good build"));
    }
    std::fs::write(&file, &good).expect("write");
    server.wait_for_line(|l| l.starts_with("Rebuilt in"));
    println!(
        "{} event streams that stopped reading, {SAVES} saves of a 1 MB problem in {:.1} s:",
        stalled.len(),
        started.elapsed().as_secs_f64()
    );
    println!(
        "  resident {} -> {} MiB, peak {} -> {} MiB",
        rss / 1024,
        rss_kib(pid) / 1024,
        peak / 1024,
        peak_kib(pid) / 1024
    );
    drop(stalled);
    report("  after", pid, port);
}

/// 2,000 requests for pages sent at once, then every answer read.
fn requests_at_once(port: u16, pid: u32) {
    let before = peak_kib(pid);
    let paths = [
        "/",
        "/levels/",
        "/workshops/",
        "/checklist/",
        "/catalogue.json",
    ];
    let started = Instant::now();
    let mut open = Vec::with_capacity(AT_ONCE);
    for n in 0..AT_ONCE {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
            break;
        };
        let _ = stream.set_read_timeout(Some(IO_LIMIT));
        let request = format!(
            "GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            paths[n % paths.len()]
        );
        if stream.write_all(request.as_bytes()).is_ok() {
            open.push(stream);
        }
    }
    let mut answered = 0;
    for mut stream in open {
        let mut body = Vec::new();
        if stream.read_to_end(&mut body).is_ok() && body.starts_with(b"HTTP/1.1 200") {
            answered += 1;
        }
    }
    println!(
        "{AT_ONCE} requests at once: {answered} answered 200 in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    peak_since(before, pid);
    report("  after", pid, port);
}

/// Sixteen requests at once for files of the search index that do not
/// exist, as any web page could send them.
fn missing_search_files(port: u16, pid: u32) {
    let before = peak_kib(pid);
    let started = Instant::now();
    let requests: Vec<_> = (0..16)
        .map(|n| {
            std::thread::spawn(move || {
                fetch(
                    port,
                    &format!("GET /pagefind/nothing-{n}.pf_fragment HTTP/1.1\r\n"),
                    u64::MAX,
                )
                .0
            })
        })
        .collect();
    let statuses: Vec<u16> = requests
        .into_iter()
        .map(|r| r.join().expect("request"))
        .collect();
    println!(
        "16 requests for missing search files: {:?} in {:.1} s",
        statuses.iter().collect::<std::collections::BTreeSet<_>>(),
        started.elapsed().as_secs_f64()
    );
    peak_since(before, pid);
    report("  after", pid, port);
}

/// Sixteen clients that ask for a 100 MB page from `static/` and read
/// 4 KiB of it.
fn slow_page_readers(port: u16, pid: u32) {
    let (rss, peak) = (rss_kib(pid), peak_kib(pid));
    let readers: Vec<TcpStream> = (0..SLOW_READERS)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
            stream.set_read_timeout(Some(IO_LIMIT)).ok()?;
            stream
                .write_all(b"GET /big.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .ok()?;
            let mut first = [0; 4096];
            stream.read_exact(&mut first).ok()?;
            Some(stream)
        })
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    println!(
        "{} slow readers of a {} MiB page: resident {} -> {} MiB, peak {} -> {} MiB",
        readers.len(),
        BIG_PAGE >> 20,
        rss / 1024,
        rss_kib(pid) / 1024,
        peak / 1024,
        peak_kib(pid) / 1024
    );
    drop(readers);
    report("  after", pid, port);
}

fn rss_kib(pid: u32) -> u64 {
    status_kib(pid, "VmRSS:")
}

/// How long one whole request takes, or `None` when it is not answered.
fn try_latency(port: u16, path: &str) -> Option<Duration> {
    let started = Instant::now();
    let (status, _, _) = fetch(port, &format!("GET {path} HTTP/1.1\r\n"), u64::MAX);
    (200..400).contains(&status).then(|| started.elapsed())
}

/// A thousand clients send half a request and wait, as a slow or hostile
/// client does; one ordinary request is timed while they hold on.
fn slow_connections(port: u16, pid: u32) {
    let mut held = Vec::with_capacity(SLOW_CONNECTIONS);
    for _ in 0..SLOW_CONNECTIONS {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(mut stream) => {
                let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                held.push(stream);
            }
            Err(_) => break,
        }
    }
    std::thread::sleep(Duration::from_secs(1));
    println!("{} slow connections held open:", held.len());
    report("  while held", pid, port);
    drop(held);
    std::thread::sleep(Duration::from_secs(1));
    report("  1 s after they closed", pid, port);
}

/// One client sends a request line that never ends, as fast as it can.
fn endless_line(port: u16, pid: u32) {
    let before = peak_kib(pid);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_write_timeout(Some(IO_LIMIT)).expect("timeout");
    let chunk = vec![b'a'; 64 * 1024];
    let _ = stream.write_all(b"GET /");
    let mut sent = 0;
    while sent < ENDLESS_LINE {
        if stream.write_all(&chunk).is_err() {
            break;
        }
        sent += chunk.len();
    }
    println!(
        "a request line that never ends: the server took {} MiB of it before {}",
        sent / (1024 * 1024),
        if sent < ENDLESS_LINE {
            "closing the connection"
        } else {
            "the client gave up"
        }
    );
    drop(stream);
    std::thread::sleep(Duration::from_millis(500));
    peak_since(before, pid);
    report("  after", pid, port);
}

/// Three downloads of the large file at once, then a `Range` request.
fn big_downloads(port: u16, pid: u32) {
    let before = peak_kib(pid);
    let started = Instant::now();
    let downloads: Vec<_> = (0..3)
        .map(|_| {
            std::thread::spawn(move || {
                let (status, _, length) = fetch(port, "GET /big.bin HTTP/1.1\r\n", u64::MAX);
                (status, length)
            })
        })
        .collect();
    let during = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        latency(port, "/")
    });
    let results: Vec<(u16, u64)> = downloads
        .into_iter()
        .map(|d| d.join().expect("download"))
        .collect();
    let during = during.join().expect("latency");
    println!(
        "3 downloads of a {} MiB file at once: {:?} in {:.1} s; / answered in {:.0} ms meanwhile",
        BIG_FILE / (1024 * 1024),
        results
            .iter()
            .map(|(s, l)| format!("{s}, {} MiB", l / (1024 * 1024)))
            .collect::<Vec<_>>(),
        started.elapsed().as_secs_f64(),
        ms(during)
    );
    peak_since(before, pid);
    let (status, head, length) = fetch(
        port,
        "GET /big.bin HTTP/1.1\r\nRange: bytes=0-99\r\n",
        64 * 1024,
    );
    let content_range = head
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("content-range:"))
        .unwrap_or("no Content-Range");
    println!(
        "  Range: bytes=0-99 -> {status}, {content_range}, {}",
        if length <= 100 {
            format!("{length} bytes")
        } else {
            "the whole file (read 64 KiB of it, then hung up)".to_string()
        }
    );
    report("  after", pid, port);
}

/// Browsers that open the live-reload stream and go away without a word.
fn dropped_event_streams(port: u16, pid: u32) {
    let mut streams = Vec::with_capacity(DROPPED_STREAMS);
    for _ in 0..DROPPED_STREAMS {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
            break;
        };
        let _ = stream.set_read_timeout(Some(IO_LIMIT));
        let _ = stream.write_all(b"GET /__cairn/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        let mut lines = BufReader::new(stream.try_clone().expect("clone")).lines();
        // Connected once the first event arrives.
        let _ = lines.find(|l| l.as_ref().is_ok_and(|l| l.starts_with("event:")));
        streams.push(stream);
    }
    println!("{} event streams:", streams.len());
    report("  open", pid, port);
    drop(streams);
    std::thread::sleep(Duration::from_secs(2));
    report("  2 s after they were dropped", pid, port);
}

/// Eight clients, fifty requests each, all at once.
fn concurrent_requests(port: u16, pid: u32) {
    let paths = [
        "/",
        "/levels/",
        "/workshops/",
        "/checklist/",
        "/catalogue.json",
    ];
    let clients: Vec<_> = (0..8)
        .map(|client| {
            std::thread::spawn(move || {
                (0..50)
                    .map(|n| latency(port, paths[(client + n) % paths.len()]))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut times: Vec<Duration> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("client"))
        .collect();
    times.sort();
    println!(
        "{} requests from 8 clients at once: median {:.1} ms, 95th percentile {:.1} ms, slowest {:.1} ms",
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1])
    );
    report("  after", pid, port);
}

/// Threads, memory now and at its peak, and the time of one request.
fn report(when: &str, pid: u32, port: u16) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().trim_end_matches(" kB").trim().to_string())
            .unwrap_or_else(|| "?".to_string())
    };
    let mib = |kib: String| kib.parse::<u64>().map_or(kib, |k| (k / 1024).to_string());
    println!(
        "{when}: {} threads, {} MiB resident (peak {} MiB); GET / in {:.1} ms",
        field("Threads:"),
        mib(field("VmRSS:")),
        mib(field("VmHWM:")),
        ms(latency(port, "/"))
    );
}

/// "  peak memory 59 -> 62 MiB": the peak before a case, and now.
fn peak_since(before_kib: u64, pid: u32) {
    println!(
        "  peak memory {} -> {} MiB",
        before_kib / 1024,
        peak_kib(pid) / 1024
    );
}

fn peak_kib(pid: u32) -> u64 {
    status_kib(pid, "VmHWM:")
}

/// A field of `/proc/PID/status` in KiB (`VmRSS:`, `VmHWM:`); 0 when gone.
fn status_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// How long one whole request takes, connection included.
fn latency(port: u16, path: &str) -> Duration {
    let started = Instant::now();
    let (status, _, _) = fetch(port, &format!("GET {path} HTTP/1.1\r\n"), u64::MAX);
    assert!((200..400).contains(&status), "GET {path} answered {status}");
    started.elapsed()
}

/// Send a request (its first lines given; Host and Connection: close
/// added), read at most `limit` bytes of the body, and return the status,
/// the head and how many body bytes came.
fn fetch(port: u16, request: &str, limit: u64) -> (u16, String, u64) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(IO_LIMIT)).expect("timeout");
    stream
        .write_all(format!("{request}Host: 127.0.0.1\r\nConnection: close\r\n\r\n").as_bytes())
        .expect("send");
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => head.push_str(&line),
        }
    }
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut buffer = vec![0; 1 << 20];
    let mut length = 0;
    while length < limit {
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => length += n as u64,
        }
    }
    (status, head, length)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
