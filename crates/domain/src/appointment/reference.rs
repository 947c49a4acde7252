//! Booking references people read out or type: "APT-" and eight Crockford
//! base32 characters in two groups, e.g. `APT-7K3M-Q9XZ` (40 random bits).

use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BookingReference(u64);

impl BookingReference {
    /// A reference from five random bytes.
    pub fn from_random(bytes: [u8; 5]) -> BookingReference {
        BookingReference(
            bytes
                .into_iter()
                .fold(0u64, |value, byte| (value << 8) | u64::from(byte)),
        )
    }

    /// Reads a reference as typed: any case, spaces and hyphens anywhere,
    /// `I` and `L` read as 1 and `O` as 0.
    pub fn parse(text: &str) -> Option<BookingReference> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        let body = compact.strip_prefix("APT")?;
        if body.len() != 8 {
            return None;
        }
        body.bytes()
            .try_fold(0u64, |value, byte| {
                Some((value << 5) | u64::from(digit(byte)?))
            })
            .map(BookingReference)
    }
}

fn digit(byte: u8) -> Option<u8> {
    let byte = match byte {
        b'I' | b'L' => b'1',
        b'O' => b'0',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&c| c == byte)
        .and_then(|p| u8::try_from(p).ok())
}

impl fmt::Display for BookingReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chars: Vec<char> = (0..8)
            .rev()
            .map(|i| {
                let index = usize::try_from((self.0 >> (5 * i)) & 0x1f).unwrap_or(0);
                ALPHABET.get(index).map_or('0', |&c| char::from(c))
            })
            .collect();
        let (first, second) = chars.split_at(4);
        write!(
            f,
            "APT-{}-{}",
            first.iter().collect::<String>(),
            second.iter().collect::<String>()
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn references_read_as_printed_and_as_typed() {
        let r = BookingReference::parse("APT-7K3M-Q9XZ").unwrap();
        assert_eq!(r.to_string(), "APT-7K3M-Q9XZ");
        assert_eq!(BookingReference::parse(" apt-7k3m-q9xz "), Some(r));
        assert_eq!(BookingReference::parse("APT7K3MQ9XZ"), Some(r));
        assert_eq!(
            BookingReference::parse("APT-1O1O-L0I0"),
            BookingReference::parse("APT-1010-1010")
        );
        assert_eq!(
            BookingReference::from_random([0; 5]).to_string(),
            "APT-0000-0000"
        );
        assert_eq!(
            BookingReference::from_random([0xff; 5]).to_string(),
            "APT-ZZZZ-ZZZZ"
        );
        for bad in [
            "APT-7K3M-Q9X",
            "APT-7K3M-Q9XZ0",
            "7K3M-Q9XZ",
            "APT-7K3M-Q9XU",
            "",
        ] {
            assert_eq!(BookingReference::parse(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_reference_parses_back(bytes in any::<[u8; 5]>()) {
            let r = BookingReference::from_random(bytes);
            let text = r.to_string();
            prop_assert_eq!(text.len(), 13);
            prop_assert_eq!(BookingReference::parse(&text), Some(r));
            prop_assert_eq!(BookingReference::parse(&text.to_ascii_lowercase()), Some(r));
        }

        #[test]
        fn different_bytes_give_different_references(a in any::<[u8; 5]>(), b in any::<[u8; 5]>()) {
            prop_assume!(a != b);
            prop_assert_ne!(
                BookingReference::from_random(a).to_string(),
                BookingReference::from_random(b).to_string()
            );
        }
    }
}
