//! The public validity check: anyone holding a document number and its
//! holder's personal id may ask whether the document is valid, without
//! signing in. The answer says nothing about the holder.
//!
//! "No match" is the same answer, in content and in time, for a number that
//! does not exist and for a personal id that is not its holder's: there is
//! always one lookup by number (giving a row of the same shape either way),
//! the digests of the personal id are always
//! computed, and they are compared in fixed time with the document's (or
//! with a stand-in when there is no document).
//!
//! Limits, counted in the database so they hold across server processes:
//! - per client address, every check counts;
//! - per document number, only "no match" answers count. A correct check
//!   does not use up the number's allowance, so people who rely on the
//!   document (an employer, a bank, the holder) checking it often cannot
//!   lock it. Once a number has had too many misses, further misses on it
//!   are refused, and a correct check still answers, but only from an
//!   address that has had no miss in the window. Someone guessing personal
//!   ids for a number then learns from each fresh address at most one
//!   guess, while a stranger who fills the number's allowance with wrong
//!   guesses does not stop honest checks from other addresses.
//!
//! The lookup goes through this process's [`cache`] of what it read, and
//! the audit entry through a [`audit`] queue written in batches, so that a
//! check waits for no commit when its limits are off.

pub mod audit;
pub mod cache;

use super::parse_date;
use crate::error::AppError;
use crate::refusal::DocumentRefusal;
use crate::state::App;
use ghiseu_domain::invitation::PassportNumber;
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_domain::organisation::Cui;
use ghiseu_domain::quote::FieldError;
use ghiseu_domain::registry::{Standing, Validity, validity};
use ghiseu_storage::registry::{self, CheckRecord};
use ghiseu_storage::{StorageError, accounts, sign_in};
use jiff::civil::Date;
use std::sync::Arc;

/// The longest document number the check reads.
pub const NUMBER_MAX_CHARS: usize = 40;
/// The longest personal id the check reads (any longer is no personal id).
const PERSONAL_ID_MAX_CHARS: usize = 40;
/// What a document without a recorded holder id is compared with: no
/// personal id has this digest (it is not hexadecimal).
const STAND_IN: &[u8; 64] = b"no-such-holder-no-such-holder-no-such-holder-no-such-holder-xxxx";

/// How many checks are allowed, in windows of `window_seconds`. A limit of
/// 0 switches that limit off (a load test, or a deployment behind a gateway
/// that limits on its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckLimits {
    pub window_seconds: u64,
    /// Checks from one client address per window.
    pub per_address: i64,
    /// "No match" answers for one document number per window.
    pub misses_per_number: i64,
}

impl Default for CheckLimits {
    fn default() -> Self {
        CheckLimits {
            window_seconds: 900,
            per_address: 30,
            misses_per_number: 5,
        }
    }
}

/// What the check answers. Nothing in it names the holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckAnswer {
    /// Valid, until that day (the last one) or without an expiry.
    Valid { until: Option<Date> },
    /// Expired; `on` was its last valid day.
    Expired { on: Date },
    /// No longer valid since that day, for that reason.
    NotValid { why: Standing, since: Date },
    /// No document with this number is held by someone with this personal id.
    NoMatch,
}

impl CheckAnswer {
    pub fn code(self) -> &'static str {
        match self {
            CheckAnswer::Valid { .. } => "valid",
            CheckAnswer::Expired { .. } => "expired",
            CheckAnswer::NotValid { .. } => "not-valid",
            CheckAnswer::NoMatch => "no-match",
        }
    }
}

/// A well-formed request: the number, and the digests of the personal id in
/// every country it is a valid personal id of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInput {
    pub number: String,
    digests: Vec<String>,
}

fn field_error(field: &'static str, code: &'static str, message: &str) -> FieldError {
    FieldError {
        field,
        code,
        value: String::new(),
        message: message.into(),
    }
}

impl CheckInput {
    /// Reads the form: an empty or overlong number, or a personal id that is
    /// valid in no country, is a mistake to show next to its field.
    pub fn parse(number: &str, personal_id: &str) -> Result<CheckInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let number = number.trim();
        if number.is_empty() {
            errors.push(field_error(
                "number",
                "required",
                "Enter the document number.",
            ));
        } else if number.chars().count() > NUMBER_MAX_CHARS {
            errors.push(field_error(
                "number",
                "too-long",
                "A document number has at most 40 characters.",
            ));
        }
        let personal_id = personal_id.trim();
        let digests: Vec<String> = if personal_id.chars().count() > PERSONAL_ID_MAX_CHARS {
            Vec::new()
        } else {
            Country::ALL
                .into_iter()
                .filter_map(|country| NationalId::parse(country, personal_id).ok())
                .map(|id| id.digest())
                // An organisation's document is checked by its registration code.
                .chain(Cui::parse(personal_id).ok().map(|cui| cui.digest()))
                // An invitation is checked by its invited person's passport number.
                .chain(PassportNumber::parse(personal_id).ok().map(|p| p.digest()))
                .collect()
        };
        if personal_id.is_empty() {
            errors.push(field_error(
                "personal_id",
                "required",
                "Enter the holder's personal identification number.",
            ));
        } else if digests.is_empty() {
            errors.push(field_error(
                "personal_id",
                "malformed",
                "This is not a valid Romanian CNP, Moldovan IDNP or Lithuanian personal code, nor a Romanian company's CUI, nor a passport number (6 to 9 letters and digits).",
            ));
        }
        if errors.is_empty() {
            Ok(CheckInput {
                number: number.to_string(),
                digests,
            })
        } else {
            Err(errors)
        }
    }

    /// Whether any of the digests is `recorded`, looking at every byte of
    /// every digest whatever the outcome.
    fn matches(&self, recorded: &[u8]) -> bool {
        self.digests.iter().fold(false, |found, digest| {
            found | same_bytes(digest.as_bytes(), recorded)
        })
    }
}

/// Byte equality whose time depends only on the lengths.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a
        .iter()
        .zip(b)
        .fold(0u8, |acc, (x, y)| acc | std::hint::black_box(x ^ y));
    std::hint::black_box(difference) == 0
}

/// Who asks: the client address as the web trusts it.
#[derive(Debug, Clone, Copy)]
pub struct Asker<'a> {
    pub client: &'a str,
}

pub(crate) fn answer_of(state: &App, record: &CheckRecord) -> Result<CheckAnswer, AppError> {
    let today = state.catalogue.authority(&record.authority_id).map_or_else(
        || state.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date(),
        |a| state.clock.today(a),
    );
    let since = match record.standing_since.as_deref() {
        Some(day) => parse_date(day, "standing date")?,
        None => parse_date(&record.issued_on, "issue date")?,
    };
    let expires_on = record
        .expires_on
        .as_deref()
        .map(|d| parse_date(d, "expiry"))
        .transpose()?;
    Ok(match validity(record.standing, since, expires_on, today) {
        Validity::Valid { until } => CheckAnswer::Valid { until },
        Validity::Expired { on } => CheckAnswer::Expired { on },
        Validity::NotValid { why, since } => CheckAnswer::NotValid { why, since },
    })
}

/// Where the limits stand for this check, read before the answer is known.
struct Before {
    number_locked: bool,
    address_missed: bool,
}

async fn limits_before(
    state: &App,
    limits: &CheckLimits,
    keys: &Keys,
    now: i64,
) -> Result<Result<Before, u64>, StorageError> {
    let window = window_micros(limits);
    if limits.per_address > 0
        && !accounts::throttle_hit(&state.db, &keys.address, window, limits.per_address, now)
            .await?
    {
        return Ok(Err(limits.window_seconds));
    }
    if limits.misses_per_number <= 0 {
        return Ok(Ok(Before {
            number_locked: false,
            address_missed: false,
        }));
    }
    let misses = sign_in::failures(&state.db, &keys.number, window, now).await?;
    let address_misses = sign_in::failures(&state.db, &keys.address_misses, window, now).await?;
    Ok(Ok(Before {
        number_locked: misses >= limits.misses_per_number,
        address_missed: address_misses > 0,
    }))
}

/// Where the limits count this check.
struct Keys {
    address: String,
    address_misses: String,
    number: String,
}

impl Keys {
    fn new(asker: Asker<'_>, input: &CheckInput) -> Self {
        Keys {
            address: format!("check:address:{}", asker.client),
            address_misses: format!("check:address-misses:{}", asker.client),
            number: format!("check:number:{}", input.number),
        }
    }
}

fn window_micros(limits: &CheckLimits) -> i64 {
    i64::try_from(limits.window_seconds)
        .unwrap_or(i64::MAX / 1_000_000)
        .saturating_mul(1_000_000)
}

/// Checks the document `input.number` against the personal id, within the
/// limits, and audits the check (the number and the answer, never the id).
pub async fn check(
    state: &App,
    asker: Asker<'_>,
    input: &CheckInput,
) -> Result<CheckAnswer, AppError> {
    let limits = state.checks;
    let now = state.clock.now().as_microsecond();
    let keys =
        (limits.per_address > 0 || limits.misses_per_number > 0).then(|| Keys::new(asker, input));
    let before = if let Some(keys) = &keys {
        match limits_before(state, &limits, keys, now).await? {
            Ok(before) => before,
            Err(retry_after) => return refuse(state, asker, input, retry_after).await,
        }
    } else {
        Before {
            number_locked: false,
            address_missed: false,
        }
    };
    let found = look_up(state, &input.number).await?;
    let recorded = found
        .as_ref()
        .and_then(|r| r.holder_id_digest.as_deref())
        .map_or(&STAND_IN[..], str::as_bytes);
    let matched = input.matches(recorded);
    let answer = match found.filter(|_| matched) {
        Some(record) => answer_of(state, &record)?,
        None => CheckAnswer::NoMatch,
    };
    if let Some(keys) = keys.as_ref().filter(|_| answer == CheckAnswer::NoMatch)
        && limits.misses_per_number > 0
    {
        let window = window_micros(&limits);
        for key in [&keys.number, &keys.address_misses] {
            accounts::throttle_hit(&state.db, key, window, i64::MAX, now).await?;
        }
    }
    // On a number with too many misses only a correct check from an address
    // without misses answers (see the module's comment).
    if before.number_locked && (answer == CheckAnswer::NoMatch || before.address_missed) {
        return refuse(state, asker, input, limits.window_seconds).await;
    }
    audit_check(state, asker, input, answer.code())?;
    Ok(answer)
}

/// The document's record, from this process's cache when it has it.
pub(crate) async fn look_up(
    state: &App,
    number: &str,
) -> Result<Option<Arc<CheckRecord>>, AppError> {
    if let Some(kept) = state.check_cache.get(number) {
        return Ok(kept);
    }
    let start = state.check_cache.read_start();
    let found = {
        let mut conn = state.db.connection().await?;
        registry::for_check(&mut conn, number).await?.map(Arc::new)
    };
    state.check_cache.keep(start, number, found.clone());
    Ok(found)
}

async fn refuse(
    state: &App,
    asker: Asker<'_>,
    input: &CheckInput,
    retry_after: u64,
) -> Result<CheckAnswer, AppError> {
    audit_check(state, asker, input, "too-many")?;
    Err(DocumentRefusal::TooManyChecks { retry_after }.into())
}

fn audit_check(
    state: &App,
    asker: Asker<'_>,
    input: &CheckInput,
    answer: &'static str,
) -> Result<(), AppError> {
    audit::queue(
        state,
        audit::Checked {
            at: state.clock.now(),
            from: asker.client.to_string(),
            number: input.number.clone(),
            answer,
        },
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_thirteen_digit_id_valid_in_two_countries_gives_two_digests() {
        let both = (0..100_000u32)
            .map(|tail| format!("19605231{tail:05}"))
            .find(|id| {
                NationalId::parse(Country::Ro, id).is_ok()
                    && NationalId::parse(Country::Md, id).is_ok()
            });
        let Some(both) = both else {
            return;
        };
        let input = CheckInput::parse(" RO-1 ", &both).unwrap_or_else(|_| unreachable!());
        assert_eq!(input.number, "RO-1");
        assert_eq!(input.digests.len(), 2);
        let only_ro = CheckInput::parse("RO-1", "1960523123457").unwrap_or_else(|_| unreachable!());
        assert_eq!(only_ro.digests.len(), 1);
        assert!(only_ro.matches(only_ro.digests[0].as_bytes()));
        assert!(!only_ro.matches(STAND_IN));
    }

    #[test]
    fn empty_overlong_and_malformed_input_are_field_errors() {
        let errors = CheckInput::parse("", "12").err().unwrap_or_default();
        let codes: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            [("number", "required"), ("personal_id", "malformed")]
        );
        let long = "X".repeat(NUMBER_MAX_CHARS + 1);
        let errors = CheckInput::parse(&long, "").err().unwrap_or_default();
        let codes: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(codes, [("number", "too-long"), ("personal_id", "required")]);
    }

    #[test]
    fn bytes_compare_equal_only_when_equal() {
        assert!(same_bytes(b"abc", b"abc"));
        assert!(!same_bytes(b"abc", b"abd"));
        assert!(!same_bytes(b"abc", b"abcd"));
        assert!(!same_bytes(b"", STAND_IN));
    }
}
