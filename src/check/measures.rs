//! E019 (`has` without a unit): `{ has = "sea-hours", at_least = 300 }`
//! compares an amount, so the requirement it names must say what it is
//! measured in (`unit = "hours"`). Without one, pages could not say "300
//! hours" and a person's record could not hold an amount for it.

use super::CheckInput;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::rules::ExprKind;
use crate::text;

pub(super) fn check(input: &CheckInput<'_>, diags: &mut Diagnostics) {
    let catalogue = input.catalogue;
    for (_, doc) in catalogue.entities() {
        for (_, expr) in doc.rules() {
            expr.walk(&mut |e| {
                let ExprKind::Has { id: measure, .. } = &e.kind else {
                    return;
                };
                let requirement = &catalogue[measure.id];
                if requirement
                    .as_requirement()
                    .is_some_and(|r| r.unit.is_some())
                {
                    return;
                }
                diags.push(
                    Diagnostic::error(
                        Code::NotMeasured,
                        text!("not_measured", id = &requirement.id),
                    )
                    .at(&doc.source, measure.span.clone())
                    .with_help(text!("not_measured_help", path = &requirement.source.path)),
                );
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Site, md};

    #[test]
    fn has_needs_a_unit() {
        let site = Site::new(&[
            (
                "content/levels/a.md",
                &md(
                    "title = \"A\"\nrequires = [{ has = \"hours\", at_least = 3 }, { has = \"days\", at_least = 2 }]",
                    "",
                ),
            ),
            (
                "content/requirements/hours.md",
                &md("title = \"Hours\"\nunit = \"hours\"", ""),
            ),
            ("content/requirements/days.md", &md("title = \"Days\"", "")),
        ]);
        assert_eq!(
            site.rule("measures"),
            [
                "E019 content/levels/a.md:3:54 `has` needs a measured requirement, but \"days\" has no `unit` (help: add `unit = \"hours\"` (or years, credits…) to content/requirements/days.md, or list the id without `has`)"
            ]
        );
    }
}
