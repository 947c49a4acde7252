//! The registry as its holders see it on pages: their documents and their
//! children's, what to do next with each, and reporting one lost or stolen.

mod mine;
mod report;

use crate::AppState;
use axum::Router;
use axum::routing::get;
use ghiseu_app::registry::{HeldDocument, Loss, Report};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::registry::Validity;
use ghiseu_i18n::Tr;
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/documents", get(mine::list))
        .route(
            "/{lang}/documents/{number}/report",
            get(report::form).post(report::send),
        )
}

/// A loss or theft as a form reports it, the holder's or the counter's.
#[derive(Deserialize, Default)]
pub(crate) struct LossForm {
    #[serde(default)]
    pub loss: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub circumstances: String,
    #[serde(default)]
    pub police_report: String,
    /// The authority's reason, for an invalidation.
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub csrf: String,
}

/// The form's answers as kept: free text trimmed, at most 500 characters,
/// None when empty.
pub(crate) struct LossAnswers {
    loss: Loss,
    place: Option<String>,
    circumstances: Option<String>,
    police_report: Option<String>,
}

impl LossAnswers {
    /// None when the form does not say whether it was lost or stolen.
    pub fn read(form: &LossForm) -> Option<LossAnswers> {
        let loss = match form.loss.as_str() {
            "lost" => Loss::Lost,
            "stolen" => Loss::Stolen,
            _ => return None,
        };
        Some(LossAnswers {
            loss,
            place: kept(&form.place),
            circumstances: kept(&form.circumstances),
            police_report: kept(&form.police_report),
        })
    }

    pub fn report(&self) -> Report<'_> {
        Report {
            loss: self.loss,
            place: self.place.as_deref(),
            circumstances: self.circumstances.as_deref(),
            police_report: self.police_report.as_deref(),
        }
    }
}

/// A free-text answer as kept: trimmed, at most 500 characters, None when empty.
pub(crate) fn kept(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.chars().take(500).collect())
}

/// Where the person's documents are listed.
pub(crate) fn documents_href(lang: Lang) -> String {
    format!("/{}/documents", lang.code())
}

/// Whether a document number can stand in a path as it is (registry
/// numbers are capitals, digits and dashes).
pub(crate) fn plain_number(number: &str) -> bool {
    !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// What a document is worth today, in a sentence.
pub(crate) fn standing_line(t: Tr<'_>, held: &HeldDocument) -> String {
    let date = |d: jiff::civil::Date| crate::i18n::text_arg(t.date(d));
    match held.validity {
        Validity::Valid { until: Some(until) } if held.days_left == Some(0) => {
            t.with("registry-valid-last-day", &[("date", date(until))])
        }
        Validity::Valid { until: Some(until) } => t.with(
            "registry-valid-until",
            &[
                ("date", date(until)),
                (
                    "days",
                    ghiseu_i18n::number_arg(held.days_left.unwrap_or_default()),
                ),
            ],
        ),
        Validity::Valid { until: None } => t.m("registry-valid-no-expiry"),
        Validity::Expired { on } => t.with("registry-expired-on", &[("date", date(on))]),
        Validity::NotValid { why, since } => t.with(
            &format!("registry-not-valid-{}", why.code()),
            &[("date", date(since))],
        ),
    }
}
