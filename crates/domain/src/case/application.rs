//! An application as the applicant fills it in, checked against the
//! catalogue: the holder's category comes from their birth date and the
//! filing date, never from a choice; the questions and the checklist come
//! from the service.

use crate::age::completed_years;
use crate::catalogue::{Category, RequiredDocument, Service};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// What the applicant chose or answered so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Answers {
    /// An urgency id of the service; the default urgency when absent.
    pub urgency: Option<String>,
    /// A fee reduction the applicant claims (checked by an operator).
    pub reduction: Option<String>,
    /// The service's own questions: question id → option id.
    pub questions: BTreeMap<String, String>,
    /// The holder lives abroad (passport with domicile abroad).
    pub domicile_abroad: bool,
    /// The office the applicant names, for services routed that way.
    pub office: Option<String>,
}

/// One problem, tied to the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationProblem {
    /// `urgency`, `reduction`, `question:<id>`, `holder`.
    pub field: String,
    /// `unknown-urgency`, `unknown-reduction`, `reduction-not-applicable`,
    /// `unknown-question`, `unknown-option`, `answer-required`,
    /// `no-category`, `birth-date-required`.
    pub code: &'static str,
}

fn problem(field: impl Into<String>, code: &'static str) -> ApplicationProblem {
    ApplicationProblem {
        field: field.into(),
        code,
    }
}

/// The holder's category on the filing date.
pub fn category_for(
    service: &Service,
    birth_date: Option<Date>,
    filed_on: Date,
    domicile_abroad: bool,
) -> Result<Option<&Category>, ApplicationProblem> {
    if service.categories.is_empty() {
        return Ok(None);
    }
    let ageless = service
        .categories
        .iter()
        .all(|c| c.from_age.is_none() && c.under_age.is_none());
    let Some(birth) = birth_date else {
        // No category depends on age (an organisation has none): any age picks the same.
        return match ageless {
            true => service
                .category_for(0, domicile_abroad)
                .map(Some)
                .ok_or_else(|| problem("holder", "no-category")),
            false => Err(problem("holder", "birth-date-required")),
        };
    };
    let age = completed_years(birth, filed_on).ok_or_else(|| problem("holder", "no-category"))?;
    service
        .category_for(age, domicile_abroad)
        .map(Some)
        .ok_or_else(|| problem("holder", "no-category"))
}

/// Checks what was chosen: unknown values are always refused; with
/// `complete`, unanswered required questions are refused too (submission).
pub fn check_answers(
    service: &Service,
    answers: &Answers,
    complete: bool,
) -> Vec<ApplicationProblem> {
    let mut problems = Vec::new();
    let urgency = answers.urgency.as_deref().unwrap_or("standard");
    if service.urgency(urgency).is_none() {
        problems.push(problem("urgency", "unknown-urgency"));
    }
    if let Some(reduction) = &answers.reduction {
        match service.reductions.iter().find(|r| &r.id == reduction) {
            None => problems.push(problem("reduction", "unknown-reduction")),
            Some(r) => {
                let urgency_id = service.urgency(urgency).map_or(urgency, |u| u.id.as_str());
                if !r.applies.iter().any(|a| a.urgency == urgency_id) {
                    problems.push(problem("reduction", "reduction-not-applicable"));
                }
            }
        }
    }
    for (question, option) in &answers.questions {
        match service.questions.iter().find(|q| &q.id == question) {
            None => problems.push(problem(format!("question:{question}"), "unknown-question")),
            Some(q) if !q.options.iter().any(|o| &o.id == option) => {
                problems.push(problem(format!("question:{question}"), "unknown-option"));
            }
            Some(_) => {}
        }
    }
    if complete {
        for q in service.questions.iter().filter(|q| q.required) {
            if !answers.questions.contains_key(&q.id) {
                problems.push(problem(format!("question:{}", q.id), "answer-required"));
            }
        }
    }
    problems
}

/// The documents to bring or upload for the holder's category.
pub fn checklist(category: Option<&Category>) -> &[RequiredDocument] {
    category.map_or(&[], |c| c.documents.as_slice())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::test_support::catalogue;
    use jiff::civil::date;

    #[test]
    fn the_category_follows_the_birth_date_on_the_filing_day() {
        let catalogue = catalogue();
        let (_, passport) = catalogue.service("ro.passport.electronic").unwrap();
        let filed = date(2026, 11, 24);
        let ten = category_for(passport, Some(date(2016, 5, 1)), filed, false).unwrap();
        assert_eq!(ten.unwrap().id, "minor-under-14");
        let fourteen_today =
            category_for(passport, Some(date(2012, 11, 24)), filed, false).unwrap();
        assert_eq!(fourteen_today.unwrap().id, "minor-14-17");
        let abroad = category_for(passport, Some(date(1980, 1, 1)), filed, true).unwrap();
        assert_eq!(abroad.unwrap().id, "domicile-abroad");
        assert_eq!(
            category_for(passport, None, filed, false).unwrap_err().code,
            "birth-date-required"
        );
        assert_eq!(
            category_for(passport, Some(date(2027, 1, 1)), filed, false)
                .unwrap_err()
                .code,
            "no-category",
            "not born yet"
        );
        assert!(!checklist(ten).is_empty());
    }

    #[test]
    fn without_a_birth_date_only_a_service_whose_categories_ignore_age_has_one() {
        let catalogue = catalogue();
        let (_, certificate) = catalogue.service("ro.criminal-record.certificate").unwrap();
        let filed = date(2026, 11, 24);
        let any = category_for(certificate, None, filed, false).unwrap();
        assert_eq!(any.unwrap().id, "applicant");
        let (_, passport) = catalogue.service("ro.passport.electronic").unwrap();
        assert!(category_for(passport, None, filed, false).is_err());
    }

    #[test]
    fn answers_are_checked_against_the_service() {
        let catalogue = catalogue();
        let (_, temporary) = catalogue.service("ro.passport.temporary").unwrap();
        let required: Vec<_> = temporary.questions.iter().filter(|q| q.required).collect();
        assert!(
            !required.is_empty(),
            "the temporary passport asks for the situation"
        );
        let empty = Answers::default();
        assert!(
            check_answers(temporary, &empty, false).is_empty(),
            "a draft may be incomplete"
        );
        let missing = check_answers(temporary, &empty, true);
        assert!(missing.iter().all(|p| p.code == "answer-required"));
        assert_eq!(missing.len(), required.len());

        let mut answers = Answers::default();
        for q in &temporary.questions {
            answers
                .questions
                .insert(q.id.clone(), q.options[0].id.clone());
        }
        assert!(check_answers(temporary, &answers, true).is_empty());
        answers.questions.insert("situation".into(), "seven".into());
        answers.questions.insert("colour".into(), "blue".into());
        answers.urgency = Some("yesterday".into());
        let codes: Vec<_> = check_answers(temporary, &answers, true)
            .into_iter()
            .map(|p| p.code)
            .collect();
        assert!(
            codes.contains(&"unknown-question") && codes.contains(&"unknown-urgency"),
            "{codes:?}"
        );
    }

    #[test]
    fn a_reduction_must_exist_and_apply_to_the_urgency() {
        let catalogue = catalogue();
        let (_, service) = catalogue
            .services()
            .find(|(_, s)| !s.reductions.is_empty())
            .unwrap();
        let reduction = &service.reductions[0];
        let applies = &reduction.applies[0];
        let ok = Answers {
            urgency: Some(applies.urgency.clone()),
            reduction: Some(reduction.id.clone()),
            ..Answers::default()
        };
        assert!(
            check_answers(service, &ok, false).is_empty(),
            "{}",
            service.id
        );
        let unknown = Answers {
            reduction: Some("everything-free".into()),
            ..ok.clone()
        };
        assert_eq!(
            check_answers(service, &unknown, false)[0].code,
            "unknown-reduction"
        );
        if let Some(other) = service
            .urgencies
            .iter()
            .find(|u| !reduction.applies.iter().any(|a| a.urgency == u.id))
        {
            let wrong = Answers {
                urgency: Some(other.id.clone()),
                ..ok
            };
            assert_eq!(
                check_answers(service, &wrong, false)[0].code,
                "reduction-not-applicable"
            );
        }
    }
}
