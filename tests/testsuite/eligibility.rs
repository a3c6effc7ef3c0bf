//! `cairn eligibility --profile FILE`: the checklist's evaluation in the
//! terminal, through the real binary.

use crate::support::*;
use serde_json::json;

/// `cairn eligibility` on `record`, written to `me.toml` beside the site.
fn eligibility(site: &SiteTest, record: &str, format: &str) -> Run {
    let profile = site.scratch("me.toml");
    std::fs::write(&profile, record).expect("write");
    site.run(&[
        "eligibility",
        "--profile",
        &profile.to_string_lossy(),
        "--format",
        format,
    ])
}

#[test]
fn json_lists_every_level_with_what_is_missing() {
    let record = "completed = [\"level-1\", \"consent-and-boundaries\", \"anti-harassment\", \"bystander-intervention\", \"mental-health-first-aid\"]\n[measures]\non-set-hours = 320\n";
    let verdicts = eligibility(&SiteTest::repository(), record, "json")
        .succeeds()
        .json();
    assert_eq!(
        verdicts,
        json!({"levels": [
            {"id": "level-1", "can_start": true, "complete": true, "missing": []},
            {"id": "level-2", "can_start": true, "complete": true, "missing": []},
            {"id": "level-3", "can_start": false, "complete": false, "missing": ["level-3-external-requirements"],
             "left": {"rule": "requires", "needs": {"item": "level-3-external-requirements"}}},
            {"id": "field-work", "can_start": false, "complete": false, "missing": ["level-3"],
             "left": {"rule": "requires", "needs": {"item": "level-3"}}},
            {"id": "icc-mentoring", "can_start": false, "complete": false, "missing": [
                "level-3", "equivalent-experience", "movement-instruction", "sexual-health-education", "mhfa-supporting-youth", "canadian-residency"
            ],
             // What is left, in the rule's structure: one of two, and the
             // hours on set met (320 of 300), so their `any` drops out.
             "left": {"rule": "requires", "needs": {"all": [
                {"any": [{"item": "level-3"}, {"item": "equivalent-experience"}]},
                {"item": "movement-instruction"},
                {"item": "sexual-health-education"},
                {"item": "mhfa-supporting-youth"},
                {"item": "canadian-residency"},
             ]}}},
        ],
        // Whether each credential is held: Level 2 awards the first.
        "credentials": [
            {"id": "ally-foundations-certificate", "state": "held"},
            {"id": "certified-intimacy-professional", "state": "not_held"},
        ]})
    );
}

#[test]
fn semantics_as_designed() {
    // Deck basics: any of knots, radio. Navigation: choose 2 of its
    // workshops, awards the certificate. Pilot: certificate, 500 sea hours,
    // first aid, union card preferred.
    let small = SiteTest::fixture("small");
    let judge =
        |record: &str| eligibility(&small, record, "json").succeeds().json()["levels"].clone();
    let levels = judge(
        "completed = [\"knots\", \"charts\", \"charts\", \"tides\", \"first-aid\"]\n[measures]\nsea-hours = 500\n",
    );
    assert_eq!(
        levels[0],
        json!({"id": "deck-basics", "can_start": true, "complete": true, "missing": []}),
        "any of"
    );
    assert_eq!(
        levels[1],
        json!({"id": "navigation", "can_start": true, "complete": true, "missing": []}),
        "choose counts distinct items"
    );
    assert_eq!(
        levels[2],
        json!({"id": "pilot", "can_start": true, "complete": false, "missing": ["pilot"],
               "left": {"rule": "completion", "needs": {"item": "pilot"}}}),
        "awards give the credential; at_least is inclusive; preferred never blocks"
    );
    let levels = judge("completed = [\"charts\"]\n");
    assert_eq!(
        levels[1],
        json!({"id": "navigation", "can_start": false, "complete": false, "missing": ["deck-basics"],
               "left": {"rule": "requires", "needs": {"item": "deck-basics"}}})
    );
    assert_eq!(
        levels[2]["left"]["needs"],
        json!({"all": [
            {"item": "navigator-certificate"},
            {"has": "sea-hours", "have": 0, "at_least": 500},
            {"item": "first-aid"},
        ]}),
        "a measure says how much is reached"
    );
    assert_eq!(
        levels[2]["missing"],
        json!(["navigator-certificate", "sea-hours", "first-aid"]),
        "a missing measure is 0"
    );
    let levels = judge("completed = [\"deck-basics\", \"charts\"]\n");
    assert_eq!(
        levels[1]["missing"],
        json!(["stars", "tides"]),
        "what is missing to finish: the pool items not done"
    );
    assert_eq!(
        levels[1]["left"],
        json!({"rule": "completion", "needs": {"choose": 1, "from": ["stars", "tides"], "counted": ["charts"]}}),
        "one more of the two left; charts already counts"
    );
    let levels = judge("completed = [\"pilot\"]\n");
    assert_eq!(
        levels[2],
        json!({"id": "pilot", "can_start": false, "complete": true, "missing": []}),
        "nothing is missing from a completed level"
    );
    // In people's words, the site's own: titles and sentences, never ids.
    let words = eligibility(&small, "completed = [\"deck-basics\"]\n", "human")
        .succeeds()
        .stdout;
    assert_eq!(
        words,
        "Deck basics — completed\n\
         Navigation — can start\n\
         \x20 still needed to finish:\n\
         \x20 - 2 more of: Charts, Stars, or Tides.\n\
         Pilot — not yet\n\
         \x20 still needed to start:\n\
         \x20 - Hold the credential Navigator certificate.\n\
         \x20 - Hours at sea: 0 of 500 hours.\n\
         \x20 - Marine first aid.\n\
         \x20 preferred, not met: Union card\n\
         credentials:\n\
         \x20 Navigator certificate — not held\n\
         \x20 Pilot licence — not held\n"
    );
    let words = eligibility(&small, "completed = [\"union-card\"]\n", "human").stdout;
    assert!(
        words.contains("  preferred, met: Union card\ncredentials:\n"),
        "{words}"
    );
}

#[test]
fn a_record_naming_what_the_catalogue_lacks_is_a_diagnostic() {
    let site = SiteTest::repository();
    let run = eligibility(
        &site,
        "completed = [\"level-l\"]\n[measures]\nmental-health-first-aid = 3\nshow-credits = \"many\"\n",
        "json",
    )
    .fails()
    .stderr_contains("error[E006]: the record names \"level-l\", which is not in the catalogue")
    .stderr_contains("help: did you mean \"level-1\"?")
    .stderr_contains("error[E019]: \"mental-health-first-aid\" is not a measured requirement, so it has no amount")
    .stderr_contains("error[E011]: the amount of \"show-credits\" must be a number")
    // It points into the record.
    .stderr_contains("me.toml:3:1");
    assert!(run.stdout.is_empty(), "no verdicts from a bad record");
    eligibility(&site, "completd = []\n", "json")
        .fails()
        .stderr_contains("unknown key `completd` in a record")
        .stderr_contains("did you mean `completed`?");
    site.run(&["eligibility", "--profile", "/nonexistent/me.toml"])
        .exits(2);
}

#[test]
fn eligibility_speaks_the_language_asked_for() {
    let site = SiteTest::fixture("small");
    let profile = site.scratch("me.toml");
    std::fs::write(&profile, "completed = [\"deck-basics\"]\n").expect("write");
    let profile = profile.to_string_lossy();
    let stdout = site
        .run(&["eligibility", "--profile", &profile, "--lang", "fr"])
        .succeeds()
        .stdout;
    assert!(
        stdout.starts_with("Deck basics — terminé\nNavigation — vous pouvez commencer\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  il manque encore, pour terminer\u{202f}:\n  - Encore 2 au choix\u{202f}: Charts, Stars ou Tides.\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  - Détenir le titre «\u{202f}Navigator certificate\u{202f}».\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  souhaité, non rempli\u{202f}: Union card\n"),
        "{stdout}"
    );
    site.run(&["eligibility", "--profile", &profile, "--lang", "de"])
        .fails()
        .stderr_contains("the theme has no messages for the language \"de\"")
        // One message for one problem.
        .stderr_lacks("lack 134");
}

/// Issue 10, item 5: a record naming a draft is told it is a draft, as
/// `cairn check` says of a reference to one.
#[test]
fn a_record_naming_a_draft_is_told_so() {
    let site = SiteTest::fixture("small");
    site.edit("content/workshops/radio.md", |text| {
        text.replacen("+++\n", "+++\ndraft = true\n", 1)
    });
    eligibility(&site, "completed = [\"radio\"]\n", "human")
        .fails()
        .stderr_contains("\"radio\" is a draft")
        // Not a typo.
        .stderr_lacks("did you mean");
}

/// Issue 10, item 5: `cairn eligibility` prints no warnings of the
/// catalogue, as docs/checklist.md §6 says: neither beside its verdicts nor
/// beside the errors that stop it.
#[test]
fn eligibility_prints_no_warnings_of_the_catalogue() {
    let site = SiteTest::fixture("small");
    let knots = "content/workshops/knots.md";
    // W004: a workshop without a summary.
    site.replace(knots, "summary = \"About knots.\"\n", "");
    eligibility(&site, "completed = []\n", "human")
        .succeeds()
        .stderr_lacks("W004");
    // With an error in the catalogue too: the error, and no warning.
    site.replace(knots, "level = \"deck-basics\"", "level = \"deck-basiks\"");
    eligibility(&site, "completed = []\n", "human")
        .fails()
        .stderr_contains("error[E006]")
        .stderr_lacks("warning[");
}

/// Issue 10, item 2: a record may give the day each item was completed; a
/// requirement with `valid_for` holds only while it is valid on the judging
/// day, and the verdicts say what has lapsed or soon will.
#[test]
fn what_lapses_counts_only_while_valid_on_the_judging_day() {
    let site = SiteTest::repository();
    let profile = site.scratch("me.toml");
    std::fs::write(
        &profile,
        "completed = [\"level-1\", \"mental-health-first-aid\"]\n[dates]\nmental-health-first-aid = 2023-03-03\n",
    )
    .expect("write");
    let judge = |today: &str, format: &str| {
        site.run(&[
            "eligibility",
            "--profile",
            &profile.to_string_lossy(),
            "--today",
            today,
            "--format",
            format,
        ])
    };
    // Three years after 3 March 2023, it has lapsed.
    let stdout = judge("2026-11-28", "human").succeeds().stdout;
    assert!(
        stdout.contains("Mental Health First Aid expired on 3 March 2026: renew it. Until then it does not count."),
        "{stdout}"
    );
    let verdicts = judge("2026-11-28", "json").json();
    let mentorship = verdicts["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .find(|v| v["id"] == "icc-mentoring")
        .expect("mentorship");
    assert_eq!(
        mentorship["expired"],
        json!([{"id": "mental-health-first-aid", "on": "2026-03-03"}])
    );
    assert!(
        mentorship["missing"]
            .as_array()
            .is_some_and(|m| m.contains(&json!("mental-health-first-aid"))),
        "lapsed, so missing: {mentorship}"
    );
    // A month before it lapses: it counts, with a reminder.
    let stdout = judge("2026-02-01", "human").stdout;
    assert!(
        stdout.contains("Mental Health First Aid lapses on 3 March 2026: renew it before then."),
        "{stdout}"
    );
    let stdout = judge("2026-02-01", "json").stdout;
    assert!(!stdout.contains("\"expired\""), "{stdout}");

    // A date that is not a day.
    std::fs::write(
        &profile,
        "completed = [\"mental-health-first-aid\"]\n[dates]\nmental-health-first-aid = \"2023-03-03\"\n",
    )
    .expect("write");
    judge("2026-11-28", "human").fails().stderr_contains(
        "error[E005]: the date of \"mental-health-first-aid\" must be a day, found a string",
    );
}

/// Issue 10, item 3: `--goal` prints the plan with the fewest things left,
/// in prerequisite order, in words and in JSON.
#[test]
fn a_goal_gets_the_shortest_plan_in_prerequisite_order() {
    let record = "completed = [\"level-1\", \"consent-and-boundaries\", \"mental-health-first-aid\"]\n[measures]\non-set-hours = 120\n";
    let site = SiteTest::repository();
    let profile = site.scratch("me.toml");
    std::fs::write(&profile, record).expect("write");
    let run = |goal: &str, format: &str| {
        site.run(&[
            "eligibility",
            "--profile",
            &profile.to_string_lossy(),
            "--goal",
            goal,
            "--format",
            format,
        ])
    };
    let stdout = run("field-work", "human").succeeds().stdout;
    let plan = &stdout[stdout.find("\nPlan toward").expect("a plan")..];
    assert_eq!(
        plan,
        "\nPlan toward Field Work (Level 4): 5 things to do\n\
         \x20 1. Level 2: Specialized workshops\n\
         \x20    - Complete Anti-harassment\n\
         \x20    - Complete Movement and masking\n\
         \x20 2. Level 3: Specialization intensive\n\
         \x20    - Level 3 external requirements\n\
         \x20    - Complete Level 3 intensive: intimacy coordination\n\
         \x20 3. Field Work (Level 4)\n\
         \x20    - Complete the level itself: an application or an assessment that the organizers confirm\n"
    );
    // Equivalent experience would be one item where Level 3 is several,
    // but ICC grants it at its discretion: the plan takes Level 3.
    let json = run("icc-mentoring", "json").succeeds().json();
    assert_eq!(
        json["plan"],
        json!({
            "goal": "icc-mentoring",
            "exact": true,
            "count": 10,
            "steps": [
                {"level": "level-2", "do": [
                    {"item": "anti-harassment"},
                    {"item": "movement-and-masking"},
                ]},
                {"level": "level-3", "do": [
                    {"item": "level-3-external-requirements"},
                    {"item": "level-3-intimacy-coordination"},
                ]},
                {"level": "icc-mentoring", "do": [
                    {"has": "on-set-hours", "have": 120, "at_least": 300},
                    {"item": "movement-instruction"},
                    {"item": "sexual-health-education"},
                    {"item": "mhfa-supporting-youth"},
                    {"item": "canadian-residency"},
                    {"item": "icc-mentoring"},
                ]},
            ],
        })
    );
    // Of three amounts that would each do, the one nearest to reached.
    let near = site.scratch("near.toml");
    std::fs::write(
        &near,
        "completed = []\n[measures]\non-set-hours = 10\non-set-years = 8\nshow-credits = 12\n",
    )
    .expect("write");
    let json = site
        .run(&[
            "eligibility",
            "--profile",
            &near.to_string_lossy(),
            "--goal",
            "icc-mentoring",
            "--format",
            "json",
        ])
        .succeeds()
        .json();
    assert_eq!(
        json["plan"]["steps"][3]["do"][0],
        json!({"has": "on-set-years", "have": 8, "at_least": 10})
    );
    let stdout = run("level-1", "human").succeeds().stdout;
    assert!(
        stdout.ends_with("\nLevel 1: Introduction: already reached, nothing left to do.\n"),
        "{stdout}"
    );

    run("levl-3", "human")
        .exits(2)
        .stderr_contains("no level or credential \"levl-3\" in this catalogue")
        .stderr_contains("did you mean \"level-3\"?");
    run("anti-harassment", "human")
        .exits(2)
        .stderr_contains("\"anti-harassment\" is a workshop; a goal is a level or a credential");
}

/// Issue 24, item 3: an advisor's plan. ICC may accept equivalent
/// experience in place of Level 3, at its discretion (`discretionary =
/// true`), so the plan finishes Level 2 and Level 3 rather than counting
/// on it, however much shorter that would be; each thing sits under the
/// level it completes. Someone ICC has already granted it is not sent back
/// through Level 3.
#[test]
fn the_icc_plan_goes_through_level_2_and_level_3() {
    let site = SiteTest::repository();
    let plan = |record: &str| {
        let profile = site.scratch("advised.toml");
        std::fs::write(&profile, record).expect("write");
        let stdout = site
            .run(&[
                "eligibility",
                "--profile",
                &profile.to_string_lossy(),
                "--goal",
                "icc-mentoring",
            ])
            .succeeds()
            .stdout;
        stdout[stdout.find("\nPlan toward").expect("a plan") + 1..].to_string()
    };
    assert_eq!(
        plan("completed = [\"level-1\", \"consent-and-boundaries\", \"anti-harassment\"]\n"),
        "Plan toward Mentorship with ICC: 10 things to do\n\
         \x20 1. Level 2: Specialized workshops\n\
         \x20    - Complete Movement and masking\n\
         \x20 2. Level 3: Specialization intensive\n\
         \x20    - Level 3 external requirements\n\
         \x20    - Complete Level 3 intensive: intimacy coordination\n\
         \x20 3. Mentorship with ICC\n\
         \x20    - Hours on film and television sets: 0 of 300 hours\n\
         \x20    - Movement instruction background\n\
         \x20    - Sexual health education and advocacy\n\
         \x20    - Mental Health First Aid\n\
         \x20    - MHFA Supporting Youth\n\
         \x20    - Canadian citizenship and residence\n\
         \x20    - Complete the level itself: an application or an assessment that the organizers confirm\n"
    );
    assert_eq!(
        plan(
            "completed = [\"level-1\", \"equivalent-experience\"]\n[measures]\non-set-years = 10\n"
        ),
        "Plan toward Mentorship with ICC: 6 things to do\n\
         \x20 1. Mentorship with ICC\n\
         \x20    - Movement instruction background\n\
         \x20    - Sexual health education and advocacy\n\
         \x20    - Mental Health First Aid\n\
         \x20    - MHFA Supporting Youth\n\
         \x20    - Canadian citizenship and residence\n\
         \x20    - Complete the level itself: an application or an assessment that the organizers confirm\n"
    );
}

#[test]
fn a_completed_level_implies_what_it_required_and_says_so() {
    let site = SiteTest::repository();
    let record = "completed = [\"level-3\"]\n";
    let verdicts = eligibility(&site, record, "json").succeeds().json();
    let state = |id: &str| {
        let verdict = verdicts["levels"]
            .as_array()
            .and_then(|levels| levels.iter().find(|v| v["id"] == id))
            .cloned()
            .unwrap_or_default();
        (verdict["complete"].clone(), verdict["implied_by"].clone())
    };
    // Level 3 required the certificate Level 2 alone awards, and Level 2
    // required Level 1: the advisor's reading, not "Level 1: you can start".
    assert_eq!(state("level-1"), (json!(true), json!("level-2")));
    assert_eq!(
        state("level-2"),
        (json!(true), json!("ally-foundations-certificate"))
    );
    assert_eq!(
        state("level-3"),
        (json!(true), json!(null)),
        "ticked itself"
    );
    // ICC's mentorship takes Level 3 *or* equivalent experience: a choice
    // implies nothing, and Field Work is not implied by what came before.
    assert_eq!(state("field-work"), (json!(false), json!(null)));
    let human = eligibility(&site, record, "human").succeeds();
    assert!(
        human.stdout.contains(
            "Level 1: Introduction — completed (implied by Level 2: Specialized workshops)"
        ),
        "{}",
        human.stdout
    );
}

/// Issue 24, item 4: a credential that must be renewed lapses as a
/// requirement does, and `cairn eligibility` says whether each credential
/// is held, lapsing, lapsed or not held, in words and in JSON.
#[test]
fn a_credential_lapses_and_each_is_said_held_or_not() {
    let site = SiteTest::fixture("small");
    site.replace(
        "content/credentials/navigator-certificate.md",
        "issuer = \"harbour\"",
        "issuer = \"harbour\"\nvalid_for = \"2 years\"",
    );
    let profile = site.scratch("me.toml");
    std::fs::write(
        &profile,
        "completed = [\"deck-basics\", \"navigator-certificate\"]\n[dates]\nnavigator-certificate = 2025-03-01\n",
    )
    .expect("write");
    let profile = profile.to_string_lossy();
    let on = |today: &str, format: &str, lang: &str| {
        site.run(&[
            "eligibility",
            "--profile",
            &profile,
            "--today",
            today,
            "--format",
            format,
            "--lang",
            lang,
        ])
        .succeeds()
        .stdout
    };
    let soon = on("2027-01-15", "human", "en");
    assert!(
        soon.ends_with(
            "credentials:\n  Navigator certificate — held, lapses on 1 March 2027: renew it before then\n  Pilot licence — not held\n"
        ),
        "{soon}"
    );
    let lapsed = on("2027-03-01", "human", "en");
    assert!(
        lapsed.contains("  - Hold the credential Navigator certificate.\n")
            && lapsed.contains("Navigator certificate expired on 1 March 2027")
            && lapsed.contains("  Navigator certificate — lapsed on 1 March 2027: renew it\n"),
        "{lapsed}"
    );
    let held = on("2026-01-15", "human", "en");
    assert!(held.contains("  Navigator certificate — held\n"), "{held}");
    let json: serde_json::Value =
        serde_json::from_str(&on("2027-03-01", "json", "en")).expect("json");
    assert_eq!(
        json["credentials"],
        serde_json::json!([
            {"id": "navigator-certificate", "state": "lapsed", "lapses_on": "2027-03-01"},
            {"id": "pilot-licence", "state": "not_held"},
        ])
    );
    let french = on("2027-01-15", "human", "fr");
    assert!(
        french.contains(
            "titres de compétences\u{202f}:\n  Navigator certificate — détenu, expire le 1er mars 2027\u{202f}: à renouveler d’ici là\n"
        ),
        "{french}"
    );
    // A plan toward it renews it, though the level that awards it is done.
    let plan = site
        .run(&[
            "eligibility",
            "--profile",
            &profile,
            "--today",
            "2027-03-01",
            "--goal",
            "navigator-certificate",
        ])
        .succeeds()
        .stdout;
    assert!(
        plan.ends_with(
            "Plan toward Navigator certificate: 1 thing to do\n  1. Also\n     - Hold the credential Navigator certificate\n"
        ),
        "{plan}"
    );
    // The credential's page and its JSON-LD say how long it holds.
    site.build_with(&["--today", "2027-01-15"]).succeeds();
    let page = site.output("credentials/navigator-certificate/index.html");
    assert!(
        page.contains("A credential is held for 2 years at a time: renew it before it lapses."),
        "{page}"
    );
    assert!(page.contains("\"validFor\":\"P2Y\""), "{page}");
}
