//! Cases: an application for a service and everything that happens to it
//! until the document is handed over.

pub mod application;
mod note;
mod reference;
mod state;

pub use note::CaseNote;
pub use reference::CaseReference;
pub(crate) use state::allowed_now;
pub use state::{Actor, CaseAction, CaseState, TransitionRefused, allowed_actions, transition};
