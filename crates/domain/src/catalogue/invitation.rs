//! An invitation for a foreigner as catalogue data: who may invite, with the
//! copies each kind of inviter attaches; the purposes of a visit; the
//! longest stay; how long the invitee's passport must outlast the stay; and
//! the reasons an officer may refuse for.

use super::build::{Report, identifier};
use super::def::{DocumentDef, ReasonDef};
use super::model::{Reason, RequiredDocument};
use super::registry::reasons;
use super::text::LocalText;
use serde::Deserialize;
use serde_spanned::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitationDef {
    pub max_stay_days: Spanned<i64>,
    /// Days the invitee's travel document must stay valid after the stay ends.
    pub passport_valid_after_stay_days: Spanned<i64>,
    #[serde(rename = "inviter")]
    pub inviters: Vec<Spanned<InviterDef>>,
    #[serde(rename = "purpose")]
    pub purposes: Vec<Spanned<ReasonDef>>,
    #[serde(rename = "refusal")]
    pub refusals: Vec<Spanned<ReasonDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviterDef {
    pub id: String,
    pub name: LocalText,
    /// Whether this inviter is a legal entity, represented by its recorded
    /// representative.
    #[serde(default)]
    pub organisation: bool,
    #[serde(default, rename = "document")]
    pub documents: Vec<DocumentDef>,
}

/// The rules of a service that approves invitations.
#[derive(Debug, Clone)]
pub struct InvitationRules {
    pub max_stay_days: u32,
    pub passport_valid_after_stay_days: u32,
    pub inviters: Vec<Inviter>,
    pub purposes: Vec<Reason>,
    pub refusals: Vec<Reason>,
}

/// A kind of inviter and the copies it attaches besides the service's own.
#[derive(Debug, Clone)]
pub struct Inviter {
    pub id: String,
    pub name: LocalText,
    pub organisation: bool,
    pub documents: Vec<RequiredDocument>,
}

impl InvitationRules {
    pub fn inviter(&self, id: &str) -> Option<&Inviter> {
        self.inviters.iter().find(|i| i.id == id)
    }

    pub fn purpose(&self, id: &str) -> Option<&Reason> {
        self.purposes.iter().find(|p| p.id == id)
    }
}

/// Validates a service's `[service.invitation]`; `organisations` says
/// whether the service lets representatives apply for legal entities.
pub(super) fn rules(
    report: &mut Report<'_>,
    spanned: &Spanned<InvitationDef>,
    service_id: &str,
    organisations: bool,
) -> Option<InvitationRules> {
    let (def, span) = (spanned.get_ref(), spanned.span());
    let what = format!("service {service_id}, invitation");
    let max_stay_days = report.number(
        def.max_stay_days.span(),
        "max_stay_days",
        *def.max_stay_days.get_ref(),
        1..=366,
    );
    let passport_valid_after_stay_days = report.number(
        def.passport_valid_after_stay_days.span(),
        "passport_valid_after_stay_days",
        *def.passport_valid_after_stay_days.get_ref(),
        0..=366,
    );
    let inviters = inviters(report, &def.inviters, &what, organisations);
    let purposes = reasons(report, &def.purposes, &format!("{what}: purpose"));
    let refusals = reasons(report, &def.refusals, &format!("{what}: refusal reason"));
    for (list, name) in [
        (inviters.is_empty(), "inviter"),
        (purposes.is_empty(), "purpose"),
        (refusals.is_empty(), "refusal"),
    ] {
        if list {
            report.at(
                span.clone(),
                format!("{what}: list at least one [[service.invitation.{name}]]"),
            );
        }
    }
    Some(InvitationRules {
        max_stay_days: max_stay_days?,
        passport_valid_after_stay_days: passport_valid_after_stay_days?,
        inviters,
        purposes,
        refusals,
    })
}

fn inviters(
    report: &mut Report<'_>,
    defs: &[Spanned<InviterDef>],
    what: &str,
    organisations: bool,
) -> Vec<Inviter> {
    let mut out: Vec<Inviter> = Vec::new();
    for spanned in defs {
        let (def, span) = (spanned.get_ref(), spanned.span());
        identifier(report, span.clone(), "inviter id", &def.id);
        if out.iter().any(|i| i.id == def.id) {
            report.at(
                span.clone(),
                format!("{what}: inviter \"{}\" is defined twice", def.id),
            );
        }
        report.text(
            span.clone(),
            &format!("{what}, inviter {}", def.id),
            &def.name,
        );
        if def.organisation && !organisations {
            report.at(
                span.clone(),
                format!("{what}, inviter {}: a legal entity invites through its representative: set `organisations = true` on the service", def.id),
            );
        }
        let mut documents = Vec::new();
        for doc in &def.documents {
            identifier(report, span.clone(), "document id", &doc.id);
            report.text(
                span.clone(),
                &format!("{what}, inviter {}, document {}", def.id, doc.id),
                &doc.name,
            );
            documents.push(RequiredDocument {
                id: doc.id.clone(),
                name: doc.name.clone(),
                when: doc.when.clone(),
                original: doc.original,
                copy: doc.copy,
                fee_receipt: doc.fee_receipt,
            });
        }
        out.push(Inviter {
            id: def.id.clone(),
            name: def.name.clone(),
            organisation: def.organisation,
            documents,
        });
    }
    out
}
