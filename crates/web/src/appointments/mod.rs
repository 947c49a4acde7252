//! Appointments at the counter, as the API and the pages offer them; the
//! rules and the booking itself are the application's (`ghiseu_app::appointments`).

pub(crate) mod api;
pub(crate) mod pages;
pub(crate) mod person;

pub use ghiseu_app::appointments::*;
