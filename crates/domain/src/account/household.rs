//! Guardianship of minors: who may act for a child, and until when.

use crate::age::{birthday, completed_years};
use jiff::civil::Date;

/// The age at which a guardianship ends by itself.
pub const AGE_OF_MAJORITY: i16 = 18;

pub const RELATIONSHIPS: [&str; 2] = ["parent", "legal-representative"];
pub const EVIDENCE: [&str; 2] = ["birth-certificate", "guardianship-decision"];

/// Whether someone born on `birth` is a minor on `today`.
pub fn is_minor(birth: Date, today: Date) -> bool {
    completed_years(birth, today).is_some_and(|age| age < AGE_OF_MAJORITY)
}

/// The last day a guardian may act: the day before the 18th birthday.
pub fn guardianship_ends(birth: Date) -> Option<Date> {
    birthday(birth, AGE_OF_MAJORITY).and_then(|d| d.yesterday().ok())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_minor_until_the_eighteenth_birthday() {
        let birth = date(2008, 11, 24);
        assert!(is_minor(birth, date(2026, 11, 23)));
        assert!(!is_minor(birth, date(2026, 11, 24)));
        assert!(
            !is_minor(birth, date(2008, 11, 23)),
            "not born yet is not a minor"
        );
        assert_eq!(guardianship_ends(birth), Some(date(2026, 11, 23)));
        // Born on 29 February: 18 on 28 February of a common year.
        assert!(!is_minor(date(2008, 2, 29), date(2026, 2, 28)));
        assert!(is_minor(date(2008, 2, 29), date(2026, 2, 27)));
    }
}
