//! Answering one HTTP request from the site in memory.
//!
//! Paths are decoded and checked before any lookup; a request can only
//! ever name a file of the built site, which lives in a map, so nothing
//! outside it is reachable even in principle. There are no folder listings.

use super::{Live, Served};
use crate::render::Contents;
use std::io::Write;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// Where the live-reload event stream and script are served.
pub(super) const EVENTS_PATH: &str = "/__cairn/events";
pub(super) const SCRIPT_PATH: &str = "/__cairn/live.js";
const LIVE_SCRIPT: &str = include_str!("live.js");

pub(super) fn handle(request: Request, live: &Live) {
    let words = |id: &str| live.cli.text(id, &[]) + "\n";
    let method = request.method().clone();
    if method != Method::Get && method != Method::Head {
        let response = with(
            text(405, &words("serve_method_not_allowed")),
            "Allow",
            "GET, HEAD",
        );
        let _ = request.respond(response);
        return;
    }
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH {
        events(request, live);
        return;
    }
    if path == SCRIPT_PATH {
        let response = with(
            Response::from_data(LIVE_SCRIPT),
            "Content-Type",
            "text/javascript; charset=utf-8",
        );
        let _ = request.respond(with(response, "Cache-Control", "no-store"));
        return;
    }
    let response = match site_key(path) {
        Err(reason) => {
            let reason = live.cli.text(reason.message_id(), &[]);
            let body = live
                .cli
                .text("serve_bad_request", &[("reason", reason.into())]);
            text(400, &(body + "\n"))
        }
        Ok(key) => {
            let snapshot = live.snapshot();
            let index = if key.is_empty() || key.ends_with('/') {
                format!("{key}index.html")
            } else {
                key.clone()
            };
            match snapshot.get(&index) {
                Served::Missing
                    if !key.is_empty()
                        && !key.ends_with('/')
                        && snapshot.has(&format!("{key}/index.html")) =>
                {
                    // A folder asked for without its trailing slash.
                    // From the checked key, never the raw path ("//host" would leave the site).
                    with(
                        text(301, &words("serve_moved")),
                        "Location",
                        &format!("/{key}/"),
                    )
                }
                Served::Missing => match snapshot.get("404.html") {
                    Served::Bytes(bytes) => file_response("404.html", bytes.as_ref().clone(), 404),
                    // No good build yet: a page that shows the problems and
                    // reloads itself once they are fixed.
                    _ if live.problems().is_some() => waiting_page(live),
                    _ => text(404, &words("serve_not_found")),
                },
                Served::Bytes(bytes) => file_response(&index, bytes.as_ref().clone(), 200),
                Served::File(contents) => match read(&contents) {
                    Some(bytes) => file_response(&index, bytes, 200),
                    None => text(404, &words("serve_not_found")),
                },
                Served::Failed(diagnostic) => failed_page(live, &diagnostic),
            }
        }
    };
    let _ = request.respond(with(response, "Cache-Control", "no-store"));
}

fn read(contents: &Contents) -> Option<Vec<u8>> {
    match contents {
        Contents::Bytes(bytes) => Some(bytes.clone()),
        Contents::Static(bytes) => Some(bytes.to_vec()),
        Contents::Copy(path) => std::fs::read(path).ok(),
    }
}

/// The preview's own pages (no good build yet, a page that failed), with
/// the live script, so they come back by themselves once the site is fixed.
const NOTICE: &str = include_str!("notice.html");

fn notice(
    live: &Live,
    status: u16,
    title: &str,
    text: &str,
    details: &str,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let escape = crate::render::escape_html;
    let page = NOTICE
        .replace("{lang}", &escape(live.cli.lang()))
        .replace("{title}", &escape(&live.cli.text(title, &[])))
        .replace("{text}", &escape(&live.cli.text(text, &[])))
        .replace("{details}", &escape(details));
    let response = Response::from_data(with_live_script(page.into_bytes()))
        .with_status_code(StatusCode(status));
    with(response, "Content-Type", "text/html; charset=utf-8")
}

/// A page whose template failed: the problem, shown in place of the page.
fn failed_page(
    live: &Live,
    diagnostic: &crate::diagnostics::Diagnostic,
) -> Response<std::io::Cursor<Vec<u8>>> {
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

fn file_response(key: &str, bytes: Vec<u8>, status: u16) -> Response<std::io::Cursor<Vec<u8>>> {
    let content_type = content_type(key);
    let bytes = if content_type.starts_with("text/html") {
        with_live_script(bytes)
    } else {
        bytes
    };
    with(
        Response::from_data(bytes).with_status_code(StatusCode(status)),
        "Content-Type",
        content_type,
    )
}

fn waiting_page(live: &Live) -> Response<std::io::Cursor<Vec<u8>>> {
    notice(live, 503, "serve_waiting_title", "serve_waiting_text", "")
}

/// Add the live-reload script before `</body>` (or at the end).
fn with_live_script(bytes: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
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

/// Add a header. A value that is not plain ASCII (a strange request path
/// in a `Location`) is percent-encoded first, so it is never dropped.
fn with<R: std::io::Read>(response: Response<R>, name: &str, value: &str) -> Response<R> {
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
    match Header::from_bytes(name.as_bytes(), ascii.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let response =
        Response::from_data(body.as_bytes().to_vec()).with_status_code(StatusCode(status));
    with(response, "Content-Type", "text/plain; charset=utf-8")
}

/// A server-sent event stream: `reload` after each good rebuild,
/// `problems` (with the diagnostics) after a bad one, and a comment every
/// 15 s so idle connections stay open.
fn events(request: Request, live: &Live) {
    let receiver = live.subscribe();
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    let mut send = |event: &str, data: &str| -> bool {
        let mut message = if event.is_empty() {
            ": keep-alive\n".to_string()
        } else {
            format!("event: {event}\n")
        };
        for line in data.lines() {
            message.push_str("data: ");
            message.push_str(line);
            message.push('\n');
        }
        message.push('\n');
        writer
            .write_all(message.as_bytes())
            .and_then(|()| writer.flush())
            .is_ok()
    };
    if let Some(problems) = live.problems()
        && !send("problems", &problems)
    {
        return;
    }
    if !send("ready", "") {
        return;
    }
    loop {
        match receiver.recv_timeout(Duration::from_secs(15)) {
            Ok(super::Event::Reload) => {
                if !send("reload", "") {
                    return;
                }
            }
            Ok(super::Event::Problems(problems)) => {
                if !send("problems", &problems) {
                    return;
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                // A comment line: ignored by browsers, keeps the connection open.
                if !send("", "") {
                    return;
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
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
