//! What a person wants to be reminded of: the days before an expiry, and
//! whether to hear about chip certificates and uncollected documents. The
//! channels are the person's notification preferences for document expiry
//! and ready documents.

use crate::accounts::CurrentPerson;
use crate::error::AppError;
use crate::registry::remind::default_choice;
use crate::state::App;
use ghiseu_domain::quote::FieldError;
use ghiseu_storage::reminders::{self, ReminderChoice};

/// The most thresholds one person may keep.
pub const MAX_THRESHOLDS: usize = 5;
/// The farthest a threshold may be from the expiry, in days.
pub const LARGEST_THRESHOLD: i64 = 730;

/// A person's reminders as they stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderSettings {
    pub choice: ReminderChoice,
    /// Whether the thresholds are the person's (false: the authority's).
    pub chosen: bool,
    /// The authority's thresholds, which apply when none are chosen.
    pub defaults: Vec<u16>,
}

/// A change of a person's reminders; `thresholds: None` returns to the
/// authority's defaults.
#[derive(Debug, Clone)]
pub struct ReminderChange {
    pub thresholds: Option<Vec<i64>>,
    pub certificates: bool,
    pub not_collected: bool,
}

fn defaults(state: &App) -> ReminderChoice {
    state.catalogue.authorities().first().map_or_else(
        || ReminderChoice {
            thresholds: vec![90, 30, 7],
            certificates: true,
            not_collected: true,
        },
        default_choice,
    )
}

/// The thresholds that apply to a person who chose none.
pub fn default_thresholds(state: &App) -> Vec<u16> {
    defaults(state).thresholds
}

/// The person's reminders, or the authority's defaults.
pub async fn settings(state: &App, person_id: &str) -> Result<ReminderSettings, AppError> {
    let mut conn = state.db.connection().await?;
    let chosen = reminders::choice(&mut conn, person_id).await?;
    let defaults = defaults(state);
    Ok(ReminderSettings {
        chosen: chosen.as_ref().is_some_and(|c| !c.thresholds.is_empty()),
        choice: chosen
            .map(|mut c| {
                if c.thresholds.is_empty() {
                    c.thresholds.clone_from(&defaults.thresholds);
                }
                c
            })
            .unwrap_or_else(|| defaults.clone()),
        defaults: defaults.thresholds,
    })
}

fn field_error(code: &'static str, value: String, message: String) -> FieldError {
    FieldError {
        field: "thresholds",
        code,
        value,
        message,
    }
}

/// The thresholds as asked, checked: 1 to 5 of them, each 1..=730 days;
/// largest first, without repeats.
pub fn check_thresholds(asked: &[i64]) -> Result<Vec<u16>, Vec<FieldError>> {
    let mut errors = Vec::new();
    if asked.is_empty() {
        errors.push(field_error(
            "required",
            String::new(),
            "Give at least one number of days, or none to keep the defaults.".into(),
        ));
    }
    if asked.len() > MAX_THRESHOLDS {
        errors.push(field_error(
            "too-many",
            asked.len().to_string(),
            format!("At most {MAX_THRESHOLDS} reminders; leave some out."),
        ));
    }
    let mut out = Vec::new();
    for &days in asked {
        match u16::try_from(days) {
            Ok(d) if (1..=LARGEST_THRESHOLD).contains(&days) => out.push(d),
            _ => errors.push(field_error(
                "out-of-range",
                days.to_string(),
                format!("{days} is not between 1 and {LARGEST_THRESHOLD} days before the expiry."),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    out.sort_unstable_by(|a, b| b.cmp(a));
    out.dedup();
    Ok(out)
}

/// Saves the person's reminders.
pub async fn change(
    state: &App,
    current: &CurrentPerson,
    asked: &ReminderChange,
) -> Result<ReminderSettings, AppError> {
    let thresholds = match &asked.thresholds {
        Some(days) => check_thresholds(days).map_err(AppError::Fields)?,
        None => Vec::new(),
    };
    let person_id = &current.person.id;
    let mut tx = state.db.begin_write().await?;
    reminders::save_choice(
        &mut tx,
        person_id,
        &ReminderChoice {
            thresholds,
            certificates: asked.certificates,
            not_collected: asked.not_collected,
        },
        state.clock.now().as_microsecond(),
    )
    .await?;
    tx.commit().await?;
    settings(state, person_id).await
}
