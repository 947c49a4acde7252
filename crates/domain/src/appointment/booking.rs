//! The life of a booking, from the hold on a slot to the counter, and the
//! limits on changing and missing appointments.

use crate::catalogue::{BookingPolicy, WindowKind};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookingState {
    /// The slot is kept for the person while they confirm.
    Held,
    Confirmed,
    /// The holder is at the office and has a ticket.
    CheckedIn,
    /// The holder's ticket was called to a counter.
    Called,
    Served,
    NoShow,
    Cancelled,
    /// The hold ran out before it was confirmed.
    Lapsed,
}

impl BookingState {
    pub const ALL: [BookingState; 8] = [
        Self::Held,
        Self::Confirmed,
        Self::CheckedIn,
        Self::Called,
        Self::Served,
        Self::NoShow,
        Self::Cancelled,
        Self::Lapsed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Held => "held",
            Self::Confirmed => "confirmed",
            Self::CheckedIn => "checked-in",
            Self::Called => "called",
            Self::Served => "served",
            Self::NoShow => "no-show",
            Self::Cancelled => "cancelled",
            Self::Lapsed => "lapsed",
        }
    }

    pub fn parse(s: &str) -> Option<BookingState> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }

    /// The booking takes a place in its cells.
    pub fn holds_capacity(self) -> bool {
        matches!(
            self,
            Self::Held | Self::Confirmed | Self::CheckedIn | Self::Called
        )
    }

    /// No action leaves this state.
    pub fn is_final(self) -> bool {
        allowed_actions(self).is_empty()
    }
}

impl fmt::Display for BookingState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookingAction {
    Confirm,
    Cancel,
    /// The hold ran out.
    Lapse,
    CheckIn,
    /// Called, or called again, to a counter.
    Call,
    Serve,
    MarkNoShow,
}

impl BookingAction {
    pub const ALL: [BookingAction; 7] = [
        Self::Confirm,
        Self::Cancel,
        Self::Lapse,
        Self::CheckIn,
        Self::Call,
        Self::Serve,
        Self::MarkNoShow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::Cancel => "cancel",
            Self::Lapse => "lapse",
            Self::CheckIn => "check-in",
            Self::Call => "call",
            Self::Serve => "serve",
            Self::MarkNoShow => "mark-no-show",
        }
    }

    pub fn parse(s: &str) -> Option<BookingAction> {
        Self::ALL.into_iter().find(|action| action.as_str() == s)
    }
}

impl fmt::Display for BookingAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn next(state: BookingState, action: BookingAction) -> Option<BookingState> {
    use BookingAction as A;
    use BookingState as S;
    Some(match (state, action) {
        (S::Held, A::Confirm) => S::Confirmed,
        (S::Held, A::Lapse) => S::Lapsed,
        (S::Held | S::Confirmed | S::CheckedIn, A::Cancel) => S::Cancelled,
        (S::Confirmed, A::CheckIn) => S::CheckedIn,
        (S::Confirmed | S::Called, A::MarkNoShow) => S::NoShow,
        (S::CheckedIn | S::Called, A::Call) => S::Called,
        (S::Called, A::Serve) => S::Served,
        _ => return None,
    })
}

/// Who moves a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookingActor {
    /// The person who booked, for themselves and their household.
    Holder,
    /// The office's staff, who run the visit.
    Office,
    /// The portal itself: holds whose time ran out lapse.
    System,
}

impl BookingAction {
    /// The state this action leads to, from whichever state it is allowed in.
    pub fn target(self) -> BookingState {
        match self {
            Self::Confirm => BookingState::Confirmed,
            Self::Cancel => BookingState::Cancelled,
            Self::Lapse => BookingState::Lapsed,
            Self::CheckIn => BookingState::CheckedIn,
            Self::Call => BookingState::Called,
            Self::Serve => BookingState::Served,
            Self::MarkNoShow => BookingState::NoShow,
        }
    }
}

/// Whether `actor` may take `action` on a booking in `state` (which the
/// state machine must allow too): the holder confirms and cancels before the
/// visit, at the counter the office decides; the office marks as missed only
/// those never called (a called person came); only the portal lets a hold lapse.
fn permits(actor: BookingActor, action: BookingAction, state: BookingState) -> bool {
    use BookingAction as A;
    use BookingState as S;
    match actor {
        BookingActor::Holder => {
            matches!(action, A::Confirm | A::Cancel) && matches!(state, S::Held | S::Confirmed)
        }
        BookingActor::System => action == A::Lapse,
        BookingActor::Office => match action {
            A::CheckIn | A::Call | A::Serve | A::Cancel => true,
            A::MarkNoShow => state == S::Confirmed,
            A::Confirm | A::Lapse => false,
        },
    }
}

/// The states from which `actor` may take `action`: what a storage move
/// checks the row against, so the rule is written once, here.
pub fn sources(action: BookingAction, actor: BookingActor) -> Vec<BookingState> {
    BookingState::ALL
        .into_iter()
        .filter(|state| next(*state, action).is_some() && permits(actor, action, *state))
        .collect()
}

/// The actions that lead somewhere from `state`.
pub fn allowed_actions(state: BookingState) -> Vec<BookingAction> {
    BookingAction::ALL
        .into_iter()
        .filter(|action| next(state, *action).is_some())
        .collect()
}

/// A move that is not allowed, with what is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingMoveRefused {
    pub current: BookingState,
    pub action: BookingAction,
    pub allowed: Vec<BookingAction>,
}

impl fmt::Display for BookingMoveRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed: Vec<&str> = self.allowed.iter().map(|a| a.as_str()).collect();
        write!(
            f,
            "a booking that is {} cannot {}; allowed now: {}",
            self.current,
            self.action,
            crate::case::allowed_now(&allowed)
        )
    }
}

impl std::error::Error for BookingMoveRefused {}

/// The state `action` leads to from `state`, or why not.
pub fn next_state(
    state: BookingState,
    action: BookingAction,
) -> Result<BookingState, BookingMoveRefused> {
    next(state, action).ok_or_else(|| BookingMoveRefused {
        current: state,
        action,
        allowed: allowed_actions(state),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RescheduleRefused {
    /// The changes a person may make themselves.
    pub limit: u8,
}

impl fmt::Display for RescheduleRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an appointment can be moved online at most {} times; an operator can move it again",
            self.limit
        )
    }
}

impl std::error::Error for RescheduleRefused {}

/// Whether a holder who has moved an appointment `done` times may move it again.
pub fn may_reschedule(done: u8, policy: &BookingPolicy) -> Result<(), RescheduleRefused> {
    if done >= policy.max_reschedules {
        Err(RescheduleRefused {
            limit: policy.max_reschedules,
        })
    } else {
        Ok(())
    }
}

/// Whether a holder's missed appointments within the policy's window limit
/// their booking.
pub fn limited_by_no_shows(no_shows_in_window: u32, policy: &BookingPolicy) -> bool {
    no_shows_in_window >= u32::from(policy.no_show_limit)
}

/// The label called out and shown on screens: a letter for the window and
/// the day's number, at least three digits.
///
/// The letters: `A` for applications intake, `R` for handover (Romanian
/// "ridicare"), `I` for information.
pub fn ticket_label(kind: WindowKind, number: u32) -> String {
    let letter = match kind {
        WindowKind::Intake => 'A',
        WindowKind::Handover => 'R',
        WindowKind::Information => 'I',
    };
    format!("{letter}-{number:03}")
}

#[cfg(test)]
mod actor_tests {
    use super::*;

    #[test]
    fn every_allowed_move_leads_to_its_actions_target() {
        for state in BookingState::ALL {
            for action in BookingAction::ALL {
                if let Ok(to) = next_state(state, action) {
                    assert_eq!(to, action.target(), "{state} --{action}-->");
                }
            }
        }
    }

    #[test]
    fn each_actor_moves_only_what_is_theirs() {
        use BookingAction as A;
        use BookingActor::{Holder, Office, System};
        use BookingState as S;
        assert_eq!(sources(A::Cancel, Holder), [S::Held, S::Confirmed]);
        assert_eq!(
            sources(A::Cancel, Office),
            [S::Held, S::Confirmed, S::CheckedIn]
        );
        assert_eq!(sources(A::Confirm, Holder), [S::Held]);
        assert_eq!(sources(A::Lapse, System), [S::Held]);
        assert!(sources(A::Lapse, Holder).is_empty());
        assert_eq!(sources(A::MarkNoShow, Office), [S::Confirmed]);
        assert_eq!(sources(A::Serve, Office), [S::Called]);
        assert_eq!(sources(A::CheckIn, Office), [S::Confirmed]);
        assert!(sources(A::CheckIn, Holder).is_empty());
        for action in BookingAction::ALL {
            for actor in [Holder, Office, System] {
                for state in sources(action, actor) {
                    assert!(next_state(state, action).is_ok(), "{state} --{action}-->");
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use BookingAction as A;
    use BookingState as S;

    #[test]
    fn a_booking_goes_from_hold_to_counter() {
        let mut state = S::Held;
        for (action, expected) in [
            (A::Confirm, S::Confirmed),
            (A::CheckIn, S::CheckedIn),
            (A::Call, S::Called),
            (A::Call, S::Called),
            (A::Serve, S::Served),
        ] {
            state = next_state(state, action).unwrap();
            assert_eq!(state, expected);
        }
        assert!(state.is_final());
        assert_eq!(next_state(S::Held, A::Lapse).unwrap(), S::Lapsed);
        assert_eq!(next_state(S::Confirmed, A::MarkNoShow).unwrap(), S::NoShow);
        assert_eq!(next_state(S::Called, A::MarkNoShow).unwrap(), S::NoShow);
        assert_eq!(next_state(S::Confirmed, A::Cancel).unwrap(), S::Cancelled);
    }

    #[test]
    fn a_refused_move_names_the_state_and_what_is_allowed() {
        let refused = next_state(S::Confirmed, A::Serve).unwrap_err();
        assert_eq!(refused.current, S::Confirmed);
        assert_eq!(refused.allowed, [A::Cancel, A::CheckIn, A::MarkNoShow]);
        assert_eq!(
            refused.to_string(),
            "a booking that is confirmed cannot serve; allowed now: cancel, check-in, mark-no-show"
        );
        let refused = next_state(S::Lapsed, A::Confirm).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "a booking that is lapsed cannot confirm; allowed now: nothing"
        );
    }

    #[test]
    fn only_live_bookings_hold_capacity() {
        for state in S::ALL {
            assert_eq!(state.holds_capacity(), !state.is_final(), "{state}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for state in S::ALL {
            assert_eq!(S::parse(state.as_str()), Some(state));
        }
        for action in A::ALL {
            assert_eq!(A::parse(action.as_str()), Some(action));
        }
        assert_eq!(S::parse("booked"), None);
        assert_eq!(A::parse("book"), None);
    }

    #[test]
    fn every_allowed_action_is_accepted_and_every_other_refused() {
        for state in S::ALL {
            let allowed = allowed_actions(state);
            for action in A::ALL {
                assert_eq!(
                    next_state(state, action).is_ok(),
                    allowed.contains(&action),
                    "{state} {action}"
                );
            }
        }
    }

    #[test]
    fn the_third_change_needs_an_operator() {
        let policy = BookingPolicy::default();
        assert_eq!(may_reschedule(0, &policy), Ok(()));
        assert_eq!(may_reschedule(1, &policy), Ok(()));
        let refused = may_reschedule(2, &policy).unwrap_err();
        assert_eq!(refused.limit, 2);
        assert!(refused.to_string().contains("at most 2 times"));
        assert!(may_reschedule(u8::MAX, &policy).is_err());
    }

    #[test]
    fn the_third_no_show_limits_booking() {
        let policy = BookingPolicy::default();
        assert!(!limited_by_no_shows(0, &policy));
        assert!(!limited_by_no_shows(2, &policy));
        assert!(limited_by_no_shows(3, &policy));
        assert!(limited_by_no_shows(u32::MAX, &policy));
    }

    #[test]
    fn tickets_carry_the_window_letter() {
        assert_eq!(ticket_label(WindowKind::Intake, 17), "A-017");
        assert_eq!(ticket_label(WindowKind::Handover, 3), "R-003");
        assert_eq!(ticket_label(WindowKind::Information, 1), "I-001");
        assert_eq!(ticket_label(WindowKind::Intake, 1234), "A-1234");
    }
}
