//! The preview's HTTP server: hyper on a small tokio runtime.
//!
//! Requests are answered from the site in memory. Paths are decoded and
//! checked before any lookup; a request can only ever name a file of the
//! built site, which lives in a map, so nothing outside it is reachable
//! even in principle. There are no folder listings. Files copied from
//! `static/` are streamed from disk by tower-http's `ServeFile`, with
//! `Range` and conditional requests, so a large video costs a small buffer,
//! not its size in memory.
//!
//! What a hostile or careless client can hold is bounded: request heads
//! (size and number of headers), the time to send one, the number of open
//! connections and of live-reload streams among them, and how long a
//! connection may refuse to take what it is sent. A connection is a task,
//! not a thread; a live-reload stream holds one pending event, never a
//! queue.
//!
//! Only this computer's browser is answered: a request that names another
//! host (a page on another site reaching the preview through DNS
//! rebinding) gets 403.

mod events;
mod html;
mod shield;

pub(super) use events::event_message;
use events::event_stream;
use html::HtmlFile;
use shield::{Stalling, foreign_host};

use super::{Live, Served};
use crate::render::Contents;
use bytes::Bytes;
use http::header::{self, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Where the live-reload event stream and script are served.
pub(super) const EVENTS_PATH: &str = "/__cairn/events";
pub(super) const SCRIPT_PATH: &str = "/__cairn/live.js";
const LIVE_SCRIPT: &str = include_str!("live.js");

/// A request head (request line and headers) larger than this gets 431:
/// browsers send a few kilobytes at most.
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// More headers than this gets 431 (hyper's default, said out loud).
const MAX_HEADERS: usize = 100;
/// A client that has not sent a whole request head this long after
/// connecting, or after its last answer on a kept-alive connection, is
/// disconnected: slow or idle connections cannot pile up.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Open connections at once; more wait in the kernel's queue until one
/// closes. A held connection costs a few kilobytes, so this bounds memory
/// well above what a preview needs (one browser holds about six).
const MAX_CONNECTIONS: usize = 2048;
/// Live-reload streams at once, well below [`MAX_CONNECTIONS`]: held
/// streams never take the slots that pages are asked through. One browser
/// tab holds one.
pub(super) const MAX_STREAMS: usize = 512;
/// A connection that takes none of what it is sent for this long (a
/// client that stopped reading) is dropped, freeing its slot.
const WRITE_STALL: Duration = Duration::from_secs(30);
/// Threads for rendering pages and reading files, beside the two that
/// answer requests.
pub(super) const BLOCKING_THREADS: usize = 8;
/// A comment on each live-reload stream this often keeps it open through
/// proxies and finds the ones whose browser left.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Every response body: a page in memory, a file streamed from disk, or
/// the live-reload stream.
type Payload = UnsyncBoxBody<Bytes, std::io::Error>;

/// Connections the kernel holds for the server to accept. The standard
/// library's 128 made a burst of a thousand connections wait out SYN
/// retries (1 s, then 3 s) for no reason the server had.
const BACKLOG: u32 = 1024;

/// A socket bound to `address` (as `std::net::TcpListener::bind` binds it,
/// with `SO_REUSEADDR`), not yet listening: the port is taken, or the
/// error says why not, before anything else starts.
pub(super) fn bind(address: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpSocket> {
    let socket = if address.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    // As the standard library binds on Unix (a port in TIME_WAIT can be
    // taken again); on Windows the same option would let two servers
    // share a port.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    Ok(socket)
}

/// The runtime that serves requests, with the server started on it. It
/// serves until it is dropped.
pub(super) fn start(
    listener: tokio::net::TcpSocket,
    live: Arc<Live>,
) -> std::io::Result<tokio::runtime::Runtime> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(BLOCKING_THREADS)
        // Pages are rendered on these threads, as on the build's.
        .thread_stack_size(crate::THREAD_STACK)
        .thread_name("cairn-serve")
        .enable_io()
        .enable_time()
        .build()?;
    let listener = {
        let _inside = runtime.enter();
        listener.listen(BACKLOG)?
    };
    runtime.spawn(accept(listener, live));
    Ok(runtime)
}

async fn accept(listener: tokio::net::TcpListener, live: Arc<Live>) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .max_header_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS)
        // `Content-Type`, as every server writes it, not `content-type`.
        .title_case_headers(true);
    let open = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let streams = Arc::new(Semaphore::new(MAX_STREAMS));
    loop {
        let Ok(slot) = Arc::clone(&open).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was
            // accepted: wait a moment rather than spin, then go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let live = Arc::clone(&live);
        let streams = Arc::clone(&streams);
        let service = hyper::service::service_fn(move |request| {
            let live = Arc::clone(&live);
            let streams = Arc::clone(&streams);
            async move { Ok::<_, Infallible>(respond(request, live, streams).await) }
        });
        let connection = http.serve_connection(TokioIo::new(Stalling::new(stream)), service);
        tokio::spawn(async move {
            // A client that leaves mid-answer is no error worth reporting.
            let _ = connection.await;
            drop(slot);
        });
    }
}

/// What a site path turned out to be, decided off the async threads
/// because the first request for a page renders it.
enum Answer {
    Ready(Response<Payload>),
    /// A file copied from `static/`, streamed from disk.
    File(PathBuf, &'static str),
    /// An HTML file copied from `static/`: streamed with the live-reload
    /// script put in on the way.
    Html(HtmlFile),
}

async fn respond(
    request: Request<Incoming>,
    live: Arc<Live>,
    streams: Arc<Semaphore>,
) -> Response<Payload> {
    let words = |id: &str| live.cli.text(id, &[]) + "\n";
    if let Some(host) = foreign_host(&request, live.at.bind) {
        let bound = if live.at.bind.is_loopback() {
            String::new()
        } else {
            format!(", {}", live.at.bind)
        };
        let text_403 = live.cli.text(
            "serve_other_host",
            &[
                ("host", host.into()),
                ("bound", bound.into()),
                ("url", live.at.url.as_str().into()),
            ],
        ) + "\n";
        return no_store(text(403, &text_403));
    }
    let method = request.method().clone();
    if method != Method::GET && method != Method::HEAD {
        let response = with(
            text(405, &words("serve_method_not_allowed")),
            header::ALLOW,
            "GET, HEAD",
        );
        return no_store(response);
    }
    // An absolute-form target ("GET http://host/x") is refused, as the
    // origin-form path alone would hide where it claims to go.
    let uri = request.uri();
    let target = if uri.scheme().is_some() {
        uri.to_string()
    } else {
        uri.path().to_string()
    };
    if target == EVENTS_PATH {
        return match streams.try_acquire_owned() {
            Ok(permit) => event_stream(&live, permit),
            Err(_) => {
                let said = live
                    .cli
                    .text("serve_too_many_streams", &[("limit", MAX_STREAMS.into())])
                    + "\n";
                let response = with(text(503, &said), header::RETRY_AFTER, "10");
                // Closed once answered: a refused stream keeps no slot.
                no_store(with(response, header::CONNECTION, "close"))
            }
        };
    }
    if target == SCRIPT_PATH {
        let response = with(
            full(200, LIVE_SCRIPT.as_bytes().to_vec()),
            header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        );
        return no_store(response);
    }
    // Kept through a redirect: `/workshops?level=x` is `/workshops/?level=x`.
    let query = uri.query().map(str::to_string);
    let answer = {
        let live = Arc::clone(&live);
        tokio::task::spawn_blocking(move || answer(&target, query.as_deref(), &live)).await
    };
    match answer {
        Ok(Answer::Ready(response)) => no_store(response),
        Ok(Answer::File(path, content_type)) => {
            stream_file(request, path, content_type, &live).await
        }
        Ok(Answer::Html(file)) => no_store(file.response()),
        // The rendering thread panicked: say so rather than drop the connection.
        Err(_) => no_store(text(500, &words("serve_internal_error"))),
    }
}

fn answer(target: &str, query: Option<&str>, live: &Live) -> Answer {
    let words = |id: &str| live.cli.text(id, &[]) + "\n";
    let key = match site_key(target) {
        Ok(key) => key,
        Err(reason) => {
            let reason = live.cli.text(reason.message_id(), &[]);
            let body = live
                .cli
                .text("serve_bad_request", &[("reason", reason.into())]);
            return Answer::Ready(text(400, &(body + "\n")));
        }
    };
    let snapshot = live.snapshot();
    let index = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.clone()
    };
    Answer::Ready(match snapshot.get(&index) {
        Served::Missing
            if !key.is_empty()
                && !key.ends_with('/')
                && snapshot.has(&format!("{key}/index.html")) =>
        {
            // A folder asked for without its trailing slash.
            // From the checked key, never the raw path ("//host" would leave the site).
            let query = query.map(|q| format!("?{q}")).unwrap_or_default();
            with(
                text(301, &words("serve_moved")),
                header::LOCATION,
                &format!("/{key}/{query}"),
            )
        }
        // A missing page under a language's folder gets that language's
        // "not found" page (`fr/404.html`), when the site has it.
        Served::Missing => match key
            .split_once('/')
            .map(|(folder, _)| format!("{folder}/404.html"))
            .filter(|page| snapshot.has(page))
            .map_or_else(|| snapshot.get("404.html"), |page| snapshot.get(&page))
        {
            Served::Bytes(bytes) => file_response("404.html", bytes.as_ref().clone(), 404),
            // No good build yet: a page that shows the problems and
            // reloads itself once they are fixed.
            _ if live.problems().is_some() => waiting_page(live),
            _ => text(404, &words("serve_not_found")),
        },
        Served::Bytes(bytes) => file_response(&index, bytes.as_ref().clone(), 200),
        // An HTML page copied from `static/` gets the live-reload script
        // like a rendered one; other files are streamed.
        Served::File(Contents::Copy(path)) if content_type(&index).starts_with("text/html") => {
            match HtmlFile::open(&path) {
                Ok(file) => return Answer::Html(file),
                Err(_) => text(404, &words("serve_not_found")),
            }
        }
        Served::File(Contents::Copy(path)) => return Answer::File(path, content_type(&index)),
        Served::File(Contents::Bytes(bytes)) => file_response(&index, bytes, 200),
        Served::File(Contents::Static(bytes)) => file_response(&index, bytes.to_vec(), 200),
        Served::Failed(diagnostic) => failed_page(live, &diagnostic),
    })
}

/// A file from `static/`, streamed: `Range` gets 206 with the part asked
/// for, `If-None-Match` and `If-Modified-Since` get 304 when it is
/// unchanged. It is revalidated on every use (`no-cache`), so an edit
/// shows at the next reload while an unchanged video is not sent again.
async fn stream_file(
    request: Request<Incoming>,
    path: PathBuf,
    content_type: &'static str,
    live: &Live,
) -> Response<Payload> {
    let mime: mime::Mime = content_type
        .parse()
        .unwrap_or(mime::APPLICATION_OCTET_STREAM);
    let (parts, body) = request.into_parts();
    let mut request = Request::from_parts(parts, body);
    ignore_unknown_range_units(request.headers_mut());
    let if_range = request
        .headers()
        .get(header::IF_RANGE)
        .filter(|_| request.headers().contains_key(header::RANGE))
        .cloned();
    // Without the body (a GET has none): the same request can be asked
    // again without its Range.
    let retry = if_range.as_ref().map(|_| without_range(&request));
    let service = || {
        tower_http::services::ServeFile::new_with_mime(&path, &mime)
            .ignore_multi_range_requests(true)
    };
    let mut answered = service().try_call(request).await;
    // A Range that does not fit the file (416) is ignored as well when
    // the validator does not match: the condition is false either way.
    let stale_part = match (&if_range, &answered) {
        (Some(if_range), Ok(response)) => {
            matches!(
                response.status(),
                StatusCode::PARTIAL_CONTENT | StatusCode::RANGE_NOT_SATISFIABLE
            ) && !if_range_matches(if_range, response.headers())
        }
        _ => false,
    };
    if let (true, Some(retry)) = (stale_part, retry) {
        // The part asked for is of an older file: send the whole file.
        answered = service().try_call(retry).await;
    }
    match answered {
        Ok(response) if response.status() != StatusCode::NOT_FOUND => {
            let (mut parts, body) = response.into_parts();
            parts
                .headers
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            Response::from_parts(parts, body.boxed_unsync())
        }
        // Deleted since the build, or unreadable: the next rebuild will
        // say so; until then it is simply not there.
        _ => no_store(text(404, &(live.cli.text("serve_not_found", &[]) + "\n"))),
    }
}

/// RFC 9110 §14.2: a server ignores a Range in a unit it does not
/// understand (only `bytes` is a unit here), rather than refusing it; and
/// units are case-insensitive (`BYTES=0-9` is bytes), which tower-http's
/// parser is not, so the unit is given to it in lower case.
fn ignore_unknown_range_units(headers: &mut http::HeaderMap) {
    let Some(range) = headers.get(header::RANGE) else {
        return;
    };
    let in_bytes = range
        .as_bytes()
        .get(..6)
        .is_some_and(|unit| unit.eq_ignore_ascii_case(b"bytes="));
    if !in_bytes {
        headers.remove(header::RANGE);
        return;
    }
    let mut lower = range.as_bytes().to_vec();
    lower[..5].make_ascii_lowercase();
    if let Ok(value) = HeaderValue::from_bytes(&lower) {
        headers.insert(header::RANGE, value);
    }
}

/// The same GET without `Range` and `If-Range`, for when the validator
/// does not match.
fn without_range<B>(request: &Request<B>) -> Request<()> {
    let mut retry = Request::new(());
    *retry.method_mut() = request.method().clone();
    *retry.uri_mut() = request.uri().clone();
    *retry.headers_mut() = request.headers().clone();
    retry.headers_mut().remove(header::RANGE);
    retry.headers_mut().remove(header::IF_RANGE);
    retry
}

/// RFC 9110 §13.1.5: a Range applies only when `If-Range` names the file
/// as it is now: its entity tag, compared strongly (a weak tag never
/// matches), or exactly its Last-Modified date.
fn if_range_matches(if_range: &HeaderValue, response: &http::HeaderMap) -> bool {
    let wanted = if_range.as_bytes().trim_ascii();
    if wanted.starts_with(b"W/") {
        return false;
    }
    let validator = if wanted.starts_with(b"\"") {
        header::ETAG
    } else {
        header::LAST_MODIFIED
    };
    response
        .get(validator)
        .is_some_and(|current| current.as_bytes().trim_ascii() == wanted)
}

/// The preview's own pages (no good build yet, a page that failed), with
/// the live script, so they come back by themselves once the site is fixed.
const NOTICE: &str = include_str!("notice.html");

fn notice(live: &Live, status: u16, title: &str, text: &str, details: &str) -> Response<Payload> {
    let escape = crate::render::escape_html;
    let page = NOTICE
        .replace("{lang}", &escape(live.cli.lang()))
        .replace("{title}", &escape(&live.cli.text(title, &[])))
        .replace("{text}", &escape(&live.cli.text(text, &[])))
        .replace("{details}", &escape(details));
    with(
        full(status, with_live_script(page.into_bytes())),
        header::CONTENT_TYPE,
        "text/html; charset=utf-8",
    )
}

/// A page whose template failed: the problem, shown in place of the page.
fn failed_page(live: &Live, diagnostic: &crate::diagnostics::Diagnostic) -> Response<Payload> {
    let details = diagnostic.render_human(&live.cli, false);
    notice(
        live,
        500,
        "serve_failed_title",
        "serve_failed_text",
        &details,
    )
}

/// Why a request path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refused {
    NotAbsolute,
    EncodedSlash,
    BadEscape,
    NotUtf8,
    BadCharacter,
    DotSegment,
}

impl Refused {
    fn message_id(self) -> &'static str {
        match self {
            Refused::NotAbsolute => "serve_reason_not_absolute",
            Refused::EncodedSlash => "serve_reason_encoded_slash",
            Refused::BadEscape => "serve_reason_bad_escape",
            Refused::NotUtf8 => "serve_reason_not_utf8",
            Refused::BadCharacter => "serve_reason_bad_character",
            Refused::DotSegment => "serve_reason_dot_segment",
        }
    }
}

/// The site-relative key of a request path, or why it is refused: only
/// plain paths inside the site are answered.
pub(super) fn site_key(path: &str) -> Result<String, Refused> {
    if !path.starts_with('/') {
        return Err(Refused::NotAbsolute);
    }
    let lower = path.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return Err(Refused::EncodedSlash);
    }
    if !escapes_are_well_formed(path) {
        return Err(Refused::BadEscape);
    }
    let decoded: Vec<u8> = percent_encoding::percent_decode_str(path).collect();
    let decoded = String::from_utf8(decoded).map_err(|_| Refused::NotUtf8)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return Err(Refused::BadCharacter);
    }
    let trailing = decoded.ends_with('/');
    let mut parts = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return Err(Refused::DotSegment),
            other => parts.push(other),
        }
    }
    let mut key = parts.join("/");
    if trailing && !key.is_empty() {
        key.push('/');
    }
    Ok(key)
}

/// Every `%` starts an escape of two hexadecimal digits. A malformed one
/// is refused rather than taken as a literal `%`: the preview must never
/// read a path differently from the server the site is published on.
fn escapes_are_well_formed(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|(_, byte)| **byte == b'%')
        .all(|(at, _)| {
            bytes
                .get(at + 1..at + 3)
                .is_some_and(|digits| digits.iter().all(u8::is_ascii_hexdigit))
        })
}

fn file_response(key: &str, bytes: Vec<u8>, status: u16) -> Response<Payload> {
    let content_type = content_type(key);
    let bytes = if content_type.starts_with("text/html") {
        with_live_script(bytes)
    } else {
        bytes
    };
    with(full(status, bytes), header::CONTENT_TYPE, content_type)
}

fn waiting_page(live: &Live) -> Response<Payload> {
    notice(live, 503, "serve_waiting_title", "serve_waiting_text", "")
}

fn live_script_tag() -> String {
    format!("<script src=\"{SCRIPT_PATH}\" defer></script>")
}

/// Add the live-reload script before `</body>` (or at the end).
fn with_live_script(bytes: Vec<u8>) -> Vec<u8> {
    let tag = live_script_tag();
    let mut html = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    match html.rfind("</body>") {
        Some(at) => html.insert_str(at, &tag),
        None => html.push_str(&tag),
    }
    html.into_bytes()
}

/// Content types by extension: the few a training-catalogue site serves.
pub(super) fn content_type(path: &str) -> &'static str {
    let extension = path
        .rsplit_once('.')
        .map_or("", |(_, ext)| ext)
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "ics" => "text/calendar; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn full(status: u16, bytes: Vec<u8>) -> Response<Payload> {
    let mut response = Response::new(
        Full::new(Bytes::from(bytes))
            .map_err(|never| match never {})
            .boxed_unsync(),
    );
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    response
}

fn text(status: u16, body: &str) -> Response<Payload> {
    with(
        full(status, body.as_bytes().to_vec()),
        header::CONTENT_TYPE,
        "text/plain; charset=utf-8",
    )
}

/// Pages are rendered afresh after every save: never cached.
fn no_store(response: Response<Payload>) -> Response<Payload> {
    with(response, header::CACHE_CONTROL, "no-store")
}

/// Set a header. A value that is not plain ASCII (a strange request path
/// in a `Location`) is percent-encoded first, so it is never dropped.
fn with(
    mut response: Response<Payload>,
    name: header::HeaderName,
    value: &str,
) -> Response<Payload> {
    let ascii: String = value
        .bytes()
        .map(|b| {
            if b.is_ascii_graphic() || b == b' ' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    if let Ok(value) = HeaderValue::from_str(&ascii) {
        response.headers_mut().insert(name, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_inside_the_site() {
        assert_eq!(site_key("/").as_deref(), Ok(""));
        assert_eq!(
            site_key("/levels/level-2/").as_deref(),
            Ok("levels/level-2/")
        );
        assert_eq!(site_key("/caf%C3%A9.pdf").as_deref(), Ok("café.pdf"));
        assert_eq!(site_key("//levels").as_deref(), Ok("levels"));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2E%2E/%2e%2e/b",
            "/..%2fetc",
            "/%2Fetc%2Fpasswd",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "http://evil/x",
            "/%00",
            "/%zz",
            "/a/./b",
        ] {
            assert!(site_key(bad).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn if_range_names_the_file_as_it_is_now() {
        let mut current = http::HeaderMap::new();
        current.insert(header::ETAG, HeaderValue::from_static("\"abc\""));
        current.insert(
            header::LAST_MODIFIED,
            HeaderValue::from_static("Tue, 01 Dec 2026 10:00:00 GMT"),
        );
        let matches =
            |value: &'static str| if_range_matches(&HeaderValue::from_static(value), &current);
        assert!(matches("\"abc\""));
        assert!(matches("Tue, 01 Dec 2026 10:00:00 GMT"));
        assert!(!matches("W/\"abc\""), "weak tags never match");
        assert!(!matches("\"abd\""));
        assert!(!matches("Tue, 01 Dec 2026 10:00:01 GMT"));
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(
            content_type("levels/index.html"),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("catalogue.json"), "application/json");
        assert_eq!(content_type("logo.SVG"), "image/svg+xml");
        assert_eq!(content_type("noextension"), "application/octet-stream");
    }
}
