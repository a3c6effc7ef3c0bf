//! E008 (duplicate id) and E016 (duplicate `order`): what must be unique.
//! An id is a file stem and names one entity across the whole catalogue,
//! or a reference could mean either file; a level's `order` places it in
//! its pathway, and two levels at one place leave the sequence ambiguous.

use super::CheckInput;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    for duplicate in &input.findings.duplicate_ids {
        let (first, doc) = (&catalogue[duplicate.first], &catalogue[duplicate.second]);
        diags.push(
            Diagnostic::error(
                Code::DuplicateId,
                format!("the id \"{}\" is already used by {}", doc.id, first.source.path),
            )
            .at(&doc.source, doc.common.title.span.clone())
            .with_help("ids are file names and must be unique across all of content/: rename one of the two files"),
        );
    }

    // A pathway's levels are sorted by `order`, so two levels sharing one
    // are side by side; the later of the two is reported.
    for (pathway, _) in catalogue.entities() {
        for pair in catalogue.levels_of(pathway).windows(2) {
            let (first, second) = (&catalogue[pair[0]], &catalogue[pair[1]]);
            if let (Some(a), Some(b)) = (
                first.as_level().and_then(|l| l.order.as_ref()),
                second.as_level().and_then(|l| l.order.as_ref()),
            ) && a.value == b.value
            {
                diags.push(
                    Diagnostic::error(
                        Code::DuplicateOrder,
                        format!(
                            "levels \"{}\" and \"{}\" both have order {} in pathway \"{}\"",
                            first.id, second.id, a.value, catalogue[pathway].id
                        ),
                    )
                    .at(&second.source, b.span.clone())
                    .with_help("give each level of a pathway its own `order`: 1, 2, 3…"),
                );
            }
        }
    }
}
