//! Whose documents a service issues, by the holder's citizenship, and what
//! to apply for instead: a Romanian passport is for Romanian citizens, a
//! residence permit for foreigners, a stateless person's document for the
//! stateless (citizenship `XX`).

use super::build::Report;
use serde::Deserialize;
use serde_spanned::Spanned;

pub use crate::geo::countries::STATELESS;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicantsDef {
    /// The holder must be a citizen of one of these (ISO 3166-1 alpha-2, or `XX`).
    pub citizenship: Option<Vec<String>>,
    /// The holder must not be a citizen of any of these.
    pub not_citizenship: Option<Vec<String>>,
    /// Services to suggest to someone this one is not for.
    #[serde(default)]
    pub instead: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitizenshipRule {
    /// Only citizens of these countries (or the stateless, `XX`).
    Only(Vec<String>),
    /// Anyone but citizens of these countries.
    Not(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicants {
    pub citizenship: CitizenshipRule,
    pub instead: Vec<String>,
}

impl Applicants {
    /// Whether a holder of `citizenship` may have this service's document.
    /// An unstated citizenship is not refused here: the operator sees it
    /// was not stated and checks it at the counter.
    pub fn admits(&self, citizenship: Option<&str>) -> bool {
        let Some(citizenship) = citizenship else {
            return true;
        };
        match &self.citizenship {
            CitizenshipRule::Only(codes) => codes.iter().any(|c| c == citizenship),
            CitizenshipRule::Not(codes) => !codes.iter().any(|c| c == citizenship),
        }
    }
}

/// Whom a service is for, as a person looking for it would say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    /// The authority's own citizens (citizens of the listed countries).
    Citizens,
    /// Foreigners: anyone but the listed countries' citizens.
    Foreigners,
    /// People without citizenship.
    Stateless,
    /// Companies and other legal entities, through a representative.
    Organisations,
}

impl Audience {
    pub const ALL: [Audience; 5] = [
        Audience::Everyone,
        Audience::Citizens,
        Audience::Foreigners,
        Audience::Stateless,
        Audience::Organisations,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Audience::Everyone => "everyone",
            Audience::Citizens => "citizens",
            Audience::Foreigners => "foreigners",
            Audience::Stateless => "stateless",
            Audience::Organisations => "organisations",
        }
    }

    pub fn parse(code: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.code() == code)
    }
}

impl super::model::Service {
    /// Whom the service is for, from its rules on applicants.
    pub fn audience(&self) -> Audience {
        if self.for_organisations {
            return Audience::Organisations;
        }
        match self.applicants.as_ref().map(|a| &a.citizenship) {
            None => Audience::Everyone,
            Some(CitizenshipRule::Only(codes)) if codes.iter().all(|c| c == STATELESS) => {
                Audience::Stateless
            }
            Some(CitizenshipRule::Only(_)) => Audience::Citizens,
            Some(CitizenshipRule::Not(_)) => Audience::Foreigners,
        }
    }
}

pub(super) fn applicants(
    report: &mut Report<'_>,
    def: &Spanned<ApplicantsDef>,
    service: &str,
) -> Option<Applicants> {
    let span = def.span();
    let def = def.get_ref();
    let rule = match (&def.citizenship, &def.not_citizenship) {
        (Some(only), None) => CitizenshipRule::Only(only.clone()),
        (None, Some(not)) => CitizenshipRule::Not(not.clone()),
        _ => {
            report.at(
                span,
                format!("service {service}: applicants name either `citizenship` or `not_citizenship`, one of them"),
            );
            return None;
        }
    };
    let (CitizenshipRule::Only(codes) | CitizenshipRule::Not(codes)) = &rule;
    let odd: Vec<&String> = codes
        .iter()
        .filter(|c| !crate::geo::countries::is_citizenship(c))
        .collect();
    if codes.is_empty() || !odd.is_empty() {
        report.at(
            span,
            format!("service {service}: applicants' citizenship lists ISO 3166-1 country codes in capitals (XX for the stateless); these are none: {odd:?}"),
        );
        return None;
    }
    if def.instead.iter().any(|s| s == service) {
        report.at(
            span,
            format!("service {service}: a service cannot be suggested instead of itself"),
        );
        return None;
    }
    Some(Applicants {
        citizenship: rule,
        instead: def.instead.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(citizenship: CitizenshipRule) -> Applicants {
        Applicants {
            citizenship,
            instead: Vec::new(),
        }
    }

    #[test]
    fn only_citizens_of_the_list_are_admitted() {
        let passport = rule(CitizenshipRule::Only(vec!["RO".into()]));
        assert!(passport.admits(Some("RO")));
        assert!(!passport.admits(Some("UA")));
        assert!(!passport.admits(Some(STATELESS)));
        assert!(passport.admits(None), "left to the counter");
    }

    #[test]
    fn citizens_of_the_list_are_refused_a_foreigners_document() {
        let permit = rule(CitizenshipRule::Not(vec!["MD".into()]));
        assert!(permit.admits(Some("UA")));
        assert!(permit.admits(Some(STATELESS)));
        assert!(!permit.admits(Some("MD")));
    }
}
