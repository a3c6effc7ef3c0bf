//! A running `cairn serve` on a free loopback port: started once here for
//! the tests and for `examples/serve_latency.rs` (which includes this file
//! with `#[path]`), so the way its address is learnt is written once.
//! Only the standard library: the example shares it as it is.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long to wait for a line of the server's log or an event.
pub const WAIT: Duration = Duration::from_secs(20);

/// A `cairn serve` child process, killed when dropped. Its log (stderr)
/// arrives line by line on `log`, so it never blocks on a full pipe.
pub struct Served {
    child: Child,
    /// The port it listens on; 0 until the "Serving" line was read.
    pub port: u16,
    log: Receiver<String>,
}

impl Served {
    /// `cairn serve --root ROOT --port 0 EXTRA…`, once it says where it serves.
    pub fn start(binary: &Path, root: &Path, extra: &[&str]) -> Served {
        let mut served = Served::spawn(binary, root, extra);
        let line = served.wait_for_line(|l| l.starts_with("Serving http://"));
        served.port = serving_port(&line).expect("a port in the Serving line");
        served
    }

    /// Start without waiting for the "Serving" line (a test reads the log itself).
    pub fn spawn(binary: &Path, root: &Path, extra: &[&str]) -> Served {
        let mut child = Command::new(binary)
            .args(["serve", "--root", &root.to_string_lossy(), "--port", "0"])
            .args(extra)
            .env("NO_COLOR", "1")
            // The tests read its English words, whatever the locale.
            .env("CAIRN_LANG", "en")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn cairn serve");
        let stderr = child.stderr.take().expect("stderr");
        let (sender, log) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                // The receiver may be gone; keep draining the pipe anyway.
                let _ = sender.send(line);
            }
        });
        Served {
            child,
            port: 0,
            log,
        }
    }

    /// The next line of the log that `wanted` accepts; panics with what was
    /// printed instead when none comes within [`WAIT`].
    pub fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.log.recv_timeout(left) {
                Ok(line) if wanted(&line) => return line,
                Ok(line) => seen.push(line),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        panic!(
            "cairn serve never printed the expected line; it printed:\n{}",
            seen.join("\n")
        );
    }

    /// The server's process id, to read its threads and memory in /proc.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Subscribe to the live-reload stream as a browser does: the names of
    /// its events (`ready`, `reload`, `problems`), as they come.
    pub fn event_names(&self) -> Receiver<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .write_all(b"GET /__cairn/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .expect("send");
        let (sender, events) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if let Some(name) = line.strip_prefix("event: ")
                    && sender.send(name.to_string()).is_err()
                {
                    return;
                }
            }
        });
        events
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The port of "Serving http://127.0.0.1:1111/ …".
fn serving_port(line: &str) -> Option<u16> {
    line.strip_prefix("Serving http://")?
        .split('/')
        .next()?
        .rsplit(':')
        .next()?
        .parse()
        .ok()
}
