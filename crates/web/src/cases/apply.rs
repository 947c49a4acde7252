//! Starting an application: the service, and who it is for (the person
//! themselves or a child they are guardian of). Refused, with the way
//! forward, when the person's identity is not assured enough.

use super::{CaseCopy, case_href};
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::accounts::household::{acting_guardian_of, is_active};
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::account::AssuranceLevel;
use ghiseu_domain::case::application::{Answers, category_for};
use ghiseu_domain::catalogue::{Authority, Lang, Service};
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::{households, profiles};
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct NewQuery {
    #[serde(default)]
    service: String,
}

pub(crate) struct HolderChoice {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "cases/new.html")]
struct NewPage<'a> {
    frame: Frame<'a>,
    service_id: String,
    service_name: String,
    authority_name: String,
    /// Ways to raise the identity assurance, when it is too low.
    assurance_ways: Vec<String>,
    holders: Vec<HolderChoice>,
    csrf: String,
    error: Option<String>,
}

fn find<'a>(state: &'a AppState, id: &str) -> Option<(&'a Authority, &'a Service)> {
    state.catalogue.service(id)
}

async fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    authority: &Authority,
    service: &Service,
    error: Option<String>,
) -> Result<NewPage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let level = AssuranceLevel::parse(&current.person.assurance).unwrap_or(AssuranceLevel::Email);
    let assurance_ways = if service.accepts(level) {
        Vec::new()
    } else {
        service
            .assurance
            .iter()
            .map(|l| t.m(&format!("service-assurance-{}", l.code())))
            .collect()
    };
    let mut holders = vec![HolderChoice {
        value: "self".into(),
        label: t.m("case-holder-self"),
    }];
    for ward in households::of_guardian(&state.db, &current.person.id).await? {
        if is_active(state, &ward) {
            holders.push(HolderChoice {
                label: format!("{} {}", ward.given_name, ward.family_name),
                value: ward.ward_id,
            });
        }
    }
    Ok(NewPage {
        frame: Frame::new(
            state,
            lang,
            t.m("case-new-title"),
            &format!("applications/new?service={}", service.id),
        ),
        service_id: service.id.clone(),
        service_name: service.name.get(lang).to_string(),
        authority_name: authority.name.get(lang).to_string(),
        assurance_ways,
        holders,
        csrf: current.session.csrf_token.clone(),
        error,
    })
}

pub(crate) async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Query(query): Query<NewQuery>,
) -> Response {
    let Some((authority, service)) = find(&state, &query.service) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    match page(&state, lang, &current, authority, service, None).await {
        Ok(p) => html(&p),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub(crate) struct StartForm {
    #[serde(default)]
    service: String,
    #[serde(default)]
    holder: String,
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn start(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Form(form): Form<StartForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&crate::accounts::expired(&state, lang, "applications")),
        )
            .into_response();
    }
    let Some((authority, service)) = find(&state, &form.service) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    match create_draft(&state, &current, &form.service, &form.holder).await {
        Ok(Ok(case)) => Redirect::to(&case_href(lang, &case.id)).into_response(),
        Ok(Err(refusal)) => {
            let key = match refusal {
                DraftRefusal::Assurance => "case-error-assurance",
                DraftRefusal::Holder | DraftRefusal::Service => "case-error-holder",
            };
            refused(&state, lang, &current, (authority, service), key).await
        }
        Err(e) => e.into_response(),
    }
}

/// Why a draft was not started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DraftRefusal {
    Service,
    Assurance,
    Holder,
}

impl DraftRefusal {
    pub(crate) fn code(self) -> &'static str {
        match self {
            DraftRefusal::Service => "unknown-service",
            DraftRefusal::Assurance => "assurance-too-low",
            DraftRefusal::Holder => "unknown-holder",
        }
    }
}

/// Starts a draft for `holder` ("self" or one of the person's wards), the one
/// code path for pages and the API.
pub(crate) async fn create_draft(
    state: &AppState,
    current: &CurrentPerson,
    service_id: &str,
    holder: &str,
) -> Result<Result<CaseRecord, DraftRefusal>, ApiError> {
    let Some((authority, service)) = find(state, service_id) else {
        return Ok(Err(DraftRefusal::Service));
    };
    let level = AssuranceLevel::parse(&current.person.assurance).unwrap_or(AssuranceLevel::Email);
    if !service.accepts(level) {
        return Ok(Err(DraftRefusal::Assurance));
    }
    let Some(holder) = holder_copy(state, current, holder).await? else {
        return Ok(Err(DraftRefusal::Holder));
    };
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
        category_id: category,
        answers: serde_json::to_string(&Answers::default()).unwrap_or_else(|_| "{}".into()),
        office_id: None,
        state: "draft".into(),
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
    tx.commit().await?;
    Ok(Ok(case))
}

async fn refused(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    (authority, service): (&Authority, &Service),
    key: &str,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    match page(state, lang, current, authority, service, Some(t.m(key))).await {
        Ok(p) => (StatusCode::UNPROCESSABLE_ENTITY, html(&p)).into_response(),
        Err(e) => e.into_response(),
    }
}

/// The holder's facts as the case keeps them: the person's own profile, or a
/// ward of theirs (who lives at the guardian's domicile).
async fn holder_copy(
    state: &AppState,
    current: &CurrentPerson,
    holder: &str,
) -> Result<Option<CaseCopy>, ApiError> {
    let region = cases::domicile_region(&state.db, &current.person.id).await?;
    if holder == "self" {
        let profile = profiles::load(&state.db, &current.person.id).await?;
        let (given, family, birth) = profile.map_or((None, None, None), |p| {
            (p.given_name, p.family_name, p.birth_date)
        });
        return Ok(Some(CaseCopy {
            person_id: Some(current.person.id.clone()),
            ward_id: None,
            given_name: given.unwrap_or_default(),
            family_name: family.unwrap_or_default(),
            birth_date: birth,
            region,
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
    }))
}
