//! The registry as its holders use it: the documents a person and the
//! children they are guardian of hold, and reporting one lost or stolen at
//! any hour, invalid at once.

pub mod import;
mod import_rows;
pub mod issue;
pub mod remind;
pub mod reminder_choice;

use crate::accounts::household::is_active;
use crate::accounts::{CurrentPerson, audit_event};
use crate::error::AppError;
use crate::refusal::DocumentRefusal;
use crate::state::App;
use ghiseu_domain::registry::{
    RegistryAction, RegistryActor, RegistryRefusal, Validity, change, days_left, validity,
};
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

fn held(state: &App, registered: Registered) -> Result<HeldDocument, AppError> {
    let today = today_for(state, &registered);
    let expires_on = expiry(&registered)?;
    let since = match registered.standing_since.as_deref() {
        Some(day) => parse_date(day, "standing date")?,
        None => parse_date(&registered.document.issued_on, "issue date")?,
    };
    Ok(HeldDocument {
        validity: validity(registered.standing, since, expires_on, today),
        days_left: days_left(expires_on, today),
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
    let today = today_for(state, &registered);
    let action = match report.loss {
        Loss::Lost => RegistryAction::ReportLost,
        Loss::Stolen => RegistryAction::ReportStolen,
    };
    let expires_on = expiry(&registered)?;
    let to = change(
        registered.standing,
        action,
        RegistryActor::Holder,
        expires_on,
        today,
    )
    .map_err(|refused| refusal(refused, &registered))?;
    let on = today.to_string();
    let now = state.clock.now().as_microsecond();
    let written = registry::change_standing(
        &mut tx,
        &StandingChange {
            document_id: &registered.document.id,
            action,
            from: registered.standing,
            to,
            on: &on,
            actor_id: Some(&current.person.id),
            actor_role: current.person.role.code(),
            reason: None,
            place: report.place,
            circumstances: report.circumstances,
            police_report: report.police_report,
            at: now,
        },
    )
    .await?;
    if !written {
        return Err(AppError::Conflict {
            detail: "The document changed meanwhile; read it again.".into(),
        });
    }
    let mut event = audit_event(state, action_audit(action), Some(&current.person.id), None);
    event.on_behalf_of = registered.document.holder_ward_id.clone();
    event.detail = serde_json::json!({ "document": registered.document.number });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    held(
        state,
        Registered {
            standing: to,
            standing_since: Some(on),
            ..registered
        },
    )
}

fn action_audit(action: RegistryAction) -> &'static str {
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
            AppError::Internal("a holder's report was not allowed to a holder".into())
        }
    }
}
