//! E020 (an offering that ends before it starts) and W001 (an offering in
//! the past): a workshop's dates are what a visitor plans around. Dates in
//! the wrong order are a typo that would print nonsense; a past offering
//! still listed invites someone to register for it.
//!
//! "Past" is judged against the build day ([`CheckInput::today`]), never
//! the clock, so a check is reproducible.

use super::CheckInput;
use crate::content::Details;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

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
                        format!(
                            "this offering ends ({}) before it starts ({})",
                            end.value, offering.start.value
                        ),
                    )
                    .at(&doc.source, end.span.clone())
                    .with_help("swap `start` and `end`, or correct the date"),
                );
                // Which of its dates is wrong is unknown, so whether it is
                // over is too.
                continue;
            }
            if offering.is_past(input.today) {
                let span = offering
                    .end
                    .as_ref()
                    .map_or(offering.start.span.clone(), |e| e.span.clone());
                diags.push(
                    Diagnostic::warning(
                        Code::PastOffering,
                        format!("this offering is over: it ended on {}", offering.last_day()),
                    )
                    .at(&doc.source, span)
                    .with_help("remove the offering once it is over, or correct its dates"),
                );
            }
        }
    }
}
