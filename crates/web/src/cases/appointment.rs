//! The appointment part of a citizen's case page: the case's booking, or
//! the way to book one once the office accepted the case.

use crate::AppState;
use crate::error::ApiError;
use ghiseu_domain::catalogue::AppointmentMode;
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::CaseRecord;

/// The case's appointment at the counter, once it has one.
pub(crate) struct AppointmentView {
    pub href: String,
    pub when: String,
    pub reference: String,
}

/// The case's active booking, or the way to make one: a service booked
/// after acceptance offers it while the case is accepted and not yet made.
pub(crate) async fn parts(
    state: &AppState,
    t: Tr<'_>,
    case: &CaseRecord,
) -> Result<(Option<AppointmentView>, Option<String>), ApiError> {
    use crate::appointments::pages::{href, when};
    let lang = t.lang;
    if let Some(b) = ghiseu_storage::appointments::active_for_case(&state.db, &case.id).await? {
        let view = AppointmentView {
            href: href(lang, &b.id),
            when: when(t, state, &b.office_id, b.starts_at),
            reference: b.reference,
        };
        return Ok((Some(view), None));
    }
    let after_acceptance = state
        .catalogue
        .service(&case.service_id)
        .and_then(|(_, s)| s.appointment.as_ref())
        .is_some_and(|a| a.mode == AppointmentMode::AfterAcceptance);
    let ready = ghiseu_app::cases::moves::state_of(case)?.takes_appointment();
    let book_href = match &case.office_id {
        Some(office) if after_acceptance && ready => Some(format!(
            "/{}/appointments/new?service={}&office={}&case={}",
            lang.code(),
            case.service_id,
            office,
            case.id
        )),
        _ => None,
    };
    Ok((None, book_href))
}
