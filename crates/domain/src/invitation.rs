//! The request to approve an invitation for a foreigner: the invited
//! person's details as the inviter types them, read strictly against the
//! service's rules. Every mistake names its field.

use crate::catalogue::InvitationRules;
use crate::national_id::Country;
use jiff::ToSpan;
use jiff::civil::Date;
use std::fmt;

/// A travel document's number as ICAO 9303 prints it: 6 to 9 capital
/// letters and digits, at least one a digit.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PassportNumber(String);

impl PassportNumber {
    /// Reads a number as people type it: spaces ignored, letters capitalised.
    pub fn parse(text: &str) -> Result<PassportNumber, &'static str> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect();
        let allowed = compact
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let has_digit = compact.chars().any(|c| c.is_ascii_digit());
        if (6..=9).contains(&compact.len()) && allowed && has_digit {
            Ok(PassportNumber(compact))
        } else {
            Err("passport-number-malformed")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The public check's key for an invitation, from its invitee's passport.
    pub fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(b"ghiseu.holder.v1|PASSPORT|");
        hash.update(self.0.as_bytes());
        hex::encode(hash.finalize())
    }
}

impl fmt::Display for PassportNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for PassportNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PassportNumber({})", self.0)
    }
}

/// The form as typed: every value a text.
#[derive(Debug, Clone, Default)]
pub struct InvitationForm {
    pub inviter: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub citizenship: String,
    pub passport_number: String,
    pub passport_expires_on: String,
    pub purpose: String,
    pub stay_from: String,
    pub stay_until: String,
    pub stay_address: String,
}

/// A request read and found consistent with the service's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub inviter: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    /// ISO 3166-1 alpha-2.
    pub citizenship: String,
    pub passport_number: PassportNumber,
    pub passport_expires_on: Date,
    pub purpose: String,
    pub stay_from: Date,
    pub stay_until: Date,
    pub stay_address: String,
}

impl Invitation {
    /// The request as its form shows it, to read it again on another day.
    pub fn to_form(&self) -> InvitationForm {
        InvitationForm {
            inviter: self.inviter.clone(),
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            birth_date: self.birth_date.to_string(),
            citizenship: self.citizenship.clone(),
            passport_number: self.passport_number.to_string(),
            passport_expires_on: self.passport_expires_on.to_string(),
            purpose: self.purpose.clone(),
            stay_from: self.stay_from.to_string(),
            stay_until: self.stay_until.to_string(),
            stay_address: self.stay_address.clone(),
        }
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub code: &'static str,
}

/// Who is inviting, as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inviting {
    /// The inviter is a legal entity its representative applies for.
    pub organisation: bool,
    /// The authority's country: the invited person must be a foreigner.
    pub country: Country,
}

const NAME_MAX: usize = 100;
const ADDRESS_MAX: usize = 300;
const OLDEST: i16 = 130;

struct Reader {
    problems: Vec<FieldProblem>,
}

impl Reader {
    fn fail(&mut self, field: &'static str, code: &'static str) {
        self.problems.push(FieldProblem { field, code });
    }

    fn text(&mut self, field: &'static str, value: &str, max: usize) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, "required");
            None
        } else if value.chars().count() > max || value.chars().any(char::is_control) {
            self.fail(field, "too-long");
            None
        } else {
            Some(value.to_string())
        }
    }

    fn name(&mut self, field: &'static str, value: &str) -> Option<String> {
        let name = self.text(field, value, NAME_MAX)?;
        let fits = name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'));
        if fits {
            Some(name)
        } else {
            self.fail(field, "name-characters");
            None
        }
    }

    fn date(&mut self, field: &'static str, value: &str) -> Option<Date> {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, "required");
            return None;
        }
        let parsed = value.parse::<Date>().ok();
        if parsed.is_none() {
            self.fail(field, "date-malformed");
        }
        parsed
    }
}

/// Reads `form` against `rules` on `today`.
pub fn read(
    form: &InvitationForm,
    rules: &InvitationRules,
    inviting: Inviting,
    today: Date,
) -> Result<Invitation, Vec<FieldProblem>> {
    let mut r = Reader {
        problems: Vec::new(),
    };
    let inviter = inviter(&mut r, form, rules, inviting);
    let given_name = r.name("given_name", &form.given_name);
    let family_name = r.name("family_name", &form.family_name);
    let birth_date = r.date("birth_date", &form.birth_date).filter(|birth| {
        let born = *birth <= today && today.year() - birth.year() <= OLDEST;
        if !born {
            r.fail("birth_date", "birth-date-implausible");
        }
        born
    });
    let citizenship = citizenship(&mut r, &form.citizenship, inviting.country);
    let passport_number = passport(&mut r, &form.passport_number);
    let purpose = rules.purpose(form.purpose.trim()).map(|p| p.id.clone());
    if purpose.is_none() {
        r.fail("purpose", "unknown-purpose");
    }
    let stay = stay(&mut r, form, rules, today);
    let passport_expires_on = r.date("passport_expires_on", &form.passport_expires_on);
    if let (Some(expires), Some((_, until))) = (passport_expires_on, stay) {
        let needed = until
            .checked_add(i64::from(rules.passport_valid_after_stay_days).days())
            .unwrap_or(until);
        if expires < needed {
            r.fail("passport_expires_on", "passport-expires-too-soon");
        }
    }
    let stay_address = r.text("stay_address", &form.stay_address, ADDRESS_MAX);
    match (
        inviter,
        given_name,
        family_name,
        birth_date,
        citizenship,
        passport_number,
        passport_expires_on,
        purpose,
        stay,
        stay_address,
    ) {
        (
            Some(inviter),
            Some(given_name),
            Some(family_name),
            Some(birth_date),
            Some(citizenship),
            Some(passport_number),
            Some(passport_expires_on),
            Some(purpose),
            Some((stay_from, stay_until)),
            Some(stay_address),
        ) if r.problems.is_empty() => Ok(Invitation {
            inviter,
            given_name,
            family_name,
            birth_date,
            citizenship,
            passport_number,
            passport_expires_on,
            purpose,
            stay_from,
            stay_until,
            stay_address,
        }),
        _ => Err(r.problems),
    }
}

/// The kind of inviter chosen, if the rules know it and it fits who invites.
fn inviter(
    r: &mut Reader,
    form: &InvitationForm,
    rules: &InvitationRules,
    inviting: Inviting,
) -> Option<String> {
    match rules.inviter(form.inviter.trim()) {
        None => {
            r.fail("inviter", "unknown-inviter");
            None
        }
        Some(i) if i.organisation != inviting.organisation => {
            r.fail("inviter", "inviter-mismatch");
            None
        }
        Some(i) => Some(i.id.clone()),
    }
}

fn passport(r: &mut Reader, value: &str) -> Option<PassportNumber> {
    if value.trim().is_empty() {
        r.fail("passport_number", "required");
        return None;
    }
    PassportNumber::parse(value)
        .map_err(|code| r.fail("passport_number", code))
        .ok()
}

fn citizenship(r: &mut Reader, value: &str, home: Country) -> Option<String> {
    let code = value.trim().to_ascii_uppercase();
    if code.is_empty() {
        r.fail("citizenship", "required");
        None
    } else if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        r.fail("citizenship", "country-malformed");
        None
    } else if code == home.code() {
        r.fail("citizenship", "not-a-foreigner");
        None
    } else {
        Some(code)
    }
}

/// The stay's first and last days: from today on, in order, and no longer
/// than the rules allow (both days counted).
fn stay(
    r: &mut Reader,
    form: &InvitationForm,
    rules: &InvitationRules,
    today: Date,
) -> Option<(Date, Date)> {
    let from = r.date("stay_from", &form.stay_from);
    let until = r.date("stay_until", &form.stay_until);
    let (from, until) = (from?, until?);
    if from < today {
        r.fail("stay_from", "stay-in-past");
        return None;
    }
    if until < from {
        r.fail("stay_until", "stay-ends-before-start");
        return None;
    }
    if stay_days(from, until) > i64::from(rules.max_stay_days) {
        r.fail("stay_until", "stay-too-long");
        return None;
    }
    Some((from, until))
}

/// The days of a stay from `from` to `until`, both counted.
pub fn stay_days(from: Date, until: Date) -> i64 {
    from.until(until)
        .map_or(0, |span| i64::from(span.get_days()) + 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "invitation_tests.rs"]
mod tests;
