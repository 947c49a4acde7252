//! The registry as its holders see it on pages: their documents and their
//! children's, what to do next with each, and reporting one lost or stolen.

mod mine;
mod report;

use crate::AppState;
use axum::Router;
use axum::routing::get;
use ghiseu_app::registry::HeldDocument;
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::registry::Validity;
use ghiseu_i18n::Tr;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/documents", get(mine::list))
        .route(
            "/{lang}/documents/{number}/report",
            get(report::form).post(report::send),
        )
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
