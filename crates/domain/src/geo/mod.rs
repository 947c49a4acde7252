//! The first-level divisions of the countries Ghiseu serves (ISO 3166-2),
//! which offices cover and domiciles are placed in.

pub mod countries;

use crate::national_id::Country;

/// A first-level division: county (județ), district (raion) or county (apskritis).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// ISO 3166-2 code, e.g. `RO-AB`.
    pub code: &'static str,
    /// Its name in the country's own language.
    pub name: &'static str,
}

const fn r(code: &'static str, name: &'static str) -> Region {
    Region { code, name }
}

const RO: [Region; 42] = [
    r("RO-AB", "Alba"),
    r("RO-AR", "Arad"),
    r("RO-AG", "Argeș"),
    r("RO-BC", "Bacău"),
    r("RO-BH", "Bihor"),
    r("RO-BN", "Bistrița-Năsăud"),
    r("RO-BT", "Botoșani"),
    r("RO-BV", "Brașov"),
    r("RO-BR", "Brăila"),
    r("RO-B", "București"),
    r("RO-BZ", "Buzău"),
    r("RO-CS", "Caraș-Severin"),
    r("RO-CL", "Călărași"),
    r("RO-CJ", "Cluj"),
    r("RO-CT", "Constanța"),
    r("RO-CV", "Covasna"),
    r("RO-DB", "Dâmbovița"),
    r("RO-DJ", "Dolj"),
    r("RO-GL", "Galați"),
    r("RO-GR", "Giurgiu"),
    r("RO-GJ", "Gorj"),
    r("RO-HR", "Harghita"),
    r("RO-HD", "Hunedoara"),
    r("RO-IL", "Ialomița"),
    r("RO-IS", "Iași"),
    r("RO-IF", "Ilfov"),
    r("RO-MM", "Maramureș"),
    r("RO-MH", "Mehedinți"),
    r("RO-MS", "Mureș"),
    r("RO-NT", "Neamț"),
    r("RO-OT", "Olt"),
    r("RO-PH", "Prahova"),
    r("RO-SM", "Satu Mare"),
    r("RO-SJ", "Sălaj"),
    r("RO-SB", "Sibiu"),
    r("RO-SV", "Suceava"),
    r("RO-TR", "Teleorman"),
    r("RO-TM", "Timiș"),
    r("RO-TL", "Tulcea"),
    r("RO-VS", "Vaslui"),
    r("RO-VL", "Vâlcea"),
    r("RO-VN", "Vrancea"),
];

const MD: [Region; 37] = [
    r("MD-AN", "Anenii Noi"),
    r("MD-BA", "Bălți"),
    r("MD-BD", "Bender"),
    r("MD-BR", "Briceni"),
    r("MD-BS", "Basarabeasca"),
    r("MD-CA", "Cahul"),
    r("MD-CL", "Călărași"),
    r("MD-CM", "Cimișlia"),
    r("MD-CR", "Criuleni"),
    r("MD-CS", "Căușeni"),
    r("MD-CT", "Cantemir"),
    r("MD-CU", "Chișinău"),
    r("MD-DO", "Dondușeni"),
    r("MD-DR", "Drochia"),
    r("MD-DU", "Dubăsari"),
    r("MD-ED", "Edineț"),
    r("MD-FA", "Fălești"),
    r("MD-FL", "Florești"),
    r("MD-GA", "Găgăuzia"),
    r("MD-GL", "Glodeni"),
    r("MD-HI", "Hîncești"),
    r("MD-IA", "Ialoveni"),
    r("MD-LE", "Leova"),
    r("MD-NI", "Nisporeni"),
    r("MD-OC", "Ocnița"),
    r("MD-OR", "Orhei"),
    r("MD-RE", "Rezina"),
    r("MD-RI", "Rîșcani"),
    r("MD-SD", "Șoldănești"),
    r("MD-SI", "Sîngerei"),
    r("MD-SN", "Stînga Nistrului"),
    r("MD-SO", "Soroca"),
    r("MD-ST", "Strășeni"),
    r("MD-SV", "Ștefan Vodă"),
    r("MD-TA", "Taraclia"),
    r("MD-TE", "Telenești"),
    r("MD-UN", "Ungheni"),
];

const LT: [Region; 10] = [
    r("LT-AL", "Alytaus apskritis"),
    r("LT-KU", "Kauno apskritis"),
    r("LT-KL", "Klaipėdos apskritis"),
    r("LT-MR", "Marijampolės apskritis"),
    r("LT-PN", "Panevėžio apskritis"),
    r("LT-SA", "Šiaulių apskritis"),
    r("LT-TA", "Tauragės apskritis"),
    r("LT-TE", "Telšių apskritis"),
    r("LT-UT", "Utenos apskritis"),
    r("LT-VL", "Vilniaus apskritis"),
];

/// Every first-level division of `country`.
pub fn regions(country: Country) -> &'static [Region] {
    match country {
        Country::Ro => &RO,
        Country::Md => &MD,
        Country::Lt => &LT,
    }
}

/// The division with this ISO 3166-2 code, in any country Ghiseu serves.
pub fn region(code: &str) -> Option<(Country, Region)> {
    [Country::Ro, Country::Md, Country::Lt]
        .into_iter()
        .find_map(|c| regions(c).iter().find(|r| r.code == code).map(|r| (c, *r)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_carry_their_country() {
        let mut seen = HashSet::new();
        for country in [Country::Ro, Country::Md, Country::Lt] {
            let prefix = format!("{}-", country.code());
            for region in regions(country) {
                assert!(seen.insert(region.code), "{} twice", region.code);
                assert!(region.code.starts_with(&prefix), "{}", region.code);
            }
        }
        assert_eq!(region("RO-AB").unwrap().1.name, "Alba");
        assert_eq!(region("MD-CU").unwrap().0, Country::Md);
        assert!(region("RO-XX").is_none());
    }
}
