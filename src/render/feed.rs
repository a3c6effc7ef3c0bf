//! The Atom feed of upcoming offerings (RFC 4287), `/offerings.xml`: one
//! entry per offering that is neither over nor cancelled, the soonest
//! first and at most `[offerings] feed_limit` of them, so that people can
//! follow new dates in a feed reader.
//!
//! Stable by construction: an entry's id is its workshop's address with
//! the offering's key (`…/workshops/knots/#2027-03-12`, an anchor on the
//! page), and its `updated` is the workshop's `updated` day, else the build
//! day, never the clock, so two builds of one day give the same bytes.

use super::push_escaped_html;
use super::views::Views;
use crate::content::{Date, Time, When};
use crate::routes::Calendar;
use crate::routes::Routes;

/// When an entry's offering starts, to sort by: its first day, the instant
/// (Unix seconds) of a time, and the time as written.
type StartsAt = (Date, Option<i64>, Option<Time>);

/// The feed's file.
pub fn atom(views: &Views<'_>, routes: &Routes, feed_url: &str) -> String {
    let catalogue = views.catalogue;
    let config = &catalogue.config;
    let messages = views.phrases.messages;
    let online = messages.word("workshop_online");
    let mut entries: Vec<(StartsAt, Date, String)> = Vec::new();
    for (id, doc) in catalogue.entities() {
        let Some(workshop) = doc.as_workshop() else {
            continue;
        };
        let Some(page) = routes.url_of(id).map(|url| config.absolute(&url)) else {
            continue;
        };
        let updated = doc.common.updated.unwrap_or(views.today);
        let calendar = routes
            .calendar_url(Calendar::Workshop(id))
            .map(|url| config.absolute(&url));
        let keys = workshop.offering_keys();
        for (offering, key) in workshop.offerings.iter().zip(keys) {
            if !offering.is_bookable(views.today) {
                continue;
            }
            let when = views.when(offering);
            let title = messages.text(
                "feed_entry_title",
                &[
                    ("workshop", doc.common.title.value.as_str().into()),
                    ("when", when.as_str().into()),
                ],
            );
            let mut details = vec![when];
            let place = match (offering.online, &offering.location) {
                (true, Some(location)) => Some(messages.text(
                    "feed_online_and_place",
                    &[("place", location.as_str().into())],
                )),
                (true, None) => Some(online.to_string()),
                (false, location) => location.clone(),
            };
            details.extend(place);
            details.extend(views.price_text(offering));
            if offering.status != crate::content::Status::Open {
                details.push(messages.text(
                    "offering_status",
                    &[("status", offering.status.name().into())],
                ));
            }
            details.extend(offering.note.clone());
            let link = format!("{page}#{key}");
            let mut entry = String::with_capacity(640);
            entry.push_str("  <entry>\n");
            element(&mut entry, "    ", "title", &title);
            element(&mut entry, "    ", "id", &link);
            entry.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                xml(&link)
            ));
            if let Some(calendar) = &calendar {
                entry.push_str(&format!(
                    "    <link rel=\"related\" type=\"text/calendar\" href=\"{}\"/>\n",
                    xml(calendar)
                ));
            }
            element(&mut entry, "    ", "updated", &stamp(updated));
            element(&mut entry, "    ", "summary", &details.join(" · "));
            entry.push_str("  </entry>\n");
            // Soonest first by the instant it starts (10:00 in Halifax
            // before 09:00 in Vancouver); a whole day by its day.
            let instant = crate::schedule::place(offering.times(), config.time_zone.as_deref())
                .ok()
                .and_then(|placed| crate::schedule::instant(&placed.start))
                .map(|at| at.as_second());
            let start = match offering.start.value {
                When::Day(day) => (day, instant, None),
                When::At { date, time, .. } => (date, instant, Some(time)),
            };
            entries.push((start, updated, entry));
        }
    }
    // Soonest first: what a reader wants to see at the top, and what a
    // feed of limited length keeps.
    entries.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.cmp(&b.2)));
    if let Some(limit) = config.feed_limit {
        entries.truncate(limit);
    }
    let updated = entries
        .iter()
        .map(|(_, updated, _)| *updated)
        .max()
        .unwrap_or(views.today);
    let site = config.absolute(
        &routes
            .page_url(crate::routes::Page::Listing(crate::content::Kind::Workshop))
            .unwrap_or_default(),
    );
    // Sized once: grown by doubling, a feed of 20,000 entries was copied
    // over and over into fresh memory, most of this function's time.
    let length = entries
        .iter()
        .map(|(_, _, entry)| entry.len())
        .sum::<usize>();
    let mut out = String::with_capacity(length + 1_024);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml(messages.lang())
    ));
    element(
        &mut out,
        "  ",
        "title",
        &messages.text("feed_title", &[("site", config.title.as_str().into())]),
    );
    element(&mut out, "  ", "id", feed_url);
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(feed_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&site)
    ));
    element(&mut out, "  ", "updated", &stamp(updated));
    out.push_str(&format!(
        "  <author>\n    <name>{}</name>\n  </author>\n",
        xml(&config.title)
    ));
    out.push_str("  <generator>cairn</generator>\n");
    for (_, _, entry) in entries {
        out.push_str(&entry);
    }
    out.push_str("</feed>\n");
    out
}

/// A day as an Atom date: its start, in UTC.
fn stamp(day: Date) -> String {
    format!("{day}T00:00:00Z")
}

fn element(out: &mut String, indent: &str, name: &str, text: &str) {
    for part in [indent, "<", name, ">"] {
        out.push_str(part);
    }
    push_xml(out, text);
    for part in ["</", name, ">\n"] {
        out.push_str(part);
    }
}

/// Text for XML 1.0: escaped, and without the control characters it
/// cannot hold at all.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_xml(&mut out, text);
    out
}

/// [`xml`] onto the end of `out`.
fn push_xml(out: &mut String, text: &str) {
    let forbidden = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if text.contains(forbidden) {
        let allowed: String = text.chars().filter(|&c| !forbidden(c)).collect();
        push_escaped_html(out, &allowed);
    } else {
        push_escaped_html(out, text);
    }
}
