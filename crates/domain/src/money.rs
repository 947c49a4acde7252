//! Money as integer minor units with a currency: never floating point.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 4217 currency the catalogue may use. Every one has two minor digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "RON")]
    Ron,
    #[serde(rename = "MDL")]
    Mdl,
    #[serde(rename = "EUR")]
    Eur,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::Ron, Currency::Mdl, Currency::Eur];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Ron => "RON",
            Currency::Mdl => "MDL",
            Currency::Eur => "EUR",
        }
    }

    /// Minor units in one major unit (bani in a leu, cents in a euro).
    pub fn minor_per_major(self) -> i64 {
        100
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount in minor units of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// Parses an amount written by an administrator in major units:
    /// `"258"`, `"258.5"` or `"258.50"`. At most two decimals, never negative.
    pub fn parse_major(text: &str, currency: Currency) -> Result<Money, String> {
        let text = text.trim();
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (text, None),
        };
        let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits_only(whole) || fraction.is_some_and(|f| !digits_only(f)) {
            return Err(format!(
                "\"{text}\" is not an amount: write it in {currency} like \"258\" or \"258.50\""
            ));
        }
        let fraction = fraction.unwrap_or("");
        if fraction.len() > 2 {
            return Err(format!(
                "\"{text}\" has more than two decimals; {currency} has two minor digits"
            ));
        }
        let whole: i64 = whole
            .parse()
            .map_err(|_| format!("\"{text}\" is too large to be a fee"))?;
        let fraction_minor: i64 = match fraction.len() {
            0 => 0,
            1 => i64::from(fraction.as_bytes()[0] - b'0') * 10,
            _ => fraction.parse().unwrap_or(0),
        };
        whole
            .checked_mul(currency.minor_per_major())
            .and_then(|m| m.checked_add(fraction_minor))
            .map(|minor| Money { minor, currency })
            .ok_or_else(|| format!("\"{text}\" is too large to be a fee"))
    }

    /// Major units with two decimals and the currency code, e.g. `258.00 RON`.
    pub fn display_major(&self) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let per = self.currency.minor_per_major().unsigned_abs();
        format!("{sign}{}.{:02} {}", abs / per, abs % per, self.currency)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_whole_and_decimal_amounts() {
        assert_eq!(
            Money::parse_major("258", Currency::Ron).unwrap().minor,
            25800
        );
        assert_eq!(Money::parse_major("2.5", Currency::Ron).unwrap().minor, 250);
        assert_eq!(Money::parse_major("0.05", Currency::Eur).unwrap().minor, 5);
        assert_eq!(Money::parse_major("0", Currency::Mdl).unwrap().minor, 0);
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for bad in [
            "",
            "-5",
            "1.234",
            "1,5",
            "abc",
            ".5",
            "5.",
            "99999999999999999999",
        ] {
            assert!(Money::parse_major(bad, Currency::Ron).is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_major_units() {
        assert_eq!(
            Money::new(25800, Currency::Ron).display_major(),
            "258.00 RON"
        );
        assert_eq!(
            Money::new(-70005, Currency::Mdl).display_major(),
            "-700.05 MDL"
        );
    }
}
