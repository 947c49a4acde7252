//! Appointments at the counter: the slots a window offers, the life of a
//! booking, booking references and tickets, the waiting room for release
//! crowds, and the calendar file sent to the holder.
//!
//! Everything here is pure: the current time is always a parameter.

mod booking;
pub mod ics;
mod reference;
mod schedule;
pub mod waiting;

pub use booking::{
    BookingAction, BookingActor, BookingMoveRefused, BookingState, RescheduleRefused,
    allowed_actions, limited_by_no_shows, may_reschedule, next_state, sources, ticket_label,
};
pub use reference::BookingReference;
pub use schedule::{Closure, Schedule, Slot, SlotRefusal};

#[cfg(test)]
mod schedule_tests;
