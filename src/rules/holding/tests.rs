//! Unit tests of whether a credential is held, lapsing, lapsed or not held.

use super::{HoldingState, holdings};
use crate::content::Date;
use crate::rules::eval::Record;
use crate::testing::{md, resolved};

#[test]
fn a_credential_is_held_lapsing_lapsed_or_not_held() {
    let (_dir, site) = resolved(&[
        (
            "content/levels/pool.md",
            &md("title = \"Pool\"\ncompletion = [\"w\"]\nawards = \"bronze\""),
        ),
        (
            "content/workshops/w.md",
            &md("title = \"W\"\nlevel = \"pool\""),
        ),
        ("content/credentials/bronze.md", &md("title = \"Bronze\"")),
        (
            "content/credentials/lifeguard.md",
            &md("title = \"Lifeguard\"\nvalid_for = \"2 years\""),
        ),
        (
            "content/credentials/instructor.md",
            &md("title = \"Instructor\""),
        ),
        (
            "content/levels/advanced.md",
            &md("title = \"Advanced\"\nrequires = [\"bronze\"]"),
        ),
    ]);
    let catalogue = &site.catalogue;
    let id = |name: &str| catalogue.lookup(name).expect("an id");
    let day = |text: &str| Date::parse(text).expect("a day");
    let state = |record: &Record, on: &str, name: &str| {
        holdings(catalogue, record, Some(day(on)))
            .into_iter()
            .find(|h| h.id == name)
            .map(|h| (h.state, h.lapses_on, h.implied_by))
            .expect("a holding")
    };
    let mut record = Record::default();
    record.completed.insert(id("pool"));
    record.completed.insert(id("lifeguard"));
    record.dates.insert(id("lifeguard"), day("2025-06-30"));
    // Awarded by a completed level: held.
    assert_eq!(
        state(&record, "2026-01-01", "bronze"),
        (HoldingState::Held, None, None)
    );
    // Required by a level completed since: held, and said why.
    let mut later = Record::default();
    later.completed.insert(id("advanced"));
    assert_eq!(
        state(&later, "2026-01-01", "bronze"),
        (HoldingState::Held, None, Some("advanced".to_string()))
    );
    // Two years from 30 June 2025: held until 30 June 2027, lapsing from
    // 90 days before, lapsed on the day.
    let lapses = Some("2027-06-30".to_string());
    assert_eq!(
        state(&record, "2027-01-01", "lifeguard"),
        (HoldingState::Held, lapses.clone(), None)
    );
    assert_eq!(
        state(&record, "2027-04-15", "lifeguard"),
        (HoldingState::Lapsing, lapses.clone(), None)
    );
    assert_eq!(
        state(&record, "2027-06-30", "lifeguard"),
        (HoldingState::Lapsed, lapses, None)
    );
    assert_eq!(
        state(&record, "2027-01-01", "instructor"),
        (HoldingState::NotHeld, None, None)
    );
    // Without a day, nothing lapses.
    let held = holdings(catalogue, &record, None);
    assert!(
        held.iter()
            .find(|h| h.id == "lifeguard")
            .is_some_and(|h| h.state == HoldingState::Held)
    );
}
