//! cairn's integration tests: one test binary with a module per feature
//! (as mdBook's `tests/testsuite`), so the suite links once. Every test
//! runs the real `cairn` binary on real files; `support` holds the shared
//! helpers (running cairn, fixtures, a served site, a WebDriver client).
//! Browser tests run here too and are never skipped.

mod support;

mod aliases;
mod architecture;

mod broken;
mod browser;
mod build;
mod calendar;
mod checklist_words;
mod diagnostics;
mod diff;
mod docs;
mod eligibility;
mod feed;
mod handbook;
mod html;
mod init;
mod offerings;
mod reliability;
mod robustness;
mod schema;
mod scripts;
mod search;
mod serve;
mod serve_guard;
mod structured;
mod theme;
mod today;
mod translations;
mod words;
