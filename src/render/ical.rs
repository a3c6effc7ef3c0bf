//! iCalendar files (RFC 5545) of a catalogue's offerings: one for the
//! whole site, and one per workshop, which its offerings' "Add to
//! calendar" links open.
//!
//! Written here rather than with a calendar crate: the available one
//! (`icalendar`) takes chrono dates, beside the jiff times the rest of
//! cairn computes with; it stamps events with the clock and random UIDs
//! unless told otherwise; and it has no VTIMEZONE, which timed events in a
//! named zone need. What a calendar needs from time zones comes from jiff
//! (the offsets and transitions of the bundled IANA database); this module
//! only writes the format, and the tests read every file back with an
//! independent parser (Python's `icalendar`).
//!
//! What the format asks for, and where it is done:
//! - lines end in CRLF and are folded at 75 octets, never inside a UTF-8
//!   character ([`Writer::line`]);
//! - text values escape `\`, `;`, `,` and line breaks ([`escape`]);
//! - a whole-day event has `DTSTART;VALUE=DATE` and an exclusive `DTEND`
//!   (the day after its last day);
//! - a timed event in a named zone has `TZID` and a matching `VTIMEZONE`
//!   with every change of offset around its dates; one written with an
//!   offset alone is given in UTC;
//! - the UID is the workshop's id and the offering's key (its `id`, else
//!   its first day) at the site's host: the same in every build and after
//!   any edit (with an `id`, even a move to another day);
//! - DTSTAMP is the workshop's `updated` day, else the build day: never
//!   the clock's time, so two builds of one day are byte-identical;
//! - a cancelled offering has `STATUS:CANCELLED`.

use crate::catalogue::{Catalogue, Id};
use crate::content::{Date, Offering, Status};
use crate::messages::Messages;
use crate::routes::Calendar;
use crate::routes::Routes;
use crate::schedule::{Moment, Schedule};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// What every event of a build shares.
pub struct Context<'a> {
    pub catalogue: &'a Catalogue,
    pub routes: &'a Routes,
    pub messages: &'a Messages,
    /// The build day: the stamp of what gives no `updated`.
    pub today: Date,
}

/// Every offering's VEVENT, written once per build: the site's calendar,
/// its workshop's and its own all hold the same text.
pub struct Events {
    by_offering: HashMap<(Id, usize), Event>,
}

struct Event {
    text: String,
    /// The named zone of its times, and the instants it spans there.
    zone: Option<(String, Timestamp, Timestamp)>,
}

impl Events {
    pub fn new(context: &Context<'_>) -> Events {
        let catalogue = context.catalogue;
        let host = url::Url::parse(&catalogue.config.base_url)
            .ok()
            .and_then(|url| url.host_str().map(str::to_string))
            .unwrap_or_else(|| "localhost".into());
        let online = context.messages.text("workshop_online", &[]);
        let workshops: Vec<Id> = catalogue
            .entities()
            .filter(|(_, doc)| doc.as_workshop().is_some_and(|w| !w.offerings.is_empty()))
            .map(|(id, _)| id)
            .collect();
        let by_offering = workshops
            .par_iter()
            .flat_map_iter(|&id| {
                let doc = &catalogue[id];
                let workshop = doc.as_workshop().expect("a workshop");
                let url = context
                    .routes
                    .url_of(id)
                    .map(|url| catalogue.config.absolute(&url));
                let keys = workshop.offering_keys();
                let placed: Vec<((Id, usize), Event)> = workshop
                    .offerings
                    .iter()
                    .zip(keys)
                    .enumerate()
                    .filter_map(|(index, (offering, key))| {
                        // A catalogue that passed its checks places every offering.
                        let schedule = crate::schedule::place(
                            offering.times(),
                            catalogue.config.time_zone.as_deref(),
                        )
                        .ok()?;
                        let mut out = Writer::default();
                        let stamp = doc.common.updated.unwrap_or(context.today);
                        let uid = format!("{key}.{}@{host}", doc.id);
                        let fields = EventFields {
                            uid: &uid,
                            stamp,
                            title: &doc.common.title.value,
                            summary: doc.common.summary.as_deref(),
                            url: url.as_deref(),
                            online: &online,
                        };
                        event(&mut out, &fields, offering, &schedule);
                        Some((
                            (id, index),
                            Event {
                                text: out.text,
                                zone: zone_span(&schedule),
                            },
                        ))
                    })
                    .collect();
                placed
            })
            .collect();
        Events { by_offering }
    }
}

/// The calendar's file.
pub fn calendar(context: &Context<'_>, events: &Events, which: Calendar) -> String {
    let catalogue = context.catalogue;
    let mut chosen: Vec<&Event> = Vec::new();
    let mut add = |id: Id| {
        let count = catalogue[id].as_workshop().map_or(0, |w| w.offerings.len());
        chosen.extend((0..count).filter_map(|i| events.by_offering.get(&(id, i))));
    };
    match which {
        Calendar::Site => {
            for (id, doc) in catalogue.entities() {
                if doc.as_workshop().is_some() {
                    add(id);
                }
            }
        }
        Calendar::Workshop(id) => add(id),
    }
    let name = match which {
        Calendar::Site => catalogue.config.title.as_str(),
        Calendar::Workshop(id) => catalogue[id].common.title.value.as_str(),
    };
    let mut zones: BTreeMap<&str, (Timestamp, Timestamp)> = BTreeMap::new();
    for (zone, first, last) in chosen.iter().filter_map(|e| e.zone.as_ref()) {
        let range = zones.entry(zone.as_str()).or_insert((*first, *last));
        range.0 = range.0.min(*first);
        range.1 = range.1.max(*last);
    }

    let mut out = Writer::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!(
        "PRODID:-//cairn//{}//{}",
        escape(&catalogue.config.title),
        context.messages.lang().to_ascii_uppercase()
    ));
    out.line("CALSCALE:GREGORIAN");
    out.line(&format!("X-WR-CALNAME:{}", escape(name)));
    for (zone, (first, last)) in zones {
        time_zone(&mut out, zone, first, last);
    }
    let size: usize = chosen.iter().map(|e| e.text.len()).sum();
    out.text.reserve(size + 16);
    for event in chosen {
        out.text.push_str(&event.text);
    }
    out.line("END:VCALENDAR");
    out.text
}

/// The named zone an event's times are in, with the first and last
/// instant its VTIMEZONE must describe.
fn zone_span(schedule: &Schedule) -> Option<(String, Timestamp, Timestamp)> {
    let name = schedule.zone.as_ref()?.iana_name()?.to_string();
    let instants: Vec<Timestamp> = [Some(&schedule.start), schedule.end.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(crate::schedule::instant)
        .collect();
    let first = *instants.iter().min()?;
    let last = *instants.iter().max()?;
    Some((name, first, last))
}

/// A VTIMEZONE for `name`: the offset in force at `first`, then every
/// change of offset until `last`, each as the observance it starts.
fn time_zone(out: &mut Writer, name: &str, first: Timestamp, last: Timestamp) {
    let Ok(zone) = TimeZone::get(name) else {
        return;
    };
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{name}"));
    // The observance in force at the first event, as if it began with
    // the transition before it (or, in a zone that never changes, long
    // before any event).
    let before = zone.preceding(second_after(first)).next();
    let (onset, from) = match &before {
        Some(transition) => (
            transition.timestamp(),
            zone.to_offset(second_before(transition.timestamp())),
        ),
        None => (Timestamp::UNIX_EPOCH, zone.to_offset(first)),
    };
    observance(out, &zone, onset, from);
    for transition in zone.following(first) {
        if transition.timestamp() > last {
            break;
        }
        let from = zone.to_offset(second_before(transition.timestamp()));
        observance(out, &zone, transition.timestamp(), from);
    }
    out.line("END:VTIMEZONE");
}

fn second_after(at: Timestamp) -> Timestamp {
    Timestamp::from_second(at.as_second().saturating_add(1)).unwrap_or(at)
}

fn second_before(at: Timestamp) -> Timestamp {
    Timestamp::from_second(at.as_second().saturating_sub(1)).unwrap_or(at)
}

/// One STANDARD or DAYLIGHT block: from `onset`, the offset that `zone`
/// has then, after `from`.
fn observance(out: &mut Writer, zone: &TimeZone, onset: Timestamp, from: jiff::tz::Offset) {
    let info = zone.to_offset_info(onset);
    let kind = if info.dst().is_dst() {
        "DAYLIGHT"
    } else {
        "STANDARD"
    };
    out.line(&format!("BEGIN:{kind}"));
    // The local time of the change, on the clock that was running until it.
    let local = onset.to_zoned_datetime(TimeZone::fixed(from));
    out.line(&format!("DTSTART:{}", local.strftime("%Y%m%dT%H%M%S")));
    out.line(&format!("TZOFFSETFROM:{}", offset(from)));
    out.line(&format!("TZOFFSETTO:{}", offset(info.offset())));
    let abbreviation = info.abbreviation();
    if !abbreviation.is_empty() {
        out.line(&format!("TZNAME:{}", escape(abbreviation)));
    }
    out.line(&format!("END:{kind}"));
}

/// An offset as RFC 5545 writes it: `-0500`, `+0530`.
fn offset(offset: jiff::tz::Offset) -> String {
    crate::schedule::offset_text(offset).replace(':', "")
}

/// What an event says besides its offering's own fields.
struct EventFields<'a> {
    uid: &'a str,
    stamp: Date,
    title: &'a str,
    summary: Option<&'a str>,
    url: Option<&'a str>,
    /// The word for an online offering's place.
    online: &'a str,
}

fn event(out: &mut Writer, fields: &EventFields<'_>, offering: &Offering, schedule: &Schedule) {
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}", fields.uid));
    out.line(&format!(
        "DTSTAMP:{}T000000Z",
        compact(fields.stamp.civil())
    ));
    match (&schedule.start, &schedule.end) {
        (Moment::Day(first), last) => {
            let last = match last {
                Some(Moment::Day(last)) => *last,
                _ => *first,
            };
            let after = last.tomorrow().unwrap_or(last);
            out.line(&format!("DTSTART;VALUE=DATE:{}", compact(*first)));
            out.line(&format!("DTEND;VALUE=DATE:{}", compact(after)));
        }
        (Moment::At(start), end) => {
            let named = schedule.zone.as_ref().and_then(|z| z.iana_name());
            let write = |out: &mut Writer, property: &str, at: &jiff::ZonedDateTime| match named {
                Some(name) => out.line(&format!(
                    "{property};TZID={name}:{}",
                    at.strftime("%Y%m%dT%H%M%S")
                )),
                None => out.line(&format!(
                    "{property}:{}",
                    at.timestamp().strftime("%Y%m%dT%H%M%SZ")
                )),
            };
            write(out, "DTSTART", start);
            if let Some(Moment::At(end)) = end {
                write(out, "DTEND", end);
            }
        }
    }
    out.line(&format!("SUMMARY:{}", escape(fields.title)));
    let place = match (&offering.location, offering.online) {
        (Some(location), true) => Some(format!("{} · {location}", fields.online)),
        (Some(location), false) => Some(location.clone()),
        (None, true) => Some(fields.online.to_string()),
        (None, false) => None,
    };
    if let Some(place) = place {
        out.line(&format!("LOCATION:{}", escape(&place)));
    }
    let description: Vec<&str> = [fields.summary, offering.note.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !description.is_empty() {
        out.line(&format!(
            "DESCRIPTION:{}",
            escape(&description.join("\n\n"))
        ));
    }
    if let Some(url) = fields.url {
        out.line(&format!("URL:{url}"));
    }
    if offering.status == Status::Cancelled {
        out.line("STATUS:CANCELLED");
    }
    out.line("END:VEVENT");
}

/// A day as iCalendar writes it: `20270312`.
fn compact(day: jiff::civil::Date) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// Text as an iCalendar TEXT value: backslash, semicolon, comma and line
/// breaks escaped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => escaped.push_str("\\n"),
            // Other control characters have no place in a content line.
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Content lines, folded and ended as RFC 5545 says.
#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    /// A line, folded into pieces of at most 75 octets (the first) and 74
    /// after the leading space of each continuation, each cut on a
    /// character boundary, every piece ended with CRLF.
    fn line(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = 75;
        loop {
            if rest.len() <= limit {
                self.text.push_str(rest);
                self.text.push_str("\r\n");
                return;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.text.push_str(&rest[..cut]);
            self.text.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_between_characters() {
        let mut out = Writer::default();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        out.line(&long);
        for piece in out.text.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(piece.len() <= 75, "{} octets: {piece}", piece.len());
        }
        let unfolded = out.text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
        assert!(out.text.ends_with("\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("Knots; hitches, bends\\splices\r\nday two\u{7}"),
            "Knots\\; hitches\\, bends\\\\splices\\nday two"
        );
    }
}
