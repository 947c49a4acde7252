//! Administrators give people a role and post them to an authority and its
//! offices. A change ends the person's sessions, so new rights apply at once.

use super::Staff;
use crate::AppState;
use crate::accounts::{FormError, error_for};
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::account::Role;
use ghiseu_domain::catalogue::{Authority, Lang};
use ghiseu_i18n::Tr;
use ghiseu_storage::staff;
use serde::Deserialize;

const ROLES: [Role; 4] = [
    Role::Citizen,
    Role::Operator,
    Role::Supervisor,
    Role::Administrator,
];

pub(crate) struct MemberRow {
    pub email: String,
    pub role: String,
    pub authority: String,
    pub offices: String,
}

pub(crate) struct AuthorityChoice {
    pub id: String,
    pub name: String,
    pub offices: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "office/staff.html")]
struct StaffPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    members: Vec<MemberRow>,
    csrf: String,
    saved: bool,
    installation_wide: bool,
    roles: Vec<(String, String)>,
    authorities: Vec<AuthorityChoice>,
    form: StaffForm,
}

impl StaffPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        error_for(&self.errors, field)
    }

    fn office_checked(&self, id: &str) -> bool {
        self.form.offices().any(|o| o == id)
    }
}

/// The form as sent: one `office` field per ticked box.
#[derive(Default, Clone)]
pub(crate) struct StaffForm {
    pub email: String,
    pub role: String,
    pub authority: String,
    pub office: Vec<String>,
    pub csrf: String,
}

impl StaffForm {
    pub fn offices(&self) -> impl Iterator<Item = &str> {
        self.office.iter().map(String::as_str)
    }
}

/// The authorities an administrator manages: their own, or all of them.
pub(super) fn managed<'a>(state: &'a AppState, admin: &Staff) -> Vec<&'a Authority> {
    state
        .catalogue
        .authorities()
        .iter()
        .filter(|a| {
            admin
                .posting
                .authority_id
                .as_deref()
                .is_none_or(|id| id == a.id)
        })
        .collect()
}

async fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    admin: &Staff,
    form: StaffForm,
    errors: Vec<FormError>,
    saved: bool,
) -> Result<StaffPage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let authority_name = |id: Option<&str>| match id.and_then(|id| state.catalogue.authority(id)) {
        Some(a) => a.name.get(lang).to_string(),
        None => t.m("office-staff-installation"),
    };
    let office_name = |id: &str| {
        state
            .catalogue
            .office(id)
            .map_or_else(|| id.to_string(), |o| o.name.get(lang).to_string())
    };
    let members = staff::members(&state.db, admin.posting.authority_id.as_deref())
        .await?
        .into_iter()
        .map(|m| MemberRow {
            role: t.m(&format!("role-{}", m.role)),
            authority: authority_name(m.authority_id.as_deref()),
            offices: m
                .office_ids
                .iter()
                .map(|o| office_name(o))
                .collect::<Vec<_>>()
                .join(", "),
            email: m.email,
        })
        .collect();
    let authorities = managed(state, admin)
        .into_iter()
        .map(|a| AuthorityChoice {
            id: a.id.clone(),
            name: a.name.get(lang).to_string(),
            offices: a
                .offices
                .iter()
                .map(|o| (o.id.clone(), o.name.get(lang).to_string()))
                .collect(),
        })
        .collect();
    Ok(StaffPage {
        frame: Frame::new(state, lang, t.m("office-staff-title"), "office/staff"),
        errors,
        members,
        csrf: admin.current.session.csrf_token.clone(),
        saved,
        installation_wide: admin.posting.authority_id.is_none(),
        roles: ROLES
            .iter()
            .map(|r| (r.code().to_string(), t.m(&format!("role-{}", r.code()))))
            .collect(),
        authorities,
        form: StaffForm {
            csrf: String::new(),
            email: form.email.chars().take(254).collect(),
            ..form
        },
    })
}

fn forbidden(state: &AppState, lang: Lang) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let page = crate::accounts::MessagePage {
        frame: Frame::new(state, lang, t.m("office-forbidden-title"), "office/staff"),
        body: vec![t.m("office-staff-forbidden")],
        link: None,
    };
    (StatusCode::FORBIDDEN, html(&page)).into_response()
}

#[derive(Deserialize)]
pub(crate) struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    admin: Staff,
    Query(query): Query<SavedQuery>,
) -> Response {
    if admin.role != Role::Administrator {
        return forbidden(&state, lang);
    }
    let form = StaffForm::default();
    match page(
        &state,
        lang,
        &admin,
        form,
        Vec::new(),
        query.saved.is_some(),
    )
    .await
    {
        Ok(p) => html(&p),
        Err(e) => e.into_response(),
    }
}

pub(crate) async fn assign(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    admin: Staff,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    if admin.role != Role::Administrator {
        return forbidden(&state, lang);
    }
    let form = collect(form);
    if !admin.current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&crate::accounts::expired(&state, lang, "office/staff")),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let checked = super::staff_rules::check(&state, t, &admin, &form).await;
    let (person, role, posting) = match checked {
        Ok(Ok(found)) => found,
        Ok(Err((errors, out_of_reach))) => {
            // Reaching beyond what one manages is refused, not merely corrected.
            let status = if out_of_reach {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return match page(&state, lang, &admin, form, errors, false).await {
                Ok(p) => (status, html(&p)).into_response(),
                Err(e) => e.into_response(),
            };
        }
        Err(e) => return e.into_response(),
    };
    let saved =
        ghiseu_app::office::grants::assign_staff(&state, &admin, &person.id, role, &posting).await;
    match saved {
        Ok(()) => Redirect::to(&format!("/{}/office/staff?saved=1", lang.code())).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Repeated `office` fields become a list.
fn collect(pairs: Vec<(String, String)>) -> StaffForm {
    let mut form = StaffForm::default();
    for (key, value) in pairs {
        match key.as_str() {
            "email" => form.email = value,
            "role" => form.role = value,
            "authority" => form.authority = value,
            "office" if form.office.len() < 64 => form.office.push(value),
            "csrf" => form.csrf = value,
            _ => {}
        }
    }
    form
}
