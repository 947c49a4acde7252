//! A person's profile as they fill it in, and which messages they want by
//! which channel.

use jiff::civil::Date;

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_LOCALITY_CHARS: usize = 100;
pub const MAX_ADDRESS_CHARS: usize = 200;
/// Nobody applying for a document is older than this.
pub const MAX_AGE_YEARS: i16 = 130;

/// A given or family name: letters of any script, spaces, hyphens,
/// apostrophes and dots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(input: &str) -> Result<PersonName, ProfileProblem> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ProfileProblem::NameEmpty);
        }
        if text.chars().count() > MAX_NAME_CHARS {
            return Err(ProfileProblem::NameTooLong);
        }
        if text.chars().any(char::is_numeric) {
            return Err(ProfileProblem::NameDigits);
        }
        let allowed = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.');
        if !text.chars().all(allowed) || !text.chars().any(char::is_alphabetic) {
            return Err(ProfileProblem::NameCharacters);
        }
        Ok(PersonName(
            text.split_whitespace().collect::<Vec<_>>().join(" "),
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An ISO 3166-1 alpha-2 country code in upper case, of a country that
/// exists, or `XX` for a stateless person's citizenship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCode(String);

impl CountryCode {
    pub fn parse(input: &str) -> Result<CountryCode, ProfileProblem> {
        let code = input.trim().to_ascii_uppercase();
        if crate::geo::countries::is_citizenship(&code) {
            Ok(CountryCode(code))
        } else {
            Err(ProfileProblem::CountryShape)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is a country one can live in (not `XX`).
    pub fn is_country(&self) -> bool {
        crate::geo::countries::is_country(&self.0)
    }
}

/// A date of birth: a real date, not after `today`, at most 130 years ago.
pub fn parse_birth_date(input: &str, today: Date) -> Result<Date, ProfileProblem> {
    let date = crate::quote::parse_date("birth_date", input).map_err(|e| match e.code {
        "date-impossible" => ProfileProblem::BirthDateImpossible,
        _ => ProfileProblem::BirthDateFormat,
    })?;
    if date > today {
        return Err(ProfileProblem::BirthDateFuture);
    }
    let oldest = today
        .checked_sub(jiff::Span::new().years(MAX_AGE_YEARS))
        .unwrap_or(Date::MIN);
    if date < oldest {
        return Err(ProfileProblem::BirthDateTooOld);
    }
    Ok(date)
}

/// One mistake in a profile; `code()` names its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProfileProblem {
    #[error("Enter the name.")]
    NameEmpty,
    #[error("A name has at most 100 characters.")]
    NameTooLong,
    #[error("A name has no digits.")]
    NameDigits,
    #[error("A name has only letters, spaces, hyphens, apostrophes and dots.")]
    NameCharacters,
    #[error(
        "Give a country as its ISO 3166-1 two-letter code, for example RO (XX for no citizenship)."
    )]
    CountryShape,
    #[error("Write the date as YYYY-MM-DD.")]
    BirthDateFormat,
    #[error("That date does not exist.")]
    BirthDateImpossible,
    #[error("A date of birth cannot be in the future.")]
    BirthDateFuture,
    #[error("A date of birth is at most 130 years ago.")]
    BirthDateTooOld,
    #[error("The locality has at most 100 characters.")]
    LocalityTooLong,
    #[error("The address has at most 200 characters.")]
    AddressTooLong,
    #[error("Text cannot contain control characters.")]
    ControlCharacters,
}

impl ProfileProblem {
    pub fn code(self) -> &'static str {
        match self {
            ProfileProblem::NameEmpty => "name-empty",
            ProfileProblem::NameTooLong => "name-too-long",
            ProfileProblem::NameDigits => "name-digits",
            ProfileProblem::NameCharacters => "name-characters",
            ProfileProblem::CountryShape => "country-shape",
            ProfileProblem::BirthDateFormat => "birth-date-format",
            ProfileProblem::BirthDateImpossible => "birth-date-impossible",
            ProfileProblem::BirthDateFuture => "birth-date-future",
            ProfileProblem::BirthDateTooOld => "birth-date-too-old",
            ProfileProblem::LocalityTooLong => "locality-too-long",
            ProfileProblem::AddressTooLong => "address-too-long",
            ProfileProblem::ControlCharacters => "control-characters",
        }
    }
}

/// Free text such as an address: trimmed, one line, at most `max` characters;
/// empty means not given.
pub fn parse_free_text(
    input: &str,
    max: usize,
    too_long: ProfileProblem,
) -> Result<Option<String>, ProfileProblem> {
    let text = input.trim();
    if text.chars().count() > max {
        return Err(too_long);
    }
    if text.chars().any(char::is_control) {
        return Err(ProfileProblem::ControlCharacters);
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

/// A kind of message Ghiseu sends a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NotificationKind {
    ApplicationUpdates,
    AppointmentReminders,
    DocumentReady,
    DocumentExpiry,
    AccountSecurity,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 5] = [
        NotificationKind::ApplicationUpdates,
        NotificationKind::AppointmentReminders,
        NotificationKind::DocumentReady,
        NotificationKind::DocumentExpiry,
        NotificationKind::AccountSecurity,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotificationKind::ApplicationUpdates => "application-updates",
            NotificationKind::AppointmentReminders => "appointment-reminders",
            NotificationKind::DocumentReady => "document-ready",
            NotificationKind::DocumentExpiry => "document-expiry",
            NotificationKind::AccountSecurity => "account-security",
        }
    }

    pub fn parse(code: &str) -> Option<NotificationKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How a message reaches a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NotificationChannel {
    Email,
    Sms,
}

impl NotificationChannel {
    pub const ALL: [NotificationChannel; 2] =
        [NotificationChannel::Email, NotificationChannel::Sms];

    pub fn code(self) -> &'static str {
        match self {
            NotificationChannel::Email => "email",
            NotificationChannel::Sms => "sms",
        }
    }

    pub fn parse(code: &str) -> Option<NotificationChannel> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Which kinds of message a person wants by which channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationPreferences {
    enabled: std::collections::BTreeMap<(NotificationKind, NotificationChannel), bool>,
}

impl Default for NotificationPreferences {
    /// Every kind by e-mail, nothing by SMS.
    fn default() -> Self {
        let mut enabled = std::collections::BTreeMap::new();
        for kind in NotificationKind::ALL {
            for channel in NotificationChannel::ALL {
                enabled.insert((kind, channel), channel == NotificationChannel::Email);
            }
        }
        NotificationPreferences { enabled }
    }
}

impl NotificationPreferences {
    /// Security notices by e-mail always go out: they are how a person
    /// learns that someone else is using their account.
    pub fn is_locked(kind: NotificationKind, channel: NotificationChannel) -> bool {
        kind == NotificationKind::AccountSecurity && channel == NotificationChannel::Email
    }

    pub fn is_enabled(&self, kind: NotificationKind, channel: NotificationChannel) -> bool {
        Self::is_locked(kind, channel)
            || self.enabled.get(&(kind, channel)).copied().unwrap_or(false)
    }

    /// Turns a channel on or off for a kind; a locked one stays on.
    pub fn set(&mut self, kind: NotificationKind, channel: NotificationChannel, on: bool) {
        self.enabled
            .insert((kind, channel), on || Self::is_locked(kind, channel));
    }

    /// Every (kind, channel) with whether it is on.
    pub fn all(&self) -> impl Iterator<Item = (NotificationKind, NotificationChannel, bool)> + '_ {
        NotificationKind::ALL.into_iter().flat_map(move |kind| {
            NotificationChannel::ALL
                .into_iter()
                .map(move |channel| (kind, channel, self.is_enabled(kind, channel)))
        })
    }

    /// Whether any kind is wanted by SMS, which needs a phone number.
    pub fn wants_sms(&self) -> bool {
        self.all()
            .any(|(_, channel, on)| on && channel == NotificationChannel::Sms)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn names_of_any_script_are_accepted() {
        for (typed, kept) in [
            ("  Ștefan-Ioan ", "Ștefan-Ioan"),
            ("O'Brien", "O'Brien"),
            ("Jūratė  Žemaitė", "Jūratė Žemaitė"),
            ("Андрей", "Андрей"),
            ("St. John", "St. John"),
        ] {
            assert_eq!(PersonName::parse(typed).unwrap().as_str(), kept);
        }
    }

    #[test]
    fn bad_names_are_refused_with_the_reason() {
        let long = "a".repeat(101);
        for (typed, problem) in [
            ("  ", ProfileProblem::NameEmpty),
            (long.as_str(), ProfileProblem::NameTooLong),
            ("Ana2", ProfileProblem::NameDigits),
            ("Ana٣", ProfileProblem::NameDigits),
            ("Ana_Pop", ProfileProblem::NameCharacters),
            ("<b>", ProfileProblem::NameCharacters),
            ("-.'", ProfileProblem::NameCharacters),
        ] {
            assert_eq!(PersonName::parse(typed).unwrap_err(), problem, "{typed}");
        }
        assert!(PersonName::parse(&"ă".repeat(100)).is_ok());
    }

    #[test]
    fn country_codes_are_two_letters_in_upper_case() {
        assert_eq!(CountryCode::parse(" md ").unwrap().as_str(), "MD");
        assert!(
            CountryCode::parse("xx").is_ok_and(|c| !c.is_country()),
            "stateless"
        );
        assert!(CountryCode::parse("ua").is_ok_and(|c| c.is_country()));
        for bad in ["", "R", "ROU", "R0", "Ro ma", "ÎR", "QQ", "ZZ", "UK"] {
            assert_eq!(
                CountryCode::parse(bad).unwrap_err(),
                ProfileProblem::CountryShape
            );
        }
    }

    #[test]
    fn birth_dates_are_real_past_and_plausible() {
        let today = date(2026, 11, 23);
        assert_eq!(
            parse_birth_date("1980-06-15", today).unwrap(),
            date(1980, 6, 15)
        );
        assert!(parse_birth_date("2026-11-23", today).is_ok());
        assert!(parse_birth_date("1896-11-23", today).is_ok());
        for (typed, problem) in [
            ("15.06.1980", ProfileProblem::BirthDateFormat),
            ("1980-02-30", ProfileProblem::BirthDateImpossible),
            ("2026-11-24", ProfileProblem::BirthDateFuture),
            ("1896-11-22", ProfileProblem::BirthDateTooOld),
        ] {
            assert_eq!(parse_birth_date(typed, today).unwrap_err(), problem);
        }
    }

    #[test]
    fn free_text_is_bounded_and_one_line() {
        let too_long = ProfileProblem::AddressTooLong;
        assert_eq!(parse_free_text("  ", 10, too_long).unwrap(), None);
        assert_eq!(
            parse_free_text(" Str. Lungă 3 ", 200, too_long)
                .unwrap()
                .as_deref(),
            Some("Str. Lungă 3")
        );
        assert_eq!(
            parse_free_text(&"x".repeat(201), 200, too_long).unwrap_err(),
            too_long
        );
        assert_eq!(
            parse_free_text("a\nb", 200, too_long).unwrap_err(),
            ProfileProblem::ControlCharacters
        );
    }

    #[test]
    fn preferences_default_to_email_and_keep_security_notices() {
        let mut prefs = NotificationPreferences::default();
        for (kind, channel, on) in prefs.all() {
            assert_eq!(on, channel == NotificationChannel::Email, "{kind:?}");
        }
        assert!(!prefs.wants_sms());
        for kind in NotificationKind::ALL {
            for channel in NotificationChannel::ALL {
                prefs.set(kind, channel, false);
            }
        }
        assert!(prefs.is_enabled(
            NotificationKind::AccountSecurity,
            NotificationChannel::Email
        ));
        assert_eq!(prefs.all().filter(|(_, _, on)| *on).count(), 1);
        prefs.set(
            NotificationKind::DocumentReady,
            NotificationChannel::Sms,
            true,
        );
        assert!(prefs.wants_sms());
    }

    #[test]
    fn kinds_and_channels_read_back_from_their_codes() {
        for kind in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(kind.code()), Some(kind));
        }
        for channel in NotificationChannel::ALL {
            assert_eq!(NotificationChannel::parse(channel.code()), Some(channel));
        }
        assert_eq!(NotificationKind::parse("marketing"), None);
    }
}
