//! E023 (not a web address): a link on the site must lead to the web. A
//! `javascript:` link runs code when clicked, a `data:` link opens content
//! the site never published, `file:` and the like point into the reader's
//! own computer; a theme's Content-Security-Policy blocks some of these in
//! some browsers, which is no reason to publish them. Each place a link
//! can be written takes the schemes that make sense there:
//!
//! - Markdown links (and `href`s in raw HTML): `http:`, `https:`,
//!   `mailto:`, `tel:`; images (`src`): `http:`, `https:`, and `data:image/`
//!   (an image written inline, which the default theme allows);
//! - an offering's `register`: `http:`, `https:`, `mailto:`;
//! - a provider's `url`: `http:`, `https:`, `mailto:`, `tel:`;
//! - an organization's `url` in site.toml: `http:`, `https:`.
//!
//! A field that names an address (`register`, `url`) must give a full one:
//! "example.org/register" would be read as a page of the site.

use super::CheckInput;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceFile, Span, Spanned};
use crate::text;

/// Where a link is written, and so which schemes it may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    MarkdownLink,
    MarkdownImage,
    Register,
    ProviderUrl,
    OrganizationUrl,
}

impl Place {
    fn allows(self, scheme: &str, target: &str) -> bool {
        match self {
            Place::MarkdownLink => matches!(scheme, "http" | "https" | "mailto" | "tel"),
            Place::MarkdownImage => {
                matches!(scheme, "http" | "https")
                    || (scheme == "data"
                        && target
                            .trim_start()
                            .get(5..)
                            .is_some_and(|rest| rest.to_ascii_lowercase().starts_with("image/")))
            }
            Place::Register => matches!(scheme, "http" | "https" | "mailto"),
            Place::ProviderUrl => matches!(scheme, "http" | "https" | "mailto" | "tel"),
            Place::OrganizationUrl => matches!(scheme, "http" | "https"),
        }
    }

    /// Whether the place needs a full address (a field that names one);
    /// a Markdown link without a scheme is a link inside the site.
    fn needs_full_address(self) -> bool {
        !matches!(self, Place::MarkdownLink | Place::MarkdownImage)
    }

    fn name(self) -> &'static str {
        match self {
            Place::MarkdownLink => "link",
            Place::MarkdownImage => "image",
            Place::Register => "register",
            Place::ProviderUrl => "provider_url",
            Place::OrganizationUrl => "organization_url",
        }
    }
}

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    for (_, doc) in input.catalogue.entities() {
        for address in &doc.body.addresses {
            let place = if address.image {
                Place::MarkdownImage
            } else {
                Place::MarkdownLink
            };
            judge(&doc.source, &address.target, &address.span, place, diags);
        }
        if let Some(workshop) = doc.as_workshop() {
            for register in workshop
                .offerings
                .iter()
                .filter_map(|o| o.register.as_ref())
            {
                judge_field(&doc.source, register, Place::Register, diags);
            }
        }
        if let Some(requirement) = doc.as_requirement() {
            for url in requirement.providers.iter().filter_map(|p| p.url.as_ref()) {
                judge_field(&doc.source, url, Place::ProviderUrl, diags);
            }
        }
    }
    let config = &input.catalogue.config;
    for url in config.organizations.values().filter_map(|o| o.url.as_ref()) {
        judge_field(&config.source, url, Place::OrganizationUrl, diags);
    }
}

fn judge_field(file: &SourceFile, value: &Spanned<String>, place: Place, diags: &mut Diagnostics) {
    judge(file, &value.value, &value.span, place, diags);
}

fn judge(file: &SourceFile, target: &str, span: &Span, place: Place, diags: &mut Diagnostics) {
    // Parsed as a browser does: leading spaces and inner tabs and newlines
    // do not hide a scheme.
    let decoded = crate::content::markdown::decode_references(target);
    let scheme = url::Url::parse(&decoded)
        .ok()
        .map(|url| url.scheme().to_string());
    let shown = target.chars().take(60).collect::<String>();
    let message = match &scheme {
        Some(scheme) if place.allows(scheme, target) => return,
        Some(scheme) => text!(
            "not_web_address",
            place = place.name(),
            scheme = format!("{scheme}:"),
            target = shown
        ),
        None if place.needs_full_address() => {
            text!("not_full_address", place = place.name(), target = shown)
        }
        None => return,
    };
    diags.push(
        Diagnostic::error(Code::NotWebAddress, message)
            .at(file, span.clone())
            .with_help(text!("not_web_address_help", place = place.name())),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn links_lead_to_the_web_wherever_they_are_written() {
        let site = Site::new(&[
            (
                "site.toml",
                "title = \"T\"\nbase_url = \"https://example.org\"\n[organizations.guild]\nname = \"Guild\"\nurl = \"javascript:alert(1)\"\n",
            ),
            (
                "content/about.md",
                &md(
                    "title = \"About\"\nsummary = \"S.\"",
                    "[ok](https://example.org) [mail](mailto:a@example.org) [bad](javascript:alert(1))\n\
                     ![pic](data:image/png;base64,AAAA) ![no](data:text/html,hi)\n\
                     <a href=\"vbscript:x\">raw</a> [local](/files/a.pdf) <a href=\" java&#x09;script&colon;y\">hidden</a>\n",
                ),
            ),
            (
                "content/workshops/w.md",
                &md(
                    "title = \"W\"\nsummary = \"S.\"\n[[offerings]]\nstart = 2027-03-01\nregister = \"data:text/html,hi\"\n[[offerings]]\nstart = 2027-04-01\nregister = \"example.org/register\"\n[[offerings]]\nstart = 2027-05-01\nregister = \"mailto:desk@example.org\"",
                    "",
                ),
            ),
            (
                "content/requirements/r.md",
                &md(
                    "title = \"R\"\nsummary = \"S.\"\n[[providers]]\nname = \"P\"\nurl = \"file:///etc/passwd\"\n[[providers]]\nname = \"Q\"\nurl = \"tel:+15551234\"",
                    "",
                ),
            ),
        ]);
        let found = site.rule("schemes");
        let lines: Vec<&str> = found.iter().map(String::as_str).collect();
        assert_eq!(lines.len(), 8, "{lines:#?}");
        for expected in [
            "javascript:alert(1)",
            "java&#x09;script&colon;y",
            "vbscript:",
            "data:text/html,hi",
            "example.org/register",
            "file:///etc/passwd",
            "site.toml:5:",
        ] {
            assert!(
                lines.iter().any(|l| l.contains(expected)),
                "{expected} not reported: {lines:#?}"
            );
        }
        for allowed in ["\"mailto:", "\"tel:", "\"data:image/png", "\"https://"] {
            assert!(
                !lines.iter().any(|l| l.contains(allowed)),
                "{allowed} is fine here: {lines:#?}"
            );
        }
    }
}
