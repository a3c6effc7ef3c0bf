//! The live-reload stream: server-sent events that hold only the latest
//! event, made once and shared by every stream, and a comment now and then
//! so that an idle stream stays open.

use super::{KEEP_ALIVE, Payload, header, no_store, with};
use crate::serve::{Event, Live};
use bytes::Bytes;
use http::Response;
use http_body_util::BodyExt;
use hyper::body::{Body, Frame};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::sync::{OwnedSemaphorePermit, watch};

/// A server-sent event stream: `reload` after each good rebuild,
/// `problems` (with the diagnostics) after a bad one, and a comment every
/// [`KEEP_ALIVE`] so idle connections stay open.
pub(super) fn event_stream(live: &Live, permit: OwnedSemaphorePermit) -> Response<Payload> {
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
pub(in crate::serve) fn event_message(event: &Event) -> Bytes {
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
    /// One of the [`super::MAX_STREAMS`] places, held while the stream is open.
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
