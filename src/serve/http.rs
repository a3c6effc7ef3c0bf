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

use super::{Event, Live, Served};
use crate::render::Contents;
use bytes::Bytes;
use http::header::{self, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::{Body, Frame, Incoming};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::future::Future;
use std::net::IpAddr;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

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

/// A server-sent event stream: `reload` after each good rebuild,
/// `problems` (with the diagnostics) after a bad one, and a comment every
/// [`KEEP_ALIVE`] so idle connections stay open.
fn event_stream(live: &Live, permit: OwnedSemaphorePermit) -> Response<Payload> {
    let mut opening = VecDeque::new();
    if let Some(problems) = live.problems() {
        opening.push_back(message("problems", &problems));
    }
    opening.push_back(message("ready", ""));
    let stream = EventStream {
        opening,
        next: Box::pin(next_event(live.subscribe())),
        keep_alive: Box::pin(tokio::time::sleep(KEEP_ALIVE)),
        _permit: permit,
    };
    let response = with(
        Response::new(stream.boxed_unsync()),
        header::CONTENT_TYPE,
        "text/event-stream",
    );
    no_store(response)
}

fn message(event: &str, data: &str) -> Bytes {
    if event.is_empty() {
        // A comment line: ignored by browsers, keeps the connection open.
        return Bytes::from_static(b": keep-alive\n\n");
    }
    let mut message = format!("event: {event}\n");
    // Browsers drop an event with no data at all (the EventSource rules):
    // an event without data of its own carries its name as its data.
    let data = if data.is_empty() { event } else { data };
    for line in data.lines() {
        message.push_str("data: ");
        message.push_str(line);
        message.push('\n');
    }
    message.push('\n');
    Bytes::from(message)
}

/// An event as a stream sends it: made once, shared by every stream.
pub(super) fn event_message(event: &Event) -> Bytes {
    match event {
        Event::Reload => message("reload", ""),
        Event::Problems(problems) => message("problems", problems),
    }
}

/// The next event a stream is to send, with the receiver to wait for the
/// one after it; `None` when the server stops.
type NextEvent = Pin<Box<dyn Future<Output = Option<(Bytes, Receiver)>> + Send>>;
type Receiver = watch::Receiver<Option<Bytes>>;

/// Wait for the latest event to change, and take it: events that came
/// meanwhile are replaced by the latest, never queued.
async fn next_event(mut events: Receiver) -> Option<(Bytes, Receiver)> {
    loop {
        events.changed().await.ok()?;
        let latest = events.borrow_and_update().clone();
        if let Some(event) = latest {
            return Some((event, events));
        }
    }
}

/// The body of a live-reload stream: it ends when the server stops, and
/// is dropped (unsubscribing it, freeing its place) when its browser goes
/// away.
struct EventStream {
    opening: VecDeque<Bytes>,
    next: NextEvent,
    keep_alive: Pin<Box<tokio::time::Sleep>>,
    /// One of the [`MAX_STREAMS`] places, held while the stream is open.
    _permit: OwnedSemaphorePermit,
}

impl Body for EventStream {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        let stream = self.get_mut();
        if let Some(first) = stream.opening.pop_front() {
            return Poll::Ready(Some(Ok(Frame::data(first))));
        }
        let next = match stream.next.as_mut().poll(context) {
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Ready(Some((event, events))) => {
                stream.next = Box::pin(next_event(events));
                event
            }
            Poll::Pending => match stream.keep_alive.as_mut().poll(context) {
                Poll::Ready(()) => message("", ""),
                Poll::Pending => return Poll::Pending,
            },
        };
        let again = tokio::time::Instant::now() + KEEP_ALIVE;
        stream.keep_alive.as_mut().reset(again);
        Poll::Ready(Some(Ok(Frame::data(next))))
    }
}

/// The host a request names, when that is not this computer: not
/// `localhost` (or a name under it), not a loopback address, not the
/// address the preview was bound to (any address at all when bound to
/// every one, `0.0.0.0`). An address, unlike a name, cannot be rebound to
/// this computer by someone else's DNS. A request without a Host (HTTP/1.0)
/// names nothing, and no browser sends one.
fn foreign_host<B>(request: &Request<B>, bind: IpAddr) -> Option<String> {
    let host = request.headers().get(header::HOST)?;
    let host = String::from_utf8_lossy(host.as_bytes()).into_owned();
    let name = match host.strip_prefix('[') {
        // "[::1]:1111"
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host
            .rsplit_once(':')
            .map_or(host.as_str(), |(name, _)| name),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if name == "localhost" || name.ends_with(".localhost") {
        return None;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) if ip.is_loopback() || ip == bind || bind.is_unspecified() => None,
        _ => Some(crate::diagnostics::visible(&host).into_owned()),
    }
}

/// A connection's socket that gives up on a client that has taken none
/// of what it was sent for [`WRITE_STALL`]: a reader that stopped frees
/// its slot and what is buffered for it.
struct Stalling<S> {
    inner: S,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> Stalling<S> {
    fn new(inner: S) -> Self {
        Stalling {
            inner,
            stalled: None,
        }
    }

    /// Pending writes start (or keep) the clock; progress stops it.
    fn watch<T>(
        &mut self,
        context: &mut Context<'_>,
        poll: Poll<std::io::Result<T>>,
    ) -> Poll<std::io::Result<T>> {
        if poll.is_ready() {
            self.stalled = None;
            return poll;
        }
        let clock = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(WRITE_STALL)));
        match clock.as_mut().poll(context) {
            Poll::Ready(()) => Poll::Ready(Err(std::io::ErrorKind::TimedOut.into())),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Stalling<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(context, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Stalling<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write(context, buf);
        this.watch(context, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write_vectored(context, bufs);
        this.watch(context, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_flush(context);
        this.watch(context, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(context)
    }
}

/// An HTML file from `static/`, sent as it is read, with the live-reload
/// script before its last `</body>` (or at its end): a large page costs a
/// buffer, not its size, per request.
pub(super) struct HtmlFile {
    file: std::fs::File,
    length: u64,
    /// Where the script goes.
    split: u64,
}

impl HtmlFile {
    /// How far from its end a page's `</body>` is looked for.
    const TAIL: u64 = 64 * 1024;

    fn open(path: &std::path::Path) -> std::io::Result<HtmlFile> {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = std::fs::File::open(path)?;
        let length = file.metadata()?.len();
        let from = length.saturating_sub(Self::TAIL);
        file.seek(SeekFrom::Start(from))?;
        let mut tail = Vec::new();
        file.by_ref().take(Self::TAIL).read_to_end(&mut tail)?;
        let split = tail
            .windows(7)
            .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
            .map_or(length, |at| from + at as u64);
        file.seek(SeekFrom::Start(0))?;
        Ok(HtmlFile {
            file,
            length,
            split,
        })
    }

    fn response(self) -> Response<Payload> {
        let tag = live_script_tag();
        let length = self.length + tag.len() as u64;
        let body = HtmlStream {
            file: tokio::fs::File::from_std(self.file),
            before: self.split,
            after: self.length - self.split,
            tag: Some(Bytes::from(tag)),
            buffer: vec![0; 64 * 1024],
        };
        let response = with(
            Response::new(body.boxed_unsync()),
            header::CONTENT_TYPE,
            "text/html; charset=utf-8",
        );
        with(response, header::CONTENT_LENGTH, &length.to_string())
    }
}

/// The body of an [`HtmlFile`]: the file up to `before` bytes, the tag,
/// then `after` bytes more: the length it was measured at and said in
/// `Content-Length`, whatever the file does meanwhile.
struct HtmlStream {
    file: tokio::fs::File,
    /// Bytes of the file still to send before the tag.
    before: u64,
    /// Bytes of the file to send after it.
    after: u64,
    tag: Option<Bytes>,
    buffer: Vec<u8>,
}

impl Body for HtmlStream {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        let stream = self.get_mut();
        if stream.before == 0
            && let Some(tag) = stream.tag.take()
        {
            return Poll::Ready(Some(Ok(Frame::data(tag))));
        }
        let left = if stream.tag.is_some() {
            stream.before
        } else {
            stream.after
        };
        if left == 0 {
            return Poll::Ready(None);
        }
        let limit = usize::try_from(left)
            .unwrap_or(usize::MAX)
            .min(stream.buffer.len());
        let mut read = ReadBuf::new(&mut stream.buffer[..limit]);
        match Pin::new(&mut stream.file).poll_read(context, &mut read) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Err(err)) => Poll::Ready(Some(Err(err))),
            Poll::Ready(Ok(())) if read.filled().is_empty() => match stream.tag.take() {
                // The file got shorter since it was measured: the tag still goes.
                Some(tag) => Poll::Ready(Some(Ok(Frame::data(tag)))),
                None => Poll::Ready(None),
            },
            Poll::Ready(Ok(())) => {
                let got = Bytes::copy_from_slice(read.filled());
                if stream.tag.is_some() {
                    stream.before -= got.len() as u64;
                } else {
                    stream.after -= got.len() as u64;
                }
                Poll::Ready(Some(Ok(Frame::data(got))))
            }
        }
    }
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
    fn only_this_computer_s_names_are_its_own() {
        let host = |value: &str, bind: [u8; 4]| {
            let request = Request::builder()
                .header(header::HOST, value)
                .body(())
                .expect("a request");
            foreign_host(&request, IpAddr::from(bind))
        };
        for own in [
            "localhost",
            "LOCALHOST:1111",
            "localhost.:1111",
            "app.localhost:1111",
            "127.0.0.1:1111",
            "127.9.9.9",
            "[::1]:1111",
        ] {
            assert_eq!(host(own, [127, 0, 0, 1]), None, "{own}");
        }
        for other in [
            "example.org",
            "example.org:1111",
            "localhost.example.org",
            "10.0.0.2:1111",
            "[::2]:1111",
        ] {
            assert_eq!(
                host(other, [127, 0, 0, 1]).as_deref(),
                Some(other),
                "{other}"
            );
        }
        assert_eq!(
            host("10.0.0.2:1111", [10, 0, 0, 2]),
            None,
            "the address it is bound to"
        );
        assert_eq!(
            host("10.0.0.3", [0, 0, 0, 0]),
            None,
            "bound to every address"
        );
        assert!(
            host("example.org", [0, 0, 0, 0]).is_some(),
            "but never a name"
        );
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
