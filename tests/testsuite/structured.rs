//! schema.org JSON-LD (issue 14, item 5): every block of every built page
//! is extracted twice, by this test and by an independent extractor
//! (Python's `extruct`, through tests/tools/read-jsonld.py), which must
//! agree; each type's required and recommended properties are checked,
//! and the courses' instances are compared with the catalogue.

use crate::support::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The JSON-LD documents of a page, parsed by this test.
fn blocks(html: &str) -> Vec<Value> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    html.match_indices(OPEN)
        .map(|(at, _)| {
            let rest = &html[at + OPEN.len()..];
            let end = rest.find("</script>").expect("a closed script");
            serde_json::from_str(&rest[..end]).expect("valid JSON")
        })
        .collect()
}

/// Every node of a page's graphs, by `@type`.
fn nodes(documents: &[Value]) -> BTreeMap<String, Vec<Value>> {
    let mut by_type: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for document in documents {
        assert_eq!(document["@context"], "https://schema.org");
        for node in document["@graph"].as_array().expect("a @graph") {
            let kind = node["@type"].as_str().expect("a @type").to_string();
            by_type.entry(kind).or_default().push(node.clone());
        }
    }
    by_type
}

fn has(node: &Value, properties: &[&str]) {
    for property in properties {
        let value = &node[*property];
        assert!(
            !value.is_null() && value != "" && value != &Value::Array(Vec::new()),
            "{property} missing from {node:#}"
        );
    }
}

fn absolute(url: &Value) {
    let url = url.as_str().expect("a URL");
    assert!(url.starts_with("https://"), "not absolute: {url}");
}

/// `small` (whose first-aid requirement lapses after 3 years) with a
/// workshop whose title tries to close the script element.
fn site() -> SiteTest {
    let site = SiteTest::fixture("small");
    site.file(
        "content/workshops/escape.md",
        "+++\ntitle = \"Ropes </script><script>alert(1)</script> & <b>knots</b>\"\nsummary = \"A \\u2028 line separator.\"\nlevel = \"deck-basics\"\n\n[[offerings]]\nstart = 2027-02-01\nlocation = \"Halifax\"\nonline = true\nregister = \"https://harbour.example.org/r\"\n+++\nBody.\n",
    );
    site
}

#[test]
fn every_page_s_structured_data_is_sound_and_extractors_agree() {
    let site = site();
    site.build_with(&["--today", "2026-11-28"]).succeeds();
    let out = site.out_dir();
    let pages: Vec<PathBuf> = files_ending(&out, ".html");
    let paths: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    let extracted = python_tool("read-jsonld.py", &paths);
    let catalogue: Value = serde_json::from_str(&site.output("catalogue.json")).expect("json");

    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for page in &pages {
        let html = read(page);
        let ours = blocks(&html);
        assert_eq!(
            Value::Array(ours.clone()),
            extracted[page.to_string_lossy().as_ref()],
            "{}: extruct reads the same JSON-LD",
            page.display()
        );
        // Script-safe: nothing in a block can end the element early.
        for (at, _) in html.match_indices("<script type=\"application/ld+json\">") {
            let inside = &html[at..];
            let inside = &inside[..inside.find("</script>").expect("closed")];
            assert!(!inside[1..].contains('<'), "{}", page.display());
        }
        let relative = page.strip_prefix(&out).expect("inside");
        let is_404 = relative == Path::new("404.html");
        assert_eq!(
            ours.is_empty(),
            is_404,
            "{}: JSON-LD on every page but 404",
            relative.display()
        );
        for (kind, list) in nodes(&ours) {
            *seen.entry(kind.clone()).or_default() += list.len();
            for node in &list {
                match kind.as_str() {
                    "Course" => {
                        has(
                            node,
                            &["name", "description", "url", "provider", "inLanguage"],
                        );
                        absolute(&node["url"]);
                        has(&node["provider"], &["@type", "name"]);
                        for instance in node["hasCourseInstance"].as_array().into_iter().flatten() {
                            has(
                                instance,
                                &[
                                    "courseMode",
                                    "startDate",
                                    "endDate",
                                    "location",
                                    "eventStatus",
                                    "url",
                                ],
                            );
                            assert!(
                                ["Onsite", "Online", "Blended"]
                                    .contains(&instance["courseMode"].as_str().unwrap_or("")),
                                "{instance}"
                            );
                        }
                        for offer in node["offers"].as_array().into_iter().flatten() {
                            has(offer, &["@type", "category", "price"]);
                            assert!(
                                ["Free", "Paid"]
                                    .contains(&offer["category"].as_str().unwrap_or(""))
                            );
                            if offer["category"] == "Paid" {
                                has(offer, &["priceCurrency"]);
                            }
                        }
                    }
                    "EducationalOccupationalProgram" => {
                        has(
                            node,
                            &["name", "description", "url", "provider", "hasCourse"],
                        );
                        absolute(&node["url"]);
                    }
                    "EducationalOccupationalCredential" => {
                        has(node, &["name", "url", "credentialCategory"]);
                        if let Some(period) = node["validFor"].as_str() {
                            let digits = &period[1..period.len() - 1];
                            assert!(
                                period.starts_with('P')
                                    && digits.chars().all(|c| c.is_ascii_digit())
                                    && "DWMY".contains(&period[period.len() - 1..]),
                                "an ISO 8601 duration: {period}"
                            );
                        }
                    }
                    "Organization" | "WebSite" => has(node, &["name", "url"]),
                    "BreadcrumbList" | "ItemList" => {
                        let items = node["itemListElement"].as_array().expect("items");
                        for (at, item) in items.iter().enumerate() {
                            assert_eq!(item["position"], at + 1, "{node}");
                            has(item, &["name"]);
                        }
                        if kind == "ItemList" {
                            assert_eq!(node["numberOfItems"], items.len());
                        }
                    }
                    other => panic!("an unexpected type {other}"),
                }
            }
        }
    }
    for kind in [
        "Course",
        "EducationalOccupationalProgram",
        "EducationalOccupationalCredential",
        "Organization",
        "BreadcrumbList",
        "ItemList",
        "WebSite",
    ] {
        assert!(seen.contains_key(kind), "no {kind} anywhere: {seen:?}");
    }

    // A workshop's instances are its offerings still to come, as the
    // catalogue says them.
    for workshop in catalogue["workshops"].as_array().expect("workshops") {
        let id = workshop["id"].as_str().expect("id");
        let html = site.output(&format!("workshops/{id}/index.html"));
        let course = &nodes(&blocks(&html))["Course"][0];
        assert_eq!(course["name"], workshop["title"]);
        let instances = course["hasCourseInstance"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let offerings = workshop["offerings"].as_array().expect("offerings");
        assert_eq!(
            instances.len(),
            offerings.len(),
            "{id}: all are to come on 28 November 2026"
        );
        for (instance, offering) in instances.iter().zip(offerings) {
            assert_eq!(instance["startDate"], offering["start"]);
            let end = if offering["end"].is_null() {
                &offering["start"]
            } else {
                &offering["end"]
            };
            assert_eq!(&instance["endDate"], end);
            assert_eq!(
                instance["eventStatus"] == "https://schema.org/EventCancelled",
                offering["status"] == "cancelled"
            );
        }
    }
    let escape = site.output("workshops/escape/index.html");
    let course = &nodes(&blocks(&escape))["Course"][0];
    assert_eq!(
        course["name"], "Ropes </script><script>alert(1)</script> & <b>knots</b>",
        "the title whole, read back from its escaped form"
    );
    assert_eq!(course["hasCourseInstance"][0]["courseMode"], "Blended");
    let first_aid = site.output("requirements/first-aid/index.html");
    assert_eq!(
        nodes(&blocks(&first_aid))["EducationalOccupationalCredential"][0]["validFor"],
        "P3Y",
        "valid_for = \"3 years\""
    );
}
