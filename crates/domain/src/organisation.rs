//! Organisations (legal entities) and their registration codes: the
//! Romanian fiscal identification code (CUI/CIF), validated by its check
//! digit. A company's code is public, unlike a person's personal id.

use std::fmt;

/// Weights of the check digit, for the digits before it aligned to the right.
const WEIGHTS: [u32; 9] = [7, 5, 3, 2, 1, 7, 5, 3, 2];

/// A valid Romanian CUI/CIF: 2 to 10 digits, the last one its check digit.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cui(String);

/// Why a text is not a CUI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CuiError {
    #[error("a CUI has 2 to 10 digits, optionally after RO")]
    Malformed,
    #[error("the CUI's check digit does not match: check it for a typing mistake")]
    CheckDigit,
}

impl CuiError {
    pub fn code(self) -> &'static str {
        match self {
            CuiError::Malformed => "malformed",
            CuiError::CheckDigit => "check-digit",
        }
    }
}

/// The check digit of the digits before it.
fn check_digit(body: &[u32]) -> u32 {
    let offset = WEIGHTS.len() - body.len();
    let sum: u32 = body
        .iter()
        .zip(&WEIGHTS[offset..])
        .map(|(digit, weight)| digit * weight)
        .sum();
    (sum * 10 % 11) % 10
}

impl Cui {
    /// Reads a CUI as people write it: `RO 123 456 78`, `ro12345678`, `12345678`.
    pub fn parse(text: &str) -> Result<Cui, CuiError> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let digits = compact
            .strip_prefix("RO")
            .or_else(|| compact.strip_prefix("ro"))
            .unwrap_or(&compact);
        let values: Vec<u32> = digits
            .chars()
            .map(|c| c.to_digit(10))
            .collect::<Option<_>>()
            .ok_or(CuiError::Malformed)?;
        if !(2..=10).contains(&values.len()) || values[0] == 0 {
            return Err(CuiError::Malformed);
        }
        let (body, check) = values.split_at(values.len() - 1);
        if check_digit(body) != check[0] {
            return Err(CuiError::CheckDigit);
        }
        Ok(Cui(digits.to_string()))
    }

    /// The code's digits, as registered.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The public check's key for an organisation holding a document.
    pub fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(b"ghiseu.holder.v1|RO-CUI|");
        hash.update(self.0.as_bytes());
        hex::encode(hash.finalize())
    }
}

impl fmt::Display for Cui {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Cui {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cui({})", self.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn with_check(body: &str) -> String {
        let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
        format!("{body}{}", check_digit(&digits))
    }

    #[test]
    fn the_check_digit_follows_the_weights() {
        // 1234567: 1·3+2·2+3·1+4·7+5·5+6·3+7·2 = 95; 950 mod 11 = 4.
        assert_eq!(
            Cui::parse("12345674").map(|c| c.to_string()),
            Ok("12345674".into())
        );
        assert_eq!(Cui::parse("RO 1234 5674").unwrap().as_str(), "12345674");
        assert_eq!(Cui::parse("12345675"), Err(CuiError::CheckDigit));
        for bad in [
            "",
            "RO",
            "1",
            "0123456",
            "12345678901",
            "12a45674",
            "RO-12345674",
        ] {
            assert_eq!(Cui::parse(bad), Err(CuiError::Malformed), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_code_with_its_check_digit_parses_and_no_other_digit_does(
            body in "[1-9][0-9]{0,8}",
            wrong in 0u32..10,
        ) {
            let good = with_check(&body);
            prop_assert_eq!(Cui::parse(&good).map(|c| c.to_string()), Ok(good.clone()));
            prop_assert_eq!(Cui::parse(&format!("RO{good}")).map(|c| c.to_string()), Ok(good.clone()));
            let last = good.chars().last().and_then(|c| c.to_digit(10)).unwrap_or(0);
            if wrong != last {
                let changed = format!("{body}{wrong}");
                prop_assert_eq!(Cui::parse(&changed), Err(CuiError::CheckDigit));
            }
        }
    }
}
