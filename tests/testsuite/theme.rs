//! The default theme adds no text of its own: every word it puts on a page
//! comes from `i18n/en.toml`, so a translation is one file.

use crate::support::*;

/// Remove Tera tags (`{{ }}`, `{% %}`, `{# #}`) from a template.
fn strip_tera(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = ["{{", "{%", "{#"]
        .iter()
        .filter_map(|open| rest.find(open))
        .min()
    {
        out.push_str(&rest[..start]);
        let close = match &rest[start..start + 2] {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + 2..],
            None => return out,
        }
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// Text outside tags, plus the values of attributes people read or hear.
fn human_text(html: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        texts.push(rest[..open].to_string());
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for attr in ["aria-label=\"", "alt=\"", "title=\"", "placeholder=\""] {
            if let Some(at) = tag.find(attr) {
                let value = &tag[at + attr.len()..];
                texts.push(value.split('"').next().unwrap_or("").to_string());
            }
        }
        rest = &rest[open + close + 1..];
    }
    texts.push(rest.to_string());
    texts
}

#[test]
fn templates_hold_no_words_of_their_own() {
    let dir = repo().join("themes/default/templates");
    let mut offenders = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("templates") {
        let path = entry.expect("entry").path();
        let template = read(&path);
        for text in human_text(&strip_tera(&template)) {
            if text.chars().any(char::is_alphabetic) {
                offenders.push(format!(
                    "{}: {:?}",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    text.trim()
                ));
            }
        }
    }
    assert_eq!(
        offenders,
        Vec::<String>::new(),
        "text that belongs in i18n/en.toml"
    );
}

#[test]
fn the_stripper_finds_words_when_there_are_some() {
    let found: Vec<String> = human_text(&strip_tera(
        "<p>{{ t.x }} Hello</p><nav aria-label=\"Main\"></nav>",
    ))
    .into_iter()
    .filter(|t| t.chars().any(char::is_alphabetic))
    .collect();
    assert_eq!(found, ["  Hello", "Main"]);
}

#[test]
fn the_checklist_script_is_small_and_no_page_has_inline_script() {
    let script =
        std::fs::metadata(repo().join("themes/default/static/checklist.js")).expect("checklist.js");
    assert!(
        script.len() < 10 * 1024,
        "checklist.js is {} bytes; the budget is 10 KB unminified",
        script.len()
    );
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = build(&repo(), &out.path().join("site"));
    assert_eq!(code, 0, "{stderr}");
    for (path, bytes) in snapshot(&out.path().join("site")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        assert!(
            html.contains("script-src 'self'"),
            "{path} carries the Content-Security-Policy"
        );
        for tag in html.split("<script").skip(1) {
            let open = tag.split('>').next().unwrap_or("");
            assert!(
                open.contains(" src=") || open.contains("type=\"application/json\""),
                "{path}: inline script <script{open}>"
            );
        }
        assert!(
            !html.contains(" onclick=")
                && !html.contains(" onsubmit=")
                && !html.contains(" onload="),
            "{path}: inline handler"
        );
    }
}
