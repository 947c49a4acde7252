//! Case reference numbers people read out at a counter: the authority's
//! prefix, the year of submission and a sequence, e.g. `MD-IGM-2026-000123`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CaseReference(String);

impl CaseReference {
    /// The `sequence`th case of `year` for the authority whose prefix is `prefix`.
    pub fn new(prefix: &str, year: i16, sequence: u32) -> CaseReference {
        CaseReference(format!("{prefix}-{year:04}-{sequence:06}"))
    }

    /// Reads a reference as typed: spaces ignored, any case.
    pub fn parse(text: &str) -> Option<CaseReference> {
        let text: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let mut parts = text.rsplitn(3, '-');
        let sequence = parts.next()?;
        let year = parts.next()?;
        let prefix = parts.next()?;
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let prefix_ok = !prefix.is_empty()
            && prefix.len() <= 16
            && prefix.split('-').all(|g| {
                !g.is_empty()
                    && g.bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            });
        (digits(year, 4)
            && (6..=9).contains(&sequence.len())
            && digits(sequence, sequence.len())
            && prefix_ok)
            .then_some(CaseReference(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CaseReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn references_read_like_the_issue_says() {
        let r = CaseReference::new("MD-IGM", 2026, 123);
        assert_eq!(r.as_str(), "MD-IGM-2026-000123");
        assert_eq!(CaseReference::parse(" md-igm-2026-000123 "), Some(r));
        assert!(CaseReference::parse("MD-IGM-26-000123").is_none());
        assert!(CaseReference::parse("MD-IGM-2026-12").is_none());
        assert!(CaseReference::parse("-2026-000123").is_none());
        assert!(CaseReference::parse("MD--IGM-2026-000123").is_none());
        // A millionth case still reads.
        assert_eq!(
            CaseReference::new("RO-PAS-AB", 2027, 1_000_000).as_str(),
            "RO-PAS-AB-2027-1000000"
        );
    }

    proptest! {
        #[test]
        fn every_reference_parses_back(prefix in "[A-Z]{1,4}(-[A-Z0-9]{1,4}){0,2}", year in 2000i16..2100, seq in 1u32..50_000_000) {
            let r = CaseReference::new(&prefix, year, seq);
            prop_assert_eq!(CaseReference::parse(r.as_str()), Some(r));
        }

        #[test]
        fn parsing_never_panics(text in "\\PC{0,60}") {
            let _ = CaseReference::parse(&text);
        }
    }
}
