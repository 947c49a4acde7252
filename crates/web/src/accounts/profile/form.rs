//! Reading the profile form: its fields by name, and every check on them.

use super::super::FormError;
use crate::i18n::text_arg;
use ghiseu_domain::account::{
    CountryCode, MAX_ADDRESS_CHARS, MAX_LOCALITY_CHARS, NotificationChannel, NotificationKind,
    NotificationPreferences, PersonName, ProfileProblem, parse_birth_date, parse_free_text,
    parse_optional_phone,
};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::profiles::ProfileRecord;
use std::collections::HashMap;

/// The fields in the order the page shows them, which the error summary follows.
const PAGE_ORDER: [&str; 10] = [
    "given_name",
    "family_name",
    "birth_date",
    "citizenship",
    "phone",
    "preferred_lang",
    "domicile_country",
    "domicile_region",
    "domicile_locality",
    "domicile_address",
];

/// The profile form's fields by name, as submitted or as stored.
pub(super) struct Values(pub HashMap<String, String>);

impl Values {
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    pub fn stored(record: &ProfileRecord) -> Values {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut values: HashMap<String, String> = [
            ("given_name", text(&record.given_name)),
            ("family_name", text(&record.family_name)),
            ("birth_date", text(&record.birth_date)),
            ("citizenship", text(&record.citizenship)),
            ("phone", text(&record.phone)),
            ("domicile_country", text(&record.domicile_country)),
            ("domicile_region", text(&record.domicile_region)),
            ("domicile_locality", text(&record.domicile_locality)),
            ("domicile_address", text(&record.domicile_address)),
            ("preferred_lang", record.preferred_lang.clone()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        for (kind, channel, on) in record.preferences.all() {
            if on {
                values.insert(box_name(kind, channel), "on".into());
            }
        }
        Values(values)
    }

    fn preferences(&self) -> NotificationPreferences {
        let mut preferences = NotificationPreferences::default();
        for kind in NotificationKind::ALL {
            for channel in NotificationChannel::ALL {
                let on = !self.get(&box_name(kind, channel)).is_empty();
                preferences.set(kind, channel, on);
            }
        }
        preferences
    }
}

pub(super) fn box_name(kind: NotificationKind, channel: NotificationChannel) -> String {
    format!("notify-{}-{}", kind.code(), channel.code())
}

/// A profile form that passed every check.
pub(super) struct Checked {
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub birth_date: Option<String>,
    pub citizenship: Option<String>,
    pub phone: Option<String>,
    pub domicile_country: Option<String>,
    pub domicile_region: Option<String>,
    pub domicile_locality: Option<String>,
    pub domicile_address: Option<String>,
    pub preferred_lang: Lang,
    pub preferences: NotificationPreferences,
}

pub(super) fn check(
    values: &Values,
    today: jiff::civil::Date,
    t: Tr<'_>,
) -> Result<Checked, Vec<FormError>> {
    let mut errors = Vec::new();
    let mut name = |field: &'static str| match PersonName::parse(values.get(field)) {
        Ok(name) => Some(name),
        Err(p) => {
            let label = t.m(&format!("profile-{}", field.replace('_', "-")));
            let key = format!("profile-error-{}", p.code());
            let text = t.with(&key, &[("field", text_arg(label))]);
            errors.push(FormError { field, text });
            None
        }
    };
    let given_name = name("given_name");
    let family_name = name("family_name");
    // Reads an optional field; a mistake is noted and the field left empty.
    let mut field =
        |name: &'static str, read: &dyn Fn(&str) -> Result<Option<String>, &'static str>| {
            read(values.get(name)).unwrap_or_else(|code| {
                errors.push(FormError::new(t, name, &format!("profile-error-{code}")));
                None
            })
        };
    let country = |v: &str| -> Result<Option<String>, &'static str> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        CountryCode::parse(v)
            .map(|c| Some(c.as_str().to_string()))
            .map_err(ProfileProblem::code)
    };
    let birth_date = field("birth_date", &|v| {
        if v.trim().is_empty() {
            return Ok(None);
        }
        parse_birth_date(v, today)
            .map(|d| Some(d.to_string()))
            .map_err(ProfileProblem::code)
    });
    let citizenship = field("citizenship", &country);
    let domicile_country = field("domicile_country", &|v| match country(v)? {
        Some(code) if code == ghiseu_domain::geo::countries::STATELESS => {
            Err(ProfileProblem::CountryShape.code())
        }
        other => Ok(other),
    });
    let home = domicile_country
        .as_deref()
        .and_then(|c| CountryCode::parse(c).ok());
    let domicile_region = field("domicile_region", &|v| {
        if v.trim().is_empty() {
            return Ok(None);
        }
        match ghiseu_domain::geo::region(v.trim()) {
            None => Err("region-unknown"),
            Some((country, _)) if home.as_ref().is_some_and(|h| h.as_str() != country.code()) => {
                Err("region-other-country")
            }
            Some((_, region)) => Ok(Some(region.code.to_string())),
        }
    });
    let phone = field("phone", &|v| {
        parse_optional_phone(v, home.as_ref())
            .map(|p| p.map(|p| p.as_str().to_string()))
            .map_err(|e| e.code())
    });
    let domicile_locality = field("domicile_locality", &|v| {
        parse_free_text(v, MAX_LOCALITY_CHARS, ProfileProblem::LocalityTooLong)
            .map_err(ProfileProblem::code)
    });
    let domicile_address = field("domicile_address", &|v| {
        parse_free_text(v, MAX_ADDRESS_CHARS, ProfileProblem::AddressTooLong)
            .map_err(ProfileProblem::code)
    });
    let preferred_lang = crate::i18n::UI_LANGUAGES
        .into_iter()
        .find(|l| l.code() == values.get("preferred_lang"));
    if preferred_lang.is_none() {
        field("preferred_lang", &|_| Err("lang-unknown"));
    }
    let preferences = values.preferences();
    if preferences.wants_sms() && values.get("phone").trim().is_empty() {
        field("phone", &|_| Err("sms-needs-phone"));
    }
    errors.sort_by_key(|e| PAGE_ORDER.iter().position(|f| *f == e.field));
    match (given_name, family_name, preferred_lang) {
        (Some(given_name), Some(family_name), Some(preferred_lang)) if errors.is_empty() => {
            Ok(Checked {
                given_name,
                family_name,
                birth_date,
                citizenship,
                phone,
                domicile_country,
                domicile_region,
                domicile_locality,
                domicile_address,
                preferred_lang,
                preferences,
            })
        }
        _ => Err(errors),
    }
}
