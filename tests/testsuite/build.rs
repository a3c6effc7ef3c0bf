//! `cairn build` through the real binary: the bundled site, a fixture
//! catalogue, determinism, output-folder guards, and failed builds.

use crate::support::*;
use std::path::Path;

#[test]
fn bundled_site_builds_with_every_page_and_no_broken_link() {
    let out = tempfile::tempdir().expect("tempdir");
    let output = out.path().join("public");
    let (code, stderr) = build(&repo(), &output);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with("Built "), "one summary line: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for page in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "catalogue.json",
        "checklist/index.html",
        "pathways/index.html",
        "pathways/idc-certification/index.html",
        "pathways/icc-mentorship/index.html",
        "levels/level-1/index.html",
        "levels/level-2/index.html",
        "levels/level-3/index.html",
        "levels/field-work/index.html",
        "levels/icc-mentoring/index.html",
        "requirements/mental-health-first-aid/index.html",
        "credentials/ally-foundations-certificate/index.html",
        "credentials/certified-intimacy-professional/index.html",
        "style.css",
    ] {
        assert!(output.join(page).is_file(), "missing {page}");
    }
    let level2_workshops = read(&output.join("catalogue.json"));
    let catalogue: serde_json::Value =
        serde_json::from_str(&level2_workshops).expect("catalogue.json is JSON");
    let topic_workshops = catalogue["workshops"]
        .as_array()
        .expect("workshops")
        .iter()
        .filter(|w| w["level"] == "level-2")
        .count();
    assert!(
        topic_workshops >= 6,
        "at least six Level 2 topic workshops, found {topic_workshops}"
    );
    assert_eq!(broken_links(&output), Vec::<String>::new());

    let mentoring = read(&output.join("levels/icc-mentoring/index.html"));
    for words in [
        "at least 300 hours",
        "at least 10 years",
        "at least 15 credits",
        "Any one of the following:",
        "Preferred",
    ] {
        assert!(
            mentoring.contains(words),
            "ICC mentorship page lacks {words:?}"
        );
    }
    let mhfa = read(&output.join("requirements/mental-health-first-aid/index.html"));
    assert!(mhfa.contains("valid for 3 years"), "MHFA validity shown");
    let level2 = read(&output.join("levels/level-2/index.html"));
    assert!(
        level2.contains("At least 3 different workshops of"),
        "choose-3 in words"
    );
    assert!(level2.contains("Ally Foundations Certificate"));
}

#[test]
fn fixture_pages_carry_rules_in_words_with_links() {
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = build(&fixture("small"), out.path());
    assert_eq!(code, 0, "{stderr}");
    let pilot = read(&out.path().join("levels/pilot/index.html"));
    assert!(
        pilot.contains(
            r#"Hold the credential <a href="/credentials/navigator-certificate/">Navigator certificate</a>"#
        ),
        "{pilot}"
    );
    assert!(
        pilot
            .contains(r#"<a href="/requirements/sea-hours/">Hours at sea</a>: at least 500 hours"#)
    );
    assert!(pilot.contains("Logged at sea."), "notes are shown");
    assert!(
        pilot.contains("tag-preferred"),
        "preferred items are marked"
    );
    assert!(pilot.contains(
        "awards the credential <a href=\"/credentials/pilot-licence/\">Pilot licence</a>"
    ));
    assert!(pilot.contains("By application"));

    let navigation = read(&out.path().join("levels/navigation/index.html"));
    assert!(navigation.contains(r#"Complete <a href="/levels/deck-basics/">Deck basics</a>"#));
    assert!(navigation.contains("At least 2 different workshops of"));
    for workshop in ["Charts", "Stars", "Tides"] {
        assert!(
            navigation.contains(&format!(">{workshop}</a>")),
            "level lists its workshop {workshop}"
        );
    }

    let knots = read(&out.path().join("workshops/knots/index.html"));
    assert!(knots.contains(r#"<time datetime="2027-03-12">12 March 2027</time> to <time datetime="2027-03-13">13 March 2027</time>"#));
    assert!(knots.contains("Halifax") && knots.contains("Online"));
    assert!(knots.contains(r#"href="https://harbour.example.org/register/knots""#));
    assert!(
        knots.contains("No prerequisites: open to everyone."),
        "deck-basics has no requires"
    );

    let charts = read(&out.path().join("workshops/charts/index.html"));
    assert!(
        charts.contains("The same as for its level."),
        "workshop inherits its level's requires"
    );

    let first_aid = read(&out.path().join("requirements/first-aid/index.html"));
    assert!(first_aid.contains("valid for 3 years"));
    assert!(
        first_aid.contains(r#"<a href="/levels/pilot/">Pilot</a>"#),
        "requirement lists who needs it"
    );
    assert!(first_aid.contains("Red Cross"));

    let licence = read(&out.path().join("credentials/pilot-licence/index.html"));
    assert!(
        licence.contains(r#"<a href="/levels/pilot/">Pilot</a>"#),
        "credential says how to earn it"
    );
    assert!(licence.contains("Harbour Safety Board"));

    let pathway = read(&out.path().join("pathways/harbour-pilot/index.html"));
    let steps: Vec<usize> = ["Deck basics", "Navigation", "Pilot"]
        .iter()
        .map(|t| pathway.find(&format!(">{t}</a>")).unwrap_or(usize::MAX))
        .collect();
    assert!(
        steps.windows(2).all(|w| w[0] < w[1]),
        "levels in order: {steps:?}"
    );
    assert!(pathway.contains("<ol class=\"steps\">"));
    assert!(
        navigation.contains("<dd>2 of 3</dd>"),
        "a level says where it sits in its pathway"
    );

    let about = read(&out.path().join("about/index.html"));
    assert!(
        about.contains(r#"href="/levels/pilot/#learning-goals""#),
        "@id#anchor links resolve"
    );
    let home = read(&out.path().join("index.html"));
    assert!(home.contains(r#"href="/levels/deck-basics/""#));
    let crew = read(&out.path().join("crew-notes/index.html"));
    assert!(
        crew.contains("Café — crew notes 🚢"),
        "BOM + CRLF file with accents and emoji"
    );

    let listing = read(&out.path().join("levels/index.html"));
    assert!(
        listing.contains("<h1>All levels</h1>"),
        "_index.md titles the listing"
    );
    assert!(out.path().join("404.html").is_file());
    let sitemap = read(&out.path().join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://training.example.org/levels/pilot/</loc>"));
    assert_eq!(broken_links(out.path()), Vec::<String>::new());
    let catalogue: serde_json::Value =
        serde_json::from_str(&read(&out.path().join("catalogue.json"))).expect("json");
    assert_eq!(
        catalogue["levels"][1]["completion"],
        serde_json::json!({"choose": 2, "from": "navigation"})
    );
    assert_eq!(
        catalogue["pathways"][0]["levels"],
        serde_json::json!(["deck-basics", "navigation", "pilot"])
    );
}

#[test]
fn base_url_with_a_path_prefixes_every_link() {
    let out = tempfile::tempdir().expect("tempdir");
    let root = fixture("small");
    let (code, _, stderr) = cairn(&[
        "build",
        "--root",
        &root.to_string_lossy(),
        "--output",
        &out.path().to_string_lossy(),
        "--base-url",
        "https://example.org/training/",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let pilot = read(&out.path().join("levels/pilot/index.html"));
    assert!(pilot.contains(r#"href="/training/credentials/navigator-certificate/""#));
    assert!(pilot.contains(r#"href="/training/style.css""#));
    assert!(
        pilot.contains(
            r#"<link rel="canonical" href="https://example.org/training/levels/pilot/">"#
        )
    );
}

#[test]
fn identical_input_gives_identical_bytes() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    assert_eq!(build(&repo(), &a.path().join("site")).0, 0);
    assert_eq!(build(&repo(), &b.path().join("site")).0, 0);
    let (first, second) = (
        snapshot(&a.path().join("site")),
        snapshot(&b.path().join("site")),
    );
    assert!(first.len() > 40);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(&second[path] == bytes, "{path} differs between two builds");
    }
}

#[test]
fn output_guards_refuse_dangerous_folders_and_touch_nothing() {
    let site = site_copy("small");
    let root = site.path();
    let before = snapshot(root);
    let refused = |output: &Path, expected: &str| {
        let (code, stderr) = build(root, output);
        assert_eq!(code, 2, "{} should be refused: {stderr}", output.display());
        assert!(stderr.contains(expected), "{stderr}");
        assert!(stderr.contains("help:"), "{stderr}");
    };
    refused(root, "is the site root");
    refused(root.parent().expect("parent"), "contains the site root");
    refused(
        &root.join("content/out"),
        "inside the site's content/ folder",
    );
    let other_site = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(other_site.path().join("content")).expect("mkdir");
    refused(other_site.path(), "contains a content/ folder");
    let precious = tempfile::tempdir().expect("tempdir");
    std::fs::write(precious.path().join("thesis.docx"), "years of work").expect("write");
    refused(precious.path(), "not empty and was not made by cairn");
    assert_eq!(read(&precious.path().join("thesis.docx")), "years of work");
    assert_eq!(snapshot(root), before, "the site itself is untouched");
}

#[test]
fn an_empty_folder_is_accepted_and_then_owned() {
    let site = site_copy("small");
    let out = tempfile::tempdir().expect("tempdir");
    assert_eq!(build(site.path(), out.path()).0, 0);
    assert!(out.path().join(".cairn-output").is_file(), "marker written");
    // A second build replaces its own folder, removing stale pages.
    std::fs::remove_file(site.path().join("content/workshops/radio.md")).expect("rm");
    let (code, stderr) = build(site.path(), out.path());
    assert_eq!(code, 1, "deck-basics completion names radio: {stderr}");
    std::fs::write(
        site.path().join("content/levels/deck-basics.md"),
        "+++\ntitle = \"Deck basics\"\npathway = \"harbour-pilot\"\norder = 1\n+++\n",
    )
    .expect("write");
    let (code, stderr) = build(site.path(), out.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !out.path().join("workshops/radio").exists(),
        "stale page removed"
    );
    let name = out
        .path()
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let leftovers: Vec<_> = std::fs::read_dir(out.path().parent().expect("parent"))
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!(".{name}.cairn-"))
        })
        .collect();
    assert!(leftovers.is_empty(), "no staging folders left behind");
}

#[test]
fn a_failed_build_leaves_the_previous_site_exactly_as_it_was() {
    let site = site_copy("small");
    let out = tempfile::tempdir().expect("tempdir");
    let output = out.path().join("public");
    assert_eq!(build(site.path(), &output).0, 0);
    let before = snapshot(&output);
    std::fs::write(
        site.path().join("content/levels/pilot.md"),
        "+++\ntitle = \"Pilot\"\nrequires = [\"first-aide\"]\n+++\n",
    )
    .expect("write");
    let (code, stderr) = build(site.path(), &output);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error[E006]: unresolved reference \"first-aide\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> content/levels/pilot.md:3:13"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: did you mean \"first-aid\"?"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(snapshot(&output), before);
}

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let site = site_copy("small");
    std::fs::create_dir_all(site.path().join("templates")).expect("mkdir");
    std::fs::create_dir_all(site.path().join("static")).expect("mkdir");
    std::fs::write(
        site.path().join("templates/page.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>Custom: {{ page.title }}</h1>{% endblock main %}",
    )
    .expect("write");
    std::fs::write(site.path().join("static/style.css"), "body { color: red }").expect("write");
    std::fs::write(site.path().join("static/logo.svg"), "<svg/>").expect("write");
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = build(site.path(), out.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(read(&out.path().join("about/index.html")).contains("<h1>Custom: About</h1>"));
    assert_eq!(read(&out.path().join("style.css")), "body { color: red }");
    assert_eq!(read(&out.path().join("logo.svg")), "<svg/>");
    assert!(
        read(&out.path().join("levels/pilot/index.html")).contains("What it takes to start"),
        "other templates from the theme"
    );
}

#[test]
fn a_theme_of_its_own_falls_back_to_the_built_in_one() {
    let site = site_copy("small");
    let theme = site.path().join("themes/plain");
    std::fs::create_dir_all(theme.join("templates")).expect("mkdir");
    std::fs::create_dir_all(theme.join("i18n")).expect("mkdir");
    std::fs::write(
        theme.join("templates/workshop.html"),
        "<p>{{ page.title }} by plain</p>",
    )
    .expect("write");
    std::fs::write(
        theme.join("i18n/en.ftl"),
        "# Only what the theme changes.\nlevel_start_heading = Before you begin\n",
    )
    .expect("write");
    let config = read(&site.path().join("site.toml"));
    std::fs::write(
        site.path().join("site.toml"),
        config.replace("base_url", "theme = \"plain\"\nbase_url"),
    )
    .expect("write");
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = build(site.path(), out.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        read(&out.path().join("workshops/knots/index.html")),
        "<p>Knots by plain</p>"
    );
    let pilot = read(&out.path().join("levels/pilot/index.html"));
    assert!(
        pilot.contains("Before you begin"),
        "the theme's strings override"
    );
    assert!(
        pilot.contains("What it takes to finish"),
        "missing strings come from the built-in theme"
    );
    assert!(
        out.path().join("style.css").is_file(),
        "built-in static files"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = site_copy("small");
    std::fs::write(
        site.path().join("content/draft-page.md"),
        "+++\ntitle = \"Soon\"\ndraft = true\n+++\n",
    )
    .expect("write");
    let out = tempfile::tempdir().expect("tempdir");
    assert_eq!(build(site.path(), out.path()).0, 0);
    assert!(!out.path().join("draft-page").exists());
    let (code, _, stderr) = cairn(&[
        "build",
        "--drafts",
        "--root",
        &site.path().to_string_lossy(),
        "--output",
        &out.path().to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.path().join("draft-page/index.html").is_file());
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_whole_new_one() {
    let site = site_copy("small");
    let out = tempfile::tempdir().expect("tempdir");
    let output = out.path().join("public");
    assert_eq!(build(site.path(), &output).0, 0);
    let old = snapshot(&output);
    for i in 0..3000 {
        std::fs::write(
            site.path().join(format!("content/workshops/extra-{i}.md")),
            format!("+++\ntitle = \"Extra {i}\"\nlevel = \"navigation\"\n+++\n## Part one\n\nText for [knots](@knots).\n"),
        )
        .expect("write");
    }
    for delay_ms in [20, 120, 400] {
        let mut child = cairn_command()
            .args([
                "build",
                "--root",
                &site.path().to_string_lossy(),
                "--output",
                &output.to_string_lossy(),
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&output);
        let complete_new =
            now.len() == old.len() + 3000 && now.contains_key("workshops/extra-2999/index.html");
        assert!(
            now == old || complete_new,
            "after a kill at {delay_ms} ms the output is neither the old site nor the whole new one ({} files)",
            now.len()
        );
    }
    let (code, stderr) = build(site.path(), &output);
    assert_eq!(code, 0, "{stderr}");
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "public")
        .collect();
    assert_eq!(
        leftovers,
        Vec::<String>::new(),
        "the next build cleared what the killed ones left"
    );
}

#[test]
fn html_in_titles_and_summaries_is_escaped_everywhere() {
    let site = site_copy("small");
    let title = r#"<b>Knots</b> & "ropes" 'n' <script>alert(1)</script>"#;
    std::fs::write(
        site.path().join("content/workshops/knots.md"),
        format!(
            "+++\ntitle = '''{title}'''\nsummary = '''Tie <i onmouseover=\"x()\">fast</i> & \"well\"'''\nlevel = \"deck-basics\"\n+++\nBody.\n"
        ),
    )
    .expect("write");
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = build(site.path(), out.path());
    assert_eq!(code, 0, "{stderr}");
    let mut pages_with_title = 0;
    for (path, bytes) in snapshot(out.path()) {
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for raw in [
            "<b>Knots",
            "<script>alert",
            "<i onmouseover",
            "\"ropes\" 'n'",
        ] {
            assert!(!text.contains(raw), "{path} carries raw {raw:?}");
        }
        if path.ends_with(".html") && text.contains("&lt;b&gt;Knots&lt;&#x2F;b&gt;") {
            panic!("{path}: escaped twice or with the wrong escaper");
        }
        if text.contains("&lt;b&gt;Knots&lt;/b&gt; &amp; &quot;ropes&quot; &#39;n&#39;") {
            pages_with_title += 1;
        }
    }
    // The workshop page (h1, <title>), the level that lists it, the listing,
    // the rule text of the level it completes.
    assert!(
        pages_with_title >= 4,
        "the title shows, escaped, on {pages_with_title} pages"
    );
    let knots = read(&out.path().join("workshops/knots/index.html"));
    assert!(knots.contains(r#"<meta name="description" content="Tie &lt;i onmouseover=&quot;x()&quot;&gt;fast&lt;/i&gt; &amp; &quot;well&quot;">"#), "attribute escaping");
    let catalogue: serde_json::Value =
        serde_json::from_str(&read(&out.path().join("catalogue.json"))).expect("json");
    let workshops = catalogue["workshops"].as_array().expect("workshops");
    assert!(
        workshops.iter().any(|w| w["title"] == title),
        "catalogue.json keeps the exact title"
    );
}

/// Two builds into one folder never mix: while one holds the output's
/// lock (the test takes it itself, as a running build does), another is
/// refused and the site stays exactly as the first left it; once the lock
/// is released, the next build replaces it whole.
#[test]
fn two_builds_into_one_folder_never_mix() {
    let site = site_copy("small");
    let out = tempfile::tempdir().expect("tempdir");
    let output = out.path().join("public");
    assert_eq!(build(site.path(), &output).0, 0);
    let first = snapshot(&output);
    std::fs::write(
        site.path().join("content/workshops/extra.md"),
        "+++\ntitle = \"Extra\"\nsummary = \"s\"\nlevel = \"navigation\"\n+++\nText.\n",
    )
    .expect("write");
    let lock_path = out.path().join(".public.cairn-lock");
    let running = std::fs::File::create(&lock_path).expect("create");
    running.try_lock().expect("the test holds the lock");
    let (code, stderr) = build(site.path(), &output);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("another cairn build"), "{stderr}");
    assert_eq!(
        snapshot(&output),
        first,
        "the site is as the first build left it"
    );
    let beside: Vec<String> = std::fs::read_dir(out.path())
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.contains("cairn-staging") || n.contains("cairn-old"))
        .collect();
    assert!(
        beside.is_empty(),
        "the refused build left nothing: {beside:?}"
    );
    drop(running);
    let (code, stderr) = build(site.path(), &output);
    assert_eq!(code, 0, "{stderr}");
    let second = snapshot(&output);
    assert!(
        second.contains_key("workshops/extra/index.html"),
        "the new site, whole"
    );
    assert!(second.contains_key(".cairn-output"));
    assert!(!lock_path.exists(), "the lock is released");
}

#[test]
fn a_symbolic_link_in_the_old_site_is_removed_not_followed() {
    let site = site_copy("small");
    let out = tempfile::tempdir().expect("tempdir");
    let output = out.path().join("public");
    assert_eq!(build(site.path(), &output).0, 0);
    let precious = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(precious.path().join("sub")).expect("mkdir");
    std::fs::write(precious.path().join("sub/b.txt"), "keep me").expect("write");
    std::os::unix::fs::symlink(precious.path(), output.join("media")).expect("symlink");
    std::os::unix::fs::symlink(precious.path(), output.join("levels/media")).expect("symlink");
    assert_eq!(build(site.path(), &output).0, 0);
    assert_eq!(
        read(&precious.path().join("sub/b.txt")),
        "keep me",
        "what a link points at is not cairn's"
    );
    assert!(!output.join("media").exists());
}

#[test]
fn the_checklist_key_follows_the_rules_not_their_wording() {
    let key = |site: &std::path::Path| {
        let out = tempfile::tempdir().expect("tempdir");
        assert_eq!(build(site, out.path()).0, 0);
        let page = read(&out.path().join("checklist/index.html"));
        page.split("\"storage_key\":\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a storage key")
            .to_string()
    };
    let site = site_copy("small");
    let original = key(site.path());
    let pilot = site.path().join("content/levels/pilot.md");
    std::fs::write(
        &pilot,
        read(&pilot).replace("Logged at sea.", "Logged at sea, signed by the master."),
    )
    .expect("write");
    assert_eq!(
        key(site.path()),
        original,
        "a reworded note keeps the answers"
    );
    std::fs::write(
        &pilot,
        read(&pilot).replace("at_least = 500", "at_least = 600"),
    )
    .expect("write");
    assert_ne!(key(site.path()), original, "a changed rule starts afresh");
}

/// Issue 13, item 3: the pathway map on the home page and each pathway's
/// page, drawn at build time: a box per level in its pathway's lane, an
/// arrow per prerequisite link, dashed across pathways (IDC Level 3 leads
/// to ICC mentorship), as an image described in words that point at the
/// list of steps.
#[test]
fn the_pathway_map_draws_every_level_and_link() {
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = build(&repo(), out.path());
    assert_eq!(code, 0, "{stderr}");
    let home = read(&out.path().join("index.html"));
    let svg_start = home.find("<svg").expect("a map on the home page");
    let svg = &home[svg_start
        ..home[svg_start..]
            .find("</svg>")
            .map_or(home.len(), |e| svg_start + e)];
    assert!(
        svg.contains("role=\"img\" aria-labelledby=\"map-title map-desc\""),
        "{svg}"
    );
    assert!(
        svg.contains("<desc id=\"map-desc\">")
            && svg.contains("The list of steps says the same in words.")
    );
    let levels = std::fs::read_dir(repo().join("content/levels"))
        .expect("levels")
        .filter(|e| {
            e.as_ref().is_ok_and(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                // Originals only: `level-1.fr.md` translates `level-1.md`.
                name.ends_with(".md")
                    && !name.starts_with('_')
                    && !name.trim_end_matches(".md").contains('.')
            })
        })
        .count();
    assert_eq!(
        svg.matches("<g class=\"map-node").count(),
        levels,
        "a box per level"
    );
    assert_eq!(
        svg.matches("class=\"map-lane").count(),
        2,
        "a lane per pathway"
    );
    assert_eq!(
        svg.matches("class=\"map-edge map-edge-cross\"").count(),
        1,
        "IDC Level 3 leads to ICC mentorship: {svg}"
    );
    assert_eq!(
        svg.matches("class=\"map-edge\"").count(),
        3,
        "Level 1 → 2 → 3 → field work within IDC: {svg}"
    );
    assert!(!svg.contains("<script"), "no JavaScript");

    let pathway = read(&out.path().join("pathways/icc-mentorship/index.html"));
    assert!(
        pathway.contains("<g class=\"map-node map-current\">"),
        "its own levels stand out"
    );
    assert!(pathway.contains("class=\"map-lane map-current\""));
}

/// A rule with a nested group, notes at two depths and a one-child `all`
/// marked preferred, as `partials/rule.html` prints it: the markup the
/// default theme's macros printed before the partial (the same bytes), and
/// the same on every page that shows the rule.
#[test]
fn a_rule_prints_its_exact_markup_on_every_page_that_shows_it() {
    let site = site_copy("small");
    let pilot = site.path().join("content/levels/pilot.md");
    std::fs::write(
        &pilot,
        read(&pilot).replace(
            r#"  { has = "sea-hours", at_least = 500, note = "Logged at sea." },
  "first-aid","#,
            r#"  { any = ["first-aid", { has = "sea-hours", at_least = 500, note = "Logged at sea." }], note = "Either will do." },"#,
        ),
    )
    .expect("write");
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = build(site.path(), out.path());
    assert_eq!(code, 0, "{stderr}");
    let rule = r#"<div class="rule"><span class="rule-lead">All of the following:</span>
  <ul class="rule-list rule-all">
    <li><span class="rule-leaf">Hold the credential <a href="/credentials/navigator-certificate/">Navigator certificate</a></span></li>
    <li><span class="rule-lead">Any one of the following:</span>
  <ul class="rule-list rule-any">
    <li><span class="rule-leaf"><a href="/requirements/first-aid/">Marine first aid</a></span></li>
    <li><span class="rule-leaf"><a href="/requirements/sea-hours/">Hours at sea</a>: at least 500 hours</span> <span class="rule-note">Logged at sea.</span></li>
  </ul> <span class="rule-note">Either will do.</span></li>
    <li><span class="rule-leaf"><a href="/requirements/union-card/">Union card</a></span> <span class="tag tag-preferred">Preferred<span class="visually-hidden">: recommended, not required</span></span></li>
  </ul></div>"#;
    for page in [
        "levels/pilot/index.html",
        "pathways/harbour-pilot/index.html",
    ] {
        let html = read(&out.path().join(page));
        assert!(html.contains(rule), "{page}:\n{html}");
    }
    // The handbook links within itself, and prints the same markup.
    let in_handbook = rule
        .replace("/credentials/", "#credential-")
        .replace("/requirements/", "#requirement-")
        .replace("/\">", "\">");
    let handbook = read(&out.path().join("handbook/index.html"));
    assert!(handbook.contains(&in_handbook), "{handbook}");
}

/// The rule partial is a template like any other: a site's own
/// `templates/partials/rule.html` prints every rule of the default pages.
#[test]
fn a_site_can_replace_the_rule_partial() {
    let site = site_copy("small");
    let partials = site.path().join("templates/partials");
    std::fs::create_dir_all(&partials).expect("mkdir");
    std::fs::write(partials.join("rule.html"), "<b>{{ rule.kind }}</b>").expect("write");
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = build(site.path(), out.path());
    assert_eq!(code, 0, "{stderr}");
    for page in [
        "levels/pilot/index.html",
        "pathways/harbour-pilot/index.html",
    ] {
        let html = read(&out.path().join(page));
        assert!(
            html.contains(r#"<div class="rule"><b>all</b></div>"#),
            "{page}:\n{html}"
        );
    }
}
