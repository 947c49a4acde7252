//! A person confirms who they are through their bank card's 3-D Secure
//! check: the online sibling of the identity check at a counter. The bank's
//! signed answer binds the national id it vouches for to the account and
//! raises the account to "card" assurance.

use super::register::{expired_form, try_again_page};
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::pages::PageLang;
use crate::pages::{Frame, html};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use ghiseu_domain::account::AssuranceLevel;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_payments::CheckRequest;
use ghiseu_storage::card_checks::{self, ClaimRefusal, NewCardCheck};
use ghiseu_storage::identity::CheckRefusal;
use ghiseu_storage::{StorageError, accounts};
use serde::Deserialize;

use ghiseu_app::accounts::card_check::{Completion, complete};

const CHECK_TTL_MICROS: i64 = 15 * 60 * 1_000_000;
const HOUR_MICROS: i64 = 3600 * 1_000_000;
/// Checks a person may start per hour.
const CHECKS_PER_HOUR: i64 = 10;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/account/card-check", get(form).post(start))
        .route("/{lang}/account/card-check/return", get(finish))
}

#[derive(Template)]
#[template(path = "account/card_check.html")]
struct StartPage<'a> {
    frame: Frame<'a>,
    available: bool,
    assurance: String,
    in_person: bool,
    csrf: String,
}

/// What became of an answer, as the person reads it.
#[derive(Template)]
#[template(path = "account/card_result.html")]
struct ResultPage<'a> {
    frame: Frame<'a>,
    confirmed: bool,
    body: Vec<String>,
    link: (String, String),
}

fn t(state: &AppState, lang: Lang) -> Tr<'_> {
    Tr {
        i18n: &state.i18n,
        lang,
    }
}

pub(crate) async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
) -> Response {
    let t = t(&state, lang);
    html(&StartPage {
        frame: Frame::new(&state, lang, t.m("card-title"), "account/card-check"),
        available: state.card_identity.provider().is_some(),
        assurance: t.m(&format!("assurance-{}", current.person.assurance)),
        in_person: current.person.assurance == AssuranceLevel::InPerson.code(),
        csrf: current.session.csrf_token.clone(),
    })
}

/// Where a result page leads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    /// The identity is confirmed: back to the account.
    Done,
    /// Nothing to retry: back to the account.
    Account,
    /// Start a new check.
    Again,
}

fn result(
    state: &AppState,
    lang: Lang,
    status: StatusCode,
    title: &str,
    body: Vec<String>,
    next: Next,
) -> Response {
    let t = t(state, lang);
    let link = if next == Next::Again {
        (
            format!("/{}/account/card-check", lang.code()),
            t.m("card-try-again"),
        )
    } else {
        (format!("/{}/account", lang.code()), t.m("account-title"))
    };
    let page = ResultPage {
        frame: Frame::new(state, lang, t.m(title), "account/card-check"),
        confirmed: next == Next::Done,
        body,
        link,
    };
    (status, html(&page)).into_response()
}

fn unavailable(state: &AppState, lang: Lang) -> Response {
    let body = vec![t(state, lang).m("card-unavailable")];
    result(
        state,
        lang,
        StatusCode::NOT_FOUND,
        "card-unavailable-title",
        body,
        Next::Account,
    )
}

fn storage_failed(state: &AppState, lang: Lang, error: &StorageError) -> Response {
    tracing::error!(error = %error, "a card check could not be read or saved");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        html(&try_again_page(state, lang)),
    )
        .into_response()
}

#[derive(Deserialize)]
pub(crate) struct StartForm {
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
            html(&expired_form(&state, lang, "account/card-check")),
        )
            .into_response();
    }
    let Some(provider) = state.card_identity.provider() else {
        return unavailable(&state, lang);
    };
    let now = state.clock.now().as_microsecond();
    let person_id = &current.person.id;
    match accounts::throttle_hit(
        &state.db,
        &format!("card-check:person:{person_id}"),
        HOUR_MICROS,
        CHECKS_PER_HOUR,
        now,
    )
    .await
    {
        Ok(true) => {}
        Ok(false) => {
            let body = vec![t(&state, lang).m("card-throttled")];
            return result(
                &state,
                lang,
                StatusCode::TOO_MANY_REQUESTS,
                "card-throttled-title",
                body,
                Next::Account,
            );
        }
        Err(e) => return storage_failed(&state, lang, &e),
    }
    let id = uuid::Uuid::now_v7().to_string();
    let check = NewCardCheck {
        id: &id,
        person_id,
        provider: provider.name(),
        now,
        expires_at: now.saturating_add(CHECK_TTL_MICROS),
    };
    if let Err(e) = card_checks::start(&state.db, &check).await {
        return storage_failed(&state, lang, &e);
    }
    let return_url = format!(
        "{}/{}/account/card-check/return",
        state.public_url,
        lang.code()
    );
    let request = CheckRequest {
        reference: &id,
        return_url: &return_url,
        lang: lang.code(),
    };
    match provider.begin(request).await {
        Ok(url) => see_other(&url),
        Err(e) => {
            tracing::error!(error = %e, "the card provider did not start a check");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&try_again_page(&state, lang)),
            )
                .into_response()
        }
    }
}

/// A redirect to an address that may not be fit for a header (then a 502).
pub(crate) fn see_other(url: &str) -> Response {
    match HeaderValue::from_str(url) {
        Ok(location) => (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
        Err(_) => StatusCode::BAD_GATEWAY.into_response(),
    }
}

pub(crate) async fn finish(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let Some(provider) = state.card_identity.provider() else {
        return unavailable(&state, lang);
    };
    let t = t(&state, lang);
    let answer = match provider.verify(&query) {
        Ok(answer) => answer,
        Err(e) => {
            tracing::warn!(error = %e, person = %current.person.id, "a card check answer was refused");
            let body = vec![t.m("card-bad-answer")];
            return result(
                &state,
                lang,
                StatusCode::BAD_REQUEST,
                "card-bad-answer-title",
                body,
                Next::Again,
            );
        }
    };
    let completion = match complete(&state, &current, provider.name(), &answer).await {
        Ok(c) => c,
        Err(e) => return storage_failed(&state, lang, &e),
    };
    let (status, title, body, next) = match completion {
        Completion::Bound { masked, level } => {
            let mut body = vec![t.with(
                "card-done-body",
                &[("number", crate::i18n::text_arg(masked))],
            )];
            body.push(if level == AssuranceLevel::InPerson.code() {
                t.m("card-done-kept-in-person")
            } else {
                t.m("card-done-level")
            });
            (StatusCode::OK, "card-done-title", body, Next::Done)
        }
        Completion::Declined => (
            StatusCode::OK,
            "card-declined-title",
            vec![t.m("card-declined")],
            Next::Again,
        ),
        Completion::Unclaimed(refusal) => {
            let (status, key) = match refusal {
                ClaimRefusal::Unknown => (StatusCode::NOT_FOUND, "card-refused-unknown"),
                ClaimRefusal::OtherPerson => (StatusCode::FORBIDDEN, "card-refused-other-person"),
                ClaimRefusal::Used => (StatusCode::CONFLICT, "card-refused-used"),
                ClaimRefusal::Expired => (StatusCode::GONE, "card-refused-expired"),
            };
            (status, "card-refused-title", vec![t.m(key)], Next::Again)
        }
        Completion::InvalidNationalId => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "card-refused-title",
            vec![t.m("card-refused-invalid-id")],
            Next::Account,
        ),
        Completion::Refused(refusal) => {
            let key = match refusal {
                CheckRefusal::NationalIdTaken => "card-refused-taken",
                CheckRefusal::DifferentNationalId => "card-refused-different",
                CheckRefusal::UnknownPerson => "card-refused-unknown",
            };
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "card-refused-title",
                vec![t.m(key)],
                Next::Account,
            )
        }
    };
    result(&state, lang, status, title, body, next)
}
