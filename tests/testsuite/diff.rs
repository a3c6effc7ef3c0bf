//! `cairn diff`: what a change means for candidates, through the real
//! binary on real folders and a real Git repository.

use crate::support::*;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

/// Replace the first `from` with `to` in the file at `path` of `site`; the
/// text must be there.
fn edit(site: &SiteTest, path: &str, from: &str, to: &str) {
    site.edit(path, |text| {
        assert!(text.contains(from), "{path} has no {from:?}");
        text.replacen(from, to, 1)
    });
}

/// The small site before and after `change`.
fn before_and_after(change: impl Fn(&SiteTest)) -> (SiteTest, SiteTest) {
    let (old, new) = (SiteTest::fixture("small"), SiteTest::fixture("small"));
    change(&new);
    (old, new)
}

/// `cairn diff OLD NEW`: two roots, so not `SiteTest::run`'s `--root`.
fn diff(old: &SiteTest, new: &SiteTest, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "diff",
        old.root().to_str().expect("utf-8"),
        new.root().to_str().expect("utf-8"),
        "--today",
        "2027-01-01",
    ];
    args.extend_from_slice(extra);
    cairn(&args)
}

fn diff_json(old: &SiteTest, new: &SiteTest) -> Value {
    let (code, stdout, stderr) = diff(old, new, &["--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).expect("JSON")
}

/// `cairn eligibility` on a record of `completed` items and `measures`:
/// whether the person can start `level`.
fn can_start(site: &SiteTest, record: &Value, level: &str) -> bool {
    let mut toml = format!(
        "completed = {}\n[measures]\n",
        serde_json::to_string(&record["completed"]).expect("JSON")
    );
    for (measure, amount) in record["measures"].as_object().expect("measures") {
        toml.push_str(&format!("{measure} = {amount}\n"));
    }
    let profile = site.scratch("record.toml");
    std::fs::write(&profile, toml).expect("write");
    let verdicts = site
        .run(&[
            "eligibility",
            "--profile",
            profile.to_str().expect("utf-8"),
            "--format",
            "json",
            "--today",
            "2027-01-01",
        ])
        .succeeds()
        .json();
    verdicts["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .find(|v| v["id"] == level)
        .expect("the level")["can_start"]
        .as_bool()
        .expect("a verdict")
}

#[test]
fn a_raised_threshold_is_stricter_and_its_witness_is_a_real_record() {
    let (old, new) = before_and_after(|site| {
        edit(
            site,
            "content/levels/pilot.md",
            "at_least = 500",
            "at_least = 600",
        );
    });
    let report = diff_json(&old, &new);
    let rules = report["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 1, "{report:#}");
    let rule = &rules[0];
    assert_eq!(rule["id"], "pilot");
    assert_eq!(rule["rule"], "requires");
    assert_eq!(rule["change"], "stricter");
    assert!(rule.get("gained").is_none());
    // The smallest record that could start before, in the rule's own
    // terms (the certificate, not the workshops that earn it).
    assert_eq!(
        rule["lost"],
        json!({
            "completed": ["navigator-certificate", "first-aid"],
            "measures": {"sea-hours": 500},
            "sentence": "Someone with Navigator certificate, Marine first aid and Hours at sea (500 hours) could start Pilot before this change and cannot now."
        })
    );
    // The witness is true: judged by `cairn eligibility` on each side.
    assert!(can_start(&old, &rule["lost"], "pilot"));
    assert!(!can_start(&new, &rule["lost"], "pilot"));
    assert_eq!(report["needs_sign_off"], true);

    let (code, stdout, stderr) = diff(&old, &new, &["--fail-on-stricter"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("a rule became stricter"), "{stderr}");
    assert!(
        stdout.contains("Pilot, to start: stricter\n    before: Hours at sea: at least 500 hours\n    after: Hours at sea: at least 600 hours\n"),
        "{stdout}"
    );
}

#[test]
fn the_markdown_report_reads_as_a_pull_request_comment() {
    let (old, new) = before_and_after(|site| {
        edit(
            site,
            "content/levels/pilot.md",
            "{ all = [\"union-card\"], preferred = true }",
            "\"union-card\"",
        );
        edit(
            site,
            "content/workshops/tides.md",
            "title = \"Tides\"",
            "title = \"Tides & *currents*\"",
        );
    });
    let (code, stdout, stderr) = diff(&old, &new, &["--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "## What this change means for candidates\n\
         \n\
         1 rule changed (1 stricter); 1 retitled\n\
         \n\
         ### Rules\n\
         \n\
         - Pilot, to start: **stricter**\n  \
           - before: Union card (preferred)\n  \
           - after: Union card\n  \
           - Someone with Navigator certificate, Marine first aid and Hours at sea (500 hours) could start Pilot before this change and cannot now.\n\
         \n\
         ### Pages\n\
         \n\
         - retitled: workshop tides, “Tides” → “Tides &amp; \\*currents\\*”\n"
    );
}

#[test]
fn looser_both_and_reworded_are_told_apart() {
    // A requirement dropped: looser, and --fail-on-stricter lets it through.
    let (old, new) = before_and_after(|site| {
        edit(site, "content/levels/pilot.md", "  \"first-aid\",\n", "");
    });
    let report = diff_json(&old, &new);
    assert_eq!(report["rules"][0]["change"], "looser", "{report:#}");
    let gained = &report["rules"][0]["gained"];
    assert!(!can_start(&old, gained, "pilot"));
    assert!(can_start(&new, gained, "pilot"));
    let (code, _, stderr) = diff(&old, &new, &["--fail-on-stricter"]);
    assert_eq!(code, 0, "{stderr}");

    // One requirement for another: some lose, others gain.
    let (old, new) = before_and_after(|site| {
        edit(
            site,
            "content/levels/pilot.md",
            "  \"first-aid\",\n",
            "  \"union-card\",\n",
        );
    });
    let report = diff_json(&old, &new);
    let rule = &report["rules"][0];
    assert_eq!(rule["change"], "both", "{report:#}");
    assert!(can_start(&old, &rule["lost"], "pilot"));
    assert!(!can_start(&new, &rule["lost"], "pilot"));
    assert!(!can_start(&old, &rule["gained"], "pilot"));
    assert!(can_start(&new, &rule["gained"], "pilot"));

    // The certificate, or the level that awards it: the same people.
    let (old, new) = before_and_after(|site| {
        edit(
            site,
            "content/levels/pilot.md",
            "  \"navigator-certificate\",\n",
            "  { any = [\"navigation\", \"navigator-certificate\"] },\n",
        );
    });
    let report = diff_json(&old, &new);
    assert_eq!(report["rules"][0]["change"], "equivalent", "{report:#}");
    assert_eq!(report["needs_sign_off"], false);
}

#[test]
fn renamed_retitled_added_and_removed_entities_and_a_smaller_pool() {
    let (old, new) = before_and_after(|site| {
        // A file renamed: the same workshop under a new id.
        let workshops = site.path("content/workshops");
        std::fs::rename(workshops.join("stars.md"), workshops.join("star-sights.md"))
            .expect("rename");
        // A workshop removed from the navigation pool, which it counted in.
        std::fs::remove_file(workshops.join("tides.md")).expect("remove");
        edit(
            site,
            "content/workshops/charts.md",
            "title = \"Charts\"",
            "title = \"Chart work\"",
        );
        site.file(
            "content/requirements/radio-licence.md",
            "+++\ntitle = \"Radio licence\"\nsummary = \"A licence.\"\n+++\nBody.\n",
        );
        edit(
            site,
            "content/levels/pilot.md",
            "  \"first-aid\",\n",
            "  \"first-aid\",\n  \"radio-licence\",\n",
        );
    });
    let report = diff_json(&old, &new);
    assert_eq!(
        report["renamed"],
        json!([{"kind": "workshop", "from": "stars", "to": "star-sights", "title": "Stars",
                 "add_alias": "/workshops/stars/"}])
    );
    // In words, with the line that keeps the old address answering.
    let (_, human, _) = diff(&old, &new, &[]);
    assert!(
        human.contains(
            "add aliases = [\"/workshops/stars/\"] to content/workshops/star-sights.md so that its old address still answers"
        ),
        "{human}"
    );
    // Once the page lists it, as a path or as its old id, nothing is asked.
    for listed in ["aliases = [\"/workshops/stars/\"]", "aliases = [\"stars\"]"] {
        edit(
            &new,
            "content/workshops/star-sights.md",
            "title = \"Stars\"",
            &format!("title = \"Stars\"\n{listed}"),
        );
        assert_eq!(
            diff_json(&old, &new)["renamed"][0]["add_alias"],
            json!(null),
            "{listed}"
        );
        let (_, human, _) = diff(&old, &new, &[]);
        assert!(!human.contains("add aliases"), "{human}");
        edit(
            &new,
            "content/workshops/star-sights.md",
            &format!("title = \"Stars\"\n{listed}"),
            "title = \"Stars\"",
        );
    }
    assert_eq!(
        report["removed"],
        json!([{"kind": "workshop", "id": "tides", "title": "Tides"}])
    );
    assert_eq!(
        report["added"],
        json!([{"kind": "requirement", "id": "radio-licence", "title": "Radio licence"}])
    );
    assert_eq!(
        report["retitled"],
        json!([{"kind": "workshop", "id": "charts", "before": "Charts", "after": "Chart work"}])
    );
    let changes: Vec<(String, String, String)> = report["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap_or_default().to_string(),
                r["rule"].as_str().unwrap_or_default().to_string(),
                r["change"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let expected = [
        ("navigation", "completion", "stricter"),
        ("pilot", "requires", "stricter"),
    ];
    assert_eq!(
        changes,
        expected.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())),
        "the renamed workshop still counts; the removed one no longer does"
    );
    // Two of the three workshops: one of them the removed one.
    let lost = &report["rules"][0]["lost"]["completed"];
    assert!(
        lost.as_array().expect("ids").iter().any(|id| id == "tides"),
        "{lost}"
    );
}

#[test]
fn offerings_added_removed_moved_cancelled_and_repriced() {
    let (old, new) = before_and_after(|site| {
        let knots = "content/workshops/knots.md";
        // Named, so that it is the same offering when its dates move.
        edit(
            site,
            knots,
            "[[offerings]]\nstart = 2027-03-12\nend = 2027-03-13",
            "[[offerings]]\nid = \"spring\"\nstart = 2027-03-19\nend = 2027-03-20",
        );
        edit(
            site,
            knots,
            "note = \"Bring a length of rope.\"",
            "note = \"Bring a length of rope.\"\nstatus = \"cancelled\"",
        );
        edit(
            site,
            knots,
            "amount = 19.5, currency = \"USD\"",
            "amount = 25, currency = \"USD\"",
        );
        edit(
            site,
            knots,
            "+++\nTie them fast.",
            "\n[[offerings]]\nstart = 2027-09-01\nlocation = \"Sydney\"\n+++\nTie them fast.",
        );
    });
    // The old side names its first offering too, as it would have been.
    edit(
        &old,
        "content/workshops/knots.md",
        "[[offerings]]\nstart = 2027-03-12",
        "[[offerings]]\nid = \"spring\"\nstart = 2027-03-12",
    );
    let report = diff_json(&old, &new);
    let sentences: Vec<&str> = report["offerings"]
        .as_array()
        .expect("offerings")
        .iter()
        .map(|o| o["sentence"].as_str().expect("a sentence"))
        .collect();
    assert_eq!(
        sentences,
        [
            "Knots: the offering on 12 March 2027 moved to 19 March 2027",
            "Knots: the offering on 2 May 2027, 09:00 is cancelled",
            "Knots: the offering on 14 June 2027, 13:30: price 19.50 USD → 25 USD",
            "Knots: new offering on 1 September 2027",
        ]
    );
    let moved = &report["offerings"][0];
    assert_eq!(moved["change"], "moved");
    assert_eq!(moved["before"]["start"], "2027-03-12");
    assert_eq!(moved["after"]["start"], "2027-03-19");
    assert_eq!(moved["after"]["id"], "spring");
    assert_eq!(report["rules"], json!([]));

    // An offering taken out.
    let (old, new) = before_and_after(|site| {
        edit(
            site,
            "content/workshops/knots.md",
            "[[offerings]]\nstart = 2027-03-12",
            "[[offerings]]\nstart = 2027-03-06",
        );
    });
    let report = diff_json(&old, &new);
    let changes: Vec<&str> = report["offerings"]
        .as_array()
        .expect("offerings")
        .iter()
        .map(|o| o["change"].as_str().expect("a change"))
        .collect();
    assert_eq!(
        changes,
        ["added", "removed"],
        "without an id, another day is another offering"
    );
}

#[test]
fn the_same_catalogue_has_nothing_to_say() {
    let (old, new) = before_and_after(|_| {});
    let (code, stdout, stderr) = diff(&old, &new, &["--fail-on-stricter"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "No change for candidates: the same entities, rules and offerings.\n"
    );
}

#[test]
fn a_rule_too_large_to_decide_says_so_and_needs_sign_off() {
    let (old, new) = before_and_after(|site| {
        for n in 0..30 {
            site.file(
                &format!("content/workshops/extra-{n}.md"),
                format!("+++\ntitle = \"Extra {n}\"\nsummary = \"One of many.\"\nlevel = \"navigation\"\n+++\nBody.\n"),
            );
        }
        edit(
            site,
            "content/levels/navigation.md",
            "choose = 2",
            "choose = 7",
        );
    });
    let report = diff_json(&old, &new);
    let navigation = report["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["id"] == "navigation" && r["rule"] == "completion")
        .expect("navigation's completion");
    assert_eq!(navigation["change"], "undecided");
    let (code, stdout, _) = diff(&old, &new, &["--fail-on-stricter"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("more than 10,000 minimal ways"), "{stdout}");
}

#[test]
fn a_side_with_errors_is_named_and_stops_the_comparison() {
    let (old, new) = before_and_after(|site| {
        edit(
            site,
            "content/levels/pilot.md",
            "\"first-aid\"",
            "\"first-aide\"",
        );
    });
    let (code, stdout, stderr) = diff(&old, &new, &[]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.starts_with("cairn diff: the newer catalogue has errors"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean \"first-aid\"?"), "{stderr}");
    let (code, _, _) = cairn(&["diff"]);
    assert_eq!(code, 2, "no catalogue to compare is a bad invocation");
}

#[test]
fn base_reads_an_older_revision_of_a_site_in_a_subfolder_from_git() {
    let repo = tempfile::tempdir().expect("tempdir");
    let site = repo.path().join("site");
    copy_tree(&fixture("small"), &site);
    git(repo.path(), &["init", "-q", "-b", "main"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "start"]);
    let pilot = site.join("content/levels/pilot.md");
    let text = read(&pilot);
    assert!(text.contains("at_least = 500"), "{text}");
    std::fs::write(&pilot, text.replacen("at_least = 500", "at_least = 400", 1)).expect("write");
    // A file the work tree has and the revision had not, and one the other way.
    std::fs::write(
        site.join("content/workshops/anchors.md"),
        "+++\ntitle = \"Anchors\"\nsummary = \"Anchors.\"\nlevel = \"deck-basics\"\n+++\nBody.\n",
    )
    .expect("write");

    let root = site.to_str().expect("utf-8");
    let (code, stdout, stderr) = cairn(&[
        "diff",
        "--base",
        "main",
        "--root",
        root,
        "--today",
        "2027-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["rules"][0]["change"], "looser", "{report:#}");
    assert_eq!(report["added"][0]["id"], "anchors");
    // The repository is as it was: nothing staged, no worktree added.
    let status = Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(repo.path())
        .output()
        .expect("git status");
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        " M site/content/levels/pilot.md\n?? site/content/workshops/anchors.md\n"
    );

    let (code, _, stderr) = cairn(&["diff", "--base", "no-such-branch", "--root", root]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no revision \"no-such-branch\" in this repository"),
        "{stderr}"
    );
    assert!(stderr.contains("fetch-depth: 0"), "{stderr}");

    SiteTest::fixture("small")
        .run(&["diff", "--base", "main"])
        .exits(2)
        .stderr_contains("is not in a Git repository");

    // No git at all.
    let output = cairn_command()
        .args(["diff", "--base", "main", "--root", root])
        .env("PATH", "/nonexistent")
        .env("NO_COLOR", "1")
        .output()
        .expect("run cairn");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("needs the `git` command"), "{stderr}");
}

#[test]
fn a_workshop_s_own_rule_is_compared_with_the_level_s_it_follows() {
    // Charts follows its level's rule (deck basics); stating the same rule
    // as its own is no change at all.
    let (old, new) = before_and_after(|site| {
        edit(
            site,
            "content/workshops/charts.md",
            "level = \"navigation\"",
            "level = \"navigation\"\nrequires = \"deck-basics\"",
        );
    });
    let report = diff_json(&old, &new);
    assert_eq!(report["rules"], json!([]), "{report:#}");

    // Its own rule, stricter than its level's: and the other way round,
    // dropping it is looser, worded as taking the workshop.
    let (old, new) = before_and_after(|site| {
        edit(
            site,
            "content/workshops/charts.md",
            "level = \"navigation\"",
            "level = \"navigation\"\nrequires = [\"deck-basics\", \"first-aid\"]",
        );
    });
    let report = diff_json(&old, &new);
    assert_eq!(report["rules"][0]["change"], "stricter", "{report:#}");
    let report = diff_json(&new, &old);
    let rule = &report["rules"][0];
    assert_eq!(rule["change"], "looser", "{report:#}");
    assert_eq!(
        rule["gained"]["sentence"],
        "Someone with Deck basics could not take Charts before this change and can now."
    );
}

#[test]
fn a_retitle_that_reorders_a_level_s_workshops_changes_no_rule() {
    let (old, new) = before_and_after(|site| {
        // Tides moves to the front of the navigation pool.
        edit(
            site,
            "content/workshops/tides.md",
            "title = \"Tides\"",
            "title = \"Age of tides\"",
        );
    });
    let report = diff_json(&old, &new);
    assert_eq!(report["rules"], json!([]), "{report:#}");
    assert_eq!(report["retitled"][0]["id"], "tides");
}

/// `git` in `dir` with `input` on stdin; its output, trimmed.
fn git_out(dir: &Path, args: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run git");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("git output");
    assert!(output.status.success(), "git {args:?}");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

#[test]
fn a_revision_whose_tree_climbs_out_of_the_site_folder_is_refused() {
    // A tree entry named `..` under site/, crafted with git's plumbing: its
    // file would land beside the scratch folder, not in it.
    let repo = tempfile::tempdir().expect("tempdir");
    let dir = repo.path();
    git(dir, &["init", "-q", "-b", "main"]);
    let blob = git_out(dir, &["hash-object", "-w", "--stdin"], "evil\n");
    let climbing = git_out(dir, &["mktree"], &format!("100644 blob {blob}\tpwned\n"));
    let site = git_out(
        dir,
        &["mktree"],
        &format!("040000 tree {climbing}\t..\n100644 blob {blob}\tsite.toml\n"),
    );
    let root = git_out(dir, &["mktree"], &format!("040000 tree {site}\tsite\n"));
    let commit = git_out(dir, &["commit-tree", &root, "-m", "crafted"], "");
    std::fs::create_dir(dir.join("site")).expect("mkdir");
    let (code, _, stderr) = cairn(&[
        "diff",
        "--base",
        &commit,
        "--root",
        dir.join("site").to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("holds a file at \"../pwned\", outside the site folder"),
        "{stderr}"
    );
    let scratch_parent = std::env::temp_dir();
    assert!(
        !scratch_parent.join("pwned").exists(),
        "nothing written outside"
    );
}

/// A repository of the small site, committed on `main`, with `extra`
/// files (path under the site, size in bytes of zeros) committed too, and
/// `about` added to its about page.
fn committed_site(extra: &[(&str, u64)], about: &str) -> SiteTest {
    let site = SiteTest::fixture("small");
    site.edit("content/about.md", |text| text + about);
    for (path, size) in extra {
        let path = site.path(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(*size))
            .expect("a file of zeros");
    }
    git(site.root(), &["init", "-q", "-b", "main"]);
    git(site.root(), &["add", "-A"]);
    git(site.root(), &["commit", "-qm", "start"]);
    site
}

fn scratch_folders(tmp: &Path) -> Vec<String> {
    std::fs::read_dir(tmp)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cairn-diff-"))
        .collect()
}

/// Stopped by SIGINT or SIGTERM mid-diff (a cancelled CI job), `diff
/// --base` removes its scratch folder and ends as the signal says. Git is
/// made to wait (a `git` ahead on PATH that sleeps in `cat-file`) so the
/// signal comes while the folder is being filled.
#[test]
fn a_diff_stopped_by_a_signal_leaves_no_scratch_folder() {
    let repo = committed_site(&[], "");
    let real_git = String::from_utf8(
        Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .expect("sh")
            .stdout,
    )
    .expect("utf-8");
    let bin = tempfile::tempdir().expect("tempdir");
    let waiting = bin.path().join("cat-file-waiting");
    let slow_git = bin.path().join("git");
    std::fs::write(
        &slow_git,
        format!(
            "#!/bin/sh\ncase \" $* \" in *\" cat-file \"*) echo $$ > '{}'; exec sleep 60;; esac\nexec {} \"$@\"\n",
            waiting.display(),
            real_git.trim()
        ),
    )
    .expect("write");
    std::fs::set_permissions(
        &slow_git,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .expect("chmod");
    for (signal, name) in [(libc::SIGINT, "SIGINT"), (libc::SIGTERM, "SIGTERM")] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let _ = std::fs::remove_file(&waiting);
        let mut child = cairn_command()
            .args(["diff", "--base", "main", "--root"])
            .arg(repo.root())
            .env("TMPDIR", tmp.path())
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    bin.path().display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let deadline = std::time::Instant::now() + WAIT;
        let _sleeping_git = loop {
            if let Ok(pid) = std::fs::read_to_string(&waiting)
                && let Ok(pid) = pid.trim().parse::<i32>()
            {
                break KilledOnDrop(pid);
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{name}: git never asked"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert_eq!(
            scratch_folders(tmp.path()).len(),
            1,
            "{name}: the scratch folder is there"
        );
        // SAFETY: kill(2) on the child's own process id.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        let status = child.wait().expect("wait");
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&status),
            Some(signal),
            "{name}: ends as the signal says: {status:?}"
        );
        assert!(
            scratch_folders(tmp.path()).is_empty(),
            "{name}: the scratch folder is removed: {:?}",
            scratch_folders(tmp.path())
        );
    }
}

/// A process killed when this goes, whatever the test's outcome.
struct KilledOnDrop(i32);

impl Drop for KilledOnDrop {
    fn drop(&mut self) {
        // SAFETY: kill(2) on a process id the process itself wrote down.
        unsafe { libc::kill(self.0, libc::SIGKILL) };
    }
}

/// A file of the older revision is streamed to the scratch folder, never
/// held whole: a 300 MB file under `content/` costs the diff a buffer,
/// and one under `static/` is not read from Git at all, though a link to
/// it still finds it.
#[test]
fn a_large_file_in_the_older_revision_is_streamed_not_held() {
    let repo = committed_site(
        &[
            ("content/files/big.bin", 300 << 20),
            ("static/media/video.mp4", 300 << 20),
        ],
        "\n\nWatch [the video](/media/video.mp4).\n",
    );
    let mut child = cairn_command()
        .args(["diff", "--base", "main", "--root"])
        .arg(repo.root())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // cairn's own peak (VmHWM), read until it ends: its Git child reads
    // the file its own way and is not cairn's memory.
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    assert!(status.success(), "{status:?}");
    assert!(peak_kb > 0, "the peak was read");
    assert!(
        peak_kb < 150 * 1024,
        "peak memory {} MB: a 300 MB file was held whole",
        peak_kb / 1024
    );
}

/// A file the scratch folder cannot hold (a name too long for its file
/// system, crafted with Git's plumbing) is blamed on the scratch folder,
/// with the path, not on Git.
#[test]
fn a_file_the_scratch_folder_cannot_hold_is_named() {
    let repo = tempfile::tempdir().expect("tempdir");
    let dir = repo.path();
    git(dir, &["init", "-q", "-b", "main"]);
    let blob = git_out(
        dir,
        &["hash-object", "-w", "--stdin"],
        "+++\ntitle = \"x\"\n+++\n",
    );
    let long = format!("{}.md", "x".repeat(300));
    let content = git_out(dir, &["mktree"], &format!("100644 blob {blob}\t{long}\n"));
    let root = git_out(
        dir,
        &["mktree"],
        &format!("040000 tree {content}\tcontent\n100644 blob {blob}\tsite.toml\n"),
    );
    let commit = git_out(dir, &["commit-tree", &root, "-m", "crafted"], "");
    let (code, _, stderr) = cairn(&[
        "diff",
        "--base",
        &commit,
        "--root",
        dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("in the scratch folder for the older revision")
            && stderr.contains(&format!("content/{long}"))
            && !stderr.contains("git cat-file --batch"),
        "{stderr}"
    );
}
