//! What happens to a case without moving it: the history records it, the
//! state stays. Whether a note fits the case's state is decided here.

use super::CaseState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseNote {
    /// An operator gave the applicant an appointment at the counter.
    AppointmentAssigned,
    /// The applicant booked an appointment for the case and confirmed it.
    AppointmentBooked,
    /// Fingerprints and photograph were captured at the counter.
    BiometricsCaptured,
    /// The payment provider gave the fee back after the case had moved on
    /// past its payment, so the case stays where it is.
    FeeRefunded,
}

impl CaseNote {
    pub fn code(self) -> &'static str {
        match self {
            CaseNote::AppointmentAssigned => "appointment-assigned",
            CaseNote::AppointmentBooked => "appointment-booked",
            CaseNote::BiometricsCaptured => "biometrics-captured",
            CaseNote::FeeRefunded => "fee-refunded",
        }
    }

    /// Whether the note may be written on a case in `state`: an appointment
    /// is given to an accepted case not yet made; biometrics are captured
    /// for any case the office has in hand; a refund is noted on a case
    /// a refund cannot take back to its fee (see `CaseAction::RefundPayment`).
    pub fn fits(self, state: CaseState) -> bool {
        match self {
            CaseNote::AppointmentAssigned | CaseNote::AppointmentBooked => {
                state.takes_appointment()
            }
            CaseNote::BiometricsCaptured => !matches!(
                state,
                CaseState::Draft
                    | CaseState::Rejected
                    | CaseState::Withdrawn
                    | CaseState::DraftExpired
            ),
            CaseNote::FeeRefunded => !matches!(
                state,
                CaseState::Draft | CaseState::DraftExpired | CaseState::Paid
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_appointment_is_given_only_between_acceptance_and_production() {
        let fits: Vec<&str> = CaseState::ALL
            .into_iter()
            .filter(|s| CaseNote::AppointmentAssigned.fits(*s))
            .map(CaseState::code)
            .collect();
        assert_eq!(fits, ["accepted", "fee-due", "paid", "in-production"]);
        assert!(CaseNote::AppointmentBooked.fits(CaseState::Paid));
        assert!(!CaseNote::AppointmentBooked.fits(CaseState::InReview));
        assert!(CaseNote::BiometricsCaptured.fits(CaseState::InReview));
        assert!(!CaseNote::BiometricsCaptured.fits(CaseState::Draft));
    }

    #[test]
    fn a_refund_is_noted_only_where_it_cannot_move_the_case() {
        use super::super::{Actor, CaseAction, transition};
        for state in CaseState::ALL {
            let moves = transition(state, CaseAction::RefundPayment, Actor::System).is_ok();
            let noted = CaseNote::FeeRefunded.fits(state);
            let never_paid = matches!(state, CaseState::Draft | CaseState::DraftExpired);
            assert_eq!(noted, !moves && !never_paid, "{state}");
        }
        assert!(CaseNote::FeeRefunded.fits(CaseState::InProduction));
        assert!(!CaseNote::FeeRefunded.fits(CaseState::Paid));
    }
}
