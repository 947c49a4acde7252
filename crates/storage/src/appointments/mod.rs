//! Appointments: the capacity of each grid cell of a window, bookings and the
//! people they are for, the counter's tickets, the waiting room and request
//! counts. Which slots exist and whether one may be booked is the domain's
//! call (`ghiseu_domain::appointment`); this module keeps the counts honest.

mod bookings;
mod closures;
mod counter;
mod lapse;
mod rows;
pub mod waiting;

pub use bookings::{
    Cancelled, ConfirmOutcome, HoldOutcome, MoveOutcome, NewHold, cancel, confirm, reschedule,
    take_place,
};
pub use closures::{ClosureRow, closure, holding_between, remove_closure, upcoming_closures};
pub use counter::{
    CallOutcome, add_closure, call_next, check_in, closures_between, finish_visit,
    record_biometrics, tickets_called,
};
pub use lapse::lapse_expired;
pub use rows::{
    Booking, BookingHolder, HolderKind, active_for_case, active_for_person, booking,
    booking_by_reference, day_of_window, holder_names, holders_of, overbooked_cells, taken_seats,
};

/// A booking's place at the counter: held (for a few minutes), confirmed,
/// arrived, called to a counter. Other states give the place back.
pub const HOLDING_STATES: &str = "('held', 'confirmed', 'checked-in', 'called')";
