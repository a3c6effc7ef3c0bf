//! What cairn publishes as data about an offering, in one shape for
//! every reader: catalogue.json and `cairn diff --format json` both write
//! it, so a script that reads one reads the other.

use serde::Serialize;

/// An offering as data: days as `2027-03-12`, times with their offset
/// (`2027-03-12T09:00:00-04:00`) and the zone they were placed in, amounts
/// as decimal strings so that no digit is lost to floating point. Fields in
/// alphabetical order, as catalogue.json has always written them.
#[derive(Serialize)]
pub struct Offering<'a> {
    deadline: Option<String>,
    end: Option<String>,
    id: Option<&'a str>,
    language: Option<&'a str>,
    location: Option<&'a str>,
    note: Option<&'a str>,
    online: bool,
    price: Option<PriceJson>,
    register: Option<&'a str>,
    start: String,
    status: crate::content::Status,
    time_zone: Option<String>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum PriceJson {
    Free {
        free: bool,
    },
    Amount {
        amount: String,
        currency: Option<String>,
        free: bool,
    },
}

impl<'a> Offering<'a> {
    pub fn new(o: &'a crate::content::Offering, config: &crate::config::Config) -> Self {
        use crate::content::Price;
        let placed = crate::schedule::place(o.times(), config.time_zone.as_deref()).ok();
        let moment = |m: &crate::schedule::Moment| crate::schedule::iso(m);
        let written = |w: &crate::content::When| w.date().to_string();
        let (start, end, deadline) = match &placed {
            Some(p) => (
                moment(&p.start),
                p.end.as_ref().map(moment),
                p.deadline.as_ref().map(moment),
            ),
            None => (
                written(&o.start.value),
                o.end.as_ref().map(|e| written(&e.value)),
                o.deadline.as_ref().map(|d| written(&d.value)),
            ),
        };
        let time_zone = placed
            .as_ref()
            .and_then(|p| p.zone.as_ref())
            .and_then(|zone| zone.iana_name().map(str::to_string));
        let price = o.price.as_ref().map(|price| match &price.value {
            Price::Free => PriceJson::Free { free: true },
            Price::Amount { amount, currency } => {
                let own = currency.as_ref().map(|c| c.value.as_str());
                let site = config.currency.as_deref();
                let (currency, amount_text) = match crate::money::shown(*amount, own, site) {
                    Some((code, plain)) => (Some(code), plain),
                    None => (own.or(site).map(str::to_string), amount.to_string()),
                };
                PriceJson::Amount {
                    amount: amount_text,
                    currency,
                    free: amount.is_zero(),
                }
            }
        });
        Offering {
            deadline,
            end,
            id: o.id.as_ref().map(|id| id.value.as_str()),
            language: o.language.as_ref().map(|l| l.value.as_str()),
            location: o.location.as_deref(),
            note: o.note.as_deref(),
            online: o.online,
            price,
            register: o.register.as_ref().map(|r| r.value.as_str()),
            start,
            status: o.status,
            time_zone,
        }
    }
}
