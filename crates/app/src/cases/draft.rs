//! A draft application: started for the person themselves or a child they
//! are guardian of (refused when their identity is not assured enough), and
//! its answers saved as they fill it in.

use super::CaseCopy;
use crate::accounts::CurrentPerson;
use crate::accounts::household::acting_guardian_of;
use crate::error::AppError;
use crate::keyed::Keyed;
use crate::state::App;
use ghiseu_domain::account::AssuranceLevel;
use ghiseu_domain::case::CaseState;
use ghiseu_domain::case::application::{Answers, category_for, check_answers};
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::{organisations, profiles};

/// Why a draft was not started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftRefusal {
    Service,
    Assurance,
    Holder,
    /// The service is not for the holder's citizenship (as their profile states it).
    Citizenship,
}

impl DraftRefusal {
    pub fn code(self) -> &'static str {
        match self {
            DraftRefusal::Service => "unknown-service",
            DraftRefusal::Assurance => "assurance-too-low",
            DraftRefusal::Holder => "unknown-holder",
            DraftRefusal::Citizenship => "not-for-citizenship",
        }
    }
}

/// The person's identity assurance, read strictly.
pub fn assurance(current: &CurrentPerson) -> Result<AssuranceLevel, AppError> {
    AssuranceLevel::parse(&current.person.assurance).ok_or_else(|| {
        tracing::error!(person = %current.person.id, assurance = %current.person.assurance, "a person row holds an unknown assurance level");
        AppError::Internal(format!(
            "person {} holds the unknown assurance level {:?}",
            current.person.id, current.person.assurance
        ))
    })
}

/// Starts a draft for `holder` ("self" or one of the person's wards), the one
/// code path for pages and the API. Under a key whose earlier attempt made a
/// draft, that draft is the answer: a retry never makes a second one.
pub async fn start(
    state: &App,
    current: &CurrentPerson,
    service_id: &str,
    holder: &str,
    keyed: Keyed<'_>,
) -> Result<Result<CaseRecord, DraftRefusal>, AppError> {
    if let Some(id) = keyed.made()
        && let Some(case) = cases::get(&state.db, id).await?
        && case.applicant_id == current.person.id
    {
        return Ok(Ok(case));
    }
    let Some((authority, service)) = state.catalogue.service(service_id) else {
        return Ok(Err(DraftRefusal::Service));
    };
    if !service.accepts(assurance(current)?) {
        return Ok(Err(DraftRefusal::Assurance));
    }
    let holder = match holder.strip_prefix(ORGANISATION) {
        Some(id) if service.for_organisations => organisation_copy(state, current, id).await?,
        Some(_) => None,
        None => holder_copy(state, current, holder).await?,
    };
    let Some(holder) = holder else {
        return Ok(Err(DraftRefusal::Holder));
    };
    if !service
        .applicants
        .as_ref()
        .is_none_or(|a| a.admits(holder.citizenship.as_deref()))
    {
        return Ok(Err(DraftRefusal::Citizenship));
    }
    let today = state.clock.today(authority);
    let birth = holder.birth_date.as_deref().and_then(|b| b.parse().ok());
    let category = category_for(service, birth, today, false)
        .ok()
        .flatten()
        .map(|c| c.id.clone());
    let now = state.clock.now().as_microsecond();
    let case = CaseRecord {
        id: uuid::Uuid::now_v7().to_string(),
        reference: None,
        authority_id: authority.id.clone(),
        service_id: service.id.clone(),
        applicant_id: current.person.id.clone(),
        holder_person_id: holder.person_id,
        holder_ward_id: holder.ward_id,
        holder_given_name: holder.given_name,
        holder_family_name: holder.family_name,
        holder_birth_date: holder.birth_date,
        holder_region: holder.region,
        holder_citizenship: holder.citizenship,
        category_id: category,
        answers: serde_json::to_string(&Answers::default()).unwrap_or_else(|_| "{}".into()),
        office_id: None,
        state: CaseState::Draft.code().into(),
        assignee_id: None,
        filed_on: None,
        deadline: None,
        fee_minor: None,
        currency: authority.currency.code().to_string(),
        pickup_office_id: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let mut tx = state.db.begin_write().await?;
    cases::insert_draft(&mut tx, &case).await?;
    keyed.record(&mut tx, &current.person.id, &case.id).await?;
    if let Some(organisation) = &holder.organisation_id {
        organisations::link_case(&mut tx, &case.id, organisation).await?;
    }
    tx.commit().await?;
    Ok(Ok(case))
}

/// The person's own citizenship, as their profile states it, when `service`
/// is not for it (so the page can say so before they start).
pub async fn own_citizenship_refused(
    state: &App,
    current: &CurrentPerson,
    service: &ghiseu_domain::catalogue::Service,
) -> Result<Option<String>, AppError> {
    let Some(applicants) = &service.applicants else {
        return Ok(None);
    };
    let stated = profiles::load(&state.db, &current.person.id)
        .await?
        .and_then(|p| p.citizenship);
    Ok(stated.filter(|c| !applicants.admits(Some(c))))
}

/// How a holder choice names an organisation: `organisation:` and its id.
pub const ORGANISATION: &str = "organisation:";

/// The organisation `id` as a case's holder, if the person is its recorded
/// representative; the representative stays the person the case is with.
async fn organisation_copy(
    state: &App,
    current: &CurrentPerson,
    id: &str,
) -> Result<Option<CaseCopy>, AppError> {
    let represented = organisations::represented_by(&state.db, &current.person.id).await?;
    let Some(organisation) = represented.into_iter().find(|o| o.id == id) else {
        return Ok(None);
    };
    Ok(Some(CaseCopy {
        person_id: Some(current.person.id.clone()),
        ward_id: None,
        given_name: organisation.name,
        family_name: String::new(),
        birth_date: None,
        region: cases::domicile_region(&state.db, &current.person.id).await?,
        citizenship: None,
        organisation_id: Some(organisation.id),
    }))
}

/// The holder's facts as the case keeps them: the person's own profile, or a
/// ward of theirs (who lives at the guardian's domicile).
async fn holder_copy(
    state: &App,
    current: &CurrentPerson,
    holder: &str,
) -> Result<Option<CaseCopy>, AppError> {
    let region = cases::domicile_region(&state.db, &current.person.id).await?;
    if holder == "self" {
        let profile = profiles::load(&state.db, &current.person.id).await?;
        let (given, family, birth, citizenship) = profile.map_or((None, None, None, None), |p| {
            (p.given_name, p.family_name, p.birth_date, p.citizenship)
        });
        return Ok(Some(CaseCopy {
            person_id: Some(current.person.id.clone()),
            ward_id: None,
            given_name: given.unwrap_or_default(),
            family_name: family.unwrap_or_default(),
            birth_date: birth,
            region,
            citizenship,
            organisation_id: None,
        }));
    }
    let ward = acting_guardian_of(state, holder, &current.person.id).await?;
    Ok(ward.map(|w| CaseCopy {
        person_id: None,
        ward_id: Some(w.ward_id),
        given_name: w.given_name,
        family_name: w.family_name,
        birth_date: Some(w.birth_date),
        region,
        citizenship: None,
        organisation_id: None,
    }))
}

/// Why answers were not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveRefusal {
    /// What is wrong with the answers.
    Problems(Vec<super::Gap>),
    /// The case changed since the person loaded it.
    Stale,
    /// The case's service is no longer in the catalogue.
    ServiceGone,
}

/// Saves a draft's (or a returned application's) answers, if they hold
/// together, at the version the person saw; the holder's category follows
/// from them.
pub async fn save_answers(
    state: &App,
    case: &CaseRecord,
    answers: &Answers,
    version: i64,
) -> Result<Result<(), SaveRefusal>, AppError> {
    let Some((authority, service)) = state.catalogue.service(&case.service_id) else {
        return Ok(Err(SaveRefusal::ServiceGone));
    };
    let mut problems: Vec<super::Gap> = check_answers(service, answers, false)
        .iter()
        .map(super::Gap::of_answer)
        .collect();
    if let Some(office) = &answers.office
        && !authority.offices.iter().any(|o| &o.id == office)
    {
        problems.push(super::Gap::new(
            "case-problem-office-unknown",
            super::GapAt::Field("office".into()),
        ));
    }
    if !problems.is_empty() {
        return Ok(Err(SaveRefusal::Problems(problems)));
    }
    let birth = case
        .holder_birth_date
        .as_deref()
        .and_then(|b| b.parse().ok());
    let today = state.clock.today(authority);
    let category = category_for(service, birth, today, answers.domicile_abroad)
        .ok()
        .flatten()
        .map(|c| c.id.clone());
    let json = serde_json::to_string(answers).map_err(|e| AppError::Internal(e.to_string()))?;
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let saved =
        cases::save_answers(&mut tx, &case.id, version, &json, category.as_deref(), now).await?;
    tx.commit().await?;
    Ok(saved.map(|_| ()).map_err(|_| SaveRefusal::Stale))
}
