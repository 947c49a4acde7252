//! The case state machine: every state a case can be in, who may move it on,
//! and where to. This is the only place that decides whether a move is allowed.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseState {
    Draft,
    Submitted,
    InReview,
    Returned,
    Resubmitted,
    Accepted,
    FeeDue,
    Paid,
    InProduction,
    ReadyForPickup,
    HandedOver,
    /// Issued on the screen, signed, with no counter (electronic delivery).
    Issued,
    /// Paid, and waiting for an officer: the register holds something the
    /// document must state, so it is not issued automatically.
    Referred,
    Rejected,
    Withdrawn,
    DraftExpired,
}

impl CaseState {
    pub const ALL: [CaseState; 16] = [
        CaseState::Draft,
        CaseState::Submitted,
        CaseState::InReview,
        CaseState::Returned,
        CaseState::Resubmitted,
        CaseState::Accepted,
        CaseState::FeeDue,
        CaseState::Paid,
        CaseState::InProduction,
        CaseState::ReadyForPickup,
        CaseState::HandedOver,
        CaseState::Issued,
        CaseState::Referred,
        CaseState::Rejected,
        CaseState::Withdrawn,
        CaseState::DraftExpired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseState::Draft => "draft",
            CaseState::Submitted => "submitted",
            CaseState::InReview => "in-review",
            CaseState::Returned => "returned",
            CaseState::Resubmitted => "resubmitted",
            CaseState::Accepted => "accepted",
            CaseState::FeeDue => "fee-due",
            CaseState::Paid => "paid",
            CaseState::InProduction => "in-production",
            CaseState::ReadyForPickup => "ready-for-pickup",
            CaseState::HandedOver => "handed-over",
            CaseState::Issued => "issued",
            CaseState::Referred => "referred",
            CaseState::Rejected => "rejected",
            CaseState::Withdrawn => "withdrawn",
            CaseState::DraftExpired => "draft-expired",
        }
    }

    pub fn parse(code: &str) -> Option<CaseState> {
        CaseState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// No move leaves this state.
    pub fn is_final(self) -> bool {
        CaseAction::ALL.into_iter().all(|a| next(self, a).is_none())
    }

    /// The applicant may change the application and its scans.
    pub fn is_editable(self) -> bool {
        matches!(self, CaseState::Draft | CaseState::Returned)
    }

    /// Accepted and not yet produced: the time an appointment at the
    /// counter is made for a service that takes one after acceptance.
    pub fn takes_appointment(self) -> bool {
        matches!(
            self,
            CaseState::Accepted | CaseState::FeeDue | CaseState::Paid | CaseState::InProduction
        )
    }

    /// Waiting for an operator to look at it.
    pub fn awaits_review(self) -> bool {
        matches!(self, CaseState::Submitted | CaseState::Resubmitted)
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What someone does to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseAction {
    Submit,
    /// The applicant takes the application back.
    Withdraw,
    /// A draft left untouched too long.
    ExpireDraft,
    /// An operator claims the case and starts checking it.
    StartReview,
    /// Sent back to the applicant with reasons.
    Return,
    Resubmit,
    Accept,
    Reject,
    /// The payment order is issued from the quote.
    RequestFee,
    ConfirmPayment,
    /// An operator lets the applicant off the fee, with a reason: the case
    /// is paid without a payment.
    WaiveFee,
    /// The payment provider gave the fee back: it is due again.
    RefundPayment,
    StartProduction,
    MarkReady,
    HandOver,
    /// Ghiseu generates, signs and issues the document of an electronic
    /// service once it is paid.
    Issue,
    /// Ghiseu sends a paid electronic case to an officer instead.
    Refer,
    /// The officer issues a referred case's document.
    IssueAfterReview,
}

impl CaseAction {
    pub const ALL: [CaseAction; 18] = [
        CaseAction::Submit,
        CaseAction::Withdraw,
        CaseAction::ExpireDraft,
        CaseAction::StartReview,
        CaseAction::Return,
        CaseAction::Resubmit,
        CaseAction::Accept,
        CaseAction::Reject,
        CaseAction::RequestFee,
        CaseAction::ConfirmPayment,
        CaseAction::WaiveFee,
        CaseAction::RefundPayment,
        CaseAction::StartProduction,
        CaseAction::MarkReady,
        CaseAction::HandOver,
        CaseAction::Issue,
        CaseAction::Refer,
        CaseAction::IssueAfterReview,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseAction::Submit => "submit",
            CaseAction::Withdraw => "withdraw",
            CaseAction::ExpireDraft => "expire-draft",
            CaseAction::StartReview => "start-review",
            CaseAction::Return => "return",
            CaseAction::Resubmit => "resubmit",
            CaseAction::Accept => "accept",
            CaseAction::Reject => "reject",
            CaseAction::RequestFee => "request-fee",
            CaseAction::ConfirmPayment => "confirm-payment",
            CaseAction::WaiveFee => "waive-fee",
            CaseAction::RefundPayment => "refund-payment",
            CaseAction::StartProduction => "start-production",
            CaseAction::MarkReady => "mark-ready",
            CaseAction::HandOver => "hand-over",
            CaseAction::Issue => "issue",
            CaseAction::Refer => "refer",
            CaseAction::IssueAfterReview => "issue-after-review",
        }
    }

    pub fn parse(code: &str) -> Option<CaseAction> {
        CaseAction::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Who may take this action.
    pub fn actor(self) -> Actor {
        match self {
            CaseAction::Submit | CaseAction::Withdraw | CaseAction::Resubmit => Actor::Applicant,
            CaseAction::ExpireDraft
            | CaseAction::RequestFee
            | CaseAction::Issue
            | CaseAction::Refer => Actor::System,
            // A payment is confirmed by the provider's callback or by an
            // operator from a proof of payment; both pass as staff/system.
            // A waiver, like an operator's confirmation, goes only through
            // its own door, which marks the payment order too.
            CaseAction::ConfirmPayment | CaseAction::WaiveFee => Actor::System,
            // Only the provider's confirmed refund brings the fee back.
            CaseAction::RefundPayment => Actor::System,
            CaseAction::StartReview
            | CaseAction::Return
            | CaseAction::Accept
            | CaseAction::Reject
            | CaseAction::StartProduction
            | CaseAction::MarkReady
            | CaseAction::HandOver
            | CaseAction::IssueAfterReview => Actor::Operator,
        }
    }
}

impl fmt::Display for CaseAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Who acts on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    /// The holder, their guardian, or their empowered representative.
    Applicant,
    Operator,
    /// Ghiseu itself, or a payment provider's confirmed callback.
    System,
}

/// The state `action` leads to from `state`, if the move exists at all.
fn next(state: CaseState, action: CaseAction) -> Option<CaseState> {
    use CaseAction as A;
    use CaseState as S;
    Some(match (state, action) {
        (S::Draft, A::Submit) => S::Submitted,
        (S::Draft, A::ExpireDraft) => S::DraftExpired,
        (S::Submitted | S::Resubmitted, A::StartReview) => S::InReview,
        // A service without review goes from submission to its fee.
        (S::Submitted | S::Accepted, A::RequestFee) => S::FeeDue,
        (S::InReview, A::Return) => S::Returned,
        (S::InReview, A::Accept) => S::Accepted,
        (S::InReview, A::Reject) => S::Rejected,
        (S::Returned, A::Resubmit) => S::Resubmitted,
        (S::FeeDue, A::ConfirmPayment | A::WaiveFee) => S::Paid,
        // A refund takes the case back only while nothing was done with the
        // fee; once production started the case stays where it is.
        (S::Paid, A::RefundPayment) => S::FeeDue,
        (S::Paid, A::StartProduction) => S::InProduction,
        (S::InProduction, A::MarkReady) => S::ReadyForPickup,
        (S::ReadyForPickup, A::HandOver) => S::HandedOver,
        // Electronic delivery: issued on the screen, or by an officer when
        // the register holds what the document must state.
        (S::Paid, A::Issue) => S::Issued,
        (S::Paid, A::Refer) => S::Referred,
        (S::Referred, A::IssueAfterReview) => S::Issued,
        (S::Referred, A::Reject) => S::Rejected,
        (
            S::Draft
            | S::Submitted
            | S::InReview
            | S::Returned
            | S::Resubmitted
            | S::Accepted
            | S::FeeDue,
            A::Withdraw,
        ) => S::Withdrawn,
        _ => return None,
    })
}

/// What a refusal of a move lists as allowed instead: the moves, or "nothing".
pub(crate) fn allowed_now(allowed: &[&str]) -> String {
    if allowed.is_empty() {
        "nothing".to_string()
    } else {
        allowed.join(", ")
    }
}

/// A move that is not allowed, with what is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionRefused {
    pub current: CaseState,
    pub action: CaseAction,
    /// The actions `actor` could take in the current state.
    pub allowed: Vec<CaseAction>,
}

impl fmt::Display for TransitionRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed: Vec<&str> = self.allowed.iter().map(|a| a.code()).collect();
        write!(
            f,
            "a case that is {} cannot {}; allowed now: {}",
            self.current,
            self.action,
            allowed_now(&allowed)
        )
    }
}

/// The actions `actor` may take on a case in `state`.
pub fn allowed_actions(state: CaseState, actor: Actor) -> Vec<CaseAction> {
    CaseAction::ALL
        .into_iter()
        .filter(|a| a.actor() == actor && next(state, *a).is_some())
        .collect()
}

/// Checks one move: the new state, or why not.
pub fn transition(
    state: CaseState,
    action: CaseAction,
    actor: Actor,
) -> Result<CaseState, TransitionRefused> {
    match next(state, action) {
        Some(to) if action.actor() == actor => Ok(to),
        _ => Err(TransitionRefused {
            current: state,
            action,
            allowed: allowed_actions(state, actor),
        }),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use CaseAction as A;
    use CaseState as S;

    #[test]
    fn the_whole_path_from_draft_to_handover() {
        let path = [
            (A::Submit, Actor::Applicant, S::Submitted),
            (A::StartReview, Actor::Operator, S::InReview),
            (A::Return, Actor::Operator, S::Returned),
            (A::Resubmit, Actor::Applicant, S::Resubmitted),
            (A::StartReview, Actor::Operator, S::InReview),
            (A::Accept, Actor::Operator, S::Accepted),
            (A::RequestFee, Actor::System, S::FeeDue),
            (A::ConfirmPayment, Actor::System, S::Paid),
            (A::StartProduction, Actor::Operator, S::InProduction),
            (A::MarkReady, Actor::Operator, S::ReadyForPickup),
            (A::HandOver, Actor::Operator, S::HandedOver),
        ];
        let mut state = S::Draft;
        for (action, actor, expected) in path {
            state = transition(state, action, actor).unwrap();
            assert_eq!(state, expected);
        }
        assert!(state.is_final());
    }

    #[test]
    fn a_fee_is_waived_only_while_it_is_due_and_never_through_the_decision_form() {
        assert_eq!(
            transition(S::FeeDue, A::WaiveFee, Actor::System).unwrap(),
            S::Paid
        );
        assert!(transition(S::Paid, A::WaiveFee, Actor::System).is_err());
        assert!(transition(S::InReview, A::WaiveFee, Actor::System).is_err());
        assert!(!allowed_actions(S::FeeDue, Actor::Operator).contains(&A::WaiveFee));
    }

    #[test]
    fn an_electronic_case_is_issued_at_once_or_after_an_officer() {
        let mut state = S::Paid;
        state = transition(state, A::Issue, Actor::System).unwrap();
        assert_eq!(state, S::Issued);
        assert!(state.is_final());
        let referred = transition(S::Paid, A::Refer, Actor::System).unwrap();
        assert_eq!(referred, S::Referred);
        assert_eq!(
            allowed_actions(referred, Actor::Operator),
            [A::Reject, A::IssueAfterReview]
        );
        assert!(allowed_actions(referred, Actor::Applicant).is_empty());
        assert_eq!(
            transition(referred, A::IssueAfterReview, Actor::Operator).unwrap(),
            S::Issued
        );
        // Nobody but Ghiseu issues without an officer, and not before payment.
        assert!(transition(S::Paid, A::Issue, Actor::Operator).is_err());
        assert!(transition(S::FeeDue, A::Issue, Actor::System).is_err());
        assert!(transition(S::Issued, A::Refer, Actor::System).is_err());
    }

    #[test]
    fn a_refused_move_names_the_state_and_what_is_allowed() {
        let refused = transition(S::Draft, A::Accept, Actor::Operator).unwrap_err();
        assert_eq!(refused.current, S::Draft);
        assert!(
            refused.allowed.is_empty(),
            "an operator cannot act on a draft"
        );
        let refused = transition(S::Returned, A::Submit, Actor::Applicant).unwrap_err();
        assert_eq!(refused.allowed, [A::Withdraw, A::Resubmit]);
        assert_eq!(
            refused.to_string(),
            "a case that is returned cannot submit; allowed now: withdraw, resubmit"
        );
        // The right move by the wrong actor is refused too.
        assert!(transition(S::InReview, A::Accept, Actor::Applicant).is_err());
        assert!(transition(S::Submitted, A::Submit, Actor::Applicant).is_err());
    }

    #[test]
    fn final_states_and_withdrawal() {
        for s in [S::HandedOver, S::Rejected, S::Withdrawn, S::DraftExpired] {
            assert!(s.is_final(), "{s}");
        }
        for s in [S::Paid, S::InProduction, S::ReadyForPickup] {
            assert!(
                transition(s, A::Withdraw, Actor::Applicant).is_err(),
                "no withdrawal once paid: {s}"
            );
        }
        assert_eq!(
            transition(S::FeeDue, A::Withdraw, Actor::Applicant).unwrap(),
            S::Withdrawn
        );
    }

    #[test]
    fn a_refund_takes_a_paid_case_back_to_its_fee_and_nothing_later() {
        assert_eq!(
            transition(S::Paid, A::RefundPayment, Actor::System).unwrap(),
            S::FeeDue
        );
        assert_eq!(
            transition(S::FeeDue, A::ConfirmPayment, Actor::System).unwrap(),
            S::Paid,
            "the fee can be paid again"
        );
        for s in [S::FeeDue, S::InProduction, S::ReadyForPickup, S::HandedOver] {
            assert!(
                transition(s, A::RefundPayment, Actor::System).is_err(),
                "a refund does not move a case that is {s}"
            );
        }
        for actor in [Actor::Applicant, Actor::Operator] {
            assert!(transition(S::Paid, A::RefundPayment, actor).is_err());
        }
    }

    #[test]
    fn codes_round_trip() {
        for s in CaseState::ALL {
            assert_eq!(CaseState::parse(s.code()), Some(s));
        }
        for a in CaseAction::ALL {
            assert_eq!(CaseAction::parse(a.code()), Some(a));
        }
        assert_eq!(CaseState::parse("lost"), None);
    }

    #[test]
    fn every_allowed_action_is_accepted_and_every_other_refused() {
        for state in CaseState::ALL {
            for actor in [Actor::Applicant, Actor::Operator, Actor::System] {
                let allowed = allowed_actions(state, actor);
                for action in CaseAction::ALL {
                    assert_eq!(
                        transition(state, action, actor).is_ok(),
                        allowed.contains(&action),
                        "{state} {action} {actor:?}"
                    );
                }
            }
        }
    }
}
