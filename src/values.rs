//! Values as organizers write them, below everything that reads them: a
//! calendar date, a time of day, when something happens (a day or a
//! moment), and a decimal amount exactly as written. The TOML reader makes
//! them, `content` holds them, `schedule` and `money` work with them.

/// When something happens, as written: a whole day (`2027-03-12`), or a
/// time of day (`2027-03-12T09:00:00`), with the offset from UTC when one
/// is written (`2027-03-12T09:00:00-05:00`). Placing it in time needs a
/// time zone and is done by `schedule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day(Date),
    At {
        date: Date,
        time: Time,
        /// Seconds east of UTC, when written.
        offset: Option<i32>,
    },
}

impl When {
    pub fn date(&self) -> Date {
        match *self {
            When::Day(date) | When::At { date, .. } => date,
        }
    }
}

/// A time of day, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// A decimal amount exactly as written: `19.99` is 1999 with scale 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    pub units: u64,
    pub scale: u8,
}

impl Amount {
    /// Parse a plain decimal number: digits, optionally a point and more
    /// digits, with TOML's `_` separators allowed between digits.
    pub fn parse(written: &str) -> Option<Amount> {
        let written = written.replace('_', "");
        let (whole, fraction) = written.split_once('.').unwrap_or((&written, ""));
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) {
            return None;
        }
        // Trailing zeros say nothing: 450.00 is 450.
        let fraction = fraction.trim_end_matches('0');
        let units: u64 = format!("{whole}{fraction}").parse().ok()?;
        Some(Amount {
            units,
            scale: u8::try_from(fraction.len()).ok()?,
        })
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    /// The amount as a plain decimal with exactly `decimals` digits after
    /// the point (none when 0), for a currency with that many minor
    /// units. `None` when it has more digits than that.
    pub fn with_decimals(self, decimals: u8) -> Option<String> {
        if self.scale > decimals {
            return None;
        }
        let digits = self.units.to_string();
        let digits = format!("{digits}{}", "0".repeat(usize::from(decimals - self.scale)));
        let decimals = usize::from(decimals);
        if decimals == 0 {
            return Some(digits);
        }
        let padded = format!("{digits:0>width$}", width = decimals + 1);
        let (whole, fraction) = padded.split_at(padded.len() - decimals);
        Some(format!("{whole}.{fraction}"))
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.with_decimals(self.scale).unwrap_or_default())
    }
}

/// A calendar date, as TOML writes it (`2027-03-12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parse `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        // Only the one form: jiff also reads date-times and signed years.
        let text = text.trim();
        let shape = text.len() == 10
            && text.bytes().enumerate().all(|(at, byte)| match at {
                4 | 7 => byte == b'-',
                _ => byte.is_ascii_digit(),
            });
        shape
            .then(|| text.parse::<jiff::civil::Date>().ok())
            .flatten()
            .map(Date::from)
    }

    /// Today in UTC, from the system clock.
    pub fn today_utc() -> Date {
        Date::from(
            jiff::Timestamp::now()
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date(),
        )
    }

    /// The day of a Unix time (`SOURCE_DATE_EPOCH`), in UTC; `None` out
    /// of the range of dates cairn handles.
    pub fn from_unix_seconds(seconds: i64) -> Option<Date> {
        let instant = jiff::Timestamp::from_second(seconds).ok()?;
        Some(Date::from(
            instant.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
        ))
    }

    /// The same day for date arithmetic and time zones.
    pub fn civil(self) -> jiff::civil::Date {
        // Every `Date` comes from a valid civil date.
        jiff::civil::Date::new(self.year as i16, self.month as i8, self.day as i8)
            .unwrap_or_default()
    }
}

impl From<jiff::civil::Date> for Date {
    fn from(date: jiff::civil::Date) -> Date {
        // Years before 1 are refused where dates are read.
        Date {
            year: u16::try_from(date.year()).unwrap_or(0),
            month: date.month() as u8,
            day: date.day() as u8,
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Words in a language's alphabetical order: the Unicode collation
/// algorithm with CLDR's rules for the language (French puts "Équité"
/// before "Santé", which code-point order puts after it). The root order
/// for a language CLDR does not tailor, or a tag it cannot read.
pub struct Collation(Option<icu_collator::CollatorBorrowed<'static>>);

impl Collation {
    pub fn for_language(tag: &str) -> Collation {
        let options = icu_collator::options::CollatorOptions::default();
        let tailored = icu_locale_core::Locale::try_from_str(tag)
            .ok()
            .and_then(|locale| icu_collator::Collator::try_new((&locale).into(), options).ok());
        Collation(
            tailored.or_else(|| icu_collator::Collator::try_new(Default::default(), options).ok()),
        )
    }

    /// `a` against `b`; by code point should the collation data be missing
    /// (it is compiled in, so only a build without it would see that).
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        match &self.0 {
            Some(collator) => collator.compare(a, b),
            None => a.cmp(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Collation;
    use std::cmp::Ordering;

    #[test]
    fn words_sort_as_their_language_sorts_them() {
        let french = Collation::for_language("fr");
        assert_eq!(french.compare("Équité", "Santé"), Ordering::Less);
        assert_eq!(french.compare("éthique", "Exposé"), Ordering::Less);
        let english = Collation::for_language("en");
        assert_eq!(english.compare("apple", "Banana"), Ordering::Less);
        // A tag CLDR cannot read still sorts, in the root order.
        assert_eq!(
            Collation::for_language("not a tag").compare("a", "b"),
            Ordering::Less
        );
    }
}
