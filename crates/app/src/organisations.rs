//! Organisations as applicants: an operator records a person as the
//! representative of an organisation (by its registration code, with what
//! proves the mandate), and that person may then apply for the
//! organisation where the catalogue allows it. Recording grants access to
//! the organisation's documents, so it is checked as strictly as they are:
//! only staff of an authority with such a service, only for a person whose
//! identity is assured as that service demands, with evidence, audited.

use crate::error::AppError;
use crate::office::Staff;
use crate::state::App;
use ghiseu_domain::account::AssuranceLevel;
use ghiseu_domain::catalogue::{Office, Service};
use ghiseu_domain::organisation::{Cui, CuiError};
use ghiseu_domain::quote::FieldError;
use ghiseu_storage::organisations::{self, NewRepresentative, Organisation};
use ghiseu_storage::{accounts, audit};

/// The longest organisation name and evidence kept.
pub const NAME_MAX_CHARS: usize = 200;
pub const EVIDENCE_MAX_CHARS: usize = 500;

/// What the operator writes.
#[derive(Debug, Clone, Default)]
pub struct RepresentativeForm {
    pub registration_code: String,
    pub name: String,
    pub email: String,
    pub evidence: String,
}

fn field_error(field: &'static str, code: &'static str, message: &str) -> FieldError {
    FieldError {
        field,
        code,
        value: String::new(),
        message: message.into(),
    }
}

/// The first office of the member of staff whose authority has a service
/// organisations may apply for, with that service.
/// Whether any of the staff member's offices handles a service for
/// organisations (only then can they record a representative).
pub fn handled_here(state: &App, staff: &Staff) -> bool {
    office_for_organisations(state, staff).is_some()
}

fn office_for_organisations<'a>(
    state: &'a App,
    staff: &Staff,
) -> Option<(&'a Office, &'a Service)> {
    staff
        .offices(&state.catalogue)
        .into_iter()
        .find_map(|office| {
            let authority = state.catalogue.authority(&office.authority_id)?;
            let service = authority.services.iter().find(|s| s.for_organisations)?;
            Some((office, service))
        })
}

fn text_field(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    value: &str,
    max: usize,
    required: &str,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.push(field_error(field, "required", required));
    } else if value.chars().count() > max {
        errors.push(field_error(
            field,
            "too-long",
            &format!("Write at most {max} characters."),
        ));
    }
    value.to_string()
}

/// Records the person with `form.email` as a representative of the
/// organisation with `form.registration_code`. Field errors name what to fix.
pub async fn record_representative(
    state: &App,
    staff: &Staff,
    form: &RepresentativeForm,
) -> Result<Result<Organisation, Vec<FieldError>>, AppError> {
    let Some((office, service)) = office_for_organisations(state, staff) else {
        return Err(AppError::NotFound {
            detail: "No service for organisations is handled at your offices.".into(),
        });
    };
    let mut errors = Vec::new();
    let cui = Cui::parse(&form.registration_code).map_err(|e| {
        let message = match e {
            CuiError::Malformed => {
                "A CUI has 2 to 10 digits, optionally after RO. Check it as registered."
            }
            CuiError::CheckDigit => {
                "This CUI's check digit does not match. Check it for a typing mistake."
            }
        };
        field_error("registration_code", e.code(), message)
    });
    let name = text_field(
        &mut errors,
        "name",
        &form.name,
        NAME_MAX_CHARS,
        "Enter the organisation's name as registered.",
    );
    let evidence = text_field(
        &mut errors,
        "evidence",
        &form.evidence,
        EVIDENCE_MAX_CHARS,
        "Say what proves the mandate (for example the power of attorney's number and date).",
    );
    let person = accounts::person_by_email(&state.db, form.email.trim()).await?;
    let person = match person {
        None => {
            errors.push(field_error(
                "email",
                "unknown",
                "No account uses this e-mail address. The representative must register first.",
            ));
            None
        }
        Some(p) => {
            let level = AssuranceLevel::parse(&p.assurance);
            if level.is_none_or(|l| !service.accepts(l)) {
                errors.push(field_error("email", "not-assured", "This person's identity is not confirmed by bank card or in person yet: confirm it first."));
                None
            } else {
                Some(p)
            }
        }
    };
    let cui = match cui {
        Ok(cui) => Some(cui),
        Err(e) => {
            errors.insert(0, e);
            None
        }
    };
    let (Some(cui), Some(person), true) = (cui, person, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let organisation = organisations::find_or_add(&mut tx, "RO", cui.as_str(), &name, now).await?;
    let added = organisations::add_representative(
        &mut tx,
        &NewRepresentative {
            organisation_id: &organisation.id,
            person_id: &person.id,
            evidence: &evidence,
            recorded_by: &staff.current.person.id,
            office_id: &office.id,
            now,
        },
    )
    .await?;
    if !added {
        return Ok(Err(vec![field_error(
            "email",
            "already",
            "This person is already recorded as the organisation's representative.",
        )]));
    }
    let mut event = staff.audit_event(
        state,
        "organisation.representative-recorded",
        Some(&person.id),
    );
    event.detail = serde_json::json!({
        "organisation": organisation.id,
        "registration_code": organisation.registration_code,
        "office": office.id,
    });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Ok(organisation))
}

/// The organisations the person may apply for.
pub async fn represented(state: &App, person_id: &str) -> Result<Vec<Organisation>, AppError> {
    Ok(organisations::represented_by(&state.db, person_id).await?)
}
