//! E021 (a local file that does not exist): a Markdown link or image that
//! points at a file of the site itself (`/files/handbook.pdf`,
//! `photo.jpg`) must find that file among the site's outputs, or the
//! published page would show a broken image or a dead link. Judged against
//! the route table, so a page, a copied content file and a theme's static
//! file all count.

use super::CheckInput;
use crate::catalogue::Entity;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::routes::Routes;
use crate::text;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let languages: Vec<String> = input
        .catalogue
        .config
        .other_languages()
        .map(|l| format!("{}/", l.tag))
        .collect();
    for (_, doc) in input.catalogue.entities() {
        local_files(doc, input.routes, &languages, diags);
    }
}

/// Links and images in Markdown that point at files the site will not
/// have. A link into another language's site (`/fr/levels/level-1/`)
/// names the page the default language has at the same path.
fn local_files(doc: &Entity, routes: &Routes, languages: &[String], diags: &mut Diagnostics) {
    for local in &doc.body.local_refs {
        let Some(path) = site_path(&doc.path, &local.target) else {
            diags.push(
                Diagnostic::error(
                    Code::MissingFile,
                    text!("outside_the_site", target = &local.target),
                )
                .at(&doc.source, local.span.clone())
                .with_help(text!("outside_the_site_help")),
            );
            continue;
        };
        let path = languages
            .iter()
            .find_map(|folder| path.strip_prefix(folder.as_str()).map(str::to_string))
            .or_else(|| {
                languages
                    .iter()
                    .find(|folder| path == folder.trim_end_matches('/'))
                    .map(|_| String::new())
            })
            .unwrap_or(path);
        let exists = if path.is_empty() || path.ends_with('/') {
            routes.contains(&format!("{path}index.html"))
        } else {
            routes.contains(&path) || routes.contains(&format!("{path}/index.html"))
        };
        if !exists {
            let message = if local.image {
                text!("missing_image", target = &local.target)
            } else {
                text!("missing_file", target = &local.target)
            };
            diags.push(
                Diagnostic::error(Code::MissingFile, message)
                    .at(&doc.source, local.span.clone())
                    .with_help(text!("missing_file_help", path = path)),
            );
        }
    }
}

/// The site-relative path a link resolves to, from the page at `page_path`;
/// `None` when `..` climbs above the site's root.
fn site_path(page_path: &str, target: &str) -> Option<String> {
    // `my%20file.pdf` is the file `my file.pdf`; a `%` not followed by two
    // hex digits stays as written, and bytes that are not UTF-8 become U+FFFD.
    let target = percent_encoding::percent_decode_str(target).decode_utf8_lossy();
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        page_path.split('/').filter(|p| !p.is_empty()).collect()
    };
    let trailing_slash = target.ends_with('/');
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut path = parts.join("/");
    if trailing_slash && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{Site, md};

    #[test]
    fn local_links_and_images_need_their_file() {
        let body =
            "![map](map.png) ![gone](gone.png) [pdf](/files/a.pdf) [home](/) [up](../../../x)\n";
        let site = Site::new(&[
            ("content/workshops/knots.md", &md("title = \"K\"", body)),
            ("content/workshops/knots/map.png", "png"),
            ("static/files/a.pdf", "pdf"),
        ]);
        assert_eq!(
            site.rule("files"),
            [
                "E021 content/workshops/knots.md:4:17 the image \"gone.png\" does not exist in the site (help: put the file at content/workshops/knots/gone.png or static/workshops/knots/gone.png, or correct the link (links starting with `/` are from the site's root))",
                "E021 content/workshops/knots.md:4:65 \"../../../x\" points outside the site (help: link to files inside the site, from its root: `/files/handbook.pdf`)",
            ]
        );
    }

    #[test]
    fn links_resolve_from_the_page_or_the_root() {
        assert_eq!(
            site_path("workshops/knots", "/files/a.pdf").as_deref(),
            Some("files/a.pdf")
        );
        assert_eq!(
            site_path("workshops/knots", "photo.jpg").as_deref(),
            Some("workshops/knots/photo.jpg")
        );
        assert_eq!(
            site_path("workshops/knots", "../radio/").as_deref(),
            Some("workshops/radio/")
        );
        assert_eq!(site_path("", "/").as_deref(), Some(""));
        assert_eq!(site_path("about", "../../x"), None);
        assert_eq!(
            site_path("", "/my%20file.pdf").as_deref(),
            Some("my file.pdf")
        );
        assert_eq!(site_path("", "/é%").as_deref(), Some("é%"));
        assert_eq!(site_path("", "/%é").as_deref(), Some("%é"));
        assert_eq!(site_path("", "/%41%2").as_deref(), Some("A%2"));
        assert_eq!(site_path("", "/%zz%ff").as_deref(), Some("%zz\u{fffd}"));
    }
}
