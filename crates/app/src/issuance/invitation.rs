//! An approved invitation's printed content: the invited person, their
//! travel document, the stay and who invites, with the QR text that seals
//! the invitation's number, the invited person's name and birth date and
//! the last day of the stay.

use super::certificate::Printed;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::catalogue::{Authority, Lang, Service};
use ghiseu_domain::invitation::Invitation;
use ghiseu_domain::national_id::Country;
use ghiseu_i18n::text_arg;
use ghiseu_pdf::{Certificate, Entries, Labelled, Outcome, QrMatrix};
use ghiseu_seal::SealPayload;
use ghiseu_storage::cases::CaseRecord;
use ghiseu_storage::issued_documents::IssuedDocument;

/// The registry record of an approved invitation names the invited person,
/// is checked by their passport number, and ends with the stay.
pub(super) fn stamp(issued: &mut IssuedDocument, invitation: &Invitation) {
    issued.holder_name = format!("{} {}", invitation.given_name, invitation.family_name);
    issued.holder_id_digest = Some(invitation.passport_number.digest());
    issued.expires_on = Some(invitation.stay_until.to_string());
}

/// The language an authority's invitations are printed in: its own where
/// Ghiseu speaks it, else English.
fn print_lang(authority: &Authority) -> Lang {
    match authority.country {
        Country::Ro | Country::Md => Lang::Ro,
        Country::Lt => Lang::En,
    }
}

pub(super) struct Facts<'a> {
    pub case: &'a CaseRecord,
    pub authority: &'a Authority,
    pub service: &'a Service,
    pub issued: &'a IssuedDocument,
    pub invitation: &'a Invitation,
    /// Who invites, as the case names them.
    pub inviter_name: String,
}

/// The QR text sealing the invitation, and the QR code's modules.
fn sealed(
    sealer: &super::Sealer,
    issued: &IssuedDocument,
    invitation: &Invitation,
) -> Result<(String, QrMatrix), AppError> {
    let issued_on = issued
        .issued_on
        .parse()
        .map_err(|e| AppError::Internal(format!("issue date {}: {e}", issued.issued_on)))?;
    let payload = SealPayload {
        number: issued.number.clone(),
        document_type: issued.document_type.clone().unwrap_or_default(),
        holder_name: issued.holder_name.clone(),
        birth_date: Some(invitation.birth_date),
        issued_on,
        expires_on: invitation.stay_until,
    };
    let qr_text = ghiseu_seal::seal(&payload, sealer.keys.active())
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let (width, dark) =
        ghiseu_seal::qr_modules(&qr_text).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((qr_text, QrMatrix { width, dark }))
}

/// The stay and who invites, one line each.
fn details(state: &App, lang: Lang, facts: &Facts<'_>) -> Vec<String> {
    let t = |key: &str| state.i18n.text(lang, key);
    let invitation = facts.invitation;
    let inviter_kind = facts
        .service
        .invitation
        .as_ref()
        .and_then(|r| r.inviter(&invitation.inviter))
        .map_or_else(
            || invitation.inviter.clone(),
            |i| i.name.get(lang).to_string(),
        );
    let stay = state.i18n.text_with(
        lang,
        "invitation-print-stay-dates",
        &[
            ("from", text_arg(invitation.stay_from.to_string())),
            ("until", text_arg(invitation.stay_until.to_string())),
        ],
    );
    [
        (
            "invitation-print-citizenship",
            invitation.citizenship.clone(),
        ),
        (
            "invitation-print-passport-expires",
            invitation.passport_expires_on.to_string(),
        ),
        ("invitation-print-stay", stay),
        ("invitation-print-address", invitation.stay_address.clone()),
        (
            "invitation-print-inviter",
            format!("{} ({inviter_kind})", facts.inviter_name),
        ),
        (
            "invitation-print-request",
            facts.case.reference.clone().unwrap_or_default(),
        ),
    ]
    .into_iter()
    .map(|(key, value)| format!("{}: {value}", t(key)))
    .collect()
}

/// The invitation of `facts`, sealed with this process's key.
pub(super) fn printed(
    state: &App,
    sealer: &super::Sealer,
    facts: &Facts<'_>,
) -> Result<Printed, AppError> {
    let lang = print_lang(facts.authority);
    let t = |key: &str| state.i18n.text(lang, key);
    let labelled = |key: &str, value: String| Labelled {
        label: t(key),
        value,
    };
    let (issued, invitation) = (facts.issued, facts.invitation);
    let (qr_text, qr) = sealed(sealer, issued, invitation)?;
    let purpose = facts
        .service
        .invitation
        .as_ref()
        .and_then(|r| r.purpose(&invitation.purpose))
        .map_or_else(
            || invitation.purpose.clone(),
            |p| p.name.get(lang).to_string(),
        );
    let check_url = format!("{}/{}/documents/check", state.public_url, lang.code());
    let certificate = Certificate {
        language: lang.code().to_string(),
        title: t("invitation-print-title"),
        authority: facts.authority.name.get(lang).to_string(),
        registration_number: labelled("certificate-number", issued.number.clone()),
        holder_name: labelled("invitation-print-invitee", issued.holder_name.clone()),
        personal_id: labelled(
            "invitation-print-passport",
            invitation.passport_number.to_string(),
        ),
        birth: labelled("certificate-birth", invitation.birth_date.to_string()),
        purpose: labelled("invitation-print-purpose", purpose),
        issued_on: labelled("certificate-issued-on", issued.issued_on.clone()),
        valid_until: labelled("certificate-valid-until", invitation.stay_until.to_string()),
        result: Outcome {
            heading: t("invitation-print-details"),
            entries: Entries::Some(details(state, lang, facts)),
        },
        verification: state.i18n.text_with(
            lang,
            "invitation-print-verify",
            &[("url", text_arg(check_url))],
        ),
        qr,
    };
    Ok(Printed {
        certificate,
        qr_text,
    })
}
