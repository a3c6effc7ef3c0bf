//! Prices: an amount in an ISO 4217 currency, checked against the
//! standard's list (the `iso_currency` crate) and written with as many
//! decimals as the currency has (2 for CAD, 0 for JPY).

use crate::messages::Text;
use crate::text;
use crate::values::Amount;
use iso_currency::Currency;

/// Why a currency code is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CurrencyProblem {
    /// Not a code of ISO 4217.
    Unknown,
    /// A code written in lower case (`cad`): the standard's are capitals.
    LowerCase(String),
    /// A code ISO 4217 withdrew, and the one that replaced it.
    Withdrawn(String),
}

impl CurrencyProblem {
    pub fn message(&self, code: &str) -> Text {
        match self {
            CurrencyProblem::Withdrawn(_) => text!("withdrawn_currency", code = code),
            _ => text!("unknown_currency", code = code),
        }
    }

    pub fn help(&self) -> Text {
        match self {
            CurrencyProblem::Unknown => text!("unknown_currency_help"),
            CurrencyProblem::LowerCase(code) | CurrencyProblem::Withdrawn(code) => {
                text!("did_you_mean", suggestion = code)
            }
        }
    }
}

/// The currency of an ISO 4217 code.
pub fn currency(code: &str) -> Result<Currency, CurrencyProblem> {
    match Currency::from_code(code) {
        Some(currency) => match currency.is_superseded() {
            Some(replacement) => Err(CurrencyProblem::Withdrawn(replacement.code().to_string())),
            None => Ok(currency),
        },
        None => match Currency::from_code(&code.to_ascii_uppercase()) {
            Some(currency) => Err(CurrencyProblem::LowerCase(currency.code().to_string())),
            None => Err(CurrencyProblem::Unknown),
        },
    }
}

/// How many digits follow the decimal point in the currency's amounts;
/// none for units without minor ones (gold, special drawing rights).
pub fn decimals(currency: Currency) -> u8 {
    currency
        .exponent()
        .and_then(|e| u8::try_from(e).ok())
        .unwrap_or(0)
}

/// The amount written for the currency (`450`, `19.99`, `19.50`): whole
/// amounts without decimals, others with all of the currency's. `None`
/// when it has more decimals than the currency allows.
pub fn plain(amount: Amount, currency: Currency) -> Option<String> {
    let decimals = decimals(currency);
    if amount.scale > decimals {
        return None;
    }
    if amount.scale == 0 {
        return amount.with_decimals(0);
    }
    amount.with_decimals(decimals)
}

/// A price's amount as pages, feeds and data show it: the currency's code
/// (the price's own, else the site's `[offerings] currency`) and the amount
/// with that currency's decimals. `None` when there is no currency, or the
/// code or the amount is one `cairn check` refuses (E025).
pub fn shown(amount: Amount, own: Option<&str>, site: Option<&str>) -> Option<(String, String)> {
    let code = own.or(site)?;
    let plain = plain(amount, currency(code).ok()?)?;
    Some((code.to_string(), plain))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(written: &str) -> Amount {
        Amount::parse(written).expect("a plain amount")
    }

    #[test]
    fn codes_are_checked_against_iso_4217() {
        assert_eq!(currency("CAD").map(|c| c.code()), Ok("CAD"));
        assert_eq!(
            currency("cad"),
            Err(CurrencyProblem::LowerCase("CAD".into()))
        );
        assert_eq!(currency("CDN"), Err(CurrencyProblem::Unknown));
    }

    #[test]
    fn amounts_take_the_currency_s_decimals() {
        let cad = currency("CAD").expect("CAD");
        let jpy = currency("JPY").expect("JPY");
        assert_eq!(plain(amount("450"), cad).as_deref(), Some("450"));
        assert_eq!(plain(amount("450.00"), cad).as_deref(), Some("450"));
        assert_eq!(plain(amount("19.5"), cad).as_deref(), Some("19.50"));
        assert_eq!(plain(amount("0.05"), cad).as_deref(), Some("0.05"));
        assert_eq!(plain(amount("1_200.99"), cad).as_deref(), Some("1200.99"));
        assert_eq!(plain(amount("19.999"), cad), None);
        assert_eq!(plain(amount("5000"), jpy).as_deref(), Some("5000"));
        assert_eq!(plain(amount("5000.5"), jpy), None);
        assert_eq!(Amount::parse("4.5e2"), None);
        assert_eq!(Amount::parse("-5"), None);
        assert_eq!(Amount::parse("1."), Some(Amount { units: 1, scale: 0 }));
    }
}
