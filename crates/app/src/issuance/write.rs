//! Writing an electronically issued document. The PDF is rendered and signed
//! between two short transactions, never inside one, so that issuing on
//! every core does not queue behind one writer: the first reserves the
//! document's number, the second writes the record, its file and the case's
//! move, guarded by the case's version. A case that changed in between keeps
//! its state and the reserved number stays unused (a gap in the sequence).

use super::{Holding, Sealer, certificate, invitation, move_as};
use crate::cases::moves::Mover;
use crate::error::AppError;
use crate::registry::issue::{NewDocument, prepare, record};
use crate::state::App;
use ghiseu_domain::case::CaseAction;
use ghiseu_domain::quote::HolderFacts;
use ghiseu_domain::registry::Source;
use ghiseu_storage::{audit, cases, issued_documents, issued_files};
use sha2::{Digest, Sha256};

use super::register::RecordEntry;

/// What the document states.
pub(super) enum Printing<'a> {
    /// A certificate of what the register holds on its holder.
    Certificate {
        holder: &'a Holding,
        entries: &'a [RecordEntry],
    },
    /// An approved invitation for a foreigner, and who invites.
    Invitation {
        invitation: &'a ghiseu_domain::invitation::Invitation,
        inviter_name: String,
    },
}

/// Who issues, stating what.
pub(super) struct Issue<'a> {
    pub printing: Printing<'a>,
    pub action: CaseAction,
    pub by: &'a Mover<'a>,
}

/// What the document states, sealed; an invitation's record takes the
/// invited person's name, passport key and last day of stay.
fn print(
    state: &App,
    sealer: &Sealer,
    case: &cases::CaseRecord,
    issued: &mut ghiseu_storage::issued_documents::IssuedDocument,
    printing: &Printing<'_>,
) -> Result<certificate::Printed, AppError> {
    let (authority, service) = state
        .catalogue
        .service(&case.service_id)
        .ok_or_else(|| AppError::Internal(format!("no service {}", case.service_id)))?;
    match printing {
        Printing::Certificate { holder, entries } => {
            let facts = certificate::Facts {
                case,
                authority,
                service,
                issued,
                holder,
                entries,
            };
            certificate::printed(state, sealer, &facts)
        }
        Printing::Invitation {
            invitation: details,
            inviter_name,
        } => {
            invitation::stamp(issued, details);
            let facts = invitation::Facts {
                case,
                authority,
                service,
                issued,
                invitation: details,
                inviter_name: inviter_name.clone(),
            };
            invitation::printed(state, sealer, &facts)
        }
    }
}

/// How long one server has a case for issuing: far longer than signing
/// takes, and how long a case waits when its server died meanwhile.
const ISSUING_FOR: jiff::SignedDuration = jiff::SignedDuration::from_mins(5);

/// Issues `case` as read (its version guards the final write): the registry
/// record, its signed PDF, the case's move, the applicant told. Answers the
/// document's number; `Conflict` when the case changed meanwhile.
pub(super) async fn issue_document(
    state: &App,
    sealer: &Sealer,
    case: &cases::CaseRecord,
    how: &Issue<'_>,
    now: i64,
) -> Result<String, AppError> {
    let (authority, _) = state
        .catalogue
        .service(&case.service_id)
        .ok_or_else(|| AppError::Internal(format!("no service {}", case.service_id)))?;
    let today = state.clock.today(authority);
    let new = NewDocument {
        case,
        authority,
        today,
        facts: &HolderFacts::default(),
        office_id: case.office_id.clone().unwrap_or_default(),
        handover: None,
        source: Source::Electronic,
        now,
    };
    let mut reserve = state.db.begin_write().await?;
    let until = now.saturating_add(i64::try_from(ISSUING_FOR.as_micros()).unwrap_or(i64::MAX));
    if !issued_documents::take_for_issue(&mut reserve, &case.id, now, until).await? {
        return Err(AppError::Conflict {
            detail: "This application is being issued; it will be ready in a moment.".into(),
        });
    }
    let sequence =
        issued_documents::next_sequence(&mut reserve, &authority.id, today.year()).await?;
    let mut issued = prepare(state, &mut reserve, &new, sequence)
        .await?
        .map_err(|needed| AppError::Internal(format!("an electronic document needs {needed:?}")))?;
    reserve.commit().await?;

    let printed = print(state, sealer, case, &mut issued, &how.printing)?;
    let rendered =
        ghiseu_pdf::render(&printed.certificate).map_err(|e| AppError::Internal(e.to_string()))?;
    let signing_time = state.clock.now().to_zoned(authority.time_zone.clone());
    let signed = ghiseu_pdf::sign(&rendered, &sealer.signer, signing_time)
        .map_err(|e| AppError::Internal(e.to_string()))?;

    let mut tx = state.db.begin_write().await?;
    record(&mut tx, &issued, &new).await?;
    issued_files::insert(
        &mut tx,
        &issued_files::IssuedFile {
            document_id: issued.id.clone(),
            media_type: "application/pdf".into(),
            sha256: hex::encode(Sha256::digest(&signed)),
            content: signed,
            seal: printed.qr_text,
            created_at: now,
        },
    )
    .await?;
    move_as(&mut tx, case, how.action, how.by, now).await?;
    issued_documents::issued_for(&mut tx, &case.id).await?;
    let name = crate::registry::document_name(state, &issued);
    let notice = crate::notices::Notice::DocumentIssued {
        reference: case.reference.as_deref().unwrap_or_default(),
        document: &name,
        number: &issued.number,
    };
    crate::notices::tell(
        &mut tx,
        state,
        &case.applicant_id,
        &notice,
        state.clock.now(),
    )
    .await?;
    let mut event = ghiseu_domain::audit::AuditEvent::new(state.clock.now(), "document.issued");
    event.subject = case.holder_person_id.clone();
    event.on_behalf_of = case.holder_ward_id.clone();
    event.detail = serde_json::json!({
        "case": case.id,
        "document": issued.number,
        "qr_kid": sealer.keys.active().kid(),
    });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(issued.number)
}
