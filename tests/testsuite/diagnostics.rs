//! Problems in a catalogue stop the build with a diagnostic that names the
//! file, line and column, and says what to do.

use crate::support::*;

/// `cairn check` on a copy of the small fixture with `files` written over it.
#[track_caller]
fn check_with(files: &[(&str, &str)]) -> Run {
    let site = SiteTest::fixture("small");
    for (path, text) in files {
        site.file(path, text);
    }
    site.check()
}

#[track_caller]
fn assert_reports(files: &[(&str, &str)], expected: &[&str]) {
    let mut run = check_with(files).fails();
    for line in expected {
        run = run.stderr_contains(line);
    }
}

#[test]
fn the_fixture_is_clean() {
    let run = SiteTest::fixture("small").check();
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "ok: no errors, 0 warnings\n")
    );
}

#[test]
fn unknown_keys_get_did_you_mean() {
    assert_reports(
        &[(
            "content/levels/pilot.md",
            "+++\ntitle = \"Pilot\"\nrequirs = \"navigation\"\n+++\n",
        )],
        &[
            "error[E003]: unknown key `requirs` in a level's front matter",
            "--> content/levels/pilot.md:3:1",
            "help: did you mean `requires`?",
        ],
    );
}

#[test]
fn missing_and_mistyped_fields() {
    assert_reports(
        &[
            (
                "content/levels/pilot.md",
                "+++\nsummary = \"No title\"\n+++\n",
            ),
            (
                "content/workshops/radio.md",
                "+++\ntitle = \"Radio\"\nlevel = 3\n+++\n",
            ),
        ],
        &[
            "error[E004]: a level's front matter has no `title`",
            "--> content/levels/pilot.md:1:1",
            "error[E005]: `level` must be a string, found an integer",
            "--> content/workshops/radio.md:3:9",
        ],
    );
}

/// Issue 24, item 3: `discretionary` is a requirement's, true or false,
/// and a near miss is named.
#[test]
fn discretionary_is_true_or_false_on_a_requirement() {
    let requirement =
        |line: &str| format!("+++\ntitle = \"Marine first aid\"\nsummary = \"S.\"\n{line}\n+++\n");
    let run = check_with(&[(
        "content/requirements/first-aid.md",
        &requirement("discretionary = \"yes\""),
    )])
    .fails();
    assert_eq!(
        run.stderr,
        "error[E005]: `discretionary` must be true or false, found a string\n \
         --> content/requirements/first-aid.md:4:17\n  \
         |\n\
         4 | discretionary = \"yes\"\n  \
         |                 ^^^^^\n  \
         |\n  \
         = help: write it like `discretionary = true`\n\n\
         error: found 1 error and 0 warnings\n"
    );
    assert_reports(
        &[(
            "content/requirements/first-aid.md",
            &requirement("discretionnary = true"),
        )],
        &[
            "error[E003]: unknown key `discretionnary` in a requirement's front matter",
            "--> content/requirements/first-aid.md:4:1",
            "help: did you mean `discretionary`?",
        ],
    );
    check_with(&[(
        "content/requirements/first-aid.md",
        &requirement("discretionary = true"),
    )])
    .succeeds();
}

#[test]
fn toml_syntax_errors_point_into_the_file() {
    assert_reports(
        &[(
            "content/workshops/radio.md",
            "+++\ntitle = \"Radio\nlevel = \"deck-basics\"\n+++\n",
        )],
        &[
            "error[E002]: invalid TOML",
            "--> content/workshops/radio.md:2:",
        ],
    );
}

#[test]
fn front_matter_must_open_and_close() {
    assert_reports(
        &[
            ("content/about.md", "# About\n"),
            ("content/extra.md", "+++\ntitle = \"Open\"\n"),
        ],
        &[
            "error[E001]: this file has no front matter",
            "--> content/about.md:1:1",
            "error[E001]: the front matter is never closed",
            "--> content/extra.md:1:1",
        ],
    );
}

#[test]
fn unresolved_references_and_links_suggest_the_right_id() {
    assert_reports(
        &[
            (
                "content/workshops/radio.md",
                "+++\ntitle = \"Radio\"\nlevel = \"deck-basic\"\n+++\nSee [charts](@chart).\n",
            ),
            (
                "content/about.md",
                "+++\ntitle = \"About\"\n+++\nSee [goals](@pilot#learning-goal).\n",
            ),
        ],
        &[
            "error[E006]: unresolved reference \"deck-basic\"",
            "help: did you mean \"deck-basics\"?",
            "error[E012]: unresolved link to \"chart\"",
            "--> content/workshops/radio.md:5:5",
            "error[E012]: \"pilot\" has no heading \"#learning-goal\"",
            "help: did you mean \"#learning-goals\"?",
        ],
    );
}

#[test]
fn references_must_name_the_right_kind() {
    assert_reports(
        &[
            (
                "content/workshops/radio.md",
                "+++\ntitle = \"Radio\"\nlevel = \"first-aid\"\n+++\n",
            ),
            (
                "content/levels/navigation.md",
                "+++\ntitle = \"Navigation\"\npathway = \"harbour-pilot\"\norder = 2\nawards = \"deck-basics\"\n+++\n",
            ),
            (
                "content/credentials/pilot-licence.md",
                "+++\ntitle = \"Pilot licence\"\nissuer = \"harbor\"\n+++\n",
            ),
            (
                "content/levels/pilot.md",
                "+++\ntitle = \"Pilot\"\nrequires = { has = \"first-aid\", at_least = 2 }\n+++\n## Learning goals\n",
            ),
        ],
        &[
            "error[E009]: `level` must name a level, but \"first-aid\" is a requirement",
            "error[E009]: `awards` must name a credential, but \"deck-basics\" is a level",
            "error[E009]: `issuer` names \"harbor\", which is not an organization in site.toml",
            "help: did you mean \"harbour\"?",
            "error[E019]: `has` needs a measured requirement, but \"first-aid\" has no `unit`",
        ],
    );
}

#[test]
fn duplicate_ids_across_kinds() {
    assert_reports(
        &[(
            "content/requirements/knots.md",
            "+++\ntitle = \"Knots again\"\n+++\n",
        )],
        &[
            "error[E008]: the id \"knots\" is already used by content/requirements/knots.md",
            "--> content/workshops/knots.md:2:9",
        ],
    );
}

#[test]
fn cycles_are_spelled_out() {
    assert_reports(
        &[(
            "content/levels/deck-basics.md",
            "+++\ntitle = \"Deck basics\"\npathway = \"harbour-pilot\"\norder = 1\nrequires = \"pilot-licence\"\n+++\n",
        )],
        &[
            "error[E010]: prerequisite cycle: deck-basics -> pilot-licence -> pilot -> navigator-certificate -> navigation -> deck-basics",
            "--> content/levels/deck-basics.md:5:12",
        ],
    );
    assert_reports(
        &[(
            "content/levels/pilot.md",
            "+++\ntitle = \"Pilot\"\nrequires = [\"first-aid\", \"pilot\"]\n+++\n## Learning goals\n",
        )],
        &[
            "error[E017]: \"pilot\" requires itself",
            "--> content/levels/pilot.md:3:26",
        ],
    );
}

#[test]
fn expression_values_are_checked() {
    assert_reports(
        &[(
            "content/levels/pilot.md",
            "+++\ntitle = \"Pilot\"\nrequires = [{ has = \"sea-hours\", at_least = -5 }, { choose = 0, from = [\"knots\"] }, { any = [\"knots\"], all = [\"radio\"] }, 42]\n+++\n## Learning goals\n",
        )],
        &[
            "error[E011]: `at_least` must be a number of zero or more, found a negative or non-finite number",
            "error[E011]: `choose` must be a positive whole number, found 0",
            "error[E011]: this expression mixes `all` and `any`",
            "error[E005]: `requires` must be an id, a list or a table, found an integer",
        ],
    );
}

#[test]
fn duplicate_orders_and_bad_ids_and_bad_encoding() {
    check_with(&[
        (
            "content/levels/navigation.md",
            "+++\ntitle = \"Navigation\"\npathway = \"harbour-pilot\"\norder = 1\n+++\n",
        ),
        (
            "content/workshops/Knot Tying.md",
            "+++\ntitle = \"Knot tying\"\n+++\n",
        ),
    ])
    .fails()
    .stderr_contains("error[E016]: levels \"deck-basics\" and \"navigation\" both have order 1")
    .stderr_contains("error[E007]: `Knot Tying` is not a valid id")
    .stderr_contains("rename the file to `knot-tying.md`");

    let site = SiteTest::fixture("small");
    site.file("content/latin1.md", b"+++\ntitle = \"Caf\xe9\"\n+++\n");
    site.check()
        .fails()
        .stderr_contains("error[E013]: this file is not valid UTF-8 text")
        .stderr_contains("--> content/latin1.md:2:13");
}

#[test]
fn every_problem_in_one_run_in_a_stable_order() {
    let files = [
        (
            "content/workshops/radio.md",
            "+++\ntitle = \"Radio\"\nlevel = \"nowhere\"\ncolour = 1\n+++\n",
        ),
        (
            "content/about.md",
            "+++\ntitle = \"About\"\n+++\n[x](@nothing)\n",
        ),
    ];
    let first = check_with(&files).fails().stderr;
    let second = check_with(&files).stderr;
    assert_eq!(first, second, "deterministic output");
    let about = first.find("content/about.md").expect("about reported");
    let radio = first
        .find("content/workshops/radio.md")
        .expect("radio reported");
    assert!(about < radio, "sorted by file");
    assert!(
        first.ends_with("error: found 3 errors and 2 warnings\n"),
        "{first}"
    );
}

#[test]
fn no_site_toml_cannot_run() {
    SiteTest::empty()
        .check()
        .exits(2)
        .stderr_contains("error[E014]: there is no site.toml in")
        .stderr_contains("help: run cairn in the folder that holds site.toml, or pass --root DIR");
    let (code, _, stderr) = cairn(&["build", "--bogus"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn template_errors_name_the_template_and_write_nothing() {
    let site = SiteTest::fixture("small");
    site.with_templates(&[("level.html", "{{ page.nonexistent.field }}")]);
    let output = site.out_dir();
    let stderr = site
        .build()
        .fails()
        .stderr_contains(
            "error[E015]: a template failed: `page.nonexistent.field` is not defined on this page",
        )
        .stderr_contains("--> templates/level.html:1:4")
        // One diagnostic for the three pages.
        .stderr_contains(
            "it failed on /levels/deck-basics/ and 2 other pages (rendered with level.html)",
        )
        .stderr;
    assert_eq!(stderr.matches("error[E015]").count(), 1, "{stderr}");
    assert!(!output.exists(), "nothing written");
    assert!(
        std::fs::read_dir(output.parent().expect("parent"))
            .expect("ls")
            .next()
            .is_none(),
        "no staging left"
    );
    // check renders templates too.
    site.check().fails();
}

#[test]
fn problems_at_one_place_come_in_a_stable_order() {
    let stderr = check_with(&[("site.toml", "theme = \"nope\"\nlanguage = \"de\"\n")])
        .fails()
        .stderr;
    let titles: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error[E004]") || l.starts_with("error[E014]: the theme"))
        .collect();
    assert_eq!(
        titles,
        [
            "error[E004]: site.toml has no `base_url`",
            "error[E004]: site.toml has no `title`",
            "error[E014]: the theme \"nope\" is not in themes/",
            "error[E014]: the theme has no messages for the language \"de\"",
        ]
    );
}

#[test]
fn url_for_says_what_it_could_not_find() {
    check_with(&[
        ("templates/credential.html", "{{ url_for(id=\"nowhere\") }}"),
        ("templates/pathway.html", "{{ url_for() }}"),
    ])
    .fails()
    .stderr_contains("error[E015]: a template failed: url_for: no page has the id \"nowhere\"\n --> templates/credential.html")
    .stderr_contains("error[E015]: a template failed: url_for needs `id`, like url_for(id=\"level-1\")\n --> templates/pathway.html");
}

#[test]
fn nothing_silently_replaces_a_generated_file() {
    assert_reports(
        &[
            (
                "content/checklist.md",
                "+++\ntitle = \"My checklist\"\n+++\n",
            ),
            ("content/help.md", "+++\ntitle = \"Help\"\n+++\n"),
            (
                "content/help/_index.md",
                "+++\ntitle = \"Help again\"\n+++\n",
            ),
            (
                "content/workshops/deck/_index.md",
                "+++\ntitle = \"Deck workshops\"\n+++\n",
            ),
        ],
        &[
            "error[E022]: content/checklist.md would be published at /checklist/, which is already the page cairn generates at /checklist/",
            "error[E022]: content/help.md would be published at /help/, which is already content/help/_index.md",
            "error[E007]: an `_index.md` inside a subfolder of content/workshops/ has no page of its own",
        ],
    );
    assert_reports(
        &[
            ("static/sitemap.xml", "<urlset/>"),
            ("content/levels/index.html", "<p>mine</p>"),
        ],
        &[
            "error[E022]: static/sitemap.xml would be written to /sitemap.xml, which is already a file cairn generates",
            "error[E022]: content/levels/index.html would be written to /levels/index.html, which is already a page cairn generates",
        ],
    );
}

#[test]
fn links_in_raw_html_are_checked_too() {
    assert_reports(
        &[(
            "content/about.md",
            "+++\ntitle = \"About\"\n+++\n<p><a href=\"@knot\">knots</a></p>\n",
        )],
        &[
            "error[E012]: unresolved link to \"knot\"",
            "--> content/about.md:4:13",
            "help: did you mean \"knots\"?",
        ],
    );
}

/// Colour on a terminal only, and never with NO_COLOR: run the binary under
/// `script`, which gives it a real pseudo-terminal.
#[test]
fn colour_on_a_terminal_unless_no_color() {
    let site = SiteTest::fixture("small");
    site.file(
        "content/about.md",
        "+++\ntitle = \"About\"\n+++\n[x](@nowhere)\n",
    );
    let command = format!(
        "{} check --root {}",
        env!("CARGO_BIN_EXE_cairn"),
        site.root().display()
    );
    let under_terminal = |no_color: bool| {
        let mut script = std::process::Command::new("script");
        script
            .args(["-qec", &command, "/dev/null"])
            .env("CAIRN_LANG", "en")
            .env_remove("NO_COLOR");
        if no_color {
            script.env("NO_COLOR", "1");
        }
        let output = output_within(script, std::time::Duration::from_secs(30));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let coloured = under_terminal(false);
    assert!(coloured.contains("unresolved link to"), "{coloured}");
    assert!(
        coloured.contains("\u{1b}["),
        "a terminal gets colour: {coloured:?}"
    );
    let plain = under_terminal(true);
    assert!(plain.contains("unresolved link to"), "{plain}");
    assert!(
        !plain.contains("\u{1b}["),
        "NO_COLOR turns colour off: {plain:?}"
    );
    let mut piped = cairn_command();
    piped
        .args(["check", "--root", &site.root().to_string_lossy()])
        .env_remove("NO_COLOR");
    let piped = output_within(piped, std::time::Duration::from_secs(30));
    assert!(
        !String::from_utf8_lossy(&piped.stderr).contains('\u{1b}'),
        "no colour into a pipe"
    );
}

/// Issue 11, item 3: one unresolved reference among fourteen pages with no
/// summary. In a terminal the error comes first and the fourteen warnings
/// read as one; `json` and `github` keep one entry each.
#[test]
fn an_error_is_never_buried_under_warnings() {
    let site = SiteTest::fixture("small");
    for n in 1..=14 {
        site.file(
            &format!("content/note-{n:02}.md"),
            format!("+++\ntitle = \"Note {n}\"\n+++\nA note.\n"),
        );
    }
    site.replace(
        "content/workshops/knots.md",
        "level = \"deck-basics\"",
        "level = \"deck-basiks\"",
    );

    let stderr = site.check().fails().stderr;
    let first = stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error[E006]"),
        "the error first: {stderr}"
    );
    assert_eq!(
        stderr.matches("warning[W004]").count(),
        1,
        "fourteen warnings of one kind read as one: {stderr}"
    );
    assert!(
        stderr.contains(
            "= note: 13 more like this one: content/note-02.md:2:9, content/note-03.md:2:9"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("and 5 more (`--format json` lists each)"),
        "{stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("found 1 error and 14 warnings"),
        "the count stays exact: {stderr}"
    );

    let entries = site.run(&["check", "--format", "json"]).json();
    let w004 = entries
        .as_array()
        .expect("a list")
        .iter()
        .filter(|e| e["code"] == "W004")
        .count();
    assert_eq!(w004, 14, "json keeps one entry per file");
    let stdout = site.run(&["check", "--format", "github"]).stdout;
    assert_eq!(stdout.matches("::warning ").count(), 14, "{stdout}");
    assert_eq!(stdout.matches("::error ").count(), 1, "{stdout}");

    // Three of a kind are still shown one by one.
    for n in 4..=14 {
        site.remove(&format!("content/note-{n:02}.md"));
    }
    let stderr = site.check().stderr;
    assert_eq!(stderr.matches("warning[W004]").count(), 3, "{stderr}");
}

/// Issue 10, item 5: "no prerequisites" has one spelling, `requires = []`,
/// which a workshop uses to say so when its level has some; the other empty
/// forms are errors whose help points at it.
#[test]
fn no_prerequisites_has_one_spelling() {
    let site = SiteTest::fixture("small");
    site.edit("content/workshops/stars.md", |text| {
        text.replacen("+++\n", "+++\nrequires = []\n", 1)
    });
    site.build().succeeds();
    let page = site.output("workshops/stars/index.html");
    assert!(
        page.contains("No prerequisites: open to everyone."),
        "{page}"
    );
    assert!(!page.contains("All of the following"), "{page}");
    assert!(!page.contains("The same as for its level."), "{page}");

    for (rule, message, help) in [
        (
            "requires = { all = [] }",
            "`all = []` has nothing in it",
            "for nothing needed at all, write `requires = []`",
        ),
        (
            "requires = { any = [] }",
            "`any = []` can never be met",
            "for nothing needed at all, write `requires = []`",
        ),
        (
            "requires = [\"charts\", []]",
            "an empty list inside a rule means nothing",
            "write the whole rule as `requires = []`",
        ),
    ] {
        let Run { code, stderr, .. } = check_with(&[(
            "content/workshops/stars.md",
            &format!(
                "+++\ntitle = \"Stars\"\nsummary = \"S.\"\nlevel = \"navigation\"\n{rule}\n+++\n"
            ),
        )]);
        assert_eq!(code, 1, "{rule}: {stderr}");
        assert!(
            stderr.contains("error[E011]") && stderr.contains(message),
            "{rule}: {stderr}"
        );
        assert!(stderr.contains(help), "{rule}: {stderr}");
    }
}

/// Issue 10, item 5: `choose` counts ids; an expression in its `from` gets
/// a help that can fix it, not "put each item in double quotes".
#[test]
fn choose_from_takes_ids_and_says_how_to_choose_among_groups() {
    check_with(&[(
        "content/workshops/stars.md",
        "+++\ntitle = \"Stars\"\nsummary = \"S.\"\nlevel = \"navigation\"\nrequires = { choose = 1, from = [[\"charts\", \"tides\"], \"knots\"] }\n+++\n",
    )])
    .fails()
    .stderr_contains("error[E005]")
    .stderr_contains(
        "`from` lists ids only; to choose among groups, write an `any` of the combinations",
    )
    .stderr_lacks("put each item in double quotes");
}

/// An offering's `id` (what its calendar event keeps when it moves) is a
/// plain name.
#[test]
fn an_offering_id_is_a_plain_name() {
    check_with(&[(
        "content/workshops/stars.md",
        "+++\ntitle = \"Stars\"\nsummary = \"S.\"\nlevel = \"navigation\"\n\n[[offerings]]\nid = \"Spring 2027\"\nstart = 2027-03-12\n+++\n",
    )])
    .fails()
    .stderr_contains("error[E011]: an offering's `id` is made of lowercase letters, digits and hyphens, found \"Spring 2027\"");
}

/// Runs `cairn check` on the small site with `templates` (name, text)
/// added, and returns its stderr.
fn check_with_templates(templates: &[(&str, &str)]) -> String {
    let site = SiteTest::fixture("small");
    site.with_templates(templates);
    site.check().fails().stderr
}

#[test]
fn an_error_in_an_included_partial_points_into_the_partial() {
    let stderr = check_with_templates(&[
        ("page.html", "{% include \"partials/card.html\" %}\n"),
        ("partials/card.html", "<p>\n{{ page.nothing.here }}</p>\n"),
    ]);
    assert!(
        stderr.contains("a template failed: `page.nothing.here` is not defined on this page"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> templates/partials/card.html:2:4"),
        "{stderr}"
    );
}

#[test]
fn an_undefined_value_in_a_filter_or_a_test_is_worded_for_what_the_caret_shows() {
    let stderr = check_with_templates(&[("page.html", "{{ page.nothing | upper }}\n")]);
    assert!(
        stderr.contains("the filter `upper` was given a value that is not defined on this page"),
        "{stderr}"
    );
    let stderr = check_with_templates(&[(
        "page.html",
        "{% if page.nothing == \"x\" %}yes{% endif %}\n",
    )]);
    assert!(
        stderr.contains("a value used here is not defined on this page")
            && stderr.contains("--> templates/page.html:1:4"),
        "{stderr}"
    );
}
