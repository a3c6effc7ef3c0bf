//! `cairn build` through the real binary: the bundled site, a fixture
//! catalogue, determinism, output-folder guards, and failed builds.

use crate::support::*;
use std::path::Path;

#[test]
fn bundled_site_builds_with_every_page_and_no_broken_link() {
    let site = SiteTest::repository();
    let stderr = site.build().succeeds().stderr;
    let output = site.out_dir();
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
    let level2_workshops = site.output("catalogue.json");
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

    let mentoring = site.output("levels/icc-mentoring/index.html");
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
    let mhfa = site.output("requirements/mental-health-first-aid/index.html");
    assert!(mhfa.contains("valid for 3 years"), "MHFA validity shown");
    let level2 = site.output("levels/level-2/index.html");
    assert!(
        level2.contains("At least 3 different workshops of"),
        "choose-3 in words"
    );
    assert!(level2.contains("Ally Foundations Certificate"));
}

#[test]
fn fixture_pages_carry_rules_in_words_with_links() {
    let site = SiteTest::fixture("small");
    site.build().succeeds();
    let pilot = site.output("levels/pilot/index.html");
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

    let navigation = site.output("levels/navigation/index.html");
    assert!(navigation.contains(r#"Complete <a href="/levels/deck-basics/">Deck basics</a>"#));
    assert!(navigation.contains("At least 2 different workshops of"));
    for workshop in ["Charts", "Stars", "Tides"] {
        assert!(
            navigation.contains(&format!(">{workshop}</a>")),
            "level lists its workshop {workshop}"
        );
    }

    let knots = site.output("workshops/knots/index.html");
    assert!(knots.contains(r#"<time datetime="2027-03-12">12 March 2027</time> to <time datetime="2027-03-13">13 March 2027</time>"#));
    assert!(knots.contains("Halifax") && knots.contains("Online"));
    assert!(knots.contains(r#"href="https://harbour.example.org/register/knots""#));
    assert!(
        knots.contains("No prerequisites: open to everyone."),
        "deck-basics has no requires"
    );

    let charts = site.output("workshops/charts/index.html");
    assert!(
        charts.contains("The same as for its level."),
        "workshop inherits its level's requires"
    );

    let first_aid = site.output("requirements/first-aid/index.html");
    assert!(first_aid.contains("valid for 3 years"));
    assert!(
        first_aid.contains(r#"<a href="/levels/pilot/">Pilot</a>"#),
        "requirement lists who needs it"
    );
    assert!(first_aid.contains("Red Cross"));

    let licence = site.output("credentials/pilot-licence/index.html");
    assert!(
        licence.contains(r#"<a href="/levels/pilot/">Pilot</a>"#),
        "credential says how to earn it"
    );
    assert!(licence.contains("Harbour Safety Board"));

    let pathway = site.output("pathways/harbour-pilot/index.html");
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

    let about = site.output("about/index.html");
    assert!(
        about.contains(r#"href="/levels/pilot/#learning-goals""#),
        "@id#anchor links resolve"
    );
    let home = site.output("index.html");
    assert!(home.contains(r#"href="/levels/deck-basics/""#));
    let crew = site.output("crew-notes/index.html");
    assert!(
        crew.contains("Café — crew notes 🚢"),
        "BOM + CRLF file with accents and emoji"
    );

    let listing = site.output("levels/index.html");
    assert!(
        listing.contains("<h1>All levels</h1>"),
        "_index.md titles the listing"
    );
    assert!(site.out_dir().join("404.html").is_file());
    let sitemap = site.output("sitemap.xml");
    assert!(sitemap.contains("<loc>https://training.example.org/levels/pilot/</loc>"));
    assert_eq!(broken_links(&site.out_dir()), Vec::<String>::new());
    let catalogue: serde_json::Value =
        serde_json::from_str(&site.output("catalogue.json")).expect("json");
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
    let site = SiteTest::fixture("small");
    site.build_with(&["--base-url", "https://example.org/training/"])
        .succeeds();
    let pilot = site.output("levels/pilot/index.html");
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
    let site = SiteTest::repository();
    let (a, b) = (site.scratch("a"), site.scratch("b"));
    site.build_to(&a, &[]).succeeds();
    site.build_to(&b, &[]).succeeds();
    let (first, second) = (snapshot(&a), snapshot(&b));
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
    let site = SiteTest::fixture("small");
    let root = site.root();
    let before = snapshot(root);
    let refused = |output: &Path, expected: &str| {
        site.build_to(output, &[])
            .exits(2)
            .stderr_contains(expected)
            .stderr_contains("help:");
    };
    refused(root, "is the site root");
    refused(root.parent().expect("parent"), "contains the site root");
    refused(
        &root.join("content/out"),
        "inside the site's content/ folder",
    );
    let other_site = site.scratch("other-site");
    std::fs::create_dir_all(other_site.join("content")).expect("mkdir");
    refused(&other_site, "contains a content/ folder");
    let precious = site.scratch("precious");
    std::fs::create_dir(&precious).expect("mkdir");
    std::fs::write(precious.join("thesis.docx"), "years of work").expect("write");
    refused(&precious, "not empty and was not made by cairn");
    assert_eq!(read(&precious.join("thesis.docx")), "years of work");
    assert_eq!(snapshot(root), before, "the site itself is untouched");
}

#[test]
fn an_empty_folder_is_accepted_and_then_owned() {
    let site = SiteTest::fixture("small");
    let out = site.scratch("empty");
    std::fs::create_dir(&out).expect("mkdir");
    site.build_to(&out, &[]).succeeds();
    assert!(out.join(".cairn-output").is_file(), "marker written");
    // A second build replaces its own folder, removing stale pages.
    site.remove("content/workshops/radio.md");
    // deck-basics' completion names radio.
    site.build_to(&out, &[]).fails();
    site.file(
        "content/levels/deck-basics.md",
        "+++\ntitle = \"Deck basics\"\npathway = \"harbour-pilot\"\norder = 1\n+++\n",
    );
    site.build_to(&out, &[]).succeeds();
    assert!(!out.join("workshops/radio").exists(), "stale page removed");
    let name = out
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let leftovers: Vec<_> = std::fs::read_dir(out.parent().expect("parent"))
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
    let site = SiteTest::fixture("small");
    site.build().succeeds();
    let before = snapshot(&site.out_dir());
    site.file(
        "content/levels/pilot.md",
        "+++\ntitle = \"Pilot\"\nrequires = [\"first-aide\"]\n+++\n",
    );
    site.build()
        .fails()
        .stderr_contains("error[E006]: unresolved reference \"first-aide\"")
        .stderr_contains("--> content/levels/pilot.md:3:13")
        .stderr_contains("help: did you mean \"first-aid\"?")
        .stderr_contains("nothing was written");
    assert_eq!(snapshot(&site.out_dir()), before);
}

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let site = SiteTest::fixture("small");
    site.file(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Custom: {{ page.title }}</h1>{% endblock main %}",
    )
    .file("static/style.css", "body { color: red }")
    .file("static/logo.svg", "<svg/>");
    site.build().succeeds();
    assert!(
        site.output("about/index.html")
            .contains("<h1>Custom: About</h1>")
    );
    assert_eq!(site.output("style.css"), "body { color: red }");
    assert_eq!(site.output("logo.svg"), "<svg/>");
    assert!(
        site.output("levels/pilot/index.html")
            .contains("What it takes to start"),
        "other templates from the theme"
    );
}

#[test]
fn a_theme_of_its_own_falls_back_to_the_built_in_one() {
    let site = SiteTest::fixture("small");
    site.file(
        "themes/plain/templates/workshop.html",
        "<p>{{ page.title }} by plain</p>",
    )
    .file(
        "themes/plain/i18n/en.ftl",
        "# Only what the theme changes.\nlevel_start_heading = Before you begin\n",
    )
    .replace("site.toml", "base_url", "theme = \"plain\"\nbase_url");
    site.build().succeeds();
    assert_eq!(
        site.output("workshops/knots/index.html"),
        "<p>Knots by plain</p>"
    );
    let pilot = site.output("levels/pilot/index.html");
    assert!(
        pilot.contains("Before you begin"),
        "the theme's strings override"
    );
    assert!(
        pilot.contains("What it takes to finish"),
        "missing strings come from the built-in theme"
    );
    assert!(
        site.out_dir().join("style.css").is_file(),
        "built-in static files"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = SiteTest::fixture("small");
    site.file(
        "content/draft-page.md",
        "+++\ntitle = \"Soon\"\ndraft = true\n+++\n",
    );
    site.build().succeeds();
    assert!(!site.out_dir().join("draft-page").exists());
    site.build_with(&["--drafts"]).succeeds();
    assert!(site.out_dir().join("draft-page/index.html").is_file());
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_whole_new_one() {
    let site = SiteTest::fixture("small");
    let output = site.out_dir();
    site.build().succeeds();
    let old = snapshot(&output);
    for i in 0..3000 {
        site.file(
            &format!("content/workshops/extra-{i}.md"),
            format!("+++\ntitle = \"Extra {i}\"\nlevel = \"navigation\"\n+++\n## Part one\n\nText for [knots](@knots).\n"),
        );
    }
    for delay_ms in [20, 120, 400] {
        let mut child = cairn_command()
            .args([
                "build",
                "--root",
                &site.root().to_string_lossy(),
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
    site.build().succeeds();
    let leftovers: Vec<_> = std::fs::read_dir(output.parent().expect("parent"))
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
    let site = SiteTest::fixture("small");
    let title = r#"<b>Knots</b> & "ropes" 'n' <script>alert(1)</script>"#;
    site.file(
        "content/workshops/knots.md",
        format!(
            "+++\ntitle = '''{title}'''\nsummary = '''Tie <i onmouseover=\"x()\">fast</i> & \"well\"'''\nlevel = \"deck-basics\"\n+++\nBody.\n"
        ),
    );
    site.build().succeeds();
    let mut pages_with_title = 0;
    for (path, bytes) in snapshot(&site.out_dir()) {
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
    let knots = site.output("workshops/knots/index.html");
    assert!(knots.contains(r#"<meta name="description" content="Tie &lt;i onmouseover=&quot;x()&quot;&gt;fast&lt;/i&gt; &amp; &quot;well&quot;">"#), "attribute escaping");
    let catalogue: serde_json::Value =
        serde_json::from_str(&site.output("catalogue.json")).expect("json");
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
    let site = SiteTest::fixture("small");
    let output = site.out_dir();
    site.build().succeeds();
    let first = snapshot(&output);
    site.file(
        "content/workshops/extra.md",
        "+++\ntitle = \"Extra\"\nsummary = \"s\"\nlevel = \"navigation\"\n+++\nText.\n",
    );
    let lock_path = site.scratch(".public.cairn-lock");
    let running = std::fs::File::create(&lock_path).expect("create");
    running.try_lock().expect("the test holds the lock");
    site.build().exits(2).stderr_contains("another cairn build");
    assert_eq!(
        snapshot(&output),
        first,
        "the site is as the first build left it"
    );
    let beside: Vec<String> = std::fs::read_dir(output.parent().expect("parent"))
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.contains("cairn-staging") || n.contains("cairn-old"))
        .collect();
    assert!(
        beside.is_empty(),
        "the refused build left nothing: {beside:?}"
    );
    drop(running);
    site.build().succeeds();
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
    let site = SiteTest::fixture("small");
    let output = site.out_dir();
    site.build().succeeds();
    let precious = site.scratch("precious");
    std::fs::create_dir_all(precious.join("sub")).expect("mkdir");
    std::fs::write(precious.join("sub/b.txt"), "keep me").expect("write");
    std::os::unix::fs::symlink(&precious, output.join("media")).expect("symlink");
    std::os::unix::fs::symlink(&precious, output.join("levels/media")).expect("symlink");
    site.build().succeeds();
    assert_eq!(
        read(&precious.join("sub/b.txt")),
        "keep me",
        "what a link points at is not cairn's"
    );
    assert!(!output.join("media").exists());
}

#[test]
fn the_checklist_key_follows_the_rules_not_their_wording() {
    let key = |site: &SiteTest| {
        site.build().succeeds();
        let page = site.output("checklist/index.html");
        page.split("\"storage_key\":\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a storage key")
            .to_string()
    };
    let site = SiteTest::fixture("small");
    let original = key(&site);
    let pilot = "content/levels/pilot.md";
    site.replace(
        pilot,
        "Logged at sea.",
        "Logged at sea, signed by the master.",
    );
    assert_eq!(key(&site), original, "a reworded note keeps the answers");
    site.replace(pilot, "at_least = 500", "at_least = 600");
    assert_ne!(key(&site), original, "a changed rule starts afresh");
}

/// Issue 13, item 3: the pathway map on the home page and each pathway's
/// page, drawn at build time: a box per level in its pathway's lane, an
/// arrow per prerequisite link, dashed across pathways (IDC Level 3 leads
/// to ICC mentorship), as an image described in words that point at the
/// list of steps.
#[test]
fn the_pathway_map_draws_every_level_and_link() {
    let site = SiteTest::repository();
    site.build().succeeds();
    let home = site.output("index.html");
    let svg_start = home.find("<svg").expect("a map on the home page");
    let svg = &home[svg_start
        ..home[svg_start..]
            .find("</svg>")
            .map_or(home.len(), |e| svg_start + e)];
    // The wide drawing first; the tall one (pathways as columns, for a
    // phone) follows, drawn from the same levels and links.
    assert!(
        svg.contains("aria-labelledby=\"map-title-wide map-desc-wide\""),
        "{svg}"
    );
    assert!(
        svg.contains("<desc id=\"map-desc-wide\">")
            && svg.contains("The list of steps says the same in words.")
    );
    assert!(home.contains("aria-labelledby=\"map-title-tall map-desc-tall\""));
    let levels = std::fs::read_dir(site.path("content/levels"))
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
        svg.matches("class=\"map-node").count(),
        levels,
        "a box per level, each a link: {svg}"
    );
    assert_eq!(svg.matches("<a href=\"/levels/").count(), levels);
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

    let pathway = site.output("pathways/icc-mentorship/index.html");
    assert!(
        pathway.contains("class=\"map-node map-current\">"),
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
    let site = SiteTest::fixture("small");
    site.replace(
        "content/levels/pilot.md",
        r#"  { has = "sea-hours", at_least = 500, note = "Logged at sea." },
  "first-aid","#,
        r#"  { any = ["first-aid", { has = "sea-hours", at_least = 500, note = "Logged at sea." }], note = "Either will do." },"#,
    );
    site.build().succeeds();
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
        let html = site.output(page);
        assert!(html.contains(rule), "{page}:\n{html}");
    }
    // The handbook links within itself, and prints the same markup.
    let in_handbook = rule
        .replace("/credentials/", "#credential-")
        .replace("/requirements/", "#requirement-")
        .replace("/\">", "\">");
    let handbook = site.output("handbook/index.html");
    assert!(handbook.contains(&in_handbook), "{handbook}");
}

/// The rule partial is a template like any other: a site's own
/// `templates/partials/rule.html` prints every rule of the default pages.
#[test]
fn a_site_can_replace_the_rule_partial() {
    let site = SiteTest::fixture("small");
    site.file("templates/partials/rule.html", "<b>{{ rule.kind }}</b>");
    site.build().succeeds();
    for page in [
        "levels/pilot/index.html",
        "pathways/harbour-pilot/index.html",
    ] {
        let html = site.output(page);
        assert!(
            html.contains(r#"<div class="rule"><b>all</b></div>"#),
            "{page}:\n{html}"
        );
    }
}
