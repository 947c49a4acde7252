//! Starting an application: the service, and who it is for (the person
//! themselves or a child they are guardian of). Refused, with the way
//! forward, when the person's identity is not assured enough.

use super::case_href;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::accounts::household::is_active;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::Keyed;
use ghiseu_app::cases::draft::{self, DraftRefusal};
use ghiseu_domain::catalogue::{Authority, CitizenshipRule, Lang, STATELESS, Service};
use ghiseu_i18n::Tr;
use ghiseu_i18n::text_arg;
use ghiseu_storage::households;
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct NewQuery {
    #[serde(default)]
    service: String,
    /// The holder to choose at first ("self" or a child's id), e.g. when
    /// applying for a new document in place of one.
    #[serde(default)]
    holder: Option<String>,
}

pub(crate) struct HolderChoice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
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
    /// Why the service is not for the person themselves, and what is.
    citizenship: Option<CitizenshipNotice>,
}

pub(crate) struct CitizenshipNotice {
    pub why: String,
    /// Services to apply for instead: (name, where to start).
    pub instead: Vec<(String, String)>,
}

fn citizenship_notice(
    state: &AppState,
    t: Tr<'_>,
    service: &Service,
    stated: &str,
) -> Option<CitizenshipNotice> {
    let applicants = service.applicants.as_ref()?;
    let country = |code: &str| crate::countries::name(t, code);
    let (key, codes) = match &applicants.citizenship {
        CitizenshipRule::Only(codes) if codes.iter().all(|c| c == STATELESS) => {
            ("case-citizenship-only-stateless", codes)
        }
        CitizenshipRule::Only(codes) => ("case-citizenship-only", codes),
        CitizenshipRule::Not(codes) => ("case-citizenship-not", codes),
    };
    let countries: Vec<String> = codes
        .iter()
        .filter(|c| *c != STATELESS)
        .map(|c| country(c))
        .collect();
    let why = t.with(
        key,
        &[
            ("countries", text_arg(countries.join(", "))),
            ("country", text_arg(country(stated))),
        ],
    );
    let instead = applicants
        .instead
        .iter()
        .filter_map(|id| state.catalogue.service(id))
        .map(|(_, other)| {
            (
                other.name.get(t.lang).to_string(),
                format!("/{}/services/{}", t.lang.code(), other.id),
            )
        })
        .collect();
    Some(CitizenshipNotice { why, instead })
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
    chosen: Option<&str>,
) -> Result<NewPage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let level = ghiseu_app::cases::draft::assurance(current)?;
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
        chosen: true,
    }];
    for ward in households::of_guardian(&state.db, &current.person.id).await? {
        if is_active(state, &ward) {
            holders.push(HolderChoice {
                label: format!("{} {}", ward.given_name, ward.family_name),
                value: ward.ward_id,
                chosen: false,
            });
        }
    }
    if service.for_organisations {
        for organisation in
            ghiseu_app::organisations::represented(state, &current.person.id).await?
        {
            holders.push(HolderChoice {
                label: t.with(
                    "case-holder-organisation",
                    &[
                        ("name", ghiseu_i18n::text_arg(organisation.name)),
                        (
                            "code",
                            ghiseu_i18n::text_arg(organisation.registration_code),
                        ),
                    ],
                ),
                value: format!("{}{}", draft::ORGANISATION, organisation.id),
                chosen: false,
            });
        }
    }
    let citizenship = draft::own_citizenship_refused(state, current, service)
        .await?
        .and_then(|stated| citizenship_notice(state, t, service, &stated));
    if let Some(wanted) = chosen.filter(|w| holders.iter().any(|h| h.value == *w)) {
        for holder in &mut holders {
            holder.chosen = holder.value == wanted;
        }
    }
    Ok(NewPage {
        frame: Frame::new(
            state,
            lang,
            t.m("case-new-title"),
            &format!("applications/new?service={}", service.id),
        )
        .texts_of([authority]),
        service_id: service.id.clone(),
        service_name: service.name.get(lang).to_string(),
        authority_name: authority.name.get(lang).to_string(),
        assurance_ways,
        holders,
        csrf: current.session.csrf_token.clone(),
        error,
        citizenship,
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
    match page(
        &state,
        lang,
        &current,
        authority,
        service,
        None,
        query.holder.as_deref(),
    )
    .await
    {
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
    match draft::start(&state, &current, &form.service, &form.holder, Keyed::No).await {
        Ok(Ok(case)) => {
            Redirect::to(&crate::done::Done::CaseStarted.after(&case_href(lang, &case.id)))
                .into_response()
        }
        Ok(Err(refusal)) => {
            let key = match refusal {
                DraftRefusal::Assurance => "case-error-assurance",
                DraftRefusal::Holder | DraftRefusal::Service => "case-error-holder",
                DraftRefusal::Citizenship => "case-error-citizenship",
            };
            refused(&state, lang, &current, (authority, service), key).await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
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
    match page(
        state,
        lang,
        current,
        authority,
        service,
        Some(t.m(key)),
        None,
    )
    .await
    {
        Ok(p) => (StatusCode::UNPROCESSABLE_ENTITY, html(&p)).into_response(),
        Err(e) => e.into_response(),
    }
}
