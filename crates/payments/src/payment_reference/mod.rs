//! Payment references people copy into a bank's or a payment service's form,
//! so that a payment can be matched to its fee. One scheme per way of paying:
//!
//! - Lithuania (`eur-transfer`): an ISO 11649 RF creditor reference,
//!   `RF` + two check digits + the payment's sequence number (at least nine
//!   digits), printed in groups of four: `RF78 0000 0012 3`. The body is
//!   digits only: with letters, mod 97 no longer catches every swap.
//! - Moldova (`mpay`): an MPay-style reference (not MPay's real format): the
//!   payment's sequence number (at least nine digits) and a Damm check
//!   digit, printed in groups of four: `0000 0012 34`.
//! - Romania (`treasury-receipt`): the case reference, then two ISO 7064
//!   MOD 97-10 check digits: `RO-PAS-AB-2026-000123-37`. The receipt also
//!   names the holder and their CNP; the reference ties it to the case, so
//!   it is unique per case rather than per payment.
//! - Where the portal takes no payment (`none`, `counter`): the case
//!   reference as it is. The applicant pays as the authority's instructions
//!   say and brings the proof to the counter, where an operator confirms it.
//!
//! Parsing ignores spaces and case, and refuses a wrong check with
//! [`ReferenceError::CheckMismatch`].

mod check;
#[cfg(test)]
mod tests;

use ghiseu_domain::case::CaseReference;
use ghiseu_domain::catalogue::PaymentScheme;
use std::fmt;

/// How a reference is written and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReferenceScheme {
    /// ISO 11649 RF creditor reference (Lithuania).
    Rf,
    /// Digits and a Damm check digit (Moldova).
    MpayStyle,
    /// The case reference and two check digits (Romania).
    TreasuryCase,
    /// The case reference, for a fee paid outside the portal and proved at
    /// the counter.
    Counter,
}

impl ReferenceScheme {
    pub const ALL: [ReferenceScheme; 4] = [
        ReferenceScheme::Rf,
        ReferenceScheme::MpayStyle,
        ReferenceScheme::TreasuryCase,
        ReferenceScheme::Counter,
    ];

    /// The scheme for an authority's way of paying.
    pub fn for_payment(scheme: PaymentScheme) -> ReferenceScheme {
        match scheme {
            PaymentScheme::EurTransfer => ReferenceScheme::Rf,
            PaymentScheme::Mpay => ReferenceScheme::MpayStyle,
            PaymentScheme::TreasuryReceipt => ReferenceScheme::TreasuryCase,
            PaymentScheme::None => ReferenceScheme::Counter,
        }
    }

    /// Whether a fee under this scheme may be paid through the portal.
    pub fn paid_online(self) -> bool {
        self != ReferenceScheme::Counter
    }

    /// A stable name, for storage.
    pub fn code(self) -> &'static str {
        match self {
            ReferenceScheme::Rf => "rf",
            ReferenceScheme::MpayStyle => "mpay-style",
            ReferenceScheme::TreasuryCase => "treasury-case",
            ReferenceScheme::Counter => "counter",
        }
    }

    pub fn from_code(code: &str) -> Option<ReferenceScheme> {
        ReferenceScheme::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Sequence numbers are zero-padded to this many digits.
pub const MIN_SEQUENCE_DIGITS: usize = 9;
const RF_MAX_BODY: usize = 21;
const MPAY_DIGITS: std::ops::RangeInclusive<usize> = MIN_SEQUENCE_DIGITS + 1..=21;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    #[error("this is not a payment reference: {0}")]
    Malformed(&'static str),
    #[error("the check digits do not match: a character is mistyped or two are swapped")]
    CheckMismatch,
}

impl ReferenceError {
    /// A stable code for messages and logs.
    pub fn code(&self) -> &'static str {
        match self {
            ReferenceError::Malformed(_) => "reference-malformed",
            ReferenceError::CheckMismatch => "reference-check-mismatch",
        }
    }
}

/// A checked payment reference, kept compact: capital letters, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PaymentReference {
    scheme: ReferenceScheme,
    text: String,
}

impl PaymentReference {
    /// The reference for one payment of `case` under the service's way of
    /// paying. `payment_sequence` must be unique per scheme (a payment's row
    /// number serves); the treasury and counter schemes use the case
    /// reference instead.
    pub fn generate(
        scheme: PaymentScheme,
        case: &CaseReference,
        payment_sequence: u64,
    ) -> Result<PaymentReference, ReferenceError> {
        match ReferenceScheme::for_payment(scheme) {
            ReferenceScheme::Rf => Ok(PaymentReference::rf(payment_sequence)),
            ReferenceScheme::MpayStyle => Ok(PaymentReference::mpay_style(payment_sequence)),
            ReferenceScheme::TreasuryCase => PaymentReference::treasury(case),
            ReferenceScheme::Counter => Ok(PaymentReference::counter(case)),
        }
    }

    /// The reference of a fee paid outside the portal: the case's own.
    pub fn counter(case: &CaseReference) -> PaymentReference {
        PaymentReference {
            scheme: ReferenceScheme::Counter,
            text: case.as_str().to_string(),
        }
    }

    /// The RF creditor reference of a sequence number.
    pub fn rf(sequence: u64) -> PaymentReference {
        let body = format!("{sequence:0MIN_SEQUENCE_DIGITS$}");
        let check = check::rf(&body).unwrap_or_default();
        PaymentReference {
            scheme: ReferenceScheme::Rf,
            text: format!("RF{check:02}{body}"),
        }
    }

    /// The MPay-style reference of a sequence number.
    pub fn mpay_style(sequence: u64) -> PaymentReference {
        let body = format!("{sequence:0MIN_SEQUENCE_DIGITS$}");
        let check = check::damm(&body).unwrap_or_default();
        PaymentReference {
            scheme: ReferenceScheme::MpayStyle,
            text: format!("{body}{check}"),
        }
    }

    /// The treasury receipt's reference for `case`.
    pub fn treasury(case: &CaseReference) -> Result<PaymentReference, ReferenceError> {
        let case = CaseReference::parse(case.as_str()).ok_or(ReferenceError::Malformed(
            "the case reference is not well formed",
        ))?;
        let check = check::mod97_fixed(case.as_str()).ok_or(ReferenceError::Malformed(
            "the case reference is not well formed",
        ))?;
        Ok(PaymentReference {
            scheme: ReferenceScheme::TreasuryCase,
            text: format!("{case}-{check:02}"),
        })
    }

    /// Reads a reference as a person typed it: spaces ignored, any case.
    pub fn parse(scheme: ReferenceScheme, text: &str) -> Result<PaymentReference, ReferenceError> {
        let text: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let (expected, given) = match scheme {
            ReferenceScheme::Rf => {
                const SHAPE: &str = "an RF reference is RF, two check digits and 1 to 21 digits";
                let rest = text
                    .strip_prefix("RF")
                    .ok_or(ReferenceError::Malformed(SHAPE))?;
                let (given, body) = split_at(rest, 2).ok_or(ReferenceError::Malformed(SHAPE))?;
                if !digits(given) || !digits(body) || !(1..=RF_MAX_BODY).contains(&body.len()) {
                    return Err(ReferenceError::Malformed(SHAPE));
                }
                (check::rf(body).map(|c| format!("{c:02}")), given)
            }
            ReferenceScheme::MpayStyle => {
                const SHAPE: &str = "an MPay reference has 10 to 21 digits";
                if !digits(&text) || !MPAY_DIGITS.contains(&text.len()) {
                    return Err(ReferenceError::Malformed(SHAPE));
                }
                let (body, given) =
                    split_at(&text, text.len() - 1).ok_or(ReferenceError::Malformed(SHAPE))?;
                (check::damm(body).map(|c| c.to_string()), given)
            }
            ReferenceScheme::TreasuryCase => {
                const SHAPE: &str =
                    "a treasury reference is the case reference, '-' and two check digits";
                let (case, given) = text
                    .rsplit_once('-')
                    .ok_or(ReferenceError::Malformed(SHAPE))?;
                if given.len() != 2 || !digits(given) || CaseReference::parse(case).is_none() {
                    return Err(ReferenceError::Malformed(SHAPE));
                }
                (check::mod97_fixed(case).map(|c| format!("{c:02}")), given)
            }
            ReferenceScheme::Counter => {
                let case = CaseReference::parse(&text).ok_or(ReferenceError::Malformed(
                    "a counter reference is the case reference",
                ))?;
                return Ok(PaymentReference::counter(&case));
            }
        };
        if expected.as_deref() != Some(given) {
            return Err(ReferenceError::CheckMismatch);
        }
        Ok(PaymentReference { scheme, text })
    }

    pub fn scheme(&self) -> ReferenceScheme {
        self.scheme
    }

    /// The compact form, for storage and matching: `RF78000000123`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The case a treasury reference names.
    pub fn case_reference(&self) -> Option<CaseReference> {
        match self.scheme {
            ReferenceScheme::TreasuryCase => self
                .text
                .rsplit_once('-')
                .and_then(|(case, _)| CaseReference::parse(case)),
            ReferenceScheme::Counter => CaseReference::parse(&self.text),
            _ => None,
        }
    }
}

/// The printed form: RF and MPay-style references in groups of four, the
/// treasury and counter references as they are (their dashes group them
/// already).
impl fmt::Display for PaymentReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if matches!(
            self.scheme,
            ReferenceScheme::TreasuryCase | ReferenceScheme::Counter
        ) {
            return f.write_str(&self.text);
        }
        for (i, c) in self.text.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                f.write_str(" ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

fn split_at(text: &str, at: usize) -> Option<(&str, &str)> {
    Some((text.get(..at)?, text.get(at..)?))
}
