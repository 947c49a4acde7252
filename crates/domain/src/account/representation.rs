//! Empowered representatives: a power of attorney lets one person act for
//! another on one named case, within its scope and until it expires.

use jiff::civil::Date;

pub const MAX_SCOPE_CHARS: usize = 300;

/// A power of attorney as shown at a counter, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PowerOfAttorney {
    pub number: String,
    pub issued_on: Date,
    pub expires_on: Date,
    pub scope: String,
    pub case_reference: String,
}

/// Why a power of attorney cannot be recorded; `field` names the form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttorneyProblem {
    pub field: &'static str,
    pub code: &'static str,
}

const fn problem(field: &'static str, code: &'static str) -> AttorneyProblem {
    AttorneyProblem { field, code }
}

/// The facts as typed by an operator.
pub struct AttorneyInput<'a> {
    pub number: &'a str,
    pub issued_on: &'a str,
    pub expires_on: &'a str,
    pub scope: &'a str,
    pub case_reference: &'a str,
}

impl PowerOfAttorney {
    /// Checks every field; all problems are reported at once.
    pub fn parse(input: &AttorneyInput<'_>, today: Date) -> Result<Self, Vec<AttorneyProblem>> {
        let mut problems = Vec::new();
        let number = input.number.trim();
        if number.is_empty()
            || number.chars().count() > 40
            || !number
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ' '))
        {
            problems.push(problem("number", "attorney-number"));
        }
        let date = |field, text: &str| crate::quote::parse_date(field, text.trim()).ok();
        let issued_on = date("issued_on", input.issued_on);
        match issued_on {
            None => problems.push(problem("issued_on", "attorney-date")),
            Some(d) if d > today => problems.push(problem("issued_on", "attorney-issued-future")),
            Some(_) => {}
        }
        let expires_on = date("expires_on", input.expires_on);
        match (issued_on, expires_on) {
            (_, None) => problems.push(problem("expires_on", "attorney-date")),
            (Some(issued), Some(expires)) if expires < issued => {
                problems.push(problem("expires_on", "attorney-expires-before-issue"));
            }
            (_, Some(expires)) if expires < today => {
                problems.push(problem("expires_on", "attorney-expired"));
            }
            _ => {}
        }
        let scope = input.scope.trim();
        if scope.is_empty() || scope.chars().count() > MAX_SCOPE_CHARS {
            problems.push(problem("scope", "attorney-scope"));
        }
        let case_reference = input.case_reference.trim().to_ascii_uppercase();
        if !is_case_reference(&case_reference) {
            problems.push(problem("case_reference", "attorney-case-reference"));
        }
        match (issued_on, expires_on) {
            (Some(issued_on), Some(expires_on)) if problems.is_empty() => Ok(PowerOfAttorney {
                number: number.to_string(),
                issued_on,
                expires_on,
                scope: scope.to_string(),
                case_reference,
            }),
            _ => Err(problems),
        }
    }

    /// Whether the representative may act on `case_reference` on `today`.
    pub fn permits(&self, case_reference: &str, today: Date) -> bool {
        self.case_reference == case_reference && self.issued_on <= today && today <= self.expires_on
    }
}

/// A case reference such as `MD-IGM-2026-000123`: capital letters and digits
/// in groups joined by '-', 5 to 40 characters.
pub fn is_case_reference(text: &str) -> bool {
    (5..=40).contains(&text.len())
        && text.split('-').all(|g| {
            !g.is_empty()
                && g.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn input<'a>(issued: &'a str, expires: &'a str) -> AttorneyInput<'a> {
        AttorneyInput {
            number: "1234/2026",
            issued_on: issued,
            expires_on: expires,
            scope: "To file and collect the residence permit",
            case_reference: "md-igm-2026-000123",
        }
    }

    #[test]
    fn a_power_of_attorney_works_on_its_case_until_it_expires() {
        let today = date(2026, 11, 24);
        let poa = PowerOfAttorney::parse(&input("2026-11-01", "2027-05-01"), today).unwrap();
        assert_eq!(poa.case_reference, "MD-IGM-2026-000123");
        assert!(poa.permits("MD-IGM-2026-000123", today));
        assert!(poa.permits("MD-IGM-2026-000123", date(2027, 5, 1)));
        assert!(!poa.permits("MD-IGM-2026-000123", date(2027, 5, 2)));
        assert!(
            !poa.permits("MD-IGM-2026-000124", today),
            "one named case only"
        );
    }

    #[test]
    fn mistakes_are_named_per_field() {
        let today = date(2026, 11, 24);
        let codes = |i: AttorneyInput<'_>| {
            PowerOfAttorney::parse(&i, today)
                .unwrap_err()
                .into_iter()
                .map(|p| (p.field, p.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(input("2026-12-01", "2027-01-01")),
            [("issued_on", "attorney-issued-future")]
        );
        assert_eq!(
            codes(input("2026-11-01", "2026-10-01")),
            [("expires_on", "attorney-expires-before-issue")]
        );
        assert_eq!(
            codes(input("2025-01-01", "2026-11-23")),
            [("expires_on", "attorney-expired")]
        );
        assert_eq!(
            codes(input("2026-02-30", "x")),
            [
                ("issued_on", "attorney-date"),
                ("expires_on", "attorney-date")
            ]
        );
        let mut bad = input("2026-11-01", "2027-01-01");
        bad.number = "";
        bad.scope = "";
        bad.case_reference = "no spaces allowed";
        assert_eq!(
            codes(bad),
            [
                ("number", "attorney-number"),
                ("scope", "attorney-scope"),
                ("case_reference", "attorney-case-reference")
            ]
        );
    }

    proptest! {
        #[test]
        fn case_references_never_accept_what_they_cannot_print(s in "\\PC{0,50}") {
            if is_case_reference(&s) {
                prop_assert!(s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'));
                prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
            }
        }
    }
}
