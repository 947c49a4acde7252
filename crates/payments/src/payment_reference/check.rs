//! Check digit algorithms. Each one catches every single changed character
//! and every swap of two neighbouring characters in what it guards.

/// ISO 11649 check digits (2 to 98) of an RF creditor reference's body.
/// Letters count as two digits (A = 10 … Z = 35), as in IBANs.
pub fn rf(body: &str) -> Option<u8> {
    let mut remainder = 0u32;
    for c in body.bytes().chain(*b"RF00") {
        remainder = match c {
            b'0'..=b'9' => (remainder * 10 + u32::from(c - b'0')) % 97,
            b'A'..=b'Z' => (remainder * 100 + u32::from(c - b'A') + 10) % 97,
            _ => return None,
        };
    }
    u8::try_from(98 - remainder).ok()
}

/// ISO 7064 MOD 97-10 check digits (2 to 98) over a fixed two-digit coding
/// of each character: 0–9 → 00–09, A–Z → 10–35, '-' → 36. IBAN's coding
/// gives digits one place and letters two, so it reads "1B" and "B1" both
/// as 111; with every character two places wide a swap of neighbours changes
/// the number by 99 × (a − b), never a multiple of 97.
pub fn mod97_fixed(text: &str) -> Option<u8> {
    let mut remainder = 0u32;
    for c in text.bytes() {
        let value = match c {
            b'0'..=b'9' => c - b'0',
            b'A'..=b'Z' => c - b'A' + 10,
            b'-' => 36,
            _ => return None,
        };
        remainder = (remainder * 100 + u32::from(value)) % 97;
    }
    u8::try_from(98 - remainder * 100 % 97).ok()
}

/// H. M. Damm's quasigroup (the table published with the algorithm): a
/// single digit that catches every changed digit and every swap of
/// neighbours. Weighted mod-10 sums miss some swaps: weights 7-3-1 miss
/// "05" ↔ "50" under weights 7 and 3, Luhn misses "09" ↔ "90".
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The Damm check digit of `digits`.
pub fn damm(digits: &str) -> Option<u8> {
    digits.bytes().try_fold(0u8, |interim, c| {
        let digit = c.checked_sub(b'0').filter(|d| *d < 10)?;
        DAMM.get(usize::from(interim))?
            .get(usize::from(digit))
            .copied()
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn rf_matches_the_standards_example() {
        // ISO 11649's own example: RF18 5390 0754 7034.
        assert_eq!(rf("539007547034"), Some(18));
        assert_eq!(rf("53900754703A"), rf("53900754703A"));
        assert_eq!(rf("abc"), None);
    }

    #[test]
    fn damm_matches_the_published_example() {
        assert_eq!(damm("572"), Some(4));
        assert_eq!(damm("5724"), Some(0));
        assert_eq!(damm(""), Some(0));
        assert_eq!(damm("57a"), None);
    }

    #[test]
    fn weighted_sums_would_miss_these_swaps_but_damm_does_not() {
        let weighted = |d: &str| -> u32 {
            d.bytes()
                .zip([7, 3, 1].iter().cycle())
                .map(|(c, w)| u32::from(c - b'0') * w)
                .sum::<u32>()
                % 10
        };
        assert_eq!(weighted("05"), weighted("50"));
        assert_ne!(damm("05"), damm("50"));
        assert_ne!(damm("09"), damm("90"));
    }

    #[test]
    fn iban_coding_confuses_a_swap_the_fixed_coding_catches() {
        assert_eq!(rf("1B"), rf("B1"));
        assert_ne!(mod97_fixed("1B"), mod97_fixed("B1"));
        assert_ne!(mod97_fixed("A-"), mod97_fixed("-A"));
        assert_eq!(mod97_fixed("a"), None);
    }
}
