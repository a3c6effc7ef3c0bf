//! `cairn serve` against what the second outside audit threw at it: pages
//! on other sites reaching the preview (DNS rebinding), clients that stop
//! reading or hold every stream, requests that would rebuild the search
//! index each time, large static pages, and Range requests read as RFC
//! 9110 says. Each case failed before its fix, through the real binary on
//! loopback.

use crate::serve::{get, header, raw_request};
use crate::support::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// A field of `/proc/PID/status` in kB (`VmRSS`, `VmHWM`).
fn memory_kb(pid: u32, field: &str) -> u64 {
    read(std::path::Path::new(&format!("/proc/{pid}/status")))
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{field} of {pid}"))
}

/// CPU time a process has used, in clock ticks (user + system).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = read(std::path::Path::new(&format!("/proc/{pid}/stat")));
    // The fields after the command name, which is in parentheses.
    let after = stat.rsplit_once(") ").map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap_or(0) + fields[12].parse::<u64>().unwrap_or(0)
}

/// A connection to `port` whose receive buffer was made small before
/// connecting (4 KiB asked; the kernel doubles it): what the server sends
/// a client that does not read piles up on its side, not in this one's
/// kernel, whatever this machine's default buffer sizes.
fn small_window(port: u16) -> TcpStream {
    use std::os::fd::FromRawFd;
    // SAFETY: plain socket calls on a descriptor this function owns until
    // it hands it to TcpStream, which then closes it.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        assert!(fd >= 0, "socket");
        let size: libc::c_int = 4096;
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            std::ptr::from_ref(&size).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
        let address = libc::sockaddr_in {
            sin_family: libc::AF_INET as libc::sa_family_t,
            sin_port: port.to_be(),
            sin_addr: libc::in_addr {
                s_addr: u32::from_ne_bytes([127, 0, 0, 1]),
            },
            sin_zero: [0; 8],
        };
        let connected = libc::connect(
            fd,
            std::ptr::from_ref(&address).cast(),
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        );
        assert_eq!(connected, 0, "connect");
        TcpStream::from_raw_fd(fd)
    }
}

fn get_with_host(serve: &Served, host: &str) -> (u16, String) {
    let (status, _, body) = raw_request(
        serve.port,
        &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    );
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[test]
fn only_this_computer_s_names_are_answered() {
    let site = SiteTest::fixture("small");
    let serve = serve(site.root(), &[]);
    let port = serve.port;
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".to_string(),
        format!("[::1]:{port}"),
        format!("127.0.0.2:{port}"),
        format!("preview.localhost:{port}"),
    ] {
        assert_eq!(get_with_host(&serve, &host).0, 200, "{host}");
    }
    for host in [
        format!("attacker.example:{port}"),
        "rebind.attacker.example".to_string(),
        format!("192.168.1.5:{port}"),
        format!("localhost.attacker.example:{port}"),
    ] {
        let (status, body) = get_with_host(&serve, &host);
        assert_eq!(status, 403, "{host}");
        assert!(
            body.contains("This preview answers only at this computer's own addresses")
                && body.contains(&format!("not at “{host}”"))
                && body.contains(&format!("Open http://127.0.0.1:{port}/ instead")),
            "{host}: {body}"
        );
    }
    // Drafts too: nothing of the site is in a refused answer.
    let (_, body) = get_with_host(&serve, "attacker.example");
    assert!(!body.contains("<html"), "{body}");
}

#[test]
fn the_address_serve_is_bound_to_is_answered_and_every_address_when_bound_to_all() {
    let site = SiteTest::fixture("small");
    let serve = serve(site.root(), &["--bind", "0.0.0.0"]);
    assert_eq!(get_with_host(&serve, "192.168.1.5:1111").0, 200);
    assert_eq!(get_with_host(&serve, "attacker.example").0, 403);
}

/// A live-reload stream whose browser stops reading holds the latest
/// event only, never a queue that grows with every save: after six saves
/// that each put a 1 MB problem on the stream, a client that reads again
/// gets what the sockets held and the latest, not all six (it got all six
/// before, each held in memory meanwhile).
#[test]
fn a_live_reload_stream_that_stops_reading_holds_no_growing_queue() {
    let site = SiteTest::fixture("small");
    let knots = "content/workshops/knots.md";
    let good = site.read(knots);
    let mut serve = serve(site.root(), &[]);
    let mut stalled = small_window(serve.port);
    stalled.set_read_timeout(Some(WAIT)).expect("timeout");
    stalled
        .write_all(b"GET /__cairn/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("send");
    let mut seen = Vec::new();
    let mut buffer = [0; 4096];
    while !String::from_utf8_lossy(&seen).contains("event: ready") {
        let got = stalled.read(&mut buffer).expect("read");
        seen.extend_from_slice(&buffer[..got]);
    }
    const SAVES: usize = 6;
    let started = Instant::now();
    for save in 0..SAVES {
        // An unknown key of 1 MB: the problems event carries it.
        let key = format!("{}{save}", "k".repeat(1 << 20));
        site.file(
            knots,
            good.replacen("+++\n", &format!("+++\n{key} = 1\n"), 1),
        );
        serve.wait_for_line(|l| l.starts_with("Kept the last good build"));
    }
    site.file(knots, &good);
    serve.wait_for_line(|l| l.starts_with("Rebuilt in"));
    let mut received = Vec::new();
    // The last event the stream sends (in chunked framing).
    let last_event = |received: &[u8]| {
        let text = String::from_utf8_lossy(received);
        text.rsplit_once("event: ")
            .map(|(_, last)| last.lines().next().unwrap_or_default().to_string())
    };
    while last_event(&received).as_deref() != Some("reload") {
        let mut chunk = vec![0; 1 << 20];
        match stalled.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(got) => received.extend_from_slice(&chunk[..got]),
        }
    }
    // A client that took nothing for 30 s is dropped instead (a slow
    // machine may take that long over the six saves): either way, nothing
    // piled up for it.
    let dropped = last_event(&received).as_deref() != Some("reload");
    assert!(
        !dropped || started.elapsed() > Duration::from_secs(30),
        "the latest event, the reload, comes last"
    );
    let problems = received
        .windows(15)
        .filter(|w| w == b"event: problems")
        .count();
    assert!(
        problems < SAVES,
        "{problems} of {SAVES} problems events were kept for a client that did not read"
    );
}

/// Live-reload streams have places of their own, fewer than connections:
/// past them a stream is refused (503, and the connection closed), and
/// pages are still answered however many streams are held.
#[test]
fn held_live_reload_streams_never_lock_out_pages() {
    let site = SiteTest::fixture("small");
    let serve = serve(site.root(), &[]);
    let mut held = Vec::new();
    let mut refused = 0;
    for _ in 0..540 {
        let mut stream = TcpStream::connect(("127.0.0.1", serve.port)).expect("connect");
        stream
            .write_all(b"GET /__cairn/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .expect("send");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        let mut first = [0; 12];
        stream.read_exact(&mut first).expect("a status line");
        match &first {
            b"HTTP/1.1 200" => held.push(stream),
            b"HTTP/1.1 503" => {
                refused += 1;
                let mut rest = String::new();
                let _ = stream.read_to_string(&mut rest);
                assert!(
                    rest.contains("Too many live-reload connections are open (512)"),
                    "{rest}"
                );
            }
            other => panic!("{}", String::from_utf8_lossy(other)),
        }
    }
    assert_eq!((held.len(), refused), (512, 28));
    let started = Instant::now();
    assert_eq!(get(&serve, "/levels/pilot/").0, 200);
    assert!(started.elapsed() < WAIT);
}

/// A name the search index does not have is a 404 from the index already
/// built: the index is built once per change, however many requests
/// come, never once per request.
#[test]
fn missing_search_files_never_rebuild_the_index() {
    let site = SiteTest::bundled();
    let serve = serve(site.root(), &[]);
    let pid = serve.pid();
    let at_rest = cpu_ticks(pid);
    let (status, _) = get(&serve, "/pagefind/pagefind-entry.json");
    assert_eq!(status, 200);
    let one_build = cpu_ticks(pid) - at_rest;
    let before = cpu_ticks(pid);
    let threads: Vec<_> = (0..16)
        .map(|i| {
            let port = serve.port;
            std::thread::spawn(move || {
                raw_request(
                    port,
                    &format!(
                        "GET /pagefind/nothing-{i}.pf_fragment HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    ),
                )
                .0
            })
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().expect("request"), 404);
    }
    let sixteen_missing = cpu_ticks(pid) - before;
    // Sixteen builds would cost sixteen times one; answers from the index
    // already built cost next to nothing (a tick is 10 ms).
    assert!(
        sixteen_missing < 4 * one_build.max(3),
        "16 missing names cost {sixteen_missing} ticks; building the index cost {one_build}"
    );
}

/// An HTML file from `static/` is streamed with the live-reload script put
/// in on the way: slow readers of a large page do not each cost its size.
#[test]
fn large_static_pages_are_streamed_with_the_live_script() {
    let site = SiteTest::fixture("small");
    site.file(
        "static/pages/small.html",
        "<!doctype html><title>t</title><p>Hello</p></body></html>\n",
    );
    let filler = "<p>Filler words for a very large page.</p>\n".repeat(100 << 20 >> 6);
    let big = format!("<!doctype html><title>big</title>{filler}</body></html>\n");
    site.file("static/pages/big.html", &big);
    let serve = serve(site.root(), &[]);

    let (status, head, body) = raw_request(
        serve.port,
        "GET /pages/small.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 200);
    let body = String::from_utf8(body).expect("utf-8");
    assert_eq!(
        body,
        "<!doctype html><title>t</title><p>Hello</p><script src=\"/__cairn/live.js\" defer></script></body></html>\n"
    );
    assert_eq!(
        header(&head, "Content-Length"),
        Some(body.len().to_string().as_str())
    );

    let before = memory_kb(serve.pid(), "VmRSS");
    let slow: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", serve.port)).expect("connect");
            stream
                .write_all(b"GET /pages/big.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .expect("send");
            let mut first = [0; 4096];
            stream.read_exact(&mut first).expect("the first bytes");
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let grown_mb = memory_kb(serve.pid(), "VmRSS").saturating_sub(before) / 1024;
    assert!(
        grown_mb < 100,
        "8 slow readers of a {} MB page grew the server by {grown_mb} MB",
        big.len() >> 20
    );
    drop(slow);

    // Read whole, it is the page with the script before `</body>`.
    let (status, head, body) = raw_request(
        serve.port,
        "GET /pages/big.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 200);
    let tag = "<script src=\"/__cairn/live.js\" defer></script>";
    assert_eq!(body.len(), big.len() + tag.len());
    assert_eq!(
        header(&head, "Content-Length"),
        Some(body.len().to_string().as_str())
    );
    assert!(body.ends_with(format!("{tag}</body></html>\n").as_bytes()));
}

/// Range requests as RFC 9110 §13.1.5 and §14 say: a stale `If-Range` gets
/// the whole file, a unit other than bytes is ignored, and a request for
/// several ranges may be (and is) answered with the whole file.
#[test]
fn ranges_follow_rfc_9110() {
    let site = SiteTest::fixture("small");
    let movie: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
    site.file("static/media/clip.mp4", &movie);
    let serve = serve(site.root(), &[]);
    let get_with = |headers: &str| {
        raw_request(
            serve.port,
            &format!(
                "GET /media/clip.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}\r\n"
            ),
        )
    };
    let (_, head, _) = get_with("");
    let etag = header(&head, "ETag").expect("ETag").to_string();
    let modified = header(&head, "Last-Modified").expect("date").to_string();

    for validator in [etag.as_str(), modified.as_str()] {
        let (status, _, body) =
            get_with(&format!("Range: bytes=10-19\r\nIf-Range: {validator}\r\n"));
        assert_eq!(status, 206, "a current validator: {validator}");
        assert_eq!(body, movie[10..20]);
    }
    for stale in [
        "\"an-older-version\"",
        "Tue, 01 Jan 2019 00:00:00 GMT",
        &format!("W/{etag}"),
    ] {
        let (status, _, body) = get_with(&format!("Range: bytes=10-19\r\nIf-Range: {stale}\r\n"));
        assert_eq!(status, 200, "a stale or weak validator: {stale}");
        assert_eq!(body, movie, "the whole file");
    }
    let (status, _, body) = get_with("Range: items=0-5\r\n");
    assert_eq!(status, 200, "an unknown unit is ignored");
    assert_eq!(body, movie);
    let (status, _, body) = get_with("Range: bytes=0-1,5-6\r\n");
    assert_eq!(status, 200, "several ranges: the whole file");
    assert_eq!(body, movie);
    let (status, _, body) = get_with("Range: BYTES=0-1\r\n");
    assert_eq!(status, 206, "units are case-insensitive");
    assert_eq!(body, movie[..2]);
}
