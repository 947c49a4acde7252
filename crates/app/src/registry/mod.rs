//! The registry as its holders use it: the documents a person and the
//! children they are guardian of hold, and reporting one lost or stolen at
//! any hour, invalid at once.

pub mod check;
pub mod import;
mod import_rows;
pub mod issue;
pub mod office;
pub mod remind;
pub mod reminder_choice;

use crate::accounts::household::is_active;
use crate::accounts::{CurrentPerson, audit_event};
use crate::error::AppError;
use crate::notices::{self, Notice};
use crate::refusal::DocumentRefusal;
use crate::state::App;
use ghiseu_domain::catalogue::{Lang, LocalText};
use ghiseu_domain::registry::{
    RegistryAction, RegistryActor, RegistryRefusal, Validity, apply_by, change, days_left, validity,
};
use ghiseu_storage::Connection;
use ghiseu_storage::issued_documents::IssuedDocument;
use ghiseu_storage::registry::{self, Registered, StandingChange};
use ghiseu_storage::{audit, households};
use jiff::civil::Date;

/// A document as its holder (or guardian) sees it on a day.
#[derive(Debug, Clone)]
pub struct HeldDocument {
    pub registered: Registered,
    pub validity: Validity,
    /// Days to the expiry (negative once expired); None without one.
    pub days_left: Option<i64>,
    /// The last day to apply for a new one in time, where the authority
    /// asks holders to apply some days before the expiry (Moldova: 30).
    pub apply_by: Option<Date>,
}

/// A document made and waiting at an office for its holder.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub case_id: String,
    pub reference: Option<String>,
    pub service_id: String,
    pub holder_name: String,
    pub office_id: Option<String>,
}

/// What the holder says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    Lost,
    Stolen,
}

/// A report of a lost or stolen document.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    pub loss: Loss,
    pub place: Option<&'a str>,
    pub circumstances: Option<&'a str>,
    pub police_report: Option<&'a str>,
}

impl Report<'_> {
    pub fn action(&self) -> RegistryAction {
        match self.loss {
            Loss::Lost => RegistryAction::ReportLost,
            Loss::Stolen => RegistryAction::ReportStolen,
        }
    }

    /// No report: an authority's decision carries only its reason.
    pub(crate) const NONE: Report<'static> = Report {
        loss: Loss::Lost,
        place: None,
        circumstances: None,
        police_report: None,
    };
}

/// Today where the document's authority is.
fn today_for(state: &App, registered: &Registered) -> Date {
    state
        .catalogue
        .authority(&registered.document.authority_id)
        .map_or_else(
            || state.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date(),
            |a| state.clock.today(a),
        )
}

fn parse_date(value: &str, what: &str) -> Result<Date, AppError> {
    value
        .parse()
        .map_err(|_| AppError::Internal(format!("a document's {what} is not a date: {value:?}")))
}

/// The document's expiry, if it has one.
fn expiry(registered: &Registered) -> Result<Option<Date>, AppError> {
    registered
        .document
        .expires_on
        .as_deref()
        .map(|d| parse_date(d, "expiry"))
        .transpose()
}

pub(crate) fn held(state: &App, registered: Registered) -> Result<HeldDocument, AppError> {
    let today = today_for(state, &registered);
    let expires_on = expiry(&registered)?;
    let since = match registered.standing_since.as_deref() {
        Some(day) => parse_date(day, "standing date")?,
        None => parse_date(&registered.document.issued_on, "issue date")?,
    };
    let notice_days = registered
        .document
        .service_id
        .as_deref()
        .and_then(|s| state.catalogue.service(s))
        .and_then(|(_, s)| s.renewal_notice_days)
        .and_then(|d| u16::try_from(d).ok());
    Ok(HeldDocument {
        validity: validity(registered.standing, since, expires_on, today),
        days_left: days_left(expires_on, today),
        apply_by: apply_by(expires_on, notice_days),
        registered,
    })
}

/// The children the person is guardian of today.
async fn wards(state: &App, current: &CurrentPerson) -> Result<Vec<String>, AppError> {
    Ok(households::of_guardian(&state.db, &current.person.id)
        .await?
        .into_iter()
        .filter(|ward| is_active(state, ward))
        .map(|ward| ward.ward_id)
        .collect())
}

/// The documents the person holds, and those of the children they are
/// guardian of (only while the guardianship holds).
pub async fn mine(state: &App, current: &CurrentPerson) -> Result<Vec<HeldDocument>, AppError> {
    let wards = wards(state, current).await?;
    let mut conn = state.db.connection().await?;
    registry::for_holders(&mut conn, &current.person.id, &wards)
        .await?
        .into_iter()
        .map(|registered| held(state, registered))
        .collect()
}

/// The documents made for the person and their children that wait at an
/// office to be collected.
pub async fn waiting(state: &App, current: &CurrentPerson) -> Result<Vec<Waiting>, AppError> {
    let wards = wards(state, current).await?;
    let ready = ghiseu_domain::case::CaseState::ReadyForPickup.code();
    Ok(
        ghiseu_storage::cases::for_person(&state.db, &current.person.id, &wards)
            .await?
            .into_iter()
            .filter(|case| case.state == ready)
            .filter(|case| {
                case.holder_person_id.as_deref() == Some(current.person.id.as_str())
                    || case
                        .holder_ward_id
                        .as_ref()
                        .is_some_and(|w| wards.contains(w))
            })
            .map(|case| Waiting {
                office_id: case.pickup_office_id.clone().or(case.office_id.clone()),
                holder_name: format!("{} {}", case.holder_given_name, case.holder_family_name),
                case_id: case.id,
                reference: case.reference,
                service_id: case.service_id,
            })
            .collect(),
    )
}

/// Reports the person's (or their child's) document `number` lost or
/// stolen: from this moment it is not valid, and nothing brings it back.
pub async fn report(
    state: &App,
    current: &CurrentPerson,
    number: &str,
    report: &Report<'_>,
) -> Result<HeldDocument, AppError> {
    let wards = wards(state, current).await?;
    let mut tx = state.db.begin_write().await?;
    let found = registry::by_number(&mut tx, number.trim())
        .await?
        .filter(|r| {
            r.document.holder_person_id.as_deref() == Some(current.person.id.as_str())
                || r.document
                    .holder_ward_id
                    .as_ref()
                    .is_some_and(|w| wards.contains(w))
        });
    let Some(registered) = found else {
        return Err(DocumentRefusal::NotFound.into());
    };
    let by = ChangeBy {
        actor: RegistryActor::Holder,
        person_id: &current.person.id,
        role: current.person.role.code(),
    };
    let changed = reported(state, &mut tx, &registered, &by, report).await?;
    let mut event = audit_event(
        state,
        action_audit(report.action()),
        Some(&current.person.id),
        None,
    );
    event.on_behalf_of = registered.document.holder_ward_id.clone();
    event.detail = serde_json::json!({ "document": registered.document.number });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    state.check_cache.forget(&registered.document.number);
    held(state, changed)
}

/// Records a loss or theft, whoever reports it: the document is invalid at
/// once and the holder and guardians are told, all in `tx`.
pub(crate) async fn reported(
    state: &App,
    tx: &mut Connection,
    registered: &Registered,
    by: &ChangeBy<'_>,
    report: &Report<'_>,
) -> Result<Registered, AppError> {
    let (changed, on) = apply(state, tx, registered, report.action(), by, None, report).await?;
    tell_holders(state, tx, registered, report.loss, on).await?;
    Ok(changed)
}

/// Who changes a document's standing, as the history records them.
pub(crate) struct ChangeBy<'a> {
    pub actor: RegistryActor,
    pub person_id: &'a str,
    pub role: &'a str,
}

/// Asks the domain whether `action` may change the document today and, if
/// so, writes the change and its history in `tx`, guarded by the standing
/// it was decided on. Answers the document as it now stands, and the day.
pub(crate) async fn apply(
    state: &App,
    tx: &mut Connection,
    registered: &Registered,
    action: RegistryAction,
    by: &ChangeBy<'_>,
    reason: Option<&str>,
    report: &Report<'_>,
) -> Result<(Registered, Date), AppError> {
    let today = today_for(state, registered);
    let expires_on = expiry(registered)?;
    let to = change(registered.standing, action, by.actor, expires_on, today)
        .map_err(|refused| refusal(refused, registered))?;
    let on = today.to_string();
    let written = registry::change_standing(
        tx,
        &StandingChange {
            document_id: &registered.document.id,
            action,
            from: registered.standing,
            to,
            on: &on,
            actor_id: Some(by.person_id),
            actor_role: by.role,
            reason,
            place: report.place,
            circumstances: report.circumstances,
            police_report: report.police_report,
            at: state.clock.now().as_microsecond(),
        },
    )
    .await?;
    if !written {
        return Err(AppError::Conflict {
            detail: "The document changed meanwhile; read it again.".into(),
        });
    }
    let changed = Registered {
        standing: to,
        standing_since: Some(on),
        ..registered.clone()
    };
    Ok((changed, today))
}

/// The document's name for its holder: its type in the authority's
/// registry, else the service that issued it.
pub fn document_name(state: &App, document: &IssuedDocument) -> LocalText {
    let authority = state.catalogue.authority(&document.authority_id);
    document
        .document_type
        .as_deref()
        .and_then(|t| authority.and_then(|a| a.registry.document_type(t)))
        .map(|t| t.name.clone())
        .or_else(|| {
            document
                .service_id
                .as_deref()
                .and_then(|s| state.catalogue.service(s))
                .map(|(_, s)| s.name.clone())
        })
        .unwrap_or_else(|| LocalText::new([(Lang::En, document.number.clone())]))
}

/// The holder, or every guardian of a child holder (while the
/// guardianship holds): the people told of what happens to a document.
pub(crate) async fn people_to_tell(
    state: &App,
    tx: &mut Connection,
    registered: &Registered,
) -> Result<Vec<String>, AppError> {
    let document = &registered.document;
    let mut people: Vec<String> = document.holder_person_id.iter().cloned().collect();
    if let Some(ward) = &document.holder_ward_id {
        people.extend(
            households::guardians_of(tx, ward)
                .await?
                .into_iter()
                .filter(|g| is_active(state, g))
                .map(|g| g.guardian_id),
        );
    }
    Ok(people)
}

/// Tells the holder, or every guardian of a child holder, that the document
/// is no longer valid, in the reporting transaction (through the outbox).
pub(crate) async fn tell_holders(
    state: &App,
    tx: &mut Connection,
    registered: &Registered,
    loss: Loss,
    on: Date,
) -> Result<(), AppError> {
    let document = &registered.document;
    let name = document_name(state, document);
    let notice = Notice::DocumentReported {
        document: &name,
        number: &document.number,
        holder: &document.holder_name,
        stolen: loss == Loss::Stolen,
        on,
    };
    for person in people_to_tell(state, tx, registered).await? {
        notices::tell(tx, state, &person, &notice, state.clock.now()).await?;
    }
    Ok(())
}

pub(crate) fn action_audit(action: RegistryAction) -> &'static str {
    match action {
        RegistryAction::ReportStolen => "document.reported-stolen",
        _ => "document.reported-lost",
    }
}

fn refusal(refused: RegistryRefusal, registered: &Registered) -> AppError {
    match refused {
        RegistryRefusal::NoLongerInForce(standing) => DocumentRefusal::NotInForce {
            standing,
            since: registered
                .standing_since
                .clone()
                .unwrap_or_else(|| registered.document.issued_on.clone()),
        }
        .into(),
        RegistryRefusal::Expired(on) => DocumentRefusal::Expired { on }.into(),
        RegistryRefusal::NotAllowed => {
            AppError::Internal("a registry change was not allowed to its actor".into())
        }
    }
}
