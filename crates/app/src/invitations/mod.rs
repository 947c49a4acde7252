//! Requests to approve an invitation for a foreigner: the inviter fills in
//! the invited person's details (read against the service's rules, written
//! only while the request can be edited, at the version the inviter saw),
//! an officer approves it electronically or refuses it, and the inviter
//! follows their requests and prints what was approved.

mod withdraw;

pub use withdraw::{REASON as WITHDRAWN, WithdrawRefusal, withdraw};

use crate::accounts::CurrentPerson;
use crate::cases::access::citizen_case;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::case::CaseState;
use ghiseu_domain::catalogue::{InvitationRules, RequiredDocument, Service};
use ghiseu_domain::invitation::{FieldProblem, Invitation, InvitationForm, Inviting, read};
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::invitations::{self, Filed};

/// The rules of the case's service, when it approves invitations.
pub fn rules_of<'c>(
    state: &'c App,
    case: &CaseRecord,
) -> Option<(&'c Service, &'c InvitationRules)> {
    let (_, service) = state.catalogue.service(&case.service_id)?;
    service.invitation.as_ref().map(|rules| (service, rules))
}

/// The request to approve an invitation `case_id`, if the signed-in person
/// opened it: only they write what it states or withdraw what it led to.
pub async fn request_of(
    state: &App,
    current: &CurrentPerson,
    case_id: &str,
) -> Result<Option<CaseRecord>, AppError> {
    let Some((case, _)) = citizen_case(state, current, case_id).await? else {
        return Ok(None);
    };
    let theirs = case.applicant_id == current.person.id && rules_of(state, &case).is_some();
    Ok(theirs.then_some(case))
}

/// Why an invitation's details were not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveRefusal {
    /// No such case for this person, or its service invites nobody.
    NotFound,
    /// The request was sent and can no longer be changed.
    Closed,
    /// Someone changed the request since the form was loaded.
    Stale,
    /// What is wrong, field by field.
    Problems(Vec<FieldProblem>),
}

/// Saves what the request of `case_id` states, as the signed-in person
/// typed it, if the request is theirs to change and the form holds
/// together. Only the case's own holder (or its organisation's
/// representative) writes it; nothing in the form names the case's people.
pub async fn save(
    state: &App,
    current: &CurrentPerson,
    case_id: &str,
    version: i64,
    form: &InvitationForm,
) -> Result<Result<Invitation, SaveRefusal>, AppError> {
    let Some(case) = request_of(state, current, case_id).await? else {
        return Ok(Err(SaveRefusal::NotFound));
    };
    let Some((_, rules)) = rules_of(state, &case) else {
        return Ok(Err(SaveRefusal::NotFound));
    };
    if !crate::cases::moves::state_of(&case)?.is_editable() {
        return Ok(Err(SaveRefusal::Closed));
    }
    let inviting = inviting(state, &case).await?;
    let today = today(state, &case)?;
    let invitation = match read(form, rules, inviting, today) {
        Ok(i) => i,
        Err(problems) => return Ok(Err(SaveRefusal::Problems(problems))),
    };
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let touched = cases::save_answers(
        &mut tx,
        &case.id,
        version,
        &case.answers,
        case.category_id.as_deref(),
        now,
    )
    .await?;
    if touched.is_err() {
        return Ok(Err(SaveRefusal::Stale));
    }
    invitations::save(&mut tx, &case.id, &invitation, now).await?;
    tx.commit().await?;
    Ok(Ok(invitation))
}

fn today(state: &App, case: &CaseRecord) -> Result<jiff::civil::Date, AppError> {
    let authority = state
        .catalogue
        .authority(&case.authority_id)
        .ok_or_else(|| AppError::Internal(format!("no authority {}", case.authority_id)))?;
    Ok(state.clock.today(authority))
}

/// Who invites on `case`: a person, or a legal entity through the
/// representative who opened the case.
async fn inviting(state: &App, case: &CaseRecord) -> Result<Inviting, AppError> {
    let authority = state
        .catalogue
        .authority(&case.authority_id)
        .ok_or_else(|| AppError::Internal(format!("no authority {}", case.authority_id)))?;
    let mut conn = state.db.connection().await?;
    let organisation = ghiseu_storage::organisations::of_case(&mut conn, &case.id)
        .await?
        .is_some();
    Ok(Inviting {
        organisation,
        country: authority.country,
    })
}

/// What the request of `case` states, once filled in.
pub async fn of_case(state: &App, case: &CaseRecord) -> Result<Option<Invitation>, AppError> {
    if rules_of(state, case).is_none() {
        return Ok(None);
    }
    let mut conn = state.db.connection().await?;
    Ok(invitations::of_case(&mut conn, &case.id).await?)
}

/// Whether the invitation approved for `case` is still in force (so its
/// inviter may withdraw it).
pub async fn approved_in_force(state: &App, case: &CaseRecord) -> Result<bool, AppError> {
    let mut conn = state.db.connection().await?;
    Ok(invitations::approved_for(&mut conn, &case.id)
        .await?
        .is_some_and(|(_, standing)| standing.in_force()))
}

/// The copies the inviter's kind attaches besides the service's own.
pub async fn inviter_documents(
    state: &App,
    case: &CaseRecord,
) -> Result<Vec<RequiredDocument>, AppError> {
    let Some((_, rules)) = rules_of(state, case) else {
        return Ok(Vec::new());
    };
    let Some(invitation) = of_case(state, case).await? else {
        return Ok(Vec::new());
    };
    Ok(rules
        .inviter(&invitation.inviter)
        .map(|i| i.documents.clone())
        .unwrap_or_default())
}

/// What keeps a request from being sent: its details missing, or no
/// longer holding together on the day it is sent (a stay now begun).
pub async fn unsendable(state: &App, case: &CaseRecord) -> Result<Option<String>, AppError> {
    let Some((_, rules)) = rules_of(state, case) else {
        return Ok(None);
    };
    let Some(invitation) = of_case(state, case).await? else {
        return Ok(Some("case-problem-invitation-missing".into()));
    };
    let today = today(state, case)?;
    let inviting = inviting(state, case).await?;
    Ok(read(&invitation.to_form(), rules, inviting, today)
        .err()
        .map(|_| "case-problem-invitation-outdated".into()))
}

/// Whether the stay the request of `case` is for has ended: approving it
/// then would invite nobody.
pub async fn stay_over(state: &App, case: &CaseRecord) -> Result<bool, AppError> {
    let Some(invitation) = of_case(state, case).await? else {
        return Ok(false);
    };
    Ok(invitation.stay_until < today(state, case)?)
}

/// Which of an inviter's requests a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    /// Every request filled in.
    #[default]
    Filed,
    /// Those approved, whatever became of the invitation since.
    Approved,
    /// Those sent and still waiting for a decision.
    Pending,
    /// Those refused or withdrawn.
    Closed,
}

impl Shown {
    pub const ALL: [Shown; 4] = [Shown::Filed, Shown::Pending, Shown::Approved, Shown::Closed];

    pub fn code(self) -> &'static str {
        match self {
            Shown::Filed => "filed",
            Shown::Approved => "approved",
            Shown::Pending => "pending",
            Shown::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<Shown> {
        Shown::ALL.into_iter().find(|s| s.code() == code)
    }

    fn shows(self, filed: &Filed) -> bool {
        let state = CaseState::parse(&filed.state);
        match self {
            Shown::Filed => true,
            Shown::Approved => filed.approved.is_some(),
            Shown::Pending => state.is_some_and(|s| {
                !matches!(
                    s,
                    CaseState::Draft
                        | CaseState::Issued
                        | CaseState::Rejected
                        | CaseState::Withdrawn
                        | CaseState::DraftExpired
                )
            }),
            Shown::Closed => state.is_some_and(|s| {
                matches!(
                    s,
                    CaseState::Rejected | CaseState::Withdrawn | CaseState::DraftExpired
                )
            }),
        }
    }
}

/// The signed-in person's requests, as `shown`.
pub async fn mine(
    state: &App,
    current: &CurrentPerson,
    shown: Shown,
) -> Result<Vec<Filed>, AppError> {
    Ok(invitations::filed_by(&state.db, &current.person.id)
        .await?
        .into_iter()
        .filter(|f| shown.shows(f))
        .collect())
}
