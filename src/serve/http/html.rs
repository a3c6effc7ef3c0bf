//! HTML files from `static/`, streamed with the live-reload script put in
//! on the way.

use super::{Payload, header, live_script_tag, with};
use bytes::Bytes;
use http::Response;
use http_body_util::BodyExt;
use hyper::body::{Body, Frame};
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, ReadBuf};

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

    pub(super) fn open(path: &std::path::Path) -> std::io::Result<HtmlFile> {
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

    pub(super) fn response(self) -> Response<Payload> {
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
