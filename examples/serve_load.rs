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
//! dropped; and many ordinary requests from several clients at once.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../tests/testsuite/support/served.rs"]
#[allow(dead_code, unreachable_pub)]
mod served;

/// The whole run ends by then, whatever the server does.
const RUN_LIMIT: Duration = Duration::from_secs(180);
/// No single read or write waits longer.
const IO_LIMIT: Duration = Duration::from_secs(10);
const SLOW_CONNECTIONS: usize = 1000;
const BIG_FILE: u64 = 512 * 1024 * 1024;
const ENDLESS_LINE: usize = 200 * 1024 * 1024;
const DROPPED_STREAMS: usize = 200;

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

    let server = served::Served::start(Path::new(cairn), &site, &[]);
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
    drop(server);
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
    println!(
        "  peak memory {} -> {} MiB",
        before / 1024,
        peak_kib(pid) / 1024
    );
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
    println!(
        "  peak memory {} -> {} MiB",
        before / 1024,
        peak_kib(pid) / 1024
    );
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

fn peak_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
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
