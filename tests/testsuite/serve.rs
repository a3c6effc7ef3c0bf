//! `cairn serve` through the real binary on loopback: pages, HTTP details,
//! every path-escape attempt, live reload on edits of every kind, broken
//! edits with the old site kept, and a busy port.

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc::{Receiver, RecvTimeoutError};

/// The names of the live-reload events after the opening `ready`.
fn events(serve: &Served) -> Receiver<String> {
    let events = serve.event_names();
    // A stream opens with the current problems, if any, then `ready`.
    while next_event(&events) != "ready" {}
    events
}

/// One request; returns (status, headers, body).
fn request(serve: &Served, method: &str, path: &str) -> (u16, String, Vec<u8>) {
    raw_request(
        serve.port,
        &format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
    )
}

pub(crate) fn get(serve: &Served, path: &str) -> (u16, String) {
    let (status, _, body) = request(serve, "GET", path);
    (status, String::from_utf8_lossy(&body).into_owned())
}

pub(crate) fn raw_request(port: u16, request: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(WAIT)).expect("timeout");
    stream.write_all(request.as_bytes()).expect("send");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(response.len());
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let body = response.get(split + 4..).unwrap_or_default().to_vec();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head, body)
}

fn next_event(events: &Receiver<String>) -> String {
    match events.recv_timeout(WAIT) {
        Ok(name) => name,
        Err(RecvTimeoutError::Timeout) => panic!("no live-reload event within {WAIT:?}"),
        Err(RecvTimeoutError::Disconnected) => panic!("the event stream closed"),
    }
}

#[test]
fn serves_the_site_from_memory_with_correct_http() {
    let site = SiteTest::fixture("small");
    let serve = serve(site.root(), &[]);

    let (status, head, body) = request(&serve, "GET", "/levels/pilot/");
    assert_eq!(status, 200);
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    let html = String::from_utf8_lossy(&body);
    assert!(html.contains("<h1>Pilot</h1>"));
    assert!(
        html.contains("<script src=\"/__cairn/live.js\" defer></script></body>"),
        "live reload injected"
    );
    assert!(
        html.contains(&format!(
            "href=\"http://127.0.0.1:{}/levels/pilot/\"",
            serve.port
        )),
        "canonical links point at the preview"
    );

    for (path, content_type) in [
        ("/style.css", "text/css"),
        ("/catalogue.json", "application/json"),
        ("/sitemap.xml", "application/xml"),
        ("/favicon.svg", "image/svg+xml"),
        ("/__cairn/live.js", "text/javascript"),
    ] {
        let (status, head, _) = request(&serve, "GET", path);
        assert_eq!(status, 200, "{path}");
        assert!(
            head.contains(&format!("Content-Type: {content_type}")),
            "{path}: {head}"
        );
    }
    let (status, head, body) = request(&serve, "HEAD", "/levels/pilot/");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/html"), "{head}");
    assert!(body.is_empty(), "HEAD has no body");

    let (status, head, _) = request(&serve, "GET", "/levels");
    assert_eq!(status, 301, "a folder without its slash redirects");
    assert!(head.contains("Location: /levels/"), "{head}");
    let (status, body) = get(&serve, "/levels/");
    assert_eq!(status, 200, "index.html for folders");
    assert!(body.contains("All levels"));
    let (status, body) = get(&serve, "/caf%C3%A9-nowhere/");
    assert_eq!(status, 404);
    assert!(
        body.contains("Page not found"),
        "the site's 404 page with status 404"
    );
    let (status, body) = get(&serve, "/workshops/");
    assert_eq!(status, 200);
    assert!(!body.contains("Index of"), "no folder listings");
    let (status, _) = get(&serve, "/content/about.md");
    assert_eq!(status, 404, "sources are not served");
    let (status, _, _) = request(&serve, "POST", "/");
    assert_eq!(status, 405);
    assert!(
        !site.path("public").exists(),
        "serve writes no output folder"
    );
}

#[test]
fn no_request_reaches_outside_the_site() {
    let site = SiteTest::fixture("small");
    site.file("secret.txt", "root:x:0:0 secret");
    let serve = serve(site.root(), &[]);
    let attempts = [
        "GET /../secret.txt HTTP/1.1",
        "GET /../../../../etc/passwd HTTP/1.1",
        "GET /%2e%2e/secret.txt HTTP/1.1",
        "GET /%2E%2E/%2E%2E/etc/passwd HTTP/1.1",
        "GET /levels/..%2f..%2fsecret.txt HTTP/1.1",
        "GET /%2fetc%2fpasswd HTTP/1.1",
        "GET /..\\secret.txt HTTP/1.1",
        "GET /%5c..%5csecret.txt HTTP/1.1",
        "GET /levels/%00../secret.txt HTTP/1.1",
        "GET http://127.0.0.1/../secret.txt HTTP/1.1",
        "GET //etc/passwd HTTP/1.1",
        "GET /etc/passwd HTTP/1.1",
        "GET /secret.txt HTTP/1.1",
        "GET /site.toml HTTP/1.1",
        "GET ./secret.txt HTTP/1.1",
    ];
    for attempt in attempts {
        let (status, _, body) = raw_request(
            serve.port,
            &format!("{attempt}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
        );
        let body = String::from_utf8_lossy(&body);
        assert!(status == 400 || status == 404, "{attempt}: status {status}");
        assert!(
            !body.contains("root:x") && !body.contains("base_url"),
            "{attempt} leaked a file"
        );
    }
}

#[test]
fn edits_of_every_kind_reload_the_browser_with_the_new_content() {
    let site = SiteTest::fixture("small");
    let root = site.root();
    let mut serve = serve(root, &[]);
    let events = events(&serve);
    let about = root.join("content/about.md");

    // A plain save.
    site.file(
        "content/about.md",
        "+++\ntitle = \"About\"\nsummary = \"s\"\n+++\nFirst edit.\n",
    );
    assert_eq!(next_event(&events), "reload");
    assert!(get(&serve, "/about/").1.contains("First edit."));

    // An editor's atomic save: write a temporary file, rename it over.
    site.file(
        "content/.about.md.tmp",
        "+++\ntitle = \"About\"\nsummary = \"s\"\n+++\nAtomic edit.\n",
    );
    std::fs::rename(root.join("content/.about.md.tmp"), &about).expect("rename");
    assert_eq!(next_event(&events), "reload");
    assert!(get(&serve, "/about/").1.contains("Atomic edit."));

    // A new page, then renamed, then deleted.
    site.file(
        "content/news.md",
        "+++\ntitle = \"News\"\nsummary = \"s\"\n+++\nFresh.\n",
    );
    assert_eq!(next_event(&events), "reload");
    assert_eq!(get(&serve, "/news/").0, 200);
    std::fs::rename(
        root.join("content/news.md"),
        root.join("content/updates.md"),
    )
    .expect("rename");
    assert_eq!(next_event(&events), "reload");
    assert_eq!(get(&serve, "/news/").0, 404);
    assert_eq!(get(&serve, "/updates/").0, 200);
    site.remove("content/updates.md");
    assert_eq!(next_event(&events), "reload");
    assert_eq!(get(&serve, "/updates/").0, 404, "a deleted page is gone");

    // Templates, static files and site.toml are watched too, even folders
    // created after serve started: the folder first, on its own.
    std::fs::create_dir_all(root.join("static")).expect("mkdir");
    assert_eq!(next_event(&events), "reload");
    site.file("static/notice.txt", "hello");
    assert_eq!(next_event(&events), "reload");
    assert_eq!(get(&serve, "/notice.txt"), (200, "hello".to_string()));
    site.replace("site.toml", "Harbour Safety Training", "Harbour Academy");
    assert_eq!(next_event(&events), "reload");
    assert!(get(&serve, "/").1.contains("Harbour Academy"));
    serve.wait_for_line(|l| l.starts_with("Rebuilt in"));
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_and_shows_the_problem() {
    let site = SiteTest::fixture("small");
    let serve = serve(site.root(), &[]);
    let events = events(&serve);
    let pilot = "content/levels/pilot.md";
    let good = site.read(pilot);

    site.file(pilot, good.replace("\"first-aid\"", "\"first-aide\""));
    assert_eq!(next_event(&events), "problems");
    let (status, body) = get(&serve, "/levels/pilot/");
    assert_eq!(status, 200, "the site stays up");
    assert!(
        body.contains("Marine first aid"),
        "the last good build is served"
    );

    // A browser that connects now is told about the problem at once.
    let late = events_with_problems(&serve);
    assert!(
        late.contains("unresolved reference")
            && late.contains("first-aide")
            && late.contains("content/levels/pilot.md:"),
        "{late}"
    );

    site.file(
        pilot,
        good.replace("Bring ships in safely.", "Bring ships in, safely."),
    );
    assert_eq!(next_event(&events), "reload");
    assert!(
        get(&serve, "/levels/pilot/")
            .1
            .contains("Bring ships in, safely.")
    );
}

/// Connect a new event stream and return the data of the `problems`
/// event it starts with.
fn events_with_problems(serve: &Served) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", serve.port)).expect("connect");
    stream.set_read_timeout(Some(WAIT)).expect("timeout");
    stream
        .write_all(b"GET /__cairn/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("send");
    let mut data = String::new();
    let mut in_problems = false;
    for line in BufReader::new(stream).lines().map_while(Result::ok) {
        if line == "event: problems" {
            in_problems = true;
        } else if in_problems {
            match line.strip_prefix("data: ") {
                Some(d) => data.push_str(d),
                None => break,
            }
        } else if line == "event: ready" {
            break;
        }
    }
    data
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    SiteTest::fixture("small")
        .time_limit(WAIT)
        .run(&["serve", "--port", &port])
        .exits(2)
        .stderr_contains(&format!("port {port} is already in use"))
        // The help names --port.
        .stderr_contains("--port");
}

#[test]
fn binding_beyond_loopback_warns() {
    let site = SiteTest::fixture("small");
    let mut serve = Served::spawn(
        std::path::Path::new(env!("CARGO_BIN_EXE_cairn")),
        site.root(),
        &["--bind", "0.0.0.0"],
    );
    let warning = serve.wait_for_line(|l| l.starts_with("warning: serving on 0.0.0.0"));
    assert!(warning.contains("--bind 127.0.0.1"), "{warning}");
    let serving = serve.wait_for_line(|l| l.starts_with("Serving http://"));
    assert!(
        serving.starts_with("Serving http://127.0.0.1:"),
        "an address a browser can open: {serving}"
    );
}

#[test]
fn a_site_broken_from_the_start_recovers_at_the_first_good_save() {
    let site = SiteTest::fixture("small");
    let pilot = "content/levels/pilot.md";
    let good = site.read(pilot);
    site.file(pilot, good.replace("\"first-aid\"", "\"first-aide\""));
    let serve = serve(site.root(), &[]);
    let (status, body) = get(&serve, "/levels/pilot/");
    assert_eq!(status, 503, "no good build yet");
    assert!(
        body.contains("/__cairn/live.js"),
        "the waiting page reloads itself"
    );
    let events = events(&serve);
    site.file(pilot, &good);
    assert_eq!(next_event(&events), "reload");
    assert_eq!(get(&serve, "/levels/pilot/").0, 200);
}

#[test]
fn a_template_that_fails_on_one_page_shows_its_error_there() {
    let site = SiteTest::fixture("small");
    site.file(
        "templates/credential.html",
        "<p>{{ page.issuer.website }}</p>",
    );
    let serve = serve(site.root(), &[]);
    let events = events(&serve);
    let (status, body) = get(&serve, "/credentials/pilot-licence/");
    assert_eq!(status, 500);
    assert!(
        body.contains("E015") && body.contains("page.issuer.website"),
        "{body}"
    );
    assert!(
        body.contains("/__cairn/live.js"),
        "it reloads itself once fixed"
    );
    assert_eq!(
        get(&serve, "/levels/pilot/").0,
        200,
        "other pages still work"
    );
    site.file("templates/credential.html", "<p>{{ page.issuer.name }}</p>");
    assert_eq!(next_event(&events), "reload");
    assert_eq!(
        get(&serve, "/credentials/pilot-licence/"),
        (
            200,
            "<p>Harbour Safety Board</p><script src=\"/__cairn/live.js\" defer></script>"
                .to_string()
        )
    );
}

#[test]
fn a_template_that_calls_itself_without_end_never_takes_the_server_down() {
    let site = SiteTest::fixture("small");
    // serve needs no base_url (it serves at its own address), whatever
    // its templates do.
    site.edit("site.toml", |config| {
        config
            .lines()
            .filter(|line| !line.starts_with("base_url"))
            .map(|line| format!("{line}\n"))
            .collect()
    });
    let serve = serve(site.root(), &[]);
    let events = events(&serve);
    assert!(get(&serve, "/about/").1.contains("</html>"));

    // A macro that calls itself forever is stopped by the engine's depth
    // limit: the page shows the error, and the server stays up.
    std::fs::create_dir_all(site.path("templates")).expect("mkdir");
    site.file(
        "templates/forever.html",
        "{% macro down(n) %}{{ down(n=n+1) }}{% endmacro %}\n",
    );
    assert_eq!(next_event(&events), "reload", "a template no page uses yet");
    site.file(
        "templates/page.html",
        "{% import \"forever.html\" as f %}{{ f.down(n=1) }}\n",
    );
    assert_eq!(next_event(&events), "reload");
    let (status, body) = get(&serve, "/about/");
    assert_eq!(status, 500, "{body}");
    assert!(
        body.contains("E015") && body.contains("calls itself without end"),
        "{body}"
    );
    assert!(
        get(&serve, "/").1.contains("</html>"),
        "other pages still render"
    );

    site.file(
        "templates/page.html",
        "<!doctype html><title>About</title><main>{{ page.title }}, fixed</main>\n",
    );
    assert_eq!(next_event(&events), "reload");
    assert!(get(&serve, "/about/").1.contains("fixed"));
}

/// A header of a raw response head, by name, case-insensitively.
pub(crate) fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

#[test]
fn static_files_stream_with_ranges_and_revalidation() {
    let site = SiteTest::fixture("small");
    let movie: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
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

    let (status, head, body) = get_with("");
    assert_eq!(status, 200);
    assert_eq!(body, movie, "the whole file, byte for byte");
    assert_eq!(header(&head, "Content-Type"), Some("video/mp4"), "{head}");
    assert_eq!(header(&head, "Accept-Ranges"), Some("bytes"), "{head}");
    assert_eq!(
        header(&head, "Cache-Control"),
        Some("no-cache"),
        "revalidated on every use, so an edit shows: {head}"
    );
    let etag = header(&head, "ETag").expect("an ETag").to_string();
    let modified = header(&head, "Last-Modified")
        .expect("a Last-Modified")
        .to_string();

    let (status, head, body) = get_with("Range: bytes=1000-1999\r\n");
    assert_eq!(status, 206, "{head}");
    assert_eq!(body, movie[1000..2000]);
    assert_eq!(
        header(&head, "Content-Range"),
        Some("bytes 1000-1999/300000"),
        "{head}"
    );
    let (status, _, body) = get_with("Range: bytes=-10\r\n");
    assert_eq!(status, 206, "a suffix range");
    assert_eq!(body, movie[movie.len() - 10..]);
    let (status, head, _) = get_with("Range: bytes=400000-\r\n");
    assert_eq!(status, 416, "a range past the end: {head}");

    let (status, _, body) = get_with(&format!("If-None-Match: {etag}\r\n"));
    assert_eq!(status, 304, "unchanged since the ETag");
    assert!(body.is_empty());
    let (status, _, _) = get_with(&format!("If-Modified-Since: {modified}\r\n"));
    assert_eq!(status, 304, "unchanged since Last-Modified");

    let (status, head, body) = raw_request(
        serve.port,
        "HEAD /media/clip.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 200);
    assert_eq!(header(&head, "Content-Length"), Some("300000"), "{head}");
    assert!(body.is_empty(), "HEAD has no body");

    // An edit: the old ETag no longer matches, the new bytes come.
    let events = events(&serve);
    let clip = site.path("static/media/clip.mp4");
    site.file("static/media/clip.mp4", b"new cut");
    // A second later than the first version, as a later save would be
    // (Last-Modified has one-second steps): set, not waited for.
    std::fs::File::options()
        .write(true)
        .open(&clip)
        .and_then(|file| {
            file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(2))
        })
        .expect("set the time");
    assert_eq!(next_event(&events), "reload");
    let (status, _, body) = get_with(&format!("If-None-Match: {etag}\r\n"));
    assert_eq!(status, 200, "the edited file is sent again");
    assert_eq!(body, b"new cut");
    let (status, _, body) = get_with(&format!("If-Modified-Since: {modified}\r\n"));
    assert_eq!(status, 200, "modified since the first version's date");
    assert_eq!(body, b"new cut");
}

#[test]
fn oversized_request_heads_are_refused_without_being_held() {
    let site = SiteTest::fixture("small");
    let serve = serve(site.root(), &[]);

    // A header line with no end: refused once it passes the bound, not
    // buffered for as long as the client keeps sending.
    let mut stream =
        TcpStream::connect(("127.0.0.1", serve.port)).expect("loopback and scratch files work");
    stream
        .set_read_timeout(Some(WAIT))
        .expect("loopback and scratch files work");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Endless: ")
        .expect("loopback and scratch files work");
    let chunk = vec![b'a'; 64 * 1024];
    let mut sent = 0;
    for _ in 0..64 {
        if stream.write_all(&chunk).is_err() {
            break;
        }
        sent += chunk.len();
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 431"),
        "431 after {sent} bytes, got: {}",
        answer.lines().next().unwrap_or("nothing")
    );

    let many: String = (0..200).map(|i| format!("X-Header-{i}: {i}\r\n")).collect();
    let (status, _, _) = raw_request(
        serve.port,
        &format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n{many}Connection: close\r\n\r\n"),
    );
    assert_eq!(status, 431, "too many headers");

    assert_eq!(get(&serve, "/").0, 200, "ordinary requests still answered");
}

#[test]
fn a_connection_that_sends_nothing_is_closed() {
    let site = SiteTest::fixture("small");
    let serve = serve(site.root(), &[]);
    let mut idle =
        TcpStream::connect(("127.0.0.1", serve.port)).expect("loopback and scratch files work");
    let mut slow =
        TcpStream::connect(("127.0.0.1", serve.port)).expect("loopback and scratch files work");
    slow.write_all(b"GET / HTTP/1.1\r\n")
        .expect("loopback and scratch files work");
    let started = std::time::Instant::now();
    for stream in [&mut idle, &mut slow] {
        stream
            .set_read_timeout(Some(WAIT))
            .expect("loopback and scratch files work");
        let mut rest = Vec::new();
        let closed = stream.read_to_end(&mut rest);
        assert!(closed.is_ok(), "closed by the server, not by our timeout");
    }
    let waited = started.elapsed();
    assert!(
        waited < std::time::Duration::from_secs(15),
        "closed after the 10 s head timeout, not {waited:?}"
    );
}

/// `cairn serve` shows every language's pages, and a page missing under a
/// language's folder gets that language's "not found" page.
#[test]
fn the_preview_serves_each_language_and_its_own_not_found_page() {
    let site = SiteTest::fixture("small");
    site.edit("site.toml", |toml| {
        toml + "\n[languages.en]\nname = \"English\"\n\n[languages.fr]\nname = \"Français\"\n"
    })
    .file(
        "content/levels/pilot.fr.md",
        "+++\ntitle = \"Pilote\"\n+++\n## Objectifs {#learning-goals}\n",
    );
    let serve = serve(site.root(), &[]);
    let (status, body) = get(&serve, "/fr/levels/pilot/");
    assert_eq!(status, 200);
    assert!(
        body.contains("<h1>Pilote</h1>") && body.contains("<html lang=\"fr\">"),
        "{body}"
    );
    let (status, body) = get(&serve, "/fr/nowhere/");
    assert_eq!(status, 404);
    assert!(body.contains("Page introuvable"), "{body}");
    let (status, body) = get(&serve, "/nowhere/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "{body}");
}
