//! Electronic issue: a paid case of a service delivered electronically ends
//! on the screen. Ghiseu asks the register about the holder; with nothing to
//! state, it writes the document into the registry, renders and signs its
//! PDF, and moves the case to issued, all in one transaction. With entries,
//! or without a bound personal id to ask by, the case goes to an officer.

mod certificate;
mod invitation;
pub mod register;
pub mod verify;
mod write;

use crate::cases::moves::{CaseAt, Mover, move_case};
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::case::{CaseAction, CaseState};
use ghiseu_domain::catalogue::Delivery;
use ghiseu_domain::national_id::NationalId;
use ghiseu_domain::organisation::Cui;
pub use ghiseu_seal::SealPayload;
use ghiseu_seal::{KeySet, SealKey};
use ghiseu_storage::registry::Holder;
use ghiseu_storage::{Connection, cases, issued_files};
use register::{RecordEntry, Subject};

/// The authority's signing key, for the PDF's signature and the QR's seal,
/// with the keys that still verify what was sealed before.
#[derive(Debug)]
pub struct Sealer {
    pub keys: KeySet,
    signer: ghiseu_pdf::Signer,
}

impl Sealer {
    pub fn new(key: SealKey) -> Self {
        Self::rotated(key, Vec::new())
    }

    /// Seals with `key`; the `retired` keys still verify what they sealed
    /// and stay published until their last document has expired.
    pub fn rotated(key: SealKey, retired: Vec<ghiseu_seal::RetiredKey>) -> Self {
        let signer = ghiseu_pdf::Signer {
            key: key.signing_key().clone(),
            certificate_der: key.certificate_der().to_vec(),
        };
        let keys = retired
            .into_iter()
            .fold(KeySet::new(key), |keys, old| keys.with_retired(old));
        Sealer { keys, signer }
    }
}

/// What became of a paid case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issued {
    /// Issued now: the registry's document number.
    Document(String),
    /// Sent to an officer.
    Referred,
    /// Not a paid case of an electronic service (or issued already).
    NotDue,
}

/// Issues the paid case `case_id` if its service is delivered electronically.
pub async fn issue_paid(state: &App, case_id: &str) -> Result<Issued, AppError> {
    let sealer = sealer(state)?;
    let now = state.clock.now().as_microsecond();
    let mut conn = state.db.connection().await?;
    let Some(case) = cases::get_in(&mut conn, case_id).await? else {
        return Ok(Issued::NotDue);
    };
    let Some((_, service)) = state.catalogue.service(&case.service_id) else {
        return Ok(Issued::NotDue);
    };
    if service.delivery != Delivery::Electronic || case.state != CaseState::Paid.code() {
        return Ok(Issued::NotDue);
    }
    // An invitation is always examined by an officer.
    if service.invitation.is_some() {
        drop(conn);
        let mut tx = state.db.begin_write().await?;
        move_as(&mut tx, &case, CaseAction::Refer, &Mover::SYSTEM, now).await?;
        tx.commit().await?;
        return Ok(Issued::Referred);
    }
    let holder = holding(&mut conn, &case).await?;
    drop(conn);
    let entries = match &holder {
        Some(id) => entries_of(state, id)?,
        None => None,
    };
    let (Some(holder), Some(entries)) = (holder, entries.filter(|e| e.is_empty())) else {
        let mut tx = state.db.begin_write().await?;
        move_as(&mut tx, &case, CaseAction::Refer, &Mover::SYSTEM, now).await?;
        tx.commit().await?;
        return Ok(Issued::Referred);
    };
    let issue = write::Issue {
        printing: write::Printing::Certificate {
            holder: &holder,
            entries: &entries,
        },
        action: CaseAction::Issue,
        by: &Mover::SYSTEM,
    };
    let number = write::issue_document(state, &sealer, &case, &issue, now).await?;
    state.check_cache.forget(&number);
    Ok(Issued::Document(number))
}

/// Moves `case` by `action`, at the version it was read at.
pub(super) async fn move_as(
    tx: &mut Connection,
    case: &cases::CaseRecord,
    action: CaseAction,
    by: &Mover<'_>,
    now: i64,
) -> Result<(), AppError> {
    move_case(tx, CaseAt::of(case)?, action, by, None, now)
        .await?
        .map(|_| ())
        .map_err(|_| AppError::Conflict {
            detail: "The application changed meanwhile; please try again.".into(),
        })
}

/// Whom a certificate is about, as the register knows them.
#[derive(Debug, Clone)]
pub(crate) enum Holding {
    /// A person, by their recorded personal id.
    Person(NationalId),
    /// An organisation a recorded representative applied for.
    Organisation { cui: Cui, representative: String },
}

impl Holding {
    fn subject(&self) -> Subject<'_> {
        match self {
            Holding::Person(id) => Subject::Person(id),
            Holding::Organisation { cui, .. } => Subject::Organisation(cui),
        }
    }
}

/// Whom the case's certificate is about: the organisation it was opened
/// for, else the holder by their recorded personal id.
async fn holding(
    tx: &mut Connection,
    case: &cases::CaseRecord,
) -> Result<Option<Holding>, AppError> {
    if let Some(organisation) = ghiseu_storage::organisations::of_case(tx, &case.id).await? {
        let representative =
            ghiseu_storage::organisations::person_name(tx, &case.applicant_id).await?;
        return Ok(Cui::parse(&organisation.registration_code).ok().map(|cui| {
            Holding::Organisation {
                cui,
                representative,
            }
        }));
    }
    let holder = Holder::of(
        case.holder_person_id.as_deref(),
        case.holder_ward_id.as_deref(),
    );
    Ok(crate::registry::issue::holder_id(tx, holder)
        .await?
        .map(Holding::Person))
}

/// Who a case's document names as asking for it: its organisation, or its
/// holder.
async fn inviter_name(tx: &mut Connection, case: &cases::CaseRecord) -> Result<String, AppError> {
    if let Some(organisation) = ghiseu_storage::organisations::of_case(tx, &case.id).await? {
        return Ok(format!(
            "{} ({})",
            organisation.name, organisation.registration_code
        ));
    }
    Ok(
        format!("{} {}", case.holder_given_name, case.holder_family_name)
            .trim()
            .to_string(),
    )
}

/// The signing key, or why electronic issue cannot run here.
fn sealer(state: &App) -> Result<std::sync::Arc<Sealer>, AppError> {
    state.sealer.clone().ok_or_else(|| {
        AppError::Unavailable("no signing key is configured for electronic issue".into())
    })
}

/// What the register holds on `holder`; `None` without a register.
fn entries_of(state: &App, holder: &Holding) -> Result<Option<Vec<RecordEntry>>, AppError> {
    state
        .register
        .as_ref()
        .map(|register| {
            register
                .entries(holder.subject())
                .map_err(|e| AppError::Unavailable(e.to_string()))
        })
        .transpose()
}

/// What the register holds on a referred case's holder, for the officer who
/// decides it; `None` when the case is not referred or nothing is asked here.
pub async fn entries_for_referred(
    state: &App,
    case: &cases::CaseRecord,
) -> Result<Option<Vec<RecordEntry>>, AppError> {
    if case.state != CaseState::Referred.code() {
        return Ok(None);
    }
    let mut conn = state.db.connection().await?;
    let Some(holder) = holding(&mut conn, case).await? else {
        return Ok(None);
    };
    entries_of(state, &holder)
}

/// What an electronic request states about whom it is for, filled in from
/// the confirmed identity and the register, never typed by the applicant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prefilled {
    Person {
        name: String,
        /// Masked: the full number is never shown back.
        personal_id: String,
        birth_date: Option<String>,
        civil: register::CivilStatus,
    },
    Organisation {
        name: String,
        registration_code: String,
        representative: String,
    },
}

/// The pre-filled details of a request for a document issued electronically;
/// `None` for other services, or while the holder's identity is unconfirmed.
pub async fn prefilled(
    state: &App,
    case: &cases::CaseRecord,
) -> Result<Option<Prefilled>, AppError> {
    let electronic = state
        .catalogue
        .service(&case.service_id)
        .is_some_and(|(_, s)| s.delivery == Delivery::Electronic);
    if !electronic {
        return Ok(None);
    }
    let mut conn = state.db.connection().await?;
    let Some(holder) = holding(&mut conn, case).await? else {
        return Ok(None);
    };
    let name = format!("{} {}", case.holder_given_name, case.holder_family_name);
    Ok(Some(match holder {
        Holding::Person(id) => {
            let civil = match &state.register {
                Some(register) => register
                    .civil_status(&id)
                    .map_err(|e| AppError::Unavailable(e.to_string()))?
                    .unwrap_or_default(),
                None => register::CivilStatus::default(),
            };
            Prefilled::Person {
                name: name.trim().to_string(),
                personal_id: id.masked(),
                birth_date: case.holder_birth_date.clone(),
                civil,
            }
        }
        Holding::Organisation {
            cui,
            representative,
        } => Prefilled::Organisation {
            name: name.trim().to_string(),
            registration_code: cui.to_string(),
            representative,
        },
    }))
}

/// The document a case was issued with electronically: its number and file.
pub async fn file_of_case(
    state: &App,
    case_id: &str,
) -> Result<Option<(String, issued_files::IssuedFile)>, AppError> {
    let Some(document) = ghiseu_storage::issued_documents::for_case(&state.db, case_id).await?
    else {
        return Ok(None);
    };
    let file = issued_files::get(&state.db, &document.id).await?;
    Ok(file.map(|f| (document.number, f)))
}

/// The authority's public keys as a JWK Set, for verifiers of the QR code;
/// none where nothing is issued electronically.
pub fn published_keys(state: &App) -> Option<serde_json::Value> {
    let sealer = state.sealer.as_ref()?;
    let today = state.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date();
    Some(sealer.keys.jwks(today))
}

/// The sealed documents that are no longer in force and not yet expired:
/// the list an offline verifier downloads to refuse revoked documents.
/// A document expired yesterday in the UTC day is still listed, so that no
/// authority's zone sees it leave the list before it has expired there.
pub async fn withdrawn(state: &App) -> Result<Vec<issued_files::Withdrawn>, AppError> {
    let today = state.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date();
    let from = today.yesterday().unwrap_or(today);
    Ok(issued_files::withdrawn(&state.db, &from.to_string()).await?)
}

/// Paid cases of an electronic service older than this are issued by the
/// sweep: one this young may still be on its way through its own request.
const LEFT_BEHIND_AFTER: jiff::SignedDuration = jiff::SignedDuration::from_secs(60);
/// Cases issued per service in one sweep.
const SWEEP_BATCH: i64 = 200;

/// Issues the paid cases of electronic services that were left paid (the
/// process stopped, or the register did not answer, right after payment).
/// Safe with several processes: each case moves once, under its version.
pub async fn issue_left_behind(state: &App) -> Result<usize, AppError> {
    if state.sealer.is_none() {
        return Ok(0);
    }
    let before = state
        .clock
        .now()
        .checked_sub(LEFT_BEHIND_AFTER)
        .map_err(|e| AppError::Internal(e.to_string()))?
        .as_microsecond();
    let mut done = 0;
    for (_, service) in state
        .catalogue
        .services()
        .filter(|(_, s)| s.delivery == Delivery::Electronic)
    {
        for id in cases::paid_waiting(&state.db, &service.id, before, SWEEP_BATCH).await? {
            match issue_paid(state, &id).await {
                Ok(Issued::Document(_) | Issued::Referred) => done += 1,
                Ok(Issued::NotDue) | Err(AppError::Conflict { .. }) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(done)
}

/// The officer issues a referred case's document, stating what the register
/// holds, at the case's `version` as the officer saw it. `Ok(None)` when the
/// case is not (or no longer) referred at that version.
pub async fn issue_referred(
    state: &App,
    by: &Mover<'_>,
    case_id: &str,
    version: i64,
) -> Result<Option<String>, AppError> {
    let sealer = sealer(state)?;
    let now = state.clock.now().as_microsecond();
    let mut conn = state.db.connection().await?;
    let Some(case) = cases::get_in(&mut conn, case_id).await? else {
        return Ok(None);
    };
    if case.state != CaseState::Referred.code() || case.version != version {
        return Ok(None);
    }
    let invited = match crate::invitations::rules_of(state, &case) {
        Some(_) => ghiseu_storage::invitations::of_case(&mut conn, &case.id).await?,
        None => None,
    };
    let holder = match invited {
        Some(_) => None,
        None => match holding(&mut conn, &case).await? {
            Some(h) => Some(h),
            None => return Ok(None),
        },
    };
    let inviter_name = inviter_name(&mut conn, &case).await?;
    drop(conn);
    let entries = match &holder {
        Some(holder) => entries_of(state, holder)?
            .ok_or_else(|| AppError::Unavailable("no criminal record register".into()))?,
        None => Vec::new(),
    };
    let printing = match (&invited, &holder) {
        (Some(invitation), _) => write::Printing::Invitation {
            invitation,
            inviter_name,
        },
        (None, Some(holder)) => write::Printing::Certificate {
            holder,
            entries: &entries,
        },
        (None, None) => return Ok(None),
    };
    let issue = write::Issue {
        printing,
        action: CaseAction::IssueAfterReview,
        by,
    };
    match write::issue_document(state, &sealer, &case, &issue, now).await {
        Ok(number) => {
            state.check_cache.forget(&number);
            Ok(Some(number))
        }
        Err(AppError::Conflict { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}
