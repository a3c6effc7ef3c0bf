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

/// Run one line of a workflow's `run:` as GitHub's default shell does
/// (`bash -e`), in `dir`, with this build's cairn first on the PATH and
/// the variables GitHub sets on a pull request.
fn run_step(dir: &std::path::Path, line: &str, summary: &std::path::Path) -> (i32, String) {
    let cairn_dir = std::path::Path::new(env!("CARGO_BIN_EXE_cairn"))
        .parent()
        .expect("a folder");
    let path = format!(
        "{}:{}",
        cairn_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = std::process::Command::new("bash")
        .args(["-e", "-c", line])
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_BASE_REF", "main")
        .env("GITHUB_STEP_SUMMARY", summary)
        .env("CAIRN_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .expect("run bash");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_starter_workflow_parses_and_every_cairn_command_in_it_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = dir.path().join("catalogue");
    let (code, _, stderr) = cairn(&["init", &repo.to_string_lossy()]);
    assert_eq!(code, 0, "{stderr}");
    let path = repo.join(".github/workflows/catalogue.yml");
    let text = read(&path);
    // docs/ci.md shows the very file `cairn init` writes.
    assert!(
        read(&crate::support::repo().join("docs/ci.md")).contains(&format!("```yaml\n{text}```\n")),
        "docs/ci.md must show the workflow cairn init writes, unchanged"
    );

    let workflow = python_tool("read-workflow.py", &[&path]);
    assert!(workflow["on"].get("pull_request").is_some(), "{workflow:#}");
    assert_eq!(
        workflow["on"]["push"]["branches"],
        serde_json::json!(["main"])
    );
    assert_eq!(
        workflow["permissions"],
        serde_json::json!({"contents": "read"})
    );
    let deploy = &workflow["jobs"]["deploy"];
    assert_eq!(
        deploy["permissions"],
        serde_json::json!({"pages": "write", "id-token": "write"})
    );
    assert_eq!(deploy["environment"]["name"], "github-pages");
    assert_eq!(deploy["needs"], "check");
    let steps = workflow["jobs"]["check"]["steps"]
        .as_array()
        .expect("steps");
    let uses = |action: &str| {
        steps
            .iter()
            .chain(deploy["steps"].as_array().expect("steps"))
            .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(action)))
            .unwrap_or_else(|| panic!("a step uses {action}"))
            .clone()
    };
    assert_eq!(uses("actions/checkout@")["with"]["fetch-depth"], 0);
    assert_eq!(
        uses("actions/upload-pages-artifact@")["with"]["path"],
        "public"
    );
    uses("actions/deploy-pages@");
    let commands: Vec<&str> = workflow["cairn_commands"]
        .as_array()
        .expect("commands")
        .iter()
        .map(|c| c["command"].as_str().expect("a command"))
        .collect();
    assert_eq!(
        commands,
        [
            "cairn check --format github --deny-warnings",
            "cairn check --format github",
            "cairn check",
            "cairn diff --base \"origin/$GITHUB_BASE_REF\" --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
            "cairn build --output public",
        ]
    );

    // A repository as a pull request's checkout sees it: the base branch
    // fetched as origin/main, and a change on top.
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "The starter catalogue"]);
    git(&repo, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    let advanced = repo.join("content/levels/advanced.md");
    let level = read(&advanced);
    let title = level
        .lines()
        .find(|l| l.starts_with("title = "))
        .expect("a title")
        .to_string();
    std::fs::write(
        &advanced,
        level.replacen(&title, "title = \"Advanced practice\"", 1),
    )
    .expect("write");
    git(&repo, &["commit", "-qam", "A new title"]);

    let summary = dir.path().join("summary.md");
    for command in &commands {
        assert!(!command.contains("${{"), "{command}");
        let (code, stderr) = run_step(&repo, command, &summary);
        assert_eq!(code, 0, "{command}: {stderr}");
    }
    let summary_text = read(&summary);
    assert!(
        summary_text.contains("## What this change means for candidates")
            && summary_text.contains("“Advanced practice”"),
        "{summary_text}"
    );
    assert!(repo.join("public/index.html").is_file());

    // The commented --fail-on-stricter line, for a stricter change.
    let strict_line = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| l.starts_with("cairn diff") && l.contains("--fail-on-stricter"))
        .expect("the --fail-on-stricter example");
    let level = read(&advanced);
    std::fs::write(
        &advanced,
        level.replacen("at_least = 50", "at_least = 80", 1),
    )
    .expect("write");
    git(&repo, &["commit", "-qam", "Stricter"]);
    let (code, stderr) = run_step(&repo, strict_line, &summary);
    assert_eq!(code, 1, "{strict_line}: {stderr}");
    assert!(read(&summary).contains("**stricter**"));
}
