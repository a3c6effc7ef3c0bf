//! Splitting a content file into its TOML front matter and Markdown body.

use crate::diagnostics::{Code, Diagnostic};
use crate::source::SourceFile;
use crate::text;

/// Where the parts of a file are, as byte ranges into its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The TOML between the `+++` lines.
    pub front_matter: std::ops::Range<usize>,
    /// Everything after the closing `+++` line.
    pub body: std::ops::Range<usize>,
}

/// Find the front matter. A UTF-8 BOM and CRLF line endings are accepted.
pub fn split(file: &SourceFile) -> Result<Parts, Diagnostic> {
    let text = &file.text;
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    if !is_fence(&text[start..first_line_end]) {
        return Err(
            Diagnostic::error(Code::FrontMatter, text!("front_matter_missing"))
                .at(file, start..first_line_end.max(start + 1).min(text.len()))
                .with_help(text!("front_matter_missing_help")),
        );
    }
    let front_start = (first_line_end + 1).min(text.len());
    let mut line_start = front_start;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        if is_fence(&text[line_start..line_end]) {
            return Ok(Parts {
                front_matter: front_start..line_start,
                body: (line_end + 1).min(text.len())..text.len(),
            });
        }
        line_start = line_end + 1;
    }
    Err(
        Diagnostic::error(Code::FrontMatter, text!("front_matter_unclosed"))
            .at(file, start..first_line_end)
            .with_help(text!("front_matter_unclosed_help")),
    )
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Result<(String, String), Diagnostic> {
        let file = SourceFile::new("x.md", text);
        split(&file).map(|p| (text[p.front_matter].to_string(), text[p.body].to_string()))
    }

    #[test]
    fn splits_lf_crlf_and_bom() {
        assert_eq!(
            parts("+++\ntitle = \"a\"\n+++\nbody\n").ok(),
            Some(("title = \"a\"\n".into(), "body\n".into()))
        );
        assert_eq!(
            parts("+++\r\ntitle = \"a\"\r\n+++\r\nbody").ok(),
            Some(("title = \"a\"\r\n".into(), "body".into()))
        );
        assert_eq!(
            parts("\u{feff}+++\ntitle = \"a\"\n+++").ok(),
            Some(("title = \"a\"\n".into(), String::new()))
        );
    }

    #[test]
    fn reports_missing_and_unterminated() {
        let cli = crate::report::cli_messages();
        let message = |text| parts(text).err().map(|d| d.message_text(&cli));
        let missing = message("# Just markdown\n");
        assert_eq!(missing.as_deref(), Some("this file has no front matter"));
        let open = message("+++\ntitle = \"a\"\n");
        assert_eq!(open.as_deref(), Some("the front matter is never closed"));
        assert!(parts("").is_err());
    }
}
