//! Small sites for in-process unit tests: a few files written into a
//! scratch folder and run through the real pipeline up to the resolved
//! catalogue, so a test states its catalogue in a few lines.

use crate::{Resolved, SiteOptions};

/// The site.toml of every test site that does not bring its own.
const SITE_TOML: &str = "title = \"Test\"\nbase_url = \"https://example.org\"\n\n[organizations.guild]\nname = \"The Guild\"\n";

/// A scratch site folder holding `files` (path under the site root,
/// text), a `content/` folder, and a site.toml with one organization
/// (`guild`) unless `files` brings its own.
pub(crate) fn site_folder(files: &[(impl AsRef<str>, impl AsRef<str>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).expect("content/");
    if !files.iter().any(|(path, _)| path.as_ref() == "site.toml") {
        std::fs::write(root.join("site.toml"), SITE_TOML).expect("site.toml");
    }
    for (path, text) in files {
        let (path, text) = (path.as_ref(), text.as_ref());
        let target = root.join(path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).expect("a folder");
        }
        std::fs::write(&target, text).expect("a file");
    }
    dir
}

/// A site of `files`, resolved and checked, with no errors.
pub(crate) fn resolved(
    files: &[(impl AsRef<str>, impl AsRef<str>)],
) -> (tempfile::TempDir, Resolved) {
    let dir = site_folder(files);
    let options = SiteOptions {
        root: dir.path().to_path_buf(),
        today: crate::content::Date::parse("2027-01-01"),
        ..SiteOptions::default()
    };
    match crate::resolve(&options) {
        Ok(resolved) => (dir, resolved),
        Err(crate::Failure::Invalid(diags)) => {
            let cli = crate::report::cli_messages();
            let text: Vec<String> = diags
                .0
                .iter()
                .map(|d| d.render_human(&cli, false))
                .collect();
            panic!("the test site has errors:\n{}", text.join("\n"))
        }
        Err(crate::Failure::CannotRun(d)) => panic!(
            "cannot run: {}",
            d.render_human(&crate::report::cli_messages(), false)
        ),
    }
}

/// Front matter and an empty body.
pub(crate) fn md(front_matter: &str) -> String {
    format!("+++\n{front_matter}\n+++\n")
}
