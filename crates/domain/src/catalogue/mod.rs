//! The service catalogue: every authority's services, fees, terms and rules,
//! read from data files and validated before anything uses them.

mod applicants;
mod booking;
mod build;
mod def;
mod invitation;
mod model;
mod office;
mod registry;
mod service_check;
mod service_fees;
mod text;
mod window;

pub use applicants::{Applicants, Audience, CitizenshipRule, STATELESS};
pub use booking::{AppointmentMode, BookingPolicy, ServiceAppointment};
pub use invitation::{InvitationRules, Inviter};
pub use model::*;
pub use office::{Coverage, Office, office_for};
pub use registry::{DocumentType, RegistryPolicy};
pub use text::{Lang, LocalText, Shown};
pub use window::{WeeklyHours, Window, WindowKind, parse_clock};

use crate::calendar::WorkingCalendar;
use std::collections::HashMap;
use std::fmt;

/// One catalogue file's name (for messages) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// The catalogue's files: holiday calendars by name and one file per authority.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub calendars: Vec<SourceFile>,
    pub authorities: Vec<SourceFile>,
}

/// What is wrong in a catalogue file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The whole validated catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    authorities: Vec<Authority>,
    index: HashMap<String, (usize, usize)>,
}

impl Catalogue {
    /// Validates every file; the catalogue is built only if all of them are right.
    pub fn load(sources: &Sources) -> Result<Catalogue, Vec<CatalogueError>> {
        let mut errors = Vec::new();
        let mut calendars: HashMap<String, WorkingCalendar> = HashMap::new();
        for file in &sources.calendars {
            if let Some(calendar) = build::calendar(file, &mut errors) {
                calendars.insert(calendar_name(&file.name), calendar);
            }
        }
        let mut authorities: Vec<Authority> = Vec::new();
        for file in &sources.authorities {
            if let Some(authority) = build::authority(file, &calendars, &mut errors) {
                authorities.push(authority);
            }
        }
        let mut index = HashMap::new();
        for (a, authority) in authorities.iter().enumerate() {
            for (s, service) in authority.services.iter().enumerate() {
                if index.insert(service.id.clone(), (a, s)).is_some() {
                    errors.push(CatalogueError {
                        file: authority.id.clone(),
                        line: 0,
                        column: 0,
                        message: format!(
                            "service id \"{}\" is used by more than one authority",
                            service.id
                        ),
                    });
                }
            }
        }
        let mut office_ids = HashMap::new();
        for office in authorities.iter().flat_map(|a| a.offices.iter()) {
            if let Some(other) = office_ids.insert(office.id.clone(), office.authority_id.clone()) {
                errors.push(CatalogueError {
                    file: office.authority_id.clone(),
                    line: 0,
                    column: 0,
                    message: format!(
                        "office id \"{}\" is also used by {other}: office ids are unique across the catalogue",
                        office.id
                    ),
                });
            }
        }
        for (authority, service) in authorities
            .iter()
            .flat_map(|a| a.services.iter().map(move |s| (a, s)))
        {
            let instead = service.applicants.iter().flat_map(|a| a.instead.iter());
            for other in instead.filter(|other| !index.contains_key(*other)) {
                errors.push(CatalogueError {
                    file: authority.id.clone(),
                    line: 0,
                    column: 0,
                    message: format!(
                        "service {}: the service {other} suggested instead is in no authority's catalogue",
                        service.id
                    ),
                });
            }
        }
        if sources.authorities.is_empty() {
            errors.push(CatalogueError {
                file: "catalogue".into(),
                line: 0,
                column: 0,
                message: "the catalogue has no authority file".into(),
            });
        }
        if errors.is_empty() {
            Ok(Catalogue { authorities, index })
        } else {
            Err(errors)
        }
    }

    pub fn authorities(&self) -> &[Authority] {
        &self.authorities
    }

    pub fn authority(&self, id: &str) -> Option<&Authority> {
        self.authorities.iter().find(|a| a.id == id)
    }

    pub fn offices(&self) -> impl Iterator<Item = &Office> {
        self.authorities.iter().flat_map(|a| a.offices.iter())
    }

    /// The office called `id` (office ids are unique across the catalogue).
    pub fn office(&self, id: &str) -> Option<&Office> {
        self.offices().find(|o| o.id == id)
    }

    pub fn services(&self) -> impl Iterator<Item = (&Authority, &Service)> {
        self.authorities
            .iter()
            .flat_map(|a| a.services.iter().map(move |s| (a, s)))
    }

    /// The service called `id` and the authority that offers it.
    pub fn service(&self, id: &str) -> Option<(&Authority, &Service)> {
        let &(a, s) = self.index.get(id)?;
        let authority = self.authorities.get(a)?;
        Some((authority, authority.services.get(s)?))
    }
}

/// `calendars/ro.toml` and `ro.toml` both name the calendar "ro".
fn calendar_name(file: &str) -> String {
    let base = file.rsplit('/').next().unwrap_or(file);
    base.strip_suffix(".toml")
        .unwrap_or(base)
        .to_ascii_lowercase()
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod booking_tests;
#[cfg(test)]
mod tests;
