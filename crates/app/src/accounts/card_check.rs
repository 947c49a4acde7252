//! Using up a check with the bank's answer: its ending, the binding of the
//! national id and the audit event are written together.

use crate::accounts::CurrentPerson;
use crate::accounts::audit_event;
use crate::state::App;
use ghiseu_domain::account::AssuranceLevel;
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_payments::{Answer, Outcome, VerifiedIdentity};
use ghiseu_storage::card_checks::{self, ClaimRefusal, Ending};
use ghiseu_storage::identity::{self, Binding, CheckRefusal};
use ghiseu_storage::{StorageError, audit};

/// How an answer ended, once stored.
pub enum Completion {
    Bound { masked: String, level: String },
    Declined,
    Unclaimed(ClaimRefusal),
    InvalidNationalId,
    Refused(CheckRefusal),
}

/// The national id the bank vouched for, if it is a valid one.
fn national_id(identity: &VerifiedIdentity) -> Option<NationalId> {
    let country = identity.country.parse::<Country>().ok()?;
    NationalId::parse(country, &identity.national_id).ok()
}

/// Uses up the check and records its ending, the binding and the audit
/// event together. A check that cannot be used writes nothing.
pub async fn complete(
    state: &App,
    current: &CurrentPerson,
    provider: &str,
    answer: &Answer,
) -> Result<Completion, StorageError> {
    let person_id = current.person.id.as_str();
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    if let Err(refusal) = card_checks::claim(&mut tx, &answer.reference, person_id, now).await? {
        return Ok(Completion::Unclaimed(refusal));
    }
    let mut detail = serde_json::json!({ "provider": provider, "check": answer.reference });
    let (action, ending, completion) = match &answer.outcome {
        Outcome::Declined => (
            "identity.card-check-declined",
            Ending::Declined,
            Completion::Declined,
        ),
        Outcome::Verified(identity) => match national_id(identity) {
            None => {
                detail["reason"] = "invalid-national-id".into();
                (
                    "identity.card-check-refused",
                    Ending::Refused,
                    Completion::InvalidNationalId,
                )
            }
            Some(id) => {
                let binding = Binding {
                    person_id,
                    national_id_country: id.country().code(),
                    national_id: id.expose(),
                    level: AssuranceLevel::Card,
                    now,
                };
                detail["national_id"] = id.masked().into();
                match identity::bind_national_id(&mut tx, &binding).await? {
                    Ok(level) => {
                        detail["assurance"] = level.as_str().into();
                        let raised = level != current.person.assurance;
                        let masked = id.masked();
                        card_checks::close(
                            &mut tx,
                            &answer.reference,
                            Ending::Verified {
                                national_id_country: id.country().code(),
                                national_id_masked: &masked,
                                assurance_raised: raised,
                            },
                        )
                        .await?;
                        let event = event(state, person_id, "identity.checked-by-card", detail);
                        audit::append(&mut tx, &event).await?;
                        tx.commit().await?;
                        return Ok(Completion::Bound { masked, level });
                    }
                    Err(refusal) => {
                        detail["reason"] = refusal_code(&refusal).into();
                        (
                            "identity.card-check-refused",
                            Ending::Refused,
                            Completion::Refused(refusal),
                        )
                    }
                }
            }
        },
    };
    card_checks::close(&mut tx, &answer.reference, ending).await?;
    audit::append(&mut tx, &event(state, person_id, action, detail)).await?;
    tx.commit().await?;
    Ok(completion)
}

fn refusal_code(refusal: &CheckRefusal) -> &'static str {
    match refusal {
        CheckRefusal::NationalIdTaken => "national-id-taken",
        CheckRefusal::DifferentNationalId => "different-national-id",
        CheckRefusal::UnknownPerson => "unknown-person",
    }
}

fn event(
    state: &App,
    person_id: &str,
    action: &str,
    detail: serde_json::Value,
) -> ghiseu_domain::audit::AuditEvent {
    let mut event = audit_event(state, action, Some(person_id), None);
    event.detail = detail;
    event
}
