//! The issued document's facts at handover: its number, its expiry by the
//! catalogue's validity rule, and the receiver's document as kept.

use crate::state::App;
use ghiseu_domain::quote::{QuoteRequest, quote};
use ghiseu_storage::cases::CaseRecord;

/// Keeps the document type and the last three characters of its number.
pub fn masked(document: &str) -> String {
    let chars: Vec<char> = document.trim().chars().collect();
    let keep = chars.len().saturating_sub(3);
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < keep && c.is_alphanumeric() {
                '•'
            } else {
                *c
            }
        })
        .collect()
}

/// When the document handed over on `today` expires, by the catalogue's
/// validity rule for the case's holder and answers; None when it does not.
pub fn expiry(state: &App, case: &CaseRecord, today: jiff::civil::Date) -> Option<String> {
    let answers: ghiseu_domain::case::application::Answers =
        serde_json::from_str(&case.answers).unwrap_or_default();
    quote(
        &state.catalogue,
        &QuoteRequest {
            service: case.service_id.clone(),
            birth_date: case
                .holder_birth_date
                .as_deref()
                .and_then(|b| b.parse().ok()),
            filed_on: case.filed_on.as_deref().and_then(|d| d.parse().ok()),
            urgency: answers.urgency,
            issued_on: Some(today),
            ..QuoteRequest::default()
        },
        |_| today,
    )
    .ok()
    .and_then(|q| q.validity.until())
    .map(|d| d.to_string())
}

/// The issued document's number: the authority's prefix, the year and a
/// sequence per authority and year.
pub fn document_number(
    authority: &ghiseu_domain::catalogue::Authority,
    today: jiff::civil::Date,
    sequence: i64,
) -> String {
    format!(
        "{}-D-{}-{sequence:06}",
        authority.reference_prefix,
        today.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receiver_documents_are_kept_masked() {
        assert_eq!(masked("CI AX123456"), "•• •••••456");
    }
}
