//! Offices: where people are received, and which part of the country each
//! one serves. A case goes to the office that covers the holder's domicile.

use super::build::{Report, identifier};
use super::def::OfficeDef;
use super::text::LocalText;
use super::window::{Window, WindowKind, windows};
use crate::geo;
use crate::national_id::Country;
use jiff::tz::TimeZone;
use serde_spanned::Spanned;
use std::collections::HashSet;

#[derive(Debug, Clone)]
pub struct Office {
    pub id: String,
    pub authority_id: String,
    pub name: LocalText,
    pub address: LocalText,
    pub time_zone: TimeZone,
    pub time_zone_name: String,
    pub coverage: Coverage,
    /// At most one window of each kind.
    pub windows: Vec<Window>,
    /// How the public reaches the office besides coming to it.
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The part of the country an office serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// Every domicile in the country (a central office).
    Country,
    /// Domiciles in these ISO 3166-2 divisions.
    Regions(Vec<String>),
}

impl Office {
    pub fn window(&self, kind: WindowKind) -> Option<&Window> {
        self.windows.iter().find(|w| w.kind == kind)
    }

    pub fn covers(&self, region: &str) -> bool {
        match &self.coverage {
            Coverage::Country => true,
            Coverage::Regions(codes) => codes.iter().any(|c| c == region),
        }
    }
}

/// The office that serves a domicile in `region`: one that names the region,
/// else one that serves the whole country.
pub fn office_for<'a>(offices: &'a [Office], region: &str) -> Option<&'a Office> {
    offices
        .iter()
        .find(|o| matches!(&o.coverage, Coverage::Regions(_)) && o.covers(region))
        .or_else(|| offices.iter().find(|o| o.coverage == Coverage::Country))
}

pub(super) fn offices(
    report: &mut Report<'_>,
    defs: &[Spanned<OfficeDef>],
    authority_id: &str,
    country: Option<Country>,
    authority_zone: Option<&(TimeZone, String)>,
) -> Vec<Office> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    let mut covered: HashSet<String> = HashSet::new();
    for spanned in defs {
        let def = spanned.get_ref();
        let id = def.id.get_ref();
        identifier(report, def.id.span(), "office id", id);
        if !ids.insert(id.clone()) {
            report.at(def.id.span(), format!("office \"{id}\" is defined twice"));
        }
        report.text(
            def.name.span(),
            &format!("office {id}: name"),
            def.name.get_ref(),
        );
        report.text(
            def.address.span(),
            &format!("office {id}: address"),
            def.address.get_ref(),
        );
        let zone = match &def.time_zone {
            Some(name) => match TimeZone::get(name.get_ref()) {
                Ok(zone) => Some((zone, name.get_ref().clone())),
                Err(_) => {
                    report.at(
                        name.span(),
                        format!(
                            "unknown time zone \"{}\": use an IANA name such as Europe/Bucharest",
                            name.get_ref()
                        ),
                    );
                    None
                }
            },
            None => authority_zone.cloned(),
        };
        let coverage = coverage(report, &def.covers, id, country, &mut covered);
        let windows = windows(report, &def.windows, id);
        if let (Some((time_zone, time_zone_name)), Some(coverage)) = (zone, coverage) {
            out.push(Office {
                id: id.clone(),
                authority_id: authority_id.to_string(),
                name: def.name.get_ref().clone(),
                address: def.address.get_ref().clone(),
                time_zone,
                time_zone_name,
                coverage,
                windows,
                phone: contact(report, def.phone.as_ref(), id, "phone", is_phone),
                email: contact(report, def.email.as_ref(), id, "email", is_email),
            });
        }
    }
    out
}

/// A telephone number as printed: digits, spaces and `+ ( ) - .`, with
/// 6 to 15 digits.
fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-' | '.'))
}

/// An address with one `@`, something before it and a dot in the domain.
fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

fn contact(
    report: &mut Report<'_>,
    value: Option<&Spanned<String>>,
    office: &str,
    what: &str,
    valid: fn(&str) -> bool,
) -> Option<String> {
    let value = value?;
    let text = value.get_ref().trim();
    if valid(text) {
        Some(text.to_string())
    } else {
        report.at(
            value.span(),
            format!("office {office}: {what} \"{text}\" is not one people can use"),
        );
        None
    }
}

fn coverage(
    report: &mut Report<'_>,
    covers: &Spanned<Vec<String>>,
    office: &str,
    country: Option<Country>,
    covered: &mut HashSet<String>,
) -> Option<Coverage> {
    let codes = covers.get_ref();
    if codes.is_empty() {
        report.at(
            covers.span(),
            format!("office {office} covers nothing: list ISO 3166-2 codes such as \"RO-AB\", or \"*\" for the whole country"),
        );
        return None;
    }
    if codes.iter().any(|c| c == "*") {
        if codes.len() > 1 {
            report.at(
                covers.span(),
                format!(
                    "office {office}: \"*\" already covers the whole country; list nothing else"
                ),
            );
            return None;
        }
        if !covered.insert("*".into()) {
            report.at(
                covers.span(),
                format!("office {office}: another office already covers the whole country"),
            );
        }
        return Some(Coverage::Country);
    }
    let mut ok = true;
    for code in codes {
        match geo::region(code) {
            Some((c, _)) if Some(c) == country => {
                if !covered.insert(code.clone()) {
                    report.at(
                        covers.span(),
                        format!("office {office}: {code} is already covered by another office"),
                    );
                    ok = false;
                }
            }
            Some(_) => {
                report.at(
                    covers.span(),
                    format!("office {office}: {code} is in another country than the authority"),
                );
                ok = false;
            }
            None => {
                report.at(
                    covers.span(),
                    format!(
                        "office {office}: \"{code}\" is not an ISO 3166-2 division Ghiseu knows"
                    ),
                );
                ok = false;
            }
        }
    }
    ok.then(|| Coverage::Regions(codes.clone()))
}
