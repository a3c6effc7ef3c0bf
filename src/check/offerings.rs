//! E020 (an offering that ends before it starts) and W001 (a past offering
//! that still offers registration): a workshop's dates are what a visitor
//! plans around. Dates in the wrong order are a typo that would print
//! nonsense. A past offering is fine to keep, as a record (pages list it
//! apart, or not at all: `[offerings] past` in site.toml); one that still
//! has a `register` link is a leftover worth fixing.
//!
//! "Past" is judged against the build day ([`CheckInput::today`]), never
//! the clock, so a check is reproducible.

use super::CheckInput;
use crate::content::Details;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::text;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    for (_, doc) in input.catalogue.entities() {
        let Details::Workshop(workshop) = &doc.details else {
            continue;
        };
        for offering in &workshop.offerings {
            if let Some(end) = &offering.end
                && end.value < offering.start.value
            {
                diags.push(
                    Diagnostic::error(
                        Code::OfferingDates,
                        text!(
                            "offering_dates",
                            end = end.value.to_string(),
                            start = offering.start.value.to_string()
                        ),
                    )
                    .at(&doc.source, end.span.clone())
                    .with_help(text!("offering_dates_help")),
                );
                // Which of its dates is wrong is unknown, so whether it is
                // over is too.
                continue;
            }
            if offering.is_past(input.today)
                && let Some(register) = &offering.register
            {
                let span = register.span.clone();
                diags.push(
                    Diagnostic::warning(
                        Code::PastOffering,
                        text!("past_offering", day = offering.last_day().to_string()),
                    )
                    .at(&doc.source, span)
                    .with_help(text!("past_offering_help")),
                );
            }
        }
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
}
