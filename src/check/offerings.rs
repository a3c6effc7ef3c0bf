//! What an offering says must make sense before a visitor plans around it:
//!
//! - E020: dates out of order: an end before the start, or registration
//!   that closes after the offering has started;
//! - E024: times that name no moment (`crate::schedule`): an unknown time
//!   zone, a time of day with no zone, an offset the zone does not have on
//!   that day, a start and an end of different kinds;
//! - E025: a price that cannot be shown (`crate::money`): an unknown
//!   currency, none at all, more decimals than the currency has;
//! - W007: a time of day the clocks skip in its zone, placed after the
//!   change (02:30 on the night they go from 02:00 to 03:00 is 03:30);
//! - W001: a past offering that still offers registration. A past
//!   offering is fine to keep, as a record (pages list it apart, or not
//!   at all: `[offerings] past` in site.toml); a `register` link on it is
//!   a leftover worth fixing.
//!
//! "Past" is judged against the build day ([`CheckInput::today`]), never
//! the clock, so a check is reproducible.

use super::CheckInput;
use crate::content::{Offering, Price};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::schedule::Problem;
use crate::source::SourceFile;
use crate::text;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let config = &input.catalogue.config;
    for (_, doc) in input.catalogue.entities() {
        let Some(workshop) = doc.as_workshop() else {
            continue;
        };
        for offering in &workshop.offerings {
            // With site.toml unreadable, its `[offerings]` zone and
            // currency are unknown: what depends on them is not judged.
            if !config.parsed && (has_times(offering) || offering.price.is_some()) {
                continue;
            }
            let placed = crate::schedule::place(offering.times(), config.time_zone.as_deref());
            match &placed {
                Err(problems) => {
                    for problem in problems {
                        diags.push(time_problem(offering, problem, &doc.source));
                    }
                }
                Ok(schedule) => {
                    for crate::schedule::Notice::Skipped { at, zone, placed } in &schedule.notices {
                        diags.push(
                            Diagnostic::warning(
                                Code::SkippedTime,
                                text!(
                                    "skipped_time",
                                    time = written(&doc.source, at),
                                    zone = zone.as_str(),
                                    placed = placed.as_str()
                                ),
                            )
                            .at(&doc.source, at.clone())
                            .with_help(text!("skipped_time_help", placed = placed.as_str())),
                        );
                    }
                }
            }
            price(offering, config.currency.as_deref(), &doc.source, diags);
            // With dates out of order, whether it is over is unknown.
            if placed.is_ok()
                && offering.is_past(input.today)
                && let Some(register) = &offering.register
            {
                diags.push(
                    Diagnostic::warning(
                        Code::PastOffering,
                        text!("past_offering", day = offering.last_day().to_string()),
                    )
                    .at(&doc.source, register.span.clone())
                    .with_help(text!("past_offering_help")),
                );
            }
        }
    }
}

fn has_times(offering: &Offering) -> bool {
    let timed = |when: &crate::content::When| matches!(when, crate::content::When::At { .. });
    timed(&offering.start.value)
        || offering.end.as_ref().is_some_and(|e| timed(&e.value))
        || offering.deadline.as_ref().is_some_and(|d| timed(&d.value))
}

fn time_problem(offering: &Offering, problem: &Problem, file: &SourceFile) -> Diagnostic {
    match problem {
        Problem::EndsBeforeStart { at } => Diagnostic::error(
            Code::OfferingDates,
            text!(
                "offering_dates",
                end = written(file, at),
                start = written(file, &offering.start.span)
            ),
        )
        .at(file, at.clone())
        .with_help(text!("offering_dates_help")),
        Problem::DeadlineAfterStart { at } => Diagnostic::error(
            Code::OfferingDates,
            text!(
                "deadline_after_start",
                deadline = written(file, at),
                start = written(file, &offering.start.span)
            ),
        )
        .at(file, at.clone())
        .with_help(text!("deadline_after_start_help")),
        Problem::UnknownZone {
            at,
            name,
            suggestion,
        } => Diagnostic::error(
            Code::OfferingTime,
            text!("unknown_time_zone", name = name.as_str()),
        )
        .at(file, at.clone())
        .with_help(crate::schedule::zone_help(suggestion.as_deref())),
        Problem::NoZone { at } => Diagnostic::error(
            Code::OfferingTime,
            text!("time_without_zone", time = written(file, at)),
        )
        .at(file, at.clone())
        .with_help(text!("time_without_zone_help")),
        Problem::OffsetMismatch {
            at,
            written: offset,
            zone,
            actual,
        } => Diagnostic::error(
            Code::OfferingTime,
            text!(
                "offset_not_the_zone_s",
                offset = crate::schedule::offset_text(*offset),
                zone = zone.as_str(),
                actual = crate::schedule::offset_text(*actual)
            ),
        )
        .at(file, at.clone())
        .with_help(text!("offset_not_the_zone_s_help")),
        Problem::Mixed { at } => Diagnostic::error(Code::OfferingTime, text!("day_and_time_mixed"))
            .at(file, at.clone())
            .with_help(text!("day_and_time_mixed_help")),
        Problem::OutOfRange { at } => Diagnostic::error(
            Code::OfferingTime,
            text!("time_out_of_range", time = written(file, at)),
        )
        .at(file, at.clone())
        .with_help(text!("time_out_of_range_help")),
    }
}

/// The value as the organizer wrote it, for messages.
fn written(file: &SourceFile, at: &crate::source::Span) -> String {
    file.text.get(at.clone()).unwrap_or_default().to_string()
}

fn price(
    offering: &Offering,
    site_currency: Option<&str>,
    file: &SourceFile,
    diags: &mut Diagnostics,
) {
    let Some(price) = &offering.price else {
        return;
    };
    let Price::Amount { amount, currency } = &price.value else {
        return;
    };
    let (code, at) = match (currency, site_currency) {
        (Some(code), _) => (code.value.as_str(), code.span.clone()),
        (None, Some(code)) => (code, price.span.clone()),
        // Nothing is free by omission: 0 without a currency is still a
        // number in no currency.
        (None, None) => {
            diags.push(
                Diagnostic::error(Code::OfferingPrice, text!("price_without_currency"))
                    .at(file, price.span.clone())
                    .with_help(text!("price_without_currency_help")),
            );
            return;
        }
    };
    match crate::money::currency(code) {
        Err(problem) => diags.push(
            Diagnostic::error(Code::OfferingPrice, problem.message(code))
                .at(file, at)
                .with_help(problem.help()),
        ),
        Ok(known) if crate::money::plain(*amount, known).is_none() => {
            let decimals = crate::money::decimals(known);
            diags.push(
                Diagnostic::error(
                    Code::OfferingPrice,
                    text!(
                        "too_many_decimals",
                        amount = amount.to_string(),
                        code = code,
                        decimals = usize::from(decimals)
                    ),
                )
                .at(file, price.span.clone())
                .with_help(text!(
                    "too_many_decimals_help",
                    decimals = usize::from(decimals)
                )),
            );
        }
        Ok(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn dates_in_order_and_no_registration_for_what_is_over() {
        let front = "title = \"W\"
[[offerings]]
start = 2027-03-02
end = 2027-03-01
[[offerings]]
start = 2026-12-30
end = 2027-01-01
register = \"https://example.org/a\"
[[offerings]]
start = 2026-12-31
register = \"https://example.org/b\"
[[offerings]]
start = 2026-12-01
end = 2026-12-02";
        let site = Site::new(&[("content/workshops/w.md", &md(front, ""))]);
        // The offering ending on the build day is not over yet; the one of
        // December without a register link is a record, fine to keep.
        assert_eq!(
            site.rule("offerings"),
            [
                "E020 content/workshops/w.md:5:7 this offering ends (2027-03-01) before it starts (2027-03-02) (help: swap `start` and `end`, or correct the date)",
                "W001 content/workshops/w.md:12:12 this offering is over (it ended on 2026-12-31) but still offers registration (help: remove its `register` line: the offering can stay, as a record of what was offered, and its page lists it under past offerings)",
            ]
        );
    }

    #[test]
    fn times_zones_deadlines_and_prices_make_sense() {
        let front = "title = \"W\"
[[offerings]]
start = 2027-07-12T09:00:00
[[offerings]]
start = 2027-07-12T09:00:00
time_zone = \"America/Torono\"
[[offerings]]
start = 2027-07-12T09:00:00-05:00
end = 17:00:00
time_zone = \"America/Toronto\"
[[offerings]]
start = 2027-07-12
end = 2027-07-13T12:00:00Z
[[offerings]]
start = 2027-07-12T09:00:00Z
end = 08:00:00
deadline = 2027-07-13
price = 450
[[offerings]]
start = 2027-07-12
price = { amount = 19.999, currency = \"CAD\" }
[[offerings]]
start = 2027-07-12
price = { amount = 20, currency = \"cad\" }
[[offerings]]
start = 2027-07-12T09:00:00
end = 2027-07-12T17:00:00
deadline = 2027-07-01T17:00:00
time_zone = \"America/Halifax\"
price = \"free\"";
        let site = Site::new(&[("content/workshops/w.md", &md(front, ""))]);
        // The last offering is right: times in a named zone, a deadline
        // before the start, free.
        assert_eq!(
            site.rule("offerings"),
            [
                "E024 content/workshops/w.md:4:9 2027-07-12T09:00:00 is a time of day in no time zone (help: add `time_zone = \"America/Toronto\"` to the offering, or `time_zone` under `[offerings]` in site.toml for every offering, or write the offset after the time (`T09:00:00-05:00`))",
                "E024 content/workshops/w.md:7:13 unknown time zone \"America/Torono\" (help: did you mean \"America/Toronto\"?)",
                "E024 content/workshops/w.md:9:9 the offset -05:00 is not America/Toronto's on that day (-04:00) (help: remove the offset and let the time zone decide, or correct it)",
                "E024 content/workshops/w.md:14:7 `start` and `end` must both be days, or both times of day (help: give both a time (`2027-03-12T09:00:00`), or neither (`2027-03-12`))",
                "E020 content/workshops/w.md:17:7 this offering ends (08:00:00) before it starts (2027-07-12T09:00:00Z) (help: swap `start` and `end`, or correct the date)",
                "E020 content/workshops/w.md:18:12 registration closes (2027-07-13) after the offering starts (2027-07-12T09:00:00Z) (help: set `deadline` on or before `start`, or correct the date)",
                "E025 content/workshops/w.md:19:9 this price is in no currency (help: write `price = { amount = 450, currency = \"CAD\" }`, or set `currency = \"CAD\"` under `[offerings]` in site.toml for every price)",
                "E025 content/workshops/w.md:22:9 19.999 has more decimals than CAD has (2) (help: write at most 2 decimals)",
                "E025 content/workshops/w.md:25:35 unknown currency \"cad\" (help: did you mean \"CAD\"?)",
            ]
        );
    }

    #[test]
    fn an_end_as_a_time_alone_is_placed_in_the_zone_across_a_clock_change() {
        // Toronto falls back at 02:00 on 7 November 2027: 00:30 is -04:00,
        // 03:00 is -05:00.
        let front = "title = \"W\"\nsummary = \"S\"
[[offerings]]
start = 2027-11-07T00:30:00-04:00
end = 03:00:00
time_zone = \"America/Toronto\"";
        let site = Site::new(&[("content/workshops/w.md", &md(front, ""))]);
        assert_eq!(site.rule("offerings"), Vec::<String>::new());
    }
}
