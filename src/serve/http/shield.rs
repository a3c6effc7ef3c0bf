//! What keeps the preview to this computer's browser and its connections
//! bounded: the Host a request names, and a socket that gives up on a
//! client that stopped reading.

use super::WRITE_STALL;
use http::Request;
use http::header;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The host a request names, when that is not this computer: not
/// `localhost` (or a name under it), not a loopback address, not the
/// address the preview was bound to (any address at all when bound to
/// every one, `0.0.0.0`). An address, unlike a name, cannot be rebound to
/// this computer by someone else's DNS. A request without a Host (HTTP/1.0)
/// names nothing, and no browser sends one.
pub(super) fn foreign_host<B>(request: &Request<B>, bind: IpAddr) -> Option<String> {
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
pub(super) struct Stalling<S> {
    inner: S,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> Stalling<S> {
    pub(super) fn new(inner: S) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
