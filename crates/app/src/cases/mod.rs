//! Applications: who may see which, drafts that expire, the pace and number
//! of uploads, the sweep of the document store, and the demonstration cases.

pub mod access;
pub mod demo;
pub mod draft;
pub mod expiry;
pub mod in_flight;
pub mod moves;
pub mod pace;
pub mod submission;
pub mod sweep;

use crate::error::AppError;
use crate::state::App;

/// Something an application lacks or gets wrong, and where on its page:
/// an answer's field, a document of its checklist, or the invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The message key, `case-problem-…`.
    pub key: String,
    pub at: GapAt,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GapAt {
    /// Nowhere in particular (e.g. the holder's profile).
    Case,
    /// An answer: `urgency`, `reduction`, `office`, `question:<id>`.
    Field(String),
    /// A document of the checklist, by requirement id.
    Document(String),
    /// The invitation's details.
    Invitation,
}

impl Gap {
    pub fn new(key: impl Into<String>, at: GapAt) -> Gap {
        Gap {
            key: key.into(),
            at,
        }
    }

    /// From the domain's check of the answers.
    pub fn of_answer(problem: &ghiseu_domain::case::application::ApplicationProblem) -> Gap {
        let at = match problem.field.as_str() {
            "holder" | "" => GapAt::Case,
            field => GapAt::Field(field.to_string()),
        };
        Gap::new(format!("case-problem-{}", problem.code), at)
    }
}

/// The holder's facts copied onto a new case.
pub struct CaseCopy {
    pub person_id: Option<String>,
    pub ward_id: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Option<String>,
    pub region: Option<String>,
    /// As the holder's profile states it; `None` when not stated.
    pub citizenship: Option<String>,
    /// The organisation the case is for, when a representative applies.
    pub organisation_id: Option<String>,
}

/// The holder's category on the filing date (today for a draft), from the
/// birth date and the answers; `None` when it cannot be told yet.
pub fn case_category<'a>(
    state: &App,
    authority: &ghiseu_domain::catalogue::Authority,
    service: &'a ghiseu_domain::catalogue::Service,
    case: &ghiseu_storage::cases::CaseRecord,
    answers: &ghiseu_domain::case::application::Answers,
) -> Option<&'a ghiseu_domain::catalogue::Category> {
    let birth = case
        .holder_birth_date
        .as_deref()
        .and_then(|b| b.parse().ok());
    let filed = case
        .filed_on
        .as_deref()
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| state.clock.today(authority));
    ghiseu_domain::case::application::category_for(service, birth, filed, answers.domicile_abroad)
        .ok()
        .flatten()
}

/// The requirement ids of the case's checklist (with the copies an
/// inviter's kind attaches), and which of them are needed in every case
/// (those without a "when").
pub async fn requirements(
    state: &App,
    case: &ghiseu_storage::cases::CaseRecord,
) -> Result<Vec<(String, bool)>, AppError> {
    let Some((authority, service)) = state.catalogue.service(&case.service_id) else {
        return Ok(Vec::new());
    };
    let answers: ghiseu_domain::case::application::Answers =
        serde_json::from_str(&case.answers).unwrap_or_default();
    let category = case_category(state, authority, service, case, &answers);
    let inviter = crate::invitations::inviter_documents(state, case).await?;
    Ok(ghiseu_domain::case::application::checklist(category)
        .iter()
        .chain(&inviter)
        .map(|d| {
            (
                d.id.clone(),
                d.needed_with_application(authority.payment.scheme),
            )
        })
        .collect())
}
