//! An offering as its workshop's page shows it: its days and times in
//! words, where, how much, in which language, and how to register.

use super::Views;
use crate::content::{Date, Offering, Price, Status};
use crate::messages::Arg;
use crate::schedule::Moment;
use serde::Serialize;

/// A day or a time of day, for `<time>`: `iso` for its `datetime`, `text`
/// in words; `time` alone for a moment of the day.
#[derive(Serialize)]
pub(super) struct DateView {
    iso: String,
    text: String,
    year: u16,
    month: u8,
    day: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<String>,
}

#[derive(Serialize)]
pub(super) struct OfferingView<'a> {
    start: DateView,
    end: Option<DateView>,
    /// A timed offering that ends on the day it starts: its end is a time
    /// alone ("9:00 a.m. to 5:00 p.m.").
    same_day: bool,
    zone: Option<String>,
    location: Option<&'a str>,
    online: bool,
    /// No way in to something full or cancelled.
    register: Option<&'a str>,
    register_label: String,
    price: Option<PriceView>,
    language: Option<LanguageView<'a>>,
    status: Status,
    status_text: Option<String>,
    cancelled: bool,
    deadline_text: Option<String>,
    deadline: Option<DateView>,
    note: Option<&'a str>,
    /// The workshop's calendar, which holds every date of the workshop.
    calendar: Option<String>,
    calendar_label: Option<String>,
    /// The offering's place in its file, which names its calendar event
    /// and its anchor.
    key: Option<String>,
}

/// What an offering costs: "450 CAD" with its parts, or "Free".
#[derive(Serialize)]
pub(super) struct PriceView {
    free: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    text: String,
}

#[derive(Serialize)]
pub(super) struct LanguageView<'a> {
    tag: &'a str,
    text: String,
}

/// Where an offering's "Add to calendar" leads, and its key there.
pub(super) struct CalendarLink {
    pub url: Option<String>,
    pub label: Option<String>,
    pub key: Option<String>,
}

impl<'a> Views<'a> {
    fn date(&self, d: Date) -> DateView {
        DateView {
            iso: d.to_string(),
            text: self.day(d).0.clone(),
            year: d.year,
            month: d.month,
            day: d.day,
            time: None,
        }
    }

    pub(super) fn offering(&self, o: &'a Offering, calendar: CalendarLink) -> OfferingView<'a> {
        let config = &self.catalogue.config;
        // Checked before rendering: an offering that cannot be placed
        // stopped the build. Its days as written, should one slip through.
        let schedule = crate::schedule::place(o.times(), config.time_zone.as_deref()).ok();
        let (start, end, deadline, zone) = match &schedule {
            Some(placed) => {
                let start = self.moment(&placed.start, None);
                let end = placed
                    .end
                    .as_ref()
                    .map(|e| self.moment(e, Some(&placed.start)));
                let deadline = placed.deadline.as_ref().map(|d| self.moment(d, None));
                let zone = match &placed.start {
                    Moment::At(zoned) => {
                        Some(crate::schedule::zone_label(zoned, self.messages().lang()))
                    }
                    Moment::Day(_) => None,
                };
                (start, end, deadline, zone)
            }
            None => (
                self.date(o.start.value.date()),
                o.end.as_ref().map(|e| self.date(e.value.date())),
                None,
                None,
            ),
        };
        let same_day = o
            .end
            .as_ref()
            .is_some_and(|e| e.value.date() == o.start.value.date());
        let open = o.status.takes_registrations();
        let messages = self.messages();
        OfferingView {
            start,
            end,
            same_day,
            zone,
            location: o.location.as_deref(),
            online: o.online,
            register: o
                .register
                .as_ref()
                .filter(|_| open)
                .map(|r| r.value.as_str()),
            register_label: self.day(o.start.value.date()).1.clone(),
            price: self.price(o),
            language: o.language.as_ref().map(|tag| LanguageView {
                tag: &tag.value,
                text: messages.text("language_name", &[("tag", tag.value.as_str().into())]),
            }),
            status: o.status,
            status_text: (o.status != Status::Open)
                .then(|| messages.text("offering_status", &[("status", o.status.name().into())])),
            cancelled: o.status == Status::Cancelled,
            deadline_text: deadline
                .as_ref()
                .map(|d| messages.text("workshop_deadline", &[("date", d.text.as_str().into())])),
            deadline,
            note: o.note.as_deref(),
            calendar: calendar.url,
            calendar_label: calendar.label,
            key: calendar.key,
        }
    }

    /// A day or a time of day. An end on the start's day is its time alone.
    fn moment(&self, moment: &Moment, start: Option<&Moment>) -> DateView {
        let date = crate::schedule::day(moment.date());
        let mut view = self.date(date);
        if let Moment::At(zoned) = moment {
            let time = self.time_of_day(zoned);
            view.text = match start {
                Some(first) if first.date() == moment.date() => time.clone(),
                _ => self.messages().text(
                    "date_at_time",
                    &[
                        ("date", self.day(date).0.clone().into()),
                        ("time", time.clone().into()),
                    ],
                ),
            };
            view.iso = crate::schedule::iso(moment);
            view.time = Some(time);
        }
        view
    }

    /// "9:00 a.m.", "9 h 00": the language's messages decide.
    fn time_of_day(&self, zoned: &jiff::ZonedDateTime) -> String {
        let hour = zoned.hour();
        let hour12 = match hour % 12 {
            0 => 12,
            h => h,
        };
        self.messages().text(
            "time_of_day",
            &[
                ("hour", f64::from(hour).into()),
                ("hour12", f64::from(hour12).into()),
                ("minute", format!("{:02}", zoned.minute()).into()),
                ("period", if hour < 12 { "am" } else { "pm" }.into()),
            ],
        )
    }

    /// When an offering runs, in words, as its page says it: "12 March
    /// 2027 to 13 March 2027", "2 May 2027, 9:00 a.m. to 5:00 p.m. ADT".
    pub fn when(&self, o: &Offering) -> String {
        let config = &self.catalogue.config;
        let Ok(placed) = crate::schedule::place(o.times(), config.time_zone.as_deref()) else {
            return self.day(o.start.value.date()).0.clone();
        };
        let text = |moment: &Moment, start: Option<&Moment>| match moment {
            Moment::Day(day) => self.day(crate::schedule::day(*day)).0.clone(),
            Moment::At(_) => self.moment(moment, start).text,
        };
        let start = text(&placed.start, None);
        let words = match &placed.end {
            Some(end) if end != &placed.start => {
                let within_a_day =
                    end.date() == placed.start.date() && matches!(end, Moment::At(_));
                self.messages().text(
                    "offering_span",
                    &[
                        ("start", start.into()),
                        ("end", text(end, Some(&placed.start)).into()),
                        (
                            "within_a_day",
                            if within_a_day { "yes" } else { "no" }.into(),
                        ),
                    ],
                )
            }
            _ => start,
        };
        match &placed.start {
            Moment::At(zoned) => self.messages().text(
                "offering_zoned",
                &[
                    ("when", words.into()),
                    (
                        "zone",
                        crate::schedule::zone_label(zoned, self.messages().lang()).into(),
                    ),
                ],
            ),
            Moment::Day(_) => words,
        }
    }

    /// What an offering costs, in words, when it says.
    pub fn price_text(&self, o: &Offering) -> Option<String> {
        self.price(o).map(|price| price.text)
    }

    /// A price in words ("450 CAD", "Free"), with its parts for themes.
    fn price(&self, o: &Offering) -> Option<PriceView> {
        let price = o.price.as_ref()?;
        let free = || PriceView {
            free: true,
            amount: None,
            currency: None,
            text: self.messages().text("offering_free", &[]),
        };
        Some(match &price.value {
            Price::Free => free(),
            Price::Amount { amount, currency } => {
                // A checked catalogue always has both; as written otherwise.
                let (code, plain) = crate::money::shown(
                    *amount,
                    currency.as_ref().map(|c| c.value.as_str()),
                    self.catalogue.config.currency.as_deref(),
                )
                .unwrap_or_else(|| (String::new(), amount.to_string()));
                if amount.is_zero() {
                    return Some(free());
                }
                PriceView {
                    free: false,
                    text: self.messages().text(
                        "offering_price",
                        &[
                            ("amount", Arg::Decimal(plain.clone())),
                            ("currency", code.as_str().into()),
                        ],
                    ),
                    amount: Some(plain),
                    currency: Some(code),
                }
            }
        })
    }
}
