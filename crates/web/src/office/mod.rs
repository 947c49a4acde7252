//! The back office: pages for operators, supervisors and administrators.

mod guardianships;
mod identity;

use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::pages::view::Tr;
use crate::pages::{Frame, html};
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use ghiseu_domain::account::Role;
use ghiseu_domain::catalogue::Lang;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/office/identity",
            get(identity::form).post(identity::record),
        )
        .route(
            "/{lang}/office/guardianships",
            get(guardianships::list).post(guardianships::decide),
        )
}

/// A signed-in member of staff. Checked by the extractor, so no office
/// handler can forget it: citizens get 403, strangers the login page.
pub struct Staff(pub CurrentPerson);

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let current = CurrentPerson::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match Role::parse(&current.person.role) {
            Some(Role::Operator | Role::Supervisor | Role::Administrator) => Ok(Staff(current)),
            _ => {
                let lang = if parts.uri.path().starts_with("/en/") {
                    Lang::En
                } else {
                    Lang::Ro
                };
                let t = Tr {
                    i18n: &state.i18n,
                    lang,
                };
                let page = crate::accounts::MessagePage {
                    frame: Frame::new(state, lang, t.m("office-forbidden-title"), ""),
                    body: vec![t.m("office-forbidden-body")],
                    link: None,
                };
                Err((StatusCode::FORBIDDEN, html(&page)).into_response())
            }
        }
    }
}
