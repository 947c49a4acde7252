//! Validation of one `[[service]]` table.

use super::build::{Report, identifier};
use super::def::*;
use super::model::*;
use super::service_fees::{reductions, urgencies};
use crate::account::AssuranceLevel;
use crate::money::Currency;
use serde_spanned::Spanned;
use std::collections::HashSet;

const MAX_AGE: i64 = 150;

pub(super) fn service(
    report: &mut Report<'_>,
    spanned: &Spanned<ServiceDef>,
    authority_id: &str,
    currency: Currency,
) -> Option<Service> {
    let def = spanned.get_ref();
    let span = spanned.span();
    let id = def.id.get_ref();
    identifier(report, def.id.span(), "service id", id);
    report.text(
        def.name.span(),
        &format!("service {id}: name"),
        def.name.get_ref(),
    );
    report.text(
        def.summary.span(),
        &format!("service {id}: summary"),
        def.summary.get_ref(),
    );
    report.text(
        def.eligibility.span(),
        &format!("service {id}: eligibility"),
        def.eligibility.get_ref(),
    );
    for note in &def.notes {
        report.text(note.span(), &format!("service {id}: note"), note.get_ref());
    }
    let biometrics = Biometrics {
        facial_image: def.biometrics.facial_image,
        fingerprints: def.biometrics.fingerprints,
        fingerprints_from_age: def
            .biometrics
            .fingerprints_from_age
            .and_then(|age| report.number(span.clone(), "fingerprints_from_age", age, 0..=MAX_AGE)),
    };
    let validity = validity(report, &def.validity, id);
    let electronic = def
        .delivery
        .as_ref()
        .is_some_and(|d| d.get_ref() == "electronic");
    let categories = categories(report, &def.categories, id, electronic);
    let urgencies = urgencies(report, &def.urgencies, id, currency);
    let reductions = reductions(report, &def.reductions, &urgencies, id, currency);
    let questions = questions(report, &def.questions, id);
    let assurance = assurance(report, def.assurance.as_ref(), id);
    let appointment = super::booking::appointment(report, def.appointment.as_ref(), id);
    let delivery = delivery(report, def, validity.as_ref());
    let invitation = def
        .invitation
        .as_ref()
        .and_then(|i| super::invitation::rules(report, i, id, def.organisations.unwrap_or(false)));
    if invitation.is_some() && delivery != Delivery::Electronic {
        report.at(
            span.clone(),
            format!("service {id}: an invitation is approved electronically: set `delivery = \"electronic\"`"),
        );
    }
    let renewal_notice_days = def
        .renewal_notice_days
        .as_ref()
        .and_then(|d| report.number(d.span(), "renewal_notice_days", *d.get_ref(), 1..=365));

    Some(Service {
        id: id.clone(),
        authority_id: authority_id.to_string(),
        code: def.code.clone(),
        name: def.name.get_ref().clone(),
        summary: def.summary.get_ref().clone(),
        eligibility: def.eligibility.get_ref().clone(),
        notes: def.notes.iter().map(|n| n.get_ref().clone()).collect(),
        biometrics,
        validity: validity?,
        categories,
        urgencies,
        reductions,
        questions,
        renewal_notice_days,
        document_type: def.document_type.as_ref().map(|t| t.get_ref().clone()),
        assurance,
        delivery,
        for_organisations: def.organisations.unwrap_or(false),
        invitation,
        applicants: def
            .applicants
            .as_ref()
            .and_then(|a| super::applicants::applicants(report, a, id)),
        review: def.review.unwrap_or(true),
        appointment,
        routing: match def.routing.as_ref().map(|r| r.get_ref().as_str()) {
            None | Some("domicile") => Routing::Domicile,
            Some("chosen-office") => Routing::ChosenOffice,
            Some(other) => {
                if let Some(r) = &def.routing {
                    report.at(
                        r.span(),
                        format!("service {id}: routing \"{other}\" is unknown: use domicile or chosen-office"),
                    );
                }
                Routing::Domicile
            }
        },
    })
}

/// The delivery; an electronic document needs a document type and an
/// expiry computed from what is known of the holder (no facts asked at a
/// counter).
fn delivery(
    report: &mut Report<'_>,
    def: &ServiceDef,
    validity: Option<&ValidityRule>,
) -> Delivery {
    let id = def.id.get_ref();
    let Some(spanned) = &def.delivery else {
        return Delivery::Counter;
    };
    match spanned.get_ref().as_str() {
        "counter" => Delivery::Counter,
        "electronic" => {
            if def.document_type.is_none() {
                report.at(
                    spanned.span(),
                    format!("service {id}: an electronic delivery needs a `document_type`"),
                );
            }
            let known_at_issue = !matches!(
                validity,
                Some(ValidityRule::GrantedStay { .. } | ValidityRule::SameAsDocument(_))
            );
            if !known_at_issue {
                report.at(
                    spanned.span(),
                    format!("service {id}: an electronic document needs a validity that asks for no documents of the holder"),
                );
            }
            Delivery::Electronic
        }
        other => {
            report.at(
                spanned.span(),
                format!("service {id}: delivery \"{other}\" is unknown: use counter or electronic"),
            );
            Delivery::Counter
        }
    }
}

fn term(
    report: &mut Report<'_>,
    span: std::ops::Range<usize>,
    years: Option<i64>,
    months: Option<i64>,
) -> Option<Term> {
    if years.is_none() && months.is_none() {
        report.at(span, "a validity term needs `years` or `months`");
        return None;
    }
    let years: i16 = report.number(span.clone(), "years", years.unwrap_or(0), 0..=100)?;
    let months: i32 = report.number(span.clone(), "months", months.unwrap_or(0), 0..=1200)?;
    if years == 0 && months == 0 {
        report.at(span, "a validity term cannot be zero");
        return None;
    }
    Some(Term { years, months })
}

/// Age bands must rise strictly and end with an open band.
pub(super) fn check_bands(
    report: &mut Report<'_>,
    span: std::ops::Range<usize>,
    what: &str,
    bounds: &[Option<i64>],
) -> Option<Vec<Option<i16>>> {
    if bounds.is_empty() {
        report.at(span, format!("{what} needs at least one band"));
        return None;
    }
    let mut out = Vec::with_capacity(bounds.len());
    let mut previous = 0;
    for (i, bound) in bounds.iter().enumerate() {
        let last = i + 1 == bounds.len();
        match (bound, last) {
            (None, true) => out.push(None),
            (None, false) => {
                report.at(
                    span.clone(),
                    format!("{what}: only the last band may leave out `under_age`"),
                );
                return None;
            }
            (Some(_), true) => {
                report.at(
                    span.clone(),
                    format!("{what}: the last band must leave out `under_age` so that every age is covered"),
                );
                return None;
            }
            (Some(age), false) => {
                if *age <= previous || *age > MAX_AGE {
                    report.at(
                        span.clone(),
                        format!("{what}: `under_age` must rise from band to band (found {age} after {previous})"),
                    );
                    return None;
                }
                previous = *age;
                out.push(i16::try_from(*age).ok());
            }
        }
    }
    Some(out)
}

fn validity(report: &mut Report<'_>, def: &Spanned<ValidityDef>, id: &str) -> Option<ValidityRule> {
    let span = def.span();
    let what = format!("service {id}: validity");
    match def.get_ref() {
        ValidityDef::None => Some(ValidityRule::None),
        ValidityDef::Lifetime => Some(ValidityRule::Lifetime),
        ValidityDef::Fixed { years, months } => {
            term(report, span, *years, *months).map(ValidityRule::Fixed)
        }
        ValidityDef::ByAgeBand { bands } => {
            let bounds: Vec<Option<i64>> = bands.iter().map(|b| b.under_age).collect();
            let ages = check_bands(report, span.clone(), &what, &bounds)?;
            let mut out = Vec::new();
            for (band, under_age) in bands.iter().zip(ages) {
                out.push(TermBand {
                    under_age,
                    term: term(report, span.clone(), band.years, band.months)?,
                });
            }
            Some(ValidityRule::ByAgeBand(out))
        }
        ValidityDef::UntilBirthday {
            birthdays,
            lifetime_from_age,
        } => {
            let rising = birthdays.windows(2).all(|w| w[0] < w[1]);
            if birthdays.is_empty()
                || !rising
                || birthdays.iter().any(|b| !(1..=MAX_AGE).contains(b))
            {
                report.at(
                    span,
                    format!("{what}: `birthdays` must be rising ages between 1 and {MAX_AGE}"),
                );
                return None;
            }
            let last = birthdays.last().copied();
            if lifetime_from_age.is_some() && *lifetime_from_age != last {
                report.at(
                    span,
                    format!(
                        "{what}: `lifetime_from_age` must equal the last birthday ({})",
                        last.unwrap_or(0)
                    ),
                );
                return None;
            }
            Some(ValidityRule::UntilBirthday {
                birthdays: birthdays
                    .iter()
                    .filter_map(|b| i16::try_from(*b).ok())
                    .collect(),
                lifetime_from_age: lifetime_from_age.and_then(|a| i16::try_from(a).ok()),
            })
        }
        ValidityDef::GrantedStay { capped_by } => {
            let docs = documents(report, span, &what, capped_by)?;
            Some(ValidityRule::GrantedStay { capped_by: docs })
        }
        ValidityDef::SameAsDocument { document } => {
            let docs = documents(report, span, &what, std::slice::from_ref(document))?;
            docs.into_iter().next().map(ValidityRule::SameAsDocument)
        }
    }
}

fn documents(
    report: &mut Report<'_>,
    span: std::ops::Range<usize>,
    what: &str,
    names: &[String],
) -> Option<Vec<HolderDocument>> {
    let mut out = Vec::new();
    for name in names {
        match HolderDocument::parse(name) {
            Some(d) => out.push(d),
            None => {
                report.at(
                    span.clone(),
                    format!(
                        "{what}: unknown document \"{name}\"; use one of {}",
                        HolderDocument::NAMES.join(", ")
                    ),
                );
                return None;
            }
        }
    }
    Some(out)
}

/// The categories; each lists its documents, but a service issued
/// electronically may ask for none (the account's assurance stands for the
/// identity document a counter would see).
fn categories(
    report: &mut Report<'_>,
    defs: &[Spanned<CategoryDef>],
    id: &str,
    electronic: bool,
) -> Vec<Category> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for spanned in defs {
        let (def, span) = (spanned.get_ref(), spanned.span());
        identifier(report, span.clone(), "category id", &def.id);
        if !seen.insert(def.id.clone()) {
            report.at(
                span.clone(),
                format!("service {id}: category \"{}\" is defined twice", def.id),
            );
        }
        let what = format!("service {id}, category {}", def.id);
        report.text(span.clone(), &format!("{what}: name"), &def.name);
        let from_age = def
            .from_age
            .and_then(|a| report.number(span.clone(), "from_age", a, 0..=MAX_AGE));
        let under_age = def
            .under_age
            .and_then(|a| report.number(span.clone(), "under_age", a, 1..=MAX_AGE));
        if let (Some(from), Some(under)) = (from_age, under_age)
            && from >= under
        {
            report.at(
                span.clone(),
                format!("{what}: from_age {from} must be below under_age {under}"),
            );
        }
        if def.documents.is_empty() && !electronic {
            report.at(
                span.clone(),
                format!("{what}: list the required documents with [[service.category.document]]"),
            );
        }
        let mut documents = Vec::new();
        for doc in &def.documents {
            identifier(report, span.clone(), "document id", &doc.id);
            report.text(
                span.clone(),
                &format!("{what}, document {}", doc.id),
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
        out.push(Category {
            id: def.id.clone(),
            name: def.name.clone(),
            from_age,
            under_age,
            domicile_abroad: def.domicile_abroad,
            notes: def.notes.clone(),
            documents,
        });
    }
    for abroad in [false, true] {
        let group: Vec<&Category> = out.iter().filter(|c| c.domicile_abroad == abroad).collect();
        if group.is_empty() {
            continue;
        }
        if let Some(age) =
            (0..=150).find(|&age| group.iter().filter(|c| c.covers_age(age)).count() != 1)
            && let Some(first) = defs.first()
        {
            report.at(
                first.span(),
                format!("service {id}: the applicant categories must cover every age exactly once; age {age} is covered by {} of them", group.iter().filter(|c| c.covers_age(age)).count()),
            );
        }
    }
    out
}

fn questions(report: &mut Report<'_>, defs: &[Spanned<QuestionDef>], id: &str) -> Vec<Question> {
    let mut out = Vec::new();
    for spanned in defs {
        let (def, span) = (spanned.get_ref(), spanned.span());
        identifier(report, span.clone(), "question id", &def.id);
        report.text(
            span.clone(),
            &format!("service {id}, question {}", def.id),
            &def.label,
        );
        if def.options.len() < 2 {
            report.at(
                span.clone(),
                format!("question {}: offer at least two options", def.id),
            );
        }
        let mut ids = HashSet::new();
        for o in &def.options {
            if !ids.insert(o.id.clone()) {
                report.at(
                    span.clone(),
                    format!("question {}: option \"{}\" appears twice", def.id, o.id),
                );
            }
            report.text(
                span.clone(),
                &format!("question {}, option {}", def.id, o.id),
                &o.label,
            );
        }
        out.push(Question {
            id: def.id.clone(),
            label: def.label.clone(),
            required: def.required,
            options: def
                .options
                .iter()
                .map(|o| QuestionOption {
                    id: o.id.clone(),
                    label: o.label.clone(),
                })
                .collect(),
        });
    }
    out
}

fn assurance(
    report: &mut Report<'_>,
    def: Option<&Spanned<Vec<String>>>,
    id: &str,
) -> Vec<AssuranceLevel> {
    let Some(def) = def else {
        return AssuranceLevel::ALL.to_vec();
    };
    let mut levels = Vec::new();
    for code in def.get_ref() {
        match AssuranceLevel::parse(code) {
            Some(level) if !levels.contains(&level) => levels.push(level),
            Some(_) => report.at(
                def.span(),
                format!("service {id}: assurance level \"{code}\" is listed twice"),
            ),
            None => report.at(
                def.span(),
                format!(
                    "service {id}: unknown assurance level \"{code}\": use {}",
                    AssuranceLevel::ALL.map(AssuranceLevel::code).join(", ")
                ),
            ),
        }
    }
    if def.get_ref().is_empty() {
        report.at(
            def.span(),
            format!("service {id}: list at least one assurance level, or leave `assurance` out"),
        );
    }
    levels
}
