//! The certificate's printed content, in the authority's language: what the
//! PDF shows and what its QR code seals (never the personal id in clear).

use super::register::RecordEntry;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::case::application::Answers;
use ghiseu_domain::catalogue::{Authority, Lang, Service};
use ghiseu_i18n::text_arg;
use ghiseu_pdf::{Certificate, Entries, Labelled, Outcome, QrMatrix};
use ghiseu_seal::SealPayload;
use ghiseu_storage::cases::CaseRecord;
use ghiseu_storage::issued_documents::IssuedDocument;

/// What the certificate states, with the QR text that seals it.
pub(super) struct Printed {
    pub certificate: Certificate,
    pub qr_text: String,
}

pub(super) struct Facts<'a> {
    pub case: &'a CaseRecord,
    pub authority: &'a Authority,
    pub service: &'a Service,
    pub issued: &'a IssuedDocument,
    pub holder: &'a super::Holding,
    pub entries: &'a [RecordEntry],
}

fn date(text: &str, what: &str) -> Result<jiff::civil::Date, AppError> {
    text.parse()
        .map_err(|e| AppError::Internal(format!("the {what} {text} is no date: {e}")))
}

/// The certificate of `facts`, sealed with this process's key.
pub(super) fn printed(
    state: &App,
    sealer: &super::Sealer,
    facts: &Facts<'_>,
) -> Result<Printed, AppError> {
    let lang = Lang::Ro;
    let t = |key: &str| state.i18n.text(lang, key);
    let labelled = |key: &str, value: String| Labelled {
        label: t(key),
        value,
    };
    let issued = facts.issued;
    let birth = match facts.holder {
        super::Holding::Person(_) => facts.case.holder_birth_date.as_deref(),
        super::Holding::Organisation { .. } => None,
    };
    let expires = issued.expires_on.as_deref().unwrap_or(&issued.issued_on);
    let payload = SealPayload {
        number: issued.number.clone(),
        document_type: issued.document_type.clone().unwrap_or_default(),
        holder_name: issued.holder_name.clone(),
        birth_date: birth.map(|b| date(b, "birth date")).transpose()?,
        issued_on: date(&issued.issued_on, "issue date")?,
        expires_on: date(expires, "expiry")?,
    };
    let qr_text = ghiseu_seal::seal(&payload, sealer.keys.active())
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let (width, dark) =
        ghiseu_seal::qr_modules(&qr_text).map_err(|e| AppError::Internal(e.to_string()))?;
    let answers: Answers = serde_json::from_str(&facts.case.answers).unwrap_or_default();
    let purpose = facts
        .service
        .questions
        .iter()
        .find(|q| q.id == "purpose")
        .and_then(|q| {
            let chosen = answers.questions.get(&q.id)?;
            q.options.iter().find(|o| &o.id == chosen)
        })
        .map(|o| o.label.get(lang).to_string())
        .unwrap_or_default();
    let entries = if facts.entries.is_empty() {
        Entries::None(t("certificate-no-entries"))
    } else {
        Entries::Some(facts.entries.iter().map(|e| e.0.clone()).collect())
    };
    let check_url = format!("{}/{}/documents/check", state.public_url, lang.code());
    let certificate = Certificate {
        language: lang.code().to_string(),
        title: t("certificate-title"),
        authority: facts.authority.name.get(lang).to_string(),
        registration_number: labelled("certificate-number", issued.number.clone()),
        holder_name: labelled("certificate-holder", issued.holder_name.clone()),
        personal_id: match facts.holder {
            super::Holding::Person(id) => labelled("certificate-personal-id", id.masked()),
            super::Holding::Organisation { cui, .. } => {
                labelled("certificate-registration-code", cui.to_string())
            }
        },
        birth: match facts.holder {
            super::Holding::Person(_) => {
                labelled("certificate-birth", birth.unwrap_or_default().to_string())
            }
            super::Holding::Organisation { representative, .. } => {
                labelled("certificate-representative", representative.clone())
            }
        },
        purpose: labelled("certificate-purpose", purpose),
        issued_on: labelled("certificate-issued-on", issued.issued_on.clone()),
        valid_until: labelled("certificate-valid-until", expires.to_string()),
        result: Outcome {
            heading: t("certificate-result"),
            entries,
        },
        verification: state.i18n.text_with(
            lang,
            "certificate-verify",
            &[("url", text_arg(check_url))],
        ),
        qr: QrMatrix { width, dark },
    };
    Ok(Printed {
        certificate,
        qr_text,
    })
}
