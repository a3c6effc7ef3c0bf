//! Placing an offering in time: its days and times of day, read against a
//! time zone from the IANA database (jiff, with the database bundled so a
//! build gives the same times on every machine), into instants that can be
//! compared, shown and written to a calendar.
//!
//! An offering's times are in its `time_zone`, else the site's
//! `[offerings] time_zone`, else in the offset written with each time. A
//! time with none of these is refused: "9:00" alone names no moment.

use crate::source::Span;
use crate::source::Spanned;
use crate::values::{Date, When};
use jiff::civil;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};

/// A time zone by IANA name, or the closest names when it is unknown.
pub fn time_zone(name: &str) -> Result<TimeZone, Option<String>> {
    TimeZone::get(name).map_err(|_| {
        let names: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
        crate::diagnostics::did_you_mean(name, names.iter().map(String::as_str)).map(str::to_string)
    })
}

/// The help for an unknown zone: the closest name, or how names look.
pub fn zone_help(suggestion: Option<&str>) -> crate::messages::Text {
    match suggestion {
        Some(name) => crate::text!("did_you_mean", suggestion = name),
        None => crate::text!("unknown_time_zone_help"),
    }
}

/// When something happens, placed.
#[derive(Debug, Clone, PartialEq)]
pub enum Moment {
    /// A whole day, the same everywhere (as a printed programme says it).
    Day(civil::Date),
    /// A time of day in its zone.
    At(ZonedDateTime),
}

impl Moment {
    /// Its day, in its own zone.
    pub fn date(&self) -> civil::Date {
        match self {
            Moment::Day(date) => *date,
            Moment::At(zoned) => zoned.date(),
        }
    }
}

/// An offering placed in time.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub start: Moment,
    pub end: Option<Moment>,
    pub deadline: Option<Moment>,
    /// The zone its times are in, when it has times: named, or a fixed
    /// offset written with them.
    pub zone: Option<TimeZone>,
    /// What was placed, but deserves a word (W007).
    pub notices: Vec<Notice>,
}

/// A time that was placed, though not as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A time the clocks skip when they go forward (02:30 on the night
    /// Toronto moves from 02:00 to 03:00), placed after the change.
    Skipped {
        at: Span,
        zone: String,
        /// The time it was placed at, `03:30`.
        placed: String,
    },
}

/// Why an offering cannot be placed.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// `time_zone` names no zone of the IANA database.
    UnknownZone {
        at: Span,
        name: String,
        suggestion: Option<String>,
    },
    /// A time of day with no zone and no offset.
    NoZone { at: Span },
    /// A written offset that is not the zone's on that day.
    OffsetMismatch {
        at: Span,
        written: Offset,
        zone: String,
        actual: Offset,
    },
    /// A start that is a day with an end that is a time, or the reverse.
    Mixed { at: Span },
    /// A time so far from now that it cannot be placed (around year 9999).
    OutOfRange { at: Span },
    /// An end before (or, for times, at) the start.
    EndsBeforeStart { at: Span },
    /// A registration deadline after the start.
    DeadlineAfterStart { at: Span },
}

/// An offering's times as written, with their places in its file: what
/// [`place`] reads (`content::Offering::times` gives them).
#[derive(Debug, Clone, Copy)]
pub struct Written<'a> {
    pub start: &'a Spanned<When>,
    pub end: Option<&'a Spanned<When>>,
    pub deadline: Option<&'a Spanned<When>>,
    pub time_zone: Option<&'a Spanned<String>>,
}

/// Place an offering's times, in the site's zone when it names none
/// itself. The site's zone has been checked where site.toml is read.
pub fn place(offering: Written<'_>, site_zone: Option<&str>) -> Result<Schedule, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut notices = Vec::new();
    let named = match offering.time_zone {
        Some(name) => match time_zone(&name.value) {
            Ok(zone) => Some((zone, name.value.clone())),
            Err(suggestion) => {
                problems.push(Problem::UnknownZone {
                    at: name.span.clone(),
                    name: name.value.clone(),
                    suggestion,
                });
                return Err(problems);
            }
        },
        None => site_zone.and_then(|name| Some((TimeZone::get(name).ok()?, name.to_string()))),
    };
    let mut zone = named.as_ref().map(|(zone, _)| zone.clone());
    let mut moment = |when: &When, at: &Span, problems: &mut Vec<Problem>| -> Option<Moment> {
        let (date, time, offset) = match *when {
            When::Day(date) => return Some(Moment::Day(date.civil())),
            When::At { date, time, offset } => (date, time, offset),
        };
        let local = date.civil().to_datetime(
            civil::Time::new(time.hour as i8, time.minute as i8, time.second as i8, 0)
                .unwrap_or_default(),
        );
        let written = offset.map(|seconds| Offset::from_seconds(seconds).unwrap_or(Offset::UTC));
        match (&named, written) {
            (Some((named_zone, name)), Some(written)) => {
                let Ok(instant) = written.to_timestamp(local) else {
                    problems.push(Problem::OutOfRange { at: at.clone() });
                    return None;
                };
                let actual = named_zone.to_offset(instant);
                // An end written as a time alone takes the start's offset:
                // one wrong offset is reported once.
                let reported = problems.iter().any(
                    |p| matches!(p, Problem::OffsetMismatch { written: w, .. } if *w == written),
                );
                if actual != written && reported {
                    return None;
                }
                if actual != written {
                    problems.push(Problem::OffsetMismatch {
                        at: at.clone(),
                        written,
                        zone: name.clone(),
                        actual,
                    });
                    return None;
                }
                Some(Moment::At(instant.to_zoned_datetime(named_zone.clone())))
            }
            // A time in a named zone: in a gap of a clock change, moved
            // forward by the gap; in an overlap, the earlier of the two
            // instants (jiff's "compatible", as RFC 5545 reads such a time).
            (Some((named_zone, name)), None) => {
                let ambiguous = named_zone.to_ambiguous_zoned_datetime(local);
                let gap = matches!(ambiguous.offset(), jiff::tz::AmbiguousOffset::Gap { .. });
                match ambiguous.compatible() {
                    Ok(zoned) => {
                        // A time the clocks skip: placed, and said.
                        if gap {
                            notices.push(Notice::Skipped {
                                at: at.clone(),
                                zone: name.clone(),
                                placed: zoned.strftime("%H:%M").to_string(),
                            });
                        }
                        Some(Moment::At(zoned))
                    }
                    Err(_) => {
                        problems.push(Problem::OutOfRange { at: at.clone() });
                        None
                    }
                }
            }
            (None, Some(written)) => {
                let fixed = TimeZone::fixed(written);
                let Ok(instant) = written.to_timestamp(local) else {
                    problems.push(Problem::OutOfRange { at: at.clone() });
                    return None;
                };
                zone.get_or_insert_with(|| fixed.clone());
                Some(Moment::At(instant.to_zoned_datetime(fixed)))
            }
            // Once per offering: one `time_zone` line fixes every time.
            (None, None) => {
                if !problems.iter().any(|p| matches!(p, Problem::NoZone { .. })) {
                    problems.push(Problem::NoZone { at: at.clone() });
                }
                None
            }
        }
    };
    let start = moment(&offering.start.value, &offering.start.span, &mut problems);
    let end = offering.end.map(|end| {
        (
            moment(&end.value, &end.span, &mut problems),
            end.span.clone(),
        )
    });
    let deadline = offering.deadline.map(|deadline| {
        (
            moment(&deadline.value, &deadline.span, &mut problems),
            deadline.span.clone(),
        )
    });
    let start = match start {
        Some(start) if problems.is_empty() => start,
        _ => return Err(problems),
    };
    let end = match end {
        Some((Some(end), at)) => {
            match (&start, &end) {
                (Moment::Day(first), Moment::Day(last)) if last < first => {
                    problems.push(Problem::EndsBeforeStart { at });
                }
                (Moment::At(first), Moment::At(last)) if last.timestamp() <= first.timestamp() => {
                    problems.push(Problem::EndsBeforeStart { at });
                }
                (Moment::Day(_), Moment::At(_)) | (Moment::At(_), Moment::Day(_)) => {
                    problems.push(Problem::Mixed { at });
                }
                _ => {}
            }
            Some(end)
        }
        _ => None,
    };
    let deadline = match deadline {
        Some((Some(deadline), at)) => {
            let late = match (&deadline, &start) {
                (Moment::At(last), Moment::At(first)) => last.timestamp() > first.timestamp(),
                (last, first) => last.date() > first.date(),
            };
            if late {
                problems.push(Problem::DeadlineAfterStart { at });
            }
            Some(deadline)
        }
        _ => None,
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let has_times = matches!(start, Moment::At(_));
    Ok(Schedule {
        start,
        end,
        deadline,
        zone: if has_times { zone } else { None },
        notices,
    })
}

/// An offset as written in TOML and ISO 8601: `-05:00`, `+00:00`.
pub fn offset_text(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A zone as a visitor reads it beside a time, in `lang`: CLDR's short
/// name for it on that day, in that language as spoken in the zone's own
/// country ("HAE" for Halifax in summer on a French page, from fr-CA;
/// "ADT" in English), where CLDR has one. A zone with no short name in
/// the language reads as its offset, as CLDR writes it there ("UTC+2" in
/// French for Paris): never another language's abbreviation. A zone with
/// no name (a fixed offset) reads "UTC-03:00".
pub fn zone_label(at: &ZonedDateTime, lang: &str) -> String {
    let offset = || format!("UTC{}", at.strftime("%:z"));
    let Some(name) = at.time_zone().iana_name() else {
        return offset();
    };
    cldr_zone_name(name, at, lang).unwrap_or_else(offset)
}

/// CLDR's specific short name of IANA zone `name` at `at`, in `lang` for
/// the zone's country: the first two letters of a zone's BCP 47 id are
/// its country's code (`cahal`, Halifax, Canada), which picks the
/// regional names (fr-CA has "HNE", "HAE"; plain French has none).
fn cldr_zone_name(name: &str, at: &ZonedDateTime, lang: &str) -> Option<String> {
    use icu_datetime::NoCalendarFormatter;
    use icu_datetime::fieldsets::zone::SpecificShort;
    use icu_time::zone::{UtcOffset, ZoneNameTimestamp};
    let zone = icu_time::TimeZone::from_iana_id(name);
    if zone == icu_time::TimeZone::UNKNOWN {
        return None;
    }
    let region = zone.0.as_str().get(..2)?.to_ascii_uppercase();
    let language = lang.split(['-', '_']).next().unwrap_or(lang);
    let tag = format!("{language}-{region}");
    let info = zone
        .with_offset(UtcOffset::try_from_seconds(at.offset().seconds()).ok())
        .with_zone_name_timestamp(ZoneNameTimestamp::from_epoch_seconds(
            at.timestamp().as_second(),
        ));
    // A formatter per locale and thread, made once: a site with thousands
    // of timed offerings names their zones in a handful of locales.
    thread_local! {
        static FORMATTERS: std::cell::RefCell<
            std::collections::HashMap<String, Option<NoCalendarFormatter<SpecificShort>>>,
        > = Default::default();
    }
    FORMATTERS.with_borrow_mut(|formatters| {
        let formatter = formatters.entry(tag).or_insert_with_key(|tag| {
            let locale = icu_locale_core::Locale::try_from_str(tag)
                .or_else(|_| icu_locale_core::Locale::try_from_str(language))
                .ok()?;
            NoCalendarFormatter::try_new((&locale).into(), SpecificShort).ok()
        });
        Some(formatter.as_ref()?.format(&info).to_string())
    })
}

/// The moment as `<time datetime>` and catalogue.json write it: a day
/// (`2027-03-12`), or a time with its offset (`2027-03-12T09:00:00-04:00`).
pub fn iso(moment: &Moment) -> String {
    match moment {
        Moment::Day(date) => date.to_string(),
        Moment::At(zoned) => zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    }
}

/// A date of the model for a day placed by jiff.
pub fn day(date: civil::Date) -> Date {
    Date::from(date)
}

/// An instant for comparisons and calendars.
pub fn instant(moment: &Moment) -> Option<Timestamp> {
    match moment {
        Moment::Day(_) => None,
        Moment::At(zoned) => Some(zoned.timestamp()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Offering, Status, Time};

    /// `super::place` for a whole offering, as its callers use it.
    fn place(offering: &Offering, zone: Option<&str>) -> Result<Schedule, Vec<Problem>> {
        super::place(offering.times(), zone)
    }

    fn at(date: &str, hour: u8, offset: Option<i32>) -> Spanned<When> {
        Spanned::new(
            When::At {
                date: Date::parse(date).expect("a date"),
                time: Time {
                    hour,
                    minute: 0,
                    second: 0,
                },
                offset,
            },
            0..1,
        )
    }

    fn offering(start: Spanned<When>, end: Option<Spanned<When>>, zone: Option<&str>) -> Offering {
        Offering {
            id: None,
            start,
            end,
            time_zone: zone.map(|z| Spanned::new(z.to_string(), 5..6)),
            location: None,
            online: false,
            register: None,
            price: None,
            language: None,
            status: Status::Open,
            deadline: None,
            note: None,
        }
    }

    #[test]
    fn times_are_placed_in_their_zone_across_clock_changes() {
        // Toronto is on EST (-05:00) in January and EDT (-04:00) in July.
        for (date, expected) in [("2027-01-12", "-05:00"), ("2027-07-12", "-04:00")] {
            let schedule = place(
                &offering(at(date, 9, None), None, Some("America/Toronto")),
                None,
            )
            .expect("placed");
            assert_eq!(iso(&schedule.start), format!("{date}T09:00:00{expected}"));
        }
        let schedule = place(
            &offering(at("2027-07-12", 9, None), None, None),
            Some("Europe/Paris"),
        )
        .expect("the site's zone");
        assert_eq!(iso(&schedule.start), "2027-07-12T09:00:00+02:00");
        let Moment::At(zoned) = &schedule.start else {
            panic!("a time")
        };
        assert_eq!(zone_label(zoned, "en"), "CEST");
        assert_eq!(zone_label(zoned, "fr"), "UTC+2");
    }

    #[test]
    fn what_cannot_be_placed_is_said() {
        let unknown = place(
            &offering(at("2027-07-12", 9, None), None, Some("America/Torono")),
            None,
        );
        assert!(matches!(
            unknown.as_ref().map_err(Vec::as_slice),
            Err([Problem::UnknownZone { suggestion: Some(s), .. }]) if s == "America/Toronto"
        ));
        let no_zone = place(&offering(at("2027-07-12", 9, None), None, None), None);
        assert!(matches!(
            no_zone.as_ref().map_err(Vec::as_slice),
            Err([Problem::NoZone { .. }])
        ));
        // -05:00 is Toronto's offset in winter, not in July.
        let mismatch = place(
            &offering(
                at("2027-07-12", 9, Some(-5 * 3600)),
                None,
                Some("America/Toronto"),
            ),
            None,
        );
        assert!(matches!(
            mismatch.as_ref().map_err(Vec::as_slice),
            Err([Problem::OffsetMismatch { .. }])
        ));
        let backwards = place(
            &offering(
                at("2027-07-12", 9, Some(0)),
                Some(at("2027-07-12", 8, Some(0))),
                None,
            ),
            None,
        );
        assert!(matches!(
            backwards.as_ref().map_err(Vec::as_slice),
            Err([Problem::EndsBeforeStart { .. }])
        ));
        let day = Spanned::new(When::Day(Date::parse("2027-07-13").expect("a date")), 0..1);
        let mixed = place(
            &offering(at("2027-07-12", 9, Some(0)), Some(day), None),
            None,
        );
        assert!(matches!(
            mixed.as_ref().map_err(Vec::as_slice),
            Err([Problem::Mixed { .. }])
        ));
    }

    #[test]
    fn a_time_beyond_what_can_be_placed_is_said() {
        let far = place(
            &offering(at("9999-12-31", 23, Some(-5 * 3600)), None, None),
            None,
        );
        assert!(
            matches!(
                far.as_ref().map_err(Vec::as_slice),
                Err([Problem::OutOfRange { .. }])
            ),
            "{far:?}"
        );
    }

    #[test]
    fn a_written_offset_alone_is_a_fixed_zone() {
        let schedule = place(
            &offering(at("2027-07-12", 9, Some(-3 * 3600)), None, None),
            None,
        )
        .expect("placed");
        let Moment::At(zoned) = &schedule.start else {
            panic!("a time")
        };
        assert_eq!(zone_label(zoned, "en"), "UTC-03:00");
    }
}
