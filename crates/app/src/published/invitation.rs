//! An invitation service's rules as the API publishes them.

use super::{DocumentBody, Texts, document, texts};
use ghiseu_domain::catalogue::{InvitationRules, Reason};
use serde::Serialize;
use utoipa::ToSchema;

/// Who may invite (with the copies each attaches besides the service's
/// own), the purposes, the longest stay, how long the invited person's
/// travel document must outlast it, and why an officer may refuse.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationRulesBody {
    pub max_stay_days: u32,
    pub passport_valid_after_stay_days: u32,
    pub inviters: Vec<InviterBody>,
    pub purposes: Vec<ReasonBody>,
    pub refusal_reasons: Vec<ReasonBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InviterBody {
    pub id: String,
    pub name: Texts,
    /// A legal entity, inviting through its recorded representative.
    pub organisation: bool,
    pub documents: Vec<DocumentBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReasonBody {
    pub id: String,
    pub name: Texts,
}

fn reason(r: &Reason) -> ReasonBody {
    ReasonBody {
        id: r.id.clone(),
        name: texts(&r.name),
    }
}

impl InvitationRulesBody {
    pub fn new(rules: &InvitationRules) -> Self {
        InvitationRulesBody {
            max_stay_days: rules.max_stay_days,
            passport_valid_after_stay_days: rules.passport_valid_after_stay_days,
            inviters: rules
                .inviters
                .iter()
                .map(|i| InviterBody {
                    id: i.id.clone(),
                    name: texts(&i.name),
                    organisation: i.organisation,
                    documents: i.documents.iter().map(document).collect(),
                })
                .collect(),
            purposes: rules.purposes.iter().map(reason).collect(),
            refusal_reasons: rules.refusals.iter().map(reason).collect(),
        }
    }
}
