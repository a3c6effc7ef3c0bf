//! `cairn init DIR`: a starter catalogue that passes `cairn check` without a
//! warning, builds, and never overwrites anything.

use crate::support::*;

#[test]
fn the_starter_checks_clean_and_builds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("my-site");
    let (code, _, stderr) = cairn(&["init", &site.to_string_lossy()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("cairn serve"),
        "says what to do next: {stderr}"
    );
    let (code, _, stderr) = cairn(&[
        "check",
        "--root",
        &site.to_string_lossy(),
        "--deny-warnings",
    ]);
    assert_eq!((code, stderr.as_str()), (0, "ok: no errors, 0 warnings\n"));
    let out = dir.path().join("out");
    let (code, _, stderr) = cairn(&[
        "build",
        "--root",
        &site.to_string_lossy(),
        "--output",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let catalogue: serde_json::Value =
        serde_json::from_str(&read(&out.join("catalogue.json"))).expect("json");
    let count = |kind: &str| catalogue[kind].as_array().map_or(0, Vec::len);
    assert_eq!(
        (
            count("pathways"),
            count("levels"),
            count("workshops"),
            count("requirements"),
            count("credentials")
        ),
        (1, 2, 3, 2, 1)
    );
    assert_eq!(broken_links(&out), Vec::<String>::new());
    assert!(
        read(&site.join("content/levels/advanced.md")).contains("# To start"),
        "comments teach the format"
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let (code, _, stderr) = cairn(&["init", &dir.path().to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not empty"), "{stderr}");
    assert_eq!(read(&dir.path().join("notes.txt")), "mine");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("ls").count(),
        1,
        "nothing written"
    );
}

#[test]
fn every_starter_file_is_compiled_in() {
    let folder = repo().join("src/init/starter");
    let on_disk: Vec<String> = snapshot(&folder).into_keys().collect();
    let mut embedded: Vec<String> = cairn::init::STARTER
        .iter()
        .map(|(path, _)| path.to_string())
        .collect();
    embedded.sort();
    assert_eq!(embedded, on_disk);
}
