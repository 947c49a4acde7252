//! The profile's reminder section: the days before an expiry to be told
//! (written "90, 30, 7"; empty for the authority's defaults), and whether to
//! hear about chip certificates and uncollected documents.

use super::super::FormError;
use super::form::Values;
use ghiseu_app::registry::reminder_choice::{ReminderSettings, check_thresholds};
use ghiseu_i18n::{Tr, text_arg};
use ghiseu_storage::reminders::ReminderChoice;

pub(super) const THRESHOLDS: &str = "reminder_thresholds";
pub(super) const CERTIFICATES: &str = "reminder_certificates";
pub(super) const NOT_COLLECTED: &str = "reminder_not_collected";

/// The section as the page shows it.
pub(crate) struct ReminderSection {
    pub thresholds: String,
    /// The hint, naming the authority's defaults.
    pub hint: String,
    pub certificates: bool,
    pub not_collected: bool,
    pub error: Option<String>,
}

fn days(list: &[u16]) -> String {
    list.iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The stored settings as form values.
pub(super) fn stored(values: &mut Values, settings: &ReminderSettings) {
    if settings.chosen {
        values
            .0
            .insert(THRESHOLDS.into(), days(&settings.choice.thresholds));
    }
    if settings.choice.certificates {
        values.0.insert(CERTIFICATES.into(), "on".into());
    }
    if settings.choice.not_collected {
        values.0.insert(NOT_COLLECTED.into(), "on".into());
    }
}

pub(super) fn section(
    values: &Values,
    defaults: &[u16],
    error: Option<String>,
    t: Tr<'_>,
) -> ReminderSection {
    ReminderSection {
        thresholds: values.get(THRESHOLDS).chars().take(60).collect(),
        hint: t.with(
            "reminders-thresholds-hint",
            &[("defaults", text_arg(days(defaults)))],
        ),
        certificates: !values.get(CERTIFICATES).is_empty(),
        not_collected: !values.get(NOT_COLLECTED).is_empty(),
        error,
    }
}

/// The choice as submitted, or the error to show beside the field.
pub(super) fn check(values: &Values, t: Tr<'_>) -> Result<ReminderChoice, FormError> {
    let text = values.get(THRESHOLDS).trim();
    let mut asked = Vec::new();
    for part in text.split([',', ' ', ';']).filter(|p| !p.is_empty()) {
        let Ok(n) = part.parse::<i64>() else {
            return Err(FormError {
                field: THRESHOLDS,
                text: t.with("reminders-error-not-a-number", &[("value", text_arg(part))]),
            });
        };
        asked.push(n);
    }
    let thresholds = if asked.is_empty() {
        Vec::new()
    } else {
        check_thresholds(&asked)
            .map_err(|_| FormError::new(t, THRESHOLDS, "reminders-error-range"))?
    };
    Ok(ReminderChoice {
        thresholds,
        certificates: !values.get(CERTIFICATES).is_empty(),
        not_collected: !values.get(NOT_COLLECTED).is_empty(),
    })
}
