//! What is wrong with an application, said on its own page: each problem
//! once, naming the document or answer, and linking to where it is fixed.

use ghiseu_app::cases::{Gap, GapAt};
use ghiseu_i18n::{Tr, text_arg};

/// One problem in the case page's summary.
pub(crate) struct CaseProblem {
    pub text: String,
    /// The id of the element it is about, on the same page.
    pub anchor: Option<String>,
    /// The checklist document it is about, whose row repeats it.
    pub requirement: Option<String>,
}

impl CaseProblem {
    pub fn plain(text: String) -> CaseProblem {
        CaseProblem {
            text,
            anchor: None,
            requirement: None,
        }
    }

    /// About the checklist's document `requirement` (its file field).
    pub fn document(text: String, requirement: &str) -> CaseProblem {
        CaseProblem {
            text,
            anchor: Some(format!("file-{requirement}")),
            requirement: Some(requirement.to_string()),
        }
    }

    /// The problems of `gaps`; a document's is worded once the page knows
    /// the document's name (`name_documents`).
    pub fn of_gaps(t: Tr<'_>, gaps: &[Gap]) -> Vec<CaseProblem> {
        gaps.iter()
            .map(|gap| match &gap.at {
                GapAt::Document(requirement) => CaseProblem::document(String::new(), requirement),
                GapAt::Field(field) => CaseProblem {
                    text: t.m(&gap.key),
                    anchor: Some(anchor_of_field(field)),
                    requirement: None,
                },
                GapAt::Invitation => CaseProblem {
                    text: t.m(&gap.key),
                    anchor: Some("invitation".into()),
                    requirement: None,
                },
                GapAt::Case => CaseProblem::plain(t.m(&gap.key)),
            })
            .collect()
    }
}

/// Words the problems about documents with the names the checklist shows.
pub(crate) fn name_documents(t: Tr<'_>, problems: &mut [CaseProblem], names: &[(&str, &str)]) {
    for problem in problems.iter_mut().filter(|p| p.text.is_empty()) {
        let Some(requirement) = problem.requirement.as_deref() else {
            continue;
        };
        let name = names
            .iter()
            .find(|(id, _)| *id == requirement)
            .map_or(requirement, |(_, name)| name);
        problem.text = t.with(
            "case-problem-document-named",
            &[("document", text_arg(name))],
        );
    }
}

/// The element id of an answer's field on the case page.
fn anchor_of_field(field: &str) -> String {
    match field.strip_prefix("question:") {
        Some(question) => format!("q-{question}"),
        None => field.to_string(),
    }
}
