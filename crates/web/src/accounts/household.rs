//! A guardian's household: asking to act for a child, and the child's page,
//! open only while an operator-confirmed relationship lasts (until 18).

use super::{FormError, error_for};
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::done::Confirmed;
use crate::error::ApiError;
use crate::i18n::text_arg;
use crate::pages::PageLang;
use crate::pages::{Frame, PageError, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::accounts::household::WardFacts;
pub(crate) use ghiseu_app::accounts::household::{acting_guardian_of, is_active, today_at};
use ghiseu_domain::account::household::{EVIDENCE, RELATIONSHIPS, guardianship_ends, is_minor};
use ghiseu_domain::account::{PersonName, parse_birth_date};
use ghiseu_domain::catalogue::{Lang, Office};
use ghiseu_domain::national_id::NationalId;
use ghiseu_i18n::Tr;
use ghiseu_storage::households::{self};
use jiff::civil::Date;
use serde::Deserialize;

/// Checks a guardian's or an operator's description of a child; every problem
/// becomes a form error.
pub(crate) fn check_ward(
    state: &AppState,
    t: Tr<'_>,
    form: &WardForm,
    offices: &[&Office],
) -> Result<WardFacts, Vec<FormError>> {
    let mut errors = Vec::new();
    let office = offices.iter().find(|o| o.id == form.office);
    if office.is_none() {
        errors.push(FormError::new(t, "office", "household-error-office"));
    }
    let today = today_at(state, office.map(|o| o.id.as_str()));
    let mut name = |field: &'static str, value: &str| match PersonName::parse(value) {
        Ok(n) => Some(n),
        Err(e) => {
            let label = text_arg(t.m(&format!("household-field-{field}")));
            errors.push(FormError {
                field,
                text: t.with(&format!("profile-error-{}", e.code()), &[("field", label)]),
            });
            None
        }
    };
    let given = name("given_name", &form.given_name);
    let family = name("family_name", &form.family_name);
    let birth = match parse_birth_date(&form.birth_date, today) {
        Ok(b) if is_minor(b, today) => Some(b),
        Ok(_) => {
            errors.push(FormError::new(t, "birth_date", "household-error-adult"));
            None
        }
        Err(e) => {
            errors.push(FormError::new(
                t,
                "birth_date",
                &format!("profile-error-{}", e.code()),
            ));
            None
        }
    };
    let national_id = ward_national_id(state, t, form, office, birth, &mut errors);
    if !RELATIONSHIPS.contains(&form.relationship.as_str())
        || !EVIDENCE.contains(&form.evidence.as_str())
    {
        errors.push(FormError::new(t, "relationship", "household-error-choice"));
    }
    match (given, family, birth, office) {
        (Some(given_name), Some(family_name), Some(birth_date), Some(office))
            if errors.is_empty() =>
        {
            Ok(WardFacts {
                given_name,
                family_name,
                birth_date,
                relationship: form.relationship.clone(),
                evidence: form.evidence.clone(),
                office_id: office.id.clone(),
                national_id,
            })
        }
        _ => Err(errors),
    }
}

/// The child's personal id, when given: valid by the rules of the office's
/// country and naming the same birth date.
fn ward_national_id(
    state: &AppState,
    t: Tr<'_>,
    form: &WardForm,
    office: Option<&&Office>,
    birth: Option<Date>,
    errors: &mut Vec<FormError>,
) -> Option<NationalId> {
    let given = form.national_id.trim();
    if given.is_empty() {
        return None;
    }
    let country = office
        .and_then(|o| state.catalogue.authority(&o.authority_id))
        .map(|a| a.country)?;
    match NationalId::parse(country, given) {
        Ok(id) if birth.is_some() && id.birth_date().is_some() && id.birth_date() != birth => {
            errors.push(FormError::new(
                t,
                "national_id",
                "household-error-national-id-birth",
            ));
            None
        }
        Ok(id) => Some(id),
        Err(e) => {
            errors.push(FormError::new(
                t,
                "national_id",
                &format!("household-national-id-{}", e.code()),
            ));
            None
        }
    }
}

/// Offices as `(authority name, [(office id, office name)])` for a grouped select.
pub(crate) fn office_choices(
    t: Tr<'_>,
    state: &AppState,
    offices: &[&Office],
) -> Vec<(String, Vec<(String, String)>)> {
    let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for authority in state.catalogue.authorities() {
        let members: Vec<(String, String)> = offices
            .iter()
            .filter(|o| o.authority_id == authority.id)
            .map(|o| (o.id.clone(), o.name.get(t.lang).to_string()))
            .collect();
        if !members.is_empty() {
            groups.push((authority.name.get(t.lang).to_string(), members));
        }
    }
    groups
}

pub(crate) struct WardRow {
    pub name: String,
    pub status: String,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "account/household.html")]
struct HouseholdPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    wards: Vec<WardRow>,
    csrf: String,
    given_name: String,
    family_name: String,
    birth_date: String,
    relationships: Vec<(String, String)>,
    evidence: Vec<(String, String)>,
    offices: Vec<(String, Vec<(String, String)>)>,
    office: String,
    office_error: Option<String>,
    given_name_error: Option<String>,
    family_name_error: Option<String>,
    birth_date_error: Option<String>,
    national_id: String,
    national_id_error: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct WardForm {
    #[serde(default)]
    pub given_name: String,
    #[serde(default)]
    pub family_name: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub relationship: String,
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub office: String,
    /// The child's personal id, optional.
    #[serde(default)]
    pub national_id: String,
    #[serde(default)]
    pub csrf: String,
}

async fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    form: &WardForm,
    errors: Vec<FormError>,
) -> Result<HouseholdPage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let wards = households::of_guardian(&state.db, &current.person.id)
        .await?
        .into_iter()
        .map(|w| {
            let active = is_active(state, &w);
            let status = match w.status.as_str() {
                "confirmed" if active => "household-status-confirmed",
                "confirmed" => "household-status-ended",
                "refused" => "household-status-refused",
                _ => "household-status-pending",
            };
            WardRow {
                name: format!("{} {}", w.given_name, w.family_name),
                status: t.m(status),
                href: active.then(|| format!("/{}/account/household/{}", lang.code(), w.ward_id)),
            }
        })
        .collect();
    let options = |list: &[&str], prefix: &str| {
        list.iter()
            .map(|v| (v.to_string(), t.m(&format!("{prefix}-{v}"))))
            .collect()
    };
    let offices: Vec<&Office> = state.catalogue.offices().collect();
    Ok(HouseholdPage {
        frame: Frame::new(state, lang, t.m("household-title"), "account/household"),
        offices: office_choices(t, state, &offices),
        office: form.office.chars().take(64).collect(),
        office_error: error_for(&errors, "office"),
        given_name_error: error_for(&errors, "given_name"),
        family_name_error: error_for(&errors, "family_name"),
        birth_date_error: error_for(&errors, "birth_date"),
        national_id_error: error_for(&errors, "national_id"),
        national_id: form.national_id.chars().take(20).collect(),
        errors,
        wards,
        csrf: current.session.csrf_token.clone(),
        given_name: form.given_name.chars().take(100).collect(),
        family_name: form.family_name.chars().take(100).collect(),
        birth_date: form.birth_date.chars().take(20).collect(),
        relationships: options(&RELATIONSHIPS, "household-relationship"),
        evidence: options(&EVIDENCE, "household-evidence"),
    })
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Confirmed(done): Confirmed,
) -> Response {
    match page(&state, lang, &current, &WardForm::default(), Vec::new()).await {
        Ok(mut p) => {
            p.frame = p.frame.confirming(done);
            html(&p)
        }
        Err(e) => e.into_response(),
    }
}

pub(crate) async fn add(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Form(form): Form<WardForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&super::expired(&state, lang, "account/household")),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let offices: Vec<&Office> = state.catalogue.offices().collect();
    let ward = match check_ward(&state, t, &form, &offices) {
        Ok(ward) => ward,
        Err(errors) => {
            return match page(&state, lang, &current, &form, errors).await {
                Ok(p) => (StatusCode::UNPROCESSABLE_ENTITY, html(&p)).into_response(),
                Err(e) => e.into_response(),
            };
        }
    };
    let saved = ghiseu_app::accounts::household::request_guardianship(&state, &current, &ward)
        .await
        .map(|_| ());
    match saved {
        Ok(()) => {
            let to = crate::done::Done::WardRequested
                .after(&format!("/{}/account/household", lang.code()));
            Redirect::to(&to).into_response()
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "account/ward.html")]
struct WardPage<'a> {
    frame: Frame<'a>,
    birth_date: String,
    relationship: String,
    ends: String,
}

pub(crate) async fn ward(
    State(state): State<AppState>,
    Path((lang, ward_id)): Path<(String, String)>,
    current: CurrentPerson,
) -> Response {
    let lang = match page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let record = match acting_guardian_of(&state, &ward_id, &current.person.id).await {
        Ok(r) => r,
        Err(e) => return ApiError::from(e).into_response(),
    };
    // Anyone else, or after the 18th birthday: the child does not exist for them.
    let Some(ward) = record else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let birth = ward.birth_date.parse::<Date>().ok();
    html(&WardPage {
        frame: Frame::new(
            &state,
            lang,
            format!("{} {}", ward.given_name, ward.family_name),
            &format!("account/household/{ward_id}"),
        ),
        birth_date: birth.map(|b| t.date(b)).unwrap_or_default(),
        relationship: t.m(&format!("household-relationship-{}", ward.relationship)),
        ends: birth
            .and_then(guardianship_ends)
            .map(|d| t.date(d))
            .unwrap_or_default(),
    })
}
