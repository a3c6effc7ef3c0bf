//! The checklist and the theme in a real browser: Debian's headless
//! Chromium driven through chromedriver, against `cairn serve` on loopback.
//! `scripts/test` installs chromium, chromium-driver and axe-core; these
//! tests never skip.

use crate::support::webdriver::{Browser, Driver};
use crate::support::*;
use serde_json::{Value, json};

const STATUS: &str = "#checklist-status";

/// A scratch copy of the bundled site, served, and a chromedriver to drive
/// browsers against it.
struct Setup {
    _site: SiteTest,
    served: Served,
    driver: Driver,
}

impl Setup {
    fn bundled() -> Setup {
        let site = SiteTest::bundled();
        let served = serve(site.root(), &[]);
        Setup {
            _site: site,
            served,
            driver: Driver::start(),
        }
    }
}

fn box_for(browser: &Browser<'_>, id: &str) -> crate::support::webdriver::Element {
    browser.find(&format!("input[data-done=\"{id}\"]:not([disabled])"))
}

#[test]
fn ticking_and_typing_update_the_results_in_words() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    assert!(
        browser
            .text(STATUS)
            .starts_with("Levels completed: 0 of 5. You can start 1 level: Level 1: Introduction."),
        "{}",
        browser.text(STATUS)
    );

    browser.click(&box_for(&browser, "level-1-workshop"));
    let status = browser.text(STATUS);
    assert!(
        status.contains("Level 1: Introduction — Completed"),
        "{status}"
    );
    assert!(
        status.contains("Level 2: Specialized workshops — You can start"),
        "{status}"
    );

    for workshop in ["consent-and-boundaries", "anti-harassment"] {
        browser.click(&box_for(&browser, workshop));
    }
    let count = browser.text("[data-count-for=\"q-level-2-f\"]");
    assert_eq!(count, "(2 of 3)", "the choose group counts as you tick");
    browser.click(&box_for(&browser, "bystander-intervention"));
    let status = browser.text(STATUS);
    assert!(
        status.contains("Level 2: Specialized workshops — Completed"),
        "choose 3 met: {status}"
    );
    assert!(status.contains("Level 3: Specialization intensive — Not yet. Still needed to start:\nLevel 3 external requirements."), "awards give the certificate: {status}");

    let hours = browser.find("input[data-measure=\"on-set-hours\"]");
    browser.type_into(&hours, "299");
    assert!(
        browser
            .text(STATUS)
            .contains("Hours on film and television sets"),
        "299 hours is not enough"
    );
    browser.type_into(&hours, "0");
    assert!(
        !browser
            .text(STATUS)
            .contains("Hours on film and television sets"),
        "2990 hours is"
    );
    assert_eq!(browser.console_errors(), Vec::<String>::new());
}

#[test]
fn answers_survive_a_reload_until_cleared() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    browser.click(&box_for(&browser, "mental-health-first-aid"));
    browser.type_into(&browser.find("input[data-measure=\"show-credits\"]"), "16");
    browser.refresh();
    let kept = browser.run(
        "return [document.querySelector('input[data-done=\"mental-health-first-aid\"]').checked, document.querySelector('input[data-measure=\"show-credits\"]').value]",
        json!([]),
    );
    assert_eq!(
        kept,
        json!([true, "16"]),
        "answers come back after a reload"
    );
    // The level page's panel shares them.
    browser.go(&served.url("/levels/icc-mentoring/"));
    assert_eq!(
        browser.run(
            "return document.querySelector('input[data-done=\"mental-health-first-aid\"]').checked",
            json!([])
        ),
        json!(true)
    );
    browser.go(&served.url("/checklist/"));
    browser.click(&browser.find("#checklist-clear"));
    assert_eq!(
        browser.run(
            "return document.querySelectorAll('input[data-done]:checked').length",
            json!([])
        ),
        json!(0)
    );
    browser.refresh();
    assert_eq!(
        browser.run(
            "return document.querySelector('input[data-measure=\"show-credits\"]').value",
            json!([])
        ),
        json!("")
    );
    assert!(
        browser
            .text(STATUS)
            .starts_with("Levels completed: 0 of 5.")
    );
}

#[test]
fn the_checklist_works_by_keyboard_alone() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    let focused = |browser: &Browser<'_>| {
        browser.run(
            "const e = document.activeElement; return e.getAttribute('data-done') || e.getAttribute('href')",
            json!([]),
        )
    };
    // From the top: Tab, Tab to the second skip link, Enter, Tab: the first
    // question, four presses of Tab at most.
    browser.keys(&["\u{E004}", "\u{E004}"]);
    assert_eq!(focused(&browser), json!("#checklist-questions"));
    browser.keys(&["\u{E007}", "\u{E004}"]);
    assert_eq!(focused(&browser), json!("level-1-workshop"));
    // One stop per question: the next Tab is the next box, not a link.
    browser.keys(&["\u{E004}"]);
    assert_eq!(focused(&browser), json!("idi-three-day-workshop"));
    browser.run(
        "document.querySelector('input[data-done=\"level-1-workshop\"]').focus()",
        json!([]),
    );
    browser.keys(&[" "]);
    assert!(
        browser
            .text(STATUS)
            .contains("Level 1: Introduction — Completed"),
        "Space ticks"
    );
    let visible_focus = browser.run(
        "const s = getComputedStyle(document.activeElement, ':focus-visible'); return getComputedStyle(document.activeElement).outlineStyle",
        json!([]),
    );
    assert_ne!(visible_focus, json!("none"), "focus is visible");
    // On to the number inputs: type with the keyboard.
    for _ in 0..200 {
        browser.keys(&["\u{E004}"]);
        if browser.run(
            "return document.activeElement.getAttribute('data-measure')",
            json!([]),
        ) == json!("on-set-hours")
        {
            break;
        }
    }
    browser.keys(&["3", "0", "0"]);
    assert_eq!(
        browser.run(
            "return document.querySelector('input[data-measure=\"on-set-hours\"]').value",
            json!([])
        ),
        json!("300")
    );
    // Clear is a button: Shift+Tab back to it and press Enter.
    browser.run(
        "document.getElementById('checklist-clear').focus()",
        json!([]),
    );
    browser.keys(&["\u{E007}"]);
    assert!(
        browser
            .text(STATUS)
            .starts_with("Levels completed: 0 of 5."),
        "Enter on Clear clears"
    );
    assert_eq!(
        browser.text("#checklist-file-status"),
        "Your answers are cleared."
    );
    // Focus is on Undo, which brings every answer back.
    assert_eq!(
        browser.run("return document.activeElement.id", json!([])),
        json!("checklist-undo")
    );
    browser.keys(&["\u{E007}"]);
    assert!(
        browser
            .text(STATUS)
            .starts_with("Levels completed: 1 of 5."),
        "Undo restores: {}",
        browser.text(STATUS)
    );
    assert_eq!(
        browser.run(
            "return document.querySelector('input[data-measure=\"on-set-hours\"]').value",
            json!([])
        ),
        json!("300")
    );
    assert_eq!(
        browser.text("#checklist-file-status"),
        "Your answers are back."
    );
}

/// Issue 24: a checklist row ticks as a whole, words included, and is at
/// least 44 px tall on a phone; its page is a separate link.
#[test]
fn a_checklist_row_ticks_from_its_words() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.size(390, 844);
    browser.go(&served.url("/checklist/"));
    let row = browser.find("label[for] span");
    browser.click(&row);
    assert!(
        browser
            .text(STATUS)
            .contains("Level 1: Introduction — Completed"),
        "tapping the words ticks: {}",
        browser.text(STATUS)
    );
    let tall = browser.run(
        "return Math.min(...[...document.querySelectorAll('.checklist .ask-row')].map(r => r.getBoundingClientRect().height))",
        json!([]),
    );
    assert!(tall.as_f64().is_some_and(|h| h >= 44.0), "{tall}");
    let page = browser.run(
        "return document.querySelector('.ask-row + .ask-page').getAttribute('href')",
        json!([]),
    );
    assert_eq!(page, json!("/workshops/level-1-workshop/"));
    assert_eq!(axe_violations(&browser), json!([]));
}

#[test]
fn without_javascript_every_rule_is_on_the_page() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(false);
    browser.go(&served.url("/checklist/"));
    let body = browser.run("return 1", json!([]));
    assert_eq!(
        body,
        json!(1),
        "WebDriver scripts still run; page scripts do not"
    );
    let text = browser.text("main");
    for words in [
        "Any one of the following:",
        "At least 3 of the following:",
        "at least 300",
        "Mental Health First Aid",
        "Preferred",
        "Tick what you have done. With JavaScript on",
    ] {
        assert!(text.contains(words), "{words:?} missing without JavaScript");
    }
    let boxes = browser.run(
        "return document.querySelectorAll('input[data-done]').length",
        json!([]),
    );
    assert!(boxes.as_u64().unwrap_or(0) > 20, "boxes to tick on paper");
    browser.go(&served.url("/levels/level-2/"));
    assert!(
        browser
            .text("main")
            .contains("At least 3 different workshops of")
    );
}

/// axe-core's rules for WCAG 2.2 AA and best practice, injected into the page.
pub(crate) fn axe_violations(browser: &Browser<'_>) -> Value {
    let axe = std::fs::read_to_string(repo().join("node_modules/axe-core/axe.min.js"))
        .expect("node_modules/axe-core is missing: run scripts/test (it runs npm ci)");
    browser.run(&axe, json!([]));
    browser.run(
        "return axe.run(document, {runOnly: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa','best-practice']}).then(r => r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))})))",
        json!([]),
    )
}

/// axe finds nothing on the page as it stands, and the page does not
/// scroll sideways; `what` names it in a failure.
pub(crate) fn assert_clean(browser: &Browser<'_>, what: &str) {
    assert_eq!(axe_violations(browser), json!([]), "{what}");
    let overflow = browser.run(
        "return document.documentElement.scrollWidth > window.innerWidth",
        json!([]),
    );
    assert_eq!(overflow, json!(false), "{what} scrolls sideways");
}

/// How element `id` is displayed: "none" where the page keeps it hidden.
pub(crate) fn display_of(browser: &Browser<'_>, id: &str) -> Value {
    browser.run(
        "return getComputedStyle(document.getElementById(arguments[0])).display",
        json!([id]),
    )
}

#[test]
fn axe_finds_no_violations_on_phone_and_desktop() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    for (width, height) in [(390, 844), (1280, 900)] {
        browser.size(width, height);
        for path in [
            "/",
            "/pathways/idc-certification/",
            "/levels/icc-mentoring/",
            "/checklist/",
            "/handbook/",
            "/workshops/",
            "/fr/",
            "/fr/pathways/idc-certification/",
            "/fr/levels/icc-mentoring/",
            "/fr/workshops/",
            "/fr/checklist/",
        ] {
            browser.go(&served.url(path));
            assert_clean(&browser, &format!("{path} at {width} px"));
        }
        // And with answers given, the live results too.
        browser.click(&box_for(&browser, "level-1-workshop"));
        assert_eq!(
            axe_violations(&browser),
            json!([]),
            "checklist with results at {width} px"
        );
        // And with what Level 3 implies, what is left, and the credentials.
        browser.run(
            "window.cairnChecklist.replace({completed: ['level-3'], measures: {}, dates: {}})",
            json!([]),
        );
        assert_eq!(
            axe_violations(&browser),
            json!([]),
            "checklist with implied items and credentials at {width} px"
        );
    }
    assert_eq!(
        browser.console_errors(),
        Vec::<String>::new(),
        "no console errors"
    );
}

/// The small fixture with titles and notes that try to break out of the
/// rules' `<script>` element: `</script>`, `<!--`, U+2028.
fn tricky_copy() -> SiteTest {
    let site = SiteTest::fixture("small");
    site.file(
        "content/workshops/radio.md",
        "+++\ntitle = 'Radio </script><script>document.title=\"pwned\"</script> <!-- and \u{2028} line'\nsummary = \"s\"\nlevel = \"deck-basics\"\n+++\n",
    );
    // An id that is also a property of every JavaScript object.
    site.file(
        "content/requirements/constructor.md",
        "+++\ntitle = \"Boat builder's course\"\nsummary = \"s\"\ncategory = \"training\"\n+++\n",
    );
    site.replace(
        "content/levels/pilot.md",
        "\"first-aid\",",
        "\"first-aid\", \"constructor\",",
    );
    // A credential that must be renewed.
    site.replace(
        "content/credentials/navigator-certificate.md",
        "issuer = \"harbour\"",
        "issuer = \"harbour\"\nvalid_for = \"1 year\"",
    );
    site.replace(
        "content/levels/navigation.md",
        "completion = { choose = 2, from = \"navigation\" }",
        "completion = { choose = 2, from = \"navigation\", note = \"</script><!-- \u{2028}\u{2029} done\" }",
    );
    site
}

#[test]
fn no_content_breaks_out_of_the_rules_script() {
    let site = tricky_copy();
    let served = serve(site.root(), &[]);
    let driver = Driver::start();
    let browser = driver.browser(true);
    for path in ["/checklist/", "/levels/deck-basics/"] {
        browser.go(&served.url(path));
        assert_eq!(
            browser.run("return document.title.includes('pwned')", json!([])),
            json!(false),
            "{path}"
        );
        assert_eq!(
            browser.run("return typeof window.cairnChecklist", json!([])),
            json!("object"),
            "{path}: the rules parsed"
        );
        assert_eq!(
            browser.run(
                "return document.querySelectorAll('script').length",
                json!([])
            ),
            json!(if path == "/checklist/" { 9 } else { 7 }),
            "{path}: JSON-LD, the page's data, checklist-rules.js, words.js, checklist.js, search.js, live reload, and on the checklist checklist-plan.js and checklist-file.js"
        );
    }
    browser.go(&served.url("/checklist/"));
    let status = browser.text(STATUS);
    assert!(
        status.contains("Radio </script><script>document.title=\"pwned\"</script> <!-- and"),
        "titles shown as text: {status}"
    );
    assert!(
        browser.text("main").contains("</script><!--"),
        "notes shown as text"
    );
    assert_eq!(browser.console_errors(), Vec::<String>::new());
}

/// Random records over a catalogue: ids ticked with varying density,
/// measures around the thresholds that matter.
pub(crate) fn random_records(
    catalogue: &cairn::catalogue::Catalogue,
    count: usize,
    seed: u64,
) -> Vec<cairn::rules::eval::Record> {
    use cairn::content::Kind;
    let mut rng = Rng(seed | 1);
    let mut next = move || rng.next();
    let ids: Vec<cairn::catalogue::Id> = catalogue
        .entities()
        .filter(|(_, d)| {
            !d.is_index
                && matches!(
                    d.kind,
                    Kind::Level | Kind::Workshop | Kind::Requirement | Kind::Credential
                )
        })
        .map(|(id, _)| id)
        .collect();
    let measured: Vec<cairn::catalogue::Id> = catalogue
        .entities()
        .filter(|(_, d)| d.as_requirement().is_some_and(|r| r.unit.is_some()))
        .map(|(id, _)| id)
        .collect();
    let lapsing: Vec<cairn::catalogue::Id> = catalogue
        .entities()
        .filter(|(_, d)| d.valid_for().is_some())
        .map(|(id, _)| id)
        .collect();
    (0..count)
        .map(|_| {
            // In tenths: at most half of everything, since what is ticked
            // implies more (a level, what its rules needed).
            let density = 1 + next() % 5;
            let mut record = cairn::rules::eval::Record::default();
            for id in &ids {
                if next() % 10 < density {
                    record.completed.insert(*id);
                }
            }
            // Days around the judging day, for what lapses: valid, lapsing
            // soon, lapsed, on the very day.
            for id in &lapsing {
                if record.completed.contains(id) && next() % 4 != 0 {
                    let day = [
                        "2020-01-01",
                        "2023-11-28",
                        "2024-01-15",
                        "2024-02-29",
                        "2024-09-01",
                        "2025-06-15",
                        "2025-12-01",
                        "2026-11-27",
                    ][(next() % 8) as usize];
                    record
                        .dates
                        .insert(*id, cairn::content::Date::parse(day).expect("a day"));
                }
            }
            for id in &measured {
                let amount = [
                    0.0, 1.0, 9.0, 10.0, 14.0, 15.0, 299.0, 300.0, 300.5, 500.0, 1e6,
                ][(next() % 11) as usize];
                if next() % 3 != 0 {
                    record.measures.insert(*id, amount);
                }
            }
            record
        })
        .collect()
}

/// The day both judges judge the random records on.
pub(crate) const JUDGING_DAY: &str = "2026-11-28";

#[test]
fn the_browser_and_the_cli_agree_on_500_random_records() {
    let driver = Driver::start();
    let browser = driver.browser(true);
    let mut compared = 0;
    for (name, site) in [("bundled", SiteTest::bundled()), ("fixture", tricky_copy())] {
        let options = cairn::SiteOptions {
            root: site.root().to_path_buf(),
            ..Default::default()
        };
        let resolved = match cairn::resolve(&options) {
            Ok(resolved) => resolved,
            Err(_) => panic!("{name} does not resolve"),
        };
        let records = random_records(
            &resolved.catalogue,
            250,
            if name == "bundled" { 7 } else { 11 },
        );
        let served = serve(site.root(), &[]);
        browser.go(&served.url("/checklist/"));
        let as_json: Vec<Value> = records
            .iter()
            .map(|r| r.to_json(&resolved.catalogue))
            .collect();
        // One judging day for both, so that dates decide the same way.
        let on = cairn::content::Date::parse(JUDGING_DAY);
        let judge = |record| cairn::rules::eval::evaluate_on(&resolved.catalogue, record, on);
        let from_browser = browser.run(
            "return arguments[0].map(r => window.cairnChecklist.evaluate(r, arguments[1]))",
            json!([as_json, JUDGING_DAY]),
        );
        // Whether each credential is held, too.
        let held_in_browser = browser.run(
            "return arguments[0].map(r => window.cairnChecklist.holdings(r, arguments[1]))",
            json!([as_json, JUDGING_DAY]),
        );
        let mut states = std::collections::BTreeSet::new();
        for (i, record) in records.iter().enumerate() {
            let held = cairn::rules::holding::holdings(&resolved.catalogue, record, on);
            let from_rust = serde_json::to_value(&held).expect("json");
            assert_eq!(
                held_in_browser[i], from_rust,
                "{name}: record {i}: credentials held differently: {}",
                as_json[i]
            );
            states.extend(held.iter().map(|h| format!("{:?}", h.state)));
        }
        if name == "fixture" {
            assert_eq!(
                states.len(),
                4,
                "held, lapsing, lapsed and not held all judged: {states:?}"
            );
        }
        for (i, record) in records.iter().enumerate() {
            let from_rust = serde_json::to_value(judge(record)).expect("json");
            assert_eq!(
                from_browser[i], from_rust,
                "{name}: record {i} judged differently: {}",
                as_json[i]
            );
            compared += 1;
        }
        // Each level page carries only what judging that level needs: its
        // panel must still judge exactly as the whole checklist does.
        for &level in resolved.catalogue.of_kind(cairn::content::Kind::Level) {
            let level = &resolved.catalogue[level];
            browser.go(&served.url(&format!("/levels/{}/", level.id)));
            let on_page = browser.run(
                "return arguments[0].map(r => window.cairnChecklist.evaluate(r, arguments[2]).find(v => v.id === arguments[1]))",
                json!([as_json, level.id, JUDGING_DAY]),
            );
            for (i, record) in records.iter().enumerate() {
                let from_rust = judge(record);
                let expected = from_rust
                    .iter()
                    .find(|v| v.id == level.id)
                    .map(|v| serde_json::to_value(v).expect("json"));
                assert_eq!(
                    Some(&on_page[i]),
                    expected.as_ref(),
                    "{name}: the panel of {} judges record {i} differently",
                    level.id
                );
            }
        }
        // The French checklist judges exactly as the English one (issue 9,
        // item 10): the same script, the same rules, French words.
        if name == "bundled" {
            browser.go(&served.url("/fr/checklist/"));
            let in_french = browser.run(
                "return arguments[0].map(r => window.cairnChecklist.evaluate(r, arguments[1]))",
                json!([as_json, JUDGING_DAY]),
            );
            assert_eq!(
                in_french, from_browser,
                "the French checklist judges differently"
            );
            compared += records.len();
        }
        if name == "bundled" {
            let said = from_browser.to_string();
            assert!(
                said.contains("\"expired\"") && said.contains("\"expiring\""),
                "the records must include lapsed and lapsing items"
            );
        }
        // The records must exercise both outcomes, or agreement proves little.
        let verdicts: Vec<&Value> = from_browser
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|v| v.as_array().into_iter().flatten())
            .collect();
        for field in ["can_start", "complete"] {
            let yes = verdicts.iter().filter(|v| v[field] == true).count();
            assert!(
                yes > 0 && yes < verdicts.len(),
                "{name}: {field} true for {yes} of {} verdicts",
                verdicts.len()
            );
        }
        assert!(
            verdicts
                .iter()
                .any(|v| v["missing"].as_array().is_some_and(|m| m.len() > 1)),
            "{name}: some missing lists"
        );
    }
    // 500 records, and the bundled site's 250 again in French.
    assert_eq!(compared, 750);
}

#[test]
fn unavailable_storage_degrades_quietly() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    browser.run(
        "for (const name of ['getItem', 'setItem', 'removeItem']) { Storage.prototype[name] = () => { throw new DOMException('denied', 'SecurityError'); }; }",
        json!([]),
    );
    browser.click(&box_for(&browser, "level-1-workshop"));
    assert!(
        browser
            .text(STATUS)
            .contains("Level 1: Introduction — Completed"),
        "the checklist still works"
    );
    browser.click(&browser.find("#checklist-clear"));
    assert!(
        browser
            .text(STATUS)
            .starts_with("Levels completed: 0 of 5.")
    );
    assert_eq!(
        browser.console_errors(),
        Vec::<String>::new(),
        "no errors when storage is refused"
    );
}

#[test]
fn answers_to_older_rules_are_dropped() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    browser.run(
        "localStorage.setItem('cairn-checklist:Intimacy Coordination Pathway:0000000000000000', '{\"completed\":[\"level-1\"]}'); localStorage.setItem('someone-else', 'kept')",
        json!([]),
    );
    browser.refresh();
    let keys = browser.run("return Object.keys(localStorage).sort()", json!([]));
    assert_eq!(
        keys,
        json!(["someone-else"]),
        "the old version's answers are gone, other sites' data is not touched"
    );
    assert!(
        browser
            .text(STATUS)
            .starts_with("Levels completed: 0 of 5."),
        "old answers were not read"
    );
}

/// Issue 13, item 2: the workshop listing's filters narrow the list without
/// a reload, say how many are shown, keep the choice in the address, read
/// it back from a shared link, and without JavaScript leave the whole list.
#[test]
fn workshop_filters_narrow_the_list_and_keep_the_choice_in_the_address() {
    let site = SiteTest::fixture("small");
    // Topics two workshops share; a topic of one alone is no filter.
    site.replace(
        "content/workshops/radio.md",
        "level = \"deck-basics\"",
        "level = \"deck-basics\"\ntopics = [\"bowline\", \"cleat hitch\", \"phonetic alphabet\"]",
    );
    let served = serve(site.root(), &["--today", "2026-11-28"]);
    let driver = Driver::start();
    let browser = driver.browser(true);
    let shown = |browser: &Browser<'_>| {
        browser.run(
            "return [...document.querySelectorAll('.cards > li')].filter(li => !li.hidden).map(li => li.querySelector('a').textContent)",
            json!([]),
        )
    };
    let choose = |browser: &Browser<'_>, name: &str, value: &str| {
        browser.run(
            "const s = document.getElementById('filter-' + arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true}));",
            json!([name, value]),
        );
    };

    browser.go(&served.url("/workshops/"));
    assert_eq!(shown(&browser).as_array().map(Vec::len), Some(5));
    assert_eq!(browser.text("#filter-status"), "Showing 5 of 5");
    assert_eq!(
        browser.run(
            "return [...document.querySelectorAll('#filter-topic option')].map(o => o.value)",
            json!([])
        ),
        json!(["", "bowline", "cleat hitch"]),
        "\"phonetic alphabet\", a topic of Radio alone, is not offered"
    );
    choose(&browser, "topic", "bowline");
    assert_eq!(shown(&browser), json!(["Knots", "Radio"]));
    assert_eq!(browser.text("#filter-status"), "Showing 2 of 5");
    assert_eq!(
        browser.run("return location.search", json!([])),
        json!("?topic=bowline"),
        "the choice is in the address"
    );
    // A card names its level once, and when and where it runs next.
    assert_eq!(
        browser.text(".cards > li:nth-child(2) .meta"),
        "Deck basics · Next: 12 March 2027, Halifax · 2 upcoming offerings"
    );
    choose(&browser, "topic", "");
    choose(&browser, "level", "navigation");
    let navigation = shown(&browser);
    assert!(
        navigation
            .as_array()
            .is_some_and(|n| n.len() == 3 && !n.contains(&json!("Knots"))),
        "{navigation}"
    );

    // Mode and month belong to one offering: knots runs in person in March
    // and online in May, so "online in March" finds nothing.
    browser.go(&served.url("/workshops/?mode=online&month=2027-03"));
    assert_eq!(shown(&browser), json!([]));
    assert_eq!(
        browser.text("#filter-status"),
        "No workshop matches these filters.",
        "nothing shown says so, beside the button that shows all"
    );
    // A shared link: the filters it names are chosen on arrival.
    browser.go(&served.url("/workshops/?mode=online&month=2027-05"));
    assert_eq!(shown(&browser), json!(["Knots"]));
    assert_eq!(
        browser.run(
            "return [document.getElementById('filter-mode').value, document.getElementById('filter-month').value]",
            json!([])
        ),
        json!(["online", "2027-05"])
    );
    browser.click(&browser.find("#workshop-filters button[type=reset]"));
    assert_eq!(shown(&browser).as_array().map(Vec::len), Some(5));
    assert_eq!(browser.run("return location.search", json!([])), json!(""));
    for (width, height) in [(390, 844), (1280, 900)] {
        browser.size(width, height);
        assert_eq!(axe_violations(&browser), json!([]), "filters at {width} px");
    }
    assert_eq!(browser.console_errors(), Vec::<String>::new());

    // Without JavaScript: no filters to use, the whole list.
    let plain = driver.browser(false);
    plain.go(&served.url("/workshops/?topic=bowline"));
    assert_eq!(
        display_of(&plain, "workshop-filters"),
        json!("none"),
        "the form stays hidden"
    );
    assert_eq!(
        shown(&plain).as_array().map(Vec::len),
        Some(5),
        "every workshop"
    );
    let cards = plain.text(".cards");
    for title in ["Knots", "Charts", "Radio", "Stars", "Tides"] {
        assert!(
            cards.contains(title),
            "{title} listed without JavaScript: {cards}"
        );
    }
}

/// Issue 10, item 6: a chain of 6,000 levels, each completed by completing
/// the next. The checklist decides each level once, dependencies first, so
/// no recursion is as deep as the chain (before, Chromium threw "Maximum
/// call stack size exceeded" here); a level's page carries its own words
/// only, the rules coming once from checklist-rules.js.
#[test]
fn a_chain_of_six_thousand_levels_is_judged_without_deep_recursion() {
    let site = SiteTest::empty();
    site.file(
        "site.toml",
        "title = \"Chain\"\nbase_url = \"https://chain.example.org\"\n",
    )
    .file(
        "content/pathways/p.md",
        "+++\ntitle = \"P\"\nsummary = \"S\"\n+++\n",
    );
    const LEVELS: usize = 6000;
    for i in 1..=LEVELS {
        let completion = if i < LEVELS {
            format!("completion = \"l{}\"\n", i + 1)
        } else {
            String::new()
        };
        site.file(
            &format!("content/levels/l{i}.md"),
            format!("+++\ntitle = \"Level {i}\"\nsummary = \"S\"\npathway = \"p\"\norder = {i}\n{completion}+++\n"),
        );
    }
    let served = serve(site.root(), &[]);
    let driver = Driver::start();
    let browser = driver.browser(true);
    for path in ["/checklist/", "/levels/l1/"] {
        browser.go(&served.url(path));
        let verdicts = browser.run(
            "return window.cairnChecklist.evaluate({completed: ['l6000'], measures: {}}).filter(v => v.complete).length",
            json!([]),
        );
        assert_eq!(verdicts, json!(LEVELS), "{path}: every level complete");
        assert_eq!(browser.console_errors(), Vec::<String>::new(), "{path}");
    }
    let level_page = served.url("/levels/l1/");
    let size = ureq::get(&level_page)
        .call()
        .expect("l1")
        .body_mut()
        .read_to_string()
        .expect("text")
        .len();
    assert!(
        size < 20_000,
        "a level's page carries its own words only: {size} bytes"
    );
}

/// Issue 10, item 4: the answers saved as a file are the TOML `cairn
/// eligibility --profile` reads, with the same verdicts; loading such a
/// file back restores them, and a bad file is refused with a message while
/// the answers stay as they were.
#[test]
fn answers_saved_as_a_file_are_a_record_the_cli_reads_and_load_back() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    browser.click(&box_for(&browser, "level-1-workshop"));
    browser.click(&box_for(&browser, "consent-and-boundaries"));
    browser.click(&box_for(&browser, "mental-health-first-aid"));
    browser.type_into(&browser.find("input[data-measure=\"on-set-hours\"]"), "120");
    let saved = browser.run("return window.cairnChecklist.toToml()", json!([]));
    let saved = saved.as_str().expect("TOML text").to_string();
    assert!(saved.contains("[measures]\non-set-hours = 120"), "{saved}");

    let file = _site.scratch("my-checklist.toml");
    std::fs::write(&file, &saved).expect("write");
    let Run {
        code,
        stdout,
        stderr,
        ..
    } = _site.run(&[
        "eligibility",
        "--profile",
        &file.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "the CLI reads the saved file: {stderr}\n{saved}");
    let cli: Value = serde_json::from_str(&stdout).expect("json");
    let record = "JSON.parse(localStorage.getItem(JSON.parse(document.getElementById('cairn-checklist').textContent).storage_key))";
    let browser_verdicts = browser.run(
        &format!("return window.cairnChecklist.evaluate({record})"),
        json!([]),
    );
    assert_eq!(cli["levels"], browser_verdicts, "the same verdicts");

    // Start over, then load the file: the answers come back.
    browser.click(&browser.find("#checklist-clear"));
    let ticked = |browser: &Browser<'_>| {
        browser.run(
            "return document.querySelector('input[data-done=\"consent-and-boundaries\"]').checked",
            json!([]),
        )
    };
    assert_eq!(ticked(&browser), json!(false));
    browser.type_into(&browser.find("#checklist-load"), &file.to_string_lossy());
    let mut status = String::new();
    for _ in 0..50 {
        status = browser.text("#checklist-file-status");
        if !status.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(status, "Answers loaded from my-checklist.toml.");
    assert_eq!(ticked(&browser), json!(true));
    assert_eq!(
        browser.run(
            "return document.querySelector('input[data-measure=\"on-set-hours\"]').value",
            json!([])
        ),
        json!("120")
    );

    // A bad file: refused, with where and why, and nothing changes.
    let before = browser.run(&format!("return {record}"), json!([]));
    let bad = _site.scratch("bad.toml");
    std::fs::write(&bad, "completed = [\"level-1\", \"levle-2\"]\n").expect("write");
    browser.type_into(&browser.find("#checklist-load"), &bad.to_string_lossy());
    let mut status = String::new();
    for _ in 0..50 {
        status = browser.text("#checklist-file-status");
        if status.contains("bad.toml") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        status,
        "bad.toml was not loaded: line 1 names \"levle-2\", which this checklist does not know. Your answers are unchanged."
    );
    assert_eq!(browser.run(&format!("return {record}"), json!([])), before);
    assert_eq!(ticked(&browser), json!(true));
    assert_eq!(browser.console_errors(), Vec::<String>::new());
}

/// Issue 10, item 2: the checklist asks for the day of what lapses, judges
/// it as `cairn eligibility` does, says what has lapsed, and keeps the day
/// in the answers and in the saved file.
#[test]
fn the_checklist_asks_the_day_of_what_lapses_and_says_it_lapsed() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    let dates = browser.run(
        "return [...new Set([...document.querySelectorAll('input[data-date]')].map(i => i.getAttribute('data-date')))]",
        json!([]),
    );
    assert_eq!(
        dates,
        json!(["mental-health-first-aid"]),
        "only what lapses asks for a day"
    );
    browser.click(&box_for(&browser, "mental-health-first-aid"));
    browser.run(
        "const i = document.querySelector('input[data-date=\"mental-health-first-aid\"]'); i.value = '2020-01-01'; i.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([]),
    );
    let status = browser.text(STATUS);
    assert!(
        status.contains("Mental Health First Aid expired on 1 January 2023: renew it."),
        "{status}"
    );
    let saved = browser.run("return window.cairnChecklist.toToml()", json!([]));
    assert!(
        saved
            .as_str()
            .is_some_and(|t| t.contains("[dates]\nmental-health-first-aid = 2020-01-01")),
        "{saved}"
    );
    // Kept across a reload, as the other answers are.
    browser.refresh();
    assert_eq!(
        browser.run(
            "return document.querySelector('input[data-date=\"mental-health-first-aid\"]').value",
            json!([])
        ),
        json!("2020-01-01")
    );
    assert_eq!(browser.console_errors(), Vec::<String>::new());
}

/// `cairn serve` in a real browser: saving a page reloads it with the new
/// words. (Its events once carried no data, which browsers drop, so no
/// page ever reloaded; the serve tests read the raw stream and could not
/// tell.)
#[test]
fn a_save_reloads_the_page_in_the_browser() {
    let site = SiteTest::fixture("small");
    let served = serve(site.root(), &[]);
    let driver = Driver::start();
    let browser = driver.browser(true);
    browser.go(&served.url("/about/"));
    // The live-reload stream is open once the page says so.
    let mut live = json!(false);
    for _ in 0..200 {
        live = browser.run(
            "return document.documentElement.getAttribute('data-cairn-live') === 'ready'",
            json!([]),
        );
        if live == json!(true) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(live, json!(true), "the live-reload stream opened");
    browser.run("window.cairnMark = 'before the save'", json!([]));
    site.edit("content/about.md", |text| {
        text + "\nA sentence added while the page is open.\n"
    });
    let mut reloaded = json!(false);
    for _ in 0..100 {
        reloaded = browser.run(
            "return window.cairnMark === undefined && document.body.innerText.includes('A sentence added while the page is open.')",
            json!([]),
        );
        if reloaded == json!(true) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        reloaded,
        json!(true),
        "the page reloaded with the new words"
    );
    // A query survives a folder's redirect: filters shared as /workshops?…
    browser.go(&served.url("/workshops?topic=bowline"));
    assert_eq!(
        browser.run("return location.pathname + location.search", json!([])),
        json!("/workshops/?topic=bowline")
    );
}

/// Issue 10, items 3 and 7: the checklist page's plan toward every goal
/// (checklist-plan.js) is the plan `cairn eligibility --goal` makes
/// (src/rules/plan.rs), for 600 random records over the bundled catalogue,
/// the small fixture and four random catalogues, toward every level and
/// credential. The bundled catalogue and random catalogues 2 and 4 have a
/// requirement granted at discretion, which both plan last (issue 24), and
/// both place each thing under a level the plan goes through.
#[test]
fn the_browser_and_the_cli_plan_alike_for_500_random_records() {
    let driver = Driver::start();
    let browser = driver.browser(true);
    let mut compared = 0;
    let mut planned = 0;
    let mut approximate = 0;
    let sites = [
        ("bundled", SiteTest::bundled(), 150),
        ("fixture", tricky_copy(), 100),
        ("random 1", random_catalogue(1, 8), 100),
        ("random 2", random_catalogue(2, 10), 100),
        // Pools of 40 workshops: `choose 4` has 91,390 ways, past the
        // bound, so both plan by the same approximation.
        ("random 3", random_catalogue(3, 40), 50),
        ("random 4", random_catalogue(4, 60), 100),
    ];
    for (name, site, count) in sites {
        let options = cairn::SiteOptions {
            root: site.root().to_path_buf(),
            ..Default::default()
        };
        let Ok(resolved) = cairn::resolve(&options) else {
            panic!("{name} does not resolve")
        };
        assert!(
            !resolved.diagnostics.0.iter().any(|d| d.is_error()),
            "{name} has errors"
        );
        let catalogue = &resolved.catalogue;
        let records = random_records(catalogue, count, 13 + name.len() as u64);
        let goals: Vec<cairn::catalogue::Id> = [
            cairn::content::Kind::Level,
            cairn::content::Kind::Credential,
        ]
        .into_iter()
        .flat_map(|kind| catalogue.of_kind(kind).iter().copied())
        .collect();
        let goal_ids: Vec<&str> = goals.iter().map(|&g| catalogue[g].id.as_str()).collect();
        let served = serve(site.root(), &[]);
        browser.go(&served.url("/checklist/"));
        let as_json: Vec<Value> = records.iter().map(|r| r.to_json(catalogue)).collect();
        // In batches: each script call stays well within WebDriver's 30 s,
        // however loaded the machine.
        let from_browser: Vec<Value> = as_json
            .chunks(5)
            .flat_map(|batch| {
                let planned = browser.run(
                    "return arguments[0].map(r => arguments[1].map(g => window.cairnChecklist.plan(r, g, arguments[2])))",
                    json!([batch, goal_ids, JUDGING_DAY]),
                );
                planned.as_array().cloned().unwrap_or_default()
            })
            .collect();
        let on = cairn::content::Date::parse(JUDGING_DAY);
        for (i, record) in records.iter().enumerate() {
            for (j, &goal) in goals.iter().enumerate() {
                let expected = match cairn::rules::plan::plan(catalogue, record, on, goal) {
                    Ok(plan) => {
                        if plan.count() > 0 {
                            planned += 1;
                        }
                        if !plan.exact {
                            approximate += 1;
                        }
                        plan.to_json(catalogue)
                    }
                    Err(why) => json!({
                        "goal": catalogue[goal].id,
                        "none": match why {
                            cairn::rules::plan::NoPlan::Unreachable => "unreachable",
                            cairn::rules::plan::NoPlan::TooLarge => "too-large",
                        },
                    }),
                };
                assert_eq!(
                    from_browser[i][j], expected,
                    "{name}: record {i} toward {}: {}",
                    goal_ids[j], as_json[i]
                );
                compared += 1;
            }
        }
    }
    assert!(compared >= 500 * 4, "{compared} plans compared");
    assert!(
        planned > compared / 4,
        "only {planned} of {compared} plans had steps"
    );
    assert!(approximate > 10, "only {approximate} approximate plans");
}

/// A random catalogue of one pathway, written from `seed`: six levels,
/// each needing some of the levels, requirements and credential before it
/// (`all`, `any`, `choose` and `has` mixed) and completed by `choose`-ing
/// among its `pool` workshops, some of which have rules of their own.
/// With an even seed, one requirement is `discretionary`.
fn random_catalogue(seed: u64, pool: usize) -> SiteTest {
    let rng = std::cell::RefCell::new(Rng(seed * 7919 + 1));
    let next = |below: u64| rng.borrow_mut().next() % below;
    let site = SiteTest::empty();
    let write = |path: &str, front: String| {
        site.file(&format!("content/{path}"), format!("+++\n{front}+++\n"));
    };
    site.file(
        "site.toml",
        "title = \"Random\"\nbase_url = \"https://random.example.org\"\n[organizations.o]\nname = \"O\"\n",
    );
    write(
        "pathways/p.md",
        "title = \"P\"\nsummary = \"S.\"\norganization = \"o\"\n".into(),
    );
    write(
        "requirements/hours.md",
        "title = \"Hours\"\nsummary = \"S.\"\ncategory = \"experience\"\nunit = \"hours\"\n".into(),
    );
    for r in ["r1", "r2"] {
        // With an even seed, r2 is granted at the organizers' discretion:
        // plans take it last.
        let discretionary = if r == "r2" && seed.is_multiple_of(2) {
            "discretionary = true\n"
        } else {
            ""
        };
        write(
            &format!("requirements/{r}.md"),
            format!("title = \"{r}\"\nsummary = \"S.\"\ncategory = \"training\"\n{discretionary}"),
        );
    }
    write(
        "credentials/c.md",
        "title = \"C\"\nsummary = \"S.\"\nissuer = \"o\"\n".into(),
    );
    const LEVELS: usize = 6;
    let awarding = 1 + next(3) as usize;
    for i in 0..LEVELS {
        // What may come before level i.
        let mut before: Vec<String> = (0..i).map(|j| format!("\"l{j}\"")).collect();
        before.extend(["\"r1\"".to_string(), "\"r2\"".to_string()]);
        if i > awarding {
            before.push("\"c\"".into());
        }
        let pick = |n: usize| -> Vec<String> {
            let mut chosen = Vec::new();
            while chosen.len() < n.min(before.len()) {
                let item = before[next(before.len() as u64) as usize].clone();
                if !chosen.contains(&item) {
                    chosen.push(item);
                }
            }
            chosen
        };
        let hours = format!(
            "{{ has = \"hours\", at_least = {} }}",
            [10, 100, 300][next(3) as usize]
        );
        let requires = match (i, next(5)) {
            (0, _) => String::new(),
            (_, 0) => format!("requires = {}\n", pick(1)[0]),
            (_, 1) => format!("requires = {{ any = [{}, {hours}] }}\n", pick(2).join(", ")),
            (_, 2) => format!("requires = [{}, {hours}]\n", pick(2).join(", ")),
            (_, 3) => format!(
                "requires = {{ choose = 2, from = [{}] }}\n",
                pick(3).join(", ")
            ),
            _ => format!(
                "requires = [{}, {{ any = [{}, {hours}] }}]\n",
                pick(1)[0],
                pick(2).join(", ")
            ),
        };
        let completion = match next(4) {
            0 => String::new(),
            1 => format!(
                "completion = [{{ choose = {}, from = \"l{i}\" }}, \"r2\"]\n",
                1 + next(4)
            ),
            _ => format!(
                "completion = {{ choose = {}, from = \"l{i}\" }}\n",
                2 + next(3)
            ),
        };
        let awards = if i == awarding {
            "awards = \"c\"\n"
        } else {
            ""
        };
        write(
            &format!("levels/l{i}.md"),
            format!(
                "title = \"L{i}\"\nsummary = \"S.\"\npathway = \"p\"\norder = {}\n{requires}{completion}{awards}",
                i + 1
            ),
        );
        for w in 0..pool {
            let own = match (i, next(6)) {
                (0, _) | (_, 1..) => String::new(),
                (_, 0) => format!("requires = {}\n", pick(1)[0]),
            };
            write(
                &format!("workshops/w{i}-{w}.md"),
                format!("title = \"W{i}.{w}\"\nsummary = \"S.\"\nlevel = \"l{i}\"\n{own}"),
            );
        }
    }
    site
}

/// Issue 10, item 3: the checklist page shows the plan toward the goal
/// chosen, the pathway's outcome first; it follows the answers and the
/// goal, chosen with the keyboard, and says so in a live region; without
/// JavaScript the section is not there.
#[test]
fn the_checklist_plans_toward_the_goal_chosen() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    assert_eq!(
        browser.run(
            "return document.getElementById('plan-goal').value",
            json!([])
        ),
        json!("certified-intimacy-professional"),
        "the first pathway's outcome by default"
    );
    // Only the first sentence is a live region, not the whole list.
    assert_eq!(
        browser.run(
            "return [document.getElementById('plan-summary').getAttribute('role'), document.getElementById('plan-output').getAttribute('role')]",
            json!([])
        ),
        json!(["status", null])
    );
    let said = |browser: &Browser<'_>| browser.text("#plan-summary");
    let steps = |browser: &Browser<'_>| browser.text("#plan-output");
    assert_eq!(
        said(&browser),
        "7 things left to do to reach “Certified Intimacy Professional”."
    );
    let before = steps(&browser);
    assert!(before.contains("Level 1 introductory workshop"), "{before}");
    // A level finished by itself is said so, not named under its own name.
    assert!(
        before.contains("Complete the level itself: an application or an assessment"),
        "{before}"
    );
    browser.click(&box_for(&browser, "level-1-workshop"));
    // The plan follows once the answers settle.
    browser.run(
        "return new Promise(done => setTimeout(done, 400))",
        json!([]),
    );
    assert_eq!(
        said(&browser),
        "6 things left to do to reach “Certified Intimacy Professional”."
    );
    let after = steps(&browser);
    assert!(!after.contains("Level 1 introductory workshop"), "{after}");
    // Another goal, by keyboard: focus the list and type its first letters.
    browser.run("document.getElementById('plan-goal').focus()", json!([]));
    browser.keys(&["M", "e", "n", "t"]);
    let mentorship = said(&browser);
    assert!(
        mentorship.ends_with("to reach “Mentorship with ICC”."),
        "{mentorship}"
    );
    assert!(
        steps(&browser).contains("Hours on film and television sets: 0 of 300 hours"),
        "{}",
        steps(&browser)
    );
    // The plan is the one `cairn eligibility --goal` prints for the same answers.
    let plan = browser.run(
        "return window.cairnChecklist.plan(window.cairnChecklist.record(), 'icc-mentoring')",
        json!([]),
    );
    let record = _site.scratch("record.toml");
    std::fs::write(&record, "completed = [\"level-1-workshop\"]\n").expect("write");
    let Run {
        code,
        stdout,
        stderr,
        ..
    } = _site.run(&[
        "eligibility",
        "--profile",
        &record.to_string_lossy(),
        "--goal",
        "icc-mentoring",
        "--format",
        "json",
    ]);
    assert!(code == 0 || code == 1, "{stderr}");
    let from_cli: Value = serde_json::from_str(stdout.trim()).expect("JSON");
    assert_eq!(plan, from_cli["plan"]);
    // The goal chosen is kept with the answers: back on the page, it is
    // the one planned for.
    browser.refresh();
    assert_eq!(
        browser.run(
            "return document.getElementById('plan-goal').value",
            json!([])
        ),
        json!("icc-mentoring")
    );
    assert!(said(&browser).ends_with("to reach “Mentorship with ICC”."));
    for (width, height) in [(390, 844), (1280, 900)] {
        browser.size(width, height);
        assert_clean(&browser, &format!("the plan at {width} px"));
    }
    assert_eq!(browser.console_errors(), Vec::<String>::new());

    let plain = driver.browser(false);
    plain.go(&served.url("/checklist/"));
    assert_eq!(
        display_of(&plain, "plan"),
        json!("none"),
        "no plan without JavaScript"
    );
}

#[test]
fn ticking_a_later_level_completes_what_it_required_and_says_why() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/checklist/"));
    browser.click(&box_for(&browser, "level-3"));
    let status = browser.text(STATUS);
    for line in [
        "Level 1: Introduction — Completed (implied by Level 2: Specialized workshops)",
        "Level 2: Specialized workshops — Completed (implied by Ally Foundations Certificate)",
        "Level 3: Specialization intensive — Completed",
        // Field Work is finished by a step of its own, said as that step.
        "Field Work (Level 4) — You can start. Still needed to finish:\nThe level's own final step, which the organizers confirm (see its page).",
    ] {
        assert!(status.contains(line), "{line}\n{status}");
    }
    // What was implied is shown ticked, apart from what the person ticked,
    // and cannot be unticked on its own.
    let implied = browser.run(
        "return [...document.querySelectorAll('input[data-done=\"level-2\"], input[data-done=\"level-1-workshop\"]')] \
         .map(box => [box.checked, box.disabled, box.parentNode.querySelector('.implied')?.textContent.trim() ?? null])",
        json!([]),
    );
    assert_eq!(
        implied,
        json!([
            // Level 1 could be finished by either of two workshops: neither
            // is implied.
            [false, false, null],
            [
                true,
                true,
                "Completed (implied by Ally Foundations Certificate)"
            ],
        ])
    );
    // The same judgement as `cairn eligibility` for the same record.
    let verdicts = browser.run(
        "return window.cairnChecklist.evaluate({completed: ['level-3'], measures: {}}).map(v => [v.id, v.complete, v.implied_by || null])",
        json!([]),
    );
    assert_eq!(
        verdicts,
        json!([
            ["level-1", true, "level-2"],
            ["level-2", true, "ally-foundations-certificate"],
            ["level-3", true, null],
            ["field-work", false, null],
            ["icc-mentoring", false, null],
        ])
    );
    // Unticking Level 3 takes back everything it implied.
    browser.click(&box_for(&browser, "level-3"));
    assert!(
        browser
            .text(STATUS)
            .starts_with("Levels completed: 0 of 5."),
        "{}",
        browser.text(STATUS)
    );
}

#[test]
fn the_checklist_names_in_french_the_levels_one_can_start() {
    // The certificate left untranslated: its English title is marked so.
    let site = SiteTest::bundled();
    site.remove("content/credentials/ally-foundations-certificate.fr.md");
    let served = serve(site.root(), &[]);
    let driver = Driver::start();
    let browser = driver.browser(true);
    browser.go(&served.url("/fr/checklist/"));
    let status = browser.text(STATUS);
    assert!(
        status.starts_with(
            "Niveaux terminés\u{202f}: 0 sur 5. Vous pouvez commencer 1 niveau\u{202f}: Niveau\u{a0}1\u{202f}: introduction."
        ),
        "{status}"
    );
    browser.click(&box_for(&browser, "level-3"));
    let status = browser.text(STATUS);
    assert!(
        status.starts_with(
            "Niveaux terminés\u{202f}: 3 sur 5. Vous pouvez commencer 1 niveau\u{202f}: "
        ),
        "{status}"
    );
    assert!(
        status.contains("Terminé (exigé pour «\u{202f}"),
        "what Level 3 required reads as implied: {status}"
    );
    // The credentials' titles are kept in English (`title_lang`): marked
    // so, in the results and beside the box.
    let marked = browser.run(
        "return [...document.querySelectorAll('#checklist-status [lang=en], .implied [lang=en]')].map(e => e.textContent)",
        json!([]),
    );
    assert!(
        marked.as_array().is_some_and(|titles| titles.len() >= 2
            && titles
                .iter()
                .all(|t| t == "Ally Foundations Certificate"
                    || t == "Certified Intimacy Professional")),
        "{marked}"
    );
}

/// Issue 24: a workshop open to all stays in the list whatever audience is
/// chosen; only one written for named audiences is left out.
#[test]
fn the_audience_filter_keeps_workshops_open_to_all() {
    let site = SiteTest::bundled();
    let served = serve(site.root(), &["--today", "2026-11-28"]);
    let driver = Driver::start();
    let browser = driver.browser(true);
    let shown = |url: &str| {
        browser.go(&served.url(url));
        browser.run(
            "return [...document.querySelectorAll('.cards > li')].filter(li => !li.hidden).length",
            json!([]),
        )
    };
    // Level 2's eight workshops name actors, producers and instructors, and
    // are open to anyone past Level 1: a technician finds them.
    assert_eq!(
        shown("/workshops/?level=level-2&audience=Technicians"),
        json!(8)
    );
    // Level 1's is open to everyone, instructors included.
    assert_eq!(
        shown("/workshops/?level=level-1&audience=Instructors"),
        json!(1)
    );
    // The Level 3 intensives are for named people only.
    assert_eq!(
        shown("/workshops/?level=level-3&audience=Technicians"),
        json!(0)
    );
    assert_eq!(browser.console_errors(), Vec::<String>::new());
}

/// Issue 24: on a phone, the home page's first screen shows a way to the
/// checklist and the steps starting, under a header of two rows; the
/// pathway page leads to the checklist and on to what follows it.
#[test]
fn what_to_do_first_is_on_a_phone_s_first_screen() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.size(390, 844);
    for home in ["/", "/fr/"] {
        browser.go(&served.url(home));
        // Rows of the header: boxes side by side share one.
        let rows = browser.run(
            "const boxes = [...document.querySelectorAll('.site-title, .language-switch, .site-search, .site-nav')] \
             .filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect()).sort((a, b) => a.top - b.top); \
             let rows = 0, bottom = -Infinity; \
             for (const b of boxes) { if (b.top >= bottom - 1) { rows += 1; bottom = b.bottom; } else bottom = Math.max(bottom, b.bottom); } \
             return rows",
            json!([]),
        );
        assert_eq!(rows, json!(2), "{home}: the header keeps to two rows");
        let first_screen = browser.run(
            "const h = window.innerHeight; \
             const top = s => document.querySelector(s).getBoundingClientRect().top; \
             return [top('.hero-actions a[href$=\"/checklist/\"]') < h, top('.mini-steps li') < h]",
            json!([]),
        );
        assert_eq!(first_screen, json!([true, true]), "{home}");
        assert_eq!(
            browser.run(
                "return document.documentElement.scrollWidth <= window.innerWidth",
                json!([])
            ),
            json!(true),
            "{home}: no sideways scroll"
        );
        assert_eq!(axe_violations(&browser), json!([]), "{home}");
    }
    browser.go(&served.url("/pathways/idc-certification/"));
    assert_eq!(
        browser.text(".leads-on"),
        "It opens the way to: Mentorship with ICC"
    );
    assert_eq!(
        browser.run(
            "return document.querySelector('main a.button[href=\"/checklist/\"]') !== null",
            json!([])
        ),
        json!(true),
        "the pathway page leads to the checklist"
    );
}

/// Issue 24: on a phone the map reads top to bottom, one pathway a column,
/// within the screen; every box is a link to its level, and the arrow
/// from one pathway to the other stays in view.
#[test]
fn the_map_fits_a_phone_and_every_box_is_a_link() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    for (width, shown) in [(390, "tall"), (1280, "wide")] {
        browser.size(width, 900);
        browser.go(&served.url("/pathways/idc-certification/"));
        let map = browser.run(
            "const map = [...document.querySelectorAll('.map-scroll')].find(m => m.getClientRects().length); \
             return [map.classList.contains('map-' + arguments[0]), map.scrollWidth <= map.clientWidth, \
                     [...map.querySelectorAll('a.map-node')].map(a => a.getAttribute('href')), \
                     map.querySelectorAll('.map-edge-cross').length]",
            json!([shown]),
        );
        assert_eq!(
            map,
            json!([
                true,
                true,
                [
                    "/levels/level-1/",
                    "/levels/level-2/",
                    "/levels/level-3/",
                    "/levels/field-work/",
                    "/levels/icc-mentoring/"
                ],
                1
            ]),
            "at {width} px"
        );
        assert_eq!(axe_violations(&browser), json!([]), "at {width} px");
    }
}

/// Issue 24: the handbook on paper stands alone: outside links as their
/// addresses, no breadcrumb, a preferred part marked as not required (not
/// a box to tick), and the first part on the first sheet.
#[test]
fn the_handbook_on_paper_stands_alone() {
    let site = SiteTest::fixture("small");
    let served = serve(site.root(), &[]);
    let driver = Driver::start();
    let browser = driver.browser(true);
    browser.go(&served.url("/handbook/"));
    browser.emulate_media("print");
    let printed = browser.run(
        "const style = (e, pseudo) => getComputedStyle(e, pseudo || null); \
         const parts = document.querySelectorAll('.handbook-part'); \
         const preferred = [...document.querySelectorAll('.rule-list li')].find(li => li.querySelector(':scope > .tag-preferred')); \
         return [style(document.querySelector('.breadcrumb')).display, \
                 style(parts[0]).breakBefore, style(parts[1]).breakBefore, \
                 style(preferred, '::marker').content, \
                 preferred.querySelector('.tag-preferred').innerText.trim()]",
        json!([]),
    );
    assert_eq!(
        printed,
        json!([
            "none",
            "auto",
            "page",
            "\"◇  \"",
            "Preferred: recommended, not required"
        ])
    );
    // An outside link prints its address.
    browser.emulate_media("");
    browser.go(&served.url("/pathways/harbour-pilot/"));
    browser.emulate_media("print");
    let after = browser.run(
        "const a = document.querySelector('main a[href^=\"http\"]'); return a && getComputedStyle(a, '::after').content",
        json!([]),
    );
    assert!(
        after
            .as_str()
            .is_some_and(|c| c.contains("attr(href)") || c.contains("http")),
        "{after}"
    );
}

/// Issue 24: an amount typed with the French decimal comma is that amount
/// (9,5 years is not 95, and does not meet "at least 10 years"), and is
/// shown back as typed.
#[test]
fn an_amount_with_a_decimal_comma_is_read_as_written() {
    let Setup {
        _site,
        served,
        driver,
    } = Setup::bundled();
    let browser = driver.browser(true);
    browser.go(&served.url("/fr/checklist/"));
    let years = browser.find("input[data-measure=\"on-set-years\"]");
    browser.type_into(&years, "9,5");
    assert_eq!(
        browser.run(
            "return window.cairnChecklist.record().measures['on-set-years']",
            json!([])
        ),
        json!(9.5)
    );
    browser.refresh();
    assert_eq!(
        browser.run(
            "return document.querySelector('input[data-measure=\"on-set-years\"]').value",
            json!([])
        ),
        json!("9,5")
    );
    // Not a number at all: no amount, rather than a wrong one.
    browser.run(
        "const input = document.querySelector('input[data-measure=\"on-set-years\"]'); input.value = ''; input.dispatchEvent(new Event('input'))",
        json!([]),
    );
    let years = browser.find("input[data-measure=\"on-set-years\"]");
    browser.type_into(&years, "dix");
    assert_eq!(
        browser.run(
            "return 'on-set-years' in window.cairnChecklist.record().measures",
            json!([])
        ),
        json!(false)
    );
}
