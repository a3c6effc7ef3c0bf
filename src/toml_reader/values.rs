//! Reading values as organizers write them (days, moments, amounts,
//! numbers of zero or more) out of a table, each problem a diagnostic at
//! its value.

use super::{TableReader, TomlValue, number, type_name};
use crate::diagnostics::Code;
use crate::messages::{Arg, Text};
use crate::source::Spanned;
use crate::text;
use crate::values::{Amount, Date, Time, When};
use toml::de::DeValue;

impl<'a, 'i> TableReader<'a, 'i> {
    /// A value that must be a day (`2025-03-03`, no quotes, no time), not
    /// a key of this table: an entry of a table keyed by ids.
    pub(crate) fn day_value(&mut self, value: &TomlValue<'_>, id: &str) -> Option<Date> {
        if let DeValue::Datetime(written) = value.get_ref()
            && let (Some(d), None) = (written.date, written.time)
        {
            return Some(Date {
                year: d.year,
                month: d.month,
                day: d.day,
            });
        }
        let found = match value.get_ref() {
            DeValue::Datetime(_) => text!("found_date_and_time"),
            DeValue::String(_) => text!("found_quoted_date"),
            other => type_name(other),
        };
        self.error(
            Code::WrongType,
            self.span(value.span()),
            text!("record_date_wrong_type", id = id, found = found),
            text!("record_date_wrong_type_help", id = id),
        );
        None
    }

    /// Read `value` as a number of zero or more, whole or decimal.
    /// `subject` names it in the message ("`at_least`", "the amount of
    /// \"on-set-hours\""); `help` says how to write one.
    pub(crate) fn non_negative_number(
        &mut self,
        value: &TomlValue<'_>,
        subject: impl Into<Arg>,
        help: Text,
    ) -> Option<f64> {
        let found = match number(value.get_ref()) {
            Some(n) if n.is_finite() && n >= 0.0 => return Some(n),
            Some(_) => text!("found_negative"),
            None => type_name(value.get_ref()),
        };
        self.error(
            Code::InvalidValue,
            self.span(value.span()),
            text!("not_zero_or_more", subject = subject.into(), found = found),
            help,
        );
        None
    }

    /// A day (`2027-03-12`) or a time on a day (`2027-03-12T09:00:00`,
    /// with an offset or not). A time of day alone (`17:00:00`) is taken
    /// on `same_day` when given (an end on the day it starts), and refused
    /// otherwise.
    pub(crate) fn when(
        &mut self,
        key: &'static str,
        same_day: Option<&When>,
    ) -> Option<Spanned<When>> {
        let value = self.get(key)?;
        let span = self.span(value.span());
        let found = match value.get_ref() {
            DeValue::Datetime(written) => {
                let time = written.time.map(|t| Time {
                    hour: t.hour,
                    minute: t.minute,
                    second: t.second.unwrap_or(0),
                });
                let offset = written.offset.map(|offset| match offset {
                    toml::value::Offset::Z => 0,
                    toml::value::Offset::Custom { minutes } => i32::from(minutes) * 60,
                });
                let date = written.date.map(|d| Date {
                    year: d.year,
                    month: d.month,
                    day: d.day,
                });
                match (date, time, same_day) {
                    (Some(date), None, _) => return Some(Spanned::new(When::Day(date), span)),
                    (Some(date), Some(time), _) => {
                        return Some(Spanned::new(When::At { date, time, offset }, span));
                    }
                    (None, Some(time), Some(&When::At { date, offset, .. })) => {
                        return Some(Spanned::new(When::At { date, time, offset }, span));
                    }
                    (None, Some(time), _) => {
                        let time =
                            format!("{:02}:{:02}:{:02}", time.hour, time.minute, time.second);
                        self.error(
                            Code::WrongType,
                            span,
                            text!("time_without_date", key = key),
                            text!("time_without_date_help", key = key, time = time),
                        );
                        return None;
                    }
                    (None, None, _) => text!("found_date"),
                }
            }
            DeValue::String(_) => text!("found_quoted_date"),
            other => type_name(other),
        };
        self.error(
            Code::WrongType,
            span,
            text!("wrong_type_when", key = key, found = found),
            text!("wrong_type_when_help", key = key),
        );
        None
    }

    /// A plain decimal number, exactly as written (`450`, `19.99`).
    pub(crate) fn amount(&mut self, key: &'static str) -> Option<Spanned<Amount>> {
        let value = self.get(key)?;
        let span = self.span(value.span());
        let written = match value.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => Some(i.as_str()),
            DeValue::Float(f) => Some(f.as_str()),
            _ => None,
        };
        if let Some(amount) = written.and_then(Amount::parse) {
            return Some(Spanned::new(amount, span));
        }
        self.error(
            Code::InvalidValue,
            span,
            text!("not_an_amount", key = key),
            text!("not_an_amount_help", key = key),
        );
        None
    }
}
