//! Small sites for in-process unit tests: a few files written into a
//! scratch folder and run through the real pipeline up to the resolved
//! catalogue, so a test states its catalogue in a few lines.

use crate::{Resolved, SiteOptions};

/// A site of `files` (path under the site root, text), with a site.toml
/// of its own unless one is given; resolved and checked, with no errors.
pub(crate) fn resolved(files: &[(&str, &str)]) -> (tempfile::TempDir, Resolved) {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let mut has_config = false;
    for (path, text) in files {
        has_config |= *path == "site.toml";
        let target = dir.path().join(path);
        std::fs::create_dir_all(target.parent().expect("a parent folder")).expect("mkdir");
        std::fs::write(&target, text).expect("write");
    }
    if !has_config {
        std::fs::write(
            dir.path().join("site.toml"),
            "title = \"Test\"\nbase_url = \"https://test.example.org\"\n",
        )
        .expect("write site.toml");
    }
    std::fs::create_dir_all(dir.path().join("content")).expect("mkdir content");
    let options = SiteOptions {
        root: dir.path().to_path_buf(),
        today: crate::content::Date::parse("2027-01-01"),
        ..SiteOptions::default()
    };
    match crate::resolve(&options) {
        Ok(resolved) => (dir, resolved),
        Err(crate::Failure::Invalid(diags)) => {
            let text: Vec<String> = diags.0.iter().map(|d| d.render_human(false)).collect();
            panic!("the test site has errors:\n{}", text.join("\n"))
        }
        Err(crate::Failure::CannotRun(d)) => panic!("cannot run: {}", d.render_human(false)),
    }
}

/// Front matter and an empty body.
pub(crate) fn md(front_matter: &str) -> String {
    format!("+++\n{front_matter}\n+++\n")
}
