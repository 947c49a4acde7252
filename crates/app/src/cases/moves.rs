//! Every move of a case goes through here: the domain's state machine names
//! the state the action leads to, storage writes the move and its history
//! line if the case is still where and at the version the caller read.

use crate::error::AppError;
use crate::office::Staff;
use ghiseu_domain::case::{Actor, CaseAction, CaseState, TransitionRefused, transition};
use ghiseu_storage::Connection;
use ghiseu_storage::cases::{self, CaseRecord, Move};

/// The state of a case as read from its row; a value the domain does not
/// know is an error (logged with the case's id), never a silent default.
pub fn state_of(case: &CaseRecord) -> Result<CaseState, AppError> {
    CaseState::parse(&case.state).ok_or_else(|| {
        tracing::error!(case = %case.id, state = %case.state, "a case row holds an unknown state");
        AppError::Internal(format!(
            "case {} holds the unknown state {:?}",
            case.id, case.state
        ))
    })
}

/// A case where a move starts: its id, its state and the version the mover
/// read.
#[derive(Debug, Clone, Copy)]
pub struct CaseAt<'a> {
    pub id: &'a str,
    pub state: CaseState,
    pub version: i64,
}

impl<'a> CaseAt<'a> {
    /// The case as read, at the version in its row.
    pub fn of(case: &'a CaseRecord) -> Result<CaseAt<'a>, AppError> {
        Ok(CaseAt {
            id: &case.id,
            state: state_of(case)?,
            version: case.version,
        })
    }

    /// The case as read, at the version the person saw (from their form).
    pub fn seen(case: &'a CaseRecord, version: i64) -> Result<CaseAt<'a>, AppError> {
        Ok(CaseAt {
            version,
            ..CaseAt::of(case)?
        })
    }
}

/// Who makes a move: the role the state machine checks, and who is written
/// in the history.
#[derive(Debug, Clone, Copy)]
pub struct Mover<'a> {
    pub actor: Actor,
    pub person_id: Option<&'a str>,
    /// The role written in the history line (`applicant`, `system`, or the
    /// member of staff's role).
    pub role: &'a str,
}

impl<'a> Mover<'a> {
    pub const SYSTEM: Mover<'static> = Mover {
        actor: Actor::System,
        person_id: None,
        role: "system",
    };

    pub fn applicant(person_id: &'a str) -> Mover<'a> {
        Mover {
            actor: Actor::Applicant,
            person_id: Some(person_id),
            role: "applicant",
        }
    }

    /// A member of staff acting as an operator.
    pub fn staff(staff: &'a Staff) -> Mover<'a> {
        Mover {
            actor: Actor::Operator,
            person_id: Some(&staff.current.person.id),
            role: staff.role.code(),
        }
    }
}

/// Why a move was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The state machine does not allow it from the case's state.
    Transition(TransitionRefused),
    /// The case changed since it was read.
    Stale,
}

/// Where a move left the case.
#[derive(Debug, Clone, Copy)]
pub struct Moved<'a> {
    pub from: CaseState,
    pub to: CaseState,
    pub version: i64,
    id: &'a str,
}

impl<'a> Moved<'a> {
    /// The case after the move, for the next one in the same transaction.
    pub fn at(&self) -> CaseAt<'a> {
        CaseAt {
            id: self.id,
            state: self.to,
            version: self.version,
        }
    }
}

/// Moves `case` by `action` in the caller's transaction: the domain names
/// the new state, storage writes it and the history line if the case is
/// still in its state at its version.
pub async fn move_case<'a>(
    conn: &mut Connection,
    case: CaseAt<'a>,
    action: CaseAction,
    by: &Mover<'_>,
    reason: Option<&str>,
    now: i64,
) -> Result<Result<Moved<'a>, Refused>, AppError> {
    let to = match transition(case.state, action, by.actor) {
        Ok(to) => to,
        Err(refused) => return Ok(Err(Refused::Transition(refused))),
    };
    let written = cases::apply_move(
        conn,
        &Move {
            case_id: case.id,
            version: case.version,
            from: case.state.code(),
            to: to.code(),
            action: action.code(),
            actor_id: by.person_id,
            actor_role: by.role,
            reason,
            now,
        },
    )
    .await?;
    Ok(match written {
        Ok(version) => Ok(Moved {
            from: case.state,
            to,
            version,
            id: case.id,
        }),
        Err(cases::Stale) => Err(Refused::Stale),
    })
}

/// A move the caller knows the state machine allows (the next step of one
/// just made): a refusal is a fault, a stale version a `Stale`.
pub async fn follow<'a>(
    conn: &mut Connection,
    case: CaseAt<'a>,
    action: CaseAction,
    by: &Mover<'_>,
    now: i64,
) -> Result<Result<Moved<'a>, cases::Stale>, AppError> {
    match move_case(conn, case, action, by, None, now).await? {
        Ok(moved) => Ok(Ok(moved)),
        Err(Refused::Stale) => Ok(Err(cases::Stale)),
        Err(Refused::Transition(r)) => Err(AppError::Internal(r.to_string())),
    }
}
