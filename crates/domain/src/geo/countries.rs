//! Every country a person can be a citizen of or live in: the officially
//! assigned ISO 3166-1 alpha-2 codes. Their names are messages in each
//! language (`land-<code in lower case>`), not here.

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted: the choices
/// for the country of domicile, and (with [`STATELESS`]) for citizenship.
pub const COUNTRIES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Citizenship of a stateless person: no country counts them as its citizen.
///
/// Not a country: ISO 3166-1 reserves `AA`, `QM`–`QZ`, `XA`–`XZ` and `ZZ`
/// as user-assigned codes it will never give a country, so `XX` can mean
/// "no citizenship" without clashing with any code in [`COUNTRIES`]. It is a
/// choice for citizenship only, never for the country of domicile.
pub const STATELESS: &str = "XX";

/// Whether `code` is an officially assigned ISO 3166-1 alpha-2 code (upper case).
pub fn is_country(code: &str) -> bool {
    COUNTRIES.binary_search(&code).is_ok()
}

/// Whether `code` is a citizenship: a country, or [`STATELESS`].
pub fn is_citizenship(code: &str) -> bool {
    code == STATELESS || is_country(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_every_assigned_code_once_in_order() {
        assert_eq!(COUNTRIES.len(), 249);
        // Strictly increasing: sorted, and no code twice.
        for pair in COUNTRIES.windows(2) {
            assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
        }
        for code in COUNTRIES {
            assert!(
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "{code}"
            );
        }
    }

    #[test]
    fn known_countries_are_countries_and_citizenships() {
        for code in ["RO", "MD", "LT", "UA", "RU", "SY", "AF"] {
            assert!(is_country(code), "{code}");
            assert!(is_citizenship(code), "{code}");
        }
        for code in ["", "R", "ro", "ROU", "UK", "SU", "YU", "EU", "ZZ"] {
            assert!(!is_country(code), "{code}");
            assert!(!is_citizenship(code), "{code}");
        }
    }

    #[test]
    fn stateless_is_a_citizenship_but_no_country() {
        assert!(is_citizenship(STATELESS));
        assert!(!is_country(STATELESS));
        assert!(!COUNTRIES.contains(&STATELESS));
        assert!(!is_citizenship("xx"));
    }
}
