//! A small synchronous WebDriver client for the browser tests: Debian's
//! chromedriver driving Debian's headless Chromium, over loopback.

#![allow(dead_code, unreachable_pub)]

use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process, killed when dropped.
pub struct Driver {
    child: Child,
    base: String,
    agent: ureq::Agent,
    _scratch: tempfile::TempDir,
}

/// One browser session.
pub struct Browser<'a> {
    driver: &'a Driver,
    url: String,
}

/// A page element.
#[derive(Clone)]
pub struct Element(String);

impl Driver {
    /// Start chromedriver on a free port. Fails with instructions when
    /// Chromium or chromedriver is missing: browser tests never skip.
    pub fn start() -> Driver {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            assert!(
                PathBuf::from(tool).exists(),
                "{tool} is missing: run scripts/test, which installs Debian's chromium and chromium-driver"
            );
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let scratch = tempfile::tempdir().expect("scratch");
        let child = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .env("HOME", scratch.path())
            .env("TMPDIR", scratch.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let driver = Driver {
            child,
            base: format!("http://127.0.0.1:{port}"),
            agent,
            _scratch: scratch,
        };
        let started = Instant::now();
        loop {
            let ready = driver
                .agent
                .get(format!("{}/status", driver.base))
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_json::<Value>().ok());
            if ready.is_some_and(|v| v["value"]["ready"] == true) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    fn send(&self, method: &str, url: &str, body: Option<Value>) -> Value {
        let response = match (method, body) {
            ("GET", _) => self.agent.get(url).call(),
            ("DELETE", _) => self.agent.delete(url).call(),
            (_, body) => self
                .agent
                .post(url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        };
        let mut response = response.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let value: Value = response.body_mut().read_json().unwrap_or(Value::Null);
        if let Some(error) = value["value"]["error"].as_str() {
            panic!(
                "WebDriver {method} {url}: {error}: {}",
                value["value"]["message"]
            );
        }
        value["value"].clone()
    }

    /// A new headless session, with JavaScript on or off.
    pub fn browser(&self, javascript: bool) -> Browser<'_> {
        let profile = tempfile::tempdir().expect("profile").keep();
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            format!("--user-data-dir={}", profile.display()),
        ];
        if !javascript {
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}});
        let session = self.send(
            "POST",
            &format!("{}/session", self.base),
            Some(capabilities),
        );
        let id = session["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        Browser {
            driver: self,
            url: format!("{}/session/{id}", self.base),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser<'_> {
    fn post(&self, path: &str, body: Value) -> Value {
        self.driver
            .send("POST", &format!("{}{path}", self.url), Some(body))
    }

    /// Lay the page out for `media` ("print", or "" for the screen), as
    /// Chromium's DevTools protocol does it: the print stylesheet, read by
    /// `getComputedStyle`.
    pub fn emulate_media(&self, media: &str) {
        self.post(
            "/goog/cdp/execute",
            json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": media}}),
        );
    }

    pub fn size(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({"width": width, "height": height}));
    }

    pub fn go(&self, url: &str) {
        self.post("/url", json!({"url": url}));
    }

    pub fn refresh(&self) {
        self.post("/refresh", json!({}));
    }

    /// Run a script (which may return a promise) with arguments.
    pub fn run(&self, script: &str, args: Value) -> Value {
        self.post("/execute/sync", json!({"script": script, "args": args}))
    }

    pub fn find(&self, css: &str) -> Element {
        let found = self.post("/element", json!({"using": "css selector", "value": css}));
        Element(
            found[ELEMENT]
                .as_str()
                .unwrap_or_else(|| panic!("no element {css}"))
                .to_string(),
        )
    }

    pub fn click(&self, element: &Element) {
        self.post(&format!("/element/{}/click", element.0), json!({}));
    }

    pub fn type_into(&self, element: &Element, text: &str) {
        self.post(
            &format!("/element/{}/value", element.0),
            json!({"text": text}),
        );
    }

    pub fn text(&self, css: &str) -> String {
        self.run(
            "return document.querySelector(arguments[0])?.innerText ?? ''",
            json!([css]),
        )
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    /// Press keys as a keyboard would (WebDriver key codes: "\u{E004}" Tab, " " Space).
    pub fn keys(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for key in keys {
            actions.push(json!({"type": "keyDown", "value": key}));
            actions.push(json!({"type": "keyUp", "value": key}));
        }
        self.post(
            "/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        );
    }

    /// Console messages at the level SEVERE since the last call.
    pub fn console_errors(&self) -> Vec<String> {
        let log = self.post("/se/log", json!({"type": "browser"}));
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or("").to_string())
            .collect()
    }
}

impl Drop for Browser<'_> {
    fn drop(&mut self) {
        let _ = self.driver.agent.delete(&self.url).call();
    }
}
